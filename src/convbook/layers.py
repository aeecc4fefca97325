"""The original notebook's hand-made convolutional layer (chapter "A convolutional layer")."""

from __future__ import annotations

import torch
from torch import nn

from convbook.checks import check_kernel_size
from convbook.ops import corr2d


class Conv2D(nn.Module):
    """A 2-D convolutional layer: a learnable kernel ``weight`` and a scalar ``bias``.

    The weight starts uniform in [0, 1) as in the original notebook, the bias at zero; the
    forward pass is ``corr2d(x, weight) + bias`` on one 2-D image.

    Refused: a ``kernel_size`` that is not a positive int or pair of them; in
    ``forward``, an input that is not one 2-D image (and what :func:`corr2d` refuses).

    >>> layer = Conv2D((1, 2))
    >>> layer(torch.ones(3, 4)).shape
    torch.Size([3, 3])
    """

    def __init__(self, kernel_size: int | tuple[int, int]) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.rand(check_kernel_size(kernel_size)))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if isinstance(x, torch.Tensor) and x.dim() != 2:
            raise ValueError(
                f"Conv2D takes one 2-D image (height x width), got x of shape "
                f"{tuple(x.shape)}; for batches with channels use torch.nn.Conv2d"
            )
        return corr2d(x, self.weight) + self.bias
