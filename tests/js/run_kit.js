// Runs the front-end kit's pure parts (src/convbook/widgets/kit) on cases read as JSON from
// standard input and prints the results, for tests/widgets/test_kit_js.py.
import { readFileSync } from "node:fs";
import { bridge } from "../../src/convbook/widgets/kit/bridge.js";
import { backing } from "../../src/convbook/widgets/kit/canvas.js";
import { cellAt, cursorStep } from "../../src/convbook/widgets/kit/cursor.js";
import { numberText, readNumber } from "../../src/convbook/widgets/kit/number.js";
import { createPlayer } from "../../src/convbook/widgets/kit/player.js";
import { createStore } from "../../src/convbook/widgets/kit/store.js";

/** A clock moved by hand: timers fire when advance() passes their time. */
function handClock() {
  let now = 0;
  let timers = [];
  let id = 0;
  return {
    now: () => now,
    setTimeout: (f, ms) => {
      timers.push({ id: ++id, at: now + ms, f });
      return id;
    },
    clearTimeout: (t) => {
      timers = timers.filter((x) => x.id !== t);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.f();
      }
      now = end;
    },
  };
}

/** Play a player over `length` steps through `script` ([what, arg] pairs); the log of steps. */
function player({ length, speed, script }) {
  const clock = handClock();
  let at = -1;
  const log = [];
  const p = createPlayer({
    step: () => {
      if (at >= length - 1) return false;
      at += 1;
      log.push([clock.now(), at]);
      return true;
    },
    atEnd: () => at === length - 1,
    rewind: () => { at = -1; },
    speed,
    onChange: (playing) => log.push([clock.now(), playing ? "play" : "pause"]),
    clock,
  });
  for (const [what, arg] of script) {
    if (what === "wait") clock.advance(arg);
    else if (what === "speed") p.setSpeed(arg);
    else p[what]();
  }
  return { log, playing: p.playing };
}

/** A fake anywidget model: get, set (reports change:x and change at once, as Backbone does), on, off. */
function fakeModel(values) {
  const listeners = new Map();
  const emit = (name) => (listeners.get(name) || []).forEach((f) => f());
  return {
    saved: 0,
    get: (k) => values[k],
    set(patch) {
      Object.assign(values, patch);
      Object.keys(patch).forEach((k) => emit(`change:${k}`));
      emit("change");
    },
    save_changes() { this.saved += 1; },
    on: (name, f) => listeners.set(name, [...(listeners.get(name) || []), f]),
    off: (name, f) => listeners.set(name, (listeners.get(name) || []).filter((g) => g !== f)),
  };
}

function bridged({ start, script }) {
  const model = fakeModel({ ...start });
  const heard = [];
  const b = bridge(model, Object.keys(start), (values, news) => heard.push(news));
  const saves = [];
  for (const [who, patch] of script) {
    if (who === "view") saves.push(b.save(patch));
    else model.set(patch); // Python's change, or its echo
  }
  return { heard, saves, saved: model.saved };
}

function stored(script) {
  const store = createStore({ a: 1, b: [] });
  const heard = [];
  store.subscribe((state, changed, cause) => heard.push([changed, cause]));
  for (const [patch, cause] of script) store.set(patch, cause);
  return { heard, state: store.get() };
}

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map((c) => {
  if (c.op === "read") return readNumber(c.text, c.rule);
  if (c.op === "number_text") return numberText(c.value);
  if (c.op === "cursor") return cursorStep(c.key, c.at, c.rows, c.cols);
  if (c.op === "cell_at") return cellAt(c.x, c.y, c.rect, c.rows, c.cols);
  if (c.op === "backing") return backing(c.width, c.height, c.ratio);
  if (c.op === "player") return player(c);
  if (c.op === "bridge") return bridged(c);
  if (c.op === "store") return stored(c.script);
  throw new Error(`unknown op ${c.op}`);
});
process.stdout.write(JSON.stringify(results));
