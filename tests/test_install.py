"""`pip install .` in a fresh venv gives a working convbook: every runtime import is declared.

The venv gets `torch==2.13.0` first (the CPU build: from this machine's wheels, or from
PyTorch's CPU index where PIP_EXTRA_INDEX_URL names it, as in CI), then the project itself,
not editable, from a copy of the source tree (pip builds in the tree it is given, and this
one is left clean). Then convbook, its widgets and its bench's command line must load.
Where pip cannot get that torch (offline, no local wheel) or gets PyTorch's multi-GB CUDA
build instead, or cannot get convbook's other requirements (offline), the test is skipped
with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TORCH = "torch==2.13.0"
# What a source install reads: the build configuration, the readme it names, the package.
SOURCES = ["pyproject.toml", "setup.py", "setup.cfg", "MANIFEST.in", "README.md", "src"]


def run(*args: str | Path, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def copy_sources(dest: Path) -> Path:
    """The files `pip install .` reads, copied without caches or earlier build debris."""
    dest.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, dest / name, ignore=skip)
        elif path.exists():
            shutil.copy2(path, dest / name)
    return dest


def dry_run(python: Path, cwd: Path, *wanted: str) -> list[str]:
    """The names of what `pip install` would install for ``wanted``; skips where pip cannot.

    Nothing is installed: pip only resolves, which fails where it cannot reach a package
    (offline, no local copy).
    """
    dry = run(
        python, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
        "--retries", "1", "--report", "-", *wanted,
        cwd=cwd,
    )  # fmt: skip
    if dry.returncode != 0:
        last = (dry.stderr.strip().splitlines() or ["(no message)"])[-1]
        pytest.skip(f"pip cannot get {' '.join(wanted)} here (offline?): {last}")
    return [item["metadata"]["name"].lower() for item in json.loads(dry.stdout)["install"]]


def require_cpu_torch(python: Path, cwd: Path) -> None:
    """Skip unless pip can get torch==2.13.0 here, and as the CPU build."""
    cuda = sorted(
        n for n in dry_run(python, cwd, TORCH) if n.startswith("nvidia-") or n == "triton"
    )
    if cuda:
        pytest.skip(
            f"{TORCH} would be the multi-GB CUDA build here (with {', '.join(cuda[:3])}, ...): "
            "put the CPU wheel in pip's find-links or set "
            "PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu"
        )


def require_dependencies(python: Path, cwd: Path) -> None:
    """After a failed `pip install .`: skip if pip cannot get its requirements at all.

    Then the failure is the network's; where they resolve, it is the project's.
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    dry_run(python, cwd, *project["build-system"]["requires"], *project["project"]["dependencies"])


def test_pip_install_in_a_fresh_venv(tmp_path):
    env_dir = tmp_path / "venv"
    try:
        venv.create(env_dir, with_pip=True)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot make a venv with pip here (python3-venv missing?): {error}")
    python = env_dir / "bin" / "python"
    require_cpu_torch(python, tmp_path)

    # --no-compile: byte-compiling all of torch would take longer than the rest of the test.
    install = [python, "-m", "pip", "install", "--quiet", "--no-compile"]
    step = run(*install, TORCH, cwd=tmp_path)
    assert step.returncode == 0, step.stderr
    step = run(*install, copy_sources(tmp_path / "project"), cwd=tmp_path)
    if step.returncode != 0:
        require_dependencies(python, tmp_path)
    assert step.returncode == 0, step.stderr

    # The venv's own copy, not the source tree: run from elsewhere, check where it loaded from.
    code = "import convbook, convbook.widgets, torch; print(convbook.__file__, torch.__version__)"
    step = run(python, "-c", code, cwd=tmp_path)
    assert step.returncode == 0, step.stderr
    where, version = step.stdout.split()
    assert Path(where).is_relative_to(env_dir), where
    assert version.split("+")[0] == "2.13.0", version

    step = run(python, "-m", "convbook.bench", "--help", cwd=tmp_path)
    assert step.returncode == 0, step.stderr
    assert step.stdout.startswith("usage:"), step.stdout
