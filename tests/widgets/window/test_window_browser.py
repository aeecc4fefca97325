"""The window explorer in Chromium with the network cut: every slider, play, step and the
transposed view compute in the page what PyTorch computes.

The page is the widget exported by ipywidgets (embed_minimal_html) and served with the files
the book serves for widgets (RequireJS, its configuration, the widget manager, anywidget),
copied from node_modules: so it tests the current bundle without building the book.
"""

from __future__ import annotations

import re
import time

import pytest
import torch
import torch.nn.functional as F
from browser import (
    axe_violations,
    set_theme,
    widget_pages,
)

from convbook.widgets import WindowExplorer
from convbook.widgets.window_explorer import RANGES, counting

SLIDERS = ["input_size", "kernel_size", "padding", "stride", "dilation"]
DEFAULTS = {"input_size": 5, "kernel_size": 3, "padding": 1, "stride": 2, "dilation": 1}


@pytest.fixture(scope="module")
def site(widget_site, chromium):
    base, _ = widget_site.add("window", WindowExplorer(), "Window explorer")
    return base, chromium


@pytest.fixture
def open_page(site):
    base, browser = site
    with widget_pages(browser, base, ".cb-wx svg") as open_:
        yield lambda width=1280, mode="light": open_(width, "dark" if mode == "dark" else None)[0]


# ---- Reading the page ----


def text(page, selector: str) -> str:
    return page.locator(f".cb-wx {selector}").first.text_content()


def matrix(page) -> torch.Tensor:
    lines = text(page, ".cb-values").strip().splitlines()
    return torch.tensor([[float(v) for v in line.split()] for line in lines])


def captions(page) -> list[str]:
    return page.locator(".cb-wx figcaption").all_text_contents()


def settings_of(page) -> dict:
    return {
        name: int(page.locator(f".cb-wx input[data-setting='{name}']").input_value())
        for name in SLIDERS
    }


def set_slider(page, name: str, value: int) -> None:
    page.fill(f".cb-wx input[data-setting='{name}']", str(value))


def torch_output(s: dict) -> torch.Tensor | None:
    X, K = counting(s["input_size"]), counting(s["kernel_size"])
    try:
        return F.conv2d(
            X[None, None],
            K[None, None],
            padding=s["padding"],
            stride=s["stride"],
            dilation=s["dilation"],
        )[0, 0]
    except RuntimeError:
        return None


def torch_window(s: dict, i: int, j: int) -> list[tuple[float, float]]:
    """The [input, kernel] pairs of output (i, j), as F.unfold gathers them."""
    X, K = counting(s["input_size"]), counting(s["kernel_size"])
    k, m = K.shape[0], torch_output(s).shape[1]
    columns = F.unfold(
        X[None, None], (k, k), padding=s["padding"], stride=s["stride"], dilation=s["dilation"]
    )[0]
    return list(zip(columns[:, i * m + j].tolist(), K.flatten().tolist()))


def check_forward(page, s: dict, step: int = 0) -> None:
    """Captions, formula, values and the sum written out for output number ``step``: torch's."""
    expected = torch_output(s)
    n, p = s["input_size"], s["padding"]
    if expected is None:
        assert text(page, ".cb-note").startswith("No window fits"), s
        assert "is negative: no window fits" in text(page, ".cb-formula")
        assert page.locator(".cb-wx svg").first.is_hidden() and text(page, ".cb-sum") == ""
        return
    m = expected.shape[0]
    padded = f"(padded {n + 2 * p} × {n + 2 * p})" if p else "(no padding)"
    assert captions(page) == [f"input {n} × {n} {padded}", f"output {m} × {m}"], s
    assert text(page, ".cb-formula").endswith(f"= {m}")
    torch.testing.assert_close(matrix(page), expected, rtol=0, atol=0)
    i, j = divmod(step, m)
    terms = " + ".join(f"{x:g}×{k:g}" for x, k in torch_window(s, i, j))
    assert text(page, ".cb-sum") == f"Y[{i}, {j}] = {terms} = {expected[i, j].item():g}", s
    assert text(page, ".cb-progress") == f"output {step + 1} of {m * m}"


