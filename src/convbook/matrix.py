"""Cross-correlation as a matrix product (chapter "Convolution as a matrix product").

``im2col`` stacks every window as a row (so the correlation is ``A @ k``); ``toeplitz``
spreads the kernel over a mostly-zero matrix ``T`` (so it is ``T @ x``);
``corr2d_matmul`` multiplies by ``T``. ``im2col`` is also the matrix behind the Hessian
of :mod:`convbook.train`.
"""

from __future__ import annotations

import torch

from convbook.checks import check_image_and_kernel, check_kernel_size, check_matrix
from convbook.ops import output_shape, redo_if_overflowed

# The largest matrix these functions build. A Toeplitz matrix grows with the square of the
# image (a 512 x 512 image and a 3 x 3 kernel would need 272 GB): refused, before allocating.
MATRIX_BUDGET_BYTES = 1 << 30


def check_matrix_size(rows: int, columns: int, dtype: torch.dtype, what: str) -> None:
    """Refuse a ``rows`` x ``columns`` matrix of ``dtype`` larger than ``MATRIX_BUDGET_BYTES``.

    >>> check_matrix_size(4, 9, torch.float32, "the Toeplitz matrix")
    """
    size = rows * columns * torch.empty((), dtype=dtype).element_size()
    if size > MATRIX_BUDGET_BYTES:
        raise ValueError(
            f"{what} would be {rows} x {columns} ({size / 2**30:,.1f} GiB), over the "
            f"{MATRIX_BUDGET_BYTES / 2**30:g} GiB this package allows; use a smaller image, "
            f"or convbook.corr2d_fast, which builds no such matrix"
        )


def im2col(X: torch.Tensor, kernel_shape: tuple[int, int] | torch.Size) -> torch.Tensor:
    """Every window of ``X`` as one row: shape ``(out_h * out_w, k_h * k_w)``.

    Row ``i * out_w + j`` is the window under output ``(i, j)``, flattened row by
    row, so ``im2col(X, K.shape) @ K.reshape(-1)`` is the cross-correlation,
    flattened. Built with ``Tensor.unfold`` (no loops); works under autograd.

    Refused: a bad ``X`` (as in :func:`corr2d`), a bad ``kernel_shape``, a kernel larger
    than ``X``, a matrix over ``MATRIX_BUDGET_BYTES`` (1 GiB).

    >>> im2col(torch.arange(9.).reshape(3, 3), (2, 2))
    tensor([[0., 1., 3., 4.],
            [1., 2., 4., 5.],
            [3., 4., 6., 7.],
            [4., 5., 7., 8.]])
    """
    X = check_matrix(X, "X")
    k_h, k_w = check_kernel_size(kernel_shape, "kernel_shape")
    out_h, out_w = output_shape(X.shape, (k_h, k_w))
    check_matrix_size(out_h * out_w, k_h * k_w, X.dtype, f"im2col of X {tuple(X.shape)}")
    return windows(X, (k_h, k_w)).reshape(-1, k_h * k_w)


def windows(X: torch.Tensor, kernel_shape: tuple[int, int]) -> torch.Tensor:
    """Every ``k_h x k_w`` window of ``X`` as a view of shape ``(out_h, out_w, k_h, k_w)``.

    Nothing is copied: entry ``[i, j]`` is the window under output ``(i, j)``. Unchecked:
    callers check ``X`` and the shape first (as :func:`im2col` does).

    >>> windows(torch.arange(9.).reshape(3, 3), (2, 2))[1, 0]
    tensor([[3., 4.],
            [6., 7.]])
    """
    return X.unfold(0, kernel_shape[0], 1).unfold(1, kernel_shape[1], 1)


def toeplitz(K: torch.Tensor, image_shape: tuple[int, int] | torch.Size) -> torch.Tensor:
    """The matrix ``T`` with ``T @ X.reshape(-1) == corr2d(X, K).reshape(-1)``.

    ``T`` has one row per output and one column per input pixel, shape
    ``(out_h * out_w, n_h * n_w)``; row ``i * out_w + j`` holds the kernel's
    entries at the columns of window ``(i, j)`` and zeros elsewhere. It is a
    doubly block Toeplitz matrix. Its transpose maps an output gradient to the
    input gradient (transposed convolution). Built by index arithmetic (no loops);
    differentiable in ``K``.

    Refused: a bad ``K`` (as in :func:`corr2d`), a bad ``image_shape``, a kernel larger
    than the image, a matrix over ``MATRIX_BUDGET_BYTES`` (1 GiB).

    >>> toeplitz(torch.tensor([[1., -1.]]), (1, 3))
    tensor([[ 1., -1.,  0.],
            [ 0.,  1., -1.]])
    """
    K = check_matrix(K, "K")
    n_h, n_w = check_kernel_size(image_shape, "image_shape")
    out_h, out_w = output_shape((n_h, n_w), K.shape)
    what = f"the Toeplitz matrix for image_shape {(n_h, n_w)}"
    check_matrix_size(out_h * out_w, n_h * n_w, K.dtype, what)
    k_h, k_w = K.shape
    i = torch.arange(out_h, device=K.device).view(-1, 1, 1, 1)
    j = torch.arange(out_w, device=K.device).view(1, -1, 1, 1)
    a = torch.arange(k_h, device=K.device).view(1, 1, -1, 1)
    b = torch.arange(k_w, device=K.device).view(1, 1, 1, -1)
    shape = (out_h, out_w, k_h, k_w)
    rows = (i * out_w + j).expand(shape).reshape(-1)
    cols = ((i + a) * n_w + (j + b)).expand(shape).reshape(-1)
    values = K.expand(shape).reshape(-1)
    return K.new_zeros(out_h * out_w, n_h * n_w).index_put((rows, cols), values)


def corr2d_matmul(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlation as one matrix-vector product: ``toeplitz(K, X.shape) @ X.reshape(-1)``.

    Same answer as :func:`corr2d` (same checks, autograd in ``X`` and ``K``), but
    the matrix has ``out_h * out_w * n_h * n_w`` entries: fine for teaching-sized
    images, wasteful for photos.

    Refused: exactly what :func:`corr2d` refuses, with the same messages, and a Toeplitz
    matrix over ``MATRIX_BUDGET_BYTES`` (1 GiB).

    >>> corr2d_matmul(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    X, K = check_image_and_kernel(X, K)
    Y = (toeplitz(K, X.shape) @ X.reshape(-1)).reshape(output_shape(X.shape, K.shape))
    return redo_if_overflowed(Y, X, K, corr2d_matmul)
