"""The channel explorer as a layer (several output channels), Python side: the volume and the
biases checked, each output channel as F.conv2d computes it, one output the old state."""

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal

from convbook.channels import corr2d_multi_in_out
from convbook.widgets import ChannelExplorer
from convbook.widgets.channel_explorer import LARGEST_ENTRY, LARGEST_OUTPUTS


def test_a_layer_is_one_volume_and_one_bias_per_output():
    g = torch.Generator().manual_seed(0)
    K = torch.randn(3, 3, 3, 3, generator=g)
    explorer = ChannelExplorer(layer=K, biases=[0.5, -1.0, 2.0])
    assert explorer.outputs == 3 == LARGEST_OUTPUTS == explorer.largest_outputs
    torch.testing.assert_close(explorer.layer, K, atol=5.1e-5, rtol=0)  # sent to 4 decimals
    expected = F.conv2d(explorer.photo[None], explorer.layer, bias=explorer.biases)[0]
    torch.testing.assert_close(explorer.layer_output, expected)
    torch.testing.assert_close(
        explorer.layer_output,
        corr2d_multi_in_out(explorer.photo, explorer.layer) + explorer.biases[:, None, None],
    )
    # output 0 is the single-output explorer's kernels and bias
    torch.testing.assert_close(explorer.kernels, explorer.layer[0])
    assert explorer.bias == 0.5 and explorer.other_biases == [-1.0, 2.0]
    torch.testing.assert_close(explorer.output, explorer.layer_output[0])


def test_one_output_is_the_single_output_state():
    explorer = ChannelExplorer()
    assert explorer.outputs == 1 and explorer.other_kernel_rows == [] == explorer.other_biases
    assert explorer.layer.shape == (1, 3, 3, 3)
    torch.testing.assert_close(explorer.layer_output[0], explorer.output)
    assert len(explorer.added_outputs) == LARGEST_OUTPUTS - 1
    for volume in explorer.added_outputs:
        ChannelExplorer(torch.tensor(volume))  # each is a kernel volume the widget accepts


def test_the_page_saves_the_whole_layer_at_once():
    explorer = ChannelExplorer()
    one_by_one = {
        "kernel_rows": [[[1]], [[0]], [[0]]],
        "bias": 0,
        "other_kernel_rows": [[[[0]], [[1]], [[0]]], [[[1]], [[-1]], [[0]]]],
        "other_biases": [0.25, -0.5],
    }
    explorer.set_state(one_by_one)  # three outputs, 1 x 1: red, green + 0.25, red - green - 0.5
    X = explorer.photo
    expected = torch.stack([X[0], X[1] + 0.25, X[0] - X[1] - 0.5])
    torch.testing.assert_close(explorer.layer_output, expected)
    explorer.set_state({**one_by_one, "other_kernel_rows": [], "other_biases": []})
    assert explorer.outputs == 1
    torch.testing.assert_close(explorer.layer_output, X[:1])


def test_a_new_volume_keeps_the_biases_of_the_outputs_it_keeps():
    explorer = ChannelExplorer(layer=torch.zeros(2, 3, 1, 1), biases=[1.0, 2.0])
    explorer.layer = torch.zeros(3, 3, 5, 5)
    assert explorer.biases.tolist() == [1.0, 2.0, 0.0]
    explorer.layer = torch.zeros(1, 3, 3, 3)
    assert explorer.biases.tolist() == [1.0] and explorer.outputs == 1


