"""Learning a kernel back from an image and its feature map by gradient descent
(chapters "Learning the kernel" and "Why lr = 3e-2 works"), and the Hessian that says
which learning rates converge."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from convbook.checks import (
    check_count,
    check_init,
    check_kernel_size,
    check_matrix,
    check_positive_number,
    check_target,
)
from convbook.matrix import im2col
from convbook.ops import output_shape


@dataclass
class History:
    """What a run of :func:`learn_kernel` did, epoch by epoch.

    ``losses[i]`` is the summed squared loss the original notebook prints at epoch ``i + 1``
    (computed before that epoch's update); ``weights[i]`` is the kernel after it.
    If the loss became non-finite, training stopped there: ``diverged_at`` is that
    epoch (1-based) and the lists hold only the finite epochs before it. It checks
    nothing itself: :func:`learn_kernel` fills it.
    """

    init: torch.Tensor
    lr: float
    losses: list[float] = field(default_factory=list)
    weights: list[torch.Tensor] = field(default_factory=list)
    diverged_at: int | None = None

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None

    @property
    def kernel(self) -> torch.Tensor:
        """The kernel after the last finite epoch (the start if there was none)."""
        return self.weights[-1] if self.weights else self.init


def learn_kernel(
    X: torch.Tensor,
    Y: torch.Tensor,
    kernel_size: int | tuple[int, int] = (1, 2),
    lr: float = 3e-2,
    epochs: int = 50,
    init: torch.Tensor | None = None,
    seed: int | None = None,
) -> History:
    """Fit a kernel ``K`` so that ``corr2d(X, K)`` matches ``Y``, as the original notebook does.

    Each epoch computes ``l = (conv(X) - Y) ** 2``, back-propagates ``l.sum()`` and
    steps ``weight -= lr * grad``. ``init`` is the starting kernel (shape
    ``kernel_size``); without it the start is drawn as ``nn.Conv2d`` draws it, from
    ``seed`` (or from torch's global generator when ``seed`` is None). Refused: a
    non-2-D or non-finite ``X``/``Y``, a ``Y`` whose shape is not the output shape,
    ``lr`` that is not a positive finite number, ``epochs`` below 1, a
    ``seed`` that is not an int, an ``init`` of the wrong shape.

    >>> from convbook import corr2d, edge_image
    >>> X = edge_image(); Y = corr2d(X, torch.tensor([[1., -1.]]))
    >>> learn_kernel(X, Y, seed=0).kernel.round(decimals=3)
    tensor([[ 1., -1.]])
    """
    X = check_matrix(X, "X")
    kernel_size = check_kernel_size(kernel_size)
    Y = check_target(Y, output_shape(X.shape, kernel_size), X.shape, kernel_size)
    lr, epochs = check_positive_number(lr, "lr"), check_count(epochs, "epochs")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise TypeError(f"seed must be an int or None, got {type(seed).__name__}")
    start = _initial_kernel(kernel_size, init, seed).to(X.dtype)

    weight = start.clone().reshape(1, 1, *kernel_size).requires_grad_(True)
    X4, Y4 = X.reshape(1, 1, *X.shape), Y.reshape(1, 1, *Y.shape)
    history = History(init=start, lr=lr)
    for epoch in range(1, epochs + 1):
        l = (F.conv2d(X4, weight) - Y4) ** 2
        loss = l.sum()
        if not math.isfinite(loss.item()):
            history.diverged_at = epoch
            break
        weight.grad = None
        loss.backward()
        with torch.no_grad():
            weight -= lr * weight.grad
        history.losses.append(loss.item())
        history.weights.append(weight.detach().reshape(kernel_size).clone())
    return history


def _initial_kernel(
    kernel_size: tuple[int, int], init: torch.Tensor | None, seed: int | None
) -> torch.Tensor:
    if init is not None:
        return check_init(init, kernel_size).detach().clone()
    if seed is None:
        return nn.Conv2d(1, 1, kernel_size, bias=False).weight.detach().reshape(kernel_size)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return nn.Conv2d(1, 1, kernel_size, bias=False).weight.detach().reshape(kernel_size)


def critical_lr(X: torch.Tensor, kernel_size: int | tuple[int, int] = (1, 2)) -> float:
    """The largest stable learning rate for :func:`learn_kernel` on image ``X``.

    The summed squared loss is quadratic in the kernel's weights with Hessian
    ``H = 2 A^T A``, where each row of ``A`` is one window of ``X``. Gradient
    descent converges exactly when ``lr < 2 / lambda_max(H)``. Refused: a bad
    ``X``, a bad ``kernel_size``, a kernel larger than ``X``, an ``X`` that is
    all zeros (every rate is then stable).

    >>> from convbook import edge_image
    >>> round(1 / critical_lr(edge_image(), (1, 2)), 6)
    30.0
    """
    X = check_matrix(X, "X")
    kernel_size = check_kernel_size(kernel_size)
    output_shape(X.shape, kernel_size)
    largest = torch.linalg.eigvalsh(hessian(X, kernel_size))[-1].item()
    if largest <= 0:
        raise ValueError("X is all zeros: the loss does not depend on the kernel")
    return 2.0 / largest


def hessian(X: torch.Tensor, kernel_size: int | tuple[int, int] = (1, 2)) -> torch.Tensor:
    """Hessian ``2 A^T A`` (float64) of the summed squared loss in the kernel's weights.

    Refused: a bad ``X`` or ``kernel_size``, a kernel larger than ``X``.

    >>> from convbook import edge_image
    >>> hessian(edge_image(), (1, 2))
    tensor([[36., 24.],
            [24., 36.]], dtype=torch.float64)
    """
    A = im2col(check_matrix(X, "X").detach().double(), check_kernel_size(kernel_size))
    return 2.0 * A.T @ A
