"""Can this process have all the cores its threads would use? (chapter "How fast is a
convolution?", section "Under load").

A multi-threaded PyTorch operation splits its work among the threads and returns when the
last of them is done. If another process keeps one of the cores busy, the thread that
shares that core runs only when the operating system gives it a turn, and every such
operation waits for it: a method made of many short operations, such as the shifted sums
(``k_h * k_w`` of them), pays that wait many times over. ``corr2d_fast`` therefore runs
on one thread when :func:`cores_short` says the cores are taken.

Linux only (``/proc``); elsewhere the cores are assumed free.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import torch

RECHECK_SECONDS = 0.5  # how long one look at the other processes is trusted
SHORT_MARGIN = 0.5  # cores' worth of other work that counts as a core taken
_last_look: tuple[float, float] = (-float("inf"), 0.0)  # (when, other processes' cores)
_last_sample: tuple[float, float, float] | None = None  # (when, all busy s, own busy s)
_outer_threads: list[int] = []  # the thread counts that one_thread() replaced


def usable_cores() -> int:
    """How many cores this process may run on (its affinity mask, else ``os.cpu_count``)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def others_running() -> int:
    """How many threads of *other* processes are running or waiting to run, right now.

    The kernel's count of runnable threads (the fourth field of ``/proc/loadavg``) less
    this process's own runnable threads. 0 where ``/proc`` cannot be read.
    """
    try:
        runnable = int(Path("/proc/loadavg").read_text().split()[3].split("/")[0])
        own = 0
        for task in Path("/proc/self/task").iterdir():
            stat = (task / "stat").read_text()
            own += stat[stat.rindex(")") + 2] == "R"  # the state follows the name
    except (OSError, ValueError, IndexError):
        return 0
    return max(0, runnable - own)


def others_busy() -> float:
    """How many cores' worth of work other processes did since the last call.

    The machine's busy time (``/proc/stat``: all but idle and I/O wait) less this
    process's own CPU time (``/proc/self/stat``, in the same clock ticks), over the time
    between two calls: a process spinning on one
    core counts about 1. The first call (or one after a long pause) has nothing to
    compare with and returns :func:`others_running`, a count at one instant. 0 where
    ``/proc`` cannot be read.
    """
    global _last_sample
    try:
        tick = os.sysconf("SC_CLK_TCK")
        ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
        busy = (sum(ticks) - ticks[3] - ticks[4]) / tick
        own = _own_ticks() / tick
    except (OSError, ValueError, IndexError):
        return 0.0
    now = time.monotonic()
    before, _last_sample = _last_sample, (now, busy, own)
    if before is None or not 0.1 < now - before[0] < 10:
        return float(others_running())
    return max(0.0, ((busy - before[1]) - (own - before[2])) / (now - before[0]))


def _own_ticks() -> int:
    # This process's user and system time in clock ticks (/proc/self/stat), counted as
    # /proc/stat counts the machine's. Not time.process_time(): that is exact, and the ticks
    # are samples, so the two disagreed by more than half a core for some processes whose
    # threads woke and slept in step with the tick, and a quiet machine looked busy.
    stat = Path("/proc/self/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the file)


def cores_short(threads: int | None = None) -> bool:
    """Whether ``threads`` threads (default: PyTorch's) would have to share a core.

    True when the other processes' work (:func:`others_busy`, in cores) and our threads
    outnumber the usable cores by more than ``SHORT_MARGIN``. One look lasts
    :data:`RECHECK_SECONDS`, so the test costs nothing on most calls.
    """
    global _last_look
    threads = torch.get_num_threads() if threads is None else threads
    if threads <= 1:
        return False
    now = time.monotonic()
    if now - _last_look[0] > RECHECK_SECONDS:
        _last_look = (now, others_busy())
    return _last_look[1] + threads > usable_cores() + SHORT_MARGIN


def configured_threads() -> int:
    """PyTorch's thread count as the program set it, also inside :func:`one_thread`."""
    return _outer_threads[-1] if _outer_threads else torch.get_num_threads()


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Run the body with PyTorch on one thread, then give back the thread count it had.

    Two uses: a method made of many short operations waits less on a machine whose cores
    are taken (:func:`cores_short`); and a sum split over threads is added up in an order
    that depends on how many there are, so on one thread the results are identical bit
    for bit whatever the thread count (the training of chapter "What a network learns").

    >>> with one_thread():
    ...     torch.get_num_threads()
    1
    """
    threads = torch.get_num_threads()
    if threads == 1:
        yield
        return
    _outer_threads.append(threads)
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)
        _outer_threads.pop()
