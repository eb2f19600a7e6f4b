"""The profile parser: parse_profile (every problem reported at once, by field) and
parse_profile_json, checking against FIELDS (`_fields`); Profile's defaults come from FIELDS.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import _plain as plain
from ._assess import TEST_IDS, TEST_RESULT_MAX, TEST_RESULT_MIN
from ._fields import FIELD, FIELD_NAMES, FIELDS, Field


def _looks_like_iso_date(value: str) -> bool:
    """YYYY-MM-DD in ASCII digits. A plain check, not a regular expression: compiling one cost
    4 ms of the browser's start-up (Python's regex compiler is itself Python)."""
    digits = value[:4] + value[5:7] + value[8:]
    return (
        len(value) == 10 and value[4] == value[7] == "-" and digits.isascii() and digits.isdigit()
    )


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a profile: the field (dotted path), the exact message (what the
    CLI prints) and, for the form, `plain`: what to enter instead, in a person's words
    (`_plain`; empty where the message itself says it)."""

    field: str
    message: str
    plain: str = ""

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        out = {"field": self.field, "message": self.message}
        if self.plain:
            out["plain"] = self.plain
        return out


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


# Each field's default as Profile holds it (tests: {} is no results): FIELDS is the one place
# a default is written.
_DEFAULT: dict[str, Any] = {
    f.name: tuple(f.default) if isinstance(f.default, Mapping) else f.default for f in FIELDS
}


@dataclass(frozen=True, slots=True)
class Profile:
    """A valid, normalised profile (lists in the catalogue's canonical order)."""

    version: int = _DEFAULT["version"]
    weak_side: str = _DEFAULT["weak_side"]
    focus: tuple[str, ...] = _DEFAULT["focus"]
    equipment: tuple[str, ...] = _DEFAULT["equipment"]
    experience: str = _DEFAULT["experience"]
    days_per_week: int = _DEFAULT["days_per_week"]
    minutes_per_session: int = _DEFAULT["minutes_per_session"]
    weeks: int = _DEFAULT["weeks"]
    pain: int = _DEFAULT["pain"]
    red_flags: tuple[str, ...] = _DEFAULT["red_flags"]
    tests: tuple[TestResult, ...] = _DEFAULT["tests"]
    start_date: dt.date | None = _DEFAULT["start_date"]
    goal: str = _DEFAULT["goal"]
    schedule: str = _DEFAULT["schedule"]

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
            "goal": self.goal,
            "schedule": self.schedule,
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
        problems.append(Problem(where, "appears more than once; give it once", plain.duplicate()))


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def _integer(f: Field, value: object, problems: list[Problem]) -> int | None:
    assert f.minimum is not None and f.maximum is not None
    ok = not isinstance(value, bool) and isinstance(value, int) and f.minimum <= value <= f.maximum
    if not ok:
        problems.append(
            Problem(
                f.name,
                f"must be an integer from {f.minimum} to {f.maximum}, got {_show(value)}",
                plain.integer(f, value),
            )
        )
        return None
    assert isinstance(value, int)
    return value


def _choice(f: Field, value: object, problems: list[Problem]) -> str | None:
    allowed = [c.value for c in f.choices]
    if isinstance(value, str) and value in allowed:
        return value
    problems.append(
        Problem(f.name, f"{_show(value)} is not one of {', '.join(allowed)}", plain.choice(f))
    )
    return None


