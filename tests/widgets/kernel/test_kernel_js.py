"""The kernel explorer's JavaScript (kernel families, cropping, typed entries, the reader's
picture), run with Node, agrees with convbook's PyTorch code."""

import math
import random

import pytest
import torch
import torch.nn.functional as F
from helpers import needs_node, run_node

from convbook.kernels import directional_kernel, gaussian_kernel, kernel, sharpen_kernel
from convbook.widgets.kernel_explorer import LARGEST_ENTRY, LARGEST_IMAGE, RANGES, crop_to_fit

pytestmark = needs_node


def run_js(cases: list[dict]) -> list:
    return run_node("run_kernel.js", cases)


def as_tensor(rows: list) -> torch.Tensor:
    return torch.tensor(rows, dtype=torch.float64)


def slider_values(low: float, high: float, step: float) -> list[float]:
    return [round(low + k * step, 10) for k in range(round((high - low) / step) + 1)]


def test_family_kernels_are_convbooks_at_every_slider_position():
    # the sliders' ranges are Python's, sent to the browser as the widget's `ranges` trait
    ranges = {
        family: {name: [r["min"], r["max"], r["step"], r["start"]] for name, r in params.items()}
        for family, params in RANGES["families"].items()
    }
    sigma, size = ranges["gaussian"]["sigma"], ranges["gaussian"]["size"]
    cases = [
        ("gaussian", {"sigma": s, "size": n}, gaussian_kernel(s, n, torch.float64))
        for s in slider_values(*sigma[:3])
        for n in slider_values(*size[:3])
    ]
    theta = ranges["directional"]["theta"]
    cases += [
        ("directional", {"theta": t}, directional_kernel(t, torch.float64))
        for t in slider_values(*theta[:3])
    ]
    amount = ranges["sharpen"]["amount"]
    cases += [
        ("sharpen", {"amount": a}, sharpen_kernel(a, torch.float64))
        for a in slider_values(*amount[:3])
    ]
    assert len(cases) > 100
    results = run_js([{"op": "family", "family": f, "params": p} for f, p, _ in cases])
    for (_, params, expected), K in zip(cases, results):
        # the browser keeps 4 decimals, as the Python widget sends kernels
        torch.testing.assert_close(as_tensor(K), expected, atol=5.1e-5, rtol=0, msg=str(params))
        assert as_tensor(K).sum().item() == pytest.approx(expected.sum().item(), abs=2e-3)


def test_presets_the_families_make():
    params = run_js([{"op": "preset_params"}])[0]
    makers = {"directional": directional_kernel, "sharpen": sharpen_kernel}
    assert set(params) == {"identity", "sharpen", "sobel_x", "sobel_y"}
    for name, (family, values) in params.items():
        (value,) = values.values()
        assert torch.equal(makers[family](value), kernel(name)), name
        [K] = run_js([{"op": "family", "family": family, "params": values}])
        assert torch.equal(torch.tensor(K), kernel(name)), name


def test_cropping_a_kernel_to_a_smaller_image_is_the_python_widgets():
    rng = random.Random(4)
    cases = []
    for _ in range(80):
        kh, kw, h, w = (rng.randint(1, 5) for _ in range(4))
        K = torch.arange(kh * kw, dtype=torch.float64).reshape(kh, kw)
        cases.append((K, h, w))
    results = run_js([{"op": "crop", "K": K.tolist(), "h": h, "w": w} for K, h, w in cases])
    for (K, h, w), cropped in zip(cases, results):
        assert torch.equal(as_tensor(cropped), crop_to_fit(K, (h, w)))


@pytest.mark.parametrize(
    "text, value",
    [("2", 2), (" -0.25 ", -0.25), ("1e3", 1000), ("−1.5", -1.5), (".5", 0.5), ("+3.", 3)],
)
def test_typed_numbers_are_read(text, value):
    """A kernel box reads by the kit's one rule (kit/KIT.md), from −1000 to 1000."""
    assert run_js([{"op": "parse", "text": text, "limit": LARGEST_ENTRY}]) == [{"value": value}]


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "Type a number."),
        ("-", "Not a number."),
        ("abc", "Not a number."),
        ("NaN", "Type a number made of digits."),
        ("Infinity", "Type a number made of digits."),
        ("0x10", "Not a number."),
        ("1,5", "Write decimals with a point, not a comma."),
        ("1e-400", "Too small to tell from 0 (float64 stops near 1e-308); type 0 for 0."),
        ("1e309", "Too large even for float64 (at most 1.8e+308 in size)."),
        ("-1e309", "Too large even for float64 (at most 1.8e+308 in size)."),
        ("1e308", "Choose a value from −1000 to 1000."),
        ("1000.5", "Choose a value from −1000 to 1000."),
    ],
)
def test_what_cannot_be_a_kernel_entry_is_refused_in_words(text, words):
    assert run_js([{"op": "parse", "text": text, "limit": LARGEST_ENTRY}]) == [{"error": words}]


def test_a_gaussian_is_at_most_the_largest_odd_square_the_image_holds():
    cases = [((3, 3), 5, 3), ((6, 8), 5, 5), ((4, 9), 5, 3), ((2, 9), 5, 1), ((32, 32), 3, 3)]
    for (h, w), size, fitted in cases:
        params = {"sigma": 1, "size": size}
        [got] = run_js(
            [{"op": "fitted_params", "family": "gaussian", "params": params, "h": h, "w": w}]
        )
        assert got == {"sigma": 1, "size": fitted}, (h, w, size)


