// Runs the network explorer's math on cases read as JSON from standard input and prints the
// results, so that tests/widgets/network/test_network_js.py can compare them with PyTorch.
import { readFileSync } from "node:fs";
import { stroke, toggle } from "../../src/convbook/widgets/network_draw.js";
import { receptiveField } from "../../src/convbook/widgets/network_field.js";
import { forward, predicted } from "../../src/convbook/widgets/network_math.js";
import { decodeFloats, network } from "../../src/convbook/widgets/network_weights.js";
import { verdict } from "../../src/convbook/widgets/network_words.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "forward") {
    const net = c.encoded ? network(c.weights, c.shapes) : c.net;
    const out = forward(net, c.image);
    return { ...out, predicted: predicted(out.scores), words: c.names ? verdict(out.probabilities, c.names, c.label) : null };
  }
  if (c.op === "fields") return c.cells.map(([level, ch, i, j]) => receptiveField(c.side, c.layers, level, ch, i, j));
  if (c.op === "decode") return decodeFloats(c.text);
  if (c.op === "stroke") return c.strokes.reduce((im, [from, to]) => stroke(im, from, to, c.brush), c.image);
  if (c.op === "toggle") return toggle(c.image, c.r, c.c, c.brush);
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
