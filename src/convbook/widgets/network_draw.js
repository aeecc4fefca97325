// Drawing a digit on the network explorer's input grid: a pen (the brush Python sends, cells
// [row offset, column offset, ink]) that inks whole cells, strokes joined between pointer
// events, and the keyboard's Space, which inks the pen's cell or wipes it. Pure: no DOM here.

/** A blank side x side image (paper everywhere). */
export const blank = (side) => Array.from({ length: side }, () => new Array(side).fill(0));

/** `image` with the brush put down at (r, c): each cell keeps the larger of its ink and the brush's. */
export function paint(image, r, c, brush) {
  const next = image.map((row) => row.slice());
  for (const [dr, dc, ink] of brush) {
    const [i, j] = [r + dr, c + dc];
    if (i >= 0 && i < next.length && j >= 0 && j < next[0].length) next[i][j] = Math.max(next[i][j], ink);
  }
  return next;
}

/** The cells on the straight line from a to b ([row, col] each), both ends included. */
export function cellsBetween([r0, c0], [r1, c1]) {
  const steps = Math.max(Math.abs(r1 - r0), Math.abs(c1 - c0));
  const cells = [];
  for (let s = 0; s <= steps; s++) {
    const t = steps ? s / steps : 0;
    cells.push([Math.round(r0 + (r1 - r0) * t), Math.round(c0 + (c1 - c0) * t)]);
  }
  return cells;
}

/** A stroke from `from` (or nothing: a dot) to `to`, the brush at every cell between. */
export function stroke(image, from, to, brush) {
  return cellsBetween(from ?? to, to).reduce((im, [r, c]) => paint(im, r, c, brush), image);
}

/** Space on the pen's cell: ink it with the brush where it is not full ink, else wipe the cell. */
export function toggle(image, r, c, brush) {
  if (image[r][c] < 1) return paint(image, r, c, brush);
  const next = image.map((row) => row.slice());
  next[r][c] = 0;
  return next;
}
