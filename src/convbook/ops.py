"""The reference forms of 2-D cross-correlation (chapter "Cross-correlation").

``corr2d`` is the original notebook's two loops, ``conv2d_true`` the flipped-kernel
convolution, ``output_shape`` the size rule. The matrix forms live in
:mod:`convbook.matrix`, the fast ones in :mod:`convbook.fast`; all are tested against these.
"""

from __future__ import annotations

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
    return Y


def conv2d_true(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """True (flipped-kernel) convolution: cross-correlation with ``K`` turned by 180 degrees.

    Refused: exactly what :func:`corr2d` refuses, with the same messages.

    >>> conv2d_true(torch.tensor([[1., 2., 4.]]), torch.tensor([[1., -1.]]))
    tensor([[1., 2.]])
    """
    X, K = check_image_and_kernel(X, K)
    return corr2d(X, torch.flip(K, dims=(0, 1)))


def output_shape(
    image_shape: tuple[int, int] | torch.Size, kernel_shape: tuple[int, int] | torch.Size
) -> tuple[int, int]:
    """Shape of a valid cross-correlation: ``(n_h - k_h + 1, n_w - k_w + 1)``.

    Refused: shapes that are not pairs of positive ints, a kernel larger than the image.

    >>> output_shape((6, 8), (1, 2))
    (6, 7)
    """
    n_h, n_w = check_kernel_size(tuple(image_shape), "image_shape")
    k_h, k_w = check_kernel_size(tuple(kernel_shape), "kernel_shape")
    if k_h > n_h or k_w > n_w:
        raise ValueError(f"kernel_shape {(k_h, k_w)} is larger than image_shape {(n_h, n_w)}")
    return n_h - k_h + 1, n_w - k_w + 1
