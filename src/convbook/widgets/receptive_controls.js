// The receptive-field explorer's controls, laid out once for the most layers Python allows: the
// stack menu, the number of layers and the input's size; one row per layer with its kind and a
// number box for each setting (the kit's one rule), the words of a refusal beside each control.
// No state here: receptive_explorer.js wires it.
import { el, labelled, numberBox, options, uniqueId } from "./kit/controls.js";

export const SETTINGS = ["kernel", "stride", "padding", "dilation"];
const KINDS = [["conv", "convolution"], ["pool", "pooling"]];

function refusalSpan() {
  const node = el("span", "cb-refusal");
  node.id = uniqueId("cb-rf-refusal");
  node.setAttribute("aria-live", "polite");
  return node;
}

/** A select with its refusal words beside it. */
function choice(text, className, names) {
  const select = el("select", className);
  options(select, names);
  const words = refusalSpan();
  select.setAttribute("aria-describedby", words.id);
  const control = labelled(text, select);
  control.append(words);
  return { select, words, control };
}

/** Layer `l`'s row: its kind and its four boxes; `on` hears each change. */
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
    const box = numberBox({ label: `layer ${l} ${name}`, rule: () => on.rule(l, name), value: 1, words: said,
      className: `cb-value cb-${name}-${l}`, onValue: (v) => on.setting(l, name, v, box), onLeave: () => on.leave(l, name) });
    labels[name] = el("span", "", name);
    const control = el("label", "cb-control");
    control.append(labels[name], box.node);
    boxes[name] = { box, control };
    row.append(control);
  }
  return { row, kind, boxes, labels };
}

/** Every element of the explorer in `ui`, its root `ui.box`. */
export function layout(ranges, presets, on) {
  const ui = { layers: [] };
  ui.stack = choice("Stack", "cb-stack", [["", "choose a stack…"], ...presets]);
  ui.stack.select.addEventListener("change", () => ui.stack.select.value && on.preset(ui.stack.select.value));
  const counts = [];
  for (let c = ranges.layers.min; c <= ranges.layers.max; c++) counts.push([String(c), String(c)]);
  ui.count = choice("Layers", "cb-count", counts);
  ui.count.select.addEventListener("change", () => on.count(Number(ui.count.select.value)));
  const said = (error, kept) => `Input size: ${error} It stays ${kept}.`;
  ui.input = numberBox({ label: "input size, cells", rule: () => on.rule(0, "input_size"), value: ranges.input_size.start,
    words: said, className: "cb-value cb-input-size", onValue: (v) => on.inputSize(v, ui.input), onLeave: () => on.leave(0) });
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
  ui.box.append(top, rows, ui.strips, ui.hover, el("p", "cb-steps-title", "The recurrence, layer by layer (r₀ = j₀ = 1, start₀ = 0):"), ui.steps);
  return ui;
}
