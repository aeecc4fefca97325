"""The fused form gives F.conv2d's answer; the dispatcher uses it only where it may and
falls back when compiling fails; calls run on one thread when the cores are taken.
(Compiling costs seconds per shape: these tests compile a handful of shapes only.)"""

from pathlib import Path

import pytest
import torch

from convbook import cores, fast, fused
from convbook.fast import corr2d_fast, fast_method, torch_corr2d
from convbook.fused import corr2d_fused, corr2d_fused_separable

COMPILES = fused.cannot_compile("cpu") is None


def tolerance(dtype: torch.dtype, K: torch.Tensor) -> dict[str, float]:
    eps = torch.finfo(dtype).eps
    return {"rtol": 100 * eps, "atol": 100 * eps * float(K.abs().sum())}


@pytest.fixture
def fresh_compiles(monkeypatch):
    """An empty cache of compiled loops and failures, restored afterwards."""
    monkeypatch.setattr(fused, "_COMPILED", {})
    monkeypatch.setattr(fused, "_FAILED", {})
    monkeypatch.setattr(fused, "COMPILE_SECONDS", {})
    fast._cheapest.cache_clear()
    fused._cannot_build.cache_clear()
    yield
    fast._cheapest.cache_clear()
    fused._cannot_build.cache_clear()


def test_the_stencil_uncompiled_is_the_correlation():
    g = torch.Generator().manual_seed(3)
    shapes = [((9, 13), (4, 2)), ((5, 5), (5, 5)), ((7, 3), (1, 3)), ((6, 8), (3, 1))]
    shapes += [((10, 12), (2, 8))]  # rows longer than WINDOW_MAX_TAPS: shifted copies
    assert fused.WINDOW_MAX_TAPS < 8
    for image, kernel in shapes:
        X, K = torch.randn(image, generator=g), torch.randn(kernel, generator=g)
        torch.testing.assert_close(fused.stencil(X, K), torch_corr2d(X, K))


@pytest.mark.skipif(not COMPILES, reason="torch.compile cannot compile here")
@pytest.mark.parametrize(
    "image, kernel, dtype",
    [
        ((23, 17), (3, 5), torch.float32),
        ((40, 37), (7, 1), torch.float32),
        ((12, 12), (12, 12), torch.float64),  # one output
    ],
)
def test_compiled_equals_pytorch(image, kernel, dtype):
    g = torch.Generator().manual_seed(sum(image) + sum(kernel))
    X = torch.randn(image, generator=g, dtype=dtype)
    K = torch.randn(kernel, generator=g, dtype=dtype)
    Y = corr2d_fused(X, K)
    assert Y.dtype == dtype and fused.is_compiled(X, K)
    torch.testing.assert_close(Y, torch_corr2d(X, K), **tolerance(dtype, K))
    X2, K2 = torch.randn(image, generator=g, dtype=dtype), torch.randn(kernel, dtype=dtype)
    torch.testing.assert_close(corr2d_fused(X2, K2), torch_corr2d(X2, K2), **tolerance(dtype, K2))
    X3 = torch.randn(image[::-1], generator=g, dtype=dtype).t()  # not contiguous: same loop
    torch.testing.assert_close(corr2d_fused(X3, K), torch_corr2d(X3, K), **tolerance(dtype, K))


@pytest.mark.skipif(not COMPILES, reason="torch.compile cannot compile here")
def test_compiled_overflow_and_half_precision():
    X, K = torch.full((23, 17), 3e38), torch.full((3, 5), 2.0)
    assert torch.isinf(corr2d_fused(X, K)).all()  # too large for float32: inf, not an error
    X, K = torch.randn(23, 17).half(), torch.randn(3, 5).half()
    Y = corr2d_fused(X, K)
    assert Y.dtype == torch.float16
    torch.testing.assert_close(Y.float(), torch_corr2d(X.float(), K.float()), rtol=1e-2, atol=1e-2)


