// A small store: the one place a widget's state lives. set(patch, cause) merges and tells every
// subscriber which keys changed and why (the cause names a kind of change of KIT.md's table).

/** A store of `initial`: { get, set, subscribe }. */
export function createStore(initial) {
  let state = { ...initial };
  const listeners = new Set();
  return {
    get: () => state,
    /** Merge `patch`; subscribers hear (state, changed keys, cause) if anything changed. */
    set(patch, cause = "") {
      const changed = Object.keys(patch).filter((k) => !Object.is(state[k], patch[k]));
      if (!changed.length) return [];
      state = { ...state, ...patch };
      for (const listen of [...listeners]) listen(state, changed, cause);
      return changed;
    },
    subscribe(listen) {
      listeners.add(listen);
      return () => listeners.delete(listen);
    },
  };
}
