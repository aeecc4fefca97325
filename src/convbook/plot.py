"""Figures: matrices with their values written in, feature maps, loss curves.

Every function returns a closed matplotlib ``Figure``: a notebook cell that ends
with it shows it exactly once. Every heatmap has a labelled colour bar and one of
three colour scales (see :func:`colour_scale`): photos in grey, signed values
(edge maps, kernels with negative entries) in the diverging red-blue map centred
on zero, other values (magnitudes, counts) in viridis. Viridis and red-blue both
stay readable to colour-blind readers.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import torch
from matplotlib import colormaps
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from convbook.checks import check_image_and_kernel, check_matrix
from convbook.fast import FAST_FORMS
from convbook.ops import output_shape

CMAP = "viridis"  # magnitudes and counts
SIGNED_CMAP = "RdBu_r"  # signed values: blue below zero, white at zero, red above
PHOTO_CMAP = "gray"  # photos: black 0, white 1
KINDS = ("auto", "photo", "signed", "magnitude")
WINDOW_COLOUR = "#e8590c"  # orange outline of a window, on viridis
LARGEST_WRITTEN = 40  # show_matrices writes every value in: past this many a side, unreadable
Window = tuple[int, int, int, int]  # top row, left column, height, width


def colour_scale(mats: Sequence[torch.Tensor], kind: str = "auto") -> tuple[str, float, float]:
    """The colormap and limits ``(cmap, low, high)`` for values drawn on one scale.

    ``kind`` is ``"photo"`` (grey, from the values' own range), ``"signed"`` (red-blue,
    symmetric about zero, so white is zero), ``"magnitude"`` (viridis) or ``"auto"``:
    signed when any value is negative, magnitude otherwise.
    Refused: any other ``kind``.

    >>> colour_scale([torch.tensor([[1.0, -2.0]])])
    ('RdBu_r', -2.0, 2.0)
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, KINDS))}, got {kind!r}")
    low = min(m.min().item() for m in mats)
    high = max(m.max().item() for m in mats)
    if kind == "auto":
        kind = "signed" if low < 0 else "magnitude"
    if kind == "signed":
        bound = max(abs(low), abs(high)) or 1.0
        return SIGNED_CMAP, -bound, bound
    if low == high:
        low, high = low - 1, high + 1
    return (PHOTO_CMAP if kind == "photo" else CMAP), low, high


def show_matrices(
    matrices: Sequence[torch.Tensor],
    titles: Sequence[str],
    windows: Sequence[Window | None] | None = None,
    values: bool = True,
    colorbar_label: str = "value",
    cell: float = 0.55,
    kind: str = "auto",
) -> Figure:
    """Draw matrices side by side on one shared colour scale, values written in.

    ``windows[i]``, if given, outlines a block of matrix ``i`` (e.g. the window
    that made one output). ``kind`` picks the colour scale, as in :func:`colour_scale`:
    by default red-blue centred on zero when any value is negative, else viridis.

    Refused: no matrices, matrices that are not non-empty, finite 2-D tensors or have
    more than ``LARGEST_WRITTEN`` rows or columns, a wrong number of titles or windows,
    an unknown ``kind``.

    >>> fig = show_matrices([torch.eye(2)], ["I"])
    """
    mats = _matrices(matrices, "matrices")
    for i, m in enumerate(mats):
        if max(m.shape) > LARGEST_WRITTEN:
            raise ValueError(
                f"matrices[{i}] of shape {tuple(m.shape)} is too large to draw with its values "
                f"written in (at most {LARGEST_WRITTEN} a side); draw it with show_images"
            )
    if len(titles) != len(mats):
        raise ValueError(f"titles must have {len(mats)} entries, got {len(titles)}")
    windows = list(windows) if windows is not None else [None] * len(mats)
    if len(windows) != len(mats):
        raise ValueError(f"windows must have {len(mats)} entries, got {len(windows)}")
    cmap, low, high = colour_scale(mats, kind)
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
        image = ax.imshow(m.numpy(), cmap=cmap, vmin=low, vmax=high)
        if values:
            _write_values(ax, m, cmap, low, high)
        if window is not None:
            top, left, h, w = window
            ax.add_patch(_window_outline(top, left, h, w, cmap))
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
    colorbar_label: str = "value",
    kinds: str | Sequence[str] = "auto",
) -> Figure:
    """Draw images (feature maps, photos) in a grid, each with its own labelled colour bar.

    ``kinds`` (one for all panels, or one per panel) picks each colour scale, as in
    :func:`colour_scale`: ``"photo"`` grey, ``"signed"`` red-blue centred on zero,
    ``"magnitude"`` viridis, ``"auto"`` signed when a value is negative. With
    ``shared_scale`` all panels use one scale, of the first panel's kind.

    Refused: no images, images that are not non-empty, finite 2-D tensors, a wrong
    number of titles or kinds, an unknown kind.

    >>> fig = show_images([torch.rand(8, 8)], ["noise"])
    """
    mats = _matrices(images, "images")
    if len(titles) != len(mats):
        raise ValueError(f"titles must have {len(mats)} entries, got {len(titles)}")
    kinds = [kinds] * len(mats) if isinstance(kinds, str) else list(kinds)
    if len(kinds) != len(mats):
        raise ValueError(f"kinds must have {len(mats)} entries, got {len(kinds)}")
    scales = [colour_scale([m], kind) for m, kind in zip(mats, kinds)]
    if shared_scale:
        scales = [colour_scale(mats, kinds[0])] * len(mats)
    columns = columns or len(mats)
    rows = -(-len(mats) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(size * columns, size * rows), squeeze=False)
    for ax in axes.flat[len(mats) :]:
        ax.axis("off")
    for ax, m, title, (cmap, low, high) in zip(axes.flat, mats, titles, scales):
        image = ax.imshow(m.numpy(), cmap=cmap, vmin=low, vmax=high)
        ax.set_title(title)
        ax.set_xticks([])
        ax.set_yticks([])
        fig.colorbar(image, ax=ax, shrink=0.8, label=colorbar_label)
    fig.tight_layout()
    plt.close(fig)
    return fig


