"""Fixtures: the stored chapters and the original notebook's text (plain helpers: helpers.py)."""

from __future__ import annotations

import nbformat
import pytest
from helpers import ORIGINAL_NOTEBOOK, toc_notebooks
from hypothesis import settings

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
