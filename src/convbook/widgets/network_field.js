// Receptive fields through a stack of windowed layers (convolutions and poolings): which cells
// of each layer below can change one cell of a layer above. A layer is { kernel, stride,
// padding, mixes } as Python's NetworkExplorer sends it (`layers`); `mixes` is true for a
// convolution (every input channel feeds every output channel), false for a pooling (one
// channel feeds its own). Pure: no DOM here.

/** The output side of a layer on an input side n (the floor of window arithmetic). */
export const outputSide = (n, { kernel, stride, padding }) => Math.floor((n + 2 * padding - kernel) / stride) + 1;

/** The sides and channel counts of every layer, input first: [{ side, channels }]. */
export function shapes(inputSide, layers) {
  const out = [{ side: inputSide, channels: 1 }];
  for (const layer of layers) {
    const below = out[out.length - 1];
    out.push({ side: outputSide(below.side, layer), channels: layer.mixes ? layer.channels : below.channels });
  }
  return out;
}

/** Rows (or columns) [first, last] of the layer below that a span of a layer reads, clipped to
 * the n cells that exist there (padding reads zeros, which change nothing). */
export function spanBelow([first, last], { kernel, stride, padding }, n) {
  return [Math.max(0, first * stride - padding), Math.min(n - 1, last * stride - padding + kernel - 1)];
}

/**
 * The receptive field of cell (i, j) of channel `channel` of layer `level` (0 is the input,
 * `level` counts layers of `layers` up from it): for every level from 0 to `level`, the channels
 * and the box { channels, rows: [first, last], cols: [first, last] } that can change that cell.
 * Exact: clipping at each layer keeps only cells that exist, so the box is the union of
 * everything that feeds the cell through strides and poolings.
 */
export function receptiveField(inputSide, layers, level, channel, i, j) {
  const sizes = shapes(inputSide, layers);
  const field = new Array(level + 1);
  field[level] = { channels: [channel], rows: [i, i], cols: [j, j] };
  for (let l = level; l > 0; l--) {
    const layer = layers[l - 1];
    const { rows, cols, channels } = field[l];
    const n = sizes[l - 1].side;
    const all = Array.from({ length: sizes[l - 1].channels }, (_, c) => c);
    field[l - 1] = { channels: layer.mixes ? all : channels, rows: spanBelow(rows, layer, n), cols: spanBelow(cols, layer, n) };
  }
  return field;
}

/** Whether cell (r, c) of channel `ch` lies in a level's box of a receptive field. */
export function inField(box, ch, r, c) {
  return box.channels.includes(ch) && r >= box.rows[0] && r <= box.rows[1] && c >= box.cols[0] && c <= box.cols[1];
}
