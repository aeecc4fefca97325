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
function options(select, names, current) {
  select.replaceChildren(...names.map((n) => {
    const [value, text] = Array.isArray(n) ? n : [n, n];
    return new Option(text, value, false, value === current);
  }));
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
  let live2 = true;
  const recheck = () => {
    frame = 0;
    if (!live2) return;
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
    live2 = false;
    observer.disconnect();
    system?.removeEventListener?.("change", switched);
    cancelAnimationFrame(frame);
  };
}

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
var GREY = ["#000000", "#ffffff"];
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
function greyScale(low, high) {
  if (high > low) return { stops: GREY, low, high };
  return { stops: GREY, low: Math.min(0, low), high: Math.max(1, high) };
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
function heatmap(ctx, M, cell, low, high, outline = null, scale = colourScale(low, high)) {
  const [ch, cw] = Array.isArray(cell) ? cell : [cell, cell];
  ctx.clearRect(0, 0, M[0].length * cw, M.length * ch);
  if (ch === cw && cw >= 24) cellsWithValues(ctx, M, cw, scale);
  else pixels(ctx, M, ch, cw, scale);
  if (outline) ring(ctx, outline, [ch, cw]);
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

// src/convbook/widgets/network_field.js
var outputSide = (n, { kernel, stride, padding }) => Math.floor((n + 2 * padding - kernel) / stride) + 1;
function shapes(inputSide, layers) {
  const out = [{ side: inputSide, channels: 1 }];
  for (const layer of layers) {
    const below = out[out.length - 1];
    out.push({ side: outputSide(below.side, layer), channels: layer.mixes ? layer.channels : below.channels });
  }
  return out;
}
function spanBelow([first, last2], { kernel, stride, padding }, n) {
  return [Math.max(0, first * stride - padding), Math.min(n - 1, last2 * stride - padding + kernel - 1)];
}
function receptiveField(inputSide, layers, level, channel, i, j) {
  const sizes = shapes(inputSide, layers);
  const field = new Array(level + 1);
  field[level] = { channels: [channel], rows: [i, i], cols: [j, j] };
  for (let l = level; l > 0; l--) {
    const layer = layers[l - 1];
    const { rows, cols, channels: channels2 } = field[l];
    const n = sizes[l - 1].side;
    const all = Array.from({ length: sizes[l - 1].channels }, (_, c) => c);
    field[l - 1] = { channels: layer.mixes ? all : channels2, rows: spanBelow(rows, layer, n), cols: spanBelow(cols, layer, n) };
  }
  return field;
}
function inField(box, ch, r, c) {
  return box.channels.includes(ch) && r >= box.rows[0] && r <= box.rows[1] && c >= box.cols[0] && c <= box.cols[1];
}

// src/convbook/widgets/network_math.js
var zeros = (rows, cols) => Array.from({ length: rows }, () => new Array(cols).fill(0));
function correlateOne(X, W, bias, padding) {
  const [h, w, k] = [X[0].length, X[0][0].length, W[0].length];
  const [oh, ow] = [h + 2 * padding - k + 1, w + 2 * padding - k + 1];
  const Y = zeros(oh, ow);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      let total = bias;
      for (let c = 0; c < X.length; c++) {
        for (let a = 0; a < k; a++) {
          const r = i + a - padding;
          if (r < 0 || r >= h) continue;
          for (let b = 0; b < k; b++) {
            const q = j + b - padding;
            if (q >= 0 && q < w) total += X[c][r][q] * W[c][a][b];
          }
        }
      }
      Y[i][j] = total;
    }
  }
  return Y;
}
function conv2d(X, weight, bias, padding = 0) {
  return weight.map((W, o) => correlateOne(X, W, bias[o], padding));
}
var relu = (maps) => maps.map((M) => M.map((row) => row.map((v) => v > 0 ? v : 0)));
function maxPool2(maps) {
  return maps.map((M) => {
    const [oh, ow] = [Math.floor(M.length / 2), Math.floor(M[0].length / 2)];
    const Y = zeros(oh, ow);
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        Y[i][j] = Math.max(M[2 * i][2 * j], M[2 * i][2 * j + 1], M[2 * i + 1][2 * j], M[2 * i + 1][2 * j + 1]);
      }
    }
    return Y;
  });
}
function linear2(maps, weight, bias) {
  const x = maps.flat(2);
  return weight.map((row, o) => row.reduce((total, w, n) => total + w * x[n], bias[o]));
}
function softmax(scores) {
  const top = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}
