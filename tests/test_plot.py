"""The figures (convbook.plot): matrices with their values, images, loss curves, colour
scales by kind, sliding windows, descent paths, and what each refuses."""

import pytest
import torch
from helpers import refusal
from matplotlib.figure import Figure

from convbook import (
    descent_paths,
    edge_image,
    learn_kernel,
    loss_curve,
    numbers_example,
    show_images,
    show_matrices,
    sliding_window,
    timing_plot,
)
from convbook.plot import colour_scale


def test_matrix_figure_writes_every_value_and_outlines_the_window():
    X, K = numbers_example()
    fig = show_matrices([X, K], ["X", "K"], windows=[(0, 0, 2, 2), None])
    assert isinstance(fig, Figure)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == [str(v) for v in range(9)]
    assert len(fig.axes[0].patches) == 1 and fig.axes[-1].get_ylabel() == "value"


def test_images_and_loss_curve():
    fig = show_images(
        [torch.rand(5, 5), torch.rand(4, 4), torch.rand(3, 3)], ["a", "b", "c"], columns=2
    )
    assert [ax.get_title() for ax in fig.axes[:3]] == ["a", "b", "c"]
    assert [ax.get_ylabel() for ax in fig.axes[4:]] == ["value"] * 3  # one labelled bar each
    fig = loss_curve({"run": [4.0, 1.0, 0.0]})
    assert fig.axes[0].get_yscale() == "log"
    assert list(fig.axes[0].lines[0].get_ydata())[-1] > 0


def test_colour_scales_by_kind():
    signed = torch.tensor([[1.0, -2.0], [0.5, 0.0]])
    assert colour_scale([signed]) == ("RdBu_r", -2.0, 2.0)  # symmetric: white is zero
    assert colour_scale([torch.tensor([[0.0, 3.0]])]) == ("viridis", 0.0, 3.0)
    assert colour_scale([torch.tensor([[0.25, 0.75]])], "photo") == ("gray", 0.25, 0.75)
    assert colour_scale([torch.tensor([[0.0, 3.0]])], "signed") == ("RdBu_r", -3.0, 3.0)
    assert colour_scale([torch.zeros(2, 2)], "signed") == ("RdBu_r", -1.0, 1.0)


def test_figures_use_the_scale_of_their_kind():
    edge = torch.tensor([[0.0, 1.0, -1.0]])
    image = show_matrices([torch.ones(1, 3), edge], ["X", "Y"]).axes[1].images[0]
    assert image.get_cmap().name == "RdBu_r" and image.get_clim() == (-1.0, 1.0)
    photo, edges, size = torch.rand(4, 4), torch.rand(4, 4) - 0.5, torch.rand(4, 4)
    fig = show_images(
        [photo, edges, size], ["photo", "edges", "size"], kinds=["photo", "auto", "magnitude"]
    )
    assert [ax.images[0].get_cmap().name for ax in fig.axes[:3]] == ["gray", "RdBu_r", "viridis"]
    low, high = fig.axes[1].images[0].get_clim()
    assert low == -high


def test_written_values_stay_readable_on_their_cells():
    fig = show_matrices([torch.tensor([[-1.0, 0.0, 1.0]])], ["Y"])
    colours = [t.get_color() for t in fig.axes[0].texts]
    assert colours == ["white", "black", "white"]  # dark blue, white, dark red cells


def test_sliding_window_has_one_panel_per_output_with_its_sum():
    fig = sliding_window(*numbers_example())
    assert isinstance(fig, Figure) and len(fig.axes) == 4
    firsts = [ax.get_title().split("\n")[0] for ax in fig.axes]
    assert firsts == ["Y[0, 0] = 19", "Y[0, 1] = 25", "Y[1, 0] = 37", "Y[1, 1] = 43"]
    assert fig.axes[3].get_title().endswith("4·0 + 5·1 + 7·2 + 8·3")
    assert all(len(ax.patches) == 1 for ax in fig.axes)
    big = sliding_window(torch.rand(5, 5), torch.rand(3, 3))
    assert "\n" not in big.axes[0].get_title()
    edge = sliding_window(torch.ones(1, 3), torch.tensor([[1.0, -1.0]]))
    assert edge.axes[0].get_title() == "Y[0, 0] = 0\n1·1 + 1·(-1)"


def test_descent_paths_draws_every_path_and_the_minimum():
    H = torch.tensor([[36.0, 24.0], [24.0, 36.0]])
    paths = {
        "a": torch.tensor([[0.0, 0.0], [0.6, -0.6]]),
        "b": torch.tensor([[0.0, 0.0], [1.2, -1.1]]),
    }
    fig = descent_paths(H, torch.tensor([1.0, -1.0]), paths)
    labels = fig.axes[0].get_legend_handles_labels()[1]
    assert labels == ["a", "b", "minimum"]
    fig = descent_paths(H, torch.tensor([1.0, -1.0]), paths, limits=((-2, 2), (-2, 2)))
    assert fig.axes[0].get_xlim() == (-2, 2)


