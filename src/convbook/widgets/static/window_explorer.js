// src/convbook/widgets/kit/bridge.js
var same = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b);
function bridge(model, traits, onPython = () => {
}) {
  const sent = Object.fromEntries(traits.map((t) => [t, model.get(t)]));
  let saving = false;
  const read = () => Object.fromEntries(traits.map((t) => [t, model.get(t)]));
  const heard = () => {
    if (saving) return;
    const now = read();
    const news = traits.filter((t) => !same(now[t], sent[t]));
    if (!news.length) return;
    Object.assign(sent, now);
    onPython(now, news);
  };
  model.on("change", heard);
  return {
    read,
    /** Set `values` on the model in one step and save them to Python where there is one. */
    save(values) {
      const news = Object.keys(values).filter((t) => !same(values[t], sent[t]));
      if (!news.length) return false;
      Object.assign(sent, values);
      saving = true;
      try {
        model.set(values);
      } finally {
        saving = false;
      }
      try {
        model.save_changes();
      } catch {
      }
      return true;
    },
    dispose: () => model.off("change", heard)
  };
}

// src/convbook/widgets/kit/controls.js
var ids = 0;
function el(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}
function uniqueId(prefix = "cb") {
  ids += 1;
  return `${prefix}-${ids}`;
}
function button(text, className = "") {
  const b = el("button", className, text);
  b.type = "button";
  return b;
}
function labelled(text, control, className = "cb-control") {
  const node = el("label", className);
  node.append(el("span", "", text), control);
  return node;
}
function slider({ min, max, step = 1 }, name, className = "") {
  const input = el("input", className);
  Object.assign(input, { type: "range", min: String(min), max: String(max), step: String(step) });
  input.setAttribute("aria-label", name);
  return input;
}
function setSlider(input, value, words = String(value)) {
  input.value = String(value);
  input.setAttribute("aria-valuetext", words);
}
function playerControls(player, { speedRange = { min: 1, max: 30, step: 1 }, unit = "steps" } = {}) {
  const play = button("Play", "cb-play");
  const step = button("Step", "cb-step");
  const restart = button("Start over", "cb-restart");
  const speed = slider(speedRange, `speed, ${unit} a second`, "cb-speed");
  const shown = el("output");
  const speedControl = labelled("Speed", speed);
  speedControl.append(shown);
  const row = el("div", "cb-row cb-play-row");
  row.append(play, step, restart, speedControl);
  const showSpeed = () => {
    setSlider(speed, player.speed, `${player.speed} ${unit} a second`);
    shown.textContent = `${player.speed} a second`;
  };
  play.addEventListener("click", () => player.toggle());
  step.addEventListener("click", () => player.stepOnce());
  restart.addEventListener("click", () => player.restart());
  speed.addEventListener("input", () => {
    player.setSpeed(Number(speed.value));
    showSpeed();
  });
  showSpeed();
  return {
    row,
    play,
    step,
    restart,
    speed,
    /** Show whether it plays; `last` disables Step at the last step. */
    update({ last = false } = {}) {
      play.textContent = player.playing ? "Pause" : "Play";
      play.setAttribute("aria-pressed", String(player.playing));
      step.disabled = last;
    }
  };
}

// src/convbook/widgets/kit/player.js
var REAL_CLOCK = {
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (t) => clearTimeout(t),
  now: () => performance.now()
};
function createPlayer({
  step,
  atEnd = () => false,
  rewind = () => {
  },
  speed = 4,
  onChange = () => {
  },
  clock = REAL_CLOCK
}) {
  let timer = null;
  let playing = false;
  let last = 0;
  let rate = speed;
  const schedule = (delay) => {
    timer = clock.setTimeout(tick, Math.max(0, delay));
  };
  function tick() {
    timer = null;
    last = clock.now();
    if (step() === false) {
      player.pause();
      return;
    }
    schedule(1e3 / rate);
  }
  const player = {
    get playing() {
      return playing;
    },
    get speed() {
      return rate;
    },
    play() {
      if (playing) return;
      if (atEnd()) rewind();
      playing = true;
      tick();
      if (playing) onChange(true);
    },
    pause() {
      clock.clearTimeout(timer);
      timer = null;
      if (!playing) return;
      playing = false;
      onChange(false);
    },
    toggle() {
      if (playing) player.pause();
      else player.play();
    },
    /** Pause, then one step on. */
    stepOnce() {
      player.pause();
      return step();
    },
    /** Pause, rewind, and show the first step. */
    restart() {
      player.pause();
      rewind();
      return step();
    },
    setSpeed(n) {
      rate = n;
      if (!playing) return;
      clock.clearTimeout(timer);
      schedule(last + 1e3 / rate - clock.now());
    },
    dispose: () => player.pause()
  };
  return player;
}

