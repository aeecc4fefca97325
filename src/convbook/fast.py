"""Fast forms of 2-D cross-correlation, and the dispatcher that picks one (chapter "How
fast is a convolution?").

``corr2d_unfold`` (a strided view and one contraction), ``corr2d_shift`` (a sum of shifted
images), ``corr2d_fft`` (the Fourier transform), and ``corr2d_fast``, which picks among
them, the compiled forms of :mod:`convbook.fused`, the row and column passes of
:mod:`convbook.separable` and PyTorch's own ``F.conv2d`` with a cost model measured by
``python -m convbook.bench``. :data:`FAST_FORMS` lists them all, once. ``torch_corr2d`` is that
``F.conv2d`` call for one 2-D image: the yardstick every form is measured and tested
against.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from convbook import fused, separable
from convbook.checks import check_image_and_kernel, check_kernel_size
from convbook.cores import cores_short, one_thread
from convbook.finish import HALF
from convbook.finish import finished as _finished
from convbook.finish import needs_grad as _needs_grad
from convbook.fused import cannot_compile
from convbook.matrix import windows
from convbook.ops import Form, output_shape

# Rows of the output updated together by corr2d_shift, so that the block of the output
# being summed stays in the processor's cache across the k_h * k_w kernel entries.
_SHIFT_BLOCK_BYTES = 1 << 21


def corr2d_unfold(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlation with every window at once: a strided view and one contraction.

    ``X.unfold(0, k_h, 1).unfold(1, k_w, 1)`` has shape ``(out_h, out_w, k_h, k_w)`` and
    copies nothing: entry ``[i, j]`` is the window under output ``(i, j)``, a view into
    ``X``. ``einsum`` then multiplies each window by ``K`` and sums, which gathers the
    windows into an ``(out_h * out_w) x (k_h * k_w)`` matrix first (the im2col copy).
    Same checks as :func:`corr2d`; works under autograd and on any device.

    Refused: exactly what :func:`corr2d` refuses, with the same messages.

    >>> corr2d_unfold(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    X, K = check_image_and_kernel(X, K, scan_image=False)
    return _finished(torch.einsum("ijab,ab->ij", windows(X, K.shape), K), X, K, corr2d_unfold)


def corr2d_shift(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlation as a sum of ``k_h * k_w`` shifted, scaled copies of the image.

    The original notebook's two loops run over output pixels; here they run over kernel entries:
    ``Y += K[a, b] * X[a : a + out_h, b : b + out_w]``, each line one vectorised pass
    over the whole output, accumulated in place into one preallocated ``Y``. Python runs
    ``k_h * k_w`` times instead of ``out_h * out_w`` times. The output is updated in
    blocks of rows that fit in the processor's cache. Every entry is used, zeros too, so
    the answer is the same for any kernel. Same checks as :func:`corr2d`; works under
    autograd and on any device. Half-precision inputs are summed in float32.

    Refused: exactly what :func:`corr2d` refuses, with the same messages.

    >>> corr2d_shift(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    X, K = check_image_and_kernel(X, K, scan_image=False)
    if X.dtype in HALF:
        return corr2d_shift(X.float(), K.float()).to(X.dtype)
    k_h, k_w = K.shape
    out_h, out_w = output_shape(X.shape, K.shape)
    if _needs_grad(X, K):  # autograd: the weights stay tensors, one graph node per entry
        Y = X[:out_h, :out_w] * K[0, 0]
        for a in range(k_h):
            for b in range(k_w):
                if a or b:
                    Y = Y + X[a : a + out_h, b : b + out_w] * K[a, b]
        return _finished(Y, X, K, corr2d_shift)
    weights = K.tolist()  # plain numbers: add_(..., alpha=w) is one fused pass
    Y = torch.empty((out_h, out_w), dtype=X.dtype, device=X.device)
    rows = out_h if X.is_cuda else max(1, _SHIFT_BLOCK_BYTES // (out_w * X.element_size()))
    for top in range(0, out_h, rows):
        bottom = min(top + rows, out_h)
        block = Y[top:bottom]
        torch.mul(X[top:bottom, :out_w], weights[0][0], out=block)
        for a in range(k_h):
            for b in range(k_w):
                if a or b:
                    block.add_(X[top + a : bottom + a, b : b + out_w], alpha=weights[a][b])
    return _finished(Y, X, K, corr2d_shift)


def _fft_size(n: int) -> int:
    """The smallest ``m >= n`` whose only prime factors are 2, 3 and 5 (fast FFT lengths)."""
    m = n
    while True:
        r = m
        for p in (2, 3, 5):
            while r % p == 0:
                r //= p
        if r == 1:
            return m
        m += 1


def corr2d_fft(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlation through the Fourier transform: multiply spectra, transform back.

    Correlating with ``K`` multiplies the image's 2-D spectrum by the complex conjugate
    of the kernel's (zero-padded to the image's size). The product, transformed back, is
    the *circular* correlation; its top-left ``out_h x out_w`` block never wraps around,
    so it is exactly the valid correlation, up to float rounding. Cost ``O(n log n)`` in
    the number of pixels, whatever the kernel size: the way to go for large kernels.
    Half-precision inputs are
    computed in float32. Same checks as :func:`corr2d`; works under autograd and on any
    device.

    Refused: exactly what :func:`corr2d` refuses, with the same messages.

    >>> corr2d_fft(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    X, K = check_image_and_kernel(X, K, scan_image=False)
    if X.dtype in HALF:
        return corr2d_fft(X.float(), K.float()).to(X.dtype)
    size = (_fft_size(X.shape[0]), _fft_size(X.shape[1]))
    out_h, out_w = output_shape(X.shape, K.shape)
    Y = torch.fft.irfft2(_product(X, K, size), s=size)[:out_h, :out_w].contiguous()
    return _finished(Y, X, K, corr2d_fft)


def _product(X: torch.Tensor, K: torch.Tensor, size: tuple[int, int]) -> torch.Tensor:
    """The spectrum of ``X`` times the conjugate of ``K``'s, both zero-padded to ``size``.

    ``K``'s spectrum is computed along its ``k_h`` rows first and only then along the
    columns: the rows of zeros that pad it to ``size`` are never transformed.
    """
    kernel = torch.fft.fft(torch.fft.rfft(K, n=size[1], dim=1), n=size[0], dim=0)
    return torch.fft.rfft2(X, s=size) * kernel.conj()


def torch_corr2d(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """PyTorch's own cross-correlation, ``F.conv2d``, of one 2-D image with one 2-D kernel.

    The yardstick of this package: the benchmark times every form against it and the
    tests compare every form with it. Refused: exactly what :func:`corr2d` refuses.

    >>> torch_corr2d(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    X, K = check_image_and_kernel(X, K, scan_image=False)
    return _finished(F.conv2d(X[None, None], K[None, None])[0, 0], X, K, torch_corr2d)


# Cost model of corr2d_fast: seconds = launch * calls + per_unit * work, (launch, per_unit)
# per method and device. CPU: fitted by `python -m convbook.bench --fit` to a run of shift,
# fused, fft and conv2d on images of 256 to 2048 with kernels of 3 to 31, on a quiet
# two-core AMD EPYC with PyTorch's default 2 threads, torch 2.13 (2026-11-27). CUDA: fitted
# the same way to a run on an NVIDIA H200 (torch 2.11, TF32 off, images of 512 to 4096,
# kernels of 3 to 31, book/data/bench-cuda.csv), the shifted sums' launch cost raised from
# 1.7e-5 to 4e-5 s so that they are not chosen where every call is dominated by the ~0.2 ms
# a synchronised call costs there. Only the ranking matters.
#   shift:  k_h*k_w + 2 calls, k_h*k_w passes over the output: work = k_h*k_w * out_h*out_w
#   fused:  one call of one compiled loop:                  work = k_h*k_w * out_h*out_w
#   fft:    a few calls on the padded image (m pixels):      work = m * log2(m)
#   conv2d: one call, PyTorch's own kernel (cuDNN on CUDA):  work = k_h*k_w * out_h*out_w
#   separable: k_h + k_w calls per block of rows (rank-1 kernels only):
#                                                            work = (k_h+k_w) * out_h*out_w
#   fused_separable: one call of the compiled row and column passes (rank-1 kernels only):
#                                                            work = (k_h+k_w) * out_h*out_w
# The two separable forms' CPU constants: fitted by `python -m convbook.bench --real --fit` to
# a run of the real kernels' sweep (Gaussians, box blurs and Sobel on images of 512 to 2048) on
# a quiet two-core AMD EPYC, 2 threads, torch 2.13 (2026-12-03), then adjusted
# where the sweep cannot see what corr2d_fast does. Compiled passes: the fit gave (3e-4, 5.4e-11),
# but the sweep calls them through corr2d_fused_separable, whose own rank-1 test corr2d_fast
# remembers for the last kernel; the launch is that of a run before it, 1.5e-4, mostly the
# Python around the loop, and per unit 6e-11, so that 3 x 3 kernels keep the 2-D loop, which
# measured faster there (0.61 against 0.91 times OpenCV's best at 2048). Plain passes: per unit
# 1.9e-10 as fitted; the launch the shifted sums' (the same calls), where the fit, all of whose
# images are large, gave 0 and would send small images to 2k calls of overhead. The stored
# sweep (book/data/bench-real.csv, an Intel Xeon, 2026-12-04, rounds of many calls) fits
# (1e-4, 2.9e-11) and (0, 9.3e-11), which would choose as these do at its points but Sobel's,
# and send the 3 x 3 Sobel kernel to the passes; there the 2-D loop measured 0.50-0.95 times
# OpenCV's best, the compiled passes 0.98-1.91. Kept as they are.
# On CUDA the separable forms are not measured: the shifted sums' constants for the two passes
# (the same calls), the compiled 2-D loop's for the compiled ones (one launch).
# Which methods there are, and how each counts its calls and work: FAST_FORMS, below.
Costs = Mapping[str, tuple[float, float]]
COSTS: dict[str, dict[str, tuple[float, float]]] = {
    "cpu": {
        "shift": (7.3e-6, 7.4e-11),
        "fused": (7.6e-5, 4e-11),
        "fft": (1.5e-4, 3.3e-10),
        "conv2d": (2.3e-4, 1.9e-10),
        "separable": (7.3e-6, 1.9e-10),
        "fused_separable": (1.5e-4, 6e-11),
    },
    "cuda": {
        "shift": (4e-5, 2e-12),
        "fused": (2.8e-4, 8.5e-13),
        "fft": (5e-4, 1.3e-12),
        "conv2d": (2.2e-4, 3.4e-12),
        "separable": (4e-5, 2e-12),
        "fused_separable": (2.8e-4, 8.5e-13),
    },
}
# The forms that take a kernel of rank 1 only, as its row and column factors.
SEPARABLE = ("separable", "fused_separable")
# The fused form is considered only from this many outputs up: compiling costs seconds
# once per shape, which a call on a smaller image would take thousands of calls to repay.
FUSED_MIN_OUTPUTS = 1 << 17
# ... and only for kernels of at most this many taps (9 x 9). The stored run measured the time
# per tap rising about fivefold between 7 x 7 and 11 x 11 (2048 x 2048: 2.8e-11 s at 7 x 7,
# 1.4e-10 s at 11 x 11, book/data/bench-cpu.csv): the loop then summed rows of 8 taps or more as
# windows, which the compiler vectorised along the taps (corr2d_fast at 2048 x 2048, 9 x 9:
# 90 ms, against 48 ms for the FFT). Summed as shifted copies since (fused.WINDOW_MAX_TAPS), the
# 9 x 9 call took 6.0 ms and an 11 x 11 loop 11.9 ms (two-core Intel Xeon), but compiling grows
# with the taps (8.5 s at 11 x 11, minutes at 31 x 31), so the limit stays.
FUSED_MAX_TAPS = 81


def fast_method(
    image_shape: tuple[int, int] | torch.Size,
    kernel_shape: tuple[int, int] | torch.Size,
    device: str | torch.device = "cpu",
    costs: Costs | None = None,
    separable: bool = False,
) -> str:
    """The method :func:`corr2d_fast` uses for these shapes: ``"shift"``, ``"fused"``,
    ``"fft"``, ``"conv2d"`` or, for a kernel of rank 1 (``separable``), ``"separable"`` or
    ``"fused_separable"`` (the compiled forms for an image that needs no gradient).

    Each method's time is modelled as ``launch * calls + per_unit * work`` with the
    constants in ``costs`` (default: ``COSTS`` for the device type) and the cheapest is
    chosen. The fused form (:func:`convbook.fused.corr2d_fused`) is a candidate only on
    images with at least ``FUSED_MIN_OUTPUTS`` outputs and kernels of at most
    ``FUSED_MAX_TAPS`` entries, and only where this platform can
    compile it (:func:`convbook.fused.cannot_compile`); its row-and-column form for a
    rank-1 kernel (:func:`convbook.fused.corr2d_fused_separable`) on the same images,
    whatever the kernel's size. On a CPU the compiled loop wins
    for small kernels on large images, the shifted sums on small images and the FFT for
    large kernels; on a GPU, cuDNN's ``F.conv2d`` wins for small kernels.

    Refused: shapes that are not pairs of positive ints, a kernel larger than the image,
    a device that is neither a CPU nor a CUDA device.

    >>> fast_method((256, 256), (3, 3)), fast_method((256, 256), (31, 31))
    ('shift', 'fft')
    >>> fast_method((2048, 2048), (3, 3), "cuda")
    'conv2d'
    """
    n_h, n_w = check_kernel_size(image_shape, "image_shape")
    k_h, k_w = check_kernel_size(kernel_shape, "kernel_shape")
    output_shape((n_h, n_w), (k_h, k_w))
    kind = _device_type(device)
    fused_possible = cannot_compile(kind) is None
    if costs is None:
        return _cheapest(n_h, n_w, k_h, k_w, kind, fused_possible, bool(separable))
    return cheapest(n_h, n_w, k_h, k_w, costs, fused_possible, bool(separable))


def _device_type(device: object) -> str:
    """``"cuda"`` or ``"cpu"``: the cost model's two kinds of device."""
    try:
        kind = torch.device(device).type
    except (RuntimeError, TypeError):
        kind = None
    if kind not in ("cpu", "cuda"):
        raise ValueError(f"device must be a CPU or CUDA device, got {device!r}")
    return kind


def modelled_seconds(n_h: int, n_w: int, k_h: int, k_w: int, costs: Costs) -> dict[str, float]:
    """Each method's modelled time for an ``n_h x n_w`` image and ``k_h x k_w`` kernel.

    >>> sorted(modelled_seconds(64, 64, 3, 3, COSTS["cpu"]))
    ['conv2d', 'fft', 'fused', 'fused_separable', 'separable', 'shift']
    """
    output_shape((n_h, n_w), (k_h, k_w))
    seconds = {}
    for method, (launch, per_unit) in costs.items():
        calls, work = FAST_FORMS[method].cost(n_h, n_w, k_h, k_w)
        seconds[method] = launch * calls + per_unit * work
    return seconds


def _fft_work(n_h: int, n_w: int) -> float:
    """``m * log2(m)`` for the ``m`` pixels of the padded image :func:`corr2d_fft` transforms."""
    m = _fft_size(n_h) * _fft_size(n_w)
    return m * math.log2(m + 1)


def cheapest(
    n_h: int,
    n_w: int,
    k_h: int,
    k_w: int,
    costs: Costs,
    fused_possible: bool = True,
    separable: bool = False,
) -> str:
    """The method with the least modelled time; the fused form only where it may be used,
    the separable form only for a kernel of rank 1 (``separable``).

    >>> cheapest(2048, 2048, 3, 3, {"shift": (0, 2.0), "fused": (0, 1.0)})
    'fused'
    >>> cheapest(2048, 2048, 3, 3, {"shift": (0, 2.0), "fused": (0, 1.0)}, fused_possible=False)
    'shift'
    """
    seconds = modelled_seconds(n_h, n_w, k_h, k_w, costs)
    out_h, out_w = output_shape((n_h, n_w), (k_h, k_w))
    compile_pays = fused_possible and out_h * out_w >= FUSED_MIN_OUTPUTS
    if not compile_pays or k_h * k_w > FUSED_MAX_TAPS:
        seconds.pop("fused", None)
    if not compile_pays or not separable:
        seconds.pop("fused_separable", None)
    if not separable:
        seconds.pop("separable", None)
    return min(seconds, key=seconds.__getitem__)


@functools.lru_cache(maxsize=1024)
def _cheapest(
    n_h: int, n_w: int, k_h: int, k_w: int, device: str, fused_possible: bool, rank_one: bool
) -> str:
    return cheapest(n_h, n_w, k_h, k_w, COSTS[device], fused_possible, rank_one)


def corr2d_fast(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlation by whichever method :func:`fast_method` expects to be fastest.

    Same answer as :func:`corr2d` up to float rounding, same checks, works under
    autograd and on CUDA tensors. A kernel of rank 1 (an outer product, such as the
    Gaussian, box and Sobel kernels; :func:`convbook.separable.rank_one_factors`) may
    take a row pass and a column pass, :func:`convbook.separable.corr2d_separable`, or
    the two compiled, :func:`convbook.fused.corr2d_fused_separable`.
    The compiled forms are used only for float32 and float64 images that need no gradient;
    the first call for a shape compiles (seconds), and
    if compiling fails the next cheapest form is used, silently, from then on. When the
    cores are taken by other processes (:func:`convbook.cores.cores_short`), a CPU call
    runs on one thread: a multi-threaded operation waits for its slowest thread.

    Refused: exactly what :func:`corr2d` refuses, with the same messages.

    >>> corr2d_fast(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    X, K = check_image_and_kernel(X, K, scan_image=False)
    device = "cuda" if X.is_cuda else "cpu"
    fused_possible = (
        X.dtype in (torch.float32, torch.float64)
        and not _needs_grad(X, K)
        and cannot_compile(device) is None
    )
    # The rank-1 test (tens of microseconds) only where a separable form would be chosen.
    method = _cheapest(*X.shape, *K.shape, device, fused_possible, min(K.shape) > 1)
    factors = separable.remembered_factors(K) if method in SEPARABLE else None
    if method in SEPARABLE and factors is None:
        method = _cheapest(*X.shape, *K.shape, device, fused_possible, False)
    if X.is_cuda or not cores_short():
        return _run(method, X, K, factors)
    with one_thread():
        return _run(method, X, K, factors)


def _run(method: str, X: torch.Tensor, K: torch.Tensor, factors: tuple | None) -> torch.Tensor:
    if method in ("fused", "fused_separable"):
        Y = fused.run(X, K) if method == "fused" else fused.run_separable(X, *factors)
        if Y is not None:
            return Y
        device = "cuda" if X.is_cuda else "cpu"  # compiling failed just now: the next best
        method = _cheapest(*X.shape, *K.shape, device, False, factors is not None)
    return FORMS[method](X, K)


def _fft_cost(n_h: int, n_w: int, k_h: int, k_w: int) -> tuple[float, float]:
    return 1, _fft_work(n_h, n_w)


def _direct_cost(calls: Callable[[int], int]) -> Callable[[int, int, int, int], tuple]:
    """Calls and work of a form that multiplies every tap into every output."""

    def cost(n_h: int, n_w: int, k_h: int, k_w: int) -> tuple[float, float]:
        out_h, out_w = output_shape((n_h, n_w), (k_h, k_w))
        return calls(k_h * k_w), k_h * k_w * out_h * out_w

    return cost


def _separable_cost(n_h: int, n_w: int, k_h: int, k_w: int) -> tuple[float, float]:
    out_h, out_w = output_shape((n_h, n_w), (k_h, k_w))
    blocks = math.ceil(out_h / separable.block_rows(out_w, 4, out_h))
    return blocks * (k_h + k_w), (k_h + k_w) * out_h * out_w


@dataclass(frozen=True)
class FastForm:
    """One fast form of cross-correlation, as :data:`FAST_FORMS` lists it.

    ``function(X, K)`` is the form; ``cost(n_h, n_w, k_h, k_w)`` its ``(calls, work)``
    for the cost model of :func:`fast_method` (``None``: not a candidate of
    ``corr2d_fast``, whose constants per device are in :data:`COSTS`); ``compiles``:
    its first call for a shape compiles (seconds), so the tests try it apart.
    """

    name: str
    function: Form
    cost: Callable[[int, int, int, int], tuple[float, float]] | None = None
    compiles: bool = False


# The registry of fast forms, in the order the benchmark times them and the timing plot
# gives them colours: what the dispatcher's costs, convbook.bench, convbook.plot and the
# tests read. A new form is one line here (and, if corr2d_fast may pick it, one entry per
# device in COSTS).
FAST_FORMS: dict[str, FastForm] = {
    form.name: form
    for form in [
        FastForm("conv2d", torch_corr2d, _direct_cost(lambda taps: 1)),
        FastForm("unfold", corr2d_unfold),
        FastForm("shift", corr2d_shift, _direct_cost(lambda taps: taps + 2)),
        FastForm("fft", corr2d_fft, _fft_cost),
        FastForm("fast", corr2d_fast),
        FastForm("fused", fused.corr2d_fused, _direct_cost(lambda taps: 1), compiles=True),
        FastForm("separable", separable.corr2d_separable, _separable_cost),
        FastForm(
            "fused_separable",
            fused.corr2d_fused_separable,
            lambda n_h, n_w, k_h, k_w: (1, _separable_cost(n_h, n_w, k_h, k_w)[1]),
            compiles=True,
        ),
    ]
}

# What corr2d_fast runs for each method it may pick (the compiled forms through fused.run
# and fused.run_separable).
FORMS = {
    name: form.function
    for name, form in FAST_FORMS.items()
    if form.cost is not None and not form.compiles
}
