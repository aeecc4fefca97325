"""The frequency explorer widget: an image's spectrum, a kernel's (padded to the image's size),
their product and the feature map it transforms back to (chapter "Frequencies and separable
kernels")."""

from __future__ import annotations

import torch
import traitlets

from convbook import frequency
from convbook.checks import check_matrix
from convbook.data import LARGEST_KERNEL, checkerboard, diagonal_image, edge_image, photo
from convbook.kernels import kernel as named_kernel
from convbook.widgets.base import BookWidget, StateTypeError, one_of, refused, rows
from convbook.widgets.kernel_explorer import (
    LARGEST_ENTRY,
    LARGEST_IMAGE,
    _matrix,
    _small_image,
    check_kernel,
)
from convbook.widgets.kernel_explorer import RANGES as KERNEL_RANGES

__all__ = ["FrequencyExplorer", "images"]

PHOTO = "photo (64 × 64)"
# The presets offered: the chapter's kernels, low-pass and high-pass.
PRESETS = (
    "identity",
    "box_blur",
    "gaussian_blur_3",
    "gaussian_blur_5",
    "sobel_x",
    "sobel_y",
    "laplacian",
    "sharpen",
    "edge",
)
# The kernel explorer's ranges (its entries' sliders and its families' parameters, as
# kernel_controls.js lays them out) and how many decades below its largest magnitude each
# spectrum's picture shows: a kernel's zeros (Sobel's at zero frequency) sit at the bottom.
RANGES = {
    "entry": KERNEL_RANGES["entry"],
    "families": KERNEL_RANGES["families"],
    "decades": 6,
}


def images() -> dict[str, list[list[float]]]:
    """The images to choose from, as the browser gets them: the chapter's photo at 64 and 32
    pixels, and synthetic ones of 32 x 32. Every side is a power of two (the browser's FFT)."""
    return {
        PHOTO: rows(photo(64), decimals=3),
        "photo (32 × 32)": rows(photo(32), decimals=3),
        "edge image (32 × 32)": rows(edge_image(32, 32)),
        "checkerboard (32 × 32)": rows(checkerboard(32, 32, 4)),
        "diagonal (32 × 32)": rows(diagonal_image(32)),
    }


def _power_of_two_image(given: object, name: str) -> torch.Tensor:
    X = _small_image(_matrix(given, name), name)
    if any(n & (n - 1) for n in X.shape):
        raise ValueError(
            f"{name} must have sides that are powers of two (the browser's FFT), "
            f"got shape {tuple(X.shape)}"
        )
    return X


class Typed(traitlets.TraitType):
    """A trait of one JSON type (``kind``: list or dict), refused with a TypeError naming it."""

    def __init__(self, kind: type, default, **kwargs) -> None:
        self.kind = kind
        super().__init__(default_value=default, **kwargs)

    def validate(self, obj: object, value: object):
        if not isinstance(value, self.kind):
            raise StateTypeError(
                f"{self.name} must be a {self.kind.__name__}, got {type(value).__name__}"
            )
        return value


class FrequencyExplorer(BookWidget):
    """An image and a kernel, seen through their spectra: the image's, the kernel's (padded with
    zeros to the image's size), their product, and the feature map that the product transforms
    back to, the circular correlation (:func:`convbook.frequency.circular_correlate`).

    Each spectrum is drawn as log10 of its magnitude, zero frequency at the centre. The browser
    computes everything with its own FFT (fft.js), so the widget also works in the static book;
    the kernel is shaped as in the kernel explorer (presets, a family with its parameters,
    entries). ``image_spectrum``, ``kernel_spectrum``, ``product`` and ``output`` are the same in
    PyTorch. Refused, with a ValueError or TypeError naming the trait: an unknown image, an
    image whose sides are not powers of two or over 128, a kernel that is not a list of equally
    long rows of finite numbers, larger than 5 x 5 or than the image, entries beyond ±1000.
    The chapter "Frequencies and separable kernels" shows the widget.

    >>> explorer = FrequencyExplorer(kernel=torch.tensor([[0.5, 0.5]]))
    >>> explorer.kernel_spectrum.shape, explorer.kernel_spectrum[0, 0].real.item()
    (torch.Size([64, 64]), 1.0)
    """

    root_class = "cb-fqx"

    images = Typed(dict, {}).tag(sync=True)
    image_name = Typed(str, PHOTO).tag(sync=True)
    kernel_rows = Typed(list, []).tag(sync=True)
    presets = traitlets.Dict().tag(sync=True)
    largest_kernel = traitlets.Int(LARGEST_KERNEL, read_only=True).tag(sync=True)
    largest_entry = traitlets.Float(LARGEST_ENTRY, read_only=True).tag(sync=True)
    largest_image = traitlets.Int(LARGEST_IMAGE, read_only=True).tag(sync=True)
    ranges = traitlets.Dict(RANGES, read_only=True).tag(sync=True)

    def __init__(self, image_name: str = PHOTO, kernel: torch.Tensor | None = None) -> None:
        start = named_kernel("box_blur") if kernel is None else check_matrix(kernel, "kernel")
        super().__init__(
            images=images(),
            presets={n: rows(named_kernel(n)) for n in PRESETS},
            kernel_rows=rows(check_kernel(start, "kernel")),
        )
        self.image_name = image_name

    @traitlets.validate("images")
    @refused
    def _valid_images(self, proposal: dict) -> dict:
        for name, given in proposal["value"].items():
            _power_of_two_image(given, f"images[{name!r}]")
        if self.image_name not in proposal["value"]:
            raise ValueError(f"images must include the image shown, {self.image_name!r}")
        return proposal["value"]

    @traitlets.validate("image_name")
    @refused
    def _valid_image_name(self, proposal: dict) -> str:
        return one_of(proposal["value"], self.images, "image_name")

    @traitlets.validate("kernel_rows")
    @refused
    def _valid_kernel_rows(self, proposal: dict) -> list:
        K = check_kernel(_matrix(proposal["value"], "kernel_rows"), "kernel_rows")
        if self.image_name in self.images and any(k > n for k, n in zip(K.shape, self.image.shape)):
            raise ValueError(
                f"kernel_rows must fit the image {self.image_name!r}, got shape {tuple(K.shape)}"
            )
        return proposal["value"]

    @property
    def image(self) -> torch.Tensor:
        """The image now shown, float64, as the browser has it."""
        return torch.tensor(self.images[self.image_name], dtype=torch.float64)

    @property
    def kernel(self) -> torch.Tensor:
        """The kernel now shown, float64, as the browser has it."""
        return torch.tensor(self.kernel_rows, dtype=torch.float64)

    @property
    def image_spectrum(self) -> torch.Tensor:
        """The image's 2-D DFT, :func:`convbook.frequency.spectrum` (zero frequency at [0, 0])."""
        return frequency.spectrum(self.image)

    @property
    def kernel_spectrum(self) -> torch.Tensor:
        """The kernel's 2-D DFT, zero-padded to the image's size."""
        return frequency.spectrum(self.kernel, tuple(self.image.shape))

    @property
    def product(self) -> torch.Tensor:
        """The image's spectrum times the complex conjugate of the kernel's."""
        return self.image_spectrum * self.kernel_spectrum.conj()

    @property
    def output(self) -> torch.Tensor:
        """The feature map: the product transformed back, the circular correlation."""
        return frequency.circular_correlate(self.image, self.kernel)