function forward(net, image) {
  const conv1 = conv2d([image], net.conv1.weight, net.conv1.bias, 0);
  const pool1 = maxPool2(relu(conv1));
  const conv2 = conv2d(pool1, net.conv2.weight, net.conv2.bias, 1);
  const pool2 = maxPool2(relu(conv2));
  const scores = linear2(pool2, net.head.weight, net.head.bias);
  return { conv1, relu1: relu(conv1), pool1, conv2, relu2: relu(conv2), pool2, scores, probabilities: softmax(scores) };
}
function predicted(scores) {
  return scores.reduce((best, s, n) => s > scores[best] ? n : best, 0);
}

// src/convbook/widgets/network_words.js
var percent = (p) => `${(100 * p).toFixed(1)} %`;
function verdict(probabilities, names, label = null) {
  const best = predicted(probabilities);
  const said = `The network reads ${names[best]} (${best}), with probability ${percent(probabilities[best])}.`;
  if (label === null) return said;
  return `${said} This held-out digit is ${names[label]} (${label}): ${best === label ? "right" : "wrong"}.`;
}
var epochWords = (epoch) => epoch === 0 ? "epoch 0 (the random start)" : `after epoch ${epoch}`;
var LEVELS = ["input", "conv1 + ReLU", "pool1", "conv2 + ReLU", "pool2"];
function cellWords(at, value, field) {
  const { level, channel, i, j } = at;
  const box = field[0];
  const rows = box.rows[1] - box.rows[0] + 1;
  const cols = box.cols[1] - box.cols[0] + 1;
  return `${LEVELS[level]}, map ${channel + 1}, row ${i + 1}, column ${j + 1}: ${value.toFixed(3)}. It reads input rows ${box.rows[0] + 1} to ${box.rows[1] + 1} and columns ${box.cols[0] + 1} to ${box.cols[1] + 1} (${rows} \xD7 ${cols} pixels), ringed in every layer below.`;
}
var levelName = (level) => LEVELS[level];

