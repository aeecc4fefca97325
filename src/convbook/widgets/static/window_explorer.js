// src/convbook/widgets/draw.js
function fmt(v, digits = 3) {
  if (Number.isNaN(v) || typeof v !== "number") return "?";
  if (!Number.isFinite(v)) return v > 0 ? "\u221E" : "\u2212\u221E";
  if (v === Math.round(v) && Math.abs(v) < 1e6) return String(v);
  if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(digits)));
}
var scratch = typeof document === "undefined" ? null : document.createElement("canvas");
function el(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}
function save(model, values) {
  model.set(values);
  try {
    model.save_changes();
  } catch (error) {
  }
}

// src/convbook/widgets/window_math.js
function pair(value) {
  return Array.isArray(value) ? value : [value, value];
}
function span(k, d = 1) {
  return d * (k - 1) + 1;
}
function outputSize(n, k, p = 0, s = 1, d = 1) {
  const room = n + 2 * p - span(k, d);
  return room < 0 ? 0 : Math.floor(room / s) + 1;
}
function unreached(n, k, p = 0, s = 1, d = 1) {
  const room = n + 2 * p - span(k, d);
  return room < 0 ? 0 : room % s;
}
function transposedSize(m, k, s = 1, p = 0, op = 0, d = 1) {
  return (m - 1) * s - 2 * p + span(k, d) + op;
}
function sizesGiving(m, k, p = 0, s = 1, d = 1) {
  const smallest = transposedSize(m, k, s, p, 0, d);
  return [Math.max(1, smallest), smallest + s - 1];
}
function zeros(rows, cols) {
  return Array.from({ length: rows }, () => new Array(cols).fill(0));
}
function padded(X, padding = 0) {
  const [ph, pw] = pair(padding);
  const P = zeros(X.length + 2 * ph, X[0].length + 2 * pw);
  X.forEach((row, i) => row.forEach((v, j) => {
    P[i + ph][j + pw] = v;
  }));
  return P;
}
function outputShape([nh, nw], [kh, kw], { padding = 0, stride = 1, dilation = 1 } = {}) {
  const [p, s, d] = [pair(padding), pair(stride), pair(dilation)];
  return [outputSize(nh, kh, p[0], s[0], d[0]), outputSize(nw, kw, p[1], s[1], d[1])];
}
function windowCells(i, j, [kh, kw], { stride = 1, dilation = 1 } = {}) {
  const [s, d] = [pair(stride), pair(dilation)];
  const cells = [];
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) cells.push([i * s[0] + a * d[0], j * s[1] + b * d[1], a, b]);
  }
  return cells;
}
function windowTerms(X, K, i, j, settings = {}) {
  const P = padded(X, settings.padding ?? 0);
  return windowCells(i, j, [K.length, K[0].length], settings).map(([r, c, a, b]) => [P[r][c], K[a][b]]);
}
function crossCorrelate(X, K, settings = {}) {
  const [oh, ow] = outputShape([X.length, X[0].length], [K.length, K[0].length], settings);
  if (oh < 1 || ow < 1) throw new RangeError("the dilated kernel is larger than the padded input");
  return Array.from({ length: oh }, (_, i) => Array.from({ length: ow }, (_2, j) => windowTerms(X, K, i, j, settings).reduce((sum, [x, k]) => sum + x * k, 0)));
}
function transposedShape([mh, mw], [kh, kw], { stride = 1, padding = 0, outputPadding = 0, dilation = 1 } = {}) {
  const [s, p, op, d] = [pair(stride), pair(padding), pair(outputPadding), pair(dilation)];
  return [transposedSize(mh, kh, s[0], p[0], op[0], d[0]), transposedSize(mw, kw, s[1], p[1], op[1], d[1])];
}
function stampCells(i, j, [kh, kw], { stride = 1, padding = 0, dilation = 1 } = {}) {
  const p = pair(padding);
  return windowCells(i, j, [kh, kw], { stride, dilation }).map(([r, c, a, b]) => [r - p[0], c - p[1], a, b]);
}
function transposedConv(Y, K, settings = {}) {
  const [rows, cols] = transposedShape([Y.length, Y[0].length], [K.length, K[0].length], settings);
  if (rows < 1 || cols < 1) throw new RangeError("the transposed convolution's result would be empty");
  const R = zeros(rows, cols);
  Y.forEach((line, i) => line.forEach((y, j) => {
    for (const [r, c, a, b] of stampCells(i, j, [K.length, K[0].length], settings)) {
      if (r >= 0 && r < rows && c >= 0 && c < cols) R[r][c] += y * K[a][b];
    }
  }));
  return R;
}
function counting(n) {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_2, j) => i * n + j + 1));
}

