"""The named kernels (convbook.kernels): presets, what they do, their descriptions."""

import math

import pytest
import torch
import torch.nn.functional as F
from helpers import refusal

from convbook import corr2d, describe_kernel, kernel, kernel_names
from convbook.kernels import directional_kernel, gaussian_kernel, sharpen_kernel


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


def test_gaussian_kernels_blur_by_their_width():
    for size in (1, 3, 5):
        for sigma in (0.3, 1.0, 3.0):
            G = gaussian_kernel(sigma, size, torch.float64)
            assert G.shape == (size, size) and G.sum().item() == pytest.approx(1, abs=1e-12)
            torch.testing.assert_close(G, G.T)
            torch.testing.assert_close(G, G.flip(0))
            assert G.argmax().item() == size * size // 2  # the centre weighs most
    # narrow: nearly the identity; wide: nearly the box blur
    assert gaussian_kernel(0.3, 3)[1, 1].item() > 0.98
    torch.testing.assert_close(gaussian_kernel(100.0, 3), kernel("box_blur"), atol=1e-4, rtol=0)
    offsets = torch.tensor([-1.0, 0.0, 1.0])
    ratio = (
        gaussian_kernel(2.0, 3, torch.float64)[1, 0] / gaussian_kernel(2.0, 3, torch.float64)[1, 1]
    )
    assert ratio.item() == pytest.approx(torch.exp(-(offsets[0] ** 2) / 8).item())


def test_directional_kernels_turn_between_the_sobel_kernels():
    assert torch.equal(directional_kernel(0), kernel("sobel_x"))
    assert torch.equal(directional_kernel(90), kernel("sobel_y"))
    assert torch.equal(directional_kernel(180), -kernel("sobel_x"))
    assert torch.equal(directional_kernel(360), kernel("sobel_x"))
    # on a ramp whose brightness grows in direction phi, the response is 8 cos(theta - phi)
    phi = math.radians(30)
    rows, cols = torch.meshgrid(torch.arange(6.0), torch.arange(6.0), indexing="ij")
    ramp = math.cos(phi) * cols + math.sin(phi) * rows
    for degrees in range(0, 360, 15):
        out = corr2d(ramp, directional_kernel(degrees))
        expected = 8 * math.cos(math.radians(degrees) - phi)
        torch.testing.assert_close(out, torch.full_like(out, expected), atol=1e-4, rtol=0)


def test_sharpen_kernels_grow_from_the_identity():
    assert torch.equal(sharpen_kernel(0), kernel("identity"))
    assert torch.equal(sharpen_kernel(1), kernel("sharpen"))
    for amount in (0.5, 2.0, -1.0):
        assert sharpen_kernel(amount, torch.float64).sum().item() == pytest.approx(1)
        assert sharpen_kernel(amount)[1, 1].item() == 1 + 4 * amount


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "gaussian: sigma 0",
            lambda: gaussian_kernel(0.0),
            ValueError,
            "sigma must be a positive finite",
        ),
        refusal(
            "gaussian: sigma NaN",
            lambda: gaussian_kernel(float("nan")),
            ValueError,
            "sigma must be",
        ),
        refusal(
            "gaussian: sigma text",
            lambda: gaussian_kernel("1"),
            TypeError,
            "sigma must be a number, got str",
        ),
        refusal(
            "gaussian: even size",
            lambda: gaussian_kernel(1.0, 4),
            ValueError,
            "size must be an odd int from 1 to 5, got 4",
        ),
        refusal(
            "gaussian: size 7",
            lambda: gaussian_kernel(1.0, 7),
            ValueError,
            "size must be an odd int from 1 to 5, got 7",
        ),
        refusal(
            "gaussian: size float",
            lambda: gaussian_kernel(1.0, 3.0),
            TypeError,
            "size must be an int, got float",
        ),
        refusal(
            "gaussian: int dtype",
            lambda: gaussian_kernel(1.0, 3, torch.int32),
            TypeError,
            "dtype must be a floating-point",
        ),
        refusal(
            "directional: inf",
            lambda: directional_kernel(float("inf")),
            ValueError,
            "degrees must be a finite number",
        ),
        refusal(
            "directional: bool",
            lambda: directional_kernel(True),
            TypeError,
            "degrees must be a number, got bool",
        ),
        refusal(
            "sharpen: NaN",
            lambda: sharpen_kernel(float("nan")),
            ValueError,
            "amount must be a finite number",
        ),
        refusal(
            "sharpen: None",
            lambda: sharpen_kernel(None),
            TypeError,
            "amount must be a number, got NoneType",
        ),
    ],
)
def test_family_kernels_refuse_bad_parameters(call, error, words):
    with pytest.raises(error, match=words):
        call()


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
