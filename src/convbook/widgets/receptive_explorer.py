"""The receptive-field explorer widget: a stack of two to four layers (convolutions and pooling
windows) over one axis of an image; hover over (or focus) a cell of any layer to light the cells
it depends on in every layer below, with the recurrence for its size and jump written out."""

from __future__ import annotations

import numbers

import traitlets

from convbook.receptive import Layer, conv, field_cells, layer_table, pool
from convbook.widgets.base import BookWidget, one_of, refused

__all__ = ["ReceptiveFieldExplorer"]

# Every limit, sent to the browser as the read-only `ranges` trait: how many layers, the input's
# size and each setting's range. A pooling window's padding is further held to half the window
# and its dilation to 1 (PyTorch's rules), in Python and in the browser.
RANGES = {
    "layers": {"min": 2, "max": 4},
    "input_size": {"min": 4, "max": 32, "step": 1, "start": 16},
    "kernel": {"min": 1, "max": 7, "step": 1},
    "stride": {"min": 1, "max": 4, "step": 1},
    "padding": {"min": 0, "max": 3, "step": 1},
    "dilation": {"min": 1, "max": 4, "step": 1},
}
SETTINGS = ("kernel", "stride", "padding", "dilation")


def _conv(k: int, s: int = 1, p: int = 0, d: int = 1) -> dict:
    return {"kind": "conv", "kernel": k, "stride": s, "padding": p, "dilation": d}


def _pool(k: int, s: int | None = None, p: int = 0) -> dict:
    return {
        "kind": "pool",
        "kernel": k,
        "stride": k if s is None else s,
        "padding": p,
        "dilation": 1,
    }


# Stacks to start from, chosen in the browser's "Stack" menu.
PRESETS = {
    "two 3 × 3 convolutions": {"layers": [_conv(3), _conv(3)], "input_size": 12},
    "conv, pool, conv, pool": {
        "layers": [_conv(3, p=1), _pool(2), _conv(3, p=1), _pool(2)],
        "input_size": 16,
    },
    "dilations 1, 2, 4": {"layers": [_conv(3), _conv(3, d=2), _conv(3, d=4)], "input_size": 24},
    "strided convolutions": {
        "layers": [_conv(3, 2, 1), _conv(3, 2, 1), _conv(3, 2, 1)],
        "input_size": 32,
    },
    "stride larger than the window": {"layers": [_conv(1, 2), _conv(3)], "input_size": 16},
}
START = "conv, pool, conv, pool"


def as_layer(entry: object, name: str) -> Layer:
    """A layer of the widget's ``layers`` trait (a dict) as a :class:`convbook.receptive.Layer`,
    each setting an int in its range (``RANGES``), refused naming ``name`` and the setting."""
    if not isinstance(entry, dict):
        raise TypeError(f"{name} must be a dict, got {type(entry).__name__}")
    one_of(entry.get("kind"), ("conv", "pool"), f"{name}.kind")
    values = {}
    for setting in SETTINGS:
        value = entry.get(setting)
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name}.{setting} must be an int, got {type(value).__name__}")
        low, high = RANGES[setting]["min"], RANGES[setting]["max"]
        if not low <= value <= high:
            raise ValueError(f"{name}.{setting} must be from {low} to {high}, got {value}")
        values[setting] = int(value)
    if entry["kind"] == "pool":
        if values["dilation"] != 1:
            raise ValueError(
                f"{name}.dilation must be 1 for a pooling window, got {values['dilation']}"
            )
        if values["padding"] > values["kernel"] // 2:
            raise ValueError(
                f"{name}.padding must be at most half the window ({values['kernel']} // 2 = "
                f"{values['kernel'] // 2}, PyTorch's rule), got {values['padding']}"
            )
        return pool(values["kernel"], values["stride"], values["padding"])
    return conv(**values)


class ReceptiveFieldExplorer(BookWidget):
    """A stack of 2 to 4 layers along one axis of an image of ``input_size`` cells: each a
    convolution (kernel, stride, padding, dilation) or a pooling window (window, stride,
    padding). The browser computes and draws everything, so the widget works in the static book:
    hover over (or focus, then use the arrow keys) a cell of any layer to light the cells it
    depends on in every layer below; the recurrence for the field's size and jump is written out
    with the numbers of each layer. ``table`` and ``field`` are the same from
    :mod:`convbook.receptive`. Refused with a TypeError or ValueError naming the setting: a
    number outside its range (``RANGES``), a pooling padding over half the window, and a stack
    in which some layer's window does not fit its padded input (no output fits). The chapter
    "Receptive fields through layers" (book/receptive-fields.ipynb) shows the widget.

    >>> explorer = ReceptiveFieldExplorer()
    >>> [row["r"] for row in explorer.table]
    [1, 3, 4, 8, 10]
    """

    root_class = "cb-rf"

    layers = traitlets.List().tag(sync=True)
    input_size = traitlets.Int(PRESETS[START]["input_size"]).tag(sync=True)
    ranges = traitlets.Dict(RANGES, read_only=True).tag(sync=True)
    presets = traitlets.Dict(PRESETS, read_only=True).tag(sync=True)

    def __init__(self, layers: list[dict] | None = None, input_size: int | None = None) -> None:
        super().__init__(layers=PRESETS[START]["layers"])
        with self.hold_trait_notifications():  # checked together, as the browser sends them
            self.layers = PRESETS[START]["layers"] if layers is None else layers
            self.input_size = PRESETS[START]["input_size"] if input_size is None else input_size

    def _stack(self, layers: object, input_size: int) -> list[Layer]:
        if not isinstance(layers, list):
            raise TypeError(f"layers must be a list of dicts, got {type(layers).__name__}")
        low, high = RANGES["layers"]["min"], RANGES["layers"]["max"]
        if not low <= len(layers) <= high:
            raise ValueError(f"layers must hold {low} to {high} layers, got {len(layers)}")
        stack = [as_layer(entry, f"layers[{n}]") for n, entry in enumerate(layers)]
        layer_table(stack, input_size)  # refuses a layer that no output fits
        return stack

    @traitlets.validate("layers")
    @refused
    def _valid_layers(self, proposal: dict) -> list:
        self._stack(proposal["value"], self.input_size)
        return proposal["value"]

    @traitlets.validate("input_size")
    @refused
    def _valid_input_size(self, proposal: dict) -> int:
        value = proposal["value"]
        low, high = RANGES["input_size"]["min"], RANGES["input_size"]["max"]
        if not low <= value <= high:
            raise ValueError(f"input_size must be from {low} to {high}, got {value}")
        self._stack(self.layers, value)
        return value

    @property
    def stack(self) -> list[Layer]:
        """The layers now shown, as :class:`convbook.receptive.Layer`."""
        return self._stack(self.layers, self.input_size)

    @property
    def table(self) -> list[dict]:
        """:func:`convbook.receptive.layer_table` of the stack now shown (the input first)."""
        return layer_table(self.stack, self.input_size)

    def field(self, layer: int, index: int) -> list[list[int]]:
        """:func:`convbook.receptive.field_cells`: what the page lights for that cell."""
        return field_cells(self.stack, self.input_size, layer, index)
