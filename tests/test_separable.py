"""Separable kernels: the rank by the SVD, the exact rank-1 test, two passes equal to the 2-D
correlation, the best low-rank approximation."""

import pytest
import torch

import convbook
from convbook import separable
from convbook.fast import torch_corr2d
from convbook.peers import opencv_gaussian


@pytest.mark.parametrize(
    "name", ["box_blur", "gaussian_blur_3", "gaussian_blur_5", "sobel_x", "sobel_y"]
)
def test_the_classic_separable_kernels_have_rank_one(name):
    K = convbook.kernel(name)
    assert separable.kernel_rank(K) == 1
    u, v = separable.rank_one_factors(K)
    torch.testing.assert_close(torch.outer(u, v), K, rtol=0, atol=4 * torch.finfo(K.dtype).eps)


@pytest.mark.parametrize("name, rank", [("laplacian", 2), ("sharpen", 2)])
def test_others_do_not(name, rank):
    K = convbook.kernel(name)
    assert separable.kernel_rank(K) == rank and separable.rank_one_factors(K) is None


def test_rank_one_is_detected_within_rounding_only():
    g = torch.Generator().manual_seed(0)
    for k in (3, 7, 31):
        G = opencv_gaussian(k)
        K = torch.outer(G, G)  # rounded to float32 entry by entry: still found
        assert separable.rank_one_factors(K) is not None
        nudged = K.clone()
        nudged[k // 2, 0] += 1e-4 * float(K.max())  # far above rounding: not of rank 1
        assert separable.rank_one_factors(nudged) is None
        assert separable.kernel_rank(torch.randn(k, k, generator=g, dtype=torch.float64)) == k
    assert separable.rank_one_factors(torch.zeros(3, 3)) is None
    assert separable.kernel_rank(torch.zeros(3, 3)) == 0


@pytest.mark.parametrize("k", [1, 3, 5, 11, 31])
def test_two_passes_equal_the_2d_correlation(k):
    g = torch.Generator().manual_seed(k)
    X = torch.randn(300, 70, generator=g, dtype=torch.float64)  # several blocks of rows
    u, v = (
        torch.randn(k, generator=g, dtype=torch.float64),
        torch.randn(k, generator=g, dtype=torch.float64),
    )
    torch.testing.assert_close(separable.two_passes(X, u, v), torch_corr2d(X, torch.outer(u, v)))


def test_any_kernel_as_a_sum_of_passes_and_gradients():
    g = torch.Generator().manual_seed(3)
    X = torch.randn(20, 17, generator=g, dtype=torch.float64, requires_grad=True)
    K = torch.randn(4, 5, generator=g, dtype=torch.float64, requires_grad=True)
    Y = separable.corr2d_separable(X, K)
    expected = torch_corr2d(X, K)
    torch.testing.assert_close(Y, expected)
    grads = torch.autograd.grad(Y.sum(), (X, K))
    for got, want in zip(grads, torch.autograd.grad(expected.sum(), (X, K))):
        torch.testing.assert_close(got, want)


def test_low_rank_is_the_truncated_svd():
    g = torch.Generator().manual_seed(4)
    K = torch.randn(6, 6, generator=g, dtype=torch.float64)
    s = separable.singular_values(K)
    errors = [float((separable.low_rank(K, r) - K).norm()) for r in range(1, 7)]
    for r, error in enumerate(errors, start=1):  # Eckart-Young: the error is the rest of s
        assert error == pytest.approx(float(s[r:].norm()), abs=1e-12)
    assert errors == sorted(errors, reverse=True) and errors[-1] < 1e-12
    assert separable.kernel_rank(separable.low_rank(K, 2)) == 2


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: separable.low_rank(torch.eye(2), 0), ValueError, "rank"),
        (lambda: separable.low_rank(torch.eye(2), 1.5), TypeError, "rank"),
        (lambda: separable.kernel_rank([[1.0]]), TypeError, "K must be"),
        (
            lambda: separable.corr2d_separable(torch.ones(2, 2), torch.ones(3, 3)),
            ValueError,
            "larger",
        ),
    ],
)
def test_bad_input_refused_in_words(call, error, words):
    with pytest.raises(error, match=words):
        call()
