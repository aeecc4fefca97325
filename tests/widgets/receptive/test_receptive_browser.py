"""The receptive-field explorer in Chromium with the network cut: hovering or focusing a cell
lights exactly the cells convbook.receptive (and so torch autograd, tests/test_receptive.py)
says it depends on, in every map below; a stack no output fits is refused in words beside the
control and the last one kept; keys, themes, a phone, and a long random sequence of actions,
each checked against Python.

The page is the widget exported by ipywidgets and served with the files the book serves for
widgets, as in test_pooling_browser.py. Each strip's canvas lists its lit cells in data-lit."""

from __future__ import annotations

import os
import random
import re

import pytest
from browser import (
    WCAG21_AA,
    axe_violations,
    widget_pages,
)

from convbook.receptive import field_cells, layer_table
from convbook.widgets import ReceptiveFieldExplorer
from convbook.widgets.receptive_explorer import PRESETS, RANGES, SETTINGS, as_layer

BAD_WORDS = re.compile(r"NaN|Infinity|undefined")
HOSTILE = ["", "abc", "1,5", "NaN", "0x3", "1e309", "2.5", "-1", "99", "3 4"]
RF = ".cb-rf "


@pytest.fixture(scope="module")
def site(widget_site, chromium):
    base, _ = widget_site.add("receptive", ReceptiveFieldExplorer(), "Receptive field explorer")
    return base, chromium


@pytest.fixture
def open_page(site):
    base, browser = site
    with widget_pages(browser, base, RF + "canvas") as open_:
        yield lambda width=1280: open_(width)[0]


SNAPSHOT = """() => {
  const box = document.querySelector('.cb-rf');
  const rows = [...box.querySelectorAll('.cb-layer')].filter((row) => !row.hidden);
  const layers = rows.map((row, n) => {
    const l = n + 1;
    const read = (name) => box.querySelector(`.cb-${name}-${l}`);
    const layer = { kind: read('kind').value };
    for (const name of ['kernel', 'stride', 'padding', 'dilation']) {
      const input = read(name);
      layer[name] = input.getAttribute('aria-invalid') ? null : Number(input.value);
    }
    return layer;
  });
  const maps = [...box.querySelectorAll('canvas.cb-strip')]
    .filter((c) => !c.closest('.cb-map').hidden)
    .map((c) => ({ m: Number(c.className.match(/cb-strip-(\\d)/)[1]),
                   cells: Number(c.dataset.cells),
                   lit: c.dataset.lit ? c.dataset.lit.split(',').map(Number) : [] }));
  const size = box.querySelector('.cb-input-size');
  return { layers, maps, input: size.getAttribute('aria-invalid') ? null : Number(size.value),
           count: Number(box.querySelector('.cb-count').value),
           hover: box.querySelector('.cb-hover').textContent,
           refusals: [...box.querySelectorAll('.cb-refusal')].map((n) => n.textContent)
             .filter(Boolean),
           steps: [...box.querySelectorAll('.cb-steps li')].map((n) => n.textContent),
           words: box.innerText };
}"""


def check_drawn(view, state: dict | None = None) -> dict:
    """The page shows no error word, its stack fits, and what it lights is Python's field.
    ``state`` (layers, input size), where known, must be what the page shows."""
    shot = view.evaluate(SNAPSHOT)
    assert not BAD_WORDS.search(shot["words"]), BAD_WORDS.search(shot["words"])
    assert shot["count"] == len(shot["layers"])
    if state is not None:
        shown = [{k: v for k, v in L.items()} for L in shot["layers"]]
        for L, expected in zip(shown, state["layers"]):
            for k in ("kind", *SETTINGS):
                assert L[k] in (None, expected[k]) or (k == "dilation" and L["kind"] == "pool")
        assert shot["input"] in (None, state["input_size"])
    layers = state["layers"] if state else shot["layers"]
    n = state["input_size"] if state else shot["input"]
    stack = [as_layer(L, "layer") for L in layers]
    table = layer_table(stack, n)  # the page's stack fits: Python agrees
    assert sorted((m["m"], m["cells"]) for m in shot["maps"]) == [
        (m, row["size"]) for m, row in enumerate(table)
    ]
    for l, words in enumerate(shot["steps"], start=1):
        r = table[l]["r"]
        assert f"= {r} input cell{'' if r == 1 else 's'};" in words, words
    at = re.match(r"Layer (\d+), cell (\d+) depends on", shot["hover"])
    lit = {m["m"]: m["lit"] for m in shot["maps"]}
    if at:
        layer, index = int(at[1]), int(at[2])
        cells = field_cells(stack, n, layer, index)
        for m in range(len(table)):
            assert lit[m] == (cells[m] if m <= layer else []), (m, layer, index, layers)
    elif not shot["hover"].startswith("Input cell"):
        assert all(not cells for cells in lit.values())
    return shot