// src/convbook/widgets/kit/store.js
function createStore(initial) {
  let state = { ...initial };
  const listeners = /* @__PURE__ */ new Set();
  return {
    get: () => state,
    /** Merge `patch`; subscribers hear (state, changed keys, cause) if anything changed. */
    set(patch, cause = "") {
      const changed = Object.keys(patch).filter((k) => !Object.is(state[k], patch[k]));
      if (!changed.length) return [];
      state = { ...state, ...patch };
      for (const listen2 of [...listeners]) listen2(state, changed, cause);
      return changed;
    },
    subscribe(listen2) {
      listeners.add(listen2);
      return () => listeners.delete(listen2);
    }
  };
}

// src/convbook/widgets/kit/theme.js
function channels(colour) {
  return (colour.match(/[\d.]+/g) || []).map(Number);
}
function luminance([r, g, b]) {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
function backgroundOf(node) {
  for (let n = node; n; n = n.parentElement) {
    const [r, g, b, alpha = 1] = channels(getComputedStyle(n).backgroundColor);
    if (r !== void 0 && alpha > 0) return `rgb(${r}, ${g}, ${b})`;
  }
  return "rgb(255, 255, 255)";
}
function isDark(box) {
  return luminance(channels(getComputedStyle(box).color)) > 0.5;
}
function matchSurroundings(box) {
  if (!box.isConnected) return "";
  box.classList.toggle("cb-dark", isDark(box));
  const halo = backgroundOf(box);
  box.style.setProperty("--cb-halo", halo);
  return `${getComputedStyle(box).color} ${halo}`;
}
function followTheme(box, onChange = () => {
}) {
  let seen = matchSurroundings(box);
  let frame = 0;
  let live = true;
  const recheck = () => {
    frame = 0;
    if (!live) return;
    const now = matchSurroundings(box);
    if (now !== seen) {
      seen = now;
      onChange();
    }
  };
  const switched = () => {
    seen = matchSurroundings(box);
    onChange();
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(recheck);
    setTimeout(recheck, 400);
  };
  const observer = new MutationObserver(switched);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
  const system = window.matchMedia?.("(prefers-color-scheme: dark)");
  system?.addEventListener?.("change", switched);
  frame = requestAnimationFrame(recheck);
  return () => {
    live = false;
    observer.disconnect();
    system?.removeEventListener?.("change", switched);
    cancelAnimationFrame(frame);
  };
}

// src/convbook/widgets/draw.js
function fmt(v, digits = 3) {
  if (Number.isNaN(v) || typeof v !== "number") return "?";
  if (!Number.isFinite(v)) return v > 0 ? "\u221E" : "\u2212\u221E";
  if (v === Math.round(v) && Math.abs(v) < 1e6) return String(v);
  if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(digits)));
}
var scratch = typeof document === "undefined" ? null : document.createElement("canvas");

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

// src/convbook/widgets/window_draw.js
var CELL = 32;
var EDGE = 2;
var SMALLEST_TEXT = 12;
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

// src/convbook/widgets/window_words.js
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

