// The kernel explorer: pick an image (or load your own picture), shape a kernel with sliders,
// number boxes, presets or a family with its own parameter, and see the feature map; hover, use
// the arrow keys or press play to see the sum of products behind each output. Everything is
// computed here in the browser. The state lives in one store; what each kind of change does
// (stop the player, clear words, save) is the kit's table (kit/KIT.md), in onState below.
import { corr2d, flip, outputShape, windowTerms } from "./convmath.js";
import { fmt } from "./draw.js";
import { camera } from "./kernel_camera.js";
import { layout } from "./kernel_controls.js";
import { entryGrid } from "./kernel_grid.js";
import { greyInput, pictures } from "./kernel_panels.js";
import { SAME, kernelActions, refreshKernelChoices, showFamily, startParams, wireKernel } from "./kernel_choice.js";
import { cropToFit, kernelForImage } from "./kernel_params.js";
import { bridge } from "./kit/bridge.js";
import { options, playerControls } from "./kit/controls.js";
import { createPlayer } from "./kit/player.js";
import { createStore } from "./kit/store.js";
import { followTheme } from "./kit/theme.js";
import { pictureFromFile } from "./picture.js";

const PICTURE = "your picture"; // its name in the image list: "your picture (h × w)"
const TRAITS = ["images", "image_name", "kernel_rows", "operation", "note"];
const STOPS = new Set(["typed", "dragged", "chosen", "picture", "python"]); // stop the player
const SAVES = new Set(["chosen", "picture"]); // saved at once (typed, dragged: on letting go)
const HOVER_HINT = "Hover over an output cell (or focus it and use the arrow keys), or press Play, to see the sum of products that made it.";
const sizeText = (M) => `${M.length} × ${M[0].length}`;

function startState(model, ranges) {
  const params = startParams(ranges);
  return { images: model.get("images"), imageName: model.get("image_name"), kernel: model.get("kernel_rows"),
    operation: model.get("operation"), note: model.get("note"), family: "", params, at: null, uncropped: null };
}

const matrices = (s) => [s.images[s.imageName], s.kernel];
let last = { X: null, kernel: null, operation: "", Y: null };

/** What the state shows: image, applied kernel, output, and the words under the pictures. */
function viewOf(s) {
  const X = s.images[s.imageName];
  const K = s.operation === "convolution" ? flip(s.kernel) : s.kernel;
  if (last.X !== X || last.kernel !== s.kernel || last.operation !== s.operation) {
    last = { X, kernel: s.kernel, operation: s.operation, Y: corr2d(X, K) }; // not again for a hover
  }
  const { Y } = last;
  const captions = [`input (${sizeText(X)})${greyInput(X) ? ", grey: black lowest, white highest" : ""}`,
    `${s.operation === "convolution" ? "kernel, flipped for convolution" : "kernel"} (${sizeText(K)})`,
    `output (feature map, ${sizeText(Y)})`];
  return { X, K, Y, captions };
}

function describe({ X, K, Y }, [i, j]) {
  const terms = windowTerms(X, K, i, j).map(([x, k]) => `${fmt(x, 3)}×${k < 0 ? `(${fmt(k, 3)})` : fmt(k, 3)}`);
  return `Y[${i},${j}] = ${terms.join(" + ")} = ${fmt(Y[i][j], 4)}`;
}

/** The words and numbers beside the pictures. */
function writeWords(ui, s, { X, K, Y }) {
  const [oh, ow] = outputShape(X, K);
  ui.shape.textContent = `Output shape ${oh} × ${ow} = (${X.length} − ${K.length} + 1) × (${X[0].length} − ${K[0].length} + 1)`;
  const text = oh * ow <= 400
    ? Y.map((row) => row.map((v) => fmt(v, 3).padStart(7)).join(" ")).join("\n")
    : `${oh} × ${ow} values: too many to list; hover over the output, or press play, instead.`;
  if (ui.values.textContent !== text) ui.values.textContent = text;
  ui.hover.textContent = s.at ? describe({ X, K, Y }, s.at) : HOVER_HINT;
  ui.note.textContent = s.note;
  ui.progress.textContent = s.at ? `window ${s.at[0] * ow + s.at[1] + 1} of ${oh * ow}` : `${oh * ow} windows`;
}

/** The choices that depend on the image: images, presets that fit, sizes, family sliders. */
function refreshChoices(ui, s, presets, largest) {
  options(ui.imageSelect, Object.keys(s.images), s.imageName);
  refreshKernelChoices(ui, s.images[s.imageName], presets, largest);
}

