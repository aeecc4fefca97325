"""The widgets' JavaScript math, run with Node, agrees with convbook's PyTorch code."""

import functools
import json
import random
import re
import subprocess

import pytest
import torch
import torch.nn.functional as F
from helpers import ROOT, needs_node, run_node

from convbook import (
    conv2d_true,
    corr2d,
    critical_lr,
    edge_image,
    learn_kernel,
    numbers_example,
    original_start,
)

pytestmark = needs_node


def run_js(cases: list[dict]) -> list:
    return run_node("run_math.js", cases)


def rows(M: torch.Tensor) -> list:
    return M.double().tolist()


def random_pairs():
    g = torch.Generator().manual_seed(0)
    for image, kernel in [
        ((6, 8), (1, 2)),
        ((5, 5), (3, 3)),
        ((7, 4), (2, 4)),
        ((3, 3), (3, 3)),
        ((32, 32), (5, 5)),
    ]:
        yield torch.randn(image, generator=g), torch.randn(kernel, generator=g)


def test_corr2d_and_convolution_match_torch():
    pairs = [numbers_example(), (edge_image(), torch.tensor([[1.0, -1.0]])), *random_pairs()]
    cases = [{"op": op, "X": rows(X), "K": rows(K)} for X, K in pairs for op in ("corr2d", "conv")]
    results = run_js(cases)
    assert results[0] == [[19, 25], [37, 43]]
    for case, result in zip(cases, results):
        X, K = torch.tensor(case["X"]), torch.tensor(case["K"])
        expected = corr2d(X, K) if case["op"] == "corr2d" else conv2d_true(X, K)
        torch.testing.assert_close(
            torch.tensor(result, dtype=torch.float32), expected, rtol=1e-5, atol=1e-5
        )


def learn_case(X, Y, init, lr, epochs):
    return {
        "op": "learn",
        "X": rows(X),
        "Y": rows(Y),
        "init": rows(init),
        "lr": lr,
        "epochs": epochs,
    }


def assert_same_run(js: dict, torch_run, rtol: float, atol: float) -> None:
    """Same diverging epoch, same losses and final kernel to float32 tolerance."""
    assert js["divergedAt"] == torch_run.diverged_at
    assert len(js["losses"]) == len(torch_run.losses)
    losses = torch.tensor(torch_run.losses, dtype=torch.float64)
    torch.testing.assert_close(
        torch.tensor(js["losses"], dtype=torch.float64), losses, rtol=rtol, atol=atol
    )
    kernel = torch.tensor(js["kernel"], dtype=torch.float32)
    torch.testing.assert_close(kernel, torch_run.kernel, rtol=rtol, atol=max(atol, 1e-6))


def test_learning_matches_torch_on_the_original_problem():
    X = edge_image()
    Y = corr2d(X, torch.tensor([[1.0, -1.0]]))
    init = original_start()
    settings = [(3e-2, 50), (1e-3, 200), (1 / 30 * 0.999, 100), (4e-2, 50), (0.1, 60), (0.05, 200)]
    results = run_js([learn_case(X, Y, init, lr, epochs) for lr, epochs in settings])
    for (lr, epochs), js in zip(settings, results):
        torch_run = learn_kernel(X, Y, (1, 2), lr=lr, epochs=epochs, init=init)
        assert_same_run(js, torch_run, rtol=2e-5, atol=1e-9)
    assert results[4]["divergedAt"] == 29 and results[0]["kernel"][0] == pytest.approx(
        [1, -1], abs=1e-4
    )
    assert [f"{v:.3f}" for v in results[0]["losses"][:3]] == ["20.026", "9.280", "4.490"]


def test_learning_matches_torch_on_random_problems():
    g = torch.Generator().manual_seed(1)
    cases, runs = [], []
    for image, kernel in [((8, 8), (2, 2)), ((10, 7), (3, 1)), ((6, 9), (1, 3))]:
        X = torch.rand(image, generator=g)
        Y = corr2d(X, torch.randn(kernel, generator=g))
        init = torch.randn(kernel, generator=g)
        for fraction in (0.5, 0.95, 1.5):
            lr = fraction * critical_lr(X, kernel)
            cases.append(learn_case(X, Y, init, lr, 80))
            runs.append(learn_kernel(X, Y, kernel, lr=lr, epochs=80, init=init))
    for js, torch_run in zip(run_js(cases), runs):
        assert_same_run(js, torch_run, rtol=1e-4, atol=1e-6)


