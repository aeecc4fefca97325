"""Learning a kernel by gradient descent, its Hessian and its critical learning rate."""

import math
import re

import pytest
import torch
from helpers import refusal
from torch import nn

import convbook.train
from convbook import corr2d, critical_lr, edge_image, hessian, learn_kernel, original_start

START = original_start()


@pytest.fixture
def problem():
    X = edge_image()
    return X, corr2d(X, torch.tensor([[1.0, -1.0]]))


def test_reproduces_every_printed_loss_of_the_original(problem, original_text):
    printed = re.findall(r"^epoch\d+, loss .*$", original_text, flags=re.M)
    assert len(printed) == 50
    history = learn_kernel(*problem, init=START)
    assert [f"epoch{i + 1}, loss {v:.3f}" for i, v in enumerate(history.losses)] == printed
    assert repr(history.kernel) == "tensor([[ 1.0000, -1.0000]])"
    assert len(history.weights) == 50 and not history.diverged


def test_matches_the_original_loop_with_nn_conv2d(problem):
    X, Y = problem
    conv = nn.Conv2d(1, 1, kernel_size=(1, 2), bias=False)
    conv.weight.data[:] = START.reshape(1, 1, 1, 2)
    losses = []
    for _ in range(20):
        l = (conv(X.reshape(1, 1, 6, 8)) - Y.reshape(1, 1, 6, 7)) ** 2
        conv.zero_grad()
        l.sum().backward()
        conv.weight.data -= 3e-2 * conv.weight.grad
        losses.append(l.sum().item())
    history = learn_kernel(X, Y, epochs=20, init=START)
    assert history.losses == losses
    assert torch.equal(history.kernel, conv.weight.data.reshape(1, 2))


def test_seeded_start_is_drawn_like_nn_conv2d_and_leaves_global_rng_alone(problem):
    torch.manual_seed(0)
    expected = nn.Conv2d(1, 1, (1, 2), bias=False).weight.detach().reshape(1, 2)
    state = torch.random.get_rng_state()
    first, second = learn_kernel(*problem, seed=0), learn_kernel(*problem, seed=0)
    assert torch.equal(first.init, expected) and torch.equal(second.init, expected)
    assert torch.equal(torch.random.get_rng_state(), state)
    assert first.losses == second.losses
    assert not torch.equal(learn_kernel(*problem, seed=1).init, expected)
    torch.testing.assert_close(first.kernel, torch.tensor([[1.0, -1.0]]), atol=1e-4, rtol=0)


def test_loss_is_the_quadratic_it_should_be(problem):
    X, Y = problem
    history = learn_kernel(X, Y, init=START, epochs=5)
    for loss, before in zip(history.losses, [START, *history.weights]):
        assert loss == pytest.approx(((corr2d(X, before) - Y) ** 2).sum().item(), rel=1e-6)


def test_critical_rate_of_the_original_problem(problem):
    X, _ = problem
    assert torch.equal(
        hessian(X, (1, 2)), torch.tensor([[36.0, 24.0], [24.0, 36.0]], dtype=torch.float64)
    )
    assert critical_lr(X, (1, 2)) == pytest.approx(1 / 30, rel=1e-12)


def test_divergence_above_the_critical_rate_is_reported(problem):
    X, Y = problem
    assert not learn_kernel(X, Y, lr=0.99 / 30, epochs=300, init=START).diverged
    history = learn_kernel(X, Y, lr=0.1, epochs=100, init=START)
    assert history.diverged and history.diverged_at == len(history.losses) + 1
    assert all(math.isfinite(v) for v in history.losses)
    assert all(bool(torch.isfinite(w).all()) for w in history.weights)
    grows = learn_kernel(X, Y, lr=1.01 / 30, epochs=400, init=START).losses
    assert grows[-1] > grows[0]


def test_a_loss_that_keeps_growing_is_diverged_before_it_overflows(problem):
    X, Y = problem
    rising = learn_kernel(X, Y, lr=0.04, epochs=50, init=START)
    assert not rising.overflowed and rising.diverged_at is None
    assert rising.growing and rising.diverged
    assert rising.losses[-1] > 1e13 * rising.losses[1]
    # the loss falls from epoch 1 to 2 and rises from then on: 10 rises are needed, 9 are not
    assert learn_kernel(X, Y, lr=0.04, epochs=12, init=START).diverged
    assert not learn_kernel(X, Y, lr=0.04, epochs=11, init=START).diverged
    overflowing = learn_kernel(X, Y, lr=0.1, epochs=100, init=START)
    assert overflowing.overflowed and overflowing.diverged
    for lr in (3e-3, 3e-2, 0.99 / 30):  # below the critical rate, down to rounding level
        converging = learn_kernel(X, Y, lr=lr, epochs=3000, init=START)
        assert converging.losses[-1] < 1e-9
        assert not (converging.diverged or converging.growing or converging.overflowed)


def test_other_shapes_and_float64():
    g = torch.Generator().manual_seed(0)
    X = torch.randn(10, 9, generator=g, dtype=torch.float64)
    K = torch.randn(3, 2, generator=g, dtype=torch.float64)
    history = learn_kernel(
        X, corr2d(X, K), kernel_size=(3, 2), lr=0.5 * critical_lr(X, (3, 2)), epochs=500, seed=3
    )
    assert history.kernel.dtype == torch.float64
    torch.testing.assert_close(history.kernel, K, atol=1e-6, rtol=0)


