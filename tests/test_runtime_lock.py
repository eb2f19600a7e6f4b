"""The trimmed lock the site ships agrees with the one pyodide-build writes for the same wheel."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from evenback_build.paths import ROOT
from evenback_build.runtime import PACKAGE_NAME, trimmed_lock

PYODIDE_CLI = Path(sys.executable).parent / "pyodide"
RUNTIMES = ROOT / ".cache" / "pyodide"
# The pinned runtime is fetched by set-up (./scripts/test, ./scripts/build), not by pytest:
# on a fresh clone, plain `pytest` says so instead of failing.
pytestmark = [
    pytest.mark.pyodide,
    pytest.mark.skipif(
        not any(RUNTIMES.glob("[0-9]*[0-9]/pyodide-lock.json")),
        reason="needs the pinned Pyodide runtime in .cache/pyodide/ (./scripts/test fetches it)",
    ),
]


def pinned_runtime() -> Path:
    return max(RUNTIMES.glob("[0-9]*[0-9]"))


@pytest.fixture
def wheel(tmp_path: Path) -> Path:
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"),
            *("-w", str(tmp_path), str(ROOT)),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = tmp_path.glob("even_back_planner-*.whl")
    return found


@pytest.mark.skipif(not PYODIDE_CLI.exists(), reason="pyodide-build installs on Python 3.12+")
def test_lock_entry_matches_pyodide_builds_add_wheels(tmp_path: Path, wheel: Path) -> None:
    ours = trimmed_lock(pinned_runtime(), wheel, f"wheels/x/{wheel.name}")
    empty = tmp_path / "empty-lock.json"
    empty.write_text(json.dumps({"info": ours["info"], "packages": {}}), encoding="utf-8")
    out = tmp_path / "lock.json"
    subprocess.run(
        [
            *(str(PYODIDE_CLI), "lockfile", "add-wheels"),
            *("--input", str(empty), "--output", str(out), str(wheel)),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    theirs = json.loads(out.read_text(encoding="utf-8"))
    assert theirs["info"] == ours["info"]
    mine = dict(ours["packages"][PACKAGE_NAME])  # type: ignore[index]
    reference = dict(theirs["packages"][PACKAGE_NAME])
    assert Path(mine.pop("file_name")).name == Path(reference.pop("file_name")).name
    reference.pop("tool", None)
    assert mine == reference
