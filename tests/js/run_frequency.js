// Runs the frequency explorer's math (fft.js spectra, frequency_view.js words) on cases read as
// JSON from standard input and prints the results, so that tests/widgets/frequency/test_frequency_js.py can
// compare them with torch.fft and convbook.frequency.
import { readFileSync } from "node:fs";
import { centred, frequencyAt, ifft2, spectra } from "../../src/convbook/widgets/fft.js";
import { cellWords, frequencyView, kernelSummary, logView, mapWords, spectrumWords } from "../../src/convbook/widgets/frequency_view.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "spectra") return spectra(c.X, c.K);
  if (c.op === "spectra_refused") {
    try { spectra(c.X, c.K); } catch (error) { return { error: error.message }; }
    return { error: null };
  }
  if (c.op === "ifft2") return ifft2({ re: c.re, im: c.im });
  if (c.op === "centred") return centred(c.M);
  if (c.op === "frequency") return frequencyAt(c.i, c.n);
  if (c.op === "log") {
    const { values, top, scale } = logView({ re: c.re, im: c.im }, c.decades);
    return { values, top, low: scale.low, high: scale.high };
  }
  if (c.op === "words") {
    const view = frequencyView(c.X, c.K, c.decades);
    return { cells: c.at.map((at) => cellWords(view, at)), map: mapWords(view.map),
      kernel: spectrumWords("kernel spectrum", view.kernel), summary: kernelSummary(view) };
  }
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
