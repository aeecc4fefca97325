"""The frequency explorer in Chromium with the network cut: kernel families and parameters,
presets and typed entries redraw the spectra with the values torch.fft computes (read from the
pictures' labels, the summary and the readout of a frequency cell), refused typing is said in
words and keeps the last kernel, the keys work, axe-core finds nothing in light and dark, a
390 px phone fits, no text is under 12 px in the book's column or on a phone, and a random
sequence of actions stays torch's after every step.

The page is the widget exported by ipywidgets and served with the files the book serves for
widgets, as in test_pooling_browser.py."""

from __future__ import annotations

import os
import random
import re

import pytest
import torch
from browser import (
    BOOK_WIDTHS,
    CANVAS_RECORDER,
    WCAG21_AA,
    axe_violations,
    in_column,
    set_theme,
    text_sizes,
    widget_pages,
)

from convbook import frequency
from convbook.kernels import directional_kernel, gaussian_kernel, sharpen_kernel
from convbook.widgets import FrequencyExplorer

FX = ".cb-fqx "
BAD_WORDS = re.compile(r"NaN|Infinity|undefined")
HOSTILE = ["", "abc", "1,5", "NaN", "Infinity", "0x3", "1e309", "1e-400", "1001", "-2000", "3 4"]
REL = 6e-4  # the page writes 4 significant digits
SPECTRA = ["image-spectrum", "kernel-spectrum", "product"]


@pytest.fixture(scope="module")
def site(widget_site, chromium):
    explorer = FrequencyExplorer()
    base, _ = widget_site.add("frequency", explorer, "Frequency explorer")
    images = {n: torch.tensor(r, dtype=torch.float64) for n, r in explorer.images.items()}
    return base, chromium, images


@pytest.fixture
def open_page(site):
    base, browser, images = site

    def with_images(page):
        page.images = images
        return page

    with widget_pages(browser, base, FX + "canvas") as open_:
        # record: what the canvases are drawn with (browser.CANVAS_RECORDER)
        yield lambda width=1280, record=False: with_images(
            open_(width, init_script=CANVAS_RECORDER if record else None)[0]
        )


SNAPSHOT = """() => {
  const box = document.querySelector('.cb-fqx');
  const label = (name) =>
    box.querySelector(`.cb-panel-${name} .cb-picture`).getAttribute('aria-label');
  const boxes = [...box.querySelectorAll('.cb-grid .cb-value')];
  const cols = box.querySelector('.cb-grid').style.gridTemplateColumns.match(/repeat\\((\\d+)/)[1];
  const words = [box.innerText,
    ...[...box.querySelectorAll('input:not([aria-invalid]), select')].map((e) => String(e.value)),
    ...[...box.querySelectorAll('[aria-valuetext], [aria-label]')].map(
      (e) => `${e.getAttribute('aria-valuetext') || ''} ${e.getAttribute('aria-label') || ''}`)];
  return { image: box.querySelector('.cb-image').value,
           family: box.querySelector('.cb-family').value,
           cols: Number(cols),
           entries: boxes.map((b) => (b.getAttribute('aria-invalid') ? null : b.value)),
           labels: Object.fromEntries(['image-spectrum', 'kernel-spectrum', 'product', 'map']
             .map((n) => [n, label(n)])),
           hover: box.querySelector('.cb-hover').textContent,
           summary: box.querySelector('.cb-summary').textContent,
           problem: box.querySelector('.cb-problem').textContent, words: words.join('\\n') };
}"""


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def close(shown: float, true: float) -> bool:
    return shown == pytest.approx(true, rel=REL, abs=1e-9)


def kernel_of(shot: dict) -> torch.Tensor:
    values = [number(v) for v in shot["entries"]]
    return torch.tensor(values, dtype=torch.float64).reshape(-1, shot["cols"])