def test_learning_matches_torch_on_the_3x3_sobel_problem():
    """The explorer's second problem, a 3 x 3 kernel from the photo, below, near and above the
    critical rate, 200 epochs from zeros and from a start of the reader's."""
    from convbook.widgets.lr_explorer import PHOTO, LearningRateExplorer

    problem = LearningRateExplorer().problems[PHOTO]
    X, Y = torch.tensor(problem["x_rows"]), torch.tensor(problem["y_rows"])
    critical = critical_lr(X, (3, 3))
    starts = [torch.zeros(3, 3), torch.randn(3, 3, generator=torch.Generator().manual_seed(4))]
    cases, runs = [], []
    for init in starts:
        for fraction in (0.3, 0.9, 0.99, 1.05, 2.0):
            lr = fraction * critical
            cases.append(learn_case(X, Y, init, lr, 200))
            runs.append(learn_kernel(X, Y, (3, 3), lr=lr, epochs=200, init=init))
    results = run_js(cases)
    for js, torch_run in zip(results, runs):
        assert_same_run(js, torch_run, rtol=2e-4, atol=1e-6)
    assert results[0]["divergedAt"] is None and results[4]["divergedAt"] is not None


def widget_images():
    """Images and kernel sizes whose critical rate the page computes: the book's, random ones,
    and images scaled far up and down (H is built from X scaled by a power of two)."""
    g = torch.Generator().manual_seed(7)
    yield edge_image(), (1, 2)
    yield edge_image().T.contiguous(), (1, 2)
    for size in [(1, 1), (2, 2), (3, 3), (1, 3), (3, 1), (5, 5)]:
        yield torch.rand(9, 11, generator=g, dtype=torch.float64), size
    yield torch.randn(12, 12, generator=g, dtype=torch.float64) * 1e30, (3, 3)
    yield torch.randn(12, 12, generator=g, dtype=torch.float64) * 1e-30, (2, 2)


def test_critical_rate_by_power_iteration_is_critical_lr():
    from convbook import photo

    images = [*widget_images(), (photo(16), (3, 3))]
    cases = [{"op": "critical", "X": rows(X), "kernel": list(size)} for X, size in images]
    for (X, size), rate in zip(images, run_js(cases)):
        assert rate == pytest.approx(critical_lr(X, size), rel=1e-12), size


def test_hessian_and_its_eigen_directions_are_torchs():
    from convbook import hessian

    images = [(X, size) for X, size in widget_images() if size[0] * size[1] == 2]
    cases = [
        {"op": op, "X": rows(X), "kernel": list(size)}
        for X, size in images
        for op in ("hessian", "eigen")
    ]
    results = run_js(cases)
    for (X, size), H, directions in zip(images, results[0::2], results[1::2]):
        expected = hessian(X, size)
        torch.testing.assert_close(
            torch.tensor(H, dtype=torch.float64), expected, rtol=1e-12, atol=0
        )
        values, vectors = torch.linalg.eigh(expected)
        for (value, vector), k in zip([(d["value"], d["vector"]) for d in directions], (1, 0)):
            assert value == pytest.approx(values[k].item(), rel=1e-9, abs=1e-9 * values[1].item())
            overlap = abs(torch.tensor(vector, dtype=torch.float64) @ vectors[:, k])
            assert overlap.item() == pytest.approx(1.0, abs=1e-12)


def test_start_boxes_show_the_shortest_text_of_the_float32():
    values = [-0.4101859927177429, -0.14810200035572052, 0.1, 1e20, 3.4028234663852886e38, 0.0]
    texts = run_js([{"op": "float32_text", "value": v} for v in values])
    assert texts == ["-0.410186", "-0.148102", "0.1", "1e+20", "3.4028235e+38", "0"]
    for v, text in zip(values, texts):
        assert torch.tensor(float(text), dtype=torch.float32) == torch.tensor(
            v, dtype=torch.float32
        )