TIMINGS = [{"method": "fft", "size": 8, "kernel": 3, "seconds": 1e-4, "ratio": 2.0}]
PATH = {"a": torch.zeros(1, 2)}


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(
            "show_matrices: a list, not a tensor",
            lambda: show_matrices([[1.0]], ["a"]),
            TypeError,
            r"matrices\[0\] must be a torch.Tensor",
        ),
        refusal(
            "show_matrices: titles one too many",
            lambda: show_matrices([torch.ones(2, 2)], ["a", "b"]),
            ValueError,
            "titles must have 1",
        ),
        refusal(
            "show_matrices: unknown kind",
            lambda: show_matrices([torch.ones(2, 2)], ["a"], kind="hot"),
            ValueError,
            "kind must be",
        ),
        refusal(
            "show_images: 1-D image",
            lambda: show_images([torch.ones(3)], ["a"]),
            ValueError,
            r"images\[0\] must be 2-D \(height x width\), got 1-D",
        ),
        refusal(
            "show_images: kinds one too many",
            lambda: show_images([torch.ones(2, 2)], ["a"], kinds=["photo", "photo"]),
            ValueError,
            "kinds must have 1",
        ),
        refusal(
            "loss_curve: no run",
            lambda: loss_curve({}),
            ValueError,
            "runs must name at least one run",
        ),
        refusal(
            "sliding_window: kernel larger",
            lambda: sliding_window(torch.ones(2, 2), torch.ones(3, 3)),
            ValueError,
            "larger than image",
        ),
        refusal(
            "sliding_window: too many panels",
            lambda: sliding_window(torch.ones(9, 9), torch.ones(1, 1)),
            ValueError,
            "at most 36",
        ),
        refusal(
            "descent_paths: H not 2 x 2",
            lambda: descent_paths(torch.eye(3), torch.zeros(2), PATH),
            ValueError,
            "H must be 2 x 2",
        ),
        refusal(
            "descent_paths: minimum not 2 numbers",
            lambda: descent_paths(torch.eye(2), torch.zeros(3), PATH),
            ValueError,
            "minimum must be",
        ),
        refusal(
            "descent_paths: no path",
            lambda: descent_paths(torch.eye(2), torch.zeros(2), {}),
            ValueError,
            "at least one path",
        ),
        refusal(
            "descent_paths: path not n x 2",
            lambda: descent_paths(torch.eye(2), torch.zeros(2), {"a": torch.zeros(3)}),
            ValueError,
            r"paths\['a'\]",
        ),
        refusal(
            "timing_plot: against what",
            lambda: timing_plot(TIMINGS, against="pixels"),
            ValueError,
            "against must be 'size' or 'kernel'",
        ),
        refusal(
            "timing_plot: no point at fixed",
            lambda: timing_plot(TIMINGS, fixed=7),
            ValueError,
            "no timed point with kernel 7",
        ),
        refusal(
            "show_matrices: NaN",
            lambda: show_matrices([torch.tensor([[float("nan"), 1.0]])], ["a"]),
            ValueError,
            r"matrices\[0\] must contain only finite",
        ),
        refusal(
            "show_matrices: no matrices",
            lambda: show_matrices([], []),
            ValueError,
            "matrices must hold at least one matrix",
        ),
        refusal(
            "show_matrices: one tensor, not a list",
            lambda: show_matrices(torch.rand(3, 3), ["a"]),
            TypeError,
            "matrices must be a list of 2-D tensors",
        ),
        refusal(
            "show_matrices: too large to write in",
            lambda: show_matrices([torch.rand(300, 300)], ["a"]),
            ValueError,
            r"too large to draw with its values written in.*show_images",
        ),
        refusal(
            "loss_curve: a list, not runs",
            lambda: loss_curve([1.0, 2.0]),
            TypeError,
            "runs must be a dict mapping a label",
        ),
        refusal(
            "loss_curve: a History, not its losses",
            lambda: loss_curve(
                {"a": learn_kernel(edge_image(), torch.zeros(6, 7), epochs=1, seed=0)}
            ),
            TypeError,
            r"runs\['a'\] must be a sequence of numbers \(a History's losses are history.losses\)",
        ),
        refusal(
            "sliding_window: NaN",
            lambda: sliding_window(torch.tensor([[float("nan"), 1.0, 2.0]]), torch.ones(1, 2)),
            ValueError,
            "X must contain only finite",
        ),
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()
