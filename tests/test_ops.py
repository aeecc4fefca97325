import pytest
import torch
from conftest import torch_conv2d

from convbook import conv2d_true, corr2d, output_shape


def test_seed_example_prints_as_in_the_seed():
    X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
    K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
    assert repr(corr2d(X, K)) == "tensor([[19., 25.],\n        [37., 43.]])"


def test_seed_edge_map():
    X = torch.ones(6, 8)
    X[:, 2:6] = 0
    Y = corr2d(X, torch.tensor([[1.0, -1.0]]))
    expected = torch.zeros(6, 7)
    expected[:, 1], expected[:, 5] = 1, -1
    assert torch.equal(Y, expected)
    assert torch.equal(corr2d(X.T, torch.tensor([[1.0, -1.0]])), torch.zeros(8, 5))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize(
    "image, kernel",
    [((5, 7), (2, 3)), ((4, 4), (4, 4)), ((6, 3), (1, 3)), ((3, 6), (3, 1)), ((1, 1), (1, 1))],
)
def test_matches_pytorch(image, kernel, dtype):
    g = torch.Generator().manual_seed(sum(image) * 31 + sum(kernel))
    X = torch.randn(image, generator=g, dtype=dtype)
    K = torch.randn(kernel, generator=g, dtype=dtype)
    Y = corr2d(X, K)
    assert Y.dtype == dtype
    assert Y.shape == output_shape(image, kernel)
    torch.testing.assert_close(Y, torch_conv2d(X, K))


def test_gradients_flow_through_the_loop():
    X = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
    K = torch.randn(2, 2, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(corr2d, (X, K))


def test_true_convolution_flips_the_kernel():
    X = torch.arange(9.0).reshape(3, 3)
    K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
    assert torch.equal(conv2d_true(X, K), torch.tensor([[5.0, 11.0], [23.0, 29.0]]))
    assert torch.equal(conv2d_true(X, K), corr2d(X, K.flip(0, 1)))


def test_output_shape():
    assert output_shape((6, 8), (1, 2)) == (6, 7)
    assert output_shape(torch.Size([3, 3]), (3, 3)) == (1, 1)
    with pytest.raises(ValueError, match="larger than image_shape"):
        output_shape((3, 3), (4, 1))
    with pytest.raises(ValueError, match="image_shape must be positive"):
        output_shape((0, 3), (1, 1))
    with pytest.raises(TypeError, match="kernel_shape"):
        output_shape((3, 3), (1.5, 1))


BAD = [
    ([[1.0]], torch.ones(1, 1), TypeError, "X must be a torch.Tensor, got list"),
    (torch.ones(3, 3), "K", TypeError, "K must be a torch.Tensor, got str"),
    (torch.ones(3), torch.ones(1, 1), ValueError, r"X must be 2-D .* got 1-D"),
    (torch.ones(1, 1, 3, 3), torch.ones(1, 1), ValueError, r"X must be 2-D .* got 4-D"),
    (torch.ones(3, 3), torch.ones(2, 2, 2), ValueError, "K must be 2-D"),
    (torch.ones(0, 3), torch.ones(1, 1), ValueError, "X must not be empty"),
    (torch.ones(3, 3), torch.ones(2, 0), ValueError, "K must not be empty"),
    (torch.ones(2, 2), torch.ones(3, 1), ValueError, "larger than image X"),
    (
        torch.ones(3, 3, dtype=torch.int64),
        torch.ones(1, 1),
        TypeError,
        "X must have a floating-point dtype",
    ),
    (
        torch.tensor([[float("nan"), 1.0]]),
        torch.ones(1, 1),
        ValueError,
        "X must contain only finite",
    ),
    (torch.ones(3, 3), torch.tensor([[float("inf")]]), ValueError, "K must contain only finite"),
    (torch.ones(3, 3), torch.ones(1, 1, dtype=torch.float64), TypeError, "share a dtype"),
]


@pytest.mark.parametrize("function", [corr2d, conv2d_true])
@pytest.mark.parametrize("X, K, error, message", BAD)
def test_bad_input_is_refused_clearly(function, X, K, error, message):
    with pytest.raises(error, match=message):
        function(X, K)
