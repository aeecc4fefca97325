"""The chapters as notebooks to download: convbook-notebooks.zip at the root of the site, linked
from every page's download menu (a file of the site: the link works offline too).

It holds what a reader needs to run them: every chapter notebook of the book as stored (with its
outputs), book/data (the stored benchmark runs the chapter on speed reads), the helper package
they import (src/convbook and pyproject.toml, to `pip install .`), and a README that says how,
assets/notebooks-README.md. Written after a successful build; entries sorted and dated
1980-01-01, so the same sources give the same file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

NAME = "convbook-notebooks.zip"
FOLDER = "convbook-notebooks"  # what the zip unpacks into
README = Path("assets") / "notebooks-README.md"
SKIP = {"__pycache__", ".ipynb_checkpoints"}


def notebooks(app) -> list[Path]:
    """The book's pages that are notebooks, as files in the source folder."""
    paths = (Path(app.env.doc2path(doc)) for doc in app.env.found_docs)
    return sorted(p for p in paths if p.suffix == ".ipynb")


def tree(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not SKIP & set(p.parts) and p.suffix != ".pyc"
    )


def contents(app) -> dict[str, Path]:
    """Name in the zip -> file in the source folder."""
    root = Path(app.srcdir)
    files = [*notebooks(app), *tree(root / "book" / "data"), *tree(root / "src" / "convbook")]
    entries = {p.relative_to(root).as_posix(): p for p in files}
    entries["pyproject.toml"] = root / "pyproject.toml"
    entries["README.md"] = root / README
    return {f"{FOLDER}/{name}": path for name, path in sorted(entries.items())}


def write_zip(target: Path, entries: dict[str, Path]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in entries.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def on_build_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        write_zip(Path(app.outdir) / NAME, contents(app))


def add_download_link(app, pagename, templatename, context, doctree) -> None:
    """Adds the zip to the theme's download menu (sphinx-book-theme fills it at priority 501)."""
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"].insert(
                0,
                {
                    "type": "link",
                    "url": context["pathto"](NAME, 1),
                    "text": "all notebooks (.zip)",
                    "tooltip": "Download every chapter as a notebook, with what they need to run",
                    "icon": "fas fa-file-zipper",
                    "label": "download-notebooks-zip-button",
                },
            )


def setup(app):
    app.connect("html-page-context", add_download_link, priority=502)
    app.connect("build-finished", on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
