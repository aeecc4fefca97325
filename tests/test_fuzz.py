"""Fuzzing the package's one rule: the answer PyTorch gives, or a clear refusal.

Every correlation form either returns what ``F.conv2d`` returns (to float tolerance, and
finite wherever the true answer fits the dtype) or raises a ``TypeError``/``ValueError``
that names the argument; inputs are never modified and never back-propagated into.
Hypothesis draws images over every float dtype, magnitudes up to the dtype's largest,
subnormals, NaN and inf, and odd layouts (transposed, strided, stride-0 views);
examples are derandomized (tests/conftest.py), so a failure in CI can be replayed.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

import convbook

FORMS = {
    "corr2d": convbook.corr2d,
    "corr2d_matmul": convbook.corr2d_matmul,
    "corr2d_unfold": convbook.corr2d_unfold,
    "corr2d_shift": convbook.corr2d_shift,
    "corr2d_fft": convbook.corr2d_fft,
    "corr2d_fast": convbook.corr2d_fast,
    "torch_corr2d": convbook.torch_corr2d,
    "conv2d_true": lambda X, K: convbook.conv2d_true(X, K.flip(0, 1)),  # same answer
}
DTYPES = [torch.float16, torch.bfloat16, torch.float32, torch.float64]
LAYOUTS = ["contiguous", "transposed", "strided", "stride-0"]


def laid_out(values: torch.Tensor, layout: str) -> torch.Tensor:
    """The same values as ``values``, in memory laid out as ``layout`` says."""
    if layout == "transposed":
        return values.T.contiguous().T
    if layout == "strided":
        return torch.stack([values, torch.zeros_like(values)], -1)[..., 0]
    if layout == "stride-0":  # every row the same: one row in memory
        return values[:1].expand_as(values)
    return values.contiguous()


@st.composite
def problems(draw, finite: bool = True):
    """An image, a kernel and the scale of their values, in one dtype and two layouts."""
    dtype = draw(st.sampled_from(DTYPES))
    info = torch.finfo(dtype)
    n_h, n_w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    k_h, k_w = draw(st.integers(1, n_h)), draw(st.integers(1, n_w))
    scale = draw(st.sampled_from([1.0, info.max / 4, info.max, info.smallest_normal, 1e-3]))
    unit = st.floats(-1, 1, allow_nan=False, width=32)
    X = torch.tensor(draw(st.lists(unit, min_size=n_h * n_w, max_size=n_h * n_w)))
    K = torch.tensor(draw(st.lists(unit, min_size=k_h * k_w, max_size=k_h * k_w)))
    X = (X.double().reshape(n_h, n_w) * scale).to(dtype)
    K = K.double().reshape(k_h, k_w).to(dtype)
    if not finite:  # one NaN or inf in the first row, which every layout below keeps
        bad = draw(st.sampled_from([float("nan"), float("inf"), -float("inf")]))
        T = draw(st.sampled_from([X, K]))
        T[0, draw(st.integers(0, T.shape[1] - 1))] = bad
    X = laid_out(X, draw(st.sampled_from(LAYOUTS)))
    K = laid_out(K, draw(st.sampled_from(LAYOUTS)))
    return X, K


def reference(X: torch.Tensor, K: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The true answer (float64) and the scale of its rounding error, per output."""
    X64, K64 = X.double()[None, None], K.double()[None, None]
    return F.conv2d(X64, K64)[0, 0], F.conv2d(X64.abs(), K64.abs())[0, 0]


@pytest.mark.parametrize("name", sorted(FORMS))
@given(problem=problems())
def test_every_form_gives_pytorchs_answer_or_inf_never_nan(name, problem):
    X, K = problem
    before = X.clone(), K.clone()
    Y = FORMS[name](X, K)
    assert torch.equal(X, before[0]) and torch.equal(K, before[1]), "an input was modified"
    assert Y.dtype == X.dtype and tuple(Y.shape) == convbook.output_shape(X.shape, K.shape)
    truth, size = reference(X, K)
    info = torch.finfo(X.dtype)
    fits = truth.abs() < info.max / 2  # well inside the dtype's range
    beyond = truth.abs() > info.max * 2
    assert not Y.isnan().any(), f"{name} returned NaN"
    assert torch.isfinite(Y[fits]).all(), f"{name}: inf where the true answer fits"
    assert torch.equal(Y[beyond], truth[beyond].sign().to(Y.dtype) * float("inf"))
    # Each form rounds each product and partial sum once, or (FFT) each spectrum entry:
    # errors stay below a few units of the dtype's precision times the largest |X| * |K| sum.
    tolerance = 4 * K.numel() * info.eps * size.max() + 4 * K.numel() * info.smallest_normal
    error = (Y.double() - truth).abs()[fits]
    assert error.numel() == 0 or error.max() <= tolerance, f"{name}: error {error.max():.3g}"


