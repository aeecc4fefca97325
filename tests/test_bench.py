"""The benchmark command runs a tiny sweep and writes the CSV and the machine description."""

import csv
import json

import pytest
import torch

from convbook import bench


def test_tiny_sweep_writes_the_csv(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(bench, "LOOP_MAX_OUTPUTS", 100)
    # Compiling is tested in test_fused.py and below: here the fused form is skipped.
    monkeypatch.setattr(bench.fused, "cannot_compile", lambda device="cpu": "not here")
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
        == [
            "device",
            "method",
            "size",
            "kernel",
            "seconds",
            "ratio",
            "repeats",
            "status",
            "compile",
            "rounds",
            "calls",
        ]
    )
    assert len(table) == len(rows) == 5 * len(bench.methods())  # 8/15 is left out
    names = {r["method"] for r in table}
    assert names == set(bench.methods()) and {"conv2d", "shift", "fft", "fast"} <= names
    assert {"filter2d", "ndimage", "oaconvolve", "floor"} <= names
    for r in table:
        if r["status"] == "ok":
            assert float(r["seconds"]) > 0 and float(r["ratio"]) > 0 and r["repeats"] == "2"
            rounds = [float(t) for t in r["rounds"].split()]
            assert len(rounds) == 2 and min(rounds) <= float(r["seconds"]) <= max(rounds)
            assert 1 <= int(r["calls"]) <= 10_000
        else:
            assert r["seconds"] == "" and r["status"].startswith("skipped")
    assert {r["status"] for r in table if r["method"] == "fused"} == {"skipped: not here"}
    assert all(float(r["ratio"]) == 1 for r in table if r["method"] == "conv2d")
    loop = {(r["size"], r["kernel"]): r["status"] for r in table if r["method"] == "corr2d"}
    assert loop[("24", "1")] == "skipped: the Python loop would take too long"
    assert loop[("24", "15")] == loop[("8", "3")] == "ok"
    info = json.loads(path.with_suffix(".json").read_text())
    assert info["device"] == "cpu" and info["cores"] >= 1 and info["torch"] == torch.__version__
    assert "size kernel    conv2d" in out and "corr2d: skipped" in out
    assert info["load"] is None and "roofline" not in info


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
        "--load",
        "--roofline",
        "--fit",
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


def test_the_fused_form_and_its_compile_time(tmp_path, capsys):
    if bench.fused.cannot_compile("cpu"):
        pytest.skip(bench.fused.cannot_compile("cpu"))
    path = tmp_path / "b.csv"
    rows = bench.main(
        ["--sizes", "19", "--kernels", "4", "--repeats", "2", "--methods", "fused", "fast"]
        + ["--csv", str(path)]
    )
    fused_row = rows[1]
    assert fused_row["method"] == "fused" and fused_row["status"] == "ok"
    back, _ = bench.read_csv(path)
    assert back[1]["compile"] == pytest.approx(fused_row["compile"], rel=1e-5) or (
        fused_row["compile"] is None  # compiled before, in this process
    )
    assert back[2]["compile"] is None  # fast did not compile: below FUSED_MIN_OUTPUTS


def test_a_wrong_method_is_not_timed(monkeypatch):
    table = bench.methods()
    table["shift"] = lambda X, K: bench.fast.corr2d_shift(X, K) + 1e-3
    table["fft"] = lambda X, K: bench.fast.corr2d_fft(X, K)[1:]
    monkeypatch.setattr(bench, "methods", lambda: table)
    rows = bench.time_point(["conv2d", "shift", "fft", "unfold"], 16, 3, repeats=1)
    status = {r["method"]: r["status"] for r in rows}
    assert status["shift"].startswith("failed: differs from F.conv2d by 0.001")
    assert status["fft"] == "failed: shape (13, 14), F.conv2d gives (14, 14)"
    assert status["unfold"] == "ok"
    assert [r["seconds"] for r in rows if r["method"] in ("shift", "fft")] == [None, None]


