// Charts on <canvas> for the learning-rate explorer: axes with ticks at round numbers
// (d3-scale), filled contours traced by marching squares (d3-contour), lines, and labels with
// a halo in the colour behind the widget so that they read over any fill. Colours come from
// the theme (theme.js themeColours); the contour fill is viridis, as in the book's figures.
import { contours } from "d3-contour";
import { scaleLinear, scaleLog } from "d3-scale";
import { viridis } from "./draw.js";

export const FONT = "13px sans-serif";
const SMALL = "12px sans-serif";
const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

/** Size `canvas` to width x height CSS pixels (sharp on high-DPI screens); a cleared context. */
export function prepare(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** 10 to the power k, written 10⁻⁹, 10⁰, 10³. */
export function powerOfTen(k) {
  return `10${String(k).replace(/./g, (c) => SUPERSCRIPT[c])}`;
}

/** Powers of ten inside [low, high], at most `count` of them (every second, third ... one). */
function decades(low, high, count) {
  const [first, last] = [Math.ceil(Math.log10(low) - 1e-9), Math.floor(Math.log10(high) + 1e-9)];
  const step = Math.max(1, Math.ceil((last - first + 1) / count));
  const ticks = [];
  for (let k = first; k <= last; k += step) ticks.push(k);
  return ticks.map((k) => ({ value: 10 ** k, text: powerOfTen(k) }));
}

/**
 * Tick labels: d3's round numbers, with as many digits as their step needs (0.9995, 1.0005),
 * in powers of ten where they would be long (2e+20, 1.5e-7).
 */
function linearTicks(scale, count) {
  const ticks = scale.ticks(count);
  const largest = Math.max(...ticks.map(Math.abs));
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  const format = scale.tickFormat(count);
  const digits = Math.max(0, Math.floor(Math.log10(largest)) - Math.floor(Math.log10(step))) + 1;
  const text = largest >= 1e5 || largest < 1e-3
    ? (v) => (v === 0 ? "0" : Number(v.toPrecision(digits)).toExponential())
    : (v) => format(v).replace("−", "-");
  return ticks.map((value) => ({ value, text: text(value) }));
}

/**
 * Axes on ctx for x in xDomain and y in yDomain (logarithmic if logY), inside width x height.
 * The margins fit the tick labels, so labels never overlap the axis titles. With `square`
 * the plot area is as high as it is wide (height is then ignored). With `zeroFloor` (log
 * axes) the bottom of the axis, a decade below the lowest power of ten, stands for 0: it is
 * labelled 0 and the axis is broken above it. Returns the area:
 * { x, y (d3 scales to pixels), left, top, right, bottom, width, height, clip() }.
 */
export function plotArea(ctx, { width, height, xDomain, yDomain, logY = false, zeroFloor = false, xLabel, yLabel, colours, square = false, ticks = 5 }) {
  ctx.font = SMALL;
  const y = (logY ? scaleLog() : scaleLinear()).domain(yDomain);
  const x = scaleLinear().domain(xDomain);
  const floor = zeroFloor && logY ? [{ value: yDomain[0], text: "0" }] : [];
  const yTicks = !logY ? linearTicks(y, ticks)
    : [...floor, ...decades(floor.length ? yDomain[0] * 10 : yDomain[0], yDomain[1], ticks - floor.length)];
  const xTicks = linearTicks(x, Math.max(2, Math.min(ticks, Math.floor(width / 70))));
  const labelWidth = Math.max(0, ...yTicks.map((t) => ctx.measureText(t.text).width));
  const left = (yLabel ? 20 : 4) + labelWidth + 6;
  const [right, top, bottom] = [10, 8, xLabel ? 38 : 22];
  const side = width - left - right;
  const full = square ? side + top + bottom : height;
  x.range([left, width - right]);
  y.range([full - bottom, top]);
  ctx.strokeStyle = colours.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(left, top, side, full - top - bottom);
  ctx.fillStyle = colours.text;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of yTicks) {
    ctx.fillText(t.text, left - 6, y(t.value));
    ctx.beginPath();
    ctx.moveTo(left - 3, y(t.value));
    ctx.lineTo(left, y(t.value));
    ctx.stroke();
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const t of xTicks) {
    ctx.fillText(t.text, x(t.value), full - bottom + 5);
    ctx.beginPath();
    ctx.moveTo(x(t.value), full - bottom);
    ctx.lineTo(x(t.value), full - bottom + 3);
    ctx.stroke();
  }
  if (floor.length) axisBreak(ctx, left, y(yDomain[0] * Math.sqrt(10)), colours);
  ctx.font = FONT;
  if (xLabel) ctx.fillText(xLabel, left + side / 2, full - 17);
  if (yLabel) {
    ctx.save();
    ctx.translate(2, top + (full - top - bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
  }
  const clip = () => {
    ctx.beginPath();
    ctx.rect(left, top, side, full - top - bottom);
    ctx.clip();
  };
  return { x, y, left, top, right: width - right, bottom: full - bottom, width, height: full, clip };
}

/** Two short slanted strokes across the vertical axis at (px, py): the axis is broken there. */
function axisBreak(ctx, px, py, colours) {
  ctx.save();
  ctx.fillStyle = colours.background;
  ctx.fillRect(px - 5, py - 3, 10, 6);
  ctx.strokeStyle = colours.muted;
  for (const dy of [-3, 3]) {
    ctx.beginPath();
    ctx.moveTo(px - 5, py + dy + 2);
    ctx.lineTo(px + 5, py + dy - 2);
    ctx.stroke();
  }
  ctx.restore();
}

/** A polyline through [x, y] data points, clipped to the area; dots at the points if asked. */
export function polyline(ctx, area, points, colour, { dots = false, halo = null, width = 2, dash = [] } = {}) {
  ctx.save();
  area.clip();
  const trace = () => {
    ctx.beginPath();
    points.forEach(([a, b], k) => (k ? ctx.lineTo(area.x(a), area.y(b)) : ctx.moveTo(area.x(a), area.y(b))));
  };
  ctx.setLineDash(dash);
  ctx.lineJoin = "round";
  if (halo) {
    ctx.strokeStyle = halo;
    ctx.lineWidth = width + 2.5;
    trace();
    ctx.stroke();
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  trace();
  ctx.stroke();
  if (dots) {
    ctx.fillStyle = colour;
    for (const [a, b] of points) {
      if (halo) {
        ctx.fillStyle = halo;
        ctx.fillRect(area.x(a) - 3, area.y(b) - 3, 6, 6);
        ctx.fillStyle = colour;
      }
      ctx.fillRect(area.x(a) - 2, area.y(b) - 2, 4, 4);
    }
  }
  ctx.restore();
}

/** Text at (px, py) in pixels, in the text colour over a halo of the background colour. */
export function haloText(ctx, text, px, py, colours, align = "left") {
  ctx.save();
  ctx.font = FONT;
  ctx.textAlign = align;
  ctx.textBaseline = "middle";
  ctx.lineJoin = "round";
  ctx.strokeStyle = colours.background;
  ctx.lineWidth = 4;
  ctx.strokeText(text, px, py);
  ctx.fillStyle = colours.text;
  ctx.fillText(text, px, py);
  ctx.restore();
}

/**
 * Filled contours of f over the area's domain: f is sampled on an n x n grid, d3-contour traces
 * the regions where f >= each level (marching squares), and each is filled with viridis at
 * `shade(level)` in [0, 1], lowest first, with a thin line along its edge. Below the lowest
 * level the fill is viridis(0).
 */
export function filledContours(ctx, area, f, levels, shade, n = 64) {
  const [x0, x1] = area.x.domain();
  const [y0, y1] = area.y.domain();
  const values = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      values[r * n + c] = f(x0 + ((c + 0.5) / n) * (x1 - x0), y1 - ((r + 0.5) / n) * (y1 - y0));
    }
  }
  const [sx, sy] = [(area.right - area.left) / n, (area.bottom - area.top) / n];
  ctx.save();
  area.clip();
  ctx.fillStyle = viridis(0);
  ctx.fillRect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = "rgba(0, 0, 0, 0.45)";
  for (const shape of contours().size([n, n]).thresholds(levels)(values)) {
    ctx.beginPath();
    for (const polygon of shape.coordinates) {
      for (const ring of polygon) {
        ring.forEach(([c, r], k) => {
          const [px, py] = [area.left + c * sx, area.top + r * sy];
          if (k) ctx.lineTo(px, py);
          else ctx.moveTo(px, py);
        });
        ctx.closePath();
      }
    }
    ctx.fillStyle = viridis(shade(shape.value));
    ctx.fill("evenodd");
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * A horizontal key of the contour bands: the band below the lowest level, then one per level,
 * each boundary that is a power of ten labelled.
 */
export function contourKey(ctx, { left, top, width }, levels, shade, label, colours) {
  const step = width / (levels.length + 1);
  [viridis(0), ...levels.map((level) => viridis(shade(level)))].forEach((fill, k) => {
    ctx.fillStyle = fill;
    ctx.fillRect(left + k * step, top, step + 0.5, 12);
  });
  ctx.fillStyle = colours.text;
  ctx.font = SMALL;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const labelled = levels.filter((level) => Number.isInteger(Math.round(Math.log10(level) * 1e9) / 1e9));
  const every = Math.max(1, Math.ceil((labelled.length * 40) / width));
  labelled.filter((_, k) => k % every === 0).forEach((level) => {
    const boundary = left + (levels.indexOf(level) + 1) * step;
    ctx.fillText(powerOfTen(Math.round(Math.log10(level))), boundary, top + 15);
  });
  ctx.font = FONT;
  ctx.fillText(label, left + width / 2, top + 33);
}
