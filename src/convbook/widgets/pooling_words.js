// The pooling explorer's words: what made the output under the cursor, written out (the max
// of its window and the pixel that won it, or the window's mean), and the sizes above the
// pictures. Pure, so that Node tests read them against PyTorch (tests/widgets/pooling/test_pooling_js.py).
import { fmt } from "./draw.js";
import { outputSize, tiedWith, windowCells, winnerOf } from "./pooling_math.js";

const LISTED = 25; // a window of up to 5 x 5 has its values written out one by one
const where = ([r, c]) => `(row ${r}, column ${c})`;
const value = (cell, mode) => (cell.inside ? fmt(cell.value, 3) : mode === "max" ? "−∞" : "0");

function maxWords(cells, best, name) {
  const padded = cells.filter((cell) => !cell.inside).length;
  const inner = cells.length <= LISTED
    ? `max(${cells.map((cell) => value(cell, "max")).join(", ")})`
    : `max of the ${cells.length} cells of its window${padded ? `, ${padded} of them padding (−∞)` : ""}`;
  const ties = tiedWith(cells, best);
  const won = `won by pixel ${where([best.r, best.c])}`;
  const tie = ties.length > 1
    ? `; a tie of ${ties.length} pixels: the first in reading order takes the whole gradient, as in PyTorch`
    : "";
  return `${name} = ${inner} = ${fmt(best.value, 3)}, ${won}${tie}.`;
}

function meanWords(cells, mean, name, k) {
  const padded = cells.filter((cell) => !cell.inside).length;
  const note = padded ? `; the ${padded} padding cells count as 0` : "";
  if (cells.length <= LISTED) {
    return `${name} = (${cells.map((cell) => value(cell, "avg")).join(" + ")}) / ${k * k} = ${fmt(mean, 3)}${note}; each pixel of the window gets 1/${k * k} of its gradient.`;
  }
  return `${name} = (sum of the ${cells.length} cells of its window) / ${k * k} = ${fmt(mean * k * k, 4)} / ${k * k} = ${fmt(mean, 3)}${note}; each pixel of the window gets 1/${k * k} of its gradient.`;
}

/** What output (i, j) is, in words: its max and the pixel that won it, or its mean. */
export function describe(X, pooled, settings, [i, j]) {
  const cells = windowCells(X, i, j, settings);
  const name = `Y[${i},${j}]`;
  if (settings.mode === "max") return maxWords(cells, winnerOf(cells), name);
  return meanWords(cells, pooled.Y[i][j], name, settings.window);
}

/** The output's size, worked out per axis: floor((n + 2p − k) / s) + 1. */
export function sizeWords(X, { window: k, stride: s, padding: p }) {
  const axis = (n) => `⌊(${n} + 2·${p} − ${k}) / ${s}⌋ + 1 = ${outputSize(n, k, s, p)}`;
  const [h, w] = [X.length, X[0].length];
  return h === w ? `Output ${outputSize(h, k, s, p)} × ${outputSize(w, k, s, p)}: ${axis(h)} per side.`
    : `Output ${outputSize(h, k, s, p)} × ${outputSize(w, k, s, p)}: rows ${axis(h)}, columns ${axis(w)}.`;
}

/** How many pixels the gradient of the sum of the outputs reaches. */
export function gradientWords(G, mode) {
  const reached = G.flat().filter((g) => g !== 0).length;
  const most = Math.max(...G.flat());
  const total = G.length * G[0].length;
  if (mode === "max") {
    return `${reached} of the ${total} pixels won a max and get a gradient; the others get 0. The most any pixel won: ${most}.`;
  }
  return `${reached} of the ${total} pixels lie in a window and get a gradient, up to ${fmt(most, 3)}.`;
}
