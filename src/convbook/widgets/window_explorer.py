"""The window explorer widget: a kernel sliding with padding, stride and dilation, and back."""

from __future__ import annotations

import numbers

import torch
import traitlets

from convbook.ops import cross_correlate, output_shape, transposed_conv
from convbook.widgets.base import BookWidget

# Each slider's range, shared with the browser (the `ranges` trait).
RANGES = {
    "input_size": (3, 12),
    "kernel_size": (1, 5),
    "padding": (0, 3),
    "stride": (1, 4),
    "dilation": (1, 3),
    "output_padding": (0, 3),
}
# The player's speed slider, in steps a second, and where it starts (the `speed_range` trait).
SPEED_RANGE = {"min": 0.5, "max": 16, "step": 0.5, "start": 2}


def counting(n: int) -> torch.Tensor:
    """The n x n matrix 1, 2, 3, ... in reading order: the widget's input and kernel.

    >>> counting(2)
    tensor([[1., 2.],
            [3., 4.]])
    """
    return torch.arange(1, n * n + 1, dtype=torch.float32).reshape(n, n)


class Setting(traitlets.Int):
    """An int trait held to its slider's range; refused with a TypeError or ValueError naming it."""

    def validate(self, obj: object, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{self.name} must be an int, got {type(value).__name__}")
        low, high = RANGES[self.name]
        if not low <= value <= high:
            raise ValueError(f"{self.name} must be from {low} to {high}, got {value}")
        return int(value)


class Switch(traitlets.Bool):
    """A bool trait that refuses anything but True and False (not 0 and 1)."""

    def validate(self, obj: object, value: object) -> bool:
        if not isinstance(value, bool):
            raise TypeError(f"{self.name} must be True or False, got {type(value).__name__}")
        return value


class WindowExplorer(BookWidget):
    """Slide a k x k kernel over an n x n input with padding, stride and dilation, one output
    at a time; or, ``transposed=True``, scatter it back with a transposed convolution.

    The browser draws and computes everything, so the widget also works in the static book.
    The input and the kernel count 1, 2, 3, ... in reading order (:func:`counting`), so every
    sum it writes out can be checked by hand. ``output`` and ``transposed_output`` are the
    same numbers computed in PyTorch by :func:`convbook.cross_correlate` and
    :func:`convbook.transposed_conv`. Each setting must be an int in its slider's range
    (``RANGES``); ``output_padding`` must be smaller than the stride or the dilation
    (PyTorch's rule), and lowering the stride or the dilation lowers it to fit, as the
    browser does. A setting where the dilated kernel is larger than the padded input is
    allowed (the widget explains it in words); ``output`` and the transposed properties
    refuse it with a ValueError, and ``transposed_output`` refuses a padding that crops its
    whole result. The chapter "Padding, stride and dilation" (book/window-arithmetic.ipynb)
    explains all of it.

    >>> explorer = WindowExplorer()
    >>> explorer.output_size, explorer.output
    (3, tensor([[128., 241., 184.],
            [441., 681., 453.],
            [320., 457., 280.]]))
    >>> explorer.transposed_output.shape
    torch.Size([5, 5])
    """

    root_class = "cb-wx"

    input_size = Setting(5).tag(sync=True)
    kernel_size = Setting(3).tag(sync=True)
    padding = Setting(1).tag(sync=True)
    stride = Setting(2).tag(sync=True)
    dilation = Setting(1).tag(sync=True)
    output_padding = Setting(0).tag(sync=True)
    transposed = Switch(False).tag(sync=True)
    ranges = traitlets.Dict(RANGES, read_only=True).tag(sync=True)
    speed_range = traitlets.Dict(SPEED_RANGE, read_only=True).tag(sync=True)

    def __init__(
        self,
        input_size: int = 5,
        kernel_size: int = 3,
        *,
        padding: int = 1,
        stride: int = 2,
        dilation: int = 1,
        transposed: bool = False,
        output_padding: int = 0,
    ) -> None:
        super().__init__(
            input_size=input_size,
            kernel_size=kernel_size,
            padding=padding,
            stride=stride,
            dilation=dilation,
            transposed=transposed,
            output_padding=output_padding,
        )

    @traitlets.validate("output_padding")
    def _valid_output_padding(self, proposal: dict) -> int:
        value = proposal["value"]
        if value >= max(self.stride, self.dilation):
            raise ValueError(
                f"output_padding must be smaller than the stride ({self.stride}) or the "
                f"dilation ({self.dilation}), got {value}"
            )
        return value

    @traitlets.observe("stride", "dilation")
    def _fit_output_padding(self, change: dict) -> None:
        self.output_padding = min(self.output_padding, max(self.stride, self.dilation) - 1)

    @property
    def span(self) -> int:
        """Cells the dilated kernel spans: d(k - 1) + 1."""
        return self.dilation * (self.kernel_size - 1) + 1

    @property
    def output_size(self) -> int:
        """floor((n + 2p - d(k - 1) - 1) / s) + 1 (:func:`convbook.output_shape`), or 0 where
        no window fits."""
        if self.span > self.input_size + 2 * self.padding:
            return 0
        settings = {"padding": self.padding, "stride": self.stride, "dilation": self.dilation}
        return output_shape(self.input_size, self.kernel_size, **settings)[0]

    @property
    def image(self) -> torch.Tensor:
        """The n x n input: 1, 2, 3, ... in reading order."""
        return counting(self.input_size)

    @property
    def kernel(self) -> torch.Tensor:
        """The k x k kernel: 1, 2, 3, ... in reading order."""
        return counting(self.kernel_size)

    @property
    def output(self) -> torch.Tensor:
        """The m x m output, computed in PyTorch by :func:`convbook.cross_correlate`."""
        self._check_a_window_fits()
        settings = {"padding": self.padding, "stride": self.stride, "dilation": self.dilation}
        return cross_correlate(self.image, self.kernel, **settings)

    @property
    def transposed_input(self) -> torch.Tensor:
        """The m x m input of the transposed convolution: 1, 2, 3, ... in reading order."""
        self._check_a_window_fits()
        return counting(self.output_size)

    @property
    def transposed_output(self) -> torch.Tensor:
        """The transposed convolution of ``transposed_input``, computed in PyTorch by
        :func:`convbook.transposed_conv`: (m - 1)s - 2p + d(k - 1) + 1 + output_padding rows
        and columns."""
        Z = self.transposed_input
        size = (Z.shape[0] - 1) * self.stride - 2 * self.padding + self.span + self.output_padding
        if size < 1:
            raise ValueError(
                f"the padding ({self.padding}) crops every row of the transposed convolution's "
                f"result; raise output_padding (now {self.output_padding})"
            )
        settings = {
            "stride": self.stride,
            "padding": self.padding,
            "output_padding": self.output_padding,
            "dilation": self.dilation,
        }
        return transposed_conv(Z, self.kernel, **settings)

    def _check_a_window_fits(self) -> None:
        padded = self.input_size + 2 * self.padding
        if self.span > padded:
            raise ValueError(
                f"no window fits: with dilation {self.dilation} the {self.kernel_size} x "
                f"{self.kernel_size} kernel spans {self.span} cells, more than the padded "
                f"input's {padded}"
            )