// src/convbook/widgets/window_explorer.js
var SLIDERS = [
  ["input_size", "input size n"],
  ["kernel_size", "kernel size k"],
  ["padding", "padding p"],
  ["stride", "stride s"],
  ["dilation", "dilation d"],
  ["output_padding", "output_padding"]
];
var SETTINGS = [...SLIDERS.map(([name]) => name), "transposed"];
function fitted(settings) {
  const largest = Math.max(settings.stride, settings.dilation) - 1;
  return { ...settings, output_padding: Math.min(settings.output_padding, largest) };
}
function stepsOf(state) {
  const g = geometry(state);
  return !g.m || state.transposed && g.result < 1 ? 0 : g.m * g.m;
}
function settingSlider(name, text, [low, high]) {
  const input = slider({ min: low, max: high }, text, `cb-${name.replace("_", "-")}`);
  input.dataset.setting = name;
  const control = labelled(text, input);
  control.append(el("output"));
  return control;
}
function legendItem(className, text) {
  const item = el("span", "cb-key");
  item.append(el("span", `cb-swatch ${className}`), text);
  return item;
}
function buildView(ranges) {
  const v = { hatch: uniqueId("cb-wx-hatch") };
  v.sliders = Object.fromEntries(SLIDERS.map(([name, text]) => [name, settingSlider(name, text, ranges[name])]));
  v.flip = Object.assign(el("input", "cb-transposed"), { type: "checkbox" });
  const flipLabel = el("label", "cb-control cb-toggle");
  flipLabel.append(v.flip, "transposed");
  v.hint = el("span", "cb-hint");
  v.outputPadding = el("span", "cb-output-padding");
  v.outputPadding.append(v.sliders.output_padding, v.hint);
  const controls = el("div", "cb-row cb-sliders");
  controls.append(...SLIDERS.slice(0, 5).map(([name]) => v.sliders[name]));
  const modeRow = el("div", "cb-row");
  modeRow.append(flipLabel, v.outputPadding);
  [v.formula, v.second] = [el("p", "cb-formula"), el("p", "cb-formula cb-formula-transposed")];
  v.progress = el("span", "cb-progress");
  v.progress.id = uniqueId("cb-wx-progress");
  v.panels = el("div", "cb-panels");
  v.figures = [0, 1].map(() => {
    const figure = el("figure");
    figure.append(el("div", "cb-drawing"), el("figcaption"));
    return figure;
  });
  v.panels.append(...v.figures);
  [v.legend, v.sum, v.note] = [el("p", "cb-legend"), el("p", "cb-sum"), el("p", "cb-note")];
  v.sum.setAttribute("aria-live", "polite");
  v.leftOut = el("span", "cb-key cb-left-out", "numbers left out: too small to read at this width (all listed under the values)");
  v.details = el("details");
  [v.valuesTitle, v.values] = [el("summary"), el("pre", "cb-values")];
  v.details.append(v.valuesTitle, v.values);
  v.box = el("div", "cb-widget cb-wx");
  v.playRow = el("div");
  v.box.append(controls, modeRow, v.formula, v.second, v.playRow, v.panels, v.legend, v.sum, v.note, v.details);
  return v;
}
function showControls(v, state, g) {
  for (const [name] of SLIDERS) {
    const control = v.sliders[name];
    const input = control.querySelector("input");
    if (name === "output_padding") input.max = String(Math.max(g.s, g.d) - 1);
    const sized = name === "input_size" || name === "kernel_size";
    setSlider(input, state[name], sized ? `${state[name]} \xD7 ${state[name]}` : String(state[name]));
    control.querySelector("output").textContent = String(state[name]);
  }
  v.flip.checked = state.transposed;
  v.outputPadding.hidden = !state.transposed;
  v.sliders.output_padding.querySelector("input").disabled = Math.max(g.s, g.d) === 1;
  v.hint.textContent = `(0 to ${Math.max(g.s, g.d) - 1}: smaller than the stride or the dilation)`;
}
function setFigure(v, index, markup, caption) {
  const [drawing, figcaption] = v.figures[index].children;
  drawing.innerHTML = markup;
  figcaption.textContent = caption;
}
function drawForwardMode(v, g, step) {
  const Y = crossCorrelate(counting(g.n), counting(g.k), { padding: g.p, stride: g.s, dilation: g.d });
  const [inputSvg, outputSvg] = drawForward(g, step, v.hatch, Y);
  setFigure(v, 0, inputSvg, `input ${g.n} \xD7 ${g.n} ${g.p ? `(padded ${g.padded} \xD7 ${g.padded})` : "(no padding)"}`);
  setFigure(v, 1, outputSvg, `output ${g.m} \xD7 ${g.m}`);
  v.legend.replaceChildren(
    legendItem("cb-pad", "padding (zeros)"),
    legendItem("cb-tap", `window: ${g.k} \xD7 ${g.k} taps`),
    legendItem("cb-reach", `its reach, ${g.reach} \xD7 ${g.reach}`),
    ...g.left ? [legendItem("cb-dropped", "reached by no window")] : []
  );
  v.sum.textContent = forwardSum(g, step, Y);
  v.note.textContent = forwardNote(g);
  v.valuesTitle.textContent = `Output values Y (${g.m} \xD7 ${g.m})`;
  v.values.textContent = table(Y);
}
function drawTransposedMode(v, g, step) {
  v.note.textContent = transposedNote(g);
  const settings = { stride: g.s, padding: g.p, outputPadding: g.op, dilation: g.d };
  const R = transposedConv(counting(g.m), counting(g.k), settings);
  const [inputSvg, resultSvg] = drawTransposed(g, step, v.hatch, stampedSoFar(g, step), R);
  setFigure(v, 0, inputSvg, `input Z ${g.m} \xD7 ${g.m} (the output grid)`);
  const crop = g.p ? ` (padding ${g.p} crops it from ${g.result + 2 * g.p} \xD7 ${g.result + 2 * g.p})` : "";
  setFigure(v, 1, resultSvg, `result R ${g.result} \xD7 ${g.result}${crop}`);
  v.legend.replaceChildren(
    ...g.p ? [legendItem("cb-pad", "cropped by the padding")] : [],
    legendItem("cb-tap", `stamp: ${g.k} \xD7 ${g.k} taps`),
    legendItem("cb-reach", `its reach, ${g.reach} \xD7 ${g.reach}`),
    ...g.op ? [legendItem("cb-extra", "added by output_padding")] : []
  );
  v.sum.textContent = transposedSum(g, step);
  v.valuesTitle.textContent = `Result values R (${g.result} \xD7 ${g.result})`;
  v.values.textContent = table(R);
}
function fit(v) {
  const quiet = v.figures.map((f) => fitText(f.querySelector("svg"))).some(Boolean);
  if (quiet && !v.panels.hidden) v.legend.append(v.leftOut);
  else v.leftOut.remove();
}
function draw(v, state) {
  const g = geometry(state);
  showControls(v, state, g);
  v.formula.textContent = forwardFormula(g);
  v.second.hidden = !state.transposed || !g.m;
  v.second.textContent = g.m ? transposedFormula(g) : "";
  const total = stepsOf(state);
  for (const part of [v.panels, v.legend, v.details, v.sum]) part.hidden = !total;
  if (!total) {
    v.sum.textContent = "";
    v.note.textContent = g.m ? transposedNote(g) : noWindow(g);
    v.progress.textContent = `Play and Step are off: ${g.m ? "the padding crops the whole result" : "no window fits"}.`;
    return;
  }
  const step = Math.max(0, Math.min(state.step, total - 1));
  v.progress.textContent = `${state.transposed ? "input" : "output"} ${step + 1} of ${total}`;
  if (state.transposed) drawTransposedMode(v, g, step);
  else drawForwardMode(v, g, step);
  fit(v);
}
function makePlayer(store, speed, onChange) {
  let rewound = false;
  const atEnd = () => store.get().step >= stepsOf(store.get()) - 1;
  return createPlayer({
    speed,
    atEnd,
    onChange,
    rewind: () => {
      rewound = true;
    },
    // the next step shows the first output
    step: () => {
      const total = stepsOf(store.get());
      if (!total) return false;
      store.set({ step: rewound ? 0 : (store.get().step + 1) % total }, "player");
      rewound = false;
      return !atEnd();
    }
  });
}
function showPlayer(v, buttons, player, state) {
  buttons.update();
  const off = !stepsOf(state);
  for (const b of [buttons.play, buttons.step, buttons.restart]) {
    b.disabled = off;
    b.setAttribute("aria-describedby", v.progress.id);
  }
  v.sum.setAttribute("aria-live", player.playing ? "off" : "polite");
}
function listen(v, store, link) {
  for (const [name] of SLIDERS) {
    const input = v.sliders[name].querySelector("input");
    input.addEventListener("input", () => store.set(fitted({ ...store.get(), [name]: Number(input.value), step: 0 }), "dragged"));
    input.addEventListener("change", () => link.save(settingsOf(store.get())));
  }
  v.flip.addEventListener("change", () => {
    store.set({ transposed: v.flip.checked, step: 0 }, "chosen");
    link.save(settingsOf(store.get()));
  });
}
var settingsOf = (state) => Object.fromEntries(SETTINGS.map((name) => [name, state[name]]));
function render({ model, el: root }) {
  const v = buildView(model.get("ranges"));
  root.replaceChildren(v.box);
  const store = createStore({ ...fitted(Object.fromEntries(SETTINGS.map((n) => [n, model.get(n)]))), step: 0 });
  const link = bridge(model, SETTINGS, (values) => store.set({ ...fitted(values), step: 0 }, "python"));
  const speeds = model.get("speed_range");
  let buttons = null;
  const show = () => buttons && showPlayer(v, buttons, player, store.get());
  const player = makePlayer(store, speeds.start, show);
  buttons = playerControls(player, { speedRange: speeds, unit: "steps" });
  buttons.row.append(v.progress);
  v.playRow.replaceWith(buttons.row);
  const unsubscribe = store.subscribe((state, changed, cause) => {
    if (cause !== "player") player.pause();
    draw(v, state);
    show();
  });
  listen(v, store, link);
  const unfollow = followTheme(v.box, () => draw(v, store.get()));
  const resized = new ResizeObserver(() => fit(v));
  resized.observe(v.panels);
  draw(v, store.get());
  show();
  return () => {
    player.dispose();
    [unsubscribe, unfollow, link.dispose].forEach((f) => f());
    resized.disconnect();
  };
}
var window_explorer_default = { render };
export {
  window_explorer_default as default
};
