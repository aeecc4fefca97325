// The window explorer's words: the sizes a setting gives, the formulas written out with its
// numbers, the notes on what the floor, the dilation and output_padding do, and the sums of one
// output (or one stamp) written term by term. Pure text from window_math.js's numbers.
import { fmt } from "./draw.js";
import {
  counting, outputSize, sizesGiving, span, stampCells, transposedSize, unreached, windowTerms,
} from "./window_math.js";

// ---- What the settings give: sizes, and words for what the formula does ----

export function geometry(st) {
  const { input_size: n, kernel_size: k, padding: p, stride: s, dilation: d, output_padding: op } = st;
  const m = outputSize(n, k, p, s, d);
  const reach = span(k, d);
  const result = m ? transposedSize(m, k, s, p, op, d) : 0;
  return { n, k, p, s, d, op, m, reach, padded: n + 2 * p, left: unreached(n, k, p, s, d), result };
}

export function forwardFormula({ n, k, p, s, d, m, padded, reach }) {
  const top = padded - reach;
  const start = `m = ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊(${n} + 2·${p} − ${d}·(${k} − 1) − 1) / ${s}⌋ + 1`;
  return m ? `${start} = ⌊${top} / ${s}⌋ + 1 = ${m}` : `${start}: the top, −${-top}, is negative: no window fits`;
}

export function transposedFormula({ k, p, s, d, op, m, result }) {
  return `n′ = (m − 1)s − 2p + d(k − 1) + 1 + output_padding = (${m} − 1)·${s} − 2·${p} + ` +
    `${d}·(${k} − 1) + 1 + ${op} = ${result}`;
}

export function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function noWindow({ n, k, p, d, padded, reach }) {
  return `No window fits: with dilation ${d} the ${k} × ${k} kernel spans d(k − 1) + 1 = ${reach} cells, ` +
    `more than the padded input's n + 2p = ${n} + ${2 * p} = ${padded}. ` +
    "Lower the kernel size or the dilation, or add padding.";
}

export function forwardNote(g) {
  const notes = [];
  if (g.left) {
    notes.push(`Stride ${g.s} leaves the last ${plural(g.left, "row")} and ${plural(g.left, "column")} ` +
      "of the padded input (marked) reached by no window: the floor drops them.");
  }
  if (g.d > 1) {
    notes.push(`Dilation ${g.d} spreads the ${g.k} × ${g.k} weights over ${g.reach} × ${g.reach} cells: ` +
      "a wider view, no more weights.");
  }
  if (g.p && g.m === g.n) notes.push(`Padding ${g.p} keeps the output the size of the input ("same" padding).`);
  return notes.join(" ");
}

export function transposedNote(g) {
  const [low, high] = sizesGiving(g.m, g.k, g.p, g.s, g.d);
  const size = `${g.m} × ${g.m}`;
  const first = low === high
    ? `Only input size ${low} gives ${size} outputs here, so output_padding 0 gives it back.`
    : `Input sizes ${low} to ${high} all give ${size} outputs here (the floor drops up to ${g.s - 1}), ` +
      "so the transposed convolution cannot know which one it came from: output_padding picks.";
  if (g.result < 1) {
    return `${first} With output_padding ${g.op} the result would have ${g.result} rows: the padding crops ` +
      `everything the stamps cover. Raise output_padding to ${g.left} to get back your n = ${g.n}.`;
  }
  let pick = `output_padding ${g.op} gives n′ = ${g.result}`;
  if (g.result === g.n) pick += `: the n you chose.`;
  else if (g.result <= high) pick += `; output_padding ${g.left} would give back your n = ${g.n}.`;
  else {
    pick += `, a size that gives ${outputSize(g.result, g.k, g.p, g.s, g.d)} outputs, not ${g.m}: ` +
      "dilation lets output_padding add rows that no convolution of this size had.";
  }
  const adds = g.op ? ` It adds the last ${plural(g.op, "row")} and ${plural(g.op, "column")} (marked).` : "";
  return `${first} ${pick}${adds}`;
}

export function forwardSum(g, step, values) {
  const [i, j] = [Math.floor(step / g.m), step % g.m];
  const terms = windowTerms(counting(g.n), counting(g.k), i, j, { padding: g.p, stride: g.s, dilation: g.d });
  return `Y[${i}, ${j}] = ${terms.map(([x, k]) => `${x}×${k}`).join(" + ")} = ${fmt(values[i][j])}`;
}

export function transposedSum(g, step) {
  const [i, j] = [Math.floor(step / g.m), step % g.m];
  const z = counting(g.m)[i][j];
  const K = counting(g.k);
  const stamp = stampCells(i, j, [g.k, g.k], { stride: g.s, padding: g.p, dilation: g.d });
  const inside = stamp.filter(([r, c]) => r >= 0 && c >= 0 && r < g.result && c < g.result);
  const adds = inside.map(([r, c, a, b]) => `R[${r}, ${c}] += ${z}×${K[a][b]}`).join(", ");
  const cropped = stamp.length - inside.length;
  const rest = cropped ? ` (${plural(cropped, "tap")} of ${stamp.length} land in the cropped border)` : "";
  return `Z[${i}, ${j}] = ${z} stamps ${z} × kernel: ${adds || "every tap lands in the cropped border"}${rest}`;
}

export function table(M) {
  const width = Math.max(...M.flat().map((v) => fmt(v).length));
  return M.map((row) => row.map((v) => fmt(v).padStart(width)).join(" ")).join("\n");
}
