// src/convbook/widgets/convmath.js
var FLOAT32_MAX = 34028234663852886e22;
function outputShape(X, K) {
  return [X.length - K.length + 1, X[0].length - K[0].length + 1];
}
function corr2d(X, K) {
  const [oh, ow] = outputShape(X, K);
  const Y = [];
  for (let i = 0; i < oh; i++) {
    const row = [];
    for (let j = 0; j < ow; j++) {
      let sum = 0;
      for (let a = 0; a < K.length; a++) {
        for (let b = 0; b < K[0].length; b++) sum += X[i + a][j + b] * K[a][b];
      }
      row.push(sum);
    }
    Y.push(row);
  }
  return Y;
}
function learnKernel(X, Y, init, lr, epochs) {
  let K = init.map((row) => row.map(Math.fround));
  const losses = [];
  const weights = [];
  let divergedAt = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const residual = corr2d(X, K).map((row, i) => row.map((v, j) => v - Y[i][j]));
    const loss = residual.flat().reduce((sum, r) => sum + r * r, 0);
    if (!(loss <= FLOAT32_MAX)) {
      divergedAt = epoch;
      break;
    }
    const gradient = corr2d(X, residual);
    const next = K.map((row, a) => row.map((k, b) => Math.fround(k - lr * 2 * gradient[a][b])));
    if (!next.flat().every(Number.isFinite)) {
      divergedAt = epoch;
      break;
    }
    K = next;
    losses.push(loss);
    weights.push(K);
  }
  return { losses, weights, divergedAt, kernel: weights.length ? weights.at(-1) : init };
}
function firstRise(losses) {
  const index = losses.findIndex((loss) => loss > losses[0]);
  return index < 0 ? null : index + 1;
}
function lossAt(X, Y, K) {
  const target = Y.flat();
  return corr2d(X, K).flat().reduce((sum, v, n) => sum + (v - target[n]) ** 2, 0);
}

