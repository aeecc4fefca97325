// The small network of the chapter "What a network learns" (convbook.network.SmallCNN), computed
// in the browser: conv1 (no padding) -> ReLU -> 2 x 2 max pool -> conv2 (padding 1) -> ReLU ->
// 2 x 2 max pool -> linear head -> softmax, in float64, as PyTorch does. Maps are arrays
// [channel][row][column]; weights are nested arrays shaped as PyTorch's. Pure: no DOM here.

/** A zero-filled rows x cols matrix. */
const zeros = (rows, cols) => Array.from({ length: rows }, () => new Array(cols).fill(0));

/** One output channel of a cross-correlation: sum over input channels, plus the bias. */
function correlateOne(X, W, bias, padding) {
  const [h, w, k] = [X[0].length, X[0][0].length, W[0].length];
  const [oh, ow] = [h + 2 * padding - k + 1, w + 2 * padding - k + 1];
  const Y = zeros(oh, ow);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      let total = bias;
      for (let c = 0; c < X.length; c++) {
        for (let a = 0; a < k; a++) {
          const r = i + a - padding;
          if (r < 0 || r >= h) continue;
          for (let b = 0; b < k; b++) {
            const q = j + b - padding;
            if (q >= 0 && q < w) total += X[c][r][q] * W[c][a][b];
          }
        }
      }
      Y[i][j] = total;
    }
  }
  return Y;
}

/** nn.Conv2d: maps [C][h][w], weight [O][C][k][k], bias [O], zero `padding` -> [O][h'][w']. */
export function conv2d(X, weight, bias, padding = 0) {
  return weight.map((W, o) => correlateOne(X, W, bias[o], padding));
}

/** F.relu, map by map. */
export const relu = (maps) => maps.map((M) => M.map((row) => row.map((v) => (v > 0 ? v : 0))));

/** F.max_pool2d(x, 2): windows of 2 x 2, stride 2, a last odd row or column dropped. */
export function maxPool2(maps) {
  return maps.map((M) => {
    const [oh, ow] = [Math.floor(M.length / 2), Math.floor(M[0].length / 2)];
    const Y = zeros(oh, ow);
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        Y[i][j] = Math.max(M[2 * i][2 * j], M[2 * i][2 * j + 1], M[2 * i + 1][2 * j], M[2 * i + 1][2 * j + 1]);
      }
    }
    return Y;
  });
}

/** nn.Linear on maps flattened as torch's flatten(1) does (channel, then row, then column). */
export function linear(maps, weight, bias) {
  const x = maps.flat(2);
  return weight.map((row, o) => row.reduce((total, w, n) => total + w * x[n], bias[o]));
}

/** Softmax of the scores, shifted by their largest (the same numbers, no overflow). */
export function softmax(scores) {
  const top = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** Every layer of SmallCNN on `image` (rows of pixels) with `net` ({ conv1, conv2, head }, each
 * { weight, bias }): the maps before and after each ReLU and pooling, scores, probabilities. */
export function forward(net, image) {
  const conv1 = conv2d([image], net.conv1.weight, net.conv1.bias, 0);
  const pool1 = maxPool2(relu(conv1));
  const conv2 = conv2d(pool1, net.conv2.weight, net.conv2.bias, 1);
  const pool2 = maxPool2(relu(conv2));
  const scores = linear(pool2, net.head.weight, net.head.bias);
  return { conv1, relu1: relu(conv1), pool1, conv2, relu2: relu(conv2), pool2, scores, probabilities: softmax(scores) };
}

/** The class with the largest score (the first on a tie, as torch's argmax). */
export function predicted(scores) {
  return scores.reduce((best, s, n) => (s > scores[best] ? n : best), 0);
}
