"""The built book in Chromium with the network cut: pages load cleanly and the widgets compute."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import PurePosixPath

import pytest
import torch
from browser import Watch
from helpers import ROOT, toc_notebooks

from convbook import (
    corr2d,
    critical_lr,
    edge_image,
    kernel,
    learn_kernel,
    numbers_example,
    original_start,
)

HTML = ROOT / "_build" / "html"


@pytest.fixture(scope="module")
def site(book_site, chromium):
    return book_site, chromium


@pytest.fixture
def open_page(site):
    base, browser = site
    opened = []

    def open_(path: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        watch = Watch()
        watch.attach(page, route=False)  # the session's Chromium is OFFLINE
        page.goto(base + path, wait_until="networkidle")
        opened.append((context, watch))
        return page, watch

    yield open_
    for context, watch in opened:
        context.close()
        assert watch.problems() == []


def pages() -> list[str]:
    return sorted(
        p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html") if "_static" not in p.parts
    )


# Every address of a font that the page's style sheets (and the styles scripts insert) name.
FONT_FACES = """() => [...document.styleSheets].flatMap((sheet) => {
  try { return [...sheet.cssRules]; } catch { return []; }
}).filter((rule) => rule instanceof CSSFontFaceRule).flatMap((rule) =>
  [...rule.style.getPropertyValue("src").matchAll(/url\\("?([^")]+)"?\\)/g)].map((m) =>
    new URL(m[1], rule.parentStyleSheet.href || document.baseURI).href))"""


def test_every_page_loads_only_from_the_site_without_errors(site, open_page):
    """A font is fetched only when a glyph needs it, so a font that is not there may go unseen
    by the requests: every font a page declares is checked to be a file of the site."""
    (base, _), math_pages, widget_fonts = site, 0, set()
    for path in pages():
        page, watch = open_page(path)
        assert watch.problems() == [], path
        fonts = {url.split("?")[0] for url in page.evaluate(FONT_FACES) if url.startswith(base)}
        assert [url for url in fonts if not (HTML / url.removeprefix(base)).is_file()] == [], path
        widget_fonts |= {url for url in fonts if "/_static/widgets/" in url}
        if page.locator(".math").count():
            page.wait_for_selector("mjx-container", state="attached", timeout=20_000)
            math_pages += 1
    assert math_pages >= 3
    assert widget_fonts, "no page declared the widget manager's icon fonts"


def test_the_notebooks_zip_downloads_from_the_menu(open_page):
    page, _ = open_page("book/intro.html")
    page.click(".dropdown-download-buttons .dropdown-toggle")
    link = page.locator(".btn-download-notebooks-zip-button")
    link.wait_for()  # shown once the menu opens
    assert link.text_content().strip() == "all notebooks (.zip)"
    data = link.evaluate(
        """async (a) => {
          const bytes = new Uint8Array(await (await fetch(a.href)).arrayBuffer());
          let text = "";
          for (let i = 0; i < bytes.length; i += 0x8000) {
            text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          }
          return btoa(text);
        }"""
    )
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(data))) as archive:
        names = {PurePosixPath(n).name for n in archive.namelist() if n.endswith(".ipynb")}
    assert names == {path.name for path in toc_notebooks()}


def numbers(text: str) -> torch.Tensor:
    return torch.tensor([[float(v) for v in line.split()] for line in text.strip().splitlines()])


def output_values(page) -> torch.Tensor:
    return numbers(page.locator(".cb-kx .cb-output").text_content())


def test_kernel_explorer_computes_in_the_page(open_page):
    page, _ = open_page("book/edge-detection.html")
    box = page.locator(".cb-kx")
    box.wait_for()
    X = edge_image()
    assert "Output shape 6 × 7 = (6 − 1 + 1) × (8 − 2 + 1)" in box.text_content()
    torch.testing.assert_close(output_values(page), corr2d(X, kernel("edge")))

    for name in (
        "edge_transposed",
        "box_blur",
        "sobel_x",
        "gaussian_blur_5",
        "laplacian",
        "sharpen",
    ):
        page.select_option(".cb-kx .cb-preset", name)
        expected = corr2d(X, kernel(name))
        assert f"Output shape {expected.shape[0]} × {expected.shape[1]}" in box.text_content()
        torch.testing.assert_close(output_values(page), expected, atol=2e-3, rtol=0)

    page.select_option(".cb-kx .cb-preset", "edge")
    page.select_option(".cb-kx .cb-operation", "convolution")
    torch.testing.assert_close(output_values(page), -corr2d(X, kernel("edge")))
    page.select_option(".cb-kx .cb-operation", "cross-correlation")

    page.fill(".cb-kx .cb-value[data-row='0'][data-col='1']", "-2")
    torch.testing.assert_close(output_values(page), corr2d(X, torch.tensor([[1.0, -2.0]])))
    assert page.locator(".cb-kx .cb-preset").input_value() == ""


def test_kernel_explorer_hover_writes_the_sum_of_products(open_page):
    page, _ = open_page("book/edge-detection.html")
    page.locator(".cb-kx").wait_for()
    page.select_option(".cb-kx .cb-image", "numbers 0 to 8 (3 × 3)")
    page.select_option(".cb-kx .cb-rows", "2")
    page.select_option(".cb-kx .cb-cols", "2")
    X, K = numbers_example()
    for (row, col), value in zip([(0, 0), (0, 1), (1, 0), (1, 1)], K.flatten().tolist()):
        page.fill(f".cb-kx .cb-value[data-row='{row}'][data-col='{col}']", str(int(value)))
    torch.testing.assert_close(output_values(page), corr2d(X, K))
    output = page.locator(".cb-kx figure canvas").nth(2)
    output.hover(position={"x": 5, "y": 5})
    assert page.locator(".cb-kx .cb-hover").text_content() == "Y[0,0] = 0×0 + 1×1 + 3×2 + 4×3 = 19"
    box = output.bounding_box()
    output.hover(position={"x": box["width"] - 5, "y": box["height"] - 5})
    assert page.locator(".cb-kx .cb-hover").text_content() == "Y[1,1] = 4×0 + 5×1 + 7×2 + 8×3 = 43"

    page.mouse.move(0, 0)
    output.focus()  # the keyboard reaches every output too
    hover_text = page.locator(".cb-kx .cb-hover")
    assert hover_text.text_content() == "Y[0,0] = 0×0 + 1×1 + 3×2 + 4×3 = 19"
    page.keyboard.press("ArrowRight")
    assert hover_text.text_content() == "Y[0,1] = 1×0 + 2×1 + 4×2 + 5×3 = 25"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # stays on the last row
    assert hover_text.text_content() == "Y[1,1] = 4×0 + 5×1 + 7×2 + 8×3 = 43"
    page.keyboard.press("Escape")
    assert hover_text.text_content().startswith("Hover over an output cell")
    page.click(".cb-kx .cb-step")  # play and step write out the same sums, in reading order
    assert hover_text.text_content() == "Y[0,0] = 0×0 + 1×1 + 3×2 + 4×3 = 19"

    page.select_option(".cb-kx .cb-image", "photo (32 × 32)")
    assert "Output shape 31 × 31" in page.locator(".cb-kx .cb-shape").text_content()


def slider_lr(position: int) -> float:
    return float(f"{1e-3 * 100 ** (position / 1000):.4g}")


def shown_kernel(text: str) -> torch.Tensor:
    """The kernel printed in 'Kernel after N epochs: [a, b; c, d]. Loss ...'."""
    inside = text.split("[", 1)[1].split("]", 1)[0]
    return torch.tensor([[float(v) for v in row.split(",")] for row in inside.split(";")])


def test_learning_rate_explorer_trains_in_the_page(open_page):
    page, _ = open_page("book/learning-a-kernel.html")
    box = page.locator(".cb-lr")
    box.wait_for()
    X = edge_image()
    Y = corr2d(X, kernel("edge"))
    init = original_start()
    status, final = box.locator(".cb-status"), box.locator(".cb-final")
    assert status.text_content().startswith("Converges")
    assert final.text_content().startswith("Kernel after 50 epochs: [1.0000, -1.0000]. ")
    mark = box.locator(".cb-mark").text_content()
    assert "critical rate 0.033333" in mark and critical_lr(X) == pytest.approx(1 / 30)
    assert [box.locator(".cb-start input").nth(n).input_value() for n in (0, 1)] == [
        "-0.410186",
        "-0.148102",
    ]

    for position in (100, 500, 840, 920, 1000):
        page.fill(".cb-lr .cb-lr-slider", str(position))
        lr = slider_lr(position)
        assert float(box.locator(".cb-lr-value").input_value()) == lr
        assert (
            box.locator(".cb-lr-slider")
            .get_attribute("aria-valuetext")
            .startswith(f"learning rate {lr:g}, ")
        )
        run = learn_kernel(X, Y, lr=lr, init=init)
        text = status.text_content()
        if run.overflowed:
            assert f"overflows at epoch {run.diverged_at}" in text
        elif lr > 1 / 30:
            rise = next(e for e, loss in enumerate(run.losses, 1) if loss > run.losses[0])
            assert (
                text.startswith("Diverges") and f"passes its starting value at epoch {rise}" in text
            )
        else:
            assert text.startswith("Converges")
        torch.testing.assert_close(
            shown_kernel(final.text_content()), run.kernel, atol=5e-5, rtol=6e-4
        )
        assert "NaN" not in text and "Infinity" not in final.text_content()

    page.fill(".cb-lr .cb-lr-slider", "1000")
    assert "overflows at epoch 29" in status.text_content()
    page.fill(".cb-lr .cb-epochs", "10")
    assert box.locator(".cb-epochs-value").input_value() == "10"
    assert status.text_content().startswith("Diverges")
    page.fill(".cb-lr .cb-lr-slider", "740")
    run = learn_kernel(X, Y, lr=slider_lr(740), epochs=10, init=init)
    assert final.text_content().startswith("Kernel after 10 epochs")
    torch.testing.assert_close(shown_kernel(final.text_content()), run.kernel, atol=5e-5, rtol=0)

    page.fill(".cb-lr .cb-start input >> nth=0", "0.5")
    edited = init.clone()
    edited[0, 0] = 0.5  # the reader's new first weight; the second stays the original's
    run = learn_kernel(X, Y, lr=slider_lr(740), epochs=10, init=edited)
    torch.testing.assert_close(shown_kernel(final.text_content()), run.kernel, atol=5e-5, rtol=0)

    page.select_option(".cb-lr .cb-problem", index=1)  # the 3 x 3 Sobel kernel from the photo
    assert box.locator(".cb-start input").count() == 9
    assert "Kernel after 10 epochs: [" in final.text_content()
    assert final.text_content().count(";") == 2  # three rows


def test_widget_pages_work_opened_as_files(site):
    """The README says the built folder can be opened without a server: check it."""
    _, browser = site
    page = browser.new_page()
    watch = Watch()
    watch.attach(page)
    for name, selector in [("edge-detection", ".cb-kx"), ("learning-a-kernel", ".cb-lr")]:
        page.goto((HTML / "book" / f"{name}.html").as_uri(), wait_until="load")
        page.locator(selector).wait_for(timeout=20_000)
    assert page.locator(".cb-lr .cb-status").text_content().startswith("Converges")
    page.fill(".cb-lr .cb-lr-slider", "1000")
    assert "overflows at epoch 29" in page.locator(".cb-lr .cb-status").text_content()
    page.close()
    assert watch.outside == [] and watch.errors == []
