"""Colab launch and repository buttons from one setting, the environment variable
BOOK_REPOSITORY_URL (the GitHub workflow sets it to the repository it runs in). Unset or empty:
neither button, and no repository anywhere in the pages (Jupyter Book's default URL, its own
repository, is dropped). Set: every page links the repository, and every chapter, a notebook,
links Colab's copy of it, book/<chapter>.ipynb on the branch `repository.branch` of _config.yml.
Both are plain links: a page loads nothing from them, and the book still works offline.

Colab opens notebooks from GitHub only, so a repository elsewhere gets the repository button alone.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

from sphinx.errors import ConfigError

VARIABLE = "BOOK_REPOSITORY_URL"
COLAB = "https://colab.research.google.com"


def repository_options(url: str, theme_options: dict) -> dict:
    """``theme_options`` (sphinx-book-theme's) with the buttons for the repository at ``url``,
    or with none where ``url`` is empty."""
    options = {key: value for key, value in theme_options.items() if key != "repository_url"}
    launch = {k: v for k, v in options.get("launch_buttons", {}).items() if k != "colab_url"}
    options["launch_buttons"] = launch
    url = url.strip().rstrip("/")
    if not url:
        options["use_repository_button"] = False
        return options
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or len(parts.path.strip("/").split("/")) != 2:
        raise ConfigError(
            f"{VARIABLE} must be a repository's address, https://host/owner/name: {url!r}"
        )
    options["repository_url"] = url
    options["use_repository_button"] = True
    if parts.netloc == "github.com":
        launch["colab_url"] = COLAB
    return options


def on_config_inited(app, config) -> None:
    config.html_theme_options = repository_options(
        os.environ.get(VARIABLE, ""), config.html_theme_options
    )


def setup(app):
    app.connect("config-inited", on_config_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
