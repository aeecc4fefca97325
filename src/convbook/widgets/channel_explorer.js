// The channel explorer: a colour photo, one kernel per channel (red, green, blue), the map each
// kernel makes of its channel, and their sum plus a bias: a convolutional layer with three input
// channels and one output channel. Everything is computed here in the browser, wired from the
// kit (kit/KIT.md): its number boxes (one readNumber), cell cursor, store, model bridge, theme.
import { canvas, colourScale, fmt, heatmap } from "./draw.js";
import { centred, channelMaps, signedBound, sumPlusBias } from "./channel_math.js";
import { bridge } from "./kit/bridge.js";
import { el, labelled, numberBox, options, uniqueId } from "./kit/controls.js";
import { cellCursor } from "./kit/cursor.js";
import { createStore } from "./kit/store.js";
import { followTheme } from "./kit/theme.js";


const CELL = 4; // one pixel of the photo, in CSS pixels

/** Up to four decimals, never "-0": the values listed under the maps. */
function short(v) {
  return String(Number(v.toFixed(4)));
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- Drawing on canvases ----

function pixels(ctx, rows, cols, colourAt) {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      ctx.fillStyle = colourAt(i, j);
      ctx.fillRect(j * CELL, i * CELL, CELL, CELL);
    }
  }
}

const byte = (v) => Math.round(255 * Math.min(1, Math.max(0, v)));

function drawPhoto(ctx, X) {
  pixels(ctx, X[0].length, X[0][0].length, (i, j) => `rgb(${X.map((channel) => byte(channel[i][j])).join(",")})`);
}

function drawGrey(ctx, channel) {
  pixels(ctx, channel.length, channel[0].length, (i, j) => {
    const v = byte(channel[i][j]);
    return `rgb(${v},${v},${v})`;
  });
}

/** A box around rows i .. i + h - 1 and columns j .. j + w - 1: black outside, white inside. */
function outline(ctx, i, j, h, w) {
  ctx.lineWidth = 2;
  ctx.strokeStyle = "#000";
  ctx.strokeRect(j * CELL - 1, i * CELL - 1, w * CELL + 2, h * CELL + 2);
  ctx.lineWidth = 1;
  ctx.strokeStyle = "#fff";
  ctx.strokeRect(j * CELL + 0.5, i * CELL + 0.5, w * CELL - 1, h * CELL - 1);
}

function figure(rows, cols, label, caption) {
  const node = el("figure");
  const picture = canvas(cols * CELL, rows * CELL, label);
  node.append(picture, el("figcaption", "", caption));
  return { node, picture };
}

// ---- Controls ----

/** A number box of the kit for one kernel entry or the bias: refusals in `message`, beside it. */
function entryBox(label, value, largest, message, onValue, onLeave) {
  return numberBox({
    label, value, message, onValue, onLeave, className: "cb-entry",
    rule: () => ({ low: -largest, high: largest }),
    words: (error, kept) => `${label}: ${error} Kept ${kept}.`,
  });
}

function refusalLine(id) {
  const message = el("p", "cb-refusal");
  message.id = id;
  message.setAttribute("aria-live", "polite");
  return message;
}

// ---- The view: its parts, built once ----

function channelRow(name, c, id) {
  const row = { name, message: refusalLine(`${id}-refusal-${c}`), preset: el("select", "cb-preset"), grid: el("div", "cb-grid") };
  row.preset.dataset.channel = String(c);
  row.preset.setAttribute("aria-label", `preset for the ${name} kernel`);
  row.grid.dataset.channel = String(c);
  row.kernel = el("div", "cb-kernel");
  row.kernel.append(el("span", "cb-kernel-title", `kernel on ${name}`), row.preset, row.grid, row.message);
  row.row = el("div", "cb-channel");
  row.row.dataset.channel = String(c);
  return row;
}

