"""A real browser on the built book: Debian's Chromium driven by Playwright, network cut.

Every request that leaves 127.0.0.1 is aborted and recorded, as are failed local requests
and JavaScript errors, so a test can assert that a page is self-contained and clean.
axe-core, from node_modules (pinned in package.json), checks a page's accessibility.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from convbook import widgets

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Cuts the network in the browser itself: every host but 127.0.0.1 fails to resolve.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
# A camera that is always there and always allowed: a test pattern (the kernel explorer's).
CAMERA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]

# What a page of one widget needs, served from its widgets/ folder (as the built book does).
NODE_MODULES = ROOT / "node_modules"
MANAGER = NODE_MODULES / "@jupyter-widgets" / "html-manager" / "dist"  # and its icon fonts
SCRIPTS = {
    "require.js": NODE_MODULES / "requirejs" / "require.js",
    "require-config.js": ROOT / "assets" / "require-config.js",
    "embed-amd.js": MANAGER / "embed-amd.js",
    "anywidget.js": NODE_MODULES / "anywidget" / "dist" / "index.js",
}
# The page's colours are the book theme's (pydata-sphinx-theme): light, and dark, where the theme
# puts every widget on a light panel (its .widget-subarea rule, copied here); and JupyterLab's
# dark theme, where widgets sit on the dark page itself. Braces doubled for str.format.
TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
html {{ --pst-color-text-base: #222832; --pst-color-background: #ffffff; }}
html[data-theme="dark"] {{ --pst-color-text-base: #ced6dd; --pst-color-background: #121212; }}
body {{ margin: 0; padding: 8px; background: var(--pst-color-background);
        color: var(--pst-color-text-base); font-family: sans-serif; }}
html[data-theme="dark"] .widget-subarea {{ background-color: var(--pst-color-text-base);
        color: #222832; border-radius: .25rem; padding: .5rem; }}
body[data-jp-theme-light="false"] {{ background: #111111; color: #d5d5d5; }}
</style>
<script src="widgets/require.js"></script>
<script src="widgets/require-config.js"></script>
</head>
<body>
<main>
<h1>{title}</h1>
{snippet}
</main>
</body>
</html>
"""

# The root element of each of the book's explorers: the root_class of every widget that
# convbook.widgets exports (a new widget is found without a change here).
WIDGETS = ", ".join(f".{getattr(widgets, name).root_class}" for name in widgets.__all__)

# The rules axe-core checks: WCAG 2.1, levels A and AA.
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def widget_page(folder: Path, widget, title: str) -> Path:
    """Write ``folder/index.html``, a page of one widget as the built book serves it: the
    widget's state embedded, the widget manager and its loader copied into ``folder/widgets``.
    Tests the current bundle without building the book."""
    missing = [str(path) for path in SCRIPTS.values() if not path.exists()]
    if missing:
        pytest.fail(f"missing {missing}: run `npm ci`")
    from ipywidgets.embed import dependency_state, embed_minimal_html

    (folder / "widgets").mkdir()
    for name, path in SCRIPTS.items():
        shutil.copy(path, folder / "widgets" / name)
    # The fonts beside the widget manager, as in the book (assets/require-config.js says why).
    for font in [*MANAGER.glob("*.woff*"), *MANAGER.glob("*.ttf")]:
        (folder / "widgets" / font.name).symlink_to(font)
    embed_minimal_html(
        folder / "index.html",
        views=[widget],
        state=dependency_state([widget], drop_defaults=False),  # not every widget alive here
        title=title,
        template=TEMPLATE,
        drop_defaults=False,
        requirejs=False,
        embed_url="widgets/embed-amd.js",
        cors=False,
    )
    return folder / "index.html"


class WidgetSite:
    """One served folder for the pages of single widgets (the ``widget_site`` fixture of
    conftest.py): each page in its own subfolder, so that a test file can add its files."""

    def __init__(self, root: Path, base: str) -> None:
        self.root, self.base = root, base

    def add(self, name: str, widget, title: str) -> tuple[str, Path]:
        """The page of ``widget`` (see widget_page) at ``<name>/index.html``: its base URL and
        its folder."""
        folder = self.root / name
        folder.mkdir()
        widget_page(folder, widget, title)
        return f"{self.base}{name}/", folder


