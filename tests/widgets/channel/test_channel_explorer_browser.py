"""The channel explorer in Chromium with the network cut: every edit of a kernel, a preset, the
kernel size or the bias redraws the sum PyTorch computes; hostile typing is refused in words.

As in test_window_browser.py, the page is the widget exported by ipywidgets (embed_minimal_html)
with the scripts the book serves for widgets, so it tests the current bundle without a build.
"""

from __future__ import annotations

import re

import pytest
import torch
import torch.nn.functional as F
from browser import (
    axe_violations,
    set_theme,
    widget_pages,
)

from convbook import kernel
from convbook.data import GREY_WEIGHTS
from convbook.widgets import ChannelExplorer
from convbook.widgets.channel_explorer import CHANNELS, LARGEST_ENTRY

BOX = ".cb-cx"
# Numbers the page lists and writes out: 4 decimals at most, on float32 sums of the photo.
CLOSE = {"atol": 6e-5, "rtol": 1e-6}


@pytest.fixture(scope="module")
def site(widget_site, chromium):
    base, _ = widget_site.add("channel", ChannelExplorer(), "Channel explorer")
    return base, chromium


@pytest.fixture
def open_page(site):
    base, browser = site
    with widget_pages(browser, base, f"{BOX} canvas") as open_:
        yield lambda width=1280: open_(width)[0]


@pytest.fixture(scope="module")
def photo():
    return ChannelExplorer().photo  # as the page has it: 3 decimals


# ---- Reading the page ----


def entry(channel: int, row: int, col: int) -> str:
    return f"{BOX} .cb-grid[data-channel='{channel}'] input[data-row='{row}'][data-col='{col}']"


def shown_kernels(page) -> torch.Tensor:
    values = page.evaluate(
        """() => [...document.querySelectorAll('.cb-cx .cb-grid')].map((grid) => {
          const k = Math.round(Math.sqrt(grid.children.length));
          return Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) =>
            Number(grid.querySelector(`input[data-row='${a}'][data-col='${b}']`).value
              .replace('−', '-'))));
        })"""
    )
    return torch.tensor(values, dtype=torch.float32)


def listed_sum(page) -> torch.Tensor:
    lines = page.locator(f"{BOX} .cb-values").text_content().strip().splitlines()
    return torch.tensor([[float(v) for v in line.split()] for line in lines])


def torch_sum(photo: torch.Tensor, K: torch.Tensor, bias: float = 0.0) -> torch.Tensor:
    return F.conv2d(photo[None], K[None], bias=torch.tensor([bias]))[0, 0]