IMAGE = edge_image()
TARGET = corr2d(IMAGE, torch.tensor([[1.0, -1.0]]))
LEARN = [
    ("lr zero", {"lr": 0}, ValueError, "lr must be a positive finite number, got 0"),
    ("lr negative", {"lr": -0.1}, ValueError, "lr must be a positive finite number"),
    ("lr inf", {"lr": float("inf")}, ValueError, "lr must be a positive finite number"),
    ("lr NaN", {"lr": float("nan")}, ValueError, "lr must be a positive finite number"),
    ("lr text", {"lr": "0.03"}, TypeError, "lr must be a number"),
    ("epochs zero", {"epochs": 0}, ValueError, "epochs must be at least 1"),
    ("epochs float", {"epochs": 2.5}, TypeError, "epochs must be an int"),
    ("kernel_size zero", {"kernel_size": (0, 2)}, ValueError, "kernel_size must be positive"),
    ("kernel larger", {"kernel_size": (7, 2)}, ValueError, "larger than image_shape"),
    ("Y of another shape", {"Y": IMAGE}, ValueError, r"Y must have shape \(6, 7\)"),
    (
        "Y for another kernel_size",
        {"kernel_size": (2, 2)},
        ValueError,
        r"Y must have shape \(5, 7\) \(image \(6, 8\) and kernel_size \(2, 2\)\)",
    ),
    ("Y integer", {"Y": TARGET.long()}, TypeError, "Y must have a floating-point"),
    ("Y NaN", {"Y": TARGET * float("nan")}, ValueError, "Y must contain only finite"),
    ("X 3-D", {"X": IMAGE[None]}, ValueError, "X must be 2-D"),
    ("X empty", {"X": torch.ones(0, 2)}, ValueError, "X must not be empty"),
    ("X NaN", {"X": IMAGE * float("nan")}, ValueError, "X must contain only finite"),
    (
        "init of another shape",
        {"init": torch.ones(2, 1)},
        ValueError,
        r"init must have shape kernel_size \(1, 2\), got \(2, 1\)",
    ),
    ("init not a tensor", {"init": [1.0, -1.0]}, TypeError, "init must be a torch.Tensor"),
    ("seed text", {"seed": "0"}, TypeError, "seed must be an int"),
    ("seed beyond 64 bits", {"seed": 2**70}, ValueError, r"seed must lie in \[-2\*\*63, 2\*\*64\)"),
    ("Y on another device", {"Y": TARGET.to("meta")}, ValueError, "Y is on the meta device"),
]


def learn(**kwargs):
    """learn_kernel on the original problem, with ``kwargs`` in place of its arguments."""
    arguments = {"X": IMAGE, "Y": TARGET} | kwargs
    return lambda: learn_kernel(**arguments)


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(f"learn_kernel: {case}", learn(**kwargs), error, words)
        for case, kwargs, error, words in LEARN
    ]
    + [
        refusal(
            "critical_lr: X all zeros",
            lambda: critical_lr(torch.zeros(3, 3)),
            ValueError,
            "X is all zeros",
        ),
        refusal(
            "critical_lr: inf in X",
            lambda: critical_lr(IMAGE * float("inf")),
            ValueError,
            "X must contain only finite",
        ),
        refusal(
            "critical_lr: kernel_size text",
            lambda: critical_lr(IMAGE, "1x2"),
            TypeError,
            "kernel_size must be an int or a pair",
        ),
        refusal(
            "critical_lr: kernel larger",
            lambda: critical_lr(torch.ones(3, 3), (4, 4)),
            ValueError,
            "larger than image_shape",
        ),
        refusal("hessian: 1-D X", lambda: hessian(torch.ones(4)), ValueError, "X must be 2-D"),
        refusal(
            "critical_lr: X so large the rate underflows",
            lambda: critical_lr(torch.full((6, 8), 1e200, dtype=torch.float64)),
            ValueError,
            r"critical rate about 1e-40\d, beyond the range of a float64",
        ),
        refusal(
            "critical_lr: X so small the rate overflows (not 'all zeros')",
            lambda: critical_lr(torch.full((6, 8), 1e-170, dtype=torch.float64)),
            ValueError,
            r"critical rate about 1e33\d, beyond the range",
        ),
        refusal(
            "hessian: beyond float64",
            lambda: hessian(torch.full((6, 8), 1e200, dtype=torch.float64)),
            ValueError,
            "Hessian's sums of products are beyond the range of a float64",
        ),
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_only_long_runs_may_show_a_progress_bar(monkeypatch):
    """Decided by the epoch count, so a re-run notebook never gains a bar on a busy machine."""
    shown = []

    class Bar:
        def __init__(self, total, disable, **options):
            shown.append(disable)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def update(self):
            pass

    monkeypatch.setattr(convbook.train, "tqdm", Bar)
    monkeypatch.setattr(convbook.train, "PROGRESS_FROM_EPOCHS", 20)
    learn_kernel(IMAGE, TARGET, epochs=19, seed=0)
    learn_kernel(IMAGE, TARGET, epochs=20, seed=0)
    assert shown == [True, None]  # never; where someone can see it (tqdm's disable=None)


def test_the_progress_bar_is_text_never_a_notebook_widget():
    """tqdm.auto's bar in Jupyter is an ipywidget, whose models would stay in the saved widget
    state of a notebook that trained for long (test_notebooks.py checks that state)."""
    import tqdm

    assert convbook.train.tqdm is tqdm.std.tqdm
