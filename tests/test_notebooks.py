"""The stored chapters: clean runs, the original notebook in order, inline code as packaged."""

import re
from pathlib import Path

import pytest
import torch
from helpers import ROOT, code_cell, toc_notebooks
from torch import nn

import convbook

PAGES = [ROOT / "book" / "intro.md", ROOT / "book" / "references.md"]


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
        streams = [o.name for o in cell.outputs if o.output_type == "stream"]
        assert len(streams) == len(set(streams)), (
            f"split output (make notebooks): {cell.source[:60]}"
        )
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


def _original_lines(text: str) -> list[str]:
    return [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("In [")
    ]


def test_every_original_line_code_and_output_appears_in_order(notebooks, original_text):
    book = iter(_book_lines(notebooks))
    missing = [line for line in _original_lines(original_text) if not any(line == b for b in book)]
    assert missing == [], f"first line of the original not found in order: {missing[:1]}"


def test_the_loss_lines_are_the_originals_character_for_character(notebooks, original_text):
    loop = code_cell(notebooks["learning-a-kernel"], "for i in range(50):")
    cell = next(c for c in notebooks["learning-a-kernel"].cells if c.source == loop)
    original_block = original_text[
        original_text.index("epoch1, loss") : original_text.index("In [29]")
    ]
    printed = "".join(o.text for o in cell.outputs if o.output_type == "stream")
    assert printed.strip() == original_block.strip()


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


# The only outputs nbval does not compare: those of the cells that show one of the book's
# explorers (their model ids change on every run), found from the stored widget state, and one
# live timing, as (chapter, first line of the cell). The reason is kept in the cell's metadata
# ("nbval-ignore-output-reason"), where it does not interrupt the reader.
TIMINGS = {("speed", "import statistics")}
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def explorer_ids() -> dict[str, str]:
    """The anywidget id of each widget convbook.widgets exports, to its class name."""
    import convbook.widgets

    classes = [getattr(convbook.widgets, name) for name in convbook.widgets.__all__]
    return {f"{c.__module__}.{c.__qualname__}": c.__name__ for c in classes}


def widget_models(nb) -> dict[str, dict]:
    """The models of ``nb``'s stored widget state, by model id."""
    return nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def shown_explorers(notebooks) -> dict[tuple[str, str], str]:
    """(chapter, first line) of each cell whose output shows one of the explorers, to its name."""
    shown = {}
    for name, nb in notebooks.items():
        models = widget_models(nb)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                model = models.get(out.get("data", {}).get(WIDGET_VIEW, {}).get("model_id"), {})
                widget = explorer_ids().get(model.get("state", {}).get("_anywidget_id"))
                if widget:
                    shown[(name, cell.source.splitlines()[0])] = widget
    return shown


def test_every_explorer_is_shown_by_a_chapter(notebooks):
    assert sorted(set(shown_explorers(notebooks).values())) == sorted(explorer_ids().values())


def test_ignored_outputs_are_few_and_explained_in_metadata(notebooks):
    tagged = set()
    for name, nb in notebooks.items():
        for cell in nb.cells:
            if "nbval-ignore-output" in cell.metadata.get("tags", []):
                reason = cell.metadata.get("nbval-ignore-output-reason", "")
                assert len(reason) > 20, f"{name}: a tagged cell must say why in its metadata"
                tagged.add((name, cell.source.splitlines()[0]))
    assert tagged == set(shown_explorers(notebooks)) | TIMINGS


@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_stored_widget_state_is_only_the_explorers(path: Path, notebooks):
    """No stale models (an old progress bar's, say): only the explorers a cell shows and the
    layout each refers to. `make notebooks` drops the old state before a run (nbclient keeps it
    where the run makes none)."""
    nb = notebooks[path.stem]
    models = widget_models(nb)
    shown = {
        out.data[WIDGET_VIEW]["model_id"]
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if WIDGET_VIEW in out.get("data", {})
    }
    wanted = set()
    for model_id in shown:
        state = models[model_id]["state"]
        assert state.get("_anywidget_id") in explorer_ids(), (path.stem, models[model_id])
        wanted |= {model_id, state["layout"].removeprefix("IPY_MODEL_")}
    stale = {k: m["model_name"] for k, m in models.items() if k not in wanted}
    assert stale == {}, f"{path.stem}: re-run it with `make notebook NB={path.stem}`"


# Reader text names the source once, in the introduction, and calls it "the original notebook"
# after that; "seed" alone is kept for random seeds (seed=0, manual_seed).
PROJECT_WORDS = re.compile(r"\bthe seed\b(?!=)|\bseed's\b|\bseed notebook|\bseed_", re.IGNORECASE)


def test_reader_text_never_says_the_seed(notebooks):
    found = [
        f"{name}: {match.group(0)!r} in {cell.source[:50]!r}"
        for name, nb in notebooks.items()
        for cell in nb.cells
        for match in PROJECT_WORDS.finditer(cell.source)
    ]
    found += [
        f"{p.name}: {m.group(0)!r}" for p in PAGES for m in PROJECT_WORDS.finditer(p.read_text())
    ]
    assert found == []


def _headings(nb, level: int) -> list[str]:
    marks = "#" * level + " "
    return [
        line[len(marks) :].strip()
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith(marks)
    ]


@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_every_chapter_ends_with_a_summary(path: Path, notebooks):
    nb = notebooks[path.stem]
    assert _headings(nb, 2)[-1] == "Summary"
    last = [c for c in nb.cells if c.cell_type == "markdown"][-1].source
    summary = last[last.index("## Summary") :]
    assert 150 < len(summary) < 1500, "a summary is a short paragraph or list"


