"""Training logs built from a plan, as if a person had done it, for the log tests and the
benchmark: each session's sets follow the plan's targets, the weak side first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from planner import plan

LEFT_WEAK_PROFILE: dict[str, Any] = {
    "version": 1,
    "weak_side": "left",
    "focus": ["lower_back", "hips"],
    "equipment": ["dumbbell", "bench", "back_extension"],
    "experience": "intermediate",
    "days_per_week": 3,
    "minutes_per_session": 40,
    "weeks": 6,
    "pain": 0,
    "red_flags": [],
    "tests": {"side_bridge_s": {"left": 45, "right": 62}},
    "start_date": "2026-01-05",
}

# (week, day, item index, side, set index) -> amount: lets a test change single sets.
Tweak = Callable[[int, int, str, str, int, int], int]


def _same(week: int, day: int, exercise: str, side: str, n: int, amount: int) -> int:
    return amount


def session_record(
    item_plans: list[Mapping[str, Any]],
    week: int,
    day: int,
    date: dt.date,
    tweak: Tweak = _same,
    load_kg: float | None = None,
) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for it in item_plans:
        sets: list[dict[str, Any]] = []
        unit = "reps" if "reps" in (it["sides"][0] if it.get("sides") else it) else "seconds"
        groups = (
            [(s["side"], s["sets"], s[unit]) for s in it["sides"]]
            if it.get("sides")
            else [("both", it["sets"], it[unit])]
        )
        # Rounds: the weak side's set, then the other side's (the weak side's extra set last).
        for n in range(1, max(count for _, count, _ in groups) + 1):
            for side, count, amount in groups:
                if n > count:
                    continue
                entry: dict[str, Any] = {
                    "side": side,
                    unit: tweak(week, day, it["exercise"], side, n, amount),
                }
                if load_kg is not None and unit == "reps":
                    entry["load_kg"] = load_kg
                sets.append(entry)
        items.append({"exercise": it["exercise"], "sets": sets})
    return {"date": date.isoformat(), "week": week, "day": day, "items": items}


def log_following_plan(
    profile: Mapping[str, Any],
    *,
    weeks: int | None = None,
    tweak: Tweak = _same,
    load_kg: float | None = None,
    start: dt.date = dt.date(2026, 1, 5),
) -> dict[str, Any]:
    """A log of the first `weeks` weeks of the profile's plan (all of it by default)."""
    result = plan(dict(profile))
    sessions: list[dict[str, Any]] = []
    for week in result["weeks"][: weeks if weeks is not None else len(result["weeks"])]:
        for session in week["sessions"]:
            date = start + dt.timedelta(days=7 * (week["week"] - 1) + session["day"] - 1)
            sessions.append(
                session_record(session["items"], week["week"], session["day"], date, tweak, load_kg)
            )
    return {"version": 1, "profile": dict(profile), "sessions": sessions, "tests": []}
