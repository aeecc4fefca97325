"""Argument checks shared by every public function: clear errors, early.

Each check names the argument it looked at, so a learner who passes the wrong
thing reads what was wrong instead of a traceback from deep inside torch.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import torch


def check_matrix(value: object, name: str, finite: bool = True) -> torch.Tensor:
    """Return ``value`` if it is a non-empty, finite, 2-D floating-point tensor.

    With ``finite=False`` the (full-pass) test for NaN and inf is left to the caller.

    >>> check_matrix(torch.ones(2, 3), "X").shape
    torch.Size([2, 3])
    """
    return check_tensor(value, name, 2, "height x width", finite)


def check_tensor(
    value: object, name: str, dims: int, axes: str, finite: bool = True
) -> torch.Tensor:
    """Return ``value`` if it is a non-empty, finite, ``dims``-D floating-point tensor.

    ``axes`` names its axes in the message (``"height x width"`` for a matrix); the rules
    are those of :func:`check_matrix`, which is this with ``dims=2``.

    >>> check_tensor(torch.ones(3, 2, 2), "X", 3, "channels x height x width").shape
    torch.Size([3, 2, 2])
    """
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if value.layout != torch.strided:
        raise TypeError(
            f"{name} must be a dense tensor, got layout {value.layout}; "
            f"convert it with {name}.to_dense()"
        )
    if value.is_meta:
        raise ValueError(f"{name} is on the meta device, which holds shapes but no values")
    if value.dim() != dims:
        raise ValueError(
            f"{name} must be {dims}-D ({axes}), got {value.dim()}-D with shape {tuple(value.shape)}"
        )
    if value.numel() == 0:
        raise ValueError(f"{name} must not be empty, got shape {tuple(value.shape)}")
    if value.is_complex():
        raise TypeError(
            f"{name} must have a real floating-point dtype, got {value.dtype}; "
            f"choose the real part ({name}.real) or the magnitude ({name}.abs()) yourself"
        )
    if not value.is_floating_point():
        raise TypeError(
            f"{name} must have a floating-point dtype, got {value.dtype}; "
            f"convert it with {name}.float()"
        )
    if finite:
        check_finite(value, name)
    return value


def check_finite(value: torch.Tensor, name: str) -> torch.Tensor:
    """Return ``value`` if it holds no NaN or inf.

    >>> check_finite(torch.zeros(2), "X")
    tensor([0., 0.])
    """
    if not bool(torch.isfinite(value).all()):
        raise ValueError(f"{name} must contain only finite values (no NaN or inf)")
    return value


def check_image_and_kernel(
    X: object, K: object, scan_image: bool = True
) -> tuple[torch.Tensor, torch.Tensor]:
    """Check an image ``X`` and a kernel ``K`` that is to slide over it.

    With ``scan_image=False`` the one full pass over ``X`` (its test for NaN and inf) is
    left to the caller, who must then check its output instead (as :mod:`convbook.fast`
    does) and call this again with the default if that output is not finite.

    >>> X, K = check_image_and_kernel(torch.ones(3, 3), torch.ones(2, 2))
    """
    X, K = check_matrix_pair(X, K, ("X", "K"), scan_first=scan_image)
    if K.shape[0] > X.shape[0] or K.shape[1] > X.shape[1]:
        raise ValueError(
            f"kernel K of shape {tuple(K.shape)} is larger than image X of shape "
            f"{tuple(X.shape)}; it must fit inside the image"
        )
    check_same_dtype(X, K, ("X", "K"))
    return X, K


def check_matrix_pair(
    A: object, B: object, names: tuple[str, str], scan_first: bool = True
) -> tuple[torch.Tensor, torch.Tensor]:
    """Check two matrices that are to be combined: each valid, both on one device, finite.

    Their dtypes are compared by :func:`check_same_dtype`, left to the caller so that it can
    first refuse shapes that do not fit. With ``scan_first=False`` the test of ``A`` for NaN
    and inf is left to the caller, as in :func:`check_image_and_kernel`.

    >>> Y, K = check_matrix_pair(torch.ones(2, 2), torch.ones(3, 3), ("Y", "K"))
    """
    a, b = names
    A = check_matrix(A, a, finite=False)
    B = check_matrix(B, b, finite=False)
    if A.device != B.device:
        raise ValueError(
            f"{a} and {b} must be on the same device, got {a} on {A.device} and {b} on {B.device}"
        )
    if scan_first:
        check_finite(A, a)
    check_finite(B, b)
    return A, B


def check_same_dtype(A: torch.Tensor, B: torch.Tensor, names: tuple[str, str]) -> None:
    """Refuse two tensors of different dtypes, naming both.

    >>> check_same_dtype(torch.ones(1), torch.ones(1), ("X", "K"))
    """
    a, b = names
    if A.dtype != B.dtype:
        raise TypeError(f"{a} and {b} must share a dtype, got {a} {A.dtype} and {b} {B.dtype}")


# How the messages name the axes of a multi-channel image and of its kernels.
CHANNEL_AXES = {
    "X": "channels x height x width",
    3: "channels x k_h x k_w",
    4: "out_channels x in_channels x k_h x k_w",
}


def check_channels(X: object, K: object, kernel_dims: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Check an image ``X`` of shape (c_i, n_h, n_w) and a kernel ``K`` to slide over it.

    ``K`` is (c_i, k_h, k_w) with ``kernel_dims=3`` and (c_o, c_i, k_h, k_w) with 4. The
    rules of :func:`check_image_and_kernel`, on each axis that they concern, plus: ``K``'s
    input channels must be ``X``'s channels (chapter "Channels").

    >>> X, K = check_channels(torch.ones(3, 4, 4), torch.ones(2, 3, 2, 2), 4)
    """
    X = check_tensor(X, "X", 3, CHANNEL_AXES["X"], finite=False)
    K = check_tensor(K, "K", kernel_dims, CHANNEL_AXES[kernel_dims], finite=False)
    if X.device != K.device:
        raise ValueError(
            f"X and K must be on the same device, got X on {X.device} and K on {K.device}"
        )
    check_finite(X, "X")
    check_finite(K, "K")
    if X.shape[0] != K.shape[-3]:
        raise ValueError(
            f"X has {X.shape[0]} channels but K has {K.shape[-3]} input channels (shape "
            f"{tuple(K.shape)}); each input channel needs its own kernel"
        )
    if K.shape[-2] > X.shape[1] or K.shape[-1] > X.shape[2]:
        raise ValueError(
            f"kernel K of shape {tuple(K.shape)} is larger than image X of shape "
            f"{tuple(X.shape)}; each k_h x k_w kernel must fit inside the image"
        )
    check_same_dtype(X, K, ("X", "K"))
    return X, K


