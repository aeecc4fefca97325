"""The widgets' Python side: traits checked, outputs computed by convbook."""

import itertools
import re

import pytest
import torch
import torch.nn.functional as F
from helpers import ROOT, refusal

from convbook import (
    conv2d_true,
    corr2d,
    critical_lr,
    edge_image,
    kernel,
    learn_kernel,
    numbers_example,
    original_start,
    photo,
)
from convbook.data import LARGEST_KERNEL
from convbook.widgets import KernelExplorer, LearningRateExplorer, PoolingExplorer, WindowExplorer
from convbook.widgets.lr_explorer import EDGE, PHOTO, PHOTO_SIZE


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


NUMBERS = "numbers 0 to 8 (3 × 3)"


def test_kernel_explorer_crops_a_kernel_too_large_for_a_new_image_and_says_so():
    explorer = KernelExplorer()
    explorer.kernel = kernel("gaussian_blur_5")
    explorer.image_name = NUMBERS  # as in issue 11: accepted, and the output still works
    sent = kernel("gaussian_blur_5").round(decimals=4)  # the widget keeps 4 decimals
    torch.testing.assert_close(explorer.kernel, sent[1:4, 1:4])
    assert explorer.note == (
        "The 5 × 5 kernel is cropped to its middle 3 × 3 to fit the 3 × 3 image."
    )
    torch.testing.assert_close(explorer.output, corr2d(numbers_example()[0], explorer.kernel))
    explorer.kernel = kernel("edge")  # a new kernel: the note has done its work
    assert explorer.note == ""
    tiny = KernelExplorer(image=torch.ones(1, 1))  # even the starting kernel is cropped
    assert tiny.kernel.tolist() == [[1.0]] and tiny.output.tolist() == [[1.0]]


def test_kernel_explorer_takes_the_browsers_changes_whole_or_not_at_all():
    explorer = KernelExplorer()
    photo_name = "photo (32 × 32)"
    explorer.set_state(
        {"image_name": photo_name, "kernel_rows": kernel("gaussian_blur_5").tolist()}
    )
    assert explorer.image_name == photo_name and explorer.kernel.shape == (5, 5)
    # a new image with a kernel too large for it, sent together: refused together
    with pytest.raises(ValueError, match="larger than image"):
        explorer.set_state({"image_name": NUMBERS, "kernel_rows": torch.ones(5, 4).tolist()})
    assert explorer.image_name == photo_name and explorer.kernel.shape == (5, 5)
    # the reader's picture, its name and a kernel that fits: one change
    picture = torch.rand(4, 6, generator=torch.Generator().manual_seed(1)).round(decimals=3)
    explorer.set_state(
        {
            "images": {**explorer.images, "your picture (4 × 6)": picture.tolist()},
            "image_name": "your picture (4 × 6)",
            "kernel_rows": kernel("sobel_x").tolist(),
        }
    )
    torch.testing.assert_close(explorer.image, picture)
    torch.testing.assert_close(explorer.output, corr2d(picture, kernel("sobel_x")))


@pytest.mark.parametrize(
    "state, words",
    [
        ({"kernel_rows": [[1e308, -1e308]]}, "kernel entries must lie from -1000 to 1000"),
        ({"kernel_rows": [[1.0, 2.0], [3.0]]}, "kernel must be a list of equally long rows"),
        ({"kernel_rows": [[float("nan")]]}, "kernel must contain only finite values"),
        ({"kernel_rows": torch.ones(6, 1).tolist()}, "kernel may be at most 5 x 5"),
        ({"image_name": "your picture"}, "image_name must be one of"),
        ({"images": {"other": [[1.0]]}}, "images must include the image shown"),
        ({"images": {"edge image (6 × 8)": [["a"]]}}, "must be a list of equally long rows"),
        ({"images": {"edge image (6 × 8)": [[0.0] * 200]}}, "at most 128 pixels on a side"),
        ({"operation": "convolve"}, "operation must be one of"),
    ],
)
def test_kernel_explorer_refuses_a_bad_state_and_keeps_the_last_valid_one(state, words):
    explorer = KernelExplorer()
    before = (explorer.images, explorer.image_name, explorer.kernel_rows, explorer.operation)
    with pytest.raises(ValueError, match=words):
        explorer.set_state(state)
    assert (
        explorer.images,
        explorer.image_name,
        explorer.kernel_rows,
        explorer.operation,
    ) == before


