// The window explorer: a kernel sliding over a padded input with a stride and a dilation, one
// output at a time, and the transposed convolution that scatters each value back. The input
// and the kernel count 1, 2, 3, ... so every sum can be checked by hand. Computed here, wired
// from the kit (kit/KIT.md): its player and buttons, store, model bridge and theme.
import { bridge } from "./kit/bridge.js";
import { el, labelled, playerControls, setSlider, slider, uniqueId } from "./kit/controls.js";
import { createPlayer } from "./kit/player.js";
import { createStore } from "./kit/store.js";
import { followTheme } from "./kit/theme.js";
import { drawForward, drawTransposed, fitText, stampedSoFar } from "./window_draw.js";
import { counting, crossCorrelate, transposedConv } from "./window_math.js";
import {
  forwardFormula, forwardNote, forwardSum, geometry, noWindow, table, transposedFormula,
  transposedNote, transposedSum,
} from "./window_words.js";

const SLIDERS = [
  ["input_size", "input size n"],
  ["kernel_size", "kernel size k"],
  ["padding", "padding p"],
  ["stride", "stride s"],
  ["dilation", "dilation d"],
  ["output_padding", "output_padding"],
];
const SETTINGS = [...SLIDERS.map(([name]) => name), "transposed"];

/** The settings with output_padding lowered to fit (below the stride or the dilation), as Python does. */
function fitted(settings) {
  const largest = Math.max(settings.stride, settings.dilation) - 1;
  return { ...settings, output_padding: Math.min(settings.output_padding, largest) };
}

/** Outputs (or inputs, transposed) to step through: 0 where nothing is drawn. */
function stepsOf(state) {
  const g = geometry(state);
  return !g.m || (state.transposed && g.result < 1) ? 0 : g.m * g.m;
}

// ---- The view: its parts, built once ----

function settingSlider(name, text, [low, high]) {
  const input = slider({ min: low, max: high }, text, `cb-${name.replace("_", "-")}`);
  input.dataset.setting = name;
  const control = labelled(text, input);
  control.append(el("output"));
  return control;
}

function legendItem(className, text) {
  const item = el("span", "cb-key");
  item.append(el("span", `cb-swatch ${className}`), text);
  return item;
}

function buildView(ranges) {
  const v = { hatch: uniqueId("cb-wx-hatch") };
  v.sliders = Object.fromEntries(SLIDERS.map(([name, text]) => [name, settingSlider(name, text, ranges[name])]));
  v.flip = Object.assign(el("input", "cb-transposed"), { type: "checkbox" });
  const flipLabel = el("label", "cb-control cb-toggle");
  flipLabel.append(v.flip, "transposed");
  v.hint = el("span", "cb-hint");
  v.outputPadding = el("span", "cb-output-padding");
  v.outputPadding.append(v.sliders.output_padding, v.hint);
  const controls = el("div", "cb-row cb-sliders");
  controls.append(...SLIDERS.slice(0, 5).map(([name]) => v.sliders[name]));
  const modeRow = el("div", "cb-row");
  modeRow.append(flipLabel, v.outputPadding);
  [v.formula, v.second] = [el("p", "cb-formula"), el("p", "cb-formula cb-formula-transposed")];
  v.progress = el("span", "cb-progress");
  v.progress.id = uniqueId("cb-wx-progress");
  v.panels = el("div", "cb-panels");
  v.figures = [0, 1].map(() => {
    const figure = el("figure");
    figure.append(el("div", "cb-drawing"), el("figcaption"));
    return figure;
  });
  v.panels.append(...v.figures);
  [v.legend, v.sum, v.note] = [el("p", "cb-legend"), el("p", "cb-sum"), el("p", "cb-note")];
  v.sum.setAttribute("aria-live", "polite");
  v.leftOut = el("span", "cb-key cb-left-out", "numbers left out: too small to read at this width (all listed under the values)");
  v.details = el("details");
  [v.valuesTitle, v.values] = [el("summary"), el("pre", "cb-values")];
  v.details.append(v.valuesTitle, v.values);
  v.box = el("div", "cb-widget cb-wx");
  v.playRow = el("div"); // the player's row goes here once the player is made
  v.box.append(controls, modeRow, v.formula, v.second, v.playRow, v.panels, v.legend, v.sum, v.note, v.details);
  return v;
}

