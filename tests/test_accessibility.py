"""axe-core over every page of the built book, in the theme's light and dark modes: WCAG 2.1 A and
AA, no violation in the book's content, its widgets or the theme around them (network cut).

The pages: every HTML file of _build/html but _static (the theme's files, no pages) and index.html
(a bare redirect to book/intro.html, which is checked). genindex.html and search.html are the
theme's templates, not the book's writing, but a reader reaches them (the search box submits to
search.html, every page links the index), so they are checked too; search.html with a query, so
that the results list is checked as well.

Where a violation cannot be fixed from the book's side (configuration, _templates, _ext, CSS),
ALLOWED lists it with the reason; an entry that no page needs any more fails the run.
"""

from __future__ import annotations

import time

import pytest
import yaml
from browser import (
    WCAG21_AA,
    WIDGETS,
    Watch,
    axe_result,
    color_mode_script,
    start_axe,
)
from helpers import ROOT

HTML = ROOT / "_build" / "html"
MODES = ["light", "dark"]
PHONE = ["book/edge-detection.html", "book/learning-a-kernel.html", "book/exercises.html"]

# (axe rule, CSS selector of the element it may fail on): why it is not fixed here, e.g.
# ("color-contrast", ".cb-kx figcaption"): "widget rework in issue 11". Empty: all are fixed.
ALLOWED: dict[tuple[str, str], str] = {}


def pages() -> list[str]:
    found = [
        p.relative_to(HTML).as_posix()
        for p in HTML.rglob("*.html")
        if "_static" not in p.parts and p != HTML / "index.html"
    ]
    return sorted("search.html?q=kernel" if p == "search.html" else p for p in found)


@pytest.fixture(scope="module")
def browser(book_site, chromium):
    return book_site, chromium


@pytest.fixture(scope="module")
def allowed_used() -> dict[str, set[int]]:
    """For each mode checked, the ALLOWED entries some page needed."""
    return {}


def ready(page) -> None:
    """Wait for what draws itself after load: widgets, MathJax, search results."""
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if views:
        script = f"n => document.querySelectorAll('{WIDGETS}').length >= n"
        page.wait_for_function(script, arg=views, timeout=20_000)
    if page.locator(".math").count():
        page.wait_for_selector("mjx-container", state="attached", timeout=20_000)
    if "search.html?q=" in page.url:
        page.wait_for_selector("#search-results ul.search li", timeout=20_000)


def describe(v: dict) -> str:
    return f"{v['rule']} ({v['impact']}) in the {v['region']} at {v['target']}: {v['html']}"


# Pages checked side by side: axe runs on a page (in its own renderer process) while the next
# ones load, up to this many at once, so a core that the rest of the run leaves free is used;
# each page is loaded, made ready and checked as before, on its own.
AT_ONCE = 3


def check(browser, mode: str, width: int, paths: list[str], used: set[int]) -> float:
    """axe over ``paths`` in ``mode`` at ``width`` px; fails with every violation found.
    Returns the seconds it took."""
    base, chromium = browser
    context = chromium.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(color_mode_script(mode))
    failures, problems, start = {}, {}, time.perf_counter()

    def finish(path: str, page, watch: Watch) -> None:
        found = axe_result(page)
        used.update(v["allowed"] for v in found if v["allowed"] >= 0)
        if bad := [describe(v) for v in found if v["allowed"] < 0]:
            failures[path] = bad
        if watch.problems():
            problems[path] = watch.problems()
        page.close()

    try:
        running = []  # the pages whose axe run goes on, oldest first
        for path in paths:
            page = context.new_page()
            watch = Watch()
            watch.attach(page, route=False)
            page.goto(base + path, wait_until="load")
            ready(page)
            assert page.evaluate("document.documentElement.dataset.theme") == mode, path
            start_axe(page, WCAG21_AA, list(ALLOWED))  # runs on while the next pages load
            running.append((path, page, watch))
            if len(running) == AT_ONCE:
                finish(*running.pop(0))
        for opened in running:
            finish(*opened)
    finally:
        context.close()
    assert problems == {}
    hint = (
        "\nThe book runs the widget code stored in each notebook: after a change in "
        "src/convbook/widgets, re-run the widget chapters (make notebooks) and rebuild."
    )
    in_widget = any("in the widget" in f for found in failures.values() for f in found)
    assert failures == {}, "\n".join(
        f"{path}:\n  " + "\n  ".join(found) for path, found in failures.items()
    ) + (hint if in_widget else "")
    return time.perf_counter() - start


def test_every_chapter_is_checked():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    chapters = [toc["root"]] + [entry["file"] for entry in toc["chapters"]]
    assert {f"{c}.html" for c in chapters} <= set(pages()), "run `make book`"


@pytest.mark.parametrize("mode", MODES)
def test_every_page_meets_wcag_21_aa(browser, mode, allowed_used):
    seconds = check(browser, mode, 1280, pages(), allowed_used.setdefault(mode, set()))
    print(f"axe, {mode} mode: {len(pages())} pages in {seconds:.1f} s")


@pytest.mark.parametrize("mode", MODES)
def test_phone_width_meets_wcag_21_aa(browser, mode):
    """At 390 px the theme shows other controls (header buttons for the sidebars and search)
    and the widgets wrap: a chapter with a widget and one with hidden cells, in both modes."""
    check(browser, mode, 390, PHONE, set())


def test_every_allowed_violation_still_occurs(allowed_used):
    """After both modes: an ALLOWED entry that no page needs any more is to be removed."""
    if set(allowed_used) != set(MODES):
        pytest.skip("needs the run over every page in both modes")
    used = set().union(*allowed_used.values())
    assert [key for i, key in enumerate(ALLOWED) if i not in used] == []
