"""The filters explorer widget: a trained network's first-layer filters, epoch by epoch, and the
feature maps they make of one digit."""

from __future__ import annotations

import numbers

import torch
import torch.nn.functional as F
import traitlets

from convbook.checks import check_matrix
from convbook.network import TrainingRecord
from convbook.widgets.base import BookWidget, rows

DECIMALS = 4  # the snapshots and the digit are sent to the page rounded to this many decimals
# The player's speed slider, in epochs a second, and where it starts (the `speed_range` trait).
SPEED_RANGE = {"min": 0.5, "max": 8, "step": 0.5, "start": 1.5}


class Epoch(traitlets.Int):
    """An int trait from 0 (the random start) to the last stored epoch; refused with a TypeError
    or ValueError naming it."""

    def validate(self, obj: FiltersExplorer, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{self.name} must be an int, got {type(value).__name__}")
        last = max(len(obj.snapshots) - 1, 0)  # 0 only, before the snapshots are set
        if not 0 <= value <= last:
            raise ValueError(
                f"{self.name} must be from 0 (the random start) to {last}, got {value}"
            )
        return int(value)


class FiltersExplorer(BookWidget):
    """Slide through the epochs of a :func:`convbook.network.train_network` run and watch the
    first layer's filters form, with the feature map each makes of one ``image``.

    Everything the page shows comes from the stored snapshots (``record.filters`` and
    ``record.biases``, rounded to 4 decimals), and the browser computes the feature maps itself,
    so the widget also works in the static book. ``filters`` and ``feature_maps`` give the
    shown epoch's filters and maps as tensors, the maps computed in PyTorch (``F.conv2d``, the
    bias added, before the ReLU). Refused: a ``record`` that is not a ``TrainingRecord``, an
    ``image`` that is not a finite 2-D floating-point tensor at least as large as the filters,
    an ``epoch`` that is not an int from 0 (the random start) to the number of epochs.
    The chapter "What a network learns" (book/what-a-network-learns.ipynb) explains it.

    >>> from convbook.network import digits, train_network
    >>> data = digits()
    >>> explorer = FiltersExplorer(train_network(data, epochs=1), data.test_images[0, 0])
    >>> explorer.epoch, explorer.filters.shape, explorer.feature_maps.shape
    (1, torch.Size([8, 3, 3]), torch.Size([8, 18, 18]))
    """

    root_class = "cb-fx"

    snapshots = traitlets.List(read_only=True).tag(sync=True)
    bias_snapshots = traitlets.List(read_only=True).tag(sync=True)
    losses = traitlets.List(read_only=True).tag(sync=True)
    accuracies = traitlets.List(read_only=True).tag(sync=True)
    image = traitlets.List(read_only=True).tag(sync=True)
    epoch = Epoch(0).tag(sync=True)
    speed_range = traitlets.Dict(SPEED_RANGE, read_only=True).tag(sync=True)

    def __init__(
        self, record: TrainingRecord, image: torch.Tensor, epoch: int | None = None
    ) -> None:
        if not isinstance(record, TrainingRecord):
            raise TypeError(
                f"record must be the TrainingRecord that train_network returns, got "
                f"{type(record).__name__}"
            )
        image = check_matrix(image, "image")
        k = record.filters.shape[-1]
        if min(image.shape) < k:
            raise ValueError(
                f"image of shape {tuple(image.shape)} is smaller than the {k} x {k} filters"
            )
        super().__init__()
        self.set_trait("snapshots", rows(record.filters, DECIMALS))
        self.set_trait("bias_snapshots", rows(record.biases, DECIMALS))
        self.set_trait("losses", [round(v, 6) for v in record.losses])
        self.set_trait("accuracies", [round(v, 6) for v in record.accuracies])
        self.set_trait("image", rows(image, DECIMALS))
        self.epoch = record.epochs if epoch is None else epoch

    @property
    def filters(self) -> torch.Tensor:
        """The first layer's filters after ``epoch`` epochs, ``(channels, k, k)``, float64."""
        return torch.tensor(self.snapshots[self.epoch], dtype=torch.float64)

    @property
    def biases(self) -> torch.Tensor:
        """The first layer's biases after ``epoch`` epochs, ``(channels,)``, float64."""
        return torch.tensor(self.bias_snapshots[self.epoch], dtype=torch.float64)

    @property
    def feature_maps(self) -> torch.Tensor:
        """Each filter's map of the image, bias added, before the ReLU: what the page draws."""
        X = torch.tensor(self.image, dtype=torch.float64)[None, None]
        return F.conv2d(X, self.filters[:, None], self.biases)[0]
