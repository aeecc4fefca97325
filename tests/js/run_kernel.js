// Runs the kernel explorer's own math (kernel families, cropping, typed entries, pictures) on
// cases read as JSON from standard input and prints the results, so that
// tests/widgets/kernel/test_kernel_js.py can compare them with convbook's PyTorch code.
import { readFileSync } from "node:fs";
import {
  PRESET_PARAMS, cropToFit, familyKernel, fittedParams, kernelForImage,
} from "../../src/convbook/widgets/kernel_params.js";
import { readNumber } from "../../src/convbook/widgets/kit/number.js";
import { fittedSize, grey, shrink } from "../../src/convbook/widgets/picture.js";
import { greyScale, textOn } from "../../src/convbook/widgets/draw.js";
import { valueFont } from "../../src/convbook/widgets/kernel_panels.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "family") return familyKernel(c.family, c.params);
  if (c.op === "preset_params") return PRESET_PARAMS;
  if (c.op === "fitted_params") return fittedParams(c.family, c.params, c.h, c.w);
  if (c.op === "kernel_for_image") return kernelForImage(c.K, c.uncropped, c.X);
  if (c.op === "crop") return cropToFit(c.K, c.h, c.w);
  if (c.op === "parse") return readNumber(c.text, { low: -c.limit, high: c.limit });
  if (c.op === "grey") return grey(c.rgba, c.h, c.w);
  if (c.op === "fitted") return fittedSize(c.h, c.w, c.longest);
  if (c.op === "shrink") return shrink(c.G, c.h, c.w);
  if (c.op === "grey_scale") return greyScale(c.low, c.high);
  if (c.op === "text_on") return c.colours.map(textOn);
  if (c.op === "value_font") return valueFont(c.cell, c.perPx, c.shown);
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
