// Colour keys: a bar of a colour scale (draw.js colourScale, greyScale) with its two ends and
// what it measures written under it, in the theme's text colour, named for screen readers.
// colourKey draws the words on its canvas; textKey writes them as the page's text, so that they
// keep the widget's text size where CSS shrinks the key with its picture.
import { colorbar, fmt, paint } from "../draw.js";
import { hidpiCanvas, sizeCanvas } from "./canvas.js";
import { el } from "./controls.js";

const BAR = 14; // the bar's height, CSS pixels

/** What a key says to a screen reader. */
export function keyWords(scale, label) {
  return `colour key from ${fmt(scale.low)} to ${fmt(scale.high)}: ${label}`;
}

/** A colour key `width` CSS pixels wide: { node, draw(scale, label, ink) }. */
export function colourKey(width = 300, className = "cb-key") {
  const node = hidpiCanvas(width, 44, "colour key");
  node.classList.add(...className.split(/\s+/).filter(Boolean));
  return {
    node,
    draw(scale, label, ink) {
      colorbar(node.getContext("2d"), width, 0, 0, label, ink, scale);
      node.setAttribute("aria-label", keyWords(scale, label));
    },
  };
}

/**
 * A colour key whose bar (a canvas `width` CSS pixels wide, stretched or shrunk to its box's
 * width) has its two ends and what it measures under it as HTML text (classes cb-key-low,
 * cb-key-high, cb-key-label, in cb-key-ends): { node, draw(scale, label) }. The node, of class
 * cb-text-key and `className`, is one image for screen readers, named by keyWords.
 */
export function textKey(width = 300, className = "cb-key") {
  const node = el("div", "cb-text-key");
  node.classList.add(...className.split(/\s+/).filter(Boolean));
  node.setAttribute("role", "img");
  const bar = document.createElement("canvas");
  const ctx = sizeCanvas(bar, width, BAR);
  Object.assign(bar.style, { width: "100%", height: `${BAR}px` });
  const [low, high, what] = ["cb-key-low", "cb-key-high", "cb-key-label"].map((c) => el("span", c));
  const ends = el("div", "cb-key-ends");
  ends.append(low, high);
  node.append(bar, ends, what);
  return {
    node,
    draw(scale, label) {
      for (let x = 0; x < width; x++) {
        ctx.fillStyle = paint(scale, scale.low + (x / (width - 1)) * (scale.high - scale.low)).fill;
        ctx.fillRect(x, 0, 1, BAR);
      }
      [low.textContent, high.textContent, what.textContent] = [fmt(scale.low), fmt(scale.high), label];
      node.setAttribute("aria-label", keyWords(scale, label));
    },
  };
}
