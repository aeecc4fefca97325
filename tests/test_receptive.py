"""The receptive-field arithmetic (convbook.receptive) against torch autograd: the field of an
output cell is exactly the set of input pixels where the gradient of that output is not zero.

The stacks are built of convolutions with positive weights and average pooling, so that every
path from a pixel to the output carries a positive product and no two paths cancel: a pixel
that can affect the output then has a non-zero gradient. Max pooling is different: its
gradient goes to the one pixel that won each window, so for one input it is a one-hot subset of
the field; the field of a max pool is the union of its windows, the pixels that *could* win
for some input. That is checked too, as a subset."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal
from hypothesis import assume, given
from hypothesis import strategies as st

from convbook.receptive import (
    Layer,
    check_stack,
    conv,
    field_cells,
    field_intervals,
    layer_table,
    pool,
)


@st.composite
def layers(draw) -> Layer:
    if draw(st.booleans()):
        return conv(
            draw(st.integers(1, 4)),
            stride=draw(st.integers(1, 3)),
            padding=draw(st.integers(0, 2)),
            dilation=draw(st.integers(1, 3)),
        )
    window = draw(st.integers(1, 3))
    return pool(window, stride=draw(st.integers(1, 3)), padding=draw(st.integers(0, window // 2)))


@st.composite
def stacks(draw):
    stack = draw(st.lists(layers(), min_size=1, max_size=4))
    h, w = draw(st.integers(1, 24)), draw(st.integers(1, 24))
    try:
        _, rows = check_stack(stack, h)
        _, cols = check_stack(stack, w)
    except ValueError:
        assume(False)
    top = draw(st.integers(1, len(stack)))
    at = (draw(st.integers(0, rows[top] - 1)), draw(st.integers(0, cols[top] - 1)))
    return stack, (h, w), top, at


def forward(stack, X: torch.Tensor, top: int, max_pool: bool = False) -> torch.Tensor:
    """Map ``top`` of the stack on X (1 x 1 x h x w): convolutions of ones, pools by mean or max."""
    for L in stack[:top]:
        if L.kind == "conv":
            K = torch.ones(1, 1, L.kernel, L.kernel, dtype=X.dtype)
            X = F.conv2d(X, K, stride=L.stride, padding=L.padding, dilation=L.dilation)
        elif max_pool:
            X = F.max_pool2d(X, L.kernel, stride=L.stride, padding=L.padding)
        else:
            X = F.avg_pool2d(X, L.kernel, stride=L.stride, padding=L.padding)
    return X


def gradient_of(stack, shape, top, at, max_pool=False, seed=0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    X = torch.rand(1, 1, *shape, generator=g, dtype=torch.float64).requires_grad_()
    Y = forward(stack, X, top, max_pool)
    Y[0, 0, at[0], at[1]].backward()
    return X.grad[0, 0]


@given(stacks())
def test_the_field_is_where_the_gradient_is_not_zero(case):
    stack, (h, w), top, (i, j) = case
    rows = field_cells(stack, h, top, i)
    cols = field_cells(stack, w, top, j)
    G = gradient_of(stack, (h, w), top, (i, j))
    expected = torch.zeros(h, w, dtype=torch.bool)
    expected[
        torch.tensor(rows[0], dtype=torch.long)[:, None], torch.tensor(cols[0], dtype=torch.long)
    ] = True
    assert torch.equal(G != 0, expected), (stack, (h, w), top, (i, j))
    assert G.min() >= 0  # positive weights and means: no path cancels another


@given(stacks())
def test_every_map_below_is_autograds_too(case):
    """The cells of each intermediate map: the gradient of the output w.r.t. that map."""
    stack, (h, w), top, (i, j) = case
    rows, cols = field_cells(stack, h, top, i), field_cells(stack, w, top, j)
    X = torch.rand(1, 1, h, w, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    maps = [X.requires_grad_()]
    for m in range(1, top + 1):
        below = maps[-1]
        out = forward(stack[m - 1 : m], below, 1)
        out.retain_grad()
        maps.append(out)
    maps[-1][0, 0, i, j].backward()
    for m in range(top):
        nonzero = maps[m].grad[0, 0] != 0
        if not (rows[m] and cols[m]):  # only padding on one axis: the field is empty
            assert not nonzero.any(), (m, stack)
            continue
        assert nonzero.any(dim=1).nonzero().flatten().tolist() == rows[m], (m, stack)
        assert nonzero.any(dim=0).nonzero().flatten().tolist() == cols[m], (m, stack)


@given(stacks())
def test_the_formula_bounds_the_field_and_is_it_inside_the_image(case):
    """The recurrence's interval holds the field; where it reaches no edge on the way down (no
    padding, no dropped row), the field spans it exactly: first and last are the formula's."""
    stack, (h, _), top, (i, _) = case
    cells = field_cells(stack, h, top, i)
    table = layer_table(stack, h)
    intervals = field_intervals(stack, h, top, i)
    first, last = intervals[0]["formula"]
    assert last - first + 1 == table[top]["r"]
    assert first == i * table[top]["j"] + table[top]["start"]
    if cells[0]:
        assert first <= cells[0][0] and cells[0][-1] <= last
    inside = all(
        0 <= iv["formula"][0] and iv["formula"][1] < n
        for iv, n in zip(intervals, [row["size"] for row in table])
    )
    if inside:
        assert (cells[0][0], cells[0][-1]) == (first, last)


