"""The original notebook's hand-made layer Conv2D: its parameters, forward pass and refusals."""

import pytest
import torch
from helpers import refusal

from convbook import Conv2D, corr2d


def test_parameters_start_as_in_the_original():
    torch.manual_seed(0)
    layer = Conv2D((1, 2))
    assert layer.weight.shape == (1, 2)
    assert bool(((layer.weight >= 0) & (layer.weight < 1)).all())
    assert torch.equal(layer.bias.data, torch.zeros(1))
    assert [name for name, _ in layer.named_parameters()] == ["weight", "bias"]


def test_forward_is_corr2d_plus_bias_and_trains():
    layer = Conv2D(2)
    layer.bias.data[:] = 0.5
    X = torch.randn(5, 6)
    Y = layer(X)
    torch.testing.assert_close(Y, corr2d(X, layer.weight.detach()) + 0.5)
    Y.sum().backward()
    assert layer.bias.grad.item() == Y.numel()
    torch.testing.assert_close(layer.weight.grad, corr2d(X, torch.ones(4, 5)))


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "kernel_size zero", lambda: Conv2D((0, 2)), ValueError, "kernel_size must be positive"
        ),
        refusal(
            "kernel_size text", lambda: Conv2D("2"), TypeError, "kernel_size must be an int or"
        ),
        refusal("kernel_size triple", lambda: Conv2D((1, 2, 3)), TypeError, "kernel_size must be"),
        refusal(
            "forward: a batch, with advice",
            lambda: Conv2D(2)(torch.ones(1, 1, 3, 3)),
            ValueError,
            r"Conv2D takes one 2-D image .* shape \(1, 1, 3, 3\); .* use torch.nn.Conv2d",
        ),
        refusal(
            "forward: integer image",
            lambda: Conv2D(2)(torch.ones(4, 4, dtype=torch.int64)),
            TypeError,
            "X must have a floating-point",
        ),
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()
