"""The channel explorer widget: a colour photo, one kernel per channel, and the sum they make;
with several output channels, a whole layer: one kernel volume and one bias per output."""

from __future__ import annotations

import math
import numbers

import torch
import traitlets

from convbook.channels import corr2d_multi_in, corr2d_multi_in_out
from convbook.checks import CHANNEL_AXES, check_tensor
from convbook.data import GREY_WEIGHTS, LARGEST_KERNEL, colour_photo
from convbook.kernels import kernel as named_kernel
from convbook.kernels import kernel_names
from convbook.ops import corr2d
from convbook.widgets.base import BookWidget, refused
from convbook.widgets.base import rows as _rows

CHANNELS = ("red", "green", "blue")
# The kernel sizes the page offers (the `sizes` trait): its own, odd so that every kernel has a
# centre to pad around, and fixed: raising the book's kernel limit (LARGEST_KERNEL) does not
# change them, and a named kernel larger than the largest is not offered as a preset.
SIZES = (1, 3, 5)
if max(SIZES) > LARGEST_KERNEL:
    raise ImportError(f"the channel explorer's sizes {SIZES} exceed the book's {LARGEST_KERNEL}")
LARGEST_ENTRY = 1000  # kernel entries and the bias lie in [-1000, 1000]: sums stay readable
LARGEST_OUTPUTS = 3  # output channels the layer may have (the `largest_outputs` trait)
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


def added_outputs() -> list:
    """The kernels an output channel starts with when the reader adds it (output 1, 2, ...):
    Sobel y on every channel, then the photo's grey weights (1 x 1)."""
    sobel_y = named_kernel("sobel_y")
    added = [torch.stack([sobel_y] * 3), torch.tensor(GREY_WEIGHTS).reshape(3, 1, 1)]
    return [_rows(K) for K in added[: LARGEST_OUTPUTS - 1]]


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


def check_layer(value: object, name: str = "layer") -> torch.Tensor:
    """Return ``value`` if it is a kernel volume (c_o, 3, k, k): 1 to LARGEST_OUTPUTS output
    channels, each a valid :func:`check_kernels` (3, k, k).

    >>> check_layer(torch.zeros(2, 3, 1, 1)).shape
    torch.Size([2, 3, 1, 1])
    """
    value = check_tensor(value, name, 4, "output channels x input channels x height x width")
    if value.shape[0] > LARGEST_OUTPUTS:
        raise ValueError(
            f"{name} must have 1 to {LARGEST_OUTPUTS} output channels, got {value.shape[0]}"
        )
    for o, K in enumerate(value):
        check_kernels(K, f"{name}[{o}]")
    return value