@given(stacks())
def test_max_pooling_sends_the_gradient_inside_the_field(case):
    """With max pooling the gradient for one input reaches only pixels of the field, but not all
    of them: each window sends its gradient to the one pixel that won it. The field is the union
    of the windows, the pixels that could win for some input, not the winners for this one."""
    stack, (h, w), top, (i, j) = case
    rows, cols = field_cells(stack, h, top, i), field_cells(stack, w, top, j)
    field = torch.zeros(h, w, dtype=torch.bool)
    field[
        torch.tensor(rows[0], dtype=torch.long)[:, None], torch.tensor(cols[0], dtype=torch.long)
    ] = True
    for seed in range(3):
        G = gradient_of(stack, (h, w), top, (i, j), max_pool=True, seed=seed)
        assert not (G != 0)[~field].any(), stack


def test_two_3x3_convolutions_see_5x5_and_a_pool_doubles_the_jump():
    table = layer_table([conv(3), conv(3), pool(2), conv(3)], 16)
    assert [(r["size"], r["r"], r["j"], r["start"]) for r in table] == [
        (16, 1, 1, 0),
        (14, 3, 1, 0),
        (12, 5, 1, 0),
        (6, 6, 2, 0),
        (4, 10, 2, 0),
    ]


def test_dilation_leaves_holes_in_the_field():
    cells = field_cells([conv(2, dilation=3)], 8, 1, 0)
    assert cells[0] == [0, 3]
    assert field_intervals([conv(2, dilation=3)], 8, 1, 0)[0]["formula"] == (0, 3)


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "layers not a list", lambda: layer_table(conv(3), 8), TypeError, "layers must be a list"
        ),
        refusal("empty", lambda: layer_table([], 8), ValueError, "at least one layer"),
        refusal(
            "not a layer", lambda: layer_table([3], 8), TypeError, r"layers\[0\] must be a Layer"
        ),
        refusal("kernel 0", lambda: conv(0), ValueError, "layer.kernel must be at least 1"),
        refusal(
            "float stride", lambda: conv(3, stride=1.5), TypeError, "layer.stride must be an int"
        ),
        refusal("negative padding", lambda: conv(3, padding=-1), ValueError, "layer.padding"),
        refusal("dilation 0", lambda: conv(3, dilation=0), ValueError, "layer.dilation"),
        refusal("pool padding", lambda: pool(3, padding=2), ValueError, "half the window"),
        refusal(
            "pool dilated",
            lambda: layer_table([Layer("pool", 2, 2, 0, 2)], 8),
            ValueError,
            "dilation must be 1",
        ),
        refusal(
            "kind", lambda: layer_table([Layer("dense", 2)], 8), ValueError, r"layers\[0\].kind"
        ),
        refusal(
            "input 0",
            lambda: layer_table([conv(3)], 0),
            ValueError,
            "input_size must be at least 1",
        ),
        refusal(
            "input float",
            lambda: layer_table([conv(3)], 8.0),
            TypeError,
            "input_size must be an int",
        ),
        refusal(
            "no output fits",
            lambda: layer_table([conv(3), conv(5, dilation=2)], 8),
            ValueError,
            r"layers\[1\] \(layer 2, conv 5, stride 1, padding 0, dilation 2\) spans 9 cells, "
            r"more than its input of 6 cells .*no output fits",
        ),
        refusal(
            "layer too high",
            lambda: field_cells([conv(3)], 8, 2, 0),
            ValueError,
            "layer must be from 0 to 1",
        ),
        refusal(
            "index too far",
            lambda: field_cells([conv(3)], 8, 1, 6),
            ValueError,
            "index must be below 6",
        ),
        refusal(
            "index bool",
            lambda: field_cells([conv(3)], 8, 1, True),
            TypeError,
            "index must be an int",
        ),
    ],
)
def test_bad_stacks_are_refused_by_name(call, error, words):
    with pytest.raises(error, match=words):
        call()


