// The learning-rate explorer's three charts: the loss per epoch (log scale); for a two-weight
// kernel, the path of the weights over the contours of the loss, with the Hessian's two
// eigen-directions and the optimum; for more weights, each entry of the kernel over the epochs.
import { contourKey, filledContours, haloText, plotArea, polyline, prepare } from "./chart.js";
import { el } from "./kit/controls.js";
import { lossWords } from "./lr_words.js";

const LOSS_HEIGHT = 240;

function span(values) {
  return [Math.min(...values), Math.max(...values)];
}

/**
 * The loss measured at each epoch, on a log scale; a sentence where there is none to draw. A log
 * scale has no place for a loss of 0: where there is one, the axis gets a floor labelled 0, a
 * decade below its lowest power of ten, and the zeros are drawn on it.
 */
export function drawLoss(canvas, width, run, epochs, colours) {
  const ctx = prepare(canvas, width, LOSS_HEIGHT);
  const positive = run.losses.filter((loss) => loss > 0);
  const zeroFloor = positive.length < run.losses.length;
  const [least, most] = positive.length ? span(positive) : [1, 10];
  const low = 10 ** Math.floor(Math.log10(Math.min(least, 1))) / (zeroFloor ? 10 : 1);
  const high = 10 ** Math.ceil(Math.log10(Math.max(most, 10)));
  const area = plotArea(ctx, {
    width, height: LOSS_HEIGHT, xDomain: [1, Math.max(2, epochs)], yDomain: [low, high], logY: true,
    zeroFloor, xLabel: "epoch", yLabel: "summed squared loss", colours,
  });
  if (!run.losses.length) {
    const middle = (area.left + area.right) / 2;
    haloText(ctx, "no finite loss to draw:", middle, area.top + 60, colours, "center");
    haloText(ctx, "see the words below", middle, area.top + 80, colours, "center");
    return;
  }
  const points = run.losses.map((loss, e) => [e + 1, Math.max(loss, low)]); // a loss of 0 on the floor
  polyline(ctx, area, points, colours.accent, { dots: points.length <= 60 });
}

/** Loss levels for the contours: 1 and 3 times the powers of ten, at most 12, below `top`. */
function levelsBelow(top) {
  const levels = [];
  for (let k = Math.floor(Math.log10(top)); levels.length < 12; k--) {
    for (const level of [3 * 10 ** k, 10 ** k]) if (level < top && levels.length < 12) levels.unshift(level);
  }
  return levels;
}

/**
 * A square view around the start, the optimum and the path near them (far steps leave it), at
 * least a thousandth of the weights' size wide: a start at the optimum, or a float32 rounding
 * of it, still shows the bowl around it, with ticks that differ and contours that are smooth.
 */
function viewOf(start, optimum, path) {
  const reach = Math.hypot(start[0] - optimum[0], start[1] - optimum[1]) || 1;
  const near = path.filter((w) => Math.hypot(w[0] - optimum[0], w[1] - optimum[1]) <= 2 * reach);
  const [xs, ys] = [[start[0], optimum[0], ...near.map((w) => w[0])], [start[1], optimum[1], ...near.map((w) => w[1])]];
  const [[xa, xb], [ya, yb]] = [span(xs), span(ys)];
  const size = Math.max(...[...start, ...optimum].map(Math.abs));
  const half = Math.max((Math.max(xb - xa, yb - ya) / 2) * 1.3, 1e-3 * size) || 1;
  const [cx, cy] = [(xa + xb) / 2, (ya + yb) / 2];
  return [[cx - half, cx + half], [cy - half, cy + half]];
}

/**
 * The path of a two-weight kernel over filled contours of the loss above its lowest value,
 * 0.5 e^T H e for the kernel's distance e from the optimum (the loss is exactly quadratic),
 * with the eigen-directions of H through the optimum.
 */
export function drawPath(canvas, width, { H, directions, optimum, lowest, names, run, init }, colours) {
  const start = init.flat();
  const path = [start, ...run.weights.map((K) => K.flat())];
  const [xDomain, yDomain] = viewOf(start, optimum, path);
  const excess = (a, b) => {
    const [e0, e1] = [a - optimum[0], b - optimum[1]];
    return 0.5 * (H[0][0] * e0 * e0 + 2 * H[0][1] * e0 * e1 + H[1][1] * e1 * e1);
  };
  const corners = [xDomain[0], xDomain[1]].flatMap((a) => [yDomain[0], yDomain[1]].map((b) => excess(a, b)));
  const levels = levelsBelow(Math.max(...corners, 1e-300));
  const shade = (level) => (levels.indexOf(level) + 1) / levels.length;
  const ctx = prepare(canvas, width, width + 60);
  const area = plotArea(ctx, { width, height: 0, xDomain, yDomain, xLabel: names[0], yLabel: names[1], colours, square: true });
  prepare(canvas, width, area.height + 50); // now that the area's height is known
  const drawn = plotArea(ctx, { width, height: 0, xDomain, yDomain, xLabel: names[0], yLabel: names[1], colours, square: true });
  filledContours(ctx, drawn, excess, levels, shade);
  const reach = 3 * (xDomain[1] - xDomain[0]);
  directions.forEach(({ value, vector: [vx, vy] }, k) => {
    const ends = [-reach, reach].map((t) => [optimum[0] + t * vx, optimum[1] + t * vy]);
    polyline(ctx, drawn, ends, "#ffffff", { halo: "rgba(0, 0, 0, 0.55)", width: 1.5, dash: k ? [3, 4] : [10, 5] });
    const half = (xDomain[1] - xDomain[0]) / 2;
    const centre = [(xDomain[0] + xDomain[1]) / 2, (yDomain[0] + yDomain[1]) / 2];
    const [lx, ly] = [1, -1] // the side of the optimum nearer the middle of the view
      .map((sign) => [optimum[0] + sign * 0.55 * half * vx, optimum[1] + sign * 0.55 * half * vy])
      .sort((p, q) => Math.hypot(p[0] - centre[0], p[1] - centre[1]) - Math.hypot(q[0] - centre[0], q[1] - centre[1]))[0];
    const text = `${k ? "flat" : "steep"}: λ = ${Number(value.toPrecision(3))}`;
    const px = Math.min(drawn.right - 55, Math.max(drawn.left + 55, drawn.x(lx)));
    haloText(ctx, text, px, drawn.y(ly) + (k ? 14 : -14), colours, "center");
  });
  polyline(ctx, drawn, path, "#ffffff", { dots: path.length <= 80, halo: "rgba(0, 0, 0, 0.7)" });
  const [dx, dy] = [drawn.x(optimum[0]) - drawn.x(start[0]), drawn.y(optimum[1]) - drawn.y(start[1])];
  mark(ctx, drawn, start, "start", colours, false, [-dx, -dy]); // labels away from the path between
  mark(ctx, drawn, optimum, "optimum", colours, true, [dx, dy]);
  const label = lowest > levels[0] ? `loss above its lowest value, ${Number(lowest.toPrecision(3))}` : "loss";
  contourKey(ctx, { left: drawn.left, top: drawn.height + 2, width: drawn.right - drawn.left }, levels, shade, label, colours);
}

