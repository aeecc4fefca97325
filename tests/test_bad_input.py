"""Every public function and widget, fed each kind of bad input, says clearly what is wrong.

Each row: a call, the exception type, and words the message must contain (the argument's
name and the problem). A raw error from deep inside torch would fail the row.
"""

from __future__ import annotations

import pytest
import torch

import convbook
from convbook import ops
from convbook.widgets import KernelExplorer, LearningRateExplorer

GOOD_X, GOOD_K = torch.ones(4, 5), torch.ones(2, 2)
NAN = torch.tensor([[1.0, float("nan")], [0.0, 1.0]])
INF = torch.tensor([[1.0, float("inf")], [0.0, 1.0]])
IMAGE_OPS = {name: getattr(ops, name) for name in dir(ops) if name.startswith("corr2d")}
IMAGE_OPS["conv2d_true"] = convbook.conv2d_true

PAIR_CASES = [
    ("wrong type X", ([[1.0]], GOOD_K), TypeError, "X must be a torch.Tensor, got list"),
    ("wrong type K", (GOOD_X, 3.0), TypeError, "K must be a torch.Tensor, got float"),
    ("1-D X", (torch.ones(5), GOOD_K), ValueError, "X must be 2-D"),
    ("4-D X", (torch.ones(1, 1, 4, 5), GOOD_K), ValueError, "X must be 2-D"),
    ("3-D K", (GOOD_X, torch.ones(1, 2, 2)), ValueError, "K must be 2-D"),
    ("empty X", (torch.ones(0, 5), GOOD_K), ValueError, "X must not be empty"),
    ("empty K", (GOOD_X, torch.ones(2, 0)), ValueError, "K must not be empty"),
    ("kernel too large", (GOOD_X, torch.ones(5, 2)), ValueError, "larger than image X"),
    (
        "NaN in X",
        (torch.nn.functional.pad(NAN, (0, 3, 0, 2)), GOOD_K),
        ValueError,
        "X must contain only finite",
    ),
    ("inf in K", (GOOD_X, INF), ValueError, "K must contain only finite"),
    (
        "integer X",
        (torch.ones(4, 5, dtype=torch.int64), GOOD_K),
        TypeError,
        "X must have a floating-point dtype",
    ),
    (
        "integer K",
        (GOOD_X, torch.ones(2, 2, dtype=torch.int32)),
        TypeError,
        "K must have a floating-point dtype",
    ),
    ("mixed dtypes", (GOOD_X, GOOD_K.double()), TypeError, "X and K must share a dtype"),
    (
        "mixed devices",
        (GOOD_X, torch.ones(2, 2, device="meta")),
        ValueError,
        "X and K must be on the same device",
    ),
]


@pytest.mark.parametrize("name", sorted(IMAGE_OPS))
@pytest.mark.parametrize("case, args, error, words", PAIR_CASES, ids=[c[0] for c in PAIR_CASES])
def test_image_operations(name, case, args, error, words):
    with pytest.raises(error, match=words):
        IMAGE_OPS[name](*args)