LINK = re.compile(r"\{(doc|ref|numref|eq)\}`(?:[^`<]*<)?([^`>]+)>?`")


def _targets(nb) -> set[str]:
    """The labels a chapter defines: figure names, (label)= targets, equation and exercise
    labels."""
    labels = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            name = cell.metadata.get("mystnb", {}).get("figure", {}).get("name")
            labels |= {name} if name else set()
        else:
            labels |= set(re.findall(r"^\(([\w-]+)\)=", cell.source, re.MULTILINE))
            labels |= set(re.findall(r"\$\$ *\(([\w-]+)\)", cell.source))
            labels |= set(re.findall(r"^:label: ([\w-]+)$", cell.source, re.MULTILINE))
    return labels


@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_every_chapter_links_to_at_least_two_others(path: Path, notebooks):
    owner = {label: name for name, nb in notebooks.items() for label in _targets(nb)}
    linked = set()
    for cell in notebooks[path.stem].cells:
        if cell.cell_type != "markdown":
            continue
        for role, target in LINK.findall(cell.source):
            chapter = target.split("/")[-1] if role == "doc" else owner.get(target)
            assert chapter is not None, f"{path.stem}: {{{role}}}`{target}` names no label"
            linked.add(chapter)
    others = linked - {path.stem, "references", "intro"}
    assert len(others) >= 2, f"{path.stem} links to {sorted(others)}"


SOLUTION = ":::{admonition} Solution"
FENCE = re.compile(r"^```\{(exercise|solution)-(start|end)\}(.*)$", re.MULTILINE)


def _fence(cell) -> tuple[str, str, str] | None:
    """(kind, start or end, rest of the first line) for a markdown cell that is one fence."""
    if cell.cell_type != "markdown":
        return None
    match = FENCE.match(cell.source)
    if match is None:
        return None
    assert cell.source.rstrip().endswith("```") and cell.source.count("```") == 2, cell.source
    return match.group(1), match.group(2), match.group(3).strip()


@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_every_exercise_is_numbered_with_a_folded_executed_solution(path: Path, notebooks):
    """Each exercise is a gated sphinx-exercise directive labelled ex-<chapter>-<n>, each fence
    in its own markdown cell, followed by its gated solution: folded (dropdown), with code
    that prints (nbval runs it as part of the chapter). Nothing else in a "Try it"."""
    cells = notebooks[path.stem].cells
    fences = [(i, f) for i, c in enumerate(cells) if (f := _fence(c))]
    assert fences, f"{path.stem} has no exercise"
    assert not any(SOLUTION in c.source for c in cells if c.cell_type == "markdown")
    kinds = [(kind, edge) for _, (kind, edge, _) in fences]
    assert kinds == [
        ("exercise", "start"),
        ("exercise", "end"),
        ("solution", "start"),
        ("solution", "end"),
    ] * (len(fences) // 4), f"{path.stem}: fences out of order: {kinds}"
    for n, quad in enumerate(zip(*[iter(fences)] * 4), start=1):
        (e0, _), (e1, _), (s0, _), (s1, (_, _, solved)) = quad
        label = f"ex-{path.stem}-{n}"
        assert f":label: {label}\n" in cells[e0].source, cells[e0].source
        assert e1 > e0 + 1 and s0 == e1 + 1, f"{label}: the solution follows the exercise"
        assert cells[s0].source.splitlines()[0].endswith(f" {label}"), cells[s0].source
        assert ":class: dropdown" in cells[s0].source, f"{label}: the solution is folded"
        code = [c for c in cells[s0 + 1 : s1] if c.cell_type == "code"]
        assert code and all(c.outputs for c in code), f"{label}: the solution's code prints"
    _check_try_it(path, cells)


def _check_try_it(path: Path, cells) -> None:
    """No list of bare questions (exercises without a solution) in a "Try it" section."""
    in_try_it, inside = False, False
    for cell in cells:
        if cell.cell_type != "markdown":
            continue
        fence = _fence(cell)
        if fence:
            inside = fence[1] == "start"
            continue
        heading = re.findall(r"^## (.+)$", cell.source, re.MULTILINE)
        in_try_it = (heading[-1] == "Try it") if heading else in_try_it
        if in_try_it and not inside:
            text = cell.source.split("## Try it")[-1]
            assert not re.search(r"^\s*(?:[-*]|\d+\.) ", text, re.MULTILINE), (
                f"{path.stem}: an exercise in {text[:60]!r} has no solution"
            )


def test_stored_widget_code_is_the_current_code(notebooks):
    """The static book runs the JavaScript and CSS saved with each widget: they must be today's."""
    import convbook.widgets

    names = convbook.widgets.__all__
    # each class's _esm and _css as the page gets them (anywidget reads the files)
    current = {
        str(getattr(convbook.widgets, n)._esm): str(getattr(convbook.widgets, n)._css)
        for n in names
    }
    saved = [
        model["state"]
        for nb in notebooks.values()
        for model in nb.metadata.get("widgets", {})
        .get("application/vnd.jupyter.widget-state+json", {})
        .get("state", {})
        .values()
        if "_esm" in model["state"]
    ]
    # one of each widget, and the channel explorer twice: one output, then a whole layer
    assert len(saved) == len(names) + 1
    for state in saved:
        assert state["_esm"] in current, "re-run the widget chapters: make notebooks"
        assert state.get("_css") == current[state["_esm"]], "re-run the widget chapters"
    assert sorted({state["_esm"] for state in saved}) == sorted(current), "each widget"
