"""The command line, run on the real example profiles in docs/examples/."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner import render
from planner.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json"))


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        input=stdin.encode(),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )


def test_the_examples_are_there() -> None:
    names = {p.name for p in EXAMPLES}
    assert {
        "forum-left-erector-basketball.json",
        "forum-slight-scoliosis-right-weaker.json",
        "home-beginner-no-equipment.json",
        "unknown-side-with-tests.json",
        "red-flag-referral.json",
    } <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["json", "md", "csv", "text"])
def test_every_example_plans_with_exit_0_and_deterministic_output(path: Path, fmt: str) -> None:
    first = run("plan", str(path), "--format", fmt)
    assert first.returncode == 0, first.stderr.decode()
    assert first.stderr == b""
    assert first.stdout
    again = run("plan", str(path), "--format", fmt)
    assert again.stdout == first.stdout


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_json_output_is_exactly_render_of_the_plan(path: Path) -> None:
    from planner import plan

    out = run("plan", str(path))
    assert out.stdout.decode() == render(plan(json.loads(path.read_text())), "json")


def test_seed_examples_give_weak_side_plans_and_the_red_flag_one_refers() -> None:
    def plan_of(name: str) -> dict[str, object]:
        data = json.loads(run("plan", str(ROOT / "docs" / "examples" / name)).stdout)
        assert isinstance(data, dict)
        return data

    assert plan_of("forum-left-erector-basketball.json")["weak_side"] == "left"
    assert plan_of("forum-slight-scoliosis-right-weaker.json")["weak_side"] == "right"
    derived = plan_of("unknown-side-with-tests.json")
    assert derived["weak_side"] == "right" and derived["weak_side_source"] == "tests"
    refer = plan_of("red-flag-referral.json")
    assert refer["status"] == "refer" and refer["weeks"] == []


def test_ics_keeps_crlf_line_ends_byte_for_byte() -> None:
    out = run("plan", str(ROOT / "docs/examples/unknown-side-with-tests.json"), "--format", "ics")
    assert out.returncode == 0
    assert out.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"\n" not in out.stdout.replace(b"\r\n", b"")


def test_stdin_dash_reads_the_profile() -> None:
    out = run("plan", "-", "--format", "json", stdin='{"weak_side": "left", "weeks": 2}')
    assert out.returncode == 0
    assert json.loads(out.stdout)["profile"]["weeks"] == 2


def test_invalid_profile_exits_2_with_one_line_per_problem() -> None:
    out = run("plan", "-", stdin='{"days_per_week": 9, "focus": ["neck"], "x": 1}')
    assert out.returncode == 2
    assert out.stdout == b""
    lines = out.stderr.decode().splitlines()
    assert len(lines) == 3
    assert "days_per_week: must be an integer from 1 to 7, got 9" in lines
    assert any(line.startswith("focus: ") for line in lines)
    assert any(line.startswith("x: unknown field") for line in lines)
    assert "Traceback" not in out.stderr.decode()


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("{", "profile: not valid JSON (line 1, column 2)"),
        ("[1, 2]", "profile: must be a JSON object"),
        ('{"pain": 1, "pain": 1}', "pain: appears more than once"),
    ],
)
def test_bad_json_exits_2_naming_the_problem(stdin: str, expected: str) -> None:
    out = run("plan", "-", stdin=stdin)
    assert out.returncode == 2
    assert out.stderr.decode().startswith(expected)


def test_unreadable_file_exits_2_with_a_clear_line(tmp_path: Path) -> None:
    out = run("plan", str(tmp_path / "missing.json"))
    assert out.returncode == 2
    assert out.stderr.decode().startswith("profile: cannot read ")
    assert "Traceback" not in out.stderr.decode()
    binary = tmp_path / "bad.json"
    binary.write_bytes(b"\xff\xfe\x00")
    out = run("plan", str(binary))
    assert out.returncode == 2
    assert "not UTF-8 text" in out.stderr.decode()


def test_catalogue_prints_a_json_array_with_contract_fields() -> None:
    out = run("catalogue", "--format", "json")
    assert out.returncode == 0
    rows = json.loads(out.stdout)
    assert isinstance(rows, list) and rows
    for row in rows:
        assert {"id", "name", "equipment", "unilateral", "focus", "level", "measure"} <= set(row)


def test_help_explains_the_tool_with_examples() -> None:
    out = run("--help")
    assert out.returncode == 0
    text = out.stdout.decode()
    assert "weak-side-first" in text and "examples:" in text
    plan_help = run("plan", "--help").stdout.decode()
    assert "--format" in plan_help and "stdin" in plan_help


def test_main_returns_exit_codes_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"weeks": 0}')))
    assert main(["plan", "-"]) == 2
    assert capsys.readouterr().err == "weeks: must be an integer from 1 to 16, got 0\n"
    path = ROOT / "docs/examples/home-beginner-no-equipment.json"
    assert main(["plan", str(path), "--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("Even Back plan")
