// Runs the widgets' math on cases read as JSON from standard input and prints the results,
// so that tests/widgets/test_widgets_js.py can compare them with convbook's PyTorch code.
import { readFileSync } from "node:fs";
import { corr2d, flip, learnKernel } from "../../src/convbook/widgets/convmath.js";
import { criticalRate, eigenDirections, hessian } from "../../src/convbook/widgets/critical.js";
import { colourScale } from "../../src/convbook/widgets/draw.js";
import { float32Text } from "../../src/convbook/widgets/kit/number.js";
import {
  counting, crossCorrelate, outputShape, outputSize, sizesGiving, stampCells, transposedConv,
  transposedShape, unreached, windowTerms,
} from "../../src/convbook/widgets/window_math.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "corr2d") return corr2d(c.X, c.K);
  if (c.op === "conv") return corr2d(c.X, flip(c.K));
  if (c.op === "learn") return learnKernel(c.X, c.Y, c.init, c.lr, c.epochs);
  if (c.op === "hessian") return hessian(c.X, ...c.kernel);
  if (c.op === "critical") return criticalRate(c.X, ...c.kernel);
  if (c.op === "eigen") return eigenDirections(hessian(c.X, ...c.kernel));
  if (c.op === "float32_text") return float32Text(c.value);
  if (c.op === "scale") return colourScale(c.low, c.high);
  if (c.op === "window_shape") return outputShape(c.image, c.kernel, c.settings);
  if (c.op === "window_size") {
    const [, k, p, s, d] = c.axis;
    return [outputSize(...c.axis), unreached(...c.axis), sizesGiving(outputSize(...c.axis), k, p, s, d)];
  }
  if (c.op === "cross_correlate") return crossCorrelate(c.X, c.K, c.settings);
  if (c.op === "window_terms") return windowTerms(c.X, c.K, c.i, c.j, c.settings);
  if (c.op === "transposed_shape") return transposedShape(c.image, c.kernel, c.settings);
  if (c.op === "transposed_conv") return transposedConv(c.X, c.K, c.settings);
  if (c.op === "stamps") return stampCells(c.i, c.j, c.kernel, c.settings);
  if (c.op === "counting") return counting(c.n);
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
