"""Every internal link and #anchor in the built book resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

import pytest
from helpers import ROOT

HTML = ROOT / "_build" / "html"


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.given: set[str] = set()  # id attributes seen
        self.repeated: set[str] = set()  # ids given to two elements
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                if key == "id":
                    (self.repeated if attrs[key] in self.given else self.given).add(attrs[key])
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) and not (
                tag == "link" and attrs.get("rel") in ("preload", "prefetch")
            ):
                self.links.append(attrs[key])


@pytest.fixture(scope="module")
def site() -> dict[str, Page]:
    if not (HTML / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test does it first)")
    parsed = {}
    for path in HTML.rglob("*.html"):
        if "_static" in path.parts:  # theme templates, not pages
            continue
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path.relative_to(HTML).as_posix()] = page
    return parsed


def test_internal_links_and_anchors_resolve(site):
    broken, checked = [], 0
    for name, page in site.items():
        for link in page.links:
            url = urlparse(link)
            if url.scheme in ("http", "https", "mailto", "data", "javascript") or url.netloc:
                continue
            target = name if not url.path else str(PurePosixPath(name).parent / unquote(url.path))
            parts: list[str] = []
            for part in PurePosixPath(target).parts:
                if part == "..":
                    parts.pop()
                elif part != ".":
                    parts.append(part)
            target = "/".join(parts)
            if (HTML / target).is_dir():
                target += "/index.html"
            checked += 1
            if not (HTML / target).exists():
                broken.append(f"{name}: {link} (no file {target})")
            elif url.fragment and target.endswith(".html") and url.fragment not in site[target].ids:
                broken.append(f"{name}: {link} (no anchor #{url.fragment})")
    assert broken == []
    assert checked > 100


def test_no_page_links_to_a_script_or_style_outside_the_site(site):
    outside = [
        f"{name}: {link}"
        for name, page in site.items()
        for link in page.links
        if urlparse(link).scheme in ("http", "https")
        and link.split("?")[0].endswith((".js", ".css", ".woff2", ".woff", ".ttf"))
    ]
    assert outside == []


def test_no_page_repeats_an_id(site):
    """An id names one element (WCAG 2.1 4.1.1 Parsing), so that an #anchor has one target."""
    assert {name: page.repeated for name, page in site.items() if page.repeated} == {}