def test_lr_explorer_is_the_original_problem_and_its_history_is_torchs():
    explorer = LearningRateExplorer()
    assert explorer.problem == EDGE and list(explorer.problems) == [EDGE, PHOTO]
    assert explorer.init_rows == original_start().tolist()
    assert explorer.lr == 3e-2 and explorer.epochs == 50
    assert explorer.critical_lr == pytest.approx(1 / 30)
    assert explorer.problems[EDGE]["lr_range"] == [1e-3, 1e-1]
    assert explorer.optimum[0].tolist() == pytest.approx([1.0, -1.0])
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


def test_lr_explorer_switches_to_the_3x3_sobel_problem():
    """The photo's problem brings its own start (zeros) and rate (0.9 times the critical rate, to
    two digits); the history is learn_kernel's on the photo and its Sobel map."""
    explorer = LearningRateExplorer(epochs=30)
    explorer.problem = PHOTO
    X = photo(PHOTO_SIZE)
    critical = critical_lr(X, (3, 3))
    assert explorer.init_rows == [[0.0] * 3] * 3 and explorer.lr == float(f"{0.9 * critical:.2g}")
    low, high = explorer.problems[PHOTO]["lr_range"]
    assert low <= critical / 10 and 2 * critical <= high and explorer.critical_lr == critical
    torch.testing.assert_close(
        explorer.optimum, kernel("sobel_x", torch.float64), atol=1e-6, rtol=0
    )
    expected = learn_kernel(
        X, corr2d(X, kernel("sobel_x")), (3, 3), lr=explorer.lr, epochs=30, init=torch.zeros(3, 3)
    )
    assert explorer.history.losses == expected.losses
    explorer.problem = EDGE
    assert explorer.init_rows == original_start().tolist() and explorer.lr == 3e-2


def test_lr_explorer_takes_the_pages_changes_together():
    """The page sends a new problem with its start and rate in one message; the traits are
    checked once all are set, and a start beyond float32 or of the wrong shape is refused."""
    explorer = LearningRateExplorer()
    explorer.set_state({"problem": PHOTO, "init_rows": [[0.0] * 3] * 3, "lr": 0.0036})
    assert explorer.problem == PHOTO and len(explorer.history.kernel) == 3
    explorer.set_state({"init_rows": [[0.5] * 3] * 3})
    assert explorer.history.init.tolist() == [[0.5] * 3] * 3
    for bad, words in [
        ([[1e39, 0.0, 0.0]] * 3, "init must contain only finite values"),
        ([[0.0, 0.0]], r"init must have shape kernel_size \(3, 3\)"),
    ]:
        with pytest.raises(ValueError, match=words):
            explorer.init_rows = bad
    assert explorer.init_rows == [[0.5] * 3] * 3
    with pytest.raises(ValueError, match="problem must be one of"):
        explorer.problem = "a problem of my own"


