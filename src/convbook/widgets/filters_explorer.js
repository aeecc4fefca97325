// The filters explorer: a trained network's first-layer filters after each epoch, stored while
// it trained, and the feature map each makes of one digit, computed here from the stored filters.
// Wired from the kit (kit/KIT.md): its player and buttons, store, model bridge and theme.
import { corr2d, range } from "./convmath.js";
import { canvas, fmt, heatmap } from "./draw.js";
import { bridge } from "./kit/bridge.js";
import { el, labelled, playerControls, setSlider, slider, uniqueId } from "./kit/controls.js";
import { createPlayer } from "./kit/player.js";
import { createStore } from "./kit/store.js";
import { followTheme } from "./kit/theme.js";

const FILTER_CELL = 20; // pixels a filter entry
const MAP_ROOM = 72; // pixels a feature map's side
const DIGIT_ROOM = 120;

/** Each filter's map of the image with its bias added: the layer's output before the ReLU. */
export function featureMaps(image, filters, biases) {
  return filters.map((K, n) => corr2d(image, K).map((row) => row.map((v) => v + biases[n])));
}

function percent(fraction) {
  return `${(100 * fraction).toFixed(1)} %`;
}

/** The words beside the slider: where training stands after `epoch` epochs. */
export function status(epoch, losses, accuracies) {
  if (epoch === 0) return `Epoch 0 of ${losses.length}: the random start, before any training.`;
  return `After epoch ${epoch} of ${losses.length}: held-out accuracy ${percent(accuracies[epoch - 1])}, ` +
    `mean training loss ${losses[epoch - 1].toFixed(3)}.`;
}

function table(filters) {
  return filters.map((K, n) => `filter ${n + 1}\n` +
    K.map((row) => row.map((v) => v.toFixed(3).padStart(7)).join(" ")).join("\n")).join("\n\n");
}

/** The digit in grey, as the book draws photos: black 0, white 1. */
function greyMap(ctx, M, cell) {
  M.forEach((row, i) => row.forEach((v, j) => {
    const level = Math.round(255 * Math.min(1, Math.max(0, v)));
    ctx.fillStyle = `rgb(${level},${level},${level})`;
    ctx.fillRect(j * cell, i * cell, cell, cell);
  }));
}

/** A strip of the colour scale from low to high, its two ends written beside it in the page's
 * text colour (so they follow the theme), and what it measures. */
function keyFor(low, high, words) {
  const key = el("div", "cb-key");
  const label = `colour scale from ${fmt(low)} (blue) through 0 (white) to ${fmt(high)} (red)`;
  const strip = canvas(120, 12, label);
  const row = Array.from({ length: 120 }, (_, x) => low + ((high - low) * x) / 119);
  heatmap(strip.getContext("2d"), Array(12).fill(row), 1, low, high);
  key.append(el("span", "", fmt(low)), strip, el("span", "", fmt(high)), el("span", "cb-key-words", words));
  return key;
}

function figure(drawing, caption) {
  const node = el("figure");
  node.append(drawing, el("figcaption", "", caption));
  return node;
}

/** A group named by its title. Not a heading: the widget cannot know the level a chapter puts
 * it under, and a heading of the wrong level breaks the page's outline (axe's heading-order). */
function panel(id, title) {
  const node = el("div", "cb-panel");
  const name = el("p", "cb-panel-title", title);
  name.id = id;
  node.setAttribute("role", "group");
  node.setAttribute("aria-labelledby", id);
  node.append(name);
  return node;
}

/** The parts of the view, built once for `data` (the snapshots, the digit). */
function buildView(data) {
  const { snapshots, image, last, k } = data;
  const v = { epoch: slider({ min: 0, max: last }, "epoch", "cb-epoch"), shown: el("output") };
  v.label = labelled("epoch", v.epoch);
  v.label.append(v.shown);
  v.words = el("p", "cb-status");
  v.words.setAttribute("aria-live", "polite");
  v.filterCanvases = snapshots[0].map(() => canvas(k * FILTER_CELL, k * FILTER_CELL, "filter"));
  const filterGrid = el("div", "cb-grid");
  filterGrid.append(...v.filterCanvases.map((c, n) => figure(c, `${n + 1}`)));
  const filterPanel = panel(uniqueId("cb-fx-filters"), "First-layer filters");
  filterPanel.append(filterGrid, keyFor(-data.bound, data.bound, "filter entry, one scale for every epoch"));
  const mapSize = [image.length - k + 1, image[0].length - k + 1];
  v.mapCell = Math.max(2, Math.floor(MAP_ROOM / Math.max(...mapSize)));
  const digitCell = Math.max(2, Math.floor(DIGIT_ROOM / Math.max(image.length, image[0].length)));
  const digit = canvas(image[0].length * digitCell, image.length * digitCell,
    `the input digit, ${image.length} by ${image[0].length} pixels, in grey: ink white, paper black`);
  greyMap(digit.getContext("2d"), image, digitCell);
  v.mapCanvases = snapshots[0].map(() => canvas(mapSize[1] * v.mapCell, mapSize[0] * v.mapCell, "map"));
  const mapGrid = el("div", "cb-grid");
  mapGrid.append(...v.mapCanvases.map((c, n) => figure(c, `${n + 1}`)));
  v.mapKey = el("div");
  const digitFigure = figure(digit, `input (${image.length} × ${image[0].length})`);
  digitFigure.classList.add("cb-digit");
  const mapRow = el("div", "cb-maps");
  mapRow.append(digitFigure, mapGrid);
  const mapPanel = panel(uniqueId("cb-fx-maps"), "Their feature maps of one digit (before the ReLU)");
  mapPanel.append(mapRow, v.mapKey);
  v.details = el("details");
  [v.summary, v.values] = [el("summary"), el("pre", "cb-values")];
  v.details.append(v.summary, v.values);
  v.controls = el("div", "cb-row");
  v.controls.append(v.label);
  v.box = el("div", "cb-widget cb-fx");
  v.box.append(v.controls, v.words, filterPanel, mapPanel, v.details);
  return v;
}

