"""CSV rendering of a plan (RFC 4180): a header row, then one row per week, day, item and side.

A unilateral item gives one row per side in the order performed (the weak side first when it
is known); a bilateral item gives one row with side "both". A referral has no routine, so its
CSV is the header row alone. Lines end in CRLF, as RFC 4180 asks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

COLUMNS: tuple[str, ...] = (
    "week",
    "deload",
    "day",
    "estimated_minutes",
    "block",
    "exercise",
    "name",
    "side",
    "order",
    "sets",
    "reps",
    "seconds",
    "rest_seconds",
    "tempo",
    "notes",
)


def cell(value: Any) -> str:
    """One CSV cell: empty for None, true/false, a whole float without its ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render_csv(plan: Mapping[str, Any]) -> str:
    """Rows for every side of every item; "order" is the item's 1-based place in its session."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for w_index, week in enumerate(plan.get("weeks", []), start=1):
        for s_index, session in enumerate(week.get("sessions", []), start=1):
            for order, item in enumerate(session.get("items", []), start=1):
                if item.get("unilateral") and item.get("sides"):
                    entries: list[tuple[Any, Mapping[str, Any]]] = [
                        (entry.get("side"), entry) for entry in item["sides"]
                    ]
                else:
                    entries = [("both", item)]
                for side, dose in entries:
                    row = {
                        "week": week.get("week", w_index),
                        "deload": bool(week.get("deload", False)),
                        "day": session.get("day", s_index),
                        "estimated_minutes": session.get("estimated_minutes"),
                        "block": item.get("block"),
                        "exercise": item.get("exercise"),
                        "name": item.get("name"),
                        "side": side,
                        "order": order,
                        "sets": dose.get("sets"),
                        "reps": dose.get("reps"),
                        "seconds": dose.get("seconds"),
                        "rest_seconds": item.get("rest_seconds"),
                        "tempo": item.get("tempo"),
                        "notes": item.get("notes"),
                    }
                    writer.writerow([cell(row[column]) for column in COLUMNS])
    return out.getvalue()