def check_one_by_one(K: torch.Tensor) -> None:
    """Refuse a kernel of shape (c_o, c_i, k_h, k_w) that is not 1 x 1 (chapter "Channels").

    >>> check_one_by_one(torch.ones(1, 3, 1, 1))
    """
    if tuple(K.shape[-2:]) != (1, 1):
        raise ValueError(
            f"K must be (out_channels, in_channels, 1, 1) for a 1 x 1 convolution, got shape "
            f"{tuple(K.shape)}; use corr2d_multi_in_out for larger kernels"
        )


def check_choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of the strings ``choices``.

    >>> check_choice("avg", "mode", ("max", "avg"))
    'avg'
    """
    shown = " or ".join(repr(c) for c in choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be {shown}, got {type(value).__name__}")
    if value not in choices:
        raise ValueError(f"{name} must be {shown}, got {value!r}")
    return value


def check_kernel_size(kernel_size: object, name: str = "kernel_size") -> tuple[int, int]:
    """Return ``kernel_size`` as a pair of positive ints; an int ``k`` means ``(k, k)``.

    >>> check_kernel_size((1, 2))
    (1, 2)
    """
    pair = _int_pair(kernel_size, name)
    if min(pair) < 1:
        raise ValueError(f"{name} must be positive, got {pair}")
    return pair


def check_window_setting(value: object, name: str, lowest: int) -> tuple[int, int]:
    """Return a padding, stride, dilation or output_padding as an ``(h, w)`` pair of ints.

    An int ``v`` means ``(v, v)``. Refused: bools, floats and anything else that is not an
    int or a pair of ints (``TypeError``), and values below ``lowest`` (``ValueError``): 0
    for padding and output_padding, 1 for stride and dilation. The chapter "Padding, stride
    and dilation" shows what each setting does.

    >>> check_window_setting(2, "stride", 1)
    (2, 2)
    >>> check_window_setting((1, 0), "padding", 0)
    (1, 0)
    """
    pair = _int_pair(value, name)
    if min(pair) < lowest:
        shown = int(value) if _is_int(value) else pair
        raise ValueError(f"{name} must be at least {lowest}, got {shown}")
    return pair


def check_window_fits(
    image_shape: tuple[int, int],
    kernel_shape: tuple[int, int],
    padding: tuple[int, int] = (0, 0),
    dilation: tuple[int, int] = (1, 1),
    names: tuple[str, str] = ("image_shape", "kernel_shape"),
) -> None:
    """Refuse a kernel whose dilated window spans more than the padded image on an axis.

    A kernel of size ``k`` with dilation ``d`` spans ``d (k - 1) + 1`` pixels; an image of
    size ``n`` with padding ``p`` has ``n + 2p``. ``names`` are how the message names the
    image and the kernel.

    >>> check_window_fits((4, 4), (3, 3), padding=(1, 1), dilation=(2, 2))
    """
    span = tuple(d * (k - 1) + 1 for k, d in zip(kernel_shape, dilation))
    padded = tuple(n + 2 * p for n, p in zip(image_shape, padding))
    if all(s <= q for s, q in zip(span, padded)):
        return
    image, kernel = names
    n, k = tuple(image_shape), tuple(kernel_shape)
    if tuple(padding) == (0, 0) and tuple(dilation) == (1, 1):
        raise ValueError(f"{kernel} {k} is larger than {image} {n}")
    raise ValueError(
        f"{kernel} {k} with dilation {tuple(dilation)} spans {span}, larger than {image} {n} "
        f"with padding {tuple(padding)}, which spans {padded}; the dilated kernel must fit "
        "inside the padded image"
    )


def _int_pair(value: object, name: str) -> tuple[int, int]:
    """``value`` as a pair of ints: an int ``v`` means ``(v, v)``; bools are refused."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an int or a pair of ints, got bool")
    if isinstance(value, numbers.Integral):
        value = (value, value)
    if not isinstance(value, Sequence | torch.Size) or len(value) != 2:
        raise TypeError(f"{name} must be an int or a pair of ints, got {value!r}")
    if not all(_is_int(v) for v in value):
        raise TypeError(f"{name} must hold ints, got {value!r}")
    return int(value[0]), int(value[1])


