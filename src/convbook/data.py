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


# ITU-R BT.601 luma weights of red, green and blue: how photo() turns colour into grey.
GREY_WEIGHTS = (0.299, 0.587, 0.114)


def photo(size: int = 64) -> torch.Tensor:
    """Grace Hopper's portrait (bundled with matplotlib), grayscale, ``size`` x ``size``, in [0, 1].

    The photo is cropped to a square around the face (512 x 512 pixels), turned grey with
    ``GREY_WEIGHTS`` and shrunk by area averaging: the crop of :func:`colour_photo`.

    Refused: a ``size`` that is not an int from 1 to 512 (larger would only blow pixels up).

    >>> photo(32).shape
    torch.Size([32, 32])
    """
    square = _photo_square(size)
    gray = square @ torch.tensor(GREY_WEIGHTS)
    return torch.nn.functional.adaptive_avg_pool2d(gray[None, None], size)[0, 0]


def colour_photo(size: int = 64) -> torch.Tensor:
    """Grace Hopper's portrait in colour, red, green and blue: (3, ``size``, ``size``) in [0, 1].

    The same square crop as :func:`photo`, shrunk by area averaging channel by channel
    (chapter "Channels").

    Refused: a ``size`` that is not an int from 1 to 512.

    >>> colour_photo(32).shape
    torch.Size([3, 32, 32])
    """
    square = _photo_square(size).permute(2, 0, 1)
    return torch.nn.functional.adaptive_avg_pool2d(square[None], size)[0]


def _photo_square(size: object) -> torch.Tensor:
    """The portrait's square crop around the face, (512, 512, 3) RGB in [0, 1].

    ``size``, the side of the image to be made of it, is checked here, once for both
    photos: an int from 1 to the crop's side."""
    import matplotlib.cbook
    import matplotlib.image

    size = check_count(size, "size")
    with matplotlib.cbook.get_sample_data("grace_hopper.jpg") as file:
        rgb = torch.from_numpy(matplotlib.image.imread(file).copy()).float() / 255.0
    rgb = rgb[..., :3]
    side = min(rgb.shape[:2])
    if size > side:
        raise ValueError(f"size must be at most {side}, the photo's own size, got {size}")
    return rgb[:side, (rgb.shape[1] - side) // 2 :][:, :side]
