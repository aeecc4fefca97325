// The channel explorer's kernel volume, drawn small: one row per output channel, one k x k block
// of coloured cells per input channel, so that its shape (c_o, c_i, k_h, k_w) is seen at once,
// and the layer's parameters counted beside it (channel_math.js layerParameters).
import { colourScale, paint } from "./draw.js";
import { layerParameters, signedBound } from "./channel_math.js";
import { el } from "./kit/controls.js";

/** The volume's node and draw(layer, names, outputShape), which redraws it and its words. */
export function volumeView() {
  const node = el("div", "cb-volume-box");
  const picture = el("div", "cb-volume");
  picture.setAttribute("role", "img");
  const words = el("p", "cb-volume-words");
  words.setAttribute("aria-live", "polite");
  node.append(el("p", "cb-kernel-title", "The layer's kernel volume"), picture, words);
  const draw = (layer, names, [h, w]) => {
    const [co, ci, k] = [layer.length, names.length, layer[0][0].length];
    const bound = signedBound(...layer.flat());
    const scale = colourScale(-bound, bound);
    picture.style.gridTemplateColumns = `auto repeat(${ci}, auto)`;
    picture.replaceChildren(el("span"), ...names.map((name) => el("span", "cb-volume-head", name)),
      ...layer.flatMap((volume, o) => [el("span", "cb-volume-head", `output ${o}`),
        ...volume.map((K) => block(K, scale))]));
    picture.setAttribute("aria-label", `kernel volume of ${co} output channels by ${ci} input channels `
      + `by ${k} by ${k}; its entries are in the boxes below`);
    const { weights, biases, total } = layerParameters(layer);
    words.textContent = `Shape (c_o, c_i, k_h, k_w) = (${co}, ${ci}, ${k}, ${k}): ${co} × ${ci} × ${k} × ${k} = `
      + `${weights} weights and ${biases} ${biases === 1 ? "bias" : "biases"}, ${total} parameters. `
      + `Output (${co}, ${h}, ${w}).`;
  };
  return { node, draw };
}

function block(K, scale) {
  const grid = el("span", "cb-volume-block");
  grid.style.gridTemplateColumns = `repeat(${K.length}, 1fr)`;
  grid.append(...K.flat().map((v) => {
    const cell = el("span", "cb-volume-cell");
    cell.style.background = paint(scale, v).fill;
    return cell;
  }));
  return grid;
}
