"""The fast cross-correlations: same answers as the reference loop, a sane dispatcher.
(Their bad images and kernels are refused as the loop refuses them: test_checks.py.)"""

import pytest
import torch
from helpers import refusal

from convbook import (
    corr2d,
    corr2d_fast,
    fast,
    fast_method,
    fused,
    separable,
    torch_corr2d,
)
from convbook.fast import COSTS, FAST_FORMS, FORMS

# Every fast form of the registry but the yardstick and the compiled one (test_fused.py).
FAST = [f.function for f in FAST_FORMS.values() if f.name != "conv2d" and not f.compiles]
SHAPES = [
    ((5, 7), (2, 3)),
    ((9, 6), (4, 2)),
    ((4, 4), (4, 4)),  # kernel as large as the image: one output
    ((6, 3), (1, 3)),
    ((3, 6), (3, 1)),
    ((8, 11), (1, 5)),
    ((11, 8), (5, 1)),
    ((1, 1), (1, 1)),
    ((13, 10), (7, 9)),
    ((40, 37), (31, 3)),
]


def tolerance(dtype: torch.dtype, K: torch.Tensor) -> dict[str, float]:
    # The FFT's rounding error grows with the size of the numbers summed, not of the result.
    eps = torch.finfo(dtype).eps
    return {"rtol": 100 * eps, "atol": 100 * eps * float(K.abs().sum())}


