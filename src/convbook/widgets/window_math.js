// The arithmetic of a sliding window with padding, stride and dilation, and of the transposed
// convolution that scatters back. Matrices are arrays of rows; every setting is an int or an
// [h, w] pair. Every function is pure, so tests/widgets/test_widgets_js.py runs them with Node and
// compares them with torch.nn.functional.conv2d and conv_transpose2d.

/** A setting as a [rows, columns] pair. */
export function pair(value) {
  return Array.isArray(value) ? value : [value, value];
}

/** Cells a kernel of k taps spans along one axis when its taps are d apart: d(k - 1) + 1. */
export function span(k, d = 1) {
  return d * (k - 1) + 1;
}

/** Outputs along one axis: floor((n + 2p - d(k - 1) - 1) / s) + 1, or 0 when no window fits. */
export function outputSize(n, k, p = 0, s = 1, d = 1) {
  const room = n + 2 * p - span(k, d);
  return room < 0 ? 0 : Math.floor(room / s) + 1;
}

/** Cells at the end of the padded axis that no window reaches: what the floor drops. */
export function unreached(n, k, p = 0, s = 1, d = 1) {
  const room = n + 2 * p - span(k, d);
  return room < 0 ? 0 : room % s;
}

/** Length of a transposed convolution's result along one axis: (m - 1)s - 2p + d(k - 1) + op + 1. */
export function transposedSize(m, k, s = 1, p = 0, op = 0, d = 1) {
  return (m - 1) * s - 2 * p + span(k, d) + op;
}

/** The input sizes that give m outputs, [smallest, largest]: output_padding picks one of them. */
export function sizesGiving(m, k, p = 0, s = 1, d = 1) {
  const smallest = transposedSize(m, k, s, p, 0, d);
  return [Math.max(1, smallest), smallest + s - 1];
}

function zeros(rows, cols) {
  return Array.from({ length: rows }, () => new Array(cols).fill(0));
}

/** X with `padding` rows of zeros above and below and columns of zeros left and right. */
export function padded(X, padding = 0) {
  const [ph, pw] = pair(padding);
  const P = zeros(X.length + 2 * ph, X[0].length + 2 * pw);
  X.forEach((row, i) => row.forEach((v, j) => { P[i + ph][j + pw] = v; }));
  return P;
}

/** Output shape [rows, columns] of the cross-correlation of an (nh x nw) input with a (kh x kw) kernel. */
export function outputShape([nh, nw], [kh, kw], { padding = 0, stride = 1, dilation = 1 } = {}) {
  const [p, s, d] = [pair(padding), pair(stride), pair(dilation)];
  return [outputSize(nh, kh, p[0], s[0], d[0]), outputSize(nw, kw, p[1], s[1], d[1])];
}

/**
 * The window of output (i, j): for each kernel tap (a, b) in reading order, the cell
 * [row, column] of the padded input it lies on, and the tap: [row, column, a, b].
 */
export function windowCells(i, j, [kh, kw], { stride = 1, dilation = 1 } = {}) {
  const [s, d] = [pair(stride), pair(dilation)];
  const cells = [];
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) cells.push([i * s[0] + a * d[0], j * s[1] + b * d[1], a, b]);
  }
  return cells;
}

/** The [input, kernel] pairs whose products make output (i, j); padding cells give 0. */
export function windowTerms(X, K, i, j, settings = {}) {
  const P = padded(X, settings.padding ?? 0);
  return windowCells(i, j, [K.length, K[0].length], settings).map(([r, c, a, b]) => [P[r][c], K[a][b]]);
}

/** Cross-correlation with padding, stride and dilation: equal to torch's F.conv2d. */
export function crossCorrelate(X, K, settings = {}) {
  const [oh, ow] = outputShape([X.length, X[0].length], [K.length, K[0].length], settings);
  if (oh < 1 || ow < 1) throw new RangeError("the dilated kernel is larger than the padded input");
  return Array.from({ length: oh }, (_, i) => Array.from({ length: ow }, (_, j) =>
    windowTerms(X, K, i, j, settings).reduce((sum, [x, k]) => sum + x * k, 0)));
}

/** Result shape of the transposed convolution of an (mh x mw) input with a (kh x kw) kernel. */
export function transposedShape([mh, mw], [kh, kw], { stride = 1, padding = 0, outputPadding = 0, dilation = 1 } = {}) {
  const [s, p, op, d] = [pair(stride), pair(padding), pair(outputPadding), pair(dilation)];
  return [transposedSize(mh, kh, s[0], p[0], op[0], d[0]), transposedSize(mw, kw, s[1], p[1], op[1], d[1])];
}

/**
 * Where input (i, j) of a transposed convolution stamps its kernel: for each tap (a, b), the
 * result cell [row, column, a, b]. Cells outside the result (cropped by the padding) are kept,
 * with rows or columns below 0 or past the result's end.
 */
export function stampCells(i, j, [kh, kw], { stride = 1, padding = 0, dilation = 1 } = {}) {
  const p = pair(padding);
  return windowCells(i, j, [kh, kw], { stride, dilation }).map(([r, c, a, b]) => [r - p[0], c - p[1], a, b]);
}

/** Transposed convolution as a scatter: each input value adds value x K at its stamp. Equal to F.conv_transpose2d. */
export function transposedConv(Y, K, settings = {}) {
  const [rows, cols] = transposedShape([Y.length, Y[0].length], [K.length, K[0].length], settings);
  if (rows < 1 || cols < 1) throw new RangeError("the transposed convolution's result would be empty");
  const R = zeros(rows, cols);
  Y.forEach((line, i) => line.forEach((y, j) => {
    for (const [r, c, a, b] of stampCells(i, j, [K.length, K[0].length], settings)) {
      if (r >= 0 && r < rows && c >= 0 && c < cols) R[r][c] += y * K[a][b];
    }
  }));
  return R;
}

/** The n x n input whose entries count 1, 2, 3, ... in reading order. */
export function counting(n) {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i * n + j + 1));
}
