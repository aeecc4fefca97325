// The channel explorer: a colour photo, one kernel per channel (red, green, blue), the map each
// kernel makes of its channel, and their sum plus a bias: a convolutional layer with three input
// channels and one output channel, or, with more outputs, one kernel volume and one bias per
// output channel (the layer's kernel volume, c_o x 3 x k x k). Everything is computed here in the
// browser, wired from the kit (kit/KIT.md): its number boxes (one readNumber), cell cursor,
// store, model bridge, theme.
import { canvas, colourScale, fmt, heatmap } from "./draw.js";
import { centred, channelMaps, signedBound, sumPlusBias } from "./channel_math.js";
import { volumeView } from "./channel_volume.js";
import { bridge } from "./kit/bridge.js";
import { button, el, labelled, numberBox, options, uniqueId } from "./kit/controls.js";
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

/** What a control of output o is called: as before with one output, "output o, ..." with more. */
const named = (count, o, text) => (count > 1 ? `output ${o}, ${text}` : text);

/** The layer with output o's kernels replaced (null: kept), every kernel made k x k. */
function resized(layer, k, o = -1, volume = null) {
  return layer.map((V, n) => (n === o ? volume : V).map((K) => centred(K, k)));
}

// ---- The view: its parts, built once; an output channel's block, built as it is added ----

function channelRow(name, c, id) {
  const row = { name, message: refusalLine(`${id}-refusal-${c}`), preset: el("select", "cb-preset"), grid: el("div", "cb-grid") };
  row.preset.dataset.channel = String(c);
  row.grid.dataset.channel = String(c);
  row.kernel = el("div", "cb-kernel");
  row.kernel.append(el("span", "cb-kernel-title", `kernel on ${name}`), row.preset, row.grid, row.message);
  row.row = el("div", "cb-channel");
  row.row.dataset.channel = String(c);
  return row;
}

function outputBlock(o, data) {
  const id = uniqueId(`cb-cx-out${o}`);
  const b = { o, allSelect: el("select", "cb-all"), title: el("p", "cb-output-title"), node: el("section", "cb-output") };
  b.node.dataset.output = String(o);
  b.rows = data.names.map((name, c) => channelRow(name, c, id));
  b.biasMessage = refusalLine(`${id}-refusal-bias`);
  [b.sumWords, b.sumBox, b.sumRow] = [el("div", "cb-sum-words"), el("div", "cb-kernel"), el("div", "cb-channel cb-sum-row")];
  b.sumBox.append(b.sumWords, b.biasMessage);
  b.writeOut = el("p", "cb-write-out");
  b.writeOut.setAttribute("aria-live", "polite");
  b.details = el("details");
  [b.valuesTitle, b.values] = [el("summary"), el("pre", "cb-values")];
  b.details.append(b.valuesTitle, b.values);
  const head = el("div", "cb-row cb-output-head");
  head.append(b.title, labelled("All channels", b.allSelect));
  b.node.append(head, ...b.rows.map(({ row }) => row), b.sumRow, b.writeOut, b.details);
  b.cursorOff = () => {};
  return b;
}

function buildView(data) {
  const { h, w, sizes, largestOutputs } = data;
  const v = { sizeSelect: el("select", "cb-size"), outs: [], volume: volumeView() };
  options(v.sizeSelect, sizes.map((k) => [String(k), `${k} × ${k}`]));
  v.countButtons = Array.from({ length: largestOutputs }, (_, n) => button(String(n + 1), "cb-count"));
  v.countButtons.forEach((b, n) => b.setAttribute("aria-label", `${n + 1} output ${n ? "channels" : "channel"}`));
  const count = el("div", "cb-control cb-counts");
  count.setAttribute("role", "group");
  count.setAttribute("aria-label", "output channels");
  count.append(el("span", "", "Output channels"), ...v.countButtons);
  const controls = el("div", "cb-row");
  controls.append(labelled("Kernel size", v.sizeSelect), count);
  v.photo = figure(h, w, `the photo in colour, ${h} by ${w} pixels`, `photo, RGB (${h} × ${w})`);
  [v.bar, v.barEnds] = [el("div", "cb-bar"), el("div", "cb-bar-ends")];
  const scaleBox = el("div", "cb-scale");
  scaleBox.append(el("p", "cb-scale-title", "The maps and the sums share one scale: blue below zero, white at zero, red above. Channels in grey: black 0, white 1."), v.bar, v.barEnds);
  const top = el("div", "cb-row cb-top");
  top.append(v.photo.node, scaleBox, v.volume.node);
  v.blocks = el("div", "cb-outputs");
  v.box = el("div", "cb-widget cb-cx");
  v.box.append(controls, top, v.blocks);
  return v;
}