function buildView(data, store, save) {
  const { h, w, names, sizes, largest } = data;
  const id = uniqueId("cb-cx");
  const v = { sizeSelect: el("select", "cb-size"), allSelect: el("select", "cb-all"), cursorOff: () => {} };
  options(v.sizeSelect, sizes.map((k) => [String(k), `${k} × ${k}`]));
  const controls = el("div", "cb-row");
  controls.append(labelled("Kernel size", v.sizeSelect), labelled("All channels", v.allSelect));
  v.photo = figure(h, w, `the photo in colour, ${h} by ${w} pixels`, `photo, RGB (${h} × ${w})`);
  [v.bar, v.barEnds] = [el("div", "cb-bar"), el("div", "cb-bar-ends")];
  const scaleBox = el("div", "cb-scale");
  scaleBox.append(el("p", "cb-scale-title", "The maps and the sum share one scale: blue below zero, white at zero, red above. Channels in grey: black 0, white 1."), v.bar, v.barEnds);
  const top = el("div", "cb-row cb-top");
  top.append(v.photo.node, scaleBox);
  v.rows = names.map((name, c) => channelRow(name, c, id));
  const biasMessage = refusalLine(`${id}-refusal-bias`);
  v.bias = entryBox("bias", store.get().bias, largest, biasMessage, (bias) => store.set({ bias }, "typed"), save);
  v.bias.input.classList.add("cb-bias");
  const sumWords = el("div", "cb-sum-words");
  sumWords.append(`${names.map((name) => `${name} map`).join(" + ")} + `, labelled("bias", v.bias.input), " =");
  v.sumRow = el("div", "cb-channel cb-sum-row");
  v.sumBox = el("div", "cb-kernel");
  v.sumBox.append(sumWords, biasMessage);
  v.writeOut = el("p", "cb-write-out");
  v.writeOut.setAttribute("aria-live", "polite");
  v.details = el("details");
  [v.valuesTitle, v.values] = [el("summary"), el("pre", "cb-values")];
  v.details.append(v.valuesTitle, v.values);
  v.box = el("div", "cb-widget cb-cx");
  v.box.append(controls, top, ...v.rows.map(({ row }) => row), v.sumRow, v.writeOut, v.details);
  return v;
}

// ---- The kernels' boxes, rebuilt when their size changes or a choice replaces them ----

function presetEntries(presets, k) {
  return [["", "(as edited)"], ...Object.keys(presets).map((name) => {
    const size = presets[name].length;
    return [name, size > k ? `${name} (${size} × ${size}: enlarges all)` : name];
  })];
}

/** The selects show the choice the kernels now are, or "(as edited)". */
function showChoices(v, data, kernels) {
  const { presets, combinations } = data;
  const k = kernels[0].length;
  v.sizeSelect.value = String(k);
  const allMatch = Object.entries(combinations).find(([, Ks]) =>
    Ks[0].length <= k && same(Ks.map((K) => centred(K, k)), kernels));
  options(v.allSelect, [["", "(as edited)"], ...Object.keys(combinations)], allMatch ? allMatch[0] : "");
  v.rows.forEach((row, c) => {
    const found = Object.entries(presets).find(([, K]) => same(centred(K, k), kernels[c]));
    options(row.preset, presetEntries(presets, k), found ? found[0] : "");
  });
}

function entryGrid(row, c, data, store, save) {
  const { kernels } = store.get();
  const k = kernels[0].length;
  row.grid.style.gridTemplateColumns = `repeat(${k}, auto)`;
  row.message.textContent = "";
  row.grid.replaceChildren(...kernels[c].flatMap((entries, a) => entries.map((value, b) => {
    const typed = (x) => store.set({ kernels: store.get().kernels.map((K, n) =>
      n === c ? K.map((r, i) => r.map((old, j) => (i === a && j === b ? x : old))) : K) }, "typed");
    const { input } = entryBox(`${row.name} kernel, row ${a}, column ${b}`, value, data.largest, row.message, typed, save);
    input.dataset.row = String(a);
    input.dataset.col = String(b);
    return input;
  })));
}

function build(v, data, store, save) {
  const { h, w } = data;
  const k = store.get().kernels[0].length;
  const [mh, mw] = [h - k + 1, w - k + 1];
  v.rows.forEach((row, c) => {
    entryGrid(row, c, data, store, save);
    row.input = figure(h, w, `${row.name} channel of the photo in grey, ${h} by ${w}`, `${row.name} channel`);
    row.map = figure(mh, mw, `${row.name} map, ${mh} by ${mw}, red-blue`, `${row.name} map (${mh} × ${mw})`);
    const equation = el("div", "cb-equation");
    equation.append(row.input.node, el("span", "cb-op", "⋆ kernel ="), row.map.node);
    row.row.replaceChildren(row.kernel, equation);
  });
  const sum = figure(mh, mw, `sum plus bias, ${mh} by ${mw}, red-blue; focus it and use the arrow keys to write out one sum`,
    `sum plus bias (${mh} × ${mw})`);
  sum.node.classList.add("cb-sum");
  v.sumRow.replaceChildren(v.sumBox, sum.node);
  v.cursorOff();
  v.cursorOff = cellCursor(sum.picture, {
    shape: () => [mh, mw],
    at: () => store.get().hover,
    move: (at) => store.set({ hover: at }, "cursor"),
    leave: () => store.set({ hover: null }, "cursor"),
  });
  showChoices(v, data, store.get().kernels);
}

