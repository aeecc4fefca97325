"""Padding, stride and dilation (chapter "Padding, stride and dilation"): cross_correlate,
transposed_conv and output_shape against PyTorch's F.conv2d and F.conv_transpose2d on a
seeded table of random settings, the transpose relation between the two, their gradients,
how output_padding picks an input size, and every refusal with its message."""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from helpers import refusal
from test_checks import BAD

from convbook import corr2d, cross_correlate, output_shape, transposed_conv

DTYPES = [torch.float32, torch.float64]


def setting(rng: random.Random, low: int, high: int) -> int | tuple[int, int]:
    """One setting drawn as the user may write it: an int or an (h, w) pair."""
    if rng.random() < 0.5:
        return rng.randint(low, high)
    return rng.randint(low, high), rng.randint(low, high)


def pair(value: int | tuple[int, int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else value


def correlation_table(count: int, seed: int) -> list[dict]:
    """Random valid settings of cross_correlate: images 1..12, kernels 1..5, padding 0..3,
    stride 1..4, dilation 1..3, both dtypes; drawn again until the dilated kernel fits."""
    rng, rows = random.Random(seed), []
    while len(rows) < count:
        row = {
            "image": (rng.randint(1, 12), rng.randint(1, 12)),
            "kernel": (rng.randint(1, 5), rng.randint(1, 5)),
            "padding": setting(rng, 0, 3),
            "stride": setting(rng, 1, 4),
            "dilation": setting(rng, 1, 3),
            "dtype": rng.choice(DTYPES),
            "seed": rng.randrange(2**31),
        }
        spans = [d * (k - 1) + 1 for k, d in zip(row["kernel"], pair(row["dilation"]))]
        padded = [n + 2 * p for n, p in zip(row["image"], pair(row["padding"]))]
        if all(s <= q for s, q in zip(spans, padded)):
            rows.append(row)
    return rows


def transposed_table(count: int, seed: int) -> list[dict]:
    """Random valid settings of transposed_conv: inputs 1..12, kernels 1..5, stride 1..4,
    dilation 1..3, padding 0..3, each output_padding that PyTorch accepts (below the stride
    or the dilation on its axis), both dtypes; drawn again until the output is not empty."""
    rng, rows = random.Random(seed), []
    while len(rows) < count:
        stride, dilation = setting(rng, 1, 4), setting(rng, 1, 3)
        largest = [max(s, d) - 1 for s, d in zip(pair(stride), pair(dilation))]
        row = {
            "input": (rng.randint(1, 12), rng.randint(1, 12)),
            "kernel": (rng.randint(1, 5), rng.randint(1, 5)),
            "stride": stride,
            "padding": setting(rng, 0, 3),
            "output_padding": (rng.randint(0, largest[0]), rng.randint(0, largest[1])),
            "dilation": dilation,
            "dtype": rng.choice(DTYPES),
            "seed": rng.randrange(2**31),
        }
        if row["output_padding"][0] == row["output_padding"][1] and rng.random() < 0.5:
            row["output_padding"] = row["output_padding"][0]  # also written as one int
        if min(transposed_size(row)) >= 1:
            rows.append(row)
    return rows


def transposed_size(row: dict) -> tuple[int, ...]:
    """PyTorch's documented output size of a transposed convolution, per axis."""
    return tuple(
        (n - 1) * s - 2 * p + d * (k - 1) + o + 1
        for n, k, s, p, o, d in zip(
            row["input"],
            row["kernel"],
            pair(row["stride"]),
            pair(row["padding"]),
            pair(row["output_padding"]),
            pair(row["dilation"]),
        )
    )


def random_pair(row: dict, first: str) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(row["seed"])
    A = torch.randn(row[first], generator=g, dtype=row["dtype"])
    return A, torch.randn(row["kernel"], generator=g, dtype=row["dtype"])


def tolerance(dtype: torch.dtype, K: torch.Tensor) -> dict:
    scale = K.numel() ** 0.5
    if dtype == torch.float32:
        return {"atol": 1e-5 * scale, "rtol": 1e-4}
    return {"atol": 1e-10 * scale, "rtol": 1e-9}


def label(row: dict) -> str:
    return "-".join(f"{value}" for key, value in row.items() if key != "seed").replace(" ", "")


SETTINGS = ("padding", "stride", "dilation")
TRANSPOSED_SETTINGS = ("stride", "padding", "output_padding", "dilation")
CORRELATIONS = correlation_table(240, seed=13)
TRANSPOSED = transposed_table(240, seed=31)


def test_the_tables_cover_every_setting():
    """Every padding, stride and dilation value is drawn, as an int and as a pair, and every
    output_padding that PyTorch accepts for a stride up to 4."""
    for name, values in (("padding", range(4)), ("stride", range(1, 5)), ("dilation", range(1, 4))):
        drawn = {v for row in CORRELATIONS for v in pair(row[name])}
        assert drawn == set(values), name
        assert {type(row[name]) for row in CORRELATIONS} == {int, tuple}, name
    assert {v for row in TRANSPOSED for v in pair(row["output_padding"])} == {0, 1, 2, 3}
    assert (
        {row["dtype"] for row in CORRELATIONS}
        == {row["dtype"] for row in TRANSPOSED}
        == set(DTYPES)
    )
    assert any(k > n for row in CORRELATIONS for k, n in zip(row["kernel"], row["image"]))


@pytest.mark.parametrize("row", CORRELATIONS, ids=label)
def test_cross_correlate_is_conv2d(row):
    X, K = random_pair(row, "image")
    settings = {name: row[name] for name in SETTINGS}
    expected = F.conv2d(X[None, None], K[None, None], **settings)[0, 0]
    Y = cross_correlate(X, K, **settings)
    assert Y.dtype == row["dtype"]
    assert Y.shape == expected.shape == output_shape(row["image"], row["kernel"], **settings)
    torch.testing.assert_close(Y, expected, **tolerance(row["dtype"], K))


@pytest.mark.parametrize("row", TRANSPOSED, ids=label)
def test_transposed_conv_is_conv_transpose2d(row):
    Y, K = random_pair(row, "input")
    settings = {name: row[name] for name in TRANSPOSED_SETTINGS}
    expected = F.conv_transpose2d(Y[None, None], K[None, None], **settings)[0, 0]
    Z = transposed_conv(Y, K, **settings)
    assert Z.dtype == row["dtype"]
    assert Z.shape == expected.shape == transposed_size(row)
    torch.testing.assert_close(Z, expected, **tolerance(row["dtype"], K))


@pytest.mark.parametrize("row", CORRELATIONS[:40], ids=label)
def test_transposed_conv_is_the_transpose_of_cross_correlate(row):
    """<cross_correlate(X, K), G> = <X, transposed_conv(G, K)>: with the output_padding that
    gives back X's size, the scatter is the transpose of the sliding window."""
    X, K = random_pair(row | {"dtype": torch.float64}, "image")
    settings = {name: row[name] for name in SETTINGS}
    Y = cross_correlate(X, K, **settings)
    G = torch.randn(Y.shape, generator=torch.Generator().manual_seed(row["seed"]), dtype=X.dtype)
    back = transposed_conv(G, K, output_padding=lost_rows(row), **settings)
    assert back.shape == X.shape
    torch.testing.assert_close((Y * G).sum(), (X * back).sum())


def lost_rows(row: dict) -> tuple[int, ...]:
    """The output_padding that takes the output of ``row``'s settings back to its image size:
    the rows and columns that the stride's floor dropped."""
    return tuple(
        (n + 2 * p - d * (k - 1) - 1) % s
        for n, k, p, s, d in zip(
            row["image"],
            row["kernel"],
            pair(row["padding"]),
            pair(row["stride"]),
            pair(row["dilation"]),
        )
    )


def test_default_settings_are_corr2d():
    X, K = torch.randn(6, 7, dtype=torch.float64), torch.randn(2, 3, dtype=torch.float64)
    torch.testing.assert_close(cross_correlate(X, K), corr2d(X, K))
    assert output_shape((6, 7), (2, 3), padding=0, stride=1, dilation=1) == (5, 5)


def test_padding_makes_room_for_a_kernel_larger_than_the_image():
    X, K = torch.ones(2, 2), torch.ones(4, 4)
    assert output_shape(X.shape, K.shape, padding=1) == (1, 1)
    assert cross_correlate(X, K, padding=1).tolist() == [[4.0]]


def test_numpy_ints_and_torch_sizes_are_settings():
    X, K = torch.ones(5, 5), torch.ones(2, 2)
    Y = cross_correlate(X, K, padding=np.int64(1), stride=(np.int32(2), 1), dilation=np.int8(2))
    assert Y.shape == (3, 5)
    assert output_shape(torch.Size([5, 5]), 2, padding=1, stride=(2, 1), dilation=2) == (3, 5)


def test_two_input_sizes_give_one_output_size_and_output_padding_picks_one():
    """With stride 2, padding 1 and a 3 x 3 kernel, images of 7 and 8 pixels both give 4
    outputs (for 8 the floor drops the last padding column, which no window reaches);
    transposed_conv of the 4 goes back to 7, or with output_padding 1 to 8."""
    K = torch.ones(3, 3)
    assert output_shape(7, 3, padding=1, stride=2) == output_shape(8, 3, padding=1, stride=2)
    assert output_shape(8, 3, padding=1, stride=2) == (4, 4)
    Y = cross_correlate(torch.ones(8, 8), K, padding=1, stride=2)
    assert transposed_conv(Y, K, stride=2, padding=1).shape == (7, 7)
    assert transposed_conv(Y, K, stride=2, padding=1, output_padding=1).shape == (8, 8)
    assert transposed_conv(Y, K, stride=2, padding=1, output_padding=(1, 0)).shape == (8, 7)


@pytest.mark.parametrize("stride", [1, 2, 3, 4])
@pytest.mark.parametrize("dilation", [1, 2, 3])
def test_output_padding_reaches_every_input_size_of_one_output_size(stride, dilation):
    """Every image size that gives one output size is reached by exactly one output_padding
    that PyTorch accepts (below the stride, or below the dilation when that is larger)."""
    kernel, padding = 3, 1
    for n in range(1, 16):
        row = {"image": (n, n), "kernel": (kernel, kernel), "padding": padding}
        row |= {"stride": stride, "dilation": dilation}
        if (n + 2 * padding) < dilation * (kernel - 1) + 1:
            continue
        m = output_shape(n, kernel, padding=padding, stride=stride, dilation=dilation)
        Y = torch.ones(m)
        back = transposed_conv(
            Y,
            torch.ones(kernel, kernel),
            stride=stride,
            padding=padding,
            output_padding=lost_rows(row),
            dilation=dilation,
        )
        assert back.shape == (n, n)
        assert max(lost_rows(row)) < stride


@pytest.mark.parametrize("row", CORRELATIONS[::24], ids=label)
def test_cross_correlate_gradients_are_torchs(row):
    X, K = (T.double().requires_grad_(True) for T in random_pair(row, "image"))
    settings = {name: row[name] for name in SETTINGS}
    mine = gradients(lambda X, K: cross_correlate(X, K, **settings), X, K)
    torchs = gradients(lambda X, K: F.conv2d(X[None, None], K[None, None], **settings)[0, 0], X, K)
    for a, b in zip(mine, torchs):
        torch.testing.assert_close(a, b)


@pytest.mark.parametrize("row", TRANSPOSED[::24], ids=label)
def test_transposed_conv_gradients_are_torchs(row):
    Y, K = (T.double().requires_grad_(True) for T in random_pair(row, "input"))
    settings = {name: row[name] for name in TRANSPOSED_SETTINGS}
    mine = gradients(lambda Y, K: transposed_conv(Y, K, **settings), Y, K)
    torchs = gradients(
        lambda Y, K: F.conv_transpose2d(Y[None, None], K[None, None], **settings)[0, 0], Y, K
    )
    for a, b in zip(mine, torchs):
        torch.testing.assert_close(a, b)


def gradients(form, A: torch.Tensor, B: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The gradients in ``A`` and ``B`` of the sum of ``form(A, B)`` weighted by fixed noise."""
    out = form(A, B)
    weights = torch.randn(out.shape, generator=torch.Generator().manual_seed(0), dtype=out.dtype)
    return torch.autograd.grad((out * weights).sum(), (A, B))


def test_gradcheck_of_both():
    X = torch.randn(5, 6, dtype=torch.float64, requires_grad=True)
    K = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(
        lambda X, K: cross_correlate(X, K, padding=(1, 2), stride=(2, 1), dilation=(2, 1)), (X, K)
    )
    assert torch.autograd.gradcheck(
        lambda Y, K: transposed_conv(Y, K, stride=2, padding=1, output_padding=1, dilation=2),
        (X, K),
    )


def test_sums_beyond_the_dtype_are_redone_never_nan():
    """As corr2d: where a partial sum leaves float32 (3e38 + 3e38 - 3e38), the sum is redone
    on scaled values, giving the float64 answer rounded to float32 (inf where that is beyond)."""
    K = torch.tensor([[1.0, 1.0, -1.0]])
    X = torch.full((2, 3), 3e38)
    Y = cross_correlate(X, K, padding=(0, 1))
    expected = F.conv2d(X.double()[None, None], K.double()[None, None], padding=(0, 1))[0, 0]
    assert torch.equal(Y, expected.float())
    assert Y[0].tolist() == [0.0, torch.tensor(3e38).item(), float("inf")]
    Z = transposed_conv(X, K)
    expected = F.conv_transpose2d(X.double()[None, None], K.double()[None, None])[0, 0]
    assert torch.equal(Z, expected.float())
    assert not Z.isnan().any()


IMAGE, KERNEL = torch.ones(4, 4), torch.ones(2, 2)
NAN = torch.ones(3, 3).index_fill(0, torch.tensor([1]), float("nan"))

REFUSALS = [
    refusal(
        "negative padding",
        lambda: cross_correlate(IMAGE, KERNEL, padding=-1),
        ValueError,
        "^padding must be at least 0, got -1$",
    ),
    refusal(
        "stride 0",
        lambda: cross_correlate(IMAGE, KERNEL, stride=0),
        ValueError,
        "stride must be at least 1",
    ),
    refusal(
        "dilation 0 in a pair",
        lambda: cross_correlate(IMAGE, KERNEL, dilation=(1, 0)),
        ValueError,
        r"^dilation must be at least 1, got \(1, 0\)$",
    ),
    refusal(
        "float stride",
        lambda: cross_correlate(IMAGE, KERNEL, stride=1.0),
        TypeError,
        "stride must be an int or a pair of ints, got 1.0",
    ),
    refusal(
        "bool padding",
        lambda: cross_correlate(IMAGE, KERNEL, padding=True),
        TypeError,
        "padding must be an int or a pair of ints, got bool",
    ),
    refusal(
        "bool in a dilation pair",
        lambda: cross_correlate(IMAGE, KERNEL, dilation=(1, True)),
        TypeError,
        r"dilation must hold ints, got \(1, True\)",
    ),
    refusal(
        "float in a padding pair",
        lambda: output_shape(4, 2, padding=(1, 0.5)),
        TypeError,
        r"padding must hold ints, got \(1, 0.5\)",
    ),
    refusal(
        "three values for a pair",
        lambda: cross_correlate(IMAGE, KERNEL, padding=(1, 1, 1)),
        TypeError,
        r"padding must be an int or a pair of ints, got \(1, 1, 1\)",
    ),
    refusal(
        "one value in a list",
        lambda: transposed_conv(IMAGE, KERNEL, stride=[2]),
        TypeError,
        r"stride must be an int or a pair of ints, got \[2\]",
    ),
    refusal(
        "output_shape: negative padding",
        lambda: output_shape(4, 2, padding=(0, -2)),
        ValueError,
        r"padding must be at least 0, got \(0, -2\)",
    ),
    refusal(
        "output_shape: stride 0",
        lambda: output_shape(4, 2, stride=0),
        ValueError,
        "stride must be at least 1",
    ),
    refusal(
        "output_shape: bool dilation",
        lambda: output_shape(4, 2, dilation=False),
        TypeError,
        "dilation must be an int or a pair of ints, got bool",
    ),
    refusal(
        "dilated kernel larger than the image",
        lambda: cross_correlate(IMAGE, torch.ones(3, 3), dilation=2),
        ValueError,
        r"kernel K of shape \(3, 3\) with dilation \(2, 2\) spans \(5, 5\), larger than image X "
        r"of shape \(4, 4\) with padding \(0, 0\), which spans \(4, 4\); the dilated kernel must",
    ),
    refusal(
        "kernel larger than the padded image",
        lambda: cross_correlate(IMAGE, torch.ones(7, 2), padding=1),
        ValueError,
        r"kernel K of shape \(7, 2\) with dilation \(1, 1\) spans \(7, 2\), larger than image X "
        r"of shape \(4, 4\) with padding \(1, 1\), which spans \(6, 6\)",
    ),
    refusal(
        "kernel larger than the image, no padding",
        lambda: cross_correlate(IMAGE, torch.ones(5, 1)),
        ValueError,
        r"^kernel K of shape \(5, 1\) is larger than image X of shape \(4, 4\)$",
    ),
    refusal(
        "output_shape: dilated kernel larger than the padded image",
        lambda: output_shape(3, 5, padding=(1, 0)),
        ValueError,
        r"kernel_shape \(5, 5\) with dilation \(1, 1\) spans \(5, 5\), larger than image_shape "
        r"\(3, 3\) with padding \(1, 0\), which spans \(5, 3\)",
    ),
    refusal(
        "output_padding not below the stride",
        lambda: transposed_conv(IMAGE, KERNEL, stride=2, output_padding=2),
        ValueError,
        r"output_padding must be smaller than the stride or the dilation on each axis, got "
        r"output_padding \(2, 2\) with stride \(2, 2\) and dilation \(1, 1\)",
    ),
    refusal(
        "output_padding without a stride or a dilation",
        lambda: transposed_conv(IMAGE, KERNEL, output_padding=1),
        ValueError,
        "output_padding must be smaller than the stride or the dilation",
    ),
    refusal(
        "output_padding too large on one axis",
        lambda: transposed_conv(IMAGE, KERNEL, stride=(2, 1), output_padding=(1, 1)),
        ValueError,
        "output_padding must be smaller than the stride or the dilation on each axis",
    ),
    refusal(
        "negative output_padding",
        lambda: transposed_conv(IMAGE, KERNEL, stride=2, output_padding=-1),
        ValueError,
        "output_padding must be at least 0, got -1",
    ),
    refusal(
        "float output_padding",
        lambda: transposed_conv(IMAGE, KERNEL, stride=2, output_padding=0.0),
        TypeError,
        "output_padding must be an int or a pair of ints, got 0.0",
    ),
    refusal(
        "padding crops the whole transposed output",
        lambda: transposed_conv(torch.ones(1, 1), torch.ones(2, 2), padding=(1, 0)),
        ValueError,
        r"padding \(1, 0\) crops \(1, 0\) from each side of the full output \(2, 2\), leaving "
        r"\(0, 2\)",
    ),
    refusal(
        "X not a tensor",
        lambda: cross_correlate([[1.0]], KERNEL),
        TypeError,
        "X must be a torch.Tensor",
    ),
    refusal(
        "Y not a tensor",
        lambda: transposed_conv(np.ones((2, 2)), KERNEL),
        TypeError,
        "Y must be a torch.Tensor, got ndarray",
    ),
    refusal(
        "NaN in X",
        lambda: cross_correlate(NAN, KERNEL, padding=1),
        ValueError,
        "X must contain only finite values",
    ),
    refusal(
        "NaN in Y",
        lambda: transposed_conv(NAN, KERNEL),
        ValueError,
        "Y must contain only finite values",
    ),
    refusal(
        "NaN in K",
        lambda: transposed_conv(KERNEL, NAN),
        ValueError,
        "K must contain only finite values",
    ),
    refusal(
        "integer Y",
        lambda: transposed_conv(torch.ones(2, 2, dtype=torch.int64), KERNEL),
        TypeError,
        r"Y must have a floating-point dtype, got torch.int64; convert it with Y\.float\(\)",
    ),
    refusal(
        "Y and K of two dtypes",
        lambda: transposed_conv(IMAGE, KERNEL.double()),
        TypeError,
        "Y and K must share a dtype, got Y torch.float32 and K torch.float64",
    ),
    refusal(
        "3-D Y", lambda: transposed_conv(torch.ones(1, 2, 2), KERNEL), ValueError, "Y must be 2-D"
    ),
    refusal(
        "X and K of two dtypes, padded",
        lambda: cross_correlate(IMAGE, KERNEL.double(), padding=1),
        TypeError,
        "X and K must share a dtype",
    ),
]


@pytest.mark.parametrize("call, error, words", REFUSALS)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize("case, X, K, error, words", BAD, ids=[row[0] for row in BAD])
def test_cross_correlate_refuses_what_corr2d_refuses(case, X, K, error, words):
    """Every bad image and kernel of tests/test_checks.py, with the same words."""
    with pytest.raises(error, match=words):
        cross_correlate(X, K)
    with pytest.raises(error, match=words):
        cross_correlate(X, K, stride=2, dilation=1)
