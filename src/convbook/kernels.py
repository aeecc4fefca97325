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

Three families of kernels turn with a parameter (the kernel explorer of the chapter
"Finding edges" has a slider for each): :func:`gaussian_kernel` (blur of width ``sigma``),
:func:`directional_kernel` (the derivative in the direction ``degrees``, as in the exercise
"An edge detector for any direction") and :func:`sharpen_kernel` (by ``amount``).
"""

from __future__ import annotations

import math

import torch

from convbook.checks import check_finite_number, check_odd_size, check_positive_number

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
    _check_dtype(dtype)
    return torch.tensor(_KERNELS[name][0], dtype=dtype)


def describe_kernel(name: str) -> str:
    """One line saying what the named kernel does (for labels and legends).

    Refused: a name that is not a string, an unknown name.

    >>> describe_kernel("box_blur")
    '3 x 3 mean: each output is the average of its window'
    """
    _check_name(name)
    return _KERNELS[name][1]


# The largest Gaussian the helpers make: as large as the kernel explorer's kernels.
LARGEST_GAUSSIAN = 5


def gaussian_kernel(
    sigma: float, size: int = 5, dtype: torch.dtype = torch.float32
) -> torch.Tensor:
    """A ``size`` x ``size`` Gaussian blur: ``exp(-(a² + b²) / (2 sigma²))`` at offset ``(a, b)``
    from the centre, divided by its sum so that the weights sum to 1.

    A small ``sigma`` keeps nearly all the weight on the centre (nearly the identity); a large
    one spreads it evenly (nearly the box blur).

    Refused: a ``sigma`` that is not a positive finite number, a ``size`` that is not an odd
    int from 1 to 5, a ``dtype`` that is not floating point.

    >>> gaussian_kernel(1.0, 3)
    tensor([[0.0751, 0.1238, 0.0751],
            [0.1238, 0.2042, 0.1238],
            [0.0751, 0.1238, 0.0751]])
    """
    sigma = check_positive_number(sigma, "sigma")
    size = check_odd_size(size, "size", LARGEST_GAUSSIAN)
    _check_dtype(dtype)
    offsets = torch.arange(size, dtype=torch.float64) - (size - 1) / 2
    squared = offsets[:, None] ** 2 + offsets[None, :] ** 2
    weights = torch.exp(-squared / (2 * sigma**2))
    return (weights / weights.sum()).to(dtype)


def directional_kernel(degrees: float, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """The derivative in the direction ``degrees`` (x to the right, y downwards, so 90 points
    down): ``cos θ · sobel_x + sin θ · sobel_y``. 0 is ``sobel_x``, 90 is ``sobel_y``.

    Refused: ``degrees`` that are not a finite number, a ``dtype`` that is not floating point.

    >>> directional_kernel(180)
    tensor([[ 1.,  0., -1.],
            [ 2.,  0., -2.],
            [ 1.,  0., -1.]])
    """
    theta = math.radians(check_finite_number(degrees, "degrees"))
    _check_dtype(dtype)
    # cos and sin rounded to 12 places, so that 90 degrees gives exactly sobel_y
    c, s = round(math.cos(theta), 12), round(math.sin(theta), 12)
    sobel_x, sobel_y = kernel("sobel_x", torch.float64), kernel("sobel_y", torch.float64)
    return (c * sobel_x + s * sobel_y + 0.0).to(dtype)  # + 0.0: no -0 printed


def sharpen_kernel(amount: float, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """``identity - amount · laplacian``: each pixel pushed away from its neighbours' mean.

    ``amount`` 0 is the identity, 1 the preset ``sharpen``; the weights always sum to 1.

    Refused: an ``amount`` that is not a finite number, a ``dtype`` that is not floating point.

    >>> sharpen_kernel(0.5)
    tensor([[ 0.0000, -0.5000,  0.0000],
            [-0.5000,  3.0000, -0.5000],
            [ 0.0000, -0.5000,  0.0000]])
    """
    amount = check_finite_number(amount, "amount")
    _check_dtype(dtype)
    identity, laplacian = kernel("identity", torch.float64), kernel("laplacian", torch.float64)
    return (identity - amount * laplacian).to(dtype)


def _check_dtype(dtype: object) -> None:
    if not isinstance(dtype, torch.dtype) or not dtype.is_floating_point:
        raise TypeError(f"dtype must be a floating-point torch.dtype, got {dtype!r}")


def _check_name(name: object) -> None:
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    if name not in _KERNELS:
        raise ValueError(f"unknown kernel {name!r}; known kernels: {', '.join(_KERNELS)}")