// ---- Drawing the state ----

function showControls(v, state, g) {
  for (const [name] of SLIDERS) {
    const control = v.sliders[name];
    const input = control.querySelector("input");
    if (name === "output_padding") input.max = String(Math.max(g.s, g.d) - 1);
    const sized = name === "input_size" || name === "kernel_size";
    setSlider(input, state[name], sized ? `${state[name]} × ${state[name]}` : String(state[name]));
    control.querySelector("output").textContent = String(state[name]);
  }
  v.flip.checked = state.transposed;
  v.outputPadding.hidden = !state.transposed;
  v.sliders.output_padding.querySelector("input").disabled = Math.max(g.s, g.d) === 1;
  v.hint.textContent = `(0 to ${Math.max(g.s, g.d) - 1}: smaller than the stride or the dilation)`;
}

function setFigure(v, index, markup, caption) {
  const [drawing, figcaption] = v.figures[index].children;
  drawing.innerHTML = markup;
  figcaption.textContent = caption;
}

function drawForwardMode(v, g, step) {
  const Y = crossCorrelate(counting(g.n), counting(g.k), { padding: g.p, stride: g.s, dilation: g.d });
  const [inputSvg, outputSvg] = drawForward(g, step, v.hatch, Y);
  setFigure(v, 0, inputSvg, `input ${g.n} × ${g.n} ${g.p ? `(padded ${g.padded} × ${g.padded})` : "(no padding)"}`);
  setFigure(v, 1, outputSvg, `output ${g.m} × ${g.m}`);
  v.legend.replaceChildren(
    legendItem("cb-pad", "padding (zeros)"), legendItem("cb-tap", `window: ${g.k} × ${g.k} taps`),
    legendItem("cb-reach", `its reach, ${g.reach} × ${g.reach}`),
    ...(g.left ? [legendItem("cb-dropped", "reached by no window")] : []));
  v.sum.textContent = forwardSum(g, step, Y);
  v.note.textContent = forwardNote(g);
  v.valuesTitle.textContent = `Output values Y (${g.m} × ${g.m})`;
  v.values.textContent = table(Y);
}

function drawTransposedMode(v, g, step) {
  v.note.textContent = transposedNote(g);
  const settings = { stride: g.s, padding: g.p, outputPadding: g.op, dilation: g.d };
  const R = transposedConv(counting(g.m), counting(g.k), settings);
  const [inputSvg, resultSvg] = drawTransposed(g, step, v.hatch, stampedSoFar(g, step), R);
  setFigure(v, 0, inputSvg, `input Z ${g.m} × ${g.m} (the output grid)`);
  const crop = g.p ? ` (padding ${g.p} crops it from ${g.result + 2 * g.p} × ${g.result + 2 * g.p})` : "";
  setFigure(v, 1, resultSvg, `result R ${g.result} × ${g.result}${crop}`);
  v.legend.replaceChildren(
    ...(g.p ? [legendItem("cb-pad", "cropped by the padding")] : []),
    legendItem("cb-tap", `stamp: ${g.k} × ${g.k} taps`), legendItem("cb-reach", `its reach, ${g.reach} × ${g.reach}`),
    ...(g.op ? [legendItem("cb-extra", "added by output_padding")] : []));
  v.sum.textContent = transposedSum(g, step);
  v.valuesTitle.textContent = `Result values R (${g.result} × ${g.result})`;
  v.values.textContent = table(R);
}

/** Leave out numbers the page shrank under 12 px, and say so in the legend. */
function fit(v) {
  const quiet = v.figures.map((f) => fitText(f.querySelector("svg"))).some(Boolean);
  if (quiet && !v.panels.hidden) v.legend.append(v.leftOut);
  else v.leftOut.remove();
}

