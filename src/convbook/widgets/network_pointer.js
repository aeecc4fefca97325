// The network explorer's pointer and keys: drawing on the input grid with any pointer (mouse,
// finger, pen: pointer events, captured while pressed) or with the keys (arrows move the pen,
// Space inks or wipes its cell), and the cell cursor over each layer's tiles.
import { cellAt, cursorStep } from "./kit/cursor.js";
import { ACROSS, tileCell } from "./network_panels.js";

function listen(node, handlers) {
  for (const [name, handler] of Object.entries(handlers)) node.addEventListener(name, handler);
  return () => Object.entries(handlers).forEach(([name, handler]) => node.removeEventListener(name, handler));
}

/** Drawing on `canvas` (side x side cells): `on.stroke(from, to)` for each piece of a stroke,
 * `on.done()` when it ends, `on.pen(cell | null)` to move the keyboard's pen, `on.toggle(cell)`. */
export function drawing(canvas, side, pen, on) {
  canvas.tabIndex = 0;
  let last = null;
  const cell = (event) => cellAt(event.clientX, event.clientY, canvas.getBoundingClientRect(), side, side);
  return listen(canvas, {
    pointerdown(event) {
      event.preventDefault();
      canvas.setPointerCapture?.(event.pointerId);
      last = cell(event);
      on.stroke(null, last);
    },
    pointermove(event) {
      if (last === null) return;
      const now = cell(event);
      on.stroke(last, now);
      last = now;
    },
    pointerup() { if (last !== null) { last = null; on.done(); } },
    pointercancel() { if (last !== null) { last = null; on.done(); } },
    focus: () => pen() || on.pen([Math.floor(side / 2), Math.floor(side / 2)]),
    blur: () => on.pen(null),
    keydown(event) {
      if (event.key === "Escape") return canvas.blur();
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        on.toggle(pen() ?? [0, 0]);
        return on.done();
      }
      const next = cursorStep(event.key, pen(), side, side);
      if (!next) return;
      event.preventDefault();
      on.pen(next);
    },
  });
}

/** The cell cursor over a layer's tiles: `move({ channel, i, j })`, `leave()`; `at()` is now. */
export function tileCursor(canvas, t, { at, move, leave }) {
  canvas.tabIndex = 0;
  const virtual = (a) => [Math.floor(a.channel / ACROSS) * t.side + a.i, (a.channel % ACROSS) * t.side + a.j];
  return listen(canvas, {
    pointermove(event) {
      const [r, c] = cellAt(event.clientX, event.clientY, canvas.getBoundingClientRect(), t.rows, t.cols);
      const hit = tileCell(t, r, c);
      if (hit) move(hit);
    },
    pointerleave: () => document.activeElement === canvas || leave(),
    focus: () => at() || move({ channel: 0, i: 0, j: 0 }),
    blur: () => leave(),
    keydown(event) {
      if (event.key === "Escape") return canvas.blur();
      const now = at();
      const next = cursorStep(event.key, now && virtual(now), t.down * t.side, ACROSS * t.side);
      if (!next) return;
      event.preventDefault();
      const [r, c] = next;
      move({ channel: Math.floor(r / t.side) * ACROSS + Math.floor(c / t.side), i: r % t.side, j: c % t.side });
    },
  });
}
