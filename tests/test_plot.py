import pytest
import torch
from matplotlib.figure import Figure

from convbook import loss_curve, show_images, show_matrices
from convbook.plot import colour_scale


def test_matrix_figure_writes_every_value_and_outlines_the_window():
    X, K = torch.arange(9.0).reshape(3, 3), torch.tensor([[0.0, 1.0], [2.0, 3.0]])
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


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: show_matrices([torch.ones(2, 2)], ["a", "b"]), ValueError, "titles must have 1"),
        (lambda: show_matrices([[1.0]], ["a"]), TypeError, r"matrices\[0\] must be a torch.Tensor"),
        (
            lambda: show_images([torch.ones(3)], ["a"]),
            ValueError,
            r"images\[0\] must be a non-empty 2-D",
        ),
        (lambda: loss_curve({}), ValueError, "runs must name at least one run"),
        (lambda: show_matrices([torch.ones(2, 2)], ["a"], kind="hot"), ValueError, "kind must be"),
        (
            lambda: show_images([torch.ones(2, 2)], ["a"], kinds=["photo", "photo"]),
            ValueError,
            "kinds must have 1",
        ),
    ],
)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()