# ---- The tests ----


def test_every_slider_through_its_range_gives_torchs_numbers(open_page):
    page = open_page()
    assert settings_of(page) == DEFAULTS
    assert (
        text(page, ".cb-sum")
        == "Y[0, 0] = 0×1 + 0×2 + 0×3 + 0×4 + 1×5 + 2×6 + 0×7 + 6×8 + 7×9 = 128"
    )
    assert text(page, ".cb-formula") == (
        "m = ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊(5 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1"
        " = ⌊4 / 2⌋ + 1 = 3"
    )
    check_forward(page, DEFAULTS)
    for name in SLIDERS:
        low, high = RANGES[name]
        for value in range(low, high + 1):
            set_slider(page, name, value)
            shown = page.locator(f".cb-wx input[data-setting='{name}'] + output").text_content()
            assert shown == str(value)
            check_forward(page, {**DEFAULTS, name: value})
        set_slider(page, name, DEFAULTS[name])


def test_random_settings_and_the_keyboard(open_page):
    page = open_page()
    g = torch.Generator().manual_seed(13)
    for _ in range(25):
        for name in SLIDERS:
            low, high = RANGES[name]
            set_slider(page, name, int(torch.randint(low, high + 1, (1,), generator=g)))
        check_forward(page, settings_of(page))
    for name, value in DEFAULTS.items():
        set_slider(page, name, value)
    page.focus(".cb-wx input[data-setting='dilation']")  # the sliders answer the arrow keys
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    slider = page.locator(".cb-wx input[data-setting='input_size']")
    slider.focus()
    page.keyboard.press("End")
    check_forward(page, {**DEFAULTS, "dilation": 3, "input_size": 12})
    assert slider.get_attribute("aria-valuetext") == "12 × 12"
    page.keyboard.press("Home")
    check_forward(page, {**DEFAULTS, "dilation": 3, "input_size": 3})
    assert "spans d(k − 1) + 1 = 7 cells, more than the padded input's n + 2p = 3 + 2 = 5" in text(
        page, ".cb-note"
    )


def test_play_moves_the_window_by_itself_and_stops_at_the_end(open_page):
    page = open_page()
    page.fill(".cb-wx .cb-speed", "5")  # 5 steps a second
    drawings, progress = set(), []
    page.click(".cb-wx .cb-play")
    assert text(page, ".cb-play") == "Pause"
    deadline = time.monotonic() + 10
    while text(page, ".cb-play") != "Play" and time.monotonic() < deadline:
        drawings.add(page.locator(".cb-wx .cb-drawing").first.inner_html())
        progress.append(text(page, ".cb-progress"))
        page.wait_for_timeout(20)
    assert text(page, ".cb-progress") == "output 9 of 9"
    assert len(drawings) >= 5 and len(set(progress)) >= 5  # the window moved, with no input
    end = page.locator(".cb-wx .cb-panels").inner_html()
    page.wait_for_timeout(400)
    assert page.locator(".cb-wx .cb-panels").inner_html() == end  # stopped by itself
    check_forward(page, DEFAULTS, step=8)

    page.fill(".cb-wx .cb-speed", "0")  # its least, half a step a second: pause catches it early
    page.click(".cb-wx .cb-play")
    assert text(page, ".cb-progress") == "output 1 of 9"  # from the end, play starts over
    page.wait_for_timeout(2300)
    page.click(".cb-wx .cb-play")
    paused = text(page, ".cb-progress")
    assert paused in ("output 2 of 9", "output 3 of 9")
    page.wait_for_timeout(2200)
    assert text(page, ".cb-progress") == paused


