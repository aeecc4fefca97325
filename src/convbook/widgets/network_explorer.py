"""The network explorer widget: draw a digit (or pick a held-out one) and watch the trained
SmallCNN of the chapter "What a network learns" read it, layer by layer, at a few stored epochs."""

from __future__ import annotations

import base64
import math
import numbers

import torch
import torch.nn.functional as F
import traitlets

from convbook.network import Digits, SmallCNN, TrainingRecord, accuracy
from convbook.widgets.base import BookWidget, one_of, refused

__all__ = ["NetworkExplorer", "chosen_digits", "decode", "encode"]

EPOCHS = (0, 1, 2, 5, 10, 20)  # the snapshots sent to the page: a few, to keep the page small
WRONG = 10  # at most this many held-out digits that the trained network gets wrong, offered
DRAWING = "your drawing"
NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# The pen: the cell under it gets full ink, its four neighbours at least half (the scans'
# strokes are two or three pixels wide). Sent to the page in the `ranges` trait.
BRUSH = [[0, 0, 1.0], [-1, 0, 0.5], [1, 0, 0.5], [0, -1, 0.5], [0, 1, 0.5]]


def encode(values: torch.Tensor) -> str:
    """``values`` as the page gets them: float32, little-endian, in base64 (a third of the
    size of decimal text; every float32 is exactly a float64, so the page computes in float64
    on the very numbers that :func:`decode` gives back).

    >>> decode(encode(torch.tensor([0.5, -2.0])), 2).tolist()
    [0.5, -2.0]
    """
    flat = values.detach().to(torch.float32).flatten().contiguous()
    return base64.b64encode(flat.numpy().astype("<f4").tobytes()).decode("ascii")


def decode(text: object, count: int, name: str = "values") -> torch.Tensor:
    """The ``count`` float32 numbers of a base64 ``text`` (from :func:`encode`), as float64.
    Refused, naming ``name``: not a str, not base64, another count, a NaN or infinity."""
    if not isinstance(text, str):
        raise TypeError(f"{name} must be base64 text, got {type(text).__name__}")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as error:
        raise ValueError(f"{name} must be base64 text of float32 numbers") from error
    if len(raw) != 4 * count:
        raise ValueError(f"{name} must hold {count} float32 numbers, got {len(raw) / 4:g}")
    values = torch.frombuffer(bytearray(raw), dtype=torch.float32).to(torch.float64)
    if not bool(torch.isfinite(values).all()):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or infinity)")
    return values


def layers_of(model: SmallCNN) -> list[dict]:
    """The windowed layers of ``model`` as the page's receptive fields need them."""
    conv1, conv2 = model.conv1, model.conv2
    return [
        {"name": "conv1", "kernel": conv1.kernel_size[0], "stride": 1, "padding": 0,
         "mixes": True, "channels": conv1.out_channels},
        {"name": "pool1", "kernel": 2, "stride": 2, "padding": 0, "mixes": False},
        {"name": "conv2", "kernel": 3, "stride": 1, "padding": conv2.padding[0],
         "mixes": True, "channels": conv2.out_channels},
        {"name": "pool2", "kernel": 2, "stride": 2, "padding": 0, "mixes": False},
    ]  # fmt: skip


def chosen_digits(model: SmallCNN, data: Digits, wrong: int = WRONG) -> list[int]:
    """Indices of held-out digits to offer: the first of each label, and the first ``wrong``
    that ``model`` gets wrong, in the order of the held-out set."""
    with torch.no_grad():
        guesses = model(data.test_images).argmax(dim=1)
    firsts = [int((data.test_labels == label).nonzero()[0]) for label in range(len(NAMES))]
    misses = (guesses != data.test_labels).nonzero().flatten().tolist()[:wrong]
    return sorted(set(firsts) | set(misses))


