"""Plain helpers the tests share: the project's paths, the chapters, one cell's code, the
public cross-correlations, and the row of a bad-input table. Fixtures live in conftest.py."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
import yaml

from convbook import fast, matrix, ops, separable

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL_NOTEBOOK = ROOT / "tests" / "data" / "original-notebook.txt"  # what the book reproduces

# The widgets' JavaScript is tested in Node.js, where it is installed (tests/js/run_*.js).
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="needs Node.js (apt-get install nodejs)")


def run_node(script: str, cases: list[dict]) -> list:
    """The answers of ``tests/js/<script>`` to ``cases``: JSON in on stdin, JSON out on stdout."""
    result = subprocess.run(
        [NODE, str(ROOT / "tests" / "js" / script)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


# Every public 2-D cross-correlation of the package, found in the modules that hold them
# (the reference loop, the matrix forms, the fast forms, the separable passes), so that a new
# form is tested too.
CORRELATIONS: dict[str, Callable] = {
    name: function
    for module in (ops, matrix, fast, separable)
    for name, function in vars(module).items()
    if name.startswith("corr2d") and callable(function)
}


def toc_notebooks() -> list[Path]:
    """The chapters that are notebooks, in the order of ``_toc.yml``."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [entry["file"] for entry in toc["chapters"]]
    return [ROOT / f"{f}.ipynb" for f in files if (ROOT / f"{f}.ipynb").exists()]


def code_cell(nb: nbformat.NotebookNode, starts_with: str) -> str:
    """The source of the one code cell of ``nb`` that starts with ``starts_with``."""
    found = [
        c.source
        for c in nb.cells
        if c.cell_type == "code" and c.source.lstrip().startswith(starts_with)
    ]
    assert len(found) == 1, f"expected one cell starting with {starts_with!r}, got {len(found)}"
    return found[0]


def refusal(name: str, call: Callable[[], object], error: type[Exception], words: str):
    """One row of a bad-input table: ``call()`` raises ``error`` whose message matches ``words``."""
    return pytest.param(call, error, words, id=name)
