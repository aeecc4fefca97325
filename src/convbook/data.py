"""Images and constants the chapters share: the original notebook's edge image and
starting weight, the 3 x 3 example of chapter 1, a few synthetic images and a photo."""

from __future__ import annotations

import torch

from convbook.checks import check_count

# The original notebook's random start printed as [-0.4102, -0.1481]; of the float32
# numbers that print so, this one reproduces all 50 of its printed losses (chapter
# "Learning the kernel").
ORIGINAL_START = ((-0.410186, -0.148102),)

# The largest kernel the kernel explorer accepts, in Python and (as a trait) in the browser.
LARGEST_KERNEL = 5


def original_start() -> torch.Tensor:
    """The original notebook's starting kernel, shape (1, 2), float32.

    >>> original_start()
    tensor([[-0.4102, -0.1481]])
    """
    return torch.tensor(ORIGINAL_START)


def numbers_example() -> tuple[torch.Tensor, torch.Tensor]:
    """The 3 x 3 input holding 0 to 8 and the 2 x 2 kernel 0 to 3 of chapter 1.

    >>> X, K = numbers_example(); X.shape, K.tolist()
    (torch.Size([3, 3]), [[0.0, 1.0], [2.0, 3.0]])
    """
    return torch.arange(9.0).reshape(3, 3), torch.arange(4.0).reshape(2, 2)


def edge_image(height: int = 6, width: int = 8) -> torch.Tensor:
    """The original notebook's image: ones, with the middle half of the columns set to zero.

    With the default 6 x 8 this is exactly its ``X`` (columns 2 to 5 zeroed).

    Refused: a ``height`` that is not an int of at least 1, a ``width`` below 4 (narrower,
    no column would be zeroed and the image would have no edge).

    >>> edge_image()[0]
    tensor([1., 1., 0., 0., 0., 0., 1., 1.])
    """
    height, width = check_count(height, "height"), check_count(width, "width")
    if width < 4:
        raise ValueError(f"width must be at least 4 for the image to have edges, got {width}")
    X = torch.ones(size=(height, width))
    X[:, width // 4 : width - width // 4] = 0.0
    return X


def checkerboard(height: int = 8, width: int = 8, square: int = 2) -> torch.Tensor:
    """A board of ``square`` x ``square`` blocks of ones and zeros, top left one.

    Refused: sizes that are not ints of at least 1.

    >>> checkerboard(2, 4, 1)
    tensor([[1., 0., 1., 0.],
            [0., 1., 0., 1.]])
    """
    height, width = check_count(height, "height"), check_count(width, "width")
    square = check_count(square, "square")
    rows = torch.arange(height) // square
    cols = torch.arange(width) // square
    return ((rows[:, None] + cols[None, :]) % 2 == 0).float()


def diagonal_image(size: int = 8) -> torch.Tensor:
    """A square image whose lower-left triangle (below the diagonal) is one.

    Refused: a ``size`` that is not an int of at least 1.

    >>> diagonal_image(3)
    tensor([[0., 0., 0.],
            [1., 0., 0.],
            [1., 1., 0.]])
    """
    size = check_count(size, "size")
    return torch.tril(torch.ones(size, size), diagonal=-1)


def photo(size: int = 64) -> torch.Tensor:
    """Grace Hopper's portrait (bundled with matplotlib), grayscale, ``size`` x ``size``, in [0, 1].

    The photo is cropped to a square around the face (512 x 512 pixels) and shrunk by
    area averaging.

    Refused: a ``size`` that is not an int from 1 to 512 (larger would only blow pixels up).

    >>> photo(32).shape
    torch.Size([32, 32])
    """
    import matplotlib.cbook

    size = check_count(size, "size")
    with matplotlib.cbook.get_sample_data("grace_hopper.jpg") as file:
        import matplotlib.image

        rgb = torch.from_numpy(matplotlib.image.imread(file).copy()).float() / 255.0
    gray = rgb[..., :3] @ torch.tensor([0.299, 0.587, 0.114])
    side = min(gray.shape)
    if size > side:
        raise ValueError(f"size must be at most {side}, the photo's own size, got {size}")
    square = gray[:side, (gray.shape[1] - side) // 2 :][:, :side]
    return torch.nn.functional.adaptive_avg_pool2d(square[None, None], size)[0, 0]