def test_widget_colour_scales_are_the_figures():
    """Signed values red-blue and symmetric about zero, others viridis: as convbook.plot."""
    import matplotlib
    from matplotlib.colors import to_hex

    from convbook.plot import colour_scale

    ranges = [(-1.0, 1.0), (-0.5, 2.0), (-3.0, 0.0), (0.0, 8.0), (19.0, 43.0), (0.0, 1.0)]
    scales = run_js([{"op": "scale", "low": low, "high": high} for low, high in ranges])
    for (low, high), scale in zip(ranges, scales):
        cmap, want_low, want_high = colour_scale([torch.tensor([low, high])])
        stops = [to_hex(matplotlib.colormaps[cmap](i / 8)) for i in range(9)]
        assert (scale["low"], scale["high"]) == (want_low, want_high)
        assert scale["stops"] == stops, cmap


def random_setting(rng: random.Random, largest: int) -> int | list[int]:
    """One setting: an int (both axes) or an [h, w] pair, each drawn from its slider's range."""
    low = 0 if largest == 3 and rng.random() < 0.5 else 1
    if rng.random() < 0.5:
        return rng.randint(low, largest)
    return [rng.randint(low, largest), rng.randint(low, largest)]


def window_settings(rng: random.Random) -> dict:
    return {
        "padding": rng.choice([rng.randint(0, 3), [rng.randint(0, 3), rng.randint(0, 3)]]),
        "stride": random_setting(rng, 4),
        "dilation": rng.choice([rng.randint(1, 3), [rng.randint(1, 3), rng.randint(1, 3)]]),
    }


def torch_conv2d(X: torch.Tensor, K: torch.Tensor, settings: dict) -> torch.Tensor:
    return F.conv2d(X[None, None], K[None, None], **settings)[0, 0]


def pairs(settings: dict) -> dict:
    return {
        name: value if isinstance(value, list) else [value] * 2 for name, value in settings.items()
    }


def test_window_math_matches_conv2d_on_random_settings():
    """Shapes and values of 150 settings where a window fits; where none does, torch refuses
    and the widget's size is 0."""
    rng = random.Random(13)
    g = torch.Generator().manual_seed(13)
    fitting, empty = [], []
    while len(fitting) < 150:
        image = [rng.randint(1, 12), rng.randint(1, 12)]
        kernel = [rng.randint(1, 5), rng.randint(1, 5)]
        settings = window_settings(rng)
        X = torch.randn(image, generator=g, dtype=torch.float64)
        K = torch.randn(kernel, generator=g, dtype=torch.float64)
        try:
            expected = torch_conv2d(X, K, settings)
        except RuntimeError:
            empty.append(
                {"op": "window_shape", "image": image, "kernel": kernel, "settings": settings}
            )
            continue
        fitting.append((X, K, settings, expected))
    cases = [
        case
        for X, K, settings, _ in fitting
        for case in (
            {
                "op": "window_shape",
                "image": list(X.shape),
                "kernel": list(K.shape),
                "settings": settings,
            },
            {"op": "cross_correlate", "X": rows(X), "K": rows(K), "settings": settings},
        )
    ]
    results = run_js(cases + empty)
    for (*_, settings, expected), shape, Y in zip(fitting, results[0::2], results[1::2]):
        assert shape == list(expected.shape), settings
        torch.testing.assert_close(
            torch.tensor(Y, dtype=torch.float64), expected, rtol=1e-12, atol=1e-12
        )
    assert len(empty) > 10
    for case, shape in zip(empty, results[len(cases) :]):
        assert 0 in shape, case


