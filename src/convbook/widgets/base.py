"""What every widget of the book shares on the Python side: where its front end lives, how it
sends matrices, and how it refuses a state (the front-end side is widgets/kit, see KIT.md)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import anywidget
import torch
import traitlets

HERE = Path(__file__).parent


def one_of(value, choices, name: str):
    """``value`` if it is one of ``choices``, else a ValueError naming ``name`` and the choices.

    >>> one_of("max", ("max", "average"), "mode")
    'max'
    """
    if value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}")
    return value


def rows(M: torch.Tensor, decimals: int = 4) -> list[list[float]]:
    """``M`` as the browser gets it: a list of rows of float64, kept to ``decimals`` places.

    >>> rows(torch.tensor([[1 / 3, 2.0]]))
    [[0.3333, 2.0]]
    """
    return M.detach().double().cpu().round(decimals=decimals).tolist()


class StateError(traitlets.TraitError, ValueError):
    """A refused state: a ValueError, and a TraitError so that traitlets undoes the whole of a
    change made of several traits (as the browser sends them) when one part is refused."""


class StateTypeError(traitlets.TraitError, TypeError):
    """A refused state of the wrong type: a TypeError that traitlets undoes like a StateError."""


def refused(check: Callable) -> Callable:
    """A validator whose ValueError (or TypeError) undoes the whole change it belongs to: use as
    ``@traitlets.validate("x")`` over ``@refused``. The words of the error stay as they are."""

    @functools.wraps(check)
    def validator(self, proposal: dict):
        try:
            return check(self, proposal)
        except StateError:
            raise
        except TypeError as error:
            raise StateTypeError(str(error)) from error
        except ValueError as error:
            raise StateError(str(error)) from error

    return validator


class BookWidget(anywidget.AnyWidget):
    """The base of the book's widgets. A subclass in module ``convbook.widgets.<name>`` gets its
    front end from ``static/<name>.js`` (esbuild's bundle of ``<name>.js``) and its look from
    ``static/<name>.css`` (kit/kit.css followed by ``<name>.css``), both written by ``make
    bundles``. Limits and ranges are Python's: a subclass sends them as a read-only synced
    trait (``ranges``), so that the browser has no literal of its own. ``root_class`` is the CSS
    class of the element its front end draws in (beside the kit's ``cb-widget``): what the
    tests find each explorer of a page by (tests/browser.py, WIDGETS)."""

    root_class: ClassVar[str]

    def __init_subclass__(cls, **kwargs) -> None:
        name = sys.modules[cls.__module__].__name__.rsplit(".", 1)[-1]
        if "_esm" not in cls.__dict__:
            cls._esm = HERE / "static" / f"{name}.js"
        if "_css" not in cls.__dict__:
            cls._css = HERE / "static" / f"{name}.css"
        super().__init_subclass__(**kwargs)
