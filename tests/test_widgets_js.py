"""The widgets' JavaScript math, run with Node, agrees with convbook's PyTorch code."""

import json
import shutil
import subprocess

import pytest
import torch
from helpers import ROOT

from convbook import (
    conv2d_true,
    corr2d,
    critical_lr,
    edge_image,
    learn_kernel,
    numbers_example,
    original_start,
)

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node.js (apt-get install nodejs)")


def run_js(cases: list[dict]) -> list:
    result = subprocess.run(
        [NODE, str(ROOT / "tests" / "js" / "run_math.js")],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


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


ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"


@pytest.mark.skipif(not ESBUILD.exists(), reason="needs esbuild: npm ci")
@pytest.mark.parametrize("name", ["kernel_explorer", "lr_explorer"])
def test_each_bundle_is_what_esbuild_builds_from_the_sources(name, tmp_path):
    widgets = ROOT / "src" / "convbook" / "widgets"
    out = tmp_path / f"{name}.js"
    subprocess.run(
        [str(ESBUILD), str(widgets / f"{name}.js"), "--bundle", "--format=esm", f"--outfile={out}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert out.read_text() == (widgets / "static" / f"{name}.js").read_text(), "run: make bundles"
