"""The built HTML (``make test`` builds it first with warnings as errors)."""

import os
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import PurePosixPath

import pytest
from helpers import ROOT, toc_notebooks

HTML = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "_ext"))
from notebooks_zip import FOLDER, NAME  # noqa: E402
from repository_buttons import COLAB, VARIABLE  # noqa: E402


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


GLOSSARY = ["kernel", "feature map", "receptive field", "stride", "padding", "dilation"]
GLOSSARY += ["channel", "pooling"]


class Terms(HTMLParser):
    """A page's glossary entries (``<dt id="term-...">``) and its {term} links: the href of each
    ``<span class="std-term">``, or None where it is not inside a link (an unresolved term)."""

    def __init__(self) -> None:
        super().__init__()
        self.defined: dict[str, str] = {}
        self.links: list[str | None] = []
        self.href: str | None = None
        self.dt: str | None = None
        self.headerlink = False  # the "#" link after a term, not its text

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.href = attrs.get("href")
            self.headerlink = "headerlink" in (attrs.get("class") or "").split()
        elif tag == "dt" and attrs.get("id", "").startswith("term-"):
            self.dt, self.defined[attrs["id"]] = attrs["id"], ""
        elif tag == "span" and "std-term" in (attrs.get("class") or "").split():
            self.links.append(self.href)

    def handle_endtag(self, tag):
        if tag == "a":
            self.href, self.headerlink = None, False
        elif tag == "dt":
            self.dt = None

    def handle_data(self, data):
        if self.dt and not self.headerlink:
            self.defined[self.dt] += data


def test_the_glossary_defines_the_eight_terms(pages):
    glossary = Terms()
    glossary.feed(pages["book/glossary.html"])
    assert [text.strip() for text in glossary.defined.values()] == GLOSSARY
    assert list(glossary.defined) == [f"term-{t.replace(' ', '-')}" for t in GLOSSARY]


def test_every_term_link_reaches_a_glossary_entry(pages):
    glossary = Terms()
    glossary.feed(pages["book/glossary.html"])
    links = 0
    for name, text in pages.items():
        page = Terms()
        page.feed(text)
        for href in page.links:
            assert href is not None, f"{name}: a {{term}} that links nowhere"
            target, _, anchor = href.partition("#")
            target = (PurePosixPath(name).parent / target).as_posix() if target else name
            assert target == "book/glossary.html" and anchor in glossary.defined, (name, href)
            links += 1
    assert links >= 1  # the glossary's own example, {term}`this <kernel>`


def test_the_zip_holds_every_chapter_and_what_it_needs(pages):
    with zipfile.ZipFile(HTML / NAME) as archive:
        names = set(archive.namelist())
        for path in toc_notebooks():
            stored = archive.read(f"{FOLDER}/book/{path.name}")
            assert stored == path.read_bytes(), f"{path.name} differs from the stored notebook"
        for needed in ["README.md", "pyproject.toml", "src/convbook/__init__.py"]:
            assert f"{FOLDER}/{needed}" in names
        for path in (ROOT / "book" / "data").iterdir():  # the stored runs the speed chapter reads
            assert f"{FOLDER}/book/data/{path.name}" in names
        assert f"{FOLDER}/src/convbook/widgets/static/kernel_explorer.js" in names
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
        notebooks = {n for n in names if n.endswith(".ipynb")}
        assert notebooks == {f"{FOLDER}/book/{p.name}" for p in toc_notebooks()}


def test_every_page_download_menu_links_the_zip(pages):
    for path in ["book/intro", "book/glossary", *(f"book/{p.stem}" for p in toc_notebooks())]:
        assert f'href="../{NAME}"' in pages[f"{path}.html"], path


def test_repository_buttons_only_with_a_repository_url(pages):
    """Built in CI with BOOK_REPOSITORY_URL set, and here without: the pages follow it."""
    url = os.environ.get(VARIABLE, "").strip().rstrip("/")
    for path in toc_notebooks():
        page = pages[f"book/{path.stem}.html"]
        if url:
            assert f'href="{url}"' in page, f"{path.stem}: no repository button"
            if url.startswith("https://github.com/"):
                colab = f"{COLAB}/github/{url.removeprefix('https://github.com/')}/blob/main/"
                assert f'href="{colab}book/{path.name}"' in page, f"{path.stem}: no Colab button"
        else:
            assert COLAB not in page and "source-repository-button" not in page, (
                f"{path.stem} has repository buttons: was the book built with {VARIABLE} set?"
            )
    if not url:
        assert not [name for name, text in pages.items() if "executablebooks" in text]