def loss_curve(
    runs: dict[str, Sequence[float]], log: bool = True, title: str = "Training loss"
) -> Figure:
    """Plot loss against epoch for one or more named runs (log scale by default).

    Zero losses are drawn at the smallest positive float32 so a log axis can show them.

    Refused: anything but a dict of runs, no runs, a run that is not a sequence of numbers.

    >>> fig = loss_curve({"lr = 0.03": [20.0, 9.3, 4.5]})
    """
    if not isinstance(runs, Mapping):
        raise TypeError(
            f"runs must be a dict mapping a label to a run's losses, got {type(runs).__name__}"
        )
    if not runs:
        raise ValueError("runs must name at least one run")
    curves = {label: _losses(losses, f"runs[{label!r}]") for label, losses in runs.items()}
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for label, losses in curves.items():
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


def _losses(values: object, name: str) -> list[float]:
    """``values`` as a list of floats, or a TypeError naming the run."""
    if isinstance(values, torch.Tensor) or hasattr(values, "__array__"):  # tensors, arrays
        values = torch.as_tensor(values).detach().cpu().reshape(-1).tolist()
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        hint = " (a History's losses are history.losses)" if hasattr(values, "losses") else ""
        raise TypeError(f"{name} must be a sequence of numbers{hint}, got {type(values).__name__}")
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values):
        raise TypeError(f"{name} must hold only numbers")
    return [float(v) for v in values]


def _as_matrix(value: object, name: str) -> torch.Tensor:
    """``value`` as a float32 CPU matrix to draw: ints and bools are drawn as numbers."""
    if isinstance(value, torch.Tensor) and not (value.is_floating_point() or value.is_complex()):
        value = value.float()
    return check_matrix(value, name).detach().cpu().float()


def _matrices(values: object, name: str) -> list[torch.Tensor]:
    if isinstance(values, torch.Tensor) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a list of 2-D tensors, got {type(values).__name__}")
    if not values:
        raise ValueError(f"{name} must hold at least one matrix")
    return [_as_matrix(m, f"{name}[{i}]") for i, m in enumerate(values)]


def _write_values(ax, m: torch.Tensor, cmap: str, low: float, high: float) -> None:
    """Write each value in its cell, black on light colours and white on dark ones."""
    colours = colormaps[cmap]
    for i, row in enumerate(m.tolist()):
        for j, v in enumerate(row):
            text = _number(v)
            red, green, blue = to_rgb(colours((v - low) / (high - low)))
            light = 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.4
            ax.text(j, i, text, ha="center", va="center", color="black" if light else "white")


