"""Cross-correlation with channels (convbook.channels): equal to F.conv2d on random shapes,
the 1 x 1 form equal to the general one, and every bad input refused with clear words."""

from __future__ import annotations

import doctest

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_checks import BAD

import convbook
from convbook import channels, corr2d_multi_in, corr2d_multi_in_out, corr2d_multi_in_out_1x1

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def layers(draw, largest: int = 9, one_by_one: bool = False):
    """An image (c_i, n_h, n_w), a layer's kernel (c_o, c_i, k_h, k_w) that fits, a dtype."""
    c_i, c_o = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    n_h, n_w = draw(st.integers(1, largest)), draw(st.integers(1, largest))
    k_h, k_w = (1, 1) if one_by_one else (draw(st.integers(1, n_h)), draw(st.integers(1, n_w)))
    dtype = draw(st.sampled_from([torch.float32, torch.float64]))
    g = torch.Generator().manual_seed(draw(st.integers(0, 2**31)))
    X = torch.randn(c_i, n_h, n_w, generator=g, dtype=dtype)
    return X, torch.randn(c_o, c_i, k_h, k_w, generator=g, dtype=dtype)


def tolerance(K: torch.Tensor) -> dict:
    """Sums of c_i * k_h * k_w products, added in another order than F.conv2d's."""
    scale = K[0].numel() ** 0.5
    if K.dtype == torch.float32:
        return {"atol": 1e-5 * scale, "rtol": 1e-4}
    return {"atol": 1e-10 * scale, "rtol": 1e-9}


@FAST
@given(layer=layers())
def test_multi_in_is_conv2d_with_one_output_channel(layer):
    X, K = layer
    Y = corr2d_multi_in(X, K[0])
    assert Y.dtype == X.dtype
    torch.testing.assert_close(Y, F.conv2d(X[None], K[:1])[0, 0], **tolerance(K))


@FAST
@given(layer=layers())
def test_multi_in_out_is_conv2d(layer):
    X, K = layer
    torch.testing.assert_close(corr2d_multi_in_out(X, K), F.conv2d(X[None], K)[0], **tolerance(K))


@FAST
@given(layer=layers(one_by_one=True))
def test_one_by_one_is_the_general_form_and_conv2d(layer):
    X, K = layer
    Y = corr2d_multi_in_out_1x1(X, K)
    torch.testing.assert_close(Y, corr2d_multi_in_out(X, K), **tolerance(K))
    torch.testing.assert_close(Y, F.conv2d(X[None], K)[0], **tolerance(K))


def test_one_channel_is_corr2d():
    X, K = torch.randn(5, 6), torch.randn(2, 3)
    assert torch.equal(corr2d_multi_in(X[None], K[None]), convbook.corr2d(X, K))


