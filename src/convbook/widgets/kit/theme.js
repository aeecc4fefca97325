// The widgets follow the page they sit on: the book's light and dark modes (data-theme on
// <html>), JupyterLab's themes (data-jp-theme-light on <body>) and the reader's system setting.
// The book's dark mode puts widgets on a light panel while JupyterLab's dark theme puts them on
// a dark one, so a widget reads its colours from where it sits, never from the theme's name:
// light inherited text means a dark background (class cb-dark), and --cb-halo is the colour
// behind the widget (for outlines around labels drawn over pictures).

function channels(colour) {
  return (colour.match(/[\d.]+/g) || []).map(Number);
}

function luminance([r, g, b]) {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** The first colour painted behind `node`: where the page sets none, white. */
export function backgroundOf(node) {
  for (let n = node; n; n = n.parentElement) {
    const [r, g, b, alpha = 1] = channels(getComputedStyle(n).backgroundColor);
    if (r !== undefined && alpha > 0) return `rgb(${r}, ${g}, ${b})`;
  }
  return "rgb(255, 255, 255)";
}

function mix(a, b, share) {
  const [x, y] = [channels(a), channels(b)];
  return `rgb(${[0, 1, 2].map((k) => Math.round(x[k] * share + y[k] * (1 - share))).join(", ")})`;
}

/** Whether the text the box inherits is light (so what is behind it is dark). */
export function isDark(box) {
  return luminance(channels(getComputedStyle(box).color)) > 0.5;
}

/**
 * The colours to draw with, read from the page: text, the background behind the box, a muted
 * text colour (three quarters text, still WCAG AA on that background) and the accent, which
 * the widget's CSS may set as --cb-accent (otherwise an orange that suits the mode).
 */
export function themeColours(box) {
  const style = getComputedStyle(box);
  const [r, g, b] = channels(style.color);
  const text = r === undefined ? "rgb(34, 34, 34)" : `rgb(${r}, ${g}, ${b})`;
  const background = backgroundOf(box);
  const accent = style.getPropertyValue("--cb-accent").trim() || (isDark(box) ? "#ff922b" : "#d9480f");
  return { text, background, muted: mix(text, background, 0.75), accent };
}

function matchSurroundings(box) {
  if (!box.isConnected) return "";
  box.classList.toggle("cb-dark", isDark(box));
  const halo = backgroundOf(box);
  box.style.setProperty("--cb-halo", halo);
  return `${getComputedStyle(box).color} ${halo}`;
}

/**
 * Keep `box` matched to its surroundings and call onChange() when the theme switches (and once
 * the page has put the box in place, if that changed its colours). Returns the cleanup.
 */
export function followTheme(box, onChange = () => {}) {
  let seen = matchSurroundings(box);
  let frame = 0;
  let live = true;
  const recheck = () => {
    frame = 0;
    if (!live) return;
    const now = matchSurroundings(box);
    if (now !== seen) {
      seen = now;
      onChange();
    }
  };
  const switched = () => {
    seen = matchSurroundings(box);
    onChange();
    // A theme may fade its colours in: look again once the page has settled.
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(recheck);
    setTimeout(recheck, 400);
  };
  const observer = new MutationObserver(switched);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
  const system = window.matchMedia?.("(prefers-color-scheme: dark)");
  system?.addEventListener?.("change", switched);
  frame = requestAnimationFrame(recheck);
  return () => {
    live = false;
    observer.disconnect();
    system?.removeEventListener?.("change", switched);
    cancelAnimationFrame(frame);
  };
}
