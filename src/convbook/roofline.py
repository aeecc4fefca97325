"""The roofline of a machine, and where a cross-correlation sits under it (chapter "How
fast is a convolution?", section "The roofline").

A method's attained rate is the useful arithmetic it did per second: the ``2 k_h k_w``
floating-point operations (a multiply and an add) of each of the ``out_h out_w`` outputs,
divided by its time, whatever it actually computed (the FFT does other arithmetic).
Its arithmetic intensity is that count divided by the least memory traffic any method
needs: read the image and the kernel once, write the output once. The machine caps the
rate at ``min(peak, bandwidth * intensity)``: the roof. :func:`measure` times the two
numbers the roof needs with two simple benchmarks.
"""

from __future__ import annotations

import statistics
import time

import torch

COPY_BYTES = 1 << 28  # the tensor copied to measure bandwidth: 256 MiB, far beyond any cache
MATMUL_SIZE = 1024  # the square float32 matrices multiplied to measure the peak rate


def flops(size: int, kernel: int) -> int:
    """Floating-point operations of a valid cross-correlation, square image and kernel.

    >>> flops(4, 3)
    72
    """
    out = size - kernel + 1
    return 2 * kernel * kernel * out * out


def minimal_bytes(size: int, kernel: int, itemsize: int = 4) -> int:
    """Bytes a cross-correlation must move at least: image and kernel read, output written.

    >>> minimal_bytes(4, 3)
    116
    """
    out = size - kernel + 1
    return itemsize * (size * size + kernel * kernel + out * out)


def intensity(size: int, kernel: int, itemsize: int = 4) -> float:
    """Arithmetic intensity: floating-point operations per byte of minimal traffic."""
    return flops(size, kernel) / minimal_bytes(size, kernel, itemsize)


def roof(intensity: float, bandwidth: float, peak: float) -> float:
    """The highest rate (flop/s) the machine allows at this intensity (flop/byte).

    >>> roof(1.0, 10e9, 50e9), roof(100.0, 10e9, 50e9)
    (10000000000.0, 50000000000.0)
    """
    return min(peak, bandwidth * intensity)


def bound(intensity: float, bandwidth: float, peak: float) -> str:
    """``"memory"`` left of the ridge point ``peak / bandwidth``, else ``"compute"``."""
    return "memory" if bandwidth * intensity < peak else "compute"


def _rounds(f, repeats: int) -> list[float]:
    f()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return times


def measure(threads: int, repeats: int = 7) -> dict[str, object]:
    """Bandwidth and peak rate of this CPU with ``threads`` PyTorch threads.

    Bandwidth: ``Y.copy_(X)`` on float32 tensors of ``COPY_BYTES`` bytes, counted as
    ``2 * COPY_BYTES`` bytes (one read, one write) per copy. Peak: ``A @ B`` on float32
    matrices of ``MATMUL_SIZE`` squared, ``2 * MATMUL_SIZE**3`` flops per product. One
    warm-up, then ``repeats`` timed calls; the best, median and worst rates are kept
    (the rates of the fastest, median and slowest calls).
    """
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        copy_times = _copy_times(repeats)
        matmul_times = _matmul_times(repeats)
    finally:
        torch.set_num_threads(before)
    return {
        "threads": threads,
        "repeats": repeats,
        "bandwidth": _rates(2 * COPY_BYTES, copy_times),
        "peak": _rates(2 * MATMUL_SIZE**3, matmul_times),
        "copy_bytes": COPY_BYTES,
        "matmul_size": MATMUL_SIZE,
    }


def _copy_times(repeats: int) -> list[float]:
    X = torch.ones(COPY_BYTES // 4)
    Y = torch.empty_like(X)
    return _rounds(lambda: Y.copy_(X), repeats)


def _matmul_times(repeats: int) -> list[float]:
    g = torch.Generator().manual_seed(0)
    A = torch.randn(MATMUL_SIZE, MATMUL_SIZE, generator=g)
    B = torch.randn(MATMUL_SIZE, MATMUL_SIZE, generator=g)
    return _rounds(lambda: A @ B, repeats)


def _rates(work: float, times: list[float]) -> dict[str, float]:
    return {
        "best": work / min(times),
        "median": work / statistics.median(times),
        "worst": work / max(times),
    }
