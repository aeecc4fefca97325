// The channel explorer: a colour photo, one kernel per channel (red, green, blue), the map each
// kernel makes of its channel, and their sum plus a bias: a convolutional layer with three input
// channels and one output channel. Everything is computed here in the browser.
import { canvas, colourScale, el, fmt, heatmap, save } from "./draw.js";
import { centred, channelMaps, parseEntry, signedBound, sumPlusBias } from "./channel_math.js";
import { followTheme } from "./kit/theme.js";

const CELL = 4; // one pixel of the photo, in CSS pixels
let widgets = 0; // numbers each widget's ids, so two widgets on a page never share one

/** Up to four decimals, never "-0": the values listed under the maps. */
function short(v) {
  return String(Number(v.toFixed(4)));
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- Drawing on canvases ----

function pixels(ctx, rows, cols, colourAt) {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      ctx.fillStyle = colourAt(i, j);
      ctx.fillRect(j * CELL, i * CELL, CELL, CELL);
    }
  }
}

const byte = (v) => Math.round(255 * Math.min(1, Math.max(0, v)));

function drawPhoto(ctx, X) {
  pixels(ctx, X[0].length, X[0][0].length, (i, j) => `rgb(${X.map((channel) => byte(channel[i][j])).join(",")})`);
}

function drawGrey(ctx, channel) {
  pixels(ctx, channel.length, channel[0].length, (i, j) => {
    const v = byte(channel[i][j]);
    return `rgb(${v},${v},${v})`;
  });
}

/** A box around rows i .. i + h - 1 and columns j .. j + w - 1: black outside, white inside. */
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

// ---- Controls ----

function labelled(text, control) {
  const node = el("label", "cb-control");
  node.append(el("span", "", text), control);
  return node;
}

function options(select, entries, current) {
  select.replaceChildren(...entries.map(([value, text]) => new Option(text, value, false, value === current)));
}

/**
 * A text box for one number. Typed text is checked by parseEntry: a refusal is written in
 * `message`, beside the box, and the last valid value is kept. `box.keep(v)` sets it from outside.
 */
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
    if (error === undefined) {
      kept = typed;
      input.removeAttribute("aria-invalid");
      message.textContent = "";
      onValue(typed);
      return;
    }
    input.setAttribute("aria-invalid", "true");
    const typedText = input.value.trim();
    const shown = typedText.length > 16 ? `${typedText.slice(0, 16)}…` : typedText;
    message.textContent = `${label}: "${shown}" ${error}; kept ${String(kept)}.`;
  });
  input.addEventListener("change", () => {
    if (input.getAttribute("aria-invalid") !== "true") return;
    input.value = String(kept); // leaving the box puts the kept value back; the words stay
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
  let hover = null; // the output cell whose sum is written out, [i, j]

  const sizeSelect = el("select", "cb-size");
  options(sizeSelect, sizes.map((k) => [String(k), `${k} × ${k}`]));
  const allSelect = el("select", "cb-all");
  const controls = el("div", "cb-row");
  controls.append(labelled("Kernel size", sizeSelect), labelled("All channels", allSelect));

  const photo = figure(h, w, `the photo in colour, ${h} by ${w} pixels`, `photo, RGB (${h} × ${w})`);
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

  // ---- The kernels' boxes, rebuilt when their size changes or a preset replaces them ----

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
      return [name, size > k ? `${name} (${size} × ${size}: enlarges all)` : name];
    })];
  }

  function matching(choices, kernels, k) {
    const found = Object.entries(choices).find(([, K]) => same(centred(K, k), kernels));
    return found ? found[0] : "";
  }

  function showChoices() {
    const k = state.kernels[0].length;
    sizeSelect.value = String(k);
    const allMatch = Object.entries(combinations).find(([, Ks]) =>
      Ks[0].length <= k && same(Ks.map((K) => centred(K, k)), state.kernels));
    const names = Object.keys(combinations).map((name) => [name, name]);
    options(allSelect, [["", "(as edited)"], ...names], allMatch ? allMatch[0] : "");
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
          const kernels = state.kernels.map((K, n) =>
            n === c ? K.map((r, i) => r.map((x, j) => (i === a && j === b ? value : x))) : K);
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
      row.map = figure(mh, mw, `${name} map, ${mh} by ${mw}, red-blue`, `${name} map (${mh} × ${mw})`);
      const equation = el("div", "cb-equation");
      equation.append(row.input.node, el("span", "cb-op", "⋆ kernel ="), row.map.node);
      row.row.replaceChildren(row.kernel, equation);
    });
    const sum = figure(mh, mw, `sum plus bias, ${mh} by ${mw}, red-blue; focus it and use the arrow keys to write out one sum`,
      `sum plus bias (${mh} × ${mw})`);
    sum.node.classList.add("cb-sum");
    sumRow.replaceChildren(sumBox, sum.node);
    trackHover(sum.picture);
    showChoices();
  }

  // ---- Computing and drawing ----

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
    valuesTitle.textContent = `Sum plus bias, every value (${Y.length} × ${Y[0].length})`;
    values.textContent = Y.map((row) => row.map(short).join(" ")).join("\n");
    writeOut.textContent = hover
      ? describe(hover[0], hover[1])
      : "Hover over the sum (or focus it and use the arrow keys) to see how the three maps and the bias add up.";
  }

  function describe(i, j) {
    const { maps, Y } = current;
    const term = (v) => (v < 0 ? `(${fmt(v, 4)})` : fmt(v, 4));
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
      const scale = rect.width / (current.Y[0].length * CELL); // the canvas may be drawn smaller
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
        if (leave === "mouseleave" && document.activeElement === c) return; // keyboard still there
        hover = null;
        update();
      });
    }
  }

  // ---- Events ----

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
    if (same(next, state)) return; // our own change coming back: nothing to rebuild
    const biasChanged = next.bias !== state.bias;
    state = next;
    if (biasChanged) biasBox.keep(state.bias);
    hover = null;
    build();
    update();
  };
  model.on("change:kernel_rows", fromPython);
  model.on("change:bias", fromPython);
  const unfollow = followTheme(box); // light or dark, from where the widget sits
  build();
  update();
  return () => {
    unfollow();
    model.off("change:kernel_rows", fromPython);
    model.off("change:bias", fromPython);
  };
}

export default { render };