def test_gradients_flow_through_the_uncompiled_stencil():
    g = torch.Generator().manual_seed(1)
    X = torch.randn(6, 7, generator=g, dtype=torch.float64, requires_grad=True)
    K = torch.randn(3, 2, generator=g, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(corr2d_fused, (X, K))
    assert not fused.is_compiled(X, K)


@pytest.mark.parametrize("form", [corr2d_fused, corr2d_fused_separable])
def test_refuses_what_corr2d_refuses(form):
    with pytest.raises(ValueError, match="larger than"):
        form(torch.ones(3, 3), torch.ones(4, 4))
    with pytest.raises(TypeError, match="K must be a torch.Tensor"):
        form(torch.ones(3, 3), [[1.0]])


def test_no_compiler_means_no_fused_form(monkeypatch, fresh_compiles):
    monkeypatch.setattr(fused.shutil, "which", lambda name: None)
    assert fused.cannot_compile("cpu") == "no C++ compiler (g++, c++ or clang++) on the PATH"
    assert fast_method((2048, 2048), (3, 3)) != "fused"
    with pytest.raises(RuntimeError, match="corr2d_fused: no C\\+\\+ compiler"):
        corr2d_fused(torch.ones(5, 5), torch.ones(3, 3))
    with pytest.raises(RuntimeError, match="corr2d_fused_separable: no C\\+\\+ compiler"):
        corr2d_fused_separable(torch.ones(5, 5), torch.ones(3, 3))
    assert fast_method((2048, 2048), (3, 3), separable=True) != "fused_separable"


def test_a_failed_compile_falls_back_silently(monkeypatch, fresh_compiles):
    def broken(function, **options):
        def fails(*args):
            raise RuntimeError("simulated compiler failure")

        return fails

    monkeypatch.setattr(fused.torch, "compile", broken)
    monkeypatch.setattr(fused, "cannot_compile", lambda device="cpu": fused._FAILED.get("cpu"))
    monkeypatch.setattr(fast, "cannot_compile", fused.cannot_compile)
    table = {"shift": (0.0, 2.0), "fused": (0.0, 1.0), "fft": (0.0, 100.0)}
    monkeypatch.setitem(fast.COSTS, "cpu", table)
    assert fast_method((400, 400), (3, 3)) == "fused"  # before the failure
    g = torch.Generator().manual_seed(0)
    X, K = torch.randn(400, 400, generator=g), torch.randn(3, 3, generator=g)
    torch.testing.assert_close(corr2d_fast(X, K), torch_corr2d(X, K), **tolerance(X.dtype, K))
    assert fused.cannot_compile("cpu") == "compiling failed: RuntimeError"
    assert fast_method((400, 400), (3, 3)) == "shift"  # the next cheapest, from now on


def test_the_separable_stencil_uncompiled_is_the_correlation():
    g = torch.Generator().manual_seed(4)
    for image, (k_h, k_w) in [
        ((9, 13), (4, 2)),
        ((5, 5), (5, 5)),
        ((7, 3), (1, 3)),
        ((6, 8), (3, 1)),
    ]:
        X, u, v = torch.randn(image, generator=g), torch.randn(k_h, generator=g), torch.randn(k_w)
        torch.testing.assert_close(
            fused.separable_stencil(X, u, v), torch_corr2d(X, torch.outer(u, v))
        )


@pytest.mark.skipif(not COMPILES, reason="torch.compile cannot compile here")
@pytest.mark.parametrize(
    "image, kernel, dtype",
    [((41, 37), (5, 3), torch.float32), ((30, 33), (1, 7), torch.float64)],
)
def test_compiled_passes_equal_pytorch(image, kernel, dtype):
    g = torch.Generator().manual_seed(sum(image) + sum(kernel))
    X = torch.randn(image, generator=g, dtype=dtype)
    u = torch.randn(kernel[0], generator=g, dtype=dtype)
    v = torch.randn(kernel[1], generator=g, dtype=dtype)
    K = torch.outer(u, v)
    Y = corr2d_fused_separable(X, K)
    assert Y.dtype == dtype and not fused.is_compiled(X, K)  # a key of its own: (u, v)
    assert fused.is_compiled(X, u, v)
    torch.testing.assert_close(Y, torch_corr2d(X, K), **tolerance(dtype, K))
    X2 = torch.randn(image[::-1], generator=g, dtype=dtype).t()  # not contiguous: same loop
    torch.testing.assert_close(
        corr2d_fused_separable(X2, K), torch_corr2d(X2, K), **tolerance(dtype, K)
    )
    K3 = torch.randn(kernel, generator=g, dtype=dtype)  # not of rank 1: a sum of terms
    torch.testing.assert_close(
        corr2d_fused_separable(X, K3), torch_corr2d(X, K3), **tolerance(dtype, K3)
    )


@pytest.mark.skipif(not COMPILES, reason="torch.compile cannot compile here")
def test_compiled_passes_overflow_bad_images_and_gradients():
    K = torch.outer(torch.tensor([1.0, 2.0, 1.0]), torch.tensor([1.0, 1.0, 1.0, 1.0]))
    assert torch.isinf(corr2d_fused_separable(torch.full((23, 17), 3e38), K)).all()
    K2 = torch.outer(torch.tensor([2.0, 2.0]), torch.tensor([1.0, 1.0]))  # the row pass: 2e38
    assert torch.isinf(corr2d_fused_separable(torch.full((23, 17), 1e38), K2)).all()
    assert torch.equal(
        corr2d_fused_separable(torch.full((23, 17), 1e37), K2), torch.full((22, 16), 8e37)
    )
    X = torch.randn(23, 17)
    X[4, 5] = float("nan")
    with pytest.raises(ValueError, match="NaN"):
        corr2d_fused_separable(X, K)
    Xh = torch.randn(23, 17).half()
    Y = corr2d_fused_separable(Xh, K.half())
    assert Y.dtype == torch.float16
    torch.testing.assert_close(Y.float(), torch_corr2d(Xh.float(), K), rtol=1e-2, atol=1e-2)
    g = torch.Generator().manual_seed(5)
    Xg = torch.randn(6, 7, generator=g, dtype=torch.float64, requires_grad=True)
    Kg = torch.randn(3, 2, generator=g, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(corr2d_fused_separable, (Xg, Kg))


@pytest.mark.skipif(not COMPILES, reason="torch.compile cannot compile here")
def test_a_rank_one_kernel_takes_the_compiled_passes(monkeypatch):
    g = torch.Generator().manual_seed(6)
    X = torch.randn(400, 390, generator=g)
    K = torch.outer(torch.randn(7, generator=g), torch.randn(5, generator=g))
    table = {**fast.COSTS["cpu"], "fused_separable": (0.0, 1e-30)}
    monkeypatch.setitem(fast.COSTS, "cpu", table)
    monkeypatch.setattr(fast, "cores_short", lambda: False)
    fast._cheapest.cache_clear()
    try:
        assert fast.fast_method(X.shape, K.shape, separable=True) == "fused_separable"
        Y = corr2d_fast(X, K)
        u, v = fast.separable.rank_one_factors(K)
        assert fused.is_compiled(X, u, v)
        torch.testing.assert_close(Y, torch_corr2d(X, K), **tolerance(X.dtype, K))
        assert fast.fast_method((300, 300), K.shape, separable=True) != "fused_separable"  # small
        assert fast.fast_method(X.shape, K.shape) != "fused_separable"  # not of rank 1
    finally:
        fast._cheapest.cache_clear()


def test_a_failed_compile_of_the_passes_falls_back(monkeypatch, fresh_compiles):
    monkeypatch.setattr(fused, "run_separable", lambda X, u, v: None)
    monkeypatch.setattr(fast, "cannot_compile", lambda device="cpu": None)
    table = {"shift": (0.0, 2.0), "separable": (0.0, 1.5), "fused_separable": (0.0, 1.0)}
    monkeypatch.setitem(fast.COSTS, "cpu", table)
    g = torch.Generator().manual_seed(7)
    X = torch.randn(400, 400, generator=g)
    K = torch.outer(torch.randn(3, generator=g), torch.randn(3, generator=g))
    assert fast_method(X.shape, K.shape, separable=True) == "fused_separable"
    torch.testing.assert_close(corr2d_fast(X, K), torch_corr2d(X, K), **tolerance(X.dtype, K))


@pytest.mark.parametrize(
    "image, kernel, pick",
    [
        ((2048, 2048), (3, 3), "fused"),
        ((400, 400), (3, 3), "fused"),
        ((300, 300), (3, 3), "shift"),  # below FUSED_MIN_OUTPUTS: never compiled
        ((2048, 2048), (31, 31), "fft"),
        ((64, 64), (3, 3), "shift"),
    ],
)
def test_the_choice_given_a_cost_table(image, kernel, pick, monkeypatch):
    monkeypatch.setattr(fast, "cannot_compile", lambda device="cpu": None)
    table = {"shift": (1e-5, 3e-10), "fused": (3e-5, 3e-11), "fft": (3e-4, 9e-10)}
    assert fast_method(image, kernel, costs=table) == pick
    assert fast.cheapest(*image, *kernel, table, fused_possible=False) != "fused"


def test_small_images_are_never_compiled(monkeypatch):
    monkeypatch.setattr(fused, "compiled", lambda X, *w: pytest.fail("compiled a small image"))
    g = torch.Generator().manual_seed(2)
    for n in (8, 64, 256):
        X, K = torch.randn(n, n, generator=g), torch.randn(3, 3, generator=g)
        torch.testing.assert_close(corr2d_fast(X, K), torch_corr2d(X, K), **tolerance(X.dtype, K))


def test_one_thread_when_the_cores_are_taken(monkeypatch):
    if torch.get_num_threads() < 2:
        pytest.skip("PyTorch runs on one thread here already")
    seen = []

    def spy(X, K):
        seen.append(torch.get_num_threads())
        return torch_corr2d(X, K)

    for method in fast.FORMS:
        monkeypatch.setitem(fast.FORMS, method, spy)
    X, K = torch.randn(64, 64), torch.randn(3, 3)
    monkeypatch.setattr(fast, "cores_short", lambda: True)
    corr2d_fast(X, K)
    monkeypatch.setattr(fast, "cores_short", lambda: False)
    corr2d_fast(X, K)
    assert seen == [1, torch.get_num_threads()]


def test_cores_short_counts_other_processes(monkeypatch):
    monkeypatch.setattr(cores, "usable_cores", lambda: 2)
    for busy, short in [(1.0, True), (0.7, True), (0.2, False), (0.0, False)]:
        monkeypatch.setattr(cores, "_last_look", (-float("inf"), 0.0))
        monkeypatch.setattr(cores, "others_busy", lambda busy=busy: busy)
        assert cores.cores_short(threads=2) == short, busy
        assert not cores.cores_short(threads=1)
    assert cores.others_running() >= 0


def test_others_busy_sees_a_spinning_process(monkeypatch):
    import subprocess
    import sys
    import time

    if cores.others_busy() == 0.0 and not Path("/proc/stat").exists():
        pytest.skip("no /proc here")
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.3)
        monkeypatch.setattr(cores, "_last_sample", None)
        cores.others_busy()  # the first look: a count at one instant
        time.sleep(1.0)
        assert cores.others_busy() > 0.5  # at least half a core, over that second
    finally:
        spinner.kill()
        spinner.wait()


def test_one_thread_restores_the_count():
    before = torch.get_num_threads()
    with cores.one_thread():
        assert torch.get_num_threads() == 1 and cores.configured_threads() == before
    assert torch.get_num_threads() == before == cores.configured_threads()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_on_cuda():
    X, K = torch.randn(64, 70, device="cuda"), torch.randn(5, 3, device="cuda")
    with torch.backends.cudnn.flags(enabled=True, allow_tf32=False):  # F.conv2d in float32
        expected = torch_corr2d(X, K)
    torch.testing.assert_close(corr2d_fused(X, K), expected, **tolerance(X.dtype, K))
