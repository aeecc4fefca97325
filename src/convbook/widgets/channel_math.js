// The numbers behind the channel explorer: one kernel per input channel, the map each makes,
// their sum plus a bias. Every function is pure, so tests/js/run_channels.js runs them with Node
// against PyTorch. What a reader may type is the kit's one rule (kit/number.js readNumber).
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

/** Several output channels: one kernel volume K[o] (c_i, k_h, k_w) and one bias b[o] each; output
 * o is corr2dMultiIn(X, K[o], b[o]), so the whole is convbook.corr2d_multi_in_out plus the biases
 * (F.conv2d with bias). With 1 x 1 kernels each pixel's outputs are weighted sums of its channels. */
export function corr2dMultiInOut(X, K, biases = K.map(() => 0)) {
  return K.map((Ko, o) => corr2dMultiIn(X, Ko, biases[o]));
}

/** The numbers a layer of kernel volume (c_o, c_i, k_h, k_w) learns: c_o c_i k_h k_w weights
 * and c_o biases. */
export function layerParameters(K) {
  const [co, ci, kh, kw] = [K.length, K[0].length, K[0][0].length, K[0][0][0].length];
  return { weights: co * ci * kh * kw, biases: co, total: co * ci * kh * kw + co };
}
