// src/convbook/widgets/kit/canvas.js
function backing(width, height, ratio = 1) {
  return [Math.round(width * ratio), Math.round(height * ratio)];
}
function sizeCanvas(c, width, height) {
  const ratio = typeof window !== "undefined" && window.devicePixelRatio || 1;
  [c.width, c.height] = backing(width, height, ratio);
  c.style.width = `${width}px`;
  c.style.aspectRatio = `${width} / ${height}`;
  const ctx = c.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}
function hidpiCanvas(width, height, label) {
  const c = document.createElement("canvas");
  sizeCanvas(c, width, height);
  c.setAttribute("role", "img");
  c.setAttribute("aria-label", label);
  return c;
}

// src/convbook/widgets/draw.js
var VIRIDIS = [
  "#440154",
  "#472d7b",
  "#3b528b",
  "#2c728e",
  "#21918c",
  "#28ae80",
  "#5ec962",
  "#addc30",
  "#fde725"
];
var RED_BLUE = [
  "#053061",
  "#2a71b2",
  "#6bacd1",
  "#c2ddec",
  "#f7f6f6",
  "#fbccb4",
  "#e48066",
  "#ba2832",
  "#67001f"
];
function interpolate(stops, t) {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const [a, b] = [stops[i], stops[i + 1]].map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
  return a.map((v, k) => Math.round(v + (b[k] - v) * (x - i)));
}
function colourScale(low, high) {
  if (low < 0) {
    const bound = Math.max(-low, Math.abs(high)) || 1;
    return { stops: RED_BLUE, low: -bound, high: bound };
  }
  return { stops: VIRIDIS, low, high: high > low ? high : low + 1 };
}
function linear(channel) {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
function textOn(rgb) {
  const luminance2 = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
  return (luminance2 + 0.05) / 0.05 >= 1.05 / (luminance2 + 0.05) ? "#000" : "#fff";
}
function paint(scale, v) {
  const rgb = interpolate(scale.stops, (v - scale.low) / (scale.high - scale.low));
  return { rgb, fill: `rgb(${rgb.join(",")})`, text: textOn(rgb) };
}
var TABLES = /* @__PURE__ */ new Map();
function table(stops) {
  if (!TABLES.has(stops)) {
    const t = new Uint8ClampedArray(256 * 3);
    for (let k = 0; k < 256; k++) t.set(interpolate(stops, k / 255), 3 * k);
    TABLES.set(stops, t);
  }
  return TABLES.get(stops);
}
function fmt(v, digits = 3) {
  if (Number.isNaN(v) || typeof v !== "number") return "?";
  if (!Number.isFinite(v)) return v > 0 ? "\u221E" : "\u2212\u221E";
  if (v === Math.round(v) && Math.abs(v) < 1e6) return String(v);
  if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(digits)));
}
function heatmap(ctx, M, cell, low, high, outline2 = null, scale = colourScale(low, high)) {
  const [ch, cw] = Array.isArray(cell) ? cell : [cell, cell];
  ctx.clearRect(0, 0, M[0].length * cw, M.length * ch);
  if (ch === cw && cw >= 24) cellsWithValues(ctx, M, cw, scale);
  else pixels(ctx, M, ch, cw, scale);
  if (outline2) ring(ctx, outline2, [ch, cw]);
}
function ring(ctx, [top, left, h, w], [ch, cw]) {
  const box = [left * cw + 1.5, top * ch + 1.5, w * cw - 3, h * ch - 3];
  ctx.lineWidth = 3;
  ctx.strokeStyle = "#000";
  ctx.strokeRect(...box);
  ctx.lineWidth = 1;
  ctx.strokeStyle = "#fff";
  ctx.strokeRect(...box);
}
function cellsWithValues(ctx, M, cell, scale) {
  const size = Math.floor(cell * 0.36);
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  M.forEach((row, i) => row.forEach((v, j) => {
    const { fill, text } = paint(scale, v);
    ctx.fillStyle = fill;
    ctx.fillRect(j * cell, i * cell, cell, cell);
    const label = fmt(v, 2);
    ctx.font = `${size}px sans-serif`;
    const fits = Math.min(1, (cell - 4) / ctx.measureText(label).width);
    if (size * fits < 8) return;
    ctx.font = `${Math.floor(size * fits)}px sans-serif`;
    ctx.fillStyle = text;
    ctx.fillText(label, (j + 0.5) * cell, (i + 0.5) * cell);
  }));
}
var scratch = typeof document === "undefined" ? null : document.createElement("canvas");
function pixels(ctx, M, ch, cw, scale) {
  const [h, w] = [M.length, M[0].length];
  if (scratch.width !== w || scratch.height !== h) Object.assign(scratch, { width: w, height: h });
  const small = scratch.getContext("2d");
  const image = small.createImageData(w, h);
  const [colours, data] = [table(scale.stops), image.data];
  const [low, span] = [scale.low, scale.high - scale.low];
  for (let i = 0, p = 0; i < h; i++) {
    const row = M[i];
    for (let j = 0; j < w; j++, p += 4) {
      const t = (row[j] - low) / span;
      const k = 3 * Math.round(255 * (t > 0 ? t < 1 ? t : 1 : 0));
      data[p] = colours[k];
      data[p + 1] = colours[k + 1];
      data[p + 2] = colours[k + 2];
      data[p + 3] = 255;
    }
  }
  small.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, w * cw, h * ch);
}

