// The numbers behind the channel explorer: one kernel per input channel, the map each makes,
// their sum plus a bias, and the rule for what a reader may type into a kernel entry. Every
// function is pure, so tests/js/run_channels.js runs them with Node against PyTorch.
import { corr2d } from "./convmath.js";

/** The map each channel's kernel makes of that channel: corr2d(X[c], K[c]) for every c. */
export function channelMaps(X, K) {
  return X.map((channel, c) => corr2d(channel, K[c]));
}

/** Element-wise sum of equally shaped matrices, plus a bias. */
export function sumPlusBias(maps, bias = 0) {
  return maps[0].map((row, i) => row.map((_, j) => maps.reduce((sum, M) => sum + M[i][j], bias)));
}

/** Cross-correlation over every input channel, summed: convbook.corr2d_multi_in, plus a bias. */
export function corr2dMultiIn(X, K, bias = 0) {
  return sumPlusBias(channelMaps(X, K), bias);
}

/** A k x k copy of the square kernel K, centred: zeros around it, or its middle if it is larger. */
export function centred(K, k) {
  const shift = (K.length - k) / 2; // whole: both sizes are odd
  return Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => K[a + shift]?.[b + shift] ?? 0));
}

/** The largest magnitude over several matrices, or 1 where all are zero: the red-blue scale's end. */
export function signedBound(...matrices) {
  return Math.max(...matrices.flat(2).map(Math.abs)) || 1;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What typed text means as a kernel entry or a bias: { value } for a plain decimal number of at
 * most `largest` in size (a minus sign written − or -, a decimal comma read as a point), else
 * { error }: words that follow the quoted text ("is not a number"). A number too small for
 * float64 is refused, not read as 0.
 */
export function parseEntry(text, largest) {
  let written = String(text).trim().replace("−", "-");
  if (!written.includes(".")) written = written.replace(",", ".");
  if (written === "") return { error: "is empty" };
  if (!DECIMAL.test(written)) return { error: "is not a number" };
  const value = Number(written);
  if (value === 0 && /[1-9]/.test(written.split(/e/i)[0])) return { error: "is too small to hold: it would be read as 0" };
  if (!(Math.abs(value) <= largest)) return { error: `is outside −${largest} to ${largest}` };
  return { value: value === 0 ? 0 : value }; // -0 written as 0
}
