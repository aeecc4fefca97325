// The receptive-field arithmetic of a stack of layers along one axis, pure (no DOM), the same as
// convbook.receptive in Python (tests/widgets/receptive/test_receptive_js.py holds the two to one answer). A layer
// is { kind: "conv" | "pool", kernel, stride, padding, dilation } (dilation 1 for a pool).

/** k_eff = d (k − 1) + 1: the cells a layer's window spans, holes included. */
export const spanOf = (L) => L.dilation * (L.kernel - 1) + 1;

/** floor((n + 2p − k_eff) / s) + 1, PyTorch's output size (below 1: no output fits). */
export const outputSize = (n, L) => Math.floor((n + 2 * L.padding - spanOf(L)) / L.stride) + 1;

/**
 * One row per map, the input first: { size, r, j, start, span }, where r is the field's size
 * and j the jump in input cells, and start the input cell where cell 0's field begins. Stops at
 * the first layer whose window does not fit its padded input: `misfit` is then that layer's
 * number (1 for the first) and `rows` the maps below it; otherwise misfit is 0.
 */
export function layerTable(layers, inputSize) {
  const rows = [{ size: inputSize, r: 1, j: 1, start: 0, span: 1 }];
  for (let l = 0; l < layers.length; l++) {
    const L = layers[l];
    const below = rows[rows.length - 1];
    const size = outputSize(below.size, L);
    if (size < 1) return { rows, misfit: l + 1 };
    rows.push({ size, r: below.r + (spanOf(L) - 1) * below.j, j: below.j * L.stride,
      start: below.start - L.padding * below.j, span: spanOf(L) });
  }
  return { rows, misfit: 0 };
}

/**
 * The cells that cell `index` of map `layer` depends on, in each map from the input (0) up to
 * itself: cells[m] sorted, cells[layer] = [index]. A cell reads i s − p + t d (t = 0 .. k − 1)
 * in the map below; cells in the padding depend on nothing.
 */
export function fieldCells(layers, sizes, layer, index) {
  const cells = new Array(layer + 1);
  cells[layer] = [index];
  for (let m = layer; m > 0; m--) {
    const L = layers[m - 1];
    const reached = new Set();
    for (const i of cells[m]) {
      for (let t = 0; t < L.kernel; t++) {
        const c = i * L.stride - L.padding + t * L.dilation;
        if (c >= 0 && c < sizes[m - 1]) reached.add(c);
      }
    }
    cells[m - 1] = [...reached].sort((a, b) => a - b);
  }
  return cells;
}

/** The formula's interval of cell `index` of map `layer`, in input cells: [i j + start, + r − 1]. */
export function formulaInterval(row, index) {
  const first = index * row.j + row.start;
  return [first, first + row.r - 1];
}

/** Sorted cells as runs: [0, 1, 2, 5] → [[0, 2], [5, 5]]. */
export function runs(cells) {
  const out = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}
