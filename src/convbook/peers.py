"""What a reader would use instead, for the benchmark to compare with (chapter "How fast
is a convolution?"): OpenCV's ``cv2.filter2D``, SciPy's ``scipy.ndimage.correlate`` and
``scipy.signal.oaconvolve``, and the memory floor, a plain copy of the image.

Each takes and returns torch tensors on the CPU and returns the *valid* cross-correlation,
as every form in :mod:`convbook.fast` does. OpenCV and SciPy come with the optional
``bench`` extra (``pip install convbook[bench]``); :func:`missing` says why one cannot run.
"""

from __future__ import annotations

import importlib.util

import torch

PACKAGES = {  # peer -> (module it needs, the name to pip install)
    "filter2d": ("cv2", "opencv-python-headless"),
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