class NetworkExplorer(BookWidget):
    """Draw a digit, or pick a held-out one, and follow the trained :class:`SmallCNN` through
    its layers to its ten probabilities, after a few stored epochs of training (``EPOCHS``).

    The page decodes the stored weights (``record.states`` at those epochs, sent as float32)
    and computes the whole forward pass itself, in float64, so the widget also works in the
    static book; ``probabilities`` is the same in PyTorch on the same weights. Hovering (or
    focusing) a cell of any map shows its receptive field in every layer below.
    Refused with a TypeError or ValueError naming the trait: ``snapshots`` whose weights are
    not finite float32 numbers of the network's shapes, ``digits`` whose pixels are not
    ``side x side`` numbers from 0 to 1, an ``image`` that is not that, an ``epoch`` that is
    not one of the stored ones, an unknown ``choice``. The chapter "What a network learns"
    (book/what-a-network-learns.ipynb) shows the widget.

    >>> from convbook.network import digits, train_network
    >>> data = digits()
    >>> explorer = NetworkExplorer(train_network(data, epochs=1), data, epochs=(0, 1))
    >>> explorer.epoch, explorer.probabilities.shape
    (1, torch.Size([10]))
    """

    root_class = "cb-nx"

    shapes = traitlets.Dict(read_only=True).tag(sync=True)
    layers = traitlets.List(read_only=True).tag(sync=True)
    ranges = traitlets.Dict(read_only=True).tag(sync=True)
    class_names = traitlets.List(list(NAMES), read_only=True).tag(sync=True)
    snapshots = traitlets.List().tag(sync=True)
    digits = traitlets.List().tag(sync=True)
    image = traitlets.List().tag(sync=True)
    choice = traitlets.Unicode(DRAWING).tag(sync=True)
    epoch = traitlets.Int(0).tag(sync=True)

    def __init__(
        self,
        record: TrainingRecord,
        data: Digits,
        epochs: tuple[int, ...] = EPOCHS,
        indices: list[int] | None = None,
    ) -> None:
        if not isinstance(record, TrainingRecord):
            raise TypeError(
                f"record must be the TrainingRecord that train_network returns, got "
                f"{type(record).__name__}"
            )
        if not isinstance(data, Digits):
            raise TypeError(
                f"data must be the Digits that digits() returns, got {type(data).__name__}"
            )
        for epoch in epochs:
            record.snapshot(epoch)  # refuses an epoch that was not trained
        super().__init__()
        side = data.image_size
        self.set_trait("shapes", {k: list(v.shape) for k, v in record.states[0].items()})
        self.set_trait("layers", layers_of(record.model))
        self.set_trait("ranges", {"side": side, "brush": BRUSH, "drawing": DRAWING})
        indices = chosen_digits(record.model, data) if indices is None else indices
        self.digits = [self._digit(data, int(n)) for n in indices]
        self.snapshots = [self._snapshot(record, data, e) for e in sorted(set(epochs))]
        with self.hold_trait_notifications():
            self.epoch = self.snapshots[-1]["epoch"]
            self.choice = self.digits[0]["name"]
            self.image = self.digit_image(self.choice).tolist()

    @staticmethod
    def _digit(data: Digits, n: int) -> dict:
        label = int(data.test_labels[n])
        return {"name": f"held-out {n} (a {label})", "label": label, "index": n,
                "pixels": encode(data.test_images[n, 0])}  # fmt: skip

    @staticmethod
    def _snapshot(record: TrainingRecord, data: Digits, epoch: int) -> dict:
        weights = {k: encode(v) for k, v in record.states[epoch].items()}
        if epoch:
            right = record.accuracies[epoch - 1]
        else:  # the random start: not measured during training
            right = accuracy(record.snapshot(0), data.test_images, data.test_labels)
        return {"epoch": epoch, "accuracy": right, "weights": weights}

    @property
    def side(self) -> int:
        return self.ranges["side"]

    @traitlets.validate("snapshots")
    @refused
    def _valid_snapshots(self, proposal: dict) -> list:
        value = proposal["value"]
        if not isinstance(value, list) or not value:
            raise ValueError("snapshots must be a non-empty list of stored epochs")
        epochs = []
        for snapshot in value:
            if not isinstance(snapshot, dict) or set(snapshot) != {"epoch", "accuracy", "weights"}:
                raise ValueError("snapshots must each be {'epoch', 'accuracy', 'weights'}")
            weights = snapshot["weights"]
            if not isinstance(weights, dict) or set(weights) != set(self.shapes):
                raise ValueError(f"snapshots weights must be named {sorted(self.shapes)}")
            for name, shape in self.shapes.items():
                decode(weights[name], math.prod(shape), f"snapshots weights {name}")
            epochs.append(snapshot["epoch"])
        if epochs != sorted(set(epochs)) or not all(_whole(e) for e in epochs):
            raise ValueError(f"snapshots epochs must be ints, rising, got {epochs}")
        return value

    @traitlets.validate("digits")
    @refused
    def _valid_digits(self, proposal: dict) -> list:
        value = proposal["value"]
        if not isinstance(value, list) or not value:
            raise ValueError("digits must be a non-empty list of held-out digits")
        names = [d.get("name") if isinstance(d, dict) else None for d in value]
        if len(set(names)) != len(names) or DRAWING in names or None in names:
            raise ValueError(f"digits must have distinct names, none {DRAWING!r}")
        for digit in value:
            pixels = decode(digit.get("pixels"), self.side**2, "digits pixels")
            if not bool(((pixels >= 0) & (pixels <= 1)).all()):
                raise ValueError("digits pixels must lie from 0 (paper) to 1 (ink)")
        return value

    @traitlets.validate("image")
    @refused
    def _valid_image(self, proposal: dict) -> list:
        value, side = proposal["value"], self.side
        rows_ok = isinstance(value, list) and len(value) == side
        if not rows_ok or any(not isinstance(r, list) or len(r) != side for r in value):
            raise ValueError(f"image must be {side} rows of {side} numbers")
        if not all(_number(v) and 0 <= v <= 1 for r in value for v in r):
            raise ValueError("image must hold numbers from 0 (paper) to 1 (ink), no NaN")
        return value

    @traitlets.validate("epoch")
    @refused
    def _valid_epoch(self, proposal: dict) -> int:
        value = proposal["value"]
        return one_of(value, [s["epoch"] for s in self.snapshots], "epoch")

    @traitlets.validate("choice")
    @refused
    def _valid_choice(self, proposal: dict) -> str:
        return one_of(proposal["value"], [d["name"] for d in self.digits] + [DRAWING], "choice")

    @traitlets.observe("choice")
    def _show_digit(self, change: dict) -> None:
        """Choosing a held-out digit puts it on the grid, as the page does."""
        if change["new"] != DRAWING:
            self.image = self.digit_image(change["new"]).tolist()

    def digit_image(self, name: str) -> torch.Tensor:
        """The pixels of the held-out digit called ``name``, float64 ``(side, side)``."""
        digit = next(d for d in self.digits if d["name"] == one_of(name, self._names(), "name"))
        return decode(digit["pixels"], self.side**2).reshape(self.side, self.side)

    def _names(self) -> list[str]:
        return [d["name"] for d in self.digits]

    def weights(self, epoch: int | None = None) -> dict[str, torch.Tensor]:
        """The stored weights of ``epoch`` (the shown one by default) as the page has them."""
        epoch = self.epoch if epoch is None else epoch
        one_of(epoch, [s["epoch"] for s in self.snapshots], "epoch")
        snapshot = next(s for s in self.snapshots if s["epoch"] == epoch)
        return {
            name: decode(snapshot["weights"][name], math.prod(shape)).reshape(shape)
            for name, shape in self.shapes.items()
        }

    def model(self, epoch: int | None = None) -> SmallCNN:
        """A SmallCNN holding the stored weights of ``epoch`` (the shown one by default)."""
        channels = (self.shapes["conv1.weight"][0], self.shapes["conv2.weight"][0])
        model = SmallCNN(channels, self.shapes["conv1.weight"][-1], self.side)
        model.load_state_dict(self.weights(epoch))
        return model

    @property
    def probabilities(self) -> torch.Tensor:
        """The ten probabilities of the shown image at the shown epoch, computed in PyTorch."""
        with torch.no_grad():
            scores = self.model()(torch.tensor(self.image, dtype=torch.float64)[None, None])
        return F.softmax(scores[0], dim=0)


def _number(v: object) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool) and math.isfinite(v)


def _whole(v: object) -> bool:
    return isinstance(v, numbers.Integral) and not isinstance(v, bool) and v >= 0
