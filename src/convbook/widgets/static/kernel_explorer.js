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
  return { stops: GREY, low, high: high > low ? high : low + 1 };
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
function canvas(width, height, label) {
  const c = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  c.width = Math.round(width * ratio);
  c.height = Math.round(height * ratio);
  c.style.width = `${width}px`;
  c.style.height = `${height}px`;
  c.setAttribute("role", "img");
  c.setAttribute("aria-label", label);
  c.getContext("2d").scale(ratio, ratio);
  return c;
}
function cellSize(M, room = 240, largest = 34) {
  return Math.max(2, Math.min(largest, Math.floor(room / Math.max(M.length, M[0].length))));
}
function heatmap(ctx, M, cell, low, high, outline = null, scale = colourScale(low, high)) {
  ctx.clearRect(0, 0, M[0].length * cell, M.length * cell);
  if (cell >= 24) cellsWithValues(ctx, M, cell, scale);
  else pixels(ctx, M, cell, scale);
  if (outline) {
    const [top, left, h, w] = outline;
    const box = [left * cell + 1.5, top * cell + 1.5, w * cell - 3, h * cell - 3];
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#000";
    ctx.strokeRect(...box);
    ctx.lineWidth = 1;
    ctx.strokeStyle = "#fff";
    ctx.strokeRect(...box);
  }
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
function pixels(ctx, M, cell, scale) {
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
  ctx.drawImage(scratch, 0, 0, w * cell, h * cell);
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
      sigma: { label: "\u03C3 (width)", min: 0.3, max: 3, step: 0.1, start: 1, text: (v) => `sigma ${v.toFixed(1)}` },
      size: { label: "size", min: 3, max: 5, step: 2, start: 5, text: (v) => `${v} \xD7 ${v}` }
    },
    make: ({ sigma, size }) => gaussian(sigma, size)
  },
  directional: {
    title: "directional derivative",
    params: {
      theta: { label: "\u03B8 (angle)", min: 0, max: 360, step: 5, start: 30, text: (v) => `${v} degrees` }
    },
    make: ({ theta }) => directional(theta)
  },
  sharpen: {
    title: "sharpen",
    params: {
      amount: { label: "amount", min: 0, max: 3, step: 0.1, start: 1, text: (v) => `amount ${v.toFixed(1)}` }
    },
    make: ({ amount }) => sharpen(amount)
  }
};
function familyKernel(family, params) {
  return rounded(FAMILIES[family].make(params));
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
var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
function parseEntry(text, limit) {
  const typed = String(text).trim().replace(/\u2212/g, "-");
  if (typed === "") return { problem: "the box is empty" };
  if (!NUMBER.test(typed)) return { problem: "what is typed is not a number" };
  const value = Number(typed);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    return { problem: `${typed.slice(0, 12)} is outside \u2212${limit} to ${limit}` };
  }
  return { value: value + 0 };
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
function rounded2(G) {
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
  return { values: rounded2(shrink(G, ...fittedSize(h, w, longest))), from: [height, width] };
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

// src/convbook/widgets/kernel_explorer.js
var PICTURE = "your picture";
var ENTRY_SLIDER = { min: -5, max: 5, step: 0.05 };
var SAME = (A, B) => JSON.stringify(A) === JSON.stringify(B);
function options(select, names, current) {
  select.replaceChildren(...names.map((name) => new Option(name, name, false, name === current)));
}
function resized(K, rows, cols) {
  return Array.from({ length: rows }, (_, a) => Array.from({ length: cols }, (_2, b) => K[a]?.[b] ?? 0));
}
function labelled(text, control, className = "cb-control") {
  const node = el("label", className);
  node.append(el("span", "", text), control);
  return node;
}
function slider({ min, max, step }, name) {
  const input = el("input");
  Object.assign(input, { type: "range", min: String(min), max: String(max), step: String(step) });
  input.setAttribute("aria-label", name);
  return input;
}
function button(text, className) {
  const b = el("button", className, text);
  b.type = "button";
  return b;
}
function sizeText(M) {
  return `${M.length} \xD7 ${M[0].length}`;
}
function render({ model, el: root }) {
  const state = {
    images: model.get("images"),
    imageName: model.get("image_name"),
    kernel: model.get("kernel_rows"),
    operation: model.get("operation"),
    note: model.get("note"),
    family: "",
    params: Object.fromEntries(Object.values(FAMILIES).flatMap((f) => Object.entries(f.params).map(([name, p]) => [name, p.start]))),
    at: null,
    // the output cell whose window is shown, [i, j], or null
    speed: 4
    // windows a second when playing
  };
  const images = () => state.images;
  const image = () => images()[state.imageName];
  const applied = () => state.operation === "convolution" ? flip(state.kernel) : state.kernel;
  const limit = model.get("largest_entry");
  const imageSelect = el("select", "cb-image");
  const file = el("input", "cb-file");
  Object.assign(file, { type: "file", accept: "image/png,image/jpeg" });
  const cameraButton = button("Use the camera", "cb-camera");
  cameraButton.hidden = !cameraPossible();
  const presetSelect = el("select", "cb-preset");
  const rowsSelect = el("select", "cb-rows");
  const colsSelect = el("select", "cb-cols");
  rowsSelect.setAttribute("aria-label", "kernel rows");
  colsSelect.setAttribute("aria-label", "kernel columns");
  const operation = el("select", "cb-operation");
  options(operation, ["cross-correlation", "convolution"], state.operation);
  const size = el("span", "cb-control", "Kernel size ");
  size.append(rowsSelect, " \xD7 ", colsSelect);
  const imageRow = el("div", "cb-row");
  imageRow.append(
    labelled("Image", imageSelect),
    labelled("Your picture (PNG or JPEG)", file, "cb-control cb-file-label"),
    cameraButton
  );
  const kernelRow = el("div", "cb-row");
  kernelRow.append(labelled("Preset", presetSelect), size, labelled("Operation", operation));
  const camera = el("div", "cb-camera-view");
  camera.hidden = true;
  const video = el("video");
  Object.assign(video, { muted: true, playsInline: true });
  video.setAttribute("aria-label", "camera view");
  const take = button("Take the picture", "cb-take");
  const cancel = button("Cancel", "cb-cancel");
  const cameraButtons = el("div", "cb-row");
  cameraButtons.append(take, cancel);
  camera.append(video, cameraButtons);
  const familySelect = el("select", "cb-family");
  familySelect.replaceChildren(
    new Option("(none)", ""),
    ...Object.entries(FAMILIES).map(([name, f]) => new Option(f.title, name))
  );
  const paramSliders = {};
  const paramRow = el("div", "cb-row cb-params");
  for (const [familyName, family] of Object.entries(FAMILIES)) {
    for (const [name, p] of Object.entries(family.params)) {
      const input = slider(p, p.label);
      input.classList.add(`cb-${name}`);
      const shown = el("output");
      const control = labelled(p.label, input);
      control.append(shown);
      control.dataset.family = familyName;
      paramSliders[name] = { input, shown, control, p, familyName };
      paramRow.append(control);
    }
  }
  const familyRow = el("div", "cb-row");
  familyRow.append(labelled("Kernel family", familySelect), paramRow);
  const grid = el("div", "cb-grid");
  grid.setAttribute("role", "group");
  grid.setAttribute("aria-label", "kernel entries");
  const gridRow = el("div", "cb-row cb-entries");
  gridRow.append(el("span", "", "Kernel entries"), grid);
  const problem = el("p", "cb-problem");
  problem.setAttribute("aria-live", "polite");
  const note = el("p", "cb-note");
  note.setAttribute("aria-live", "polite");
  const panels = el("div", "cb-panels");
  const bar = canvas(300, 44, "colour scale");
  const shape = el("p", "cb-shape");
  const play = button("Play", "cb-play");
  const stepButton = button("Step", "cb-step");
  const restart = button("Start over", "cb-restart");
  const speed = slider({ min: 1, max: 30, step: 1 }, "speed, windows a second");
  speed.classList.add("cb-speed");
  const speedShown = el("output");
  const speedControl = labelled("Speed", speed);
  speedControl.append(speedShown);
  const progress = el("span", "cb-progress");
  const playRow = el("div", "cb-row cb-play-row");
  playRow.append(play, stepButton, restart, speedControl, progress);
  const hover = el("p", "cb-hover");
  hover.setAttribute("aria-live", "polite");
  const details = el("details");
  const values = el("pre", "cb-output");
  details.append(el("summary", "", "Output values"), values);
  const box = el("div", "cb-kx");
  box.append(
    imageRow,
    camera,
    kernelRow,
    familyRow,
    gridRow,
    problem,
    note,
    panels,
    bar,
    shape,
    playRow,
    hover,
    details
  );
  root.replaceChildren(box);
  function sync() {
    const picture = state.images === model.get("images") ? {} : { images: state.images };
    save(model, { ...picture, image_name: state.imageName, kernel_rows: state.kernel, operation: state.operation, note: state.note });
  }
  let entries = [];
  function buildGrid() {
    const [h, w] = [state.kernel.length, state.kernel[0].length];
    grid.style.gridTemplateColumns = `repeat(${w}, auto)`;
    entries = state.kernel.map((row, a) => row.map((_, b) => {
      const cell = el("div", "cb-entry");
      const text = el("input", "cb-value");
      Object.assign(text, { type: "text", inputMode: "decimal", autocomplete: "off", spellcheck: false });
      text.setAttribute("aria-label", `kernel entry row ${a} column ${b}`);
      const range = slider(ENTRY_SLIDER, `kernel entry row ${a} column ${b}, slider`);
      range.classList.add("cb-slider");
      for (const node of [text, range]) Object.assign(node.dataset, { row: a, col: b });
      text.addEventListener("input", () => typed(a, b, text));
      text.addEventListener("change", () => committed(a, b, text));
      range.addEventListener("input", () => setEntry(a, b, Number(range.value), range));
      range.addEventListener("change", sync);
      cell.append(text, range);
      return { cell, text, range };
    }));
    grid.replaceChildren(...entries.flat().map((e) => e.cell));
    problem.textContent = "";
    rowsSelect.value = String(h);
    colsSelect.value = String(w);
    showEntries();
  }
  function showEntries(except = null) {
    entries.forEach((row, a) => row.forEach(({ text, range }, b) => {
      const v = state.kernel[a][b];
      if (text !== except) {
        text.value = String(v);
        text.removeAttribute("aria-invalid");
      }
      if (range !== except) range.value = String(v);
      range.setAttribute("aria-valuetext", String(v));
    }));
  }
  function typed(a, b, text) {
    const { value, problem: words } = parseEntry(text.value, limit);
    if (words) {
      text.setAttribute("aria-invalid", "true");
      problem.textContent = `Entry row ${a}, column ${b}: ${words}; the kernel keeps ${state.kernel[a][b]} (type a number from \u2212${limit} to ${limit}).`;
      return;
    }
    text.removeAttribute("aria-invalid");
    setEntry(a, b, value, text);
  }
  function committed(a, b, text) {
    if (!text.isConnected) return;
    if (text.getAttribute("aria-invalid")) showEntries();
    sync();
  }
  function setEntry(a, b, value, source) {
    state.kernel = state.kernel.map((r, i) => r.map((x, j) => i === a && j === b ? value : x));
    state.family = "";
    state.note = "";
    problem.textContent = "";
    showEntries(source);
    matchPreset();
    changed();
  }
  function fits(K) {
    const X = image();
    return K.length <= X.length && K[0].length <= X[0].length;
  }
  function matchPreset() {
    const match = Object.entries(model.get("presets")).find(([, K]) => SAME(K, state.kernel));
    presetSelect.value = match ? match[0] : "";
    familySelect.value = state.family;
    for (const { control, familyName } of Object.values(paramSliders)) control.hidden = familyName !== state.family;
  }
  function refreshChoices() {
    const X = image();
    options(imageSelect, Object.keys(images()), state.imageName);
    const presets = model.get("presets");
    presetSelect.replaceChildren(new Option("(custom)", ""), ...Object.entries(presets).map(([name, K]) => {
      const option = new Option(name, name);
      option.disabled = !fits(K);
      return option;
    }));
    for (const option of familySelect.options) {
      option.disabled = option.value !== "" && (X.length < 3 || X[0].length < 3);
    }
    const largest = model.get("largest_kernel");
    options(rowsSelect, Array.from({ length: Math.min(largest, X.length) }, (_, k) => String(k + 1)));
    options(colsSelect, Array.from({ length: Math.min(largest, X[0].length) }, (_, k) => String(k + 1)));
    paramSliders.size.input.max = String(Math.min(X.length, X[0].length) >= 5 ? 5 : 3);
    refreshParams();
    buildGrid();
    matchPreset();
  }
  let current = null;
  let drawn = { key: "", canvases: [], cells: [] };
  function compute() {
    const X = image();
    const K = applied();
    const Y = corr2d(X, K);
    const greyInput = cellSize(X, 260) < 24;
    const [low, high] = extent(greyInput ? [K, Y] : [X, K, Y]);
    const shared = colourScale(low, high);
    const [xLow, xHigh] = greyInput ? extent([X]) : [low, high];
    current = { X, K, Y, shared, greyInput, inputScale: greyInput ? greyScale(xLow, xHigh) : shared };
  }
  function extent(matrices) {
    let [low, high] = [Infinity, -Infinity];
    for (const M of matrices) {
      for (const row of M) {
        for (const v of row) {
          if (v < low) low = v;
          if (v > high) high = v;
        }
      }
    }
    return [low, high];
  }
  function panelsFor(matrices, captions) {
    const key = JSON.stringify([...matrices.map((M) => [M.length, M[0].length]), captions]);
    if (key === drawn.key) return drawn;
    const cells = matrices.map((M, n) => cellSize(M, n === 1 ? 150 : 260));
    const names = ["input", "kernel", "output"];
    const canvases = matrices.map((M, n) => canvas(M[0].length * cells[n], M.length * cells[n], `${names[n]}, ${M.length} by ${M[0].length}`));
    panels.replaceChildren(...canvases.map((c, n) => {
      const figure = el("figure");
      figure.append(c, el("figcaption", "", captions[n]));
      return figure;
    }));
    trackHover(canvases[2]);
    drawn = { key, canvases, cells };
    return drawn;
  }
  function draw() {
    const { X, K, Y, shared, greyInput, inputScale } = current;
    const inputCaption = `input (${sizeText(X)})${greyInput ? ", grey: black lowest, white highest" : ""}`;
    const kernelCaption = `${state.operation === "convolution" ? "kernel, flipped for convolution" : "kernel"} (${sizeText(K)})`;
    const { canvases, cells } = panelsFor([X, K, Y], [inputCaption, kernelCaption, `output (feature map, ${sizeText(Y)})`]);
    const at = state.at;
    heatmap(canvases[0].getContext("2d"), X, cells[0], 0, 0, at && [...at, K.length, K[0].length], inputScale);
    heatmap(canvases[1].getContext("2d"), K, cells[1], 0, 0, null, shared);
    heatmap(canvases[2].getContext("2d"), Y, cells[2], 0, 0, at && [...at, 1, 1], shared);
    const scaleLabel = greyInput ? "value: kernel and output share this scale" : "value: input, kernel and output share this scale";
    colorbar(bar.getContext("2d"), 300, 0, 0, scaleLabel, themeColours(box).text, shared);
    bar.setAttribute("aria-label", `colour scale from ${fmt(shared.low)} to ${fmt(shared.high)}; ${scaleLabel}`);
    const [nh, nw, kh, kw] = [X.length, X[0].length, K.length, K[0].length];
    const [oh, ow] = outputShape(X, K);
    shape.textContent = `Output shape ${oh} \xD7 ${ow} = (${nh} \u2212 ${kh} + 1) \xD7 (${nw} \u2212 ${kw} + 1)`;
    const listed = oh * ow <= 400;
    const text = listed ? Y.map((row) => row.map((v) => fmt(v, 3).padStart(7)).join(" ")).join("\n") : `${oh} \xD7 ${ow} values: too many to list; hover over the output, or press play, instead.`;
    if (values.textContent !== text) values.textContent = text;
    hover.textContent = at ? describe(X, K, Y, ...at) : "Hover over an output cell (or focus it and use the arrow keys), or press Play, to see the sum of products that made it.";
    note.textContent = state.note;
    const total = oh * ow;
    const index = at ? at[0] * ow + at[1] : -1;
    progress.textContent = at ? `window ${index + 1} of ${total}` : `${total} windows`;
    stepButton.disabled = index === total - 1;
    play.textContent = timer ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(Boolean(timer)));
  }
  function describe(X, K, Y, i, j) {
    const terms = windowTerms(X, K, i, j).map(([x, k]) => `${fmt(x, 3)}\xD7${k < 0 ? `(${fmt(k, 3)})` : fmt(k, 3)}`);
    return `Y[${i},${j}] = ${terms.join(" + ")} = ${fmt(Y[i][j], 4)}`;
  }
  function changed({ saving = false } = {}) {
    const [oh, ow] = outputShape(image(), state.kernel);
    if (state.at && (state.at[0] >= oh || state.at[1] >= ow)) state.at = null;
    compute();
    draw();
    if (saving) sync();
  }
  let timer = null;
  function moveTo(i, j) {
    const { Y } = current;
    const next = [Math.max(0, Math.min(Y.length - 1, i)), Math.max(0, Math.min(Y[0].length - 1, j))];
    if (state.at && state.at[0] === next[0] && state.at[1] === next[1]) return;
    state.at = next;
    draw();
  }
  function advance() {
    const { Y } = current;
    if (!state.at) {
      moveTo(0, 0);
      return true;
    }
    const [i, j] = state.at;
    if (i === Y.length - 1 && j === Y[0].length - 1) return false;
    if (j + 1 < Y[0].length) moveTo(i, j + 1);
    else moveTo(i + 1, 0);
    return true;
  }
  function stop() {
    if (!timer) return;
    clearInterval(timer);
    timer = null;
    hover.setAttribute("aria-live", "polite");
    draw();
  }
  function start() {
    const { Y } = current;
    if (state.at && state.at[0] === Y.length - 1 && state.at[1] === Y[0].length - 1) state.at = null;
    hover.setAttribute("aria-live", "off");
    timer = setInterval(() => advance() || stop(), 1e3 / state.speed);
    advance();
    draw();
  }
  play.addEventListener("click", () => timer ? stop() : start());
  stepButton.addEventListener("click", () => {
    stop();
    advance();
  });
  restart.addEventListener("click", () => {
    stop();
    state.at = null;
    advance();
  });
  speed.value = String(state.speed);
  const showSpeed = () => {
    speedShown.textContent = `${state.speed} a second`;
    speed.setAttribute("aria-valuetext", `${state.speed} windows a second`);
  };
  showSpeed();
  speed.addEventListener("input", () => {
    state.speed = Number(speed.value);
    showSpeed();
    if (timer) {
      clearInterval(timer);
      timer = setInterval(() => advance() || stop(), 1e3 / state.speed);
    }
  });
  function trackHover(c) {
    c.tabIndex = 0;
    c.setAttribute("aria-label", `${c.getAttribute("aria-label")}: focus and use the arrow keys to move the window`);
    c.addEventListener("mousemove", (event) => {
      const rect = c.getBoundingClientRect();
      const cell = drawn.cells[2];
      moveTo(Math.floor((event.clientY - rect.top) / cell), Math.floor((event.clientX - rect.left) / cell));
    });
    c.addEventListener("focus", () => state.at || moveTo(0, 0));
    c.addEventListener("keydown", (event) => {
      const steps = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (event.key === "Escape") c.blur();
      if (!(event.key in steps)) return;
      event.preventDefault();
      stop();
      const [i, j] = state.at || [0, 0];
      moveTo(i + steps[event.key][0], j + steps[event.key][1]);
    });
    for (const leave of ["mouseleave", "blur"]) {
      c.addEventListener(leave, () => {
        if (timer) return;
        if (leave === "mouseleave" && document.activeElement === c) return;
        state.at = null;
        draw();
      });
    }
  }
  function chooseImage(name, words = "") {
    stop();
    state.imageName = name;
    state.at = null;
    state.note = words;
    const X = image();
    if (!fits(state.kernel)) {
      const before = sizeText(state.kernel);
      state.kernel = cropToFit(state.kernel, X.length, X[0].length);
      state.family = "";
      state.note = `${words ? `${words} ` : ""}The ${before} kernel is cropped to its middle ${sizeText(state.kernel)} to fit the ${sizeText(X)} image.`;
    }
    refreshChoices();
    changed();
    sync();
  }
  function setKernel(K, family = "") {
    stop();
    state.kernel = K;
    state.family = family;
    state.at = null;
    state.note = "";
    problem.textContent = "";
    if (state.kernel.length !== entries.length || state.kernel[0].length !== entries[0].length) buildGrid();
    else showEntries();
    matchPreset();
    changed({ saving: true });
  }
  imageSelect.addEventListener("change", () => chooseImage(imageSelect.value));
  presetSelect.addEventListener("change", () => {
    if (!presetSelect.value) return;
    const [family, params] = PRESET_PARAMS[presetSelect.value] || [""];
    if (family) Object.assign(state.params, params);
    setKernel(model.get("presets")[presetSelect.value], family);
    if (family) refreshParams();
  });
  for (const select of [rowsSelect, colsSelect]) {
    select.addEventListener("change", () => setKernel(resized(state.kernel, Number(rowsSelect.value), Number(colsSelect.value))));
  }
  operation.addEventListener("change", () => {
    stop();
    state.operation = operation.value;
    state.at = null;
    changed({ saving: true });
  });
  function refreshParams() {
    for (const [name, { input, shown, p }] of Object.entries(paramSliders)) {
      input.value = String(state.params[name]);
      shown.textContent = p.text(state.params[name]);
      input.setAttribute("aria-valuetext", p.text(state.params[name]));
    }
  }
  function familyKernelNow() {
    const X = image();
    const params = { ...state.params };
    if (state.family === "gaussian") params.size = Math.min(params.size, X.length, X[0].length) >= 5 ? params.size : 3;
    return familyKernel(state.family, params);
  }
  familySelect.addEventListener("change", () => {
    if (!familySelect.value) {
      state.family = "";
      matchPreset();
      return;
    }
    state.family = familySelect.value;
    setKernel(familyKernelNow(), state.family);
  });
  for (const [name, { input, familyName }] of Object.entries(paramSliders)) {
    input.addEventListener("input", () => {
      state.params[name] = Number(input.value);
      refreshParams();
      state.family = familyName;
      state.kernel = familyKernelNow();
      state.note = "";
      if (state.kernel.length !== entries.length || state.kernel[0].length !== entries[0].length) buildGrid();
      else showEntries();
      matchPreset();
      changed();
    });
    input.addEventListener("change", sync);
  }
  function usePicture({ values: G, from }, how) {
    const name = `${PICTURE} (${sizeText(G)})`;
    const kept = Object.fromEntries(Object.entries(images()).filter(([n]) => !n.startsWith(PICTURE)));
    state.images = { ...kept, [name]: G };
    const shrunk = G.length !== from[0] || G[0].length !== from[1] ? `, shrunk from ${from[0]} \xD7 ${from[1]}` : "";
    const words = `Your picture ${how}: ${sizeText(G)} pixels${shrunk}, made grey; it stays in this page.`;
    chooseImage(name, words);
  }
  function say(words) {
    state.note = words;
    note.textContent = words;
  }
  file.addEventListener("change", async () => {
    const [chosen] = file.files;
    if (!chosen) return;
    file.value = "";
    try {
      usePicture(await pictureFromFile(chosen, model.get("largest_image")), "from the file");
    } catch (error) {
      say(`${error.message}; the image stays ${state.imageName}.`);
    }
  });
  let stream = null;
  function closeCamera() {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    camera.hidden = true;
  }
  cameraButton.addEventListener("click", async () => {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    } catch (error) {
      say(`The camera is not available (${error.name}); the image stays ${state.imageName}.`);
      return;
    }
    video.srcObject = stream;
    camera.hidden = false;
    await video.play().catch(() => {
    });
    take.focus();
  });
  take.addEventListener("click", () => {
    if (video.readyState < 2 || !video.videoWidth) {
      say("The camera has not sent a picture yet; try again in a moment.");
      return;
    }
    const picture = pictureFrom(video, video.videoHeight, video.videoWidth, model.get("largest_image"));
    closeCamera();
    usePicture(picture, "from the camera");
    cameraButton.focus();
  });
  cancel.addEventListener("click", () => {
    closeCamera();
    cameraButton.focus();
  });
  const fromPython = () => {
    const same = state.images === model.get("images") && state.imageName === model.get("image_name") && state.operation === model.get("operation") && SAME(state.kernel, model.get("kernel_rows")) && state.note === model.get("note");
    if (same && drawn.key) return;
    if (!(model.get("image_name") in model.get("images"))) return;
    stop();
    state.images = model.get("images");
    state.imageName = model.get("image_name");
    state.kernel = model.get("kernel_rows");
    state.operation = model.get("operation");
    state.note = model.get("note");
    const X = image();
    if (!fits(state.kernel)) state.kernel = cropToFit(state.kernel, X.length, X[0].length);
    operation.value = state.operation;
    state.at = null;
    state.family = "";
    refreshChoices();
    changed();
  };
  model.on("change", fromPython);
  const unfollow = followTheme(box, () => draw());
  refreshChoices();
  compute();
  draw();
  return () => {
    stop();
    closeCamera();
    unfollow();
    model.off("change", fromPython);
  };
}
var kernel_explorer_default = { render };
export {
  kernel_explorer_default as default
};
