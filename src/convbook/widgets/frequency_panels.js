// The frequency explorer's five pictures: the image (grey), its spectrum, the kernel's spectrum
// (padded to the image's size), their product (each spectrum as log10 of its magnitude, zero
// frequency at the centre, on its own scale with its own key) and the feature map. The three
// spectra share one cursor: a frequency cell, ringed in each. The pictures shrink to share a
// line; their keys' words are the page's text (kit textKey), so they keep their size.
import { cellSize, greyScale, heatmap } from "./draw.js";
import { mapWords, spectrumWords } from "./frequency_view.js";
import { scaleOf } from "./kernel_panels.js";
import { hidpiCanvas } from "./kit/canvas.js";
import { el } from "./kit/controls.js";
import { cellCursor } from "./kit/cursor.js";
import { textKey } from "./kit/keys.js";

const ROOM = 200; // the largest side of each picture, CSS pixels
const PANELS = [
  { name: "image", key: "pixel value" },
  { name: "image-spectrum", key: "log10 |image spectrum|", spectrum: "image" },
  { name: "kernel-spectrum", key: "log10 |kernel spectrum|", spectrum: "kernel" },
  { name: "product", key: "log10 |product|", spectrum: "product" },
  { name: "map", key: "output value" },
];
const KEYS = "focus and use the arrow keys, Home and End to read a frequency";

function captions(X, K) {
  const size = (M) => `${M.length} × ${M[0].length}`;
  return [`image (${size(X)}), grey: black lowest, white highest`, "its spectrum",
    `the kernel's spectrum (${size(K)} padded with zeros to ${size(X)})`,
    "their product: the image's spectrum times the conjugate of the kernel's",
    "feature map: the product transformed back (circular correlation)"];
}

function extent(M) {
  const flat = M.flat();
  return [Math.min(...flat), Math.max(...flat)];
}

/** The cursor's ring: the cell itself where cells are large, the 3 x 3 around it where they are small. */
const ring = (at, cell) => at && (cell >= 8 ? [...at, 1, 1] : [at[0] - 1, at[1] - 1, 3, 3]);

/** The panels in `node`; `cursor` is the kit's cellCursor options. Returns { draw(view, at), dispose }. */
export function frequencyPictures(node, cursor) {
  let built = { key: "", canvases: [], keys: [], cell: 1, untrack: [] };
  function build(X, K) {
    const key = JSON.stringify([X.length, X[0].length, K.length, K[0].length]);
    if (key === built.key) return built;
    built.untrack.forEach((f) => f());
    const cell = cellSize(X, ROOM);
    const [w, h] = [X[0].length * cell, X.length * cell];
    const words = captions(X, K);
    const canvases = [];
    const keys = [];
    node.replaceChildren(...PANELS.map((p, n) => {
      const c = hidpiCanvas(w, h, p.name);
      c.classList.add("cb-picture");
      const k = textKey(Math.max(w, 150), `cb-key cb-key-${p.name}`);
      const figure = el("figure");
      figure.append(c, k.node, el("figcaption", "", words[n])); // keys in line above captions of any length
      const panel = el("div", `cb-panel cb-panel-${p.name}`);
      panel.style.maxWidth = `${Math.max(w, 150)}px`;
      panel.append(figure);
      canvases.push(c);
      keys.push(k);
      return panel;
    }));
    const untrack = PANELS.flatMap((p, n) => (p.spectrum ? [cellCursor(canvases[n], cursor)] : []));
    built = { key, canvases, keys, cell, untrack };
    return built;
  }
  return {
    draw(view, at) {
      const { canvases, keys, cell } = build(view.X, view.K);
      PANELS.forEach((p, n) => {
        const ctx = canvases[n].getContext("2d");
        if (p.spectrum) {
          const v = view[p.spectrum];
          heatmap(ctx, v.values, cell, 0, 0, ring(at, cell), v.scale);
          keys[n].draw(v.scale, p.key);
          canvases[n].setAttribute("aria-label", `${spectrumWords(p.name.replace("-", " "), v)}: ${KEYS}`);
          return;
        }
        const M = p.name === "image" ? view.X : view.map;
        const scale = p.name === "image" ? greyScale(...extent(M)) : scaleOf(M);
        heatmap(ctx, M, cell, 0, 0, null, scale);
        keys[n].draw(scale, p.key);
        canvases[n].setAttribute("aria-label", p.name === "image" ? `image, ${M.length} by ${M[0].length}` : mapWords(M));
      });
    },
    dispose: () => built.untrack.forEach((f) => f()),
  };
}
