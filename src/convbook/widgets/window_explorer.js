// The window explorer: a kernel sliding over a padded input with a stride and a dilation, one
// output at a time, and the transposed convolution that scatters each value back. The input
// and the kernel count 1, 2, 3, ... so every sum can be checked by hand. Computed here.
import { el, fmt, save } from "./draw.js";
import {
  counting, crossCorrelate, outputSize, sizesGiving, span, stampCells, transposedConv,
  transposedSize, unreached, windowCells, windowTerms,
} from "./window_math.js";

const SLIDERS = [
  ["input_size", "input size n"],
  ["kernel_size", "kernel size k"],
  ["padding", "padding p"],
  ["stride", "stride s"],
  ["dilation", "dilation d"],
];
const SETTINGS = [...SLIDERS.map(([name]) => name), "output_padding", "transposed"];
const SPEEDS = [0.5, 1, 2, 4, 8, 16]; // steps a second
const CELL = 32; // one cell, in the drawing's units
const EDGE = 2; // room for the outlines around the grid
const SMALLEST_TEXT = 12; // CSS pixels: text drawn smaller is left out (numbers) or enlarged (labels)
let drawings = 0; // numbers each drawing's hatch pattern, so two widgets on a page never share one

// ---- What the settings give: sizes, and words for what the formula does ----

function geometry(st) {
  const { input_size: n, kernel_size: k, padding: p, stride: s, dilation: d, output_padding: op } = st;
  const m = outputSize(n, k, p, s, d);
  const reach = span(k, d);
  const result = m ? transposedSize(m, k, s, p, op, d) : 0;
  return { n, k, p, s, d, op, m, reach, padded: n + 2 * p, left: unreached(n, k, p, s, d), result };
}

function forwardFormula({ n, k, p, s, d, m, padded, reach }) {
  const top = padded - reach;
  const start = `m = ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊(${n} + 2·${p} − ${d}·(${k} − 1) − 1) / ${s}⌋ + 1`;
  return m ? `${start} = ⌊${top} / ${s}⌋ + 1 = ${m}` : `${start}: the top, −${-top}, is negative: no window fits`;
}

