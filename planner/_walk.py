"""The brisk walk: the minutes a session has left once its back work is done.

Back work stops where recovery does (the weekly hard sets per region and side, the most sets
an exercise gets, the easier days); a long time budget is not a reason for more of it. What
a coach gives for the rest of the time is general work that tires nothing the back work
needs: an easy-to-brisk walk (or the same effort on a bike or rower), first in the session
as its warm-up, in 5-minute steps, at most 60 minutes a session and 300 a week (the top of
the World Health Organization's 150-300 minutes of moderate activity; more is the person's
choice, not this plan's). Blocks added to the person's own workouts get none: those
workouts are their training.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._catalogue import Exercise, catalogue_by_id
from ._schedule import CHANGEOVER_SECONDS

WALK = "brisk_walk"
STEP_SECONDS = 5 * 60
MOST_PER_SESSION_SECONDS = 60 * 60
MOST_PER_WEEK_SECONDS = 300 * 60

ITEM_NOTE = "Easy for the first 5 minutes, then brisk. Before the back work, or later that day."
WALK_REASON = "The minutes your session has left: easy for 5, then brisk (it does not progress)."
CAUTION_NOTE = "Stop this exercise if it makes your back pain worse."  # as every caution item


def walk_cap_seconds(days_per_week: int) -> int:
    """The most one session's walk takes: 60 minutes, less when the week's 300 would pass."""
    weekly_share = MOST_PER_WEEK_SECONDS // max(1, days_per_week)
    return min(MOST_PER_SESSION_SECONDS, weekly_share // STEP_SECONDS * STEP_SECONDS)


def walk_seconds(spare_seconds: int, days_per_week: int) -> int:
    """The walk for a session with `spare_seconds` left: whole 5-minute steps, 0 under five."""
    steps = max(0, spare_seconds - CHANGEOVER_SECONDS) // STEP_SECONDS * STEP_SECONDS
    return min(steps, walk_cap_seconds(days_per_week))


def _walk_item(ex: Exercise, seconds: int, *, caution: bool) -> dict[str, Any]:
    return {
        "exercise": ex.id,
        "name": ex.name,
        "page": ex.page,
        "block": "warmup",
        "unilateral": False,
        "rest_seconds": 0,
        "tempo": ex.tempo,
        "notes": f"{ITEM_NOTE} {CAUTION_NOTE}" if caution else ITEM_NOTE,
        "sets": 1,
        "seconds": seconds,
        "estimated_seconds": seconds + CHANGEOVER_SECONDS,
    }


def is_walk(item: Mapping[str, Any]) -> bool:
    return item.get("exercise") == WALK


def add_walks(
    weeks: Sequence[Mapping[str, Any]],
    *,
    minutes: int,
    days_per_week: int,
    schedule: str,
    caution: bool = False,
) -> list[dict[str, Any]]:
    """The weeks with each session's walk sized to its spare minutes (any walk it had is
    replaced, so a plan whose items changed after planning is walked again). Pure: the
    sessions given are not changed."""
    ex = catalogue_by_id()[WALK]
    out: list[dict[str, Any]] = []
    for week in weeks:
        sessions: list[dict[str, Any]] = []
        for session in week["sessions"]:
            items = [it for it in session["items"] if not is_walk(it)]
            seconds = sum(int(it.get("estimated_seconds", 0)) for it in items)
            walk = (
                0 if schedule == "add_on" else walk_seconds(minutes * 60 - seconds, days_per_week)
            )
            if walk:
                items = [_walk_item(ex, walk, caution=caution), *items]
            sessions.append(
                {
                    **session,
                    "items": items,
                    "estimated_minutes": -(-sum(it["estimated_seconds"] for it in items) // 60),
                }
            )
        out.append({**week, "sessions": sessions})
    return out


def without_walks(weeks: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The weeks with no walk, each session's minutes its back work's (pure, as add_walks)."""
    return add_walks(weeks, minutes=0, days_per_week=1, schedule="add_on")


def walk_explanation() -> str:
    """The walk's full note, once per plan."""
    return (
        "Why: the time your session has left after its back work (Pocovi et al. 2024; WHO "
        "2020). Walk first or later that day; a bike or rower works too. Take care: slow down "
        "if it makes back or leg pain worse."
    )


def walk_minutes(sessions: Sequence[Mapping[str, Any]]) -> list[int]:
    """Each session's walk in minutes (0 without one)."""
    return [sum(int(it["seconds"]) for it in s["items"] if is_walk(it)) // 60 for s in sessions]
