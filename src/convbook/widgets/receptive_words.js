// The receptive-field explorer's words: the recurrence for each layer with its numbers filled
// in, what the cell under the cursor depends on, and why a setting no output fits is refused.
// Pure, so that Node tests read them against Python (tests/widgets/receptive/test_receptive_js.py).
import { formulaInterval, runs, spanOf } from "./receptive_math.js";

const SUB = "₀₁₂₃₄₅₆₇₈₉";
/** A subscript number: sub(3) = "₃". */
const sub = (n) => String(n).split("").map((d) => SUB[Number(d)]).join("");
const signed = (v) => (v < 0 ? `−${-v}` : String(v));
/** "1 cell", "3 cells" (with `what` between: "1 input cell"). */
export const count = (n, what = "cell") => `${n} ${what}${n === 1 ? "" : "s"}`;
const mapName = (m) => (m === 0 ? "the input" : `layer ${m}`);

/** A layer in words: "conv 3, stride 1, padding 1, dilation 1" or "pool 2, stride 2, padding 0". */
export function layerName(L) {
  const base = `${L.kind} ${L.kernel}, stride ${L.stride}, padding ${L.padding}`;
  return L.kind === "pool" ? base : `${base}, dilation ${L.dilation}`;
}

/** Layer l's step of the recurrence, its numbers filled in (rows from layerTable). */
export function stepWords(layers, rows, l) {
  const L = layers[l - 1];
  const [below, row] = [rows[l - 1], rows[l]];
  const k = L.kind === "pool" ? "window" : "kernel";
  const keff = L.dilation === 1 ? `k_eff = ${L.kernel}` : `k_eff = ${L.dilation}·(${L.kernel} − 1) + 1 = ${spanOf(L)}`;
  return `Layer ${l} (${layerName(L)}): its ${k} spans ${keff} cells of ${mapName(l - 1)}, which are ` +
    `j${sub(l - 1)} = ${count(below.j, "input cell")} apart, so r${sub(l)} = r${sub(l - 1)} + (k_eff − 1)·j${sub(l - 1)} = ${below.r} + ` +
    `${spanOf(L) - 1}·${below.j} = ${count(row.r, "input cell")}; neighbours are j${sub(l)} = j${sub(l - 1)}·s = ${below.j}·${L.stride} = ` +
    `${count(row.j, "input cell")} apart; cell 0's field starts at start${sub(l)} = start${sub(l - 1)} − p·j${sub(l - 1)} = ` +
    `${signed(below.start)} − ${L.padding}·${below.j} = ${signed(row.start)}; it has ⌊(${below.size} + 2·${L.padding} − ${spanOf(L)}) / ${L.stride}⌋ + 1 = ${count(row.size)}.`;
}

/** Cells as words: "cells 3–7", "cells 0, 3 and 6", "no cell (only padding)". */
export function cellWords(cells) {
  if (!cells.length) return "no cell (its windows reach only padding)";
  const parts = runs(cells).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  const holes = parts.length > 1 ? ", with holes" : "";
  return `${cells.length === 1 ? "cell" : "cells"} ${list} (${cells.length} of them${holes})`;
}

/** What cell `index` of map `layer` depends on, map by map, and the formula's interval. */
export function fieldWords(rows, cells, layer, index) {
  if (layer === 0) return `Input cell ${index} is itself: hover over a cell of a layer above to see what it depends on.`;
  const below = [];
  for (let m = layer - 1; m >= 0; m--) below.push(`in ${mapName(m)}, ${cellWords(cells[m])}`);
  const [first, last] = formulaInterval(rows[layer], index);
  const row = rows[layer];
  const input = cells[0];
  const clipped = input.length && input[0] === first && input[input.length - 1] === last
    ? "exactly that interval's ends"
    : "that interval cut short by the padding or by cells no window reads";
  return `Layer ${layer}, cell ${index} depends on: ${below.join("; ")}. The formula puts its field at input ` +
    `cells ${index}·j${sub(layer)} + start${sub(layer)} = ${index}·${row.j} + (${signed(row.start)}) = ${signed(first)} to ${signed(first)} + r${sub(layer)} − 1 = ${signed(last)}; ` +
    `the field reaches ${clipped}.`;
}

/** Why a stack is refused: the first layer whose window does not fit its padded input. */
export function misfitWords(layers, rows, misfit) {
  const L = layers[misfit - 1];
  const n = rows[misfit - 1].size;
  return `No output fits: layer ${misfit}'s window spans ${spanOf(L)} cells, more than the ${n} cells ` +
    `of ${mapName(misfit - 1)} with ${L.padding} of padding at each end (${n + 2 * L.padding}).`;
}
