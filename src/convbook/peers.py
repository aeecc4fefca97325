"""What a reader would use instead, for the benchmark to compare with (chapter "How fast
is a convolution?"): OpenCV's ``cv2.filter2D``, and for separable kernels (chapter
"Frequencies and separable kernels") ``cv2.sepFilter2D`` and ``cv2.GaussianBlur``; SciPy's
``scipy.ndimage.correlate`` and ``scipy.signal.oaconvolve``; and the memory floor, a plain
copy of the image.

Each takes and returns torch tensors on the CPU and returns the *valid* cross-correlation,
as every form in :mod:`convbook.fast` does. OpenCV and SciPy come with the optional
``bench`` extra (``pip install convbook[bench]``); :func:`missing` says why one cannot run.
"""

from __future__ import annotations

import importlib.util

import torch

PACKAGES = {  # peer -> (module it needs, the name to pip install)
    "filter2d": ("cv2", "opencv-python-headless"),
    "sepfilter2d": ("cv2", "opencv-python-headless"),
    "gaussianblur": ("cv2", "opencv-python-headless"),
    "ndimage": ("scipy", "scipy"),
    "oaconvolve": ("scipy", "scipy"),
}
_floor_buffers: dict[tuple[tuple[int, ...], torch.dtype, torch.device], torch.Tensor] = {}


def missing(peer: str, device: str = "cpu") -> str | None:
    """Why ``peer`` cannot be timed here, or ``None``: its package is absent, or it runs
    on the CPU only and the benchmark runs on ``device``.

    >>> missing("floor", "cuda") is None
    True
    >>> missing("filter2d", "cuda")
    'skipped: a CPU library, not run on cuda'
    """
    if peer not in PACKAGES:
        return None
    module, package = PACKAGES[peer]
    if device != "cpu":
        return f"skipped: a CPU library, not run on {device}"
    if importlib.util.find_spec(module) is None:
        return f"skipped: {package} is not installed (pip install convbook[bench])"
    return None


