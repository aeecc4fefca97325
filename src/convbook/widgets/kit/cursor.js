// A cell cursor on a canvas drawn as a grid of cells: the pointer's cell on hover, the arrow
// keys, Home (first cell) and End (last cell) once the canvas has the focus, Escape to leave.

/** The cell a key moves `at` ([i, j] or null) to on a rows x cols grid, or null if not a key of ours. */
export function cursorStep(key, at, rows, cols) {
  const [i, j] = at || [0, 0];
  const clamp = (a, b) => [Math.max(0, Math.min(rows - 1, a)), Math.max(0, Math.min(cols - 1, b))];
  const moves = {
    ArrowUp: [i - 1, j], ArrowDown: [i + 1, j], ArrowLeft: [i, j - 1], ArrowRight: [i, j + 1],
    Home: [0, 0], End: [rows - 1, cols - 1],
  };
  return key in moves ? clamp(...moves[key]) : null;
}

/** The cell under a point (x, y) of a canvas drawn rows x cols on `rect` (CSS pixels, scaled or not). */
export function cellAt(x, y, rect, rows, cols) {
  const i = Math.floor(((y - rect.top) / rect.height) * rows);
  const j = Math.floor(((x - rect.left) / rect.width) * cols);
  return [Math.max(0, Math.min(rows - 1, i)), Math.max(0, Math.min(cols - 1, j))];
}

/**
 * Follow the pointer and the keys on canvas `c`: `shape()` is the grid's [rows, cols] now,
 * `move(at)` is called with the cell to show, `leave()` when pointer and focus have gone,
 * `byKey()` before a key moves the cursor (a widget stops its player there). Returns the cleanup.
 */
export function cellCursor(c, { shape, at, move, leave, byKey = () => {} }) {
  c.tabIndex = 0;
  const handlers = {
    mousemove: (event) => move(cellAt(event.clientX, event.clientY, c.getBoundingClientRect(), ...shape())),
    focus: () => at() || move([0, 0]),
    keydown: (event) => {
      if (event.key === "Escape") c.blur();
      const next = cursorStep(event.key, at(), ...shape());
      if (!next) return;
      event.preventDefault();
      byKey();
      move(next);
    },
    mouseleave: () => document.activeElement === c || leave(), // the keyboard is still there
    blur: () => leave(),
  };
  for (const [name, handler] of Object.entries(handlers)) c.addEventListener(name, handler);
  return () => Object.entries(handlers).forEach(([name, handler]) => c.removeEventListener(name, handler));
}
