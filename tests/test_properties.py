"""Property tests: random shapes and values, every implementation against PyTorch's own."""

from __future__ import annotations

import math

import pytest
import torch
from helpers import CORRELATIONS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convbook
from convbook import torch_corr2d

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def problems(draw, largest: int = 12):
    """An image, a kernel no larger than it, and a dtype."""
    n_h, n_w = draw(st.integers(1, largest)), draw(st.integers(1, largest))
    k_h, k_w = draw(st.integers(1, n_h)), draw(st.integers(1, n_w))
    dtype = draw(st.sampled_from([torch.float32, torch.float64]))
    g = torch.Generator().manual_seed(draw(st.integers(0, 2**31)))
    return torch.randn(n_h, n_w, generator=g, dtype=dtype), torch.randn(
        k_h, k_w, generator=g, dtype=dtype
    )


def tolerance(dtype: torch.dtype, K: torch.Tensor) -> dict:
    scale = K.numel() ** 0.5
    return (
        {"atol": 1e-5 * scale, "rtol": 1e-4}
        if dtype == torch.float32
        else {"atol": 1e-10 * scale, "rtol": 1e-9}
    )


def test_every_implementation_is_covered():
    """CORRELATIONS is found in ops, matrix, fast and separable: every form, each exported by
    convbook."""
    assert set(CORRELATIONS) == {
        "corr2d",
        "corr2d_matmul",
        "corr2d_unfold",
        "corr2d_shift",
        "corr2d_fft",
        "corr2d_fast",
        "corr2d_separable",
    }
    assert all(getattr(convbook, name) is f for name, f in CORRELATIONS.items())
    assert set(CORRELATIONS) <= set(convbook.__all__)


@pytest.mark.parametrize("name", sorted(CORRELATIONS))
@FAST
@given(problem=problems())
def test_matches_torch_corr2d(name, problem):
    X, K = problem
    expected = torch_corr2d(X, K)
    Y = CORRELATIONS[name](X, K)
    assert Y.dtype == X.dtype and Y.shape == expected.shape
    torch.testing.assert_close(Y, expected, **tolerance(X.dtype, K))


@FAST
@given(problem=problems())
def test_true_convolution_is_torch_corr2d_with_the_kernel_flipped(problem):
    X, K = problem
    expected = torch_corr2d(X, K.flip(0, 1))
    torch.testing.assert_close(convbook.conv2d_true(X, K), expected, **tolerance(X.dtype, K))


@settings(max_examples=10, deadline=None)
@given(problem=problems(largest=6))
def test_conv2d_layer_gradients(problem):
    """Conv2D.forward's gradients in the image, the weight and the bias, checked in float64
    against finite differences of the layer's own forward pass."""
    X, K = problem
    layer = convbook.Conv2D(tuple(K.shape)).double()
    X = X.double().requires_grad_(True)
    weight = K.double().requires_grad_(True)
    bias = torch.tensor([0.25], dtype=torch.float64, requires_grad=True)

    def forward(x, weight, bias):
        """The layer's forward pass, with ``weight`` and ``bias`` as its parameters."""
        return torch.func.functional_call(layer, {"weight": weight, "bias": bias}, (x,))

    torch.testing.assert_close(forward(X, weight, bias), convbook.corr2d(X, weight) + bias)
    assert torch.autograd.gradcheck(forward, (X, weight, bias))


@st.composite
def learning_problems(draw):
    n_h, n_w = draw(st.integers(2, 8)), draw(st.integers(3, 8))
    k_h, k_w = draw(st.integers(1, min(3, n_h))), draw(st.integers(1, min(3, n_w)))
    g = torch.Generator().manual_seed(draw(st.integers(0, 2**31)))
    X = torch.rand(n_h, n_w, generator=g, dtype=torch.float64)
    K = torch.randn(k_h, k_w, generator=g, dtype=torch.float64)
    init = torch.randn(k_h, k_w, generator=g, dtype=torch.float64)
    return X, convbook.corr2d(X, K), K, init, draw(st.floats(0.05, 1.9))


@settings(max_examples=25, deadline=None)
@given(problem=learning_problems())
def test_learn_kernel_is_the_closed_form_gradient_descent_iteration(problem):
    """The loss |A w - y|^2 has gradient 2 A^T (A w - y): each epoch is w <- w - lr * that."""
    X, Y, _, init, fraction = problem
    kernel_size = tuple(init.shape)
    A = convbook.im2col(X, kernel_size)
    y = Y.reshape(-1)
    lr = fraction * convbook.critical_lr(X, kernel_size)
    history = convbook.learn_kernel(X, Y, kernel_size, lr=lr, epochs=15, init=init)
    w = init.reshape(-1).clone()
    for epoch in range(15):
        residual = A @ w - y
        assert history.losses[epoch] == pytest.approx(
            (residual @ residual).item(), rel=1e-9, abs=1e-12
        )
        w = w - lr * 2 * A.T @ residual
        torch.testing.assert_close(history.weights[epoch].reshape(-1), w, rtol=1e-9, atol=1e-12)


@settings(max_examples=8, deadline=None)
@given(problem=learning_problems())
def test_critical_lr_separates_convergence_from_divergence(problem):
    """Started off the minimum along the steepest direction, the error is multiplied by
    1 - lr * lambda_max each epoch: it shrinks just below the critical rate, grows above."""
    X, Y, K, _, _ = problem
    kernel_size = tuple(K.shape)
    critical = convbook.critical_lr(X, kernel_size)
    steepest = torch.linalg.eigh(convbook.hessian(X, kernel_size)).eigenvectors[:, -1]
    start = K + steepest.reshape(kernel_size)
    below = convbook.learn_kernel(X, Y, kernel_size, lr=0.98 * critical, epochs=100, init=start)
    above = convbook.learn_kernel(X, Y, kernel_size, lr=1.02 * critical, epochs=100, init=start)
    assert below.losses[-1] < 1e-3 * below.losses[0]
    assert above.losses[-1] > 1e3 * above.losses[0]
    assert all(math.isfinite(v) for v in above.losses)
