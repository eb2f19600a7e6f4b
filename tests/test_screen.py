"""The safety screen: red flags and pain decide referral, urgency and caution."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import RED_FLAGS, load_sources, plan
from planner._screen import (
    DO_NOW,
    HEADINGS,
    RED_FLAG_IDS,
    SEE,
    URGENCIES,
    caution,
    screen,
    stop_rules,
)

DOCS = Path(__file__).resolve().parent.parent / "docs"

CONTRACT_IDS = {
    "saddle_numbness",
    "bladder_bowel_change",
    "both_legs",
    "progressive_weakness",
    "fever_or_unwell",
    "weight_loss",
    "cancer_history",
    "major_trauma",
    "night_pain",
    "chest_pain",
    "sexual_dysfunction",
    "thoracic_pain",
    "back_shape_change",
    "new_pain_under_20_or_over_50",
    "steroids_or_osteoporosis",
    "immune_suppression_or_iv_drugs",
    "inflammatory_pattern",
    "extension_pain_young_athlete",
}
# Beyond the contract's list: the NHS page's "made worse when sneezing, coughing or pooing".
EXTRA_IDS = {"cough_sneeze_pain"}

# The tier each question has in the guidance it cites (see planner/_screen.py and
# docs/safety/red-flags.md): NHS 999/A&E -> emergency; NHS urgent GP/111 and NICE CKS
# red flags of cancer, infection, fracture, nerve damage -> urgent; NICE NG65's
# inflammatory pattern, new pain at <20 or >50 and the young athlete's extension pain ->
# a GP or physiotherapist before training.
TIERS = {
    "saddle_numbness": "emergency",
    "bladder_bowel_change": "emergency",
    "sexual_dysfunction": "emergency",
    "both_legs": "emergency",
    "major_trauma": "emergency",
    "chest_pain": "emergency",
    "fever_or_unwell": "urgent",
    "weight_loss": "urgent",
    "night_pain": "urgent",
    "back_shape_change": "urgent",
    "cough_sneeze_pain": "urgent",
    "thoracic_pain": "urgent",
    "progressive_weakness": "urgent",
    "cancer_history": "urgent",
    "immune_suppression_or_iv_drugs": "urgent",
    "steroids_or_osteoporosis": "urgent",
    "new_pain_under_20_or_over_50": "routine",
    "inflammatory_pattern": "routine",
    "extension_pain_young_athlete": "routine",
}


def _urgency(flag_id: str) -> str:
    return next(f.urgency for f in RED_FLAGS if f.id == flag_id)


def test_red_flag_ids_are_the_contracts_plus_cough_and_sneeze() -> None:
    assert set(RED_FLAG_IDS) == CONTRACT_IDS | EXTRA_IDS
    assert len(RED_FLAG_IDS) == len(set(RED_FLAG_IDS))


def test_every_flag_has_a_question_a_reason_whom_to_see_and_known_sources() -> None:
    known = load_sources()
    for flag in RED_FLAGS:
        assert flag.question.endswith("?"), flag.id
        assert flag.reason and flag.see, flag.id
        assert flag.sources and set(flag.sources) <= set(known), flag.id


@pytest.mark.parametrize(("flag", "tier"), sorted(TIERS.items()))
def test_each_flag_refers_at_the_tier_its_guidance_gives(flag: str, tier: str) -> None:
    assert _urgency(flag) == tier
    referral = screen([flag], 0)
    assert referral is not None and referral.urgency == tier
    assert referral.heading == HEADINGS[tier]
    assert referral.do_now == DO_NOW[tier]
    assert referral.see.startswith(SEE[tier])


def test_emergency_referral_says_so_first_and_gives_uk_eu_us_numbers() -> None:
    referral = screen(["sexual_dysfunction"], 0)
    assert referral is not None
    assert referral.heading.startswith("Emergency")
    now = " ".join(referral.do_now)
    assert all(number in now for number in ("999", "112", "911"))
    assert "emergency" in referral.see


def test_urgent_referral_names_a_doctor_today_and_nhs_111() -> None:
    referral = screen(["cough_sneeze_pain"], 0)
    assert referral is not None and referral.urgency == "urgent"
    assert "doctor" in referral.see and "111" in " ".join(referral.do_now)


def test_a_lower_tier_flag_adds_whom_to_see_to_the_top_tiers_advice() -> None:
    referral = screen(["inflammatory_pattern", "night_pain"], 0)
    assert referral is not None and referral.urgency == "urgent"
    assert referral.see.startswith(SEE["urgent"])
    assert "rheumatologist" in referral.see


def test_the_most_urgent_tier_wins() -> None:
    referral = screen(["night_pain", "both_legs"], 8)
    assert referral is not None and referral.urgency == "emergency"
    assert len(referral.reasons) == 4  # two flags, the pain, and the come-back sentence
    assert referral.reasons[0].startswith("You have symptoms in both legs")


def _page_questions() -> set[tuple[str, str]]:
    """(tier, question) for each row of the red-flags page's table of the planner's questions."""
    text = (DOCS / "safety" / "red-flags.md").read_text(encoding="utf-8")
    section = text.split("## The planner's questions", 1)[1].split("\n## ", 1)[0]
    rows: set[tuple[str, str]] = set()
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].lower().split(" ")[0] in _PAGE_TIERS:
            rows.add((_PAGE_TIERS[cells[0].lower().split(" ")[0]], cells[1]))
    return rows


_PAGE_TIERS = {"emergency": "emergency", "urgent": "urgent", "soon": "routine"}


def test_red_flags_page_lists_the_planners_questions_and_tiers() -> None:
    assert _page_questions() == {(flag.urgency, flag.question) for flag in RED_FLAGS}


@settings(max_examples=200, deadline=None)
@given(
    flags=st.lists(st.sampled_from(RED_FLAG_IDS), min_size=1, unique=True),
    pain=st.integers(0, 10),
    days=st.integers(1, 7),
    weeks=st.integers(1, 16),
    weak=st.sampled_from(["left", "right", "unknown"]),
)
def test_any_red_flag_ticked_gives_a_referral_never_a_plan(
    flags: list[str], pain: int, days: int, weeks: int, weak: str
) -> None:
    result = plan(
        {"red_flags": flags, "pain": pain, "days_per_week": days, "weeks": weeks, "weak_side": weak}
    )
    assert result["status"] == "refer"
    assert result["weeks"] == []
    top = min((_urgency(f) for f in flags), key=URGENCIES.index)
    assert result["urgency"] == top
    assert result["heading"] == HEADINGS[top] and result["do_now"] == list(DO_NOW[top])
    assert result["reasons"] and result["see"]


@pytest.mark.parametrize("pain", [7, 8, 10])
def test_severe_pain_alone_is_a_routine_referral(pain: int) -> None:
    referral = screen([], pain)
    assert referral is not None and referral.urgency == "routine"
    assert "GP or a physiotherapist" in referral.see
    assert "not an emergency" in referral.see
    assert f"{pain} out of 10" in referral.reasons[0]


@pytest.mark.parametrize("pain", [0, 3, 4, 6])
def test_no_flags_and_pain_below_7_trains(pain: int) -> None:
    assert screen([], pain) is None


@pytest.mark.parametrize(("pain", "expected"), [(3, False), (4, True), (6, True), (7, False)])
def test_caution_is_pain_4_to_6(pain: int, expected: bool) -> None:
    assert caution(pain) is expected


def test_caution_adds_stricter_stop_rules() -> None:
    assert len(stop_rules(5)) == len(stop_rules(0)) + 2
    assert "5 out of 10" in stop_rules(5)[0]
    assert any("chest pain" in rule for rule in stop_rules(0))


def test_referral_plan_has_no_weeks_and_says_whom_to_see() -> None:
    result = plan({"red_flags": ["weight_loss"], "weak_side": "left"})
    assert result["status"] == "refer"
    assert result["weeks"] == []
    assert result["urgency"] == "urgent"
    assert result["see"] and result["reasons"]
    assert result["weak_side"] == "left"


def _week_hard_sets(result: dict[str, Any]) -> int:
    return sum(
        sum(side["sets"] for side in it["sides"]) if it["unilateral"] else 2 * it["sets"]
        for s in result["weeks"][0]["sessions"]
        for it in s["items"]
        if it["block"] in ("main", "accessory") and "self_test" not in it
    )


def _main_weak_sets(result: dict[str, Any]) -> list[int]:
    return [
        it["sides"][0]["sets"]
        for s in result["weeks"][0]["sessions"]
        for it in s["items"]
        if it["block"] == "main" and it["unilateral"]
    ]


def test_caution_plan_uses_easier_variants_fewer_sets_and_stop_notes() -> None:
    profile: dict[str, Any] = {
        "weak_side": "left",
        "experience": "advanced",
        "minutes_per_session": 60,
    }
    calm = plan({**profile, "pain": 0})
    sore = plan({**profile, "pain": 5})
    assert sore["caution"] is True and calm["caution"] is False
    items = [it for s in sore["weeks"][0]["sessions"] for it in s["items"]]
    assert all(
        "Stop this exercise if it makes your back pain worse." in it["notes"] for it in items
    )
    assert any("The easier version of" in it["notes"] for it in items)
    # Fewer hard sets in the week (the weekly cap trims the calm plan's items too, so a single
    # item's sets no longer tell).
    assert _week_hard_sets(sore) < _week_hard_sets(calm)
    assert not any(it["exercise"].endswith(("swing", "clean", "snatch")) for it in items)
