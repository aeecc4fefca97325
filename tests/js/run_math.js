// Runs the widgets' math on cases read as JSON from standard input and prints the results,
// so that tests/test_widgets_js.py can compare them with convbook's PyTorch code.
import { readFileSync } from "node:fs";
import { corr2d, flip, learnKernel } from "../../src/convbook/widgets/convmath.js";
import { colourScale } from "../../src/convbook/widgets/draw.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "corr2d") return corr2d(c.X, c.K);
  if (c.op === "conv") return corr2d(c.X, flip(c.K));
  if (c.op === "learn") return learnKernel(c.X, c.Y, c.init, c.lr, c.epochs);
  if (c.op === "scale") return colourScale(c.low, c.high);
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
