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
function flip(K) {
  return K.map((row) => [...row].reverse()).reverse();
}
function windowTerms(X, K, i, j) {
  const terms = [];
  K.forEach((row, a) => row.forEach((k, b) => terms.push([X[i + a][j + b], k])));
  return terms;
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

// src/convbook/widgets/picture.js
var FIRST_PASS = 1024;
function grey(rgba, height, width) {
  return Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_2, j) => {
    const k = 4 * (i * width + j);
    return (0.299 * rgba[k] + 0.587 * rgba[k + 1] + 0.114 * rgba[k + 2]) / 255;
  }));
}
function fittedSize(height, width, longest) {
  const scale = Math.min(1, longest / Math.max(height, width));
  return [Math.max(1, Math.round(height * scale)), Math.max(1, Math.round(width * scale))];
}
function bins(n, m) {
  return Array.from({ length: m }, (_, i) => [Math.floor(i * n / m), Math.ceil((i + 1) * n / m)]);
}
function shrink(G, h, w) {
  const [rows, cols] = [bins(G.length, h), bins(G[0].length, w)];
  return rows.map(([r0, r1]) => cols.map(([c0, c1]) => {
    let sum = 0;
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) sum += G[r][c];
    return sum / ((r1 - r0) * (c1 - c0));
  }));
}
function rounded(G) {
  return G.map((row) => row.map((v) => Math.round(v * 1e3) / 1e3));
}
function pictureFrom(source, height, width, longest) {
  const scale = Math.min(1, FIRST_PASS / Math.max(height, width));
  const [h, w] = [Math.max(1, Math.round(height * scale)), Math.max(1, Math.round(width * scale))];
  const c = document.createElement("canvas");
  Object.assign(c, { width: w, height: h });
  const ctx = c.getContext("2d", { willReadFrequently: true });
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(source, 0, 0, w, h);
  const G = grey(ctx.getImageData(0, 0, w, h).data, h, w);
  return { values: rounded(shrink(G, ...fittedSize(h, w, longest))), from: [height, width] };
}
async function pictureFromFile(file, longest) {
  if (!/^image\/(png|jpeg)$/.test(file.type)) {
    throw new Error(`${file.name} is not a PNG or JPEG picture`);
  }
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name} could not be read as a picture`);
  }
  try {
    return pictureFrom(bitmap, bitmap.height, bitmap.width, longest);
  } finally {
    bitmap.close();
  }
}
function cameraPossible() {
  return Boolean(window.isSecureContext && navigator.mediaDevices?.getUserMedia);
}

// src/convbook/widgets/kernel_camera.js
var WORDS = {
  NotAllowedError: "the browser was not allowed to use it",
  SecurityError: "this page may not use it",
  NotFoundError: "no camera was found",
  OverconstrainedError: "no camera was found that can send a picture",
  NotReadableError: "another program may be using it",
  AbortError: "it stopped before it sent a picture"
};
function cameraWords(error) {
  return WORDS[error?.name] || "it could not be started";
}
function camera({ view, video, take, longest, onPicture, onProblem }) {
  let stream = null;
  let asking = false;
  const stopAll = (s) => s?.getTracks().forEach((track) => track.stop());
  const close = () => {
    asking = false;
    stopAll(stream);
    stream = null;
    video.srcObject = null;
    view.hidden = true;
  };
  async function open() {
    if (asking || stream) return;
    asking = true;
    let given;
    try {
      given = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    } catch (error) {
      asking = false;
      onProblem(`The camera is not available: ${cameraWords(error)}.`);
      return;
    }
    if (!asking) return stopAll(given);
    asking = false;
    stream = given;
    video.srcObject = stream;
    view.hidden = false;
    await video.play().catch(() => {
    });
    take.focus();
  }
  function takePicture() {
    if (video.readyState < 2 || !video.videoWidth) {
      onProblem("The camera has not sent a picture yet; try again in a moment.");
      return;
    }
    const picture = pictureFrom(video, video.videoHeight, video.videoWidth, longest);
    close();
    onPicture(picture);
  }
  return { open, take: takePicture, close };
}

// src/convbook/widgets/kernel_params.js
var SOBEL_X = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]];
var SOBEL_Y = [[-1, -2, -1], [0, 0, 0], [1, 2, 1]];
var IDENTITY = [[0, 0, 0], [0, 1, 0], [0, 0, 0]];
var LAPLACIAN = [[0, 1, 0], [1, -4, 1], [0, 1, 0]];
function rounded2(K) {
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
  return rounded2(FAMILIES[family].make(params));
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
    update({ last: last2 = false } = {}) {
      play.textContent = player.playing ? "Pause" : "Play";
      play.setAttribute("aria-pressed", String(player.playing));
      step.disabled = last2;
    }
  };
}

// src/convbook/widgets/kernel_controls.js
function live(node) {
  node.setAttribute("aria-live", "polite");
  return node;
}
function imageRow(ui) {
  ui.imageSelect = el("select", "cb-image");
  ui.file = el("input", "cb-file");
  Object.assign(ui.file, { type: "file", accept: "image/png,image/jpeg" });
  ui.cameraButton = button("Use the camera", "cb-camera");
  ui.cameraButton.hidden = !cameraPossible();
  const row = el("div", "cb-row");
  row.append(
    labelled("Image", ui.imageSelect),
    labelled("Your picture (PNG or JPEG)", ui.file, "cb-control cb-file-label"),
    ui.cameraButton
  );
  ui.cameraView = el("div", "cb-camera-view");
  ui.cameraView.hidden = true;
  ui.video = el("video");
  Object.assign(ui.video, { muted: true, playsInline: true });
  ui.video.setAttribute("aria-label", "camera view");
  ui.take = button("Take the picture", "cb-take");
  ui.cancel = button("Cancel", "cb-cancel");
  const buttons = el("div", "cb-row");
  buttons.append(ui.take, ui.cancel);
  ui.cameraView.append(ui.video, buttons);
  return [row, ui.cameraView];
}
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
function layout(ranges) {
  const ui = {};
  const top = [...imageRow(ui), ...kernelRows(ui, ranges)];
  ui.problem = live(el("p", "cb-problem"));
  ui.note = live(el("p", "cb-note"));
  ui.panels = el("div", "cb-panels");
  ui.shape = el("p", "cb-shape");
  ui.progress = el("span", "cb-progress");
  ui.hover = live(el("p", "cb-hover"));
  const details = el("details");
  ui.values = el("pre", "cb-output");
  details.append(el("summary", "", "Output values"), ui.values);
  ui.box = el("div", "cb-widget cb-kx");
  ui.box.append(...top, ui.problem, ui.note, ui.panels, ui.shape, ui.hover, details);
  ui.placePlayer = (row) => {
    row.append(ui.progress);
    ui.shape.after(row);
  };
  return ui;
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
var NAMES = ["input", "kernel", "output"];
var ROOM = [260, 150, 260];
var LEAST = 24;
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
var greyInput = (X) => cellSize(X, ROOM[0]) < 24;
function cellShape(M, room) {
  const c = cellSize(M, room);
  return [Math.max(c, Math.ceil(LEAST / M.length)), Math.max(c, Math.ceil(LEAST / M[0].length))];
}
function scales(X, K, Y) {
  if (!greyInput(X)) return [scaleOf(X), scaleOf(K), scaleOf(Y)];
  return [greyScale(...extent(X)), scaleOf(K), scaleOf(Y)];
}
function pictures(node, cursor) {
  let built = { key: "", canvases: [], keys: [], cells: [], untrack: () => {
  } };
  function build(matrices2, captions) {
    const key = JSON.stringify([matrices2.map((M) => [M.length, M[0].length]), captions]);
    if (key === built.key) return built;
    built.untrack();
    const cells = matrices2.map((M, n) => cellShape(M, ROOM[n]));
    const canvases = [];
    const keys = [];
    node.replaceChildren(...matrices2.map((M, n) => {
      const [w, h] = [M[0].length * cells[n][1], M.length * cells[n][0]];
      const c = hidpiCanvas(w, h, `${NAMES[n]}, ${M.length} by ${M[0].length}`);
      const figure = el("figure");
      figure.append(c, el("figcaption", "", captions[n]));
      const k = colourKey(Math.max(w, 140), `cb-key cb-key-${NAMES[n]}`);
      const panel = el("div", `cb-panel cb-panel-${NAMES[n]}`);
      panel.style.maxWidth = `${Math.max(w, 140)}px`;
      panel.append(figure, k.node);
      canvases.push(c);
      keys.push(k);
      return panel;
    }));
    const out = canvases[2];
    out.setAttribute("aria-label", `${out.getAttribute("aria-label")}: focus and use the arrow keys, Home and End to move the window`);
    built = { key, canvases, keys, cells, untrack: cellCursor(out, cursor) };
    return built;
  }
  return {
    draw({ X, K, Y, at, captions, ink }) {
      const { canvases, keys, cells } = build([X, K, Y], captions);
      const [sx, sk, sy] = scales(X, K, Y);
      const outline = [at && [...at, K.length, K[0].length], null, at && [...at, 1, 1]];
      [X, K, Y].forEach((M, n) => {
        heatmap(canvases[n].getContext("2d"), M, cells[n], 0, 0, outline[n], [sx, sk, sy][n]);
      });
      keys[0].node.hidden = greyInput(X);
      keys[0].draw(sx, "input value", ink);
      keys[1].draw(sk, "kernel entry", ink);
      keys[2].draw(sy, "output value", ink);
    },
    dispose: () => built.untrack()
  };
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
  let last2 = 0;
  let rate = speed;
  const schedule = (delay) => {
    timer = clock.setTimeout(tick, Math.max(0, delay));
  };
  function tick() {
    timer = null;
    last2 = clock.now();
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
      schedule(last2 + 1e3 / rate - clock.now());
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

// src/convbook/widgets/kernel_explorer.js
var PICTURE = "your picture";
var TRAITS = ["images", "image_name", "kernel_rows", "operation", "note"];
var STOPS = /* @__PURE__ */ new Set(["typed", "dragged", "chosen", "picture", "python"]);
var SAVES = /* @__PURE__ */ new Set(["chosen", "picture"]);
var HOVER_HINT = "Hover over an output cell (or focus it and use the arrow keys), or press Play, to see the sum of products that made it.";
var sizeText = (M) => `${M.length} \xD7 ${M[0].length}`;
function startState(model, ranges) {
  const params = startParams(ranges);
  return {
    images: model.get("images"),
    imageName: model.get("image_name"),
    kernel: model.get("kernel_rows"),
    operation: model.get("operation"),
    note: model.get("note"),
    family: "",
    params,
    at: null,
    uncropped: null
  };
}
var matrices = (s) => [s.images[s.imageName], s.kernel];
var last = { X: null, kernel: null, operation: "", Y: null };
function viewOf(s) {
  const X = s.images[s.imageName];
  const K = s.operation === "convolution" ? flip(s.kernel) : s.kernel;
  if (last.X !== X || last.kernel !== s.kernel || last.operation !== s.operation) {
    last = { X, kernel: s.kernel, operation: s.operation, Y: corr2d(X, K) };
  }
  const { Y } = last;
  const captions = [
    `input (${sizeText(X)})${greyInput(X) ? ", grey: black lowest, white highest" : ""}`,
    `${s.operation === "convolution" ? "kernel, flipped for convolution" : "kernel"} (${sizeText(K)})`,
    `output (feature map, ${sizeText(Y)})`
  ];
  return { X, K, Y, captions };
}
function describe({ X, K, Y }, [i, j]) {
  const terms = windowTerms(X, K, i, j).map(([x, k]) => `${fmt(x, 3)}\xD7${k < 0 ? `(${fmt(k, 3)})` : fmt(k, 3)}`);
  return `Y[${i},${j}] = ${terms.join(" + ")} = ${fmt(Y[i][j], 4)}`;
}
function writeWords(ui, s, { X, K, Y }) {
  const [oh, ow] = outputShape(X, K);
  ui.shape.textContent = `Output shape ${oh} \xD7 ${ow} = (${X.length} \u2212 ${K.length} + 1) \xD7 (${X[0].length} \u2212 ${K[0].length} + 1)`;
  const text = oh * ow <= 400 ? Y.map((row) => row.map((v) => fmt(v, 3).padStart(7)).join(" ")).join("\n") : `${oh} \xD7 ${ow} values: too many to list; hover over the output, or press play, instead.`;
  if (ui.values.textContent !== text) ui.values.textContent = text;
  ui.hover.textContent = s.at ? describe({ X, K, Y }, s.at) : HOVER_HINT;
  ui.note.textContent = s.note;
  ui.progress.textContent = s.at ? `window ${s.at[0] * ow + s.at[1] + 1} of ${oh * ow}` : `${oh * ow} windows`;
}
function refreshChoices(ui, s, presets, largest) {
  options(ui.imageSelect, Object.keys(s.images), s.imageName);
  refreshKernelChoices(ui, s.images[s.imageName], presets, largest);
}
function render({ model, el: root }) {
  const ranges = model.get("ranges");
  const ui = layout(ranges);
  root.replaceChildren(ui.box);
  const store = createStore(startState(model, ranges));
  const py = bridge(model, TRAITS, (values) => act.fromPython(values));
  const player = createPlayer({ ...steps(store), speed: ranges.speed.start, onChange: () => draw() });
  const controls = playerControls(player, { speedRange: ranges.speed, unit: "windows" });
  ui.placePlayer(controls.row);
  const act = actions(store, model, ui, py);
  const grid = entryGrid({
    node: ui.grid,
    problem: ui.problem,
    limit: model.get("largest_entry"),
    range: ranges.entry,
    onEntry: act.entry,
    onSave: act.save
  });
  const cursor = {
    shape: () => outputShape(...matrices(store.get())),
    at: () => store.get().at,
    byKey: () => player.pause(),
    move: (at) => store.set({ at }, "cursor"),
    leave: () => player.playing || store.set({ at: null }, "cursor")
  };
  const panels = pictures(ui.panels, cursor);
  const cam = wire(ui, act, model);
  function draw() {
    const s = store.get();
    const v = viewOf(s);
    panels.draw({ ...v, at: s.at, ink: themeColours(ui.box).text });
    writeWords(ui, s, v);
    const [oh, ow] = outputShape(v.X, v.K);
    controls.update({ last: Boolean(s.at) && s.at[0] === oh - 1 && s.at[1] === ow - 1 });
    ui.hover.setAttribute("aria-live", player.playing ? "off" : "polite");
  }
  store.subscribe((s, changed, cause) => {
    if (STOPS.has(cause)) player.pause();
    if (cause !== "typed" && STOPS.has(cause)) ui.problem.textContent = "";
    if (changed.includes("images") || changed.includes("imageName")) refreshChoices(ui, s, model.get("presets"), model.get("largest_kernel"));
    if (changed.includes("kernel") || changed.includes("imageName")) grid.show(s.kernel, act.source());
    showFamily(ui, s, s.images[s.imageName], model.get("presets"));
    if (cause !== "quiet") draw();
    if (SAVES.has(cause)) act.save();
  });
  const unfollow = followTheme(ui.box, draw);
  refreshChoices(ui, store.get(), model.get("presets"), model.get("largest_kernel"));
  grid.build(store.get().kernel);
  showFamily(ui, store.get(), matrices(store.get())[0], model.get("presets"));
  ui.operation.value = store.get().operation;
  draw();
  return () => [player.dispose, cam.close, unfollow, py.dispose, panels.dispose].forEach((f) => f());
}
function steps(store) {
  const shape = () => {
    const s = store.get();
    return outputShape(s.images[s.imageName], s.kernel);
  };
  const atEnd = () => {
    const [oh, ow] = shape();
    const { at } = store.get();
    return Boolean(at) && at[0] === oh - 1 && at[1] === ow - 1;
  };
  const step = () => {
    const [, ow] = shape();
    const { at } = store.get();
    if (atEnd()) return false;
    store.set({ at: !at ? [0, 0] : at[1] + 1 < ow ? [at[0], at[1] + 1] : [at[0] + 1, 0] }, "player");
    return true;
  };
  return { step, atEnd, rewind: () => store.set({ at: null }, "player") };
}
function actions(store, model, ui, py) {
  const image = () => store.get().images[store.get().imageName];
  return {
    ...kernelActions(store, model.get("presets"), image),
    save() {
      const s = store.get();
      py.save({ images: s.images, image_name: s.imageName, kernel_rows: s.kernel, operation: s.operation, note: s.note });
    },
    chooseImage(name, words = "", cause = "chosen", images = store.get().images) {
      const s = store.get();
      const fit = kernelForImage(s.kernel, s.uncropped, images[name]);
      const family = SAME(fit.kernel, s.kernel) ? s.family : "";
      const note = [words, fit.words].filter(Boolean).join(" ");
      store.set({ images, imageName: name, kernel: fit.kernel, uncropped: fit.uncropped, family, note, at: null }, cause);
    },
    operation: (operation) => store.set({ operation, at: null }, "chosen"),
    picture({ values: G, from }, how) {
      const name = `${PICTURE} (${sizeText(G)})`;
      const kept = Object.fromEntries(Object.entries(store.get().images).filter(([n]) => !n.startsWith(PICTURE)));
      const shrunk = G.length !== from[0] || G[0].length !== from[1] ? `, shrunk from ${from[0]} \xD7 ${from[1]}` : "";
      this.chooseImage(
        name,
        `Your picture ${how}: ${sizeText(G)} pixels${shrunk}, made grey; it stays in this page.`,
        "picture",
        { ...kept, [name]: G }
      );
    },
    say: (words) => store.set({ note: `${words.replace(/\.$/, "")}; the image stays ${store.get().imageName}.` }, "picture-problem"),
    fromPython(v) {
      if (!(v.image_name in v.images)) return;
      const X = v.images[v.image_name];
      const kernel = v.kernel_rows.length <= X.length && v.kernel_rows[0].length <= X[0].length ? v.kernel_rows : cropToFit(v.kernel_rows, X.length, X[0].length);
      ui.operation.value = v.operation;
      store.set({
        images: v.images,
        imageName: v.image_name,
        kernel,
        operation: v.operation,
        note: v.note,
        family: "",
        at: null,
        uncropped: null
      }, "python");
    }
  };
}
function wire(ui, act, model) {
  const cam = camera({
    view: ui.cameraView,
    video: ui.video,
    take: ui.take,
    longest: model.get("largest_image"),
    onPicture: (p) => {
      act.picture(p, "from the camera");
      ui.cameraButton.focus();
    },
    onProblem: act.say
  });
  const on = (node, event, f) => node.addEventListener(event, f);
  on(ui.imageSelect, "change", () => {
    cam.close();
    act.chooseImage(ui.imageSelect.value);
  });
  wireKernel(ui, act);
  on(ui.operation, "change", () => act.operation(ui.operation.value));
  on(ui.file, "change", async () => {
    const [chosen] = ui.file.files;
    if (!chosen) return;
    ui.file.value = "";
    cam.close();
    try {
      act.picture(await pictureFromFile(chosen, model.get("largest_image")), "from the file");
    } catch (error) {
      act.say(error.message);
    }
  });
  on(ui.cameraButton, "click", () => cam.open());
  on(ui.take, "click", () => cam.take());
  on(ui.cancel, "click", () => {
    cam.close();
    ui.cameraButton.focus();
  });
  return cam;
}
var kernel_explorer_default = { render };
export {
  kernel_explorer_default as default
};