function transposedFormula({ k, p, s, d, op, m, result }) {
  return `n′ = (m − 1)s − 2p + d(k − 1) + 1 + output_padding = (${m} − 1)·${s} − 2·${p} + ` +
    `${d}·(${k} − 1) + 1 + ${op} = ${result}`;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function noWindow({ n, k, p, d, padded, reach }) {
  return `No window fits: with dilation ${d} the ${k} × ${k} kernel spans d(k − 1) + 1 = ${reach} cells, ` +
    `more than the padded input's n + 2p = ${n} + ${2 * p} = ${padded}. ` +
    "Lower the kernel size or the dilation, or add padding.";
}

function forwardNote(g) {
  const notes = [];
  if (g.left) {
    notes.push(`Stride ${g.s} leaves the last ${plural(g.left, "row")} and ${plural(g.left, "column")} ` +
      "of the padded input (marked) reached by no window: the floor drops them.");
  }
  if (g.d > 1) {
    notes.push(`Dilation ${g.d} spreads the ${g.k} × ${g.k} weights over ${g.reach} × ${g.reach} cells: ` +
      "a wider view, no more weights.");
  }
  if (g.p && g.m === g.n) notes.push(`Padding ${g.p} keeps the output the size of the input ("same" padding).`);
  return notes.join(" ");
}

function transposedNote(g) {
  const [low, high] = sizesGiving(g.m, g.k, g.p, g.s, g.d);
  const size = `${g.m} × ${g.m}`;
  const first = low === high
    ? `Only input size ${low} gives ${size} outputs here, so output_padding 0 gives it back.`
    : `Input sizes ${low} to ${high} all give ${size} outputs here (the floor drops up to ${g.s - 1}), ` +
      "so the transposed convolution cannot know which one it came from: output_padding picks.";
  if (g.result < 1) {
    return `${first} With output_padding ${g.op} the result would have ${g.result} rows: the padding crops ` +
      `everything the stamps cover. Raise output_padding to ${g.left} to get back your n = ${g.n}.`;
  }
  let pick = `output_padding ${g.op} gives n′ = ${g.result}`;
  if (g.result === g.n) pick += `: the n you chose.`;
  else if (g.result <= high) pick += `; output_padding ${g.left} would give back your n = ${g.n}.`;
  else {
    pick += `, a size that gives ${outputSize(g.result, g.k, g.p, g.s, g.d)} outputs, not ${g.m}: ` +
      "dilation lets output_padding add rows that no convolution of this size had.";
  }
  const adds = g.op ? ` It adds the last ${plural(g.op, "row")} and ${plural(g.op, "column")} (marked).` : "";
  return `${first} ${pick}${adds}`;
}

// ---- Drawing: SVG grids styled by window_explorer.css, so they follow the theme ----

function cellRect(r, c, cls, h = 1, w = 1, extra = "") {
  return `<rect class="${cls}" x="${EDGE + c * CELL}" y="${EDGE + r * CELL}" width="${w * CELL}" ` +
    `height="${h * CELL}"${extra}/>`;
}

/** One font size for every number of a drawing, in its units: the longest of `values` fits a cell. */
function numberSize(values) {
  const longest = Math.max(1, ...values.flat().map((v) => fmt(v).length));
  return Math.min(CELL * 0.42, (CELL * 0.94) / (0.6 * longest));
}

function cellText(r, c, value, size) {
  return `<text x="${EDGE + (c + 0.5) * CELL}" y="${EDGE + (r + 0.5) * CELL}" font-size="${size.toFixed(1)}">${fmt(value)}</text>`;
}

/**
 * A drawing of rows x cols cells whose numbers are `size` units high. It is drawn large enough
 * for them to be SMALLEST_TEXT pixels (at least 0.95 px a unit) and shrinks with the page
 * (max-width); `fitText` then leaves out numbers the shrinking made too small.
 */
function svg(rows, cols, name, body, hatch, size) {
  const [w, h] = [cols * CELL + 2 * EDGE, rows * CELL + 2 * EDGE];
  const scale = Math.min(1.5, Math.max(0.95, (SMALLEST_TEXT * 1.02) / size));
  const pattern = `<defs><pattern id="${hatch}" width="7" height="7" patternUnits="userSpaceOnUse" ` +
    `patternTransform="rotate(45)"><line class="cb-hatch" x1="0" y1="0" x2="0" y2="7"/></pattern></defs>`;
  return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${name}" data-number-size="${size}" ` +
    `style="width:${Math.round(w * scale)}px">${pattern}${body}</svg>`;
}

/**
 * Keep every text in the drawing `svg` at least SMALLEST_TEXT pixels high as shown: its numbers
 * are left out (class cb-quiet) where they would be smaller, a strip's label is enlarged, or
 * left out where it would not fit its strip. Returns whether numbers were left out.
 */
function fitText(drawing) {
  if (!drawing) return false;
  const shown = drawing.getBoundingClientRect().width / drawing.viewBox.baseVal.width; // pixels a unit
  if (!shown) return false;
  const quiet = Number(drawing.dataset.numberSize) * shown < SMALLEST_TEXT;
  drawing.classList.toggle("cb-quiet", quiet);
  for (const label of drawing.querySelectorAll(".cb-strip")) {
    const size = Math.max(13, SMALLEST_TEXT / shown);
    label.style.fontSize = `${size}px`;
    label.style.display = size > 0.8 * Number(label.dataset.room) ? "none" : "";
  }
  return quiet && drawing.querySelector("text:not(.cb-strip)") !== null;
}

function hatched(r, c, hatch, h = 1, w = 1) {
  return cellRect(r, c, "cb-pad", h, w, ` fill="url(#${hatch})"`);
}

/** Cells of a square grid of `size`, offset by `shift`: hatched outside [0, inside), numbered inside. */
function board(size, shift, inside, hatch, valueAt, textSize) {
  const parts = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const [i, j] = [r - shift, c - shift];
      const within = i >= 0 && j >= 0 && i < inside && j < inside;
      if (!within) {
        parts.push(hatched(r, c, hatch));
        continue;
      }
      parts.push(cellRect(r, c, "cb-cell"));
      const value = valueAt(i, j);
      if (value !== null) parts.push(cellText(r, c, value, textSize));
    }
  }
  return parts;
}

function taps(cells, shift) {
  return cells.map(([r, c]) => cellRect(r + shift, c + shift, "cb-tap"));
}

function reachBox([r, c], reach, shift) {
  return cellRect(r + shift, c + shift, "cb-reach", reach, reach);
}

