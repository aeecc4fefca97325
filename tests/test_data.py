import pytest
import torch

from convbook import checkerboard, diagonal_image, edge_image, photo


def test_edge_image_is_the_seeds():
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


@pytest.mark.parametrize(
    "call", [lambda: edge_image(0, 8), lambda: photo(0), lambda: checkerboard(square=0)]
)
def test_sizes_must_be_positive(call):
    with pytest.raises(ValueError, match="must be at least 1"):
        call()


def test_sizes_must_be_ints():
    with pytest.raises(TypeError, match="height must be an int"):
        edge_image(6.0)
