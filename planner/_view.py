"""What the planner page needs to find its way in a plan, beside `_display`'s words.

- `explanations(plan)`: each exercise's full explanation once, in order of first appearance
  (the plan's own `explanations` when it has them; otherwise each exercise's first notes),
  and `item_note(item, said)`: an item's short note (empty when its notes are that
  explanation, said once for the plan).
- `current_week(plan, today)`: the week to open: the one `start_date` and today give, else 1.
- `source_names(plan)`: the plan's sources by the names a reader knows them ("Ratamess et
  al. 2009"), each with its anchor on the references page.
- `VIEW_WORDS`: the page's words for finding one's way (headings, links, the log sheet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

VIEW_WORDS: dict[str, str] = {
    "explanations": "How to do each exercise",
    "explanations_lead": (
        "Each exercise is explained once here; every session links to its explanation."
    ),
    "how_to": "How to do it",
    "exercise_page": "Exercise page",
    "back_to_plan": "Back to the session",
    "this_week": "This week",
    "sessions": "Sessions",
    "log_sheet": "Write each side's reps or seconds per set",
    "log_set": "Set",
    "site": "Even Back",
    "print_notice": (
        "Educational information only, not medical advice or a diagnosis. With any red-flag "
        "symptom, or pain that is severe or getting worse, see a clinician before you train."
    ),
    "printed": "Printed",
    "share_link": "Share link",
}


def _exercise_name(item: Mapping[str, Any]) -> str:
    return str(item.get("name") or item.get("exercise") or "")


def _items(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    weeks: Sequence[Mapping[str, Any]] = plan.get("weeks") or []
    return [
        item
        for week in weeks
        for session in week.get("sessions") or []
        for item in session.get("items") or []
    ]


def explanations(plan: Mapping[str, Any]) -> list[dict[str, str]]:
    """`[{"exercise", "name", "href", "text"}]`, one per exercise, in order of first appearance."""
    given = plan.get("explanations")
    first: dict[str, Mapping[str, Any]] = {}
    for item in _items(plan):
        first.setdefault(str(item.get("exercise")), item)
    out: list[dict[str, str]] = []
    if isinstance(given, Mapping):
        for exercise, text in given.items():
            item = first.get(exercise, {})
            out.append(_explanation(exercise, item, str(text)))
        return out
    for exercise, item in first.items():
        out.append(_explanation(exercise, item, str(item.get("notes") or "")))
    return out


def _explanation(exercise: str, item: Mapping[str, Any], text: str) -> dict[str, str]:
    name = _exercise_name(item) or exercise
    return {"exercise": exercise, "name": name, "href": str(item.get("page") or ""), "text": text}


def item_note(item: Mapping[str, Any], said: Mapping[str, str], *, own: bool) -> str:
    """The item's short note. With the plan's own `explanations` (`own`), the item's notes are
    already short; otherwise they are left out where they repeat the exercise's explanation."""
    notes = str(item.get("notes") or "")
    if own:
        return notes
    return "" if notes == said.get(str(item.get("exercise"))) else notes


def current_week(plan: Mapping[str, Any], today: dt.date | None) -> int:
    """The week to open: today's week of the plan when it has a `start_date` (week 1 before it
    starts, the last week after it ends), else week 1 (the calendar starts after today)."""
    weeks = len(plan.get("weeks") or [])
    if weeks == 0:
        return 0
    profile = plan.get("profile")
    start = profile.get("start_date") if isinstance(profile, Mapping) else None
    if not isinstance(start, str) or today is None:
        return 1
    try:
        begins = dt.date.fromisoformat(start)
    except ValueError:
        return 1
    days = (today - begins).days
    if days < 0:
        return 1
    return min(weeks, days // 7 + 1)


def source_names(plan: Mapping[str, Any]) -> list[dict[str, str]]:
    """`[{"key", "name"}]`: each source the plan cites by its short name."""
    from ._sources import load_sources

    known = load_sources()
    out: list[dict[str, str]] = []
    for key in plan.get("sources") or []:
        source = known.get(str(key))
        out.append({"key": str(key), "name": source.short if source else str(key)})
    return out
