"""The built HTML (``make test`` builds it first with warnings as errors)."""

from html.parser import HTMLParser

import pytest
from helpers import ROOT, toc_notebooks

HTML = ROOT / "_build" / "html"


class Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


@pytest.fixture(scope="module")
def pages():
    if not (HTML / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test does it first)")
    return {p.relative_to(HTML).as_posix(): p.read_text() for p in HTML.rglob("*.html")}


def test_every_chapter_has_a_page(pages):
    for path in toc_notebooks():
        assert f"book/{path.stem}.html" in pages


def test_every_image_has_alt_text(pages):
    count = 0
    for name, text in pages.items():
        parser = Images()
        parser.feed(text)
        for image in parser.images:
            if "logo" in image.get("class", ""):
                continue
            count += 1
            assert image.get("alt", "").strip(), f"{name}: image {image.get('src')} has no alt text"
    assert count >= 5


def test_the_original_numbers_are_on_the_pages(pages):
    assert "epoch3, loss 4.490" in pages["book/learning-a-kernel.html"]
    assert "[37., 43.]])" in pages["book/cross-correlation.html"]


def test_each_chapter_has_one_title_and_no_stray_markup(pages):
    for path in toc_notebooks():
        page = pages[f"book/{path.stem}.html"]
        text = page[page.index("<article") : page.index("</article>")]
        assert text.count("<h1>") == 1, f"{path.stem}: {text.count('<h1>')} top-level headings"
        assert "<h1>#" not in text and "<p># " not in text, path.stem
