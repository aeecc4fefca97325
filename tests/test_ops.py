"""The reference forms: the original notebook's loop corr2d, true convolution, output_shape.
(Their bad images and kernels are refused as in test_checks.py.)"""

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal

from convbook import (
    conv2d_true,
    corr2d,
    edge_image,
    numbers_example,
    output_shape,
    torch_corr2d,
)
from convbook.ops import cross_correlate


def test_numbers_example_prints_as_in_the_original():
    assert repr(corr2d(*numbers_example())) == "tensor([[19., 25.],\n        [37., 43.]])"


def test_edge_map_of_the_original():
    X = edge_image()
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
    torch.testing.assert_close(Y, torch_corr2d(X, K))


def test_gradients_flow_through_the_loop():
    X = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
    K = torch.randn(2, 2, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(corr2d, (X, K))


def test_true_convolution_flips_the_kernel():
    X, K = numbers_example()
    assert torch.equal(conv2d_true(X, K), torch.tensor([[5.0, 11.0], [23.0, 29.0]]))
    assert torch.equal(conv2d_true(X, K), corr2d(X, K.flip(0, 1)))


def test_output_shape():
    assert output_shape((6, 8), (1, 2)) == (6, 7)
    assert output_shape(torch.Size([3, 3]), (3, 3)) == (1, 1)


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "output_shape: kernel larger",
            lambda: output_shape((3, 3), (4, 1)),
            ValueError,
            "larger than image_shape",
        ),
        refusal(
            "output_shape: zero height",
            lambda: output_shape((0, 3), (1, 1)),
            ValueError,
            "image_shape must be positive",
        ),
        refusal(
            "output_shape: float in image_shape",
            lambda: output_shape((3.0, 3), (1, 1)),
            TypeError,
            "image_shape must hold ints",
        ),
        refusal(
            "output_shape: float in kernel_shape",
            lambda: output_shape((3, 3), (1.5, 1)),
            TypeError,
            "kernel_shape must hold ints",
        ),
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
@pytest.mark.parametrize(
    "image, kernel, padding, stride, dilation",
    [
        ((7, 9), (3, 3), 1, 1, 1),
        ((9, 8), (3, 2), (2, 1), (2, 1), (1, 2)),
        ((6, 6), (2, 2), 3, 2, 3),
        ((5, 11), (1, 4), (0, 4), 3, 1),
    ],
)
def test_padding_modes_equal_f_pad_then_conv2d(mode, image, kernel, padding, stride, dilation):
    from convbook.ops import PADDING_MODES

    g = torch.Generator().manual_seed(sum(image) + sum(kernel))
    X = torch.randn(image, generator=g, dtype=torch.float64, requires_grad=True)
    K = torch.randn(kernel, generator=g, dtype=torch.float64)
    p_h, p_w = (padding, padding) if isinstance(padding, int) else padding
    Y = cross_correlate(X, K, padding=padding, stride=stride, dilation=dilation, padding_mode=mode)
    padded = F.pad(X[None, None], (p_w, p_w, p_h, p_h), mode=PADDING_MODES[mode])
    expected = F.conv2d(padded, K[None, None], stride=stride, dilation=dilation)[0, 0]
    torch.testing.assert_close(Y, expected)
    (grad,) = torch.autograd.grad(Y.sum(), X)
    (expected_grad,) = torch.autograd.grad(expected.sum(), X)
    torch.testing.assert_close(grad, expected_grad)


def test_padding_modes_on_a_row():
    row = torch.tensor([[1.0, 2.0, 3.0]])
    same = {
        m: cross_correlate(row, torch.ones(1, 1), padding=(0, 2), padding_mode=m)[0].tolist()
        for m in ("zeros", "reflect", "replicate", "circular")
    }
    assert same == {
        "zeros": [0, 0, 1, 2, 3, 0, 0],
        "reflect": [3, 2, 1, 2, 3, 2, 1],
        "replicate": [1, 1, 1, 2, 3, 3, 3],
        "circular": [2, 3, 1, 2, 3, 1, 2],
    }


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"padding_mode": "mirror"}, ValueError, "padding_mode must be 'zeros' or 'reflect'"),
        ({"padding_mode": 0}, TypeError, "padding_mode must be"),
        ({"padding": 3, "padding_mode": "reflect"}, ValueError, "padding 3 must be smaller than"),
        ({"padding": 4, "padding_mode": "circular"}, ValueError, "padding 4 must be at most"),
    ],
)
def test_padding_modes_refused_in_words(kwargs, error, words):
    with pytest.raises(error, match=words):
        cross_correlate(torch.ones(3, 5), torch.ones(2, 2), **kwargs)
