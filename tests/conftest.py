"""Shared fixtures: the project's paths, the seed notebook and the stored chapters."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import torch
import torch.nn.functional as F
import yaml
from hypothesis import settings

# Property tests draw the same examples on every run: a CI failure can be replayed.
settings.register_profile("convbook", derandomize=True, deadline=None)  # no timing asserts
settings.load_profile("convbook")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "seed-notebook.txt"  # the notebook the book reproduces


def toc_notebooks() -> list[Path]:
    """The chapters that are notebooks, in the order of ``_toc.yml``."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [entry["file"] for entry in toc["chapters"]]
    return [ROOT / f"{f}.ipynb" for f in files if (ROOT / f"{f}.ipynb").exists()]


@pytest.fixture(scope="session")
def notebooks() -> dict[str, nbformat.NotebookNode]:
    return {path.stem: nbformat.read(path, as_version=4) for path in toc_notebooks()}


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def torch_conv2d(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """PyTorch's own cross-correlation of one 2-D image: the yardstick for every form."""
    return F.conv2d(X[None, None], K[None, None])[0, 0]


def code_cell(nb: nbformat.NotebookNode, starts_with: str) -> str:
    """The source of the one code cell of ``nb`` that starts with ``starts_with``."""
    found = [
        c.source
        for c in nb.cells
        if c.cell_type == "code" and c.source.lstrip().startswith(starts_with)
    ]
    assert len(found) == 1, f"expected one cell starting with {starts_with!r}, got {len(found)}"
    return found[0]