// src/convbook/widgets/network_panels.js
var ACROSS = 4;
var ROOM = { input: 240, layer: 300 };
function tiling(count, side) {
  const down = Math.ceil(count / ACROSS);
  return { count, side, down, rows: down * (side + 1) - 1, cols: ACROSS * (side + 1) - 1 };
}
function tileCell(t, r, c) {
  const [ti, tj, i, j] = [Math.floor(r / (t.side + 1)), Math.floor(c / (t.side + 1)), r % (t.side + 1), c % (t.side + 1)];
  const channel = ti * ACROSS + tj;
  return i === t.side || j === t.side || channel >= t.count ? null : { channel, i, j };
}
function ring2(ctx, top, left, h, w, cell, width = 3) {
  const box = [left * cell + 1, top * cell + 1, w * cell - 2, h * cell - 2];
  ctx.lineWidth = width;
  ctx.strokeStyle = "#000";
  ctx.strokeRect(...box);
  ctx.lineWidth = 1;
  ctx.strokeStyle = "#fff";
  ctx.strokeRect(...box);
}
function ringField(ctx, t, box, cell) {
  for (let ch = 0; ch < t.count; ch++) {
    if (!inField(box, ch, box.rows[0], box.cols[0])) continue;
    const [top, left] = [Math.floor(ch / ACROSS) * (t.side + 1), ch % ACROSS * (t.side + 1)];
    ring2(ctx, top + box.rows[0], left + box.cols[0], box.rows[1] - box.rows[0] + 1, box.cols[1] - box.cols[0] + 1, cell);
  }
}
function drawLayer(canvas, t, maps, cell, box) {
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, t.cols * cell, t.rows * cell);
  const scale = colourScale(0, Math.max(0, ...maps.flat(2)));
  maps.forEach((M, ch) => {
    ctx.save();
    ctx.translate(ch % ACROSS * (t.side + 1) * cell, Math.floor(ch / ACROSS) * (t.side + 1) * cell);
    heatmap(ctx, M, cell, 0, 0, null, scale);
    ctx.restore();
  });
  if (box) ringField(ctx, t, box, cell);
  return scale;
}
function drawInput(canvas, image, cell, { pen, box }) {
  const ctx = canvas.getContext("2d");
  heatmap(ctx, image, cell, 0, 0, null, greyScale(0, 1));
  if (box) ring2(ctx, box.rows[0], box.cols[0], box.rows[1] - box.rows[0] + 1, box.cols[1] - box.cols[0] + 1, cell);
  if (pen) {
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#ff7a00";
    ctx.strokeRect(pen[1] * cell + 1, pen[0] * cell + 1, cell - 2, cell - 2);
  }
}
function buildPictures(node, side, sizes) {
  const inputCell = Math.floor(ROOM.input / side);
  const input = hidpiCanvas(
    side * inputCell,
    side * inputCell,
    `input, ${side} by ${side}, to draw on: drag with the mouse, a finger or a pen; or focus it, move the pen with the arrow keys and press Space to ink or wipe a cell`
  );
  input.classList.add("cb-input");
  const figure = (canvas, caption) => {
    const f = el("figure", "cb-panel");
    f.append(canvas, el("figcaption", "", caption));
    return f;
  };
  const layers = sizes.slice(1).map(({ side: s, channels: channels2 }, n) => {
    const t = tiling(channels2, s);
    const cell = Math.max(2, Math.floor(ROOM.layer / t.cols));
    const name = levelName(n + 1);
    const canvas = hidpiCanvas(
      t.cols * cell,
      t.rows * cell,
      `${name}: ${channels2} maps of ${s} by ${s}; focus and use the arrow keys to move from cell to cell and see what each reads`
    );
    canvas.classList.add("cb-layer");
    return { canvas, tiling: t, cell, figure: figure(canvas, `${name}: ${channels2} maps, ${s} \xD7 ${s}`) };
  });
  node.replaceChildren(figure(input, `input (${side} \xD7 ${side}): draw here`), ...layers.map((l) => l.figure));
  return { input, inputCell, layers };
}
function bars(names) {
  const node = el("ol", "cb-bars");
  node.setAttribute("aria-label", "probability of each digit");
  const rows = names.map((name, n) => {
    const li = el("li", "cb-bar-row");
    const fill = el("span", "cb-fill");
    const track = el("span", "cb-track");
    track.append(fill);
    const value = el("span", "cb-p");
    li.append(el("span", "cb-class", `${n} ${name}`), track, value);
    node.append(li);
    return { li, fill, value };
  });
  return {
    node,
    show(probabilities, best) {
      rows.forEach(({ li, fill, value }, n) => {
        fill.style.width = `${(100 * probabilities[n]).toFixed(2)}%`;
        value.textContent = percent(probabilities[n]);
        li.classList.toggle("cb-best", n === best);
      });
    }
  };
}

