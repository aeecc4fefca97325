"""Receptive fields through a stack of layers: how many input cells one output sees (its size
``r``), how far apart neighbouring outputs look (the jump ``j``), where the first one starts,
and, for one output cell, exactly which cells of every layer below it depends on.

One axis at a time: a square layer acts on rows and columns alike, so a 2-D field is the
product of the row field and the column field. The chapter "Receptive fields through layers"
(book/receptive-fields.ipynb) derives the recurrence

    k_eff = d (k - 1) + 1,   r_l = r_{l-1} + (k_eff - 1) j_{l-1},   j_l = j_{l-1} s_l,
    start_l = start_{l-1} - p_l j_{l-1},   with r_0 = j_0 = 1 and start_0 = 0,

so that cell ``i`` of layer ``l`` spans input cells ``i j_l + start_l`` to that plus ``r_l - 1``,
before the image's edges (padding) and any dilation's holes are taken into account.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from convbook.checks import check_choice, check_count, check_int_at_least

__all__ = [
    "Layer",
    "conv",
    "field_cells",
    "field_intervals",
    "layer_table",
    "pool",
]

KINDS = ("conv", "pool")


@dataclass(frozen=True)
class Layer:
    """One layer of a stack, along one axis: a convolution (``kind="conv"``) or a pooling window
    (``kind="pool"``) of ``kernel`` cells, moved ``stride`` cells at a time over its input with
    ``padding`` cells added at each end, its entries ``dilation`` cells apart (1 for pooling).
    Made by :func:`conv` and :func:`pool`, which check the numbers."""

    kind: str
    kernel: int
    stride: int = 1
    padding: int = 0
    dilation: int = 1

    @property
    def span(self) -> int:
        """``k_eff = d (k - 1) + 1``: how many input cells the window spans, holes included."""
        return self.dilation * (self.kernel - 1) + 1

    def output_size(self, n: int) -> int:
        """``floor((n + 2p - k_eff) / s) + 1`` cells, PyTorch's size (below 1: nothing fits)."""
        return (n + 2 * self.padding - self.span) // self.stride + 1

    def __str__(self) -> str:
        if self.kind == "pool":
            return f"pool {self.kernel}, stride {self.stride}, padding {self.padding}"
        return (
            f"conv {self.kernel}, stride {self.stride}, padding {self.padding}, "
            f"dilation {self.dilation}"
        )


