"""The training log (version 1): parse_log checks a log and returns it normalised, or raises
LogError listing every problem at once, each named by its path
(`sessions[2].items[0].sets[1].reps: must be an integer from 0 to 1000`).

The embedded profile is checked by the profile parser; its problems are prefixed `profile.`.
A log from a newer version is refused before anything else is read, so it is never misread.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

from ._catalogue import Exercise, catalogue_by_id
from ._log_model import (
    ITEM_KEYS,
    LOAD_MAX,
    LOG_KEYS,
    LOG_VERSION,
    NOTE_MAX,
    PAIN_MAX,
    REPS_MAX,
    SECONDS_MAX,
    SESSION_KEYS,
    SET_KEYS,
    TEST_KEYS,
    Log,
    LogError,
    LogItem,
    LogSession,
    LogSet,
    LogTests,
    log_to_dict,
)
from ._profile import (
    Problem,
    Profile,
    ProfileError,
    TestResult,
    _kind,
    _Object,
    _pairs,
    _show,
    parse_profile,
)

__all__ = [
    "Log",
    "LogError",
    "LogItem",
    "LogSession",
    "LogSet",
    "LogTests",
    "log_to_dict",
    "parse_log",
    "parse_log_json",
]


class _Checker:
    """Collects problems while walking a log."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def keys(self, obj: Mapping[str, Any], path: str, allowed: tuple[str, ...], what: str) -> None:
        for key in getattr(obj, "duplicates", ()):
            self.add(f"{path}.{key}" if path else key, "appears more than once; give it once")
        for key in obj:
            if key not in allowed:
                name = key if isinstance(key, str) and key.isprintable() and key else _show(key)
                where = f"{path}.{name}" if path else name
                self.add(where, f"unknown key; {what} has {', '.join(allowed)}")

    def integer(self, value: object, path: str, low: int, high: int, why: str = "") -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.add(path, f"must be an integer from {low} to {high}{why}, got {_show(value)}")
            return None
        return value

    def number(self, value: object, path: str, low: int, high: int) -> int | float | None:
        ok = (
            not isinstance(value, bool)
            and isinstance(value, int | float)
            and math.isfinite(value)
            and low <= value <= high
        )
        if not ok:
            self.add(path, f"must be a number from {low} to {high}, got {_show(value)}")
            return None
        assert isinstance(value, int | float)
        return value

    def date(self, value: object, path: str) -> dt.date | None:
        message = "must be a date written YYYY-MM-DD, for example 2026-12-07"
        digits = value[:4] + value[5:7] + value[8:] if isinstance(value, str) else ""
        if not (
            isinstance(value, str)
            and len(value) == 10
            and value[4] == value[7] == "-"
            and digits.isascii()
            and digits.isdigit()
        ):
            self.add(path, f"{message}; got {_show(value)}")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.add(path, f"{_show(value)} is not a real date; {message}")
            return None

    def listing(self, value: object, path: str, what: str) -> list[Any] | None:
        if not isinstance(value, list):
            self.add(path, f"must be a list of {what}; got {_kind(value)}")
            return None
        return value

    def obj(self, value: object, path: str, shape: str) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add(path, f"must be an object {shape}; got {_kind(value)}")
            return None
        return value


_SIDES = {True: ("left", "right"), False: ("both",)}


def _quick_set(raw: object, ex: Exercise) -> LogSet | None:
    """The common, valid set, checked without building its path (a log holds thousands);
    None sends it to the full check, which names every problem."""
    if not isinstance(raw, dict) or len(getattr(raw, "duplicates", ())):
        return None
    side = raw.get("side")
    amount = raw.get(ex.measure)
    has_load = "load_kg" in raw
    if len(raw) != 2 + has_load or side not in _SIDES[ex.unilateral] or amount is None:
        return None
    kind = type(amount)
    if ex.measure == "reps":
        if kind is not int or not 0 <= amount <= REPS_MAX:
            return None
    elif kind not in (int, float) or not 0 <= amount <= SECONDS_MAX:
        return None
    load = raw.get("load_kg")
    if load is None:
        return None if has_load else LogSet(side, amount)
    if type(load) not in (int, float) or not 0 <= load <= LOAD_MAX:
        return None
    return LogSet(side, amount, load)


