// The kernel explorer: pick an image and a kernel, see the feature map, hover to see
// the sum of products behind any output. Everything is computed here in the browser.
import { corr2d, flip, outputShape, range, windowTerms } from "./convmath.js";
import { canvas, cellSize, colorbar, el, fmt, heatmap, save } from "./draw.js";


function options(select, names, current) {
  select.replaceChildren(...names.map((name) => new Option(name, name, false, name === current)));
}

function resized(K, rows, cols) {
  return Array.from({ length: rows }, (_, a) => Array.from({ length: cols }, (_, b) => K[a]?.[b] ?? 0));
}

function render({ model, el: root }) {
  const state = {
    imageName: model.get("image_name"),
    kernel: model.get("kernel_rows"),
    operation: model.get("operation"),
    hover: null,
  };
  const image = () => model.get("images")[state.imageName];
  const applied = () => (state.operation === "convolution" ? flip(state.kernel) : state.kernel);

  const imageSelect = el("select", "cb-image");
  const presetSelect = el("select", "cb-preset");
  const rowsSelect = el("select", "cb-rows");
  const colsSelect = el("select", "cb-cols");
  rowsSelect.setAttribute("aria-label", "kernel rows");
  colsSelect.setAttribute("aria-label", "kernel columns");
  const operation = el("select", "cb-operation");
  options(operation, ["cross-correlation", "convolution"], state.operation);
  const label = (text, control) => {
    const node = el("label", "", `${text} `);
    node.append(control);
    return node;
  };
  const size = el("span", "", "Kernel size ");
  size.append(rowsSelect, " × ", colsSelect);
  const controls = el("div", "cb-row");
  controls.append(label("Image", imageSelect), label("Preset", presetSelect), size, label("Operation", operation));

  const grid = el("div", "cb-grid");
  const gridRow = el("div", "cb-row");
  gridRow.append(el("span", "", "Kernel entries"), grid);
  const panels = el("div", "cb-panels");
  const bar = canvas(300, 44, "colour scale");
  const shape = el("p", "cb-shape");
  const hover = el("p", "cb-hover");
  hover.setAttribute("aria-live", "polite");
  const details = el("details");
  const values = el("pre", "cb-output");
  details.append(el("summary", "", "Output values"), values);
  const box = el("div", "cb-kx");
  box.append(controls, gridRow, panels, bar, shape, hover, details);
  root.replaceChildren(box);

  function sync() {
    save(model, { image_name: state.imageName, kernel_rows: state.kernel, operation: state.operation });
  }

  function drawGrid() {
    const [h, w] = [state.kernel.length, state.kernel[0].length];
    grid.style.gridTemplateColumns = `repeat(${w}, auto)`;
    grid.replaceChildren(...state.kernel.flatMap((row, a) => row.map((v, b) => {
      const input = el("input");
      Object.assign(input, { type: "number", step: "0.1", value: String(v) });
      input.setAttribute("aria-label", `kernel entry row ${a} column ${b}`);
      input.dataset.row = a;
      input.dataset.col = b;
      input.addEventListener("input", () => {
        const value = Number(input.value);
        if (input.value === "" || !Number.isFinite(value)) return;
        state.kernel = state.kernel.map((r, i) => r.map((x, j) => (i === a && j === b ? value : x)));
        presetSelect.value = "";
        update();
      });
      return input;
    })));
    rowsSelect.value = String(h);
    colsSelect.value = String(w);
  }

  // The three panels are rebuilt only when a shape changes; otherwise redrawn in place,
  // so the output keeps keyboard focus while the arrow keys move the window.
  let drawn = { key: "", canvases: [], cells: [] };
  let current = null;

  function panelsFor(matrices, captions) {
    const key = JSON.stringify([...matrices.map((M) => [M.length, M[0].length]), captions]);
    if (key === drawn.key) return drawn;
    const cells = matrices.map((M, n) => cellSize(M, n === 1 ? 150 : 260));
    const canvases = matrices.map((M, n) =>
      canvas(M[0].length * cells[n], M.length * cells[n], `${captions[n]}, ${M.length} by ${M[0].length}`));
    panels.replaceChildren(...canvases.map((c, n) => {
      const figure = el("figure");
      const [M, caption] = [matrices[n], captions[n]];
      figure.append(c, el("figcaption", "", `${caption} (${M.length} × ${M[0].length})`));
      return figure;
    }));
    trackHover(canvases[2]);
    drawn = { key, canvases, cells };
    return drawn;
  }

  function update() {
    const X = image();
    const K = applied();
    const Y = corr2d(X, K);
    current = { X, K, Y };
    const [low, high] = range(X, K, Y);
    const kernelCaption = state.operation === "convolution" ? "kernel, flipped for convolution" : "kernel";
    const { canvases, cells } = panelsFor([X, K, Y], ["input", kernelCaption, "output (feature map)"]);
    const outlines = [state.hover && [...state.hover, K.length, K[0].length], null, state.hover && [...state.hover, 1, 1]];
    [X, K, Y].forEach((M, n) => heatmap(canvases[n].getContext("2d"), M, cells[n], low, high, outlines[n]));
    colorbar(bar.getContext("2d"), 300, low, high, "value: input, kernel and output share this scale");
    const [nh, nw, kh, kw] = [X.length, X[0].length, K.length, K[0].length];
    const [oh, ow] = outputShape(X, K);
    shape.textContent = `Output shape ${oh} × ${ow} = (${nh} − ${kh} + 1) × (${nw} − ${kw} + 1)`;
    values.textContent = oh * ow <= 400
      ? Y.map((row) => row.map((v) => fmt(v, 3).padStart(7)).join(" ")).join("\n")
      : `${oh} × ${ow} values: too many to list; hover over the output instead.`;
    hover.textContent = state.hover
      ? describe(X, K, Y, ...state.hover)
      : "Hover over an output cell (or focus it and use the arrow keys) to see the sum of products that made it.";
  }

  function describe(X, K, Y, i, j) {
    const terms = windowTerms(X, K, i, j).map(([x, k]) => `${fmt(x, 3)}×${k < 0 ? `(${fmt(k, 3)})` : fmt(k, 3)}`);
    return `Y[${i},${j}] = ${fmt(Y[i][j], 4)} = ${terms.join(" + ")}`;
  }

  function moveTo(i, j) {
    const { Y } = current;
    const next = [Math.max(0, Math.min(Y.length - 1, i)), Math.max(0, Math.min(Y[0].length - 1, j))];
    if (state.hover && state.hover[0] === next[0] && state.hover[1] === next[1]) return;
    state.hover = next;
    update();
  }

  function trackHover(c) {
    c.tabIndex = 0;
    c.addEventListener("mousemove", (event) => {
      const box = c.getBoundingClientRect();
      const cell = drawn.cells[2];
      moveTo(Math.floor((event.clientY - box.top) / cell), Math.floor((event.clientX - box.left) / cell));
    });
    c.addEventListener("focus", () => state.hover || moveTo(0, 0));
    c.addEventListener("keydown", (event) => {
      const steps = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (event.key === "Escape" || !(event.key in steps)) {
        if (event.key === "Escape") c.blur();
        return;
      }
      event.preventDefault();
      const [i, j] = state.hover || [0, 0];
      moveTo(i + steps[event.key][0], j + steps[event.key][1]);
    });
    for (const leave of ["mouseleave", "blur"]) {
      c.addEventListener(leave, () => {
        if (leave === "mouseleave" && document.activeElement === c) return; // keyboard still there
        state.hover = null;
        update();
      });
    }
  }

  function fits(K) {
    const X = image();
    return K.length <= X.length && K[0].length <= X[0].length;
  }

  function refreshChoices() {
    const X = image();
    options(imageSelect, Object.keys(model.get("images")), state.imageName);
    const presets = model.get("presets");
    presetSelect.replaceChildren(new Option("(custom)", ""), ...Object.entries(presets).map(([name, K]) => {
      const option = new Option(name, name);
      option.disabled = !fits(K);
      return option;
    }));
    const match = Object.entries(presets).find(([, K]) => JSON.stringify(K) === JSON.stringify(state.kernel));
    presetSelect.value = match ? match[0] : "";
    const largest = model.get("largest_kernel");
    options(rowsSelect, Array.from({ length: Math.min(largest, X.length) }, (_, k) => String(k + 1)));
    options(colsSelect, Array.from({ length: Math.min(largest, X[0].length) }, (_, k) => String(k + 1)));
    drawGrid();
  }

  imageSelect.addEventListener("change", () => {
    state.imageName = imageSelect.value;
    state.hover = null;
    if (!fits(state.kernel)) state.kernel = model.get("presets").edge;
    refreshChoices();
    update();
    sync();
  });
  presetSelect.addEventListener("change", () => {
    if (!presetSelect.value) return;
    state.kernel = model.get("presets")[presetSelect.value];
    state.hover = null;
    drawGrid();
    update();
    sync();
  });
  for (const select of [rowsSelect, colsSelect]) {
    select.addEventListener("change", () => {
      state.kernel = resized(state.kernel, Number(rowsSelect.value), Number(colsSelect.value));
      state.hover = null;
      presetSelect.value = "";
      drawGrid();
      update();
      sync();
    });
  }
  operation.addEventListener("change", () => {
    state.operation = operation.value;
    state.hover = null;
    update();
    sync();
  });
  grid.addEventListener("change", sync);

  const fromPython = () => {
    const same = state.imageName === model.get("image_name") && state.operation === model.get("operation") &&
      JSON.stringify(state.kernel) === JSON.stringify(model.get("kernel_rows"));
    if (same) return; // our own change coming back: nothing to redraw (and no input to replace)
    state.imageName = model.get("image_name");
    state.kernel = model.get("kernel_rows");
    state.operation = model.get("operation");
    operation.value = state.operation;
    state.hover = null;
    refreshChoices();
    update();
  };
  model.on("change:kernel_rows", fromPython);
  model.on("change:image_name", fromPython);
  model.on("change:operation", fromPython);
  refreshChoices();
  update();
  return () => {
    model.off("change:kernel_rows", fromPython);
    model.off("change:image_name", fromPython);
    model.off("change:operation", fromPython);
  };
}

export default { render };
