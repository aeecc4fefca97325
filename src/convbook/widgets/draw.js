// Drawing for the widgets: heatmaps, a colour bar and line charts on <canvas>.
// The colour scales are the book's figures' (convbook.plot.colour_scale): matplotlib's
// viridis for values that are never negative, its diverging red-blue map (RdBu_r, white at
// zero) for signed values. Both stay readable with colour-blindness.

const VIRIDIS = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c",
                 "#28ae80", "#5ec962", "#addc30", "#fde725"];
const RED_BLUE = ["#053061", "#2a71b2", "#6bacd1", "#c2ddec", "#f7f6f6",
                  "#fbccb4", "#e48066", "#ba2832", "#67001f"];
const GREY = ["#000000", "#ffffff"];

function interpolate(stops, t) {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const [a, b] = [stops[i], stops[i + 1]].map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
  return a.map((v, k) => Math.round(v + (b[k] - v) * (x - i)));
}

/** Colour for t in [0, 1], interpolated between the viridis stops. */
export function viridis(t) {
  return `rgb(${interpolate(VIRIDIS, t).join(",")})`;
}

/** The colour scale for values in [low, high]: red-blue symmetric about 0 if any is negative. */
export function colourScale(low, high) {
  if (low < 0) {
    const bound = Math.max(-low, Math.abs(high)) || 1;
    return { stops: RED_BLUE, low: -bound, high: bound };
  }
  return { stops: VIRIDIS, low, high: high > low ? high : low + 1 };
}

/**
 * Photos are grey, from black at their lowest value to white at their highest; a picture of
 * one colour (values in [0, 1], as pictures are) is drawn in its own grey, on 0 to 1.
 */
export function greyScale(low, high) {
  if (high > low) return { stops: GREY, low, high };
  return { stops: GREY, low: Math.min(0, low), high: Math.max(1, high) };
}

function linear(channel) {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Black or white, whichever contrasts more with the colour [r, g, b] (WCAG's luminance). */
export function textOn(rgb) {
  const luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000" : "#fff";
}

/** The [r, g, b] colour of v on a scale, and the text colour that reads on it. */
export function paint(scale, v) {
  const rgb = interpolate(scale.stops, (v - scale.low) / (scale.high - scale.low));
  return { rgb, fill: `rgb(${rgb.join(",")})`, text: textOn(rgb) };
}

// 256 colours per scale, so that a large matrix is painted without parsing a colour per cell.
const TABLES = new Map();
function table(stops) {
  if (!TABLES.has(stops)) {
    const t = new Uint8ClampedArray(256 * 3);
    for (let k = 0; k < 256; k++) t.set(interpolate(stops, k / 255), 3 * k);
    TABLES.set(stops, t);
  }
  return TABLES.get(stops);
}

/** Short, readable number: 19, -0.25, 0.111, 1.2e-5. */
export function fmt(v, digits = 3) {
  if (Number.isNaN(v) || typeof v !== "number") return "?"; // never "NaN" or "undefined" on a page
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === Math.round(v) && Math.abs(v) < 1e6) return String(v);
  if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(digits)));
}

/** A canvas sharp on high-DPI screens: the kit's (kit/canvas.js). */
export { hidpiCanvas as canvas } from "./kit/canvas.js";

/** Pixel size of one matrix cell so that the whole matrix fits in `room` pixels. */
export function cellSize(M, room = 240, largest = 34) {
  return Math.max(2, Math.min(largest, Math.floor(room / Math.max(M.length, M[0].length))));
}

/**
 * Draw M as coloured cells on the scale of [low, high] (or the `scale` given); values are
 * written in when cells are big enough. `cell` is the cells' side, or [height, width] for cells
 * that are not square. `outline` [top, left, h, w] rings a window in black and white, which
 * shows on every colour of every scale.
 */
export function heatmap(ctx, M, cell, low, high, outline = null, scale = colourScale(low, high)) {
  const [ch, cw] = Array.isArray(cell) ? cell : [cell, cell];
  ctx.clearRect(0, 0, M[0].length * cw, M.length * ch);
  if (ch === cw && cw >= 24) cellsWithValues(ctx, M, cw, scale);
  else pixels(ctx, M, ch, cw, scale);
  if (outline) ring(ctx, outline, [ch, cw]);
}

/** Ring the window [top, left, h, w] of cells [height, width] in black and white. */
export function ring(ctx, [top, left, h, w], [ch, cw]) {
  const box = [left * cw + 1.5, top * ch + 1.5, w * cw - 3, h * ch - 3];
  ctx.lineWidth = 3;
  ctx.strokeStyle = "#000";
  ctx.strokeRect(...box);
  ctx.lineWidth = 1;
  ctx.strokeStyle = "#fff";
  ctx.strokeRect(...box);
}

