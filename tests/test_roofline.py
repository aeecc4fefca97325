"""The roofline's arithmetic, and its two measurements on a small scale."""

import pytest

from convbook import roofline


def test_counts():
    assert roofline.flops(2048, 3) == 2 * 9 * 2046**2
    assert roofline.minimal_bytes(2048, 3) == 4 * (2048**2 + 9 + 2046**2)
    minimal = 4 * (2048**2 + 9 + 2046**2)
    assert roofline.intensity(2048, 3) == pytest.approx(18 * 2046**2 / minimal)
    assert roofline.intensity(2048, 31) > roofline.intensity(2048, 3)


def test_roof_and_bound():
    bandwidth, peak = 10e9, 100e9  # ridge point: 10 flop per byte
    assert roofline.roof(2.0, bandwidth, peak) == 20e9
    assert roofline.roof(50.0, bandwidth, peak) == peak
    assert roofline.bound(2.0, bandwidth, peak) == "memory"
    assert roofline.bound(50.0, bandwidth, peak) == "compute"


def test_measure_small(monkeypatch):
    monkeypatch.setattr(roofline, "COPY_BYTES", 1 << 16)
    monkeypatch.setattr(roofline, "MATMUL_SIZE", 32)
    measured = roofline.measure(threads=1, repeats=2)
    assert measured["threads"] == 1 and measured["repeats"] == 2
    for key in ("bandwidth", "peak"):
        rates = measured[key]
        assert 0 < rates["worst"] <= rates["median"] <= rates["best"]


def test_roofline_plot():
    from convbook import roofline_plot

    fig = roofline_plot({"shift": [(20.0, 3e10), (2.0, 5e9)], "fft": []}, 1e10, 5e10)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert [line.get_label() for line in ax.get_lines()][-1] == "shift"
    roof = ax.get_lines()[0]
    assert max(roof.get_ydata()) == 50.0  # the peak, in Gflop/s
    assert list(ax.get_lines()[-1].get_xdata()) == [2.0, 20.0]
    with pytest.raises(ValueError, match="bandwidth and peak must be positive"):
        roofline_plot({"shift": [(1.0, 1.0)]}, 0.0, 1.0)
    with pytest.raises(ValueError, match="no \\(intensity, rate\\) pair"):
        roofline_plot({"shift": []}, 1.0, 1.0)