def require_chromium() -> None:
    """Skip (or fail, where CONVBOOK_REQUIRE_BROWSER is set, as in CI) without a browser."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    message = f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium`"
    if os.environ.get("CONVBOOK_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Watch:
    """What a page did wrong: outside requests, failed local requests, script errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []

    def attach(self, page, route: bool = True) -> None:
        """Watch ``page``. With ``route=False`` no request goes through Python (much faster): the
        browser must then be launched with OFFLINE among its flags, which cuts the network."""
        if route:
            page.route("**/*", self._route)
        else:
            page.on("request", self._record)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))

    def _route(self, route) -> None:
        url = route.request.url
        host = urlparse(url).hostname
        if url.startswith(("data:", "blob:", "about:", "file:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _console(self, message) -> None:
        # Chromium asks for /favicon.ico by itself (the book has none); the page did not.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            self.errors.append(message.text)

    def _record(self, request) -> None:
        url = request.url
        if not url.startswith(("data:", "blob:", "about:", "file:")):
            if urlparse(url).hostname != "127.0.0.1":
                self.outside.append(url)

    def problems(self) -> list[str]:
        return (
            [f"outside request: {u}" for u in self.outside]
            + [f"failed request: {u}" for u in self.failed]
            + [f"page error: {e}" for e in self.errors]
        )


# The surroundings a widget must read its colours from: the book's light and dark themes
# (pydata-sphinx-theme's data-theme) and JupyterLab's dark theme (data-jp-theme-light).
THEMES = ("book light", "book dark", "JupyterLab dark")


def set_theme(page, theme: str) -> None:
    """Put ``page`` in ``theme``, one of :data:`THEMES`, as the book's switch or JupyterLab
    would, and give the widgets' theme observers (which run after the change) a moment."""
    assert theme in THEMES, theme
    page.evaluate(
        """(theme) => {
          document.documentElement.dataset.theme = theme === 'book dark' ? 'dark' : 'light';
          document.body.dataset.jpThemeLight = theme === 'JupyterLab dark' ? 'false' : 'true';
        }""",
        theme,
    )
    page.wait_for_timeout(50)


@contextmanager
def widget_pages(browser, base: str, ready: str) -> Iterator:
    """Open pages of the widget page at ``base``: ``open(width, theme=None, init_script=None)``
    gives ``(page, watch)``, each page in a fresh context of ``browser``, once ``ready`` (a
    selector) is on it. On leaving, every context is closed and no page may have had a
    problem (an outside request, a failed one, a JavaScript error: ``Watch``)."""
    opened = []

    def open_(width: int = 1280, theme: str | None = None, init_script: str | None = None):
        context = browser.new_context(viewport={"width": width, "height": 900})
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        watch = Watch()
        watch.attach(page, route=False)
        page.goto(base + "index.html", wait_until="networkidle")
        if theme:
            page.evaluate(f"document.documentElement.dataset.theme = {theme!r}")
        page.locator(ready).first.wait_for(timeout=20_000)
        opened.append((context, watch))
        return page, watch

    yield open_
    for context, watch in opened:
        context.close()
        assert watch.problems() == [], sorted(set(watch.problems()))


def color_mode_script(mode: str) -> str:
    """An init script that opens every page of a context in the theme's ``mode`` ("light" or
    "dark"), as the theme's own switch leaves it: its head script reads these keys."""
    return f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');"


def axe_violations(page, tags: list[str], allowed: list[tuple[str, str]] = ()) -> list[dict]:
    """Run axe-core (from node_modules: nothing from outside the site) over ``page`` with the
    rules tagged ``tags``. Returns one dict per failing element: rule, impact, help, target (axe's
    CSS selector for it), html, summary, region ("widget" inside one of the WIDGETS, "article" in
    the book's content, "theme" elsewhere) and allowed: the index of the first ``(rule, CSS
    selector)`` in ``allowed`` that the element matches, or -1."""
    start_axe(page, tags, allowed)
    return axe_result(page)


def start_axe(page, tags: list[str], allowed: list[tuple[str, str]] = ()) -> None:
    """Start axe_violations' run on ``page`` and return at once: pages started one after another
    are checked side by side (each in its own renderer); ``axe_result(page)`` waits for it."""
    if not AXE.exists():
        pytest.fail(f"no axe-core at {AXE}: run `npm ci` (make book does it)")
    page.add_script_tag(path=str(AXE))
    page.evaluate(
        """([tags, allowed, widgets]) => {
          const options = { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"],
                            elementRef: true };
          window.cbAxe = axe.run(document, options).then(({ violations }) =>
            violations.flatMap((v) => v.nodes.map((n) => ({
              rule: v.id, impact: n.impact, help: v.help, target: n.target.join(" "),
              html: n.html.slice(0, 160), summary: n.failureSummary,
              region: n.element.closest(widgets) ? "widget"
                    : n.element.closest("article") ? "article" : "theme",
              allowed: allowed.findIndex(([rule, css]) => rule === v.id && n.element.matches(css)),
            }))));
        }""",
        [tags, [list(entry) for entry in allowed], WIDGETS],
    )


def axe_result(page) -> list[dict]:
    """What the axe run that start_axe began on ``page`` found (see axe_violations)."""
    return page.evaluate("() => window.cbAxe")


# An init script that records what each canvas is drawn with: every fillText and fillRect (in
# CSS pixels, with the text's alignment and font) and every lineTo with its line width, kept on
# the canvas as `canvas.drawn` and started afresh each time the canvas is sized (setTransform)
# or cleared whole (clearRect over all of it): what is on the canvas now.
CANVAS_RECORDER = """(() => {
  const P = CanvasRenderingContext2D.prototype;
  const whole = (ctx, [x, y, w, h]) => {
    const m = ctx.getTransform();
    const [width, height] = [ctx.canvas.width, ctx.canvas.height];
    return x <= 0 && y <= 0 && (x + w) * m.a >= width && (y + h) * m.d >= height;
  };
  const wrap = (name, entry) => {
    const original = P[name];
    P[name] = function (...args) {
      const fresh = name === 'setTransform' || (name === 'clearRect' && whole(this, args));
      if (fresh) this.canvas.drawn = [];
      else if (entry) (this.canvas.drawn ??= []).push(entry(this, args));
      return original.apply(this, args);
    };
  };
  wrap('setTransform', null);
  wrap('clearRect', null);
  wrap('fillText', (ctx, [text, x, y]) => ({ op: 'text', text: String(text), x, y,
    align: ctx.textAlign, baseline: ctx.textBaseline, font: ctx.font }));
  wrap('fillRect', (ctx, [x, y, w, h]) => ({ op: 'rect', x, y, w, h, fill: ctx.fillStyle }));
  wrap('moveTo', (ctx, [x, y]) => ({ op: 'move', x, y, width: ctx.lineWidth }));
  wrap('lineTo', (ctx, [x, y]) => ({ op: 'line', x, y, width: ctx.lineWidth }));
})();"""


def canvas_drawing(page, selector: str, n: int = 0) -> list[dict]:
    """What the CANVAS_RECORDER saw drawn on the ``n``-th canvas matching ``selector`` since it
    was last sized."""
    return page.evaluate("([s, n]) => document.querySelectorAll(s)[n].drawn ?? []", [selector, n])


# Every text of a widget as the reader sees it: the font size of each visible HTML text (and of
# the text in its boxes, selects and buttons), and each text drawn on a canvas times the factor
# by which CSS shrinks or grows that canvas on the screen (CANVAS_RECORDER keeps what was drawn).
TEXT_SIZES = """(root) => {
  const box = document.querySelector(root);
  const sizes = [];
  const px = (e) => parseFloat(getComputedStyle(e).fontSize);
  const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    if (t.textContent.trim() && t.parentElement.checkVisibility()) {
      const text = t.textContent.trim().slice(0, 50);
      sizes.push({ text, size: px(t.parentElement), on: 'html' });
    }
  }
  for (const e of box.querySelectorAll('input[type="text"], select, button')) {
    if (!e.checkVisibility()) continue;
    sizes.push({ text: e.value || e.textContent, size: px(e), on: 'control' });
  }
  for (const c of box.querySelectorAll('canvas')) {
    if (!c.checkVisibility()) continue;
    const shown = c.getBoundingClientRect().width / (c.width / devicePixelRatio);
    for (const d of c.drawn ?? []) {
      if (d.op !== 'text') continue;
      sizes.push({ text: d.text, size: parseFloat(d.font) * shown, on: 'canvas' });
    }
  }
  return sizes;
}"""

# The widths the built book gives a widget (the content column's): 688 px at a 1280 px window,
# 672 px on the dark theme's padded panel, up to 760 px elsewhere; 342 px on a 390 px phone's
# panel; and a bare 390 px page. As pytest parameters (window width, column or None), with ids.
BOOK_WIDTHS = {
    "argnames": ("width", "column"),
    "argvalues": [(1280, 672), (1280, 688), (1280, 760), (390, 342), (390, None)],
    "ids": ["book-column-672", "book-column-688", "book-column-760", "book-phone-342", "phone-390"],
}


def text_sizes(page, root: str) -> list[dict]:
    """Each text in the element ``root`` (a selector) as the reader sees it (TEXT_SIZES):
    ``{text, size, on}``, ``on`` "html", "control" or "canvas" (those need CANVAS_RECORDER)."""
    return page.evaluate(TEXT_SIZES, root)


def in_column(page, column: int | None) -> None:
    """Lay the page's ``main`` out as the book's content column ``column`` px wide (None: the
    whole window)."""
    if column:
        page.evaluate(
            "(w) => { document.querySelector('main').style.maxWidth = `${w}px`; }", column
        )
