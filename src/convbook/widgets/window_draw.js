// The window explorer's drawings: SVG grids of cells styled by window_explorer.css (so they
// follow the theme), the padding hatched, the window's taps filled and its reach dashed; and
// the rule that no text in them is shown under 12 px.
import { fmt } from "./draw.js";
import { counting, stampCells, windowCells } from "./window_math.js";

const CELL = 32; // one cell, in the drawing's units
const EDGE = 2; // room for the outlines around the grid
const SMALLEST_TEXT = 12; // CSS pixels: text drawn smaller is left out (numbers) or enlarged (labels)

// ---- Drawing: SVG grids styled by window_explorer.css, so they follow the theme ----

function cellRect(r, c, cls, h = 1, w = 1, extra = "") {
  return `<rect class="${cls}" x="${EDGE + c * CELL}" y="${EDGE + r * CELL}" width="${w * CELL}" ` +
    `height="${h * CELL}"${extra}/>`;
}

/** One font size for every number of a drawing, in its units: the longest of `values` fits a cell. */
function numberSize(values) {
  const longest = Math.max(1, ...values.flat().map((v) => fmt(v).length));
  return Math.min(CELL * 0.42, (CELL * 0.94) / (0.6 * longest));
}

function cellText(r, c, value, size) {
  return `<text x="${EDGE + (c + 0.5) * CELL}" y="${EDGE + (r + 0.5) * CELL}" font-size="${size.toFixed(1)}">${fmt(value)}</text>`;
}

/**
 * A drawing of rows x cols cells whose numbers are `size` units high. It is drawn large enough
 * for them to be SMALLEST_TEXT pixels (at least 0.95 px a unit) and shrinks with the page
 * (max-width); `fitText` then leaves out numbers the shrinking made too small.
 */
function svg(rows, cols, name, body, hatch, size) {
  const [w, h] = [cols * CELL + 2 * EDGE, rows * CELL + 2 * EDGE];
  const scale = Math.min(1.5, Math.max(0.95, (SMALLEST_TEXT * 1.02) / size));
  const pattern = `<defs><pattern id="${hatch}" width="7" height="7" patternUnits="userSpaceOnUse" ` +
    `patternTransform="rotate(45)"><line class="cb-hatch" x1="0" y1="0" x2="0" y2="7"/></pattern></defs>`;
  return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${name}" data-number-size="${size}" ` +
    `style="width:${Math.round(w * scale)}px">${pattern}${body}</svg>`;
}

/**
 * Keep every text in the drawing `svg` at least SMALLEST_TEXT pixels high as shown: its numbers
 * are left out (class cb-quiet) where they would be smaller, a strip's label is enlarged, or
 * left out where it would not fit its strip. Returns whether numbers were left out.
 */
export function fitText(drawing) {
  if (!drawing) return false;
  const shown = drawing.getBoundingClientRect().width / drawing.viewBox.baseVal.width; // pixels a unit
  if (!shown) return false;
  const quiet = Number(drawing.dataset.numberSize) * shown < SMALLEST_TEXT;
  drawing.classList.toggle("cb-quiet", quiet);
  for (const label of drawing.querySelectorAll(".cb-strip")) {
    const size = Math.max(13, SMALLEST_TEXT / shown);
    label.style.fontSize = `${size}px`;
    label.style.display = size > 0.8 * Number(label.dataset.room) ? "none" : "";
  }
  return quiet && drawing.querySelector("text:not(.cb-strip)") !== null;
}

function hatched(r, c, hatch, h = 1, w = 1) {
  return cellRect(r, c, "cb-pad", h, w, ` fill="url(#${hatch})"`);
}

/** Cells of a square grid of `size`, offset by `shift`: hatched outside [0, inside), numbered inside. */
function board(size, shift, inside, hatch, valueAt, textSize) {
  const parts = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const [i, j] = [r - shift, c - shift];
      const within = i >= 0 && j >= 0 && i < inside && j < inside;
      if (!within) {
        parts.push(hatched(r, c, hatch));
        continue;
      }
      parts.push(cellRect(r, c, "cb-cell"));
      const value = valueAt(i, j);
      if (value !== null) parts.push(cellText(r, c, value, textSize));
    }
  }
  return parts;
}

