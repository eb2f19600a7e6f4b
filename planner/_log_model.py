"""The training log's data (version 1): the normalised records parse_log returns, its limits
and keys, LogError, and log_to_dict (the normalised log as JSON)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ._profile import Problem, Profile, TestResult

LOG_VERSION = 1
REPS_MAX = 1000
SECONDS_MAX = 3600
LOAD_MAX = 1000
PAIN_MAX = 10
NOTE_MAX = 2000

LOG_KEYS = ("version", "profile", "sessions", "tests")
SESSION_KEYS = ("date", "week", "day", "items", "pain_before", "pain_after", "note")
ITEM_KEYS = ("exercise", "sets")
SET_KEYS = ("side", "reps", "seconds", "load_kg")
TEST_KEYS = ("date", "results")


@dataclass(frozen=True, slots=True)
class LogSet:
    """One set as done: its side ("left", "right" or "both"), reps or seconds, and load."""

    side: str
    amount: int | float
    load_kg: int | float | None = None


@dataclass(frozen=True, slots=True)
class LogItem:
    exercise: str
    measure: str  # "reps" or "seconds", the exercise's own
    sets: tuple[LogSet, ...]


@dataclass(frozen=True, slots=True)
class LogSession:
    date: dt.date
    week: int
    day: int
    items: tuple[LogItem, ...]
    pain_before: int | None = None
    pain_after: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class LogTests:
    date: dt.date
    results: tuple[TestResult, ...]


@dataclass(frozen=True, slots=True)
class Log:
    """A valid, normalised training log."""

    profile: Profile
    sessions: tuple[LogSession, ...] = ()
    tests: tuple[LogTests, ...] = ()


class LogError(ValueError):
    """The log is invalid; `.problems` lists every problem found, each named by its path."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def log_to_dict(log: Log) -> dict[str, Any]:
    """The normalised log as JSON (the profile with every key, defaults filled in)."""

    def set_dict(s: LogSet, measure: str) -> dict[str, Any]:
        out: dict[str, Any] = {"side": s.side, measure: s.amount}
        if s.load_kg is not None:
            out["load_kg"] = s.load_kg
        return out

    sessions: list[dict[str, Any]] = []
    for s in log.sessions:
        rec: dict[str, Any] = {
            "date": s.date.isoformat(),
            "week": s.week,
            "day": s.day,
            "items": [
                {"exercise": it.exercise, "sets": [set_dict(x, it.measure) for x in it.sets]}
                for it in s.items
            ],
        }
        if s.pain_before is not None:
            rec["pain_before"] = s.pain_before
        if s.pain_after is not None:
            rec["pain_after"] = s.pain_after
        if s.note:
            rec["note"] = s.note
        sessions.append(rec)
    return {
        "version": LOG_VERSION,
        "profile": {k: v for k, v in log.profile.to_dict().items() if v is not None},
        "sessions": sessions,
        "tests": [
            {
                "date": t.date.isoformat(),
                "results": {r.test: {"left": r.left, "right": r.right} for r in t.results},
            }
            for t in log.tests
        ],
    }