def _set(c: _Checker, raw: object, path: str, ex: Exercise | None) -> LogSet | None:
    shape = '{"side", "reps" or "seconds", optional "load_kg"}'
    obj = c.obj(raw, path, shape)
    if obj is None:
        return None
    before = len(c.problems)
    c.keys(obj, path, SET_KEYS, "a set")
    side = obj.get("side")
    sides = (("left", "right") if ex.unilateral else ("both",)) if ex else ("left", "right", "both")
    if "side" not in obj:
        c.add(f"{path}.side", f"is missing; give {' or '.join(sides)}")
    elif not isinstance(side, str) or side not in sides:
        if ex is not None and side in ("left", "right", "both"):
            how = "one side at a time" if ex.unilateral else "with both sides together"
            c.add(
                f"{path}.side",
                f"{_show(side)} is not a side {ex.id} has: it is done {how}; "
                f"give {' or '.join(sides)}",
            )
        else:
            c.add(f"{path}.side", f"{_show(side)} is not one of {', '.join(sides)}")
    measure = ex.measure if ex else None
    given = [m for m in ("reps", "seconds") if m in obj]
    amount: int | float | None = None
    if not given:
        c.add(path, f"give {measure or 'reps or seconds'} for the set")
    elif len(given) == 2:
        c.add(path, "give reps or seconds, not both")
    elif measure is not None and given[0] != measure:
        c.add(
            f"{path}.{given[0]}", f"{ex.id if ex else ''} is counted in {measure}; give {measure}"
        )
    elif given[0] == "reps":
        amount = c.integer(obj["reps"], f"{path}.reps", 0, REPS_MAX)
    else:
        amount = c.number(obj["seconds"], f"{path}.seconds", 0, SECONDS_MAX)
    load = None
    if "load_kg" in obj:
        load = c.number(obj["load_kg"], f"{path}.load_kg", 0, LOAD_MAX)
    if len(c.problems) > before or amount is None or not isinstance(side, str):
        return None
    return LogSet(side, amount, load)


def _item(c: _Checker, raw: object, path: str) -> LogItem | None:
    obj = c.obj(raw, path, '{"exercise": id, "sets": [...]}')
    if obj is None:
        return None
    before = len(c.problems)
    c.keys(obj, path, ITEM_KEYS, "an item")
    ex: Exercise | None = None
    if "exercise" not in obj:
        c.add(f"{path}.exercise", "is missing; give the exercise's catalogue id")
    else:
        ex_id = obj["exercise"]
        ex = catalogue_by_id().get(ex_id) if isinstance(ex_id, str) else None
        if ex is None:
            c.add(f"{path}.exercise", f"{_show(ex_id)} is not an exercise in the catalogue")
    raw_sets = c.listing(obj.get("sets", []), f"{path}.sets", "sets")
    sets = [
        (_quick_set(s, ex) if ex else None) or _set(c, s, f"{path}.sets[{i}]", ex)
        for i, s in enumerate(raw_sets or [])
    ]
    if len(c.problems) > before or ex is None:
        return None
    return LogItem(ex.id, ex.measure, tuple(s for s in sets if s is not None))


def _session(c: _Checker, raw: object, path: str, profile: Profile | None) -> LogSession | None:
    obj = c.obj(raw, path, '{"date", "week", "day", "items", ...}')
    if obj is None:
        return None
    before = len(c.problems)
    c.keys(obj, path, SESSION_KEYS, "a session")
    for key in ("date", "week", "day"):
        if key not in obj:
            c.add(f"{path}.{key}", "is missing")
    date = c.date(obj["date"], f"{path}.date") if "date" in obj else None
    weeks, days = (profile.weeks, profile.days_per_week) if profile else (16, 7)
    week = day = None
    if "week" in obj:
        why = f" (the profile's plan has {weeks} weeks)" if profile else ""
        week = c.integer(obj["week"], f"{path}.week", 1, weeks, why)
    if "day" in obj:
        why = f" (the profile's plan has {days} sessions a week)" if profile else ""
        day = c.integer(obj["day"], f"{path}.day", 1, days, why)
    raw_items = c.listing(obj.get("items", []), f"{path}.items", "items")
    items = [_item(c, it, f"{path}.items[{i}]") for i, it in enumerate(raw_items or [])]
    pains: dict[str, int | None] = {}
    for key in ("pain_before", "pain_after"):
        pains[key] = c.integer(obj[key], f"{path}.{key}", 0, PAIN_MAX) if key in obj else None
    note = obj.get("note", "")
    if not isinstance(note, str) or len(note) > NOTE_MAX:
        c.add(f"{path}.note", f"must be text of at most {NOTE_MAX} characters")
    if len(c.problems) > before or date is None or week is None or day is None:
        return None
    return LogSession(
        date,
        week,
        day,
        tuple(it for it in items if it is not None),
        pains["pain_before"],
        pains["pain_after"],
        note if isinstance(note, str) else "",
    )


def _test_day(c: _Checker, raw: object, path: str) -> LogTests | None:
    obj = c.obj(raw, path, '{"date": "YYYY-MM-DD", "results": {...}}')
    if obj is None:
        return None
    before = len(c.problems)
    c.keys(obj, path, TEST_KEYS, "a test record")
    date = c.date(obj["date"], f"{path}.date") if "date" in obj else None
    if "date" not in obj:
        c.add(f"{path}.date", "is missing")
    results: tuple[TestResult, ...] = ()
    if "results" not in obj:
        c.add(f"{path}.results", "is missing; give at least one test's left and right")
    elif isinstance(obj["results"], Mapping) and not obj["results"]:
        c.add(f"{path}.results", "is empty; give at least one test's left and right")
    else:
        try:
            results = parse_profile({"tests": obj["results"]}).tests
        except ProfileError as exc:
            for p in exc.problems:
                rest = p.field[len("tests") :]
                c.add(f"{path}.results{rest}", p.message)
    if len(c.problems) > before or date is None:
        return None
    return LogTests(date, results)


