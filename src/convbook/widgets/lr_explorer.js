// The learning-rate explorer: gradient descent on a kernel-learning problem, re-run in the
// browser on every change. The reader picks the problem (a 1 x 2 edge kernel or a 3 x 3 Sobel
// kernel from a photo), the learning rate (log slider, critical rate marked), the epochs and
// the start; the page computes the critical rate itself (critical.js) and draws the loss per
// epoch and the path of the weights (lr_charts.js), in the colours of the page it sits on.
import { firstRise, FLOAT32_MAX, learnKernel, lossAt } from "./convmath.js";
import { criticalRate, eigenDirections, hessian } from "./critical.js";
import { el, save } from "./draw.js";
import { drawEntries, drawLoss, drawPath } from "./lr_charts.js";
import { followTheme, themeColours } from "./kit/theme.js";
import { float32Text, readNumber } from "./typed.js";

const STEPS = 1000;
const MAX_EPOCHS = 200;

/** v to `digits` significant digits, in powers of ten where it is large or small: 1.234e+20,
 * 1.401e+4 (never 14010, whose last digit would not be significant). */
export function sig(v, digits = 4) {
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 10 ** digits || a < 1e-4 ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
}

/** Both numbers with the fewest digits (at least 4) that tell them apart. */
export function apart(a, b) {
  for (let digits = 4; digits <= 17; digits++) {
    if (sig(a, digits) !== sig(b, digits)) return [sig(a, digits), sig(b, digits)];
  }
  return [sig(a, 17), sig(b, 17)];
}

