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
  const value2 = Number(typed);
  if (!Number.isFinite(value2)) return { error: "Too large even for float64 (at most 1.8e+308 in size)." };
  if (value2 === 0 && /[1-9]/.test(typed.split(/e/i)[0])) {
    return { error: "Too small to tell from 0 (float64 stops near 1e-308); type 0 for 0." };
  }
  if (rule.float32 && Math.abs(value2) > FLOAT32_MAX) {
    return { error: "Beyond float32, the type PyTorch trains in (at most 3.4e+38 in size)." };
  }
  if (rule.whole && !Number.isInteger(value2)) return { error: "Type a whole number." };
  const { low = -Infinity, high = Infinity } = rule;
  if (value2 < low || value2 > high) {
    return { error: `Choose a value from ${numberText(low)} to ${numberText(high)}.` };
  }
  return { value: value2 + 0 };
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
function setSlider(input, value2, words = String(value2)) {
  input.value = String(value2);
  input.setAttribute("aria-valuetext", words);
}
function options(select, names, current) {
  select.replaceChildren(...names.map((n) => {
    const [value2, text] = Array.isArray(n) ? n : [n, n];
    return new Option(text, value2, false, value2 === current);
  }));
}
function numberBox({
  label,
  rule = () => ({}),
  value: value2 = 0,
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
  let kept = value2;
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
  input.value = show(value2);
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

// src/convbook/widgets/pooling_controls.js
var SETTINGS = ["window", "stride", "padding"];
var WHY = { padding: " PyTorch allows padding up to half the window." };
function live(node) {
  node.setAttribute("aria-live", "polite");
  return node;
}
function setting(ui, name, range, on) {
  const input = slider(range, name, `cb-${name}`);
  const words = (error, kept) => `${name[0].toUpperCase()}${name.slice(1)}: ${error}${WHY[name] ?? ""} It stays ${kept}.`;
  const box = numberBox({
    label: `${name}, typed`,
    rule: () => on.rule(name),
    value: range.start,
    message: ui.problem,
    words,
    className: `cb-value cb-${name}-box`,
    onValue: (v) => on.value(name, v, "typed"),
    onLeave: on.save
  });
  input.addEventListener("input", () => on.value(name, Number(input.value), "dragged"));
  input.addEventListener("change", on.save);
  const control = labelled(name[0].toUpperCase() + name.slice(1), input);
  control.append(box.input);
  return { input, box, control };
}
function layout(ranges, images, on) {
  const ui = { settings: {} };
  ui.problem = live(el("p", "cb-problem"));
  ui.problem.id = uniqueId("cb-pool-problem");
  ui.imageSelect = el("select", "cb-image");
  options(ui.imageSelect, images);
  ui.modeSelect = el("select", "cb-mode");
  options(ui.modeSelect, [["max", "max pooling"], ["avg", "average pooling"]]);
  const top = el("div", "cb-row");
  top.append(labelled("Image", ui.imageSelect), labelled("Pooling", ui.modeSelect));
  const row = el("div", "cb-row cb-settings");
  for (const name of SETTINGS) {
    ui.settings[name] = setting(ui, name, ranges[name], on);
    row.append(ui.settings[name].control);
  }
  ui.imageSelect.addEventListener("change", () => on.choose({ imageName: ui.imageSelect.value }));
  ui.modeSelect.addEventListener("change", () => on.choose({ mode: ui.modeSelect.value }));
  ui.shape = el("p", "cb-shape");
  ui.panels = el("div", "cb-panels");
  ui.hover = live(el("p", "cb-hover"));
  ui.gradient = el("p", "cb-gradient");
  ui.box = el("div", "cb-widget cb-px");
  ui.box.append(top, row, ui.problem, ui.shape, ui.panels, ui.hover, ui.gradient);
  return ui;
}

// src/convbook/widgets/pooling_math.js
function outputSize(n, k, s, p) {
  return n + 2 * p < k ? 0 : Math.floor((n + 2 * p - k) / s) + 1;
}
function windowAt(i, j, { window: k, stride: s, padding: p }) {
  return { top: i * s - p, left: j * s - p, size: k };
}
function windowCells(X, i, j, settings) {
  const { top, left, size } = windowAt(i, j, settings);
  const cells = [];
  for (let r = top; r < top + size; r++) {
    for (let c = left; c < left + size; c++) {
      const inside = r >= 0 && r < X.length && c >= 0 && c < X[0].length;
      cells.push({ r, c, inside, value: inside ? X[r][c] : null });
    }
  }
  return cells;
}
function winnerOf(cells) {
  let best = null;
  for (const cell of cells) {
    if (cell.inside && (best === null || cell.value > best.value)) best = cell;
  }
  return best;
}
function tiedWith(cells, best) {
  return cells.filter((cell) => cell.inside && cell.value === best.value);
}
function pool(X, settings) {
  const { window: k, stride: s, padding: p, mode } = settings;
  const [oh, ow] = [outputSize(X.length, k, s, p), outputSize(X[0].length, k, s, p)];
  const Y = [];
  const winners = [];
  for (let i = 0; i < oh; i++) {
    const [row, won] = [[], []];
    for (let j = 0; j < ow; j++) {
      const cells = windowCells(X, i, j, settings);
      if (mode === "max") {
        const best = winnerOf(cells);
        row.push(best.value);
        won.push([best.r, best.c]);
      } else {
        let sum = 0;
        for (const cell of cells) if (cell.inside) sum += cell.value;
        row.push(sum / (k * k));
        won.push(null);
      }
    }
    Y.push(row);
    winners.push(won);
  }
  return { Y, winners };
}
function gradientOfSum(X, settings, pooled = pool(X, settings)) {
  const G = X.map((row) => row.map(() => 0));
  const share = 1 / (settings.window * settings.window);
  pooled.Y.forEach((row, i) => row.forEach((_, j) => {
    if (settings.mode === "max") {
      const [r, c] = pooled.winners[i][j];
      G[r][c] += 1;
      return;
    }
    for (const cell of windowCells(X, i, j, settings)) if (cell.inside) G[cell.r][cell.c] += share;
  }));
  return G;
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

// src/convbook/widgets/pooling_panels.js
var ROOM = { input: 260, output: 200, gradient: 200 };
var MARK = "#ff7a00";
function extent(M) {
  const flat = M.flat();
  return [Math.min(...flat), Math.max(...flat)];
}
function dot(ctx, r, c, cell, filled) {
  ctx.beginPath();
  ctx.arc((c + 0.5) * cell, (r + 0.5) * cell, Math.max(2.5, cell * 0.32), 0, 2 * Math.PI);
  ctx.lineWidth = filled ? 1.5 : 2.5;
  ctx.strokeStyle = filled ? "#000" : MARK;
  if (filled) {
    ctx.fillStyle = MARK;
    ctx.fill();
  }
  ctx.stroke();
}
function hatch(ctx, width, height, colours) {
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = colours.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = -height; x < width; x += 6) {
    ctx.moveTo(x, height);
    ctx.lineTo(x + height, 0);
  }
  ctx.stroke();
}
function markWindow(ctx, X, view, cell, shift) {
  const { settings, at } = view;
  const { top, left, size } = windowAt(...at, settings);
  ring(ctx, [top + shift, left + shift, size, size], [cell, cell]);
  if (settings.mode !== "max") return;
  const cells = windowCells(X, ...at, settings);
  const best = winnerOf(cells);
  for (const t of tiedWith(cells, best)) dot(ctx, t.r + shift, t.c + shift, cell, t === best);
}
function drawAll(built, view) {
  const { X, pooled, G, settings, at, colours } = view;
  const p = settings.padding;
  const [input, output, gradient] = built.canvases;
  const grey = greyScale(...extent(X));
  const ci = built.cells.input;
  const ctx = input.getContext("2d");
  hatch(ctx, (X[0].length + 2 * p) * ci, (X.length + 2 * p) * ci, colours);
  ctx.save();
  ctx.translate(p * ci, p * ci);
  heatmap(ctx, X, ci, 0, 0, null, grey);
  ctx.restore();
  if (at) markWindow(ctx, X, view, ci, p);
  heatmap(output.getContext("2d"), pooled.Y, built.cells.output, 0, 0, at && [...at, 1, 1], grey);
  const gscale = colourScale(0, Math.max(...G.flat()));
  const gctx = gradient.getContext("2d");
  heatmap(gctx, G, built.cells.gradient, 0, 0, null, gscale);
  if (at) {
    gctx.save();
    gctx.beginPath();
    gctx.rect(0, 0, X[0].length * built.cells.gradient, X.length * built.cells.gradient);
    gctx.clip();
    markWindow(gctx, X, view, built.cells.gradient, 0);
    gctx.restore();
  }
  const label = settings.mode === "max" ? "outputs won: gradient of their sum" : "gradient of the sum of outputs";
  built.key.draw(gscale, label, colours.text);
}
function panel(canvas, caption, extra = []) {
  const figure = el("figure");
  figure.append(canvas, el("figcaption", "", caption));
  const node = el("div", "cb-panel");
  node.append(figure, ...extra);
  return node;
}
function pictures(node, cursor) {
  let built = { shape: "", untrack: () => {
  } };
  function build(X, Y, settings) {
    const p = settings.padding;
    const shape = JSON.stringify([X.length, X[0].length, Y.length, Y[0]?.length, p, settings.mode]);
    if (shape === built.shape) return built;
    built.untrack();
    const padded = [X.length + 2 * p, X[0].length + 2 * p];
    const cells = {
      input: cellSize({ length: padded[0], 0: { length: padded[1] } }, ROOM.input),
      output: cellSize(Y, ROOM.output),
      gradient: cellSize(X, ROOM.gradient)
    };
    const canvases = [
      hidpiCanvas(padded[1] * cells.input, padded[0] * cells.input, `image, ${X.length} by ${X[0].length}${p ? `, with ${p} cells of padding around it` : ""}`),
      hidpiCanvas(Y[0].length * cells.output, Y.length * cells.output, `output, ${Y.length} by ${Y[0].length}: focus and use the arrow keys, Home and End to move from window to window`),
      hidpiCanvas(X[0].length * cells.gradient, X.length * cells.gradient, `gradient of the sum of the outputs, ${X.length} by ${X[0].length}`)
    ];
    const key = colourKey(Math.max(160, X[0].length * cells.gradient), "cb-key");
    const pad = p ? settings.mode === "max" ? ", hatched: padding (\u2212\u221E, never wins)" : ", hatched: padding (0, counted in the mean)" : "";
    node.replaceChildren(
      panel(canvases[0], `image, grey: black lowest, white highest${pad}`),
      panel(canvases[1], `${settings.mode === "max" ? "max" : "average"} pooled (${Y.length} \xD7 ${Y[0].length}), the image's greys`),
      panel(canvases[2], "gradient of the sum of the outputs", [key.node])
    );
    built = { shape, canvases, cells, key, untrack: cellCursor(canvases[1], cursor) };
    return built;
  }
  return {
    draw(view) {
      drawAll(build(view.X, view.pooled.Y, view.settings), view);
    },
    dispose: () => built.untrack()
  };
}

// src/convbook/widgets/pooling_words.js
var LISTED = 25;
var where = ([r, c]) => `(row ${r}, column ${c})`;
var value = (cell, mode) => cell.inside ? fmt(cell.value, 3) : mode === "max" ? "\u2212\u221E" : "0";
function maxWords(cells, best, name) {
  const padded = cells.filter((cell) => !cell.inside).length;
  const inner = cells.length <= LISTED ? `max(${cells.map((cell) => value(cell, "max")).join(", ")})` : `max of the ${cells.length} cells of its window${padded ? `, ${padded} of them padding (\u2212\u221E)` : ""}`;
  const ties = tiedWith(cells, best);
  const won = `won by pixel ${where([best.r, best.c])}`;
  const tie = ties.length > 1 ? `; a tie of ${ties.length} pixels: the first in reading order takes the whole gradient, as in PyTorch` : "";
  return `${name} = ${inner} = ${fmt(best.value, 3)}, ${won}${tie}.`;
}
function meanWords(cells, mean, name, k) {
  const padded = cells.filter((cell) => !cell.inside).length;
  const note = padded ? `; the ${padded} padding cells count as 0` : "";
  if (cells.length <= LISTED) {
    return `${name} = (${cells.map((cell) => value(cell, "avg")).join(" + ")}) / ${k * k} = ${fmt(mean, 3)}${note}; each pixel of the window gets 1/${k * k} of its gradient.`;
  }
  return `${name} = (sum of the ${cells.length} cells of its window) / ${k * k} = ${fmt(mean * k * k, 4)} / ${k * k} = ${fmt(mean, 3)}${note}; each pixel of the window gets 1/${k * k} of its gradient.`;
}
function describe(X, pooled, settings, [i, j]) {
  const cells = windowCells(X, i, j, settings);
  const name = `Y[${i},${j}]`;
  if (settings.mode === "max") return maxWords(cells, winnerOf(cells), name);
  return meanWords(cells, pooled.Y[i][j], name, settings.window);
}
function sizeWords(X, { window: k, stride: s, padding: p }) {
  const axis = (n) => `\u230A(${n} + 2\xB7${p} \u2212 ${k}) / ${s}\u230B + 1 = ${outputSize(n, k, s, p)}`;
  const [h, w] = [X.length, X[0].length];
  return h === w ? `Output ${outputSize(h, k, s, p)} \xD7 ${outputSize(w, k, s, p)}: ${axis(h)} per side.` : `Output ${outputSize(h, k, s, p)} \xD7 ${outputSize(w, k, s, p)}: rows ${axis(h)}, columns ${axis(w)}.`;
}
function gradientWords(G, mode) {
  const reached = G.flat().filter((g) => g !== 0).length;
  const most = Math.max(...G.flat());
  const total = G.length * G[0].length;
  if (mode === "max") {
    return `${reached} of the ${total} pixels won a max and get a gradient; the others get 0. The most any pixel won: ${most}.`;
  }
  return `${reached} of the ${total} pixels lie in a window and get a gradient, up to ${fmt(most, 3)}.`;
}

// src/convbook/widgets/pooling_explorer.js
var TRAITS = ["image_name", "mode", "window", "stride", "padding"];
var HINT = "Hover over an output cell, or focus it and use the arrow keys, to see its window and what made it.";
var CLEARS = /* @__PURE__ */ new Set(["dragged", "chosen", "python"]);
var fromTraits = (v) => ({ imageName: v.image_name, mode: v.mode, window: v.window, stride: v.stride, padding: v.padding });
var settingsOf = (s) => ({ mode: s.mode, window: s.window, stride: s.stride, padding: s.padding });
function ruleOf(name, s, ranges) {
  const high = name === "padding" ? Math.min(ranges.padding.max, Math.floor(s.window / 2)) : ranges[name].max;
  return { low: ranges[name].min, high, whole: true };
}
var last = { key: "", view: null };
function viewOf(s, images) {
  const key = JSON.stringify([s.imageName, settingsOf(s)]);
  if (key !== last.key) {
    const X = images[s.imageName];
    const settings = settingsOf(s);
    const pooled = pool(X, settings);
    last = { key, view: { X, settings, pooled, G: gradientOfSum(X, settings, pooled) } };
  }
  return last.view;
}
function showControls(ui, s, ranges, typing) {
  ui.imageSelect.value = s.imageName;
  ui.modeSelect.value = s.mode;
  for (const name of SETTINGS) {
    const { input, box } = ui.settings[name];
    if (name === "padding") input.max = String(ruleOf("padding", s, ranges).high);
    setSlider(input, s[name], `${name} ${s[name]}`);
    if (name !== typing) box.set(s[name]);
  }
}
function render({ model, el: root }) {
  const ranges = model.get("ranges");
  const images = model.get("images");
  const py = bridge(model, TRAITS, (v) => store.set({ ...fromTraits(v), at: null }, "python"));
  const store = createStore({ ...fromTraits(py.read()), at: null });
  const act = actions(store, py, ranges);
  const ui = layout(ranges, Object.keys(images), act);
  root.replaceChildren(ui.box);
  const cursor = {
    shape: () => {
      const { Y } = viewOf(store.get(), images).pooled;
      return [Y.length, Y[0].length];
    },
    at: () => store.get().at,
    move: (at) => store.set({ at }, "cursor"),
    leave: () => store.set({ at: null }, "cursor")
  };
  const panels = pictures(ui.panels, cursor);
  function draw() {
    const s = store.get();
    const view = viewOf(s, images);
    panels.draw({ ...view, at: s.at, colours: themeColours(ui.box) });
    ui.shape.textContent = sizeWords(view.X, view.settings);
    ui.hover.textContent = s.at ? describe(view.X, view.pooled, view.settings, s.at) : HINT;
    ui.gradient.textContent = gradientWords(view.G, s.mode);
  }
  store.subscribe((s, changed, cause) => {
    if (CLEARS.has(cause)) ui.problem.textContent = "";
    if (cause !== "cursor") showControls(ui, s, ranges, cause === "typed" ? act.typing : null);
    draw();
    if (cause === "chosen") act.save();
  });
  const unfollow = followTheme(ui.box, draw);
  showControls(ui, store.get(), ranges, null);
  draw();
  return () => [unfollow, py.dispose, panels.dispose].forEach((f) => f());
}
function actions(store, py, ranges) {
  const act = {
    typing: null,
    rule: (name) => ruleOf(name, store.get(), ranges),
    value(name, v, how) {
      const patch = { [name]: v, at: null };
      if (name === "window") patch.padding = Math.min(store.get().padding, Math.floor(v / 2));
      act.typing = how === "typed" ? name : null;
      store.set(patch, how);
      act.typing = null;
    },
    choose: (patch) => store.set({ ...patch, at: null }, "chosen"),
    save() {
      const s = store.get();
      py.save({ image_name: s.imageName, mode: s.mode, window: s.window, stride: s.stride, padding: s.padding });
    }
  };
  return act;
}
var pooling_explorer_default = { render };
export {
  pooling_explorer_default as default
};