def torch_maps(photo: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    return F.conv2d(photo[None], K[:, None], groups=3)[0]


def sum_colours(page, n: int) -> torch.Tensor:
    """The [r, g, b] at the centre of every cell of the drawn n x n sum."""
    colours = page.evaluate(
        """(n) => {
          const c = document.querySelector('.cb-cx .cb-sum canvas');
          const ctx = c.getContext('2d');
          const step = c.width / n;
          return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) =>
            [...ctx.getImageData(Math.floor((j + 0.5) * step), Math.floor((i + 0.5) * step), 1, 1)
              .data].slice(0, 3)));
        }""",
        n,
    )
    return torch.tensor(colours, dtype=torch.float64)


def check_drawn(page, photo: torch.Tensor, K: torch.Tensor, bias: float = 0.0) -> None:
    """The boxes show K; the listed sum is torch's; the drawing is red where torch's sum is
    clearly above zero and blue where clearly below; the scale's ends are the largest magnitude
    of the three maps and the sum."""
    torch.testing.assert_close(shown_kernels(page), K, atol=1e-6, rtol=0)
    expected = torch_sum(photo, K, bias)
    torch.testing.assert_close(listed_sum(page), expected, **CLOSE)
    bound = max(torch_maps(photo, K).abs().max().item(), expected.abs().max().item()) or 1.0
    canvas = page.locator(f"{BOX} .cb-sum canvas")
    assert float(canvas.get_attribute("data-high")) == pytest.approx(bound, rel=1e-5)
    assert float(canvas.get_attribute("data-low")) == pytest.approx(-bound, rel=1e-5)
    colours = sum_colours(page, expected.shape[0])
    clear = expected.abs() > 0.2 * bound
    red_minus_blue = colours[..., 0] - colours[..., 2]
    assert torch.equal(red_minus_blue[clear] > 0, expected[clear] > 0)
    assert clear.sum() > 0


def page_text(page) -> str:
    """Everything the widget writes and its boxes hold, but for refused typing: the box that
    holds it and the words that quote it."""
    return page.evaluate(
        """() => {
          const box = document.querySelector('.cb-cx');
          const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
          const texts = [];
          while (walker.nextNode()) {
            if (!walker.currentNode.parentElement.closest('.cb-refusal')) {
              texts.push(walker.currentNode.textContent);
            }
          }
          const values = [...box.querySelectorAll('input:not([aria-invalid]), select')]
            .map((c) => c.value);
          return [...texts, ...values].join(' ');
        }"""
    )


def assert_no_bad_numbers(page) -> None:
    assert not re.search(r"NaN|Infinity|undefined|null", page_text(page))


# ---- The tests ----


def test_editing_a_kernel_entry_redraws_torchs_sum(open_page, photo):
    page = open_page()
    K = torch.stack([kernel("sobel_x")] * 3)
    check_drawn(page, photo, K)
    page.fill(entry(0, 0, 1), "2")  # the red kernel's top middle
    K[0, 0, 1] = 2
    check_drawn(page, photo, K)
    assert page.locator(f"{BOX} .cb-preset[data-channel='0']").input_value() == ""
    assert page.locator(f"{BOX} .cb-preset[data-channel='1']").input_value() == "sobel_x"
    assert page.locator(f"{BOX} .cb-all").input_value() == ""
    page.fill(entry(2, 2, 0), "−0.5")  # the blue kernel's bottom left, with the minus sign
    K[2, 2, 0] = -0.5
    check_drawn(page, photo, K)
    page.fill(f"{BOX} .cb-bias", "0.25")
    check_drawn(page, photo, K, bias=0.25)
    assert_no_bad_numbers(page)


def test_presets_one_channel_and_all_of_them(open_page, photo):
    page = open_page()
    for c in (1, 2):  # green and blue left out: the sum is the red map
        page.select_option(f"{BOX} .cb-preset[data-channel='{c}']", "zero")
    K = torch.stack([kernel("sobel_x"), torch.zeros(3, 3), torch.zeros(3, 3)])
    check_drawn(page, photo, K)
    assert page.locator(f"{BOX} .cb-all").input_value() == "Sobel x on red only"
    torch.testing.assert_close(listed_sum(page), torch_maps(photo, K)[0], **CLOSE)

    page.select_option(f"{BOX} .cb-preset[data-channel='1']", "gaussian_blur_5")  # enlarges all
    assert page.locator(f"{BOX} .cb-size").input_value() == "5"
    blur = torch.tensor(ChannelExplorer().presets["gaussian_blur_5"])  # as sent: 4 decimals
    torch.testing.assert_close(blur, kernel("gaussian_blur_5"), atol=5.1e-5, rtol=0)
    K = torch.stack([F.pad(kernel("sobel_x"), (1, 1, 1, 1)), blur, torch.zeros(5, 5)])
    check_drawn(page, photo, K)

    page.select_option(f"{BOX} .cb-size", "1")  # the middle entries only
    check_drawn(page, photo, K[:, 2:3, 2:3])

    page.select_option(f"{BOX} .cb-all", "grey: the photo's weights (1 × 1)")
    grey = torch.tensor(GREY_WEIGHTS).reshape(3, 1, 1)
    check_drawn(page, photo, grey)
    page.select_option(f"{BOX} .cb-size", "3")  # padded with zeros round the middle
    check_drawn(page, photo, F.pad(grey, (1, 1, 1, 1)))
    assert page.locator(f"{BOX} .cb-all").input_value() == "grey: the photo's weights (1 × 1)"
    assert_no_bad_numbers(page)


# The kit's words (kit/number.js): they never quote the typed text back onto the page.
HOSTILE = [
    ("abc", "Not a number."),
    ("1e999", "Too large even for float64 (at most 1.8e+308 in size)."),
    ("-5000", f"Choose a value from −{LARGEST_ENTRY} to {LARGEST_ENTRY}."),
    ("", "Type a number."),
    ("0x1f", "Not a number."),
    ("<img src=x onerror=alert(1)>", "Not a number."),
    ("1,2,3", "Not a number."),
    ("undefined", "Not a number."),
]


def test_hostile_typing_is_refused_in_words_and_the_last_value_kept(open_page, photo):
    page = open_page()
    K = torch.stack([kernel("sobel_x")] * 3)
    message = page.locator(f"{BOX} .cb-channel[data-channel='1'] .cb-refusal")
    box = page.locator(entry(1, 1, 2))
    for typed, words in HOSTILE:
        box.fill(typed)
        assert message.text_content() == f"green kernel, row 1, column 2: {words} Kept 2.", typed
        assert box.get_attribute("aria-invalid") == "true"
        assert box.get_attribute("aria-describedby") == message.get_attribute("id")
        torch.testing.assert_close(listed_sum(page), torch_sum(photo, K), **CLOSE)
        assert page.evaluate("() => !document.querySelector('.cb-cx img')")  # text, not markup
    box.press("Tab")  # leaving the box puts the kept value back
    assert box.input_value() == "2" and box.get_attribute("aria-invalid") is None
    check_drawn(page, photo, K)
    box.fill("3")  # a valid number clears the words
    assert message.text_content() == "" and message.is_hidden()
    K[1, 1, 2] = 3
    check_drawn(page, photo, K)

    bias = page.locator(f"{BOX} .cb-bias")
    bias.fill("1.5")
    for typed, words in HOSTILE:
        bias.fill(typed)
        text = page.locator(f"{BOX} .cb-sum-row .cb-refusal").text_content()
        assert text == f"bias: {words} Kept 1.5.", typed
        torch.testing.assert_close(listed_sum(page), torch_sum(photo, K, 1.5), **CLOSE)
        assert_no_bad_numbers(page)
    bias.press("Tab")
    assert bias.input_value() == "1.5"


def test_the_keyboard_writes_out_one_sum(open_page, photo):
    """Focus the sum, move with the arrow keys: the three maps' values and the bias add up to
    the output there, each as torch computes it."""
    page = open_page()
    page.fill(f"{BOX} .cb-bias", "-0.5")
    K = torch.stack([kernel("sobel_x")] * 3)
    maps, total = torch_maps(photo, K), torch_sum(photo, K, -0.5)
    page.focus(f"{BOX} .cb-sum canvas")
    for key, times in [("ArrowDown", 12), ("ArrowRight", 7), ("ArrowLeft", 2), ("ArrowUp", 1)]:
        for _ in range(times):
            page.keyboard.press(key)
    i, j = 11, 5
    written = page.locator(f"{BOX} .cb-write-out").text_content()
    pattern = (
        rf"Y\[{i}, {j}\] = red \(?(\S+?)\)? \+ green \(?(\S+?)\)? \+ blue \(?(\S+?)\)? "
        r"\+ bias \(?(\S+?)\)? = (\S+)"
    )
    numbers = [float(v) for v in re.fullmatch(pattern, written).groups()]
    expected = [*maps[:, i, j].tolist(), -0.5, total[i, j].item()]
    assert numbers == pytest.approx(expected, rel=1e-3, abs=1e-3)
    page.keyboard.press("ArrowUp")
    assert page.locator(f"{BOX} .cb-write-out").text_content().startswith(f"Y[{i - 1}, {j}] =")


def test_every_control_has_a_name_and_the_keyboard_reaches_it(open_page):
    page = open_page()
    names = page.evaluate(
        """() => [...document.querySelectorAll('.cb-cx input, .cb-cx select, .cb-cx canvas')]
          .map((c) => c.ariaLabel || (c.closest('label') || {}).textContent || '')"""
    )
    assert len(names) == 1 + 1 + 3 + 27 + 1 + 4 + 3 + 1  # selects, entries, bias, canvases
    assert all(name.strip() for name in names)
    labels = page.evaluate(
        "() => [...document.querySelectorAll('.cb-cx .cb-grid input')].map((c) => c.ariaLabel)"
    )
    assert labels[:2] == ["red kernel, row 0, column 0", "red kernel, row 0, column 1"]
    assert {label.split()[0] for label in labels} == set(CHANNELS)
    page.focus(f"{BOX} .cb-size")
    page.keyboard.press("ArrowDown")  # a native select answers the arrow keys
    assert page.locator(f"{BOX} .cb-size").input_value() == "5"
    assert shown_kernels(page).shape == (3, 5, 5)


COLOURS = """() => {
  const box = document.querySelector('.cb-cx');
  return [getComputedStyle(box).color, getComputedStyle(box.querySelector('figcaption')).color,
          box.classList.contains('cb-dark')];
}"""


def test_themes_and_a_phone(open_page):
    """Text in the colour it inherits, in every theme; at 390 px with 5 x 5 kernels and a
    refusal showing nothing sticks out; axe-core finds nothing."""
    page = open_page(width=390)
    page.select_option(f"{BOX} .cb-size", "5")
    page.fill(entry(0, 4, 4), "not a number at all, and long")
    page.focus(f"{BOX} .cb-sum canvas")
    themes = {
        "book light": ("rgb(34, 40, 50)", False),
        "book dark": ("rgb(34, 40, 50)", False),  # the theme's light panel
        "JupyterLab dark": ("rgb(213, 213, 213)", True),
    }
    for theme, (text_colour, dark) in themes.items():
        set_theme(page, theme)
        assert page.evaluate(COLOURS) == [text_colour, text_colour, dark], theme
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], widths
        box = page.locator(BOX).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]) == [], theme
    assert_no_bad_numbers(page)