@pytest.mark.parametrize("name", sorted(FORMS))
@given(problem=problems(finite=False))
def test_nan_or_inf_anywhere_is_refused_naming_the_argument(name, problem):
    X, K = problem
    with pytest.raises(ValueError, match=r"^(X|K) must contain only finite values"):
        FORMS[name](X, K)


@pytest.mark.parametrize("name", sorted(FORMS))
def test_gradients_reach_leaves_and_graph_attached_inputs_work(name):
    leaf_X = torch.rand(5, 6, dtype=torch.float64, requires_grad=True)
    leaf_K = torch.rand(2, 3, dtype=torch.float64, requires_grad=True)
    X, K = leaf_X * 1.0, leaf_K * 1.0  # attached to a graph: not leaves
    FORMS[name](X, K).sum().backward()
    expected_X, expected_K = torch.autograd.grad(
        convbook.torch_corr2d(leaf_X, leaf_K).sum(), [leaf_X, leaf_K]
    )
    torch.testing.assert_close(leaf_X.grad, expected_X)
    torch.testing.assert_close(leaf_K.grad, expected_K)


# tests/test_checks.py holds these for every correlation form; here, the other functions.
TENSOR_FAULTS = [
    ("sparse", lambda: torch.ones(4, 5).to_sparse(), TypeError, "X must be a dense tensor"),
    ("meta", lambda: torch.ones(4, 5, device="meta"), ValueError, "X is on the meta device"),
    ("complex", lambda: torch.ones(4, 5, dtype=torch.complex64), TypeError, r"X\.real"),
]


@pytest.mark.parametrize(
    "call",
    [
        lambda X: convbook.im2col(X, (2, 2)),
        lambda X: convbook.critical_lr(X, (1, 2)),
        lambda X: convbook.hessian(X, (1, 2)),
        lambda X: convbook.learn_kernel(X, torch.zeros(4, 4), seed=0),
        lambda X: convbook.show_matrices([X], ["X"]),
    ],
)
@pytest.mark.parametrize(
    "fault, make, error, words", TENSOR_FAULTS, ids=[f[0] for f in TENSOR_FAULTS]
)
def test_sparse_meta_and_complex_tensors_are_refused(call, fault, make, error, words):
    with pytest.raises(error, match=words.replace("X", r"(X|matrices\[0\])")):
        call(make())


@given(
    scale=st.sampled_from([1e-300, 1e-200, 1e-170, 1e-30, 1.0, 1e30, 1e150, 1e200, 1e300]),
    sign=st.sampled_from([1.0, -1.0]),
)
def test_critical_rate_is_a_positive_number_or_a_clear_refusal(scale, sign):
    X = convbook.edge_image().double() * scale * sign
    try:
        rate = convbook.critical_lr(X, (1, 2))
    except ValueError as error:
        assert str(error).startswith("X's"), error
    else:
        # 2 / 60 for the edge image, divided by the scale squared
        assert rate > 0 and np.isclose(rate * scale * scale * 30, 1.0)


@given(lr=st.sampled_from([1e-8, 3e-2, 0.04, 1.0, 1e10, 1e300]), seed=st.integers(0, 2**64 - 1))
def test_learn_kernel_never_returns_an_infinite_kernel_nor_touches_its_inputs(lr, seed):
    leaf = convbook.edge_image().requires_grad_(True)
    X = leaf * 1.0  # attached to a graph
    Y = convbook.Conv2D((1, 2))(X)  # so is the target
    history = convbook.learn_kernel(X, Y, lr=lr, epochs=30, seed=seed)
    assert torch.isfinite(history.kernel).all()
    assert len(history.losses) == len(history.weights) == (history.diverged_at or 31) - 1
    assert leaf.grad is None and not history.kernel.requires_grad


NUMPY_NUMBERS = [
    lambda: convbook.output_shape(np.int64(6), (np.int32(2), 3)),
    lambda: convbook.Conv2D(np.int64(2)),
    lambda: convbook.edge_image(np.int16(6), np.int64(8)),
    lambda: convbook.learn_kernel(
        convbook.edge_image(),
        torch.zeros(6, 7),
        lr=np.float32(0.03),
        epochs=np.int64(3),
        seed=np.int64(1),
    ),
]


@pytest.mark.parametrize("call", NUMPY_NUMBERS)
def test_numpy_numbers_are_numbers(call):
    call()


def test_numpy_bools_are_not():
    with pytest.raises(TypeError, match="epochs must be an int"):
        convbook.learn_kernel(convbook.edge_image(), torch.zeros(6, 7), epochs=np.bool_(True))
