"""`-m` selects by folder: the browser and Pyodide suites can be left out, or run alone."""

from __future__ import annotations

import re
import subprocess
import sys

from evenback_build.paths import ROOT


def collected(*args: str) -> tuple[int, int]:
    """(selected, deselected) test counts of `pytest --collect-only` with ``args``."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode in (0, 5), done.stdout[-3000:] + done.stderr[-3000:]  # 5: none
    tail = done.stdout.strip().splitlines()[-1]
    selected = re.search(r"(\d+)(?:/\d+)? tests? collected", tail)
    deselected = re.search(r"(\d+) deselected", tail)
    return (
        int(selected.group(1)) if selected else 0,
        int(deselected.group(1)) if deselected else 0,
    )


def test_not_browser_selects_no_browser_test() -> None:
    selected, deselected = collected("-m", "not browser", "tests/browser")
    assert selected == 0
    assert deselected > 50, "every browser test was collected, then deselected"


def test_browser_marker_selects_every_browser_test_and_nothing_else() -> None:
    everything, _ = collected("tests/browser")
    selected, _ = collected("-m", "browser", "tests/browser")
    assert selected == everything > 50
    assert collected("-m", "browser", "tests/test_screen.py") == (
        0,
        collected("tests/test_screen.py")[0],
    )


def test_not_pyodide_selects_no_pyodide_test() -> None:
    selected, deselected = collected("-m", "not pyodide", "tests/pyodide")
    assert (selected, deselected > 5) == (0, True)