/** As many output blocks as the layer has outputs: new ones listen to their selects. */
function fitBlocks(v, data, store) {
  const count = store.get().layer.length;
  while (v.outs.length > count) {
    const b = v.outs.pop();
    b.cursorOff();
    b.node.remove();
  }
  while (v.outs.length < count) {
    const b = outputBlock(v.outs.length, data);
    listenBlock(b, data, store);
    v.outs.push(b);
    v.blocks.append(b.node);
  }
  v.countButtons.forEach((b, n) => b.setAttribute("aria-pressed", String(n + 1 === count)));
}

// ---- The kernels' boxes, rebuilt when their size changes or a choice replaces them ----

function presetEntries(presets, k) {
  return [["", "(as edited)"], ...Object.keys(presets).map((name) => {
    const size = presets[name].length;
    return [name, size > k ? `${name} (${size} × ${size}: enlarges all)` : name];
  })];
}

/** The selects show the choice the kernels now are, or "(as edited)". */
function showChoices(v, data, layer) {
  const { presets, combinations } = data;
  const k = layer[0][0].length;
  v.sizeSelect.value = String(k);
  v.outs.forEach((b) => {
    const kernels = layer[b.o];
    const allMatch = Object.entries(combinations).find(([, Ks]) =>
      Ks[0].length <= k && same(Ks.map((K) => centred(K, k)), kernels));
    options(b.allSelect, [["", "(as edited)"], ...Object.keys(combinations)], allMatch ? allMatch[0] : "");
    b.rows.forEach((row, c) => {
      const found = Object.entries(presets).find(([, K]) => same(centred(K, k), kernels[c]));
      options(row.preset, presetEntries(presets, k), found ? found[0] : "");
    });
  });
}

function entryGrid(b, row, c, data, store, save) {
  const { layer } = store.get();
  const k = layer[0][0].length;
  row.grid.style.gridTemplateColumns = `repeat(${k}, auto)`;
  row.message.textContent = "";
  row.preset.setAttribute("aria-label", `preset for the ${named(layer.length, b.o, `${row.name} kernel`)}`);
  row.grid.replaceChildren(...layer[b.o][c].flatMap((entries, a) => entries.map((value, col) => {
    const typed = (x) => store.set({ layer: store.get().layer.map((V, o) => (o !== b.o ? V : V.map((K, n) =>
      n === c ? K.map((r, i) => r.map((old, j) => (i === a && j === col ? x : old))) : K))) }, "typed");
    const label = named(layer.length, b.o, `${row.name} kernel, row ${a}, column ${col}`);
    const { input } = entryBox(label, value, data.largest, row.message, typed, save);
    input.dataset.row = String(a);
    input.dataset.col = String(col);
    return input;
  })));
}

