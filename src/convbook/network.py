"""A small convolutional network trained on handwritten digits, with snapshots of what its first
layer learns (chapter "What a network learns").

The digits are scikit-learn's 1797 bundled 8 x 8 scans (no download), enlarged and placed at a
small random shift on a larger canvas. Everything runs in float64 on one thread: the numbers
the chapter prints then come out the same whatever the thread count (nbval re-runs it with
several), and the rounding differences between machines stay far below the printed precision.

>>> data = digits()
>>> tuple(data.train_images.shape), tuple(data.test_images.shape)
((1438, 1, 20, 20), (359, 1, 20, 20))
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn

from convbook.checks import (
    check_count,
    check_fraction,
    check_int_at_least,
    check_kernel_size,
    check_positive_number,
    check_seed,
)
from convbook.cores import one_thread

DTYPE = torch.float64
SCAN_SIZE = 8  # scikit-learn's digits are 8 x 8 scans
INK = 16.0  # their darkest value: a pixel fully covered by the pen
CLASSES = 10


@dataclass(frozen=True)
class Digits:
    """Images ``(n, 1, size, size)`` (float64, ink 1, paper 0) and labels ``(n,)`` (int64).

    Refused: images of another shape or dtype, none, or not finite; labels of another dtype or
    count, or outside 0 to 9; training and held-out images of different sizes.
    """

    train_images: torch.Tensor
    train_labels: torch.Tensor
    test_images: torch.Tensor
    test_labels: torch.Tensor

    def __post_init__(self) -> None:
        for part in ("train", "test"):
            _check_part(getattr(self, f"{part}_images"), getattr(self, f"{part}_labels"), part)
        if self.train_images.shape[-1] != self.test_images.shape[-1]:
            raise ValueError(
                f"train_images and test_images must have one size, got "
                f"{self.train_images.shape[-1]} and {self.test_images.shape[-1]}"
            )

    @property
    def image_size(self) -> int:
        return self.train_images.shape[-1]


def _check_part(images: object, labels: object, part: str) -> None:
    """Refuse a training or held-out part that the network cannot take."""
    for name, value in ((f"{part}_images", images), (f"{part}_labels", labels)):
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if images.dtype != DTYPE or images.dim() != 4 or images.shape[1] != 1:
        raise ValueError(
            f"{part}_images must be float64 of shape (n, 1, size, size), got {images.dtype} "
            f"of shape {tuple(images.shape)}"
        )
    if not len(images) or images.shape[2] != images.shape[3]:
        raise ValueError(f"{part}_images must hold square images, got {tuple(images.shape)}")
    if not bool(torch.isfinite(images).all()):
        raise ValueError(f"{part}_images must contain only finite values (no NaN or inf)")
    if labels.dtype != torch.int64 or tuple(labels.shape) != (len(images),):
        raise ValueError(
            f"{part}_labels must be int64 of shape ({len(images)},), one for each image, got "
            f"{labels.dtype} of shape {tuple(labels.shape)}"
        )
    if not (0 <= labels.min() and labels.max() < CLASSES):
        raise ValueError(f"{part}_labels must lie from 0 to {CLASSES - 1}")


def digits(scale: int = 2, shift: int = 2, held_out: float = 0.2, seed: int = 0) -> Digits:
    """scikit-learn's handwritten digits as tensors, split into training and held-out images.

    Each 8 x 8 scan is enlarged ``scale`` times (bilinear), divided by 16 (ink 1, paper 0) and
    placed on a square canvas ``2 * shift`` pixels wider, at a random offset of up to
    ``shift`` pixels either way from the centre. A random ``held_out`` fraction of the images
    (rounded) is kept for testing. ``seed`` fixes the offsets and the split.
    Refused: ``scale`` below 1, ``shift`` below 0, ``held_out`` outside (0, 1) or leaving
    either part empty, a ``seed`` that ``torch.manual_seed`` does not take.

    >>> data = digits(scale=1, shift=0)
    >>> data.image_size, data.train_labels[:5].tolist()
    (8, [0, 9, 7, 4, 2])
    """
    scale = check_count(scale, "scale")
    shift = check_int_at_least(shift, "shift", 0)
    held_out = check_fraction(held_out, "held_out")
    seed = check_seed(seed)
    scans = load_digits()
    images = torch.tensor(scans.images, dtype=DTYPE)[:, None] / INK
    if scale > 1:
        images = F.interpolate(images, scale_factor=scale, mode="bilinear", align_corners=False)
    labels = torch.tensor(scans.target, dtype=torch.int64)
    n = len(labels)
    tested = round(held_out * n)
    if not 0 < tested < n:
        raise ValueError(f"held_out={held_out} keeps {tested} of the {n} images for testing")
    generator = torch.Generator().manual_seed(seed)
    canvases = _shifted(images, shift, generator)
    order = torch.randperm(n, generator=generator)
    test, train = order[:tested], order[tested:]
    return Digits(canvases[train], labels[train], canvases[test], labels[test])


def _shifted(images: torch.Tensor, shift: int, generator: torch.Generator) -> torch.Tensor:
    """Each image on a canvas ``2 * shift`` wider, at a random offset (row, column)."""
    size = images.shape[-1]
    canvases = images.new_zeros(len(images), 1, size + 2 * shift, size + 2 * shift)
    offsets = torch.randint(0, 2 * shift + 1, (len(images), 2), generator=generator)
    for r in range(2 * shift + 1):
        for c in range(2 * shift + 1):
            here = (offsets[:, 0] == r) & (offsets[:, 1] == c)
            canvases[here, :, r : r + size, c : c + size] = images[here]
    return canvases


class SmallCNN(nn.Module):
    """Two convolutional layers, each followed by ReLU and 2 x 2 max pooling, and a linear head.

    The first layer has ``channels[0]`` filters of ``kernel_size`` x ``kernel_size`` and no
    padding (it slides as ``corr2d`` does); the second ``channels[1]`` filters of 3 x 3 with
    padding 1. ``image_size`` is the side of the square input.
    Refused: channel counts or a ``kernel_size`` below 1, an image too small for a filter to fit
    and for both poolings to leave at least one pixel.

    >>> SmallCNN()(torch.zeros(2, 1, 20, 20, dtype=torch.float64)).shape
    torch.Size([2, 10])
    """

    def __init__(
        self, channels: tuple[int, int] = (8, 16), kernel_size: int = 3, image_size: int = 20
    ) -> None:
        super().__init__()
        first, second = check_kernel_size(channels, "channels")
        kernel_size = check_count(kernel_size, "kernel_size")
        image_size = check_count(image_size, "image_size")
        side = (image_size - kernel_size + 1) // 2 // 2
        if side < 1:
            raise ValueError(
                f"image_size {image_size} is too small for a {kernel_size} x {kernel_size} "
                "filter and two 2 x 2 poolings; it must be at least "
                f"{kernel_size + 3}"
            )
        self.conv1 = nn.Conv2d(1, first, kernel_size, dtype=DTYPE)
        self.conv2 = nn.Conv2d(first, second, 3, padding=1, dtype=DTYPE)
        self.head = nn.Linear(second * side * side, CLASSES, dtype=DTYPE)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.head(x.flatten(1))


@dataclass
class TrainingRecord:
    """What :func:`train_network` did, epoch by epoch.

    ``losses[i]`` is the mean cross-entropy over the training images during epoch ``i + 1``,
    ``accuracies[i]`` the fraction of held-out images classified correctly after it.
    ``filters[e]`` (``(epochs + 1, channels, k, k)``) and ``biases[e]`` are the first layer's
    weights and biases after ``e`` epochs: ``filters[0]`` is the random start.
    ``states[e]`` is a copy of every weight of the network after ``e`` epochs (its
    ``state_dict``), so that :meth:`snapshot` can rebuild it as it was then.
    """

    model: SmallCNN
    losses: list[float]
    accuracies: list[float]
    filters: torch.Tensor
    biases: torch.Tensor
    states: list[dict[str, torch.Tensor]]

    def snapshot(self, epoch: int) -> SmallCNN:
        """A copy of the network as it was after ``epoch`` epochs (0: the random start).
        Refused: an epoch that is not an int from 0 to :attr:`epochs`."""
        epoch = check_int_at_least(epoch, "epoch", 0)
        if epoch > self.epochs:
            raise ValueError(f"epoch must be from 0 to {self.epochs}, got {epoch}")
        model = copy.deepcopy(self.model)
        model.load_state_dict(self.states[epoch])
        return model

    @property
    def epochs(self) -> int:
        return len(self.losses)

    @property
    def accuracy(self) -> float:
        """Held-out accuracy after the last epoch."""
        return self.accuracies[-1]


def accuracy(model: nn.Module, images: torch.Tensor, labels: torch.Tensor) -> float:
    """The fraction of ``images`` that ``model`` gives the right label (on one thread).

    >>> data = digits()
    >>> 0.0 <= accuracy(SmallCNN(), data.test_images, data.test_labels) <= 1.0
    True
    """
    with one_thread(), torch.no_grad():
        predicted = model(images).argmax(dim=1)
    return (predicted == labels).double().mean().item()


def train_network(
    data: Digits,
    epochs: int = 20,
    lr: float = 0.02,
    batch_size: int = 32,
    seed: int = 0,
    channels: tuple[int, int] = (8, 16),
    kernel_size: int = 3,
) -> TrainingRecord:
    """Train a :class:`SmallCNN` on ``data`` by stochastic gradient descent with momentum 0.9.

    Each epoch visits the training images once in a random order, in batches of
    ``batch_size``, minimising the cross-entropy; after it the held-out accuracy and the first
    layer's filters are recorded. ``seed`` fixes the starting weights and the order. It runs on
    one thread (:func:`one_thread`), so the result does not depend on the thread count.
    Refused: ``data`` that is not :class:`Digits`, ``epochs`` or ``batch_size`` below 1, ``lr``
    that is not a positive finite number, a bad ``seed``, ``channels`` or ``kernel_size``.

    >>> record = train_network(digits(), epochs=1)
    >>> record.filters.shape, record.epochs
    (torch.Size([2, 8, 3, 3]), 1)
    """
    if not isinstance(data, Digits):
        raise TypeError(f"data must be the Digits that digits() returns, got {type(data).__name__}")
    epochs, batch_size = check_count(epochs, "epochs"), check_count(batch_size, "batch_size")
    lr, seed = check_positive_number(lr, "lr"), check_seed(seed)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = SmallCNN(channels, kernel_size, data.image_size)
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    filters, biases = [_first_layer(model)[0]], [_first_layer(model)[1]]
    states = [_state(model)]
    losses, accuracies = [], []
    n = len(data.train_labels)
    with one_thread():
        for _ in range(epochs):
            order = torch.randperm(n, generator=generator)
            total = 0.0
            for start in range(0, n, batch_size):
                batch = order[start : start + batch_size]
                loss = F.cross_entropy(model(data.train_images[batch]), data.train_labels[batch])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                total += loss.item() * len(batch)
            losses.append(total / n)
            accuracies.append(accuracy(model, data.test_images, data.test_labels))
            weight, bias = _first_layer(model)
            filters.append(weight)
            biases.append(bias)
            states.append(_state(model))
    return TrainingRecord(
        model, losses, accuracies, torch.stack(filters), torch.stack(biases), states
    )


def _state(model: SmallCNN) -> dict[str, torch.Tensor]:
    """A copy of every weight of ``model`` (copies: training goes on changing the originals)."""
    return {name: value.detach().clone() for name, value in model.state_dict().items()}


def _first_layer(model: SmallCNN) -> tuple[torch.Tensor, torch.Tensor]:
    """Copies of the first layer's filters ``(channels, k, k)`` and biases ``(channels,)``."""
    return model.conv1.weight.detach()[:, 0].clone(), model.conv1.bias.detach().clone()
