"""The safety screen: red flags and pain decide referral, urgency and caution."""

from __future__ import annotations

from typing import Any

import pytest

from planner import RED_FLAGS, plan
from planner._screen import RED_FLAG_IDS, caution, screen, stop_rules

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
}


def test_red_flag_ids_are_exactly_the_contracts() -> None:
    assert set(RED_FLAG_IDS) == CONTRACT_IDS
    for flag in RED_FLAGS:
        assert flag.question.endswith("?")
        assert flag.reason


@pytest.mark.parametrize(
    "flag", ["saddle_numbness", "bladder_bowel_change", "both_legs", "major_trauma", "chest_pain"]
)
def test_emergency_flags_refer_as_emergency(flag: str) -> None:
    referral = screen([flag], 0)
    assert referral is not None and referral.urgency == "emergency"
    assert "emergency" in referral.see


@pytest.mark.parametrize(
    "flag",
    ["fever_or_unwell", "weight_loss", "night_pain", "progressive_weakness", "cancer_history"],
)
def test_urgent_flags_refer_as_urgent(flag: str) -> None:
    referral = screen([flag], 0)
    assert referral is not None and referral.urgency == "urgent"
    assert "doctor" in referral.see


def test_the_most_urgent_tier_wins() -> None:
    referral = screen(["night_pain", "both_legs"], 8)
    assert referral is not None and referral.urgency == "emergency"
    assert len(referral.reasons) == 4  # two flags, the pain, and the come-back sentence


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
    assert max(_main_weak_sets(sore)) < max(_main_weak_sets(calm))
    assert not any(it["exercise"].endswith(("swing", "clean", "snatch")) for it in items)