def check_drawn(view, shot: dict | None = None) -> dict:
    """The page shows no error word, and every number it shows of the spectra and the map is
    torch's for the image and kernel it shows."""
    shot = shot or view.evaluate(SNAPSHOT)
    assert not BAD_WORDS.search(shot["words"]), BAD_WORDS.search(shot["words"])
    assert None not in shot["entries"], "a box still holds refused text"
    X, K = view.images[shot["image"]], kernel_of(shot)
    h, w = X.shape
    spectra = {
        "image-spectrum": torch.fft.fft2(X),
        "kernel-spectrum": torch.fft.fft2(K, s=(h, w)),
    }
    spectra["product"] = spectra["image-spectrum"] * spectra["kernel-spectrum"].conj()
    magnitudes = {name: torch.fft.fftshift(S.abs()) for name, S in spectra.items()}
    for name, M in magnitudes.items():
        words = shot["labels"][name]
        assert words.startswith(f"{name.replace('-', ' ')}, {h} by {w}, zero frequency"), words
        low, high, top, zero = map(
            number,
            re.search(
                r"from (\S+) to (\S+); largest magnitude (\S+), at zero frequency (\S+):", words
            ).groups(),
        )
        assert close(top, M.max().item()) and close(zero, M[h // 2, w // 2].item()), (name, words)
        if M.max() > 0:
            assert close(high, M.max().log10().item()) and close(low, high - 6), words
    Y = frequency.circular_correlate(X, K)
    low, high = map(number, re.search(r"from (\S+) to (\S+)$", shot["labels"]["map"]).groups())
    assert close(low, Y.min().item()) and close(high, Y.max().item()), shot["labels"]["map"]
    R = magnitudes["kernel-spectrum"]
    summary = [number(v) for v in re.findall(r"(\S+) at (?:zero|the fastest)", shot["summary"])]
    expected = [R[h // 2, w // 2], R[h // 2, 0], R[0, w // 2], R[0, 0]]
    assert all(close(s, e.item()) for s, e in zip(summary, expected)), shot["summary"]
    at = re.match(r"Frequency down (\S+), across (\S+) cycles per pixel: (.*)", shot["hover"])
    if at:
        fd, fa = number(at[1]), number(at[2])
        i, j = round(fd * h) + h // 2, round(fa * w) + w // 2
        assert close(fd, (i - h // 2) / h) and close(fa, (j - w // 2) / w)
        shown = [number(v) for v in re.findall(r"\| (\S+?)(?:\.$| |$)", at[3])[:3]]
        true = [magnitudes[n][i, j].item() for n in SPECTRA]
        assert all(close(s, t) for s, t in zip(shown, true)), (shot["hover"], true)
    return shot


def test_families_and_parameters_redraw_the_kernel_spectrum_as_torch(open_page):
    view = open_page()
    view.select_option(FX + ".cb-image", "photo (32 × 32)")
    view.select_option(FX + ".cb-family", "gaussian")
    before = check_drawn(view)["labels"]["kernel-spectrum"]
    for sigma, size in [(0.3, 3), (0.7, 5), (1.5, 5), (3.0, 3)]:
        view.fill(FX + ".cb-sigma", str(sigma))
        view.fill(FX + ".cb-size", str(size))
        shot = check_drawn(view)
        expected = gaussian_kernel(sigma, size, torch.float64)
        torch.testing.assert_close(kernel_of(shot), expected, atol=5e-5, rtol=0)
    assert shot["labels"]["kernel-spectrum"] != before
    view.select_option(FX + ".cb-family", "directional")
    for theta in (0, 45, 90, 200):
        view.fill(FX + ".cb-theta", str(theta))
        expected = directional_kernel(theta, torch.float64)
        torch.testing.assert_close(kernel_of(check_drawn(view)), expected, atol=5e-5, rtol=0)
    view.select_option(FX + ".cb-family", "sharpen")
    for amount in (0, 1, 2.5):
        view.fill(FX + ".cb-amount", str(amount))
        expected = sharpen_kernel(amount, torch.float64)
        torch.testing.assert_close(kernel_of(check_drawn(view)), expected, atol=5e-5, rtol=0)
    for preset in ("box_blur", "gaussian_blur_5", "sobel_x", "laplacian", "sharpen", "edge"):
        view.select_option(FX + ".cb-preset", preset)
        check_drawn(view)


def test_blurs_keep_the_mean_and_edges_remove_it(open_page):
    """What the chapter asks the reader to try: the summary says low-pass or high-pass."""
    view = open_page()
    view.select_option(FX + ".cb-preset", "gaussian_blur_5")
    zero, *_, both = (number(v) for v in re.findall(r"(\S+) at", check_drawn(view)["summary"]))
    assert zero == pytest.approx(1, abs=1e-3) and both < 1e-3  # entries kept to 4 decimals
    view.select_option(FX + ".cb-preset", "laplacian")
    zero, *_, both = (number(v) for v in re.findall(r"(\S+) at", check_drawn(view)["summary"]))
    assert zero < 1e-9 and close(both, 8)


def test_keys_and_hover_read_a_frequency_cell(open_page):
    view = open_page()
    spectrum = view.locator(FX + ".cb-panel-kernel-spectrum .cb-picture")
    spectrum.focus()
    assert check_drawn(view)["hover"].startswith("Frequency down −0.5, across −0.5 ")
    for key, words in [
        ("ArrowRight", "down −0.5, across −0.4844"),
        ("ArrowDown", "down −0.4844, across −0.4844"),
        ("End", "down 0.4844, across 0.4844"),
        ("Home", "down −0.5, across −0.5"),
    ]:
        view.keyboard.press(key)
        assert words in check_drawn(view)["hover"], key
    view.locator(FX + ".cb-panel-product .cb-picture").focus()  # the spectra share the cursor
    assert "down −0.5, across −0.5" in check_drawn(view)["hover"]
    box = view.locator(FX + ".cb-panel-image-spectrum .cb-picture").bounding_box()
    view.mouse.move(box["x"] + box["width"] * 0.51, box["y"] + box["height"] * 0.51)
    shot = check_drawn(view)
    assert shot["hover"].startswith("Frequency down 0, across 0 cycles per pixel")
    assert shot["hover"].endswith("the sums of the image's pixels and of the kernel's entries.")


def test_refused_entries_are_said_in_words_and_the_kernel_kept(open_page):
    view = open_page()
    view.select_option(FX + ".cb-preset", "sobel_x")
    before = check_drawn(view)
    entry = FX + '.cb-value[data-row="1"][data-col="2"]'
    for text in HOSTILE:
        view.fill(entry, text)
        shot = view.evaluate(SNAPSHOT)
        assert shot["problem"].startswith("Entry row 1, column 2: "), (text, shot["problem"])
        assert shot["problem"].endswith("the kernel keeps 2."), shot["problem"]
        assert not BAD_WORDS.search(shot["problem"])
        assert view.get_attribute(entry, "aria-invalid") == "true"
        assert shot["labels"] == before["labels"], text
        view.press(entry, "Tab")  # leaving puts the kept value back
        assert check_drawn(view)["entries"] == before["entries"]
    view.fill(entry, "−0.5")  # the typographic minus is read
    shot = check_drawn(view)
    assert shot["problem"] == "" and kernel_of(shot)[1, 2] == -0.5


COLOURS = """() => {
  const box = document.querySelector('.cb-fqx');
  return [getComputedStyle(box).color, box.classList.contains('cb-dark')];
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_themes_a_phone_and_axe(open_page, width):
    view = open_page(width=width)
    view.locator(FX + ".cb-panel-kernel-spectrum .cb-picture").focus()
    view.fill(FX + '.cb-value[data-row="0"][data-col="0"]', "abc")
    for theme, dark in [("book light", False), ("book dark", False), ("JupyterLab dark", True)]:
        set_theme(view, theme)
        assert view.evaluate(COLOURS)[1] == dark, theme
        widths = view.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (theme, widths)
        box = view.locator(".cb-fqx").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert axe_violations(view, WCAG21_AA) == [], theme


@pytest.mark.parametrize(**BOOK_WIDTHS)
def test_no_text_is_under_12_px(open_page, width, column):
    """In the book's content column of a 1280 px window (the widget 688 px wide there, 672 px
    on the dark theme's padded panel; up to 760 px elsewhere) and on a 390 px phone (342 px on
    that panel), where the pictures shrink to share a line, every text of the explorer
    (captions, the colour keys' ends and what they measure, the readout) is at least 12 px."""
    view = open_page(width=width, record=True)
    in_column(view, column)
    assert view.locator(".cb-fqx").bounding_box()["width"] <= (column or width)
    for image in ["photo (64 × 64)", "photo (32 × 32)"]:
        view.select_option(FX + ".cb-image", image)
        box = view.locator(FX + ".cb-panel-product .cb-picture").bounding_box()
        view.mouse.move(box["x"] + box["width"] / 3, box["y"] + box["height"] / 3)
        assert check_drawn(view)["hover"].startswith("Frequency down ")
        sizes = text_sizes(view, ".cb-fqx")
        texts = " ".join(s["text"] for s in sizes)
        for words in [
            "log10 |image spectrum|",
            "log10 |kernel spectrum|",
            "log10 |product|",
            "pixel value",
            "output value",
            "its spectrum",
        ]:
            assert words in texts, (image, words)  # the keys' words are measured too
        small = [s for s in sizes if s["size"] < 11.95]
        assert not small, (width, column, image, small)


def act(view, rng: random.Random) -> str:
    """One random action of a reader; returns what it did, for the log."""
    kind = rng.choice(["image", "preset", "family", "slider", "type", "hostile", "keys", "hover"])
    if kind == "image":
        name = rng.choice(list(view.images))
        view.select_option(FX + ".cb-image", name)
        return f"image {name}"
    if kind == "preset":
        name = rng.choice(["box_blur", "gaussian_blur_3", "sobel_y", "laplacian", "identity"])
        view.select_option(FX + ".cb-preset", name)
        return f"preset {name}"
    if kind == "family":
        name = rng.choice(["gaussian", "directional", "sharpen"])
        view.select_option(FX + ".cb-family", name)
        return f"family {name}"
    if kind == "slider":
        family = view.locator(FX + ".cb-family").input_value()
        if not family:
            return "slider (no family)"
        name, value = {
            "gaussian": ("sigma", round(rng.uniform(0.3, 3), 1)),
            "directional": ("theta", 5 * rng.randint(0, 72)),
            "sharpen": ("amount", round(rng.uniform(0, 3), 1)),
        }[family]
        view.fill(FX + f".cb-{name}", str(value))
        return f"slider {name} {value}"
    shot = view.evaluate(SNAPSHOT)
    n = rng.randrange(len(shot["entries"]))
    entry = FX + f'.cb-value[data-row="{n // shot["cols"]}"][data-col="{n % shot["cols"]}"]'
    if kind in ("type", "hostile"):
        text = str(round(rng.uniform(-5, 5), 2)) if kind == "type" else rng.choice(HOSTILE)
        view.fill(entry, text)
        if kind == "hostile":
            assert view.evaluate(SNAPSHOT)["problem"].startswith("Entry row ")
        view.press(entry, "Tab")
        return f"{kind} {n} {text!r}"
    canvas = view.locator(FX + f".cb-panel-{rng.choice(SPECTRA)} .cb-picture")
    if kind == "keys":
        canvas.focus()
        keys = [rng.choice(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "End"])] * 3
        for key in keys:
            view.keyboard.press(key)
        return f"keys {keys}"
    box = canvas.bounding_box()
    x, y = rng.random(), rng.random()
    view.mouse.move(box["x"] + x * box["width"], box["y"] + y * box["height"])
    return f"hover {x:.2f} {y:.2f}"


def test_random_actions_keep_the_page_clean_and_torchs(open_page):
    """Random actions of a reader; after each, no page error or error word, and every number
    shown is torch's. FREQUENCY_FUZZ_SEED replays a run."""
    seed = int(os.environ.get("FREQUENCY_FUZZ_SEED", "3"))
    rng = random.Random(seed)
    view = open_page()
    log = []
    for _ in range(80):
        try:
            log.append(act(view, rng))
            check_drawn(view)
        except Exception as error:
            raise AssertionError(f"seed {seed}, step {len(log)}, after: {log[-5:]}") from error
    assert len({entry.split()[0] for entry in log}) == 8  # every kind of action came up
