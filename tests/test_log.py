"""The training log's parser: valid logs read back normalised; every kind of bad log is
refused with its problems named by path (and the CLI exits 2 with those lines)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner import LogError, parse_log, parse_log_json
from planner._log import log_to_dict

ROOT = Path(__file__).resolve().parent.parent
LOGS = sorted((ROOT / "docs" / "examples" / "logs").glob("*.json"))

GOOD: dict[str, Any] = {
    "version": 1,
    "profile": {"weak_side": "left", "weeks": 4, "days_per_week": 2},
    "sessions": [
        {
            "date": "2026-01-05",
            "week": 1,
            "day": 1,
            "pain_before": 1,
            "pain_after": 2,
            "note": "fine",
            "items": [
                {
                    "exercise": "single_leg_back_extension",
                    "sets": [
                        {"side": "left", "reps": 8, "load_kg": 5},
                        {"side": "right", "reps": 8, "load_kg": 5},
                    ],
                },
                {"exercise": "bird_dog", "sets": [{"side": "left", "reps": 6}]},
                {"exercise": "back_extension", "sets": [{"side": "both", "reps": 10}]},
                {"exercise": "side_plank", "sets": [{"side": "right", "seconds": 30.5}]},
            ],
        }
    ],
    "tests": [
        {"date": "2026-01-04", "results": {"side_bridge_s": {"left": 40, "right": 55}}},
    ],
}


def _bad(change: Any) -> dict[str, Any]:
    log = copy.deepcopy(GOOD)
    change(log)
    return log


def _set(path: str, value: Any) -> Any:
    """A change that sets log[...path...] = value (path in the log's own notation)."""

    def change(log: dict[str, Any]) -> None:
        keys: list[Any] = []
        for part in path.replace("]", "").replace("[", ".").split("."):
            keys.append(int(part) if part.isdigit() else part)
        target: Any = log
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


SET = "sessions[0].items[0].sets[1]"
# (kind, log or JSON text, expected path, words in the message)
BAD: list[tuple[str, Any, str, str]] = [
    ("reps a string", _bad(_set(f"{SET}.reps", "8")), f"{SET}.reps", "integer from 0 to 1000"),
    ("reps negative", _bad(_set(f"{SET}.reps", -1)), f"{SET}.reps", "integer from 0 to 1000"),
    ("reps too many", _bad(_set(f"{SET}.reps", 1001)), f"{SET}.reps", "integer from 0 to 1000"),
    ("reps a fraction", _bad(_set(f"{SET}.reps", 7.5)), f"{SET}.reps", "integer"),
    ("reps a boolean", _bad(_set(f"{SET}.reps", True)), f"{SET}.reps", "integer"),
    (
        "seconds over an hour",
        _bad(_set("sessions[0].items[3].sets[0].seconds", 3601)),
        "sessions[0].items[3].sets[0].seconds",
        "number from 0 to 3600",
    ),
    ("load negative", _bad(_set(f"{SET}.load_kg", -2)), f"{SET}.load_kg", "0 to 1000"),
    (
        "both sides on a one-sided exercise",
        _bad(_set(f"{SET}.side", "both")),
        f"{SET}.side",
        "done one side at a time; give left or right",
    ),
    (
        "one side on a two-sided exercise",
        _bad(_set("sessions[0].items[2].sets[0].side", "left")),
        "sessions[0].items[2].sets[0].side",
        "both sides together; give both",
    ),
    ("no such side", _bad(_set(f"{SET}.side", "middle")), f"{SET}.side", "not one of"),
    (
        "seconds for a reps exercise",
        _bad(_set(SET, {"side": "right", "seconds": 30})),
        f"{SET}.seconds",
        "counted in reps",
    ),
    (
        "reps and seconds",
        _bad(_set(SET, {"side": "right", "reps": 3, "seconds": 3})),
        SET,
        "not both",
    ),
    ("no amount", _bad(_set(SET, {"side": "right"})), SET, "give reps"),
    ("unknown set key", _bad(_set(f"{SET}.weight", 5)), f"{SET}.weight", "unknown key"),
    (
        "unknown exercise",
        _bad(_set("sessions[0].items[1].exercise", "moon_walk")),
        "sessions[0].items[1].exercise",
        "not an exercise in the catalogue",
    ),
    (
        "a date that does not exist",
        _bad(_set("sessions[0].date", "2026-02-30")),
        "sessions[0].date",
        "not a real date",
    ),
    (
        "a date in another form",
        _bad(_set("tests[0].date", "05/01/2026")),
        "tests[0].date",
        "YYYY-MM-DD",
    ),
    (
        "week beyond the plan",
        _bad(_set("sessions[0].week", 5)),
        "sessions[0].week",
        "from 1 to 4 (the profile's plan has 4 weeks)",
    ),
    ("day zero", _bad(_set("sessions[0].day", 0)), "sessions[0].day", "from 1 to 2"),
    (
        "pain above 10",
        _bad(_set("sessions[0].pain_after", 11)),
        "sessions[0].pain_after",
        "0 to 10",
    ),
    ("note not text", _bad(_set("sessions[0].note", 5)), "sessions[0].note", "text"),
    (
        "sets not a list",
        _bad(_set("sessions[0].items[0].sets", {})),
        "sessions[0].items[0].sets",
        "list",
    ),
    ("sessions not a list", _bad(_set("sessions", "none")), "sessions", "must be a list"),
    (
        "unknown session key",
        _bad(_set("sessions[0].mood", "ok")),
        "sessions[0].mood",
        "unknown key",
    ),
    (
        "missing week",
        _bad(lambda log: log["sessions"][0].pop("week")),
        "sessions[0].week",
        "missing",
    ),
    (
        "sessions out of order",
        _bad(lambda log: log["sessions"].append({**log["sessions"][0], "date": "2026-01-01"})),
        "sessions[1].date",
        "oldest first",
    ),
    (
        "test score out of range",
        _bad(_set("tests[0].results.side_bridge_s.left", 4000)),
        "tests[0].results.side_bridge_s.left",
        "0 to 3600",
    ),
    (
        "unknown test",
        _bad(_set("tests[0].results.plank_s", {"left": 1, "right": 2})),
        "tests[0].results.plank_s",
        "unknown test",
    ),
    ("empty test results", _bad(_set("tests[0].results", {})), "tests[0].results", "empty"),
    (
        "profile field out of range",
        _bad(_set("profile.days_per_week", 9)),
        "profile.days_per_week",
        "1 to 7",
    ),
    ("profile unknown field", _bad(_set("profile.mood", 1)), "profile.mood", "unknown field"),
    ("profile missing", _bad(lambda log: log.pop("profile")), "profile", "missing"),
    ("unknown top-level key", _bad(_set("extra", 1)), "extra", "unknown key"),
    ("version missing", _bad(lambda log: log.pop("version")), "version", "missing"),
    ("version not 1", _bad(_set("version", "1")), "version", "must be 1"),
    (
        "a newer version",
        _bad(_set("version", 2)),
        "version",
        "version 2, written by a newer planner",
    ),
    ("a JSON array", [GOOD], "log", "must be a JSON object"),
    ("truncated JSON", json.dumps(GOOD)[:-10], "log", "not valid JSON"),
    ("empty text", "", "log", "not valid JSON"),
    (
        "a duplicate key",
        '{"version": 1, "profile": {}, "sessions": [], "sessions": []}',
        "sessions",
        "appears more than once",
    ),
    (
        "a duplicate key in a set",
        '{"version": 1, "profile": {}, "sessions": [{"date": "2026-01-05", "week": 1, "day": 1,'
        ' "items": [{"exercise": "bird_dog", "sets": [{"side": "left", "reps": 1, "reps": 2}]}]}]}',
        "sessions[0].items[0].sets[0].reps",
        "appears more than once",
    ),
    (
        "a duplicate key in the profile",
        '{"version": 1, "profile": {"weeks": 3, "weeks": 4}}',
        "profile.weeks",
        "appears more than once",
    ),
]


def _text(log: Any) -> str:
    return log if isinstance(log, str) else json.dumps(log)


def test_there_are_at_least_twenty_kinds_of_bad_log() -> None:
    assert len(BAD) >= 20


@pytest.mark.parametrize(("kind", "log", "path", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_log_is_refused_with_its_path(kind: str, log: Any, path: str, words: str) -> None:
    with pytest.raises(LogError) as caught:
        parse_log_json(_text(log))
    problems = [(p.field, p.message) for p in caught.value.problems]
    assert any(field == path and words in message for field, message in problems), problems


@pytest.mark.parametrize(("kind", "log", "path", "words"), BAD[::10], ids=[b[0] for b in BAD[::10]])
def test_cli_exits_2_with_one_line_per_problem_naming_the_path(
    kind: str, log: Any, path: str, words: str, tmp_path: Path
) -> None:
    file = tmp_path / "log.json"
    file.write_text(_text(log), encoding="utf-8")
    for command in (["progress"], ["next"], ["targets", "--week", "1", "--day", "1"]):
        done = subprocess.run(
            [sys.executable, "-m", "planner", *command, str(file)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert done.returncode == 2, (command, done.stderr)
        assert done.stdout == ""
        assert any(line.startswith(f"{path}: ") for line in done.stderr.splitlines())
        assert "Traceback" not in done.stderr


def test_a_newer_version_is_not_read_any_further() -> None:
    log = {"version": 3, "profile": "not even a profile", "sessions": 5}
    with pytest.raises(LogError) as caught:
        parse_log(log)
    assert [p.field for p in caught.value.problems] == ["version"]
    assert "update the planner" in caught.value.problems[0].message


def test_every_problem_is_reported_at_once() -> None:
    log = _bad(_set(f"{SET}.reps", -1))
    log["sessions"][0]["date"] = "2026-13-01"
    log["profile"]["pain"] = 11
    with pytest.raises(LogError) as caught:
        parse_log(log)
    fields = {p.field for p in caught.value.problems}
    assert {f"{SET}.reps", "sessions[0].date", "profile.pain"} <= fields


def test_a_good_log_reads_back_normalised() -> None:
    log = parse_log(GOOD)
    assert log.profile.weak_side == "left"
    assert [s.week for s in log.sessions] == [1]
    first = log.sessions[0].items[0]
    assert first.measure == "reps" and first.sets[0].load_kg == 5
    assert log.sessions[0].items[3].measure == "seconds"
    again = parse_log(log_to_dict(log))
    assert again == log


def test_an_empty_log_with_only_a_profile_is_valid() -> None:
    log = parse_log({"version": 1, "profile": {}})
    assert log.sessions == () and log.tests == ()


def test_the_worked_example_logs_are_valid() -> None:
    assert len(LOGS) >= 2
    for path in LOGS:
        log = parse_log_json(path.read_text(encoding="utf-8"))
        assert log.sessions, path


def test_a_checked_session_is_checked_again_under_a_smaller_plan() -> None:
    """Sessions already checked are remembered by their JSON and the plan's size: the same
    record under a profile with fewer weeks must still be refused."""
    log = copy.deepcopy(GOOD)
    log["sessions"][0]["week"] = 4
    assert parse_log_json(json.dumps(log)).sessions[0].week == 4
    log["profile"]["weeks"] = 3
    with pytest.raises(LogError) as caught:
        parse_log_json(json.dumps(log))
    assert [p.field for p in caught.value.problems] == ["sessions[0].week"]


def test_a_duplicate_key_is_found_in_a_session_seen_before_without_one() -> None:
    text = json.dumps(GOOD)
    parse_log_json(text)
    twice = text.replace('"pain_before": 1', '"pain_before": 1, "pain_before": 1')
    with pytest.raises(LogError) as caught:
        parse_log_json(twice)
    assert [p.field for p in caught.value.problems] == ["sessions[0].pain_before"]


def test_reading_a_log_again_gives_the_same_log() -> None:
    for path in LOGS:
        text = path.read_text(encoding="utf-8")
        assert parse_log_json(text) == parse_log_json(text) == parse_log(json.loads(text))