function stripLabel(text, size, thickness, top) {
  if (!thickness) return "";
  const y = top ? EDGE + (thickness * CELL) / 2 : EDGE + (size - thickness / 2) * CELL;
  return `<text class="cb-strip" x="${EDGE + (size * CELL) / 2}" y="${y}" data-room="${thickness * CELL}">${text}</text>`;
}

function drawForward(g, step, hatch, values) {
  const { n, p, m, padded, reach, left } = g;
  const [i, j] = [Math.floor(step / m), step % m];
  const window = windowCells(i, j, [g.k, g.k], { stride: g.s, dilation: g.d });
  const X = counting(n);
  const [inputSize, outputSize] = [numberSize(X), numberSize(values)];
  const input = board(padded, p, n, hatch, (a, b) => X[a][b], inputSize);
  if (left) {
    const from = padded - left;
    input.push(cellRect(from, 0, "cb-dropped", left, padded), cellRect(0, from, "cb-dropped", from, left));
  }
  input.push(...taps(window, 0), reachBox(window[0], reach, 0), stripLabel("padding", padded, p, true));
  const output = [];
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      const index = r * m + c;
      output.push(cellRect(r, c, index === step ? "cb-tap" : index < step ? "cb-done" : "cb-cell"));
      if (index <= step) output.push(cellText(r, c, values[r][c], outputSize));
    }
  }
  return [
    svg(padded, padded, `padded input, ${padded} by ${padded}; the window of output row ${i}, column ${j}`, input.join(""), hatch, inputSize),
    svg(m, m, `output, ${m} by ${m}; filled up to row ${i}, column ${j}`, output.join(""), hatch, outputSize),
  ];
}

function drawTransposed(g, step, hatch, partial, R) {
  const { m, p, reach, result, op } = g;
  const [i, j] = [Math.floor(step / m), step % m];
  const Z = counting(m);
  const [inputSize, resultSize] = [numberSize(Z), numberSize(R)]; // R: every number it will hold
  const input = [];
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      const index = r * m + c;
      input.push(cellRect(r, c, index === step ? "cb-tap" : index < step ? "cb-done" : "cb-cell"), cellText(r, c, Z[r][c], inputSize));
    }
  }
  const full = result + 2 * p;
  const stamp = stampCells(i, j, [g.k, g.k], { stride: g.s, padding: p, dilation: g.d });
  const cells = board(full, p, result, hatch, (a, b) => partial[a][b], resultSize);
  if (op) {
    const from = p + result - op;
    cells.push(cellRect(from, p, "cb-extra", op, result), cellRect(p, from, "cb-extra", result - op, op));
  }
  cells.push(...taps(stamp, p), reachBox(stamp[0], reach, p), stripLabel("cropped", full, p, true));
  return [
    svg(m, m, `input Z of the transposed convolution, ${m} by ${m}; stamping row ${i}, column ${j}`, input.join(""), hatch, inputSize),
    svg(full, full, `result R, ${result} by ${result}, inside the cropped border; stamps up to row ${i}, column ${j}`, cells.join(""), hatch, resultSize),
  ];
}

/** The result after the stamps of inputs 0 .. step (reading order): blank where none landed yet. */
function stampedSoFar(g, step) {
  const R = Array.from({ length: g.result }, () => new Array(g.result).fill(null));
  const Z = counting(g.m);
  const K = counting(g.k);
  for (let index = 0; index <= step; index++) {
    const [i, j] = [Math.floor(index / g.m), index % g.m];
    for (const [r, c, a, b] of stampCells(i, j, [g.k, g.k], { stride: g.s, padding: g.p, dilation: g.d })) {
      if (r >= 0 && c >= 0 && r < g.result && c < g.result) R[r][c] = (R[r][c] ?? 0) + Z[i][j] * K[a][b];
    }
  }
  return R;
}

function forwardSum(g, step, values) {
  const [i, j] = [Math.floor(step / g.m), step % g.m];
  const terms = windowTerms(counting(g.n), counting(g.k), i, j, { padding: g.p, stride: g.s, dilation: g.d });
  return `Y[${i}, ${j}] = ${terms.map(([x, k]) => `${x}×${k}`).join(" + ")} = ${fmt(values[i][j])}`;
}

