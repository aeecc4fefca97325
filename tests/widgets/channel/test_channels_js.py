"""The channel explorer's JavaScript math (channel_math.js), run with Node, agrees with PyTorch."""

import math

import torch
import torch.nn.functional as F
from helpers import needs_node, run_node

from convbook.widgets.channel_explorer import LARGEST_ENTRY

pytestmark = needs_node


def run_js(cases: list[dict]) -> list:
    return run_node("run_channels.js", cases)


def random_problems(count: int, seed: int):
    """(X, K, bias) with c_i channels, random sizes, K no larger than X."""
    g = torch.Generator().manual_seed(seed)

    def between(low: int, high: int) -> int:
        return int(torch.randint(low, high + 1, (1,), generator=g))

    for _ in range(count):
        c, h, w = between(1, 4), between(1, 12), between(1, 12)
        X = torch.randn(c, h, w, generator=g, dtype=torch.float64)
        K = torch.randn(c, between(1, h), between(1, w), generator=g, dtype=torch.float64)
        yield X, K, float(torch.randn(1, generator=g, dtype=torch.float64))


def test_sum_over_channels_plus_bias_is_conv2d():
    problems = [*random_problems(60, seed=0)]
    assert sum(X.shape[0] == 3 for X, _, _ in problems) > 10
    cases = [
        {"op": "multi_in", "X": X.tolist(), "K": K.tolist(), "bias": b} for X, K, b in problems
    ]
    for (X, K, b), Y in zip(problems, run_js(cases)):
        expected = F.conv2d(X[None], K[None], bias=torch.tensor([b], dtype=torch.float64))[0, 0]
        torch.testing.assert_close(torch.tensor(Y, dtype=torch.float64), expected)


def test_each_channels_map_is_a_grouped_conv2d():
    """The three maps the widget draws: each channel with its own kernel, F.conv2d with groups."""
    problems = [p for p in random_problems(40, seed=1) if p[0].shape[0] == 3]
    cases = [{"op": "maps", "X": X.tolist(), "K": K.tolist()} for X, K, _ in problems]
    for (X, K, _), maps in zip(problems, run_js(cases)):
        expected = F.conv2d(X[None], K[:, None], groups=3)[0]
        torch.testing.assert_close(torch.tensor(maps, dtype=torch.float64), expected)


def test_the_default_problem_from_the_widget():
    """The photo and kernels the widget starts with: the page's sum is the Python output."""
    from convbook.widgets.channel_explorer import ChannelExplorer

    explorer = ChannelExplorer(bias=0.25)
    X, K = explorer.photo_rows, explorer.kernel_rows
    [Y] = run_js([{"op": "multi_in", "X": X, "K": K, "bias": 0.25}])
    torch.testing.assert_close(torch.tensor(Y, dtype=torch.float32), explorer.output)


def test_centred_pads_and_crops_around_the_middle():
    g = torch.Generator().manual_seed(2)
    pairs = [(n, k) for n in (1, 3, 5) for k in (1, 3, 5)]
    kernels = [torch.randn(n, n, generator=g, dtype=torch.float64) for n, _ in pairs]
    results = run_js(
        [{"op": "centred", "K": K.tolist(), "k": k} for K, (_, k) in zip(kernels, pairs)]
    )
    for K, (n, k), got in zip(kernels, pairs, results):
        pad = (k - n) // 2
        expected = F.pad(K, (pad,) * 4) if k >= n else K[-pad : n + pad, -pad : n + pad]
        assert torch.equal(torch.tensor(got, dtype=torch.float64), expected), (n, k)


def test_the_colour_scale_end_is_the_largest_magnitude():
    cases = [
        {"op": "bound", "matrices": [[[0.5, -2.0]], [[1.0]]]},
        {"op": "bound", "matrices": [[[0.0, 0.0]]]},
        {"op": "bound", "matrices": [[[3.0]], [[-0.1]]]},
    ]
    assert run_js(cases) == [2.0, 1, 3.0]


TYPED = [
    ("1", 1),
    ("-2.5", -2.5),
    (" 0.125 ", 0.125),
    ("−1", -1),  # the minus sign, as the book prints it
    (".5", 0.5),
    ("3.", 3),
    ("+4", 4),
    ("1e2", 100),
    ("-0", 0),
    ("0.000e-400", 0),  # a zero, however written
    ("5e-324", 5e-324),  # the smallest float64 above zero
    (str(LARGEST_ENTRY), LARGEST_ENTRY),
    (f"-{LARGEST_ENTRY}", -LARGEST_ENTRY),
]
# The words of the kit's one rule (kit/number.js), which never quote the typed text back.
NOT_A_NUMBER = "Not a number."
OUTSIDE = f"Choose a value from −{LARGEST_ENTRY} to {LARGEST_ENTRY}."
HOSTILE = [
    ("", "Type a number."),
    ("   ", "Type a number."),
    ("abc", NOT_A_NUMBER),
    ("NaN", "Type a number made of digits."),
    ("Infinity", "Type a number made of digits."),
    ("-Infinity", "Type a number made of digits."),
    ("0,5", "Write decimals with a point, not a comma."),  # 0.5 or 5? not guessed
    ("0x10", NOT_A_NUMBER),
    ("1/3", NOT_A_NUMBER),
    ("1e", NOT_A_NUMBER),
    ("--1", NOT_A_NUMBER),
    ("1.2.3", NOT_A_NUMBER),
    ("1,5,0", NOT_A_NUMBER),
    ("<b>1</b>", NOT_A_NUMBER),
    ("undefined", NOT_A_NUMBER),
    ("1e400", "Too large even for float64 (at most 1.8e+308 in size)."),
    (str(LARGEST_ENTRY + 0.5), OUTSIDE),
    ("1e-400", "Too small to tell from 0 (float64 stops near 1e-308); type 0 for 0."),
    ("-2.5e-330", "Too small to tell from 0 (float64 stops near 1e-308); type 0 for 0."),
    ("-1e309", "Too large even for float64 (at most 1.8e+308 in size)."),
]


def test_typed_numbers_are_read_and_hostile_text_refused_in_words():
    cases = [{"op": "parse", "text": text, "largest": LARGEST_ENTRY} for text, _ in TYPED + HOSTILE]
    results = run_js(cases)
    for (text, value), result in zip(TYPED, results):
        assert result == {"value": value}, text
        assert math.copysign(1, result["value"]) == math.copysign(1, value or 1), text  # no -0
    for (text, words), result in zip(HOSTILE, results[len(TYPED) :]):
        assert result == {"error": words}, text