function taps(cells, shift) {
  return cells.map(([r, c]) => cellRect(r + shift, c + shift, "cb-tap"));
}

function reachBox([r, c], reach, shift) {
  return cellRect(r + shift, c + shift, "cb-reach", reach, reach);
}

function stripLabel(text, size, thickness, top) {
  if (!thickness) return "";
  const y = top ? EDGE + (thickness * CELL) / 2 : EDGE + (size - thickness / 2) * CELL;
  return `<text class="cb-strip" x="${EDGE + (size * CELL) / 2}" y="${y}" data-room="${thickness * CELL}">${text}</text>`;
}

export function drawForward(g, step, hatch, values) {
  const { n, p, m, padded, reach, left } = g;
  const [i, j] = [Math.floor(step / m), step % m];
  const window = windowCells(i, j, [g.k, g.k], { stride: g.s, dilation: g.d });
  const X = counting(n);
  const [inputSize, outputSize] = [numberSize(X), numberSize(values)];
  const input = board(padded, p, n, hatch, (a, b) => X[a][b], inputSize);
  if (left) {
    const from = padded - left;
    input.push(cellRect(from, 0, "cb-dropped", left, padded), cellRect(0, from, "cb-dropped", from, left));
  }
  input.push(...taps(window, 0), reachBox(window[0], reach, 0), stripLabel("padding", padded, p, true));
  const output = [];
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      const index = r * m + c;
      output.push(cellRect(r, c, index === step ? "cb-tap" : index < step ? "cb-done" : "cb-cell"));
      if (index <= step) output.push(cellText(r, c, values[r][c], outputSize));
    }
  }
  return [
    svg(padded, padded, `padded input, ${padded} by ${padded}; the window of output row ${i}, column ${j}`, input.join(""), hatch, inputSize),
    svg(m, m, `output, ${m} by ${m}; filled up to row ${i}, column ${j}`, output.join(""), hatch, outputSize),
  ];
}

export function drawTransposed(g, step, hatch, partial, R) {
  const { m, p, reach, result, op } = g;
  const [i, j] = [Math.floor(step / m), step % m];
  const Z = counting(m);
  const [inputSize, resultSize] = [numberSize(Z), numberSize(R)]; // R: every number it will hold
  const input = [];
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      const index = r * m + c;
      input.push(cellRect(r, c, index === step ? "cb-tap" : index < step ? "cb-done" : "cb-cell"), cellText(r, c, Z[r][c], inputSize));
    }
  }
  const full = result + 2 * p;
  const stamp = stampCells(i, j, [g.k, g.k], { stride: g.s, padding: p, dilation: g.d });
  const cells = board(full, p, result, hatch, (a, b) => partial[a][b], resultSize);
  if (op) {
    const from = p + result - op;
    cells.push(cellRect(from, p, "cb-extra", op, result), cellRect(p, from, "cb-extra", result - op, op));
  }
  cells.push(...taps(stamp, p), reachBox(stamp[0], reach, p), stripLabel("cropped", full, p, true));
  return [
    svg(m, m, `input Z of the transposed convolution, ${m} by ${m}; stamping row ${i}, column ${j}`, input.join(""), hatch, inputSize),
    svg(full, full, `result R, ${result} by ${result}, inside the cropped border; stamps up to row ${i}, column ${j}`, cells.join(""), hatch, resultSize),
  ];
}

/** The result after the stamps of inputs 0 .. step (reading order): blank where none landed yet. */
export function stampedSoFar(g, step) {
  const R = Array.from({ length: g.result }, () => new Array(g.result).fill(null));
  const Z = counting(g.m);
  const K = counting(g.k);
  for (let index = 0; index <= step; index++) {
    const [i, j] = [Math.floor(index / g.m), index % g.m];
    for (const [r, c, a, b] of stampCells(i, j, [g.k, g.k], { stride: g.s, padding: g.p, dilation: g.d })) {
      if (r >= 0 && c >= 0 && r < g.result && c < g.result) R[r][c] = (R[r][c] ?? 0) + Z[i][j] * K[a][b];
    }
  }
  return R;
}