def _choices_list(f: Field, value: object, problems: list[Problem]) -> tuple[str, ...] | None:
    allowed = [c.value for c in f.choices]
    if not isinstance(value, list | tuple):
        at_least = "one or more" if f.min_items else "zero or more"
        problems.append(
            Problem(
                f.name,
                f"must be a list of {at_least} of {', '.join(allowed)}; got {_kind(value)}",
                plain.choices_not_list(f),
            )
        )
        return None
    ok = True
    seen: list[str] = []
    for item in value:
        if not isinstance(item, str) or item not in allowed:
            problems.append(
                Problem(
                    f.name,
                    f"{_show(item)} is not one of {', '.join(allowed)}",
                    plain.choices_unknown(f),
                )
            )
            ok = False
        elif item in seen:
            problems.append(
                Problem(
                    f.name, f"{_show(item)} is repeated; list each once", plain.choices_repeated()
                )
            )
            ok = False
        else:
            seen.append(item)
    if len(value) < f.min_items:
        problems.append(
            Problem(
                f.name, f"must list at least one of {', '.join(allowed)}", plain.choices_none(f)
            )
        )
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
                plain.tests_shape(),
            )
        )
        return None
    _duplicates(value, f.name, problems)
    ok = True
    results: dict[str, TestResult] = {}
    for test_id, sides in value.items():
        path = f"{f.name}.{test_id}"
        if test_id not in TEST_IDS:
            problems.append(
                Problem(
                    path, f"unknown test; tests are {', '.join(TEST_IDS)}", plain.test_unknown()
                )
            )
            ok = False
            continue
        if not isinstance(sides, Mapping):
            problems.append(
                Problem(path, f"must be an object {shape}; got {_kind(sides)}", plain.test_shape())
            )
            ok = False
            continue
        _duplicates(sides, path, problems)
        got: dict[str, int | float] = {}
        for key, score in sides.items():
            if key not in ("left", "right"):
                problems.append(
                    Problem(
                        f"{path}.{key}", "unknown key; give only left and right", plain.test_shape()
                    )
                )
                ok = False
            elif not _is_number(score) or not TEST_RESULT_MIN <= score <= TEST_RESULT_MAX:
                problems.append(
                    Problem(
                        f"{path}.{key}",
                        f"must be a number from {TEST_RESULT_MIN} to {TEST_RESULT_MAX}, "
                        f"got {_show(score)}",
                        plain.test_number(TEST_RESULT_MIN, TEST_RESULT_MAX),
                    )
                )
                ok = False
            else:
                got[key] = score
        for key in ("left", "right"):
            if key not in sides:
                problems.append(
                    Problem(f"{path}.{key}", "is missing; give both sides", plain.test_missing())
                )
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
        problems.append(Problem(f.name, f"{message}; got {_show(value)}", plain.date()))
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(
            Problem(f.name, f"{_show(value)} is not a real date; {message}", plain.unreal_date())
        )
        return None


def parse_profile(obj: object) -> Profile:
    """Check a profile (a JSON object as a Mapping) and return it normalised.

    Raises ProfileError listing every problem at once, each naming its field.
    """
    if isinstance(obj, Profile):
        return obj
    if not isinstance(obj, Mapping):
        raise ProfileError(
            [
                Problem(
                    "profile",
                    f"must be a JSON object with the profile fields; got {_kind(obj)}",
                    plain.not_answers(),
                )
            ]
        )
    problems: list[Problem] = []
    _duplicates(obj, "", problems)
    for key in obj:
        if key not in FIELD:
            name = key if isinstance(key, str) and key.strip() and key.isprintable() else _show(key)
            problems.append(
                Problem(
                    name,
                    f"unknown field; the fields are {', '.join(FIELD_NAMES)}",
                    plain.unknown_field(),
                )
            )
    values: dict[str, Any] = {}
    for f in FIELDS:
        if f.name not in obj:
            continue
        value = obj[f.name]
        parsed: Any
        if f.kind == "version":
            if isinstance(value, bool) or value != 1 or not isinstance(value, int):
                problems.append(Problem(f.name, f"must be 1, got {_show(value)}", plain.version()))
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
                    plain.not_answers(),
                )
            ]
        ) from None
    except RecursionError:
        raise ProfileError(
            [Problem("profile", "not valid JSON: nested too deeply", plain.not_answers())]
        ) from None
    return parse_profile(obj)


# FIELDS and Field live in `_fields`; they are re-exported here for callers that import them
# with the parser.
__all__ = [
    "FIELDS",
    "Field",
    "Problem",
    "Profile",
    "ProfileError",
    "TestResult",
    "parse_profile",
    "parse_profile_json",
]
