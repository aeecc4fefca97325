"""How fast is each cross-correlation? ``python -m convbook.bench`` times them all.

Every implementation in :mod:`convbook.ops` is timed on random images and kernels over a
sweep of sizes, with PyTorch's ``F.conv2d`` as the yardstick: one warm-up call, then
``--repeats`` timed calls, the methods taking turns so that a busy machine slows them all
alike; the median is kept. The table printed gives each method's time as a multiple of
``F.conv2d``'s (below 1: faster). The rows go to a CSV file, and the machine they were
measured on (processor, cores, threads, torch version, date) to a JSON file beside it.

    python -m convbook.bench --sizes 256 512 --kernels 3 31 --csv bench-cpu.csv

The reference loop ``corr2d`` is skipped where it would take too long (more than
``LOOP_MAX_OUTPUTS`` outputs), as are the im2col / Toeplitz methods where their matrix
would not fit in ``MATRIX_MAX_BYTES``; the table says so.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import torch
from tqdm import tqdm

from convbook import fast, matrix, ops

LOOP_MAX_OUTPUTS = 64 * 64  # the Python loop costs ~10 us per output pixel
MATRIX_MAX_BYTES = 1 << 29  # 512 MiB for an im2col or Toeplitz matrix
ANCHOR = "conv2d"
COLUMNS = ["device", "method", "size", "kernel", "seconds", "ratio", "repeats", "status"]


def methods() -> dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]]:
    """Every implementation by its short name, ``conv2d`` (the yardstick) first.

    >>> list(methods())
    ['conv2d', 'corr2d', 'unfold', 'shift', 'fft', 'fast', 'matmul']
    """
    return {
        ANCHOR: fast.torch_corr2d,  # F.conv2d on a batch of one image with one channel
        "corr2d": ops.corr2d,
        "unfold": fast.corr2d_unfold,
        "shift": fast.corr2d_shift,
        "fft": fast.corr2d_fft,
        "fast": fast.corr2d_fast,
        "matmul": matrix.corr2d_matmul,
    }


def skip_reason(method: str, size: int, kernel: int) -> str | None:
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
    return None


def machine_info(device: str) -> dict[str, object]:
    """What the timings were measured on: processor, cores, threads, torch, date.

    >>> sorted(machine_info("cpu"))[:3]
    ['cores', 'cpu', 'date']
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
    if device == "cuda":
        info["gpu"] = torch.cuda.get_device_name()
    return info


def _time_once(f: Callable, X: torch.Tensor, K: torch.Tensor, cuda: bool) -> float:
    if cuda:
        torch.cuda.synchronize()
    start = time.perf_counter()
    f(X, K)
    if cuda:
        torch.cuda.synchronize()
    return time.perf_counter() - start


def time_point(
    names: Sequence[str],
    size: int,
    kernel: int,
    repeats: int = 5,
    device: str = "cpu",
    max_seconds: float = 20.0,
) -> list[dict[str, object]]:
    """Median seconds of each method on one random ``size``-square image and kernel.

    One warm-up call each, then ``repeats`` rounds in which every method runs once, in
    an order shuffled each round (a method's time can depend on what ran just before).
    A method whose warm-up took over ``max_seconds`` is not timed further; one that took
    over a second gets 3 rounds at most.

    >>> [row["status"] for row in time_point(["conv2d", "shift"], 8, 3, repeats=1)]
    ['ok', 'ok']
    """
    table = methods()
    g = torch.Generator().manual_seed(size * 1000 + kernel)
    X = torch.randn(size, size, generator=g).to(device)
    K = torch.randn(kernel, kernel, generator=g).to(device)
    cuda = device == "cuda"
    rows: dict[str, dict[str, object]] = {}
    times: dict[str, list[float]] = {}
    rounds = repeats
    with torch.no_grad():
        for name in names:
            row = {"device": device, "method": name, "size": size, "kernel": kernel}
            rows[name] = row
            reason = skip_reason(name, size, kernel)
            if reason is None:
                warm = _time_once(table[name], X, K, cuda)
                if warm > max_seconds:
                    reason = f"skipped: one call took {warm:.0f} s"
                else:
                    times[name] = []
                    if warm > 1.0:
                        rounds = min(rounds, 3)
            row["status"] = reason or "ok"
        order = list(times)
        shuffle = random.Random(size * 1000 + kernel).shuffle
        for _ in range(rounds):
            shuffle(order)  # no method always runs right after the same other one
            for name in order:
                times[name].append(_time_once(table[name], X, K, cuda))
    anchor = statistics.median(times[ANCHOR]) if times.get(ANCHOR) else None
    for name, row in rows.items():
        seconds = statistics.median(times[name]) if name in times else None
        row["seconds"] = seconds
        row["ratio"] = seconds / anchor if seconds is not None and anchor else None
        row["repeats"] = len(times.get(name, []))
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


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3f}ms" if seconds < 1 else f"{seconds:.2f}s"


