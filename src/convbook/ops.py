"""The reference forms of 2-D cross-correlation (chapter "Cross-correlation").

``corr2d`` is the original notebook's two loops, ``conv2d_true`` the flipped-kernel
convolution, ``output_shape`` the size rule. ``cross_correlate`` adds padding, stride and
dilation and ``transposed_conv`` is its transpose, the scatter (chapter "Padding, stride and
dilation"). The matrix forms live in :mod:`convbook.matrix`, the fast ones in
:mod:`convbook.fast`; all are tested against these.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch
import torch.nn.functional as F

from convbook.checks import (
    check_choice,
    check_crop,
    check_image_and_kernel,
    check_kernel_size,
    check_matrix_pair,
    check_output_padding,
    check_same_dtype,
    check_window_fits,
    check_window_setting,
)

Setting = int | tuple[int, int]

# What lies beyond the image's border, as F.pad calls it (chapter "Frequencies and
# separable kernels" shows each on a photo): zeros, the image mirrored at its edge pixel,
# the edge pixel repeated, or the image wrapped around (the opposite edge).
PADDING_MODES = {
    "zeros": "constant",
    "reflect": "reflect",
    "replicate": "replicate",
    "circular": "circular",
}


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
    *,
    padding: Setting = 0,
    stride: Setting = 1,
    dilation: Setting = 1,
) -> tuple[int, int]:
    """Shape of a cross-correlation: ``floor((n + 2p - d (k - 1) - 1) / s) + 1`` per axis.

    With the default settings that is the valid shape ``(n_h - k_h + 1, n_w - k_w + 1)``.
    Each shape and setting is a pair of ints, or one int ``v`` for ``(v, v)``; the chapter
    "Padding, stride and dilation" derives the formula. Refused: shapes that are not
    positive ints or pairs of them, padding below 0, stride or dilation below 1, bools and
    floats, and a kernel whose dilated span ``d (k - 1) + 1`` is larger than the padded
    image ``n + 2p``.

    >>> output_shape((6, 8), (1, 2))
    (6, 7)
    >>> output_shape(7, 3, padding=1, stride=2, dilation=2)
    (3, 3)
    """
    n_h, n_w = check_kernel_size(image_shape, "image_shape")
    k_h, k_w = check_kernel_size(kernel_shape, "kernel_shape")
    padding = check_window_setting(padding, "padding", 0)
    stride = check_window_setting(stride, "stride", 1)
    dilation = check_window_setting(dilation, "dilation", 1)
    check_window_fits((n_h, n_w), (k_h, k_w), padding, dilation)
    return tuple(
        (n + 2 * p - d * (k - 1) - 1) // s + 1
        for n, k, p, s, d in zip((n_h, n_w), (k_h, k_w), padding, stride, dilation)
    )


def cross_correlate(
    X: torch.Tensor,
    K: torch.Tensor,
    *,
    padding: Setting = 0,
    stride: Setting = 1,
    dilation: Setting = 1,
    padding_mode: str = "zeros",
) -> torch.Tensor:
    """Cross-correlate ``X`` with ``K``, with padding, a stride and a dilated kernel.

    Pad ``X`` with ``padding`` pixels on each side (zeros, or with ``padding_mode``
    ``"reflect"``, ``"replicate"`` or ``"circular"`` the image mirrored, its edge repeated
    or wrapped around, as ``F.pad`` does), cut out every window of the dilated
    kernel's span, ``stride`` apart, keep every ``dilation``-th pixel of each, and sum its
    products with ``K``: the output has :func:`output_shape` and equals
    ``F.conv2d(F.pad(X[None, None], ..., mode), K[None, None], ...)[0, 0]`` (chapter
    "Padding, stride and dilation"; the other modes: chapter "Frequencies and separable
    kernels"). Each setting is an int or an ``(h, w)`` pair. It works under autograd.
    Refused: what :func:`corr2d` refuses, except that ``K`` may be larger than ``X`` when
    the padding makes room; padding below 0, stride or dilation below 1, bools and floats
    as settings, a dilated kernel larger than the padded image, a ``padding_mode`` not
    among :data:`PADDING_MODES`, and a reflecting padding not smaller than the image (or a
    circular one larger than it): there is not that much image to mirror or wrap.

    >>> X = torch.arange(16.).reshape(4, 4)
    >>> cross_correlate(X, torch.ones(2, 2), padding=1, stride=2)
    tensor([[ 0.,  3.,  3.],
            [12., 30., 18.],
            [12., 27., 15.]])
    >>> cross_correlate(X, torch.ones(2, 2), dilation=3)
    tensor([[30.]])
    >>> cross_correlate(torch.tensor([[1., 2., 3.]]), torch.ones(1, 3), padding=(0, 1),
    ...                 padding_mode="reflect")
    tensor([[5., 6., 7.]])
    """
    mode = check_choice(padding_mode, "padding_mode", tuple(PADDING_MODES))
    padding = check_window_setting(padding, "padding", 0)
    stride = check_window_setting(stride, "stride", 1)
    dilation = check_window_setting(dilation, "dilation", 1)
    X, K = check_matrix_pair(X, K, ("X", "K"))
    check_window_fits(
        X.shape, K.shape, padding, dilation, ("image X of shape", "kernel K of shape")
    )
    check_same_dtype(X, K, ("X", "K"))
    _check_room_to_pad(X.shape, padding, mode)
    (p_h, p_w), (d_h, d_w) = padding, dilation
    padded = F.pad(X[None], (p_w, p_w, p_h, p_h), mode=PADDING_MODES[mode])[0]
    spans = [d * (k - 1) + 1 for k, d in zip(K.shape, dilation)]
    windows = padded.unfold(0, spans[0], stride[0]).unfold(1, spans[1], stride[1])
    Y = (windows[..., ::d_h, ::d_w] * K).sum(dim=(-2, -1))  # windows: (out_h, out_w, k_h, k_w)

    def again(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
        return cross_correlate(
            X, K, padding=padding, stride=stride, dilation=dilation, padding_mode=mode
        )

    return redo_if_overflowed(Y, X, K, again)


def _check_room_to_pad(shape: tuple[int, int], padding: tuple[int, int], mode: str) -> None:
    """Refuse a mirror padding as wide as the image, or a wrap-around wider than it."""
    for n, p, axis in zip(shape, padding, ("rows", "columns")):
        if mode == "reflect" and p >= n:
            raise ValueError(
                f"padding {p} must be smaller than the image's {n} {axis} for "
                "padding_mode 'reflect'"
            )
        if mode == "circular" and p > n:
            raise ValueError(
                f"padding {p} must be at most the image's {n} {axis} for padding_mode 'circular'"
            )


def transposed_conv(
    Y: torch.Tensor,
    K: torch.Tensor,
    *,
    stride: Setting = 1,
    padding: Setting = 0,
    output_padding: Setting = 0,
    dilation: Setting = 1,
) -> torch.Tensor:
    """The transposed convolution of ``Y`` with ``K``, written as the scatter it is.

    Each input value ``Y[i, j]`` stamps the kernel scaled by it into the output, at rows
    ``i * stride + a * dilation`` and columns ``j * stride + b * dilation`` for each kernel
    entry ``K[a, b]``; overlapping stamps add up. The full output has
    ``(n - 1) stride + dilation (k - 1) + 1 + output_padding`` rows (and columns), the extra
    ``output_padding`` ones at the bottom (right), and ``padding`` is then cropped from each
    side. This is the transpose of :func:`cross_correlate` with the same settings, and
    equals ``F.conv_transpose2d(Y[None, None], K[None, None], ...)[0, 0]``; with a stride,
    several input sizes of ``cross_correlate`` give one output size and ``output_padding``
    picks which one to go back to (chapter "Padding, stride and dilation"). It works under
    autograd. Refused: non-tensors, tensors that are not 2-D, empty or non-finite tensors,
    integer dtypes, ``Y`` and ``K`` of different dtype or device; padding or output_padding
    below 0, stride or dilation below 1, bools and floats as settings; an output_padding
    that is smaller than neither the stride nor the dilation on an axis (PyTorch's rule);
    and a padding that crops the whole output.

    >>> transposed_conv(torch.tensor([[1., 2.]]), torch.tensor([[1., 10.]]), stride=2)
    tensor([[ 1., 10.,  2., 20.]])
    >>> transposed_conv(torch.ones(2, 2), torch.ones(2, 2), stride=2, output_padding=1)
    tensor([[1., 1., 1., 1., 0.],
            [1., 1., 1., 1., 0.],
            [1., 1., 1., 1., 0.],
            [1., 1., 1., 1., 0.],
            [0., 0., 0., 0., 0.]])
    """
    stride = check_window_setting(stride, "stride", 1)
    padding = check_window_setting(padding, "padding", 0)
    output_padding = check_window_setting(output_padding, "output_padding", 0)
    dilation = check_window_setting(dilation, "dilation", 1)
    check_output_padding(output_padding, stride, dilation)
    Y, K = check_matrix_pair(Y, K, ("Y", "K"))
    check_same_dtype(Y, K, ("Y", "K"))
    full = transposed_full_shape(Y.shape, K.shape, stride, output_padding, dilation)
    check_crop(full, padding)
    (n_h, n_w), (s_h, s_w), (d_h, d_w) = Y.shape, stride, dilation
    Z = Y.new_zeros(full)
    for a in range(K.shape[0]):
        for b in range(K.shape[1]):  # the stamps of K[a, b], one per input value
            rows = slice(a * d_h, a * d_h + (n_h - 1) * s_h + 1, s_h)
            columns = slice(b * d_w, b * d_w + (n_w - 1) * s_w + 1, s_w)
            Z[rows, columns] += Y * K[a, b]
    (p_h, p_w), (f_h, f_w) = padding, full
    Z = Z[p_h : f_h - p_h, p_w : f_w - p_w]

    def again(Y: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
        return transposed_conv(
            Y, K, stride=stride, padding=padding, output_padding=output_padding, dilation=dilation
        )

    return redo_if_overflowed(Z, Y, K, again)


def transposed_full_shape(
    input_shape: tuple[int, int],
    kernel_shape: tuple[int, int],
    stride: tuple[int, int],
    output_padding: tuple[int, int],
    dilation: tuple[int, int],
) -> tuple[int, int]:
    """Rows and columns that the scatter of :func:`transposed_conv` fills, before cropping.

    >>> transposed_full_shape((2, 2), (3, 3), (2, 2), (1, 0), (1, 1))
    (6, 5)
    """
    return tuple(
        (n - 1) * s + d * (k - 1) + 1 + o
        for n, k, s, o, d in zip(input_shape, kernel_shape, stride, output_padding, dilation)
    )


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