function buildBlock(b, data, store, save) {
  const { h, w, names } = data;
  const { layer, biases } = store.get();
  const [count, k] = [layer.length, layer[0][0].length];
  const [mh, mw] = [h - k + 1, w - k + 1];
  b.title.textContent = `Output channel ${b.o}: its kernels (3 × ${k} × ${k}) and its bias`;
  b.rows.forEach((row, c) => {
    entryGrid(b, row, c, data, store, save);
    row.input = figure(h, w, `${row.name} channel of the photo in grey, ${h} by ${w}`, `${row.name} channel`);
    row.map = figure(mh, mw, named(count, b.o, `${row.name} map, ${mh} by ${mw}, red-blue`), `${row.name} map (${mh} × ${mw})`);
    const equation = el("div", "cb-equation");
    equation.append(row.input.node, el("span", "cb-op", "⋆ kernel ="), row.map.node);
    row.row.replaceChildren(row.kernel, equation);
  });
  b.biasMessage.textContent = "";
  const typedBias = (x) => store.set({ biases: store.get().biases.map((old, o) => (o === b.o ? x : old)) }, "typed");
  b.bias = entryBox(named(count, b.o, "bias"), biases[b.o], data.largest, b.biasMessage, typedBias, save);
  b.bias.input.classList.add("cb-bias");
  b.sumWords.replaceChildren(`${names.map((name) => `${name} map`).join(" + ")} + `, labelled("bias", b.bias.input), " =");
  const caption = count > 1 ? `output ${b.o}: sum plus bias (${mh} × ${mw})` : `sum plus bias (${mh} × ${mw})`;
  const sum = figure(mh, mw, `${named(count, b.o, "sum plus bias")}, ${mh} by ${mw}, red-blue; focus it and use the arrow keys to write out one sum`, caption);
  sum.node.classList.add("cb-sum");
  b.sumRow.replaceChildren(b.sumBox, sum.node);
  b.cursorOff();
  b.cursorOff = cellCursor(sum.picture, {
    shape: () => [mh, mw],
    at: () => store.get().hover,
    move: (at) => store.set({ hover: at }, "cursor"),
    leave: () => store.set({ hover: null }, "cursor"),
  });
}

function build(v, data, store, save) {
  fitBlocks(v, data, store);
  v.outs.forEach((b) => buildBlock(b, data, store, save));
  showChoices(v, data, store.get().layer);
}

// ---- Computing and drawing ----

function describe(names, maps, Y, bias, [i, j], at) {
  const term = (x) => (x < 0 ? `(${fmt(x, 4)})` : fmt(x, 4));
  const parts = names.map((name, c) => `${name} ${term(maps[c][i][j])}`);
  return `Y[${at}] = ${parts.join(" + ")} + bias ${term(bias)} = ${fmt(Y[i][j], 4)}`;
}

function drawBlock(b, data, { maps, Y, bias, bound, k, hover, count }) {
  b.rows.forEach((row, c) => {
    const channel = row.input.picture.getContext("2d");
    drawGrey(channel, data.X[c]);
    const map = row.map.picture.getContext("2d");
    heatmap(map, maps[c], CELL, -bound, bound);
    if (hover) {
      outline(channel, hover[0], hover[1], k, k);
      outline(map, hover[0], hover[1], 1, 1);
    }
  });
  const sum = b.sumRow.querySelector("canvas");
  const ctx = sum.getContext("2d");
  heatmap(ctx, Y, CELL, -bound, bound);
  if (hover) outline(ctx, hover[0], hover[1], 1, 1);
  [sum.dataset.low, sum.dataset.high] = [String(-bound), String(bound)];
  const title = count > 1 ? `Output ${b.o}, sum plus bias` : "Sum plus bias";
  b.valuesTitle.textContent = `${title}, every value (${Y.length} × ${Y[0].length})`;
  b.values.textContent = Y.map((row) => row.map(short).join(" ")).join("\n");
  const at = hover && (count > 1 ? `${b.o}, ${hover.join(", ")}` : hover.join(", "));
  const hint = b.o ? "" : `Hover over ${count > 1 ? "a" : "the"} sum (or focus it and use the arrow keys) to see how the three maps and the bias add up${count > 1 ? ", in every output channel at once" : ""}.`;
  b.writeOut.textContent = hover ? describe(data.names, maps, Y, bias, hover, at) : hint;
}