function transposedSum(g, step) {
  const [i, j] = [Math.floor(step / g.m), step % g.m];
  const z = counting(g.m)[i][j];
  const K = counting(g.k);
  const stamp = stampCells(i, j, [g.k, g.k], { stride: g.s, padding: g.p, dilation: g.d });
  const inside = stamp.filter(([r, c]) => r >= 0 && c >= 0 && r < g.result && c < g.result);
  const adds = inside.map(([r, c, a, b]) => `R[${r}, ${c}] += ${z}×${K[a][b]}`).join(", ");
  const cropped = stamp.length - inside.length;
  const rest = cropped ? ` (${plural(cropped, "tap")} of ${stamp.length} land in the cropped border)` : "";
  return `Z[${i}, ${j}] = ${z} stamps ${z} × kernel: ${adds || "every tap lands in the cropped border"}${rest}`;
}

function table(M) {
  const width = Math.max(...M.flat().map((v) => fmt(v).length));
  return M.map((row) => row.map((v) => fmt(v).padStart(width)).join(" ")).join("\n");
}

// ---- Colours: the widget takes its text colour from the page, whatever sits behind it ----

function channels(colour) {
  return (colour.match(/[\d.]+/g) || []).map(Number);
}

/** The first colour painted behind `node`: where the page sets none, white. */
function backgroundOf(node) {
  for (let n = node; n; n = n.parentElement) {
    const [r, g, b, alpha = 1] = channels(getComputedStyle(n).backgroundColor);
    if (r !== undefined && alpha > 0) return `rgb(${r}, ${g}, ${b})`;
  }
  return "rgb(255, 255, 255)";
}

/**
 * Match the drawing to what surrounds it. The book's dark mode puts widgets on a light panel
 * (pydata-sphinx-theme's .widget-subarea), JupyterLab's dark theme on a dark one: so the
 * accents follow the text colour the widget inherits (light text: dark background), and the
 * halo behind labels is the colour behind the widget.
 */
