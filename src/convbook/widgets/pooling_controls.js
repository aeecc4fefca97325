// The pooling explorer's controls, laid out once: image and mode; window, stride and padding,
// each a slider (its range from Python) beside a number box (the kit's one rule); the words
// about refusals, the pictures and the words under them. No state here: pooling_explorer.js
// wires it.
import { el, labelled, numberBox, options, slider, uniqueId } from "./kit/controls.js";

export const SETTINGS = ["window", "stride", "padding"];
const WHY = { padding: " PyTorch allows padding up to half the window." };

function live(node) {
  node.setAttribute("aria-live", "polite");
  return node;
}

/** A setting's slider and box; `on.value(name, v, how)` hears each new value, `on.save()` a release. */
function setting(ui, name, range, on) {
  const input = slider(range, name, `cb-${name}`);
  const words = (error, kept) => `${name[0].toUpperCase()}${name.slice(1)}: ${error}${WHY[name] ?? ""} It stays ${kept}.`;
  const box = numberBox({ label: `${name}, typed`, rule: () => on.rule(name), value: range.start, message: ui.problem,
    words, className: `cb-value cb-${name}-box`, onValue: (v) => on.value(name, v, "typed"), onLeave: on.save });
  input.addEventListener("input", () => on.value(name, Number(input.value), "dragged"));
  input.addEventListener("change", on.save);
  const control = labelled(name[0].toUpperCase() + name.slice(1), input);
  control.append(box.input);
  return { input, box, control };
}

/** Every element of the explorer in `ui`, its root `ui.box`. */
export function layout(ranges, images, on) {
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
