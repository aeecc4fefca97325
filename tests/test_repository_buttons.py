"""The repository and Colab buttons (_ext/repository_buttons.py): present with BOOK_REPOSITORY_URL
set, in a build of two pages with the book's own configuration; absent without it, in the
configuration and in the built book (test_book.py checks the built pages either way)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from helpers import ROOT
from sphinx.errors import ConfigError

sys.path.insert(0, str(ROOT / "_ext"))
from repository_buttons import COLAB, VARIABLE, repository_options  # noqa: E402

URL = "https://github.com/someone/convbook"
# What Jupyter Book passes the theme from _config.yml and its own defaults: its own repository
# as the URL, which must not reach a page.
DEFAULTS = {
    "repository_url": "https://github.com/executablebooks/jupyter-book",
    "repository_branch": "main",
    "launch_buttons": {"thebe": False, "colab_url": ""},
}


def test_without_a_url_there_is_no_repository_and_no_colab():
    for url in ("", "  "):
        options = repository_options(url, DEFAULTS)
        assert "repository_url" not in options
        assert options["use_repository_button"] is False
        assert options["launch_buttons"] == {"thebe": False}


def test_a_github_url_gives_both_buttons():
    options = repository_options(URL + "/", DEFAULTS)
    assert options["repository_url"] == URL
    assert options["repository_branch"] == "main"
    assert options["use_repository_button"] is True
    assert options["launch_buttons"] == {"thebe": False, "colab_url": COLAB}
    assert DEFAULTS["launch_buttons"] == {"thebe": False, "colab_url": ""}  # not changed


def test_colab_only_for_github():
    options = repository_options("https://gitlab.com/someone/convbook", DEFAULTS)
    assert options["use_repository_button"] is True
    assert "colab_url" not in options["launch_buttons"]


@pytest.mark.parametrize("url", ["github.com/someone/convbook", "https://github.com/someone"])
def test_a_bad_url_is_refused_by_name(url):
    with pytest.raises(ConfigError, match=VARIABLE):
        repository_options(url, DEFAULTS)


def small_book(folder: Path) -> None:
    """The book's configuration and extensions, with two pages: a notebook and the intro."""
    for name in ("_config.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    for name in ("_ext", "_templates", "assets"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("static", "extra"):  # what `make book` copies from node_modules
        (folder / "_build" / "assets" / name).mkdir(parents=True)
    (folder / "book").mkdir()
    shutil.copy(ROOT / "book" / "references.bib", folder / "book")
    (folder / "book" / "intro.md").write_text("# Intro\n\nTwo pages.\n")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# First\n\nOne.")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, folder / "book" / "first.ipynb")
    toc = "format: jb-book\nroot: book/intro\nchapters:\n  - file: book/first\n"
    (folder / "_toc.yml").write_text(toc)


def test_a_build_with_the_url_links_the_repository_and_colab(tmp_path):
    small_book(tmp_path)
    env = {**os.environ, VARIABLE: URL}
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run(
        [str(jupyter_book), "build", str(tmp_path), "-W", "-n", "--keep-going"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    html = tmp_path / "_build" / "html" / "book"
    chapter, intro = ((html / f"{name}.html").read_text() for name in ("first", "intro"))
    colab = f'href="{COLAB}/github/someone/convbook/blob/main/book/first.ipynb"'
    assert colab in chapter
    assert COLAB not in intro  # a Markdown page has no notebook to open
    for page in (chapter, intro):
        assert f'href="{URL}"' in page and "btn-source-repository-button" in page
        assert "executablebooks" not in page
