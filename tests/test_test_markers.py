"""`-m` selects by folder: the browser and Pyodide suites can be left out, or run alone.

Each check is one `pytest --collect-only` over a marked folder and an unmarked module
(tests/test_screen.py): with ``-m "not <marker>"`` exactly the unmarked module's tests are
selected and every test of the folder is deselected. A folder test without the marker would
be selected; a marker added after `-m` has deselected (the conftest's hook not run first)
would select them all; an unmarked test given the marker would be missing.
"""

from __future__ import annotations

import re
import subprocess
import sys

from evenback_build.paths import ROOT

UNMARKED = "tests/test_screen.py"


def collect(*args: str) -> tuple[list[str], int]:
    """(the node ids selected, the number deselected) by `pytest --collect-only ARGS`."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode in (0, 5), done.stdout[-3000:] + done.stderr[-3000:]  # 5: none
    lines = done.stdout.strip().splitlines()
    deselected = re.search(r"(\d+) deselected", lines[-1])
    return [line for line in lines if "::" in line], int(deselected.group(1)) if deselected else 0


def test_not_browser_leaves_out_every_browser_test_and_only_those() -> None:
    selected, deselected = collect("-m", "not browser", "tests/browser", UNMARKED)
    assert selected, "the unmarked module's tests are selected"
    assert all(node.startswith(UNMARKED + "::") for node in selected), selected[:5]
    assert deselected > 50, "every browser test was collected, then deselected"


def test_not_pyodide_leaves_out_every_pyodide_test_and_only_those() -> None:
    selected, deselected = collect("-m", "not pyodide", "tests/pyodide", UNMARKED)
    assert selected, "the unmarked module's tests are selected"
    assert all(node.startswith(UNMARKED + "::") for node in selected), selected[:5]
    assert deselected > 5, "every Pyodide test was collected, then deselected"


def test_every_test_folder_is_one_that_scripts_test_runs() -> None:
    """./scripts/test runs the whole suite as two processes named by folder (tests/browser,
    tests/pyodide, tests/test_*.py): a new folder of tests would be run by neither."""
    tests = ROOT / "tests"
    folders = {p.parent.relative_to(tests).as_posix() for p in tests.rglob("test_*.py")}
    assert folders == {".", "browser", "pyodide"}, "add the new folder to scripts/test"
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "tests/browser" in script and "tests/test_*.py tests/pyodide" in script
