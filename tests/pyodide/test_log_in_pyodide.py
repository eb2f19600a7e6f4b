"""The training-log functions of the worker bridge, in the site's own Pyodide under Node,
give byte for byte what the CLI prints in CPython for the same log."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.pyodide
ROOT = Path(__file__).resolve().parents[2]
LOGS = sorted((ROOT / "docs" / "examples" / "logs").glob("*.json"))
COMMANDS = {
    "targets": [(fmt, ["--week", "3", "--day", "1", "--format", fmt]) for fmt in ("json", "text")],
    "progress": [(fmt, ["--format", fmt]) for fmt in ("text", "json", "csv", "svg")],
    "next": [(fmt, ["--format", fmt]) for fmt in ("json", "md", "csv", "ics", "text")],
}


def _cli(command: str, path: Path, args: list[str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "planner", command, str(path), *args],
        capture_output=True,
        cwd=ROOT,
        check=True,
    )
    return done.stdout.decode("utf-8")


def test_log_commands_in_pyodide_match_the_cli_byte_for_byte(
    run_in_pyodide: Callable[[str], str],
) -> None:
    assert LOGS, "docs/examples/logs/ holds the worked example logs"
    texts = {p.name: p.read_text(encoding="utf-8") for p in LOGS}
    code = (
        "import json\n"
        "from planner import _bridge\n"
        f"texts = json.loads({json.dumps(json.dumps(texts))})\n"
        "json.dumps({name: {\n"
        "    'targets': json.loads(_bridge.log_targets(t, 3, 1, ''))['exports'],\n"
        "    'progress': json.loads(_bridge.log_progress(t))['exports'],\n"
        "    'next': json.loads(_bridge.log_next(t, '2026-03-01'))['exports'],\n"
        "} for name, t in texts.items()})"
    )
    in_pyodide = json.loads(run_in_pyodide(code))
    for path in LOGS:
        for command, runs in COMMANDS.items():
            for fmt, args in runs:
                expected = _cli(command, path, args)
                assert in_pyodide[path.name][command][fmt] == expected, (path.name, command, fmt)


def test_log_errors_come_by_path_in_pyodide(run_in_pyodide: Callable[[str], str]) -> None:
    bad = json.dumps(
        {
            "version": 1,
            "profile": {},
            "sessions": [
                {
                    "date": "2026-01-05",
                    "week": 1,
                    "day": 1,
                    "items": [{"exercise": "bird_dog", "sets": [{"side": "both", "reps": -1}]}],
                }
            ],
        }
    )
    out = run_in_pyodide(f"from planner import _bridge\n_bridge.log_progress({bad!r})")
    answer = json.loads(out)
    assert answer["ok"] is False
    fields = {e["field"] for e in answer["errors"]}
    assert "sessions[0].items[0].sets[0].side" in fields
    assert "sessions[0].items[0].sets[0].reps" in fields