// src/convbook/widgets/convmath.js
function outputShape(X, K) {
  return [X.length - K.length + 1, X[0].length - K[0].length + 1];
}
function corr2d(X, K) {
  const [oh, ow] = outputShape(X, K);
  const Y = [];
  for (let i = 0; i < oh; i++) {
    const row = [];
    for (let j = 0; j < ow; j++) {
      let sum = 0;
      for (let a = 0; a < K.length; a++) {
        for (let b = 0; b < K[0].length; b++) sum += X[i + a][j + b] * K[a][b];
      }
      row.push(sum);
    }
    Y.push(row);
  }
  return Y;
}

// src/convbook/widgets/channel_math.js
function channelMaps(X, K) {
  return X.map((channel, c) => corr2d(channel, K[c]));
}
function sumPlusBias(maps, bias = 0) {
  return maps[0].map((row, i) => row.map((_, j) => maps.reduce((sum, M) => sum + M[i][j], bias)));
}
function centred(K, k) {
  const shift = (K.length - k) / 2;
  return Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_2, b) => K[a + shift]?.[b + shift] ?? 0));
}
function signedBound(...matrices) {
  return Math.max(...matrices.flat(2).map(Math.abs)) || 1;
}
function layerParameters(K) {
  const [co, ci, kh, kw] = [K.length, K[0].length, K[0][0].length, K[0][0][0].length];
  return { weights: co * ci * kh * kw, biases: co, total: co * ci * kh * kw + co };
}

