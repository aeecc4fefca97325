// The network explorer's words: probabilities as the page prints them, the verdict, and what a
// hovered cell is and reads. Pure: no DOM here.
import { predicted } from "./network_math.js";

/** A probability as the page prints it: a percentage with one decimal ("97.3 %"). */
export const percent = (p) => `${(100 * p).toFixed(1)} %`;

/** What the network says of the image, and, for a held-out digit, whether that is right. */
export function verdict(probabilities, names, label = null) {
  const best = predicted(probabilities);
  const said = `The network reads ${names[best]} (${best}), with probability ${percent(probabilities[best])}.`;
  if (label === null) return said;
  return `${said} This held-out digit is ${names[label]} (${label}): ${best === label ? "right" : "wrong"}.`;
}

/** An epoch as the slider says it. */
export const epochWords = (epoch) => (epoch === 0 ? "epoch 0 (the random start)" : `after epoch ${epoch}`);

const LEVELS = ["input", "conv1 + ReLU", "pool1", "conv2 + ReLU", "pool2"];

/** What the hovered cell is, its value, and its receptive field in the input. */
export function cellWords(at, value, field) {
  const { level, channel, i, j } = at;
  const box = field[0];
  const rows = box.rows[1] - box.rows[0] + 1;
  const cols = box.cols[1] - box.cols[0] + 1;
  return `${LEVELS[level]}, map ${channel + 1}, row ${i + 1}, column ${j + 1}: ${value.toFixed(3)}. ` +
    `It reads input rows ${box.rows[0] + 1} to ${box.rows[1] + 1} and columns ${box.cols[0] + 1} to ` +
    `${box.cols[1] + 1} (${rows} × ${cols} pixels), ringed in every layer below.`;
}

export const levelName = (level) => LEVELS[level];
