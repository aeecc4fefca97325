"""The stored chapters: clean runs, every seed cell in order, inline code equal to the package's."""

from pathlib import Path

import pytest
import torch
from conftest import ROOT, code_cell, toc_notebooks
from torch import nn

import convbook


def test_every_notebook_is_in_the_table_of_contents():
    assert sorted(toc_notebooks()) == sorted((ROOT / "book").glob("*.ipynb"))


@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_stored_from_one_clean_top_to_bottom_run(path: Path, notebooks):
    nb = notebooks[path.stem]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        assert all(o.output_type != "error" for o in cell.outputs), cell.source[:60]
        assert not any(o.get("name") == "stderr" for o in cell.outputs), cell.source[:60]
    assert nb.metadata["kernelspec"]["name"] == "python3"


def _book_lines(notebooks) -> list[str]:
    lines = []
    for nb in notebooks.values():
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            lines += cell.source.splitlines()
            for out in cell.outputs:
                text = out.get("text") or out.get("data", {}).get("text/plain", "")
                lines += text.splitlines()
    return [line.strip() for line in lines if line.strip()]


def _seed_lines(seed_text: str) -> list[str]:
    return [
        line.strip()
        for line in seed_text.splitlines()
        if line.strip() and not line.startswith("In [")
    ]


def test_every_seed_line_code_and_output_appears_in_order(notebooks, seed_text):
    book = iter(_book_lines(notebooks))
    missing = [line for line in _seed_lines(seed_text) if not any(line == b for b in book)]
    assert missing == [], f"first seed line not found in order: {missing[:1]}"


def test_the_loss_lines_are_the_seeds_character_for_character(notebooks, seed_text):
    loop = code_cell(notebooks["learning-a-kernel"], "for i in range(50):")
    cell = next(c for c in notebooks["learning-a-kernel"].cells if c.source == loop)
    seed_block = seed_text[seed_text.index("epoch1, loss") : seed_text.index("In [29]")]
    printed = "".join(o.text for o in cell.outputs if o.output_type == "stream")
    assert printed.strip() == seed_block.strip()


def test_inline_corr2d_equals_the_package(notebooks):
    scope = {"torch": torch}
    exec(code_cell(notebooks["cross-correlation"], "def corr2d"), scope)
    g = torch.Generator().manual_seed(0)
    for image, kernel in [((3, 3), (2, 2)), ((6, 8), (1, 2)), ((7, 5), (3, 4)), ((4, 4), (4, 4))]:
        X, K = torch.randn(image, generator=g), torch.randn(kernel, generator=g)
        assert torch.equal(scope["corr2d"](X, K), convbook.corr2d(X, K))


def test_inline_conv2d_layer_equals_the_package(notebooks):
    scope = {"torch": torch, "nn": nn, "corr2d": convbook.corr2d}
    exec(code_cell(notebooks["conv-layer"], "class Conv2D"), scope)
    torch.manual_seed(7)
    inline = scope["Conv2D"]((2, 3))
    torch.manual_seed(7)
    packaged = convbook.Conv2D((2, 3))
    X = torch.randn(5, 6)
    assert torch.equal(inline(X), packaged(X))


def test_figures_have_captions_and_alt_text(notebooks):
    for name, nb in notebooks.items():
        for cell in nb.cells:
            shows_image = any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
            if shows_image:
                options = cell.metadata.get("mystnb", {})
                assert options.get("figure", {}).get("caption"), f"{name}: {cell.source[:50]}"
                assert len(options.get("image", {}).get("alt", "")) > 20, (
                    f"{name}: {cell.source[:50]}"
                )


# The only outputs nbval does not compare, as (chapter, first line of the cell): two widgets
# (their model ids change on every run) and one live timing. Each cell says why in a comment.
IGNORED_OUTPUTS = {
    ("edge-detection", "from convbook.widgets import KernelExplorer"),
    ("learning-a-kernel", "from convbook.widgets import LearningRateExplorer"),
    (
        "speed",
        "# Timings differ from machine to machine and run to run, so this output is not compared.",
    ),
}


def test_ignored_outputs_are_few_and_explained(notebooks):
    tagged = set()
    for name, nb in notebooks.items():
        for cell in nb.cells:
            if "nbval-ignore-output" in cell.metadata.get("tags", []):
                assert "#" in cell.source, f"{name}: a tagged cell must say why in a comment"
                tagged.add((name, cell.source.splitlines()[0]))
    assert tagged == IGNORED_OUTPUTS


def test_stored_widget_code_is_the_current_code(notebooks):
    """The static book runs the JavaScript saved with each widget: it must be today's."""
    from convbook.widgets.bundle import bundle

    current = {bundle("kernel_explorer.js"), bundle("lr_explorer.js")}
    saved = [
        model["state"]["_esm"]
        for nb in notebooks.values()
        for model in nb.metadata.get("widgets", {})
        .get("application/vnd.jupyter.widget-state+json", {})
        .get("state", {})
        .values()
        if "_esm" in model["state"]
    ]
    assert len(saved) == 2
    assert set(saved) == current, "re-run the widget chapters: make notebooks"
