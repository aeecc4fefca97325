"""The channel explorer's Python side: traits checked, the sum computed as PyTorch computes it."""

import re

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal

from convbook import kernel
from convbook.channels import corr2d_multi_in
from convbook.data import GREY_WEIGHTS, colour_photo
from convbook.widgets import ChannelExplorer
from convbook.widgets.channel_explorer import LARGEST_ENTRY, SIZES


def torch_sum(X: torch.Tensor, K: torch.Tensor, bias: float) -> torch.Tensor:
    return F.conv2d(X[None], K[None], bias=torch.tensor([bias]))[0, 0]


def test_defaults_are_sobel_on_every_channel_of_the_colour_photo():
    explorer = ChannelExplorer()
    torch.testing.assert_close(explorer.photo, colour_photo(32), atol=5e-4, rtol=0)
    assert explorer.photo.shape == (3, 32, 32) and explorer.photo.dtype == torch.float32
    assert torch.equal(explorer.kernels, torch.stack([kernel("sobel_x")] * 3))
    assert explorer.bias == 0.0 and explorer.channel_names == ["red", "green", "blue"]
    torch.testing.assert_close(explorer.output, torch_sum(explorer.photo, explorer.kernels, 0.0))
    maps = F.conv2d(explorer.photo[None], explorer.kernels[:, None], groups=3)[0]
    torch.testing.assert_close(explorer.maps, maps)
    torch.testing.assert_close(explorer.maps.sum(0), explorer.output)
    assert explorer.sizes == [1, 3, 5] == list(SIZES) and explorer.largest_entry == LARGEST_ENTRY
    # one ES module, whatever bundled it, with a default export and the math inside
    assert re.search(r"export\s*(default\b|\{[^}]*\bas default\b)", explorer._esm)
    assert re.search(r"\bfunction channelMaps\(", explorer._esm)
    assert re.search(r"\bfunction corr2d\(", explorer._esm)


def test_the_output_follows_kernels_bias_and_what_the_browser_sends():
    g = torch.Generator().manual_seed(0)
    K = torch.randn(3, 5, 5, generator=g)
    explorer = ChannelExplorer(K, bias=-1.25)
    torch.testing.assert_close(explorer.kernels, K, atol=5.1e-5, rtol=0)  # sent to 4 decimals
    expected = torch_sum(explorer.photo, explorer.kernels, -1.25)
    torch.testing.assert_close(explorer.output, expected)
    torch.testing.assert_close(
        explorer.output, corr2d_multi_in(explorer.photo, explorer.kernels) - 1.25
    )
    # what the browser saves, both at once, in JSON numbers: the red channel, plus 2
    explorer.set_state({"kernel_rows": [[[1]], [[0]], [[0]]], "bias": 2})
    assert explorer.kernel_rows == [[[1.0]], [[0.0]], [[0.0]]] and explorer.bias == 2.0
    torch.testing.assert_close(explorer.output, explorer.photo[0] + 2)
    explorer.bias = 0.5
    explorer.kernels = torch.tensor(GREY_WEIGHTS).reshape(3, 1, 1)
    grey = torch.tensordot(torch.tensor(GREY_WEIGHTS), explorer.photo, dims=1)
    torch.testing.assert_close(explorer.output, grey + 0.5)


def test_presets_and_combinations():
    explorer = ChannelExplorer()
    assert explorer.presets["zero"] == [[0.0]]
    for name, K in explorer.presets.items():
        if name != "zero":
            torch.testing.assert_close(torch.tensor(K), kernel(name), atol=5.1e-5, rtol=0)
            assert len(K) in SIZES and len(K) == len(K[0])
    assert {"sobel_x", "gaussian_blur_5", "laplacian", "identity"} <= set(explorer.presets)
    assert "edge" not in explorer.presets  # 1 x 2: no centre to pad around
    for name, Ks in explorer.combinations.items():
        K = torch.tensor(Ks)
        assert K.shape[0] == 3 and K.shape[1] == K.shape[2] and K.shape[1] in SIZES, name
        ChannelExplorer(K)  # each is a setting the widget accepts
    combinations = explorer.combinations
    assert combinations["grey: the photo's weights (1 × 1)"] == [[[w]] for w in GREY_WEIGHTS]
    red_only = torch.tensor(combinations["Sobel x on red only"])
    assert torch.equal(red_only[0], kernel("sobel_x")) and not red_only[1:].any()


WRONG = [
    ("kernels a list", {"kernels": [[[1.0]]] * 3}, TypeError, "kernels must be a torch.Tensor"),
    ("kernels 2-D", {"kernels": torch.ones(3, 3)}, ValueError, "kernels must be 3-D"),
    ("kernels 4-D", {"kernels": torch.ones(1, 3, 3, 3)}, ValueError, "kernels must be 3-D"),
    ("four channels", {"kernels": torch.ones(4, 3, 3)}, ValueError, "kernels must have 3 channels"),
    ("not square", {"kernels": torch.ones(3, 1, 3)}, ValueError, "kernels must be square"),
    ("even side", {"kernels": torch.ones(3, 2, 2)}, ValueError, "side of 1, 3, 5, got 2 x 2"),
    ("too large", {"kernels": torch.ones(3, 7, 7)}, ValueError, "side of 1, 3, 5, got 7 x 7"),
    (
        "integer kernels",
        {"kernels": torch.ones(3, 3, 3, dtype=torch.int64)},
        TypeError,
        "kernels must have a floating-point dtype",
    ),
    (
        "NaN in the blue kernel",
        {"kernels": torch.tensor([[[0.0]], [[0.0]], [[float("nan")]]])},
        ValueError,
        "kernels must contain only finite values",
    ),
    (
        "an entry too large",
        {"kernels": torch.full((3, 1, 1), LARGEST_ENTRY + 1.0)},
        ValueError,
        f"kernels entries must be from -{LARGEST_ENTRY} to {LARGEST_ENTRY}",
    ),
    ("bias a string", {"bias": "1"}, TypeError, "bias must be a number, got str"),
    ("bias a bool", {"bias": True}, TypeError, "bias must be a number, got bool"),
    ("bias NaN", {"bias": float("nan")}, ValueError, "bias must be a finite number"),
    ("bias inf", {"bias": float("inf")}, ValueError, "bias must be a finite number"),
    ("bias too large", {"bias": -1e4}, ValueError, f"from -{LARGEST_ENTRY} to {LARGEST_ENTRY}"),
]


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(case, lambda kw=kwargs: ChannelExplorer(**kw), error, words)
        for case, kwargs, error, words in WRONG
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize(
    "rows, words",
    [
        ([[[1.0]], [[1.0]]], "kernel_rows must have 3 channels"),
        ([[[1.0, 2.0]], [[1.0]], [[1.0]]], "kernel_rows must be three k x k lists"),
        ([[["a"]], [[1.0]], [[1.0]]], "kernel_rows must be three k x k lists"),
        ([[[float("inf")]], [[1.0]], [[1.0]]], "kernel_rows must contain only finite"),
        ([[[1.0, 0.0], [0.0, 1.0]]] * 3, "kernel_rows must be square with a side of 1, 3, 5"),
    ],
)
def test_a_refused_setting_keeps_the_last_valid_one(rows, words):
    explorer = ChannelExplorer()
    before = explorer.kernel_rows
    with pytest.raises(ValueError, match=words):
        explorer.kernel_rows = rows
    assert explorer.kernel_rows == before
    with pytest.raises(ValueError, match="bias must be a finite number"):
        explorer.bias = float("nan")
    assert explorer.bias == 0.0