function cellsWithValues(ctx, M, cell, scale) {
  const size = Math.floor(cell * 0.36);
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  M.forEach((row, i) => row.forEach((v, j) => {
    const { fill, text } = paint(scale, v);
    ctx.fillStyle = fill;
    ctx.fillRect(j * cell, i * cell, cell, cell);
    const label = fmt(v, 2);
    ctx.font = `${size}px sans-serif`;
    const fits = Math.min(1, (cell - 4) / ctx.measureText(label).width); // long labels shrink
    if (size * fits < 8) return; // ... or are left to the hover text and the values list
    ctx.font = `${Math.floor(size * fits)}px sans-serif`;
    ctx.fillStyle = text;
    ctx.fillText(label, (j + 0.5) * cell, (i + 0.5) * cell);
  }));
}

// One pixel per cell on a scratch canvas, then scaled up without smoothing: fast for 128 x 128.
const scratch = typeof document === "undefined" ? null : document.createElement("canvas");
function pixels(ctx, M, ch, cw, scale) {
  const [h, w] = [M.length, M[0].length];
  if (scratch.width !== w || scratch.height !== h) Object.assign(scratch, { width: w, height: h });
  const small = scratch.getContext("2d");
  const image = small.createImageData(w, h);
  const [colours, data] = [table(scale.stops), image.data];
  const [low, span] = [scale.low, scale.high - scale.low];
  for (let i = 0, p = 0; i < h; i++) {
    const row = M[i];
    for (let j = 0; j < w; j++, p += 4) {
      const t = (row[j] - low) / span;
      const k = 3 * Math.round(255 * (t > 0 ? (t < 1 ? t : 1) : 0));
      data[p] = colours[k];
      data[p + 1] = colours[k + 1];
      data[p + 2] = colours[k + 2];
      data[p + 3] = 255;
    }
  }
  small.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, w * cw, h * ch);
}

/** A horizontal colour bar for the scale of [low, high] (or `scale`), its ends labelled in `ink`. */
export function colorbar(ctx, width, low, high, label, ink = "#222", scale = colourScale(low, high)) {
  ctx.clearRect(0, 0, width, 44);
  for (let x = 0; x < width; x++) {
    ctx.fillStyle = paint(scale, scale.low + (x / (width - 1)) * (scale.high - scale.low)).fill;
    ctx.fillRect(x, 0, 1, 14);
  }
  ctx.fillStyle = ink;
  ctx.font = "12px sans-serif";
  ctx.textBaseline = "top";
  ctx.textAlign = "left";
  ctx.fillText(fmt(scale.low), 0, 17);
  ctx.textAlign = "right";
  ctx.fillText(fmt(scale.high), width, 17);
  ctx.textAlign = "center";
  ctx.fillText(label, width / 2, 30);
}

/** Axes box for charts: maps data (x, y) to pixels inside a margin. */
export function axes(ctx, width, height, [x0, x1], [y0, y1], { logY = false, xLabel = "", yLabel = "" } = {}) {
  const m = { left: 52, right: 10, top: 10, bottom: 34 };
  const ty = (y) => (logY ? Math.log10(y) : y);
  const [ly0, ly1] = [ty(y0), ty(y1)];
  const px = (x) => m.left + ((x - x0) / (x1 - x0 || 1)) * (width - m.left - m.right);
  const py = (y) => height - m.bottom - ((ty(y) - ly0) / (ly1 - ly0 || 1)) * (height - m.top - m.bottom);
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = "#555";
  ctx.lineWidth = 1;
  ctx.strokeRect(m.left, m.top, width - m.left - m.right, height - m.top - m.bottom);
  ctx.fillStyle = "#222";
  ctx.font = "11px sans-serif";
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  const yTicks = logY
    ? Array.from({ length: Math.floor(ly1) - Math.ceil(ly0) + 1 }, (_, k) => 10 ** (Math.ceil(ly0) + k))
    : [y0, (y0 + y1) / 2, y1];
  const step = Math.ceil(yTicks.length / 6);
  yTicks.filter((_, k) => k % step === 0).forEach((y) => ctx.fillText(fmt(y, 2), m.left - 4, py(y)));
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  [x0, (x0 + x1) / 2, x1].forEach((x) => ctx.fillText(fmt(x, 2), px(x), height - m.bottom + 4));
  ctx.fillText(xLabel, (m.left + width - m.right) / 2, height - 14);
  ctx.save();
  ctx.translate(11, (m.top + height - m.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(yLabel, 0, -6);
  ctx.restore();
  const clip = () => {
    ctx.beginPath();
    ctx.rect(m.left, m.top, width - m.left - m.right, height - m.top - m.bottom);
    ctx.clip();
  };
  return { px, py, clip, m };
}

/** A polyline through points [x, y], in the axes' coordinates. */
export function line(ctx, ax, points, color, dots = false) {
  ctx.save();
  ax.clip();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  points.forEach(([x, y], k) => (k ? ctx.lineTo(ax.px(x), ax.py(y)) : ctx.moveTo(ax.px(x), ax.py(y))));
  ctx.stroke();
  if (dots) points.forEach(([x, y]) => ctx.fillRect(ax.px(x) - 2, ax.py(y) - 2, 4, 4));
  ctx.restore();
}