def test_step_walks_every_output_in_reading_order(open_page):
    page = open_page()
    s = {"input_size": 8, "kernel_size": 3, "padding": 2, "stride": 3, "dilation": 2}
    for name, value in s.items():
        set_slider(page, name, value)
    m = torch_output(s).shape[0]
    page.focus(".cb-wx .cb-step")
    for step in range(m * m):
        check_forward(page, s, step)
        page.keyboard.press("Enter")
    check_forward(page, s, 0)  # past the last output: back to the first
    page.keyboard.press("Space")
    page.keyboard.press("Space")
    check_forward(page, s, 2)
    page.click(".cb-wx .cb-restart")
    check_forward(page, s, 0)
    assert "Dilation 2 spreads the 3 × 3 weights over 5 × 5 cells" in text(page, ".cb-note")
    assert "leaves the last 1 row and 1 column of the padded input (marked)" in text(
        page, ".cb-note"
    )


def torch_transposed(s: dict, op: int) -> torch.Tensor | None:
    m = torch_output(s).shape[0]
    Z, K = counting(m), counting(s["kernel_size"])
    settings = {"padding": s["padding"], "stride": s["stride"], "dilation": s["dilation"]}
    try:
        R = F.conv_transpose2d(Z[None, None], K[None, None], output_padding=op, **settings)[0, 0]
    except RuntimeError:
        return None
    return R if R.numel() else None


STAMP = re.compile(r"R\[(\d+), (\d+)\] \+= (\d+)×(\d+)")


def check_stamp(page, s: dict, op: int, step: int) -> None:
    """The cells input ``step`` stamps, as written, are where torch puts that input's kernel."""
    m = torch_output(s).shape[0]
    i, j = divmod(step, m)
    one_hot = torch.zeros(m, m)
    one_hot[i, j] = 1
    K = counting(s["kernel_size"])
    settings = {"padding": s["padding"], "stride": s["stride"], "dilation": s["dilation"]}
    R = F.conv_transpose2d(one_hot[None, None], K[None, None], output_padding=op, **settings)[0, 0]
    sum_text = text(page, ".cb-sum")
    assert sum_text.startswith(f"Z[{i}, {j}] = {step + 1} stamps {step + 1} × kernel: ")
    written = torch.zeros_like(R)
    for r, c, z, k in STAMP.findall(sum_text):
        assert int(z) == step + 1
        written[int(r), int(c)] = float(k)
    assert torch.equal(written, R), sum_text


def test_transposed_scatters_what_conv_transpose2d_does(open_page):
    page = open_page()
    page.focus(".cb-wx .cb-transposed")
    page.keyboard.press("Space")
    assert page.locator(".cb-wx .cb-transposed").is_checked()
    assert captions(page) == [
        "input Z 3 × 3 (the output grid)",
        "result R 5 × 5 (padding 1 crops it from 7 × 7)",
    ]
    assert text(page, ".cb-formula-transposed").endswith("(3 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 0 = 5")
    torch.testing.assert_close(matrix(page), torch_transposed(DEFAULTS, 0), rtol=0, atol=0)
    assert "Input sizes 5 to 6 all give 3 × 3 outputs" in text(page, ".cb-note")
    assert "output_padding 0 gives n′ = 5: the n you chose." in text(page, ".cb-note")
    for step in range(9):
        check_stamp(page, DEFAULTS, 0, step)
        page.click(".cb-wx .cb-step")

    op_slider = page.locator(".cb-wx input[data-setting='output_padding']")
    set_slider(page, "output_padding", 1)
    torch.testing.assert_close(matrix(page), torch_transposed(DEFAULTS, 1), rtol=0, atol=0)
    assert "output_padding 1 gives n′ = 6; output_padding 0 would give back your n = 5" in text(
        page, ".cb-note"
    )
    assert captions(page)[1] == "result R 6 × 6 (padding 1 crops it from 8 × 8)"
    set_slider(page, "stride", 1)  # output_padding must now be below max(stride, dilation) = 1
    assert op_slider.input_value() == "0" and op_slider.get_attribute("max") == "0"

    g = torch.Generator().manual_seed(7)
    checked = 0
    while checked < 20:
        s = {
            name: int(torch.randint(RANGES[name][0], RANGES[name][1] + 1, (1,), generator=g))
            for name in SLIDERS
        }
        if torch_output(s) is None:
            continue
        for name in SLIDERS:
            set_slider(page, name, s[name])
        largest = max(s["stride"], s["dilation"]) - 1
        assert op_slider.get_attribute("max") == str(largest)
        op = int(torch.randint(0, largest + 1, (1,), generator=g))
        if largest:
            set_slider(page, "output_padding", op)
        else:  # nothing to choose: the slider is off
            assert op_slider.is_disabled()
        expected = torch_transposed(s, op)
        if expected is None:
            assert "the padding crops everything the stamps cover" in text(page, ".cb-note")
            assert page.locator(".cb-wx svg").first.is_hidden()
            continue
        checked += 1
        size = expected.shape[0]
        assert captions(page)[1].startswith(f"result R {size} × {size}"), s
        torch.testing.assert_close(matrix(page), expected, rtol=0, atol=0)
        m = torch_output(s).shape[0]
        check_stamp(page, s, op, 0)
        page.click(".cb-wx .cb-step")
        check_stamp(page, s, op, min(1, m * m - 1) if m > 1 else 0)