// src/convbook/widgets/kit/number.js
var DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
var NOT_NUMBERS = /^[+-]?(nan|inf|infinity)$/i;
var FLOAT32_MAX = 34028234663852886e22;
function numberText(v) {
  const text = Math.abs(v) >= 1e6 || v !== 0 && Math.abs(v) < 1e-4 ? v.toExponential() : String(v);
  return text.replace(/^-/, "\u2212");
}
function readNumber(text, rule = {}) {
  const typed = String(text).trim().replace(/\u2212/g, "-");
  if (typed === "") return { error: "Type a number." };
  if (/^[+-]?\d*,\d+$/.test(typed)) return { error: "Write decimals with a point, not a comma." };
  if (NOT_NUMBERS.test(typed)) return { error: "Type a number made of digits." };
  if (!DECIMAL.test(typed)) return { error: "Not a number." };
  const value = Number(typed);
  if (!Number.isFinite(value)) return { error: "Too large even for float64 (at most 1.8e+308 in size)." };
  if (value === 0 && /[1-9]/.test(typed.split(/e/i)[0])) {
    return { error: "Too small to tell from 0 (float64 stops near 1e-308); type 0 for 0." };
  }
  if (rule.float32 && Math.abs(value) > FLOAT32_MAX) {
    return { error: "Beyond float32, the type PyTorch trains in (at most 3.4e+38 in size)." };
  }
  if (rule.whole && !Number.isInteger(value)) return { error: "Type a whole number." };
  const { low = -Infinity, high = Infinity } = rule;
  if (value < low || value > high) {
    return { error: `Choose a value from ${numberText(low)} to ${numberText(high)}.` };
  }
  return { value: value + 0 };
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
function options(select, names, current) {
  select.replaceChildren(...names.map((n) => {
    const [value, text] = Array.isArray(n) ? n : [n, n];
    return new Option(text, value, false, value === current);
  }));
}
function numberBox({
  label,
  rule = () => ({}),
  value = 0,
  onValue = () => {
  },
  onLeave = () => {
  },
  message = null,
  words = (error, kept) => `${error} Still ${kept}.`,
  className = "cb-number",
  show = String
}) {
  const input = el("input", className);
  Object.assign(input, { type: "text", inputMode: "decimal", spellcheck: false, autocomplete: "off" });
  input.setAttribute("aria-label", label);
  const own = message === null;
  const said = own ? el("span", "cb-refusal") : message;
  if (own) {
    said.id = uniqueId("cb-refusal");
    said.setAttribute("aria-live", "polite");
  }
  if (said.id) input.setAttribute("aria-describedby", said.id);
  let kept = value;
  const box = {
    input,
    message: said,
    node: own ? el("span", "cb-number-box") : input,
    get value() {
      return kept;
    },
    get refused() {
      return input.getAttribute("aria-invalid") === "true";
    },
    /** Set from outside (Python, a slider, a preset): shown, kept, no refusal. */
    set(v) {
      kept = v;
      input.value = show(v);
      if (!box.refused) return;
      input.removeAttribute("aria-invalid");
      said.textContent = "";
    }
  };
  if (own) box.node.append(input, said);
  input.value = show(value);
  input.addEventListener("input", () => {
    const read = readNumber(input.value, rule());
    if (read.error) {
      input.setAttribute("aria-invalid", "true");
      said.textContent = words(read.error, show(kept));
      return;
    }
    input.removeAttribute("aria-invalid");
    said.textContent = "";
    kept = read.value;
    onValue(read.value);
  });
  input.addEventListener("change", () => {
    if (!input.isConnected) return;
    if (box.refused) {
      input.value = show(kept);
      input.removeAttribute("aria-invalid");
    }
    onLeave();
  });
  return box;
}

// src/convbook/widgets/channel_volume.js
function volumeView() {
  const node = el("div", "cb-volume-box");
  const picture = el("div", "cb-volume");
  picture.setAttribute("role", "img");
  const words = el("p", "cb-volume-words");
  words.setAttribute("aria-live", "polite");
  node.append(el("p", "cb-kernel-title", "The layer's kernel volume"), picture, words);
  const draw = (layer, names, [h, w]) => {
    const [co, ci, k] = [layer.length, names.length, layer[0][0].length];
    const bound = signedBound(...layer.flat());
    const scale = colourScale(-bound, bound);
    picture.style.gridTemplateColumns = `auto repeat(${ci}, auto)`;
    picture.replaceChildren(
      el("span"),
      ...names.map((name) => el("span", "cb-volume-head", name)),
      ...layer.flatMap((volume, o) => [
        el("span", "cb-volume-head", `output ${o}`),
        ...volume.map((K) => block(K, scale))
      ])
    );
    picture.setAttribute("aria-label", `kernel volume of ${co} output channels by ${ci} input channels by ${k} by ${k}; its entries are in the boxes below`);
    const { weights, biases, total } = layerParameters(layer);
    words.textContent = `Shape (c_o, c_i, k_h, k_w) = (${co}, ${ci}, ${k}, ${k}): ${co} \xD7 ${ci} \xD7 ${k} \xD7 ${k} = ${weights} weights and ${biases} ${biases === 1 ? "bias" : "biases"}, ${total} parameters. Output (${co}, ${h}, ${w}).`;
  };
  return { node, draw };
}
function block(K, scale) {
  const grid = el("span", "cb-volume-block");
  grid.style.gridTemplateColumns = `repeat(${K.length}, 1fr)`;
  grid.append(...K.flat().map((v) => {
    const cell = el("span", "cb-volume-cell");
    cell.style.background = paint(scale, v).fill;
    return cell;
  }));
  return grid;
}

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

// src/convbook/widgets/kit/cursor.js
function cursorStep(key, at, rows, cols) {
  const [i, j] = at || [0, 0];
  const clamp = (a, b) => [Math.max(0, Math.min(rows - 1, a)), Math.max(0, Math.min(cols - 1, b))];
  const moves = {
    ArrowUp: [i - 1, j],
    ArrowDown: [i + 1, j],
    ArrowLeft: [i, j - 1],
    ArrowRight: [i, j + 1],
    Home: [0, 0],
    End: [rows - 1, cols - 1]
  };
  return key in moves ? clamp(...moves[key]) : null;
}
function cellAt(x, y, rect, rows, cols) {
  const i = Math.floor((y - rect.top) / rect.height * rows);
  const j = Math.floor((x - rect.left) / rect.width * cols);
  return [Math.max(0, Math.min(rows - 1, i)), Math.max(0, Math.min(cols - 1, j))];
}
function cellCursor(c, { shape, at, move, leave, byKey = () => {
} }) {
  c.tabIndex = 0;
  const handlers = {
    mousemove: (event) => move(cellAt(event.clientX, event.clientY, c.getBoundingClientRect(), ...shape())),
    focus: () => at() || move([0, 0]),
    keydown: (event) => {
      if (event.key === "Escape") c.blur();
      const next = cursorStep(event.key, at(), ...shape());
      if (!next) return;
      event.preventDefault();
      byKey();
      move(next);
    },
    mouseleave: () => document.activeElement === c || leave(),
    // the keyboard is still there
    blur: () => leave()
  };
  for (const [name, handler] of Object.entries(handlers)) c.addEventListener(name, handler);
  return () => Object.entries(handlers).forEach(([name, handler]) => c.removeEventListener(name, handler));
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

// src/convbook/widgets/channel_explorer.js
var CELL = 4;
function short(v) {
  return String(Number(v.toFixed(4)));
}
function same2(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function pixels2(ctx, rows, cols, colourAt) {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      ctx.fillStyle = colourAt(i, j);
      ctx.fillRect(j * CELL, i * CELL, CELL, CELL);
    }
  }
}
var byte = (v) => Math.round(255 * Math.min(1, Math.max(0, v)));
function drawPhoto(ctx, X) {
  pixels2(ctx, X[0].length, X[0][0].length, (i, j) => `rgb(${X.map((channel) => byte(channel[i][j])).join(",")})`);
}
function drawGrey(ctx, channel) {
  pixels2(ctx, channel.length, channel[0].length, (i, j) => {
    const v = byte(channel[i][j]);
    return `rgb(${v},${v},${v})`;
  });
}
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
  const picture = hidpiCanvas(cols * CELL, rows * CELL, label);
  node.append(picture, el("figcaption", "", caption));
  return { node, picture };
}
function entryBox(label, value, largest, message, onValue, onLeave) {
  return numberBox({
    label,
    value,
    message,
    onValue,
    onLeave,
    className: "cb-entry",
    rule: () => ({ low: -largest, high: largest }),
    words: (error, kept) => `${label}: ${error} Kept ${kept}.`
  });
}
function refusalLine(id) {
  const message = el("p", "cb-refusal");
  message.id = id;
  message.setAttribute("aria-live", "polite");
  return message;
}
var named = (count, o, text) => count > 1 ? `output ${o}, ${text}` : text;
function resized(layer, k, o = -1, volume = null) {
  return layer.map((V, n) => (n === o ? volume : V).map((K) => centred(K, k)));
}
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
  b.cursorOff = () => {
  };
  return b;
}
function buildView(data) {
  const { h, w, sizes, largestOutputs } = data;
  const v = { sizeSelect: el("select", "cb-size"), outs: [], volume: volumeView() };
  options(v.sizeSelect, sizes.map((k) => [String(k), `${k} \xD7 ${k}`]));
  v.countButtons = Array.from({ length: largestOutputs }, (_, n) => button(String(n + 1), "cb-count"));
  v.countButtons.forEach((b, n) => b.setAttribute("aria-label", `${n + 1} output ${n ? "channels" : "channel"}`));
  const count = el("div", "cb-control cb-counts");
  count.setAttribute("role", "group");
  count.setAttribute("aria-label", "output channels");
  count.append(el("span", "", "Output channels"), ...v.countButtons);
  const controls = el("div", "cb-row");
  controls.append(labelled("Kernel size", v.sizeSelect), count);
  v.photo = figure(h, w, `the photo in colour, ${h} by ${w} pixels`, `photo, RGB (${h} \xD7 ${w})`);
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
function presetEntries(presets, k) {
  return [["", "(as edited)"], ...Object.keys(presets).map((name) => {
    const size = presets[name].length;
    return [name, size > k ? `${name} (${size} \xD7 ${size}: enlarges all)` : name];
  })];
}
function showChoices(v, data, layer) {
  const { presets, combinations } = data;
  const k = layer[0][0].length;
  v.sizeSelect.value = String(k);
  v.outs.forEach((b) => {
    const kernels = layer[b.o];
    const allMatch = Object.entries(combinations).find(([, Ks]) => Ks[0].length <= k && same2(Ks.map((K) => centred(K, k)), kernels));
    options(b.allSelect, [["", "(as edited)"], ...Object.keys(combinations)], allMatch ? allMatch[0] : "");
    b.rows.forEach((row, c) => {
      const found = Object.entries(presets).find(([, K]) => same2(centred(K, k), kernels[c]));
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
    const typed = (x) => store.set({ layer: store.get().layer.map((V, o) => o !== b.o ? V : V.map((K, n) => n === c ? K.map((r, i) => r.map((old, j) => i === a && j === col ? x : old)) : K)) }, "typed");
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
  b.title.textContent = `Output channel ${b.o}: its kernels (3 \xD7 ${k} \xD7 ${k}) and its bias`;
  b.rows.forEach((row, c) => {
    entryGrid(b, row, c, data, store, save);
    row.input = figure(h, w, `${row.name} channel of the photo in grey, ${h} by ${w}`, `${row.name} channel`);
    row.map = figure(mh, mw, named(count, b.o, `${row.name} map, ${mh} by ${mw}, red-blue`), `${row.name} map (${mh} \xD7 ${mw})`);
    const equation = el("div", "cb-equation");
    equation.append(row.input.node, el("span", "cb-op", "\u22C6 kernel ="), row.map.node);
    row.row.replaceChildren(row.kernel, equation);
  });
  b.biasMessage.textContent = "";
  const typedBias = (x) => store.set({ biases: store.get().biases.map((old, o) => o === b.o ? x : old) }, "typed");
  b.bias = entryBox(named(count, b.o, "bias"), biases[b.o], data.largest, b.biasMessage, typedBias, save);
  b.bias.input.classList.add("cb-bias");
  b.sumWords.replaceChildren(`${names.map((name) => `${name} map`).join(" + ")} + `, labelled("bias", b.bias.input), " =");
  const caption = count > 1 ? `output ${b.o}: sum plus bias (${mh} \xD7 ${mw})` : `sum plus bias (${mh} \xD7 ${mw})`;
  const sum = figure(mh, mw, `${named(count, b.o, "sum plus bias")}, ${mh} by ${mw}, red-blue; focus it and use the arrow keys to write out one sum`, caption);
  sum.node.classList.add("cb-sum");
  b.sumRow.replaceChildren(b.sumBox, sum.node);
  b.cursorOff();
  b.cursorOff = cellCursor(sum.picture, {
    shape: () => [mh, mw],
    at: () => store.get().hover,
    move: (at) => store.set({ hover: at }, "cursor"),
    leave: () => store.set({ hover: null }, "cursor")
  });
}
function build(v, data, store, save) {
  fitBlocks(v, data, store);
  v.outs.forEach((b) => buildBlock(b, data, store, save));
  showChoices(v, data, store.get().layer);
}
function describe(names, maps, Y, bias, [i, j], at) {
  const term = (x) => x < 0 ? `(${fmt(x, 4)})` : fmt(x, 4);
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
  b.valuesTitle.textContent = `${title}, every value (${Y.length} \xD7 ${Y[0].length})`;
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
function readData(model) {
  const X = model.get("photo_rows");
  return {
    X,
    h: X[0].length,
    w: X[0][0].length,
    names: model.get("channel_names"),
    presets: model.get("presets"),
    combinations: model.get("combinations"),
    sizes: model.get("sizes"),
    largest: model.get("largest_entry"),
    largestOutputs: model.get("largest_outputs"),
    added: model.get("added_outputs")
  };
}
var TRAITS = ["kernel_rows", "bias", "other_kernel_rows", "other_biases"];
var layerOf = (t) => ({ layer: [t.kernel_rows, ...t.other_kernel_rows], biases: [t.bias, ...t.other_biases] });
var traitsOf = ({ layer, biases }) => ({
  kernel_rows: layer[0],
  bias: biases[0],
  other_kernel_rows: layer.slice(1),
  other_biases: biases.slice(1)
});
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
    if (chosen) choose(resized(layer, largestOf(chosen), b.o, layer[b.o].map((K, n) => n === c ? chosen : K)));
  }));
}
function listen(v, data, store) {
  const choose = (patch) => store.set({ ...patch, hover: null }, "chosen");
  v.sizeSelect.addEventListener("change", () => choose({ layer: resized(store.get().layer, Number(v.sizeSelect.value)) }));
  v.countButtons.forEach((button2, n) => button2.addEventListener("click", () => {
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
    if (edited && cause !== "typed") build(v, data, store, save);
    else if (changed.includes("layer")) showChoices(v, data, state.layer);
    update(v, data, state);
    if (cause === "chosen") save();
  });
  listen(v, data, store);
  const unfollow = followTheme(v.box);
  build(v, data, store, save);
  update(v, data, store.get());
  return () => [unsubscribe, unfollow, link.dispose, ...v.outs.map((b) => b.cursorOff)].forEach((f) => f());
}
var channel_explorer_default = { render };
export {
  channel_explorer_default as default
};