# Words for what is no number: refused in plain words, never quoted back onto the page; and a
# number too small for float64, which would otherwise be read as 0 without a word.
NOT_NUMBERS = ["NaN", "nan", "Infinity", "-Infinity", "+inf", "Inf"]
PLAIN = "Type a number made of digits."
UNDERFLOW = "Too small to tell from 0 (float64 stops near 1e-308); type 0 for 0."


def test_nan_infinity_and_underflow_are_refused_in_plain_words(open_page, photo):
    page = open_page()
    K = torch.stack([kernel("sobel_x")] * 3)
    message = page.locator(f"{BOX} .cb-channel[data-channel='1'] .cb-refusal")
    box = page.locator(entry(1, 1, 2))
    bias = page.locator(f"{BOX} .cb-bias")
    bias_message = page.locator(f"{BOX} .cb-sum-row .cb-refusal")
    bias.fill("1.5")
    for typed in NOT_NUMBERS:
        box.fill(typed)
        assert message.text_content() == f"green kernel, row 1, column 2: {PLAIN} Kept 2.", typed
        assert box.get_attribute("aria-invalid") == "true"
        bias.fill(typed)
        assert bias_message.text_content() == f"bias: {PLAIN} Kept 1.5.", typed
        assert typed not in page.locator(BOX).text_content().replace(PLAIN, ""), typed
        assert_no_bad_numbers(page)
        torch.testing.assert_close(listed_sum(page), torch_sum(photo, K, 1.5), **CLOSE)
    for typed in ["1e-400", "-2.5e-330"]:
        box.fill(typed)
        assert message.text_content() == f"green kernel, row 1, column 2: {UNDERFLOW} Kept 2."
        torch.testing.assert_close(listed_sum(page), torch_sum(photo, K, 1.5), **CLOSE)
    box.fill("0")  # a zero typed as zero is a zero
    assert message.text_content() == ""
    K[1, 1, 2] = 0
    check_drawn(page, photo, K, bias=1.5)
