"""Pooling (chapter "Pooling"): the largest or the mean value under a sliding window.

``pool2d`` is D2L's two loops, with stride 1 and no padding; ``F.max_pool2d`` and
``F.avg_pool2d`` add padding and stride.
"""

from __future__ import annotations

import torch

from convbook.checks import check_choice, check_kernel_size, check_matrix, check_window_fits
from convbook.ops import power_of_two_below

MODES = ("max", "avg")


def pool2d(X: torch.Tensor, pool_size: int | tuple[int, int], mode: str = "max") -> torch.Tensor:
    """Slide a ``pool_size`` window over ``X`` with stride 1; keep each window's max or mean.

    ``pool_size`` is ``(k_h, k_w)`` or one int ``k`` for ``(k, k)``; ``mode`` is ``"max"`` or
    ``"avg"``. The output is (n_h - k_h + 1, n_w - k_w + 1), equal to
    ``F.max_pool2d(X[None, None], pool_size, stride=1)[0, 0]`` (or ``F.avg_pool2d``).
    Refused: an ``X`` that :func:`convbook.corr2d` would refuse (not a 2-D, non-empty,
    finite floating-point tensor), a ``pool_size`` that is not a positive int or pair of
    them, a pool larger than ``X``, and a ``mode`` other than ``"max"`` or ``"avg"``. The
    chapter "Pooling" explains it, and what pooling forgives.

    >>> X = torch.arange(9.).reshape(3, 3)
    >>> pool2d(X, (2, 2))
    tensor([[4., 5.],
            [7., 8.]])
    >>> pool2d(X, 2, mode="avg")
    tensor([[2., 3.],
            [5., 6.]])
    """
    X = check_matrix(X, "X")
    k_h, k_w = check_kernel_size(pool_size, "pool_size")
    check_window_fits(tuple(X.shape), (k_h, k_w), names=("X", "pool_size"))
    mode = check_choice(mode, "mode", MODES)
    Y = X.new_zeros((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            if mode == "max":
                Y[i, j] = X[i : i + k_h, j : j + k_w].max()
            elif mode == "avg":
                Y[i, j] = X[i : i + k_h, j : j + k_w].mean()
    if not bool(torch.isfinite(Y).all()):  # a mean whose sum left the dtype's range
        scale = power_of_two_below(X)  # dividing by a power of two is exact
        return pool2d(X / scale, (k_h, k_w), mode) * scale
    return Y
