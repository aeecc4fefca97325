// Canvases sharp on high-DPI screens: the backing store is devicePixelRatio times the CSS size,
// and the context is scaled so that drawing code works in CSS pixels.

/** Backing size of a width x height (CSS pixels) canvas at `ratio` device pixels per CSS pixel. */
export function backing(width, height, ratio = 1) {
  return [Math.round(width * ratio), Math.round(height * ratio)];
}

/** Give `c` a CSS size of width x height, sharp at this screen's ratio; returns its 2-D context. */
export function sizeCanvas(c, width, height) {
  const ratio = (typeof window !== "undefined" && window.devicePixelRatio) || 1;
  [c.width, c.height] = backing(width, height, ratio);
  c.style.width = `${width}px`;
  c.style.aspectRatio = `${width} / ${height}`; // scaled down by CSS, it keeps its shape
  const ctx = c.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

/** A new canvas of CSS size width x height, an image for screen readers named `label`. */
export function hidpiCanvas(width, height, label) {
  const c = document.createElement("canvas");
  sizeCanvas(c, width, height);
  c.setAttribute("role", "img");
  c.setAttribute("aria-label", label);
  return c;
}
