// One model bridge with one echo rule (KIT.md): the widget saves its traits to Python through
// save(); a change the model reports is an echo, and ignored, when every trait it touches holds
// what this view last saved (or set) for it; anything else is Python's and reaches onPython
// once per change, after all its keys are set. Works without a kernel (the static book).

const same = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Bridge `traits` of `model`: { read, save, dispose }. */
export function bridge(model, traits, onPython = () => {}) {
  const sent = Object.fromEntries(traits.map((t) => [t, model.get(t)]));
  let saving = false;
  const read = () => Object.fromEntries(traits.map((t) => [t, model.get(t)]));
  const heard = () => {
    if (saving) return; // our own model.set, reported synchronously
    const now = read();
    const news = traits.filter((t) => !same(now[t], sent[t]));
    if (!news.length) return; // an echo of what we saved
    Object.assign(sent, now);
    onPython(now, news);
  };
  model.on("change", heard);
  return {
    read,
    /** Set `values` on the model in one step and save them to Python where there is one. */
    save(values) {
      const news = Object.keys(values).filter((t) => !same(values[t], sent[t]));
      if (!news.length) return false;
      Object.assign(sent, values);
      saving = true;
      try {
        model.set(values);
      } finally {
        saving = false;
      }
      try {
        model.save_changes();
      } catch {
        // A page without a kernel has nowhere to save to; the widget works on regardless.
      }
      return true;
    },
    dispose: () => model.off("change", heard),
  };
}
