// The stored weights and digits as NetworkExplorer sends them: float32 numbers, little-endian,
// in base64 (a third of the size of their decimal text), each with its PyTorch shape. Decoded
// here into nested arrays of float64 (every float32 is a float64 exactly). Pure: no DOM here.

/** The float32 numbers of a base64 text, as plain float64 numbers. */
export function decodeFloats(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let n = 0; n < raw.length; n++) bytes[n] = raw.charCodeAt(n);
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bytes.length / 4 }, (_, n) => view.getFloat32(4 * n, true));
}

/** A flat list reshaped as nested arrays of `shape` (row-major, as PyTorch stores it). */
export function reshape(flat, shape) {
  if (shape.length <= 1) return flat.slice();
  const inner = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0] }, (_, n) => reshape(flat.slice(n * inner, (n + 1) * inner), shape.slice(1)));
}

/** A snapshot's weights ({ "conv1.weight": base64, ... }) as { conv1: { weight, bias }, ... }. */
export function network(weights, shapes) {
  const net = {};
  for (const [name, shape] of Object.entries(shapes)) {
    const [layer, part] = name.split(".");
    net[layer] ??= {};
    net[layer][part] = reshape(decodeFloats(weights[name]), shape);
  }
  return net;
}

/** A digit's pixels (base64, side x side) as rows. */
export const digitImage = (pixels, side) => reshape(decodeFloats(pixels), [side, side]);