def test_transposed_play_fills_the_result(open_page):
    page = open_page()
    page.check(".cb-wx .cb-transposed")
    page.fill(".cb-wx .cb-speed", "5")
    page.click(".cb-wx .cb-play")
    seen = set()
    deadline = time.monotonic() + 10
    while text(page, ".cb-play") != "Play" and time.monotonic() < deadline:
        seen.add(page.locator(".cb-wx .cb-drawing").nth(1).inner_html())
        page.wait_for_timeout(20)
    assert len(seen) >= 5 and text(page, ".cb-progress") == "input 9 of 9"
    check_stamp(page, DEFAULTS, 0, 8)
    page.uncheck(".cb-wx .cb-transposed")
    check_forward(page, DEFAULTS)


COLOURS = """() => {
  const box = document.querySelector('.cb-wx');
  return [getComputedStyle(box).color, getComputedStyle(box.querySelector('svg text')).fill,
          box.classList.contains('cb-dark'), box.style.getPropertyValue('--cb-halo')];
}"""


def test_themes_and_a_phone(open_page):
    """The drawing is in the text colour it inherits, on whatever is behind it; at 390 px the
    widest drawing fits; axe-core finds nothing in any theme."""
    page = open_page(width=390)
    for name, value in {"input_size": 12, "padding": 3, "kernel_size": 1, "stride": 1}.items():
        set_slider(page, name, value)  # the widest drawing: 18 x 18 cells, twice
    page.check(".cb-wx .cb-transposed")
    themes = {
        "book light": ("rgb(34, 40, 50)", False, "rgb(255, 255, 255)"),
        "book dark": ("rgb(34, 40, 50)", False, "rgb(206, 214, 221)"),  # the theme's light panel
        "JupyterLab dark": ("rgb(213, 213, 213)", True, "rgb(17, 17, 17)"),
    }
    for theme, (text_colour, dark, behind) in themes.items():
        set_theme(page, theme)
        assert page.evaluate(COLOURS) == [text_colour, text_colour, dark, behind], theme
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], widths  # nothing sticks out sideways
        box = page.locator(".cb-wx").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]) == [], theme


def test_a_new_speed_takes_effect_at_once(open_page):
    """Raising the speed while it plays: the next step comes at the new pace, not after the
    slow step under way has run out."""
    page = open_page()
    set_slider(page, "input_size", 12)  # 6 x 6 outputs: more steps than it plays meanwhile
    page.fill(".cb-wx .cb-speed", "0")  # its least, half a step a second: 2 s a step
    page.click(".cb-wx .cb-play")
    page.wait_for_timeout(300)
    page.fill(".cb-wx .cb-speed", "5")  # 5 steps a second
    page.wait_for_timeout(900)  # well inside the 2 s the slow step would still take
    step = int(text(page, ".cb-progress").split()[1])
    assert step >= 4, text(page, ".cb-progress")
    page.fill(".cb-wx .cb-speed", "0")  # and slowing down takes effect at once too
    slowed = text(page, ".cb-progress")
    page.wait_for_timeout(1200)
    assert text(page, ".cb-progress") == slowed
    assert text(page, ".cb-play") == "Pause"  # still playing, at the new pace