/** Everything epoch `epoch` shows: its filters, the maps they make, the words beside the slider. */
function draw(v, data, epoch) {
  const { snapshots, biases, losses, accuracies, image, last, k, bound } = data;
  const filters = snapshots[epoch];
  setSlider(v.epoch, epoch, epoch ? `epoch ${epoch} of ${last}` : `epoch 0 of ${last}, the random start`);
  v.shown.textContent = `${epoch} of ${last}`;
  v.words.textContent = status(epoch, losses, accuracies);
  filters.forEach((K, n) => {
    heatmap(v.filterCanvases[n].getContext("2d"), K, FILTER_CELL, -bound, bound);
    const entries = K.map((row) => row.map((x) => fmt(x, 2)).join(", ")).join("; ");
    v.filterCanvases[n].setAttribute("aria-label", `filter ${n + 1}, ${k} by ${k}, rows: ${entries}`);
  });
  const maps = featureMaps(image, filters, biases[epoch]);
  const [low, high] = range(...maps);
  const mapBound = Math.max(Math.abs(low), Math.abs(high)) || 1;
  maps.forEach((M, n) => {
    const [lo, hi] = range(M);
    const c = v.mapCanvases[n];
    heatmap(c.getContext("2d"), M, v.mapCell, -mapBound, mapBound);
    c.setAttribute("aria-label", `feature map ${n + 1}, ${M.length} by ${M[0].length}, from ${fmt(lo)} to ${fmt(hi)}`);
    c.dataset.low = String(lo);
    c.dataset.high = String(hi);
  });
  v.mapKey.replaceChildren(keyFor(-mapBound, mapBound, "map value, this epoch's scale"));
  v.summary.textContent = `Filter values after epoch ${epoch}`;
  v.values.textContent = table(filters);
}

/** What the model holds, read once: the snapshots never change. */
function readData(model) {
  const snapshots = model.get("snapshots");
  return {
    snapshots, biases: model.get("bias_snapshots"), losses: model.get("losses"),
    accuracies: model.get("accuracies"), image: model.get("image"), last: snapshots.length - 1,
    k: snapshots[0][0].length, bound: Math.max(...snapshots.flat(3).map(Math.abs)) || 1, // one scale for every epoch
  };
}

/** The player over the epochs: play stops at the last; from the end it starts over at 0. */
function makePlayer(store, last, speed, onChange) {
  let rewound = false;
  return createPlayer({
    speed,
    onChange,
    atEnd: () => store.get().epoch >= last,
    rewind: () => { rewound = true; }, // the next step shows epoch 0
    step: () => {
      const epoch = rewound ? 0 : Math.min(last, store.get().epoch + 1);
      rewound = false;
      store.set({ epoch }, "player");
      return epoch < last;
    },
  });
}

function render({ model, el: root }) {
  const data = readData(model);
  const v = buildView(data);
  root.replaceChildren(v.box);
  const within = (epoch) => Math.min(data.last, Math.max(0, epoch));
  const store = createStore({ epoch: within(model.get("epoch")) });
  const link = bridge(model, ["epoch"], ({ epoch }) => store.set({ epoch: within(epoch) }, "python"));
  const speeds = model.get("speed_range");
  let buttons = null;
  const show = () => {
    buttons?.update({ last: store.get().epoch >= data.last });
    v.words.setAttribute("aria-live", player.playing ? "off" : "polite"); // no stream of announcements
  };
  const player = makePlayer(store, data.last, speeds.start, show);
  buttons = playerControls(player, { speedRange: speeds, unit: "epochs" });
  v.controls.append(...buttons.row.children);
  const unsubscribe = store.subscribe((state, changed, cause) => {
    if (cause !== "player") player.pause(); // every change but the player's own stops it (KIT.md)
    draw(v, data, state.epoch);
    show();
  });
  v.epoch.addEventListener("input", () => store.set({ epoch: Number(v.epoch.value) }, "dragged"));
  v.epoch.addEventListener("change", () => link.save({ epoch: store.get().epoch }));
  const unfollow = followTheme(v.box); // light or dark, from where the widget sits
  draw(v, data, store.get().epoch);
  show();
  return () => {
    player.dispose();
    [unsubscribe, unfollow, link.dispose].forEach((f) => f());
  };
}

export default { render };
