// The receptive-field explorer's picture: one strip of cells per map, the deepest layer on top
// and the input at the bottom, each cell drawn under the middle of its field and as wide as its
// jump, so a field widens downwards like a pyramid. The cells a hovered (or focused) cell depends
// on are lit in every map below it; each canvas also lists them in data-lit for tests and
// screen readers get them in words (receptive_words.js).
import { el } from "./kit/controls.js";
import { cellCursor } from "./kit/cursor.js";
import { count, layerName } from "./receptive_words.js";

const UNIT = 12; // backing pixels per input cell (CSS scales the strips to the widget's width)
const HIGH = 22; // a strip's height, CSS px

/** Where map m's cells lie, in input cells: its first cell's left edge and each cell's width. */
function placement(row) {
  return { left: row.start + (row.r - 1) / 2 + 0.5 - row.j / 2, width: row.j };
}

function paint(canvas, size, width, lit, hovered, colours) {
  const ratio = window.devicePixelRatio || 1;
  const cell = width * UNIT * ratio;
  canvas.width = Math.max(1, Math.round(size * cell));
  canvas.height = Math.round(HIGH * ratio);
  const ctx = canvas.getContext("2d");
  const gap = Math.min(2 * ratio, cell / 4);
  for (let i = 0; i < size; i++) {
    const on = lit.has(i);
    ctx.globalAlpha = on || i === hovered ? 1 : 0.3;
    ctx.fillStyle = i === hovered ? colours.text : on ? colours.accent : colours.muted;
    ctx.fillRect(i * cell + gap / 2, 0, cell - gap, canvas.height);
  }
  ctx.globalAlpha = 1;
}

/** The strips in `node`, one per map up to `most` layers; `cursor(m)` gives map m's cellCursor options. */
export function strips(node, most, cursor) {
  const maps = [];
  for (let m = most; m >= 0; m--) {
    const canvas = el("canvas", `cb-strip cb-strip-${m}`);
    canvas.setAttribute("role", "img");
    canvas.style.height = `${HIGH}px`;
    const label = el("p", "cb-strip-label");
    const wrap = el("div", "cb-map");
    wrap.append(label, canvas);
    node.append(wrap);
    maps[m] = { canvas, label, wrap, untrack: cellCursor(canvas, cursor(m)) };
  }
  return {
    /** Draw the maps of `rows` (layerTable's), lighting `cells` (fieldCells' answer) under `at`. */
    draw({ layers, rows, cells, at, colours }) {
      const places = rows.map(placement);
      const lo = Math.min(...places.map((p) => p.left));
      const hi = Math.max(...places.map((p, m) => p.left + rows[m].size * p.width));
      maps.forEach((map, m) => {
        map.wrap.hidden = m >= rows.length;
        if (map.wrap.hidden) return;
        const { size, r, j } = rows[m];
        const lit = new Set(at && m <= at.layer ? cells[m] : []);
        const hovered = at && at.layer === m ? at.index : -1;
        paint(map.canvas, size, places[m].width, lit, hovered, colours);
        map.canvas.style.marginLeft = `${((places[m].left - lo) / (hi - lo)) * 100}%`;
        map.canvas.style.width = `${((size * places[m].width) / (hi - lo)) * 100}%`;
        map.canvas.dataset.cells = String(size);
        map.canvas.dataset.lit = [...lit].sort((a, b) => a - b).join(",");
        const name = m === 0 ? `Input, ${count(size)}` : `Layer ${m}, ${layerName(layers[m - 1])}: ${count(size)}, field r = ${r}, jump j = ${j}`;
        map.label.textContent = name;
        map.canvas.setAttribute("aria-label", `${name}. Focus and use the arrow keys, Home and End to move from cell to cell.`);
      });
    },
    dispose: () => maps.forEach((map) => map.untrack()),
  };
}