def filter2d(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """OpenCV's ``cv2.filter2D``, cropped to the valid region.

    ``filter2D`` is a cross-correlation (it does not flip the kernel) that returns an
    output of the image's size, filling in pixels beyond the border. With the anchor at
    the kernel's top-left entry, ``(0, 0)``, output ``(i, j)`` is the window whose
    top-left corner is ``(i, j)``, so the valid region is the top-left
    ``out_h x out_w`` block; the rest (border pixels) is computed and thrown away.
    OpenCV uses its own threads (``cv2.setNumThreads``).
    """
    import cv2

    out = cv2.filter2D(X.numpy(), -1, K.numpy(), anchor=(0, 0), borderType=cv2.BORDER_CONSTANT)
    return torch.from_numpy(out)[: X.shape[0] - K.shape[0] + 1, : X.shape[1] - K.shape[1] + 1]


def unsuited(peer: str, K: torch.Tensor) -> str | None:
    """Why ``peer`` cannot correlate with this kernel, or ``None``: ``cv2.sepFilter2D``
    takes kernels of rank 1 only, ``cv2.GaussianBlur`` only the Gaussian it makes itself
    (:func:`opencv_gaussian`).

    >>> unsuited("gaussianblur", opencv_gaussian(5)[:, None] * opencv_gaussian(5)) is None
    True
    >>> unsuited("sepfilter2d", torch.eye(3))
    'skipped: the kernel is not of rank 1'
    """
    from convbook.separable import rank_one_factors

    if peer == "sepfilter2d" and rank_one_factors(K) is None:
        return "skipped: the kernel is not of rank 1"
    if peer == "gaussianblur":
        k_h, k_w = K.shape
        if k_h != k_w or k_h % 2 == 0:
            return "skipped: not a square kernel of odd size"
        g = opencv_gaussian(k_h).to(K.dtype)
        if not torch.allclose(K, torch.outer(g, g), rtol=1e-4, atol=1e-7):
            return "skipped: not the Gaussian cv2.GaussianBlur makes"
    return None


def opencv_sigma(size: int) -> float:
    """The width OpenCV gives a Gaussian of ``size`` taps when asked for none:
    ``0.3 ((size - 1) / 2 - 1) + 0.8`` (documented with ``cv2.getGaussianKernel``).

    >>> opencv_sigma(5)
    1.1
    """
    return round(0.3 * ((size - 1) * 0.5 - 1) + 0.8, 12)


def opencv_gaussian(size: int) -> torch.Tensor:
    """The 1-D Gaussian of ``size`` taps, width :func:`opencv_sigma`, weights summing to 1,
    computed as ``cv2.getGaussianKernel`` computes it for a positive width (float64, then
    float32)."""
    sigma = opencv_sigma(size)
    offsets = torch.arange(size, dtype=torch.float64) - (size - 1) / 2
    weights = torch.exp(-(offsets**2) / (2 * sigma**2))
    return (weights / weights.sum()).float()


def sepfilter2d(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """OpenCV's ``cv2.sepFilter2D`` with the row and column of a rank-1 ``K``
    (:func:`convbook.separable.rank_one_factors`), cropped to the valid region.

    Its output has the image's size with the kernel's centre over each pixel, so the valid
    window with top-left corner ``(i, j)`` is output ``(i + k_h // 2, j + k_w // 2)``.
    Refused: a kernel not of rank 1 (``ValueError``). OpenCV's own threads. The rank-1 test
    is remembered for the last kernel, as ``corr2d_fast``'s is, so that a benchmark of many
    calls times OpenCV's filter, not the test.
    """
    import cv2

    from convbook.checks import check_matrix
    from convbook.separable import remembered_factors

    factors = remembered_factors(check_matrix(K, "K"))
    if factors is None:
        raise ValueError("K must be of rank 1 for cv2.sepFilter2D")
    column, row = (f.numpy() for f in factors)
    return _centred_valid(cv2.sepFilter2D(X.numpy(), -1, row, column), K.shape)


def gaussianblur(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """OpenCV's ``cv2.GaussianBlur`` with the size of ``K`` and width :func:`opencv_sigma`,
    cropped to the valid region: correct only where ``K`` is that Gaussian (see
    :func:`unsuited`; the benchmark checks every answer). OpenCV's own threads."""
    import cv2

    k_h, k_w = K.shape
    sigma = opencv_sigma(k_h)
    out = cv2.GaussianBlur(X.numpy(), (k_w, k_h), sigmaX=sigma, sigmaY=sigma)
    return _centred_valid(out, K.shape)


def _centred_valid(out, kernel_shape: tuple[int, int]) -> torch.Tensor:
    """The valid block of a same-size output whose kernel sat with its centre on each pixel."""
    k_h, k_w = kernel_shape
    n_h, n_w = out.shape
    top, left = k_h // 2, k_w // 2
    return torch.from_numpy(out)[top : top + n_h - k_h + 1, left : left + n_w - k_w + 1]


def ndimage(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """SciPy's ``scipy.ndimage.correlate``, cropped to the valid region.

    It returns an output of the image's size with the kernel's centre, entry
    ``(k_h // 2, k_w // 2)``, over each pixel; the valid window with top-left corner
    ``(i, j)`` is therefore output ``(i + k_h // 2, j + k_w // 2)``. One thread.
    """
    from scipy import ndimage as nd

    k_h, k_w = K.shape
    out = nd.correlate(X.numpy(), K.numpy(), mode="constant")
    return torch.from_numpy(out)[
        k_h // 2 : k_h // 2 + X.shape[0] - k_h + 1, k_w // 2 : k_w // 2 + X.shape[1] - k_w + 1
    ]


def oaconvolve(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """SciPy's ``scipy.signal.oaconvolve`` (FFTs of overlapping blocks) with the kernel
    flipped, which turns its convolution into cross-correlation; ``mode="valid"``."""
    from scipy import signal

    return torch.from_numpy(signal.oaconvolve(X.numpy(), K.numpy()[::-1, ::-1], mode="valid"))


def memory_floor(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """The least any method must do: read ``X`` once and write as many numbers once.

    Copies ``X`` into a tensor of its shape allocated beforehand (on the first call for
    that shape), and returns it. ``K`` is ignored. Not a cross-correlation: the benchmark
    checks that it returns ``X``.
    """
    key = (tuple(X.shape), X.dtype, X.device)
    if key not in _floor_buffers:
        _floor_buffers.clear()  # one buffer at a time: the benchmark goes point by point
        _floor_buffers[key] = torch.empty_like(X)
    return _floor_buffers[key].copy_(X)
