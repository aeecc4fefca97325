"""What a kernel does to frequencies: the convolution theorem, computed and drawn (chapter
"Frequencies and separable kernels").

Correlating an image with a kernel multiplies the image's 2-D discrete Fourier transform by
the complex conjugate of the kernel's, both taken at one size. At the image's own size the
product, transformed back, is the *circular* correlation (:func:`circular_correlate`: windows
that run off one edge come back at the opposite one); padded to the size of the full
output it is the ordinary one (:func:`correlate_by_spectra`). The magnitude of the kernel's
transform, :func:`frequency_response`, says how much of each frequency survives;
:func:`response_plot` draws it.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure

from convbook.checks import check_count, check_image_and_kernel, check_matrix


def spectrum(X: torch.Tensor, size: tuple[int, int] | None = None) -> torch.Tensor:
    """The 2-D discrete Fourier transform of ``X``, zero-padded at the bottom and right to
    ``size`` (default: ``X``'s shape), computed in float64: complex, zero frequency at
    ``[0, 0]``.

    >>> spectrum(torch.ones(2, 2)).real
    tensor([[4., 0.],
            [0., 0.]], dtype=torch.float64)
    """
    X = check_matrix(X, "X")
    return torch.fft.fft2(X.double(), s=size or tuple(X.shape))


def circular_correlate(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """``X`` correlated with ``K`` around the image's edges, through the spectra:
    ``Y[i, j] = sum K[a, b] X[(i + a) % n_h, (j + b) % n_w]``, one output per pixel.

    The inverse transform of ``spectrum(X) * conj(spectrum(K, X.shape))``, real part, in
    ``X``'s dtype. Refused: what :func:`convbook.ops.corr2d` refuses.

    >>> circular_correlate(torch.tensor([[1., 2., 3.]]), torch.tensor([[0., 1.]]))
    tensor([[2., 3., 1.]])
    """
    X, K = check_image_and_kernel(X, K)
    product = spectrum(X) * spectrum(K, tuple(X.shape)).conj()
    return torch.fft.ifft2(product).real.to(X.dtype)


def correlate_by_spectra(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """The ordinary (valid) correlation of ``X`` with ``K``, through the spectra.

    Both are zero-padded to ``(n_h + k_h - 1, n_w + k_w - 1)`` first, room enough that no
    window wraps around onto a pixel of ``X``; the circular correlation at that size,
    cropped to its top-left ``(n_h - k_h + 1) x (n_w - k_w + 1)`` block, equals
    :func:`convbook.ops.corr2d` up to float rounding. Refused: what ``corr2d`` refuses.

    >>> correlate_by_spectra(torch.tensor([[1., 2., 3.]]), torch.tensor([[0., 1.]]))
    tensor([[2., 3.]])
    """
    X, K = check_image_and_kernel(X, K)
    (n_h, n_w), (k_h, k_w) = X.shape, K.shape
    size = (n_h + k_h - 1, n_w + k_w - 1)
    full = torch.fft.ifft2(spectrum(X, size) * spectrum(K, size).conj()).real
    return full[: n_h - k_h + 1, : n_w - k_w + 1].to(X.dtype)


def frequency_response(K: torch.Tensor, size: int = 64) -> torch.Tensor:
    """How much kernel ``K`` scales each frequency: ``|spectrum(K, (size, size))|``, shifted
    so that zero frequency (the mean) is at the centre, ``[size // 2, size // 2]``, and
    the highest frequencies at the edges. Float64.

    Correlating with ``K`` multiplies the image's component at each frequency by this
    number (and turns its phase). Refused: a ``K`` that is not a finite 2-D tensor, a
    ``size`` that is not a positive int or is smaller than ``K``.

    >>> frequency_response(torch.tensor([[0.5, 0.5]]), size=4)[2]
    tensor([0.0000, 0.7071, 1.0000, 0.7071], dtype=torch.float64)
    """
    K = check_matrix(K, "K")
    size = check_count(size, "size")
    if size < max(K.shape):
        raise ValueError(f"size must be at least the kernel's {max(K.shape)}, got {size}")
    return torch.fft.fftshift(spectrum(K, (size, size)).abs())


def response_plot(
    kernels: Mapping[str, torch.Tensor], size: int = 64, floor: float = 1e-3, panel: float = 2.4
) -> Figure:
    """Each kernel's :func:`frequency_response`, one panel each, on one logarithmic colour
    scale from ``floor`` to the largest response (darker: the frequency is removed).

    The axes are the frequencies in cycles per pixel, from -0.5 to 0.5, zero at the centre:
    across (horizontal frequency) and down (vertical). Refused: no kernels, a ``floor`` not
    in (0, 1), what :func:`frequency_response` refuses.

    >>> fig = response_plot({"mean": torch.full((3, 3), 1 / 9)})
    """
    if not kernels:
        raise ValueError("kernels must name at least one kernel")
    if not 0 < floor < 1:
        raise ValueError(f"floor must be between 0 and 1, got {floor!r}")
    responses = {name: frequency_response(K, size) for name, K in kernels.items()}
    top = max(float(r.max()) for r in responses.values())
    fig, axes = plt.subplots(
        1, len(responses), figsize=(panel * len(responses) + 1, panel + 0.4), layout="constrained"
    )
    axes = [axes] if len(responses) == 1 else list(axes)
    extent = (-0.5, 0.5 - 1 / size, 0.5 - 1 / size, -0.5)
    norm = plt.matplotlib.colors.LogNorm(vmin=floor * top, vmax=top)
    for ax, (name, r) in zip(axes, responses.items()):
        image = ax.imshow(r.clamp(min=floor * top).numpy(), cmap="magma", norm=norm, extent=extent)
        ax.set_title(name)
        ax.set_xticks([-0.5, 0, 0.5], ["-½", "0", "½"])
        ax.set_yticks([-0.5, 0, 0.5], ["-½", "0", "½"])
        ax.set_xlabel("across (cycles/pixel)", fontsize=8)
    axes[0].set_ylabel("down (cycles/pixel)", fontsize=8)
    fig.colorbar(image, ax=axes, shrink=0.85, label="|response| (log scale)")
    plt.close(fig)
    return fig