/** Everything the state shows; returns whether there is anything to step through. */
function draw(v, state) {
  const g = geometry(state);
  showControls(v, state, g);
  v.formula.textContent = forwardFormula(g);
  v.second.hidden = !state.transposed || !g.m;
  v.second.textContent = g.m ? transposedFormula(g) : "";
  const total = stepsOf(state);
  for (const part of [v.panels, v.legend, v.details, v.sum]) part.hidden = !total;
  if (!total) {
    v.sum.textContent = "";
    v.note.textContent = g.m ? transposedNote(g) : noWindow(g);
    v.progress.textContent = `Play and Step are off: ${g.m ? "the padding crops the whole result" : "no window fits"}.`;
    return;
  }
  const step = Math.max(0, Math.min(state.step, total - 1));
  v.progress.textContent = `${state.transposed ? "input" : "output"} ${step + 1} of ${total}`;
  if (state.transposed) drawTransposedMode(v, g, step);
  else drawForwardMode(v, g, step);
  fit(v);
}

// ---- Wiring ----

/** The player over the store's step: play stops on the last output; Step goes round to the first. */
function makePlayer(store, speed, onChange) {
  let rewound = false;
  const atEnd = () => store.get().step >= stepsOf(store.get()) - 1;
  return createPlayer({
    speed,
    atEnd,
    onChange,
    rewind: () => { rewound = true; }, // the next step shows the first output
    step: () => {
      const total = stepsOf(store.get());
      if (!total) return false;
      store.set({ step: rewound ? 0 : (store.get().step + 1) % total }, "player");
      rewound = false;
      return !atEnd();
    },
  });
}

function showPlayer(v, buttons, player, state) {
  buttons.update();
  const off = !stepsOf(state);
  for (const b of [buttons.play, buttons.step, buttons.restart]) {
    b.disabled = off;
    b.setAttribute("aria-describedby", v.progress.id);
  }
  v.sum.setAttribute("aria-live", player.playing ? "off" : "polite"); // no stream of announcements
}

function listen(v, store, link) {
  for (const [name] of SLIDERS) {
    const input = v.sliders[name].querySelector("input");
    input.addEventListener("input", () => store.set(fitted({ ...store.get(), [name]: Number(input.value), step: 0 }), "dragged"));
    input.addEventListener("change", () => link.save(settingsOf(store.get())));
  }
  v.flip.addEventListener("change", () => {
    store.set({ transposed: v.flip.checked, step: 0 }, "chosen");
    link.save(settingsOf(store.get()));
  });
}

const settingsOf = (state) => Object.fromEntries(SETTINGS.map((name) => [name, state[name]]));

function render({ model, el: root }) {
  const v = buildView(model.get("ranges"));
  root.replaceChildren(v.box);
  const store = createStore({ ...fitted(Object.fromEntries(SETTINGS.map((n) => [n, model.get(n)]))), step: 0 });
  const link = bridge(model, SETTINGS, (values) => store.set({ ...fitted(values), step: 0 }, "python"));
  const speeds = model.get("speed_range");
  let buttons = null;
  const show = () => buttons && showPlayer(v, buttons, player, store.get());
  const player = makePlayer(store, speeds.start, show);
  buttons = playerControls(player, { speedRange: speeds, unit: "steps" });
  buttons.row.append(v.progress);
  v.playRow.replaceWith(buttons.row);
  const unsubscribe = store.subscribe((state, changed, cause) => {
    if (cause !== "player") player.pause(); // every change but the player's own stops it (KIT.md)
    draw(v, state);
    show();
  });
  listen(v, store, link);
  const unfollow = followTheme(v.box, () => draw(v, store.get())); // light or dark, from where it sits
  const resized = new ResizeObserver(() => fit(v)); // narrower drawings may lose their numbers
  resized.observe(v.panels);
  draw(v, store.get());
  show();
  return () => {
    player.dispose();
    [unsubscribe, unfollow, link.dispose].forEach((f) => f());
    resized.disconnect();
  };
}

export default { render };