// src/convbook/widgets/draw.js
var VIRIDIS = [
  "#440154",
  "#472d7b",
  "#3b528b",
  "#2c728e",
  "#21918c",
  "#28ae80",
  "#5ec962",
  "#addc30",
  "#fde725"
];
function interpolate(stops, t) {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const [a, b] = [stops[i], stops[i + 1]].map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
  return a.map((v, k) => Math.round(v + (b[k] - v) * (x - i)));
}
function viridis(t) {
  return `rgb(${interpolate(VIRIDIS, t).join(",")})`;
}
function fmt(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  if (v === Math.round(v) && Math.abs(v) < 1e6) return String(v);
  if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(digits)));
}
function canvas(width, height, label) {
  const c = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  c.width = Math.round(width * ratio);
  c.height = Math.round(height * ratio);
  c.style.width = `${width}px`;
  c.style.height = `${height}px`;
  c.setAttribute("role", "img");
  c.setAttribute("aria-label", label);
  c.getContext("2d").scale(ratio, ratio);
  return c;
}
function axes(ctx, width, height, [x0, x1], [y0, y1], { logY = false, xLabel = "", yLabel = "" } = {}) {
  const m = { left: 52, right: 10, top: 10, bottom: 34 };
  const ty = (y) => logY ? Math.log10(y) : y;
  const [ly0, ly1] = [ty(y0), ty(y1)];
  const px = (x) => m.left + (x - x0) / (x1 - x0 || 1) * (width - m.left - m.right);
  const py = (y) => height - m.bottom - (ty(y) - ly0) / (ly1 - ly0 || 1) * (height - m.top - m.bottom);
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = "#555";
  ctx.lineWidth = 1;
  ctx.strokeRect(m.left, m.top, width - m.left - m.right, height - m.top - m.bottom);
  ctx.fillStyle = "#222";
  ctx.font = "11px sans-serif";
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  const yTicks = logY ? Array.from({ length: Math.floor(ly1) - Math.ceil(ly0) + 1 }, (_, k) => 10 ** (Math.ceil(ly0) + k)) : [y0, (y0 + y1) / 2, y1];
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
function line(ctx, ax, points, color, dots = false) {
  ctx.save();
  ax.clip();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  points.forEach(([x, y], k) => k ? ctx.lineTo(ax.px(x), ax.py(y)) : ctx.moveTo(ax.px(x), ax.py(y)));
  ctx.stroke();
  if (dots) points.forEach(([x, y]) => ctx.fillRect(ax.px(x) - 2, ax.py(y) - 2, 4, 4));
  ctx.restore();
}
function el(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}
function save(model, values) {
  for (const [name, value] of Object.entries(values)) model.set(name, value);
  try {
    model.save_changes();
  } catch (error) {
  }
}

// src/convbook/widgets/lr_explorer.js
var STEPS = 1e3;
function render({ model, el: root }) {
  const X = model.get("x_rows");
  const Y = model.get("y_rows");
  const [lrMin, lrMax] = [model.get("lr_min"), model.get("lr_max")];
  const critical = model.get("critical_lr");
  const toSlider = (lr) => Math.round(Math.log(lr / lrMin) / Math.log(lrMax / lrMin) * STEPS);
  const fromSlider = (position) => lrMin * (lrMax / lrMin) ** (position / STEPS);
  const state = { lr: model.get("lr"), epochs: model.get("epochs"), init: model.get("init_rows") };
  const rate = el("input", "cb-lr-slider");
  Object.assign(rate, { type: "range", min: "0", max: String(STEPS), step: "1" });
  rate.setAttribute("aria-label", "learning rate (logarithmic)");
  const rateText = el("output", "cb-lr-value");
  const slider = el("span", "cb-slider");
  const mark = el("span", "cb-mark", `\u25B2 critical ${fmt(critical, 3)}`);
  mark.style.left = `${toSlider(critical) / STEPS * 100}%`;
  slider.append(rate, mark);
  const epochs = el("input", "cb-epochs");
  Object.assign(epochs, { type: "range", min: "1", max: "200", step: "1" });
  epochs.setAttribute("aria-label", "epochs");
  const epochsText = el("output", "cb-epochs-value");
  const start = el("span", "cb-start", "Start ");
  const startInputs = state.init.flat().map((v, n) => {
    const input = el("input");
    Object.assign(input, { type: "number", step: "0.1", value: String(v) });
    input.setAttribute("aria-label", `starting weight ${n}`);
    input.addEventListener("input", () => {
      const values = startInputs.map((box2) => Number(box2.value));
      if (startInputs.some((box2) => box2.value === "") || !values.every(Number.isFinite)) return;
      const width = state.init[0].length;
      state.init = state.init.map((row, a) => row.map((_, b) => values[a * width + b]));
      update();
      sync();
    });
    return input;
  });
  start.append(...startInputs);
  const row1 = el("div", "cb-row");
  const rateLabel = el("label", "", "Learning rate ");
  rateLabel.append(slider, " ", rateText);
  row1.append(rateLabel);
  const row2 = el("div", "cb-row");
  const epochsLabel = el("label", "", "Epochs ");
  epochsLabel.append(epochs, " ", epochsText);
  row2.append(epochsLabel, start);
  const lossCanvas = canvas(380, 260, "loss per epoch, logarithmic scale");
  const twoWeights = state.init.flat().length === 2;
  const pathCanvas = canvas(300, 260, "path of the two kernel weights over the loss surface");
  const panels = el("div", "cb-panels");
  panels.append(lossCanvas, ...twoWeights ? [pathCanvas] : []);
  const status = el("p", "cb-status");
  status.setAttribute("aria-live", "polite");
  const final = el("p", "cb-final");
  const box = el("div", "cb-lr");
  box.append(row1, row2, panels, status, final);
  root.replaceChildren(box);
  function sync() {
    save(model, { lr: state.lr, epochs: state.epochs, init_rows: state.init });
  }
  function drawLoss(run) {
    const ctx = lossCanvas.getContext("2d");
    const tiny = 1e-12;
    const points = run.losses.map((loss, e) => [e + 1, Math.max(loss, tiny)]);
    const ys = points.map(([, y]) => y);
    const low = 10 ** Math.floor(Math.log10(Math.min(...ys, 1)));
    const high = 10 ** Math.ceil(Math.log10(Math.max(...ys, 10)));
    const ax = axes(ctx, 380, 260, [1, Math.max(2, state.epochs)], [low, high], {
      logY: true,
      xLabel: "epoch",
      yLabel: "summed squared loss"
    });
    if (points.length) line(ctx, ax, points, "#3b528b", points.length < 60);
  }
  function drawPath(run) {
    const ctx = pathCanvas.getContext("2d");
    const path = [state.init, ...run.weights].map((K) => K.flat());
    const target = model.get("optimum_rows").flat();
    const asKernel = (w) => state.init.map((row, a) => row.map((_, b) => w[a * row.length + b]));
    const near = [...path.filter((w) => w.every((v) => Math.abs(v) < 3)), target, state.init.flat()];
    const [xs, ys] = [near.map((w) => w[0]), near.map((w) => w[1])];
    const pad = 0.4;
    const xr = [Math.min(...xs) - pad, Math.max(...xs) + pad];
    const yr = [Math.min(...ys) - pad, Math.max(...ys) + pad];
    const ax = axes(ctx, 300, 260, xr, yr, { xLabel: "weight 0", yLabel: "weight 1" });
    const n = 48;
    const size = [(ax.px(xr[1]) - ax.px(xr[0])) / n, (ax.py(yr[0]) - ax.py(yr[1])) / n];
    const levels = [];
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const w = [xr[0] + (b + 0.5) * (xr[1] - xr[0]) / n, yr[1] - (a + 0.5) * (yr[1] - yr[0]) / n];
        levels.push([a, b, Math.log10(lossAt(X, Y, asKernel(w)) + 1e-6)]);
      }
    }
    const top = Math.max(...levels.map(([, , v]) => v));
    for (const [a, b, v] of levels) {
      const band = Math.floor((v + 6) / (top + 6) * 10) / 10;
      ctx.fillStyle = viridis(band);
      ctx.fillRect(ax.px(xr[0]) + b * size[0], ax.py(yr[1]) + a * size[1], size[0] + 0.5, size[1] + 0.5);
    }
    line(ctx, ax, path, "#ffffff", true);
    ctx.fillStyle = "#e8590c";
    ctx.fillRect(ax.px(target[0]) - 4, ax.py(target[1]) - 4, 8, 8);
  }
  function describe(run) {
    const above = state.lr > critical;
    const kernel = run.kernel.map((row) => row.map((v) => v.toFixed(4)).join(", ")).join("; ");
    final.textContent = `Kernel after ${run.losses.length} epochs: [${kernel}]`;
    status.classList.toggle("cb-bad", above || run.divergedAt !== null);
    if (run.divergedAt !== null) {
      status.textContent = `Diverges: the loss overflows at epoch ${run.divergedAt}, so training stops there (lr ${fmt(state.lr, 3)} is above the critical rate ${fmt(critical, 3)}).`;
    } else if (above) {
      const rise = firstRise(run.losses);
      status.textContent = `Diverges: lr ${fmt(state.lr, 3)} is above the critical rate ${fmt(critical, 3)}; ` + (rise ? `the loss passes its starting value at epoch ${rise} ` : "the loss will grow ") + `and reaches ${fmt(run.losses.at(-1), 3)} at epoch ${run.losses.length}.`;
    } else {
      status.textContent = `Converges: lr ${fmt(state.lr, 3)} is below the critical rate ${fmt(critical, 3)}; the loss at epoch ${run.losses.length} is ${fmt(run.losses.at(-1), 3)}.`;
    }
  }
  function update() {
    rate.value = String(toSlider(state.lr));
    rateText.textContent = state.lr.toFixed(4);
    epochs.value = String(state.epochs);
    epochsText.textContent = String(state.epochs);
    const run = learnKernel(X, Y, state.init, state.lr, state.epochs);
    drawLoss(run);
    if (twoWeights) drawPath(run);
    describe(run);
  }
  rate.addEventListener("input", () => {
    state.lr = Number(fromSlider(Number(rate.value)).toPrecision(4));
    update();
  });
  epochs.addEventListener("input", () => {
    state.epochs = Number(epochs.value);
    update();
  });
  rate.addEventListener("change", sync);
  epochs.addEventListener("change", sync);
  const fromPython = () => {
    const same = state.lr === model.get("lr") && state.epochs === model.get("epochs") && JSON.stringify(state.init) === JSON.stringify(model.get("init_rows"));
    if (same) return;
    Object.assign(state, { lr: model.get("lr"), epochs: model.get("epochs"), init: model.get("init_rows") });
    state.init.flat().forEach((v, n) => {
      startInputs[n].value = String(v);
    });
    update();
  };
  for (const name of ["lr", "epochs", "init_rows"]) model.on(`change:${name}`, fromPython);
  update();
  return () => {
    for (const name of ["lr", "epochs", "init_rows"]) model.off(`change:${name}`, fromPython);
  };
}
var lr_explorer_default = { render };
export {
  lr_explorer_default as default
};