NO_WINDOW = {"input_size": 3, "kernel_size": 5, "padding": 0, "stride": 1, "dilation": 2}


def test_play_and_step_are_off_where_no_window_fits(open_page):
    page = open_page()
    buttons = [page.locator(f".cb-wx {name}") for name in (".cb-play", ".cb-step", ".cb-restart")]
    assert not any(b.is_disabled() for b in buttons)
    for name, value in NO_WINDOW.items():
        set_slider(page, name, value)
    check_forward(page, NO_WINDOW)
    assert all(b.is_disabled() for b in buttons)
    assert text(page, ".cb-progress") == "Play and Step are off: no window fits."
    described = buttons[0].get_attribute("aria-describedby")
    assert described and page.locator(f"#{described}").text_content() == text(page, ".cb-progress")
    page.check(".cb-wx .cb-transposed")  # nothing to scatter either
    assert all(b.is_disabled() for b in buttons)
    set_slider(page, "padding", 3)  # now a window fits: on again
    assert not any(b.is_disabled() for b in buttons)
    assert text(page, ".cb-progress").startswith("input 1 of ")
    s = {"input_size": 3, "kernel_size": 2, "padding": 1, "stride": 4, "dilation": 1}
    for name, value in s.items():  # a transposed result the padding crops away entirely
        set_slider(page, name, value)
    assert "the padding crops everything the stamps cover" in text(page, ".cb-note")
    assert all(b.is_disabled() for b in buttons)
    off = "Play and Step are off: the padding crops the whole result."
    assert text(page, ".cb-progress") == off


DRAWN_TEXT = """() => [...document.querySelectorAll('.cb-wx svg text')]
  .filter((t) => t.checkVisibility())
  .map((t) => [t.classList.contains('cb-strip'),
               parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a])"""


@pytest.mark.parametrize("width", [390, 700, 1280])
def test_no_text_in_a_drawing_is_under_12_px(open_page, width):
    """Wherever the drawings shrink to fit, what they write stays at least 12 px high: numbers
    too small to read are left out, saying so, and stay listed under the values."""
    page = open_page(width=width)
    drawn = page.evaluate(DRAWN_TEXT)
    if width == 1280:  # where there is room, the cells carry their numbers
        assert sum(not strip for strip, _ in drawn) == 25 + 1  # the input's, the first output
    for s in [
        {"input_size": 12, "kernel_size": 1, "padding": 3, "stride": 1, "dilation": 1},
        {"input_size": 12, "kernel_size": 5, "padding": 3, "stride": 1, "dilation": 1},
        {"input_size": 12, "kernel_size": 3, "padding": 3, "stride": 4, "dilation": 3},
    ]:
        for name, value in s.items():
            set_slider(page, name, value)
        for transposed in (False, True):
            page.set_checked(".cb-wx .cb-transposed", transposed)
            page.click(".cb-wx .cb-step")
            sizes = [size for _, size in page.evaluate(DRAWN_TEXT)]
            assert sizes and min(sizes) >= 11.95, (width, s, transposed, min(sizes))
            left_out = page.evaluate(
                """() => [...document.querySelectorAll('.cb-wx .cb-drawing')].map((d) => {
                  const numbers = [...d.querySelectorAll('text:not(.cb-strip)')];
                  return numbers.length > 0 && !numbers.some((t) => t.checkVisibility());
                })"""
            )
            if any(left_out):
                assert "left out" in text(page, ".cb-legend"), (width, s)
            assert text(page, ".cb-values").strip()  # the numbers stay listed
        page.set_checked(".cb-wx .cb-transposed", False)