/** A round mark at data point [a, b], its label on the side `away` points to (pixels). */
function mark(ctx, area, [a, b], text, colours, filled, away) {
  const [px, py] = [area.x(a), area.y(b)];
  if (px < area.left || px > area.right || py < area.top || py > area.bottom) return;
  ctx.save();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = "#000000";
  ctx.fillStyle = filled ? colours.accent : "#ffffff";
  ctx.beginPath();
  ctx.arc(px, py, 5.5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
  const [ux, uy] = away;
  const right = ux >= 0 ? px + 70 < area.right : px - 70 < area.left; // flip where it would leave the chart
  const down = uy >= 0 ? py + 24 < area.bottom : py - 24 < area.top;
  haloText(ctx, text, px + (right ? 10 : -10), py + (down ? 14 : -14), colours, right ? "left" : "right");
}

/**
 * For kernels of more than two weights: each entry over the epochs (epoch 0 the start), one
 * small chart per entry laid out as the kernel is, the optimum's value dashed.
 */
export function drawEntries(canvas, width, { optimum, run, init }, colours) {
  const [kh, kw] = [init.length, init[0].length];
  const cellWidth = Math.floor(width / kw);
  const cellHeight = 118;
  const ctx = prepare(canvas, cellWidth * kw, cellHeight * kh);
  const kernels = [init, ...run.weights];
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const values = kernels.map((K) => K[a][b]);
      const target = optimum[a][b];
      const [low, high] = span([...values, target]);
      const pad = (high - low) * 0.1 || Math.abs(target) * 0.1 || 1;
      ctx.save();
      ctx.translate(b * cellWidth, a * cellHeight + 16);
      const area = plotArea(ctx, {
        width: cellWidth - 6, height: cellHeight - 18, xDomain: [0, Math.max(1, kernels.length - 1)],
        yDomain: [low - pad, high + pad], colours, ticks: 2,
      });
      polyline(ctx, area, [[0, target], [Math.max(1, kernels.length - 1), target]], colours.muted, { width: 1.5, dash: [4, 3] });
      polyline(ctx, area, values.map((v, e) => [e, v]), colours.accent, { width: 1.8 });
      ctx.restore();
      haloText(ctx, `K[${a},${b}] → ${Number(target.toFixed(3))}`, b * cellWidth + cellWidth / 2, a * cellHeight + 8, colours, "center");
    }
  }
}

/** The two figures, side by side where there is room: { node, draw(P, state, run, colours) }. */
export function chartPanels() {
  const figure = (caption) => {
    const [node, canvas, words] = [el("figure"), el("canvas"), el("figcaption", "", caption)];
    canvas.setAttribute("role", "img");
    node.append(canvas, words);
    return { node, canvas, words };
  };
  const [loss, path] = [figure("Loss per epoch (log scale)"), figure("")];
  const node = el("div", "cb-panels");
  node.append(loss.node, path.node);
  return {
    node,
    /** Draw `run` of problem P from state.init, in `colours`, as wide as the panels allow. */
    draw(P, state, run, colours) {
      const room = Math.max(240, node.clientWidth || 400);
      const width = room >= 2 * 290 + 24 ? Math.min(420, Math.floor((room - 24) / 2)) : Math.min(room, 420);
      drawLoss(loss.canvas, width, run, state.epochs, colours);
      loss.canvas.setAttribute("aria-label", lossWords(run));
      if (P.H) {
        const names = [0, 1].map((n) => `K[${Math.floor(n / P.shape[1])},${n % P.shape[1]}]`);
        drawPath(path.canvas, width, {
          H: P.H, directions: P.directions, optimum: P.optimum_rows.flat(), lowest: P.lowest, names, run, init: state.init,
        }, colours);
        path.words.textContent = "Path of the weights over the loss's contours";
        path.canvas.setAttribute("aria-label", "path of the two kernel weights over the contours of the loss, with the optimum and the two eigen-directions of the Hessian");
      } else {
        drawEntries(path.canvas, width, { optimum: P.optimum_rows, run, init: state.init }, colours);
        path.words.textContent = "Each kernel entry over the epochs; dashed: the optimum";
        path.canvas.setAttribute("aria-label", "each kernel entry over the epochs, with the optimum's value dashed");
      }
    },
  };
}
