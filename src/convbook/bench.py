"""How fast is each cross-correlation? ``python -m convbook.bench`` times them all.

Every implementation in :mod:`convbook.fast`, :mod:`convbook.fused`, :mod:`convbook.ops`
and :mod:`convbook.matrix`, and the peers of :mod:`convbook.peers` (OpenCV, SciPy, the
memory floor), is timed on random images and kernels over a sweep of sizes, with
PyTorch's ``F.conv2d`` as the yardstick. At each point every method is called once and
its answer checked against ``F.conv2d``'s on the valid region (a method that disagrees
is not timed); that call is the warm-up (for the fused form it compiles, and the compile
time is kept apart). Then come ``--repeats`` rounds, the methods taking turns in a
shuffled order so that a busy machine slows them all alike; in each round a method is
called as many times in a row as fill :data:`ROUND_SECONDS` (at least once), and its time
is per call. Every round's time is kept, and the median. The table printed gives each
method's median as a multiple of ``F.conv2d``'s (below 1: faster). The rows go to a CSV
file, and the machine they were measured on (processor, cores, threads, torch version,
date, load, and with ``--roofline`` its memory bandwidth and peak arithmetic rate) to a
JSON file beside it.

    python -m convbook.bench --sizes 256 512 --kernels 3 31 --csv bench-cpu.csv

With ``--real`` the kernels are not random but the real ones of the chapter "Frequencies and
separable kernels" (:data:`REAL_KERNELS`: Gaussians of 5 to 31 taps, box blurs, Sobel), and
the table gives each method's time as a multiple of the best OpenCV call's
(``cv2.filter2D``, ``cv2.sepFilter2D``, ``cv2.GaussianBlur``).

The reference loop ``corr2d`` is skipped where it would take too long (more than
``LOOP_MAX_OUTPUTS`` outputs), as are the im2col / Toeplitz methods where their matrix
would not fit in ``MATRIX_MAX_BYTES``; the table says so.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import torch
from tqdm import tqdm

from convbook import fast, fused, kernels, matrix, ops, peers, roofline

# A round of a method is as many calls in a row as fill this many seconds (one call at least),
# timed together: a single call of 100 us is timed no better than to tens of microseconds, by
# cold caches and the timer itself (the rounds of one call each differed up to 3.2x).
ROUND_SECONDS = 0.02
LOOP_MAX_OUTPUTS = 64 * 64  # the Python loop costs ~10 us per output pixel
MATRIX_MAX_BYTES = 1 << 29  # 512 MiB for an im2col or Toeplitz matrix
ANCHOR = "conv2d"
COLUMNS = [
    "device",
    "method",
    "size",
    "kernel",
    "seconds",
    "ratio",
    "repeats",
    "status",
    "compile",
    "rounds",
    "calls",
]
REAL_COLUMNS = COLUMNS + ["family"]  # the real sweep's CSV: which kernel, too
PEERS = ["filter2d", "sepfilter2d", "gaussianblur", "ndimage", "oaconvolve", "floor"]
OPENCV = ["filter2d", "sepfilter2d", "gaussianblur"]
# The real kernels' sweep: (family, size). Gaussians have OpenCV's width for their size.
REAL_KERNELS = [("gaussian", k) for k in (5, 7, 11, 15, 21, 31)]
REAL_KERNELS += [("box", k) for k in (5, 15, 31)] + [("sobel", 3)]
REAL_METHODS = ["fast", "separable", "fused_separable", "filter2d", "sepfilter2d", "gaussianblur"]


def methods() -> dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]]:
    """Every implementation by its short name, ``conv2d`` (the yardstick) first.

    The fast forms are those of :data:`convbook.fast.FAST_FORMS`, in its order.

    >>> list(methods())  # doctest: +NORMALIZE_WHITESPACE
    ['conv2d', 'corr2d', 'unfold', 'shift', 'fft', 'fast', 'fused', 'separable',
     'fused_separable', 'matmul', 'filter2d', 'sepfilter2d', 'gaussianblur', 'ndimage',
     'oaconvolve', 'floor']
    """
    forms = {name: form.function for name, form in fast.FAST_FORMS.items()}
    return {
        ANCHOR: forms.pop(ANCHOR),  # F.conv2d on a batch of one image with one channel
        "corr2d": ops.corr2d,
        **forms,
        "matmul": matrix.corr2d_matmul,
        "filter2d": peers.filter2d,
        "sepfilter2d": peers.sepfilter2d,
        "gaussianblur": peers.gaussianblur,
        "ndimage": peers.ndimage,
        "oaconvolve": peers.oaconvolve,
        "floor": peers.memory_floor,
    }


def real_kernel(family: str, size: int) -> torch.Tensor:
    """A kernel of the real sweep: ``"gaussian"`` (OpenCV's width for ``size``,
    :func:`convbook.peers.opencv_gaussian`), ``"box"`` (the mean of ``size x size``) or
    ``"sobel"`` (``sobel_x``; ``size`` 3 only).

    >>> real_kernel("box", 2)
    tensor([[0.2500, 0.2500],
            [0.2500, 0.2500]])
    """
    if family == "gaussian":
        g = peers.opencv_gaussian(size)
        return torch.outer(g, g)
    if family == "box":
        return torch.full((size, size), 1.0 / size**2)
    if family == "sobel" and size == 3:
        return kernels.kernel("sobel_x")
    raise ValueError(f"no real kernel {family!r} of size {size}")


def skip_reason(method: str, size: int, kernel: int, device: str = "cpu") -> str | None:
    """Why ``method`` is not timed on a ``size``-square image and ``kernel``-square kernel.

    >>> skip_reason("corr2d", 2048, 3)
    'skipped: the Python loop would take too long'
    >>> skip_reason("shift", 2048, 3) is None
    True
    """
    out = (size - kernel + 1) ** 2
    if method == "corr2d" and out > LOOP_MAX_OUTPUTS:
        return "skipped: the Python loop would take too long"
    if method == "unfold" and out * kernel**2 * 4 > MATRIX_MAX_BYTES:
        return "skipped: the im2col matrix would not fit in memory"
    if method == "matmul" and out * size**2 * 4 > MATRIX_MAX_BYTES:
        return "skipped: the Toeplitz matrix would not fit in memory"
    compiles = method in fast.FAST_FORMS and fast.FAST_FORMS[method].compiles
    if compiles and (why := fused.cannot_compile(device)) is not None:
        return f"skipped: {why}"
    return peers.missing(method, device)


def disagreement(
    name: str, Y: torch.Tensor, reference: torch.Tensor, X: torch.Tensor, K: torch.Tensor
) -> str | None:
    """Why ``Y``, method ``name``'s answer, is not ``reference`` (``F.conv2d``'s), or ``None``.

    The memory floor must return ``X`` exactly. A correlation must have the reference's
    shape and lie within ``tolerance`` of it: float32's (or the dtype's) rounding,
    scaled by the size of the numbers summed, ``max|X| * sum|K|``, and by the length of
    the sums, ``k_h * k_w`` terms (or the FFT's ``log2`` of the image's pixels).

    >>> X, K = torch.ones(4, 4), torch.ones(2, 2)
    >>> disagreement("shift", torch.full((3, 3), 4.0), torch.full((3, 3), 4.0), X, K) is None
    True
    >>> disagreement("shift", torch.zeros(3, 3), torch.full((3, 3), 4.0), X, K)
    'failed: differs from F.conv2d by 4 (tolerance 7.8e-06)'
    """
    if name == "floor":
        return None if torch.equal(Y, X) else "failed: the copy differs from the image"
    if tuple(Y.shape) != tuple(reference.shape):
        return f"failed: shape {tuple(Y.shape)}, F.conv2d gives {tuple(reference.shape)}"
    error = float((Y.to(reference.dtype) - reference).abs().max())
    allowed = tolerance(X, K)
    if not error <= allowed:  # also catches NaN
        return f"failed: differs from F.conv2d by {error:.3g} (tolerance {allowed:.2g})"
    return None


def tolerance(X: torch.Tensor, K: torch.Tensor) -> float:
    """The largest difference from ``F.conv2d`` accepted for a correlation of ``X`` with ``K``."""
    eps = torch.finfo(X.dtype).eps
    terms = max(K.numel(), math.log2(X.numel() + 1))
    return 4 * eps * terms * float(X.abs().max()) * float(K.abs().sum())


def machine_info(device: str) -> dict[str, object]:
    """What the timings were measured on: processor, cores, threads, torch, date, and
    the versions of OpenCV (with its threads) and SciPy where installed.

    >>> {"cores", "cpu", "date", "threads"} <= set(machine_info("cpu"))
    True
    """
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info: dict[str, object] = {
        "device": device,
        "cpu": cpu,
        "cores": os.cpu_count(),
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "python": platform.python_version(),
        "date": datetime.date.today().isoformat(),
    }
    caches = _caches()
    if caches:
        info["caches"] = caches
    if device == "cuda":
        info["gpu"] = torch.cuda.get_device_name()
    if peers.missing("filter2d") is None:
        import cv2

        info["opencv"] = cv2.__version__
        info["opencv_threads"] = cv2.getNumThreads()
    if peers.missing("ndimage") is None:
        import scipy

        info["scipy"] = scipy.__version__  # one thread: ndimage and oaconvolve's default
    return info


def _caches() -> dict[str, str]:
    """The first core's data caches as Linux lists them, e.g. ``{"L3": "32768K"}``."""
    caches = {}
    for index in sorted(Path("/sys/devices/system/cpu/cpu0/cache").glob("index*")):
        try:
            kind = (index / "type").read_text().strip()
            if kind in ("Data", "Unified"):
                level = (index / "level").read_text().strip()
                caches[f"L{level}"] = (index / "size").read_text().strip()
        except OSError:
            continue
    return caches


