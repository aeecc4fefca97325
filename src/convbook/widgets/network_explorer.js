// The network explorer: draw a digit (or pick a held-out one) and watch the chapter's trained
// SmallCNN read it: its maps layer by layer and its ten probabilities, with the weights stored
// after a few epochs of training. The whole forward pass is computed here in the browser
// (network_math.js) from the stored weights (network_weights.js). Hover over (or focus) a map
// cell to ring its receptive field in every layer below (network_field.js). The state lives in
// one store; what each kind of change does is the kit's table (kit/KIT.md).
import { setSlider } from "./kit/controls.js";
import { bridge } from "./kit/bridge.js";
import { createStore } from "./kit/store.js";
import { followTheme } from "./kit/theme.js";
import { layout } from "./network_controls.js";
import { blank, stroke, toggle } from "./network_draw.js";
import { receptiveField, shapes as layerShapes } from "./network_field.js";
import { forward, predicted } from "./network_math.js";
import { buildPictures, drawInput, drawLayer } from "./network_panels.js";
import { drawing, tileCursor } from "./network_pointer.js";
import { digitImage, network } from "./network_weights.js";
import { cellWords, epochWords, percent, verdict } from "./network_words.js";

const TRAITS = ["image", "choice", "epoch"];
const HINT = "Hover over a cell of any map, or focus a layer and use the arrow keys, to see the part of every layer below that it reads.";
const CLEARS = new Set(["dragged", "chosen", "drawn", "python"]); // clear the words of a refusal

const fromTraits = (v) => ({ image: v.image, choice: v.choice, epoch: v.epoch });

let last = { image: null, epoch: null, view: null };
/** The forward pass of the state's image with its epoch's weights (not again for a hover). */
function viewOf(s, nets) {
  if (s.image !== last.image || s.epoch !== last.epoch) {
    const out = forward(nets.get(s.epoch), s.image);
    last = { image: s.image, epoch: s.epoch, view: { out, maps: [out.relu1, out.pool1, out.relu2, out.pool2] } };
  }
  return last.view;
}

function draw(ui, pics, s, w) {
  const view = viewOf(s, w.nets);
  const at = s.at;
  const field = at ? receptiveField(w.side, w.layers, at.level, at.channel, at.i, at.j) : null;
  drawInput(pics.input, s.image, pics.inputCell, { pen: s.pen, box: field?.[0] });
  pics.layers.forEach((l, n) => drawLayer(l.canvas, l.tiling, view.maps[n], l.cell, field?.[n + 1] ?? null));
  const p = view.out.probabilities;
  ui.bars.show(p, predicted(p));
  const digit = w.digits.find((d) => d.name === s.choice);
  ui.verdict.textContent = verdict(p, w.names, digit ? digit.label : null);
  ui.hover.textContent = at ? cellWords(at, view.maps[at.level - 1][at.channel][at.i][at.j], field) : HINT;
}

function showControls(ui, s, w) {
  ui.choice.value = s.choice;
  const n = w.epochs.indexOf(s.epoch);
  const snapshot = w.snapshots[n];
  const words = `${epochWords(s.epoch)}: ${percent(snapshot.accuracy)} of the held-out digits right`;
  setSlider(ui.epoch, n, words);
  ui.epochWords.textContent = words;
}

function render({ model, el: root }) {
  const w = world(model);
  const py = bridge(model, TRAITS, (v) => store.set({ ...fromTraits(v), at: null }, "python"));
  const store = createStore({ ...fromTraits(py.read()), at: null, pen: null });
  const act = actions(store, py, w);
  const ui = layout({ choices: [...w.digits.map((d) => d.name), w.drawing], epochs: w.epochs, names: w.names }, act);
  root.replaceChildren(ui.box);
  const pics = buildPictures(ui.panels, w.side, layerShapes(w.side, w.layers));
  const cleanups = [drawing(pics.input, w.side, () => store.get().pen, act.pen)];
  pics.layers.forEach((l, n) => cleanups.push(tileCursor(l.canvas, l.tiling, {
    at: () => (store.get().at?.level === n + 1 ? store.get().at : null),
    move: (a) => store.set({ at: { level: n + 1, ...a } }, "cursor"),
    leave: () => store.set({ at: null }, "cursor"),
  })));
  const redraw = () => draw(ui, pics, store.get(), w);
  store.subscribe((s, changed, cause) => {
    if (CLEARS.has(cause)) ui.problem.textContent = "";
    if (cause !== "cursor") showControls(ui, s, w);
    redraw();
    if (cause === "chosen") act.save();
  });
  cleanups.push(followTheme(ui.box, redraw), py.dispose);
  showControls(ui, store.get(), w);
  redraw();
  return () => cleanups.forEach((f) => f());
}

/** What the page was sent: the decoded networks of each stored epoch, the digits, the limits. */
function world(model) {
  const ranges = model.get("ranges");
  const snapshots = model.get("snapshots");
  const shapes = model.get("shapes");
  return {
    side: ranges.side, brush: ranges.brush, drawing: ranges.drawing, snapshots,
    epochs: snapshots.map((s) => s.epoch), layers: model.get("layers"), names: model.get("class_names"),
    nets: new Map(snapshots.map((s) => [s.epoch, network(s.weights, shapes)])),
    digits: model.get("digits").map((d) => ({ ...d, image: digitImage(d.pixels, ranges.side) })),
  };
}

/** What the reader can do, each a change of one kind (KIT.md). */
function actions(store, py, w) {
  const act = {
    choose(name) {
      const digit = w.digits.find((d) => d.name === name);
      store.set({ choice: name, image: digit ? digit.image : store.get().image, at: null }, "chosen");
    },
    clear: () => store.set({ choice: w.drawing, image: blank(w.side), at: null }, "chosen"),
    epoch: (epoch, how) => store.set({ epoch }, how),
    save() {
      const s = store.get();
      py.save({ image: s.image, choice: s.choice, epoch: s.epoch });
    },
    pen: {
      stroke: (from, to) => store.set({ image: stroke(store.get().image, from, to, w.brush), choice: w.drawing }, "drawn"),
      toggle: ([r, c]) => store.set({ image: toggle(store.get().image, r, c, w.brush), choice: w.drawing }, "drawn"),
      pen: (pen) => store.set({ pen }, "cursor"),
      done: () => act.save(),
    },
  };
  return act;
}

export default { render };
