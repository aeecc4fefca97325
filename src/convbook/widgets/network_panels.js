// The network explorer's pictures: the input grid (drawn on with the pointer or the keys), each
// layer's maps as tiles on one canvas (four to a row, a cell apart), with the receptive field of
// the hovered cell ringed in every layer below it, and the probabilities as bars.
import { colourScale, greyScale, heatmap, ring } from "./draw.js";
import { hidpiCanvas } from "./kit/canvas.js";
import { el } from "./kit/controls.js";
import { inField } from "./network_field.js";
import { levelName, percent } from "./network_words.js";

export const ACROSS = 4; // tiles to a row
const ROOM = { input: 240, layer: 300 }; // largest side of each picture, CSS px

/** Where the tiles of `count` maps of side `side` lie: rows and columns of cells, gaps included. */
export function tiling(count, side) {
  const down = Math.ceil(count / ACROSS);
  return { count, side, down, rows: down * (side + 1) - 1, cols: ACROSS * (side + 1) - 1 };
}

/** The map cell { channel, i, j } at grid cell (r, c) of a tiling, or null in a gap. */
export function tileCell(t, r, c) {
  const [ti, tj, i, j] = [Math.floor(r / (t.side + 1)), Math.floor(c / (t.side + 1)), r % (t.side + 1), c % (t.side + 1)];
  const channel = ti * ACROSS + tj;
  return i === t.side || j === t.side || channel >= t.count ? null : { channel, i, j };
}

/** The height and width, in cells, of a level's box of a receptive field. */
const fieldSize = (box) => [box.rows[1] - box.rows[0] + 1, box.cols[1] - box.cols[0] + 1];

/** Ring a level's box of a receptive field in every tile it covers (draw.js ring). */
function ringField(ctx, t, box, cell) {
  for (let ch = 0; ch < t.count; ch++) {
    if (!inField(box, ch, box.rows[0], box.cols[0])) continue;
    const [top, left] = [Math.floor(ch / ACROSS) * (t.side + 1), (ch % ACROSS) * (t.side + 1)];
    ring(ctx, [top + box.rows[0], left + box.cols[0], ...fieldSize(box)], [cell, cell]);
  }
}

/** One layer's maps as tiles, on one colour scale from 0 to the layer's largest value. */
export function drawLayer(canvas, t, maps, cell, box) {
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, t.cols * cell, t.rows * cell);
  const scale = colourScale(0, Math.max(0, ...maps.flat(2)));
  maps.forEach((M, ch) => {
    ctx.save();
    ctx.translate((ch % ACROSS) * (t.side + 1) * cell, Math.floor(ch / ACROSS) * (t.side + 1) * cell);
    heatmap(ctx, M, cell, 0, 0, null, scale);
    ctx.restore();
  });
  if (box) ringField(ctx, t, box, cell);
  return scale;
}

/** The input grid: paper black, ink white; the pen's cell and a receptive field ringed. */
export function drawInput(canvas, image, cell, { pen, box }) {
  const ctx = canvas.getContext("2d");
  heatmap(ctx, image, cell, 0, 0, null, greyScale(0, 1));
  if (box) ring(ctx, [box.rows[0], box.cols[0], ...fieldSize(box)], [cell, cell]);
  if (pen) {
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#ff7a00";
    ctx.strokeRect(pen[1] * cell + 1, pen[0] * cell + 1, cell - 2, cell - 2);
  }
}

/** The canvases, built once for the network's shapes: { input, layers: [{ canvas, tiling, cell }] }. */
export function buildPictures(node, side, sizes) {
  const inputCell = Math.floor(ROOM.input / side);
  const input = hidpiCanvas(side * inputCell, side * inputCell,
    `input, ${side} by ${side}, to draw on: drag with the mouse, a finger or a pen; or focus it, move the pen with the arrow keys and press Space to ink or wipe a cell`);
  input.classList.add("cb-input");
  const figure = (canvas, caption) => {
    const f = el("figure", "cb-panel");
    f.append(canvas, el("figcaption", "", caption));
    return f;
  };
  const layers = sizes.slice(1).map(({ side: s, channels }, n) => {
    const t = tiling(channels, s);
    const cell = Math.max(2, Math.floor(ROOM.layer / t.cols));
    const name = levelName(n + 1);
    const canvas = hidpiCanvas(t.cols * cell, t.rows * cell,
      `${name}: ${channels} maps of ${s} by ${s}; focus and use the arrow keys to move from cell to cell and see what each reads`);
    canvas.classList.add("cb-layer");
    return { canvas, tiling: t, cell, figure: figure(canvas, `${name}: ${channels} maps, ${s} × ${s}`) };
  });
  node.replaceChildren(figure(input, `input (${side} × ${side}): draw here`), ...layers.map((l) => l.figure));
  return { input, inputCell, layers };
}

/** The ten probabilities as bars, the most likely marked: { node, show(probabilities) }. */
export function bars(names) {
  const node = el("ol", "cb-bars");
  node.setAttribute("aria-label", "probability of each digit");
  const rows = names.map((name, n) => {
    const li = el("li", "cb-bar-row");
    const fill = el("span", "cb-fill");
    const track = el("span", "cb-track");
    track.append(fill);
    const value = el("span", "cb-p");
    li.append(el("span", "cb-class", `${n} ${name}`), track, value);
    node.append(li);
    return { li, fill, value };
  });
  return {
    node,
    show(probabilities, best) {
      rows.forEach(({ li, fill, value }, n) => {
        fill.style.width = `${(100 * probabilities[n]).toFixed(2)}%`;
        value.textContent = percent(probabilities[n]);
        li.classList.toggle("cb-best", n === best);
      });
    },
  };
}
