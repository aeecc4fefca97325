"""The layer's JavaScript math (channel_math.js: several output channels, each with its own
kernel volume and bias), run with Node, agrees with PyTorch to float64 rounding."""

import torch
import torch.nn.functional as F
from helpers import needs_node, run_node

from convbook.channels import corr2d_multi_in_out, corr2d_multi_in_out_1x1

pytestmark = needs_node
EXACT = {"atol": 1e-12, "rtol": 1e-12}


def random_layers(count: int, seed: int, one_by_one: bool = False):
    """(X, K, biases): X (c_i, h, w), K (c_o, c_i, k_h, k_w), no larger than X; float64."""
    g = torch.Generator().manual_seed(seed)

    def between(low: int, high: int) -> int:
        return int(torch.randint(low, high + 1, (1,), generator=g))

    for _ in range(count):
        c_i, c_o, h, w = between(1, 4), between(1, 4), between(1, 10), between(1, 10)
        kh, kw = (1, 1) if one_by_one else (between(1, h), between(1, w))
        X = torch.randn(c_i, h, w, generator=g, dtype=torch.float64)
        K = torch.randn(c_o, c_i, kh, kw, generator=g, dtype=torch.float64)
        yield X, K, torch.randn(c_o, generator=g, dtype=torch.float64)


def run_layers(problems) -> list[torch.Tensor]:
    cases = [
        {"op": "multi_in_out", "X": X.tolist(), "K": K.tolist(), "biases": b.tolist()}
        for X, K, b in problems
    ]
    return [torch.tensor(Y, dtype=torch.float64) for Y in run_node("run_channels.js", cases)]


def test_each_output_is_its_volume_summed_over_the_inputs_plus_its_bias():
    problems = [*random_layers(60, seed=3)]
    assert sum(K.shape[0] > 1 for _, K, _ in problems) > 30
    for (X, K, b), Y in zip(problems, run_layers(problems)):
        torch.testing.assert_close(Y, F.conv2d(X[None], K, bias=b)[0], **EXACT)
        torch.testing.assert_close(Y, corr2d_multi_in_out(X, K) + b[:, None, None], **EXACT)


def test_one_by_one_kernels_mix_each_pixels_channels():
    problems = [*random_layers(30, seed=4, one_by_one=True)]
    for (X, K, b), Y in zip(problems, run_layers(problems)):
        torch.testing.assert_close(Y, corr2d_multi_in_out_1x1(X, K) + b[:, None, None], **EXACT)
        mixed = torch.einsum("oc,chw->ohw", K[:, :, 0, 0], X) + b[:, None, None]
        torch.testing.assert_close(Y, mixed, **EXACT)


def test_without_biases_the_outputs_are_corr2d_multi_in_out():
    problems = [*random_layers(10, seed=5)]
    cases = [{"op": "multi_in_out", "X": X.tolist(), "K": K.tolist()} for X, K, _ in problems]
    for (X, K, _), Y in zip(problems, run_node("run_channels.js", cases)):
        expected = corr2d_multi_in_out(X, K)
        torch.testing.assert_close(torch.tensor(Y, dtype=torch.float64), expected, **EXACT)


def test_the_parameters_of_a_layer_are_its_volume_and_one_bias_an_output():
    shapes = [(1, 3, 3, 3), (2, 3, 3, 3), (3, 3, 1, 1), (3, 3, 5, 5), (4, 2, 1, 3)]
    cases = [{"op": "parameters", "K": torch.zeros(s).tolist()} for s in shapes]
    for shape, got in zip(shapes, run_node("run_channels.js", cases)):
        conv = torch.nn.Conv2d(shape[1], shape[0], shape[2:])
        assert got == {
            "weights": conv.weight.numel(),
            "biases": conv.bias.numel(),
            "total": sum(p.numel() for p in conv.parameters()),
        }, shape
