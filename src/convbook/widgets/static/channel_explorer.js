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
function heatmap(ctx, M, cell, low, high, outline2 = null, scale = colourScale(low, high)) {
  const [ch, cw] = Array.isArray(cell) ? cell : [cell, cell];
  ctx.clearRect(0, 0, M[0].length * cw, M.length * ch);
  if (ch === cw && cw >= 24) cellsWithValues(ctx, M, cw, scale);
  else pixels(ctx, M, ch, cw, scale);
  if (outline2) {
    const [top, left, h, w] = outline2;
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
var DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
function parseEntry(text, largest) {
  let written = String(text).trim().replace("\u2212", "-");
  if (!written.includes(".")) written = written.replace(",", ".");
  if (written === "") return { error: "is empty" };
  if (!DECIMAL.test(written)) return { error: "is not a number" };
  const value = Number(written);
  if (!(Math.abs(value) <= largest)) return { error: `is outside \u2212${largest} to ${largest}` };
  return { value: value === 0 ? 0 : value };
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
var widgets = 0;
function short(v) {
  return String(Number(v.toFixed(4)));
}
function same(a, b) {
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
  const picture = canvas(cols * CELL, rows * CELL, label);
  node.append(picture, el("figcaption", "", caption));
  return { node, picture };
}
function labelled(text, control) {
  const node = el("label", "cb-control");
  node.append(el("span", "", text), control);
  return node;
}
function options(select, entries, current) {
  select.replaceChildren(...entries.map(([value, text]) => new Option(text, value, false, value === current)));
}
function numberBox(label, value, largest, message, onValue) {
  const input = el("input", "cb-entry");
  Object.assign(input, { type: "text", value: String(value), spellcheck: false, autocomplete: "off" });
  input.setAttribute("aria-label", label);
  input.setAttribute("aria-describedby", message.id);
  let kept = value;
  input.keep = (v) => {
    kept = v;
    input.value = String(v);
    input.removeAttribute("aria-invalid");
    message.textContent = "";
  };
  input.addEventListener("input", () => {
    const { value: typed, error } = parseEntry(input.value, largest);
    if (error === void 0) {
      kept = typed;
      input.removeAttribute("aria-invalid");
      message.textContent = "";
      onValue(typed);
      return;
    }
    input.setAttribute("aria-invalid", "true");
    const typedText = input.value.trim();
    const shown = typedText.length > 16 ? `${typedText.slice(0, 16)}\u2026` : typedText;
    message.textContent = `${label}: "${shown}" ${error}; kept ${String(kept)}.`;
  });
  input.addEventListener("change", () => {
    if (input.getAttribute("aria-invalid") !== "true") return;
    input.value = String(kept);
    input.removeAttribute("aria-invalid");
  });
  return input;
}
function render({ model, el: root }) {
  const id = `cb-cx-${++widgets}`;
  const X = model.get("photo_rows");
  const names = model.get("channel_names");
  const presets = model.get("presets");
  const combinations = model.get("combinations");
  const sizes = model.get("sizes");
  const largest = model.get("largest_entry");
  const [h, w] = [X[0].length, X[0][0].length];
  let state = { kernels: model.get("kernel_rows"), bias: model.get("bias") };
  let hover = null;
  const sizeSelect = el("select", "cb-size");
  options(sizeSelect, sizes.map((k) => [String(k), `${k} \xD7 ${k}`]));
  const allSelect = el("select", "cb-all");
  const controls = el("div", "cb-row");
  controls.append(labelled("Kernel size", sizeSelect), labelled("All channels", allSelect));
  const photo = figure(h, w, `the photo in colour, ${h} by ${w} pixels`, `photo, RGB (${h} \xD7 ${w})`);
  const bar = el("div", "cb-bar");
  const barEnds = el("div", "cb-bar-ends");
  const scaleBox = el("div", "cb-scale");
  scaleBox.append(el("p", "cb-scale-title", "The maps and the sum share one scale: blue below zero, white at zero, red above. Channels in grey: black 0, white 1."), bar, barEnds);
  const top = el("div", "cb-row cb-top");
  top.append(photo.node, scaleBox);
  const channelRows = names.map((name, c) => {
    const message = el("p", "cb-refusal");
    message.id = `${id}-refusal-${c}`;
    message.setAttribute("aria-live", "polite");
    const preset = el("select", "cb-preset");
    preset.dataset.channel = String(c);
    preset.setAttribute("aria-label", `preset for the ${name} kernel`);
    const grid = el("div", "cb-grid");
    grid.dataset.channel = String(c);
    const kernel = el("div", "cb-kernel");
    kernel.append(el("span", "cb-kernel-title", `kernel on ${name}`), preset, grid, message);
    const row = el("div", "cb-channel");
    row.dataset.channel = String(c);
    return { name, message, preset, grid, kernel, row, input: null, map: null };
  });
  const biasMessage = el("p", "cb-refusal");
  biasMessage.id = `${id}-refusal-bias`;
  biasMessage.setAttribute("aria-live", "polite");
  const biasBox = numberBox("bias", state.bias, largest, biasMessage, (value) => {
    state = { ...state, bias: value };
    update();
    sync();
  });
  biasBox.classList.add("cb-bias");
  const sumWords = el("div", "cb-sum-words");
  sumWords.append(`${names.map((name) => `${name} map`).join(" + ")} + `, labelled("bias", biasBox), " =");
  const sumRow = el("div", "cb-channel cb-sum-row");
  const sumBox = el("div", "cb-kernel");
  sumBox.append(sumWords, biasMessage);
  const writeOut = el("p", "cb-write-out");
  writeOut.setAttribute("aria-live", "polite");
  const details = el("details");
  const valuesTitle = el("summary");
  const values = el("pre", "cb-values");
  details.append(valuesTitle, values);
  const box = el("div", "cb-cx");
  box.append(controls, top, ...channelRows.map(({ row }) => row), sumRow, writeOut, details);
  root.replaceChildren(box);
  function sync() {
    save(model, { kernel_rows: state.kernels, bias: state.bias });
  }
  function setKernels(kernels) {
    state = { ...state, kernels };
    hover = null;
    build();
    update();
    sync();
  }
  function presetEntries(k) {
    return [["", "(as edited)"], ...Object.keys(presets).map((name) => {
      const size = presets[name].length;
      return [name, size > k ? `${name} (${size} \xD7 ${size}: enlarges all)` : name];
    })];
  }
  function matching(choices, kernels, k) {
    const found = Object.entries(choices).find(([, K]) => same(centred(K, k), kernels));
    return found ? found[0] : "";
  }
  function showChoices() {
    const k = state.kernels[0].length;
    sizeSelect.value = String(k);
    const allMatch = Object.entries(combinations).find(([, Ks]) => Ks[0].length <= k && same(Ks.map((K) => centred(K, k)), state.kernels));
    const names2 = Object.keys(combinations).map((name) => [name, name]);
    options(allSelect, [["", "(as edited)"], ...names2], allMatch ? allMatch[0] : "");
    channelRows.forEach((row, c) => {
      options(row.preset, presetEntries(k), matching(presets, state.kernels[c], k));
    });
  }
  function build() {
    const k = state.kernels[0].length;
    const [mh, mw] = [h - k + 1, w - k + 1];
    channelRows.forEach((row, c) => {
      const { name, grid, message } = row;
      grid.style.gridTemplateColumns = `repeat(${k}, auto)`;
      message.textContent = "";
      grid.replaceChildren(...state.kernels[c].flatMap((entries, a) => entries.map((v, b) => {
        const input = numberBox(`${name} kernel, row ${a}, column ${b}`, v, largest, message, (value) => {
          const kernels = state.kernels.map((K, n) => n === c ? K.map((r, i) => r.map((x, j) => i === a && j === b ? value : x)) : K);
          state = { ...state, kernels };
          showChoices();
          update();
          sync();
        });
        input.dataset.row = String(a);
        input.dataset.col = String(b);
        return input;
      })));
      row.input = figure(h, w, `${name} channel of the photo in grey, ${h} by ${w}`, `${name} channel`);
      row.map = figure(mh, mw, `${name} map, ${mh} by ${mw}, red-blue`, `${name} map (${mh} \xD7 ${mw})`);
      const equation = el("div", "cb-equation");
      equation.append(row.input.node, el("span", "cb-op", "\u22C6 kernel ="), row.map.node);
      row.row.replaceChildren(row.kernel, equation);
    });
    const sum = figure(
      mh,
      mw,
      `sum plus bias, ${mh} by ${mw}, red-blue; focus it and use the arrow keys to write out one sum`,
      `sum plus bias (${mh} \xD7 ${mw})`
    );
    sum.node.classList.add("cb-sum");
    sumRow.replaceChildren(sumBox, sum.node);
    trackHover(sum.picture);
    showChoices();
  }
  let current = null;
  function update() {
    const k = state.kernels[0].length;
    const maps = channelMaps(X, state.kernels);
    const Y = sumPlusBias(maps, state.bias);
    current = { maps, Y };
    const bound = signedBound(...maps, Y);
    drawPhoto(photo.picture.getContext("2d"), X);
    channelRows.forEach((row, c) => {
      const channel = row.input.picture.getContext("2d");
      drawGrey(channel, X[c]);
      const map = row.map.picture.getContext("2d");
      heatmap(map, maps[c], CELL, -bound, bound);
      if (hover) {
        outline(channel, hover[0], hover[1], k, k);
        outline(map, hover[0], hover[1], 1, 1);
      }
    });
    const sum = sumRow.querySelector("canvas");
    const ctx = sum.getContext("2d");
    heatmap(ctx, Y, CELL, -bound, bound);
    if (hover) outline(ctx, hover[0], hover[1], 1, 1);
    sum.dataset.low = String(-bound);
    sum.dataset.high = String(bound);
    const { stops } = colourScale(-bound, bound);
    bar.style.background = `linear-gradient(to right, ${stops.join(", ")})`;
    barEnds.replaceChildren(...[-bound, 0, bound].map((v) => el("span", "", fmt(v, 3))));
    valuesTitle.textContent = `Sum plus bias, every value (${Y.length} \xD7 ${Y[0].length})`;
    values.textContent = Y.map((row) => row.map(short).join(" ")).join("\n");
    writeOut.textContent = hover ? describe(hover[0], hover[1]) : "Hover over the sum (or focus it and use the arrow keys) to see how the three maps and the bias add up.";
  }
  function describe(i, j) {
    const { maps, Y } = current;
    const term = (v) => v < 0 ? `(${fmt(v, 4)})` : fmt(v, 4);
    const parts = names.map((name, c) => `${name} ${term(maps[c][i][j])}`);
    return `Y[${i}, ${j}] = ${parts.join(" + ")} + bias ${term(state.bias)} = ${fmt(Y[i][j], 4)}`;
  }
  function moveTo(i, j) {
    const { Y } = current;
    const next = [Math.max(0, Math.min(Y.length - 1, i)), Math.max(0, Math.min(Y[0].length - 1, j))];
    if (hover && same(hover, next)) return;
    hover = next;
    update();
  }
  function trackHover(c) {
    c.tabIndex = 0;
    c.addEventListener("mousemove", (event) => {
      const rect = c.getBoundingClientRect();
      const scale = rect.width / (current.Y[0].length * CELL);
      moveTo(Math.floor((event.clientY - rect.top) / (CELL * scale)), Math.floor((event.clientX - rect.left) / (CELL * scale)));
    });
    c.addEventListener("focus", () => hover || moveTo(0, 0));
    c.addEventListener("keydown", (event) => {
      const steps = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (event.key === "Escape") c.blur();
      if (!(event.key in steps)) return;
      event.preventDefault();
      const [i, j] = hover || [0, 0];
      moveTo(i + steps[event.key][0], j + steps[event.key][1]);
    });
    for (const leave of ["mouseleave", "blur"]) {
      c.addEventListener(leave, () => {
        if (leave === "mouseleave" && document.activeElement === c) return;
        hover = null;
        update();
      });
    }
  }
  sizeSelect.addEventListener("change", () => {
    const k = Number(sizeSelect.value);
    setKernels(state.kernels.map((K) => centred(K, k)));
  });
  allSelect.addEventListener("change", () => {
    if (!allSelect.value) return;
    const chosen = combinations[allSelect.value];
    const k = Math.max(chosen[0].length, state.kernels[0].length);
    setKernels(chosen.map((K) => centred(K, k)));
  });
  channelRows.forEach(({ preset }, c) => {
    preset.addEventListener("change", () => {
      if (!preset.value) return;
      const chosen = presets[preset.value];
      const k = Math.max(chosen.length, state.kernels[0].length);
      setKernels(state.kernels.map((K, n) => centred(n === c ? chosen : K, k)));
    });
  });
  const fromPython = () => {
    const next = { kernels: model.get("kernel_rows"), bias: model.get("bias") };
    if (same(next, state)) return;
    const biasChanged = next.bias !== state.bias;
    state = next;
    if (biasChanged) biasBox.keep(state.bias);
    hover = null;
    build();
    update();
  };
  model.on("change:kernel_rows", fromPython);
  model.on("change:bias", fromPython);
  const unfollow = followTheme(box);
  build();
  update();
  return () => {
    unfollow();
    model.off("change:kernel_rows", fromPython);
    model.off("change:bias", fromPython);
  };
}
var channel_explorer_default = { render };
export {
  channel_explorer_default as default
};
