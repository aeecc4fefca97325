// The network explorer's controls, laid out once: the digit picker and Clear, the epoch slider
// over the stored snapshots (Python's), the words, the pictures and the bars. No state here:
// network_explorer.js wires it.
import { button, el, labelled, options, slider, uniqueId } from "./kit/controls.js";
import { bars } from "./network_panels.js";

function live(node) {
  node.setAttribute("aria-live", "polite");
  return node;
}

/** Every element of the explorer in `ui`, its root `ui.box`; `on` hears the reader's choices. */
export function layout({ choices, epochs, names }, on) {
  const ui = {};
  ui.choice = el("select", "cb-digit");
  options(ui.choice, choices);
  ui.clear = button("Clear", "cb-clear");
  ui.epoch = slider({ min: 0, max: epochs.length - 1, step: 1 }, "stored epoch", "cb-epoch");
  ui.epochWords = el("output", "cb-epoch-words");
  const epochControl = labelled("Weights", ui.epoch);
  epochControl.append(ui.epochWords);
  const top = el("div", "cb-row");
  top.append(labelled("Input", ui.choice), ui.clear, epochControl);
  ui.problem = live(el("p", "cb-problem"));
  ui.problem.id = uniqueId("cb-net-problem");
  ui.verdict = live(el("p", "cb-verdict"));
  ui.panels = el("div", "cb-panels");
  ui.bars = bars(names);
  ui.hover = live(el("p", "cb-hover"));
  const side = el("div", "cb-side");
  side.append(ui.verdict, ui.bars.node);
  const body = el("div", "cb-body");
  body.append(ui.panels, side);
  ui.box = el("div", "cb-widget cb-nx");
  ui.box.append(top, ui.problem, body, ui.hover);
  ui.choice.addEventListener("change", () => on.choose(ui.choice.value));
  ui.clear.addEventListener("click", () => on.clear());
  ui.epoch.addEventListener("input", () => on.epoch(epochs[Number(ui.epoch.value)], "dragged"));
  ui.epoch.addEventListener("change", () => on.save());
  return ui;
}
