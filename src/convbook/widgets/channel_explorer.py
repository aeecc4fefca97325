"""The channel explorer widget: a colour photo, one kernel per channel, and the sum they make."""

from __future__ import annotations

import math
import numbers

import torch
import traitlets

from convbook.channels import corr2d_multi_in
from convbook.checks import CHANNEL_AXES, check_tensor
from convbook.data import GREY_WEIGHTS, LARGEST_KERNEL, colour_photo
from convbook.kernels import kernel as named_kernel
from convbook.kernels import kernel_names
from convbook.ops import corr2d
from convbook.widgets.base import BookWidget
from convbook.widgets.base import rows as _rows

CHANNELS = ("red", "green", "blue")
# The kernel sizes the page offers (the `sizes` trait): its own, odd so that every kernel has a
# centre to pad around, and fixed: raising the book's kernel limit (LARGEST_KERNEL) does not
# change them, and a named kernel larger than the largest is not offered as a preset.
SIZES = (1, 3, 5)
if max(SIZES) > LARGEST_KERNEL:
    raise ImportError(f"the channel explorer's sizes {SIZES} exceed the book's {LARGEST_KERNEL}")
LARGEST_ENTRY = 1000  # kernel entries and the bias lie in [-1000, 1000]: sums stay readable
PHOTO_SIZE = 32
PHOTO_DECIMALS = 3  # the photo is sent to the page rounded to this many decimals


def channel_presets() -> dict[str, list]:
    """The kernels a channel can take by name: "zero" (the channel left out) and the book's
    square named kernels (:func:`convbook.kernel`) of a side in ``SIZES``."""
    square = [n for n in kernel_names() if named_kernel(n).shape[0] == named_kernel(n).shape[1]]
    square = [n for n in square if named_kernel(n).shape[0] in SIZES]
    return {"zero": [[0.0]], **{n: _rows(named_kernel(n)) for n in square}}


def combinations() -> dict[str, list]:
    """Kernels for all three channels at once, each (3, k, k): one kernel on every channel,
    one channel alone, and 1 x 1 mixes of the colours."""
    sobel = named_kernel("sobel_x")
    zero = torch.zeros_like(sobel)
    mixes = {
        "Sobel x on every channel": torch.stack([sobel] * 3),
        "Sobel x on red only": torch.stack([sobel, zero, zero]),
        "Sobel x on green only": torch.stack([zero, sobel, zero]),
        "box blur on every channel": torch.stack([named_kernel("box_blur")] * 3),
        "grey: the photo's weights (1 × 1)": torch.tensor(GREY_WEIGHTS).reshape(3, 1, 1),
        "mean of the channels (1 × 1)": torch.full((3, 1, 1), 1 / 3),
        "red minus green (1 × 1)": torch.tensor([1.0, -1.0, 0.0]).reshape(3, 1, 1),
    }
    return {name: _rows(K) for name, K in mixes.items()}


def check_kernels(value: object, name: str = "kernels") -> torch.Tensor:
    """Return ``value`` if it is a (3, k, k) floating-point tensor of finite entries in
    [-LARGEST_ENTRY, LARGEST_ENTRY], k odd and at most LARGEST_KERNEL.

    >>> check_kernels(torch.zeros(3, 1, 1)).shape
    torch.Size([3, 1, 1])
    """
    value = check_tensor(value, name, 3, CHANNEL_AXES[3])
    if value.shape[0] != len(CHANNELS):
        raise ValueError(
            f"{name} must have {len(CHANNELS)} channels, one per colour of the photo, got "
            f"{value.shape[0]}"
        )
    k = value.shape[1]
    if value.shape[1] != value.shape[2] or k not in SIZES:
        raise ValueError(
            f"{name} must be square with a side of {', '.join(map(str, SIZES))}, got "
            f"{value.shape[1]} x {value.shape[2]}"
        )
    if value.abs().max() > LARGEST_ENTRY:
        raise ValueError(f"{name} entries must be from -{LARGEST_ENTRY} to {LARGEST_ENTRY}")
    return value


