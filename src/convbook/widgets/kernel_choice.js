// What the kernel controls do (kernel_controls.js lays them out): presets, size, a family with
// its parameters, typed or dragged entries; the choices an image allows, and the controls
// showing the state. Shared by the explorers that let the reader shape a kernel (the kernel
// and frequency explorers), each a change of one kind of the kit's table (kit/KIT.md).
import { PRESET_PARAMS, familyKernel, fittedParams } from "./kernel_params.js";
import { options, setSlider } from "./kit/controls.js";

export const SAME = (A, B) => JSON.stringify(A) === JSON.stringify(B);

/** K as rows x cols: its top-left entries kept, zeros where it grows. */
export const resized = (K, rows, cols) =>
  Array.from({ length: rows }, (_, a) => Array.from({ length: cols }, (_, b) => K[a]?.[b] ?? 0));

/** The kernel choices image X allows: presets that fit, families (3 x 3 at least), sizes. */
export function refreshKernelChoices(ui, X, presets, largest) {
  const [h, w] = [X.length, X[0].length];
  options(ui.presetSelect, [["", "(custom)"], ...Object.keys(presets)], "");
  [...ui.presetSelect.options].forEach((o, n) => {
    o.disabled = n > 0 && (presets[o.value].length > h || presets[o.value][0].length > w);
  });
  for (const o of ui.familySelect.options) o.disabled = o.value !== "" && (h < 3 || w < 3);
  options(ui.rowsSelect, Array.from({ length: Math.min(largest, h) }, (_, k) => String(k + 1)));
  options(ui.colsSelect, Array.from({ length: Math.min(largest, w) }, (_, k) => String(k + 1)));
  const size = ui.params.size;
  size.input.max = String(Math.max(size.range.min, fittedParams("gaussian", { size: size.range.max }, h, w).size));
}

/** Show the family, its parameters (as image X lets them be) and the preset the kernel is. */
export function showFamily(ui, s, X, presets) {
  const shown = fittedParams("gaussian", s.params, X.length, X[0].length);
  for (const [name, { input, shown: out, control, text, familyName }] of Object.entries(ui.params)) {
    setSlider(input, shown[name], text(shown[name]));
    out.textContent = text(shown[name]);
    control.hidden = familyName !== s.family;
  }
  ui.familySelect.value = s.family;
  ui.rowsSelect.value = String(s.kernel.length);
  ui.colsSelect.value = String(s.kernel[0].length);
  ui.presetSelect.value = Object.keys(presets).find((n) => SAME(presets[n], s.kernel)) ?? "";
}

/** Every family parameter's start, from Python's ranges.families. */
export function startParams(ranges) {
  const params = {};
  for (const family of Object.values(ranges.families)) {
    for (const [name, r] of Object.entries(family)) params[name] = r.start;
  }
  return params;
}

/**
 * The kernel edits on `store` (state: kernel, family, params, ...), `image()` the image now
 * shown: { source, entry, preset, resize, family }. `source()` is the control a typed or
 * dragged value came from, which keeps what it shows.
 */
export function kernelActions(store, presets, image) {
  let source = null;
  const kernelChange = (kernel, family, cause) =>
    store.set({ kernel, family, note: "", at: null, uncropped: null }, cause);
  return {
    source: () => source,
    entry(a, b, value, how, from) {
      source = from;
      const s = store.get();
      const kernel = s.kernel.map((r, i) => r.map((x, j) => (i === a && j === b ? value : x)));
      store.set({ kernel, family: "", note: "", uncropped: null }, how);
      source = null;
    },
    preset(name) {
      const [family, params] = PRESET_PARAMS[name] || [""];
      if (family) store.set({ params: { ...store.get().params, ...params } }, "quiet");
      kernelChange(presets[name], family, "chosen");
    },
    resize: (rows, cols) => kernelChange(resized(store.get().kernel, rows, cols), "", "chosen"),
    family(family, params, how) {
      if (!family) return store.set({ family: "" }, "quiet");
      const X = image();
      const fitted = fittedParams(family, { ...store.get().params, ...params }, X.length, X[0].length);
      store.set({ params: fitted }, "quiet");
      kernelChange(familyKernel(family, fitted), family, how);
    },
  };
}

/** The kernel controls' listeners, each calling one of `act`'s kernel edits (`act.save` on release). */
export function wireKernel(ui, act) {
  const on = (node, event, f) => node.addEventListener(event, f);
  on(ui.presetSelect, "change", () => ui.presetSelect.value && act.preset(ui.presetSelect.value));
  for (const s of [ui.rowsSelect, ui.colsSelect]) on(s, "change", () => act.resize(Number(ui.rowsSelect.value), Number(ui.colsSelect.value)));
  on(ui.familySelect, "change", () => act.family(ui.familySelect.value, {}, "chosen"));
  for (const [name, { input, familyName }] of Object.entries(ui.params)) {
    on(input, "input", () => act.family(familyName, { [name]: Number(input.value) }, "dragged"));
    on(input, "change", act.save);
  }
}
