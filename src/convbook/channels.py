"""Cross-correlation with channels (chapter "Channels"), written as D2L writes it.

A colour image has several input channels; a kernel holds one k_h x k_w slice per input
channel, and the slices' maps add up to one output channel. A layer holds one such kernel
per output channel. Each form here equals ``torch.nn.functional.conv2d`` on one image.
"""

from __future__ import annotations

import torch

from convbook.checks import check_channels, check_one_by_one
from convbook.ops import corr2d, redo_if_overflowed


def corr2d_multi_in(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlate each channel of ``X`` with its slice of ``K`` and add the maps.

    ``X`` is (c_i, n_h, n_w) and ``K`` (c_i, k_h, k_w); the result is one map, (n_h - k_h + 1,
    n_w - k_w + 1), equal to ``F.conv2d(X[None], K[None])[0, 0]``. Refused: what
    :func:`convbook.corr2d` refuses, ``X`` that is not 3-D, ``K`` that is not 3-D, and
    channel counts that differ. The chapter "Channels" derives it.

    >>> X = torch.stack([torch.arange(9.).reshape(3, 3), torch.arange(1., 10.).reshape(3, 3)])
    >>> K = torch.stack([torch.arange(4.).reshape(2, 2), torch.arange(1., 5.).reshape(2, 2)])
    >>> corr2d_multi_in(X, K)
    tensor([[ 56.,  72.],
            [104., 120.]])
    """
    X, K = check_channels(X, K, kernel_dims=3)
    Y = sum(corr2d(x, k) for x, k in zip(X, K))
    return redo_if_overflowed(Y, X, K, corr2d_multi_in)


def corr2d_multi_in_out(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """One output channel per kernel: ``K`` (c_o, c_i, k_h, k_w) makes (c_o, h', w').

    Output channel ``o`` is :func:`corr2d_multi_in` of ``X`` with ``K[o]``; the whole equals
    ``F.conv2d(X[None], K)[0]``. Refused: what :func:`corr2d_multi_in` refuses, with ``K``
    4-D instead of 3-D. The chapter "Channels" counts its parameters.

    >>> X = torch.ones(3, 4, 4)
    >>> corr2d_multi_in_out(X, torch.ones(2, 3, 2, 2)).shape
    torch.Size([2, 3, 3])
    """
    X, K = check_channels(X, K, kernel_dims=4)
    return torch.stack([corr2d_multi_in(X, k) for k in K], 0)


def corr2d_multi_in_out_1x1(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """A 1 x 1 convolution as one matrix product: (c_o, c_i) times (c_i, n_h * n_w).

    Each pixel's output channels are a mix of its own input channels, nothing from its
    neighbours; equal to :func:`corr2d_multi_in_out` and to ``F.conv2d(X[None], K)[0]``.
    Refused: what :func:`corr2d_multi_in_out` refuses, and ``K`` that is not
    (c_o, c_i, 1, 1). The chapter "Channels" turns the colour photo grey with it.

    >>> grey = torch.tensor([0.299, 0.587, 0.114]).reshape(1, 3, 1, 1)
    >>> corr2d_multi_in_out_1x1(torch.ones(3, 2, 2), grey)
    tensor([[[1., 1.],
             [1., 1.]]])
    """
    X, K = check_channels(X, K, kernel_dims=4)
    check_one_by_one(K)
    c_i, h, w = X.shape
    c_o = K.shape[0]
    Y = torch.matmul(K.reshape((c_o, c_i)), X.reshape((c_i, h * w)))
    return redo_if_overflowed(Y.reshape((c_o, h, w)), X, K, corr2d_multi_in_out_1x1)
