// What the frequency explorer shows of the convolution theorem (fft.js computes it): each
// spectrum as the log of its magnitude, zero frequency at the centre, over a range of decades
// that Python sends; and the words for a frequency cell and for each picture. Pure functions,
// tested with Node against torch.fft (tests/widgets/frequency/test_frequency_js.py).
import { colourScale } from "./draw.js";
import { centredMagnitude, frequencyAt, spectra } from "./fft.js";
import { numberText } from "./kit/number.js";

/** v to 4 significant digits, as a reader reads it (typographic minus; 0 as 0). */
export function sig(v) {
  return v === 0 ? "0" : numberText(Number(v.toPrecision(4)));
}

/**
 * A spectrum's picture: |S| centred (`magnitude`), and log10 of it (`values`) held to the
 * `decades` below its largest; `scale` is viridis over that range. A spectrum of zeros (a
 * kernel of zeros) is drawn at the bottom of a range of `decades` below 1.
 */
export function logView(S, decades) {
  const magnitude = centredMagnitude(S);
  const top = Math.max(...magnitude.map((row) => Math.max(...row)));
  const high = top > 0 ? Math.log10(top) : 0;
  const low = high - decades;
  const values = magnitude.map((row) => row.map((v) => (v > 0 ? Math.max(low, Math.log10(v)) : low)));
  return { magnitude, values, top, scale: { ...colourScale(0, 1), low, high } };
}

/** Everything the explorer draws for image X and kernel K: the three spectra's views and the map. */
export function frequencyView(X, K, decades) {
  const { image, kernel, product, map } = spectra(X, K);
  return { X, K, map, image: logView(image, decades), kernel: logView(kernel, decades),
    product: logView(product, decades) };
}

/** Frequency [i, j] of a centred h x w spectrum, in words: "down −0.25, across 0.125 cycles per pixel". */
export function frequencyWords([i, j], h, w) {
  return `down ${sig(frequencyAt(i, h))}, across ${sig(frequencyAt(j, w))} cycles per pixel`;
}

/** The readout of frequency cell `at` ([i, j], centred): the three magnitudes and what they mean. */
export function cellWords(view, at) {
  const [i, j] = at;
  const [h, w] = [view.X.length, view.X[0].length];
  const [x, k, p] = [view.image, view.kernel, view.product].map((v) => v.magnitude[i][j]);
  const zero = frequencyAt(i, h) === 0 && frequencyAt(j, w) === 0;
  const what = zero ? " At zero frequency these are the sums of the image's pixels and of the kernel's entries."
    : k === 0 ? " The kernel removes this wave." : "";
  return `Frequency ${frequencyWords(at, h, w)}: |image| ${sig(x)} × |kernel| ${sig(k)} = |product| ${sig(p)}.${what}`;
}

/** What a screen reader hears of a spectrum's picture: its size, range, largest and zero-frequency magnitudes. */
export function spectrumWords(name, v) {
  const [h, w] = [v.values.length, v.values[0].length];
  const centre = v.magnitude[Math.floor(h / 2)][Math.floor(w / 2)];
  return `${name}, ${h} by ${w}, zero frequency at the centre; colour: log10 of the magnitude from ${sig(v.scale.low)} to ${sig(v.scale.high)}; `
    + `largest magnitude ${sig(v.top)}, at zero frequency ${sig(centre)}`;
}

/** The feature map's range, for its picture's label. */
export function mapWords(Y) {
  const flat = Y.flat();
  return `feature map (circular correlation), ${Y.length} by ${Y[0].length}, from ${sig(Math.min(...flat))} to ${sig(Math.max(...flat))}`;
}

const DECIMALS = 4; // kernel entries are kept to 4 decimals (Python's rows, kernel_params.js rounded)

/**
 * Where the entries' rounding hides a whole sum (nine entries 0.1111 of a box blur sum to 0.9999,
 * a blur's entries to 1 before they were rounded): "; 1 within the rounding of its 9 entries to
 * 4 decimals", else "". The readout still prints the sum of the entries shown: the kernel used.
 */
export function roundingWords(K) {
  const entries = K.flat();
  const sum = Math.abs(entries.reduce((a, b) => a + b, 0));
  const whole = Math.round(sum);
  const slack = entries.length * 0.5 * 10 ** -DECIMALS;
  const hidden = Math.abs(sum - whole) > 1e-9 && Math.abs(sum - whole) <= slack && sig(sum) !== String(whole);
  return hidden ? `; ${whole} within the rounding of its ${entries.length} entries to ${DECIMALS} decimals` : "";
}

/** The kernel's spectrum at zero frequency and at the fastest waves (0.5 cycles per pixel): low-pass or high-pass. */
export function kernelSummary(view) {
  const M = view.kernel.magnitude;
  const [h, w] = [M.length, M[0].length];
  const [ci, cj] = [Math.floor(h / 2), Math.floor(w / 2)];
  return `The kernel's spectrum: ${sig(M[ci][cj])} at zero frequency (the sum of its entries, in size${roundingWords(view.K)}), `
    + `${sig(M[ci][0])} at the fastest wave across, ${sig(M[0][cj])} at the fastest down, ${sig(M[0][0])} at the fastest both ways.`;
}
