// The kernel explorer's grid of entries: per entry, a number box (the kit's one rule) above a
// slider. A slider spans Python's entry range, stretched to reach an entry typed beyond it, so
// that it always shows the entry's true value (and its keys step from there).
import { el, numberBox, setSlider, slider } from "./kit/controls.js";

/** The slider range that shows v: Python's range, stretched symmetrically to reach v. */
export function sliderRange(range, v) {
  const reach = Math.max(range.max, -range.min, Math.abs(v));
  return reach > range.max || -reach < range.min ? { ...range, min: -reach, max: reach } : range;
}

/**
 * The grid in `node`, words about refusals in `problem`. `onEntry(a, b, value, how, source)`
 * hears each new value (`how` "typed" or "dragged"), `onSave()` when the reader lets go (leaves
 * a box, releases a slider). Returns { build(K), show(K, except), size }.
 */
export function entryGrid({ node, problem, limit, range, onEntry, onSave }) {
  let entries = [];
  const rule = () => ({ low: -limit, high: limit });
  function entry(a, b, v) {
    const cell = el("div", "cb-entry");
    const words = (error, kept) => `Entry row ${a}, column ${b}: ${error.replace(/\.$/, "")}; the kernel keeps ${kept}.`;
    const box = numberBox({ label: `kernel entry row ${a} column ${b}`, rule, value: v, message: problem, words,
      className: "cb-value", onValue: (x) => onEntry(a, b, x, "typed", box.input), onLeave: onSave });
    const input = slider(range, `kernel entry row ${a} column ${b}, slider`, "cb-slider");
    for (const n of [box.input, input]) Object.assign(n.dataset, { row: a, col: b });
    input.addEventListener("input", () => onEntry(a, b, Number(input.value), "dragged", input));
    input.addEventListener("change", onSave);
    cell.append(box.input, input);
    return { cell, box, input };
  }
  const grid = {
    get size() { return [entries.length, entries[0]?.length ?? 0]; },
    build(K) {
      node.style.gridTemplateColumns = `repeat(${K[0].length}, minmax(0, 4.4em))`;
      entries = K.map((row, a) => row.map((v, b) => entry(a, b, v)));
      node.replaceChildren(...entries.flat().map((e) => e.cell));
      problem.textContent = ""; // words about a box that is gone
      grid.show(K);
    },
    show(K, except = null) {
      if (K.length !== entries.length || K[0].length !== entries[0].length) return grid.build(K);
      entries.forEach((row, a) => row.forEach(({ box, input }, b) => {
        const v = K[a][b];
        if (box.input !== except) box.set(v);
        if (input !== except) {
          const { min, max } = sliderRange(range, v);
          Object.assign(input, { min: String(min), max: String(max) });
        }
        setSlider(input, input === except ? input.value : v, String(v));
      }));
    },
  };
  return grid;
}
