"""The filters explorer in Chromium with the network cut: the slider draws each stored snapshot of
the first layer's filters, and the page computes the feature maps PyTorch computes.

As in test_window_browser.py, the page is the widget exported by ipywidgets (embed_minimal_html)
with the scripts the book serves for widgets, so it tests the current bundle without a build.
"""

from __future__ import annotations

import re

import pytest
import torch
from browser import (
    axe_violations,
    set_theme,
    widget_pages,
)

from convbook.network import digits, train_network
from convbook.widgets import FiltersExplorer

EPOCHS = 3


@pytest.fixture(scope="module")
def trained():
    data = digits()
    return train_network(data, epochs=EPOCHS), data.test_images[0, 0]


@pytest.fixture(scope="module")
def site(widget_site, chromium, trained):
    base, _ = widget_site.add("filters", FiltersExplorer(*trained), "Filters explorer")
    return base, chromium


@pytest.fixture
def open_page(site):
    base, browser = site
    with widget_pages(browser, base, ".cb-fx canvas") as open_:
        yield lambda width=1280: open_(width)[0]


def text(page, selector: str) -> str:
    return page.locator(f".cb-fx {selector}").first.text_content()


def shown_filters(page) -> torch.Tensor:
    """The filters as the page writes them out under "Filter values" (3 decimals)."""
    blocks = text(page, ".cb-values").strip().split("\n\n")
    filters = []
    for n, block in enumerate(blocks):
        title, *rows = block.splitlines()
        assert title == f"filter {n + 1}"
        filters.append([[float(v) for v in row.split()] for row in rows])
    return torch.tensor(filters, dtype=torch.float64)


def cell_colours(page, k: int) -> list[list[list[list[int]]]]:
    """The [r, g, b] at the centre of every cell of every filter canvas."""
    return page.evaluate(
        """(k) => [...document.querySelectorAll('.cb-fx .cb-grid')[0].querySelectorAll('canvas')]
          .map((c) => {
            const ctx = c.getContext('2d');
            const cell = c.width / k;
            return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) =>
              [...ctx.getImageData(Math.floor((j + 0.5) * cell), Math.floor((i + 0.5) * cell), 1, 1)
                .data].slice(0, 3)));
          })""",
        k,
    )


def map_ranges(page) -> torch.Tensor:
    values = page.evaluate(
        """() => [...document.querySelectorAll('.cb-fx .cb-maps .cb-grid canvas')]
          .map((c) => [Number(c.dataset.low), Number(c.dataset.high)])"""
    )
    return torch.tensor(values, dtype=torch.float64)


def status(record, epoch: int) -> str:
    if epoch == 0:
        return f"Epoch 0 of {record.epochs}: the random start, before any training."
    return (
        f"After epoch {epoch} of {record.epochs}: held-out accuracy "
        f"{100 * record.accuracies[epoch - 1]:.1f} %, mean training loss "
        f"{record.losses[epoch - 1]:.3f}."
    )


def check_epoch(page, trained, epoch: int) -> None:
    """Words, written values, colours and the maps' ranges are those of snapshot ``epoch``."""
    record, image = trained
    assert text(page, ".cb-status") == status(record, epoch)
    assert page.locator(".cb-fx .cb-epoch").input_value() == str(epoch)
    explorer = FiltersExplorer(record, image, epoch=epoch)
    expected = explorer.filters  # the snapshot as sent to the page: 4 decimals
    torch.testing.assert_close(expected, record.filters[epoch], atol=5e-5, rtol=0)
    torch.testing.assert_close(shown_filters(page), expected, atol=5.0001e-4, rtol=0)
    bound = record.filters.abs().max().item()
    colours = torch.tensor(cell_colours(page, expected.shape[-1]), dtype=torch.float64)
    red_minus_blue = colours[..., 0] - colours[..., 2]
    clear = expected.abs() > 0.15 * bound  # far enough from white to have a clear hue
    assert clear.sum() > 10
    assert torch.equal(red_minus_blue[clear] > 0, expected[clear] > 0), epoch  # red +, blue -
    maps = explorer.feature_maps
    expected_ranges = torch.stack([maps.flatten(1).min(1).values, maps.flatten(1).max(1).values], 1)
    torch.testing.assert_close(map_ranges(page), expected_ranges, atol=1e-9, rtol=0)


def test_the_slider_draws_each_stored_snapshot(open_page, trained):
    page = open_page()
    check_epoch(page, trained, EPOCHS)  # it opens on the trained filters
    drawings = set()
    for epoch in range(EPOCHS, -1, -1):
        page.fill(".cb-fx .cb-epoch", str(epoch))
        check_epoch(page, trained, epoch)
        drawings.add(page.evaluate("document.querySelector('.cb-fx canvas').toDataURL()"))
    assert len(drawings) == EPOCHS + 1  # every snapshot looks different
    label = page.locator(".cb-fx .cb-grid canvas").first.get_attribute("aria-label")
    assert re.fullmatch(r"filter 1, 3 by 3, rows: .+", label)


def test_the_keyboard_and_play(open_page, trained):
    page = open_page()
    slider = page.locator(".cb-fx .cb-epoch")
    slider.focus()
    page.keyboard.press("Home")
    check_epoch(page, trained, 0)
    assert slider.get_attribute("aria-valuetext") == f"epoch 0 of {EPOCHS}, the random start"
    page.keyboard.press("ArrowRight")
    check_epoch(page, trained, 1)
    page.focus(".cb-fx .cb-play")
    page.keyboard.press("Enter")
    assert text(page, ".cb-play") == "Pause"
    page.wait_for_function(
        "() => document.querySelector('.cb-fx .cb-play').textContent === 'Play'", timeout=10_000
    )
    check_epoch(page, trained, EPOCHS)  # played to the end, and stopped there
    page.keyboard.press("Enter")  # from the end, play starts over
    check_epoch(page, trained, 0)
    page.keyboard.press("Enter")  # pause
    page.wait_for_timeout(1600)
    check_epoch(page, trained, 0)


COLOURS = """() => {
  const box = document.querySelector('.cb-fx');
  return [getComputedStyle(box).color, getComputedStyle(box.querySelector('figcaption')).color,
          box.classList.contains('cb-dark')];
}"""


def test_themes_and_a_phone(open_page):
    """Text in the colour it inherits, in every theme; at 390 px nothing sticks out; axe-core
    finds nothing."""
    page = open_page(width=390)
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
        box = page.locator(".cb-fx").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]) == [], theme


def test_the_panel_titles_keep_the_page_heading_order(open_page):
    """The widget sits under whatever heading a chapter gives it: its panel titles are no
    headings of their own level (axe's heading-order), but each names its group."""
    page = open_page()
    found = axe_violations(page, ["best-practice"])
    assert [v for v in found if v["rule"] == "heading-order" or v["region"] == "widget"] == []
    names = page.evaluate(
        """() => [...document.querySelectorAll('.cb-fx [role=group]')].map((g) =>
          document.getElementById(g.getAttribute('aria-labelledby')).textContent)"""
    )
    assert names == ["First-layer filters", "Their feature maps of one digit (before the ReLU)"]
