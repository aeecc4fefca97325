"""The widgets in a live JupyterLab: they render, respond, and hand the choice back to Python."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from browser import require_chromium

TOKEN = "convbook-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    require_chromium()
    root = tmp_path_factory.mktemp("lab")
    cells = [
        "from convbook.widgets import KernelExplorer, LearningRateExplorer\n"
        "k = KernelExplorer()\nk",
        "l = LearningRateExplorer()\nl",
        "print('kernel', k.kernel.tolist(), 'shape', tuple(k.output.shape),\n"
        "      'lr', l.lr, 'diverged', l.history.diverged_at)",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, root / "widgets.ipynb")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            f"--port={port}",
            f"--ServerApp.token={TOKEN}",
            f"--ServerApp.root_dir={root}",
            "--ServerApp.ip=127.0.0.1",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start within a minute")
    yield f"{base}/lab/tree/widgets.ipynb?token={TOKEN}"
    server.terminate()
    server.wait(timeout=30)


def test_widgets_work_in_jupyterlab(lab, chromium):
    context = chromium.new_context(viewport={"width": 1300, "height": 1000})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(lab)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        accept = page.locator(".jp-Dialog .jp-mod-accept")  # "Select Kernel", asked now and then
        try:
            accept.wait_for(timeout=5_000)
            accept.click()
        except Exception:
            pass
        page.wait_for_selector(
            ".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000
        )
        page.click("text=Run", timeout=30_000)
        page.click("text=Run All Cells", timeout=30_000)
        page.wait_for_selector(".cb-kx", timeout=90_000)
        page.wait_for_selector(".cb-lr", timeout=30_000)

        page.select_option(".cb-kx .cb-preset", "sobel_y")
        assert page.locator(".cb-kx .cb-shape").text_content().startswith("Output shape 4 × 6")
        page.fill(".cb-lr .cb-lr-slider", "1000")
        page.locator(".cb-lr .cb-lr-slider").dispatch_event("change")
        assert "overflows at epoch 29" in page.locator(".cb-lr .cb-status").text_content()

        printed = page.locator(".jp-Cell").nth(2).locator(".jp-OutputArea-output")
        printed.wait_for(timeout=60_000)
        assert "kernel [[1.0, -1.0]] shape (6, 7) lr 0.03 diverged None" in printed.text_content()
        page.locator(".jp-Cell").nth(2).locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        expected = (
            "kernel [[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]] shape (4, 6) "
            "lr 0.1 diverged 29"
        )
        page.wait_for_selector(f"text={expected}", timeout=60_000)
        assert errors == []
    finally:
        context.close()