def test_window_terms_are_torchs_unfolded_windows():
    """The sum written out for output (i, j) multiplies the entries F.unfold gathers for it."""
    rng = random.Random(3)
    cases, expected = [], []
    while len(cases) < 60:
        n, k = rng.randint(3, 12), rng.randint(1, 5)
        settings = {
            "padding": rng.randint(0, 3),
            "stride": rng.randint(1, 4),
            "dilation": rng.randint(1, 3),
        }
        X = torch.arange(1.0, n * n + 1, dtype=torch.float64).reshape(n, n)
        K = torch.arange(1.0, k * k + 1, dtype=torch.float64).reshape(k, k)
        try:
            m = torch_conv2d(X, K, settings).shape[0]
        except RuntimeError:
            continue
        i, j = rng.randrange(m), rng.randrange(m)
        columns = F.unfold(X[None, None], (k, k), **settings)[0]
        cases.append(
            {"op": "window_terms", "X": rows(X), "K": rows(K), "i": i, "j": j, "settings": settings}
        )
        expected.append(
            [[x, w] for x, w in zip(columns[:, i * m + j].tolist(), K.flatten().tolist())]
        )
    assert run_js(cases) == expected


def test_output_sizes_leftovers_and_the_sizes_that_share_an_output():
    """Per axis: the size torch gives, the padded cells no window reaches, and every input size
    (1 to 40) that gives the same number of outputs."""
    cases, settings = [], []
    for n in (3, 5, 8, 12):
        for k in (1, 2, 3, 5):
            for p in (0, 1, 3):
                for s in (1, 2, 3, 4):
                    for d in (1, 2, 3):
                        if n + 2 * p >= d * (k - 1) + 1:
                            cases.append({"op": "window_size", "axis": [n, k, p, s, d]})
                            settings.append((n, k, p, s, d))
    assert len(cases) > 400

    @functools.cache
    def outputs(n: int, k: int, p: int, s: int, d: int) -> int:
        X, K = torch.zeros(1, n), torch.zeros(1, k)
        try:
            return F.conv2d(
                X[None, None], K[None, None], padding=(0, p), stride=s, dilation=d
            ).shape[-1]
        except RuntimeError:
            return 0

    for (n, k, p, s, d), (m, left, sizes) in zip(settings, run_js(cases)):
        assert m == outputs(n, k, p, s, d)
        assert left == n + 2 * p - ((m - 1) * s + d * (k - 1) + 1)
        same = [size for size in range(1, 41) if outputs(size, k, p, s, d) == m]
        assert sizes == [same[0], same[-1]], (n, k, p, s, d)


def transposed_settings(rng: random.Random) -> dict:
    settings = pairs(window_settings(rng))
    largest = [max(s, d) - 1 for s, d in zip(settings["stride"], settings["dilation"])]
    settings["output_padding"] = [rng.randint(0, top) for top in largest]
    return settings


def torch_transposed(Y: torch.Tensor, K: torch.Tensor, settings: dict) -> torch.Tensor:
    return F.conv_transpose2d(Y[None, None], K[None, None], **settings)[0, 0]


def js_settings(settings: dict) -> dict:
    names = {"output_padding": "outputPadding"}
    return {names.get(name, name): value for name, value in settings.items()}


def test_transposed_math_matches_conv_transpose2d_on_random_settings():
    """The scatter's shape and values on 150 settings torch accepts, output_padding included."""
    rng = random.Random(31)
    g = torch.Generator().manual_seed(31)
    accepted = []
    while len(accepted) < 150:
        Y = torch.randn(rng.randint(1, 9), rng.randint(1, 9), generator=g, dtype=torch.float64)
        K = torch.randn(rng.randint(1, 5), rng.randint(1, 5), generator=g, dtype=torch.float64)
        settings = transposed_settings(rng)
        try:
            expected = torch_transposed(Y, K, settings)
        except RuntimeError:
            continue
        if expected.numel():  # torch refuses most empty results but returns some
            accepted.append((Y, K, settings, expected))
    assert sum(max(s["output_padding"]) > 0 for _, _, s, _ in accepted) > 50
    cases = [
        case
        for Y, K, settings, _ in accepted
        for case in (
            {
                "op": "transposed_shape",
                "image": list(Y.shape),
                "kernel": list(K.shape),
                "settings": js_settings(settings),
            },
            {
                "op": "transposed_conv",
                "X": rows(Y),
                "K": rows(K),
                "settings": js_settings(settings),
            },
        )
    ]
    results = run_js(cases)
    for (*_, settings, expected), shape, R in zip(accepted, results[0::2], results[1::2]):
        assert shape == list(expected.shape), settings
        torch.testing.assert_close(
            torch.tensor(R, dtype=torch.float64), expected, rtol=1e-12, atol=1e-12
        )


