"""Figures: matrices with their values written in, feature maps, loss curves.

Every function returns a closed matplotlib ``Figure``: a notebook cell that ends
with it shows it exactly once. Heatmaps use viridis, which reads the same to
colour-blind readers and in grayscale, with a labelled colour bar.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

CMAP = "viridis"
Window = tuple[int, int, int, int]  # top row, left column, height, width


def show_matrices(
    matrices: Sequence[torch.Tensor],
    titles: Sequence[str],
    windows: Sequence[Window | None] | None = None,
    values: bool = True,
    colorbar_label: str = "value",
    cell: float = 0.55,
) -> Figure:
    """Draw matrices side by side on one shared colour scale, values written in.

    ``windows[i]``, if given, outlines a block of matrix ``i`` (e.g. the window
    that made one output).

    >>> fig = show_matrices([torch.eye(2)], ["I"])
    """
    mats = [_as_matrix(m, f"matrices[{i}]") for i, m in enumerate(matrices)]
    if len(titles) != len(mats):
        raise ValueError(f"titles must have {len(mats)} entries, got {len(titles)}")
    windows = list(windows) if windows is not None else [None] * len(mats)
    if len(windows) != len(mats):
        raise ValueError(f"windows must have {len(mats)} entries, got {len(windows)}")
    low = min(m.min().item() for m in mats)
    high = max(m.max().item() for m in mats)
    if low == high:
        low, high = low - 1, high + 1
    widths = [m.shape[1] for m in mats]
    height = max(m.shape[0] for m in mats)
    fig, axes = plt.subplots(
        1,
        len(mats),
        figsize=(cell * sum(widths) + 1.2 * len(mats) + 1, cell * height + 1.2),
        gridspec_kw={"width_ratios": widths},
        squeeze=False,
    )
    for ax, m, title, window in zip(axes[0], mats, titles, windows):
        image = ax.imshow(m.numpy(), cmap=CMAP, vmin=low, vmax=high)
        if values:
            _write_values(ax, m, low, high)
        if window is not None:
            top, left, h, w = window
            ax.add_patch(
                Rectangle((left - 0.5, top - 0.5), w, h, fill=False, ec="#e8590c", lw=3)
            )
        ax.set_title(title)
        ax.set_xticks(range(m.shape[1]))
        ax.set_yticks(range(m.shape[0]))
    fig.colorbar(image, ax=axes[0].tolist(), label=colorbar_label, shrink=0.8)
    plt.close(fig)
    return fig


def show_images(
    images: Sequence[torch.Tensor],
    titles: Sequence[str],
    columns: int | None = None,
    shared_scale: bool = False,
    size: float = 2.6,
) -> Figure:
    """Draw images (feature maps, photos) in a grid, each with its own colour bar.

    With ``shared_scale`` all panels use one colour scale.

    >>> fig = show_images([torch.rand(8, 8)], ["noise"])
    """
    mats = [_as_matrix(m, f"images[{i}]") for i, m in enumerate(images)]
    if len(titles) != len(mats):
        raise ValueError(f"titles must have {len(mats)} entries, got {len(titles)}")
    columns = columns or len(mats)
    rows = -(-len(mats) // columns)
    fig, axes = plt.subplots(
        rows, columns, figsize=(size * columns, size * rows), squeeze=False
    )
    low = min(m.min().item() for m in mats) if shared_scale else None
    high = max(m.max().item() for m in mats) if shared_scale else None
    for ax in axes.flat[len(mats) :]:
        ax.axis("off")
    for ax, m, title in zip(axes.flat, mats, titles):
        image = ax.imshow(m.numpy(), cmap=CMAP, vmin=low, vmax=high)
        ax.set_title(title)
        ax.set_xticks([])
        ax.set_yticks([])
        fig.colorbar(image, ax=ax, shrink=0.8)
    fig.tight_layout()
    plt.close(fig)
    return fig


def loss_curve(
    runs: dict[str, Sequence[float]], log: bool = True, title: str = "Training loss"
) -> Figure:
    """Plot loss against epoch for one or more named runs (log scale by default).

    Zero losses are drawn at the smallest positive float32 so a log axis can show them.

    >>> fig = loss_curve({"lr = 0.03": [20.0, 9.3, 4.5]})
    """
    if not runs:
        raise ValueError("runs must name at least one run")
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for label, losses in runs.items():
        losses = [float(v) for v in losses]
        if log:
            losses = [max(v, torch.finfo(torch.float32).tiny) for v in losses]
        ax.plot(range(1, len(losses) + 1), losses, marker=".", label=label)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("summed squared loss")
    ax.set_title(title)
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.close(fig)
    return fig


def _as_matrix(value: object, name: str) -> torch.Tensor:
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if value.dim() != 2 or value.numel() == 0:
        raise ValueError(f"{name} must be a non-empty 2-D tensor, got shape {tuple(value.shape)}")
    return value.detach().cpu().float()


def _write_values(ax, m: torch.Tensor, low: float, high: float) -> None:
    middle = (low + high) / 2
    for i, row in enumerate(m.tolist()):
        for j, v in enumerate(row):
            text = f"{v:g}" if v == round(v) else f"{v:.2f}"
            ax.text(j, i, text, ha="center", va="center", color="black" if v > middle else "white")