/** A kernel entry as the page prints it: 4 decimals, or 4 digits in powers of ten if large. */
export function weightText(v) {
  const text = Math.abs(v) >= 1e5 ? v.toExponential(3) : v.toFixed(4);
  return text === "-0.0000" ? "0.0000" : text;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** What the page knows of one problem: its data and the curvature it computes itself. */
function study(problem) {
  const [kh, kw] = [problem.init_rows.length, problem.init_rows[0].length];
  const X = problem.x_rows;
  const H = kh * kw === 2 ? hessian(X, kh, kw) : null;
  return {
    ...problem, X, Y: problem.y_rows, shape: [kh, kw], H,
    critical: criticalRate(X, kh, kw),
    directions: H ? eigenDirections(H) : null,
    lowest: lossAt(X, problem.y_rows, problem.optimum_rows),
  };
}

/** A number box with its refusal beside it: `accept(value)` is called with each valid value. */
function numberBox(label, rule, accept) {
  const wrap = el("span", "cb-box");
  const input = el("input");
  Object.assign(input, { type: "text", inputMode: "decimal", spellcheck: false, autocomplete: "off" });
  input.setAttribute("aria-label", label);
  const message = el("span", "cb-refusal");
  message.id = `cb-lr-${Math.random().toString(36).slice(2)}`;
  message.setAttribute("aria-live", "polite");
  input.setAttribute("aria-describedby", message.id);
  const refuse = (words) => {
    message.textContent = words;
    input.setAttribute("aria-invalid", String(Boolean(words)));
  };
  input.addEventListener("input", () => {
    const read = readNumber(input.value, rule());
    if (read.error) refuse(`${read.error} Still ${box.shown()}.`);
    else {
      refuse("");
      accept(read.value);
    }
  });
  wrap.append(input, message);
  const box = {
    wrap, input,
    shown: () => "",
    show(text) {
      input.value = text;
      refuse("");
    },
  };
  return box;
}

function render({ model, el: root }) {
  const problems = Object.fromEntries(Object.entries(model.get("problems")).map(([name, p]) => [name, study(p)]));
  const state = { problem: model.get("problem"), lr: model.get("lr"), epochs: model.get("epochs"), init: model.get("init_rows") };
  const current = () => problems[state.problem];
  const box = el("div", "cb-lr");

  // ---- Controls ----
  const choice = el("select", "cb-problem");
  choice.setAttribute("aria-label", "learning problem");
  for (const name of Object.keys(problems)) choice.append(new Option(name, name));
  const problemRow = el("div", "cb-row");
  problemRow.append(el("span", "cb-name", "Problem"), choice);

  const rate = el("input", "cb-lr-slider");
  Object.assign(rate, { type: "range", min: "0", max: String(STEPS), step: "1" });
  rate.setAttribute("aria-label", "learning rate (logarithmic slider)");
  const scale = el("span", "cb-scale");
  const tick = el("span", "cb-tick");
  const mark = el("span", "cb-mark");
  scale.append(tick, mark);
  const slider = el("span", "cb-slider");
  slider.append(rate, scale);
  const rateBox = numberBox("learning rate", () => ({ low: current().lr_range[0], high: current().lr_range[1] }), (lr) => {
    state.lr = lr;
    update({ boxes: false });
    sync();
  });
  rateBox.input.classList.add("cb-lr-value");
  rateBox.shown = () => `lr ${sig(state.lr)}`;
  const rateRow = el("div", "cb-row");
  rateRow.append(el("span", "cb-name", "Learning rate"), slider, rateBox.wrap);

  const epochs = el("input", "cb-epochs");
  Object.assign(epochs, { type: "range", min: "1", max: String(MAX_EPOCHS), step: "1" });
  epochs.setAttribute("aria-label", "epochs (slider)");
  const epochsBox = numberBox("epochs", () => ({ low: 1, high: MAX_EPOCHS, whole: true }), (n) => {
    state.epochs = n;
    update({ boxes: false });
    sync();
  });
  epochsBox.input.classList.add("cb-epochs-value");
  epochsBox.shown = () => plural(state.epochs, "epoch");
  const epochsRow = el("div", "cb-row");
  epochsRow.append(el("span", "cb-name", "Epochs"), epochs, epochsBox.wrap);

  const startRow = el("div", "cb-row cb-start-row");
  const start = el("span", "cb-start");
  startRow.append(el("span", "cb-name", "Start"), start);
  let startBoxes = [];

  // ---- Charts and words ----
  const lossCanvas = el("canvas");
  lossCanvas.setAttribute("role", "img");
  const lossFigure = el("figure");
  lossFigure.append(lossCanvas, el("figcaption", "", "Loss per epoch (log scale)"));
  const pathCanvas = el("canvas");
  pathCanvas.setAttribute("role", "img");
  const pathCaption = el("figcaption");
  const pathFigure = el("figure");
  pathFigure.append(pathCanvas, pathCaption);
  const panels = el("div", "cb-panels");
  panels.append(lossFigure, pathFigure);
  const status = el("p", "cb-status");
  status.setAttribute("aria-live", "polite");
  const final = el("p", "cb-final");
  box.append(problemRow, rateRow, epochsRow, startRow, panels, status, final);
  root.replaceChildren(box);

  const toSlider = (lr) => {
    const [low, high] = current().lr_range;
    return Math.min(STEPS, Math.max(0, Math.round((Math.log(lr / low) / Math.log(high / low)) * STEPS)));
  };
  const fromSlider = (position) => {
    const [low, high] = current().lr_range;
    return Number((low * (high / low) ** (position / STEPS)).toPrecision(4));
  };

  function sync(names = ["lr", "epochs", "init_rows"]) {
    const values = { problem: state.problem, lr: state.lr, epochs: state.epochs, init_rows: state.init };
    save(model, Object.fromEntries(names.map((name) => [name, values[name]])));
  }

  function buildStart() {
    const [kh, kw] = current().shape;
    start.style.gridTemplateColumns = `repeat(${kw}, auto)`;
    startBoxes = state.init.flat().map((_, n) => {
      const [a, b] = [Math.floor(n / kw), n % kw];
      const weight = numberBox(`starting weight K[${a},${b}]`, () => ({ float32: true }), (v) => {
        state.init = state.init.map((row, r) => row.map((old, c) => (r === a && c === b ? Math.fround(v) : old)));
        update({ boxes: false });
        sync(["init_rows"]);
      });
      weight.shown = () => `K[${a},${b}] starts at ${float32Text(state.init[a][b])}`;
      return weight;
    });
    start.replaceChildren(...startBoxes.map((b) => b.wrap));
    start.setAttribute("aria-label", `starting kernel, ${kh} × ${kw}`);
  }

  function showRate() {
    const P = current();
    rate.value = String(toSlider(state.lr));
    let words = `learning rate ${sig(state.lr)}`;
    if (P.critical !== null) {
      const [lrText, criticalText] = apart(state.lr, P.critical);
      const side = state.lr < P.critical ? "below" : state.lr > P.critical ? "above" : "at";
      words = `learning rate ${lrText}, ${side} the critical rate ${criticalText}`;
    }
    rate.setAttribute("aria-valuetext", words);
    epochs.value = String(Math.min(MAX_EPOCHS, state.epochs));
  }

  function showBoxes() {
    choice.value = state.problem;
    rateBox.show(String(Number(state.lr.toPrecision(6))));
    epochsBox.show(String(state.epochs));
    state.init.flat().forEach((v, n) => startBoxes[n].show(float32Text(v)));
  }

  function showMark() {
    const P = current();
    const [low, high] = P.lr_range;
    const inside = P.critical !== null && P.critical >= low && P.critical <= high;
    scale.hidden = !inside;
    if (!inside) return;
    const at = (toSlider(P.critical) / STEPS) * 100;
    tick.style.left = `${at}%`;
    mark.textContent = at > 50 ? `critical rate ${sig(P.critical, 5)} ▲` : `▲ critical rate ${sig(P.critical, 5)}`;
    Object.assign(mark.style, at > 50 ? { left: "auto", right: `calc(${100 - at}% - 0.45em)` } : { right: "auto", left: `calc(${at}% - 0.45em)` });
  }

  function describe(run) {
    const P = current();
    const [lrText, criticalText] = P.critical === null ? [sig(state.lr), ""] : apart(state.lr, P.critical);
    const above = P.critical !== null && state.lr > P.critical;
    const versus = P.critical === null ? `(X is all zeros: every rate is stable)`
      : `lr ${lrText} is ${above ? "above" : state.lr < P.critical ? "below" : "exactly at"} the critical rate ${criticalText}`;
    const done = run.losses.length;
    status.classList.toggle("cb-bad", above || run.divergedAt !== null);
    if (run.divergedAt === 1 && run.overflowed === "loss") {
      const startLoss = lossAt(P.X, P.Y, state.init);
      status.textContent = `No step taken: the loss at the start, ${Number.isFinite(startLoss) ? `about ${sig(startLoss, 2)}` : "far beyond float64"}, ` +
        `is already more than float32 can hold (${sig(FLOAT32_MAX, 2)}), so training stops before its first step, ` +
        `whatever the rate. Choose a start with smaller weights.`;
    } else if (run.divergedAt !== null) {
      const what = run.overflowed === "loss" ? "the loss overflows" : "the kernel overflows after the step";
      status.textContent = `${above ? "Diverges" : "Stops"}: ${what} at epoch ${run.divergedAt} (beyond float32), ` +
        `so training stops there (${versus}).`;
    } else if (above) {
      const rise = firstRise(run.losses);
      status.textContent = `Diverges: ${versus}; ` + (rise
        ? `the loss passes its starting value at epoch ${rise} and reaches ${sig(run.losses.at(-1))} at epoch ${done}.`
        : `the part of the error along the steepest direction grows at every step; by epoch ${done} the loss is ${sig(run.losses.at(-1))} and will grow.`);
    } else {
      status.textContent = `Converges: ${versus}; the loss at epoch ${done} is ${sig(run.losses.at(-1))}.`;
    }
    const rows = run.kernel.map((row) => row.map(weightText).join(", ")).join("; ");
    final.textContent = done
      ? `Kernel after ${plural(done, "epoch")}: [${rows}]. Loss at epoch ${done} (measured before its step): ${sig(run.losses.at(-1))}.`
      : `Kernel: [${rows}], the start, unchanged.`;
  }

  let lastRun = null;
  function draw() {
    if (!lastRun) return;
    const P = current();
    const colours = themeColours(box);
    const room = Math.max(240, panels.clientWidth || 400);
    const width = room >= 2 * 290 + 24 ? Math.min(420, Math.floor((room - 24) / 2)) : Math.min(room, 420);
    drawLoss(lossCanvas, width, lastRun, state.epochs, colours);
    const last = lastRun.losses.length ? `; loss at epoch ${lastRun.losses.length} ${sig(lastRun.losses.at(-1))}` : "; no finite loss";
    lossCanvas.setAttribute("aria-label", `loss per epoch, logarithmic scale${last}`);
    if (P.H) {
      drawPath(pathCanvas, width, {
        H: P.H, directions: P.directions, optimum: P.optimum_rows.flat(), lowest: P.lowest, names: names(P.shape),
        run: lastRun, init: state.init,
      }, colours);
      pathCaption.textContent = "Path of the weights over the loss's contours";
      pathCanvas.setAttribute("aria-label", "path of the two kernel weights over the contours of the loss, with the optimum and the two eigen-directions of the Hessian");
    } else {
      drawEntries(pathCanvas, width, { optimum: P.optimum_rows, run: lastRun, init: state.init }, colours);
      pathCaption.textContent = "Each kernel entry over the epochs; dashed: the optimum";
      pathCanvas.setAttribute("aria-label", "each kernel entry over the epochs, with the optimum's value dashed");
    }
  }

  function names([kh, kw]) {
    return [0, 1].map((n) => `K[${Math.floor(n / kw)},${n % kw}]`);
  }

  function update({ boxes = true } = {}) {
    showRate();
    if (boxes) showBoxes();
    const P = current();
    lastRun = learnKernel(P.X, P.Y, state.init, state.lr, state.epochs);
    describe(lastRun);
    draw();
  }

  function switchProblem(name) {
    Object.assign(state, { problem: name, lr: problems[name].lr, init: problems[name].init_rows });
    buildStart();
    showMark();
    update();
    sync(["problem", "lr", "init_rows"]);
  }

  choice.addEventListener("change", () => {
    if (choice.value !== state.problem) switchProblem(choice.value);
  });
  rate.addEventListener("input", () => {
    state.lr = fromSlider(Number(rate.value));
    update();
  });
  epochs.addEventListener("input", () => {
    state.epochs = Number(epochs.value);
    update();
  });
  rate.addEventListener("change", () => sync(["lr"]));
  epochs.addEventListener("change", () => sync(["epochs"]));

  // Python's changes arrive one trait at a time: read them all once they have all arrived.
  let pending = false;
  const fromPython = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      const name = model.get("problem");
      const init = model.get("init_rows");
      const fits = JSON.stringify(init.map((row) => row.length)) === JSON.stringify(problems[name].init_rows.map((row) => row.length));
      const next = { problem: name, lr: model.get("lr"), epochs: model.get("epochs"), init: fits ? init : problems[name].init_rows };
      if (JSON.stringify(next) === JSON.stringify(state)) return; // our own change coming back
      const switched = next.problem !== state.problem;
      Object.assign(state, next);
      if (switched) {
        buildStart();
        showMark();
      }
      update();
    });
  };
  const traits = ["problem", "lr", "epochs", "init_rows"];
  for (const name of traits) model.on(`change:${name}`, fromPython);

  let width = 0;
  const resized = new ResizeObserver(() => {
    if (panels.clientWidth !== width) {
      width = panels.clientWidth;
      draw();
    }
  });
  resized.observe(panels);
  const stopFollowing = followTheme(box, draw);
  buildStart();
  showMark();
  update();
  return () => {
    for (const name of traits) model.off(`change:${name}`, fromPython);
    resized.disconnect();
    stopFollowing();
  };
}

export default { render };
