// The kit's controls: small elements, labelled controls, sliders and selects whose ranges come
// from Python (a widget's `ranges` trait), and the number box with its one rule (KIT.md).
import { readNumber } from "./number.js";

let ids = 0;

/** A small element with optional class and text. */
export function el(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A page-unique id for aria-describedby and friends. */
export function uniqueId(prefix = "cb") {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A <button type="button">. */
export function button(text, className = "") {
  const b = el("button", className, text);
  b.type = "button";
  return b;
}

/** `control` with its words before it, in a <label>. */
export function labelled(text, control, className = "cb-control") {
  const node = el("label", className);
  node.append(el("span", "", text), control);
  return node;
}

/** A range slider over { min, max, step } (as Python sends ranges), named for screen readers. */
export function slider({ min, max, step = 1 }, name, className = "") {
  const input = el("input", className);
  Object.assign(input, { type: "range", min: String(min), max: String(max), step: String(step) });
  input.setAttribute("aria-label", name);
  return input;
}

/** Set a slider's value and the words a screen reader says for it, together. */
export function setSlider(input, value, words = String(value)) {
  input.value = String(value);
  input.setAttribute("aria-valuetext", words);
}

/** Fill `select` with `names` (or [value, text] pairs), `current` chosen. */
export function options(select, names, current) {
  select.replaceChildren(...names.map((n) => {
    const [value, text] = Array.isArray(n) ? n : [n, n];
    return new Option(text, value, false, value === current);
  }));
}

/**
 * A number box on readNumber, with the one rule of KIT.md: refused text stays in the box while
 * the reader is in it, marked aria-invalid, with words beside it (in `message`, or the box's
 * own); the last valid value is kept; leaving the box puts the kept value back (the words
 * stay until the next valid value). `onValue(value)` is called for each valid value typed,
 * `onLeave()` when the reader leaves the box. `words(error, kept)` writes the refusal.
 */
export function numberBox({ label, rule = () => ({}), value = 0, onValue = () => {}, onLeave = () => {},
  message = null, words = (error, kept) => `${error} Still ${kept}.`, className = "cb-number", show = String }) {
  const input = el("input", className);
  Object.assign(input, { type: "text", inputMode: "decimal", spellcheck: false, autocomplete: "off" });
  input.setAttribute("aria-label", label);
  const own = message === null;
  const said = own ? el("span", "cb-refusal") : message;
  if (own) {
    said.id = uniqueId("cb-refusal");
    said.setAttribute("aria-live", "polite");
  }
  if (said.id) input.setAttribute("aria-describedby", said.id);
  let kept = value;
  const box = {
    input, message: said, node: own ? el("span", "cb-number-box") : input,
    get value() { return kept; },
    get refused() { return input.getAttribute("aria-invalid") === "true"; },
    /** Set from outside (Python, a slider, a preset): shown, kept, no refusal. */
    set(v) {
      kept = v;
      input.value = show(v);
      if (!box.refused) return;
      input.removeAttribute("aria-invalid");
      said.textContent = "";
    },
  };
  if (own) box.node.append(input, said);
  input.value = show(value);
  input.addEventListener("input", () => {
    const read = readNumber(input.value, rule());
    if (read.error) {
      input.setAttribute("aria-invalid", "true");
      said.textContent = words(read.error, show(kept));
      return;
    }
    input.removeAttribute("aria-invalid");
    said.textContent = "";
    kept = read.value;
    onValue(read.value);
  });
  input.addEventListener("change", () => {
    if (!input.isConnected) return; // a box the widget no longer shows
    if (box.refused) {
      input.value = show(kept);
      input.removeAttribute("aria-invalid");
    }
    onLeave();
  });
  return box;
}

/**
 * The player's buttons, the same everywhere: Play/Pause (aria-pressed), Step, Start over and a
 * speed slider over `speedRange` (Python's), `unit` naming what one step shows ("windows").
 * The icons are drawn by kit.css, so the buttons' text is only their words. Returns the row
 * and update(), which shows the player's state (call it after each step).
 */
export function playerControls(player, { speedRange = { min: 1, max: 30, step: 1 }, unit = "steps" } = {}) {
  const play = button("Play", "cb-play");
  const step = button("Step", "cb-step");
  const restart = button("Start over", "cb-restart");
  const speed = slider(speedRange, `speed, ${unit} a second`, "cb-speed");
  const shown = el("output");
  const speedControl = labelled("Speed", speed);
  speedControl.append(shown);
  const row = el("div", "cb-row cb-play-row");
  row.append(play, step, restart, speedControl);
  const showSpeed = () => {
    setSlider(speed, player.speed, `${player.speed} ${unit} a second`);
    shown.textContent = `${player.speed} a second`;
  };
  play.addEventListener("click", () => player.toggle());
  step.addEventListener("click", () => player.stepOnce());
  restart.addEventListener("click", () => player.restart());
  speed.addEventListener("input", () => {
    player.setSpeed(Number(speed.value));
    showSpeed();
  });
  showSpeed();
  return {
    row, play, step, restart, speed,
    /** Show whether it plays; `last` disables Step at the last step. */
    update({ last = false } = {}) {
      play.textContent = player.playing ? "Pause" : "Play";
      play.setAttribute("aria-pressed", String(player.playing));
      step.disabled = last;
    },
  };
}
