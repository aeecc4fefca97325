// The kernel explorer's three pictures (input, kernel, output), each on its own colour scale
// with its own key, as convbook.plot.colour_scale draws each matrix: grey for a photo, red-blue
// about 0 for signed values, viridis otherwise. The output's own scale shows a smooth picture's
// small range, which the kernel's ±1 would wash out.
import { cellSize, colourScale, greyScale, heatmap } from "./draw.js";
import { hidpiCanvas } from "./kit/canvas.js";
import { el } from "./kit/controls.js";
import { cellCursor } from "./kit/cursor.js";
import { colourKey } from "./kit/keys.js";

const NAMES = ["input", "kernel", "output"];
const ROOM = [260, 150, 260]; // the largest side of each picture, CSS pixels
const LEAST = 24; // no picture thinner than this: a 1 x 128 picture gets tall cells

function extent(M) {
  let [low, high] = [Infinity, -Infinity];
  for (const row of M) {
    for (const v of row) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  return [low, high];
}

/** M's colour scale, as convbook.plot.colour_scale([M]) (a flat M spans value ± 1). */
export function scaleOf(M) {
  const [low, high] = extent(M);
  if (low < 0 || high > low) return colourScale(low, high);
  return { stops: colourScale(0, 1).stops, low: low - 1, high: high + 1 };
}

/** Whether the input is drawn grey: cells too small to write values in (a photo). */
export const greyInput = (X) => cellSize(X, ROOM[0]) < 24;

/** Cell [height, width] for M in `room`: square, but never a picture thinner than LEAST. */
export function cellShape(M, room) {
  const c = cellSize(M, room);
  return [Math.max(c, Math.ceil(LEAST / M.length)), Math.max(c, Math.ceil(LEAST / M[0].length))];
}

/** The scales of a view: the input grey or its own, the kernel's own, the output's own. */
export function scales(X, K, Y) {
  if (!greyInput(X)) return [scaleOf(X), scaleOf(K), scaleOf(Y)];
  return [greyScale(...extent(X)), scaleOf(K), scaleOf(Y)];
}

/**
 * The panels in `node`; the output canvas follows the cursor (`cursor`: the kit's cellCursor
 * options). Returns { draw(view), dispose }, view = { X, K, Y, at, captions, ink }.
 */
export function pictures(node, cursor) {
  let built = { key: "", canvases: [], keys: [], cells: [], untrack: () => {} };
  function build(matrices, captions) {
    const key = JSON.stringify([matrices.map((M) => [M.length, M[0].length]), captions]);
    if (key === built.key) return built;
    built.untrack();
    const cells = matrices.map((M, n) => cellShape(M, ROOM[n]));
    const canvases = [];
    const keys = [];
    node.replaceChildren(...matrices.map((M, n) => {
      const [w, h] = [M[0].length * cells[n][1], M.length * cells[n][0]];
      const c = hidpiCanvas(w, h, `${NAMES[n]}, ${M.length} by ${M[0].length}`);
      const figure = el("figure");
      figure.append(c, el("figcaption", "", captions[n]));
      const k = colourKey(Math.max(w, 140), `cb-key cb-key-${NAMES[n]}`);
      const panel = el("div", `cb-panel cb-panel-${NAMES[n]}`);
      panel.style.maxWidth = `${Math.max(w, 140)}px`;
      panel.append(figure, k.node);
      canvases.push(c);
      keys.push(k);
      return panel;
    }));
    const out = canvases[2];
    out.setAttribute("aria-label", `${out.getAttribute("aria-label")}: focus and use the arrow keys, Home and End to move the window`);
    built = { key, canvases, keys, cells, untrack: cellCursor(out, cursor) };
    return built;
  }
  return {
    draw({ X, K, Y, at, captions, ink }) {
      const { canvases, keys, cells } = build([X, K, Y], captions);
      const [sx, sk, sy] = scales(X, K, Y);
      const outline = [at && [...at, K.length, K[0].length], null, at && [...at, 1, 1]];
      [X, K, Y].forEach((M, n) => {
        heatmap(canvases[n].getContext("2d"), M, cells[n], 0, 0, outline[n], [sx, sk, sy][n]);
      });
      keys[0].node.hidden = greyInput(X); // the caption says how grey reads
      keys[0].draw(sx, "input value", ink);
      keys[1].draw(sk, "kernel entry", ink);
      keys[2].draw(sy, "output value", ink);
    },
    dispose: () => built.untrack(),
  };
}
