// The kernel explorer's controls, laid out once: image and picture, preset, size and operation,
// the kernel families with a slider per parameter (ranges from Python), the entries, the
// pictures, the player and the words under them. No behaviour here: kernel_explorer.js wires it.
import { FAMILIES } from "./kernel_params.js";
import { button, el, labelled, options, slider } from "./kit/controls.js";
import { cameraPossible } from "./picture.js";

function live(node) {
  node.setAttribute("aria-live", "polite");
  return node;
}

function imageRow(ui) {
  ui.imageSelect = el("select", "cb-image");
  ui.file = el("input", "cb-file");
  Object.assign(ui.file, { type: "file", accept: "image/png,image/jpeg" });
  ui.cameraButton = button("Use the camera", "cb-camera");
  ui.cameraButton.hidden = !cameraPossible();
  const row = el("div", "cb-row");
  row.append(labelled("Image", ui.imageSelect),
    labelled("Your picture (PNG or JPEG)", ui.file, "cb-control cb-file-label"), ui.cameraButton);
  ui.cameraView = el("div", "cb-camera-view");
  ui.cameraView.hidden = true;
  ui.video = el("video");
  Object.assign(ui.video, { muted: true, playsInline: true });
  ui.video.setAttribute("aria-label", "camera view");
  ui.take = button("Take the picture", "cb-take");
  ui.cancel = button("Cancel", "cb-cancel");
  const buttons = el("div", "cb-row");
  buttons.append(ui.take, ui.cancel);
  ui.cameraView.append(ui.video, buttons);
  return [row, ui.cameraView];
}

/** The kernel's rows: preset, size (and operation, unless `operation` is false), family and its
 * parameters, the entries. Shared with the frequency explorer. */
export function kernelRows(ui, ranges, { operation = true } = {}) {
  ui.presetSelect = el("select", "cb-preset");
  ui.rowsSelect = el("select", "cb-rows");
  ui.colsSelect = el("select", "cb-cols");
  ui.rowsSelect.setAttribute("aria-label", "kernel rows");
  ui.colsSelect.setAttribute("aria-label", "kernel columns");
  if (operation) {
    ui.operation = el("select", "cb-operation");
    options(ui.operation, ["cross-correlation", "convolution"]);
  }
  const size = el("span", "cb-control", "Kernel size ");
  size.append(ui.rowsSelect, " × ", ui.colsSelect);
  const kernelRow = el("div", "cb-row");
  kernelRow.append(labelled("Preset", ui.presetSelect), size, ...(operation ? [labelled("Operation", ui.operation)] : []));
  ui.familySelect = el("select", "cb-family");
  options(ui.familySelect, [["", "(none)"], ...Object.entries(FAMILIES).map(([name, f]) => [name, f.title])], "");
  ui.params = {};
  const paramRow = el("div", "cb-row cb-params");
  for (const [familyName, family] of Object.entries(FAMILIES)) {
    for (const [name, p] of Object.entries(family.params)) {
      const range = ranges.families[familyName][name];
      const input = slider(range, p.label, `cb-${name}`);
      const shown = el("output");
      const control = labelled(p.label, input);
      control.append(shown);
      ui.params[name] = { input, shown, control, text: p.text, range, familyName };
      paramRow.append(control);
    }
  }
  const familyRow = el("div", "cb-row");
  familyRow.append(labelled("Kernel family", ui.familySelect), paramRow);
  ui.grid = el("div", "cb-grid");
  ui.grid.setAttribute("role", "group");
  ui.grid.setAttribute("aria-label", "kernel entries");
  const gridRow = el("div", "cb-row cb-entries");
  gridRow.append(el("span", "", "Kernel entries"), ui.grid);
  return [kernelRow, familyRow, gridRow];
}

/** Every element of the explorer, in `ui`, and its root `ui.box`. */
export function layout(ranges) {
  const ui = {};
  const top = [...imageRow(ui), ...kernelRows(ui, ranges)];
  ui.problem = live(el("p", "cb-problem"));
  ui.note = live(el("p", "cb-note"));
  ui.panels = el("div", "cb-panels");
  ui.shape = el("p", "cb-shape");
  ui.progress = el("span", "cb-progress");
  ui.hover = live(el("p", "cb-hover"));
  const details = el("details");
  ui.values = el("pre", "cb-output");
  details.append(el("summary", "", "Output values"), ui.values);
  ui.box = el("div", "cb-widget cb-kx");
  ui.box.append(...top, ui.problem, ui.note, ui.panels, ui.shape, ui.hover, details);
  ui.placePlayer = (row) => {
    row.append(ui.progress);
    ui.shape.after(row);
  };
  return ui;
}