// src/convbook/widgets/network_controls.js
function live(node) {
  node.setAttribute("aria-live", "polite");
  return node;
}
function layout({ choices, epochs, names }, on) {
  const ui = {};
  ui.choice = el("select", "cb-digit");
  options(ui.choice, choices);
  ui.clear = button("Clear", "cb-clear");
  ui.epoch = slider({ min: 0, max: epochs.length - 1, step: 1 }, "stored epoch", "cb-epoch");
  ui.epochWords = el("output", "cb-epoch-words");
  const epochControl = labelled("Weights", ui.epoch);
  epochControl.append(ui.epochWords);
  const top = el("div", "cb-row");
  top.append(labelled("Input", ui.choice), ui.clear, epochControl);
  ui.problem = live(el("p", "cb-problem"));
  ui.problem.id = uniqueId("cb-net-problem");
  ui.verdict = live(el("p", "cb-verdict"));
  ui.panels = el("div", "cb-panels");
  ui.bars = bars(names);
  ui.hover = live(el("p", "cb-hover"));
  const side = el("div", "cb-side");
  side.append(ui.verdict, ui.bars.node);
  const body = el("div", "cb-body");
  body.append(ui.panels, side);
  ui.box = el("div", "cb-widget cb-nx");
  ui.box.append(top, ui.problem, body, ui.hover);
  ui.choice.addEventListener("change", () => on.choose(ui.choice.value));
  ui.clear.addEventListener("click", () => on.clear());
  ui.epoch.addEventListener("input", () => on.epoch(epochs[Number(ui.epoch.value)], "dragged"));
  ui.epoch.addEventListener("change", () => on.save());
  return ui;
}

// src/convbook/widgets/network_draw.js
var blank = (side) => Array.from({ length: side }, () => new Array(side).fill(0));
function paint2(image, r, c, brush) {
  const next = image.map((row) => row.slice());
  for (const [dr, dc, ink] of brush) {
    const [i, j] = [r + dr, c + dc];
    if (i >= 0 && i < next.length && j >= 0 && j < next[0].length) next[i][j] = Math.max(next[i][j], ink);
  }
  return next;
}
function cellsBetween([r0, c0], [r1, c1]) {
  const steps = Math.max(Math.abs(r1 - r0), Math.abs(c1 - c0));
  const cells = [];
  for (let s = 0; s <= steps; s++) {
    const t = steps ? s / steps : 0;
    cells.push([Math.round(r0 + (r1 - r0) * t), Math.round(c0 + (c1 - c0) * t)]);
  }
  return cells;
}
function stroke(image, from, to, brush) {
  return cellsBetween(from ?? to, to).reduce((im, [r, c]) => paint2(im, r, c, brush), image);
}
function toggle(image, r, c, brush) {
  if (image[r][c] < 1) return paint2(image, r, c, brush);
  const next = image.map((row) => row.slice());
  next[r][c] = 0;
  return next;
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

// src/convbook/widgets/network_pointer.js
function listen(node, handlers) {
  for (const [name, handler] of Object.entries(handlers)) node.addEventListener(name, handler);
  return () => Object.entries(handlers).forEach(([name, handler]) => node.removeEventListener(name, handler));
}
function drawing(canvas, side, pen, on) {
  canvas.tabIndex = 0;
  let last2 = null;
  const cell = (event) => cellAt(event.clientX, event.clientY, canvas.getBoundingClientRect(), side, side);
  return listen(canvas, {
    pointerdown(event) {
      event.preventDefault();
      canvas.setPointerCapture?.(event.pointerId);
      last2 = cell(event);
      on.stroke(null, last2);
    },
    pointermove(event) {
      if (last2 === null) return;
      const now = cell(event);
      on.stroke(last2, now);
      last2 = now;
    },
    pointerup() {
      if (last2 !== null) {
        last2 = null;
        on.done();
      }
    },
    pointercancel() {
      if (last2 !== null) {
        last2 = null;
        on.done();
      }
    },
    focus: () => pen() || on.pen([Math.floor(side / 2), Math.floor(side / 2)]),
    blur: () => on.pen(null),
    keydown(event) {
      if (event.key === "Escape") return canvas.blur();
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        on.toggle(pen() ?? [0, 0]);
        return on.done();
      }
      const next = cursorStep(event.key, pen(), side, side);
      if (!next) return;
      event.preventDefault();
      on.pen(next);
    }
  });
}
function tileCursor(canvas, t, { at, move, leave }) {
  canvas.tabIndex = 0;
  const virtual = (a) => [Math.floor(a.channel / ACROSS) * t.side + a.i, a.channel % ACROSS * t.side + a.j];
  return listen(canvas, {
    pointermove(event) {
      const [r, c] = cellAt(event.clientX, event.clientY, canvas.getBoundingClientRect(), t.rows, t.cols);
      const hit = tileCell(t, r, c);
      if (hit) move(hit);
    },
    pointerleave: () => document.activeElement === canvas || leave(),
    focus: () => at() || move({ channel: 0, i: 0, j: 0 }),
    blur: () => leave(),
    keydown(event) {
      if (event.key === "Escape") return canvas.blur();
      const now = at();
      const next = cursorStep(event.key, now && virtual(now), t.down * t.side, ACROSS * t.side);
      if (!next) return;
      event.preventDefault();
      const [r, c] = next;
      move({ channel: Math.floor(r / t.side) * ACROSS + Math.floor(c / t.side), i: r % t.side, j: c % t.side });
    }
  });
}

