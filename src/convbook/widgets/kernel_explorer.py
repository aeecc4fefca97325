"""The kernel explorer widget: an image, an editable kernel, and the feature map they make."""

from __future__ import annotations

import torch
import traitlets

from convbook.checks import check_image_and_kernel, check_matrix
from convbook.data import LARGEST_KERNEL, edge_image, numbers_example, photo
from convbook.kernels import kernel as named_kernel
from convbook.kernels import kernel_names
from convbook.ops import conv2d_true, corr2d
from convbook.widgets.base import BookWidget, StateError, one_of, refused, rows

__all__ = ["KernelExplorer", "StateError", "crop_to_fit"]

NUMBERS = "numbers 0 to 8 (3 × 3)"
EDGE_IMAGE = "edge image (6 × 8)"
PHOTO = "photo (32 × 32)"
YOUR_IMAGE = "your image"
OPERATIONS = ("cross-correlation", "convolution")
# The largest kernel entry a reader may type (the browser says so beside the box): far beyond
# any useful kernel, and small enough that no output on these images leaves float32's range.
LARGEST_ENTRY = 1000
# The largest image side: the browser shrinks the reader's picture to it, and it keeps the
# explorer quick (a 5 x 5 kernel on 128 x 128 is redrawn within a frame) and phone-wide.
LARGEST_IMAGE = 128
# Every slider's range (min, max, step, start), sent to the browser as the `ranges` trait: the
# kernel entries' sliders (a typed entry beyond them stretches its slider to reach it), the
# player's speed in windows a second, and the kernel families' parameters.
RANGES = {
    "entry": {"min": -5, "max": 5, "step": 0.05},
    "speed": {"min": 1, "max": 30, "step": 1, "start": 4},
    "families": {
        "gaussian": {
            "sigma": {"min": 0.3, "max": 3, "step": 0.1, "start": 1},
            "size": {"min": 3, "max": LARGEST_KERNEL, "step": 2, "start": LARGEST_KERNEL},
        },
        "directional": {"theta": {"min": 0, "max": 360, "step": 5, "start": 30}},
        "sharpen": {"amount": {"min": 0, "max": 3, "step": 0.1, "start": 1}},
    },
}


def crop_to_fit(K: torch.Tensor, shape: tuple[int, int]) -> torch.Tensor:
    """The middle of ``K`` that fits an image of ``shape`` (all of it if it fits already).

    Where the kernel is larger than the image by an odd number of rows (or columns), the
    upper (left) of the two middles is kept, as the browser does.

    >>> crop_to_fit(torch.arange(25.0).reshape(5, 5), (3, 8))
    tensor([[ 5.,  6.,  7.,  8.,  9.],
            [10., 11., 12., 13., 14.],
            [15., 16., 17., 18., 19.]])
    """
    h, w = min(K.shape[0], shape[0]), min(K.shape[1], shape[1])
    top, left = (K.shape[0] - h) // 2, (K.shape[1] - w) // 2
    return K[top : top + h, left : left + w]


def check_kernel(K: torch.Tensor, name: str = "kernel") -> torch.Tensor:
    """``K`` if a reader may set it in an explorer: at most ``LARGEST_KERNEL`` on a side, entries
    within ``LARGEST_ENTRY``; else a ValueError naming it ``name``."""
    if max(K.shape) > LARGEST_KERNEL:
        raise ValueError(
            f"{name} may be at most {LARGEST_KERNEL} x {LARGEST_KERNEL}, got shape {tuple(K.shape)}"
        )
    if K.abs().max().item() > LARGEST_ENTRY:
        raise ValueError(
            f"{name} entries must lie from -{LARGEST_ENTRY} to {LARGEST_ENTRY}, "
            f"got {K.abs().max().item():g}"
        )
    return K


