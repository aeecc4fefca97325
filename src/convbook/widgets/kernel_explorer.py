"""The kernel explorer widget: an image, an editable kernel, and the feature map they make."""

from __future__ import annotations

from pathlib import Path

import anywidget
import torch
import traitlets

from convbook.checks import check_image_and_kernel, check_matrix
from convbook.data import LARGEST_KERNEL, edge_image, numbers_example, photo
from convbook.kernels import kernel as named_kernel
from convbook.kernels import kernel_names
from convbook.ops import conv2d_true, corr2d

HERE = Path(__file__).parent

NUMBERS = "numbers 0 to 8 (3 × 3)"
EDGE_IMAGE = "edge image (6 × 8)"
PHOTO = "photo (32 × 32)"
YOUR_IMAGE = "your image"
OPERATIONS = ("cross-correlation", "convolution")


def _rows(M: torch.Tensor, decimals: int = 4) -> list[list[float]]:
    return M.detach().double().cpu().round(decimals=decimals).tolist()


class KernelExplorer(anywidget.AnyWidget):
    """Pick an image and a kernel (up to 5 x 5, presets included) and see the output.

    The browser recomputes on every change, so the widget also works in the static
    book. ``image``, ``kernel`` and ``output`` give the reader's choice back as
    tensors, the output computed by :func:`convbook.corr2d` (or its flipped form
    for ``operation="convolution"``). Refused: a non-2-D or non-finite image or kernel,
    a kernel larger than 5 x 5 or than the image, an unknown operation.

    >>> explorer = KernelExplorer(kernel=torch.tensor([[1., -1.]]))
    >>> explorer.output.shape
    torch.Size([6, 7])
    """

    _esm = HERE / "static" / "kernel_explorer.js"  # bundled by esbuild from kernel_explorer.js
    _css = HERE / "kernel_explorer.css"
    images = traitlets.Dict().tag(sync=True)
    image_name = traitlets.Unicode(EDGE_IMAGE).tag(sync=True)
    kernel_rows = traitlets.List().tag(sync=True)
    presets = traitlets.Dict().tag(sync=True)
    operation = traitlets.Unicode(OPERATIONS[0]).tag(sync=True)
    largest_kernel = traitlets.Int(LARGEST_KERNEL, read_only=True).tag(sync=True)

    def __init__(
        self,
        image: torch.Tensor | None = None,
        kernel: torch.Tensor | None = None,
        operation: str = "cross-correlation",
    ) -> None:
        images = {
            NUMBERS: _rows(numbers_example()[0]),
            EDGE_IMAGE: _rows(edge_image()),
            PHOTO: _rows(photo(32), decimals=3),
        }
        if image is not None:
            images[YOUR_IMAGE] = _rows(check_matrix(image, "image"))
        name = YOUR_IMAGE if image is not None else EDGE_IMAGE
        kernel = named_kernel("edge") if kernel is None else kernel
        presets = {n: _rows(named_kernel(n)) for n in kernel_names()}
        super().__init__(images=images, image_name=name, presets=presets, operation=operation)
        self.kernel = kernel

    @traitlets.validate("operation")
    def _valid_operation(self, proposal: dict) -> str:
        if proposal["value"] not in OPERATIONS:
            raise ValueError(f"operation must be one of {OPERATIONS}, got {proposal['value']!r}")
        return proposal["value"]

    @traitlets.validate("image_name")
    def _valid_image_name(self, proposal: dict) -> str:
        if proposal["value"] not in self.images:
            raise ValueError(
                f"image_name must be one of {list(self.images)}, got {proposal['value']!r}"
            )
        return proposal["value"]

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
        value = check_matrix(value, "kernel")
        if max(value.shape) > LARGEST_KERNEL:
            raise ValueError(
                f"kernel may be at most {LARGEST_KERNEL} x {LARGEST_KERNEL}, "
                f"got shape {tuple(value.shape)}"
            )
        check_image_and_kernel(self.image, value.float())
        self.kernel_rows = _rows(value)

    @property
    def output(self) -> torch.Tensor:
        """The feature map, computed in PyTorch by :func:`convbook.corr2d`."""
        operation = conv2d_true if self.operation == "convolution" else corr2d
        return operation(self.image, self.kernel)