WRONG = [
    ("layer 3-D", {"layer": torch.ones(3, 3, 3)}, ValueError, "layer must be 4-D"),
    ("layer a list", {"layer": [[[[1.0]]] * 3]}, TypeError, "layer must be a torch.Tensor"),
    (
        "four outputs",
        {"layer": torch.zeros(LARGEST_OUTPUTS + 1, 3, 1, 1)},
        ValueError,
        f"layer must have 1 to {LARGEST_OUTPUTS} output channels, got {LARGEST_OUTPUTS + 1}",
    ),
    ("two inputs", {"layer": torch.zeros(2, 2, 1, 1)}, ValueError, r"layer\[0\] must have 3"),
    (
        "NaN in output 1",
        {"layer": torch.stack([torch.zeros(3, 1, 1), torch.full((3, 1, 1), float("nan"))])},
        ValueError,
        "layer must contain only finite values",
    ),
    ("even side", {"layer": torch.zeros(2, 3, 2, 2)}, ValueError, "side of 1, 3, 5, got 2 x 2"),
    (
        "too large",
        {"layer": torch.full((2, 3, 1, 1), LARGEST_ENTRY + 1.0)},
        ValueError,
        r"layer\[0\] entries must be from",
    ),
    (
        "kernels and layer",
        {"kernels": torch.zeros(3, 1, 1), "layer": torch.zeros(1, 3, 1, 1)},
        ValueError,
        "give kernels",
    ),
    (
        "too few biases",
        {"layer": torch.zeros(2, 3, 1, 1), "biases": [1.0]},
        ValueError,
        "biases must hold 2 numbers, one per output channel, got 1",
    ),
    (
        "a NaN bias",
        {"layer": torch.zeros(2, 3, 1, 1), "biases": [1.0, float("nan")]},
        ValueError,
        r"biases\[1\] must be a finite number",
    ),
    ("biases a string", {"biases": "0"}, TypeError, "biases must be a list of numbers, got str"),
    ("a bias a string", {"biases": ["0"]}, TypeError, r"biases\[0\] must be a number, got str"),
]


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(case, lambda kw=kwargs: ChannelExplorer(**kw), error, words)
        for case, kwargs, error, words in WRONG
    ],
)
def test_refuses_a_bad_layer(call, error, words):
    with pytest.raises(error, match=words):
        call()


ONE = torch.ones(3, 3, 3).tolist()  # a volume of the side the explorer has
REFUSED_STATES = [
    (
        {"other_kernel_rows": [ONE] * LARGEST_OUTPUTS, "other_biases": [0.0] * LARGEST_OUTPUTS},
        f"other_kernel_rows must hold at most {LARGEST_OUTPUTS - 1} kernel volumes",
    ),
    ({"other_kernel_rows": [ONE], "other_biases": []}, "per output channel"),
    ({"other_kernel_rows": [ONE[:2]], "other_biases": [0.0]}, "must have 3 channels"),
    ({"other_kernel_rows": [[[["a"]]] * 3], "other_biases": [0.0]}, "three k x k lists"),
    (
        {"other_kernel_rows": [[[[float("nan")]]] * 3], "other_biases": [0.0]},
        r"other_kernel_rows\[0\] must contain only finite values",
    ),
    ({"other_kernel_rows": [ONE], "other_biases": [float("inf")]}, "other_biases"),
    ({"other_kernel_rows": [ONE], "other_biases": ["1"]}, "must be a number, got str"),
    (  # output 1 of another side than output 0 (3 x 3)
        {"other_kernel_rows": [[[[1.0]]] * 3], "other_biases": [0.0]},
        "every output channel's kernels must have one side",
    ),
]


@pytest.mark.parametrize("state, words", REFUSED_STATES)
def test_a_refused_layer_from_the_page_keeps_the_last_valid_one(state, words):
    explorer = ChannelExplorer(layer=torch.ones(2, 3, 3, 3), biases=[0.0, 1.0])
    before = (
        explorer.kernel_rows,
        explorer.other_kernel_rows,
        explorer.bias,
        explorer.other_biases,
    )
    with pytest.raises((ValueError, TypeError), match=words):
        explorer.set_state({"kernel_rows": explorer.kernel_rows, "bias": 3.0, **state})
    after = (explorer.kernel_rows, explorer.other_kernel_rows, explorer.bias, explorer.other_biases)
    assert after == before  # the whole change undone, the bias too


def test_python_sends_a_new_layer_to_the_page_in_one_message():
    """The page never sees a volume whose outputs disagree in number or size with the biases."""
    explorer = ChannelExplorer()
    sent = []
    explorer.send_state = lambda key=None: sent.append(sorted(key))
    explorer.layer = torch.zeros(2, 3, 5, 5)
    explorer.biases = [1.0, 2.0]
    assert sent == [["kernel_rows", "other_biases", "other_kernel_rows"], ["bias", "other_biases"]]