def _matrix(given: object, name: str) -> torch.Tensor:
    """A list of rows (as the browser sends them) as a float64 matrix, or a clear refusal."""
    try:
        M = torch.tensor(given, dtype=torch.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be a list of equally long rows of numbers") from error
    return check_matrix(M, name)


def _small_image(M: torch.Tensor, name: str) -> torch.Tensor:
    if max(M.shape) > LARGEST_IMAGE:
        raise ValueError(
            f"{name} may be at most {LARGEST_IMAGE} pixels on a side, got shape "
            f"{tuple(M.shape)}; shrink it first, e.g. with F.adaptive_avg_pool2d"
        )
    return M


class KernelExplorer(BookWidget):
    """Pick an image and a kernel (up to 5 x 5, presets included) and see the output.

    The browser recomputes on every change, so the widget also works in the static
    book. ``image``, ``kernel`` and ``output`` give the reader's choice back as
    tensors, the output computed by :func:`convbook.corr2d` (or its flipped form
    for ``operation="convolution"``); a picture the reader loads in the browser becomes
    ``image`` too. Choosing an image smaller than the kernel crops the kernel to its middle
    and says so in ``note`` (the browser shows it). Refused: a non-2-D or non-finite image or
    kernel, a kernel larger than 5 x 5 or than the image, entries beyond ±1000, an image
    larger than 128 pixels on a side, an unknown operation or image name. The chapter
    "Finding edges" shows the widget.

    >>> explorer = KernelExplorer(kernel=torch.tensor([[1., -1.]]))
    >>> explorer.output.shape
    torch.Size([6, 7])
    """

    root_class = "cb-kx"

    images = traitlets.Dict().tag(sync=True)
    image_name = traitlets.Unicode(EDGE_IMAGE).tag(sync=True)
    kernel_rows = traitlets.List().tag(sync=True)
    presets = traitlets.Dict().tag(sync=True)
    operation = traitlets.Unicode(OPERATIONS[0]).tag(sync=True)
    note = traitlets.Unicode("").tag(sync=True)
    largest_kernel = traitlets.Int(LARGEST_KERNEL, read_only=True).tag(sync=True)
    largest_entry = traitlets.Float(LARGEST_ENTRY, read_only=True).tag(sync=True)
    largest_image = traitlets.Int(LARGEST_IMAGE, read_only=True).tag(sync=True)
    ranges = traitlets.Dict(RANGES, read_only=True).tag(sync=True)

    def __init__(
        self,
        image: torch.Tensor | None = None,
        kernel: torch.Tensor | None = None,
        operation: str = "cross-correlation",
    ) -> None:
        images = {
            NUMBERS: rows(numbers_example()[0]),
            EDGE_IMAGE: rows(edge_image()),
            PHOTO: rows(photo(32), decimals=3),
        }
        if image is not None:
            images[YOUR_IMAGE] = rows(_small_image(check_matrix(image, "image"), "image"))
        name = YOUR_IMAGE if image is not None else EDGE_IMAGE
        presets = {n: rows(named_kernel(n)) for n in kernel_names()}
        start = crop_to_fit(named_kernel("edge"), _matrix(images[name], "image").shape)
        super().__init__(
            images=images,
            image_name=name,
            presets=presets,
            operation=operation,
            kernel_rows=rows(start),
        )
        if kernel is not None:
            self.kernel = kernel

    # Each rule below reads the other traits as they will be once a change is complete: the
    # browser sends the image, the kernel and the note together (ipywidgets' set_state holds
    # the checks until all are set), so a new image with a kernel that fits it is accepted,
    # and a half-done change is never seen.

    @traitlets.validate("operation")
    @refused
    def _valid_operation(self, proposal: dict) -> str:
        return one_of(proposal["value"], OPERATIONS, "operation")

    @traitlets.validate("images")
    @refused
    def _valid_images(self, proposal: dict) -> dict:
        for name, given in proposal["value"].items():
            _small_image(_matrix(given, f"image {name!r}"), f"image {name!r}")
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
        K = check_kernel(_matrix(proposal["value"], "kernel"))
        if self.image_name in self.images:
            check_image_and_kernel(self.image.double(), K)
        return proposal["value"]

    @traitlets.observe("image_name")
    def _crop_kernel_to_the_image(self, change: dict) -> None:
        K, shape = self.kernel, self.image.shape
        if K.shape[0] <= shape[0] and K.shape[1] <= shape[1]:
            return
        cropped = crop_to_fit(K, tuple(shape))
        with self.hold_sync(), self.hold_trait_notifications():  # one message to the browser
            self.kernel_rows = rows(cropped)
            self.note = (
                f"The {K.shape[0]} × {K.shape[1]} kernel is cropped to its middle "
                f"{cropped.shape[0]} × {cropped.shape[1]} to fit the "
                f"{shape[0]} × {shape[1]} image."
            )

    @property
    def image(self) -> torch.Tensor:
        """The image now shown, as a float32 tensor."""
        return torch.tensor(self.images[self.image_name], dtype=torch.float32)

    @property
    def kernel(self) -> torch.Tensor:
        """The kernel now shown (as entered, before any flip), as a float32 tensor."""
        return torch.tensor(self.kernel_rows, dtype=torch.float32)

    @kernel.setter
    def kernel(self, value: torch.Tensor) -> None:
        value = check_kernel(check_matrix(value, "kernel"))
        check_image_and_kernel(self.image, value.float())
        with self.hold_sync(), self.hold_trait_notifications():
            self.kernel_rows = rows(value)
            self.note = ""

    @property
    def output(self) -> torch.Tensor:
        """The feature map, computed in PyTorch by :func:`convbook.corr2d`."""
        operation = conv2d_true if self.operation == "convolution" else corr2d
        return operation(self.image, self.kernel)
