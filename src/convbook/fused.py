"""The fused form of cross-correlation: the shifted-sum stencil compiled into one loop
(chapter "How fast is a convolution?", section on operator fusion).

``corr2d_shift`` makes ``k_h * k_w`` passes over the output, each a separate PyTorch
call that reads a shifted copy of ``X`` and reads and writes ``Y``. Written as one
expression and handed to ``torch.compile``, the same sum becomes one generated loop
(vectorised C++ on a CPU, built with the system's C++ compiler; a Triton kernel on a
GPU) that reads ``X`` once per tile and writes each output once. Compiling takes a few
seconds, once per image shape, kernel shape, dtype, device and thread count; the
compiled loop is kept, and :data:`COMPILE_SECONDS` records what each compile cost.
Where compiling fails (no C++ compiler, no Triton), :func:`compiled` remembers it and
returns ``None`` from then on, so that ``corr2d_fast`` can choose another form.

A kernel of rank 1 gets a second compiled expression, :func:`separable_stencil`: the row
pass and the column pass of :func:`convbook.separable.two_passes` (chapter "Frequencies and
separable kernels"), each one generated loop instead of ``k`` separate calls;
:func:`corr2d_fused_separable` is that form.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import shutil
import time
import types
from collections.abc import Callable

import torch

from convbook.checks import check_image_and_kernel
from convbook.cores import configured_threads
from convbook.finish import HALF, finished
from convbook.separable import rank_one_terms

# image shape, the weights' shapes (K's, or u's and v's), dtype, device, threads
Key = tuple[tuple[int, ...], tuple[tuple[int, ...], ...], torch.dtype, str, int]

Loop = Callable[..., tuple[torch.Tensor, torch.Tensor]]
COMPILE_SECONDS: dict[Key, float] = {}  # the one-off cost of each compile, in seconds
_COMPILED: dict[Key, Loop] = {}
_FAILED: dict[str, str] = {}  # device type -> why compiling failed there
# The longest kernel row that the 2-D stencil sums as a window (see stencil).
WINDOW_MAX_TAPS = 7
# Room for the rounding of a column pass's sum above its exact bound (far more than needed).
_ROUNDING_MARGIN = 1.01


def stencil(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """The shifted sum as one expression, row by row of ``K``: what gets compiled.

    Each kernel row ``a`` contributes ``sum_b K[a, b] * X[a + i, b + j]``. A row of at most
    :data:`WINDOW_MAX_TAPS` taps is written as a window view over the columns and a sum over
    its last axis, so that the expression grows with ``k_h`` and not with ``k_h * k_w``
    (compiling a fully unrolled 31 x 31 sum took minutes); a longer row as its shifted
    copies summed, because over a window of 8 taps or more the compiler vectorised along
    the taps, one output at a time (2048 x 2048, 9 x 9: 80 ms as windows, 7.8 ms as copies,
    on a two-core Intel Xeon). Run as it stands, it is an ordinary, unfused PyTorch
    expression.

    >>> stencil(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    k_h, k_w = K.shape
    out_h = X.shape[0] - k_h + 1
    Y = _row(X[0:out_h], K[0])
    for a in range(1, k_h):
        Y = Y + _row(X[a : a + out_h], K[a])
    return Y


def _row(X: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    # Every row of X correlated with the taps w: a window sum, or shifted copies summed.
    if w.shape[0] <= WINDOW_MAX_TAPS:
        return (X.unfold(1, w.shape[0], 1) * w).sum(-1)
    return _shifted_copies(X, w)


def _shifted_copies(X: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    out_w = X.shape[1] - w.shape[0] + 1
    Y = X[:, :out_w] * w[0]
    for b in range(1, w.shape[0]):
        Y = Y + X[:, b : b + out_w] * w[b]
    return Y


def separable_stencil(X: torch.Tensor, u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """``X`` correlated with ``outer(u, v)`` as one expression: every row with ``v`` (a sum
    of shifted copies), then every column of that with ``u`` (a window view and a sum).

    >>> separable_stencil(torch.arange(9.).reshape(3, 3), torch.tensor([1., 1.]),
    ...                   torch.tensor([1., 0.]))
    tensor([[ 3.,  5.],
            [ 9., 11.]])
    """
    return _passes(X, u, v)[0]


def _passes(X: torch.Tensor, u: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    # The row pass is k_w shifted copies summed, not a sum over a window view: over a window of
    # more than a few contiguous taps the compiler vectorises along the taps, one output at a
    # time (2048 x 2048, 11 taps, on a two-core AMD EPYC: 9.5 ms against 5.4 ms for the whole
    # form). The column pass's window runs down the image and is vectorised across the outputs
    # either way.
    rows = _shifted_copies(X, v)
    return (rows.unfold(0, u.shape[0], 1) * u).sum(-1), rows


# What is compiled: the output, and in the same loop what the finiteness test of the output
# needs, so that it costs no second pass over it in Python. For the 2-D stencil, each output
# row's sum; for the two passes, the largest |entry| of each row of the row pass, which bounds
# every output by that times sum |u| (generated inside the row pass's loop: the column pass's
# row sums would be a third pass over the output).
def _stencil_and_row_sums(X: torch.Tensor, K: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    Y = stencil(X, K)
    return Y, Y.sum(1)


def _separable_and_row_peaks(
    X: torch.Tensor, u: torch.Tensor, v: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    Y, rows = _passes(X, u, v)
    return Y, rows.abs().amax(1)


def cannot_compile(device: str | torch.device = "cpu") -> str | None:
    """Why the fused form cannot be compiled for ``device`` here, or ``None`` if it can.

    Checked without compiling: ``torch.compile`` must support this Python, a CPU needs a
    C++ compiler on the ``PATH`` and a GPU needs Triton; and an earlier compile for the
    device type must not have failed.

    >>> cannot_compile("cpu") is None or isinstance(cannot_compile("cpu"), str)
    True
    """
    kind = torch.device(device).type
    return _FAILED.get(kind) or _cannot_build(kind)


@functools.cache
def _cannot_build(kind: str) -> str | None:
    # What does not change while the program runs: looked up once per device type.
    try:
        supported = torch._dynamo.is_dynamo_supported()
    except Exception:  # noqa: BLE001  (any failure here means: not supported)
        supported = False
    if not supported:
        return "torch.compile does not support this Python"
    if kind == "cpu" and not any(shutil.which(cc) for cc in ("g++", "c++", "clang++")):
        return "no C++ compiler (g++, c++ or clang++) on the PATH"
    if kind == "cuda" and importlib.util.find_spec("triton") is None:
        return "Triton is not installed"
    if kind not in ("cpu", "cuda"):
        return f"no compiled form for device type {kind!r}"
    return None


def _key(X: torch.Tensor, *weights: torch.Tensor) -> Key:
    shapes = tuple(tuple(w.shape) for w in weights)
    return (tuple(X.shape), shapes, X.dtype, str(X.device), configured_threads())


def is_compiled(X: torch.Tensor, *weights: torch.Tensor) -> bool:
    """Whether the loop for this image, kernel (``K``, or ``u`` and ``v``), dtype, device
    and thread count is ready."""
    return _key(X, *weights) in _COMPILED


def compiled(X: torch.Tensor, *weights: torch.Tensor) -> Loop | None:
    """The compiled loop for ``X`` and the kernel's shapes, dtype and device, or ``None``:
    :func:`stencil` for ``compiled(X, K)``, :func:`separable_stencil` for
    ``compiled(X, u, v)``.

    The loop returns the output and what its finiteness test reads (each output row's sum,
    or for the passes each row-pass row's largest magnitude).
    The first call for a key compiles (timed into :data:`COMPILE_SECONDS`) by running the
    loop once on ``X`` and the weights. Each key gets its own copy of the stencil's code,
    so that no key's compiled loop pushes out another's (``torch.compile`` keeps a few
    versions per function only). A failed compile returns ``None`` and is remembered
    for the device type.
    """
    key = _key(X, *weights)
    if key in _COMPILED:
        return _COMPILED[key]
    if cannot_compile(X.device) is not None:
        return None
    expression = _stencil_and_row_sums if len(weights) == 1 else _separable_and_row_peaks
    code = expression.__code__.replace()
    own_copy = types.FunctionType(code, expression.__globals__, "stencil")
    kept: dict[str, Loop] = {}
    arguments = code.co_varnames[: code.co_argcount]
    loop = torch.compile(own_copy, backend=_keeping(kept, arguments), dynamic=False, fullgraph=True)
    threads = torch.get_num_threads()
    torch.set_num_threads(key[-1])  # the loop is generated for the configured threads
    start = time.perf_counter()
    try:
        with torch.no_grad():
            loop(X, *weights)
    except Exception as error:  # noqa: BLE001  (a compiler missing or broken, any way)
        _FAILED[X.device.type] = f"compiling failed: {type(error).__name__}"
        return None
    finally:
        torch.set_num_threads(threads)
    COMPILE_SECONDS[key] = time.perf_counter() - start
    _COMPILED[key] = kept.get("direct", loop)
    return _COMPILED[key]


def _keeping(kept: dict[str, Loop], arguments: tuple[str, ...]) -> Callable:
    """Inductor as ``torch.compile``'s backend, keeping what it compiled in ``kept``.

    ``torch.compile``'s wrapper checks, on every call, that the inputs still match what
    was compiled (about 20 us a call, measured here on a 16 x 16 image, 4 times the loop's
    own time). The key of :data:`_COMPILED` already guarantees that, so the compiled
    graph is kept to be called directly, as ``kept["direct"]``, where its inputs are
    recognised as the stencil's ``arguments`` (``X`` and ``K``, or ``X``, ``u`` and
    ``v``), in whatever order the graph takes them; otherwise the checked wrapper is used.
    """
    from torch._inductor.compile_fx import compile_fx

    wanted = [f"l_{name.lower()}_" for name in arguments]

    def backend(graph: torch.fx.GraphModule, example_inputs: list) -> Callable:
        compiled_graph = compile_fx(graph, example_inputs)
        names = [node.name.lower() for node in graph.graph.nodes if node.op == "placeholder"]
        if sorted(names) == sorted(wanted):
            order = [wanted.index(name) for name in names]
            kept["direct"] = lambda *inputs: tuple(compiled_graph(*[inputs[i] for i in order]))
        return compiled_graph

    return backend


def corr2d_fused(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlation by the compiled stencil: one loop that writes each output once.

    The first call for each image shape, kernel shape, dtype, device and thread count
    compiles (seconds); later calls run the kept loop (on contiguous copies of inputs
    that are not contiguous). Under autograd (an input that requires grad) the stencil
    runs uncompiled, as ordinary PyTorch operations, so that gradients flow.
    Half-precision inputs are summed in float32. Same checks as :func:`corr2d`.

    Refused: exactly what :func:`corr2d` refuses, with the same messages; and a
    ``RuntimeError`` that says why, where this platform cannot compile (see
    :func:`cannot_compile`; ``corr2d_fast`` then uses another form).

    >>> corr2d_fused(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    tensor([[19., 25.],
            [37., 43.]])
    """
    X, K = check_image_and_kernel(X, K, scan_image=False)
    if X.dtype in HALF:
        return corr2d_fused(X.float(), K.float()).to(X.dtype)
    if torch.is_grad_enabled() and (X.requires_grad or K.requires_grad):
        return finished(stencil(X, K), X, K, corr2d_fused)
    Y = run(X, K)
    if Y is None:
        raise RuntimeError(f"corr2d_fused: {cannot_compile(X.device)}")
    return Y


def run(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor | None:
    """``X`` correlated with ``K`` (checked, same dtype, no gradient needed) by the
    compiled loop, compiling it first if need be; ``None`` where it cannot be compiled."""
    X, K = X.contiguous(), K.contiguous()  # the loop is compiled for contiguous tensors
    loop = compiled(X, K)
    if loop is None:
        return None
    with torch.no_grad():
        Y, row_sums = loop(X, K)
    if math.isfinite(float(row_sums.sum())):
        return Y
    return finished(Y, X, K, corr2d_fused)


def corr2d_fused_separable(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlation by the compiled row and column passes (:func:`separable_stencil`):
    one pair for a kernel of rank 1, one pair per rank-1 term of its SVD otherwise
    (:func:`convbook.separable.rank_one_terms`; every term has the same shapes, so one
    compiled loop serves them all).

    As :func:`corr2d_fused`: compiled once per image shape, kernel shape, dtype, device and
    thread count; uncompiled under autograd; half precision summed in float32; the same
    checks as :func:`corr2d`, and a ``RuntimeError`` where this platform cannot compile.

    >>> corr2d_fused_separable(torch.arange(9.).reshape(3, 3), torch.tensor([[1., 2.], [3., 6.]]))
    tensor([[35., 47.],
            [71., 83.]])
    """
    X, K = check_image_and_kernel(X, K, scan_image=False)
    if X.dtype in HALF:
        return corr2d_fused_separable(X.float(), K.float()).to(X.dtype)
    if torch.is_grad_enabled() and (X.requires_grad or K.requires_grad):
        return finished(stencil(X, K), X, K, corr2d_fused_separable)
    terms = rank_one_terms(K)
    if len(terms) == 1:
        Y = run_separable(X, *terms[0])
    else:  # one compiled loop for every term (same shapes), the output checked once
        parts = [run_separable(X, u, v, checked=False) for u, v in terms]
        Y = None if any(part is None for part in parts) else sum(parts[1:], parts[0])
        Y = Y if Y is None else finished(Y, X, K, corr2d_fused_separable)
    if Y is None:
        raise RuntimeError(f"corr2d_fused_separable: {cannot_compile(X.device)}")
    return Y


def run_separable(
    X: torch.Tensor, u: torch.Tensor, v: torch.Tensor, checked: bool = True
) -> torch.Tensor | None:
    """``X`` correlated with ``outer(u, v)`` (checked, same dtype, no gradient needed) by
    the compiled passes, compiling them first if need be; ``None`` where they cannot be
    compiled. With ``checked``, an output that may not be finite is handled as
    :func:`finished` does: every output is at most the row pass's largest magnitude times
    ``sum |u|``, and where that bound is not finite (a NaN or inf in ``X``, or a sum that may
    have overflowed) the full test runs."""
    X, u, v = X.contiguous(), u.contiguous(), v.contiguous()
    loop = compiled(X, u, v)
    if loop is None:
        return None
    with torch.no_grad():
        Y, row_peaks = loop(X, u, v)
    bound = float(row_peaks.max()) * sum(abs(w) for w in u.tolist()) * _ROUNDING_MARGIN
    if not checked or bound <= torch.finfo(Y.dtype).max:  # False for NaN
        return Y
    return finished(Y, X, torch.outer(u, v), corr2d_fused_separable)