class Bias(traitlets.Float):
    """A float trait in [-LARGEST_ENTRY, LARGEST_ENTRY]; refused with a TypeError or ValueError
    naming it."""

    def validate(self, obj: object, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{self.name} must be a number, got {type(value).__name__}")
        if not (math.isfinite(value) and abs(value) <= LARGEST_ENTRY):
            raise ValueError(
                f"{self.name} must be a finite number from -{LARGEST_ENTRY} to {LARGEST_ENTRY}, "
                f"got {value!r}"
            )
        return float(value)


class ChannelExplorer(BookWidget):
    """Give each colour channel of the photo its own kernel and see the three maps and their sum.

    The photo is :func:`convbook.colour_photo` at 32 x 32 pixels (sent to the page rounded to
    3 decimals); the browser computes every map, so the widget also works in the static book.
    ``kernels`` is the (3, k, k) tensor of the three kernels (red, green, blue; k is 1, 3 or 5)
    and ``bias`` the number added to the sum; ``output`` is the same sum computed in PyTorch by
    :func:`convbook.corr2d_multi_in`, plus the bias. Refused, with a TypeError or ValueError
    naming the argument: ``kernels`` that are not such a tensor of finite entries from -1000
    to 1000, a ``bias`` that is not a finite number in that range. The page refuses the same
    in words beside the box and keeps the last valid value. The chapter "Channels"
    (book/channels.ipynb) explains it.

    >>> explorer = ChannelExplorer(torch.ones(3, 1, 1), bias=0.5)
    >>> explorer.output.shape
    torch.Size([32, 32])
    >>> torch.allclose(explorer.output, explorer.photo.sum(0) + 0.5)
    True
    """

    root_class = "cb-cx"

    photo_rows = traitlets.List(read_only=True).tag(sync=True)
    kernel_rows = traitlets.List().tag(sync=True)
    bias = Bias(0.0).tag(sync=True)
    channel_names = traitlets.List(list(CHANNELS), read_only=True).tag(sync=True)
    presets = traitlets.Dict(read_only=True).tag(sync=True)
    combinations = traitlets.Dict(read_only=True).tag(sync=True)
    sizes = traitlets.List(list(SIZES), read_only=True).tag(sync=True)
    largest_entry = traitlets.Int(LARGEST_ENTRY, read_only=True).tag(sync=True)

    def __init__(self, kernels: torch.Tensor | None = None, bias: float = 0.0) -> None:
        super().__init__(bias=bias)
        default = torch.tensor(self.combinations["Sobel x on every channel"])
        self.kernels = default if kernels is None else kernels

    @traitlets.default("photo_rows")
    def _photo_rows(self) -> list:
        return _rows(colour_photo(PHOTO_SIZE), PHOTO_DECIMALS)

    @traitlets.default("presets")
    def _presets(self) -> dict:
        return channel_presets()

    @traitlets.default("combinations")
    def _combinations(self) -> dict:
        return combinations()

    @traitlets.validate("kernel_rows")
    def _valid_kernel_rows(self, proposal: dict) -> list:
        rows = proposal["value"]
        try:
            K = torch.tensor(rows, dtype=torch.float64)
        except (TypeError, ValueError):
            raise ValueError(
                "kernel_rows must be three k x k lists of numbers, one per channel"
            ) from None
        check_kernels(K, "kernel_rows")
        return K.tolist()

    @property
    def photo(self) -> torch.Tensor:
        """The (3, 32, 32) photo as the page has it (3 decimals), float32."""
        return torch.tensor(self.photo_rows, dtype=torch.float32)

    @property
    def kernels(self) -> torch.Tensor:
        """The (3, k, k) kernels now shown (red, green, blue), float32."""
        return torch.tensor(self.kernel_rows, dtype=torch.float32)

    @kernels.setter
    def kernels(self, value: torch.Tensor) -> None:
        self.kernel_rows = _rows(check_kernels(value))

    @property
    def maps(self) -> torch.Tensor:
        """The (3, h', w') maps, each channel's kernel on that channel (:func:`convbook.corr2d`)."""
        return torch.stack([corr2d(X, K) for X, K in zip(self.photo, self.kernels)])

    @property
    def output(self) -> torch.Tensor:
        """The sum over the channels plus the bias, by :func:`convbook.corr2d_multi_in`."""
        return corr2d_multi_in(self.photo, self.kernels) + self.bias
