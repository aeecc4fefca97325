// The curvature of the kernel-learning loss, computed in the page: the summed squared loss is
// quadratic in the kernel's weights with Hessian H = 2 A^T A (each row of A one window of the
// image, as convbook.im2col lays it out), and gradient descent converges exactly when the
// learning rate is below 2 / lambda_max(H). lambda_max comes from power iteration, as
// convbook.critical_lr gets it from an eigendecomposition.

/** Every kh x kw window of X as one row, flattened row by row (convbook.im2col). */
export function im2col(X, kh, kw) {
  const rows = [];
  for (let i = 0; i + kh <= X.length; i++) {
    for (let j = 0; j + kw <= X[0].length; j++) {
      const window = [];
      for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) window.push(X[i + a][j + b]);
      rows.push(window);
    }
  }
  return rows;
}

/** The Hessian 2 A^T A of the loss in the kernel's weights (convbook.hessian). */
export function hessian(X, kh, kw) {
  const A = im2col(X, kh, kw);
  const n = kh * kw;
  const H = Array.from({ length: n }, () => new Array(n).fill(0));
  for (const row of A) {
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) H[p][q] += 2 * row[p] * row[q];
  }
  return H;
}

function times(H, v) {
  return H.map((row) => row.reduce((sum, h, q) => sum + h * v[q], 0));
}

function norm(v) {
  return Math.hypot(...v);
}

/**
 * The largest eigenvalue of the symmetric positive semi-definite H and a unit eigenvector, by
 * power iteration: v <- H v / |H v| until v stops moving; the eigenvalue is v^T H v.
 */
export function largestEigen(H, iterations = 10000) {
  let v = H.map((_, k) => 1 + k / H.length); // not orthogonal to any eigenvector met in practice
  v = v.map((x) => x / norm(v));
  for (let step = 0; step < iterations; step++) {
    const w = times(H, v);
    const length = norm(w);
    if (length === 0) return { value: 0, vector: v };
    const next = w.map((x) => x / length);
    const moved = Math.max(...next.map((x, k) => Math.abs(x - v[k])));
    v = next;
    if (moved <= 1e-14) break;
  }
  const w = times(H, v);
  return { value: v.reduce((sum, x, k) => sum + x * w[k], 0), vector: v };
}

/** The largest power of two not above max |X| (1 for all zeros): dividing by it is exact. */
function powerOfTwoBelow(X) {
  const largest = Math.max(...X.flat().map(Math.abs));
  return largest > 0 ? 2 ** Math.floor(Math.log2(largest)) : 1;
}

/**
 * The critical learning rate 2 / lambda_max(2 A^T A) for a kh x kw kernel on X, or null when X
 * is all zeros (every rate is stable). H is built from X scaled by a power of two, so that
 * neither huge nor tiny pixels overflow it, as convbook.critical_lr does.
 */
export function criticalRate(X, kh, kw) {
  const scale = powerOfTwoBelow(X);
  const { value } = largestEigen(hessian(X.map((row) => row.map((x) => x / scale)), kh, kw));
  return value > 0 ? 2 / value / scale / scale : null;
}

/**
 * For a two-weight kernel: the Hessian's two eigenvalues and unit eigenvectors, steepest
 * first. The second is perpendicular to the first, its eigenvalue the trace minus the first.
 */
export function eigenDirections(H) {
  const steep = largestEigen(H);
  const [x, y] = steep.vector;
  return [steep, { value: H[0][0] + H[1][1] - steep.value, vector: [-y, x] }];
}