def write_csv(rows: Sequence[dict[str, object]], path: Path, info: dict[str, object]) -> Path:
    """Write the rows to ``path`` and the machine description to ``path`` with ``.json``.

    Returns the path of the JSON file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _csv_value(row.get(c)) for c in COLUMNS})
    sidecar = path.with_suffix(".json")
    sidecar.write_text(json.dumps(info, indent=2) + "\n")
    return sidecar


def read_csv(path: str | Path) -> tuple[list[dict[str, object]], dict[str, object]]:
    """The rows of a CSV written by :func:`write_csv`, numbers as numbers, and its machine.

    Skipped points have ``seconds`` and ``ratio`` of ``None``; the machine description is
    empty if the JSON file beside the CSV is missing.
    """
    path = Path(path)
    with path.open(newline="") as f:
        rows: list[dict[str, object]] = []
        for r in csv.DictReader(f):
            row: dict[str, object] = dict(r)
            for key in ("size", "kernel", "repeats"):
                row[key] = int(r[key])
            for key in ("seconds", "ratio"):
                row[key] = float(r[key]) if r[key] else None
            rows.append(row)
    sidecar = path.with_suffix(".json")
    info = json.loads(sidecar.read_text()) if sidecar.exists() else {}
    return rows, info


def _csv_value(v: object) -> object:
    if v is None:
        return ""
    return f"{v:.6g}" if isinstance(v, float) else v


def parser() -> argparse.ArgumentParser:
    """The command line of ``python -m convbook.bench``."""
    p = argparse.ArgumentParser(
        prog="python -m convbook.bench",
        description="Time every 2-D cross-correlation in convbook.ops against F.conv2d "
        "on square random images and kernels; print each method's time as a multiple "
        "of F.conv2d's and write all timings to a CSV (machine description in a .json "
        "file beside it).",
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
        default=[1, 3, 5, 7, 11, 15, 21, 31],
        help="kernel sizes K (K x K kernels; larger than the image: left out); "
        "default: %(default)s",
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
        help="torch.set_num_threads for the CPU (default: torch's own choice)",
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
    names = [ANCHOR] + [n for n in (args.methods or known) if n != ANCHOR]
    unknown = [n for n in names if n not in known]
    if unknown:
        p.error(f"unknown method(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    if args.device == "cuda" and not torch.cuda.is_available():
        p.error(f"--device cuda: CUDA is not available here (torch {torch.__version__})")
    if min(args.sizes + args.kernels) < 1 or args.repeats < 1:
        p.error("sizes, kernels and repeats must be at least 1")
    if args.threads is not None:
        torch.set_num_threads(args.threads)
    points = [(n, k) for n in sorted(set(args.sizes)) for k in sorted(set(args.kernels)) if k <= n]
    rows: list[dict[str, object]] = []
    for size, kernel in tqdm(points, desc="bench", unit="point", disable=None):
        rows += time_point(names, size, kernel, args.repeats, args.device, args.max_seconds)
    info = machine_info(args.device)
    print(
        f"{info['device']}: {info.get('gpu', info['cpu'])}, {info['threads']} threads, "
        f"torch {info['torch']}; time of F.conv2d, then each method's as a multiple of it"
    )
    print(format_table(rows, names))
    skipped = sorted({(r["method"], r["status"]) for r in rows if r["status"] != "ok"})
    for method, status in skipped:
        print(f"{method}: {status} at some points")
    path = args.csv or Path(f"bench-{args.device}.csv")
    sidecar = write_csv(rows, path, info)
    print(f"wrote {path} and {sidecar}")
    return rows


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
