"""The profile: FIELDS (the one source of truth for names, types, ranges and choices),
parse_profile (every problem reported at once, by field) and parse_profile_json.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ._assess import TEST_IDS, TEST_MAX, TESTS
from ._screen import RED_FLAGS
from ._vocab import (
    EQUIPMENT_LABELS,
    FOCUS_LABELS,
    LEVEL_LABELS,
    SIDE_LABELS,
)

FieldKind = Literal["version", "choice", "choices", "integer", "tests", "date"]


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Field:
    """One profile field, as the form shows it and the parser checks it."""

    name: str
    kind: FieldKind
    label: str
    hint: str
    default: Any
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    min_items: int = 0
    unit: str = ""

    def to_dict(self) -> dict[str, Any]:
        default = list(self.default) if isinstance(self.default, tuple) else self.default
        return {
            "name": self.name,
            "kind": self.kind,
            "label": self.label,
            "hint": self.hint,
            "default": default,
            "choices": [{"value": c.value, "label": c.label} for c in self.choices],
            "minimum": self.minimum,
            "maximum": self.maximum,
            "min_items": self.min_items,
            "unit": self.unit,
        }


def _choices(labels: Mapping[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value, label) for value, label in labels.items())


FIELDS: tuple[Field, ...] = (
    Field(
        "version",
        "version",
        "Profile version",
        "Always 1 for this version of the planner.",
        1,
        minimum=1,
        maximum=1,
    ),
    Field(
        "weak_side",
        "choice",
        "Which side is weaker or smaller?",
        "The side to bring up. If you are not sure, choose 'Not sure': your self-test results "
        "decide, or the plan starts with a test session.",
        "unknown",
        choices=_choices(SIDE_LABELS),
    ),
    Field(
        "focus",
        "choices",
        "What do you want to train?",
        "Pick one or more regions; every one you pick is trained at least once a week.",
        ("lower_back",),
        choices=_choices(FOCUS_LABELS),
        min_items=1,
    ),
    Field(
        "equipment",
        "choices",
        "What equipment do you have?",
        "Tick nothing for body weight only. Body-weight exercises are always included; an "
        "exercise is only chosen when you have everything it needs.",
        (),
        choices=_choices(EQUIPMENT_LABELS),
    ),
    Field(
        "experience",
        "choice",
        "How long have you trained regularly?",
        "Exercises above your level are left out.",
        "beginner",
        choices=_choices(LEVEL_LABELS),
    ),
    Field(
        "days_per_week",
        "integer",
        "Sessions a week",
        "How many days a week you can train this routine.",
        3,
        minimum=1,
        maximum=7,
        unit="days",
    ),
    Field(
        "minutes_per_session",
        "integer",
        "Minutes per session",
        "Each session is planned to fit in this time, rests included.",
        30,
        minimum=10,
        maximum=180,
        unit="minutes",
    ),
    Field(
        "weeks",
        "integer",
        "Length of the block",
        "How many weeks to plan. Blocks of 5 weeks or more include an easier (deload) week.",
        6,
        minimum=1,
        maximum=16,
        unit="weeks",
    ),
    Field(
        "pain",
        "integer",
        "Back pain right now, at rest",
        "0 = no pain, 10 = the worst pain you can imagine. From 4 the plan is gentler; from 7 "
        "it asks you to see a professional first.",
        0,
        minimum=0,
        maximum=10,
        unit="out of 10",
    ),
    Field(
        "red_flags",
        "choices",
        "Safety questions: tick every one you answer yes to",
        "Any yes means the planner asks you to see a professional first, and says how urgently.",
        (),
        choices=tuple(Choice(flag.id, flag.question) for flag in RED_FLAGS),
    ),
    Field(
        "tests",
        "tests",
        "Self-test results (optional)",
        "For each test you did, the score of each side: seconds held or reps done. Higher is "
        "better; the side with the lower score is treated as the weaker one.",
        {},
        choices=tuple(Choice(t.id, t.name) for t in TESTS),
        minimum=0,
        maximum=TEST_MAX,
    ),
    Field(
        "start_date",
        "date",
        "First training day (optional)",
        "Used for the calendar download. Without it the calendar starts next Monday.",
        None,
    ),
)

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
_FIELD = {f.name: f for f in FIELDS}


def _looks_like_iso_date(value: str) -> bool:
    """YYYY-MM-DD in ASCII digits. A plain check, not a regular expression: compiling one cost
    4 ms of the browser's start-up (Python's regex compiler is itself Python)."""
    digits = value[:4] + value[5:7] + value[8:]
    return (
        len(value) == 10 and value[4] == value[7] == "-" and digits.isascii() and digits.isdigit()
    )


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a profile: the field (dotted path) and a plain message."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class ProfileError(ValueError):
    """The profile is invalid; `.problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass(frozen=True, slots=True)
class TestResult:
    test: str
    left: int | float
    right: int | float


@dataclass(frozen=True, slots=True)
class Profile:
    """A valid, normalised profile (lists in the catalogue's canonical order)."""

    version: int = 1
    weak_side: str = "unknown"
    focus: tuple[str, ...] = ("lower_back",)
    equipment: tuple[str, ...] = ()
    experience: str = "beginner"
    days_per_week: int = 3
    minutes_per_session: int = 30
    weeks: int = 6
    pain: int = 0
    red_flags: tuple[str, ...] = ()
    tests: tuple[TestResult, ...] = ()
    start_date: dt.date | None = None

    def test_triples(self) -> tuple[tuple[str, float, float], ...]:
        return tuple((t.test, t.left, t.right) for t in self.tests)

    def to_dict(self) -> dict[str, Any]:
        """The normalised profile as JSON: every key, defaults filled in."""
        return {
            "version": self.version,
            "weak_side": self.weak_side,
            "focus": list(self.focus),
            "equipment": list(self.equipment),
            "experience": self.experience,
            "days_per_week": self.days_per_week,
            "minutes_per_session": self.minutes_per_session,
            "weeks": self.weeks,
            "pain": self.pain,
            "red_flags": list(self.red_flags),
            "tests": {t.test: {"left": t.left, "right": t.right} for t in self.tests},
            "start_date": self.start_date.isoformat() if self.start_date else None,
        }


class _Object(dict[str, Any]):
    """A JSON object from parse_profile_json, remembering keys that appeared twice."""

    duplicates: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    dups: list[str] = []
    for key, value in pairs:
        if key in obj and key not in dups:
            dups.append(key)
        obj[key] = value
    obj.duplicates = tuple(dups)
    return obj


def _show(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _duplicates(obj: Mapping[str, Any], path: str, problems: list[Problem]) -> None:
    for key in getattr(obj, "duplicates", ()):
        where = f"{path}.{key}" if path else key
        problems.append(Problem(where, "appears more than once; give it once"))


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def _integer(f: Field, value: object, problems: list[Problem]) -> int | None:
    assert f.minimum is not None and f.maximum is not None
    ok = not isinstance(value, bool) and isinstance(value, int) and f.minimum <= value <= f.maximum
    if not ok:
        problems.append(
            Problem(
                f.name, f"must be an integer from {f.minimum} to {f.maximum}, got {_show(value)}"
            )
        )
        return None
    assert isinstance(value, int)
    return value


def _choice(f: Field, value: object, problems: list[Problem]) -> str | None:
    allowed = [c.value for c in f.choices]
    if isinstance(value, str) and value in allowed:
        return value
    problems.append(Problem(f.name, f"{_show(value)} is not one of {', '.join(allowed)}"))
    return None


def _choices_list(f: Field, value: object, problems: list[Problem]) -> tuple[str, ...] | None:
    allowed = [c.value for c in f.choices]
    if not isinstance(value, list | tuple):
        at_least = "one or more" if f.min_items else "zero or more"
        problems.append(
            Problem(
                f.name,
                f"must be a list of {at_least} of {', '.join(allowed)}; got {_kind(value)}",
            )
        )
        return None
    ok = True
    seen: list[str] = []
    for item in value:
        if not isinstance(item, str) or item not in allowed:
            problems.append(Problem(f.name, f"{_show(item)} is not one of {', '.join(allowed)}"))
            ok = False
        elif item in seen:
            problems.append(Problem(f.name, f"{_show(item)} is repeated; list each once"))
            ok = False
        else:
            seen.append(item)
    if len(value) < f.min_items:
        problems.append(Problem(f.name, f"must list at least one of {', '.join(allowed)}"))
        ok = False
    if not ok:
        return None
    return tuple(v for v in allowed if v in seen)


def _tests(f: Field, value: object, problems: list[Problem]) -> tuple[TestResult, ...] | None:
    shape = '{"left": number, "right": number}'
    if not isinstance(value, Mapping):
        problems.append(
            Problem(
                f.name,
                f"must be an object mapping test ids ({', '.join(TEST_IDS)}) to {shape}; "
                f"got {_kind(value)}",
            )
        )
        return None
    _duplicates(value, f.name, problems)
    ok = True
    results: dict[str, TestResult] = {}
    for test_id, sides in value.items():
        path = f"{f.name}.{test_id}"
        if test_id not in TEST_IDS:
            problems.append(Problem(path, f"unknown test; tests are {', '.join(TEST_IDS)}"))
            ok = False
            continue
        if not isinstance(sides, Mapping):
            problems.append(Problem(path, f"must be an object {shape}; got {_kind(sides)}"))
            ok = False
            continue
        _duplicates(sides, path, problems)
        got: dict[str, int | float] = {}
        for key, score in sides.items():
            if key not in ("left", "right"):
                problems.append(Problem(f"{path}.{key}", "unknown key; give only left and right"))
                ok = False
            elif not _is_number(score) or not 0 <= score <= TEST_MAX:
                problems.append(
                    Problem(
                        f"{path}.{key}",
                        f"must be a number from 0 to {TEST_MAX}, got {_show(score)}",
                    )
                )
                ok = False
            else:
                got[key] = score
        for key in ("left", "right"):
            if key not in sides:
                problems.append(Problem(f"{path}.{key}", "is missing; give both sides"))
                ok = False
        if "left" in got and "right" in got:
            results[test_id] = TestResult(test_id, got["left"], got["right"])
    if getattr(value, "duplicates", ()) or not ok:
        return None
    return tuple(results[t] for t in TEST_IDS if t in results)


def _date(f: Field, value: object, problems: list[Problem]) -> dt.date | None:
    message = "must be a date written YYYY-MM-DD, for example 2026-12-07"
    if value is None:
        return None
    if not isinstance(value, str) or not _looks_like_iso_date(value):
        problems.append(Problem(f.name, f"{message}; got {_show(value)}"))
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(f.name, f"{_show(value)} is not a real date; {message}"))
        return None


def parse_profile(obj: object) -> Profile:
    """Check a profile (a JSON object as a Mapping) and return it normalised.

    Raises ProfileError listing every problem at once, each naming its field.
    """
    if isinstance(obj, Profile):
        return obj
    if not isinstance(obj, Mapping):
        raise ProfileError(
            [Problem("profile", f"must be a JSON object with the profile fields; got {_kind(obj)}")]
        )
    problems: list[Problem] = []
    _duplicates(obj, "", problems)
    for key in obj:
        if key not in _FIELD:
            name = key if isinstance(key, str) and key.strip() and key.isprintable() else _show(key)
            problems.append(
                Problem(name, f"unknown field; the fields are {', '.join(FIELD_NAMES)}")
            )
    values: dict[str, Any] = {}
    for f in FIELDS:
        if f.name not in obj:
            continue
        value = obj[f.name]
        parsed: Any
        if f.kind == "version":
            if isinstance(value, bool) or value != 1 or not isinstance(value, int):
                problems.append(Problem(f.name, f"must be 1, got {_show(value)}"))
                continue
            parsed = 1
        elif f.kind == "integer":
            parsed = _integer(f, value, problems)
        elif f.kind == "choice":
            parsed = _choice(f, value, problems)
        elif f.kind == "choices":
            parsed = _choices_list(f, value, problems)
        elif f.kind == "tests":
            parsed = _tests(f, value, problems)
        else:
            parsed = _date(f, value, problems)
        if parsed is not None:
            values[f.name] = parsed
    if problems:
        raise ProfileError(problems)
    return Profile(**values)


def parse_profile_json(text: str) -> Profile:
    """Parse profile JSON text; duplicate keys and invalid JSON are reported as problems."""
    try:
        obj = json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            [
                Problem(
                    "profile",
                    f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}",
                )
            ]
        ) from None
    except RecursionError:
        raise ProfileError([Problem("profile", "not valid JSON: nested too deeply")]) from None
    return parse_profile(obj)