function update(v, data, { layer, biases, hover }) {
  const { X } = data;
  const k = layer[0][0].length;
  const maps = layer.map((kernels) => channelMaps(X, kernels));
  const Ys = maps.map((M, o) => sumPlusBias(M, biases[o]));
  const bound = signedBound(...maps.flat(), ...Ys);
  drawPhoto(v.photo.picture.getContext("2d"), X);
  v.outs.forEach((b, o) => drawBlock(b, data, { maps: maps[o], Y: Ys[o], bias: biases[o], bound, k, hover, count: layer.length }));
  v.bar.style.background = `linear-gradient(to right, ${colourScale(-bound, bound).stops.join(", ")})`;
  v.barEnds.replaceChildren(...[-bound, 0, bound].map((x) => el("span", "", fmt(x, 3))));
  v.volume.draw(layer, data.names, [Ys[0].length, Ys[0][0].length]);
}

// ---- Wiring ----

function readData(model) {
  const X = model.get("photo_rows");
  return {
    X, h: X[0].length, w: X[0][0].length, names: model.get("channel_names"), presets: model.get("presets"),
    combinations: model.get("combinations"), sizes: model.get("sizes"), largest: model.get("largest_entry"),
    largestOutputs: model.get("largest_outputs"), added: model.get("added_outputs"),
  };
}

const TRAITS = ["kernel_rows", "bias", "other_kernel_rows", "other_biases"];
const layerOf = (t) => ({ layer: [t.kernel_rows, ...t.other_kernel_rows], biases: [t.bias, ...t.other_biases] });
const traitsOf = ({ layer, biases }) => ({
  kernel_rows: layer[0], bias: biases[0], other_kernel_rows: layer.slice(1), other_biases: biases.slice(1),
});

/** An output block's selects: each replaces its kernels, enlarging all to fit what it chose. */
function listenBlock(b, data, store) {
  const choose = (layer) => store.set({ layer, hover: null }, "chosen");
  const largestOf = (K) => Math.max(K.length, store.get().layer[0][0].length);
  b.allSelect.addEventListener("change", () => {
    const chosen = data.combinations[b.allSelect.value];
    if (chosen) choose(resized(store.get().layer, largestOf(chosen[0]), b.o, chosen));
  });
  b.rows.forEach(({ preset }, c) => preset.addEventListener("change", () => {
    const chosen = data.presets[preset.value];
    const { layer } = store.get();
    if (chosen) choose(resized(layer, largestOf(chosen), b.o, layer[b.o].map((K, n) => (n === c ? chosen : K))));
  }));
}

/** The size select and the output count: an added output starts from Python's added_outputs. */
function listen(v, data, store) {
  const choose = (patch) => store.set({ ...patch, hover: null }, "chosen");
  v.sizeSelect.addEventListener("change", () => choose({ layer: resized(store.get().layer, Number(v.sizeSelect.value)) }));
  v.countButtons.forEach((button, n) => button.addEventListener("click", () => {
    const { layer, biases } = store.get();
    const k = layer[0][0].length;
    const added = data.added.slice(0, n + 1).slice(layer.length - 1).map((V) => V.map((K) => centred(K, k)));
    const fill = (list, extra) => [...list, ...extra].slice(0, n + 1);
    if (n + 1 !== layer.length) choose({ layer: fill(layer, added), biases: fill(biases, added.map(() => 0)) });
  }));
}

function render({ model, el: root }) {
  const data = readData(model);
  const store = createStore({ ...layerOf(Object.fromEntries(TRAITS.map((t) => [t, model.get(t)]))), hover: null });
  const link = bridge(model, TRAITS, (values) => store.set({ ...layerOf(values), hover: null }, "python"));
  const save = () => link.save(traitsOf(store.get()));
  const v = buildView(data);
  root.replaceChildren(v.box);
  const unsubscribe = store.subscribe((state, changed, cause) => {
    const edited = changed.includes("layer") || changed.includes("biases");
    if (edited && cause !== "typed") build(v, data, store, save); // new boxes for new values
    else if (changed.includes("layer")) showChoices(v, data, state.layer);
    update(v, data, state);
    if (cause === "chosen") save();
  });
  listen(v, data, store);
  const unfollow = followTheme(v.box); // light or dark, from where the widget sits
  build(v, data, store, save);
  update(v, data, store.get());
  return () => [unsubscribe, unfollow, link.dispose, ...v.outs.map((b) => b.cursorOff)].forEach((f) => f());
}

export default { render };
