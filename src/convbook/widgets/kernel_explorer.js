// The kernel explorer: pick an image (or load your own picture), shape a kernel with sliders,
// number boxes, presets or a family with its own parameter, and see the feature map; hover, use
// the arrow keys or press play to see the sum of products behind each output. Everything is
// computed here in the browser.
import { corr2d, flip, outputShape, windowTerms } from "./convmath.js";
import { canvas, cellSize, colorbar, colourScale, el, fmt, greyScale, heatmap, save } from "./draw.js";
import { FAMILIES, PRESET_PARAMS, cropToFit, familyKernel, parseEntry } from "./kernel_params.js";
import { cameraPossible, pictureFrom, pictureFromFile } from "./picture.js";
import { followTheme, themeColours } from "./kit/theme.js";

const PICTURE = "your picture"; // its name in the image list: "your picture (h × w)"
const ENTRY_SLIDER = { min: -5, max: 5, step: 0.05 };
const SAME = (A, B) => JSON.stringify(A) === JSON.stringify(B);

function options(select, names, current) {
  select.replaceChildren(...names.map((name) => new Option(name, name, false, name === current)));
}

function resized(K, rows, cols) {
  return Array.from({ length: rows }, (_, a) => Array.from({ length: cols }, (_, b) => K[a]?.[b] ?? 0));
}

function labelled(text, control, className = "cb-control") {
  const node = el("label", className);
  node.append(el("span", "", text), control);
  return node;
}

function slider({ min, max, step }, name) {
  const input = el("input");
  Object.assign(input, { type: "range", min: String(min), max: String(max), step: String(step) });
  input.setAttribute("aria-label", name);
  return input;
}

function button(text, className) {
  const b = el("button", className, text);
  b.type = "button";
  return b;
}

function sizeText(M) {
  return `${M.length} × ${M[0].length}`;
}

