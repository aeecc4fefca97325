// What a reader types into a number box, read strictly: a decimal number (1, -0.5, .25, 3e-2)
// that meets the box's rule, or a sentence saying why not. Nothing else is guessed at: an
// empty box, "abc", "NaN", "Infinity", "0x10" and "1e309" (beyond float64) are all refused.

import { FLOAT32_MAX } from "./convmath.js";

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Read `text` under `rule` = { low, high, whole, float32 }: the number must lie in [low, high]
 * (either may be left out), be a whole number if `whole`, and fit a float32 if `float32`.
 * Returns { value } or { error } (a sentence without the typed text in it).
 */
export function readNumber(text, rule = {}) {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "Type a number." };
  if (!DECIMAL.test(trimmed)) return { error: "Not a number." };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: "Too large even for float64 (at most 1.8e+308 in size)." };
  if (rule.float32 && Math.abs(value) > FLOAT32_MAX) {
    return { error: "Beyond float32, the type PyTorch trains in (at most 3.4e+38 in size)." };
  }
  if (rule.whole && !Number.isInteger(value)) return { error: "Type a whole number." };
  const { low = -Infinity, high = Infinity } = rule;
  if (value < low || value > high) return { error: `Choose a value from ${low} to ${high}.` };
  return { value: value === 0 ? 0 : value }; // -0 is 0
}

/** The shortest decimal that reads back as the same float32 as v: -0.410186, not
 * -0.4101859927177429; 1e+20, not 100000000000000000000. */
export function float32Text(v) {
  const target = Math.fround(v);
  for (let digits = 1; digits <= 9; digits++) {
    const rounded = Number(target.toPrecision(digits));
    if (Math.fround(rounded) === target) return short(rounded);
  }
  return short(target);
}

function short(v) {
  return Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential() : String(v);
}
