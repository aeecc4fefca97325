// Runs the kernel explorer's own math (kernel families, cropping, typed entries, pictures) on
// cases read as JSON from standard input and prints the results, so that
// tests/test_kernel_js.py can compare them with convbook's PyTorch code.
import { readFileSync } from "node:fs";
import {
  FAMILIES, PRESET_PARAMS, cropToFit, familyKernel, parseEntry,
} from "../../src/convbook/widgets/kernel_params.js";
import { fittedSize, grey, shrink } from "../../src/convbook/widgets/picture.js";
import { greyScale, textOn } from "../../src/convbook/widgets/draw.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "family") return familyKernel(c.family, c.params);
  if (c.op === "preset_params") return PRESET_PARAMS;
  if (c.op === "slider_ranges") {
    return Object.fromEntries(Object.entries(FAMILIES).map(([name, f]) => [name, Object.fromEntries(
      Object.entries(f.params).map(([p, s]) => [p, [s.min, s.max, s.step, s.start]]))]));
  }
  if (c.op === "crop") return cropToFit(c.K, c.h, c.w);
  if (c.op === "parse") return parseEntry(c.text, c.limit);
  if (c.op === "grey") return grey(c.rgba, c.h, c.w);
  if (c.op === "fitted") return fittedSize(c.h, c.w, c.longest);
  if (c.op === "shrink") return shrink(c.G, c.h, c.w);
  if (c.op === "grey_scale") return greyScale(c.low, c.high);
  if (c.op === "text_on") return c.colours.map(textOn);
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