X6, Y6 = convbook.edge_image(), convbook.corr2d(convbook.edge_image(), torch.tensor([[1.0, -1.0]]))
CASES = [
    # learning
    (
        "learn: lr zero",
        lambda: convbook.learn_kernel(X6, Y6, lr=0),
        ValueError,
        "lr must be a positive finite number",
    ),
    (
        "learn: lr negative",
        lambda: convbook.learn_kernel(X6, Y6, lr=-1.0),
        ValueError,
        "lr must be a positive",
    ),
    (
        "learn: lr inf",
        lambda: convbook.learn_kernel(X6, Y6, lr=float("inf")),
        ValueError,
        "lr must be a positive",
    ),
    (
        "learn: lr text",
        lambda: convbook.learn_kernel(X6, Y6, lr="fast"),
        TypeError,
        "lr must be a number",
    ),
    (
        "learn: zero epochs",
        lambda: convbook.learn_kernel(X6, Y6, epochs=0),
        ValueError,
        "epochs must be at least 1",
    ),
    (
        "learn: float epochs",
        lambda: convbook.learn_kernel(X6, Y6, epochs=1.5),
        TypeError,
        "epochs must be an int",
    ),
    (
        "learn: Y shape",
        lambda: convbook.learn_kernel(X6, X6),
        ValueError,
        r"Y must have shape \(6, 7\)",
    ),
    (
        "learn: NaN X",
        lambda: convbook.learn_kernel(X6 * float("nan"), Y6),
        ValueError,
        "X must contain only finite",
    ),
    ("learn: 3-D X", lambda: convbook.learn_kernel(X6[None], Y6), ValueError, "X must be 2-D"),
    (
        "learn: integer Y",
        lambda: convbook.learn_kernel(X6, Y6.long()),
        TypeError,
        "Y must have a floating-point",
    ),
    (
        "learn: empty X",
        lambda: convbook.learn_kernel(torch.ones(0, 2), Y6),
        ValueError,
        "X must not be empty",
    ),
    (
        "learn: kernel_size",
        lambda: convbook.learn_kernel(X6, Y6, kernel_size=(0, 2)),
        ValueError,
        "kernel_size must be positive",
    ),
    (
        "learn: kernel too large",
        lambda: convbook.learn_kernel(X6, Y6, kernel_size=(7, 2)),
        ValueError,
        "larger than image_shape",
    ),
    (
        "learn: init shape",
        lambda: convbook.learn_kernel(X6, Y6, init=torch.ones(2, 1)),
        ValueError,
        "init must have shape",
    ),
    (
        "learn: seed type",
        lambda: convbook.learn_kernel(X6, Y6, seed=1.5),
        TypeError,
        "seed must be an int",
    ),
    (
        "critical_lr: zeros",
        lambda: convbook.critical_lr(torch.zeros(3, 3)),
        ValueError,
        "X is all zeros",
    ),
    (
        "critical_lr: inf",
        lambda: convbook.critical_lr(X6 * float("inf")),
        ValueError,
        "X must contain only finite",
    ),
    (
        "critical_lr: kernel_size",
        lambda: convbook.critical_lr(X6, "1x2"),
        TypeError,
        "kernel_size must be",
    ),
    ("hessian: 1-D", lambda: convbook.hessian(torch.ones(4)), ValueError, "X must be 2-D"),
    # shapes and matrices
    (
        "output_shape: too large",
        lambda: convbook.output_shape((3, 3), (4, 4)),
        ValueError,
        "larger than image_shape",
    ),
    (
        "output_shape: zero",
        lambda: convbook.output_shape((3, 0), (1, 1)),
        ValueError,
        "image_shape must be positive",
    ),
    (
        "output_shape: floats",
        lambda: convbook.output_shape((3.0, 3), (1, 1)),
        TypeError,
        "image_shape must hold ints",
    ),
    ("im2col: 1-D", lambda: convbook.im2col(torch.ones(5), (2, 2)), ValueError, "X must be 2-D"),
    ("im2col: too large", lambda: convbook.im2col(GOOD_X, (5, 1)), ValueError, "larger than"),
    (
        "toeplitz: NaN kernel",
        lambda: convbook.toeplitz(NAN, (4, 4)),
        ValueError,
        "K must contain only finite",
    ),
    ("toeplitz: too large", lambda: convbook.toeplitz(GOOD_K, (1, 4)), ValueError, "larger than"),
    # layer and data
    (
        "Conv2D: zero size",
        lambda: convbook.Conv2D((0, 2)),
        ValueError,
        "kernel_size must be positive",
    ),
    ("Conv2D: text size", lambda: convbook.Conv2D("2"), TypeError, "kernel_size must be"),
    (
        "Conv2D: batch",
        lambda: convbook.Conv2D(2)(torch.ones(1, 1, 4, 4)),
        ValueError,
        "Conv2D takes one 2-D image",
    ),
    (
        "Conv2D: integer image",
        lambda: convbook.Conv2D(2)(torch.ones(4, 4, dtype=torch.int64)),
        TypeError,
        "X must have a floating-point",
    ),
    (
        "edge_image: zero",
        lambda: convbook.edge_image(0, 8),
        ValueError,
        "height must be at least 1",
    ),
    ("photo: float size", lambda: convbook.photo(32.0), TypeError, "size must be an int"),
    (
        "checkerboard: square",
        lambda: convbook.checkerboard(square=0),
        ValueError,
        "square must be at least 1",
    ),
    ("kernel: unknown", lambda: convbook.kernel("blur"), ValueError, "blur"),
    ("kernel: not text", lambda: convbook.kernel(3), TypeError, "name"),
    # plots
    (
        "show_matrices: list",
        lambda: convbook.show_matrices([[[1.0]]], ["a"]),
        TypeError,
        r"matrices\[0\] must be a torch.Tensor",
    ),
    (
        "show_matrices: titles",
        lambda: convbook.show_matrices([GOOD_K], []),
        ValueError,
        "titles must have 1",
    ),
    (
        "show_images: 3-D",
        lambda: convbook.show_images([torch.ones(1, 2, 2)], ["a"]),
        ValueError,
        r"images\[0\] must be a non-empty 2-D",
    ),
    (
        "loss_curve: empty",
        lambda: convbook.loss_curve({}),
        ValueError,
        "runs must name at least one run",
    ),
    (
        "sliding_window: too large",
        lambda: convbook.sliding_window(GOOD_K, GOOD_X),
        ValueError,
        "larger than",
    ),
    # widgets
    (
        "KernelExplorer: 1-D image",
        lambda: KernelExplorer(image=torch.ones(4)),
        ValueError,
        "image must be 2-D",
    ),
    (
        "KernelExplorer: NaN image",
        lambda: KernelExplorer(image=NAN),
        ValueError,
        "image must contain only finite",
    ),
    (
        "KernelExplorer: integer kernel",
        lambda: KernelExplorer(kernel=torch.ones(2, 2, dtype=torch.int64)),
        TypeError,
        "kernel must have a floating-point",
    ),
    (
        "KernelExplorer: 6x6 kernel",
        lambda: KernelExplorer(kernel=torch.ones(6, 6)),
        ValueError,
        "kernel may be at most 5 x 5",
    ),
    (
        "KernelExplorer: kernel > image",
        lambda: KernelExplorer(image=torch.ones(2, 2), kernel=torch.ones(3, 3)),
        ValueError,
        "larger than image",
    ),
    (
        "KernelExplorer: operation",
        lambda: KernelExplorer(operation="blur"),
        ValueError,
        "operation must be one of",
    ),
    (
        "LearningRateExplorer: lr zero",
        lambda: LearningRateExplorer(lr=0.0),
        ValueError,
        "lr must be a positive finite number",
    ),
    (
        "LearningRateExplorer: lr NaN",
        lambda: LearningRateExplorer(lr=float("nan")),
        ValueError,
        "lr must be a positive finite number",
    ),
    (
        "LearningRateExplorer: epochs",
        lambda: LearningRateExplorer(epochs=0),
        ValueError,
        "epochs must be at least 1",
    ),
    (
        "LearningRateExplorer: X 3-D",
        lambda: LearningRateExplorer(X=torch.ones(1, 6, 8)),
        ValueError,
        "X must be 2-D",
    ),
    (
        "LearningRateExplorer: Y shape",
        lambda: LearningRateExplorer(Y=torch.ones(6, 8)),
        ValueError,
        "Y must have shape",
    ),
]


@pytest.mark.parametrize("case, call, error, words", CASES, ids=[c[0] for c in CASES])
def test_everything_else(case, call, error, words):
    with pytest.raises(error, match=words):
        call()