def state_of(explorer_like: dict) -> dict:
    return {
        "layers": [dict(L) for L in explorer_like["layers"]],
        "input_size": explorer_like["input_size"],
    }


def start_state() -> dict:
    explorer = ReceptiveFieldExplorer()
    return {"layers": [dict(L) for L in explorer.layers], "input_size": explorer.input_size}


def test_hover_and_keys_light_the_field_in_every_map_below(open_page):
    view = open_page()
    state = start_state()
    top = view.locator(RF + "canvas.cb-strip-4")
    top.focus()
    shot = check_drawn(view, state)
    assert shot["hover"].startswith("Layer 4, cell 0 depends on")
    for key, at in [
        ("ArrowRight", "Layer 4, cell 1"),
        ("End", "Layer 4, cell 3"),
        ("Home", "Layer 4, cell 0"),
    ]:
        view.keyboard.press(key)
        assert check_drawn(view, state)["hover"].startswith(at)
    view.keyboard.press("Tab")  # the next strip down: layer 3
    assert check_drawn(view, state)["hover"].startswith("Layer 3, cell 0")
    for m in (1, 2, 3):
        box = view.locator(RF + f"canvas.cb-strip-{m}").bounding_box()
        view.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2)
        shot = check_drawn(view, state)
        assert shot["hover"].startswith(f"Layer {m}, cell ")
    assert "1·j₄" not in shot["hover"]


def test_a_dilated_field_has_holes(open_page):
    view = open_page()
    view.select_option(RF + ".cb-stack", "dilations 1, 2, 4")
    state = state_of(PRESETS["dilations 1, 2, 4"])
    view.select_option(RF + ".cb-count", "2")
    state["layers"] = state["layers"][:2]
    view.locator(RF + "canvas.cb-strip-2").focus()
    shot = check_drawn(view, state)
    assert field_cells([as_layer(L, "l") for L in state["layers"]], 24, 2, 0)[1] == [0, 2, 4]
    assert "in layer 1, cells 0, 2 and 4 (3 of them, with holes)" in shot["hover"]


def test_a_stack_no_output_fits_is_refused_in_words_and_kept(open_page):
    view = open_page()
    state = start_state()
    view.fill(RF + ".cb-input-size", "4")
    state["input_size"] = 4
    check_drawn(view, state)
    view.fill(RF + ".cb-dilation-1", "4")  # a window of 9 on 4 cells padded by 1: 6
    shot = check_drawn(view, state)
    assert view.get_attribute(RF + ".cb-dilation-1", "aria-invalid") == "true"
    (words,) = shot["refusals"]
    assert words == (
        "Layer 1 dilation 4 is refused: No output fits: layer 1's window spans 9 cells, more "
        "than the 4 cells of the input with 1 of padding at each end (6). It stays 1."
    )
    beside = view.evaluate(
        "() => document.querySelector('.cb-rf .cb-dilation-1').parentElement"
        ".querySelector('.cb-refusal').textContent"
    )
    assert beside == words  # beside the box
    view.press(RF + ".cb-dilation-1", "Tab")  # leaving puts the kept value back
    assert view.input_value(RF + ".cb-dilation-1") == "1"
    check_drawn(view, state)
    view.select_option(RF + ".cb-kind-3", "pool")  # a pool's padding is at most half: fits
    state["layers"][2] |= {"kind": "pool", "dilation": 1}
    check_drawn(view, state)
    view.fill(RF + ".cb-input-size", "16")
    state["input_size"] = 16
    view.fill(RF + ".cb-kernel-1", "7")
    state["layers"][0]["kernel"] = 7
    check_drawn(view, state)
    view.fill(RF + ".cb-input-size", "4")  # 4 cells padded by 1 are 6, less than 7
    shot = check_drawn(view, state)
    assert shot["refusals"] == [
        "Input size 4 is refused: No output fits: layer 1's window spans 7 cells, more than the "
        "4 cells of the input with 1 of padding at each end (6). It stays 16."
    ]
    view.press(RF + ".cb-input-size", "Tab")
    assert view.input_value(RF + ".cb-input-size") == "16"
    view.fill(RF + ".cb-stride-2", "abc")
    shot = check_drawn(view, state)
    assert "Layer 2 stride: Not a number. It stays 2." in shot["refusals"]
    view.press(RF + ".cb-stride-2", "Tab")
    assert view.input_value(RF + ".cb-stride-2") == "2"
    view.fill(RF + ".cb-input-size", "20")  # a valid value clears the words
    state["input_size"] = 20
    assert check_drawn(view, state)["refusals"] == []
    view.fill(RF + ".cb-padding-2", "2")  # a pool's padding over half its window
    assert "Layer 2 padding" in " ".join(check_drawn(view, state)["refusals"])