def test_csv_round_trip_with_rounds_and_old_files(tmp_path):
    path = tmp_path / "bench-cpu.csv"
    rows = [
        {"device": "cpu", "method": "fused", "size": 64, "kernel": 3, "seconds": 2e-4,
         "ratio": 0.5, "repeats": 3, "status": "ok", "compile": 2.5,
         "rounds": [3e-4, 2e-4, 1.5e-4], "calls": 66},
        {"device": "cpu", "method": "corr2d", "size": 64, "kernel": 3, "seconds": None,
         "ratio": None, "repeats": 0, "status": "skipped: too long", "compile": None,
         "rounds": [], "calls": None},
    ]  # fmt: skip
    bench.write_csv(rows, path, {"threads": 2})
    back, info = bench.read_csv(path)
    assert back == rows and info == {"threads": 2}
    old = tmp_path / "old.csv"  # written before rounds and compile times were kept
    old.write_text(
        "device,method,size,kernel,seconds,ratio,repeats,status\n"
        "cpu,shift,16,1,0.000181358,2.35307,11,ok\n"
    )
    (row,), info = bench.read_csv(old)
    assert row["rounds"] == [] and row["compile"] is None and row["seconds"] == 0.000181358
    assert row["calls"] is None
    assert info == {}


def test_fit_recovers_the_constants():
    truth = {"shift": (1e-5, 3e-10), "fft": (3e-4, 9e-10)}
    rows = [
        {"method": m, "size": n, "kernel": k, "seconds": bench.fast.modelled_seconds(
            n, n, k, k, {m: truth[m]})[m]}
        for m in truth for n in (64, 256, 1024) for k in (3, 7, 15)
    ]  # fmt: skip
    fitted = bench.fit_costs(rows)
    for m, (launch, per_unit) in truth.items():
        assert fitted[m][0] == pytest.approx(launch, rel=0.02)
        assert fitted[m][1] == pytest.approx(per_unit, rel=0.02)


def test_load_and_roofline_options(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(bench.roofline, "COPY_BYTES", 1 << 16)
    monkeypatch.setattr(bench.roofline, "MATMUL_SIZE", 32)
    path = tmp_path / "b.csv"
    bench.main(
        ["--sizes", "8", "--kernels", "3", "--repeats", "1", "--methods", "shift", "--load"]
        + ["--roofline", "--fit", "--csv", str(path)]
    )
    out = capsys.readouterr().out
    info = bench.read_csv(path)[1]
    assert info["load"] == "one busy process" and "one core kept busy" in out
    assert [m["threads"] for m in info["roofline"]] == sorted({1, torch.get_num_threads()})
    assert "roofline, 1 thread(s): bandwidth" in out


def test_the_real_kernels_sweep(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(bench, "REAL_KERNELS", [("gaussian", 5), ("box", 3), ("sobel", 3)])
    path = tmp_path / "real.csv"
    rows = bench.main(["--real", "--sizes", "16", "--repeats", "1", "--csv", str(path)])
    out = capsys.readouterr().out
    assert {r["family"] for r in rows} == {"gaussian", "box", "sobel"}
    assert {r["method"] for r in rows} == set(bench.REAL_METHODS)  # F.conv2d only as the check
    status = {(r["family"], r["method"]): r["status"] for r in rows}
    assert status[("gaussian", "separable")] == status[("sobel", "fast")] == "ok"
    if bench.peers.missing("gaussianblur") is None:
        assert status[("gaussian", "gaussianblur")] == "ok"
        assert status[("box", "gaussianblur")] == "skipped: not the Gaussian cv2.GaussianBlur makes"
        assert status[("sobel", "sepfilter2d")] == "ok"
        assert "OpenCV" in out and "family" in out.splitlines()[1]
    back, info = bench.read_csv(path)
    assert [r["family"] for r in back] == [r["family"] for r in rows]
    assert back[0].keys() == rows[0].keys()
    with path.open() as f:
        assert next(csv.reader(f)) == bench.REAL_COLUMNS
    if "opencv" in info:
        assert {"opencv", "opencv_threads"} <= set(info)


def test_real_kernels_are_what_they_say():
    G = bench.real_kernel("gaussian", 31)
    assert G.shape == (31, 31) and float(G.sum()) == pytest.approx(1.0, abs=1e-5)
    assert torch.equal(bench.real_kernel("sobel", 3), bench.kernels.kernel("sobel_x"))
    assert torch.equal(bench.real_kernel("box", 3), torch.full((3, 3), 1 / 9))
    with pytest.raises(ValueError, match="no real kernel 'sobel' of size 5"):
        bench.real_kernel("sobel", 5)