# The explorer's Python side: its state is the stack and the input size, refused as a whole.


def test_explorer_table_and_field_are_the_modules():
    from convbook.widgets import ReceptiveFieldExplorer
    from convbook.widgets.receptive_explorer import PRESETS, as_layer

    for name, preset in PRESETS.items():
        explorer = ReceptiveFieldExplorer(preset["layers"], preset["input_size"])
        stack = [as_layer(L, "layer") for L in preset["layers"]]
        assert explorer.table == layer_table(stack, preset["input_size"]), name
        top = len(stack)
        assert explorer.field(top, 0) == field_cells(stack, preset["input_size"], top, 0)


@pytest.mark.parametrize(
    "change, error, words",
    [
        ({"input_size": 3}, ValueError, "input_size must be from 4 to 32"),
        (
            {"layers": [{"kind": "conv", "kernel": 3, "stride": 1, "padding": 0, "dilation": 1}]},
            ValueError,
            "layers must hold 2 to 4 layers",
        ),
        (
            {
                "layers": [{"kind": "conv", "kernel": 9, "stride": 1, "padding": 0, "dilation": 1}]
                * 2
            },
            ValueError,
            r"layers\[0\].kernel must be from 1 to 7",
        ),
        (
            {
                "layers": [
                    {"kind": "conv", "kernel": 3.0, "stride": 1, "padding": 0, "dilation": 1}
                ]
                * 2
            },
            TypeError,
            r"layers\[0\].kernel must be an int",
        ),
        (
            {
                "layers": [{"kind": "pool", "kernel": 2, "stride": 2, "padding": 0, "dilation": 2}]
                * 2
            },
            ValueError,
            "dilation must be 1 for a pooling window",
        ),
        (
            {
                "layers": [{"kind": "pool", "kernel": 3, "stride": 2, "padding": 2, "dilation": 1}]
                * 2
            },
            ValueError,
            r"layers\[0\].padding must be at most half the window",
        ),
        (
            {"layers": [{"kind": "fc", "kernel": 2, "stride": 2, "padding": 0, "dilation": 1}] * 2},
            ValueError,
            r"layers\[0\].kind must be one of",
        ),
        (
            {
                "input_size": 4,
                "layers": [{"kind": "conv", "kernel": 7, "stride": 1, "padding": 0, "dilation": 1}]
                * 2,
            },
            ValueError,
            "no output fits",
        ),
    ],
)
def test_explorer_refuses_a_bad_state_and_keeps_the_last(change, error, words):
    from convbook.widgets import ReceptiveFieldExplorer

    explorer = ReceptiveFieldExplorer()
    before = (explorer.layers, explorer.input_size)
    with pytest.raises(error, match=words):
        with explorer.hold_trait_notifications():  # as the browser sends a change: together
            for name, value in change.items():
                setattr(explorer, name, value)
    assert (explorer.layers, explorer.input_size) == before
