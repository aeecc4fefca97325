// The player: play, pause, step and start over, one step every 1000 / speed ms. A new speed
// takes effect at once: the next step is re-timed from the last one, not left to the old timer.
// The clock is passed in (setTimeout, clearTimeout, now) so that Node tests drive it by hand.

const REAL_CLOCK = {
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (t) => clearTimeout(t),
  now: () => performance.now(),
};

/**
 * A player over `step()` (moves one on; returns false where there is nothing further), with
 * `atEnd()` and `rewind()` so that play from the end starts over. `onChange(playing)` hears
 * every start and stop. Returns { play, pause, toggle, stepOnce, restart, setSpeed, playing,
 * speed, dispose }.
 */
export function createPlayer({ step, atEnd = () => false, rewind = () => {}, speed = 4,
  onChange = () => {}, clock = REAL_CLOCK }) {
  let timer = null;
  let playing = false;
  let last = 0; // when the last step was taken
  let rate = speed;
  const schedule = (delay) => {
    timer = clock.setTimeout(tick, Math.max(0, delay));
  };
  function tick() {
    timer = null;
    last = clock.now();
    if (step() === false) {
      player.pause();
      return;
    }
    schedule(1000 / rate);
  }
  const player = {
    get playing() { return playing; },
    get speed() { return rate; },
    play() {
      if (playing) return;
      if (atEnd()) rewind();
      playing = true;
      tick(); // the first step at once
      if (playing) onChange(true);
    },
    pause() {
      clock.clearTimeout(timer);
      timer = null;
      if (!playing) return;
      playing = false;
      onChange(false);
    },
    toggle() {
      if (playing) player.pause();
      else player.play();
    },
    /** Pause, then one step on. */
    stepOnce() {
      player.pause();
      return step();
    },
    /** Pause, rewind, and show the first step. */
    restart() {
      player.pause();
      rewind();
      return step();
    },
    setSpeed(n) {
      rate = n;
      if (!playing) return;
      clock.clearTimeout(timer);
      schedule(last + 1000 / rate - clock.now());
    },
    dispose: () => player.pause(),
  };
  return player;
}
