// What the learning-rate explorer says in words: numbers as it prints them, the slider's words,
// the critical rate's mark, and the verdict on a run (converges, diverges, stops). Pure: no page.
import { firstRise, FLOAT32_MAX, lossAt } from "./convmath.js";

/** The digits the page prints the critical rate with, wherever it prints it: at least these. */
export const CRITICAL_DIGITS = 5;

/** v to `digits` significant digits, in powers of ten where it is large or small: 1.234e+20,
 * 1.401e+4 (never 14010, whose last digit would not be significant). */
export function sig(v, digits = 4) {
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 10 ** digits || a < 1e-4 ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
}

/** Both numbers with the fewest digits (at least CRITICAL_DIGITS) that tell them apart. */
export function apart(a, b) {
  for (let digits = CRITICAL_DIGITS; digits <= 17; digits++) {
    if (sig(a, digits) !== sig(b, digits)) return [sig(a, digits), sig(b, digits)];
  }
  return [sig(a, 17), sig(b, 17)];
}

/** A kernel entry as the page prints it: 4 decimals, or 4 digits in powers of ten if large. */
export function weightText(v) {
  const text = Math.abs(v) >= 1e5 ? v.toExponential(3) : v.toFixed(4);
  return text === "-0.0000" ? "0.0000" : text;
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The rate slider's words for a screen reader. */
export function rateWords(lr, critical) {
  if (critical === null) return `learning rate ${sig(lr)}`;
  const [lrText, criticalText] = apart(lr, critical);
  const side = lr < critical ? "below" : lr > critical ? "above" : "at";
  return `learning rate ${lrText}, ${side} the critical rate ${criticalText}`;
}

/** The mark under the slider at `at` percent of its track, its arrow pointing at the tick. */
export function markWords(critical, at) {
  const text = sig(critical, CRITICAL_DIGITS);
  return at > 50 ? `critical rate ${text} ▲` : `▲ critical rate ${text}`;
}

/** The rate against the critical rate, as the verdict says it. */
function versus(lr, critical) {
  if (critical === null) return "(X is all zeros: every rate is stable)";
  const [lrText, criticalText] = apart(lr, critical);
  const side = lr > critical ? "above" : lr < critical ? "below" : "exactly at";
  return `lr ${lrText} is ${side} the critical rate ${criticalText}`;
}

/**
 * The verdict on `run` of problem P from `init` at rate `lr`: { text, bad }, bad where the rate
 * is above the critical rate or training overflowed.
 */
export function verdict(P, init, lr, run) {
  const above = P.critical !== null && lr > P.critical;
  const bad = above || run.divergedAt !== null;
  const last = run.losses.at(-1);
  if (run.divergedAt === 1 && run.overflowed === "loss") {
    const startLoss = lossAt(P.X, P.Y, init);
    const size = Number.isFinite(startLoss) ? `about ${sig(startLoss, 2)}` : "far beyond float64";
    return { bad, text: `No step taken: the loss at the start, ${size}, is already more than float32 can hold ` +
      `(${sig(FLOAT32_MAX, 2)}), so training stops before its first step, whatever the rate. Choose a start with smaller weights.` };
  }
  if (run.divergedAt !== null) {
    const what = run.overflowed === "loss" ? "the loss overflows" : "the kernel overflows after the step";
    return { bad, text: `${above ? "Diverges" : "Stops"}: ${what} at epoch ${run.divergedAt} (beyond float32), ` +
      `so training stops there (${versus(lr, P.critical)}).` };
  }
  const done = run.losses.length;
  if (!above) return { bad, text: `Converges: ${versus(lr, P.critical)}; the loss at epoch ${done} is ${sig(last)}.` };
  const rise = firstRise(run.losses);
  return { bad, text: `Diverges: ${versus(lr, P.critical)}; ` + (rise
    ? `the loss passes its starting value at epoch ${rise} and reaches ${sig(last)} at epoch ${done}.`
    : `the part of the error along the steepest direction grows at every step; by epoch ${done} the loss is ${sig(last)} and will grow.`) };
}

/** The kernel the run ends with and its last loss. */
export function finalWords(run) {
  const rows = run.kernel.map((row) => row.map(weightText).join(", ")).join("; ");
  const done = run.losses.length;
  return done
    ? `Kernel after ${plural(done, "epoch")}: [${rows}]. Loss at epoch ${done} (measured before its step): ${sig(run.losses.at(-1))}.`
    : `Kernel: [${rows}], the start, unchanged.`;
}

/** The loss chart's words for a screen reader. */
export function lossWords(run) {
  const done = run.losses.length;
  return `loss per epoch, logarithmic scale${done ? `; loss at epoch ${done} ${sig(run.losses.at(-1))}` : "; no finite loss"}`;
}
