// Runs the channel explorer's math on cases read as JSON from standard input and prints the
// results, so that tests/widgets/channel/test_channels_js.py can compare them with PyTorch.
import { readFileSync } from "node:fs";
import {
  centred, channelMaps, corr2dMultiIn, corr2dMultiInOut, layerParameters, signedBound,
} from "../../src/convbook/widgets/channel_math.js";
import { readNumber } from "../../src/convbook/widgets/kit/number.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "multi_in") return corr2dMultiIn(c.X, c.K, c.bias);
  if (c.op === "multi_in_out") return corr2dMultiInOut(c.X, c.K, c.biases);
  if (c.op === "parameters") return layerParameters(c.K);
  if (c.op === "maps") return channelMaps(c.X, c.K);
  if (c.op === "centred") return centred(c.K, c.k);
  if (c.op === "bound") return signedBound(...c.matrices);
  if (c.op === "parse") return readNumber(c.text, { low: -c.largest, high: c.largest }); // a box's rule
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
