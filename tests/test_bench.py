"""The benchmark command runs a tiny sweep and writes the CSV and the machine description."""

import csv
import json

import pytest
import torch

from convbook import bench


def test_tiny_sweep_writes_the_csv(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(bench, "LOOP_MAX_OUTPUTS", 100)
    path = tmp_path / "bench-cpu.csv"
    rows = bench.main(
        ["--sizes", "8", "24", "--kernels", "1", "3", "15", "--repeats", "2", "--csv", str(path)]
    )
    out = capsys.readouterr().out
    with path.open() as f:
        table = list(csv.DictReader(f))
    assert (
        list(table[0])
        == bench.COLUMNS
        == ["device", "method", "size", "kernel", "seconds", "ratio", "repeats", "status"]
    )
    assert len(table) == len(rows) == 5 * len(bench.methods())  # 8/15 is left out
    names = {r["method"] for r in table}
    assert names == set(bench.methods()) and {"conv2d", "shift", "fft", "fast"} <= names
    for r in table:
        if r["status"] == "ok":
            assert float(r["seconds"]) > 0 and float(r["ratio"]) > 0 and r["repeats"] == "2"
        else:
            assert r["seconds"] == "" and r["status"].startswith("skipped")
    assert all(float(r["ratio"]) == 1 for r in table if r["method"] == "conv2d")
    loop = {(r["size"], r["kernel"]): r["status"] for r in table if r["method"] == "corr2d"}
    assert loop[("24", "1")] == "skipped: the Python loop would take too long"
    assert loop[("24", "15")] == loop[("8", "3")] == "ok"
    info = json.loads(path.with_suffix(".json").read_text())
    assert info["device"] == "cpu" and info["cores"] >= 1 and info["torch"] == torch.__version__
    assert "size kernel    conv2d" in out and "corr2d: skipped" in out


def test_methods_option(tmp_path):
    path = tmp_path / "b.csv"
    rows = bench.main(
        [
            "--sizes",
            "16",
            "--kernels",
            "3",
            "--repeats",
            "1",
            "--methods",
            "fft",
            "--threads",
            "1",
            "--csv",
            str(path),
        ]
    )
    assert [r["method"] for r in rows] == ["conv2d", "fft"]


@pytest.mark.parametrize(
    "arguments, words",
    [
        pytest.param(["--methods", "nonsense"], "unknown method(s) nonsense", id="unknown method"),
        pytest.param(
            ["--device", "cuda"],
            "CUDA is not available",
            id="cuda without a GPU",
            marks=pytest.mark.skipif(torch.cuda.is_available(), reason="there is a GPU"),
        ),
    ],
)
def test_refuses_bad_arguments(arguments, words, tmp_path, capsys):
    with pytest.raises(SystemExit):
        bench.main([*arguments, "--csv", str(tmp_path / "b.csv")])
    assert words in capsys.readouterr().err


def test_help_names_every_option(capsys):
    with pytest.raises(SystemExit):
        bench.main(["--help"])
    text = capsys.readouterr().out
    for option in [
        "--sizes",
        "--kernels",
        "--repeats",
        "--device",
        "--csv",
        "--methods",
        "--threads",
    ]:
        assert option in text


def test_skips_what_would_not_fit():
    assert bench.skip_reason("corr2d", 2048, 3).startswith("skipped")
    assert bench.skip_reason("unfold", 2048, 31).startswith("skipped")
    assert (
        bench.skip_reason("unfold", 256, 3) is None and bench.skip_reason("fft", 2048, 31) is None
    )


def test_read_csv_and_timing_plot(tmp_path):
    from convbook import timing_plot

    path = tmp_path / "bench-cpu.csv"
    rows = [
        {
            "device": "cpu",
            "method": m,
            "size": n,
            "kernel": k,
            "seconds": s * n,
            "ratio": s / 1e-3,
            "repeats": 3,
            "status": "ok",
        }
        for m, s in [("conv2d", 1e-3), ("fft", 2e-4)]
        for n in (16, 64)
        for k in (3, 5)
    ]
    rows.append(
        {
            "device": "cpu",
            "method": "corr2d",
            "size": 64,
            "kernel": 3,
            "seconds": None,
            "ratio": None,
            "repeats": 0,
            "status": "skipped: too long",
        }
    )
    bench.write_csv(rows, path, {"cpu": "test"})
    back, info = bench.read_csv(path)
    assert info == {"cpu": "test"} and back[-1]["seconds"] is None
    assert back[0]["size"] == 16 and back[0]["seconds"] == pytest.approx(16e-3)
    fig = timing_plot(back, against="size", fixed=3)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert [line.get_label() for line in ax.get_lines()] == ["conv2d", "fft"]
    assert list(ax.get_lines()[1].get_xdata()) == [16, 64]
    fig = timing_plot(back, against="kernel", fixed=64, ratio=True)
    assert fig.axes[0].get_ylabel() == "time / time of F.conv2d"
