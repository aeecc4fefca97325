"""The learning-rate explorer widget: gradient descent on a kernel, re-run on every slider move."""

from __future__ import annotations

from pathlib import Path

import anywidget
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
from convbook.data import edge_image, original_start
from convbook.kernels import kernel
from convbook.matrix import im2col
from convbook.ops import corr2d, output_shape
from convbook.train import History, critical_lr, learn_kernel

HERE = Path(__file__).parent


class LearningRateExplorer(anywidget.AnyWidget):
    """Learn a kernel from ``X`` and ``Y`` with sliders for the learning rate (log) and epochs.

    The default is the original notebook's problem: the 6 x 8 edge image, its edge map,
    a 1 x 2 kernel, ``lr = 3e-2`` and 50 epochs from its start. The critical rate
    (:func:`convbook.critical_lr`) is marked on the slider; above it the widget
    says that, and when, training diverges. ``history`` is the same run in PyTorch.
    Refused: non-2-D or non-finite ``X``/``Y``, a ``Y`` of the wrong shape, a rate
    that is not a positive finite number, epochs below 1.

    >>> explorer = LearningRateExplorer()
    >>> round(explorer.critical_lr * 30, 6), explorer.history.kernel.round(decimals=3)
    (1.0, tensor([[ 1., -1.]]))
    """

    _esm = HERE / "static" / "lr_explorer.js"  # bundled by esbuild from lr_explorer.js
    _css = HERE / "lr_explorer.css"
    x_rows = traitlets.List().tag(sync=True)
    y_rows = traitlets.List().tag(sync=True)
    init_rows = traitlets.List().tag(sync=True)
    optimum_rows = traitlets.List().tag(sync=True)
    lr = traitlets.Float(3e-2).tag(sync=True)
    epochs = traitlets.Int(50).tag(sync=True)
    critical_lr = traitlets.Float().tag(sync=True)
    lr_min = traitlets.Float(1e-3).tag(sync=True)
    lr_max = traitlets.Float(1e-1).tag(sync=True)

    def __init__(
        self,
        X: torch.Tensor | None = None,
        Y: torch.Tensor | None = None,
        kernel_size: int | tuple[int, int] = (1, 2),
        lr: float = 3e-2,
        epochs: int = 50,
        init: torch.Tensor | None = None,
    ) -> None:
        X = edge_image() if X is None else check_matrix(X, "X")
        kernel_size = check_kernel_size(kernel_size)
        Y = corr2d(X, kernel("edge")) if Y is None else Y
        Y = check_target(Y, output_shape(X.shape, kernel_size), X.shape, kernel_size)
        if init is None:
            init = original_start() if kernel_size == (1, 2) else torch.zeros(kernel_size)
        init = check_init(init, kernel_size)
        super().__init__(
            x_rows=X.double().tolist(),
            y_rows=Y.double().tolist(),
            init_rows=init.double().tolist(),
            optimum_rows=_least_squares(X, Y, kernel_size).tolist(),
            lr=check_positive_number(lr, "lr"),
            epochs=check_count(epochs, "epochs"),
            critical_lr=critical_lr(X, kernel_size),
        )

    @traitlets.validate("lr")
    def _valid_lr(self, proposal: dict) -> float:
        return check_positive_number(proposal["value"], "lr")

    @traitlets.validate("epochs")
    def _valid_epochs(self, proposal: dict) -> int:
        return check_count(proposal["value"], "epochs")

    @property
    def history(self) -> History:
        """The run now shown, computed in PyTorch by :func:`convbook.learn_kernel`."""
        X = torch.tensor(self.x_rows, dtype=torch.float32)
        Y = torch.tensor(self.y_rows, dtype=torch.float32)
        init = torch.tensor(self.init_rows, dtype=torch.float32)
        return learn_kernel(X, Y, tuple(init.shape), lr=self.lr, epochs=self.epochs, init=init)


def _least_squares(X: torch.Tensor, Y: torch.Tensor, kernel_size: tuple[int, int]) -> torch.Tensor:
    """The kernel with the smallest loss: where gradient descent is heading."""
    A = im2col(X.double(), kernel_size)
    solution = torch.linalg.lstsq(A, Y.double().reshape(-1, 1)).solution
    return solution.reshape(kernel_size)