def _window_outline(top: int, left: int, h: int, w: int, cmap: str) -> Rectangle:
    """An outline round a window: orange on viridis, black on the red-blue and grey maps."""
    colour = WINDOW_COLOUR if cmap == CMAP else "black"
    return Rectangle((left - 0.5, top - 0.5), w, h, fill=False, ec=colour, lw=3)


def sliding_window(X: torch.Tensor, K: torch.Tensor, size: float = 2.4) -> Figure:
    """One panel per output position: ``X`` with that window outlined and its product sum.

    The panels form an ``out_h`` x ``out_w`` grid, laid out like the output; each
    title gives the output's value and, for kernels of up to six entries, the
    sum of products that made it. Refused: anything but 2-D tensors, a kernel
    larger than the image, more than 36 output positions.

    >>> fig = sliding_window(torch.arange(9.).reshape(3, 3), torch.tensor([[0., 1.], [2., 3.]]))
    >>> fig.axes[0].get_title()
    'Y[0, 0] = 19\\n0·0 + 1·1 + 3·2 + 4·3'
    """
    X, K = check_image_and_kernel(_as_matrix(X, "X"), _as_matrix(K, "K"))
    (n_h, n_w), (k_h, k_w) = X.shape, K.shape
    out_h, out_w = output_shape(X.shape, K.shape)
    if out_h * out_w > 36:
        raise ValueError(f"too many window positions to draw: {out_h * out_w} (at most 36)")
    cmap, low, high = colour_scale([X])
    fig, axes = plt.subplots(
        out_h,
        out_w,
        figsize=(size * out_w * max(n_w / n_h, 0.6) + 0.4, size * out_h + 0.3),
        squeeze=False,
    )
    for i in range(out_h):
        for j in range(out_w):
            ax = axes[i][j]
            window = X[i : i + k_h, j : j + k_w]
            ax.imshow(X.numpy(), cmap=cmap, vmin=low, vmax=high)
            _write_values(ax, X, cmap, low, high)
            ax.add_patch(_window_outline(i, j, k_h, k_w, cmap))
            title = f"Y[{i}, {j}] = {_number((window * K).sum().item())}"
            if K.numel() <= 6:
                terms = zip(window.flatten().tolist(), K.flatten().tolist())
                title += "\n" + " + ".join(f"{_factor(x)}·{_factor(k)}" for x, k in terms)
            ax.set_title(title, fontsize=9)
            ax.set_xticks([])
            ax.set_yticks([])
    fig.tight_layout()
    plt.close(fig)
    return fig


