"""The planner inside the site's own Pyodide runtime, under Node."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from _site import ROOT, SITES, start

RUNNER = Path(__file__).with_name("run.mjs")


@pytest.fixture(scope="session")
def runtime_dir() -> Path:
    return start(SITES["root"]).directory / "pyodide"


@pytest.fixture(scope="session")
def run_in_pyodide(runtime_dir: Path) -> Callable[[str], str]:
    """Run Python code in Pyodide under Node; return the value of its last expression."""

    def run(code: str) -> str:
        done = subprocess.run(
            ["node", str(RUNNER), str(runtime_dir)],
            input=code,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run
