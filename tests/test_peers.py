"""The peers of the benchmark give F.conv2d's answer on the valid region, and say why
they cannot run where their package is missing."""

import pytest
import torch

from convbook import bench, peers
from convbook.fast import torch_corr2d

SHAPES = [
    ((9, 13), (4, 2)),
    ((20, 20), (3, 3)),
    ((31, 17), (7, 5)),
    ((6, 6), (6, 6)),
    ((8, 5), (1, 1)),
]


@pytest.mark.parametrize("name", ["filter2d", "ndimage", "oaconvolve"])
@pytest.mark.parametrize("image, kernel", SHAPES)
def test_peers_equal_pytorch_on_the_valid_region(name, image, kernel):
    if peers.missing(name):
        pytest.skip(peers.missing(name))
    g = torch.Generator().manual_seed(sum(image) * 7 + sum(kernel))
    X, K = torch.randn(image, generator=g), torch.randn(kernel, generator=g)
    Y = getattr(peers, name)(X, K)
    torch.testing.assert_close(Y, torch_corr2d(X, K), rtol=1e-5, atol=1e-5)
    assert bench.disagreement(name, Y, torch_corr2d(X, K), X, K) is None


def test_memory_floor_copies_the_image():
    X = torch.randn(16, 16)
    first = peers.memory_floor(X, torch.ones(3, 3))
    assert torch.equal(first, X) and first.data_ptr() != X.data_ptr()
    assert peers.memory_floor(X, torch.ones(3, 3)).data_ptr() == first.data_ptr()  # preallocated
    assert bench.disagreement("floor", first, torch.zeros(14, 14), X, torch.ones(3, 3)) is None
    assert bench.disagreement("floor", torch.zeros(16, 16), X, X, torch.ones(3, 3)).startswith(
        "failed"
    )


def test_a_missing_package_is_named(monkeypatch):
    real = peers.importlib.util.find_spec
    monkeypatch.setattr(
        peers.importlib.util, "find_spec", lambda m: None if m in ("cv2", "scipy") else real(m)
    )
    assert peers.missing("filter2d") == (
        "skipped: opencv-python-headless is not installed (pip install convbook[bench])"
    )
    assert peers.missing("oaconvolve") == (
        "skipped: scipy is not installed (pip install convbook[bench])"
    )
    assert bench.skip_reason("ndimage", 64, 3) == peers.missing("ndimage")
    assert peers.missing("floor") is None
    rows = bench.time_point(["conv2d", "filter2d", "floor"], 16, 3, repeats=1)
    assert [r["status"] for r in rows] == ["ok", peers.missing("filter2d"), "ok"]


def test_cpu_libraries_are_not_run_on_a_gpu():
    assert peers.missing("filter2d", "cuda") == "skipped: a CPU library, not run on cuda"
    assert bench.skip_reason("oaconvolve", 64, 3, "cuda") == peers.missing("oaconvolve", "cuda")


@pytest.mark.parametrize("name", ["sepfilter2d", "gaussianblur"])
@pytest.mark.parametrize("size", [1, 3, 5, 7, 11, 31])
def test_separable_peers_equal_pytorch_on_their_kernels(name, size):
    if peers.missing(name):
        pytest.skip(peers.missing(name))
    g = torch.Generator().manual_seed(size)
    X = torch.randn(40, 37, generator=g)
    K = bench.real_kernel("gaussian", size)
    assert peers.unsuited(name, K) is None
    Y = getattr(peers, name)(X, K)
    torch.testing.assert_close(Y, torch_corr2d(X, K), rtol=1e-5, atol=1e-5)
    assert bench.disagreement(name, Y, torch_corr2d(X, K), X, K) is None


def test_separable_peers_refuse_other_kernels():
    assert peers.unsuited("sepfilter2d", torch.eye(3)) == "skipped: the kernel is not of rank 1"
    assert peers.unsuited("sepfilter2d", bench.real_kernel("sobel", 3)) is None
    assert peers.unsuited("gaussianblur", bench.real_kernel("box", 5)) == (
        "skipped: not the Gaussian cv2.GaussianBlur makes"
    )
    assert peers.unsuited("gaussianblur", torch.ones(2, 3)) == (
        "skipped: not a square kernel of odd size"
    )
    assert peers.unsuited("filter2d", torch.eye(3)) is None
    with pytest.raises(ValueError, match="K must be of rank 1"):
        peers.sepfilter2d(torch.ones(5, 5), torch.eye(3))
