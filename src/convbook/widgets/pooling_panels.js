// The pooling explorer's three pictures: the image with its padding around it (hatched), the
// pooled output and the gradient of the sum of the outputs. Hovering (or focusing) an output
// cell rings its window in the image and the gradient, and marks the winning pixel of a max
// (filled) and any pixels tied with it (hollow).
import { cellSize, colourScale, greyScale, heatmap, ring } from "./draw.js";
import { hidpiCanvas } from "./kit/canvas.js";
import { el } from "./kit/controls.js";
import { cellCursor } from "./kit/cursor.js";
import { colourKey } from "./kit/keys.js";
import { tiedWith, windowAt, windowCells, winnerOf } from "./pooling_math.js";

const ROOM = { input: 260, output: 200, gradient: 200 }; // each picture's largest side, CSS px
const MARK = "#ff7a00"; // the winner's dot: orange with a black rim reads on black and on white

function extent(M) {
  const flat = M.flat();
  return [Math.min(...flat), Math.max(...flat)];
}

function dot(ctx, r, c, cell, filled) {
  ctx.beginPath();
  ctx.arc((c + 0.5) * cell, (r + 0.5) * cell, Math.max(2.5, cell * 0.32), 0, 2 * Math.PI);
  ctx.lineWidth = filled ? 1.5 : 2.5;
  ctx.strokeStyle = filled ? "#000" : MARK;
  if (filled) {
    ctx.fillStyle = MARK;
    ctx.fill();
  }
  ctx.stroke();
}

function hatch(ctx, width, height, colours) {
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = colours.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = -height; x < width; x += 6) {
    ctx.moveTo(x, height);
    ctx.lineTo(x + height, 0);
  }
  ctx.stroke();
}

/** Ring output `at`'s window (shifted by `shift` cells) and mark its winner and ties. */
function markWindow(ctx, X, view, cell, shift) {
  const { settings, at } = view;
  const { top, left, size } = windowAt(...at, settings);
  ring(ctx, [top + shift, left + shift, size, size], [cell, cell]);
  if (settings.mode !== "max") return;
  const cells = windowCells(X, ...at, settings);
  const best = winnerOf(cells);
  for (const t of tiedWith(cells, best)) dot(ctx, t.r + shift, t.c + shift, cell, t === best);
}

function drawAll(built, view) {
  const { X, pooled, G, settings, at, colours } = view;
  const p = settings.padding;
  const [input, output, gradient] = built.canvases;
  const grey = greyScale(...extent(X));
  const ci = built.cells.input;
  const ctx = input.getContext("2d");
  hatch(ctx, (X[0].length + 2 * p) * ci, (X.length + 2 * p) * ci, colours);
  ctx.save();
  ctx.translate(p * ci, p * ci);
  heatmap(ctx, X, ci, 0, 0, null, grey);
  ctx.restore();
  if (at) markWindow(ctx, X, view, ci, p);
  heatmap(output.getContext("2d"), pooled.Y, built.cells.output, 0, 0, at && [...at, 1, 1], grey);
  const gscale = colourScale(0, Math.max(...G.flat()));
  const gctx = gradient.getContext("2d");
  heatmap(gctx, G, built.cells.gradient, 0, 0, null, gscale);
  if (at) {
    gctx.save();
    gctx.beginPath();
    gctx.rect(0, 0, X[0].length * built.cells.gradient, X.length * built.cells.gradient);
    gctx.clip();
    markWindow(gctx, X, view, built.cells.gradient, 0);
    gctx.restore();
  }
  const label = settings.mode === "max" ? "outputs won: gradient of their sum" : "gradient of the sum of outputs";
  built.key.draw(gscale, label, colours.text);
}

function panel(canvas, caption, extra = []) {
  const figure = el("figure");
  figure.append(canvas, el("figcaption", "", caption));
  const node = el("div", "cb-panel");
  node.append(figure, ...extra);
  return node;
}

/** The pictures in `node`; the output canvas follows `cursor` (the kit's cellCursor options). */
export function pictures(node, cursor) {
  let built = { shape: "", untrack: () => {} };
  function build(X, Y, settings) {
    const p = settings.padding;
    const shape = JSON.stringify([X.length, X[0].length, Y.length, Y[0]?.length, p, settings.mode]);
    if (shape === built.shape) return built;
    built.untrack();
    const padded = [X.length + 2 * p, X[0].length + 2 * p];
    const cells = { input: cellSize({ length: padded[0], 0: { length: padded[1] } }, ROOM.input), output: cellSize(Y, ROOM.output),
      gradient: cellSize(X, ROOM.gradient) };
    const canvases = [
      hidpiCanvas(padded[1] * cells.input, padded[0] * cells.input, `image, ${X.length} by ${X[0].length}${p ? `, with ${p} cells of padding around it` : ""}`),
      hidpiCanvas(Y[0].length * cells.output, Y.length * cells.output, `output, ${Y.length} by ${Y[0].length}: focus and use the arrow keys, Home and End to move from window to window`),
      hidpiCanvas(X[0].length * cells.gradient, X.length * cells.gradient, `gradient of the sum of the outputs, ${X.length} by ${X[0].length}`),
    ];
    const key = colourKey(Math.max(160, X[0].length * cells.gradient), "cb-key");
    const pad = p ? (settings.mode === "max" ? ", hatched: padding (−∞, never wins)" : ", hatched: padding (0, counted in the mean)") : "";
    node.replaceChildren(
      panel(canvases[0], `image, grey: black lowest, white highest${pad}`),
      panel(canvases[1], `${settings.mode === "max" ? "max" : "average"} pooled (${Y.length} × ${Y[0].length}), the image's greys`),
      panel(canvases[2], "gradient of the sum of the outputs", [key.node]),
    );
    built = { shape, canvases, cells, key, untrack: cellCursor(canvases[1], cursor) };
    return built;
  }
  return {
    draw(view) {
      drawAll(build(view.X, view.pooled.Y, view.settings), view);
    },
    dispose: () => built.untrack(),
  };
}