def test_themes_and_a_phone(open_page):
    view = open_page(width=390)
    view.locator(RF + "canvas.cb-strip-4").focus()
    view.fill(RF + ".cb-stride-1", "abc")
    for theme in ("light", "dark"):
        view.evaluate("(t) => { document.documentElement.dataset.theme = t; }", theme)
        view.wait_for_timeout(50)
        widths = view.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (theme, widths)
        box = view.locator(".cb-rf").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert axe_violations(view, WCAG21_AA) == [], theme
    view = open_page()
    view.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
    view.locator(RF + "canvas.cb-strip-2").focus()
    assert axe_violations(view, WCAG21_AA) == []


def act(view, rng: random.Random, state: dict) -> str:
    """One random action of a reader, and what Python says the state is after it."""
    kind = rng.choice(
        ["type", "type", "hostile", "kind", "count", "input", "preset", "keys", "hover"]
    )
    count = len(state["layers"])
    l = rng.randint(1, count)
    candidate = {"layers": [dict(L) for L in state["layers"]], "input_size": state["input_size"]}

    def accept_if_fits() -> None:
        try:
            layer_table([as_layer(L, "l") for L in candidate["layers"]], candidate["input_size"])
        except ValueError:
            return
        state.update(candidate)

    if kind == "type":
        name = rng.choice(
            [
                s
                for s in SETTINGS
                if not (s == "dilation" and candidate["layers"][l - 1]["kind"] == "pool")
            ]
        )
        value = rng.randint(RANGES[name]["min"], RANGES[name]["max"])
        L = candidate["layers"][l - 1]
        if not (L["kind"] == "pool" and name == "padding" and value > L["kernel"] // 2):
            L[name] = value
            if L["kind"] == "pool":
                L["padding"] = min(L["padding"], L["kernel"] // 2)
            accept_if_fits()
        view.fill(RF + f".cb-{name}-{l}", str(value))
        if rng.random() < 0.5:
            view.press(RF + f".cb-{name}-{l}", "Tab")
        return f"type layer {l} {name} {value}"
    if kind == "hostile":
        name, text = rng.choice(["kernel", "stride", "padding"]), rng.choice(HOSTILE)
        view.fill(RF + f".cb-{name}-{l}", text)
        view.press(RF + f".cb-{name}-{l}", "Tab")
        return f"hostile layer {l} {name} {text!r}"
    if kind == "kind":
        new = rng.choice(["conv", "pool"])
        L = candidate["layers"][l - 1]
        L["kind"] = new
        if new == "pool":
            L["dilation"], L["padding"] = 1, min(L["padding"], L["kernel"] // 2)
        accept_if_fits()
        view.select_option(RF + f".cb-kind-{l}", new)
        return f"kind layer {l} {new}"
    if kind == "count":
        c = rng.randint(RANGES["layers"]["min"], RANGES["layers"]["max"])
        candidate["layers"] = candidate["layers"][:c]
        while len(candidate["layers"]) < c:
            candidate["layers"].append(
                {"kind": "conv", "kernel": 3, "stride": 1, "padding": 1, "dilation": 1}
            )
        accept_if_fits()
        view.select_option(RF + ".cb-count", str(c))
        return f"count {c}"
    if kind == "input":
        n = rng.randint(RANGES["input_size"]["min"], RANGES["input_size"]["max"])
        candidate["input_size"] = n
        accept_if_fits()
        view.fill(RF + ".cb-input-size", str(n))
        view.press(RF + ".cb-input-size", "Tab")
        return f"input {n}"
    if kind == "preset":
        name = rng.choice(list(PRESETS))
        state.update(state_of(PRESETS[name]))
        view.select_option(RF + ".cb-stack", name)
        return f"preset {name}"
    m = rng.randint(0, len(state["layers"]))
    strip = view.locator(RF + f"canvas.cb-strip-{m}")
    if kind == "keys":
        strip.focus()
        keys = [
            rng.choice(["ArrowLeft", "ArrowRight", "Home", "End"]) for _ in range(rng.randint(1, 4))
        ]
        for key in keys:
            view.keyboard.press(key)
        return f"keys {m} {keys}"
    box = strip.bounding_box()
    x = rng.random()
    view.mouse.move(box["x"] + x * box["width"], box["y"] + box["height"] / 2)
    return f"hover {m} {x:.2f}"


def test_random_actions_keep_the_page_clean_and_pythons(open_page):
    """After each random action: no page error, no NaN or undefined, the stack shown is the one
    Python accepts and keeps, and what is lit is its field. RECEPTIVE_FUZZ_SEED replays a run."""
    seed = int(os.environ.get("RECEPTIVE_FUZZ_SEED", "3"))
    rng = random.Random(seed)
    view = open_page()
    state = start_state()
    log = []
    for _ in range(120):
        try:
            log.append(act(view, rng, state))
            check_drawn(view, state)
        except Exception as error:
            raise AssertionError(f"seed {seed}, step {len(log)}, after: {log[-5:]}") from error
    assert len({entry.split()[0] for entry in log}) == 8
