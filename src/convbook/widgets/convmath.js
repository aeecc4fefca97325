// The numbers behind the widgets: 2-D cross-correlation and learning a kernel by
// gradient descent. Matrices are arrays of rows. Every function is pure, so the tests
// can run it with Node and compare it with convbook's PyTorch code.

export const FLOAT32_MAX = 3.4028234663852886e38;

/** Output shape of a valid cross-correlation: [nh - kh + 1, nw - kw + 1]. */
export function outputShape(X, K) {
  return [X.length - K.length + 1, X[0].length - K[0].length + 1];
}

/** Slide kernel K over image X and sum the products in every window. */
export function corr2d(X, K) {
  const [oh, ow] = outputShape(X, K);
  const Y = [];
  for (let i = 0; i < oh; i++) {
    const row = [];
    for (let j = 0; j < ow; j++) {
      let sum = 0;
      for (let a = 0; a < K.length; a++) {
        for (let b = 0; b < K[0].length; b++) sum += X[i + a][j + b] * K[a][b];
      }
      row.push(sum);
    }
    Y.push(row);
  }
  return Y;
}

/** The kernel turned by 180 degrees: true convolution is cross-correlation with it. */
export function flip(K) {
  return K.map((row) => [...row].reverse()).reverse();
}

/** The [input, kernel] pairs whose products make output (i, j). */
export function windowTerms(X, K, i, j) {
  const terms = [];
  K.forEach((row, a) => row.forEach((k, b) => terms.push([X[i + a][j + b], k])));
  return terms;
}

/** Smallest and largest entry over several matrices. */
export function range(...matrices) {
  const values = matrices.flat(2);
  return [Math.min(...values), Math.max(...values)];
}

/**
 * Gradient descent on the summed squared loss, as convbook.learn_kernel does it:
 * losses[e] is measured before the update of epoch e + 1, weights[e] is the kernel
 * after it, and the weights are kept in float32. A loss, or an updated kernel, that
 * float32 cannot hold stops the run: divergedAt is that epoch (1-based), as in PyTorch, and
 * overflowed says which it was ("loss" or "kernel"; null when the run did not stop).
 */
export function learnKernel(X, Y, init, lr, epochs) {
  let K = init.map((row) => row.map(Math.fround));
  const losses = [];
  const weights = [];
  let divergedAt = null;
  let overflowed = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const residual = corr2d(X, K).map((row, i) => row.map((v, j) => v - Y[i][j]));
    const loss = residual.flat().reduce((sum, r) => sum + r * r, 0);
    if (!(loss <= FLOAT32_MAX)) {
      [divergedAt, overflowed] = [epoch, "loss"];
      break;
    }
    const gradient = corr2d(X, residual); // d loss / d K[a][b] = 2 * sum_ij r_ij X[i+a][j+b]
    const next = K.map((row, a) => row.map((k, b) => Math.fround(k - lr * 2 * gradient[a][b])));
    if (!next.flat().every(Number.isFinite)) {
      [divergedAt, overflowed] = [epoch, "kernel"];
      break;
    }
    K = next;
    losses.push(loss);
    weights.push(K);
  }
  return { losses, weights, divergedAt, overflowed, kernel: weights.length ? weights.at(-1) : init };
}

/** First epoch (1-based) whose loss is above the first epoch's, or null. */
export function firstRise(losses) {
  const index = losses.findIndex((loss) => loss > losses[0]);
  return index < 0 ? null : index + 1;
}

/** Summed squared loss of a kernel: the height of the bowl that gradient descent walks down. */
export function lossAt(X, Y, K) {
  const target = Y.flat();
  return corr2d(X, K).flat().reduce((sum, v, n) => sum + (v - target[n]) ** 2, 0);
}
