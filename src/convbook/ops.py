"""The reference forms of 2-D cross-correlation (chapter "Cross-correlation").

``corr2d`` is the original notebook's two loops, ``conv2d_true`` the flipped-kernel
convolution, ``output_shape`` the size rule. The matrix forms live in
:mod:`convbook.matrix`, the fast ones in :mod:`convbook.fast`; all are tested against these.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch

from convbook.checks import check_image_and_kernel, check_kernel_size


def corr2d(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlate image ``X`` with kernel ``K`` by sliding a window, one output at a time.

    This is the reference implementation, written as in the original notebook: two
    loops over output pixels (chapter "Cross-correlation"). It works under autograd.
    Refused: non-tensors, tensors that are not 2-D, empty or non-finite tensors,
    integer dtypes, a kernel larger than the image, and ``X``, ``K`` of different
    dtype or device.

    >>> corr2d(torch.tensor([[0., 1., 2.], [3., 4., 5.], [6., 7., 8.]]),
    ...        torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    X, K = check_image_and_kernel(X, K)
    h, w = K.shape
    Y = X.new_zeros(output_shape(X.shape, K.shape))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
    return redo_if_overflowed(Y, X, K, corr2d)


def conv2d_true(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """True (flipped-kernel) convolution: cross-correlation with ``K`` turned by 180 degrees.

    Refused: exactly what :func:`corr2d` refuses, with the same messages.

    >>> conv2d_true(torch.tensor([[1., 2., 4.]]), torch.tensor([[1., -1.]]))
    tensor([[1., 2.]])
    """
    X, K = check_image_and_kernel(X, K)
    return corr2d(X, torch.flip(K, dims=(0, 1)))


def output_shape(
    image_shape: int | tuple[int, int] | torch.Size,
    kernel_shape: int | tuple[int, int] | torch.Size,
) -> tuple[int, int]:
    """Shape of a valid cross-correlation: ``(n_h - k_h + 1, n_w - k_w + 1)``.

    Each shape is a pair of ints, or one int ``n`` for ``(n, n)``. Refused: shapes that
    are not positive ints or pairs of them, a kernel larger than the image.

    >>> output_shape((6, 8), (1, 2))
    (6, 7)
    """
    n_h, n_w = check_kernel_size(image_shape, "image_shape")
    k_h, k_w = check_kernel_size(kernel_shape, "kernel_shape")
    if k_h > n_h or k_w > n_w:
        raise ValueError(f"kernel_shape {(k_h, k_w)} is larger than image_shape {(n_h, n_w)}")
    return n_h - k_h + 1, n_w - k_w + 1


Form = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def redo_if_overflowed(
    Y: torch.Tensor, X: torch.Tensor, K: torch.Tensor, form: Form
) -> torch.Tensor:
    """``Y = form(X, K)`` if it is finite; else ``form`` redone on ``X`` and ``K`` scaled down.

    ``X`` and ``K`` are finite (checked), so a NaN or inf in ``Y`` means that some sum left
    the dtype's range on the way, even where its result fits (``1e38 - 1e38`` computed as
    ``(1e38 + 1e38) - ...``). Dividing ``X`` and ``K`` by powers of two near their largest
    entries is exact and keeps every partial sum small; multiplying the result back gives
    the true answer, or +-inf where the true answer is beyond the dtype's range: never NaN.

    >>> big = torch.full((2, 3), 3e38)
    >>> corr2d(big, torch.tensor([[1.0, -1.0]]))
    tensor([[0., 0.],
            [0., 0.]])
    """
    if bool(torch.isfinite(Y).all()):
        return Y
    x_scale, k_scale = power_of_two_below(X), power_of_two_below(K)
    scaled = form(X / x_scale, K / k_scale)
    small, large = sorted((x_scale, k_scale))  # the smaller first: no needless overflow
    return (scaled.double() * small * large).to(Y.dtype)


def power_of_two_below(T: torch.Tensor) -> float:
    """The largest power of two not above ``max |T|`` (1 for an all-zero ``T``).

    Dividing by it is exact in floating point and brings the largest entry into [1, 2).

    >>> power_of_two_below(torch.tensor([3.0, -5.0]))
    4.0
    """
    largest = float(T.detach().abs().max())
    return math.ldexp(1.0, math.frexp(largest)[1] - 1) if largest > 0 else 1.0
