"""Cross-correlation as a matrix product: im2col, the Toeplitz matrix, corr2d_matmul.
(corr2d_matmul's bad images and kernels are refused as in test_checks.py.)"""

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal

from convbook import (
    corr2d,
    corr2d_matmul,
    im2col,
    numbers_example,
    output_shape,
    toeplitz,
    torch_corr2d,
)

NUMBERS_X, NUMBERS_K = numbers_example()
SHAPES = [
    ((3, 3), (2, 2)),
    ((6, 8), (1, 2)),
    ((5, 7), (2, 3)),
    ((4, 4), (4, 4)),
    ((7, 3), (3, 1)),
    ((1, 1), (1, 1)),
    ((9, 6), (4, 5)),
]


def test_numbers_example_by_matmul_toeplitz_and_im2col():
    assert torch.equal(
        corr2d_matmul(NUMBERS_X, NUMBERS_K), torch.tensor([[19.0, 25.0], [37.0, 43.0]])
    )
    T = toeplitz(NUMBERS_K, (3, 3))
    assert T.shape == (4, 9) and int((T != 0).sum()) == 12  # the kernel's 0 stays 0
    assert torch.equal(T[0], torch.tensor([0.0, 1, 0, 2, 3, 0, 0, 0, 0]))
    assert torch.equal(
        im2col(NUMBERS_X, (2, 2)) @ NUMBERS_K.reshape(-1), torch.tensor([19.0, 25, 37, 43])
    )


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("image, kernel", SHAPES)
def test_matmul_forms_match_corr2d_and_pytorch(image, kernel, dtype):
    g = torch.Generator().manual_seed(17 * sum(image) + sum(kernel))
    X = torch.randn(image, generator=g, dtype=dtype)
    K = torch.randn(kernel, generator=g, dtype=dtype)
    Y = corr2d_matmul(X, K)
    assert Y.dtype == dtype and Y.shape == output_shape(image, kernel)
    torch.testing.assert_close(Y, corr2d(X, K))
    torch.testing.assert_close(Y, torch_corr2d(X, K))
    torch.testing.assert_close((im2col(X, kernel) @ K.reshape(-1)).reshape(Y.shape), Y)


@pytest.mark.parametrize("image, kernel", SHAPES)
def test_toeplitz_is_block_banded_with_one_kernel_per_row(image, kernel):
    K = torch.arange(1.0, 1 + kernel[0] * kernel[1], dtype=torch.float64).reshape(kernel)
    T = toeplitz(K, image)
    out = output_shape(image, kernel)
    assert T.shape == (out[0] * out[1], image[0] * image[1])
    assert torch.equal(T.sum(1), torch.full((T.shape[0],), K.sum().item(), dtype=torch.float64))
    assert int((T != 0).sum()) == K.numel() * T.shape[0]
    assert im2col(torch.zeros(image), kernel).shape == (T.shape[0], K.numel())


@pytest.mark.parametrize("image, kernel", SHAPES)
def test_transposed_matrix_gives_the_input_gradient(image, kernel):
    g = torch.Generator().manual_seed(3)
    X = torch.randn(image, generator=g, dtype=torch.float64, requires_grad=True)
    K = torch.randn(kernel, generator=g, dtype=torch.float64)
    G = torch.randn(output_shape(image, kernel), generator=g, dtype=torch.float64)
    (corr2d(X, K) * G).sum().backward()
    torch.testing.assert_close((toeplitz(K, image).T @ G.reshape(-1)).reshape(image), X.grad)
    transposed = F.conv_transpose2d(G[None, None], K[None, None])[0, 0]
    torch.testing.assert_close(transposed, X.grad)


def test_gradients_flow_through_the_matrix_forms():
    X = NUMBERS_X.clone().requires_grad_(True)
    K = NUMBERS_K.clone().requires_grad_(True)
    corr2d_matmul(X, K).sum().backward()
    X2, K2 = NUMBERS_X.clone().requires_grad_(True), NUMBERS_K.clone().requires_grad_(True)
    corr2d(X2, K2).sum().backward()
    assert torch.equal(X.grad, X2.grad) and torch.equal(K.grad, K2.grad)
    X3 = NUMBERS_X.clone().requires_grad_(True)
    (im2col(X3, (2, 2)) @ NUMBERS_K.reshape(-1)).sum().backward()
    assert torch.equal(X3.grad, X2.grad)


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "im2col: 1-D X", lambda: im2col(torch.ones(3), (1, 1)), ValueError, "X must be 2-D"
        ),
        refusal(
            "im2col: integer X",
            lambda: im2col(torch.ones(3, 3, dtype=torch.int64), (2, 2)),
            TypeError,
            "X must have a floating-point",
        ),
        refusal(
            "im2col: float kernel_shape",
            lambda: im2col(torch.ones(3, 3), 2.5),
            TypeError,
            "kernel_shape must be an int or a pair",
        ),
        refusal(
            "im2col: kernel larger",
            lambda: im2col(torch.ones(4, 5), (5, 1)),
            ValueError,
            "larger than image_shape",
        ),
        refusal(
            "toeplitz: K not a tensor",
            lambda: toeplitz([[1.0]], (2, 2)),
            TypeError,
            "K must be a torch.Tensor",
        ),
        refusal(
            "toeplitz: NaN in K",
            lambda: toeplitz(torch.tensor([[1.0, float("nan")]]), (4, 4)),
            ValueError,
            "K must contain only finite",
        ),
        refusal(
            "toeplitz: kernel larger",
            lambda: toeplitz(torch.ones(3, 3), (2, 2)),
            ValueError,
            "larger than image_shape",
        ),
        refusal(
            "toeplitz: zero height",
            lambda: toeplitz(torch.ones(2, 2), (0, 2)),
            ValueError,
            "image_shape must be positive",
        ),
        refusal(
            "toeplitz: over the memory budget",
            lambda: toeplitz(torch.ones(3, 3), (1000, 1000)),
            ValueError,
            r"Toeplitz matrix for image_shape \(1000, 1000\) would be 996004 x 1000000",
        ),
        refusal(
            "corr2d_matmul: over the memory budget",
            lambda: corr2d_matmul(torch.rand(512, 512), torch.ones(3, 3)),
            ValueError,
            r"would be 260100 x 262144 \(254.0 GiB\), over the 1 GiB",
        ),
        refusal(
            "im2col: over the memory budget",
            lambda: im2col(torch.ones(1, 1).expand(1, 2**28), (1, 2)),  # a view: no memory
            ValueError,
            r"im2col of X \(1, 268435456\) would be",
        ),
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()
