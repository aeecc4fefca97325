"""The learning-rate explorer widget: gradient descent on a kernel, re-run on every slider move."""

from __future__ import annotations

import math

import torch
import traitlets

from convbook.checks import (
    check_count,
    check_init,
    check_kernel_size,
    check_matrix,
    check_positive_number,
    check_target,
)
from convbook.data import edge_image, original_start, photo
from convbook.kernels import kernel
from convbook.matrix import im2col
from convbook.ops import corr2d, output_shape
from convbook.train import History, critical_lr, learn_kernel
from convbook.widgets.base import BookWidget, one_of, refused

EDGE = "edge image 6 × 8, 1 × 2 kernel"
# The second problem: a 3 x 3 kernel, Sobel x, learned from a small photo and its feature map.
PHOTO_SIZE = 16
PHOTO = f"photo {PHOTO_SIZE} × {PHOTO_SIZE}, 3 × 3 kernel (Sobel x)"
# The page's sliders: the epochs, and the positions of the rate's log slider over lr_range.
RANGES = {"epochs": {"min": 1, "max": 200, "step": 1}, "rate": {"min": 0, "max": 1000, "step": 1}}


class LearningRateExplorer(BookWidget):
    """Learn a kernel from ``X`` and ``Y`` with sliders for the learning rate (log) and epochs.

    The default is the original notebook's problem: the 6 x 8 edge image, its edge map,
    a 1 x 2 kernel, ``lr = 3e-2`` and 50 epochs from its start. A second problem is always on
    offer (``problem``): learning the 3 x 3 Sobel kernel from a 16 x 16 photo and its feature
    map, from zeros. Setting ``problem`` restores that problem's own start and rate. The page
    computes the critical rate (:func:`convbook.critical_lr`) itself, marks it on the slider
    and says whether, and when, training diverges. ``history`` is the same run in PyTorch.
    Refused: non-2-D or non-finite ``X``/``Y``, a ``Y`` of the wrong shape, a rate that is
    not a positive finite number, epochs below 1, an unknown problem, a start of the wrong
    shape or beyond float32. The chapter "Learning the kernel" shows it.

    >>> explorer = LearningRateExplorer()
    >>> round(explorer.critical_lr * 30, 6), explorer.history.kernel.round(decimals=3)
    (1.0, tensor([[ 1., -1.]]))
    """

    root_class = "cb-lr"

    ranges = traitlets.Dict(RANGES, read_only=True).tag(sync=True)
    problems = traitlets.Dict().tag(sync=True)
    problem = traitlets.Unicode().tag(sync=True)
    init_rows = traitlets.List().tag(sync=True)
    lr = traitlets.Float(3e-2).tag(sync=True)
    epochs = traitlets.Int(50).tag(sync=True)

    def __init__(
        self,
        X: torch.Tensor | None = None,
        Y: torch.Tensor | None = None,
        kernel_size: int | tuple[int, int] = (1, 2),
        lr: float = 3e-2,
        epochs: int = 50,
        init: torch.Tensor | None = None,
    ) -> None:
        name = EDGE if X is None else "your X and Y"
        X = edge_image() if X is None else check_matrix(X, "X")
        kernel_size = check_kernel_size(kernel_size)
        Y = corr2d(X, kernel("edge")) if Y is None else Y
        Y = check_target(Y, output_shape(X.shape, kernel_size), X.shape, kernel_size)
        if init is None:
            init = original_start() if kernel_size == (1, 2) else torch.zeros(kernel_size)
        init = check_init(init, kernel_size)
        lr = check_positive_number(lr, "lr")
        sobel = photo(PHOTO_SIZE)
        problems = {
            name: _problem(X, Y, init, lr),
            PHOTO: _problem(sobel, corr2d(sobel, kernel("sobel_x")), torch.zeros(3, 3)),
        }
        super().__init__(
            problems=problems,
            problem=name,
            init_rows=problems[name]["init_rows"],
            lr=lr,
            epochs=check_count(epochs, "epochs"),
        )

    @traitlets.validate("problem")
    @refused
    def _valid_problem(self, proposal: dict) -> str:
        return one_of(proposal["value"], self.problems, "problem")

    @traitlets.observe("problem")
    def _start_of_problem(self, change: dict) -> None:
        chosen = self.problems[change["new"]]
        self.set_trait("init_rows", chosen["init_rows"])
        self.set_trait("lr", chosen["lr"])

    @traitlets.validate("init_rows")
    @refused
    def _valid_init(self, proposal: dict) -> list:
        size = self._shape
        start = check_init(torch.tensor(proposal["value"], dtype=torch.float32), size)
        return start.double().tolist()

    @traitlets.validate("lr")
    @refused
    def _valid_lr(self, proposal: dict) -> float:
        return check_positive_number(proposal["value"], "lr")

    @traitlets.validate("epochs")
    @refused
    def _valid_epochs(self, proposal: dict) -> int:
        return check_count(proposal["value"], "epochs")

    @property
    def _shape(self) -> tuple[int, int]:
        start = self.problems[self.problem]["init_rows"]
        return len(start), len(start[0])

    @property
    def X(self) -> torch.Tensor:
        """The image of the problem shown."""
        return torch.tensor(self.problems[self.problem]["x_rows"], dtype=torch.float32)

    @property
    def Y(self) -> torch.Tensor:
        """The feature map the kernel should reproduce."""
        return torch.tensor(self.problems[self.problem]["y_rows"], dtype=torch.float32)

    @property
    def optimum(self) -> torch.Tensor:
        """The kernel with the smallest loss (float64): where gradient descent is heading."""
        return torch.tensor(self.problems[self.problem]["optimum_rows"], dtype=torch.float64)

    @property
    def critical_lr(self) -> float:
        """The critical rate of the problem shown (the page computes it again itself)."""
        return critical_lr(self.X, self._shape)

    @property
    def history(self) -> History:
        """The run now shown, computed in PyTorch by :func:`convbook.learn_kernel`."""
        init = torch.tensor(self.init_rows, dtype=torch.float32)
        return learn_kernel(self.X, self.Y, self._shape, lr=self.lr, epochs=self.epochs, init=init)


def _problem(X: torch.Tensor, Y: torch.Tensor, init: torch.Tensor, lr: float | None = None) -> dict:
    """What the page needs of one learning problem. Without ``lr`` the rate is 0.9 times the
    critical rate, to two digits; the slider spans whole powers of ten around a tenth and
    twice the critical rate (and ``lr``)."""
    kernel_size = tuple(init.shape)
    critical = critical_lr(X, kernel_size)
    lr = float(f"{0.9 * critical:.2g}") if lr is None else lr
    low = 10 ** math.floor(math.log10(min(critical / 10, lr)))
    high = 10 ** math.ceil(math.log10(max(2 * critical, lr)))
    return {
        "x_rows": X.double().tolist(),
        "y_rows": Y.double().tolist(),
        "init_rows": init.float().double().tolist(),
        "optimum_rows": _least_squares(X, Y, kernel_size).tolist(),
        "lr": lr,
        "lr_range": [low, high],
    }


def _least_squares(X: torch.Tensor, Y: torch.Tensor, kernel_size: tuple[int, int]) -> torch.Tensor:
    """The kernel with the smallest loss: where gradient descent is heading."""
    A = im2col(X.double(), kernel_size)
    solution = torch.linalg.lstsq(A, Y.double().reshape(-1, 1)).solution
    return solution.reshape(kernel_size)
