"""Named kernels: the classic image filters, ready to cross-correlate with.

Every kernel is written for cross-correlation (``corr2d``, ``F.conv2d``), the
operation deep-learning libraries call convolution. ``sobel_x`` is positive
where brightness grows to the right, ``sobel_y`` where it grows downwards.
:func:`kernel` returns a fresh tensor each time, so changing it changes no preset.

>>> kernel("sobel_x")
tensor([[-1.,  0.,  1.],
        [-2.,  0.,  2.],
        [-1.,  0.,  1.]])
>>> kernel_names()[:3]
('identity', 'edge', 'edge_transposed')
"""

from __future__ import annotations

import torch

_BINOMIAL_3 = [1.0, 2.0, 1.0]
_BINOMIAL_5 = [1.0, 4.0, 6.0, 4.0, 1.0]


def _outer(values: list[float], total: float) -> list[list[float]]:
    return [[a * b / total for b in values] for a in values]


# name -> (entries, one-line description); insertion order is the order of kernel_names().
_KERNELS: dict[str, tuple[list[list[float]], str]] = {
    "identity": (
        [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
        "leaves the image unchanged (cropped by one pixel)",
    ),
    "edge": ([[1, -1]], "vertical edges: left pixel minus right pixel"),
    "edge_transposed": ([[1], [-1]], "horizontal edges: upper pixel minus lower pixel"),
    "box_blur": ([[1 / 9] * 3] * 3, "3 x 3 mean: each output is the average of its window"),
    "gaussian_blur_3": (
        _outer(_BINOMIAL_3, 16.0),
        "3 x 3 binomial (Gaussian-like) blur, weights sum to 1",
    ),
    "gaussian_blur_5": (
        _outer(_BINOMIAL_5, 256.0),
        "5 x 5 binomial (Gaussian-like) blur, weights sum to 1",
    ),
    "sharpen": (
        [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
        "identity minus the Laplacian: boosts differences from the neighbours",
    ),
    "sobel_x": (
        [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
        "horizontal derivative (vertical edges), smoothed vertically",
    ),
    "sobel_y": (
        [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
        "vertical derivative (horizontal edges), smoothed horizontally",
    ),
    "laplacian": (
        [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
        "sum of second derivatives: edges in every direction",
    ),
}


def kernel_names() -> tuple[str, ...]:
    """The names :func:`kernel` accepts, in a fixed order (simplest first).

    Nothing to refuse: it takes no arguments.

    >>> "laplacian" in kernel_names()
    True
    """
    return tuple(_KERNELS)


def kernel(name: str, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """A new 2-D tensor holding the named kernel (see :func:`kernel_names`).

    Refused: a name that is not a string, an unknown name (the error lists the
    known ones), a ``dtype`` that is not floating point.

    >>> kernel("edge")
    tensor([[ 1., -1.]])
    >>> kernel("gaussian_blur_3", torch.float64).sum().item()
    1.0
    """
    _check_name(name)
    if not isinstance(dtype, torch.dtype) or not dtype.is_floating_point:
        raise TypeError(f"dtype must be a floating-point torch.dtype, got {dtype!r}")
    return torch.tensor(_KERNELS[name][0], dtype=dtype)


def describe_kernel(name: str) -> str:
    """One line saying what the named kernel does (for labels and legends).

    Refused: a name that is not a string, an unknown name.

    >>> describe_kernel("box_blur")
    '3 x 3 mean: each output is the average of its window'
    """
    _check_name(name)
    return _KERNELS[name][1]


def _check_name(name: object) -> None:
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    if name not in _KERNELS:
        raise ValueError(f"unknown kernel {name!r}; known kernels: {', '.join(_KERNELS)}")
