"""The one set of image-and-kernel rules (convbook.checks), applied by every public function
that slides a kernel over an image: each refuses each bad input with the reference loop's
exact message, whether it scans the image first or (the fast forms) defers that scan."""

from __future__ import annotations

import re

import pytest
import torch
from helpers import CORRELATIONS

import convbook
from convbook.checks import check_image_and_kernel

# The cross-correlations (their list is checked in test_properties.py), true convolution
# and the yardstick all check their arguments with check_image_and_kernel.
IMAGE_AND_KERNEL = {
    **CORRELATIONS,
    "conv2d_true": convbook.conv2d_true,
    "torch_corr2d": convbook.torch_corr2d,
}

X, K = torch.ones(4, 5), torch.ones(2, 2)
NAN_X = torch.ones(4, 5).index_fill(1, torch.tensor([3]), float("nan"))
INF_X = torch.ones(4, 5).index_fill(0, torch.tensor([1]), float("inf"))

# Each row: a case, X, K, the exception and words its message must contain (the argument's
# name and the problem): a raw error from deep inside torch would fail the row.
BAD = [
    ("X not a tensor", [[1.0]], K, TypeError, "X must be a torch.Tensor, got list"),
    ("K not a tensor", X, 3.0, TypeError, "K must be a torch.Tensor, got float"),
    ("1-D X", torch.ones(5), K, ValueError, r"X must be 2-D .* got 1-D"),
    ("4-D X (a batch)", torch.ones(1, 1, 4, 5), K, ValueError, r"X must be 2-D .* got 4-D"),
    ("3-D K", X, torch.ones(1, 2, 2), ValueError, "K must be 2-D"),
    ("empty X", torch.ones(0, 5), K, ValueError, "X must not be empty"),
    ("empty K", X, torch.ones(2, 0), ValueError, "K must not be empty"),
    ("K larger than X", X, torch.ones(5, 2), ValueError, "larger than image X"),
    ("NaN in X", NAN_X, K, ValueError, "X must contain only finite"),
    ("inf in X under a zero kernel", INF_X, torch.zeros(2, 1), ValueError, "X must contain only"),
    ("inf in K", X, torch.tensor([[1.0, float("-inf")]]), ValueError, "K must contain only finite"),
    (
        "integer X and K",
        torch.ones(4, 5, dtype=torch.int64),
        torch.ones(2, 2, dtype=torch.int64),
        TypeError,
        "X must have a floating-point dtype",
    ),
    (
        "integer K",
        X,
        torch.ones(2, 2, dtype=torch.int32),
        TypeError,
        "K must have a floating-point",
    ),
    ("mixed dtypes", X, K.double(), TypeError, "X and K must share a dtype"),
    ("sparse X", X.to_sparse(), K, TypeError, r"X must be a dense tensor.*X\.to_dense\(\)"),
    ("meta K", X, torch.ones(2, 2, device="meta"), ValueError, "K is on the meta device"),
    (
        "complex X",
        X.to(torch.complex64),
        K,
        TypeError,
        r"X must have a real floating-point dtype.*X\.real",
    ),
    ("NaN X and 3-D K: shapes first", NAN_X, torch.ones(1, 1, 1), ValueError, "K must be 2-D"),
]


@pytest.mark.parametrize("name", sorted(IMAGE_AND_KERNEL))
@pytest.mark.parametrize("case, X, K, error, words", BAD, ids=[row[0] for row in BAD])
def test_refuses_bad_input_as_the_loop_does(name, case, X, K, error, words):
    with pytest.raises(error, match=words) as loop:
        convbook.corr2d(X, K)
    with pytest.raises(error, match=f"^{re.escape(str(loop.value))}$"):
        IMAGE_AND_KERNEL[name](X, K)


def test_the_scan_of_the_image_can_be_deferred_but_nothing_else():
    """scan_image=False skips only the full pass over X for NaN and inf."""
    assert check_image_and_kernel(NAN_X, K, scan_image=False)[0] is NAN_X
    with pytest.raises(ValueError, match="K must contain only finite"):
        check_image_and_kernel(X, torch.full((2, 2), float("nan")), scan_image=False)
    with pytest.raises(ValueError, match="larger than image X"):
        check_image_and_kernel(NAN_X, torch.ones(5, 1), scan_image=False)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
@pytest.mark.parametrize("name", sorted(IMAGE_AND_KERNEL))
def test_mixed_devices_are_refused(name):
    with pytest.raises(ValueError, match="X and K must be on the same device"):
        IMAGE_AND_KERNEL[name](X, K.cuda())
