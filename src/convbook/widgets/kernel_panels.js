// The kernel explorer's three pictures (input, kernel, output), each on its own colour scale
// with its own key, as convbook.plot.colour_scale draws each matrix: grey for a photo, red-blue
// about 0 for signed values, viridis otherwise. The output's own scale shows a smooth picture's
// small range, which the kernel's ±1 would wash out. CSS shrinks the pictures to share a line:
// the keys' words are the page's text (kit textKey), and the values written in the cells are
// never under 12 px on the screen: larger where they fit their cells, and where one of a picture
// does not fit, that picture's are left out (the hover text and the list of values have them);
// a picture is drawn again when its width on the screen changes.
import { cellSize, colourScale, fmt, greyScale, heatmap, paint, ring } from "./draw.js";
import { hidpiCanvas } from "./kit/canvas.js";
import { el } from "./kit/controls.js";
import { cellCursor } from "./kit/cursor.js";
import { textKey } from "./kit/keys.js";

const NAMES = ["input", "kernel", "output"];
const ROOM = [260, 150, 260]; // the largest side of each picture, CSS pixels
const LEAST = 24; // no picture thinner than this: a 1 x 128 picture gets tall cells
const LEAST_TEXT = 12; // no value written in a cell is smaller on the screen, CSS pixels

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
 * The font size (canvas pixels) of a value written in a cell `cell` canvas pixels wide, on a
 * canvas shown `shown` times its drawing size; `perPx` is the label's width per pixel of font.
 * As draw.js heatmap: 0.36 of the cell, shrunk to fit a long label; where that is under
 * LEAST_TEXT on the screen, LEAST_TEXT on the screen if the label fits the cell, else 0 (left out).
 */
export function valueFont(cell, perPx, shown) {
  if (!(shown > 0)) return 0; // not laid out yet: drawn when it is
  const size = Math.floor(cell * 0.36);
  const font = Math.floor(size * Math.min(1, (cell - 4) / (perPx * size)));
  if (font * shown >= LEAST_TEXT) return font;
  const least = Math.ceil((LEAST_TEXT / shown) * 10) / 10;
  return least * perPx <= cell - 4 && least <= cell - 4 ? least : 0;
}

/**
 * M in square cells of `cell` px with their values written in (valueFont), `outline` ringed:
 * every value, or none where one would not fit (a picture half written in would read as if the
 * other cells had no value).
 */
function cellsWithValues(ctx, M, cell, outline, scale, shown) {
  ctx.clearRect(0, 0, M[0].length * cell, M.length * cell);
  ctx.font = "100px sans-serif";
  const labels = M.map((row) => row.map((v) => {
    const text = fmt(v, 2);
    return { text, font: valueFont(cell, ctx.measureText(text).width / 100, shown) };
  }));
  const written = labels.every((row) => row.every((l) => l.font > 0));
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  M.forEach((row, i) => row.forEach((v, j) => {
    const { fill, text } = paint(scale, v);
    ctx.fillStyle = fill;
    ctx.fillRect(j * cell, i * cell, cell, cell);
    if (!written) return;
    ctx.font = `${labels[i][j].font}px sans-serif`;
    ctx.fillStyle = text;
    ctx.fillText(labels[i][j].text, (j + 0.5) * cell, (i + 0.5) * cell);
  }));
  if (outline) ring(ctx, outline, [cell, cell]);
}

/** Draw M on canvas c: values in cells large enough (draw.js heatmap's rule), pixels otherwise. */
function picture(c, M, [ch, cw], outline, scale) {
  const ctx = c.getContext("2d");
  if (ch !== cw || cw < 24) return heatmap(ctx, M, [ch, cw], 0, 0, outline, scale);
  const shown = c.getBoundingClientRect().width / (M[0].length * cw);
  cellsWithValues(ctx, M, cw, outline, scale, shown);
}

/**
 * The panels in `node`; the output canvas follows the cursor (`cursor`: the kit's cellCursor
 * options). Returns { draw(view), dispose }, view = { X, K, Y, at, captions }. A picture whose
 * width on the screen changes is drawn again (its values' size follows).
 */
export function pictures(node, cursor) {
  let built = { key: "", canvases: [], keys: [], cells: [], untrack: () => {} };
  let last = null;
  const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => last && draw(last));
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
      const k = textKey(Math.max(w, 140), `cb-key cb-key-${NAMES[n]}`);
      const panel = el("div", `cb-panel cb-panel-${NAMES[n]}`);
      panel.style.maxWidth = `${Math.max(w, 140)}px`;
      panel.append(figure, k.node);
      canvases.push(c);
      keys.push(k);
      return panel;
    }));
    const out = canvases[2];
    out.setAttribute("aria-label", `${out.getAttribute("aria-label")}: focus and use the arrow keys, Home and End to move the window`);
    resized?.disconnect();
    canvases.forEach((c) => resized?.observe(c));
    built = { key, canvases, keys, cells, untrack: cellCursor(out, cursor) };
    return built;
  }
  function draw(view) {
    const { X, K, Y, at, captions } = view;
    last = view;
    const { canvases, keys, cells } = build([X, K, Y], captions);
    const [sx, sk, sy] = scales(X, K, Y);
    const outline = [at && [...at, K.length, K[0].length], null, at && [...at, 1, 1]];
    [X, K, Y].forEach((M, n) => picture(canvases[n], M, cells[n], outline[n], [sx, sk, sy][n]));
    keys[0].node.hidden = greyInput(X); // the caption says how grey reads
    keys[0].draw(sx, "input value");
    keys[1].draw(sk, "kernel entry");
    keys[2].draw(sy, "output value");
  }
  return {
    draw,
    dispose: () => {
      built.untrack();
      resized?.disconnect();
      last = null;
    },
  };
}
