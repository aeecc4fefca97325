"""The frequency explorer's math in Node (fft.js spectra, frequency_view.js pictures and words)
agrees with torch.fft, convbook.frequency and the circular correlation done by hand: corr2d
over an image padded circularly."""

import re

import pytest
import torch
import torch.nn.functional as F
from helpers import needs_node, run_node

from convbook import corr2d, frequency, kernel

pytestmark = needs_node
TOLERANCE = {"atol": 1e-9, "rtol": 1e-9}


def complex_of(part) -> torch.Tensor:
    re_, im = (torch.tensor(part[k], dtype=torch.float64) for k in ("re", "im"))
    return torch.complex(re_, im)


def problems(seed: int):
    """Random images (sides powers of two) with random kernels up to 5 x 5, and classic kernels."""
    g = torch.Generator().manual_seed(seed)
    shapes = [
        ((8, 8), (3, 3)),
        ((16, 32), (5, 2)),
        ((4, 16), (1, 4)),
        ((32, 32), (5, 5)),
        ((2, 2), (2, 1)),
    ]
    cases = [
        (
            torch.rand(x, generator=g, dtype=torch.float64),
            torch.randn(k, generator=g, dtype=torch.float64),
        )
        for x, k in shapes
    ]
    photo = torch.rand(16, 16, generator=g, dtype=torch.float64)
    cases += [(photo, kernel(name, torch.float64)) for name in ("box_blur", "sobel_x", "laplacian")]
    return cases


