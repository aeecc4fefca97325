// The filters explorer: a trained network's first-layer filters after each epoch, stored while
// it trained, and the feature map each makes of one digit, computed here from the stored filters.
import { corr2d, range } from "./convmath.js";
import { canvas, el, fmt, heatmap, save } from "./draw.js";
import { followTheme } from "./kit/theme.js";

const FILTER_CELL = 20; // pixels a filter entry
const MAP_ROOM = 72; // pixels a feature map's side
const DIGIT_ROOM = 120;
const STEP_MS = 700; // play: one epoch every this many milliseconds

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

function render({ model, el: root }) {
  const snapshots = model.get("snapshots");
  const biases = model.get("bias_snapshots");
  const losses = model.get("losses");
  const accuracies = model.get("accuracies");
  const image = model.get("image");
  const last = snapshots.length - 1;
  const bound = Math.max(...snapshots.flat(3).map(Math.abs)) || 1; // one scale for every epoch
  let epoch = Math.min(last, Math.max(0, model.get("epoch")));
  let timer = null;

  const slider = el("input", "cb-epoch");
  Object.assign(slider, { type: "range", min: "0", max: String(last), step: "1" });
  const shown = el("output");
  const label = el("label", "cb-control");
  label.append(el("span", "", "epoch"), slider, shown);
  const play = el("button", "cb-play", "▶ Play");
  play.type = "button";
  const controls = el("div", "cb-row");
  controls.append(label, play);
  const words = el("p", "cb-status");
  words.setAttribute("aria-live", "polite");

  const k = snapshots[0][0].length;
  const filterCanvases = snapshots[0].map(() => canvas(k * FILTER_CELL, k * FILTER_CELL, "filter"));
  const filterGrid = el("div", "cb-grid");
  filterGrid.append(...filterCanvases.map((c, n) => figure(c, `${n + 1}`)));
  const filterPanel = el("section", "cb-panel");
  filterPanel.append(el("h4", "", "First-layer filters"), filterGrid,
    keyFor(-bound, bound, "filter entry, one scale for every epoch"));

  const mapSize = [image.length - k + 1, image[0].length - k + 1];
  const mapCell = Math.max(2, Math.floor(MAP_ROOM / Math.max(...mapSize)));
  const digitCell = Math.max(2, Math.floor(DIGIT_ROOM / Math.max(image.length, image[0].length)));
  const digit = canvas(image[0].length * digitCell, image.length * digitCell,
    `the input digit, ${image.length} by ${image[0].length} pixels, in grey: ink white, paper black`);
  greyMap(digit.getContext("2d"), image, digitCell);
  const mapCanvases = snapshots[0].map(() => canvas(mapSize[1] * mapCell, mapSize[0] * mapCell, "map"));
  const mapGrid = el("div", "cb-grid");
  mapGrid.append(...mapCanvases.map((c, n) => figure(c, `${n + 1}`)));
  const mapKey = el("div");
  const mapPanel = el("section", "cb-panel");
  const digitFigure = figure(digit, `input (${image.length} × ${image[0].length})`);
  digitFigure.classList.add("cb-digit");
  const mapRow = el("div", "cb-maps");
  mapRow.append(digitFigure, mapGrid);
  mapPanel.append(el("h4", "", "Their feature maps of one digit (before the ReLU)"), mapRow, mapKey);

  const details = el("details");
  const values = el("pre", "cb-values");
  const summary = el("summary");
  details.append(summary, values);
  const box = el("div", "cb-fx");
  box.append(controls, words, filterPanel, mapPanel, details);
  root.replaceChildren(box);

  function draw() {
    const filters = snapshots[epoch];
    slider.value = String(epoch);
    shown.textContent = `${epoch} of ${last}`;
    slider.setAttribute("aria-valuetext", epoch ? `epoch ${epoch} of ${last}` : `epoch 0 of ${last}, the random start`);
    words.textContent = status(epoch, losses, accuracies);
    filters.forEach((K, n) => {
      heatmap(filterCanvases[n].getContext("2d"), K, FILTER_CELL, -bound, bound);
      const entries = K.map((row) => row.map((v) => fmt(v, 2)).join(", ")).join("; ");
      filterCanvases[n].setAttribute("aria-label", `filter ${n + 1}, ${k} by ${k}, rows: ${entries}`);
    });
    const maps = featureMaps(image, filters, biases[epoch]);
    const [low, high] = range(...maps);
    const mapBound = Math.max(Math.abs(low), Math.abs(high)) || 1;
    maps.forEach((M, n) => {
      const [lo, hi] = range(M);
      heatmap(mapCanvases[n].getContext("2d"), M, mapCell, -mapBound, mapBound);
      mapCanvases[n].setAttribute("aria-label",
        `feature map ${n + 1}, ${M.length} by ${M[0].length}, from ${fmt(lo)} to ${fmt(hi)}`);
      mapCanvases[n].dataset.low = String(lo);
      mapCanvases[n].dataset.high = String(hi);
    });
    mapKey.replaceChildren(keyFor(-mapBound, mapBound, "map value, this epoch's scale"));
    summary.textContent = `Filter values after epoch ${epoch}`;
    values.textContent = table(filters);
  }

  function stop() {
    clearTimeout(timer);
    timer = null;
    play.textContent = "▶ Play";
    words.setAttribute("aria-live", "polite");
  }

  function show(next, fromPage = true) {
    epoch = next;
    draw();
    if (fromPage) save(model, { epoch });
  }

  function tick() {
    if (epoch >= last) {
      stop();
      return;
    }
    show(epoch + 1);
    timer = epoch >= last ? (stop(), null) : setTimeout(tick, STEP_MS);
  }

  slider.addEventListener("input", () => {
    stop();
    show(Number(slider.value));
  });
  play.addEventListener("click", () => {
    if (timer) {
      stop();
      return;
    }
    if (epoch >= last) show(0);
    play.textContent = "Pause";
    words.setAttribute("aria-live", "off"); // no stream of announcements while it plays
    timer = setTimeout(tick, STEP_MS);
  });

  const fromPython = () => {
    const next = model.get("epoch");
    if (next === epoch) return; // our own change, back
    stop();
    show(Math.min(last, Math.max(0, next)), false);
  };
  model.on("change:epoch", fromPython);
  const unfollow = followTheme(box); // light or dark, from where the widget sits
  draw();
  return () => {
    stop();
    unfollow();
    model.off("change:epoch", fromPython);
  };
}

export default { render };
