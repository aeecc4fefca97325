"""The network explorer in Chromium with the network cut: the probabilities it shows for a
held-out digit, for a stroke drawn with the mouse and for cells inked with the keys are
PyTorch's (SmallCNN on the same stored weights) to the printed digits; the epoch slider shows
each stored snapshot's; Clear; the receptive-field words; themes (axe) and a phone's width.

The page is the widget exported by ipywidgets and served with the files the book serves for
widgets, as in test_pooling_browser.py."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from browser import (
    WCAG21_AA,
    axe_violations,
    widget_pages,
)

from convbook.network import digits, train_network
from convbook.widgets import NetworkExplorer
from convbook.widgets.network_explorer import BRUSH, NAMES

EPOCHS = (0, 1, 3)
SIDE = 20


@pytest.fixture(scope="module")
def site(widget_site, chromium):
    data = digits()
    record = train_network(data, epochs=3)
    explorer = NetworkExplorer(record, data, epochs=EPOCHS)
    base, _ = widget_site.add("network", explorer, "Network explorer")
    return base, chromium, explorer, record


@pytest.fixture
def open_page(site):
    base, browser, explorer, record = site

    def opened(width: int = 1280, dark: bool = False):
        return open_(width, "dark" if dark else None)[0]

    with widget_pages(browser, base, ".cb-nx canvas.cb-input") as open_:
        yield opened, explorer, record


def shown(page) -> list[str]:
    return page.locator(".cb-nx .cb-p").all_text_contents()


def printed(model, image: torch.Tensor) -> list[str]:
    """torch's probabilities as the page prints them."""
    with torch.no_grad():
        p = F.softmax(model(image[None, None])[0], dim=0)
    return [f"{100 * v:.1f} %" for v in p.tolist()]


def paint(image: torch.Tensor, r: int, c: int) -> torch.Tensor:
    """The explorer's pen (BRUSH) put down at (r, c), as network_draw.js does."""
    image = image.clone()
    for dr, dc, ink in BRUSH:
        if 0 <= r + dr < SIDE and 0 <= c + dc < SIDE:
            image[r + dr, c + dc] = max(image[r + dr, c + dc].item(), ink)
    return image


def centre(box: dict, r: int, c: int) -> tuple[float, float]:
    return box["x"] + (c + 0.5) * box["width"] / SIDE, box["y"] + (r + 0.5) * box["height"] / SIDE


def test_a_held_out_digit_shows_torchs_probabilities_and_verdict(open_page):
    open_, explorer, record = open_page
    page = open_()
    for digit in (explorer.digits[0], explorer.digits[-1]):
        page.select_option(".cb-nx .cb-digit", digit["name"])
        image = explorer.digit_image(digit["name"])
        assert shown(page) == printed(explorer.model(EPOCHS[-1]), image)
        assert shown(page) == printed(record.model, image)  # the trained float64 network too
        best = int(torch.tensor([float(t.split()[0]) for t in shown(page)]).argmax())
        verdict = page.locator(".cb-nx .cb-verdict").text_content()
        assert verdict.startswith(f"The network reads {NAMES[best]} ({best})")
        assert f"is {NAMES[digit['label']]} ({digit['label']})" in verdict
        assert page.locator(".cb-nx .cb-best .cb-class").text_content() == f"{best} {NAMES[best]}"


def test_the_epoch_slider_shows_each_snapshots_probabilities(open_page):
    open_, explorer, record = open_page
    page = open_()
    image = explorer.digit_image(explorer.choice)
    slider = page.locator(".cb-nx .cb-epoch")
    slider.focus()
    page.keyboard.press("Home")
    for n, epoch in enumerate(EPOCHS):
        if n:
            page.keyboard.press("ArrowRight")
        assert shown(page) == printed(record.snapshot(epoch), image), epoch
        assert shown(page) == printed(explorer.model(epoch), image), epoch
        words = page.locator(".cb-nx .cb-epoch-words").text_content()
        assert words.startswith(
            "epoch 0 (the random start)" if epoch == 0 else f"after epoch {epoch}:"
        )
    assert len({tuple(printed(record.snapshot(e), image)) for e in EPOCHS}) == len(EPOCHS)


