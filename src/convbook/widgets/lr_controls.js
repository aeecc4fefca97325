// The learning-rate explorer's controls, built from the kit's (kit/controls.js): the problem,
// the rate's log slider with the critical rate marked under it, the epochs, and one box per
// starting weight. Every range comes from Python (the problem's lr_range, the widget's ranges).
import { el, numberBox, options, setSlider, slider } from "./kit/controls.js";
import { float32Text } from "./kit/number.js";
import { markWords, plural, rateWords, sig } from "./lr_words.js";

/** The slider position (0 to steps) of rate lr on the log scale over range [low, high]. */
export function toPosition(lr, [low, high], steps) {
  return Math.min(steps, Math.max(0, Math.round((Math.log(lr / low) / Math.log(high / low)) * steps)));
}

/** The rate at slider position `position`, to 4 digits. */
export function fromPosition(position, [low, high], steps) {
  return Number((low * (high / low) ** (position / steps)).toPrecision(4));
}

/** A kit number box whose aria-invalid reads "false" once valid, and whose refusal ends by
 * saying what is kept (`kept()`, a phrase). */
function box({ kept, onValue, ...config }) {
  const b = numberBox({ ...config, words: (error) => `${error} Still ${kept()}.`,
    onValue: (v) => {
      b.input.setAttribute("aria-invalid", "false");
      onValue(v);
    } });
  const set = b.set;
  b.set = (v) => {
    set(v);
    b.input.setAttribute("aria-invalid", "false");
  };
  b.set(config.value);
  return b;
}

function row(name, ...nodes) {
  const r = el("div", "cb-row");
  r.append(el("span", "cb-name", name), ...nodes);
  return r;
}

/**
 * The controls for `problems` (names to studied problems) under `ranges`: { node, show, start }.
 * `on` = { choose(name), drag(patch), release(trait), type(patch), leave() } hears the reader.
 */
export function buildControls(problems, ranges, store, on) {
  const current = () => problems[store.get().problem];
  const steps = ranges.rate.max;
  const choice = el("select", "cb-problem");
  choice.setAttribute("aria-label", "learning problem");
  options(choice, Object.keys(problems), store.get().problem);
  choice.addEventListener("change", () => on.choose(choice.value));

  const rate = slider(ranges.rate, "learning rate (logarithmic slider)", "cb-lr-slider");
  const [scale, tick, mark] = [el("span", "cb-scale"), el("span", "cb-tick"), el("span", "cb-mark")];
  scale.append(tick, mark);
  const track = el("span", "cb-slider");
  track.append(rate, scale);
  rate.addEventListener("input", () => on.drag({ lr: fromPosition(Number(rate.value), current().lr_range, steps) }));
  rate.addEventListener("change", () => on.release("lr"));
  const rateBox = box({ label: "learning rate", className: "cb-lr-value", value: store.get().lr,
    show: (v) => String(Number(v.toPrecision(6))), kept: () => `lr ${sig(store.get().lr)}`,
    rule: () => ({ low: current().lr_range[0], high: current().lr_range[1] }),
    onValue: (lr) => on.type({ lr }), onLeave: on.leave });

  const epochs = slider(ranges.epochs, "epochs (slider)", "cb-epochs");
  epochs.addEventListener("input", () => on.drag({ epochs: Number(epochs.value) }));
  epochs.addEventListener("change", () => on.release("epochs"));
  const epochsBox = box({ label: "epochs", className: "cb-epochs-value", value: store.get().epochs,
    kept: () => plural(store.get().epochs, "epoch"), onValue: (n) => on.type({ epochs: n }), onLeave: on.leave,
    rule: () => ({ low: ranges.epochs.min, high: ranges.epochs.max, whole: true }) });

  const start = el("span", "cb-start");
  const startRow = row("Start", start);
  startRow.classList.add("cb-start-row");
  let startBoxes = [];
  const node = el("div");
  node.append(row("Problem", choice), row("Learning rate", track, rateBox.node), row("Epochs", epochs, epochsBox.node), startRow);

  return {
    node,
    /** One box per starting weight of the problem now shown (on a change of problem). */
    start() {
      const { init, problem } = store.get();
      const [kh, kw] = problems[problem].shape;
      start.style.gridTemplateColumns = `repeat(${kw}, auto)`;
      startBoxes = init.flat().map((v, n) => {
        const [a, b] = [Math.floor(n / kw), n % kw];
        const weight = (state) => state.init[a][b];
        return box({ label: `starting weight K[${a},${b}]`, value: v, show: float32Text,
          kept: () => `K[${a},${b}] starts at ${float32Text(weight(store.get()))}`, rule: () => ({ float32: true }),
          onValue: (w) => on.type({ init: store.get().init.map((r, i) => r.map((old, j) => (i === a && j === b ? Math.fround(w) : old))) }),
          onLeave: on.leave });
      });
      start.replaceChildren(...startBoxes.map((b) => b.node));
      start.setAttribute("aria-label", `starting kernel, ${kh} × ${kw}`);
      showMark();
    },
    /** Show the state: sliders always, the boxes unless the change was typed in one. */
    show(state, typed) {
      const P = current();
      setSlider(rate, toPosition(state.lr, P.lr_range, steps), rateWords(state.lr, P.critical));
      setSlider(epochs, Math.min(ranges.epochs.max, state.epochs), plural(state.epochs, "epoch"));
      if (typed) return;
      choice.value = state.problem;
      rateBox.set(state.lr);
      epochsBox.set(state.epochs);
      state.init.flat().forEach((v, n) => startBoxes[n].set(v));
    },
  };

  function showMark() {
    const P = current();
    const [low, high] = P.lr_range;
    scale.hidden = !(P.critical !== null && P.critical >= low && P.critical <= high);
    if (scale.hidden) return;
    const at = (toPosition(P.critical, P.lr_range, steps) / steps) * 100;
    tick.style.left = `${at}%`;
    mark.textContent = markWords(P.critical, at);
    Object.assign(mark.style, at > 50 ? { left: "auto", right: `calc(${100 - at}% - 0.45em)` } : { right: "auto", left: `calc(${at}% - 0.45em)` });
  }
}