@pytest.mark.parametrize("f", FAST, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("image, kernel", SHAPES)
def test_equals_the_loop_and_pytorch(f, image, kernel, dtype):
    g = torch.Generator().manual_seed(sum(image) * 31 + sum(kernel))
    X = torch.randn(image, generator=g, dtype=dtype)
    K = torch.randn(kernel, generator=g, dtype=dtype)
    Y = f(X, K)
    assert Y.dtype == dtype and Y.shape == corr2d(X, K).shape
    torch.testing.assert_close(Y, corr2d(X, K), **tolerance(dtype, K))
    torch.testing.assert_close(Y, torch_corr2d(X, K), **tolerance(dtype, K))


@pytest.mark.parametrize("f", FAST, ids=lambda f: f.__name__)
def test_large_images_and_kernels_with_zeros(f):
    g = torch.Generator().manual_seed(5)
    X = torch.randn(300, 257, generator=g)
    for K in [torch.randn(3, 3, generator=g), torch.randn(31, 31, generator=g), torch.zeros(5, 5)]:
        K[0, 0] = 0.0  # a zero entry still counts (it multiplies, it is not skipped)
        torch.testing.assert_close(f(X, K), torch_corr2d(X, K), **tolerance(torch.float32, K))


@pytest.mark.parametrize("f", FAST, ids=lambda f: f.__name__)
def test_gradients_flow(f):
    g = torch.Generator().manual_seed(1)
    X = torch.randn(6, 7, generator=g, dtype=torch.float64, requires_grad=True)
    K = torch.randn(3, 2, generator=g, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(f, (X, K))


def test_overflow_is_not_mistaken_for_bad_input():
    X, K = torch.full((4, 4), 3e38), torch.full((2, 2), 2.0)
    for f in FAST:  # no error: the image is finite, the sums are too large for float32
        assert not torch.isfinite(f(X, K)).any()


COMPILES = fused.cannot_compile("cpu") is None
BIG_SMALL_KERNEL = "fused" if COMPILES else "shift"  # the compiled loop, where it can be built


@pytest.mark.parametrize(
    "image, kernel, device, method",
    [
        ((2048, 2048), (3, 3), "cpu", BIG_SMALL_KERNEL),
        ((512, 512), (3, 3), "cpu", BIG_SMALL_KERNEL),
        ((256, 256), (3, 3), "cpu", "shift"),
        ((256, 256), (31, 31), "cpu", "fft"),
        ((1024, 1024), (15, 15), "cpu", "fft"),
        ((2048, 2048), (31, 31), "cpu", "fft"),
        ((2048, 2048), (3, 3), "cuda", "conv2d"),
        ((512, 512), (15, 15), "cuda", "conv2d"),
        ((2048, 2048), (31, 31), "cuda", "fft"),
    ],
)
def test_cost_model_picks_sensibly(image, kernel, device, method):
    assert fast_method(image, kernel, device) == method


def test_cost_model_has_one_crossover_per_image_size():
    for n in [64, 256, 1024, 2048]:
        picks = [fast_method((n, n), (k, k)) for k in range(1, 32, 2)]
        assert picks == sorted(picks, key=["conv2d", "shift", "fused", "fft"].index), (n, picks)
    assert fast_method((16, 16), (1, 1), torch.device("cpu")) in {"shift", "conv2d"}


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "fast_method: kernel larger",
            lambda: fast_method((3, 3), (4, 4)),
            ValueError,
            "larger than image_shape",
        ),
        refusal(
            "fast_method: zero height",
            lambda: fast_method((0, 3), (1, 1)),
            ValueError,
            "image_shape must be positive",
        ),
        refusal(
            "fast_method: unknown device",
            lambda: fast_method((8, 8), (3, 3), "tpu"),
            ValueError,
            "device must be a CPU or CUDA device, got 'tpu'",
        ),
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
@pytest.mark.parametrize("f", FAST, ids=lambda f: f.__name__)
def test_on_cuda(f):
    X, K = torch.randn(64, 70, device="cuda"), torch.randn(5, 3, device="cuda")
    torch.testing.assert_close(f(X, K), torch_corr2d(X, K), **tolerance(torch.float32, K))


def test_the_registry_is_what_the_dispatcher_the_bench_and_the_plot_read():
    from convbook import bench, plot

    names = list(FAST_FORMS)
    assert names[0] == "conv2d" and {"unfold", "shift", "fft", "fast", "separable"} <= set(names)
    candidates = {n for n, f in FAST_FORMS.items() if f.cost is not None}
    for device in COSTS:
        assert set(COSTS[device]) == candidates
    assert set(FORMS) == {n for n in candidates if not FAST_FORMS[n].compiles}
    timed = list(bench.methods())
    assert [n for n in timed if n in FAST_FORMS] == names
    assert all(bench.methods()[n] is FAST_FORMS[n].function for n in names)
    order = plot._timing_order()
    assert [n for n in order if n in FAST_FORMS] == names
    assert order[:7] == ["conv2d", "corr2d", "unfold", "shift", "fft", "fast", "matmul"]


def test_no_module_the_fast_forms_use_imports_fast():
    import ast
    import inspect

    from convbook import finish, separable

    for module in (fused, finish, separable):  # fast imports them: none may import fast
        tree = ast.parse(inspect.getsource(module))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert "convbook.fast" not in imported, module.__name__


@pytest.mark.parametrize("k", [3, 5, 15, 31])
def test_rank_one_kernels_take_the_separable_path(k, monkeypatch):
    g = torch.Generator().manual_seed(k)
    X = torch.randn(200, 180, generator=g)
    u, v = torch.randn(k, generator=g), torch.randn(k, generator=g)
    seen = []
    for name, form in list(FORMS.items()):
        monkeypatch.setitem(
            FORMS, name, lambda X, K, name=name, form=form: (seen.append(name), form(X, K))[1]
        )
    monkeypatch.setitem(COSTS, "cpu", {**COSTS["cpu"], "separable": (0.0, 1e-30)})
    fast._cheapest.cache_clear()
    try:
        Y = corr2d_fast(X, torch.outer(u, v))
        assert seen == ["separable"]
        torch.testing.assert_close(
            Y, torch_corr2d(X, torch.outer(u, v)), **tolerance(X.dtype, torch.outer(u, v))
        )
        K = torch.randn(k, k, generator=g)  # rank k: never the separable path
        corr2d_fast(X, K)
        assert seen[-1] != "separable"
    finally:
        fast._cheapest.cache_clear()
    assert fast_method((200, 180), (k, k), costs={"separable": (0, 1), "fft": (0, 1e9)}) == "fft"


def test_the_remembered_rank_test_follows_the_kernel(monkeypatch):
    """corr2d_fast keeps the last kernel's factors; a kernel changed in place is tested again."""
    monkeypatch.setitem(COSTS, "cpu", {**COSTS["cpu"], "separable": (0.0, 1e-30)})
    monkeypatch.setattr(fast, "cannot_compile", lambda device="cpu": "not in this test")
    fast._cheapest.cache_clear()
    try:
        g = torch.Generator().manual_seed(8)
        X = torch.randn(60, 50, generator=g)
        K = torch.outer(torch.randn(3, generator=g), torch.randn(4, generator=g))
        changes = [
            (None, True),
            (lambda: K.mul_(2.0), True),  # in place: still of rank 1, other factors
            (lambda: K.copy_(torch.randn(3, 4, generator=g)), False),  # now of rank 3
        ]
        for change, rank_one in changes:
            if change:
                change()
            torch.testing.assert_close(
                corr2d_fast(X, K), torch_corr2d(X, K), **tolerance(X.dtype, K)
            )
            kept, factors = separable._LAST_RANK_TEST[0]
            assert torch.equal(kept, K) and (factors is not None) == rank_one
            if rank_one:
                torch.testing.assert_close(torch.outer(*factors), K)
    finally:
        fast._cheapest.cache_clear()
