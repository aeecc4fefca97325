import pytest
import torch
from matplotlib.figure import Figure

from convbook import loss_curve, show_images, show_matrices


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
    ],
)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()