function matchSurroundings(box) {
  if (!box.isConnected) return;
  const [r, g, b] = channels(getComputedStyle(box).color);
  box.classList.toggle("cb-dark", (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.5);
  box.style.setProperty("--cb-wx-halo", backgroundOf(box));
}

// ---- Controls ----

function slider(name, text, [low, high]) {
  const input = el("input", `cb-${name.replace("_", "-")}`);
  Object.assign(input, { type: "range", min: String(low), max: String(high), step: "1" });
  input.dataset.setting = name;
  const value = el("output");
  const label = el("label", "cb-control");
  label.append(el("span", "", text), input, value);
  return { label, input, value };
}

function button(text, className) {
  const b = el("button", className, text);
  b.type = "button";
  return b;
}

function legendItem(className, text) {
  const item = el("span", "cb-key");
  item.append(el("span", `cb-swatch ${className}`), text);
  return item;
}

function render({ model, el: root }) {
  const ranges = model.get("ranges");
  const hatch = `cb-wx-hatch-${++drawings}`;
  const read = () => Object.fromEntries(SETTINGS.map((name) => [name, model.get(name)]));
  let state = read();
  let step = 0;
  let timer = null;

  const sliders = Object.fromEntries([...SLIDERS, ["output_padding", "output_padding"]].map(
    ([name, text]) => [name, slider(name, text, ranges[name])]));
  const flip = el("input", "cb-transposed");
  flip.type = "checkbox";
  const flipLabel = el("label", "cb-control cb-toggle");
  flipLabel.append(flip, "transposed");
  const paddingHint = el("span", "cb-hint");
  const outputPadding = el("span", "cb-output-padding");
  outputPadding.append(sliders.output_padding.label, paddingHint);
  const controls = el("div", "cb-row cb-sliders");
  controls.append(...SLIDERS.map(([name]) => sliders[name].label));
  const modeRow = el("div", "cb-row");
  modeRow.append(flipLabel, outputPadding);

  const play = button("▶ Play", "cb-play");
  const stepButton = button("Step ▸", "cb-step");
  const restart = button("Start over", "cb-restart");
  const speed = el("input", "cb-speed");
  Object.assign(speed, { type: "range", min: "0", max: String(SPEEDS.length - 1), step: "1", value: "2" });
  const speedText = el("output");
  const speedLabel = el("label", "cb-control");
  speedLabel.append(el("span", "", "speed"), speed, speedText);
  const progress = el("span", "cb-progress");
  progress.id = `${hatch}-progress`;
  for (const b of [play, stepButton, restart]) b.setAttribute("aria-describedby", progress.id);
  const buttons = el("div", "cb-row");
  buttons.append(play, stepButton, restart, speedLabel, progress);

  const formula = el("p", "cb-formula");
  const second = el("p", "cb-formula cb-formula-transposed");
  const panels = el("div", "cb-panels");
  const figures = [0, 1].map(() => {
    const figure = el("figure");
    figure.append(el("div", "cb-drawing"), el("figcaption"));
    return figure;
  });
  panels.append(...figures);
  const legend = el("p", "cb-legend");
  const sum = el("p", "cb-sum");
  sum.setAttribute("aria-live", "polite");
  const note = el("p", "cb-note");
  const details = el("details");
  const valuesTitle = el("summary");
  const values = el("pre", "cb-values");
  details.append(valuesTitle, values);
  const box = el("div", "cb-wx");
  box.append(controls, modeRow, formula, second, buttons, panels, legend, sum, note, details);
  root.replaceChildren(box);

  function stop() {
    clearTimeout(timer);
    timer = null;
    play.textContent = "▶ Play";
    sum.setAttribute("aria-live", "polite");
  }

  function tick() {
    const g = geometry(state);
    if (!g.m || (state.transposed && g.result < 1) || step >= g.m * g.m - 1) {
      stop();
      return;
    }
    step += 1;
    draw();
    if (step >= g.m * g.m - 1) stop();
    else timer = setTimeout(tick, 1000 / SPEEDS[Number(speed.value)]);
  }

  play.addEventListener("click", () => {
    if (timer) {
      stop();
      return;
    }
    const g = geometry(state);
    if (step >= g.m * g.m - 1) {
      step = 0;
      draw();
    }
    play.textContent = "Pause";
    sum.setAttribute("aria-live", "off"); // no stream of announcements while it plays
    timer = setTimeout(tick, 1000 / SPEEDS[Number(speed.value)]);
  });
  stepButton.addEventListener("click", () => {
    stop();
    const g = geometry(state);
    step = g.m ? (step + 1) % (g.m * g.m) : 0;
    draw();
  });
  restart.addEventListener("click", () => {
    stop();
    step = 0;
    draw();
  });
  speed.addEventListener("input", () => {
    if (timer) { // playing: the next step comes at the new pace, counted from now
      clearTimeout(timer);
      timer = setTimeout(tick, 1000 / SPEEDS[Number(speed.value)]);
    }
    speedText.textContent = `${SPEEDS[Number(speed.value)]}/s`;
    speed.setAttribute("aria-valuetext", `${SPEEDS[Number(speed.value)]} steps a second`);
  });
  speed.dispatchEvent(new Event("input"));

  function changed(next) {
    stop();
    step = 0;
    const largest = Math.max(next.stride, next.dilation) - 1;
    state = { ...next, output_padding: Math.min(next.output_padding, largest) };
    draw();
  }

  for (const [name] of [...SLIDERS, ["output_padding"]]) {
    sliders[name].input.addEventListener("input", () => {
      changed({ ...state, [name]: Number(sliders[name].input.value) });
      save(model, state);
    });
  }
  flip.addEventListener("change", () => {
    changed({ ...state, transposed: flip.checked });
    save(model, state);
  });

  function showControls(g) {
    for (const [name] of [...SLIDERS, ["output_padding"]]) {
      const { input, value } = sliders[name];
      if (name === "output_padding") input.max = String(Math.max(g.s, g.d) - 1);
      input.value = String(state[name]);
      const text = name === "input_size" || name === "kernel_size" ? `${state[name]} × ${state[name]}` : String(state[name]);
      value.textContent = String(state[name]);
      input.setAttribute("aria-valuetext", text);
    }
    flip.checked = state.transposed;
    outputPadding.hidden = !state.transposed;
    sliders.output_padding.input.disabled = Math.max(g.s, g.d) === 1;
    paddingHint.textContent = `(0 to ${Math.max(g.s, g.d) - 1}: smaller than the stride or the dilation)`;
  }

  function draw() {
    matchSurroundings(box);
    const g = geometry(state);
    showControls(g);
    formula.textContent = forwardFormula(g);
    second.hidden = !state.transposed || !g.m;
    second.textContent = g.m ? transposedFormula(g) : "";
    const empty = !g.m || (state.transposed && g.result < 1);
    panels.hidden = empty;
    legend.hidden = empty;
    details.hidden = empty;
    for (const b of [play, stepButton, restart]) b.disabled = empty;
    sum.hidden = empty;
    note.hidden = false;
    if (!g.m) {
      sum.textContent = "";
      note.textContent = noWindow(g);
      progress.textContent = "Play and Step are off: no window fits.";
      return;
    }
    step = Math.min(step, g.m * g.m - 1);
    progress.textContent = `${state.transposed ? "input" : "output"} ${step + 1} of ${g.m * g.m}`;
    if (state.transposed) drawTransposedMode(g);
    else drawForwardMode(g);
    fit();
  }

  const leftOut = el("span", "cb-key cb-left-out", "numbers left out: too small to read at this width (all listed under the values)");
  function fit() {
    const quiet = figures.map((f) => fitText(f.querySelector("svg"))).some(Boolean);
    if (quiet && !panels.hidden) legend.append(leftOut);
    else leftOut.remove();
  }

  function drawForwardMode(g) {
    const settings = { padding: g.p, stride: g.s, dilation: g.d };
    const Y = crossCorrelate(counting(g.n), counting(g.k), settings);
    const [inputSvg, outputSvg] = drawForward(g, step, hatch, Y);
    setFigure(0, inputSvg, `input ${g.n} × ${g.n} ${g.p ? `(padded ${g.padded} × ${g.padded})` : "(no padding)"}`);
    setFigure(1, outputSvg, `output ${g.m} × ${g.m}`);
    legend.replaceChildren(
      legendItem("cb-pad", "padding (zeros)"), legendItem("cb-tap", `window: ${g.k} × ${g.k} taps`),
      legendItem("cb-reach", `its reach, ${g.reach} × ${g.reach}`),
      ...(g.left ? [legendItem("cb-dropped", "reached by no window")] : []));
    sum.textContent = forwardSum(g, step, Y);
    note.textContent = forwardNote(g);
    note.hidden = !note.textContent;
    valuesTitle.textContent = `Output values Y (${g.m} × ${g.m})`;
    values.textContent = table(Y);
  }

  function drawTransposedMode(g) {
    note.textContent = transposedNote(g);
    if (g.result < 1) {
      sum.textContent = "";
      progress.textContent = "Play and Step are off: the padding crops the whole result.";
      return;
    }
    const settings = { stride: g.s, padding: g.p, outputPadding: g.op, dilation: g.d };
    const R = transposedConv(counting(g.m), counting(g.k), settings);
    const [inputSvg, resultSvg] = drawTransposed(g, step, hatch, stampedSoFar(g, step), R);
    setFigure(0, inputSvg, `input Z ${g.m} × ${g.m} (the output grid)`);
    const crop = g.p ? ` (padding ${g.p} crops it from ${g.result + 2 * g.p} × ${g.result + 2 * g.p})` : "";
    setFigure(1, resultSvg, `result R ${g.result} × ${g.result}${crop}`);
    legend.replaceChildren(
      ...(g.p ? [legendItem("cb-pad", "cropped by the padding")] : []),
      legendItem("cb-tap", `stamp: ${g.k} × ${g.k} taps`), legendItem("cb-reach", `its reach, ${g.reach} × ${g.reach}`),
      ...(g.op ? [legendItem("cb-extra", "added by output_padding")] : []));
    sum.textContent = transposedSum(g, step);
    valuesTitle.textContent = `Result values R (${g.result} × ${g.result})`;
    values.textContent = table(R);
  }

  function setFigure(index, markup, caption) {
    const [drawing, figcaption] = figures[index].children;
    drawing.innerHTML = markup;
    figcaption.textContent = caption;
  }

  const fromPython = () => {
    const next = read();
    if (SETTINGS.every((name) => next[name] === state[name])) return; // our own change, back
    changed(next);
  };
  for (const name of SETTINGS) model.on(`change:${name}`, fromPython);
  const theme = new MutationObserver(() => draw()); // the book's and JupyterLab's theme switches
  theme.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  theme.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
  const resized = new ResizeObserver(() => fit()); // narrower drawings may lose their numbers
  resized.observe(panels);
  draw();
  requestAnimationFrame(() => matchSurroundings(box)); // once the page has put the widget in place
  return () => {
    stop();
    theme.disconnect();
    resized.disconnect();
    for (const name of SETTINGS) model.off(`change:${name}`, fromPython);
  };
}

export default { render };
