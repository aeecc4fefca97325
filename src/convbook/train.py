"""Learning a kernel back from an image and its feature map by gradient descent
(chapters "Learning the kernel" and "Why lr = 3e-2 works"), and the Hessian that says
which learning rates converge."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn
from tqdm import tqdm

from convbook.checks import (
    check_count,
    check_init,
    check_kernel_size,
    check_matrix,
    check_positive_number,
    check_seed,
    check_target,
)
from convbook.matrix import im2col
from convbook.ops import output_shape, power_of_two_below

# Runs of this many epochs or more show a progress bar once they have taken a few seconds.
# A count, not a time alone: shorter runs (all of the book's) never show one, however busy
# the machine, so a re-run notebook prints exactly what it printed before. The bar is tqdm's
# text bar, in a terminal only (disable=None: none where stderr is no terminal, as in
# Jupyter): tqdm.auto's notebook bar would be a widget, and its models would stay in the
# saved widget state of the notebook that ran it.
PROGRESS_FROM_EPOCHS = 10_000
PROGRESS_AFTER_SECONDS = 3.0

# A run whose loss rose at each of this many last epochs is growing, not converging: below the
# critical rate every step shrinks the loss of a quadratic (chapter "Why lr = 3e-2 works"),
# so a rise that long is no rounding noise.
GROWING_EPOCHS = 10


@dataclass
class History:
    """What a run of :func:`learn_kernel` did, epoch by epoch.

    ``losses[i]`` is the summed squared loss the original notebook prints at epoch ``i + 1``
    (computed before that epoch's update); ``weights[i]`` is the kernel after it, a view
    into ``kernels``, one tensor of shape ``(epochs, k_h, k_w)`` (compact for long runs).
    If the loss, or the kernel after an update, stopped being finite, training stopped
    at that epoch: ``diverged_at`` is it (1-based), ``overflowed`` is True, and the lists
    hold only the epochs before it. ``diverged`` is True when the run overflowed *or* its
    loss was still growing at the end, risen at each of the last ``GROWING_EPOCHS`` epochs
    (a rate above the critical one that has not overflowed yet). It checks nothing itself:
    :func:`learn_kernel` fills it. Chapter "Learning the kernel" shows both.
    """

    init: torch.Tensor
    lr: float
    losses: list[float] = field(default_factory=list)
    kernels: torch.Tensor | None = None
    diverged_at: int | None = None

    @property
    def overflowed(self) -> bool:
        """The loss or the kernel stopped being finite: training stopped at ``diverged_at``."""
        return self.diverged_at is not None

    @property
    def growing(self) -> bool:
        """The loss rose at each of the last ``GROWING_EPOCHS`` epochs of the run."""
        last = self.losses[-GROWING_EPOCHS - 1 :]
        return len(last) > GROWING_EPOCHS and all(b > a for a, b in zip(last, last[1:]))

    @property
    def diverged(self) -> bool:
        """The run overflowed, or its loss was still growing when it ended."""
        return self.overflowed or self.growing

    @property
    def weights(self) -> list[torch.Tensor]:
        """The kernel after each finite epoch, oldest first."""
        return [] if self.kernels is None else list(self.kernels.unbind(0))

    @property
    def kernel(self) -> torch.Tensor:
        """The kernel after the last finite epoch (the start if there was none)."""
        return self.init if self.kernels is None or not len(self.kernels) else self.kernels[-1]


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
    ``seed`` (or from torch's global generator when ``seed`` is None). ``X`` and ``Y`` are
    used detached: training never back-propagates into them. Runs that last more than a
    few seconds (and have at least ``PROGRESS_FROM_EPOCHS`` epochs) show a progress bar in a
    terminal (a text bar; none in Jupyter, so that no notebook keeps a progress widget).
    Refused: a non-2-D or non-finite ``X``/``Y``, a ``Y`` whose shape is not the output
    shape or on another device, ``lr`` that is not a positive finite number, ``epochs``
    below 1, a ``seed`` that is not an int ``torch.manual_seed`` takes, an ``init`` of the
    wrong shape.

    >>> from convbook import corr2d, edge_image
    >>> X = edge_image(); Y = corr2d(X, torch.tensor([[1., -1.]]))
    >>> learn_kernel(X, Y, seed=0).kernel.round(decimals=3)
    tensor([[ 1., -1.]])
    """
    X = check_matrix(X, "X").detach()
    kernel_size = check_kernel_size(kernel_size)
    Y = check_target(Y, output_shape(X.shape, kernel_size), X.shape, kernel_size).detach()
    if Y.device != X.device:
        raise ValueError(f"Y must be on X's device {X.device}, got {Y.device}")
    lr, epochs = check_positive_number(lr, "lr"), check_count(epochs, "epochs")
    start = _initial_kernel(kernel_size, init, check_seed(seed)).to(X.device, X.dtype)

    weight = start.clone().reshape(1, 1, *kernel_size).requires_grad_(True)
    X4, Y4 = X.reshape(1, 1, *X.shape), Y.reshape(1, 1, *Y.shape)
    losses: list[float] = []
    kernels = start.new_empty((min(epochs, 1024), *kernel_size))
    diverged_at = None
    shown = None if epochs >= PROGRESS_FROM_EPOCHS else True  # None: where someone can see it
    bar = {"unit": "epoch", "delay": PROGRESS_AFTER_SECONDS, "leave": False, "disable": shown}
    with tqdm(total=epochs, **bar) as progress:
        for epoch in range(1, epochs + 1):
            l = (F.conv2d(X4, weight) - Y4) ** 2
            loss = l.sum()
            value = loss.item()  # one read of the loss per epoch
            if not math.isfinite(value):
                diverged_at = epoch
                break
            weight.grad = None
            loss.backward()
            with torch.no_grad():
                weight -= lr * weight.grad
            if not bool(torch.isfinite(weight).all()):
                diverged_at = epoch
                break
            if epoch > len(kernels):  # grow by doubling: long runs stay one tensor
                kernels = torch.cat([kernels, torch.empty_like(kernels)])
            kernels[epoch - 1] = weight.detach().reshape(kernel_size)
            losses.append(value)
            progress.update()
    return History(start, lr, losses, kernels[: len(losses)], diverged_at)


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
    descent converges exactly when ``lr < 2 / lambda_max(H)``. ``H`` is computed for
    ``X`` scaled by a power of two, so that neither huge nor tiny pixels overflow it.
    Refused: a bad ``X``, a bad ``kernel_size``, a kernel larger than ``X``, an ``X``
    that is all zeros (every rate is then stable), an ``X`` so large or so small that the
    rate is beyond float64's range.

    >>> from convbook import edge_image
    >>> round(1 / critical_lr(edge_image(), (1, 2)), 6)
    30.0
    """
    X = check_matrix(X, "X").detach().double()
    kernel_size = check_kernel_size(kernel_size)
    output_shape(X.shape, kernel_size)
    scale = power_of_two_below(X)  # H(X) = scale**2 * H(X / scale), exactly
    largest = torch.linalg.eigvalsh(hessian(X / scale, kernel_size))[-1].item()
    if largest <= 0:
        raise ValueError("X is all zeros: the loss does not depend on the kernel")
    rate = 2.0 / largest / scale / scale
    if rate == 0.0 or math.isinf(rate):
        exponent = math.log10(2.0 / largest) - 2 * math.log10(scale)
        raise ValueError(
            f"X's largest entry, {float(X.abs().max()):.3g}, makes the critical rate about "
            f"1e{exponent:.0f}, beyond the range of a float64"
        )
    return rate


def hessian(X: torch.Tensor, kernel_size: int | tuple[int, int] = (1, 2)) -> torch.Tensor:
    """Hessian ``2 A^T A`` (float64) of the summed squared loss in the kernel's weights.

    Refused: a bad ``X`` or ``kernel_size``, a kernel larger than ``X``, an ``X`` whose
    Hessian is beyond float64's range.

    >>> from convbook import edge_image
    >>> hessian(edge_image(), (1, 2))
    tensor([[36., 24.],
            [24., 36.]], dtype=torch.float64)
    """
    A = im2col(check_matrix(X, "X").detach().double(), check_kernel_size(kernel_size))
    H = 2.0 * A.T @ A
    if not bool(torch.isfinite(H).all()):
        raise ValueError(
            f"X's entries (up to {A.abs().max():.3g}) are too large: the Hessian's sums of "
            f"products are beyond the range of a float64"
        )
    return H
