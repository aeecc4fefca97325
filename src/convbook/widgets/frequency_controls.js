// The frequency explorer's controls, laid out once: the image, the kernel's rows (the kernel
// explorer's own, from kernel_controls.js, without its operation), the pictures and the words
// under them. No behaviour here: frequency_explorer.js wires it.
import { kernelRows } from "./kernel_controls.js";
import { el, labelled } from "./kit/controls.js";

function live(node) {
  node.setAttribute("aria-live", "polite");
  return node;
}

/** Every element of the explorer, in `ui`, and its root `ui.box`. */
export function layout(ranges) {
  const ui = {};
  ui.imageSelect = el("select", "cb-image");
  const imageRow = el("div", "cb-row");
  imageRow.append(labelled("Image", ui.imageSelect));
  const rows = kernelRows(ui, ranges, { operation: false });
  ui.problem = live(el("p", "cb-problem"));
  ui.note = live(el("p", "cb-note"));
  ui.panels = el("div", "cb-panels");
  ui.summary = el("p", "cb-summary");
  ui.hover = live(el("p", "cb-hover"));
  ui.box = el("div", "cb-widget cb-fqx");
  ui.box.append(imageRow, ...rows, ui.problem, ui.note, ui.panels, ui.summary, ui.hover);
  return ui;
}
