// The receptive-field explorer: a stack of convolutions and pooling windows along one axis of an
// image; hover over (or focus) a cell of any layer to light the cells it depends on in every map
// below, with the recurrence for the field's size and jump written out. Everything is computed
// here in the browser (receptive_math.js). The state lives in one store; what each kind of
// change does is the kit's table (kit/KIT.md). A setting no output fits is refused in words
// beside its control, and the last stack that fits is kept.
import { bridge } from "./kit/bridge.js";
import { createStore } from "./kit/store.js";
import { followTheme, themeColours } from "./kit/theme.js";
import { SETTINGS, layout } from "./receptive_controls.js";
import { strips } from "./receptive_draw.js";
import { fieldCells, layerTable } from "./receptive_math.js";
import { fieldWords, misfitWords, stepWords } from "./receptive_words.js";

const TRAITS = ["layers", "input_size"];
const HINT = "Hover over a cell of a layer, or focus a strip and use the arrow keys, to light the cells it depends on below.";
const fromTraits = (v) => ({ layers: v.layers, inputSize: v.input_size });

/** Controls show the state, except the box the reader is typing into. */
function showControls(ui, s, typing) {
  ui.count.select.value = String(s.layers.length);
  if (typing !== ui.input) ui.input.set(s.inputSize);
  ui.layers.forEach((row, l) => {
    if (!row) return;
    const L = s.layers[l - 1];
    row.row.hidden = !L;
    if (!L) return;
    row.kind.select.value = L.kind;
    row.labels.kernel.textContent = L.kind === "pool" ? "window" : "kernel";
    row.boxes.dilation.control.hidden = L.kind === "pool";
    for (const name of SETTINGS) if (row.boxes[name].box !== typing) row.boxes[name].box.set(L[name]);
  });
}

function draw(ui, view, s) {
  const { rows } = layerTable(s.layers, s.inputSize);
  const at = s.at && s.at.layer < rows.length && s.at.index < rows[s.at.layer].size ? s.at : null;
  const cells = at ? fieldCells(s.layers, rows.map((r) => r.size), at.layer, at.index) : [];
  view.draw({ layers: s.layers, rows, cells, at, colours: themeColours(ui.box) });
  ui.hover.textContent = at ? fieldWords(rows, cells, at.layer, at.index) : HINT;
  ui.steps.replaceChildren(...s.layers.map((_, l) => Object.assign(document.createElement("li"), { textContent: stepWords(s.layers, rows, l + 1) })));
}

function render({ model, el: root }) {
  const ranges = model.get("ranges");
  const py = bridge(model, TRAITS, (v) => store.set({ ...fromTraits(v), at: null }, "python"));
  const store = createStore({ ...fromTraits(py.read()), at: null });
  const act = actions(store, py, ranges, model.get("presets"));
  const ui = layout(ranges, Object.keys(model.get("presets")), act);
  act.ui = ui;
  root.replaceChildren(ui.box);
  const cursor = (m) => ({ shape: () => [1, layerTable(store.get().layers, store.get().inputSize).rows[m]?.size ?? 1],
    at: () => { const { at } = store.get(); return at && at.layer === m ? [0, at.index] : null; },
    move: ([, index]) => store.set({ at: { layer: m, index } }, "cursor"), leave: () => store.set({ at: null }, "cursor") });
  const view = strips(ui.strips, ranges.layers.max, cursor);
  store.subscribe((s, changed, cause) => {
    if (cause !== "cursor") {
      ui.box.querySelectorAll(".cb-refusal").forEach((n) => { if (!act.keep.has(n)) n.textContent = ""; });
      showControls(ui, s, cause === "typed" ? act.typing : null);
    }
    draw(ui, view, s);
    if (cause === "chosen") act.save();
  });
  const unfollow = followTheme(ui.box, () => draw(ui, view, store.get()));
  showControls(ui, store.get(), null);
  draw(ui, view, store.get());
  return () => [unfollow, py.dispose, view.dispose].forEach((f) => f());
}

/** Refuse `layers` with words in `words` if some layer no output fits; true if it fits. */
function fits(layers, inputSize, words, [head, tail]) {
  const { rows, misfit } = layerTable(layers, inputSize);
  if (!misfit) return true;
  words.textContent = `${head}: ${misfitWords(layers, rows, misfit)}${tail ? ` ${tail}` : ""}`;
  return false;
}

/** What the reader can do, each a change of one kind (KIT.md); a pool's padding follows its window. */
function actions(store, py, ranges, presets) {
  const act = {
    typing: null, keep: new Set(), ui: null,
    label: (l, name) => (name === "kernel" && store.get().layers[l - 1]?.kind === "pool" ? "window" : name),
    rule(l, name) {
      if (name === "input_size") return { low: ranges.input_size.min, high: ranges.input_size.max, whole: true };
      const L = store.get().layers[l - 1];
      const high = name === "padding" && L?.kind === "pool" ? Math.min(ranges.padding.max, Math.floor(L.kernel / 2)) : ranges[name].max;
      return { low: ranges[name].min, high, whole: true };
    },
    change(patch, how, words, head, typing = null) {
      const next = { ...store.get(), ...patch };
      act.keep = new Set();
      if (!fits(next.layers, next.inputSize, words, head)) {
        if (typing) typing.input.setAttribute("aria-invalid", "true");
        act.keep.add(words);
        showControls(act.ui, store.get(), typing);
        return;
      }
      act.typing = typing;
      store.set({ ...patch, at: null }, how);
      act.typing = null;
    },
    setting(l, name, v, box) {
      const layers = store.get().layers.map((L) => ({ ...L }));
      layers[l - 1][name] = v;
      const L = layers[l - 1];
      if (L.kind === "pool") L.padding = Math.min(L.padding, Math.floor(L.kernel / 2));
      const kept = store.get().layers[l - 1][name];
      act.change({ layers }, "typed", box.message, [`Layer ${l} ${act.label(l, name)} ${v} is refused`, `It stays ${kept}.`], box);
    },
    inputSize: (v, box) => act.change({ inputSize: v }, "typed", box.message,
      [`Input size ${v} is refused`, `It stays ${store.get().inputSize}.`], box),
    kind(l, kind) {
      const layers = store.get().layers.map((L) => ({ ...L }));
      const L = Object.assign(layers[l - 1], { kind });
      if (kind === "pool") Object.assign(L, { dilation: 1, padding: Math.min(L.padding, Math.floor(L.kernel / 2)) });
      act.change({ layers }, "chosen", act.ui.layers[l].kind.words, [`Layer ${l} as ${kind === "pool" ? "pooling" : "a convolution"} is refused`, "It stays as it was."]);
    },
    count(c) {
      const layers = store.get().layers.slice(0, c);
      while (layers.length < c) layers.push({ kind: "conv", kernel: 3, stride: 1, padding: 1, dilation: 1 });
      act.change({ layers }, "chosen", act.ui.count.words, [`${c} layers are refused`, `It stays ${store.get().layers.length}.`]);
    },
    preset(name) {
      const p = presets[name];
      act.change({ layers: p.layers, inputSize: p.input_size }, "chosen", act.ui.stack.words, [`${name} is refused`, ""]);
      act.ui.stack.select.value = "";
    },
    leave() {
      showControls(act.ui, store.get(), null);
      act.save();
    },
    save() {
      const s = store.get();
      py.save({ layers: s.layers, input_size: s.inputSize });
    },
  };
  return act;
}

export default { render };