def _time_once(
    f: Callable, X: torch.Tensor, K: torch.Tensor, cuda: bool, calls: int = 1
) -> tuple[float, torch.Tensor]:
    """Seconds per call of ``calls`` calls of ``f(X, K)`` in a row, and the last answer."""
    if cuda:
        torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(calls):
        Y = f(X, K)
    if cuda:
        torch.cuda.synchronize()
    return (time.perf_counter() - start) / calls, Y


def time_point(
    names: Sequence[str],
    size: int,
    kernel: int,
    repeats: int = 5,
    device: str = "cpu",
    max_seconds: float = 20.0,
    family: str = "random",
) -> list[dict[str, object]]:
    """Every round's seconds, and the median, of each method on one random point.

    The image is random; so is the kernel, unless ``family`` names a real one
    (:func:`real_kernel`). A peer that cannot take the kernel is skipped
    (:func:`convbook.peers.unsuited`).

    One warm-up call each, whose answer is checked against ``F.conv2d``'s
    (:func:`disagreement`; a method that fails is not timed); time spent compiling the
    fused form during the warm-up is kept in ``compile``. Then ``repeats`` rounds in
    which every method runs, in an order shuffled each round (a method's time can
    depend on what ran just before); a round of a method is ``calls`` calls in a row,
    as many as a second call says fill :data:`ROUND_SECONDS`, and its time is per call. A
    method whose warm-up took over ``max_seconds`` (compiling aside) is not timed further;
    one whose calls take over a second gets 3 rounds at most.

    >>> [row["status"] for row in time_point(["conv2d", "shift"], 8, 3, repeats=1)]
    ['ok', 'ok']
    """
    table = methods()
    g = torch.Generator().manual_seed(size * 1000 + kernel)
    X = torch.randn(size, size, generator=g).to(device)
    K = torch.randn(kernel, kernel, generator=g).to(device)
    if family != "random":
        K = real_kernel(family, kernel).to(device)
    cuda = device == "cuda"
    rows: dict[str, dict[str, object]] = {}
    times: dict[str, list[float]] = {}
    rounds = repeats
    with torch.no_grad():
        reference = fast.torch_corr2d(X, K)
        for name in names:
            row: dict[str, object] = {
                "device": device,
                "method": name,
                "size": size,
                "kernel": kernel,
                "compile": None,
                "calls": None,
            }
            if family != "random":
                row["family"] = family
            rows[name] = row
            reason = skip_reason(name, size, kernel, device) or peers.unsuited(name, K)
            if reason is None:
                compiled_before = sum(fused.COMPILE_SECONDS.values())
                warm, Y = _time_once(table[name], X, K, cuda)
                compiling = sum(fused.COMPILE_SECONDS.values()) - compiled_before
                if compiling > 0:
                    row["compile"] = compiling
                    warm -= compiling
                reason = disagreement(name, Y, reference, X, K)
                if reason is None and warm > max_seconds:
                    reason = f"skipped: one call took {warm:.0f} s"
                if reason is None:
                    times[name] = []
                    if warm < 1.0 or compiling > 0:  # a first call may set things up
                        warm = _time_once(table[name], X, K, cuda)[0]  # (OpenCV, inductor)
                    row["calls"] = max(1, min(10_000, int(ROUND_SECONDS / max(warm, 1e-7))))
                    if warm > 1.0:
                        rounds = min(rounds, 3)
            row["status"] = reason or "ok"
        order = list(times)
        shuffle = random.Random(size * 1000 + kernel).shuffle
        for _ in range(rounds):
            shuffle(order)  # no method always runs right after the same other one
            for name in order:
                calls = rows[name]["calls"]
                times[name].append(_time_once(table[name], X, K, cuda, calls)[0])
    anchor = statistics.median(times[ANCHOR]) if times.get(ANCHOR) else None
    for name, row in rows.items():
        seconds = statistics.median(times[name]) if name in times else None
        row["seconds"] = seconds
        row["ratio"] = seconds / anchor if seconds is not None and anchor else None
        row["repeats"] = len(times.get(name, []))
        row["rounds"] = times.get(name, [])
    return list(rows.values())