def descent_paths(
    H: torch.Tensor,
    minimum: torch.Tensor,
    paths: dict[str, torch.Tensor],
    limits: tuple[tuple[float, float], tuple[float, float]] | None = None,
    labels: tuple[str, str] = ("$k_1$", "$k_2$"),
    title: str = "Gradient descent on the loss bowl",
) -> Figure:
    """Contours of the quadratic loss ``(w - minimum)^T H (w - minimum) / 2`` with descent paths.

    ``H`` is the 2 x 2 Hessian, ``minimum`` the lowest point (2 numbers),
    ``paths`` maps a label to the weights visited, a tensor of shape (steps, 2).
    The dashed lines through the minimum are the eigenvectors of ``H`` (the axes
    of the bowl). ``limits`` fixes the axes ((x0, x1), (y0, y1)); by default they
    hold every point. Refused: ``H`` not 2 x 2, ``minimum`` not two numbers, no
    paths, or a path not of shape (steps, 2).

    >>> H = torch.tensor([[36., 24.], [24., 36.]])
    >>> path = torch.tensor([[0., 0.], [0.5, -0.5]])
    >>> fig = descent_paths(H, torch.tensor([1., -1.]), {"lr 0.03": path})
    """
    H = _as_matrix(H, "H").double()
    if H.shape != (2, 2):
        raise ValueError(f"H must be 2 x 2, got shape {tuple(H.shape)}")
    if not isinstance(minimum, torch.Tensor) or minimum.numel() != 2:
        raise ValueError("minimum must be a tensor of two numbers")
    if not paths:
        raise ValueError("paths must name at least one path")
    m = minimum.detach().cpu().double().reshape(2)
    points = {}
    for label, path in paths.items():
        if not isinstance(path, torch.Tensor) or path.dim() != 2 or path.shape[1] != 2:
            raise ValueError(f"paths[{label!r}] must be a tensor of shape (steps, 2)")
        points[label] = path.detach().cpu().double()
    if limits is None:
        every = torch.cat([m[None], *points.values()])
        every = every[torch.isfinite(every).all(1)]
        low, high = every.min(0).values, every.max(0).values
        pad = 0.1 * (high - low).clamp(min=1e-3)
        limits = (
            ((low[0] - pad[0]).item(), (high[0] + pad[0]).item()),
            ((low[1] - pad[1]).item(), (high[1] + pad[1]).item()),
        )
    (x0, x1), (y0, y1) = limits
    gx, gy = torch.meshgrid(torch.linspace(x0, x1, 200), torch.linspace(y0, y1, 200), indexing="xy")
    d = torch.stack([gx, gy], -1).double() - m
    loss = 0.5 * torch.einsum("...i,ij,...j->...", d, H, d)
    fig, ax = plt.subplots(figsize=(6, 5))
    top = loss.max().item()
    levels = sorted({top * 0.6**n for n in range(14)})
    contours = ax.contour(
        gx.numpy(), gy.numpy(), loss.numpy(), levels=levels, cmap=CMAP, linewidths=0.8
    )
    fig.colorbar(contours, ax=ax, label="loss above its minimum", shrink=0.8)
    _, vectors = torch.linalg.eigh(H)
    span = max(x1 - x0, y1 - y0)
    for v in vectors.T:
        ends = torch.stack([m - span * v, m + span * v])
        ax.plot(ends[:, 0].numpy(), ends[:, 1].numpy(), ls="--", color="0.35", lw=0.9, zorder=3)
    for label, path in points.items():
        ax.plot(path[:, 0].numpy(), path[:, 1].numpy(), marker="o", ms=3, lw=1.2, label=label)
    ax.plot(
        [m[0].item()], [m[1].item()], marker="*", ms=14, color="black", ls="none", label="minimum"
    )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=4)
    fig.tight_layout()
    plt.close(fig)
    return fig


def _number(v: float) -> str:
    """19, 0.25, -1.5: whole numbers bare, others to two decimals, never "-0" or "-0.00"."""
    v += 0.0  # -0.0 becomes 0.0
    text = f"{v:g}" if v == round(v) else f"{v:.2f}"
    return "0.00" if text == "-0.00" else text


def _factor(v: float) -> str:
    return f"({_number(v)})" if v < 0 else _number(v)


# --- Timings: seconds or ratio to F.conv2d against image size or kernel size -------------


def _timing_order() -> list[str]:
    """One colour per method, always: the fast forms in the order of
    :data:`convbook.fast.FAST_FORMS`, with the reference loop second and the matrix product
    after ``fast`` (where they have always been), then any other name as it comes."""
    names = [n for n in FAST_FORMS if n not in ("conv2d",)]
    at = names.index("fast") + 1
    return ["conv2d", "corr2d", *names[:at], "matmul", *names[at:]]


