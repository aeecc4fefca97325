"""Fixtures: the stored chapters, the original notebook's text, and what the browser tests share
(one Chromium, one served folder of widget pages, the built book served), once per session (per
worker under pytest-xdist). Plain helpers: helpers.py; the browser's: browser.py."""

from __future__ import annotations

import nbformat
import pytest
from browser import CAMERA, CHROMIUM, FLAGS, OFFLINE, WidgetSite, require_chromium, serve
from helpers import ORIGINAL_NOTEBOOK, ROOT, toc_notebooks
from hypothesis import settings

BOOK_HTML = ROOT / "_build" / "html"

# Property tests draw the same examples on every run: a CI failure can be replayed.
settings.register_profile("convbook", derandomize=True, deadline=None)  # no timing asserts
settings.load_profile("convbook")


@pytest.fixture(scope="session")
def notebooks() -> dict[str, nbformat.NotebookNode]:
    return {path.stem: nbformat.read(path, as_version=4) for path in toc_notebooks()}


@pytest.fixture(scope="session")
def original_text() -> str:
    """The original notebook, as text: its code and printed outputs."""
    return ORIGINAL_NOTEBOOK.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def chromium():
    """The session's one Chromium, network cut (OFFLINE) and a fake camera: a test opens its own
    context (browser.new_context) and closes it, so that no test sees another's page."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*FLAGS, OFFLINE, *CAMERA])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def widget_site(tmp_path_factory) -> WidgetSite:
    """One folder served on 127.0.0.1 for every page of one widget: ``widget_site.add(...)``."""
    root = tmp_path_factory.mktemp("widget-site")
    with serve(root) as base:
        yield WidgetSite(root, base)


@pytest.fixture(scope="session")
def book_site() -> str:
    """The built book (_build/html) served on 127.0.0.1: its base URL."""
    if not (BOOK_HTML / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test does it first)")
    with serve(BOOK_HTML) as base:
        yield base