// ---- Computing and drawing ----

function describe(names, maps, Y, bias, [i, j]) {
  const term = (x) => (x < 0 ? `(${fmt(x, 4)})` : fmt(x, 4));
  const parts = names.map((name, c) => `${name} ${term(maps[c][i][j])}`);
  return `Y[${i}, ${j}] = ${parts.join(" + ")} + bias ${term(bias)} = ${fmt(Y[i][j], 4)}`;
}

function update(v, data, { kernels, bias, hover }) {
  const { X } = data;
  const k = kernels[0].length;
  const maps = channelMaps(X, kernels);
  const Y = sumPlusBias(maps, bias);
  const bound = signedBound(...maps, Y);
  drawPhoto(v.photo.picture.getContext("2d"), X);
  v.rows.forEach((row, c) => {
    const channel = row.input.picture.getContext("2d");
    drawGrey(channel, X[c]);
    const map = row.map.picture.getContext("2d");
    heatmap(map, maps[c], CELL, -bound, bound);
    if (hover) {
      outline(channel, hover[0], hover[1], k, k);
      outline(map, hover[0], hover[1], 1, 1);
    }
  });
  const sum = v.sumRow.querySelector("canvas");
  const ctx = sum.getContext("2d");
  heatmap(ctx, Y, CELL, -bound, bound);
  if (hover) outline(ctx, hover[0], hover[1], 1, 1);
  [sum.dataset.low, sum.dataset.high] = [String(-bound), String(bound)];
  v.bar.style.background = `linear-gradient(to right, ${colourScale(-bound, bound).stops.join(", ")})`;
  v.barEnds.replaceChildren(...[-bound, 0, bound].map((x) => el("span", "", fmt(x, 3))));
  v.valuesTitle.textContent = `Sum plus bias, every value (${Y.length} × ${Y[0].length})`;
  v.values.textContent = Y.map((row) => row.map(short).join(" ")).join("\n");
  v.writeOut.textContent = hover
    ? describe(data.names, maps, Y, bias, hover)
    : "Hover over the sum (or focus it and use the arrow keys) to see how the three maps and the bias add up.";
}

// ---- Wiring ----

function readData(model) {
  const X = model.get("photo_rows");
  return {
    X, h: X[0].length, w: X[0][0].length, names: model.get("channel_names"), presets: model.get("presets"),
    combinations: model.get("combinations"), sizes: model.get("sizes"), largest: model.get("largest_entry"),
  };
}

/** The selects: each replaces the kernels, enlarging them to fit what it chose. */
function listen(v, data, store) {
  const choose = (kernels) => store.set({ kernels, hover: null }, "chosen");
  const largestOf = (K) => Math.max(K.length, store.get().kernels[0].length);
  v.sizeSelect.addEventListener("change", () => choose(store.get().kernels.map((K) => centred(K, Number(v.sizeSelect.value)))));
  v.allSelect.addEventListener("change", () => {
    const chosen = data.combinations[v.allSelect.value];
    if (chosen) choose(chosen.map((K) => centred(K, largestOf(chosen[0]))));
  });
  v.rows.forEach(({ preset }, c) => preset.addEventListener("change", () => {
    const chosen = data.presets[preset.value];
    if (chosen) choose(store.get().kernels.map((K, n) => centred(n === c ? chosen : K, largestOf(chosen))));
  }));
}

function render({ model, el: root }) {
  const data = readData(model);
  const store = createStore({ kernels: model.get("kernel_rows"), bias: model.get("bias"), hover: null });
  const link = bridge(model, ["kernel_rows", "bias"], ({ kernel_rows: kernels, bias }) => {
    v.bias.set(bias);
    store.set({ kernels, bias, hover: null }, "python");
  });
  const save = () => link.save({ kernel_rows: store.get().kernels, bias: store.get().bias });
  const v = buildView(data, store, save);
  root.replaceChildren(v.box);
  const unsubscribe = store.subscribe((state, changed, cause) => {
    if (changed.includes("kernels") && cause !== "typed") build(v, data, store, save);
    else if (changed.includes("kernels")) showChoices(v, data, state.kernels);
    update(v, data, state);
    if (cause === "chosen") save();
  });
  listen(v, data, store);
  const unfollow = followTheme(v.box); // light or dark, from where the widget sits
  build(v, data, store, save);
  update(v, data, store.get());
  return () => [unsubscribe, unfollow, link.dispose, v.cursorOff].forEach((f) => f());
}

export default { render };