def timing_plot(
    rows: Sequence[dict[str, object]],
    against: str = "size",
    fixed: int = 3,
    ratio: bool = False,
    methods: Sequence[str] | None = None,
    title: str | None = None,
) -> Figure:
    """Log-log plot of benchmark rows: one line per method against image or kernel size.

    ``rows`` are dicts with ``method``, ``size``, ``kernel``, ``seconds`` and ``ratio``
    (as :func:`convbook.bench.read_csv` returns them). ``against="size"`` plots the points
    with kernel size ``fixed``; ``against="kernel"`` those with image size ``fixed``. With
    ``ratio`` the y axis is the time as a multiple of ``F.conv2d``'s, with a line at 1.
    Skipped points (``seconds`` of ``None``) are left out. Refused: ``against`` other than
    ``"size"`` or ``"kernel"``, rows with no timed point at ``fixed``.

    >>> fig = timing_plot([{"method": "fft", "size": 8, "kernel": 3, "seconds": 1e-4,
    ...                     "ratio": 2.0}], against="size", fixed=3)
    """
    if against not in ("size", "kernel"):
        raise ValueError(f"against must be 'size' or 'kernel', got {against!r}")
    other = "kernel" if against == "size" else "size"
    key = "ratio" if ratio else "seconds"
    chosen = [r for r in rows if int(r[other]) == fixed and r.get(key) is not None]
    if not chosen:
        raise ValueError(f"rows hold no timed point with {other} {fixed}")
    names = (
        list(methods) if methods is not None else list(dict.fromkeys(r["method"] for r in chosen))
    )
    fig, ax = plt.subplots(figsize=(6, 4))
    palette = plt.get_cmap("tab10").colors
    order = _timing_order()
    order += [n for n in names if n not in order]
    ticks: set[int] = set()
    for name in names:
        points = sorted((int(r[against]), float(r[key])) for r in chosen if r["method"] == name)
        if points:
            xs, ys = zip(*points)
            ticks.update(xs)
            color = palette[order.index(name) % len(palette)]  # one colour per method, always
            ax.plot(xs, ys, marker="o", ms=4, label=name, color=color)
    if ratio:
        ax.axhline(1.0, color="black", lw=0.8, ls="--")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks(sorted(ticks), [str(t) for t in sorted(ticks)])
    ax.xaxis.set_minor_locator(plt.NullLocator())
    unit = f"{'image' if other == 'size' else 'kernel'} {fixed} x {fixed}"
    ax.set_xlabel("image size n (n x n pixels)" if against == "size" else "kernel size k (k x k)")
    ax.set_ylabel("time / time of F.conv2d" if ratio else "median time (s)")
    ax.set_title(title or f"{'Ratio to F.conv2d' if ratio else 'Time'}, {unit}")
    ax.legend(fontsize=8, ncol=2)
    ax.grid(alpha=0.3, which="both")
    fig.tight_layout()
    plt.close(fig)
    return fig


def roofline_plot(
    points: Mapping[str, Sequence[tuple[float, float]]],
    bandwidth: float,
    peak: float,
    title: str | None = None,
) -> Figure:
    """Log-log roofline: attained rate against arithmetic intensity, under the machine's roof.

    ``points`` maps each method's name to ``(intensity, rate)`` pairs (flop per byte,
    flop per second), drawn as markers joined in order of intensity, in the colour the
    method has in :func:`timing_plot`. The roof, ``min(peak, bandwidth * intensity)``, is
    a solid black line, with the ridge point ``peak / bandwidth`` marked by a dotted one.
    Rates are shown in Gflop/s. Refused: a bandwidth or peak that is not positive, no
    points at all.

    >>> fig = roofline_plot({"shift": [(2.0, 5e9), (20.0, 3e10)]}, bandwidth=1e10, peak=5e10)
    """
    if not (bandwidth > 0 and peak > 0):
        raise ValueError(f"bandwidth and peak must be positive, got {bandwidth!r} and {peak!r}")
    names = [name for name, pairs in points.items() if pairs]
    if not names:
        raise ValueError("points holds no (intensity, rate) pair")
    fig, ax = plt.subplots(figsize=(6, 4))
    palette = plt.get_cmap("tab10").colors
    order = _timing_order()
    order += [n for n in names if n not in order]
    everything = [x for name in names for x, _ in points[name]]
    ridge = peak / bandwidth
    low, high = min(everything + [ridge]) / 2, max(everything + [ridge]) * 2
    xs = [low, ridge, high]
    roof = [bandwidth * low / 1e9, peak / 1e9, peak / 1e9]
    ax.plot(xs, roof, color="black", lw=1.5, label="roof")
    ax.axvline(ridge, color="black", lw=0.8, ls=":")
    for name in names:
        pairs = sorted(points[name])
        color = palette[order.index(name) % len(palette)]
        ax.plot(
            [x for x, _ in pairs],
            [y / 1e9 for _, y in pairs],
            marker="o",
            ms=4,
            lw=0.8,
            label=name,
            color=color,
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("arithmetic intensity (flop per byte of minimal traffic)")
    ax.set_ylabel("attained rate (Gflop/s)")
    ax.set_title(title or "Roofline")
    ax.legend(fontsize=8, ncol=2)
    ax.grid(alpha=0.3, which="both")
    fig.tight_layout()
    plt.close(fig)
    return fig
