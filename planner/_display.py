"""The page's words for a plan: every string the planner page shows, in the plan's shape.

`make_plan` returns this beside the plan, so the page's JavaScript only places text and never
words anything itself. Built from `_wording`, the same words the exports use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._assess import BANDS_BASIS
from ._wording import (
    ASYMMETRY_HEADER,
    HEADINGS,
    REFERRAL_LEAD,
    REFERRAL_NO_ROUTINE,
    asymmetry_notes,
    asymmetry_rows,
    block_label,
    dose_runs,
    explanation_entries,
    item_facts,
    minutes_text,
    plan_length,
    referral_do_now,
    referral_heading,
    referral_tier_badge,
    session_heading,
    status_text,
    urgency_label,
    weak_side_text,
    week_heading,
)

PLAN_HEADING = "Your plan"
SOURCES_LEAD = "The evidence behind these choices: "


def _asymmetry(plan: Mapping[str, Any], *, basis: str) -> dict[str, Any] | None:
    rows = asymmetry_rows(plan)
    if not rows:
        return None
    return {
        "label": "Self-test results",
        "header": list(ASYMMETRY_HEADER),
        "rows": [list(row) for row in rows],
        "notes": [f"{test}: {note}" for test, note in asymmetry_notes(plan)],
        "basis": basis,
    }


def _item(item: Mapping[str, Any], weak_side: Any) -> dict[str, Any]:
    return {
        "exercise": item.get("exercise"),
        "block": block_label(item.get("block")),
        "dose": [list(run) for run in dose_runs(item, weak_side)],
        "facts": item_facts(item),
        "note": str(item.get("notes") or ""),
    }


def _explanations(plan: Mapping[str, Any]) -> list[dict[str, str]]:
    """Each exercise's full note once, in order of first appearance, with its name and page."""
    return [
        {"exercise": ex_id, "name": name, "href": href, "text": text}
        for ex_id, name, href, text in explanation_entries(plan)
    ]


def _weeks(plan: Mapping[str, Any]) -> list[dict[str, Any]]:
    weak_side = plan.get("weak_side")
    weeks: Sequence[Mapping[str, Any]] = plan.get("weeks", [])
    return [
        {
            "heading": week_heading(week, w),
            "sessions": [
                {
                    "heading": session_heading(session, s, with_minutes=False),
                    "minutes": minutes_text(session.get("estimated_minutes", 0)),
                    "items": [_item(it, weak_side) for it in session.get("items", [])],
                }
                for s, session in enumerate(week.get("sessions", []), start=1)
            ],
        }
        for w, week in enumerate(weeks, start=1)
    ]


def display(plan: Mapping[str, Any]) -> dict[str, Any]:
    """The page's text for a plan or a referral (see DEVELOPING.md, "Worker bridge")."""
    if plan.get("status") == "refer":
        heading = referral_heading(plan)
        do_now = referral_do_now(plan)
        return {
            "heading": heading,
            "urgency": plan.get("urgency", ""),
            "tier": referral_tier_badge(plan),
            "lead": REFERRAL_LEAD,
            "do_now": [HEADINGS["do_now"], do_now],
            "announce": " ".join([f"{heading}.", *do_now[:1]]),
            "how_soon": [f"{HEADINGS['how_soon']}: ", urgency_label(plan.get("urgency", ""))],
            "who_to_see": [f"{HEADINGS['who_to_see']}: ", plan.get("see") or ""],
            "headings": HEADINGS,
            "no_routine": REFERRAL_NO_ROUTINE,
            "asymmetry": _asymmetry(plan, basis=BANDS_BASIS),
        }
    length = plan_length(plan)
    return {
        "heading": f"{PLAN_HEADING}: {length}",
        "announce": f"Your plan is ready: {length}.",
        "weak_side": f"{HEADINGS['weak_side']}: {weak_side_text(plan)}",
        "caution": status_text(plan) if plan.get("caution") else None,
        "headings": HEADINGS,
        # The plan's own summary already explains the asymmetry bands.
        "asymmetry": _asymmetry(plan, basis=""),
        "sources_lead": SOURCES_LEAD,
        "explanations": _explanations(plan),
        "weeks": _weeks(plan),
    }
