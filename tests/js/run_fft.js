// Runs the FFT of fft.js on cases read as JSON from standard input and prints the results, so
// that tests/widgets/frequency/test_fft_js.py can compare them with torch.fft.
import { readFileSync } from "node:fs";
import {
  fft, fft2, frequencyResponse, imageSpectrum, nextPowerOfTwo,
} from "../../src/convbook/widgets/fft.js";

function refused(f) {
  try {
    f();
  } catch (error) {
    return { error: error.message };
  }
  return { error: null };
}

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "fft") {
    const [re, im] = fft(Float64Array.from(c.re), Float64Array.from(c.im), c.inverse);
    return [Array.from(re), Array.from(im)];
  }
  if (c.op === "fft_refused") return refused(() => fft(new Float64Array(c.n), new Float64Array(c.n)));
  if (c.op === "fft2") return fft2(c.M, c.h, c.w);
  if (c.op === "response") return frequencyResponse(c.K, c.size);
  if (c.op === "response_refused") return refused(() => frequencyResponse(c.K, c.size));
  if (c.op === "image") return imageSpectrum(c.X);
  if (c.op === "next") return nextPowerOfTwo(c.n);
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
