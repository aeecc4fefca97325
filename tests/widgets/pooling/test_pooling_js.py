"""The pooling explorer's JavaScript math (pooling_math.js, pooling_words.js), run with Node,
agrees with PyTorch: F.max_pool2d and F.avg_pool2d, and, for "which pixel won each max", the
nonzero set of the gradient of each output with respect to the image, from torch autograd,
ties included (the first largest pixel in reading order wins, as in PyTorch)."""

import torch
import torch.nn.functional as F
from helpers import needs_node, run_node

from convbook.widgets.pooling_explorer import RANGES, PoolingExplorer, pictures

pytestmark = needs_node


def random_cases(count: int, seed: int, levels: int | None = None):
    """(X, settings) with random sizes and settings in the widget's ranges; with ``levels``,
    pixels take only that many values, so that windows hold ties."""
    g = torch.Generator().manual_seed(seed)

    def between(low: int, high: int) -> int:
        return int(torch.randint(low, high + 1, (1,), generator=g))

    for _ in range(count):
        k = between(RANGES["window"]["min"], 6)
        h, w = between(k, 12), between(k, 12)
        X = torch.rand(h, w, generator=g, dtype=torch.float64)
        if levels:
            X = torch.floor(X * levels) / levels
        settings = {
            "mode": "max" if between(0, 1) else "avg",
            "window": k,
            "stride": between(1, 4),
            "padding": between(0, k // 2),
        }
        yield X, settings


def torch_pool(X: torch.Tensor, s: dict) -> torch.Tensor:
    pool = F.max_pool2d if s["mode"] == "max" else F.avg_pool2d
    return pool(X[None, None], s["window"], stride=s["stride"], padding=s["padding"])[0, 0]


def each_outputs_gradient(X: torch.Tensor, s: dict) -> torch.Tensor:
    """d Y[i, j] / d X for every output (i, j): shape (m_h, m_w, h, w), by torch autograd."""
    X = X.clone().requires_grad_()
    Y = torch_pool(X, s)
    ones = torch.eye(Y.numel(), dtype=X.dtype).reshape(-1, *Y.shape)
    (grads,) = torch.autograd.grad(Y, X, grad_outputs=ones, is_grads_batched=True)
    return grads.reshape(*Y.shape, *X.shape)


def test_pooling_is_torchs_and_each_max_goes_to_its_gradient():
    cases = [*random_cases(80, seed=0), *random_cases(80, seed=1, levels=3)]
    assert sum(s["mode"] == "max" for _, s in cases) > 40
    assert sum(s["padding"] > 0 for _, s in cases) > 30
    answers = run_node(
        "run_pooling.js", [{"op": "pool", "X": X.tolist(), "settings": s} for X, s in cases]
    )
    ties = 0
    for (X, s), got in zip(cases, answers):
        expected = torch_pool(X, s)
        Y = torch.tensor(got["Y"], dtype=torch.float64)
        assert Y.shape == expected.shape, s
        torch.testing.assert_close(Y, expected, rtol=1e-12, atol=1e-12)
        if s["mode"] != "max":
            assert all(w is None for row in got["winners"] for w in row)
            continue
        grads = each_outputs_gradient(X, s)
        for i in range(Y.shape[0]):
            for j in range(Y.shape[1]):
                nonzero = grads[i, j].nonzero().tolist()
                assert nonzero == [got["winners"][i][j]], (s, i, j)  # one pixel, the same one
                assert grads[i, j].sum().item() == 1
                ties += int((X == Y[i, j]).sum() > 1)
    assert ties > 100  # the quantized images hold many tied windows


def test_gradient_of_the_sum_is_autograds():
    cases = [*random_cases(60, seed=2), *random_cases(60, seed=3, levels=2)]
    answers = run_node(
        "run_pooling.js", [{"op": "gradient", "X": X.tolist(), "settings": s} for X, s in cases]
    )
    for (X, s), got in zip(cases, answers):
        X = X.clone().requires_grad_()
        torch_pool(X, s).sum().backward()
        torch.testing.assert_close(
            torch.tensor(got, dtype=torch.float64), X.grad, rtol=1e-12, atol=1e-12
        )


def test_ties_are_every_largest_pixel_of_the_window():
    X = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.5], [1.0, 0.2, 0.3]], dtype=torch.float64)
    s = {"mode": "max", "window": 2, "stride": 1, "padding": 1}
    cases = [
        {"op": "ties", "X": X.tolist(), "settings": s, "i": i, "j": j}
        for i in range(4)
        for j in range(4)
    ]
    got = run_node("run_pooling.js", cases)
    for case, tied in zip(cases, got):
        i, j = case["i"], case["j"]
        rows = range(max(0, i - 1), min(3, i + 1))
        cols = range(max(0, j - 1), min(3, j + 1))
        best = max(X[r, c].item() for r in rows for c in cols)
        assert tied == [[r, c] for r in rows for c in cols if X[r, c].item() == best]


def test_output_size_is_torchs_on_every_setting_the_widget_allows():
    cases, shapes = [], []
    for n in (20, 32, 9):
        for k in range(RANGES["window"]["min"], RANGES["window"]["max"] + 1):
            for s in range(RANGES["stride"]["min"], RANGES["stride"]["max"] + 1):
                for p in range(k // 2 + 1):
                    cases.append({"op": "size", "n": n, "k": k, "s": s, "p": p})
                    shapes.append(F.max_pool2d(torch.zeros(1, 1, n, n), k, s, p).shape[-1])
    assert run_node("run_pooling.js", cases) == shapes


def test_the_widgets_images_and_words():
    """On the photo and the digits, the words under the cursor name torch's value and winner."""
    explorer = PoolingExplorer(window=3, stride=2, padding=1)
    cases = []
    for name in pictures():
        for mode in ("max", "avg"):
            s = {"mode": mode, "window": 3, "stride": 2, "padding": 1}
            cases.append({"op": "words", "X": explorer.images[name], "settings": s, "at": [0, 4]})
            cases.append({"op": "words", "X": explorer.images[name], "settings": s, "at": [5, 5]})
    got = run_node("run_pooling.js", cases)
    for case, words in zip(cases, got):
        explorer.image_name = next(n for n in pictures() if explorer.images[n] == case["X"])
        explorer.mode = case["settings"]["mode"]
        i, j = case["at"]
        value = explorer.output[i, j].item()
        assert words.startswith(f"Y[{i},{j}] = "), words
        shown = float(f"{value:.3g}")  # as the page writes it: three significant digits
        assert f"= {int(shown) if shown.is_integer() else shown}," in words.replace(";", ","), words
        if explorer.mode == "max":
            r, c = explorer.winners[i, j].tolist()
            assert f"won by pixel (row {r}, column {c})" in words
            assert words.count("−∞") == (3 if i == 0 else 0)  # the top row of padding
        else:
            assert words.endswith("each pixel of the window gets 1/9 of its gradient."), words
