"""The frequency view's FFT (fft.js), run with Node, agrees with torch.fft and with
convbook.frequency."""

import torch
from helpers import needs_node, run_node

from convbook import frequency

pytestmark = needs_node


def complex_of(pair) -> torch.Tensor:
    re, im = (torch.tensor(part, dtype=torch.float64) for part in pair)
    return torch.complex(re, im)


def test_fft_and_its_inverse_equal_torch():
    g = torch.Generator().manual_seed(0)
    signals = [torch.randn(n, 2, generator=g, dtype=torch.float64) for n in (1, 2, 4, 8, 64, 1024)]
    cases = [
        {"op": "fft", "re": s[:, 0].tolist(), "im": s[:, 1].tolist(), "inverse": inverse}
        for s in signals
        for inverse in (False, True)
    ]
    answers = iter(run_node("run_fft.js", cases))
    for s in signals:
        x = torch.complex(s[:, 0], s[:, 1])
        torch.testing.assert_close(complex_of(next(answers)), torch.fft.fft(x))
        torch.testing.assert_close(complex_of(next(answers)), torch.fft.ifft(x))


def test_fft2_with_padding_equals_torch():
    g = torch.Generator().manual_seed(1)
    shapes = [((1, 1), (1, 1)), ((3, 5), (4, 8)), ((8, 8), (8, 8)), ((5, 2), (16, 4))]
    problems = [
        (torch.randn(shape, generator=g, dtype=torch.float64), size) for shape, size in shapes
    ]
    cases = [{"op": "fft2", "M": M.tolist(), "h": h, "w": w} for M, (h, w) in problems]
    for (M, size), answer in zip(problems, run_node("run_fft.js", cases)):
        js = complex_of((answer["re"], answer["im"]))
        torch.testing.assert_close(js, torch.fft.fft2(M, s=size))


def test_kernel_response_and_image_spectrum_equal_the_package():
    from convbook import kernel

    g = torch.Generator().manual_seed(2)
    kernels = [kernel("sobel_x"), kernel("gaussian_blur_5"), torch.randn(2, 3, generator=g)]
    X = torch.randn(12, 20, generator=g, dtype=torch.float64)
    cases = [{"op": "response", "K": K.tolist(), "size": 16} for K in kernels]
    cases.append({"op": "image", "X": X.tolist()})
    *responses, image = run_node("run_fft.js", cases)
    for K, r in zip(kernels, responses):
        torch.testing.assert_close(
            torch.tensor(r, dtype=torch.float64),
            frequency.frequency_response(K, 16),
            atol=1e-6,
            rtol=1e-6,
        )
    expected = torch.fft.fftshift(torch.fft.fft2(X - X.mean(), s=(16, 32)).abs())
    torch.testing.assert_close(torch.tensor(image, dtype=torch.float64), expected)


def test_bad_sizes_are_refused_in_words():
    cases = [
        {"op": "fft_refused", "n": 6},
        {"op": "fft_refused", "n": 8},
        {"op": "response_refused", "K": [[1, 2, 3]], "size": 2},
        {"op": "response_refused", "K": [[1]], "size": 12},
        {"op": "next", "n": 5},
        {"op": "next", "n": 1},
    ]
    got = run_node("run_fft.js", cases)
    assert got[0]["error"] == "fft needs a length that is a power of two, got 6"
    assert got[1]["error"] is None
    assert got[2]["error"] == "size must be a power of two at least the kernel's, got 2"
    assert got[3]["error"] == "size must be a power of two at least the kernel's, got 12"
    assert got[4:] == [8, 1]
