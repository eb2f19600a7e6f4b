"""The log commands on the worked example logs: the CLI prints exactly what the bridge's
exports hold for the same log (the page and the command line agree byte for byte)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner._bridge import log_next, log_progress, log_targets

ROOT = Path(__file__).resolve().parent.parent
LOGS = sorted((ROOT / "docs" / "examples" / "logs").glob("*.json"))


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        cwd=ROOT,
        input=stdin.encode() if stdin is not None else None,
    )


@pytest.mark.parametrize("path", LOGS, ids=[p.name for p in LOGS])
def test_cli_and_bridge_give_the_same_bytes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    targets = json.loads(log_targets(text, 3, 1, ""))
    progress = json.loads(log_progress(text))
    block = json.loads(log_next(text, "2026-03-01"))
    assert targets["ok"] and progress["ok"] and block["ok"]
    for fmt in ("json", "text"):
        out = run("targets", str(path), "--week", "3", "--day", "1", "--format", fmt)
        assert out.returncode == 0
        assert out.stdout.decode() == targets["exports"][fmt], fmt
    for fmt in ("text", "json", "csv", "svg"):
        out = run("progress", str(path), "--format", fmt)
        assert out.returncode == 0
        assert out.stdout.decode() == progress["exports"][fmt], fmt
    for fmt in ("json", "md", "csv", "ics", "text"):
        out = run("next", str(path), "--format", fmt)
        assert out.returncode == 0
        assert out.stdout.decode() == block["exports"][fmt], fmt


def test_targets_reads_the_log_from_standard_input() -> None:
    text = LOGS[0].read_text(encoding="utf-8")
    out = run("targets", "-", "--week", "1", "--day", "1", "--format", "text", stdin=text)
    assert out.returncode == 0 and out.stdout.startswith(b"Week 1, day 1")


def test_a_week_outside_the_plan_exits_2_naming_week() -> None:
    out = run("targets", str(LOGS[0]), "--week", "9", "--day", "1")
    assert out.returncode == 2
    assert out.stderr.decode().startswith("week: must be an integer from 1 to 6")


def test_a_date_that_does_not_exist_exits_2_naming_date() -> None:
    out = run("targets", str(LOGS[0]), "--week", "1", "--day", "1", "--date", "2026-02-31")
    assert out.returncode == 2 and out.stderr.decode().startswith("date: ")


def test_an_unreadable_log_exits_2() -> None:
    out = run("progress", "no/such/log.json")
    assert out.returncode == 2 and out.stderr.decode().startswith("log: cannot read")


def test_help_lists_the_log_commands() -> None:
    text = run("--help").stdout.decode()
    for command in ("targets", "progress", "next"):
        assert command in text


def test_the_log_help_examples_name_files_that_exist() -> None:
    text = run("targets", "--help").stdout.decode()
    named = [w for w in text.split() if w.startswith("docs/examples/logs/")]
    assert len(named) == 3
    for name in named:
        assert (ROOT / name).is_file(), name
