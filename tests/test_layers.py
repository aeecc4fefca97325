import pytest
import torch

from convbook import Conv2D, corr2d


def test_parameters_start_as_in_the_seed():
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
    "kernel_size, error, message",
    [
        ((0, 2), ValueError, "kernel_size must be positive"),
        ("2", TypeError, "kernel_size"),
        ((1, 2, 3), TypeError, "kernel_size"),
    ],
)
def test_bad_kernel_size(kernel_size, error, message):
    with pytest.raises(error, match=message):
        Conv2D(kernel_size)


def test_batches_are_refused_with_advice():
    with pytest.raises(ValueError, match=r"one 2-D image .* shape \(1, 1, 3, 3\)"):
        Conv2D(2)(torch.ones(1, 1, 3, 3))