// src/convbook/widgets/network_weights.js
function decodeFloats(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let n = 0; n < raw.length; n++) bytes[n] = raw.charCodeAt(n);
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bytes.length / 4 }, (_, n) => view.getFloat32(4 * n, true));
}
function reshape(flat, shape) {
  if (shape.length <= 1) return flat.slice();
  const inner = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0] }, (_, n) => reshape(flat.slice(n * inner, (n + 1) * inner), shape.slice(1)));
}
function network(weights, shapes2) {
  const net = {};
  for (const [name, shape] of Object.entries(shapes2)) {
    const [layer, part] = name.split(".");
    net[layer] ??= {};
    net[layer][part] = reshape(decodeFloats(weights[name]), shape);
  }
  return net;
}
var digitImage = (pixels2, side) => reshape(decodeFloats(pixels2), [side, side]);

// src/convbook/widgets/network_explorer.js
var TRAITS = ["image", "choice", "epoch"];
var HINT = "Hover over a cell of any map, or focus a layer and use the arrow keys, to see the part of every layer below that it reads.";
var CLEARS = /* @__PURE__ */ new Set(["dragged", "chosen", "drawn", "python"]);
var fromTraits = (v) => ({ image: v.image, choice: v.choice, epoch: v.epoch });
var last = { image: null, epoch: null, view: null };
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
  const pics = buildPictures(ui.panels, w.side, shapes(w.side, w.layers));
  const cleanups = [drawing(pics.input, w.side, () => store.get().pen, act.pen)];
  pics.layers.forEach((l, n) => cleanups.push(tileCursor(l.canvas, l.tiling, {
    at: () => store.get().at?.level === n + 1 ? store.get().at : null,
    move: (a) => store.set({ at: { level: n + 1, ...a } }, "cursor"),
    leave: () => store.set({ at: null }, "cursor")
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
function world(model) {
  const ranges = model.get("ranges");
  const snapshots = model.get("snapshots");
  const shapes2 = model.get("shapes");
  return {
    side: ranges.side,
    brush: ranges.brush,
    drawing: ranges.drawing,
    snapshots,
    epochs: snapshots.map((s) => s.epoch),
    layers: model.get("layers"),
    names: model.get("class_names"),
    nets: new Map(snapshots.map((s) => [s.epoch, network(s.weights, shapes2)])),
    digits: model.get("digits").map((d) => ({ ...d, image: digitImage(d.pixels, ranges.side) }))
  };
}
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
      done: () => act.save()
    }
  };
  return act;
}
var network_explorer_default = { render };
export {
  network_explorer_default as default
};
