"""The figures added for the worked chapters: sliding windows and descent paths."""

import pytest
import torch
from matplotlib.figure import Figure

from convbook import descent_paths, sliding_window

X, K = torch.arange(9.0).reshape(3, 3), torch.tensor([[0.0, 1.0], [2.0, 3.0]])


def test_sliding_window_has_one_panel_per_output_with_its_sum():
    fig = sliding_window(X, K)
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


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: sliding_window(torch.ones(2, 2), torch.ones(3, 3)), "larger than image"),
        (lambda: sliding_window(torch.ones(9, 9), torch.ones(1, 1)), "at most 36"),
        (
            lambda: descent_paths(torch.eye(3), torch.zeros(2), {"a": torch.zeros(1, 2)}),
            "H must be 2 x 2",
        ),
        (
            lambda: descent_paths(torch.eye(2), torch.zeros(3), {"a": torch.zeros(1, 2)}),
            "minimum must be",
        ),
        (lambda: descent_paths(torch.eye(2), torch.zeros(2), {}), "at least one path"),
        (
            lambda: descent_paths(torch.eye(2), torch.zeros(2), {"a": torch.zeros(3)}),
            r"paths\['a'\]",
        ),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
