// The frequency explorer: an image and a kernel seen through their spectra. Pick an image, shape
// the kernel (presets, a family with its parameters, typed or dragged entries: the kernel
// explorer's controls) and see the image's spectrum, the kernel's (padded to the image's size),
// their product and the feature map it transforms back to; hover over a spectrum, or focus it
// and use the arrow keys, to read one frequency. Everything is computed here in the browser
// (fft.js). The state lives in one store; what each kind of change does is the kit's table.
import { frequencyPictures } from "./frequency_panels.js";
import { layout } from "./frequency_controls.js";
import { cellWords, frequencyView, kernelSummary } from "./frequency_view.js";
import { kernelActions, refreshKernelChoices, showFamily, startParams, wireKernel } from "./kernel_choice.js";
import { entryGrid } from "./kernel_grid.js";
import { kernelForImage } from "./kernel_params.js";
import { bridge } from "./kit/bridge.js";
import { options } from "./kit/controls.js";
import { createStore } from "./kit/store.js";
import { followTheme } from "./kit/theme.js";

const TRAITS = ["image_name", "kernel_rows"];
const CLEARS = new Set(["dragged", "chosen", "python"]); // clear the words of a refusal
const HINT = "Hover over a spectrum, or focus it and use the arrow keys, to read one frequency: the image's strength there, how much the kernel keeps, and their product.";
const imageOf = (s, images) => images[s.imageName];

let last = { X: null, K: null, view: null };
/** What the state shows (not computed again for a hover). */
function viewOf(s, images, decades) {
  const X = imageOf(s, images);
  if (last.X !== X || last.K !== s.kernel) last = { X, K: s.kernel, view: frequencyView(X, s.kernel, decades) };
  return last.view;
}

function render({ model, el: root }) {
  const [ranges, images, presets] = ["ranges", "images", "presets"].map((name) => model.get(name));
  const ui = layout(ranges);
  root.replaceChildren(ui.box);
  const py = bridge(model, TRAITS, (v) => act.fromPython(v));
  const store = createStore({ imageName: py.read().image_name, kernel: py.read().kernel_rows, family: "",
    params: startParams(ranges), at: null, note: "", uncropped: null });
  const act = actions(store, images, presets, py);
  const grid = entryGrid({ node: ui.grid, problem: ui.problem, limit: model.get("largest_entry"), range: ranges.entry,
    onEntry: act.entry, onSave: act.save });
  const cursor = { shape: () => [imageOf(store.get(), images).length, imageOf(store.get(), images)[0].length],
    at: () => store.get().at, move: (at) => store.set({ at }, "cursor"), leave: () => store.set({ at: null }, "cursor") };
  const panels = frequencyPictures(ui.panels, cursor);
  function draw() {
    const s = store.get();
    const view = viewOf(s, images, ranges.decades);
    panels.draw(view, s.at);
    ui.summary.textContent = kernelSummary(view);
    ui.hover.textContent = s.at ? cellWords(view, s.at) : HINT;
    ui.note.textContent = s.note;
  }
  const refresh = (s) => refreshKernelChoices(ui, imageOf(s, images), presets, model.get("largest_kernel"));
  store.subscribe((s, changed, cause) => {
    if (CLEARS.has(cause)) ui.problem.textContent = "";
    if (changed.includes("imageName")) refresh(s);
    if (changed.includes("kernel") || changed.includes("imageName")) grid.show(s.kernel, act.source());
    showFamily(ui, s, imageOf(s, images), presets);
    ui.imageSelect.value = s.imageName;
    if (cause !== "quiet") draw();
    if (cause === "chosen") act.save();
  });
  options(ui.imageSelect, Object.keys(images), store.get().imageName);
  ui.imageSelect.addEventListener("change", () => act.chooseImage(ui.imageSelect.value));
  wireKernel(ui, act);
  const unfollow = followTheme(ui.box, draw);
  refresh(store.get());
  grid.build(store.get().kernel);
  showFamily(ui, store.get(), imageOf(store.get(), images), presets);
  draw();
  return () => [unfollow, py.dispose, panels.dispose].forEach((f) => f());
}

/** What the reader (and Python) can do, each a change of one kind (KIT.md). */
function actions(store, images, presets, py) {
  return {
    ...kernelActions(store, presets, () => imageOf(store.get(), images)),
    save() {
      const s = store.get();
      py.save({ image_name: s.imageName, kernel_rows: s.kernel });
    },
    chooseImage(name) {
      const s = store.get();
      const fit = kernelForImage(s.kernel, s.uncropped, images[name]);
      const family = fit.kernel === s.kernel ? s.family : "";
      store.set({ imageName: name, kernel: fit.kernel, uncropped: fit.uncropped, family, note: fit.words, at: null }, "chosen");
    },
    fromPython(v) {
      if (!(v.image_name in images)) return; // Python refuses such a state
      store.set({ imageName: v.image_name, kernel: v.kernel_rows, family: "", note: "", at: null, uncropped: null }, "python");
    },
  };
}

export default { render };
