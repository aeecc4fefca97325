// The pooling explorer's arithmetic, pure and tested in Node against PyTorch
// (tests/widgets/pooling/test_pooling_js.py): F.max_pool2d and F.avg_pool2d with a square window, stride and
// padding, which window each output reads, which pixel won each max, and the gradient of the
// sum of the outputs with respect to the image (what backpropagation sends back through a
// pooling layer). The chapter "Pooling" (book/pooling.ipynb) explains all of it.
//
// Max pooling pads with -Infinity (a padding cell never wins); average pooling pads with 0 and
// divides by the whole window, padding included (PyTorch's count_include_pad=True). Ties: the
// first largest pixel in reading order (top to bottom, left to right) wins, as PyTorch's
// max_pool2d keeps it (a later pixel replaces it only if strictly larger), so the gradient of
// an output goes to that one pixel alone.

/** Outputs along one axis of n pixels: floor((n + 2p - k) / s) + 1, or 0 where no window fits. */
export function outputSize(n, k, s, p) {
  return n + 2 * p < k ? 0 : Math.floor((n + 2 * p - k) / s) + 1;
}

/** The window of output (i, j): its top-left corner in image coordinates (may be negative). */
export function windowAt(i, j, { window: k, stride: s, padding: p }) {
  return { top: i * s - p, left: j * s - p, size: k };
}

/** The cells of output (i, j)'s window in reading order: { r, c, inside, value } (value null outside). */
export function windowCells(X, i, j, settings) {
  const { top, left, size } = windowAt(i, j, settings);
  const cells = [];
  for (let r = top; r < top + size; r++) {
    for (let c = left; c < left + size; c++) {
      const inside = r >= 0 && r < X.length && c >= 0 && c < X[0].length;
      cells.push({ r, c, inside, value: inside ? X[r][c] : null });
    }
  }
  return cells;
}

/** The largest pixel of a window's cells and where it is: the first in reading order on a tie. */
export function winnerOf(cells) {
  let best = null;
  for (const cell of cells) {
    if (cell.inside && (best === null || cell.value > best.value)) best = cell;
  }
  return best;
}

/** The pixels of a window equal to its maximum (a tie where there are several). */
export function tiedWith(cells, best) {
  return cells.filter((cell) => cell.inside && cell.value === best.value);
}

/**
 * Pool X: { Y, winners }, Y as F.max_pool2d (mode "max") or F.avg_pool2d (mode "avg") of X
 * with a window x window window; winners[i][j] is [row, column] of the pixel that won output
 * (i, j) (max only; null for average pooling).
 */
export function pool(X, settings) {
  const { window: k, stride: s, padding: p, mode } = settings;
  const [oh, ow] = [outputSize(X.length, k, s, p), outputSize(X[0].length, k, s, p)];
  const Y = [];
  const winners = [];
  for (let i = 0; i < oh; i++) {
    const [row, won] = [[], []];
    for (let j = 0; j < ow; j++) {
      const cells = windowCells(X, i, j, settings);
      if (mode === "max") {
        const best = winnerOf(cells);
        row.push(best.value);
        won.push([best.r, best.c]);
      } else {
        let sum = 0;
        for (const cell of cells) if (cell.inside) sum += cell.value;
        row.push(sum / (k * k));
        won.push(null);
      }
    }
    Y.push(row);
    winners.push(won);
  }
  return { Y, winners };
}

/**
 * The gradient of the sum of the outputs with respect to each pixel of X: for max pooling the
 * number of windows the pixel won, for average pooling 1 / window² for each window over it.
 */
export function gradientOfSum(X, settings, pooled = pool(X, settings)) {
  const G = X.map((row) => row.map(() => 0));
  const share = 1 / (settings.window * settings.window);
  pooled.Y.forEach((row, i) => row.forEach((_, j) => {
    if (settings.mode === "max") {
      const [r, c] = pooled.winners[i][j];
      G[r][c] += 1;
      return;
    }
    for (const cell of windowCells(X, i, j, settings)) if (cell.inside) G[cell.r][cell.c] += share;
  }));
  return G;
}
