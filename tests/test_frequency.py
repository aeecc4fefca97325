"""The convolution theorem as convbook.frequency computes it: circular and linear
correlation through the spectra, and the frequency response."""

import pytest
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure

import convbook
from convbook import corr2d, frequency


@pytest.mark.parametrize("image, kernel", [((8, 8), (3, 3)), ((7, 12), (2, 5)), ((5, 5), (5, 5))])
def test_circular_and_linear_correlation_by_spectra(image, kernel):
    g = torch.Generator().manual_seed(sum(image) + sum(kernel))
    X, K = (
        torch.randn(image, generator=g, dtype=torch.float64),
        torch.randn(kernel, generator=g, dtype=torch.float64),
    )
    wrapped = F.pad(X[None], (0, kernel[1] - 1, 0, kernel[0] - 1), mode="circular")[0]
    torch.testing.assert_close(frequency.circular_correlate(X, K), corr2d(wrapped, K))
    torch.testing.assert_close(frequency.correlate_by_spectra(X, K), corr2d(X, K))


def test_the_response_at_zero_frequency_is_the_sum_of_entries():
    for name in convbook.kernel_names():
        K = convbook.kernel(name).double()
        r = frequency.frequency_response(K, 16)
        assert r.shape == (16, 16)
        assert float(r[8, 8]) == pytest.approx(abs(float(K.sum())), abs=1e-12)
    box = frequency.frequency_response(torch.tensor([[0.5, 0.5]]), 8)[4]
    f = torch.fft.fftshift(torch.fft.fftfreq(8)).double()
    torch.testing.assert_close(box, torch.cos(torch.pi * f).abs())


def test_blurs_are_low_pass_and_the_laplacian_high_pass():
    blur = frequency.frequency_response(convbook.kernel("gaussian_blur_5"), 32)
    laplacian = frequency.frequency_response(convbook.kernel("laplacian"), 32)
    assert blur[16, 16] == pytest.approx(1.0) and blur[0, 0] < 1e-6
    assert laplacian[16, 16] < 1e-6 and laplacian[0, 0] == pytest.approx(8.0)


def test_the_plot_and_refusals():
    fig = frequency.response_plot(
        {"box": convbook.kernel("box_blur"), "sobel": convbook.kernel("sobel_x")}
    )
    assert isinstance(fig, Figure) and len(fig.axes) == 3  # two panels and the colour bar
    with pytest.raises(ValueError, match="size must be at least the kernel's 3"):
        frequency.frequency_response(torch.ones(3, 3), 2)
    with pytest.raises(ValueError, match="kernels must name"):
        frequency.response_plot({})
    with pytest.raises(ValueError, match="floor must be between 0 and 1"):
        frequency.response_plot({"box": torch.ones(2, 2)}, floor=2)
    with pytest.raises(TypeError, match="X must be"):
        frequency.spectrum([[1.0]])