def check_bias(value: object, name: str = "bias") -> float:
    """``value`` as a float if it is a finite real number in [-LARGEST_ENTRY, LARGEST_ENTRY].

    >>> check_bias(2)
    2.0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not (math.isfinite(value) and abs(value) <= LARGEST_ENTRY):
        raise ValueError(
            f"{name} must be a finite number from -{LARGEST_ENTRY} to {LARGEST_ENTRY}, "
            f"got {value!r}"
        )
    return float(value)


def check_biases(value: object, count: int, name: str = "biases") -> list[float]:
    """``value`` (a sequence or 1-D tensor) as ``count`` floats, each a valid :func:`check_bias`.

    >>> check_biases([0, 0.5], 2)
    [0.0, 0.5]
    """
    if isinstance(value, torch.Tensor):
        if value.dim() != 1 or not value.is_floating_point():
            raise TypeError(f"{name} must be a 1-D floating-point tensor or a list of numbers")
        value = value.tolist()
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{name} must be a list of numbers, got {type(value).__name__}")
    if len(value) != count:
        raise ValueError(
            f"{name} must hold {count} numbers, one per output channel, got {len(value)}"
        )
    return [check_bias(b, f"{name}[{o}]") for o, b in enumerate(value)]


class Bias(traitlets.Float):
    """A float trait in [-LARGEST_ENTRY, LARGEST_ENTRY]; refused with a TypeError or ValueError
    naming it."""

    def validate(self, obj: object, value: object) -> float:
        return check_bias(value, self.name)


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

    A layer: ``layer`` is a kernel volume (c_o, 3, k, k) with 1 to LARGEST_OUTPUTS output
    channels and ``biases`` its c_o biases; output channel o is the sum over the colours of
    corr2d(photo[c], layer[o, c]) plus biases[o], ``layer_output`` (c_o, h', w') computed by
    :func:`convbook.corr2d_multi_in_out`. Output 0 is ``kernels`` and ``bias`` (the synced
    ``kernel_rows`` and ``bias``); outputs 1, 2, ... are ``other_kernel_rows`` and
    ``other_biases``, so one output is the single-output state. Refused like ``kernels``: a
    layer that is not such a volume, more outputs than LARGEST_OUTPUTS, biases that are not
    one finite number per output.

    >>> layer = ChannelExplorer(layer=torch.ones(2, 3, 1, 1), biases=[0.0, 1.0])
    >>> layer.outputs, tuple(layer.layer_output.shape)
    (2, (2, 32, 32))

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
    other_kernel_rows = traitlets.List().tag(sync=True)  # outputs 1, 2, ...: each (3, k, k)
    other_biases = traitlets.List().tag(sync=True)
    largest_outputs = traitlets.Int(LARGEST_OUTPUTS, read_only=True).tag(sync=True)
    added_outputs = traitlets.List(read_only=True).tag(sync=True)

    def __init__(
        self,
        kernels: torch.Tensor | None = None,
        bias: float = 0.0,
        *,
        layer: torch.Tensor | None = None,
        biases: object = None,
    ) -> None:
        super().__init__(bias=bias)
        if layer is not None and kernels is not None:
            raise ValueError("give kernels (one output channel) or layer, not both")
        if layer is not None:
            self.layer = layer
        else:
            default = torch.tensor(self.combinations["Sobel x on every channel"])
            self.kernels = default if kernels is None else kernels
        if biases is not None:
            self.biases = biases

    @traitlets.default("added_outputs")
    def _added_outputs(self) -> list:
        return added_outputs()

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
    @refused
    def _valid_kernel_rows(self, proposal: dict) -> list:
        rows = proposal["value"]
        try:
            K = torch.tensor(rows, dtype=torch.float64)
        except (TypeError, ValueError):
            raise ValueError(
                "kernel_rows must be three k x k lists of numbers, one per channel"
            ) from None
        check_kernels(K, "kernel_rows")
        self._check_sides(K.shape[1], self.other_kernel_rows)
        return K.tolist()

    @traitlets.validate("other_kernel_rows")
    @refused
    def _valid_other_kernel_rows(self, proposal: dict) -> list:
        rows = proposal["value"]
        if len(rows) > LARGEST_OUTPUTS - 1:
            raise ValueError(
                f"other_kernel_rows must hold at most {LARGEST_OUTPUTS - 1} kernel volumes "
                f"(at most {LARGEST_OUTPUTS} output channels), got {len(rows)}"
            )
        checked = []
        for o, volume in enumerate(rows, start=1):
            try:
                K = torch.tensor(volume, dtype=torch.float64)
            except (TypeError, ValueError):
                raise ValueError(
                    f"other_kernel_rows[{o - 1}] must be three k x k lists of numbers"
                ) from None
            checked.append(check_kernels(K, f"other_kernel_rows[{o - 1}]").tolist())
        if self.kernel_rows:
            self._check_sides(len(self.kernel_rows[0]), checked)
        if len(self.other_biases) != len(checked):
            raise ValueError(
                f"other_kernel_rows has {len(checked)} kernel volumes but other_biases "
                f"{len(self.other_biases)} numbers: one bias per output channel"
            )
        return checked

    @traitlets.validate("other_biases")
    @refused
    def _valid_other_biases(self, proposal: dict) -> list:
        values = proposal["value"]
        return check_biases(values, len(self.other_kernel_rows), "other_biases")

    @staticmethod
    def _check_sides(k: int, others: list) -> None:
        """Every output channel's kernels have the side of output 0's."""
        for o, volume in enumerate(others):
            if len(volume[0]) != k:
                raise ValueError(
                    f"every output channel's kernels must have one side: kernel_rows {k} x {k}, "
                    f"other_kernel_rows[{o}] {len(volume[0])} x {len(volume[0])}"
                )

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
    def outputs(self) -> int:
        """How many output channels the layer has (1 to LARGEST_OUTPUTS)."""
        return 1 + len(self.other_kernel_rows)

    @property
    def layer(self) -> torch.Tensor:
        """The kernel volume (c_o, 3, k, k) of every output channel, float32."""
        return torch.tensor([self.kernel_rows, *self.other_kernel_rows], dtype=torch.float32)

    @layer.setter
    def layer(self, value: torch.Tensor) -> None:
        """Set the whole volume; outputs kept keep their bias, new ones start at 0."""
        volume = [_rows(K) for K in check_layer(value)]
        others = (self.other_biases + [0.0] * LARGEST_OUTPUTS)[: len(volume) - 1]
        with self.hold_sync(), self.hold_trait_notifications():  # one message, checked together
            self.kernel_rows, self.other_kernel_rows, self.other_biases = (
                volume[0],
                volume[1:],
                others,
            )

    @property
    def biases(self) -> torch.Tensor:
        """The (c_o,) biases, float32: ``bias`` then ``other_biases``."""
        return torch.tensor([self.bias, *self.other_biases], dtype=torch.float32)

    @biases.setter
    def biases(self, value: object) -> None:
        first, *others = check_biases(value, self.outputs)
        with self.hold_sync(), self.hold_trait_notifications():
            self.bias, self.other_biases = first, others

    @property
    def layer_output(self) -> torch.Tensor:
        """The (c_o, h', w') output channels: :func:`convbook.corr2d_multi_in_out` plus each
        output's bias."""
        return corr2d_multi_in_out(self.photo, self.layer) + self.biases[:, None, None]

    @property
    def maps(self) -> torch.Tensor:
        """The (3, h', w') maps, each channel's kernel on that channel (:func:`convbook.corr2d`)."""
        return torch.stack([corr2d(X, K) for X, K in zip(self.photo, self.kernels)])

    @property
    def output(self) -> torch.Tensor:
        """The sum over the channels plus the bias, by :func:`convbook.corr2d_multi_in`."""
        return corr2d_multi_in(self.photo, self.kernels) + self.bias
