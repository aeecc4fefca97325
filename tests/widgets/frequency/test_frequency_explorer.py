"""The frequency explorer's Python side: its spectra and feature map are torch's, its limits are
the kernel explorer's, and a hostile state is refused with a ValueError or TypeError naming the
trait (and leaves the widget as it was)."""

import pytest
import torch
import torch.nn.functional as F
import traitlets

from convbook import corr2d, kernel
from convbook.widgets import FrequencyExplorer, kernel_explorer
from convbook.widgets.frequency_explorer import PHOTO, RANGES


def test_spectra_product_and_map_are_torchs():
    explorer = FrequencyExplorer("photo (32 × 32)", kernel=kernel("sobel_x"))
    X, K = explorer.image, explorer.kernel
    assert X.shape == (32, 32) and K.dtype == torch.float64
    image, kern = torch.fft.fft2(X), torch.fft.fft2(K, s=(32, 32))
    torch.testing.assert_close(explorer.image_spectrum, image)
    torch.testing.assert_close(explorer.kernel_spectrum, kern)
    torch.testing.assert_close(explorer.product, image * kern.conj())
    wrapped = F.pad(X[None, None], (0, 2, 0, 2), mode="circular")[0, 0]
    torch.testing.assert_close(explorer.output, corr2d(wrapped, K))


def test_every_image_has_sides_that_are_powers_of_two_and_the_limits_are_shared():
    explorer = FrequencyExplorer()
    assert explorer.image_name == PHOTO
    for rows in explorer.images.values():
        for n in (len(rows), len(rows[0])):
            assert n & (n - 1) == 0, n
    assert RANGES["families"] is kernel_explorer.RANGES["families"]
    assert RANGES["entry"] is kernel_explorer.RANGES["entry"]
    assert explorer.largest_kernel == kernel_explorer.LARGEST_KERNEL
    assert explorer.largest_entry == kernel_explorer.LARGEST_ENTRY


HOSTILE = [
    ("image_name", "no such image", ValueError, "image_name must be one of"),
    ("image_name", 3, TypeError, "image_name must be a str, got int"),
    ("kernel_rows", "abc", TypeError, "kernel_rows must be a list, got str"),
    ("kernel_rows", [[1, 2], [3]], ValueError, "kernel_rows must be a list of equally long rows"),
    ("kernel_rows", [["a"]], ValueError, "kernel_rows must be a list of equally long rows"),
    ("kernel_rows", [[float("nan")]], ValueError, "kernel_rows must contain only finite values"),
    ("kernel_rows", [[float("inf"), 1.0]], ValueError, "kernel_rows must contain only finite"),
    ("kernel_rows", [], ValueError, "kernel_rows must be 2-D"),
    ("kernel_rows", [[1.0] * 6] * 6, ValueError, "kernel_rows may be at most 5 x 5"),
    ("kernel_rows", [[2000.0]], ValueError, "kernel_rows entries must lie from -1000 to 1000"),
    ("images", [1], TypeError, "images must be a dict, got list"),
    ("images", {PHOTO: [[1, 2, 3]]}, ValueError, r"images\['photo .*powers of two"),
    ("images", {PHOTO: [[0.0] * 256] * 256}, ValueError, r"images\['photo .*at most 128"),
    ("images", {"other": [[0.0] * 4] * 4}, ValueError, "images must include the image shown"),
]


@pytest.mark.parametrize("trait, value, error, words", HOSTILE)
def test_a_hostile_trait_is_refused_naming_it(trait, value, error, words):
    explorer = FrequencyExplorer()
    before = (explorer.image_name, explorer.kernel_rows, explorer.images)
    with pytest.raises(error, match=words):
        setattr(explorer, trait, value)
    assert (explorer.image_name, explorer.kernel_rows, explorer.images) == before


def test_a_kernel_larger_than_a_small_image_is_refused():
    explorer = FrequencyExplorer()
    explorer.images = {**explorer.images, "tiny": [[0.0, 1.0], [1.0, 0.0]]}
    explorer.kernel_rows = [[1.0]]
    explorer.image_name = "tiny"
    with pytest.raises(ValueError, match="kernel_rows must fit the image 'tiny', got shape"):
        explorer.kernel_rows = [[1.0, 2.0, 3.0]]


@pytest.mark.parametrize("trait", ["ranges", "largest_kernel", "largest_entry", "largest_image"])
def test_limits_are_read_only(trait):
    with pytest.raises(traitlets.TraitError, match=f'"{trait}" trait is read-only'):
        setattr(FrequencyExplorer(), trait, 1)


def test_bad_arguments_are_refused_in_words():
    with pytest.raises(ValueError, match="image_name must be one of"):
        FrequencyExplorer("nope")
    with pytest.raises(ValueError, match="kernel may be at most 5 x 5"):
        FrequencyExplorer(kernel=torch.ones(7, 7))
    with pytest.raises(TypeError, match="kernel must be a torch.Tensor"):
        FrequencyExplorer(kernel=[[1.0]])
