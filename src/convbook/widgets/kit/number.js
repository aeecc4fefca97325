// Reading what a reader types into a number box: one rule for every widget (kit/KIT.md).
// A plain decimal number: 1, -0.5, .25, 3e-2, with the typographic minus − read as -. Nothing
// else is guessed at: a decimal comma ("1,5" could be 1.5 or 15), "NaN", "Infinity", "0x10",
// an empty box, a number beyond float64 (1e309) and one that underflows to 0 (1e-400) are all
// refused, in words that never quote the typed text back.

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NOT_NUMBERS = /^[+-]?(nan|inf|infinity)$/i;
export const FLOAT32_MAX = 3.4028234663852886e38;

/** The shortest way to write v for a reader: 1000, 0.05, 1e-7, with the typographic minus. */
export function numberText(v) {
  const text = Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential() : String(v);
  return text.replace(/^-/, "−"); // the sign, not the exponent's
}

/**
 * Read `text` under `rule` = { low, high, whole, float32 }: the number must lie in [low, high]
 * (either may be left out), be a whole number if `whole`, and fit a float32 if `float32`.
 * Returns { value } or { error }, a sentence without the typed text in it.
 */
export function readNumber(text, rule = {}) {
  const typed = String(text).trim().replace(/\u2212/g, "-");
  if (typed === "") return { error: "Type a number." };
  if (/^[+-]?\d*,\d+$/.test(typed)) return { error: "Write decimals with a point, not a comma." };
  if (NOT_NUMBERS.test(typed)) return { error: "Type a number made of digits." };
  if (!DECIMAL.test(typed)) return { error: "Not a number." };
  const value = Number(typed);
  if (!Number.isFinite(value)) return { error: "Too large even for float64 (at most 1.8e+308 in size)." };
  if (value === 0 && /[1-9]/.test(typed.split(/e/i)[0])) {
    return { error: "Too small to tell from 0 (float64 stops near 1e-308); type 0 for 0." };
  }
  if (rule.float32 && Math.abs(value) > FLOAT32_MAX) {
    return { error: "Beyond float32, the type PyTorch trains in (at most 3.4e+38 in size)." };
  }
  if (rule.whole && !Number.isInteger(value)) return { error: "Type a whole number." };
  const { low = -Infinity, high = Infinity } = rule;
  if (value < low || value > high) {
    return { error: `Choose a value from ${numberText(low)} to ${numberText(high)}.` };
  }
  return { value: value + 0 }; // -0 is 0
}
