// The pooling explorer: max or average pooling of a photo or a digit with a window, a stride and
// a padding; hover over (or focus) an output cell to see its window, the pixel that won its max
// (where its gradient goes) or its mean, written out. Everything is computed here in the
// browser (pooling_math.js). The state lives in one store; what each kind of change does is
// the kit's table (kit/KIT.md).
import { setSlider } from "./kit/controls.js";
import { bridge } from "./kit/bridge.js";
import { createStore } from "./kit/store.js";
import { followTheme, themeColours } from "./kit/theme.js";
import { SETTINGS, layout } from "./pooling_controls.js";
import { gradientOfSum, pool } from "./pooling_math.js";
import { pictures } from "./pooling_panels.js";
import { describe, gradientWords, sizeWords } from "./pooling_words.js";

const TRAITS = ["image_name", "mode", "window", "stride", "padding"];
const HINT = "Hover over an output cell, or focus it and use the arrow keys, to see its window and what made it.";
const CLEARS = new Set(["dragged", "chosen", "python"]); // clear the words of a refusal

const fromTraits = (v) => ({ imageName: v.image_name, mode: v.mode, window: v.window, stride: v.stride, padding: v.padding });
const settingsOf = (s) => ({ mode: s.mode, window: s.window, stride: s.stride, padding: s.padding });

/** The rule of a setting's box now: its range, and for the padding at most half the window. */
function ruleOf(name, s, ranges) {
  const high = name === "padding" ? Math.min(ranges.padding.max, Math.floor(s.window / 2)) : ranges[name].max;
  return { low: ranges[name].min, high, whole: true };
}

let last = { key: "", view: null };
/** What the state shows: image, pooled output and winners, the gradient (not again for a hover). */
function viewOf(s, images) {
  const key = JSON.stringify([s.imageName, settingsOf(s)]);
  if (key !== last.key) {
    const X = images[s.imageName];
    const settings = settingsOf(s);
    const pooled = pool(X, settings);
    last = { key, view: { X, settings, pooled, G: gradientOfSum(X, settings, pooled) } };
  }
  return last.view;
}

/** Controls show the state, except the box the reader is typing into. */
function showControls(ui, s, ranges, typing) {
  ui.imageSelect.value = s.imageName;
  ui.modeSelect.value = s.mode;
  for (const name of SETTINGS) {
    const { input, box } = ui.settings[name];
    if (name === "padding") input.max = String(ruleOf("padding", s, ranges).high);
    setSlider(input, s[name], `${name} ${s[name]}`);
    if (name !== typing) box.set(s[name]);
  }
}

function render({ model, el: root }) {
  const ranges = model.get("ranges");
  const images = model.get("images");
  const py = bridge(model, TRAITS, (v) => store.set({ ...fromTraits(v), at: null }, "python"));
  const store = createStore({ ...fromTraits(py.read()), at: null });
  const act = actions(store, py, ranges);
  const ui = layout(ranges, Object.keys(images), act);
  root.replaceChildren(ui.box);
  const cursor = { shape: () => { const { Y } = viewOf(store.get(), images).pooled; return [Y.length, Y[0].length]; },
    at: () => store.get().at, move: (at) => store.set({ at }, "cursor"), leave: () => store.set({ at: null }, "cursor") };
  const panels = pictures(ui.panels, cursor);
  function draw() {
    const s = store.get();
    const view = viewOf(s, images);
    panels.draw({ ...view, at: s.at, colours: themeColours(ui.box) });
    ui.shape.textContent = sizeWords(view.X, view.settings);
    ui.hover.textContent = s.at ? describe(view.X, view.pooled, view.settings, s.at) : HINT;
    ui.gradient.textContent = gradientWords(view.G, s.mode);
  }
  store.subscribe((s, changed, cause) => {
    if (CLEARS.has(cause)) ui.problem.textContent = "";
    if (cause !== "cursor") showControls(ui, s, ranges, cause === "typed" ? act.typing : null);
    draw();
    if (cause === "chosen") act.save();
  });
  const unfollow = followTheme(ui.box, draw);
  showControls(ui, store.get(), ranges, null);
  draw();
  return () => [unfollow, py.dispose, panels.dispose].forEach((f) => f());
}

/** What the reader can do, each a change of one kind (KIT.md); the padding follows the window. */
function actions(store, py, ranges) {
  const act = {
    typing: null,
    rule: (name) => ruleOf(name, store.get(), ranges),
    value(name, v, how) {
      const patch = { [name]: v, at: null };
      if (name === "window") patch.padding = Math.min(store.get().padding, Math.floor(v / 2));
      act.typing = how === "typed" ? name : null;
      store.set(patch, how);
      act.typing = null;
    },
    choose: (patch) => store.set({ ...patch, at: null }, "chosen"),
    save() {
      const s = store.get();
      py.save({ image_name: s.imageName, mode: s.mode, window: s.window, stride: s.stride, padding: s.padding });
    },
  };
  return act;
}

export default { render };
