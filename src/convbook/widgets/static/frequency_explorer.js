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
function cellSize(M, room = 240, largest = 34) {
  return Math.max(2, Math.min(largest, Math.floor(room / Math.max(M.length, M[0].length))));
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
function colorbar(ctx, width, low, high, label, ink = "#222", scale = colourScale(low, high)) {
  ctx.clearRect(0, 0, width, 44);
  for (let x = 0; x < width; x++) {
    ctx.fillStyle = paint(scale, scale.low + x / (width - 1) * (scale.high - scale.low)).fill;
    ctx.fillRect(x, 0, 1, 14);
  }
  ctx.fillStyle = ink;
  ctx.font = "12px sans-serif";
  ctx.textBaseline = "top";
  ctx.textAlign = "left";
  ctx.fillText(fmt(scale.low), 0, 17);
  ctx.textAlign = "right";
  ctx.fillText(fmt(scale.high), width, 17);
  ctx.textAlign = "center";
  ctx.fillText(label, width / 2, 30);
}

// src/convbook/widgets/fft.js
function isPowerOfTwo(n) {
  return Number.isInteger(n) && n >= 1 && (n & n - 1) === 0;
}
function fft(re, im, inverse = false) {
  const n = re.length;
  if (!isPowerOfTwo(n)) throw new RangeError(`fft needs a length that is a power of two, got ${n}`);
  if (im.length !== n) throw new RangeError(`re and im must have one length, got ${n} and ${im.length}`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len *= 2) {
    const angle = sign * 2 * Math.PI / len;
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(angle * k);
        const wi = Math.sin(angle * k);
        const a = start + k;
        const b = a + len / 2;
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] /= n;
      im[i] /= n;
    }
  }
  return [re, im];
}
function fft2(M, h = M.length, w = M[0].length) {
  if (h < M.length || w < M[0].length) {
    throw new RangeError(`the padded size ${h} x ${w} is smaller than the matrix`);
  }
  const re = [];
  const im = [];
  for (let i = 0; i < h; i++) {
    const r = new Float64Array(w);
    if (i < M.length) M[i].forEach((v, j) => {
      r[j] = v;
    });
    const s = new Float64Array(w);
    fft(r, s);
    re.push(r);
    im.push(s);
  }
  const cr = new Float64Array(h);
  const ci = new Float64Array(h);
  for (let j = 0; j < w; j++) {
    for (let i = 0; i < h; i++) {
      cr[i] = re[i][j];
      ci[i] = im[i][j];
    }
    fft(cr, ci);
    for (let i = 0; i < h; i++) {
      re[i][j] = cr[i];
      im[i][j] = ci[i];
    }
  }
  return { re: re.map((r) => Array.from(r)), im: im.map((r) => Array.from(r)) };
}
function centred(M) {
  const [h, w] = [M.length, M[0].length];
  return Array.from({ length: h }, (_, i) => {
    const row = M[(i + Math.ceil(h / 2)) % h];
    return Array.from({ length: w }, (_2, j) => row[(j + Math.ceil(w / 2)) % w]);
  });
}
function magnitude({ re, im }) {
  return re.map((row, i) => row.map((v, j) => Math.hypot(v, im[i][j])));
}
function centredMagnitude(S) {
  return centred(magnitude(S));
}
function frequencyAt(i, n) {
  return (i - Math.floor(n / 2)) / n;
}
function ifft2({ re, im }) {
  const [h, w] = [re.length, re[0].length];
  const outRe = re.map((row) => Float64Array.from(row));
  const outIm = im.map((row) => Float64Array.from(row));
  const cr = new Float64Array(h);
  const ci = new Float64Array(h);
  for (let j = 0; j < w; j++) {
    for (let i = 0; i < h; i++) [cr[i], ci[i]] = [outRe[i][j], outIm[i][j]];
    fft(cr, ci, true);
    for (let i = 0; i < h; i++) [outRe[i][j], outIm[i][j]] = [cr[i], ci[i]];
  }
  for (let i = 0; i < h; i++) fft(outRe[i], outIm[i], true);
  return { re: outRe.map((r) => Array.from(r)), im: outIm.map((r) => Array.from(r)) };
}
function timesConjugate(A, B) {
  const re = A.re.map((row, i) => row.map((a, j) => a * B.re[i][j] + A.im[i][j] * B.im[i][j]));
  const im = A.re.map((row, i) => row.map((a, j) => A.im[i][j] * B.re[i][j] - a * B.im[i][j]));
  return { re, im };
}
function spectra(X, K) {
  const [h, w] = [X.length, X[0].length];
  if (!isPowerOfTwo(h) || !isPowerOfTwo(w)) throw new RangeError(`the image's sides must be powers of two, got ${h} x ${w}`);
  const image = fft2(X);
  const kernel = fft2(K, h, w);
  const product = timesConjugate(image, kernel);
  return { image, kernel, product, map: ifft2(product).re };
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

// src/convbook/widgets/frequency_view.js
function sig(v) {
  return v === 0 ? "0" : numberText(Number(v.toPrecision(4)));
}
function logView(S, decades) {
  const magnitude2 = centredMagnitude(S);
  const top = Math.max(...magnitude2.map((row) => Math.max(...row)));
  const high = top > 0 ? Math.log10(top) : 0;
  const low = high - decades;
  const values = magnitude2.map((row) => row.map((v) => v > 0 ? Math.max(low, Math.log10(v)) : low));
  return { magnitude: magnitude2, values, top, scale: { ...colourScale(0, 1), low, high } };
}
function frequencyView(X, K, decades) {
  const { image, kernel, product, map } = spectra(X, K);
  return {
    X,
    K,
    map,
    image: logView(image, decades),
    kernel: logView(kernel, decades),
    product: logView(product, decades)
  };
}
function frequencyWords([i, j], h, w) {
  return `down ${sig(frequencyAt(i, h))}, across ${sig(frequencyAt(j, w))} cycles per pixel`;
}
function cellWords(view, at) {
  const [i, j] = at;
  const [h, w] = [view.X.length, view.X[0].length];
  const [x, k, p] = [view.image, view.kernel, view.product].map((v) => v.magnitude[i][j]);
  const zero = frequencyAt(i, h) === 0 && frequencyAt(j, w) === 0;
  const what = zero ? " At zero frequency these are the sums of the image's pixels and of the kernel's entries." : k === 0 ? " The kernel removes this wave." : "";
  return `Frequency ${frequencyWords(at, h, w)}: |image| ${sig(x)} \xD7 |kernel| ${sig(k)} = |product| ${sig(p)}.${what}`;
}
function spectrumWords(name, v) {
  const [h, w] = [v.values.length, v.values[0].length];
  const centre = v.magnitude[Math.floor(h / 2)][Math.floor(w / 2)];
  return `${name}, ${h} by ${w}, zero frequency at the centre; colour: log10 of the magnitude from ${sig(v.scale.low)} to ${sig(v.scale.high)}; largest magnitude ${sig(v.top)}, at zero frequency ${sig(centre)}`;
}
function mapWords(Y) {
  const flat = Y.flat();
  return `feature map (circular correlation), ${Y.length} by ${Y[0].length}, from ${sig(Math.min(...flat))} to ${sig(Math.max(...flat))}`;
}
function kernelSummary(view) {
  const M = view.kernel.magnitude;
  const [h, w] = [M.length, M[0].length];
  const [ci, cj] = [Math.floor(h / 2), Math.floor(w / 2)];
  return `The kernel's spectrum: ${sig(M[ci][cj])} at zero frequency (the sum of its entries, in size), ${sig(M[ci][0])} at the fastest wave across, ${sig(M[0][cj])} at the fastest down, ${sig(M[0][0])} at the fastest both ways.`;
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

// src/convbook/widgets/kit/keys.js
function keyWords(scale, label) {
  return `colour key from ${fmt(scale.low)} to ${fmt(scale.high)}: ${label}`;
}
function colourKey(width = 300, className = "cb-key") {
  const node = hidpiCanvas(width, 44, "colour key");
  node.classList.add(...className.split(/\s+/).filter(Boolean));
  return {
    node,
    draw(scale, label, ink) {
      colorbar(node.getContext("2d"), width, 0, 0, label, ink, scale);
      node.setAttribute("aria-label", keyWords(scale, label));
    }
  };
}

// src/convbook/widgets/kernel_panels.js
function extent(M) {
  let [low, high] = [Infinity, -Infinity];
  for (const row of M) {
    for (const v of row) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  return [low, high];
}
function scaleOf(M) {
  const [low, high] = extent(M);
  if (low < 0 || high > low) return colourScale(low, high);
  return { stops: colourScale(0, 1).stops, low: low - 1, high: high + 1 };
}

// src/convbook/widgets/frequency_panels.js
var ROOM = 200;
var PANELS = [
  { name: "image", key: "pixel value" },
  { name: "image-spectrum", key: "log10 |image spectrum|", spectrum: "image" },
  { name: "kernel-spectrum", key: "log10 |kernel spectrum|", spectrum: "kernel" },
  { name: "product", key: "log10 |product|", spectrum: "product" },
  { name: "map", key: "output value" }
];
var KEYS = "focus and use the arrow keys, Home and End to read a frequency";
function captions(X, K) {
  const size = (M) => `${M.length} \xD7 ${M[0].length}`;
  return [
    `image (${size(X)}), grey: black lowest, white highest`,
    "its spectrum",
    `the kernel's spectrum (${size(K)} padded with zeros to ${size(X)})`,
    "their product: the image's spectrum times the conjugate of the kernel's",
    "feature map: the product transformed back (circular correlation)"
  ];
}
function extent2(M) {
  const flat = M.flat();
  return [Math.min(...flat), Math.max(...flat)];
}
var ring2 = (at, cell) => at && (cell >= 8 ? [...at, 1, 1] : [at[0] - 1, at[1] - 1, 3, 3]);
function frequencyPictures(node, cursor) {
  let built = { key: "", canvases: [], keys: [], cell: 1, untrack: [] };
  function build(X, K) {
    const key = JSON.stringify([X.length, X[0].length, K.length, K[0].length]);
    if (key === built.key) return built;
    built.untrack.forEach((f) => f());
    const cell = cellSize(X, ROOM);
    const [w, h] = [X[0].length * cell, X.length * cell];
    const words = captions(X, K);
    const canvases = [];
    const keys = [];
    node.replaceChildren(...PANELS.map((p, n) => {
      const c = hidpiCanvas(w, h, p.name);
      c.classList.add("cb-picture");
      const k = colourKey(Math.max(w, 150), `cb-key cb-key-${p.name}`);
      const figure = el("figure");
      figure.append(c, k.node, el("figcaption", "", words[n]));
      const panel = el("div", `cb-panel cb-panel-${p.name}`);
      panel.style.maxWidth = `${Math.max(w, 150)}px`;
      panel.append(figure);
      canvases.push(c);
      keys.push(k);
      return panel;
    }));
    const untrack = PANELS.flatMap((p, n) => p.spectrum ? [cellCursor(canvases[n], cursor)] : []);
    built = { key, canvases, keys, cell, untrack };
    return built;
  }
  return {
    draw(view, at, ink) {
      const { canvases, keys, cell } = build(view.X, view.K);
      PANELS.forEach((p, n) => {
        const ctx = canvases[n].getContext("2d");
        if (p.spectrum) {
          const v = view[p.spectrum];
          heatmap(ctx, v.values, cell, 0, 0, ring2(at, cell), v.scale);
          keys[n].draw(v.scale, p.key, ink);
          canvases[n].setAttribute("aria-label", `${spectrumWords(p.name.replace("-", " "), v)}: ${KEYS}`);
          return;
        }
        const M = p.name === "image" ? view.X : view.map;
        const scale = p.name === "image" ? greyScale(...extent2(M)) : scaleOf(M);
        heatmap(ctx, M, cell, 0, 0, null, scale);
        keys[n].draw(scale, p.key, ink);
        canvases[n].setAttribute("aria-label", p.name === "image" ? `image, ${M.length} by ${M[0].length}` : mapWords(M));
      });
    },
    dispose: () => built.untrack.forEach((f) => f())
  };
}

// src/convbook/widgets/kernel_params.js
var SOBEL_X = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]];
var SOBEL_Y = [[-1, -2, -1], [0, 0, 0], [1, 2, 1]];
var IDENTITY = [[0, 0, 0], [0, 1, 0], [0, 0, 0]];
var LAPLACIAN = [[0, 1, 0], [1, -4, 1], [0, 1, 0]];
function rounded(K) {
  return K.map((row) => row.map((v) => Math.round(v * 1e4) / 1e4 + 0));
}
function gaussian(sigma, size) {
  const centre = (size - 1) / 2;
  const raw = Array.from({ length: size }, (_, a) => Array.from({ length: size }, (_2, b) => Math.exp(-((a - centre) ** 2 + (b - centre) ** 2) / (2 * sigma * sigma))));
  const total = raw.flat().reduce((sum, v) => sum + v, 0);
  return raw.map((row) => row.map((v) => v / total));
}
function directional(degrees) {
  const theta = degrees * Math.PI / 180;
  const [c, s] = [Math.cos(theta), Math.sin(theta)].map((v) => Math.round(v * 1e12) / 1e12);
  return SOBEL_X.map((row, a) => row.map((x, b) => c * x + s * SOBEL_Y[a][b] + 0));
}
function sharpen(amount) {
  return IDENTITY.map((row, a) => row.map((x, b) => x - amount * LAPLACIAN[a][b] + 0));
}
var FAMILIES = {
  gaussian: {
    title: "Gaussian blur",
    params: {
      sigma: { label: "\u03C3 (width)", text: (v) => `sigma ${v.toFixed(1)}` },
      size: { label: "size", text: (v) => `${v} \xD7 ${v}` }
    },
    make: ({ sigma, size }) => gaussian(sigma, size)
  },
  directional: {
    title: "directional derivative",
    params: { theta: { label: "\u03B8 (angle)", text: (v) => `${v} degrees` } },
    make: ({ theta }) => directional(theta)
  },
  sharpen: {
    title: "sharpen",
    params: { amount: { label: "amount", text: (v) => `amount ${v.toFixed(1)}` } },
    make: ({ amount }) => sharpen(amount)
  }
};
function oddAtMost(n) {
  return Math.max(1, n % 2 ? n : n - 1);
}
function fittedParams(family, params, h, w) {
  if (family !== "gaussian") return { ...params };
  return { ...params, size: Math.min(params.size, oddAtMost(Math.min(h, w))) };
}
function familyKernel(family, params) {
  return rounded(FAMILIES[family].make(params));
}
function kernelForImage(K, uncropped, X) {
  const [h, w] = [X.length, X[0].length];
  const full = uncropped || K;
  const size = (M) => `${M.length} \xD7 ${M[0].length}`;
  if (full.length <= h && full[0].length <= w) {
    return { kernel: full, uncropped: null, words: uncropped ? `The ${size(full)} kernel is back in full.` : "" };
  }
  const kernel = cropToFit(full, h, w);
  const words = `The ${size(full)} kernel is cropped to its middle ${size(kernel)} to fit the ${size(X)} image.`;
  return { kernel, uncropped: full, words };
}
var PRESET_PARAMS = {
  identity: ["sharpen", { amount: 0 }],
  sharpen: ["sharpen", { amount: 1 }],
  sobel_x: ["directional", { theta: 0 }],
  sobel_y: ["directional", { theta: 90 }]
};
function cropToFit(K, nh, nw) {
  const [kh, kw] = [K.length, K[0].length];
  const [h, w] = [Math.min(kh, nh), Math.min(kw, nw)];
  const [top, left] = [Math.floor((kh - h) / 2), Math.floor((kw - w) / 2)];
  return K.slice(top, top + h).map((row) => row.slice(left, left + w));
}

// src/convbook/widgets/kernel_controls.js
function kernelRows(ui, ranges, { operation = true } = {}) {
  ui.presetSelect = el("select", "cb-preset");
  ui.rowsSelect = el("select", "cb-rows");
  ui.colsSelect = el("select", "cb-cols");
  ui.rowsSelect.setAttribute("aria-label", "kernel rows");
  ui.colsSelect.setAttribute("aria-label", "kernel columns");
  if (operation) {
    ui.operation = el("select", "cb-operation");
    options(ui.operation, ["cross-correlation", "convolution"]);
  }
  const size = el("span", "cb-control", "Kernel size ");
  size.append(ui.rowsSelect, " \xD7 ", ui.colsSelect);
  const kernelRow = el("div", "cb-row");
  kernelRow.append(labelled("Preset", ui.presetSelect), size, ...operation ? [labelled("Operation", ui.operation)] : []);
  ui.familySelect = el("select", "cb-family");
  options(ui.familySelect, [["", "(none)"], ...Object.entries(FAMILIES).map(([name, f]) => [name, f.title])], "");
  ui.params = {};
  const paramRow = el("div", "cb-row cb-params");
  for (const [familyName, family] of Object.entries(FAMILIES)) {
    for (const [name, p] of Object.entries(family.params)) {
      const range = ranges.families[familyName][name];
      const input = slider(range, p.label, `cb-${name}`);
      const shown = el("output");
      const control = labelled(p.label, input);
      control.append(shown);
      ui.params[name] = { input, shown, control, text: p.text, range, familyName };
      paramRow.append(control);
    }
  }
  const familyRow = el("div", "cb-row");
  familyRow.append(labelled("Kernel family", ui.familySelect), paramRow);
  ui.grid = el("div", "cb-grid");
  ui.grid.setAttribute("role", "group");
  ui.grid.setAttribute("aria-label", "kernel entries");
  const gridRow = el("div", "cb-row cb-entries");
  gridRow.append(el("span", "", "Kernel entries"), ui.grid);
  return [kernelRow, familyRow, gridRow];
}

// src/convbook/widgets/frequency_controls.js
function live(node) {
  node.setAttribute("aria-live", "polite");
  return node;
}
function layout(ranges) {
  const ui = {};
  ui.imageSelect = el("select", "cb-image");
  const imageRow = el("div", "cb-row");
  imageRow.append(labelled("Image", ui.imageSelect));
  const rows = kernelRows(ui, ranges, { operation: false });
  ui.problem = live(el("p", "cb-problem"));
  ui.note = live(el("p", "cb-note"));
  ui.panels = el("div", "cb-panels");
  ui.summary = el("p", "cb-summary");
  ui.hover = live(el("p", "cb-hover"));
  ui.box = el("div", "cb-widget cb-fqx");
  ui.box.append(imageRow, ...rows, ui.problem, ui.note, ui.panels, ui.summary, ui.hover);
  return ui;
}

// src/convbook/widgets/kernel_choice.js
var SAME = (A, B) => JSON.stringify(A) === JSON.stringify(B);
var resized = (K, rows, cols) => Array.from({ length: rows }, (_, a) => Array.from({ length: cols }, (_2, b) => K[a]?.[b] ?? 0));
function refreshKernelChoices(ui, X, presets, largest) {
  const [h, w] = [X.length, X[0].length];
  options(ui.presetSelect, [["", "(custom)"], ...Object.keys(presets)], "");
  [...ui.presetSelect.options].forEach((o, n) => {
    o.disabled = n > 0 && (presets[o.value].length > h || presets[o.value][0].length > w);
  });
  for (const o of ui.familySelect.options) o.disabled = o.value !== "" && (h < 3 || w < 3);
  options(ui.rowsSelect, Array.from({ length: Math.min(largest, h) }, (_, k) => String(k + 1)));
  options(ui.colsSelect, Array.from({ length: Math.min(largest, w) }, (_, k) => String(k + 1)));
  const size = ui.params.size;
  size.input.max = String(Math.max(size.range.min, fittedParams("gaussian", { size: size.range.max }, h, w).size));
}
function showFamily(ui, s, X, presets) {
  const shown = fittedParams("gaussian", s.params, X.length, X[0].length);
  for (const [name, { input, shown: out, control, text, familyName }] of Object.entries(ui.params)) {
    setSlider(input, shown[name], text(shown[name]));
    out.textContent = text(shown[name]);
    control.hidden = familyName !== s.family;
  }
  ui.familySelect.value = s.family;
  ui.rowsSelect.value = String(s.kernel.length);
  ui.colsSelect.value = String(s.kernel[0].length);
  ui.presetSelect.value = Object.keys(presets).find((n) => SAME(presets[n], s.kernel)) ?? "";
}
function startParams(ranges) {
  const params = {};
  for (const family of Object.values(ranges.families)) {
    for (const [name, r] of Object.entries(family)) params[name] = r.start;
  }
  return params;
}
function kernelActions(store, presets, image) {
  let source = null;
  const kernelChange = (kernel, family, cause) => store.set({ kernel, family, note: "", at: null, uncropped: null }, cause);
  return {
    source: () => source,
    entry(a, b, value, how, from) {
      source = from;
      const s = store.get();
      const kernel = s.kernel.map((r, i) => r.map((x, j) => i === a && j === b ? value : x));
      store.set({ kernel, family: "", note: "", uncropped: null }, how);
      source = null;
    },
    preset(name) {
      const [family, params] = PRESET_PARAMS[name] || [""];
      if (family) store.set({ params: { ...store.get().params, ...params } }, "quiet");
      kernelChange(presets[name], family, "chosen");
    },
    resize: (rows, cols) => kernelChange(resized(store.get().kernel, rows, cols), "", "chosen"),
    family(family, params, how) {
      if (!family) return store.set({ family: "" }, "quiet");
      const X = image();
      const fitted = fittedParams(family, { ...store.get().params, ...params }, X.length, X[0].length);
      store.set({ params: fitted }, "quiet");
      kernelChange(familyKernel(family, fitted), family, how);
    }
  };
}
function wireKernel(ui, act) {
  const on = (node, event, f) => node.addEventListener(event, f);
  on(ui.presetSelect, "change", () => ui.presetSelect.value && act.preset(ui.presetSelect.value));
  for (const s of [ui.rowsSelect, ui.colsSelect]) on(s, "change", () => act.resize(Number(ui.rowsSelect.value), Number(ui.colsSelect.value)));
  on(ui.familySelect, "change", () => act.family(ui.familySelect.value, {}, "chosen"));
  for (const [name, { input, familyName }] of Object.entries(ui.params)) {
    on(input, "input", () => act.family(familyName, { [name]: Number(input.value) }, "dragged"));
    on(input, "change", act.save);
  }
}

// src/convbook/widgets/kernel_grid.js
function sliderRange(range, v) {
  const reach = Math.max(range.max, -range.min, Math.abs(v));
  return reach > range.max || -reach < range.min ? { ...range, min: -reach, max: reach } : range;
}
function entryGrid({ node, problem, limit, range, onEntry, onSave }) {
  let entries = [];
  const rule = () => ({ low: -limit, high: limit });
  function entry(a, b, v) {
    const cell = el("div", "cb-entry");
    const words = (error, kept) => `Entry row ${a}, column ${b}: ${error.replace(/\.$/, "")}; the kernel keeps ${kept}.`;
    const box = numberBox({
      label: `kernel entry row ${a} column ${b}`,
      rule,
      value: v,
      message: problem,
      words,
      className: "cb-value",
      onValue: (x) => onEntry(a, b, x, "typed", box.input),
      onLeave: onSave
    });
    const input = slider(range, `kernel entry row ${a} column ${b}, slider`, "cb-slider");
    for (const n of [box.input, input]) Object.assign(n.dataset, { row: a, col: b });
    input.addEventListener("input", () => onEntry(a, b, Number(input.value), "dragged", input));
    input.addEventListener("change", onSave);
    cell.append(box.input, input);
    return { cell, box, input };
  }
  const grid = {
    get size() {
      return [entries.length, entries[0]?.length ?? 0];
    },
    build(K) {
      node.style.gridTemplateColumns = `repeat(${K[0].length}, minmax(0, 4.4em))`;
      entries = K.map((row, a) => row.map((v, b) => entry(a, b, v)));
      node.replaceChildren(...entries.flat().map((e) => e.cell));
      problem.textContent = "";
      grid.show(K);
    },
    show(K, except = null) {
      if (K.length !== entries.length || K[0].length !== entries[0].length) return grid.build(K);
      entries.forEach((row, a) => row.forEach(({ box, input }, b) => {
        const v = K[a][b];
        if (box.input !== except) box.set(v);
        if (input !== except) {
          const { min, max } = sliderRange(range, v);
          Object.assign(input, { min: String(min), max: String(max) });
        }
        setSlider(input, input === except ? input.value : v, String(v));
      }));
    }
  };
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
      for (const listen of [...listeners]) listen(state, changed, cause);
      return changed;
    },
    subscribe(listen) {
      listeners.add(listen);
      return () => listeners.delete(listen);
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
function mix(a, b, share) {
  const [x, y] = [channels(a), channels(b)];
  return `rgb(${[0, 1, 2].map((k) => Math.round(x[k] * share + y[k] * (1 - share))).join(", ")})`;
}
function isDark(box) {
  return luminance(channels(getComputedStyle(box).color)) > 0.5;
}
function themeColours(box) {
  const style = getComputedStyle(box);
  const [r, g, b] = channels(style.color);
  const text = r === void 0 ? "rgb(34, 34, 34)" : `rgb(${r}, ${g}, ${b})`;
  const background = backgroundOf(box);
  const accent = style.getPropertyValue("--cb-accent").trim() || (isDark(box) ? "#ff922b" : "#d9480f");
  return { text, background, muted: mix(text, background, 0.75), accent };
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

// src/convbook/widgets/frequency_explorer.js
var TRAITS = ["image_name", "kernel_rows"];
var CLEARS = /* @__PURE__ */ new Set(["dragged", "chosen", "python"]);
var HINT = "Hover over a spectrum, or focus it and use the arrow keys, to read one frequency: the image's strength there, how much the kernel keeps, and their product.";
var imageOf = (s, images) => images[s.imageName];
var last = { X: null, K: null, view: null };
function viewOf(s, images, decades) {
  const X = imageOf(s, images);
  if (last.X !== X || last.K !== s.kernel) last = { X, K: s.kernel, view: frequencyView(X, s.kernel, decades) };
  return last.view;
}
function render({ model, el: root }) {
  const [ranges, images, presets] = ["ranges", "images", "presets"].map((name) => model.get(name));
  const ui = layout(ranges);
  root.replaceChildren(ui.box);
  const py = bridge(model, TRAITS, (v) => act.fromPython(v));
  const store = createStore({
    imageName: py.read().image_name,
    kernel: py.read().kernel_rows,
    family: "",
    params: startParams(ranges),
    at: null,
    note: "",
    uncropped: null
  });
  const act = actions(store, images, presets, py);
  const grid = entryGrid({
    node: ui.grid,
    problem: ui.problem,
    limit: model.get("largest_entry"),
    range: ranges.entry,
    onEntry: act.entry,
    onSave: act.save
  });
  const cursor = {
    shape: () => [imageOf(store.get(), images).length, imageOf(store.get(), images)[0].length],
    at: () => store.get().at,
    move: (at) => store.set({ at }, "cursor"),
    leave: () => store.set({ at: null }, "cursor")
  };
  const panels = frequencyPictures(ui.panels, cursor);
  function draw() {
    const s = store.get();
    const view = viewOf(s, images, ranges.decades);
    panels.draw(view, s.at, themeColours(ui.box).text);
    ui.summary.textContent = kernelSummary(view);
    ui.hover.textContent = s.at ? cellWords(view, s.at) : HINT;
    ui.note.textContent = s.note;
  }
  const refresh = (s) => refreshKernelChoices(ui, imageOf(s, images), presets, model.get("largest_kernel"));
  store.subscribe((s, changed, cause) => {
    if (CLEARS.has(cause)) ui.problem.textContent = "";
    if (changed.includes("imageName")) refresh(s);
    if (changed.includes("kernel") || changed.includes("imageName")) grid.show(s.kernel, act.source());
    showFamily(ui, s, imageOf(s, images), presets);
    ui.imageSelect.value = s.imageName;
    if (cause !== "quiet") draw();
    if (cause === "chosen") act.save();
  });
  options(ui.imageSelect, Object.keys(images), store.get().imageName);
  ui.imageSelect.addEventListener("change", () => act.chooseImage(ui.imageSelect.value));
  wireKernel(ui, act);
  const unfollow = followTheme(ui.box, draw);
  refresh(store.get());
  grid.build(store.get().kernel);
  showFamily(ui, store.get(), imageOf(store.get(), images), presets);
  draw();
  return () => [unfollow, py.dispose, panels.dispose].forEach((f) => f());
}
function actions(store, images, presets, py) {
  return {
    ...kernelActions(store, presets, () => imageOf(store.get(), images)),
    save() {
      const s = store.get();
      py.save({ image_name: s.imageName, kernel_rows: s.kernel });
    },
    chooseImage(name) {
      const s = store.get();
      const fit = kernelForImage(s.kernel, s.uncropped, images[name]);
      const family = fit.kernel === s.kernel ? s.family : "";
      store.set({ imageName: name, kernel: fit.kernel, uncropped: fit.uncropped, family, note: fit.words, at: null }, "chosen");
    },
    fromPython(v) {
      if (!(v.image_name in images)) return;
      store.set({ imageName: v.image_name, kernel: v.kernel_rows, family: "", note: "", at: null, uncropped: null }, "python");
    }
  };
}
var frequency_explorer_default = { render };
export {
  frequency_explorer_default as default
};
