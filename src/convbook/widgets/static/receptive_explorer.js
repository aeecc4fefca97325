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

// src/convbook/widgets/receptive_controls.js
var SETTINGS = ["kernel", "stride", "padding", "dilation"];
var KINDS = [["conv", "convolution"], ["pool", "pooling"]];
function refusalSpan() {
  const node = el("span", "cb-refusal");
  node.id = uniqueId("cb-rf-refusal");
  node.setAttribute("aria-live", "polite");
  return node;
}
function choice(text, className, names) {
  const select = el("select", className);
  options(select, names);
  const words = refusalSpan();
  select.setAttribute("aria-describedby", words.id);
  const control = labelled(text, select);
  control.append(words);
  return { select, words, control };
}
function layerRow(l, ranges, on) {
  const row = el("fieldset", "cb-layer");
  row.append(el("legend", "", `Layer ${l}`));
  const kind = choice("Kind", `cb-kind cb-kind-${l}`, KINDS);
  kind.select.addEventListener("change", () => on.kind(l, kind.select.value));
  const boxes = {};
  const labels = {};
  row.append(kind.control);
  for (const name of SETTINGS) {
    const said = (error, kept) => `Layer ${l} ${on.label(l, name)}: ${error} It stays ${kept}.`;
    const box = numberBox({
      label: `layer ${l} ${name}`,
      rule: () => on.rule(l, name),
      value: 1,
      words: said,
      className: `cb-value cb-${name}-${l}`,
      onValue: (v) => on.setting(l, name, v, box),
      onLeave: () => on.leave(l, name)
    });
    labels[name] = el("span", "", name);
    const control = el("label", "cb-control");
    control.append(labels[name], box.node);
    boxes[name] = { box, control };
    row.append(control);
  }
  return { row, kind, boxes, labels };
}
function layout(ranges, presets, on) {
  const ui = { layers: [] };
  ui.stack = choice("Stack", "cb-stack", [["", "choose a stack\u2026"], ...presets]);
  ui.stack.select.addEventListener("change", () => ui.stack.select.value && on.preset(ui.stack.select.value));
  const counts = [];
  for (let c = ranges.layers.min; c <= ranges.layers.max; c++) counts.push([String(c), String(c)]);
  ui.count = choice("Layers", "cb-count", counts);
  ui.count.select.addEventListener("change", () => on.count(Number(ui.count.select.value)));
  const said = (error, kept) => `Input size: ${error} It stays ${kept}.`;
  ui.input = numberBox({
    label: "input size, cells",
    rule: () => on.rule(0, "input_size"),
    value: ranges.input_size.start,
    words: said,
    className: "cb-value cb-input-size",
    onValue: (v) => on.inputSize(v, ui.input),
    onLeave: () => on.leave(0)
  });
  const inputControl = el("label", "cb-control");
  inputControl.append(el("span", "", "Input size"), ui.input.node);
  const top = el("div", "cb-row");
  top.append(ui.stack.control, ui.count.control, inputControl);
  const rows = el("div", "cb-layers");
  for (let l = 1; l <= ranges.layers.max; l++) {
    ui.layers[l] = layerRow(l, ranges, on);
    rows.append(ui.layers[l].row);
  }
  ui.strips = el("div", "cb-strips");
  ui.hover = el("p", "cb-hover");
  ui.hover.setAttribute("aria-live", "polite");
  ui.steps = el("ol", "cb-steps");
  ui.box = el("div", "cb-widget cb-rf");
  ui.box.append(top, rows, ui.strips, ui.hover, el("p", "cb-steps-title", "The recurrence, layer by layer (r\u2080 = j\u2080 = 1, start\u2080 = 0):"), ui.steps);
  return ui;
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

// src/convbook/widgets/receptive_math.js
var spanOf = (L) => L.dilation * (L.kernel - 1) + 1;
var outputSize = (n, L) => Math.floor((n + 2 * L.padding - spanOf(L)) / L.stride) + 1;
function layerTable(layers, inputSize) {
  const rows = [{ size: inputSize, r: 1, j: 1, start: 0, span: 1 }];
  for (let l = 0; l < layers.length; l++) {
    const L = layers[l];
    const below = rows[rows.length - 1];
    const size = outputSize(below.size, L);
    if (size < 1) return { rows, misfit: l + 1 };
    rows.push({
      size,
      r: below.r + (spanOf(L) - 1) * below.j,
      j: below.j * L.stride,
      start: below.start - L.padding * below.j,
      span: spanOf(L)
    });
  }
  return { rows, misfit: 0 };
}
function fieldCells(layers, sizes, layer, index) {
  const cells = new Array(layer + 1);
  cells[layer] = [index];
  for (let m = layer; m > 0; m--) {
    const L = layers[m - 1];
    const reached = /* @__PURE__ */ new Set();
    for (const i of cells[m]) {
      for (let t = 0; t < L.kernel; t++) {
        const c = i * L.stride - L.padding + t * L.dilation;
        if (c >= 0 && c < sizes[m - 1]) reached.add(c);
      }
    }
    cells[m - 1] = [...reached].sort((a, b) => a - b);
  }
  return cells;
}
function formulaInterval(row, index) {
  const first = index * row.j + row.start;
  return [first, first + row.r - 1];
}
function runs(cells) {
  const out = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

// src/convbook/widgets/receptive_words.js
var SUB = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089";
var sub = (n) => String(n).split("").map((d) => SUB[Number(d)]).join("");
var signed = (v) => v < 0 ? `\u2212${-v}` : String(v);
var count = (n, what = "cell") => `${n} ${what}${n === 1 ? "" : "s"}`;
var mapName = (m) => m === 0 ? "the input" : `layer ${m}`;
function layerName(L) {
  const base = `${L.kind} ${L.kernel}, stride ${L.stride}, padding ${L.padding}`;
  return L.kind === "pool" ? base : `${base}, dilation ${L.dilation}`;
}
function stepWords(layers, rows, l) {
  const L = layers[l - 1];
  const [below, row] = [rows[l - 1], rows[l]];
  const k = L.kind === "pool" ? "window" : "kernel";
  const keff = L.dilation === 1 ? `k_eff = ${L.kernel}` : `k_eff = ${L.dilation}\xB7(${L.kernel} \u2212 1) + 1 = ${spanOf(L)}`;
  return `Layer ${l} (${layerName(L)}): its ${k} spans ${keff} cells of ${mapName(l - 1)}, which are j${sub(l - 1)} = ${count(below.j, "input cell")} apart, so r${sub(l)} = r${sub(l - 1)} + (k_eff \u2212 1)\xB7j${sub(l - 1)} = ${below.r} + ${spanOf(L) - 1}\xB7${below.j} = ${count(row.r, "input cell")}; neighbours are j${sub(l)} = j${sub(l - 1)}\xB7s = ${below.j}\xB7${L.stride} = ${count(row.j, "input cell")} apart; cell 0's field starts at start${sub(l)} = start${sub(l - 1)} \u2212 p\xB7j${sub(l - 1)} = ${signed(below.start)} \u2212 ${L.padding}\xB7${below.j} = ${signed(row.start)}; it has \u230A(${below.size} + 2\xB7${L.padding} \u2212 ${spanOf(L)}) / ${L.stride}\u230B + 1 = ${count(row.size)}.`;
}
function cellWords(cells) {
  if (!cells.length) return "no cell (its windows reach only padding)";
  const parts = runs(cells).map(([a, b]) => a === b ? `${a}` : `${a}\u2013${b}`);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  const holes = parts.length > 1 ? ", with holes" : "";
  return `${cells.length === 1 ? "cell" : "cells"} ${list} (${cells.length} of them${holes})`;
}
function fieldWords(rows, cells, layer, index) {
  if (layer === 0) return `Input cell ${index} is itself: hover over a cell of a layer above to see what it depends on.`;
  const below = [];
  for (let m = layer - 1; m >= 0; m--) below.push(`in ${mapName(m)}, ${cellWords(cells[m])}`);
  const [first, last] = formulaInterval(rows[layer], index);
  const row = rows[layer];
  const input = cells[0];
  const clipped = input.length && input[0] === first && input[input.length - 1] === last ? "exactly that interval's ends" : "that interval cut short by the padding or by cells no window reads";
  return `Layer ${layer}, cell ${index} depends on: ${below.join("; ")}. The formula puts its field at input cells ${index}\xB7j${sub(layer)} + start${sub(layer)} = ${index}\xB7${row.j} + (${signed(row.start)}) = ${signed(first)} to ${signed(first)} + r${sub(layer)} \u2212 1 = ${signed(last)}; the field reaches ${clipped}.`;
}
function misfitWords(layers, rows, misfit) {
  const L = layers[misfit - 1];
  const n = rows[misfit - 1].size;
  return `No output fits: layer ${misfit}'s window spans ${spanOf(L)} cells, more than the ${n} cells of ${mapName(misfit - 1)} with ${L.padding} of padding at each end (${n + 2 * L.padding}).`;
}

// src/convbook/widgets/receptive_draw.js
var UNIT = 12;
var HIGH = 22;
function placement(row) {
  return { left: row.start + (row.r - 1) / 2 + 0.5 - row.j / 2, width: row.j };
}
function paint(canvas, size, width, lit, hovered, colours) {
  const ratio = window.devicePixelRatio || 1;
  const cell = width * UNIT * ratio;
  canvas.width = Math.max(1, Math.round(size * cell));
  canvas.height = Math.round(HIGH * ratio);
  const ctx = canvas.getContext("2d");
  const gap = Math.min(2 * ratio, cell / 4);
  for (let i = 0; i < size; i++) {
    const on = lit.has(i);
    ctx.globalAlpha = on || i === hovered ? 1 : 0.3;
    ctx.fillStyle = i === hovered ? colours.text : on ? colours.accent : colours.muted;
    ctx.fillRect(i * cell + gap / 2, 0, cell - gap, canvas.height);
  }
  ctx.globalAlpha = 1;
}
function strips(node, most, cursor) {
  const maps = [];
  for (let m = most; m >= 0; m--) {
    const canvas = el("canvas", `cb-strip cb-strip-${m}`);
    canvas.setAttribute("role", "img");
    canvas.style.height = `${HIGH}px`;
    const label = el("p", "cb-strip-label");
    const wrap = el("div", "cb-map");
    wrap.append(label, canvas);
    node.append(wrap);
    maps[m] = { canvas, label, wrap, untrack: cellCursor(canvas, cursor(m)) };
  }
  return {
    /** Draw the maps of `rows` (layerTable's), lighting `cells` (fieldCells' answer) under `at`. */
    draw({ layers, rows, cells, at, colours }) {
      const places = rows.map(placement);
      const lo = Math.min(...places.map((p) => p.left));
      const hi = Math.max(...places.map((p, m) => p.left + rows[m].size * p.width));
      maps.forEach((map, m) => {
        map.wrap.hidden = m >= rows.length;
        if (map.wrap.hidden) return;
        const { size, r, j } = rows[m];
        const lit = new Set(at && m <= at.layer ? cells[m] : []);
        const hovered = at && at.layer === m ? at.index : -1;
        paint(map.canvas, size, places[m].width, lit, hovered, colours);
        map.canvas.style.marginLeft = `${(places[m].left - lo) / (hi - lo) * 100}%`;
        map.canvas.style.width = `${size * places[m].width / (hi - lo) * 100}%`;
        map.canvas.dataset.cells = String(size);
        map.canvas.dataset.lit = [...lit].sort((a, b) => a - b).join(",");
        const name = m === 0 ? `Input, ${count(size)}` : `Layer ${m}, ${layerName(layers[m - 1])}: ${count(size)}, field r = ${r}, jump j = ${j}`;
        map.label.textContent = name;
        map.canvas.setAttribute("aria-label", `${name}. Focus and use the arrow keys, Home and End to move from cell to cell.`);
      });
    },
    dispose: () => maps.forEach((map) => map.untrack())
  };
}

// src/convbook/widgets/receptive_explorer.js
var TRAITS = ["layers", "input_size"];
var HINT = "Hover over a cell of a layer, or focus a strip and use the arrow keys, to light the cells it depends on below.";
var fromTraits = (v) => ({ layers: v.layers, inputSize: v.input_size });
function showControls(ui, s, typing) {
  ui.count.select.value = String(s.layers.length);
  if (typing !== ui.input) ui.input.set(s.inputSize);
  ui.layers.forEach((row, l) => {
    if (!row) return;
    const L = s.layers[l - 1];
    row.row.hidden = !L;
    if (!L) return;
    row.kind.select.value = L.kind;
    row.labels.kernel.textContent = L.kind === "pool" ? "window" : "kernel";
    row.boxes.dilation.control.hidden = L.kind === "pool";
    for (const name of SETTINGS) if (row.boxes[name].box !== typing) row.boxes[name].box.set(L[name]);
  });
}
function draw(ui, view, s) {
  const { rows } = layerTable(s.layers, s.inputSize);
  const at = s.at && s.at.layer < rows.length && s.at.index < rows[s.at.layer].size ? s.at : null;
  const cells = at ? fieldCells(s.layers, rows.map((r) => r.size), at.layer, at.index) : [];
  view.draw({ layers: s.layers, rows, cells, at, colours: themeColours(ui.box) });
  ui.hover.textContent = at ? fieldWords(rows, cells, at.layer, at.index) : HINT;
  ui.steps.replaceChildren(...s.layers.map((_, l) => Object.assign(document.createElement("li"), { textContent: stepWords(s.layers, rows, l + 1) })));
}
function render({ model, el: root }) {
  const ranges = model.get("ranges");
  const py = bridge(model, TRAITS, (v) => store.set({ ...fromTraits(v), at: null }, "python"));
  const store = createStore({ ...fromTraits(py.read()), at: null });
  const act = actions(store, py, ranges, model.get("presets"));
  const ui = layout(ranges, Object.keys(model.get("presets")), act);
  act.ui = ui;
  root.replaceChildren(ui.box);
  const cursor = (m) => ({
    shape: () => [1, layerTable(store.get().layers, store.get().inputSize).rows[m]?.size ?? 1],
    at: () => {
      const { at } = store.get();
      return at && at.layer === m ? [0, at.index] : null;
    },
    move: ([, index]) => store.set({ at: { layer: m, index } }, "cursor"),
    leave: () => store.set({ at: null }, "cursor")
  });
  const view = strips(ui.strips, ranges.layers.max, cursor);
  store.subscribe((s, changed, cause) => {
    if (cause !== "cursor") {
      ui.box.querySelectorAll(".cb-refusal").forEach((n) => {
        if (!act.keep.has(n)) n.textContent = "";
      });
      showControls(ui, s, cause === "typed" ? act.typing : null);
    }
    draw(ui, view, s);
    if (cause === "chosen") act.save();
  });
  const unfollow = followTheme(ui.box, () => draw(ui, view, store.get()));
  showControls(ui, store.get(), null);
  draw(ui, view, store.get());
  return () => [unfollow, py.dispose, view.dispose].forEach((f) => f());
}
function fits(layers, inputSize, words, [head, tail]) {
  const { rows, misfit } = layerTable(layers, inputSize);
  if (!misfit) return true;
  words.textContent = `${head}: ${misfitWords(layers, rows, misfit)}${tail ? ` ${tail}` : ""}`;
  return false;
}
function actions(store, py, ranges, presets) {
  const act = {
    typing: null,
    keep: /* @__PURE__ */ new Set(),
    ui: null,
    label: (l, name) => name === "kernel" && store.get().layers[l - 1]?.kind === "pool" ? "window" : name,
    rule(l, name) {
      if (name === "input_size") return { low: ranges.input_size.min, high: ranges.input_size.max, whole: true };
      const L = store.get().layers[l - 1];
      const high = name === "padding" && L?.kind === "pool" ? Math.min(ranges.padding.max, Math.floor(L.kernel / 2)) : ranges[name].max;
      return { low: ranges[name].min, high, whole: true };
    },
    change(patch, how, words, head, typing = null) {
      const next = { ...store.get(), ...patch };
      act.keep = /* @__PURE__ */ new Set();
      if (!fits(next.layers, next.inputSize, words, head)) {
        if (typing) typing.input.setAttribute("aria-invalid", "true");
        act.keep.add(words);
        showControls(act.ui, store.get(), typing);
        return;
      }
      act.typing = typing;
      store.set({ ...patch, at: null }, how);
      act.typing = null;
    },
    setting(l, name, v, box) {
      const layers = store.get().layers.map((L2) => ({ ...L2 }));
      layers[l - 1][name] = v;
      const L = layers[l - 1];
      if (L.kind === "pool") L.padding = Math.min(L.padding, Math.floor(L.kernel / 2));
      const kept = store.get().layers[l - 1][name];
      act.change({ layers }, "typed", box.message, [`Layer ${l} ${act.label(l, name)} ${v} is refused`, `It stays ${kept}.`], box);
    },
    inputSize: (v, box) => act.change(
      { inputSize: v },
      "typed",
      box.message,
      [`Input size ${v} is refused`, `It stays ${store.get().inputSize}.`],
      box
    ),
    kind(l, kind) {
      const layers = store.get().layers.map((L2) => ({ ...L2 }));
      const L = Object.assign(layers[l - 1], { kind });
      if (kind === "pool") Object.assign(L, { dilation: 1, padding: Math.min(L.padding, Math.floor(L.kernel / 2)) });
      act.change({ layers }, "chosen", act.ui.layers[l].kind.words, [`Layer ${l} as ${kind === "pool" ? "pooling" : "a convolution"} is refused`, "It stays as it was."]);
    },
    count(c) {
      const layers = store.get().layers.slice(0, c);
      while (layers.length < c) layers.push({ kind: "conv", kernel: 3, stride: 1, padding: 1, dilation: 1 });
      act.change({ layers }, "chosen", act.ui.count.words, [`${c} layers are refused`, `It stays ${store.get().layers.length}.`]);
    },
    preset(name) {
      const p = presets[name];
      act.change({ layers: p.layers, inputSize: p.input_size }, "chosen", act.ui.stack.words, [`${name} is refused`, ""]);
      act.ui.stack.select.value = "";
    },
    leave() {
      showControls(act.ui, store.get(), null);
      act.save();
    },
    save() {
      const s = store.get();
      py.save({ layers: s.layers, input_size: s.inputSize });
    }
  };
  return act;
}
var receptive_explorer_default = { render };
export {
  receptive_explorer_default as default
};
