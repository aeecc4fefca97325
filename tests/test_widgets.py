"""The widgets' Python side: traits checked, outputs computed by convbook."""

import re

import pytest
import torch
from helpers import refusal

from convbook import (
    conv2d_true,
    corr2d,
    critical_lr,
    edge_image,
    kernel,
    learn_kernel,
    numbers_example,
    original_start,
)
from convbook.data import LARGEST_KERNEL
from convbook.widgets import KernelExplorer, LearningRateExplorer


def test_kernel_explorer_defaults_to_the_original():
    explorer = KernelExplorer()
    assert torch.equal(explorer.image, edge_image())
    assert torch.equal(explorer.kernel, torch.tensor([[1.0, -1.0]]))
    assert torch.equal(explorer.output, corr2d(edge_image(), kernel("edge")))
    assert set(explorer.presets) >= {
        "identity",
        "edge",
        "edge_transposed",
        "box_blur",
        "gaussian_blur_3",
        "sharpen",
        "sobel_x",
        "sobel_y",
        "laplacian",
    }
    assert "photo (32 × 32)" in explorer.images and len(explorer.images["photo (32 × 32)"]) == 32
    # one ES module, whatever bundled it, with a default export and the math inside
    assert re.search(r"export\s*(default\b|\{[^}]*\bas default\b)", explorer._esm)
    assert re.search(r"\bfunction corr2d\(", explorer._esm)


def test_kernel_explorer_follows_the_reader_choice():
    X = torch.rand(7, 9, generator=torch.Generator().manual_seed(0))
    explorer = KernelExplorer(image=X, kernel=kernel("sobel_x"))
    assert explorer.image_name == "your image"
    torch.testing.assert_close(
        explorer.image, X, atol=5e-5, rtol=0
    )  # sent to the browser to 4 decimals
    torch.testing.assert_close(explorer.output, corr2d(explorer.image, kernel("sobel_x")))
    K = numbers_example()[1]
    explorer.kernel_rows = K.tolist()  # what the browser sends back
    explorer.operation = "convolution"
    torch.testing.assert_close(explorer.output, conv2d_true(explorer.image, K))
    explorer.image_name = "numbers 0 to 8 (3 × 3)"
    explorer.operation = "cross-correlation"
    assert explorer.output.tolist() == [[19.0, 25.0], [37.0, 43.0]]


def test_lr_explorer_is_the_original_problem_and_its_history_is_torchs():
    explorer = LearningRateExplorer()
    assert explorer.init_rows == original_start().tolist()
    assert explorer.lr == 3e-2 and explorer.epochs == 50
    assert explorer.critical_lr == pytest.approx(1 / 30)
    assert explorer.optimum_rows[0] == pytest.approx([1.0, -1.0])
    assert [f"{v:.3f}" for v in explorer.history.losses[:3]] == ["20.026", "9.280", "4.490"]
    explorer.lr = 0.1
    assert explorer.history.diverged_at == 29
    explorer.epochs = 10
    explorer.init_rows = [[0.0, 0.0]]
    expected = learn_kernel(
        edge_image(),
        corr2d(edge_image(), kernel("edge")),
        lr=0.1,
        epochs=10,
        init=torch.zeros(1, 2),
    )
    assert explorer.history.losses == expected.losses


def test_lr_explorer_on_another_problem():
    X = torch.rand(8, 8, generator=torch.Generator().manual_seed(2))
    Y = corr2d(X, kernel("box_blur"))
    explorer = LearningRateExplorer(
        X, Y, kernel_size=(3, 3), lr=0.5 * critical_lr(X, (3, 3)), epochs=20
    )
    assert explorer.critical_lr == pytest.approx(critical_lr(X, (3, 3)))
    torch.testing.assert_close(
        torch.tensor(explorer.optimum_rows, dtype=torch.float32),
        kernel("box_blur"),
        atol=1e-4,
        rtol=0,
    )
    assert len(explorer.history.losses) == 20


KERNEL_EXPLORER = [
    ("image 1-D", {"image": torch.ones(3)}, ValueError, "image must be 2-D"),
    ("image a list", {"image": [[1.0]]}, TypeError, "image must be a torch.Tensor"),
    ("image NaN", {"image": torch.full((3, 3), float("nan"))}, ValueError, "image must contain"),
    ("kernel 3-D", {"kernel": torch.ones(1, 2, 2)}, ValueError, "kernel must be 2-D"),
    (
        "kernel integer",
        {"kernel": torch.ones(2, 2, dtype=torch.int64)},
        TypeError,
        "kernel must have a floating-point",
    ),
    (
        "kernel too tall for the page",
        {"kernel": torch.ones(LARGEST_KERNEL + 1, 1)},
        ValueError,
        f"kernel may be at most {LARGEST_KERNEL} x {LARGEST_KERNEL}",
    ),
    (
        "kernel larger than the image",
        {"image": torch.ones(2, 2), "kernel": torch.ones(3, 3)},
        ValueError,
        "larger than image",
    ),
    ("unknown operation", {"operation": "convolve"}, ValueError, "operation must be one of"),
]
LEARNING_RATE_EXPLORER = [
    ("lr zero", {"lr": 0}, ValueError, "lr must be a positive finite number"),
    ("lr negative", {"lr": -1e-2}, ValueError, "lr must be a positive finite number"),
    ("lr inf", {"lr": float("inf")}, ValueError, "lr must be a positive finite number"),
    ("lr NaN", {"lr": float("nan")}, ValueError, "lr must be a positive finite number"),
    ("epochs zero", {"epochs": 0}, ValueError, "epochs must be at least 1"),
    ("X 3-D", {"X": torch.ones(2, 3, 4)}, ValueError, "X must be 2-D"),
    ("Y of another shape", {"Y": torch.ones(6, 8)}, ValueError, r"Y must have shape \(6, 7\)"),
    ("kernel larger", {"kernel_size": (9, 9)}, ValueError, "larger than image_shape"),
    (
        "init of another shape",
        {"init": torch.ones(2, 1)},
        ValueError,
        r"init must have shape kernel_size \(1, 2\), got \(2, 1\)",
    ),
]


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(f"KernelExplorer: {case}", lambda kw=kwargs: KernelExplorer(**kw), error, words)
        for case, kwargs, error, words in KERNEL_EXPLORER
    ]
    + [
        refusal(
            f"LearningRateExplorer: {case}",
            lambda kw=kwargs: LearningRateExplorer(**kw),
            error,
            words,
        )
        for case, kwargs, error, words in LEARNING_RATE_EXPLORER
    ],
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize("value", [0.0, -0.5, float("inf"), float("nan")])
def test_lr_trait_is_validated_after_construction(value):
    explorer = LearningRateExplorer()
    with pytest.raises(ValueError, match="lr must be a positive finite number"):
        explorer.lr = value
    assert explorer.lr == 3e-2
