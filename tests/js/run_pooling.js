// Runs the pooling explorer's math on cases read as JSON from standard input and prints the
// results, so that tests/widgets/pooling/test_pooling_js.py can compare them with PyTorch.
import { readFileSync } from "node:fs";
import {
  gradientOfSum, outputSize, pool, tiedWith, windowCells, winnerOf,
} from "../../src/convbook/widgets/pooling_math.js";
import { describe } from "../../src/convbook/widgets/pooling_words.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "pool") return pool(c.X, c.settings);
  if (c.op === "gradient") return gradientOfSum(c.X, c.settings);
  if (c.op === "size") return outputSize(c.n, c.k, c.s, c.p);
  if (c.op === "ties") {
    const cells = windowCells(c.X, c.i, c.j, c.settings);
    return tiedWith(cells, winnerOf(cells)).map(({ r, c: col }) => [r, col]);
  }
  if (c.op === "words") return describe(c.X, pool(c.X, c.settings), c.settings, c.at);
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