def conv(kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> Layer:
    """A convolution layer along one axis, as ``nn.Conv2d(..., kernel, stride, padding,
    dilation)`` acts on rows (and on columns).

    >>> conv(3, dilation=2).span
    5
    """
    return _checked(Layer("conv", kernel, stride, padding, dilation), "layer")


def pool(window: int, stride: int | None = None, padding: int = 0) -> Layer:
    """A pooling window along one axis, as ``F.max_pool2d(X, window, stride, padding)``: the
    stride is the window's own size unless given, and the padding at most half the window.

    >>> pool(2)
    Layer(kind='pool', kernel=2, stride=2, padding=0, dilation=1)
    """
    check_count(window, "window")
    return _checked(Layer("pool", window, window if stride is None else stride, padding), "layer")


def _checked(layer: object, name: str) -> Layer:
    """``layer`` if it is a Layer whose numbers are ints in their ranges, else an error naming
    ``name`` and the setting."""
    if not isinstance(layer, Layer):
        raise TypeError(
            f"{name} must be a Layer (made by conv or pool), got {type(layer).__name__}"
        )
    check_choice(layer.kind, f"{name}.kind", KINDS)
    check_count(layer.kernel, f"{name}.kernel")
    check_count(layer.stride, f"{name}.stride")
    check_int_at_least(layer.padding, f"{name}.padding", 0)
    check_count(layer.dilation, f"{name}.dilation")
    if layer.kind == "pool" and layer.dilation != 1:
        raise ValueError(f"{name}.dilation must be 1 for a pooling window, got {layer.dilation}")
    if layer.kind == "pool" and layer.padding > layer.kernel // 2:
        raise ValueError(
            f"{name}.padding must be at most half the window ({layer.kernel} // 2 = "
            f"{layer.kernel // 2}, PyTorch's rule), got {layer.padding}"
        )
    return layer


def check_stack(layers: object, input_size: object) -> tuple[list[Layer], list[int]]:
    """The layers as a list, each checked, and the size of every map from the input up:
    ``sizes[0]`` is ``input_size``, ``sizes[l]`` layer ``l``'s output. Refused (ValueError
    naming the layer): a layer whose window does not fit its padded input (no output fits).

    >>> check_stack([conv(3), pool(2)], 8)[1]
    [8, 6, 3]
    """
    if isinstance(layers, Layer | str) or not isinstance(layers, Sequence):
        raise TypeError(f"layers must be a list of Layer, got {type(layers).__name__}")
    if not layers:
        raise ValueError("layers must hold at least one layer, got none")
    size = check_count(input_size, "input_size")
    checked, sizes = [], [size]
    for number, layer in enumerate(layers, start=1):
        layer = _checked(layer, f"layers[{number - 1}]")
        if layer.output_size(size) < 1:
            raise ValueError(
                f"layers[{number - 1}] (layer {number}, {layer}) spans {layer.span} cells, more "
                f"than its input of {size} cells with padding {layer.padding} at each end "
                f"({size + 2 * layer.padding}): no output fits"
            )
        size = layer.output_size(size)
        checked.append(layer)
        sizes.append(size)
    return checked, sizes


def layer_table(layers: Sequence[Layer], input_size: int) -> list[dict]:
    """One row per map, the input first: its ``size``, the receptive-field size ``r`` and jump
    ``j`` of its cells in input cells, and ``start``, the input cell where cell 0's field
    begins (negative: in the padding). Layer rows also hold the layer and its ``span``.

    >>> [(row["r"], row["j"]) for row in layer_table([conv(3), conv(3)], 9)]
    [(1, 1), (3, 1), (5, 1)]
    """
    layers, sizes = check_stack(layers, input_size)
    rows = [{"layer": None, "size": sizes[0], "r": 1, "j": 1, "start": 0, "span": 1}]
    for layer, size in zip(layers, sizes[1:]):
        below = rows[-1]
        rows.append(
            {
                "layer": layer,
                "size": size,
                "r": below["r"] + (layer.span - 1) * below["j"],
                "j": below["j"] * layer.stride,
                "start": below["start"] - layer.padding * below["j"],
                "span": layer.span,
            }
        )
    return rows


def _check_cell(sizes: list[int], layer: object, index: object) -> tuple[int, int]:
    layer = check_int_at_least(layer, "layer", 0)
    if layer >= len(sizes):
        raise ValueError(f"layer must be from 0 to {len(sizes) - 1} (the stack's top), got {layer}")
    index = check_int_at_least(index, "index", 0)
    if index >= sizes[layer]:
        raise ValueError(
            f"index must be below {sizes[layer]}, the number of cells of layer {layer}, got {index}"
        )
    return layer, index


def field_cells(
    layers: Sequence[Layer], input_size: int, layer: int, index: int
) -> list[list[int]]:
    """The cells that cell ``index`` of map ``layer`` depends on, in every map below it and
    itself: ``cells[m]`` for map ``m`` (0 the input), sorted; ``cells[layer] == [index]``.

    Each cell reads the cells of its window in the map below, ``i s - p + t d`` for
    ``t = 0 .. k - 1``, those in the padding (outside the map) depending on nothing. With a
    dilation or a stride larger than the window the set has holes.

    >>> field_cells([conv(3), conv(3)], 9, 2, 0)
    [[0, 1, 2, 3, 4], [0, 1, 2], [0]]
    """
    stack, sizes = check_stack(layers, input_size)
    layer, index = _check_cell(sizes, layer, index)
    cells = [[] for _ in sizes[: layer + 1]]
    cells[layer] = [index]
    for m in range(layer, 0, -1):
        L = stack[m - 1]
        reached = {
            i * L.stride - L.padding + t * L.dilation for i in cells[m] for t in range(L.kernel)
        }
        cells[m - 1] = sorted(c for c in reached if 0 <= c < sizes[m - 1])
    return cells


def field_intervals(layers: Sequence[Layer], input_size: int, layer: int, index: int) -> list[dict]:
    """For cell ``index`` of map ``layer``, per map below it (0 the input) and itself: the
    ``first`` and ``last`` cell of its field there (``None`` where it reaches only padding), and
    the ``formula``'s interval ``(i j + start, i j + start + r - 1)`` measured from that map, as
    if its edges went on forever (:func:`layer_table`'s recurrence applied from map ``m`` up).

    The two agree wherever no window of the path reaches the padding or the rows a stride
    drops at the end; otherwise the field is the formula's interval clipped, and can be smaller.

    >>> field_intervals([conv(3, padding=1), pool(2)], 8, 2, 0)[0]
    {'first': 0, 'last': 2, 'formula': (-1, 2)}
    """
    cells = field_cells(layers, input_size, layer, index)
    stack, _ = check_stack(layers, input_size)
    out = []
    for m, here in enumerate(cells):
        r, j, start = 1, 1, 0
        for L in stack[m:layer]:
            r, j, start = r + (L.span - 1) * j, j * L.stride, start - L.padding * j
        first = index * j + start
        out.append(
            {
                "first": here[0] if here else None,
                "last": here[-1] if here else None,
                "formula": (first, first + r - 1),
            }
        )
    return out
