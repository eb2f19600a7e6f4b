"""A referral says what it is first, and what to do now, on the page and in every worded export."""

from __future__ import annotations

import json

import pytest

import planner
from planner import _bridge

EMERGENCY = {"red_flags": ["saddle_numbness"], "pain": 2}
URGENT_AND_EMERGENCY = {"red_flags": ["fever_or_unwell", "both_legs"]}
ROUTINE = {"pain": 8}


def _plan(profile: dict[str, object]) -> dict[str, object]:
    return planner.plan(planner.parse_profile(profile))


@pytest.mark.parametrize("profile", [EMERGENCY, URGENT_AND_EMERGENCY, ROUTINE])
@pytest.mark.parametrize("fmt", ["md", "text"])
def test_referral_exports_show_heading_before_how_soon_and_every_do_now_line(
    profile: dict[str, object], fmt: str
) -> None:
    plan = _plan(profile)
    out = planner.render(plan, fmt)
    flat = " ".join(out.split())
    heading = str(plan["heading"])
    assert heading.upper() in out.upper()
    where = out.upper().index(heading.upper())
    assert where < out.index("How soon")
    for line in plan["do_now"]:  # type: ignore[attr-defined]
        assert " ".join(line.split()) in flat
    assert "What to do now" in out


def test_emergency_export_names_the_emergency_numbers_before_anything_else_it_advises() -> None:
    out = planner.render(_plan(EMERGENCY), "text")
    first = out.index("999")
    assert first < out.index("How soon")
    assert "112" in out[: out.index("How soon")] and "911" in out[: out.index("How soon")]


def test_page_words_for_a_referral_carry_heading_tier_and_do_now() -> None:
    answer = json.loads(_bridge.make_plan(json.dumps(EMERGENCY), "2026-01-01"))
    words = answer["display"]
    plan = answer["plan"]
    assert words["heading"] == plan["heading"] == "Emergency: get medical help now"
    assert words["urgency"] == "emergency"
    assert words["do_now"] == ["What to do now", plan["do_now"]]
    assert words["announce"].startswith("Emergency: get medical help now.")
    assert "999" in words["announce"]
    # The heading names the emergency already; a routine referral is named by a badge.
    assert words["tier"] is None
    routine = json.loads(_bridge.make_plan(json.dumps(ROUTINE), "2026-01-01"))["display"]
    assert routine["tier"] == "Routine referral"
    assert routine["urgency"] == "routine"


def test_cli_and_page_exports_of_a_referral_agree() -> None:
    answer = json.loads(_bridge.make_plan(json.dumps(EMERGENCY), "2026-01-01"))
    plan = _plan(EMERGENCY)
    for fmt in ("md", "text"):
        assert answer["exports"][fmt] == planner.render(plan, fmt, today=None)
