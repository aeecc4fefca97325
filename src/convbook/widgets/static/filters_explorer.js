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
  const strip = hidpiCanvas(120, 12, label);
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
function panel(id, title) {
  const node = el("div", "cb-panel");
  const name = el("p", "cb-panel-title", title);
  name.id = id;
  node.setAttribute("role", "group");
  node.setAttribute("aria-labelledby", id);
  node.append(name);
  return node;
}
function buildView(data) {
  const { snapshots, image, last, k } = data;
  const v = { epoch: slider({ min: 0, max: last }, "epoch", "cb-epoch"), shown: el("output") };
  v.label = labelled("epoch", v.epoch);
  v.label.append(v.shown);
  v.words = el("p", "cb-status");
  v.words.setAttribute("aria-live", "polite");
  v.filterCanvases = snapshots[0].map(() => hidpiCanvas(k * FILTER_CELL, k * FILTER_CELL, "filter"));
  const filterGrid = el("div", "cb-grid");
  filterGrid.append(...v.filterCanvases.map((c, n) => figure(c, `${n + 1}`)));
  const filterPanel = panel(uniqueId("cb-fx-filters"), "First-layer filters");
  filterPanel.append(filterGrid, keyFor(-data.bound, data.bound, "filter entry, one scale for every epoch"));
  const mapSize = [image.length - k + 1, image[0].length - k + 1];
  v.mapCell = Math.max(2, Math.floor(MAP_ROOM / Math.max(...mapSize)));
  const digitCell = Math.max(2, Math.floor(DIGIT_ROOM / Math.max(image.length, image[0].length)));
  const digit = hidpiCanvas(
    image[0].length * digitCell,
    image.length * digitCell,
    `the input digit, ${image.length} by ${image[0].length} pixels, in grey: ink white, paper black`
  );
  greyMap(digit.getContext("2d"), image, digitCell);
  v.mapCanvases = snapshots[0].map(() => hidpiCanvas(mapSize[1] * v.mapCell, mapSize[0] * v.mapCell, "map"));
  const mapGrid = el("div", "cb-grid");
  mapGrid.append(...v.mapCanvases.map((c, n) => figure(c, `${n + 1}`)));
  v.mapKey = el("div");
  const digitFigure = figure(digit, `input (${image.length} \xD7 ${image[0].length})`);
  digitFigure.classList.add("cb-digit");
  const mapRow = el("div", "cb-maps");
  mapRow.append(digitFigure, mapGrid);
  const mapPanel = panel(uniqueId("cb-fx-maps"), "Their feature maps of one digit (before the ReLU)");
  mapPanel.append(mapRow, v.mapKey);
  v.details = el("details");
  [v.summary, v.values] = [el("summary"), el("pre", "cb-values")];
  v.details.append(v.summary, v.values);
  v.controls = el("div", "cb-row");
  v.controls.append(v.label);
  v.box = el("div", "cb-widget cb-fx");
  v.box.append(v.controls, v.words, filterPanel, mapPanel, v.details);
  return v;
}
function draw(v, data, epoch) {
  const { snapshots, biases, losses, accuracies, image, last, k, bound } = data;
  const filters = snapshots[epoch];
  setSlider(v.epoch, epoch, epoch ? `epoch ${epoch} of ${last}` : `epoch 0 of ${last}, the random start`);
  v.shown.textContent = `${epoch} of ${last}`;
  v.words.textContent = status(epoch, losses, accuracies);
  filters.forEach((K, n) => {
    heatmap(v.filterCanvases[n].getContext("2d"), K, FILTER_CELL, -bound, bound);
    const entries = K.map((row) => row.map((x) => fmt(x, 2)).join(", ")).join("; ");
    v.filterCanvases[n].setAttribute("aria-label", `filter ${n + 1}, ${k} by ${k}, rows: ${entries}`);
  });
  const maps = featureMaps(image, filters, biases[epoch]);
  const [low, high] = range(...maps);
  const mapBound = Math.max(Math.abs(low), Math.abs(high)) || 1;
  maps.forEach((M, n) => {
    const [lo, hi] = range(M);
    const c = v.mapCanvases[n];
    heatmap(c.getContext("2d"), M, v.mapCell, -mapBound, mapBound);
    c.setAttribute("aria-label", `feature map ${n + 1}, ${M.length} by ${M[0].length}, from ${fmt(lo)} to ${fmt(hi)}`);
    c.dataset.low = String(lo);
    c.dataset.high = String(hi);
  });
  v.mapKey.replaceChildren(keyFor(-mapBound, mapBound, "map value, this epoch's scale"));
  v.summary.textContent = `Filter values after epoch ${epoch}`;
  v.values.textContent = table2(filters);
}
function readData(model) {
  const snapshots = model.get("snapshots");
  return {
    snapshots,
    biases: model.get("bias_snapshots"),
    losses: model.get("losses"),
    accuracies: model.get("accuracies"),
    image: model.get("image"),
    last: snapshots.length - 1,
    k: snapshots[0][0].length,
    bound: Math.max(...snapshots.flat(3).map(Math.abs)) || 1
    // one scale for every epoch
  };
}
function makePlayer(store, last, speed, onChange) {
  let rewound = false;
  return createPlayer({
    speed,
    onChange,
    atEnd: () => store.get().epoch >= last,
    rewind: () => {
      rewound = true;
    },
    // the next step shows epoch 0
    step: () => {
      const epoch = rewound ? 0 : Math.min(last, store.get().epoch + 1);
      rewound = false;
      store.set({ epoch }, "player");
      return epoch < last;
    }
  });
}
function render({ model, el: root }) {
  const data = readData(model);
  const v = buildView(data);
  root.replaceChildren(v.box);
  const within = (epoch) => Math.min(data.last, Math.max(0, epoch));
  const store = createStore({ epoch: within(model.get("epoch")) });
  const link = bridge(model, ["epoch"], ({ epoch }) => store.set({ epoch: within(epoch) }, "python"));
  const speeds = model.get("speed_range");
  let buttons = null;
  const show = () => {
    buttons?.update({ last: store.get().epoch >= data.last });
    v.words.setAttribute("aria-live", player.playing ? "off" : "polite");
  };
  const player = makePlayer(store, data.last, speeds.start, show);
  buttons = playerControls(player, { speedRange: speeds, unit: "epochs" });
  v.controls.append(...buttons.row.children);
  const unsubscribe = store.subscribe((state, changed, cause) => {
    if (cause !== "player") player.pause();
    draw(v, data, state.epoch);
    show();
  });
  v.epoch.addEventListener("input", () => store.set({ epoch: Number(v.epoch.value) }, "dragged"));
  v.epoch.addEventListener("change", () => link.save({ epoch: store.get().epoch }));
  const unfollow = followTheme(v.box);
  draw(v, data, store.get().epoch);
  show();
  return () => {
    player.dispose();
    [unsubscribe, unfollow, link.dispose].forEach((f) => f());
  };
}
var filters_explorer_default = { render };
export {
  filters_explorer_default as default,
  featureMaps,
  status
};
