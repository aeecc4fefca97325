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
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if value.layout != torch.strided:
        raise TypeError(
            f"{name} must be a dense tensor, got layout {value.layout}; "
            f"convert it with {name}.to_dense()"
        )
    if value.is_meta:
        raise ValueError(f"{name} is on the meta device, which holds shapes but no values")
    if value.dim() != 2:
        raise ValueError(
            f"{name} must be 2-D (height x width), got {value.dim()}-D with shape "
            f"{tuple(value.shape)}"
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
    X = check_matrix(X, "X", finite=False)
    K = check_matrix(K, "K", finite=False)
    if X.device != K.device:
        raise ValueError(
            f"X and K must be on the same device, got X on {X.device} and K on {K.device}"
        )
    if scan_image:
        check_finite(X, "X")
    check_finite(K, "K")
    if K.shape[0] > X.shape[0] or K.shape[1] > X.shape[1]:
        raise ValueError(
            f"kernel K of shape {tuple(K.shape)} is larger than image X of shape "
            f"{tuple(X.shape)}; it must fit inside the image"
        )
    if X.dtype != K.dtype:
        raise TypeError(f"X and K must share a dtype, got X {X.dtype} and K {K.dtype}")
    return X, K


def check_kernel_size(kernel_size: object, name: str = "kernel_size") -> tuple[int, int]:
    """Return ``kernel_size`` as a pair of positive ints; an int ``k`` means ``(k, k)``.

    >>> check_kernel_size((1, 2))
    (1, 2)
    """
    if isinstance(kernel_size, bool):
        raise TypeError(f"{name} must be an int or a pair of ints, got bool")
    if isinstance(kernel_size, numbers.Integral):
        kernel_size = (kernel_size, kernel_size)
    if not isinstance(kernel_size, Sequence | torch.Size) or len(kernel_size) != 2:
        raise TypeError(f"{name} must be an int or a pair of ints, got {kernel_size!r}")
    if not all(_is_int(k) for k in kernel_size):
        raise TypeError(f"{name} must hold ints, got {kernel_size!r}")
    pair = int(kernel_size[0]), int(kernel_size[1])
    if min(pair) < 1:
        raise ValueError(f"{name} must be positive, got {pair}")
    return pair


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