def format_table(rows: Sequence[dict[str, object]], names: Sequence[str]) -> str:
    """One line per (size, kernel): ``F.conv2d``'s time, then each method's ratio to it.

    >>> print(format_table(time_point(["conv2d"], 4, 3, repeats=1), ["conv2d"]).splitlines()[0])
     size kernel    conv2d
    """
    others = [n for n in names if n != ANCHOR]
    lines = [" ".join([f"{'size':>5} {'kernel':>6} {ANCHOR:>9}"] + [f"{n:>8}" for n in others])]
    points = sorted({(int(r["size"]), int(r["kernel"])) for r in rows})
    for size, kernel in points:
        here = {r["method"]: r for r in rows if (r["size"], r["kernel"]) == (size, kernel)}
        anchor = here.get(ANCHOR, {}).get("seconds")
        cells = [f"{size:>5} {kernel:>6} " + (f"{_ms(anchor):>9}" if anchor else f"{'-':>9}")]
        for name in others:
            ratio = here.get(name, {}).get("ratio")
            cells.append(f"{ratio:>8.3f}" if ratio is not None else f"{'-':>8}")
        lines.append(" ".join(cells))
    return "\n".join(lines)


def format_real_table(rows: Sequence[dict[str, object]], names: Sequence[str]) -> str:
    """One line per (kernel family, size, kernel): the best OpenCV call's time, then each
    method's time as a multiple of it (below 1: faster than OpenCV's best); where no
    OpenCV call was timed, each method's own time.

    >>> rows = [{"family": "box", "size": 8, "kernel": 3, "method": m, "seconds": t}
    ...         for m, t in [("filter2d", 2e-3), ("fast", 1e-3)]]
    >>> print(format_real_table(rows, ["fast", "filter2d"]))
    family    size kernel    OpenCV     fast filter2d
    box          8      3   2.000ms    0.500    1.000
    """
    lines = [" ".join([f"{'family':<8} {'size':>5} {'kernel':>6} {'OpenCV':>9}"])]
    lines[0] += "".join(f" {n:>8}" for n in names)

    def point(r: dict[str, object]) -> tuple[str, int, int]:
        return str(r.get("family", "random")), int(r["size"]), int(r["kernel"])

    for family, size, kernel in sorted({point(r) for r in rows}):
        here = {r["method"]: r["seconds"] for r in rows if point(r) == (family, size, kernel)}
        opencv = [here[m] for m in OPENCV if here.get(m)]
        best = min(opencv) if opencv else None
        shown = f"{_ms(best):>9}" if best else f"{'-':>9}"
        cells = [f"{family:<8} {size:>5} {kernel:>6} {shown}"]
        for name in names:
            t = here.get(name)
            if t and best:
                cells.append(f"{t / best:>8.3f}")
            else:  # no OpenCV call timed: the method's own time
                cells.append(f"{_ms(t):>8}" if t else f"{'-':>8}")
        lines.append(" ".join(cells))
    return "\n".join(lines)


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3f}ms" if seconds < 1 else f"{seconds:.2f}s"


