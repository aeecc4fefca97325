// Runs the receptive-field explorer's math (receptive_math.js, receptive_words.js) on cases read
// as JSON from standard input and prints the results, for tests/widgets/receptive/test_receptive_js.py.
import { readFileSync } from "node:fs";
import { fieldCells, layerTable } from "../../src/convbook/widgets/receptive_math.js";
import { fieldWords, misfitWords, stepWords } from "../../src/convbook/widgets/receptive_words.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map(({ layers, n, at }) => {
  const { rows, misfit } = layerTable(layers, n);
  if (misfit) return { rows, misfit, words: misfitWords(layers, rows, misfit) };
  const sizes = rows.map((r) => r.size);
  const cells = fieldCells(layers, sizes, ...at);
  return { rows, misfit, cells, steps: layers.map((_, l) => stepWords(layers, rows, l + 1)),
    words: fieldWords(rows, cells, ...at) };
});
process.stdout.write(JSON.stringify(results));