def test_clear_then_a_drawn_stroke_shows_torchs_probabilities(open_page):
    open_, explorer, _ = open_page
    page = open_()
    page.click(".cb-nx .cb-clear")
    assert page.locator(".cb-nx .cb-digit").input_value() == "your drawing"
    blank = torch.zeros(SIDE, SIDE, dtype=torch.float64)
    model = explorer.model(EPOCHS[-1])
    assert shown(page) == printed(model, blank)
    box = page.locator(".cb-nx canvas.cb-input").bounding_box()
    expected = blank
    for (r0, c0), (r1, c1) in (((4, 6), (4, 13)), ((4, 13), (16, 13))):  # a seven, row then column
        page.mouse.move(*centre(box, r0, c0))
        page.mouse.down()
        page.mouse.move(*centre(box, r1, c1), steps=9)
        page.mouse.up()
        for r in range(min(r0, r1), max(r0, r1) + 1):
            for c in range(min(c0, c1), max(c0, c1) + 1):
                expected = paint(expected, r, c)
    assert shown(page) == printed(model, expected)
    assert shown(page) != printed(model, blank)
    page.click(".cb-nx .cb-clear")
    assert shown(page) == printed(model, blank)


def test_keyboard_drawing_inks_and_wipes_cells(open_page):
    open_, explorer, _ = open_page
    page = open_()
    page.click(".cb-nx .cb-clear")
    page.locator(".cb-nx canvas.cb-input").focus()  # the pen starts at the centre
    expected, (r, c) = torch.zeros(SIDE, SIDE, dtype=torch.float64), (SIDE // 2, SIDE // 2)
    for key in (
        ["ArrowUp"] * 5 + ["Space"] + ["ArrowDown", "Space"] * 9 + ["ArrowLeft"] * 3 + ["Space"]
    ):
        page.keyboard.press(key)
        if key == "Space":
            expected = paint(expected, r, c)
        else:
            r, c = {"ArrowUp": (r - 1, c), "ArrowDown": (r + 1, c), "ArrowLeft": (r, c - 1)}[key]
    model = explorer.model(EPOCHS[-1])
    assert shown(page) == printed(model, expected)
    page.keyboard.press("ArrowLeft")  # beside the last cell inked: half ink there
    c -= 1
    assert expected[r, c] == 0.5
    page.keyboard.press("Space")  # Space inks it fully
    expected = paint(expected, r, c)
    assert shown(page) == printed(model, expected)
    page.keyboard.press("Space")  # now full ink: Space wipes it
    expected[r, c] = 0
    assert shown(page) == printed(model, expected)


def test_hovering_a_cell_names_its_receptive_field(open_page):
    open_, _, _ = open_page
    page = open_()
    layer = page.locator(".cb-nx canvas.cb-layer").nth(3)  # pool2: 16 maps of 4 x 4
    layer.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    words = page.locator(".cb-nx .cb-hover").text_content()
    assert words.startswith("pool2, map 1, row 2, column 2:")
    assert "input rows 3 to 12 and columns 3 to 12 (10 × 10 pixels)" in words


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_axe_finds_nothing_in_the_widget(open_page, dark):
    open_, _, _ = open_page
    page = open_(dark=dark)
    page.locator(".cb-nx canvas.cb-layer").first.hover()
    assert axe_violations(page, WCAG21_AA) == []


def test_a_phone_390_px_wide_shows_it_all_without_scrolling_sideways(open_page):
    open_, explorer, _ = open_page
    page = open_(width=390)
    widths = page.evaluate(
        """() => [document.documentElement.scrollWidth,
                  ...[...document.querySelectorAll('.cb-nx canvas, .cb-nx .cb-bars')]
                     .map((e) => e.getBoundingClientRect().right)]"""
    )
    assert max(widths) <= 390, widths
    assert shown(page) == printed(explorer.model(EPOCHS[-1]), explorer.digit_image(explorer.choice))
