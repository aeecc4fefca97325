"""The images and constants the chapters share (convbook.data)."""

import pytest
import torch
from helpers import refusal

from convbook import (
    checkerboard,
    colour_photo,
    diagonal_image,
    edge_image,
    numbers_example,
    original_start,
    photo,
)
from convbook.data import GREY_WEIGHTS


def test_edge_image_is_the_originals():
    X = torch.ones(size=(6, 8))
    X[:, 2:6] = 0.0
    assert torch.equal(edge_image(), X)
    assert edge_image(4, 12)[0].tolist() == [1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1]


def test_synthetic_images():
    assert checkerboard(4, 4, 2).sum().item() == 8
    assert torch.equal(diagonal_image(3), torch.tensor([[0.0, 0, 0], [1, 0, 0], [1, 1, 0]]))


def test_photo_is_gray_square_in_unit_range():
    image = photo(48)
    assert image.shape == (48, 48) and image.dtype == torch.float32
    assert 0 <= image.min() < 0.2 and 0.8 < image.max() <= 1
    assert image.std() > 0.1


def test_colour_photo_is_the_same_crop_in_three_channels():
    image = colour_photo(48)
    assert image.shape == (3, 48, 48) and image.dtype == torch.float32
    assert 0 <= image.min() and image.max() <= 1
    assert (image[0] - image[2]).abs().mean() > 0.05  # red and blue differ: it is in colour
    # the grey photo is the channels' weighted sum (shrinking and weighting commute)
    grey = torch.tensordot(torch.tensor(GREY_WEIGHTS), image, dims=1)
    torch.testing.assert_close(grey, photo(48), atol=1e-5, rtol=0)


def test_numbers_example_is_chapter_ones_fresh_pair():
    X, K = numbers_example()
    assert X.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]
    assert K.tolist() == [[0.0, 1.0], [2.0, 3.0]] and X.dtype == K.dtype == torch.float32
    X += 1  # changing the copy ...
    assert numbers_example()[0][0, 0] == 0  # ... leaves the example alone


def test_original_start_prints_as_in_the_original_and_is_a_fresh_copy():
    start = original_start()
    assert repr(start) == "tensor([[-0.4102, -0.1481]])" and start.dtype == torch.float32
    start += 1
    assert original_start()[0, 0] < 0
    # that it reproduces the original's 50 printed losses: test_train.py


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "edge_image: zero height",
            lambda: edge_image(0, 8),
            ValueError,
            "height must be at least 1",
        ),
        refusal(
            "edge_image: float height", lambda: edge_image(6.0), TypeError, "height must be an int"
        ),
        refusal("photo: zero size", lambda: photo(0), ValueError, "size must be at least 1"),
        refusal("photo: float size", lambda: photo(32.0), TypeError, "size must be an int"),
        refusal(
            "colour_photo: zero size",
            lambda: colour_photo(0),
            ValueError,
            "size must be at least 1",
        ),
        refusal(
            "colour_photo: larger than the photo",
            lambda: colour_photo(513),
            ValueError,
            "size must be at most 512",
        ),
        refusal(
            "colour_photo: a pair", lambda: colour_photo((8, 8)), TypeError, "size must be an int"
        ),
        refusal(
            "checkerboard: zero square",
            lambda: checkerboard(square=0),
            ValueError,
            "square must be at least 1",
        ),
        refusal(
            "edge_image: too narrow for edges",
            lambda: edge_image(6, 3),
            ValueError,
            "width must be at least 4",
        ),
        refusal(
            "photo: larger than the photo",
            lambda: photo(2000),
            ValueError,
            "size must be at most 512",
        ),
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()