def circular_by_hand(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Windows that run off an edge come back at the opposite one: corr2d on a wrapped image."""
    wrapped = F.pad(X[None, None], (0, K.shape[1] - 1, 0, K.shape[0] - 1), mode="circular")[0, 0]
    return corr2d(wrapped, K)


def test_spectra_product_and_map_equal_torch():
    cases = problems(0)
    answers = run_node(
        "run_frequency.js", [{"op": "spectra", "X": X.tolist(), "K": K.tolist()} for X, K in cases]
    )
    for (X, K), got in zip(cases, answers):
        image, kern = torch.fft.fft2(X), torch.fft.fft2(K, s=X.shape)
        torch.testing.assert_close(complex_of(got["image"]), image, **TOLERANCE)
        torch.testing.assert_close(complex_of(got["image"]), frequency.spectrum(X), **TOLERANCE)
        torch.testing.assert_close(
            complex_of(got["kernel"]), frequency.spectrum(K, X.shape), **TOLERANCE
        )
        torch.testing.assert_close(complex_of(got["product"]), image * kern.conj(), **TOLERANCE)
        Y = torch.tensor(got["map"], dtype=torch.float64)
        torch.testing.assert_close(Y, frequency.circular_correlate(X, K), **TOLERANCE)
        torch.testing.assert_close(Y, circular_by_hand(X, K), **TOLERANCE)


def test_inverse_transform_and_centring_equal_torch():
    g = torch.Generator().manual_seed(1)
    S = torch.randn(8, 16, 2, generator=g, dtype=torch.float64)
    odd = torch.randn(5, 3, generator=g, dtype=torch.float64)
    cases = [
        {"op": "ifft2", "re": S[..., 0].tolist(), "im": S[..., 1].tolist()},
        {"op": "centred", "M": odd.tolist()},
        *({"op": "frequency", "i": i, "n": n} for n in (4, 5) for i in range(n)),
    ]
    back, shifted, *freqs = run_node("run_frequency.js", cases)
    torch.testing.assert_close(
        complex_of(back), torch.fft.ifft2(torch.complex(S[..., 0], S[..., 1])), **TOLERANCE
    )
    torch.testing.assert_close(torch.tensor(shifted, dtype=torch.float64), torch.fft.fftshift(odd))
    expected = [
        torch.fft.fftshift(torch.fft.fftfreq(n, dtype=torch.float64)).tolist() for n in (4, 5)
    ]
    assert freqs == pytest.approx(expected[0] + expected[1], abs=1e-15)


def test_log_view_is_log10_of_the_centred_magnitude_held_to_the_decades():
    K = kernel("sobel_x", torch.float64)  # removes zero frequency: |K^| = 0 there
    S = torch.fft.fft2(K, s=(8, 8))
    zeros = torch.zeros(4, 4, dtype=torch.float64)
    cases = [
        {"op": "log", "re": S.real.tolist(), "im": S.imag.tolist(), "decades": 3},
        {"op": "log", "re": zeros.tolist(), "im": zeros.tolist(), "decades": 6},
    ]
    got, empty = run_node("run_frequency.js", cases)
    magnitude = torch.fft.fftshift(S.abs())
    top = magnitude.max()
    assert got["top"] == pytest.approx(top.item(), rel=1e-12)
    assert (got["low"], got["high"]) == pytest.approx((top.log10().item() - 3, top.log10().item()))
    expected = magnitude.clamp(min=top * 1e-3).log10()
    torch.testing.assert_close(
        torch.tensor(got["values"], dtype=torch.float64), expected, **TOLERANCE
    )
    assert got["values"][4][4] == pytest.approx(got["low"])  # zero frequency: the floor
    assert empty["top"] == 0 and (empty["low"], empty["high"]) == (-6, 0)
    assert {v for row in empty["values"] for v in row} == {-6}


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def test_a_frequency_cell_reads_out_torchs_magnitudes():
    g = torch.Generator().manual_seed(2)
    X = torch.rand(8, 16, generator=g, dtype=torch.float64)
    K = kernel("gaussian_blur_3", torch.float64)
    at = [[0, 0], [4, 8], [1, 13], [7, 3]]
    (got,) = run_node(
        "run_frequency.js",
        [{"op": "words", "X": X.tolist(), "K": K.tolist(), "at": at, "decades": 6}],
    )
    shifted = [
        torch.fft.fftshift(S.abs()) for S in (torch.fft.fft2(X), torch.fft.fft2(K, s=X.shape))
    ]
    down, across = (torch.fft.fftshift(torch.fft.fftfreq(n, dtype=torch.float64)) for n in (8, 16))
    pattern = re.compile(
        r"Frequency down (\S+), across (\S+) cycles per pixel: "
        r"\|image\| (\S+) × \|kernel\| (\S+) = \|product\| (\S+)\."
    )
    for (i, j), words in zip(at, got["cells"]):
        f_down, f_across, x, k, p = map(number, pattern.match(words).groups())
        assert (f_down, f_across) == (down[i].item(), across[j].item())
        xs, ks = shifted[0][i, j].item(), shifted[1][i, j].item()
        for shown, true in [(x, xs), (k, ks), (p, xs * ks)]:
            assert shown == pytest.approx(true, rel=5e-4), words
    assert got["cells"][1].endswith("the sums of the image's pixels and of the kernel's entries.")
    assert number(re.search(r"\|image\| (\S+)", got["cells"][1])[1]) == pytest.approx(
        X.sum().item(), rel=5e-4
    )
    Y = frequency.circular_correlate(X, K)
    low, high = map(number, re.search(r"from (\S+) to (\S+)$", got["map"]).groups())
    assert (low, high) == pytest.approx((Y.min().item(), Y.max().item()), rel=5e-4)
    largest, at_zero = map(
        number,
        re.search(r"largest magnitude (\S+), at zero frequency (\S+)$", got["kernel"]).groups(),
    )
    assert largest == pytest.approx(1, rel=5e-4) and at_zero == pytest.approx(
        1, rel=5e-4
    )  # a blur keeps the mean


def test_a_side_that_is_not_a_power_of_two_is_refused_in_words():
    got = run_node(
        "run_frequency.js", [{"op": "spectra_refused", "X": [[1, 2, 3]] * 2, "K": [[1]]}]
    )
    assert got == [{"error": "the image's sides must be powers of two, got 2 x 3"}]


def test_the_summary_says_where_rounded_entries_hide_a_whole_sum():
    """The presets' entries are kept to 4 decimals, so a box blur's sum to 0.9999: the summary
    prints that sum (the kernel used) and says it is 1 within the rounding; a sum that is what it
    prints, or further from a whole number than rounding explains, gets no such words."""
    from convbook.widgets.base import rows

    X = torch.rand(8, 8, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    kernels = {
        "box_blur": rows(kernel("box_blur")),  # 0.1111 nine times: 0.9999
        "gaussian_blur_5": rows(kernel("gaussian_blur_5")),  # 0.9998
        "gaussian_blur_3": rows(kernel("gaussian_blur_3")),  # sixteenths: 1, exactly
        "sobel_x": rows(kernel("sobel_x")),  # 0, exactly
        "sharpen": rows(kernel("sharpen")),  # 1, exactly
        "far": [[0.3, 0.3, 0.3]],  # 0.9: not rounding
    }
    answers = run_node(
        "run_frequency.js",
        [
            {"op": "words", "X": X.tolist(), "K": K, "at": [], "decades": 6}
            for K in kernels.values()
        ],
    )
    said = dict(zip(kernels, (a["summary"] for a in answers)))
    box = (
        "0.9999 at zero frequency (the sum of its entries, in size; 1 within the rounding of its 9"
    )
    assert said["box_blur"].startswith(f"The kernel's spectrum: {box} entries to 4 decimals), ")
    assert "0.9998 at zero frequency" in said["gaussian_blur_5"]
    assert "; 1 within the rounding of its 25 entries" in said["gaussian_blur_5"]
    for name in ("gaussian_blur_3", "sobel_x", "sharpen", "far"):
        assert "(the sum of its entries, in size), " in said[name], said[name]