def test_gradients_flow_to_image_and_kernel():
    g = torch.Generator().manual_seed(0)
    X = torch.randn(3, 5, 5, generator=g, dtype=torch.float64, requires_grad=True)
    K = torch.randn(2, 3, 2, 2, generator=g, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(corr2d_multi_in_out, (X, K))
    assert torch.autograd.gradcheck(corr2d_multi_in_out_1x1, (X, K[..., :1, :1]))


def test_sums_that_leave_the_range_on_the_way_are_redone():
    """Two channels of +3e38 then one of -3e38: the true sum, 3e38, fits in float32."""
    X = torch.tensor([3e38, 3e38, 3e38]).reshape(3, 1, 1)
    K = torch.tensor([1.0, 1.0, -1.0]).reshape(3, 1, 1)
    assert torch.equal(corr2d_multi_in(X, K), torch.tensor([[3e38]]))
    assert torch.equal(corr2d_multi_in_out_1x1(X, K[None]), torch.tensor([[[3e38]]]))


def test_docstring_examples_run():
    result = doctest.testmod(channels, extraglobs={"torch": torch})
    assert result.attempted >= 4 and result.failed == 0


IMAGE, KERNEL, LAYER = torch.ones(3, 4, 5), torch.ones(3, 2, 2), torch.ones(2, 3, 2, 2)
FORMS = {
    "corr2d_multi_in": (corr2d_multi_in, KERNEL),
    "corr2d_multi_in_out": (corr2d_multi_in_out, LAYER),
    "corr2d_multi_in_out_1x1": (corr2d_multi_in_out_1x1, LAYER[..., :1, :1]),
}

REFUSALS = [
    refusal(
        "multi_in: 2-D X",
        lambda: corr2d_multi_in(torch.ones(4, 5), KERNEL),
        ValueError,
        r"X must be 3-D \(channels x height x width\), got 2-D",
    ),
    refusal(
        "multi_in: a batch of images",
        lambda: corr2d_multi_in(IMAGE[None], KERNEL),
        ValueError,
        "X must be 3-D .* got 4-D",
    ),
    refusal(
        "multi_in: 4-D K",
        lambda: corr2d_multi_in(IMAGE, LAYER),
        ValueError,
        r"K must be 3-D \(channels x k_h x k_w\), got 4-D",
    ),
    refusal(
        "multi_in: 2-D K",
        lambda: corr2d_multi_in(IMAGE, torch.ones(2, 2)),
        ValueError,
        "K must be 3-D",
    ),
    refusal(
        "multi_in: two kernels for three channels",
        lambda: corr2d_multi_in(IMAGE, torch.ones(2, 2, 2)),
        ValueError,
        "X has 3 channels but K has 2 input channels",
    ),
    refusal(
        "multi_in_out: 3-D K",
        lambda: corr2d_multi_in_out(IMAGE, KERNEL),
        ValueError,
        r"K must be 4-D \(out_channels x in_channels x k_h x k_w\), got 3-D",
    ),
    refusal(
        "multi_in_out: four input channels for three",
        lambda: corr2d_multi_in_out(IMAGE, torch.ones(2, 4, 2, 2)),
        ValueError,
        "X has 3 channels but K has 4 input channels",
    ),
    refusal(
        "multi_in_out: kernel taller than the image",
        lambda: corr2d_multi_in_out(IMAGE, torch.ones(2, 3, 5, 1)),
        ValueError,
        "kernel K of shape .* is larger than image X",
    ),
    refusal(
        "1x1: a 2 x 2 kernel",
        lambda: corr2d_multi_in_out_1x1(IMAGE, LAYER),
        ValueError,
        r"K must be \(out_channels, in_channels, 1, 1\)",
    ),
    refusal(
        "1x1: channel counts that differ",
        lambda: corr2d_multi_in_out_1x1(IMAGE, torch.ones(1, 2, 1, 1)),
        ValueError,
        "X has 3 channels but K has 2 input channels",
    ),
    refusal(
        "1x1: 3-D K",
        lambda: corr2d_multi_in_out_1x1(IMAGE, torch.ones(3, 1, 1)),
        ValueError,
        "K must be 4-D",
    ),
    refusal(
        "multi_in_out: mixed dtypes",
        lambda: corr2d_multi_in_out(IMAGE, LAYER.double()),
        TypeError,
        "X and K must share a dtype",
    ),
    refusal(
        "multi_in: X a list",
        lambda: corr2d_multi_in([[[1.0]]], KERNEL),
        TypeError,
        "X must be a torch.Tensor, got list",
    ),
]


@pytest.mark.parametrize("call, error, words", REFUSALS)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


# The rows of tests/test_checks.py that are not about the number of dimensions, each image
# and kernel given one channel: every form refuses them with the words corr2d uses.
ONE_CHANNEL_BAD = [row for row in BAD if "-D" not in row[4]]


def one_channel(T: object, dims: int) -> object:
    """A 2-D tensor with axes of length one put in front until it has ``dims``."""
    if not isinstance(T, torch.Tensor) or T.dim() != 2:
        return T
    for _ in range(dims - 2):
        T = T.unsqueeze(0)
    return T


@pytest.mark.parametrize("name", sorted(FORMS))
@pytest.mark.parametrize(
    "case, X, K, error, words", ONE_CHANNEL_BAD, ids=[row[0] for row in ONE_CHANNEL_BAD]
)
def test_refuses_what_corr2d_refuses(name, case, X, K, error, words):
    form, good_kernel = FORMS[name]
    with pytest.raises(error, match=words):
        form(one_channel(X, 3), one_channel(K, good_kernel.dim()))