def _is_int(value: object) -> bool:
    """An integer of any type (int, numpy.int64, ...), but not a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def check_positive_number(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a finite number above zero.

    >>> check_positive_number(3e-2, "lr")
    0.03
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return number


def check_count(value: object, name: str) -> int:
    """Return ``value`` if it is an int of at least one.

    >>> check_count(50, "epochs")
    50
    """
    if not _is_int(value):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return int(value)


def check_int_at_least(value: object, name: str, lowest: int) -> int:
    """Return ``value`` if it is an int (not a bool) of at least ``lowest``.

    >>> check_int_at_least(0, "shift", 0)
    0
    """
    if not _is_int(value):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < lowest:
        raise ValueError(f"{name} must be at least {lowest}, got {value}")
    return int(value)


def check_fraction(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a number strictly between 0 and 1.

    >>> check_fraction(0.2, "held_out")
    0.2
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    number = float(value)
    if not 0 < number < 1:
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {value!r}")
    return number


def check_seed(value: object, name: str = "seed") -> int | None:
    """Return ``value`` if it is None or an int that ``torch.manual_seed`` accepts.

    >>> check_seed(0)
    0
    """
    if value is None:
        return None
    if not _is_int(value):
        raise TypeError(f"{name} must be an int or None, got {type(value).__name__}")
    if not -(2**63) <= value < 2**64:
        raise ValueError(f"{name} must lie in [-2**63, 2**64), got {value}")
    return int(value)


def check_target(
    Y: object, expected: tuple[int, int], image_shape: tuple[int, ...], kernel_size: tuple[int, int]
) -> torch.Tensor:
    """Return a target ``Y`` if it is a valid matrix of the ``expected`` output shape.

    ``expected`` is the output shape for ``image_shape`` and ``kernel_size``, named in the
    message so the reader sees where it comes from.

    >>> check_target(torch.zeros(6, 7), (6, 7), (6, 8), (1, 2)).shape
    torch.Size([6, 7])
    """
    Y = check_matrix(Y, "Y")
    if tuple(Y.shape) != tuple(expected):
        raise ValueError(
            f"Y must have shape {tuple(expected)} (image {tuple(image_shape)} and kernel_size "
            f"{tuple(kernel_size)}), got {tuple(Y.shape)}"
        )
    return Y


def check_init(init: object, kernel_size: tuple[int, int]) -> torch.Tensor:
    """Return a starting kernel ``init`` if it is a valid matrix of shape ``kernel_size``.

    >>> check_init(torch.zeros(1, 2), (1, 2))
    tensor([[0., 0.]])
    """
    init = check_matrix(init, "init")
    if tuple(init.shape) != tuple(kernel_size):
        raise ValueError(f"init must have shape kernel_size {kernel_size}, got {tuple(init.shape)}")
    return init


def check_output_padding(
    output_padding: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int]
) -> None:
    """Refuse an output_padding that is smaller than neither the stride nor the dilation.

    PyTorch's rule, per axis: the extra rows must be fewer than the stride (they pick among
    the input sizes one stride maps to one output size) or than the dilation.

    >>> check_output_padding((1, 0), (2, 1), (1, 1))
    """
    if all(o < s or o < d for o, s, d in zip(output_padding, stride, dilation)):
        return
    raise ValueError(
        f"output_padding must be smaller than the stride or the dilation on each axis, got "
        f"output_padding {output_padding} with stride {stride} and dilation {dilation}"
    )


def check_crop(full: tuple[int, int], padding: tuple[int, int]) -> None:
    """Refuse a padding that crops the whole of a transposed convolution's full output.

    >>> check_crop((4, 4), (1, 1))
    """
    left = tuple(f - 2 * p for f, p in zip(full, padding))
    if min(left) < 1:
        raise ValueError(
            f"padding {padding} crops {padding} from each side of the full output {full}, "
            f"leaving {left}; the output must keep at least one row and one column"
        )


def check_finite_number(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a finite real number (bools refused).

    >>> check_finite_number(-30, "degrees")
    -30.0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return number


def check_odd_size(value: object, name: str, largest: int) -> int:
    """Return ``value`` if it is an odd int from 1 to ``largest``: a kernel with a centre.

    >>> check_odd_size(5, "size", 5)
    5
    """
    size = check_count(value, name)
    if size % 2 == 0 or size > largest:
        raise ValueError(f"{name} must be an odd int from 1 to {largest}, got {size}")
    return size
