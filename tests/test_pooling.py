"""Pooling (convbook.pooling): D2L's pool2d equal to F.max_pool2d and F.avg_pool2d with
stride 1 on random shapes, and every bad input refused with clear words."""

from __future__ import annotations

import doctest

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_checks import BAD

from convbook import pool2d, pooling

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def pools(draw, largest: int = 10):
    """An image, a pool size that fits (an int or a pair), and a dtype."""
    n_h, n_w = draw(st.integers(1, largest)), draw(st.integers(1, largest))
    p_h, p_w = draw(st.integers(1, n_h)), draw(st.integers(1, n_w))
    pool_size = draw(st.sampled_from([(p_h, p_w), min(p_h, p_w)]))
    dtype = draw(st.sampled_from([torch.float32, torch.float64]))
    g = torch.Generator().manual_seed(draw(st.integers(0, 2**31)))
    return torch.randn(n_h, n_w, generator=g, dtype=dtype), pool_size


@FAST
@given(problem=pools())
def test_max_pooling_is_max_pool2d_exactly(problem):
    X, pool_size = problem
    expected = F.max_pool2d(X[None, None], pool_size, stride=1)[0, 0]
    Y = pool2d(X, pool_size)
    assert Y.dtype == X.dtype and torch.equal(Y, expected)


@FAST
@given(problem=pools())
def test_average_pooling_is_avg_pool2d(problem):
    X, pool_size = problem
    expected = F.avg_pool2d(X[None, None], pool_size, stride=1)[0, 0]
    tolerance = {"atol": 1e-6, "rtol": 1e-5} if X.dtype == torch.float32 else {}
    torch.testing.assert_close(pool2d(X, pool_size, mode="avg"), expected, **tolerance)


def test_a_mean_whose_sum_leaves_the_range_is_still_the_mean():
    X = torch.full((2, 2), 3e38)
    assert torch.equal(pool2d(X, 2, mode="avg"), torch.tensor([[3e38]]))


def test_gradients_reach_the_pooled_pixels():
    X = torch.tensor([[1.0, 5.0], [2.0, 3.0]], requires_grad=True)
    pool2d(X, 2).sum().backward()
    assert X.grad.tolist() == [[0.0, 1.0], [0.0, 0.0]]  # only the maximum gets gradient


def test_docstring_examples_run():
    result = doctest.testmod(pooling, extraglobs={"torch": torch})
    assert result.attempted >= 3 and result.failed == 0


X = torch.ones(3, 4)

REFUSALS = [
    refusal("mode 'min'", lambda: pool2d(X, 2, mode="min"), ValueError, "mode must be 'max' or"),
    refusal("mode 'MAX'", lambda: pool2d(X, 2, mode="MAX"), ValueError, "mode must be 'max' or"),
    refusal("mode None", lambda: pool2d(X, 2, mode=None), TypeError, "mode must be .* NoneType"),
    refusal("pool taller than X", lambda: pool2d(X, (4, 1)), ValueError, r"pool_size \(4, 1\) is"),
    refusal("pool wider than X", lambda: pool2d(X, 5), ValueError, "pool_size .* larger than X"),
    refusal("pool of zero", lambda: pool2d(X, 0), ValueError, "pool_size must be positive"),
    refusal("pool a float", lambda: pool2d(X, 2.0), TypeError, "pool_size must be an int or"),
    refusal("pool a triple", lambda: pool2d(X, (1, 1, 1)), TypeError, "pool_size must be an int"),
    refusal("pool a bool", lambda: pool2d(X, True), TypeError, "pool_size must be an int or"),
    refusal("3-D X", lambda: pool2d(torch.ones(1, 3, 4), 2), ValueError, "X must be 2-D .* 3-D"),
]


@pytest.mark.parametrize("call, error, words", REFUSALS)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


# The rows of tests/test_checks.py whose fault is in the image alone: pool2d refuses the
# image with the words corr2d uses.
BAD_IMAGES = [row for row in BAD if row[4].startswith("X ") and "X and K" not in row[4]]


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("case, X, K, error, words", BAD_IMAGES, ids=[row[0] for row in BAD_IMAGES])
def test_refuses_the_images_corr2d_refuses(mode, case, X, K, error, words):
    with pytest.raises(error, match=words):
        pool2d(X, 1, mode=mode)