def test_a_cropped_kernel_comes_back_where_it_fits_again():
    K = torch.arange(25.0).reshape(5, 5).tolist()
    small, large = [[0.0] * 3] * 3, [[0.0] * 32] * 32
    [cropped] = run_js([{"op": "kernel_for_image", "K": K, "uncropped": None, "X": small}])
    assert torch.equal(as_tensor(cropped["kernel"]), crop_to_fit(as_tensor(K), (3, 3)))
    assert cropped["uncropped"] == K
    args = {"K": cropped["kernel"], "uncropped": cropped["uncropped"]}
    [back] = run_js([{"op": "kernel_for_image", **args, "X": large}])
    assert back == {"kernel": K, "uncropped": None, "words": "The 5 × 5 kernel is back in full."}
    [kept] = run_js([{"op": "kernel_for_image", "K": small, "uncropped": None, "X": large}])
    assert kept == {"kernel": small, "uncropped": None, "words": ""}


def test_a_picture_is_grey_as_convbook_photo_and_shrunk_as_adaptive_avg_pool2d():
    g = torch.Generator().manual_seed(9)
    sizes = [(300, 200), (128, 128), (129, 40), (1000, 3), (5, 7), (257, 513)]
    cases = []
    for h, w in sizes:
        rgb = torch.randint(0, 256, (h, w, 3), generator=g, dtype=torch.uint8)
        rgba = torch.cat([rgb, torch.full((h, w, 1), 255, dtype=torch.uint8)], dim=2)
        cases.append((h, w, rgb, rgba.flatten().tolist()))
    fitted = run_js(
        [{"op": "fitted", "h": h, "w": w, "longest": LARGEST_IMAGE} for h, w, *_ in cases]
    )
    greys = run_js([{"op": "grey", "rgba": rgba, "h": h, "w": w} for h, w, _, rgba in cases])
    shrunk = run_js(
        [{"op": "shrink", "G": G, "h": fh, "w": fw} for G, (fh, fw) in zip(greys, fitted)]
    )
    for (h, w, rgb, _), size, G, small in zip(cases, fitted, greys, shrunk):
        scale = min(1, LARGEST_IMAGE / max(h, w))
        assert size == [max(1, round(h * scale)), max(1, round(w * scale))]
        assert max(size) <= 128 and (max(h, w) <= 128) == (size == [h, w])
        expected = (rgb.double() / 255) @ torch.tensor([0.299, 0.587, 0.114], dtype=torch.float64)
        torch.testing.assert_close(as_tensor(G), expected, rtol=0, atol=1e-12)
        pooled = F.adaptive_avg_pool2d(expected[None, None], size)[0, 0]
        torch.testing.assert_close(as_tensor(small), pooled, rtol=0, atol=1e-12)
    assert math.isclose(fitted[0][1], 85)  # 300 x 200 becomes 128 x 85


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def luminance(rgb):
        linear = [
            c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
            for c in rgb
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_numbers_written_on_cells_are_wcag_aa_on_every_colour():
    """Issue 11: white numbers on mid-viridis cells were 3.4:1. The widget picks black or white
    by WCAG's luminance, so every colour of its three scales carries its numbers at 4.5:1."""
    import matplotlib

    colours = [
        tuple(round(255 * c) for c in matplotlib.colormaps[name](t / 255)[:3])
        for name in ("viridis", "RdBu_r", "gray")
        for t in range(256)
    ]
    [picks] = run_js([{"op": "text_on", "colours": colours}])
    for rgb, text in zip(colours, picks):
        ink = (0, 0, 0) if text == "#000" else (255, 255, 255)
        assert contrast(rgb, ink) >= 4.5, (rgb, text)


def test_photos_are_grey_from_their_lowest_to_their_highest_value():
    scales = run_js(
        [
            {"op": "grey_scale", "low": 0.1, "high": 0.9},
            {"op": "grey_scale", "low": 0.5, "high": 0.5},
        ]
    )
    assert scales[0] == {"stops": ["#000000", "#ffffff"], "low": 0.1, "high": 0.9}
    # a picture of one colour is drawn in its own grey (issue 23: a white one was drawn black)
    assert scales[1] == {"stops": ["#000000", "#ffffff"], "low": 0, "high": 1}


@pytest.mark.parametrize(
    ("cell", "per_px", "shown", "font"),
    [
        (34, 0.6, 1.0, 12),  # a digit in a 34 px cell on a picture not shrunk: 0.36 of the cell
        (32, 0.6, 1.0, 12),  # 0.36 of 32 is 11 px: 12 px, which fits
        (34, 0.6, 0.8, 15),  # shrunk to 0.8: 15 px drawn, 12 on the screen
        (34, 2.8, 1.0, 0),  # "0.0039" needs 34 px at 12 px: left out
        (24, 0.6, 0.4, 0),  # 30 px drawn would not fit a 24 px cell
        (34, 0.6, 0.0, 0),  # not laid out yet (drawn again once it is)
    ],
)
def test_values_in_cells_are_never_under_12_px_on_the_screen(cell, per_px, shown, font):
    """The font of a value written in a cell (kernel_panels.valueFont), for a label `per_px`
    pixels wide per pixel of font on a picture CSS shows at `shown` times its size."""
    [got] = run_js([{"op": "value_font", "cell": cell, "perPx": per_px, "shown": shown}])
    assert got == pytest.approx(font)
    assert got == 0 or (got * shown >= 12 and got * per_px <= cell - 4)
