// The kernel explorer's kernels that turn with a parameter, the rule for a kernel that is too
// large for the image, and the reading of what a reader types into a kernel box. Pure
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

/** The kernel families: each parameter with its slider's range, step and how it reads. */
export const FAMILIES = {
  gaussian: {
    title: "Gaussian blur",
    params: {
      sigma: { label: "σ (width)", min: 0.3, max: 3, step: 0.1, start: 1, text: (v) => `sigma ${v.toFixed(1)}` },
      size: { label: "size", min: 3, max: 5, step: 2, start: 5, text: (v) => `${v} × ${v}` },
    },
    make: ({ sigma, size }) => gaussian(sigma, size),
  },
  directional: {
    title: "directional derivative",
    params: {
      theta: { label: "θ (angle)", min: 0, max: 360, step: 5, start: 30, text: (v) => `${v} degrees` },
    },
    make: ({ theta }) => directional(theta),
  },
  sharpen: {
    title: "sharpen",
    params: {
      amount: { label: "amount", min: 0, max: 3, step: 0.1, start: 1, text: (v) => `amount ${v.toFixed(1)}` },
    },
    make: ({ amount }) => sharpen(amount),
  },
};

/** The family kernel for these parameters, kept to 4 decimals. */
export function familyKernel(family, params) {
  return rounded(FAMILIES[family].make(params));
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

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What a kernel box holds: { value } for a number from -limit to limit, else { problem }, the
 * words that say why it is refused (the widget then keeps the last valid value).
 */
export function parseEntry(text, limit) {
  const typed = String(text).trim().replace(/\u2212/g, "-"); // the typographic minus too
  if (typed === "") return { problem: "the box is empty" };
  if (!NUMBER.test(typed)) return { problem: "what is typed is not a number" }; // not echoed: "NaN" would be

  const value = Number(typed);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    return { problem: `${typed.slice(0, 12)} is outside −${limit} to ${limit}` };
  }
  return { value: value + 0 };
}