def write_csv(rows: Sequence[dict[str, object]], path: Path, info: dict[str, object]) -> Path:
    """Write the rows to ``path`` and the machine description to ``path`` with ``.json``.

    Returns the path of the JSON file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as f:
        columns = REAL_COLUMNS if any("family" in row for row in rows) else COLUMNS
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _csv_value(row.get(c)) for c in columns})
    sidecar = path.with_suffix(".json")
    sidecar.write_text(json.dumps(info, indent=2) + "\n")
    return sidecar


def read_csv(path: str | Path) -> tuple[list[dict[str, object]], dict[str, object]]:
    """The rows of a CSV written by :func:`write_csv`, numbers as numbers, and its machine.

    Skipped points have ``seconds`` and ``ratio`` of ``None``; ``rounds`` is the list of
    every round's seconds (per call), ``calls`` the calls timed together in each round and
    ``compile`` the seconds spent compiling, or ``None`` (all three also for CSVs written
    before they were recorded: ``[]``, ``None`` and ``None``). The machine
    description is empty if the JSON file beside the CSV is missing.
    """
    path = Path(path)
    with path.open(newline="") as f:
        rows: list[dict[str, object]] = []
        for r in csv.DictReader(f):
            row: dict[str, object] = dict(r)
            for key in ("size", "kernel", "repeats"):
                row[key] = int(r[key])
            row["calls"] = int(r["calls"]) if r.get("calls") else None
            for key in ("seconds", "ratio", "compile"):
                row[key] = float(r[key]) if r.get(key) else None
            row["rounds"] = [float(t) for t in (r.get("rounds") or "").split()]
            if r.get("family"):
                row["family"] = r["family"]
            rows.append(row)
    sidecar = path.with_suffix(".json")
    info = json.loads(sidecar.read_text()) if sidecar.exists() else {}
    return rows, info


def _csv_value(v: object) -> object:
    if v is None:
        return ""
    if isinstance(v, list):
        return " ".join(f"{t:.6g}" for t in v)
    return f"{v:.6g}" if isinstance(v, float) else v


def parser() -> argparse.ArgumentParser:
    """The command line of ``python -m convbook.bench``."""
    p = argparse.ArgumentParser(
        prog="python -m convbook.bench",
        description="Time every 2-D cross-correlation of convbook, and OpenCV, SciPy and a "
        "plain copy (the memory floor), against F.conv2d on square random images and "
        "kernels, each checked against F.conv2d first; print each method's median time "
        "as a multiple of F.conv2d's and write every round's time to a CSV (machine "
        "description in a .json file beside it).",
    )
    p.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        metavar="N",
        default=[16, 64, 256, 512, 1024, 2048],
        help="image sizes N (N x N images); default: %(default)s",
    )
    p.add_argument(
        "--kernels",
        type=int,
        nargs="+",
        metavar="K",
        default=None,
        help="kernel sizes K (K x K kernels; larger than the image: left out); "
        "default: 1 3 5 7 11 15 21 31, with --real those of REAL_KERNELS",
    )
    p.add_argument(
        "--real",
        action="store_true",
        help="time the real kernels of convbook.bench.REAL_KERNELS (Gaussians of 5 to 31 "
        "taps, box blurs, Sobel) instead of random ones, against the best of OpenCV's "
        f"filter2D, sepFilter2D and GaussianBlur; methods default: {' '.join(REAL_METHODS)}",
    )
    p.add_argument(
        "--repeats",
        type=int,
        default=5,
        help="timed calls per method and point after one warm-up; the median "
        "is reported (default: %(default)s)",
    )
    p.add_argument(
        "--device",
        choices=["cpu", "cuda"],
        default="cpu",
        help="where the tensors live (default: %(default)s)",
    )
    p.add_argument(
        "--threads",
        type=int,
        default=None,
        help="threads for PyTorch (torch.set_num_threads) and OpenCV (cv2.setNumThreads) "
        "on the CPU (default: their own choice)",
    )
    p.add_argument(
        "--methods",
        nargs="+",
        metavar="NAME",
        default=None,
        help=f"methods to time, from {', '.join(methods())}; conv2d is always "
        "timed as the yardstick (default: all)",
    )
    p.add_argument(
        "--csv",
        type=Path,
        default=None,
        metavar="PATH",
        help="where to write the CSV (default: bench-DEVICE.csv here)",
    )
    p.add_argument(
        "--load",
        action="store_true",
        help="keep one core busy with a second process (python -c 'while True: pass') "
        "while timing, to see each method under load",
    )
    p.add_argument(
        "--roofline",
        action="store_true",
        help="also measure the memory bandwidth (a 256 MiB copy) and the peak float32 "
        "rate (a 1024 x 1024 matrix product), with one thread and with --threads, "
        "into the JSON file",
    )
    p.add_argument(
        "--fit",
        action="store_true",
        help="print the cost-model constants of convbook.fast.COSTS fitted to this run",
    )
    p.add_argument(
        "--max-seconds",
        type=float,
        default=20.0,
        metavar="S",
        help="skip a method at a point if its warm-up call took longer (default: %(default)s)",
    )
    return p


def main(argv: Sequence[str] | None = None) -> list[dict[str, object]]:
    """Run the sweep the command line asks for; print the table; write the CSV."""
    p = parser()
    args = p.parse_args(argv)
    known = list(methods())
    if args.real:
        names = list(dict.fromkeys(args.methods or REAL_METHODS))
    else:
        names = [ANCHOR] + [n for n in (args.methods or known) if n != ANCHOR]
    unknown = [n for n in names if n not in known]
    if unknown:
        p.error(f"unknown method(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    if args.device == "cuda" and not torch.cuda.is_available():
        p.error(f"--device cuda: CUDA is not available here (torch {torch.__version__})")
    kernels = args.kernels or ([] if args.real else [1, 3, 5, 7, 11, 15, 21, 31])
    if min(args.sizes + kernels) < 1 or args.repeats < 1:
        p.error("sizes, kernels and repeats must be at least 1")
    if args.threads is not None:
        set_threads(args.threads)
    if args.device == "cuda":  # every method in float32: cuDNN may not round to TF32
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cuda.matmul.allow_tf32 = False
    if args.real:
        chosen = [(f, k) for f, k in REAL_KERNELS if not args.kernels or k in args.kernels]
    else:
        chosen = [("random", k) for k in sorted(set(kernels))]
    points = [(n, f, k) for n in sorted(set(args.sizes)) for f, k in chosen if k <= n]
    rows: list[dict[str, object]] = []
    with busy_core(args.load):
        for size, family, kernel in tqdm(points, desc="bench", unit="point", disable=None):
            rows += time_point(
                names, size, kernel, args.repeats, args.device, args.max_seconds, family
            )
        info = machine_info(args.device)
        info["load"] = "one busy process" if args.load else None
        if args.device == "cuda":
            info["tf32"] = False
        if args.roofline and args.device == "cpu":
            info["roofline"] = [roofline.measure(t) for t in sorted({1, torch.get_num_threads()})]
    print(
        f"{info['device']}: {info.get('gpu', info['cpu'])}, {info['threads']} threads, "
        f"torch {info['torch']}{', one core kept busy' if args.load else ''}; "
        + (
            f"OpenCV {info.get('opencv')} on {info.get('opencv_threads')} threads; median "
            "time of the best OpenCV call, then each method's as a multiple of it"
            if args.real
            else "median time of F.conv2d, then each method's as a multiple of it"
        )
    )
    print(format_real_table(rows, names) if args.real else format_table(rows, names))
    skipped = sorted({(r["method"], r["status"]) for r in rows if r["status"] != "ok"})
    for method, status in skipped:
        print(f"{method}: {status} at some points")
    compiles = [r["compile"] for r in rows if r["compile"] is not None]
    if compiles:
        print(
            f"compiling the fused forms: {len(compiles)} compile(s), {min(compiles):.1f} to "
            f"{max(compiles):.1f} s each (not in the times above)"
        )
    for measured in info.get("roofline", []):
        print(
            f"roofline, {measured['threads']} thread(s): bandwidth "
            f"{measured['bandwidth']['median'] / 1e9:.1f} GB/s, peak "
            f"{measured['peak']['median'] / 1e9:.1f} Gflop/s (medians)"
        )
    if args.fit:
        print("fitted COSTS:", json.dumps(fit_costs(rows), indent=None))
    path = args.csv or Path(f"bench-{args.device}.csv")
    sidecar = write_csv(rows, path, info)
    print(f"wrote {path} and {sidecar}")
    return rows


def set_threads(threads: int) -> None:
    """Give PyTorch and OpenCV (where installed) ``threads`` threads each."""
    torch.set_num_threads(threads)
    if peers.missing("filter2d") is None:
        import cv2

        cv2.setNumThreads(threads)


@contextlib.contextmanager
def busy_core(on: bool) -> Iterator[None]:
    """With ``on``, keep one core busy with a second Python process during the body."""
    if not on:
        yield
        return
    process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.5)  # let it start spinning
        yield
    finally:
        process.kill()
        process.wait()


def fit_costs(rows: Sequence[dict[str, object]]) -> dict[str, tuple[float, float]]:
    """``(launch, per_unit)`` per method of the cost model, fitted to the rows' medians.

    Least squares on the relative error of ``launch * calls + per_unit * work`` (calls
    and work as in :func:`convbook.fast.modelled_seconds`), over the timed points of each
    method the dispatcher may pick (those of ``convbook.fast.COSTS``); a negative constant
    is set to 0 and the other refitted. What ``COSTS`` should hold for the device the rows
    were timed on.
    """
    fitted: dict[str, tuple[float, float]] = {}
    candidates = [name for name, form in fast.FAST_FORMS.items() if form.cost is not None]
    for method in candidates:
        timed = [r for r in rows if r["method"] == method and r["seconds"]]
        if len(timed) < 2:
            continue
        A, t = [], []
        for r in timed:
            n, k, seconds = int(r["size"]), int(r["kernel"]), float(r["seconds"])
            calls = fast.modelled_seconds(n, n, k, k, {method: (1.0, 0.0)})[method]
            work = fast.modelled_seconds(n, n, k, k, {method: (0.0, 1.0)})[method]
            A.append([calls / seconds, work / seconds])
            t.append(1.0)
        A_t = torch.tensor(A, dtype=torch.float64)
        ones = torch.tensor(t, dtype=torch.float64)[:, None]
        launch, per_unit = torch.linalg.lstsq(A_t, ones).solution[:, 0].tolist()
        if launch < 0 or per_unit < 0:
            column = 1 if launch < 0 else 0
            only = torch.linalg.lstsq(A_t[:, column : column + 1], ones).solution.item()
            launch, per_unit = (0.0, only) if column == 1 else (only, 0.0)
        fitted[method] = (float(f"{launch:.2g}"), float(f"{per_unit:.2g}"))
    return fitted


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
