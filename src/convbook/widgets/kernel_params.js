// The kernel explorer's kernels that turn with a parameter, the rule for a kernel that is too
// large for the image (and back when it fits again). Pure
// functions, tested with Node against convbook.kernels (gaussian_kernel, directional_kernel,
// sharpen_kernel) and the Python widget.

const SOBEL_X = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]];
const SOBEL_Y = [[-1, -2, -1], [0, 0, 0], [1, 2, 1]];
const IDENTITY = [[0, 0, 0], [0, 1, 0], [0, 0, 0]];
const LAPLACIAN = [[0, 1, 0], [1, -4, 1], [0, 1, 0]];

/** Kernel entries are kept to 4 decimals, as the Python widget sends them. */
export function rounded(K) {
  return K.map((row) => row.map((v) => Math.round(v * 1e4) / 1e4 + 0)); // + 0: no -0
}

/** size x size Gaussian blur of width sigma, weights summing to 1 (convbook's gaussian_kernel). */
export function gaussian(sigma, size) {
  const centre = (size - 1) / 2;
  const raw = Array.from({ length: size }, (_, a) => Array.from({ length: size }, (_, b) =>
    Math.exp(-((a - centre) ** 2 + (b - centre) ** 2) / (2 * sigma * sigma))));
  const total = raw.flat().reduce((sum, v) => sum + v, 0);
  return raw.map((row) => row.map((v) => v / total));
}

/** The derivative in the direction `degrees`, y downwards: cos θ sobel_x + sin θ sobel_y. */
export function directional(degrees) {
  const theta = (degrees * Math.PI) / 180;
  // rounded to 12 places, so that 90 degrees gives exactly sobel_y (as in Python)
  const [c, s] = [Math.cos(theta), Math.sin(theta)].map((v) => Math.round(v * 1e12) / 1e12);
  return SOBEL_X.map((row, a) => row.map((x, b) => c * x + s * SOBEL_Y[a][b] + 0));
}

/** identity - amount * laplacian: 0 is the identity, 1 the preset sharpen. */
export function sharpen(amount) {
  return IDENTITY.map((row, a) => row.map((x, b) => x - amount * LAPLACIAN[a][b] + 0));
}

/**
 * The kernel families: each parameter with its label and how it reads. Its slider's range
 * (min, max, step, start) is Python's: the widget's `ranges` trait, ranges.families.
 */
export const FAMILIES = {
  gaussian: {
    title: "Gaussian blur",
    params: {
      sigma: { label: "σ (width)", text: (v) => `sigma ${v.toFixed(1)}` },
      size: { label: "size", text: (v) => `${v} × ${v}` },
    },
    make: ({ sigma, size }) => gaussian(sigma, size),
  },
  directional: {
    title: "directional derivative",
    params: { theta: { label: "θ (angle)", text: (v) => `${v} degrees` } },
    make: ({ theta }) => directional(theta),
  },
  sharpen: {
    title: "sharpen",
    params: { amount: { label: "amount", text: (v) => `amount ${v.toFixed(1)}` } },
    make: ({ amount }) => sharpen(amount),
  },
};

/** The largest odd number at most n (a centred kernel's side), at least 1. */
function oddAtMost(n) {
  return Math.max(1, n % 2 ? n : n - 1);
}

/**
 * The parameters a family really uses on an h x w image: a Gaussian is at most as large as
 * the largest odd square that fits (3 x 3 on the 3 x 3 numbers, whatever the slider says).
 */
export function fittedParams(family, params, h, w) {
  if (family !== "gaussian") return { ...params };
  return { ...params, size: Math.min(params.size, oddAtMost(Math.min(h, w))) };
}

/** The family kernel for these parameters, kept to 4 decimals. */
export function familyKernel(family, params) {
  return rounded(FAMILIES[family].make(params));
}

/**
 * The image `name` of `X` chosen with kernel K: K if it fits; otherwise its middle, and words
 * saying so. `uncropped` is the reader's kernel before an earlier crop (or null): on an image
 * it fits again, it comes back. Returns { kernel, uncropped, words }.
 */
export function kernelForImage(K, uncropped, X) {
  const [h, w] = [X.length, X[0].length];
  const full = uncropped || K;
  const size = (M) => `${M.length} × ${M[0].length}`;
  if (full.length <= h && full[0].length <= w) {
    return { kernel: full, uncropped: null, words: uncropped ? `The ${size(full)} kernel is back in full.` : "" };
  }
  const kernel = cropToFit(full, h, w);
  const words = `The ${size(full)} kernel is cropped to its middle ${size(kernel)} to fit the ${size(X)} image.`;
  return { kernel, uncropped: full, words };
}

/** Presets that are members of a family, and the parameters that make them. */
export const PRESET_PARAMS = {
  identity: ["sharpen", { amount: 0 }],
  sharpen: ["sharpen", { amount: 1 }],
  sobel_x: ["directional", { theta: 0 }],
  sobel_y: ["directional", { theta: 90 }],
};

/**
 * A kernel too large for an image of nh x nw keeps its middle (the first of two middles
 * where the difference is odd): the rows floor((kh - nh) / 2) on, as many as the image has.
 */
export function cropToFit(K, nh, nw) {
  const [kh, kw] = [K.length, K[0].length];
  const [h, w] = [Math.min(kh, nh), Math.min(kw, nw)];
  const [top, left] = [Math.floor((kh - h) / 2), Math.floor((kw - w) / 2)];
  return K.slice(top, top + h).map((row) => row.slice(left, left + w));
}
