"""The named kernels (convbook.kernels): presets, what they do, their descriptions."""

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal

from convbook import corr2d, describe_kernel, kernel, kernel_names


def test_names_are_the_documented_presets():
    assert kernel_names() == (
        "identity",
        "edge",
        "edge_transposed",
        "box_blur",
        "gaussian_blur_3",
        "gaussian_blur_5",
        "sharpen",
        "sobel_x",
        "sobel_y",
        "laplacian",
    )


@pytest.mark.parametrize("name", kernel_names())
def test_every_kernel_is_a_fresh_float_matrix_with_a_description(name):
    K = kernel(name)
    assert K.dim() == 2 and K.dtype == torch.float32
    K += 1  # changing the copy ...
    assert not torch.equal(K, kernel(name))  # ... leaves the preset alone
    assert kernel(name, torch.float64).dtype == torch.float64
    assert len(describe_kernel(name)) > 10


@pytest.mark.parametrize(
    "name, total",
    [
        ("identity", 1),
        ("box_blur", 1),
        ("gaussian_blur_3", 1),
        ("gaussian_blur_5", 1),
        ("sharpen", 1),
        ("edge", 0),
        ("edge_transposed", 0),
        ("sobel_x", 0),
        ("sobel_y", 0),
        ("laplacian", 0),
    ],
)
def test_sums_blurs_keep_brightness_and_edge_kernels_remove_it(name, total):
    assert kernel(name, torch.float64).sum().item() == pytest.approx(total, abs=1e-12)


def test_what_the_kernels_do():
    ramp = torch.arange(6.0).repeat(5, 1)  # brightness grows to the right by 1 a column
    assert torch.equal(corr2d(ramp, kernel("sobel_x")), torch.full((3, 4), 8.0))
    assert torch.equal(corr2d(ramp, kernel("sobel_y")), torch.zeros(3, 4))
    assert torch.equal(corr2d(ramp.T, kernel("sobel_y")), torch.full((4, 3), 8.0))
    assert torch.equal(corr2d(ramp, kernel("laplacian")), torch.zeros(3, 4))
    X = torch.randn(6, 6, generator=torch.Generator().manual_seed(0))
    assert torch.equal(corr2d(X, kernel("identity")), X[1:-1, 1:-1])
    torch.testing.assert_close(corr2d(X, kernel("box_blur")), F.avg_pool2d(X[None], 3, 1)[0])
    assert torch.equal(kernel("sobel_y"), kernel("sobel_x").T)
    assert torch.equal(kernel("edge_transposed"), kernel("edge").T)
    g = kernel("gaussian_blur_5")
    torch.testing.assert_close(g, g.T)
    assert g.argmax().item() == 12


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "kernel: unknown name, with the known ones",
            lambda: kernel("sobel"),
            ValueError,
            "unknown kernel 'sobel'; known kernels: identity, edge",
        ),
        refusal(
            "kernel: name not text", lambda: kernel(3), TypeError, "name must be a str, got int"
        ),
        refusal(
            "kernel: integer dtype",
            lambda: kernel("edge", torch.int64),
            TypeError,
            "dtype must be a floating-point",
        ),
        refusal(
            "describe_kernel: unknown name",
            lambda: describe_kernel("blur"),
            ValueError,
            "laplacian",
        ),
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()