def _in_order(c: _Checker, dates: list[tuple[int, dt.date]], what: str) -> None:
    for at in range(1, len(dates)):
        (i, earlier), (j, later) = dates[at - 1], dates[at]
        if later < earlier:
            c.add(
                f"{what}[{j}].date",
                f"{later.isoformat()} is before {what}[{i}] ({earlier.isoformat()}); "
                f"list {what} oldest first",
            )


def _version(c: _Checker, obj: Mapping[str, Any]) -> bool:
    if "version" not in obj:
        c.add("version", f"is missing; a training log has version {LOG_VERSION}")
        return False
    v = obj["version"]
    if not isinstance(v, bool) and isinstance(v, int) and v > LOG_VERSION:
        c.add(
            "version",
            f"this log is version {v}, written by a newer planner; this planner reads "
            f"version {LOG_VERSION} logs only, so it was not read (update the planner)",
        )
        return False
    if isinstance(v, bool) or v != LOG_VERSION or not isinstance(v, int):
        c.add("version", f"must be {LOG_VERSION}, got {_show(v)}")
    return True


# Session records already checked, by their repr (JSON values only: it tells 1, 1.0 and True
# apart) and the plan's size, so a log sent again after every set (the page does) is checked
# only where it changed. Only logs read from JSON text with no key given twice anywhere use
# it (a repeated key leaves no trace in the repr).
_CHECKED: dict[tuple[int, int, str], LogSession] = {}
_CHECKED_MAX = 4096


def _session_cached(
    c: _Checker, raw: object, path: str, profile: Profile | None, cache: bool
) -> LogSession | None:
    if not cache or profile is None:
        return _session(c, raw, path, profile)
    key = (profile.weeks, profile.days_per_week, repr(raw))
    hit = _CHECKED.get(key)
    if hit is not None:
        return hit
    before = len(c.problems)
    found = _session(c, raw, path, profile)
    if found is not None and len(c.problems) == before:
        if len(_CHECKED) >= _CHECKED_MAX:
            _CHECKED.clear()
        _CHECKED[key] = found
    return found


def parse_log(obj: object, *, _from_clean_json: bool = False) -> Log:
    """Check a training log (a JSON object as a Mapping) and return it normalised.

    Raises LogError listing every problem at once, each named by its path.
    """
    if isinstance(obj, Log):
        return obj
    if not isinstance(obj, Mapping):
        raise LogError(
            [Problem("log", f"must be a JSON object (a training log); got {_kind(obj)}")]
        )
    c = _Checker()
    if not _version(c, obj):
        raise LogError(c.problems)
    c.keys(obj, "", LOG_KEYS, "a training log")
    profile: Profile | None = None
    if "profile" not in obj:
        c.add("profile", "is missing; give the profile the plan was made from")
    else:
        try:
            profile = parse_profile(obj["profile"])
        except ProfileError as exc:
            for p in exc.problems:
                c.add(p.field if p.field == "profile" else f"profile.{p.field}", p.message)
    raw_sessions = c.listing(obj.get("sessions", []), "sessions", "session records") or []
    sessions = [
        _session_cached(c, s, f"sessions[{i}]", profile, _from_clean_json)
        for i, s in enumerate(raw_sessions)
    ]
    raw_tests = c.listing(obj.get("tests", []), "tests", "test records") or []
    tests = [_test_day(c, t, f"tests[{i}]") for i, t in enumerate(raw_tests)]
    _in_order(c, [(i, s.date) for i, s in enumerate(sessions) if s is not None], "sessions")
    _in_order(c, [(i, t.date) for i, t in enumerate(tests) if t is not None], "tests")
    if c.problems or profile is None:
        raise LogError(c.problems)
    return Log(
        profile,
        tuple(s for s in sessions if s is not None),
        tuple(t for t in tests if t is not None),
    )


def parse_log_json(text: str) -> Log:
    """Parse training-log JSON text; duplicate keys and invalid JSON are reported as problems."""
    duplicates = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        # The profile parser's hook, with the common case (no key twice) left to C.
        nonlocal duplicates
        obj = _Object(items)
        if len(obj) != len(items):
            obj = _pairs(items)
            duplicates = True
        return obj

    try:
        obj = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise LogError(
            [Problem("log", f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}")]
        ) from None
    except RecursionError:
        raise LogError([Problem("log", "not valid JSON: nested too deeply")]) from None
    return parse_log(obj, _from_clean_json=not duplicates)
