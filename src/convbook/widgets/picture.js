// The reader's own picture: decoded by the browser from a file or a camera frame, made grey
// and shrunk to at most `longest` pixels on its long side (the Python widget's largest_image)
// by averaging areas, all in the page (nothing is sent anywhere). The arithmetic (grey, fittedSize, shrink) is pure and tested with
// Node against PyTorch: grey as convbook.photo makes it, shrink as adaptive_avg_pool2d.

// Pictures larger than this are first scaled down by the browser itself (its own smoothing),
// so that the exact area average below never has to read more than 1024 x 1024 pixels.
const FIRST_PASS = 1024;

/** Grey values in [0, 1] from RGBA bytes: 0.299 R + 0.587 G + 0.114 B, as convbook.photo. */
export function grey(rgba, height, width) {
  return Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => {
    const k = 4 * (i * width + j);
    return (0.299 * rgba[k] + 0.587 * rgba[k + 1] + 0.114 * rgba[k + 2]) / 255;
  }));
}

/** The size a height x width picture is shrunk to: the long side at most `longest`, aspect kept. */
export function fittedSize(height, width, longest) {
  const scale = Math.min(1, longest / Math.max(height, width));
  return [Math.max(1, Math.round(height * scale)), Math.max(1, Math.round(width * scale))];
}

function bins(n, m) {
  return Array.from({ length: m }, (_, i) => [Math.floor((i * n) / m), Math.ceil(((i + 1) * n) / m)]);
}

/** Area averages of G over an h x w grid of (possibly overlapping) bins: adaptive_avg_pool2d. */
export function shrink(G, h, w) {
  const [rows, cols] = [bins(G.length, h), bins(G[0].length, w)];
  return rows.map(([r0, r1]) => cols.map(([c0, c1]) => {
    let sum = 0;
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) sum += G[r][c];
    return sum / ((r1 - r0) * (c1 - c0));
  }));
}

/** Values kept to 3 decimals, as the Python widget sends the photo. */
function rounded(G) {
  return G.map((row) => row.map((v) => Math.round(v * 1000) / 1000));
}

/**
 * From anything drawImage takes, of height x width pixels: { values }, the grey matrix of at
 * most `longest` pixels a side, and the size it came from.
 */
export function pictureFrom(source, height, width, longest) {
  const scale = Math.min(1, FIRST_PASS / Math.max(height, width));
  const [h, w] = [Math.max(1, Math.round(height * scale)), Math.max(1, Math.round(width * scale))];
  const c = document.createElement("canvas");
  Object.assign(c, { width: w, height: h });
  const ctx = c.getContext("2d", { willReadFrequently: true });
  ctx.fillStyle = "#fff"; // transparent parts read as white paper
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(source, 0, 0, w, h);
  const G = grey(ctx.getImageData(0, 0, w, h).data, h, w);
  return { values: rounded(shrink(G, ...fittedSize(h, w, longest))), from: [height, width] };
}

/** Decode a PNG or JPEG file in the page; rejects with words a reader understands. */
export async function pictureFromFile(file, longest) {
  if (!/^image\/(png|jpeg)$/.test(file.type)) {
    throw new Error(`${file.name} is not a PNG or JPEG picture`);
  }
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name} could not be read as a picture`);
  }
  try {
    return pictureFrom(bitmap, bitmap.height, bitmap.width, longest);
  } finally {
    bitmap.close();
  }
}

/** Whether this page may ask for the camera (a secure page in a browser that has one). */
export function cameraPossible() {
  return Boolean(window.isSecureContext && navigator.mediaDevices?.getUserMedia);
}
