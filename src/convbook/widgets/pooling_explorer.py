"""The pooling explorer widget: max or average pooling of a photo or a digit, window by window,
with the pixel that won each max (where the gradient goes)."""

from __future__ import annotations

import functools
import numbers

import torch
import torch.nn.functional as F
import traitlets

from convbook.data import photo
from convbook.widgets.base import BookWidget, StateError, StateTypeError, one_of, refused, rows

__all__ = ["PoolingExplorer"]

MODES = ("max", "avg")
PHOTO = "photo (32 × 32)"
DIGITS = (3, 7)  # the held-out digits offered, the first of each label
# Every setting's slider (min, max, step, start), sent to the browser as the `ranges` trait.
# The padding is further held to half the window (PyTorch's rule), in Python and the browser.
RANGES = {
    "window": {"min": 1, "max": 8, "step": 1, "start": 2},
    "stride": {"min": 1, "max": 8, "step": 1, "start": 2},
    "padding": {"min": 0, "max": 4, "step": 1, "start": 0},
}


def digit_name(label: int) -> str:
    return f"digit {label} (20 × 20)"


@functools.cache
def pictures() -> dict[str, list[list[float]]]:
    """The images to choose from, as the browser gets them: the photo (32 x 32, 3 decimals) and
    held-out digits of :func:`convbook.network.digits` (20 x 20, 4 decimals)."""
    from convbook.network import digits  # scikit-learn's scans: loaded only when asked for

    data = digits()
    images = {PHOTO: rows(photo(32), decimals=3)}
    for label in DIGITS:
        first = int((data.test_labels == label).nonzero()[0])
        images[digit_name(label)] = rows(data.test_images[first, 0])
    return images


def _setting(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    low, high = RANGES[name]["min"], RANGES[name]["max"]
    if not low <= value <= high:
        raise ValueError(f"{name} must be from {low} to {high}, got {value}")
    return int(value)


class Setting(traitlets.TraitType):
    """An int held to its slider's range (not a float, not a bool), refused naming the setting."""

    def validate(self, obj: object, value: object) -> int:
        try:
            return _setting(self.name, value)
        except TypeError as error:
            raise StateTypeError(str(error)) from error
        except ValueError as error:
            raise StateError(str(error)) from error


class PoolingExplorer(BookWidget):
    """Pool a photo or a digit with a square window, a stride and a padding, by its maximum
    (``mode="max"``, as ``F.max_pool2d``) or its mean (``mode="avg"``, as ``F.avg_pool2d``).

    The browser computes and draws everything, so the widget also works in the static book:
    hover over (or focus) an output cell to see its window in the image and, for max pooling,
    the pixel that won it, which is where the gradient of that output goes. On a tie the first
    largest pixel in reading order wins, as in PyTorch. ``output``, ``winners`` and
    ``gradient`` are the same in PyTorch. Refused with a TypeError or ValueError naming the
    setting: a window, stride or padding that is not an int in its range (``RANGES``), a
    padding over half the window (PyTorch's rule), an unknown mode or image. Lowering the
    window lowers the padding to fit, as the browser does. The chapter "Pooling"
    (book/pooling.ipynb) shows the widget.

    >>> explorer = PoolingExplorer(window=3, stride=2, padding=1)
    >>> explorer.output.shape, explorer.winners.shape
    (torch.Size([10, 10]), torch.Size([10, 10, 2]))
    """

    root_class = "cb-px"

    images = traitlets.Dict().tag(sync=True)
    image_name = traitlets.Unicode(digit_name(DIGITS[0])).tag(sync=True)
    mode = traitlets.Unicode("max").tag(sync=True)
    window = Setting(RANGES["window"]["start"]).tag(sync=True)
    stride = Setting(RANGES["stride"]["start"]).tag(sync=True)
    padding = Setting(RANGES["padding"]["start"]).tag(sync=True)
    ranges = traitlets.Dict(RANGES, read_only=True).tag(sync=True)

    def __init__(
        self,
        image_name: str | None = None,
        mode: str = "max",
        *,
        window: int = RANGES["window"]["start"],
        stride: int = RANGES["stride"]["start"],
        padding: int = RANGES["padding"]["start"],
    ) -> None:
        images = pictures()
        super().__init__(images=images, image_name=digit_name(DIGITS[0]))
        with self.hold_trait_notifications():  # checked together, as the browser sends them
            self.image_name = digit_name(DIGITS[0]) if image_name is None else image_name
            self.mode, self.window, self.stride, self.padding = mode, window, stride, padding

    @traitlets.validate("image_name")
    @refused
    def _valid_image_name(self, proposal: dict) -> str:
        return one_of(proposal["value"], self.images, "image_name")

    @traitlets.validate("mode")
    @refused
    def _valid_mode(self, proposal: dict) -> str:
        return one_of(proposal["value"], MODES, "mode")

    @traitlets.validate("padding")
    @refused
    def _valid_padding(self, proposal: dict) -> int:
        value = proposal["value"]
        if value > self.window // 2:
            raise ValueError(
                f"padding must be at most half the window ({self.window} // 2 = "
                f"{self.window // 2}, PyTorch's rule), got {value}"
            )
        return value

    @traitlets.observe("window")
    def _fit_padding(self, change: dict) -> None:
        self.padding = min(self.padding, self.window // 2)

    @property
    def image(self) -> torch.Tensor:
        """The image now shown, float64, as the browser has it."""
        return torch.tensor(self.images[self.image_name], dtype=torch.float64)

    def _pool(self, X: torch.Tensor, **extra) -> torch.Tensor:
        settings = {"stride": self.stride, "padding": self.padding, **extra}
        pool = F.max_pool2d if self.mode == "max" else F.avg_pool2d
        return pool(X[None, None], self.window, **settings)

    @property
    def output(self) -> torch.Tensor:
        """The pooled image, computed by ``F.max_pool2d`` or ``F.avg_pool2d``."""
        return self._pool(self.image)[0, 0]

    @property
    def winners(self) -> torch.Tensor:
        """(row, column) of the pixel that won each output, shape (m_h, m_w, 2): max only."""
        # PyTorch keeps the first largest pixel of a window in reading order (a tie).
        if self.mode != "max":
            raise ValueError("winners are for mode='max': every pixel of a window shares its mean")
        X = self.image
        _, where = F.max_pool2d(
            X[None, None], self.window, self.stride, self.padding, return_indices=True
        )
        flat = where[0, 0]
        return torch.stack([flat // X.shape[1], flat % X.shape[1]], dim=-1)

    @property
    def gradient(self) -> torch.Tensor:
        """The gradient of the sum of the outputs with respect to the image (torch autograd)."""
        X = self.image.requires_grad_()
        self._pool(X).sum().backward()
        return X.grad