function render({ model, el: root }) {
  const state = {
    images: model.get("images"),
    imageName: model.get("image_name"),
    kernel: model.get("kernel_rows"),
    operation: model.get("operation"),
    note: model.get("note"),
    family: "",
    params: Object.fromEntries(Object.values(FAMILIES).flatMap((f) =>
      Object.entries(f.params).map(([name, p]) => [name, p.start]))),
    at: null, // the output cell whose window is shown, [i, j], or null
    speed: 4, // windows a second when playing
  };
  const images = () => state.images;
  const image = () => images()[state.imageName];
  const applied = () => (state.operation === "convolution" ? flip(state.kernel) : state.kernel);
  const limit = model.get("largest_entry");

  // ---- Controls ----
  const imageSelect = el("select", "cb-image");
  const file = el("input", "cb-file");
  Object.assign(file, { type: "file", accept: "image/png,image/jpeg" });
  const cameraButton = button("Use the camera", "cb-camera");
  cameraButton.hidden = !cameraPossible();
  const presetSelect = el("select", "cb-preset");
  const rowsSelect = el("select", "cb-rows");
  const colsSelect = el("select", "cb-cols");
  rowsSelect.setAttribute("aria-label", "kernel rows");
  colsSelect.setAttribute("aria-label", "kernel columns");
  const operation = el("select", "cb-operation");
  options(operation, ["cross-correlation", "convolution"], state.operation);
  const size = el("span", "cb-control", "Kernel size ");
  size.append(rowsSelect, " × ", colsSelect);
  const imageRow = el("div", "cb-row");
  imageRow.append(labelled("Image", imageSelect), labelled("Your picture (PNG or JPEG)", file, "cb-control cb-file-label"),
    cameraButton);
  const kernelRow = el("div", "cb-row");
  kernelRow.append(labelled("Preset", presetSelect), size, labelled("Operation", operation));

  // The camera: a live view, then one still frame taken on request.
  const camera = el("div", "cb-camera-view");
  camera.hidden = true;
  const video = el("video");
  Object.assign(video, { muted: true, playsInline: true });
  video.setAttribute("aria-label", "camera view");
  const take = button("Take the picture", "cb-take");
  const cancel = button("Cancel", "cb-cancel");
  const cameraButtons = el("div", "cb-row");
  cameraButtons.append(take, cancel);
  camera.append(video, cameraButtons);

  // The kernel families, each parameter with its slider.
  const familySelect = el("select", "cb-family");
  familySelect.replaceChildren(new Option("(none)", ""),
    ...Object.entries(FAMILIES).map(([name, f]) => new Option(f.title, name)));
  const paramSliders = {};
  const paramRow = el("div", "cb-row cb-params");
  for (const [familyName, family] of Object.entries(FAMILIES)) {
    for (const [name, p] of Object.entries(family.params)) {
      const input = slider(p, p.label);
      input.classList.add(`cb-${name}`);
      const shown = el("output");
      const control = labelled(p.label, input);
      control.append(shown);
      control.dataset.family = familyName;
      paramSliders[name] = { input, shown, control, p, familyName };
      paramRow.append(control);
    }
  }
  const familyRow = el("div", "cb-row");
  familyRow.append(labelled("Kernel family", familySelect), paramRow);

  const grid = el("div", "cb-grid");
  grid.setAttribute("role", "group");
  grid.setAttribute("aria-label", "kernel entries");
  const gridRow = el("div", "cb-row cb-entries");
  gridRow.append(el("span", "", "Kernel entries"), grid);
  const problem = el("p", "cb-problem");
  problem.setAttribute("aria-live", "polite");
  const note = el("p", "cb-note");
  note.setAttribute("aria-live", "polite");

  const panels = el("div", "cb-panels");
  const bar = canvas(300, 44, "colour scale");
  const shape = el("p", "cb-shape");

  const play = button("Play", "cb-play");
  const stepButton = button("Step", "cb-step");
  const restart = button("Start over", "cb-restart");
  const speed = slider({ min: 1, max: 30, step: 1 }, "speed, windows a second");
  speed.classList.add("cb-speed");
  const speedShown = el("output");
  const speedControl = labelled("Speed", speed);
  speedControl.append(speedShown);
  const progress = el("span", "cb-progress");
  const playRow = el("div", "cb-row cb-play-row");
  playRow.append(play, stepButton, restart, speedControl, progress);
  const hover = el("p", "cb-hover");
  hover.setAttribute("aria-live", "polite");
  const details = el("details");
  const values = el("pre", "cb-output");
  details.append(el("summary", "", "Output values"), values);

  const box = el("div", "cb-kx");
  box.append(imageRow, camera, kernelRow, familyRow, gridRow, problem, note, panels, bar, shape, playRow,
    hover, details);
  root.replaceChildren(box);

  /** Everything the reader set, saved in one step (with the images, when a picture came). */
  function sync() {
    const picture = state.images === model.get("images") ? {} : { images: state.images };
    save(model, { ...picture, image_name: state.imageName, kernel_rows: state.kernel, operation: state.operation, note: state.note });
  }

  // ---- The kernel grid: a box for exact values and a slider for each entry ----
  let entries = [];

  function buildGrid() {
    const [h, w] = [state.kernel.length, state.kernel[0].length];
    grid.style.gridTemplateColumns = `repeat(${w}, auto)`;
    entries = state.kernel.map((row, a) => row.map((_, b) => {
      const cell = el("div", "cb-entry");
      const text = el("input", "cb-value");
      Object.assign(text, { type: "text", inputMode: "decimal", autocomplete: "off", spellcheck: false });
      text.setAttribute("aria-label", `kernel entry row ${a} column ${b}`);
      const range = slider(ENTRY_SLIDER, `kernel entry row ${a} column ${b}, slider`);
      range.classList.add("cb-slider");
      for (const node of [text, range]) Object.assign(node.dataset, { row: a, col: b });
      text.addEventListener("input", () => typed(a, b, text));
      text.addEventListener("change", () => committed(a, b, text));
      range.addEventListener("input", () => setEntry(a, b, Number(range.value), range));
      range.addEventListener("change", sync);
      cell.append(text, range);
      return { cell, text, range };
    }));
    grid.replaceChildren(...entries.flat().map((e) => e.cell));
    problem.textContent = ""; // words about a box that is gone
    rowsSelect.value = String(h);
    colsSelect.value = String(w);
    showEntries();
  }

  function showEntries(except = null) {
    entries.forEach((row, a) => row.forEach(({ text, range }, b) => {
      const v = state.kernel[a][b];
      if (text !== except) {
        text.value = String(v);
        text.removeAttribute("aria-invalid");
      }
      if (range !== except) range.value = String(v);
      range.setAttribute("aria-valuetext", String(v));
    }));
  }

  function typed(a, b, text) {
    const { value, problem: words } = parseEntry(text.value, limit);
    if (words) {
      text.setAttribute("aria-invalid", "true");
      problem.textContent = `Entry row ${a}, column ${b}: ${words}; the kernel keeps ${state.kernel[a][b]} ` +
        `(type a number from −${limit} to ${limit}).`;
      return;
    }
    text.removeAttribute("aria-invalid");
    setEntry(a, b, value, text);
  }

  function committed(a, b, text) {
    if (!text.isConnected) return; // a box the grid no longer has, left by a new image or kernel
    if (text.getAttribute("aria-invalid")) showEntries(); // the box shows the value kept again
    sync();
  }

  function setEntry(a, b, value, source) {
    state.kernel = state.kernel.map((r, i) => r.map((x, j) => (i === a && j === b ? value : x)));
    state.family = "";
    state.note = "";
    problem.textContent = "";
    showEntries(source);
    matchPreset();
    changed();
  }

  // ---- Choices that depend on the image and the kernel ----
  function fits(K) {
    const X = image();
    return K.length <= X.length && K[0].length <= X[0].length;
  }

  function matchPreset() {
    const match = Object.entries(model.get("presets")).find(([, K]) => SAME(K, state.kernel));
    presetSelect.value = match ? match[0] : "";
    familySelect.value = state.family;
    for (const { control, familyName } of Object.values(paramSliders)) control.hidden = familyName !== state.family;
  }

  function refreshChoices() {
    const X = image();
    options(imageSelect, Object.keys(images()), state.imageName);
    const presets = model.get("presets");
    presetSelect.replaceChildren(new Option("(custom)", ""), ...Object.entries(presets).map(([name, K]) => {
      const option = new Option(name, name);
      option.disabled = !fits(K);
      return option;
    }));
    for (const option of familySelect.options) {
      option.disabled = option.value !== "" && (X.length < 3 || X[0].length < 3);
    }
    const largest = model.get("largest_kernel");
    options(rowsSelect, Array.from({ length: Math.min(largest, X.length) }, (_, k) => String(k + 1)));
    options(colsSelect, Array.from({ length: Math.min(largest, X[0].length) }, (_, k) => String(k + 1)));
    paramSliders.size.input.max = String(Math.min(X.length, X[0].length) >= 5 ? 5 : 3);
    refreshParams();
    buildGrid();
    matchPreset();
  }

  // ---- Computing and drawing ----
  let current = null;
  let drawn = { key: "", canvases: [], cells: [] };

  function compute() {
    const X = image();
    const K = applied();
    const Y = corr2d(X, K);
    const greyInput = cellSize(X, 260) < 24; // too small to write values in: a photo, drawn grey
    const [low, high] = extent(greyInput ? [K, Y] : [X, K, Y]);
    const shared = colourScale(low, high);
    const [xLow, xHigh] = greyInput ? extent([X]) : [low, high];
    current = { X, K, Y, shared, greyInput, inputScale: greyInput ? greyScale(xLow, xHigh) : shared };
  }

  function extent(matrices) {
    let [low, high] = [Infinity, -Infinity];
    for (const M of matrices) {
      for (const row of M) {
        for (const v of row) {
          if (v < low) low = v;
          if (v > high) high = v;
        }
      }
    }
    return [low, high];
  }

  function panelsFor(matrices, captions) {
    const key = JSON.stringify([...matrices.map((M) => [M.length, M[0].length]), captions]);
    if (key === drawn.key) return drawn;
    const cells = matrices.map((M, n) => cellSize(M, n === 1 ? 150 : 260));
    const names = ["input", "kernel", "output"];
    const canvases = matrices.map((M, n) =>
      canvas(M[0].length * cells[n], M.length * cells[n], `${names[n]}, ${M.length} by ${M[0].length}`));
    panels.replaceChildren(...canvases.map((c, n) => {
      const figure = el("figure");
      figure.append(c, el("figcaption", "", captions[n]));
      return figure;
    }));
    trackHover(canvases[2]);
    drawn = { key, canvases, cells };
    return drawn;
  }

  function draw() {
    const { X, K, Y, shared, greyInput, inputScale } = current;
    const inputCaption = `input (${sizeText(X)})${greyInput ? ", grey: black lowest, white highest" : ""}`;
    const kernelCaption = `${state.operation === "convolution" ? "kernel, flipped for convolution" : "kernel"} (${sizeText(K)})`;
    const { canvases, cells } = panelsFor([X, K, Y], [inputCaption, kernelCaption, `output (feature map, ${sizeText(Y)})`]);
    const at = state.at;
    heatmap(canvases[0].getContext("2d"), X, cells[0], 0, 0, at && [...at, K.length, K[0].length], inputScale);
    heatmap(canvases[1].getContext("2d"), K, cells[1], 0, 0, null, shared);
    heatmap(canvases[2].getContext("2d"), Y, cells[2], 0, 0, at && [...at, 1, 1], shared);
    const scaleLabel = greyInput ? "value: kernel and output share this scale" : "value: input, kernel and output share this scale";
    colorbar(bar.getContext("2d"), 300, 0, 0, scaleLabel, themeColours(box).text, shared);
    bar.setAttribute("aria-label", `colour scale from ${fmt(shared.low)} to ${fmt(shared.high)}; ${scaleLabel}`);
    const [nh, nw, kh, kw] = [X.length, X[0].length, K.length, K[0].length];
    const [oh, ow] = outputShape(X, K);
    shape.textContent = `Output shape ${oh} × ${ow} = (${nh} − ${kh} + 1) × (${nw} − ${kw} + 1)`;
    const listed = oh * ow <= 400;
    const text = listed
      ? Y.map((row) => row.map((v) => fmt(v, 3).padStart(7)).join(" ")).join("\n")
      : `${oh} × ${ow} values: too many to list; hover over the output, or press play, instead.`;
    if (values.textContent !== text) values.textContent = text;
    hover.textContent = at
      ? describe(X, K, Y, ...at)
      : "Hover over an output cell (or focus it and use the arrow keys), or press Play, to see the sum of products that made it.";
    note.textContent = state.note;
    const total = oh * ow;
    const index = at ? at[0] * ow + at[1] : -1;
    progress.textContent = at ? `window ${index + 1} of ${total}` : `${total} windows`;
    stepButton.disabled = index === total - 1;
    play.textContent = timer ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(Boolean(timer)));
  }

  function describe(X, K, Y, i, j) {
    const terms = windowTerms(X, K, i, j).map(([x, k]) => `${fmt(x, 3)}×${k < 0 ? `(${fmt(k, 3)})` : fmt(k, 3)}`);
    return `Y[${i},${j}] = ${terms.join(" + ")} = ${fmt(Y[i][j], 4)}`;
  }

  /** The state changed: compute again, draw, and (unless told not to) save to Python. */
  function changed({ saving = false } = {}) {
    const [oh, ow] = outputShape(image(), state.kernel);
    if (state.at && (state.at[0] >= oh || state.at[1] >= ow)) state.at = null;
    compute();
    draw();
    if (saving) sync();
  }

  // ---- The window: hover, arrow keys, play and step ----
  let timer = null;

  function moveTo(i, j) {
    const { Y } = current;
    const next = [Math.max(0, Math.min(Y.length - 1, i)), Math.max(0, Math.min(Y[0].length - 1, j))];
    if (state.at && state.at[0] === next[0] && state.at[1] === next[1]) return;
    state.at = next;
    draw();
  }

  /** One window on in reading order; false at the last one. */
  function advance() {
    const { Y } = current;
    if (!state.at) {
      moveTo(0, 0);
      return true;
    }
    const [i, j] = state.at;
    if (i === Y.length - 1 && j === Y[0].length - 1) return false;
    if (j + 1 < Y[0].length) moveTo(i, j + 1);
    else moveTo(i + 1, 0);
    return true;
  }

  function stop() {
    if (!timer) return;
    clearInterval(timer);
    timer = null;
    hover.setAttribute("aria-live", "polite");
    draw();
  }

  function start() {
    const { Y } = current;
    if (state.at && state.at[0] === Y.length - 1 && state.at[1] === Y[0].length - 1) state.at = null; // again
    hover.setAttribute("aria-live", "off"); // a screen reader is not made to read every step
    timer = setInterval(() => advance() || stop(), 1000 / state.speed);
    advance();
    draw();
  }

  play.addEventListener("click", () => (timer ? stop() : start()));
  stepButton.addEventListener("click", () => {
    stop();
    advance();
  });
  restart.addEventListener("click", () => {
    stop();
    state.at = null;
    advance();
  });
  speed.value = String(state.speed);
  const showSpeed = () => {
    speedShown.textContent = `${state.speed} a second`;
    speed.setAttribute("aria-valuetext", `${state.speed} windows a second`);
  };
  showSpeed();
  speed.addEventListener("input", () => {
    state.speed = Number(speed.value);
    showSpeed();
    if (timer) {
      clearInterval(timer);
      timer = setInterval(() => advance() || stop(), 1000 / state.speed);
    }
  });

  function trackHover(c) {
    c.tabIndex = 0;
    c.setAttribute("aria-label", `${c.getAttribute("aria-label")}: focus and use the arrow keys to move the window`);
    c.addEventListener("mousemove", (event) => {
      const rect = c.getBoundingClientRect();
      const cell = drawn.cells[2];
      moveTo(Math.floor((event.clientY - rect.top) / cell), Math.floor((event.clientX - rect.left) / cell));
    });
    c.addEventListener("focus", () => state.at || moveTo(0, 0));
    c.addEventListener("keydown", (event) => {
      const steps = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (event.key === "Escape") c.blur();
      if (!(event.key in steps)) return;
      event.preventDefault();
      stop();
      const [i, j] = state.at || [0, 0];
      moveTo(i + steps[event.key][0], j + steps[event.key][1]);
    });
    for (const leave of ["mouseleave", "blur"]) {
      c.addEventListener(leave, () => {
        if (timer) return; // the window is playing
        if (leave === "mouseleave" && document.activeElement === c) return; // keyboard still there
        state.at = null;
        draw();
      });
    }
  }

  // ---- The reader's choices ----
  function chooseImage(name, words = "") {
    stop();
    state.imageName = name;
    state.at = null;
    state.note = words;
    const X = image();
    if (!fits(state.kernel)) {
      const before = sizeText(state.kernel);
      state.kernel = cropToFit(state.kernel, X.length, X[0].length);
      state.family = "";
      state.note = `${words ? `${words} ` : ""}The ${before} kernel is cropped to its middle ${sizeText(state.kernel)} to fit the ${sizeText(X)} image.`;
    }
    refreshChoices();
    changed();
    sync();
  }

  function setKernel(K, family = "") {
    stop();
    state.kernel = K;
    state.family = family;
    state.at = null;
    state.note = "";
    problem.textContent = "";
    if (state.kernel.length !== entries.length || state.kernel[0].length !== entries[0].length) buildGrid();
    else showEntries();
    matchPreset();
    changed({ saving: true });
  }

  imageSelect.addEventListener("change", () => chooseImage(imageSelect.value));
  presetSelect.addEventListener("change", () => {
    if (!presetSelect.value) return;
    const [family, params] = PRESET_PARAMS[presetSelect.value] || [""];
    if (family) Object.assign(state.params, params);
    setKernel(model.get("presets")[presetSelect.value], family);
    if (family) refreshParams();
  });
  for (const select of [rowsSelect, colsSelect]) {
    select.addEventListener("change", () => setKernel(resized(state.kernel, Number(rowsSelect.value), Number(colsSelect.value))));
  }
  operation.addEventListener("change", () => {
    stop();
    state.operation = operation.value;
    state.at = null;
    changed({ saving: true });
  });

  function refreshParams() {
    for (const [name, { input, shown, p }] of Object.entries(paramSliders)) {
      input.value = String(state.params[name]);
      shown.textContent = p.text(state.params[name]);
      input.setAttribute("aria-valuetext", p.text(state.params[name]));
    }
  }

  function familyKernelNow() {
    const X = image();
    const params = { ...state.params };
    if (state.family === "gaussian") params.size = Math.min(params.size, X.length, X[0].length) >= 5 ? params.size : 3;
    return familyKernel(state.family, params);
  }

  familySelect.addEventListener("change", () => {
    if (!familySelect.value) {
      state.family = "";
      matchPreset();
      return;
    }
    state.family = familySelect.value;
    setKernel(familyKernelNow(), state.family);
  });
  for (const [name, { input, familyName }] of Object.entries(paramSliders)) {
    input.addEventListener("input", () => {
      state.params[name] = Number(input.value);
      refreshParams();
      state.family = familyName;
      state.kernel = familyKernelNow();
      state.note = "";
      if (state.kernel.length !== entries.length || state.kernel[0].length !== entries[0].length) buildGrid();
      else showEntries();
      matchPreset();
      changed();
    });
    input.addEventListener("change", sync);
  }

  // ---- Your own picture ----
  function usePicture({ values: G, from }, how) {
    const name = `${PICTURE} (${sizeText(G)})`;
    const kept = Object.fromEntries(Object.entries(images()).filter(([n]) => !n.startsWith(PICTURE)));
    state.images = { ...kept, [name]: G };
    const shrunk = G.length !== from[0] || G[0].length !== from[1] ? `, shrunk from ${from[0]} × ${from[1]}` : "";
    const words = `Your picture ${how}: ${sizeText(G)} pixels${shrunk}, made grey; it stays in this page.`;
    chooseImage(name, words);
  }

  function say(words) {
    state.note = words;
    note.textContent = words;
  }

  file.addEventListener("change", async () => {
    const [chosen] = file.files;
    if (!chosen) return;
    file.value = ""; // so that choosing the same file again loads it again
    try {
      usePicture(await pictureFromFile(chosen, model.get("largest_image")), "from the file");
    } catch (error) {
      say(`${error.message}; the image stays ${state.imageName}.`);
    }
  });

  let stream = null;
  function closeCamera() {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    camera.hidden = true;
  }
  cameraButton.addEventListener("click", async () => {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    } catch (error) {
      say(`The camera is not available (${error.name}); the image stays ${state.imageName}.`);
      return;
    }
    video.srcObject = stream;
    camera.hidden = false;
    await video.play().catch(() => {});
    take.focus();
  });
  take.addEventListener("click", () => {
    if (video.readyState < 2 || !video.videoWidth) {
      say("The camera has not sent a picture yet; try again in a moment.");
      return;
    }
    const picture = pictureFrom(video, video.videoHeight, video.videoWidth, model.get("largest_image"));
    closeCamera();
    usePicture(picture, "from the camera");
    cameraButton.focus();
  });
  cancel.addEventListener("click", () => {
    closeCamera();
    cameraButton.focus();
  });

  // ---- Python's changes, and the page's theme ----
  const fromPython = () => {
    const same = state.images === model.get("images") && state.imageName === model.get("image_name") &&
      state.operation === model.get("operation") &&
      SAME(state.kernel, model.get("kernel_rows")) && state.note === model.get("note");
    if (same && drawn.key) return; // our own change coming back: nothing to redraw
    if (!(model.get("image_name") in model.get("images"))) return; // Python refuses such a state
    stop();
    state.images = model.get("images");
    state.imageName = model.get("image_name");
    state.kernel = model.get("kernel_rows");
    state.operation = model.get("operation");
    state.note = model.get("note");
    const X = image();
    if (!fits(state.kernel)) state.kernel = cropToFit(state.kernel, X.length, X[0].length);
    operation.value = state.operation;
    state.at = null;
    state.family = "";
    refreshChoices();
    changed();
  };
  model.on("change", fromPython); // once per change, after all its keys are set
  const unfollow = followTheme(box, () => draw());
  refreshChoices();
  compute();
  draw();
  return () => {
    stop();
    closeCamera();
    unfollow();
    model.off("change", fromPython);
  };
}

export default { render };
