"""How a fast form hands back its output: checked without a full scan of the image
(chapter "How fast is a convolution?").

Shared by :mod:`convbook.fast`, :mod:`convbook.fused` and :mod:`convbook.separable`, so
that none of them imports another for it.
"""

from __future__ import annotations

import math

import torch

from convbook.checks import check_image_and_kernel
from convbook.ops import Form, redo_if_overflowed

# Half-precision inputs are summed in float32 and rounded back once, as PyTorch does.
HALF = (torch.float16, torch.bfloat16)


def finished(Y: torch.Tensor, X: torch.Tensor, K: torch.Tensor, form: Form) -> torch.Tensor:
    """Return ``Y = form(X, K)``, checked: the fast forms' way of keeping the rules cheap.

    They skip the check's full pass over ``X`` (its finiteness scan costs more than a 3x3
    correlation) and test the output instead: a NaN or inf pixel of ``X`` always reaches
    the output, because every pixel lies under some window. If ``Y`` is not finite, the
    full check runs (and raises for a bad ``X``); otherwise a sum overflowed on the way,
    and :func:`convbook.ops.redo_if_overflowed` computes ``Y`` again, scaled.
    """
    if math.isfinite(float(Y.detach().sum())):
        return Y
    check_image_and_kernel(X, K)
    return redo_if_overflowed(Y, X, K, form)


def needs_grad(*tensors: torch.Tensor) -> bool:
    """Whether autograd will want gradients of any of ``tensors``."""
    return torch.is_grad_enabled() and any(t.requires_grad for t in tensors)