def test_lr_explorer_on_another_problem():
    X = torch.rand(8, 8, generator=torch.Generator().manual_seed(2))
    Y = corr2d(X, kernel("box_blur"))
    explorer = LearningRateExplorer(
        X, Y, kernel_size=(3, 3), lr=0.5 * critical_lr(X, (3, 3)), epochs=20
    )
    assert explorer.problem == "your X and Y"
    assert explorer.critical_lr == pytest.approx(critical_lr(X, (3, 3)))
    low, high = explorer.problems["your X and Y"]["lr_range"]
    assert low <= explorer.lr <= high and low <= explorer.critical_lr / 10
    torch.testing.assert_close(
        explorer.optimum.float(),
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
    (
        "image larger than the browser draws",
        {"image": torch.ones(129, 3)},
        ValueError,
        r"image may be at most 128 pixels on a side, got shape \(129, 3\)",
    ),
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


def test_window_explorer_defaults_and_outputs_are_torchs():
    explorer = WindowExplorer()
    settings = [getattr(explorer, name) for name in ("input_size", "kernel_size", "padding")]
    assert settings + [explorer.stride, explorer.dilation] == [5, 3, 1, 2, 1]
    assert (explorer.transposed, explorer.output_padding) == (False, 0)
    assert torch.equal(explorer.image, torch.arange(1.0, 26).reshape(5, 5))
    assert torch.equal(explorer.kernel, torch.arange(1.0, 10).reshape(3, 3))
    assert explorer.output_size == 3 and explorer.output[0, 0].item() == 128
    assert explorer.ranges == {
        "input_size": (3, 12),
        "kernel_size": (1, 5),
        "padding": (0, 3),
        "stride": (1, 4),
        "dilation": (1, 3),
        "output_padding": (0, 3),
    }
    # one ES module, whatever bundled it, with a default export and the window math inside
    assert re.search(r"export\s*(default\b|\{[^}]*\bas default\b)", explorer._esm)
    assert re.search(r"\bfunction crossCorrelate\(", explorer._esm)
    assert re.search(r"\bfunction transposedConv\(", explorer._esm)


def test_window_explorer_output_is_torchs_on_every_setting_it_allows():
    """Every setting of the sliders: output as F.conv2d, transposed as F.conv_transpose2d
    (with each output_padding the slider offers), or a clear refusal where none fits."""
    settings = itertools.product((3, 7, 12), range(1, 6), range(4), range(1, 5), range(1, 4))
    fits = [check_window_setting(*setting) for setting in settings]
    assert fits.count(True) > 500 and fits.count(False) > 50


def check_window_setting(n: int, k: int, p: int, s: int, d: int) -> bool:
    """Check one setting against torch; whether a window fits."""
    explorer = WindowExplorer(n, k, padding=p, stride=s, dilation=d)
    X, K = explorer.image[None, None], explorer.kernel[None, None]
    try:
        try:
            expected = F.conv2d(X, K, padding=p, stride=s, dilation=d)[0, 0]
        except RuntimeError:
            assert explorer.output_size == 0
            with pytest.raises(ValueError, match="no window fits"):
                _ = explorer.output
            return False
        assert torch.equal(explorer.output, expected)
        assert explorer.output_size == expected.shape[0]
        Z = explorer.transposed_input
        assert torch.equal(Z, torch.arange(1.0, Z.numel() + 1).reshape(Z.shape))
        for op in range(max(s, d)):
            explorer.output_padding = op
            check_transposed(explorer, Z[None, None], K, (p, s, d, op))
        return True
    finally:
        explorer.close()  # no longer a live widget of this kernel


def check_transposed(explorer, Z, K, settings):
    p, s, d, op = settings
    try:
        expected = F.conv_transpose2d(Z, K, padding=p, stride=s, dilation=d, output_padding=op)[
            0, 0
        ]
    except RuntimeError:
        expected = None
    if (
        expected is None or expected.numel() == 0
    ):  # torch refuses some empty results, returns others
        with pytest.raises(ValueError, match="crops every row"):
            _ = explorer.transposed_output
        return
    assert torch.equal(explorer.transposed_output, expected)


def test_window_explorer_output_padding_follows_stride_and_dilation():
    explorer = WindowExplorer(stride=3, output_padding=2)
    explorer.stride = 2  # as in the browser: lowered to fit, not refused
    assert explorer.output_padding == 1
    explorer.dilation = 3
    explorer.output_padding = 2
    explorer.dilation = 1
    explorer.stride = 1
    assert explorer.output_padding == 0
    with pytest.raises(ValueError, match=r"output_padding must be smaller than the stride \(1\)"):
        explorer.output_padding = 1
    assert explorer.output_padding == 0
    # what the browser sends when a slider moves: all the settings at once, checked together
    explorer.set_state({"stride": 4, "output_padding": 3})
    assert (explorer.stride, explorer.output_padding) == (4, 3)
    explorer.transposed = True
    assert explorer.transposed_output.shape == (8, 8)  # n + output_padding - what the floor drops


WINDOW_EXPLORER = [
    (
        "input_size too small",
        {"input_size": 2},
        ValueError,
        "input_size must be from 3 to 12, got 2",
    ),
    ("input_size a float", {"input_size": 5.0}, TypeError, "input_size must be an int, got float"),
    ("kernel_size too large", {"kernel_size": 6}, ValueError, "kernel_size must be from 1 to 5"),
    (
        "kernel_size a bool",
        {"kernel_size": True},
        TypeError,
        "kernel_size must be an int, got bool",
    ),
    ("padding negative", {"padding": -1}, ValueError, "padding must be from 0 to 3, got -1"),
    ("padding a string", {"padding": "same"}, TypeError, "padding must be an int, got str"),
    ("stride zero", {"stride": 0}, ValueError, "stride must be from 1 to 4, got 0"),
    ("stride a pair", {"stride": (2, 2)}, TypeError, "stride must be an int, got tuple"),
    ("dilation zero", {"dilation": 0}, ValueError, "dilation must be from 1 to 3, got 0"),
    ("transposed 1", {"transposed": 1}, TypeError, "transposed must be True or False, got int"),
    (
        "output_padding not below stride or dilation",
        {"stride": 2, "dilation": 1, "output_padding": 2},
        ValueError,
        r"output_padding must be smaller than the stride \(2\) or the dilation \(1\), got 2",
    ),
    (
        "output_padding negative",
        {"output_padding": -1},
        ValueError,
        "output_padding must be from 0",
    ),
]


@pytest.mark.parametrize(
    "call, error, words",
    [
        refusal(f"WindowExplorer: {case}", lambda kw=kwargs: WindowExplorer(**kw), error, words)
        for case, kwargs, error, words in WINDOW_EXPLORER
    ],
)
def test_window_explorer_refuses_bad_settings(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize("name, value", [("padding", 4), ("stride", 1.5), ("dilation", None)])
def test_window_explorer_keeps_its_last_valid_setting(name, value):
    explorer = WindowExplorer()
    with pytest.raises((TypeError, ValueError), match=name):
        setattr(explorer, name, value)
    assert [explorer.padding, explorer.stride, explorer.dilation] == [1, 2, 1]


def test_window_explorer_explains_a_setting_with_no_window():
    explorer = WindowExplorer(3, 5, padding=0, stride=1, dilation=3)  # allowed: the page explains
    with pytest.raises(
        ValueError, match=r"the 5 x 5 kernel spans 13 cells, more than the padded input's 3"
    ):
        _ = explorer.output
    explorer.padding = 3
    with pytest.raises(ValueError, match="more than the padded input's 9"):
        _ = explorer.transposed_output
    explorer.dilation = 2
    assert explorer.output.shape == (1, 1)


# ---- The pooling explorer ----


def test_pooling_explorer_outputs_winners_and_gradient_are_torchs():
    from convbook.widgets.pooling_explorer import PHOTO

    explorer = PoolingExplorer(PHOTO, "max", window=3, stride=2, padding=1)
    X = explorer.image
    torch.testing.assert_close(explorer.output, F.max_pool2d(X[None, None], 3, 2, 1)[0, 0])
    leaf = X.clone().requires_grad_()
    F.max_pool2d(leaf[None, None], 3, 2, 1)[0, 0, 4, 7].backward()
    assert leaf.grad.nonzero().tolist() == [explorer.winners[4, 7].tolist()]
    explorer.mode = "avg"
    torch.testing.assert_close(explorer.output, F.avg_pool2d(X[None, None], 3, 2, 1)[0, 0])
    leaf = X.clone().requires_grad_()
    F.avg_pool2d(leaf[None, None], 3, 2, 1).sum().backward()
    torch.testing.assert_close(explorer.gradient, leaf.grad)
    assert 0 < explorer.gradient.min() < explorer.gradient.max() < 1  # 1/9 per window over it
    with pytest.raises(ValueError, match="winners are for mode='max'"):
        _ = explorer.winners
    assert set(explorer.ranges) == {"window", "stride", "padding"}


def test_pooling_explorer_lowers_the_padding_with_the_window():
    explorer = PoolingExplorer(window=5, padding=2)
    explorer.window = 3
    assert explorer.padding == 1
    explorer.window = 1
    assert explorer.padding == 0


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"window": 2.0}, TypeError, "window must be an int, got float"),
        ({"window": True}, TypeError, "window must be an int, got bool"),
        ({"window": 9}, ValueError, "window must be from 1 to 8, got 9"),
        ({"stride": 0}, ValueError, "stride must be from 1 to 8, got 0"),
        ({"padding": -1}, ValueError, "padding must be from 0 to 4, got -1"),
        ({"window": 3, "padding": 2}, ValueError, r"padding must be at most half the window"),
        ({"mode": "min"}, ValueError, "mode must be one of"),
        ({"image_name": "cat"}, ValueError, "image_name must be one of"),
    ],
)
def test_pooling_explorer_refuses_bad_settings_and_keeps_the_last(kwargs, error, words):
    with pytest.raises(error, match=words):
        PoolingExplorer(**kwargs)
    explorer = PoolingExplorer(window=4, padding=1)
    with pytest.raises(error, match=words):
        with explorer.hold_trait_notifications():  # as the browser sends a change
            for name, value in {"window": 3, **kwargs}.items():
                setattr(explorer, name, value)
    assert (explorer.window, explorer.padding, explorer.mode) == (4, 1, "max")


STATIC = ROOT / "src" / "convbook" / "widgets" / "static"  # the bundles (make bundles)


def explorers() -> list[type]:
    import convbook.widgets

    return [getattr(convbook.widgets, name) for name in convbook.widgets.__all__]


@pytest.mark.parametrize("widget", explorers(), ids=lambda w: w.__name__)
def test_each_explorer_draws_in_its_own_root_class(widget):
    """The tests find an explorer on a page by its root_class (tests/browser.py, WIDGETS): it
    must be the class its bundle gives the element it draws in, and no other explorer's."""
    roots = [w.root_class for w in explorers()]
    assert re.fullmatch(r"cb-[a-z]+", widget.root_class) and roots.count(widget.root_class) == 1
    bundle = STATIC / f"{widget.__module__.rsplit('.', 1)[-1]}.js"
    assert f'"cb-widget {widget.root_class}"' in bundle.read_text(encoding="utf-8")