def test_each_input_stamps_where_torch_puts_its_kernel():
    """A one-hot input's transposed convolution is the kernel at that input's stamp: the cells
    the widget highlights, inside the result, carry exactly the kernel entries torch puts there."""
    rng = random.Random(5)
    cases, expected = [], []
    while len(cases) < 80:
        m, k = rng.randint(1, 8), rng.randint(1, 5)
        settings = transposed_settings(rng)
        K = torch.arange(1.0, k * k + 1, dtype=torch.float64).reshape(k, k)
        i, j = rng.randrange(m), rng.randrange(m)
        one_hot = torch.zeros(m, m, dtype=torch.float64)
        one_hot[i, j] = 1
        try:
            R = torch_transposed(one_hot, K, settings)
        except RuntimeError:
            continue
        cases.append(
            {"op": "stamps", "i": i, "j": j, "kernel": [k, k], "settings": js_settings(settings)}
        )
        expected.append((K, R))
    for (K, R), stamps in zip(expected, run_js(cases)):
        drawn = torch.zeros_like(R)
        for r, c, a, b in stamps:
            if 0 <= r < R.shape[0] and 0 <= c < R.shape[1]:
                drawn[r, c] = K[a, b]
        assert torch.equal(drawn, R), stamps


def test_counting_input_is_the_python_widgets():
    from convbook.widgets.window_explorer import counting

    assert run_js([{"op": "counting", "n": n} for n in (1, 3, 12)]) == [
        counting(n).tolist() for n in (1, 3, 12)
    ]


ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"


def esbuild_options() -> list[str]:
    """The Makefile's esbuild options (its ESBUILD variable), but for the log level."""
    text = (ROOT / "Makefile").read_text().replace("\\\n", " ")
    line = re.search(r"^ESBUILD := node_modules/\.bin/esbuild (.*)$", text, re.MULTILINE)
    return [o for o in line.group(1).split() if not o.startswith("--log-level")]


def bundled_module(path: str) -> str:
    """What a metafile input is: a package (its name, at any depth of node_modules) or a file."""
    if "node_modules/" not in path:
        return path
    parts = path.rsplit("node_modules/", 1)[1].split("/")
    return "/".join(parts[:2]) if parts[0].startswith("@") else parts[0]


@pytest.mark.skipif(not ESBUILD.exists(), reason="needs esbuild: npm ci")
@pytest.mark.parametrize(
    "name", sorted(p.stem for p in (ROOT / "src/convbook/widgets").glob("*_explorer.js"))
)
def test_each_bundle_is_what_esbuild_builds_from_the_sources(name, tmp_path):
    widgets = ROOT / "src" / "convbook" / "widgets"
    out, meta = tmp_path / f"{name}.js", tmp_path / "meta.json"
    options = esbuild_options()
    assert {"--bundle", "--format=esm", "--minify-whitespace", "--minify-syntax"} <= set(options)
    subprocess.run(
        [
            str(ESBUILD),
            str(widgets / f"{name}.js"),
            *options,
            f"--outfile={out}",
            f"--metafile={meta}",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert out.read_text() == (widgets / "static" / f"{name}.js").read_text(), "run: make bundles"
    # Each module once: no package twice (two versions in node_modules) and no kit module twice.
    inputs = [bundled_module(path) for path in json.loads(meta.read_text())["inputs"]]
    assert sorted(inputs) == sorted(set(inputs))
    assert f"src/convbook/widgets/{name}.js" in inputs


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in (ROOT / "src/convbook/widgets").glob("*_explorer.js"))
)
def test_each_widgets_css_is_the_kits_then_its_own(name):
    widgets = ROOT / "src" / "convbook" / "widgets"
    expected = (widgets / "kit" / "kit.css").read_text() + (widgets / f"{name}.css").read_text()
    assert (widgets / "static" / f"{name}.css").read_text() == expected, "run: make bundles"
