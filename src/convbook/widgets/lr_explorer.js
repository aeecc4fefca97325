// The learning-rate explorer: gradient descent on the kernel-learning problem, re-run in
// the browser on every slider move. Shows the loss per epoch and, for two-weight kernels,
// the path of the weights over the loss surface.
import { firstRise, learnKernel, lossAt } from "./convmath.js";
import { axes, canvas, el, fmt, line, save, viridis } from "./draw.js";

const STEPS = 1000;

function render({ model, el: root }) {
  const X = model.get("x_rows");
  const Y = model.get("y_rows");
  const [lrMin, lrMax] = [model.get("lr_min"), model.get("lr_max")];
  const critical = model.get("critical_lr");
  const toSlider = (lr) => Math.round((Math.log(lr / lrMin) / Math.log(lrMax / lrMin)) * STEPS);
  const fromSlider = (position) => lrMin * (lrMax / lrMin) ** (position / STEPS);
  const state = { lr: model.get("lr"), epochs: model.get("epochs"), init: model.get("init_rows") };

  const rate = el("input", "cb-lr-slider");
  Object.assign(rate, { type: "range", min: "0", max: String(STEPS), step: "1" });
  rate.setAttribute("aria-label", "learning rate (logarithmic)");
  const rateText = el("output", "cb-lr-value");
  const slider = el("span", "cb-slider");
  const mark = el("span", "cb-mark", `▲ critical ${fmt(critical, 3)}`);
  mark.style.left = `${(toSlider(critical) / STEPS) * 100}%`;
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
      const values = startInputs.map((box) => Number(box.value));
      if (startInputs.some((box) => box.value === "") || !values.every(Number.isFinite)) return;
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
  panels.append(lossCanvas, ...(twoWeights ? [pathCanvas] : []));
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
      logY: true, xLabel: "epoch", yLabel: "summed squared loss",
    });
    if (points.length) line(ctx, ax, points, "#3b528b", points.length < 60);
  }

  function drawPath(run) {
    const ctx = pathCanvas.getContext("2d");
    const path = [state.init, ...run.weights].map((K) => K.flat());
    const target = model.get("optimum_rows").flat();
    const asKernel = (w) => state.init.map((row, a) => row.map((_, b) => w[a * row.length + b]));
    const near = [...path.filter((w) => w.every((v) => Math.abs(v) < 3)), target, state.init.flat()]; // divergent steps leave the view
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
        const w = [xr[0] + ((b + 0.5) * (xr[1] - xr[0])) / n, yr[1] - ((a + 0.5) * (yr[1] - yr[0])) / n];
        levels.push([a, b, Math.log10(lossAt(X, Y, asKernel(w)) + 1e-6)]);
      }
    }
    const top = Math.max(...levels.map(([, , v]) => v));
    for (const [a, b, v] of levels) {
      const band = Math.floor(((v + 6) / (top + 6)) * 10) / 10; // ten bands: filled contours
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
      status.textContent = `Diverges: the loss overflows at epoch ${run.divergedAt}, so training stops there ` +
        `(lr ${fmt(state.lr, 3)} is above the critical rate ${fmt(critical, 3)}).`;
    } else if (above) {
      const rise = firstRise(run.losses);
      status.textContent = `Diverges: lr ${fmt(state.lr, 3)} is above the critical rate ${fmt(critical, 3)}; ` +
        (rise ? `the loss passes its starting value at epoch ${rise} ` : "the loss will grow ") +
        `and reaches ${fmt(run.losses.at(-1), 3)} at epoch ${run.losses.length}.`;
    } else {
      status.textContent = `Converges: lr ${fmt(state.lr, 3)} is below the critical rate ${fmt(critical, 3)}; ` +
        `the loss at epoch ${run.losses.length} is ${fmt(run.losses.at(-1), 3)}.`;
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
    const same = state.lr === model.get("lr") && state.epochs === model.get("epochs") &&
      JSON.stringify(state.init) === JSON.stringify(model.get("init_rows"));
    if (same) return; // our own change coming back
    Object.assign(state, { lr: model.get("lr"), epochs: model.get("epochs"), init: model.get("init_rows") });
    state.init.flat().forEach((v, n) => { startInputs[n].value = String(v); });
    update();
  };
  for (const name of ["lr", "epochs", "init_rows"]) model.on(`change:${name}`, fromPython);
  update();
  return () => {
    for (const name of ["lr", "epochs", "init_rows"]) model.off(`change:${name}`, fromPython);
  };
}

export default { render };