// src/convbook/widgets/window_explorer.js
var SLIDERS = [
  ["input_size", "input size n"],
  ["kernel_size", "kernel size k"],
  ["padding", "padding p"],
  ["stride", "stride s"],
  ["dilation", "dilation d"]
];
var SETTINGS = [...SLIDERS.map(([name]) => name), "output_padding", "transposed"];
var SPEEDS = [0.5, 1, 2, 4, 8, 16];
var CELL = 32;
var EDGE = 2;
var SMALLEST_TEXT = 12;
var drawings = 0;
function geometry(st) {
  const { input_size: n, kernel_size: k, padding: p, stride: s, dilation: d, output_padding: op } = st;
  const m = outputSize(n, k, p, s, d);
  const reach = span(k, d);
  const result = m ? transposedSize(m, k, s, p, op, d) : 0;
  return { n, k, p, s, d, op, m, reach, padded: n + 2 * p, left: unreached(n, k, p, s, d), result };
}
function forwardFormula({ n, k, p, s, d, m, padded: padded2, reach }) {
  const top = padded2 - reach;
  const start = `m = \u230A(n + 2p \u2212 d(k \u2212 1) \u2212 1) / s\u230B + 1 = \u230A(${n} + 2\xB7${p} \u2212 ${d}\xB7(${k} \u2212 1) \u2212 1) / ${s}\u230B + 1`;
  return m ? `${start} = \u230A${top} / ${s}\u230B + 1 = ${m}` : `${start}: the top, \u2212${-top}, is negative: no window fits`;
}
function transposedFormula({ k, p, s, d, op, m, result }) {
  return `n\u2032 = (m \u2212 1)s \u2212 2p + d(k \u2212 1) + 1 + output_padding = (${m} \u2212 1)\xB7${s} \u2212 2\xB7${p} + ${d}\xB7(${k} \u2212 1) + 1 + ${op} = ${result}`;
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function noWindow({ n, k, p, d, padded: padded2, reach }) {
  return `No window fits: with dilation ${d} the ${k} \xD7 ${k} kernel spans d(k \u2212 1) + 1 = ${reach} cells, more than the padded input's n + 2p = ${n} + ${2 * p} = ${padded2}. Lower the kernel size or the dilation, or add padding.`;
}
function forwardNote(g) {
  const notes = [];
  if (g.left) {
    notes.push(`Stride ${g.s} leaves the last ${plural(g.left, "row")} and ${plural(g.left, "column")} of the padded input (marked) reached by no window: the floor drops them.`);
  }
  if (g.d > 1) {
    notes.push(`Dilation ${g.d} spreads the ${g.k} \xD7 ${g.k} weights over ${g.reach} \xD7 ${g.reach} cells: a wider view, no more weights.`);
  }
  if (g.p && g.m === g.n) notes.push(`Padding ${g.p} keeps the output the size of the input ("same" padding).`);
  return notes.join(" ");
}
function transposedNote(g) {
  const [low, high] = sizesGiving(g.m, g.k, g.p, g.s, g.d);
  const size = `${g.m} \xD7 ${g.m}`;
  const first = low === high ? `Only input size ${low} gives ${size} outputs here, so output_padding 0 gives it back.` : `Input sizes ${low} to ${high} all give ${size} outputs here (the floor drops up to ${g.s - 1}), so the transposed convolution cannot know which one it came from: output_padding picks.`;
  if (g.result < 1) {
    return `${first} With output_padding ${g.op} the result would have ${g.result} rows: the padding crops everything the stamps cover. Raise output_padding to ${g.left} to get back your n = ${g.n}.`;
  }
  let pick = `output_padding ${g.op} gives n\u2032 = ${g.result}`;
  if (g.result === g.n) pick += `: the n you chose.`;
  else if (g.result <= high) pick += `; output_padding ${g.left} would give back your n = ${g.n}.`;
  else {
    pick += `, a size that gives ${outputSize(g.result, g.k, g.p, g.s, g.d)} outputs, not ${g.m}: dilation lets output_padding add rows that no convolution of this size had.`;
  }
  const adds = g.op ? ` It adds the last ${plural(g.op, "row")} and ${plural(g.op, "column")} (marked).` : "";
  return `${first} ${pick}${adds}`;
}
function cellRect(r, c, cls, h = 1, w = 1, extra = "") {
  return `<rect class="${cls}" x="${EDGE + c * CELL}" y="${EDGE + r * CELL}" width="${w * CELL}" height="${h * CELL}"${extra}/>`;
}
function numberSize(values) {
  const longest = Math.max(1, ...values.flat().map((v) => fmt(v).length));
  return Math.min(CELL * 0.42, CELL * 0.94 / (0.6 * longest));
}
function cellText(r, c, value, size) {
  return `<text x="${EDGE + (c + 0.5) * CELL}" y="${EDGE + (r + 0.5) * CELL}" font-size="${size.toFixed(1)}">${fmt(value)}</text>`;
}
function svg(rows, cols, name, body, hatch, size) {
  const [w, h] = [cols * CELL + 2 * EDGE, rows * CELL + 2 * EDGE];
  const scale = Math.min(1.5, Math.max(0.95, SMALLEST_TEXT * 1.02 / size));
  const pattern = `<defs><pattern id="${hatch}" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="cb-hatch" x1="0" y1="0" x2="0" y2="7"/></pattern></defs>`;
  return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${name}" data-number-size="${size}" style="width:${Math.round(w * scale)}px">${pattern}${body}</svg>`;
}
function fitText(drawing) {
  if (!drawing) return false;
  const shown = drawing.getBoundingClientRect().width / drawing.viewBox.baseVal.width;
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
  const y = top ? EDGE + thickness * CELL / 2 : EDGE + (size - thickness / 2) * CELL;
  return `<text class="cb-strip" x="${EDGE + size * CELL / 2}" y="${y}" data-room="${thickness * CELL}">${text}</text>`;
}
function drawForward(g, step, hatch, values) {
  const { n, p, m, padded: padded2, reach, left } = g;
  const [i, j] = [Math.floor(step / m), step % m];
  const window2 = windowCells(i, j, [g.k, g.k], { stride: g.s, dilation: g.d });
  const X = counting(n);
  const [inputSize, outputSize2] = [numberSize(X), numberSize(values)];
  const input = board(padded2, p, n, hatch, (a, b) => X[a][b], inputSize);
  if (left) {
    const from = padded2 - left;
    input.push(cellRect(from, 0, "cb-dropped", left, padded2), cellRect(0, from, "cb-dropped", from, left));
  }
  input.push(...taps(window2, 0), reachBox(window2[0], reach, 0), stripLabel("padding", padded2, p, true));
  const output = [];
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      const index = r * m + c;
      output.push(cellRect(r, c, index === step ? "cb-tap" : index < step ? "cb-done" : "cb-cell"));
      if (index <= step) output.push(cellText(r, c, values[r][c], outputSize2));
    }
  }
  return [
    svg(padded2, padded2, `padded input, ${padded2} by ${padded2}; the window of output row ${i}, column ${j}`, input.join(""), hatch, inputSize),
    svg(m, m, `output, ${m} by ${m}; filled up to row ${i}, column ${j}`, output.join(""), hatch, outputSize2)
  ];
}
function drawTransposed(g, step, hatch, partial, R) {
  const { m, p, reach, result, op } = g;
  const [i, j] = [Math.floor(step / m), step % m];
  const Z = counting(m);
  const [inputSize, resultSize] = [numberSize(Z), numberSize(R)];
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
    svg(full, full, `result R, ${result} by ${result}, inside the cropped border; stamps up to row ${i}, column ${j}`, cells.join(""), hatch, resultSize)
  ];
}
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
  return `Y[${i}, ${j}] = ${terms.map(([x, k]) => `${x}\xD7${k}`).join(" + ")} = ${fmt(values[i][j])}`;
}
function transposedSum(g, step) {
  const [i, j] = [Math.floor(step / g.m), step % g.m];
  const z = counting(g.m)[i][j];
  const K = counting(g.k);
  const stamp = stampCells(i, j, [g.k, g.k], { stride: g.s, padding: g.p, dilation: g.d });
  const inside = stamp.filter(([r, c]) => r >= 0 && c >= 0 && r < g.result && c < g.result);
  const adds = inside.map(([r, c, a, b]) => `R[${r}, ${c}] += ${z}\xD7${K[a][b]}`).join(", ");
  const cropped = stamp.length - inside.length;
  const rest = cropped ? ` (${plural(cropped, "tap")} of ${stamp.length} land in the cropped border)` : "";
  return `Z[${i}, ${j}] = ${z} stamps ${z} \xD7 kernel: ${adds || "every tap lands in the cropped border"}${rest}`;
}
function table(M) {
  const width = Math.max(...M.flat().map((v) => fmt(v).length));
  return M.map((row) => row.map((v) => fmt(v).padStart(width)).join(" ")).join("\n");
}
function channels(colour) {
  return (colour.match(/[\d.]+/g) || []).map(Number);
}
function backgroundOf(node) {
  for (let n = node; n; n = n.parentElement) {
    const [r, g, b, alpha = 1] = channels(getComputedStyle(n).backgroundColor);
    if (r !== void 0 && alpha > 0) return `rgb(${r}, ${g}, ${b})`;
  }
  return "rgb(255, 255, 255)";
}
function matchSurroundings(box) {
  if (!box.isConnected) return;
  const [r, g, b] = channels(getComputedStyle(box).color);
  box.classList.toggle("cb-dark", (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.5);
  box.style.setProperty("--cb-wx-halo", backgroundOf(box));
}
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
    ([name, text]) => [name, slider(name, text, ranges[name])]
  ));
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
  const play = button("\u25B6 Play", "cb-play");
  const stepButton = button("Step \u25B8", "cb-step");
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
    play.textContent = "\u25B6 Play";
    sum.setAttribute("aria-live", "polite");
  }
  function tick() {
    const g = geometry(state);
    if (!g.m || state.transposed && g.result < 1 || step >= g.m * g.m - 1) {
      stop();
      return;
    }
    step += 1;
    draw();
    if (step >= g.m * g.m - 1) stop();
    else timer = setTimeout(tick, 1e3 / SPEEDS[Number(speed.value)]);
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
    sum.setAttribute("aria-live", "off");
    timer = setTimeout(tick, 1e3 / SPEEDS[Number(speed.value)]);
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
    if (timer) {
      clearTimeout(timer);
      timer = setTimeout(tick, 1e3 / SPEEDS[Number(speed.value)]);
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
      const text = name === "input_size" || name === "kernel_size" ? `${state[name]} \xD7 ${state[name]}` : String(state[name]);
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
    const empty = !g.m || state.transposed && g.result < 1;
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
    setFigure(0, inputSvg, `input ${g.n} \xD7 ${g.n} ${g.p ? `(padded ${g.padded} \xD7 ${g.padded})` : "(no padding)"}`);
    setFigure(1, outputSvg, `output ${g.m} \xD7 ${g.m}`);
    legend.replaceChildren(
      legendItem("cb-pad", "padding (zeros)"),
      legendItem("cb-tap", `window: ${g.k} \xD7 ${g.k} taps`),
      legendItem("cb-reach", `its reach, ${g.reach} \xD7 ${g.reach}`),
      ...g.left ? [legendItem("cb-dropped", "reached by no window")] : []
    );
    sum.textContent = forwardSum(g, step, Y);
    note.textContent = forwardNote(g);
    note.hidden = !note.textContent;
    valuesTitle.textContent = `Output values Y (${g.m} \xD7 ${g.m})`;
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
    setFigure(0, inputSvg, `input Z ${g.m} \xD7 ${g.m} (the output grid)`);
    const crop = g.p ? ` (padding ${g.p} crops it from ${g.result + 2 * g.p} \xD7 ${g.result + 2 * g.p})` : "";
    setFigure(1, resultSvg, `result R ${g.result} \xD7 ${g.result}${crop}`);
    legend.replaceChildren(
      ...g.p ? [legendItem("cb-pad", "cropped by the padding")] : [],
      legendItem("cb-tap", `stamp: ${g.k} \xD7 ${g.k} taps`),
      legendItem("cb-reach", `its reach, ${g.reach} \xD7 ${g.reach}`),
      ...g.op ? [legendItem("cb-extra", "added by output_padding")] : []
    );
    sum.textContent = transposedSum(g, step);
    valuesTitle.textContent = `Result values R (${g.result} \xD7 ${g.result})`;
    values.textContent = table(R);
  }
  function setFigure(index, markup, caption) {
    const [drawing, figcaption] = figures[index].children;
    drawing.innerHTML = markup;
    figcaption.textContent = caption;
  }
  const fromPython = () => {
    const next = read();
    if (SETTINGS.every((name) => next[name] === state[name])) return;
    changed(next);
  };
  for (const name of SETTINGS) model.on(`change:${name}`, fromPython);
  const theme = new MutationObserver(() => draw());
  theme.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  theme.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
  const resized = new ResizeObserver(() => fit());
  resized.observe(panels);
  draw();
  requestAnimationFrame(() => matchSurroundings(box));
  return () => {
    stop();
    theme.disconnect();
    resized.disconnect();
    for (const name of SETTINGS) model.off(`change:${name}`, fromPython);
  };
}
var window_explorer_default = { render };
export {
  window_explorer_default as default
};
