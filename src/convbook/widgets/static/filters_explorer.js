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
function range(...matrices) {
  const values = matrices.flat(2);
  return [Math.min(...values), Math.max(...values)];
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
function heatmap(ctx, M, cell, low, high, outline = null, scale = colourScale(low, high)) {
  const [ch, cw] = Array.isArray(cell) ? cell : [cell, cell];
  ctx.clearRect(0, 0, M[0].length * cw, M.length * ch);
  if (ch === cw && cw >= 24) cellsWithValues(ctx, M, cw, scale);
  else pixels(ctx, M, ch, cw, scale);
  if (outline) {
    const [top, left, h, w] = outline;
    const box = [left * cw + 1.5, top * ch + 1.5, w * cw - 3, h * ch - 3];
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

// src/convbook/widgets/filters_explorer.js
var FILTER_CELL = 20;
var MAP_ROOM = 72;
var DIGIT_ROOM = 120;
var STEP_MS = 700;
function featureMaps(image, filters, biases) {
  return filters.map((K, n) => corr2d(image, K).map((row) => row.map((v) => v + biases[n])));
}
function percent(fraction) {
  return `${(100 * fraction).toFixed(1)} %`;
}
function status(epoch, losses, accuracies) {
  if (epoch === 0) return `Epoch 0 of ${losses.length}: the random start, before any training.`;
  return `After epoch ${epoch} of ${losses.length}: held-out accuracy ${percent(accuracies[epoch - 1])}, mean training loss ${losses[epoch - 1].toFixed(3)}.`;
}
function table2(filters) {
  return filters.map((K, n) => `filter ${n + 1}
` + K.map((row) => row.map((v) => v.toFixed(3).padStart(7)).join(" ")).join("\n")).join("\n\n");
}
function greyMap(ctx, M, cell) {
  M.forEach((row, i) => row.forEach((v, j) => {
    const level = Math.round(255 * Math.min(1, Math.max(0, v)));
    ctx.fillStyle = `rgb(${level},${level},${level})`;
    ctx.fillRect(j * cell, i * cell, cell, cell);
  }));
}
function keyFor(low, high, words) {
  const key = el("div", "cb-key");
  const label = `colour scale from ${fmt(low)} (blue) through 0 (white) to ${fmt(high)} (red)`;
  const strip = canvas(120, 12, label);
  const row = Array.from({ length: 120 }, (_, x) => low + (high - low) * x / 119);
  heatmap(strip.getContext("2d"), Array(12).fill(row), 1, low, high);
  key.append(el("span", "", fmt(low)), strip, el("span", "", fmt(high)), el("span", "cb-key-words", words));
  return key;
}
function figure(drawing, caption) {
  const node = el("figure");
  node.append(drawing, el("figcaption", "", caption));
  return node;
}
function render({ model, el: root }) {
  const snapshots = model.get("snapshots");
  const biases = model.get("bias_snapshots");
  const losses = model.get("losses");
  const accuracies = model.get("accuracies");
  const image = model.get("image");
  const last = snapshots.length - 1;
  const bound = Math.max(...snapshots.flat(3).map(Math.abs)) || 1;
  let epoch = Math.min(last, Math.max(0, model.get("epoch")));
  let timer = null;
  const slider = el("input", "cb-epoch");
  Object.assign(slider, { type: "range", min: "0", max: String(last), step: "1" });
  const shown = el("output");
  const label = el("label", "cb-control");
  label.append(el("span", "", "epoch"), slider, shown);
  const play = el("button", "cb-play", "\u25B6 Play");
  play.type = "button";
  const controls = el("div", "cb-row");
  controls.append(label, play);
  const words = el("p", "cb-status");
  words.setAttribute("aria-live", "polite");
  const k = snapshots[0][0].length;
  const filterCanvases = snapshots[0].map(() => canvas(k * FILTER_CELL, k * FILTER_CELL, "filter"));
  const filterGrid = el("div", "cb-grid");
  filterGrid.append(...filterCanvases.map((c, n) => figure(c, `${n + 1}`)));
  const filterPanel = el("section", "cb-panel");
  filterPanel.append(
    el("h4", "", "First-layer filters"),
    filterGrid,
    keyFor(-bound, bound, "filter entry, one scale for every epoch")
  );
  const mapSize = [image.length - k + 1, image[0].length - k + 1];
  const mapCell = Math.max(2, Math.floor(MAP_ROOM / Math.max(...mapSize)));
  const digitCell = Math.max(2, Math.floor(DIGIT_ROOM / Math.max(image.length, image[0].length)));
  const digit = canvas(
    image[0].length * digitCell,
    image.length * digitCell,
    `the input digit, ${image.length} by ${image[0].length} pixels, in grey: ink white, paper black`
  );
  greyMap(digit.getContext("2d"), image, digitCell);
  const mapCanvases = snapshots[0].map(() => canvas(mapSize[1] * mapCell, mapSize[0] * mapCell, "map"));
  const mapGrid = el("div", "cb-grid");
  mapGrid.append(...mapCanvases.map((c, n) => figure(c, `${n + 1}`)));
  const mapKey = el("div");
  const mapPanel = el("section", "cb-panel");
  const digitFigure = figure(digit, `input (${image.length} \xD7 ${image[0].length})`);
  digitFigure.classList.add("cb-digit");
  const mapRow = el("div", "cb-maps");
  mapRow.append(digitFigure, mapGrid);
  mapPanel.append(el("h4", "", "Their feature maps of one digit (before the ReLU)"), mapRow, mapKey);
  const details = el("details");
  const values = el("pre", "cb-values");
  const summary = el("summary");
  details.append(summary, values);
  const box = el("div", "cb-fx");
  box.append(controls, words, filterPanel, mapPanel, details);
  root.replaceChildren(box);
  function draw() {
    const filters = snapshots[epoch];
    slider.value = String(epoch);
    shown.textContent = `${epoch} of ${last}`;
    slider.setAttribute("aria-valuetext", epoch ? `epoch ${epoch} of ${last}` : `epoch 0 of ${last}, the random start`);
    words.textContent = status(epoch, losses, accuracies);
    filters.forEach((K, n) => {
      heatmap(filterCanvases[n].getContext("2d"), K, FILTER_CELL, -bound, bound);
      const entries = K.map((row) => row.map((v) => fmt(v, 2)).join(", ")).join("; ");
      filterCanvases[n].setAttribute("aria-label", `filter ${n + 1}, ${k} by ${k}, rows: ${entries}`);
    });
    const maps = featureMaps(image, filters, biases[epoch]);
    const [low, high] = range(...maps);
    const mapBound = Math.max(Math.abs(low), Math.abs(high)) || 1;
    maps.forEach((M, n) => {
      const [lo, hi] = range(M);
      heatmap(mapCanvases[n].getContext("2d"), M, mapCell, -mapBound, mapBound);
      mapCanvases[n].setAttribute(
        "aria-label",
        `feature map ${n + 1}, ${M.length} by ${M[0].length}, from ${fmt(lo)} to ${fmt(hi)}`
      );
      mapCanvases[n].dataset.low = String(lo);
      mapCanvases[n].dataset.high = String(hi);
    });
    mapKey.replaceChildren(keyFor(-mapBound, mapBound, "map value, this epoch's scale"));
    summary.textContent = `Filter values after epoch ${epoch}`;
    values.textContent = table2(filters);
  }
  function stop() {
    clearTimeout(timer);
    timer = null;
    play.textContent = "\u25B6 Play";
    words.setAttribute("aria-live", "polite");
  }
  function show(next, fromPage = true) {
    epoch = next;
    draw();
    if (fromPage) save(model, { epoch });
  }
  function tick() {
    if (epoch >= last) {
      stop();
      return;
    }
    show(epoch + 1);
    timer = epoch >= last ? (stop(), null) : setTimeout(tick, STEP_MS);
  }
  slider.addEventListener("input", () => {
    stop();
    show(Number(slider.value));
  });
  play.addEventListener("click", () => {
    if (timer) {
      stop();
      return;
    }
    if (epoch >= last) show(0);
    play.textContent = "Pause";
    words.setAttribute("aria-live", "off");
    timer = setTimeout(tick, STEP_MS);
  });
  const fromPython = () => {
    const next = model.get("epoch");
    if (next === epoch) return;
    stop();
    show(Math.min(last, Math.max(0, next)), false);
  };
  model.on("change:epoch", fromPython);
  const unfollow = followTheme(box);
  draw();
  return () => {
    stop();
    unfollow();
    model.off("change:epoch", fromPython);
  };
}
var filters_explorer_default = { render };
export {
  filters_explorer_default as default,
  featureMaps,
  status
};
