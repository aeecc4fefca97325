// The fast Fourier transform behind a frequency view: a radix-2 transform of our own (no
// library), its 2-D form and the magnitudes a picture of a spectrum needs (chapter
// "Frequencies and separable kernels"). Every function is pure, so tests/js/run_fft.js runs
// them with Node against torch.fft.

/** Whether n is a power of two (1, 2, 4, ...). */
export function isPowerOfTwo(n) {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}

/** The smallest power of two that is at least n (n >= 1). */
export function nextPowerOfTwo(n) {
  let m = 1;
  while (m < n) m *= 2;
  return m;
}

/**
 * The discrete Fourier transform of (re, im), in place, as torch.fft.fft computes it:
 * X[f] = sum_t x[t] exp(-2 pi i f t / n); with inverse, the inverse transform (divided by n).
 * Iterative Cooley-Tukey: the inputs in bit-reversed order, then log2(n) rounds of butterflies.
 * Refused: lengths that are not a power of two, or differ between re and im.
 */
export function fft(re, im, inverse = false) {
  const n = re.length;
  if (!isPowerOfTwo(n)) throw new RangeError(`fft needs a length that is a power of two, got ${n}`);
  if (im.length !== n) throw new RangeError(`re and im must have one length, got ${n} and ${im.length}`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len *= 2) {
    const angle = (sign * 2 * Math.PI) / len;
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(angle * k);
        const wi = Math.sin(angle * k);
        const a = start + k;
        const b = a + len / 2;
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] /= n;
      im[i] /= n;
    }
  }
  return [re, im];
}

/**
 * The 2-D transform of a real matrix (an array of rows), zero-padded at the bottom and right
 * to h x w (default: its own shape), as torch.fft.fft2(M, s=(h, w)): { re, im }, each an
 * array of h rows of w numbers. Rows first, then columns. h and w must be powers of two.
 */
export function fft2(M, h = M.length, w = M[0].length) {
  if (h < M.length || w < M[0].length) {
    throw new RangeError(`the padded size ${h} x ${w} is smaller than the matrix`);
  }
  const re = [];
  const im = [];
  for (let i = 0; i < h; i++) {
    const r = new Float64Array(w);
    if (i < M.length) M[i].forEach((v, j) => { r[j] = v; });
    const s = new Float64Array(w);
    fft(r, s);
    re.push(r);
    im.push(s);
  }
  const cr = new Float64Array(h);
  const ci = new Float64Array(h);
  for (let j = 0; j < w; j++) {
    for (let i = 0; i < h; i++) {
      cr[i] = re[i][j];
      ci[i] = im[i][j];
    }
    fft(cr, ci);
    for (let i = 0; i < h; i++) {
      re[i][j] = cr[i];
      im[i][j] = ci[i];
    }
  }
  return { re: re.map((r) => Array.from(r)), im: im.map((r) => Array.from(r)) };
}

/** M (an array of rows) with zero frequency moved to the centre, as torch.fft.fftshift(M). */
export function centred(M) {
  const [h, w] = [M.length, M[0].length];
  // fftshift: output row i is input row (i + ceil(h / 2)) % h, and so for columns
  return Array.from({ length: h }, (_, i) => {
    const row = M[(i + Math.ceil(h / 2)) % h];
    return Array.from({ length: w }, (_, j) => row[(j + Math.ceil(w / 2)) % w]);
  });
}

/** |S| of a spectrum { re, im }, entry by entry, in S's own order (zero frequency at [0][0]). */
export function magnitude({ re, im }) {
  return re.map((row, i) => row.map((v, j) => Math.hypot(v, im[i][j])));
}

/** |spectrum| with zero frequency moved to the centre, as torch.fft.fftshift(S.abs()). */
export function centredMagnitude(S) {
  return centred(magnitude(S));
}

/** The frequency of row (or column) i of n after centred(), in cycles per pixel: fftshift(fftfreq(n)). */
export function frequencyAt(i, n) {
  return (i - Math.floor(n / 2)) / n;
}

/**
 * The inverse 2-D transform of a spectrum { re, im } (h x w, powers of two), as torch.fft.ifft2:
 * { re, im }. Columns first, then rows (the order does not change the result).
 */
export function ifft2({ re, im }) {
  const [h, w] = [re.length, re[0].length];
  const outRe = re.map((row) => Float64Array.from(row));
  const outIm = im.map((row) => Float64Array.from(row));
  const cr = new Float64Array(h);
  const ci = new Float64Array(h);
  for (let j = 0; j < w; j++) {
    for (let i = 0; i < h; i++) [cr[i], ci[i]] = [outRe[i][j], outIm[i][j]];
    fft(cr, ci, true);
    for (let i = 0; i < h; i++) [outRe[i][j], outIm[i][j]] = [cr[i], ci[i]];
  }
  for (let i = 0; i < h; i++) fft(outRe[i], outIm[i], true);
  return { re: outRe.map((r) => Array.from(r)), im: outIm.map((r) => Array.from(r)) };
}

/** A times the complex conjugate of B, entry by entry (two spectra of one size): A conj(B). */
export function timesConjugate(A, B) {
  const re = A.re.map((row, i) => row.map((a, j) => a * B.re[i][j] + A.im[i][j] * B.im[i][j]));
  const im = A.re.map((row, i) => row.map((a, j) => A.im[i][j] * B.re[i][j] - a * B.im[i][j]));
  return { re, im };
}

/**
 * The convolution theorem at the image's size: the spectra of image X and of kernel K (padded
 * with zeros to X's size), their product X^ conj(K^), and its inverse transform, real part: the
 * circular correlation of X with K (convbook.frequency.circular_correlate). X's sides must be
 * powers of two and at least K's.
 */
export function spectra(X, K) {
  const [h, w] = [X.length, X[0].length];
  if (!isPowerOfTwo(h) || !isPowerOfTwo(w)) throw new RangeError(`the image's sides must be powers of two, got ${h} x ${w}`);
  const image = fft2(X);
  const kernel = fft2(K, h, w);
  const product = timesConjugate(image, kernel);
  return { image, kernel, product, map: ifft2(product).re };
}

/** A kernel's frequency response on a size x size grid: convbook.frequency.frequency_response. */
export function frequencyResponse(K, size) {
  if (!isPowerOfTwo(size) || size < K.length || size < K[0].length) {
    throw new RangeError(`size must be a power of two at least the kernel's, got ${size}`);
  }
  return centredMagnitude(fft2(K, size, size));
}

/**
 * An image's spectrum for a picture: the magnitude of the transform of the image less its
 * mean (so that the mean's one large number does not swamp the rest), zero-padded to powers
 * of two, zero frequency at the centre.
 */
export function imageSpectrum(X) {
  const count = X.length * X[0].length;
  const mean = X.reduce((sum, row) => sum + row.reduce((a, v) => a + v, 0), 0) / count;
  const centred = X.map((row) => row.map((v) => v - mean));
  return centredMagnitude(fft2(centred, nextPowerOfTwo(X.length), nextPowerOfTwo(X[0].length)));
}
