// The learning-rate explorer: gradient descent on a kernel-learning problem, re-run in the
// browser on every change. The reader picks the problem (a 1 x 2 edge kernel or a 3 x 3 Sobel
// kernel from a photo), the learning rate (log slider, critical rate marked), the epochs and
// the start (lr_controls.js); the page computes the critical rate itself (critical.js), says
// what the run does (lr_words.js) and draws it (lr_charts.js), in the colours of the page it
// sits on. The state lives in the kit's store; the kit's bridge saves it to Python and hears
// Python's changes (kit/KIT.md: the state rules, the echo rule).
import { learnKernel, lossAt } from "./convmath.js";
import { criticalRate, eigenDirections, hessian } from "./critical.js";
import { bridge } from "./kit/bridge.js";
import { el } from "./kit/controls.js";
import { createStore } from "./kit/store.js";
import { followTheme, themeColours } from "./kit/theme.js";
import { chartPanels } from "./lr_charts.js";
import { buildControls } from "./lr_controls.js";
import { finalWords, verdict } from "./lr_words.js";

const TRAITS = ["problem", "lr", "epochs", "init_rows"];

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

/** The model's traits as the store keeps them; a start of another shape is the problem's own. */
function fromModel({ problem, lr, epochs, init_rows: init }, problems) {
  const shape = (rows) => JSON.stringify(rows.map((row) => row.length));
  const own = problems[problem].init_rows;
  return { problem, lr, epochs, init: shape(init) === shape(own) ? init : own };
}

/** Run the state's training and show it: the controls, the verdict, the kernel, the charts. */
function shower(problems, store, controls, { status, final, charts, box }) {
  let run = null;
  const draw = () => run && charts.draw(problems[store.get().problem], store.get(), run, themeColours(box));
  const show = (state, changed, cause) => {
    const P = problems[state.problem];
    if (changed.includes("problem")) controls.start();
    controls.show(state, cause === "typed");
    run = learnKernel(P.X, P.Y, state.init, state.lr, state.epochs);
    const { text, bad } = verdict(P, state.init, state.lr, run);
    status.textContent = text;
    status.classList.toggle("cb-bad", bad);
    final.textContent = finalWords(run);
    draw();
  };
  return { show, draw };
}

/** Call `redraw` when `node` changes width (not height, which the drawing itself sets); a stop. */
function onWidth(node, redraw) {
  let width = 0;
  const resized = new ResizeObserver(() => {
    if (node.clientWidth !== width) {
      width = node.clientWidth;
      redraw();
    }
  });
  resized.observe(node);
  return () => resized.disconnect();
}

function render({ model, el: root }) {
  const problems = Object.fromEntries(Object.entries(model.get("problems")).map(([name, p]) => [name, study(p)]));
  const store = createStore(fromModel(Object.fromEntries(TRAITS.map((t) => [t, model.get(t)])), problems));
  const link = bridge(model, TRAITS, (values) => store.set(fromModel(values, problems), "python"));
  const save = (...traits) => {
    const { problem, lr, epochs, init } = store.get();
    const all = { problem, lr, epochs, init_rows: init };
    link.save(Object.fromEntries(traits.map((t) => [t, all[t]])));
  };
  const choose = (name) => {
    if (name === store.get().problem) return;
    store.set({ problem: name, lr: problems[name].lr, init: problems[name].init_rows }, "chosen");
    save("problem", "lr", "init_rows");
  };
  const controls = buildControls(problems, model.get("ranges"), store, {
    choose, drag: (patch) => store.set(patch, "dragged"), release: (trait) => save(trait),
    type: (patch) => store.set(patch, "typed"), leave: () => save("lr", "epochs", "init_rows"),
  });
  const parts = { box: el("div", "cb-widget cb-lr"), charts: chartPanels(), status: el("p", "cb-status"), final: el("p", "cb-final") };
  parts.status.setAttribute("aria-live", "polite");
  parts.box.append(controls.node, parts.charts.node, parts.status, parts.final);
  root.replaceChildren(parts.box);
  const { show, draw } = shower(problems, store, controls, parts);
  const stops = [store.subscribe(show), link.dispose, followTheme(parts.box, draw), onWidth(parts.charts.node, draw)];
  controls.start();
  show(store.get(), [], "");
  return () => stops.forEach((stop) => stop());
}

export default { render };
