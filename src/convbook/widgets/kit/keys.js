// Colour keys: a bar of a colour scale (draw.js colourScale, greyScale) with its two ends and
// what it measures written under it, in the theme's text colour, named for screen readers.
import { colorbar, fmt } from "../draw.js";
import { hidpiCanvas } from "./canvas.js";

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