function render({ model, el: root }) {
  const ranges = model.get("ranges");
  const ui = layout(ranges);
  root.replaceChildren(ui.box);
  const store = createStore(startState(model, ranges));
  const py = bridge(model, TRAITS, (values) => act.fromPython(values));
  const player = createPlayer({ ...steps(store), speed: ranges.speed.start, onChange: () => draw() });
  const controls = playerControls(player, { speedRange: ranges.speed, unit: "windows" });
  ui.placePlayer(controls.row);
  const act = actions(store, model, ui, py);
  const grid = entryGrid({ node: ui.grid, problem: ui.problem, limit: model.get("largest_entry"), range: ranges.entry,
    onEntry: act.entry, onSave: act.save });
  const cursor = { shape: () => outputShape(...matrices(store.get())), at: () => store.get().at, byKey: () => player.pause(),
    move: (at) => store.set({ at }, "cursor"), leave: () => player.playing || store.set({ at: null }, "cursor") };
  const panels = pictures(ui.panels, cursor);
  const cam = wire(ui, act, model);
  function draw() {
    const s = store.get();
    const v = viewOf(s);
    panels.draw({ ...v, at: s.at });
    writeWords(ui, s, v);
    const [oh, ow] = outputShape(v.X, v.K);
    controls.update({ last: Boolean(s.at) && s.at[0] === oh - 1 && s.at[1] === ow - 1 });
    ui.hover.setAttribute("aria-live", player.playing ? "off" : "polite"); // not every step read out
  }
  store.subscribe((s, changed, cause) => {
    if (STOPS.has(cause)) player.pause();
    if (cause !== "typed" && STOPS.has(cause)) ui.problem.textContent = "";
    if (changed.includes("images") || changed.includes("imageName")) refreshChoices(ui, s, model.get("presets"), model.get("largest_kernel"));
    if (changed.includes("kernel") || changed.includes("imageName")) grid.show(s.kernel, act.source());
    showFamily(ui, s, s.images[s.imageName], model.get("presets"));
    if (cause !== "quiet") draw();
    if (SAVES.has(cause)) act.save();
  });
  const unfollow = followTheme(ui.box, draw);
  refreshChoices(ui, store.get(), model.get("presets"), model.get("largest_kernel"));
  grid.build(store.get().kernel);
  showFamily(ui, store.get(), matrices(store.get())[0], model.get("presets"));
  ui.operation.value = store.get().operation;
  draw();
  return () => [player.dispose, cam.close, unfollow, py.dispose, panels.dispose].forEach((f) => f());
}

/** The player's steps: the window moves on in reading order; from the end, play starts over. */
function steps(store) {
  const shape = () => {
    const s = store.get();
    return outputShape(s.images[s.imageName], s.kernel);
  };
  const atEnd = () => {
    const [oh, ow] = shape();
    const { at } = store.get();
    return Boolean(at) && at[0] === oh - 1 && at[1] === ow - 1;
  };
  const step = () => {
    const [, ow] = shape();
    const { at } = store.get();
    if (atEnd()) return false;
    store.set({ at: !at ? [0, 0] : at[1] + 1 < ow ? [at[0], at[1] + 1] : [at[0] + 1, 0] }, "player");
    return true;
  };
  return { step, atEnd, rewind: () => store.set({ at: null }, "player") };
}

/** What the reader (and Python) can do, each a change of one kind (KIT.md). */
function actions(store, model, ui, py) {
  const image = () => store.get().images[store.get().imageName];
  return {
    ...kernelActions(store, model.get("presets"), image),
    save() {
      const s = store.get();
      py.save({ images: s.images, image_name: s.imageName, kernel_rows: s.kernel, operation: s.operation, note: s.note });
    },
    chooseImage(name, words = "", cause = "chosen", images = store.get().images) {
      const s = store.get();
      const fit = kernelForImage(s.kernel, s.uncropped, images[name]);
      const family = SAME(fit.kernel, s.kernel) ? s.family : "";
      const note = [words, fit.words].filter(Boolean).join(" ");
      store.set({ images, imageName: name, kernel: fit.kernel, uncropped: fit.uncropped, family, note, at: null }, cause);
    },
    operation: (operation) => store.set({ operation, at: null }, "chosen"),
    picture({ values: G, from }, how) {
      const name = `${PICTURE} (${sizeText(G)})`;
      const kept = Object.fromEntries(Object.entries(store.get().images).filter(([n]) => !n.startsWith(PICTURE)));
      const shrunk = G.length !== from[0] || G[0].length !== from[1] ? `, shrunk from ${from[0]} × ${from[1]}` : "";
      this.chooseImage(name, `Your picture ${how}: ${sizeText(G)} pixels${shrunk}, made grey; it stays in this page.`,
        "picture", { ...kept, [name]: G });
    },
    say: (words) => store.set({ note: `${words.replace(/\.$/, "")}; the image stays ${store.get().imageName}.` }, "picture-problem"),
    fromPython(v) {
      if (!(v.image_name in v.images)) return; // Python refuses such a state
      const X = v.images[v.image_name];
      const kernel = v.kernel_rows.length <= X.length && v.kernel_rows[0].length <= X[0].length
        ? v.kernel_rows : cropToFit(v.kernel_rows, X.length, X[0].length);
      ui.operation.value = v.operation;
      store.set({ images: v.images, imageName: v.image_name, kernel, operation: v.operation, note: v.note,
        family: "", at: null, uncropped: null }, "python");
    },
  };
}

/** The controls' listeners: each calls one action. Returns the camera. */
function wire(ui, act, model) {
  const cam = camera({ view: ui.cameraView, video: ui.video, take: ui.take, longest: model.get("largest_image"),
    onPicture: (p) => { act.picture(p, "from the camera"); ui.cameraButton.focus(); }, onProblem: act.say });
  const on = (node, event, f) => node.addEventListener(event, f);
  on(ui.imageSelect, "change", () => { cam.close(); act.chooseImage(ui.imageSelect.value); });
  wireKernel(ui, act);
  on(ui.operation, "change", () => act.operation(ui.operation.value));
  on(ui.file, "change", async () => {
    const [chosen] = ui.file.files;
    if (!chosen) return;
    ui.file.value = ""; // so that choosing the same file again loads it again
    cam.close();
    try {
      act.picture(await pictureFromFile(chosen, model.get("largest_image")), "from the file");
    } catch (error) {
      act.say(error.message);
    }
  });
  on(ui.cameraButton, "click", () => cam.open());
  on(ui.take, "click", () => cam.take());
  on(ui.cancel, "click", () => { cam.close(); ui.cameraButton.focus(); });
  return cam;
}

export default { render };
