"""The plain-text export for a terminal."""

from __future__ import annotations

import plan_samples
import pytest

import planner
from planner._render import render

TEXT_SAMPLES = sorted(plan_samples.all_samples())


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_lines_fit_in_100_columns(name: str) -> None:
    out = render(plan_samples.all_samples()[name], "text")
    assert max(len(line) for line in out.splitlines()) <= 100


def test_long_unbreakable_link_is_kept_whole() -> None:
    plan = plan_samples.ok_weak_left()
    base = "https://example.org/" + "a" * 120
    out = render(plan, "text", base_url=base)
    assert f"{base}/exercises/bird_dog/" in out


def test_weak_side_is_marked_and_listed_first() -> None:
    out = render(plan_samples.ok_weak_left(), "text")
    assert "Single-leg back extension: Left (weak) 3 \xd7 10, then Right 2 \xd7 10" in out
    assert "Weak side: Left (as you told us)" in out


def test_weak_side_from_tests_and_asymmetry_with_caveat() -> None:
    out = render(plan_samples.caution_weak_right(), "text")
    flat = " ".join(out.split())
    assert "Weak side: Right (from your self-tests)" in out
    assert (
        "Side bridge hold (seconds): left 60, right 45; weaker: Right; difference 25.0%. "
        "Large difference: worth working on, and worth re-testing carefully"
    ) in flat
    assert "rules of thumb" in out
    assert "Go gently" in out


def test_asymmetry_note_is_shown_with_its_test() -> None:
    plan = plan_samples.caution_weak_right()
    plan["asymmetry"]["suitcase_hold_s"]["note"] = "Small enough to be noise."
    out = render(plan, "text")
    assert "Note on Suitcase hold (seconds): Small enough to be noise." in out


def test_unknown_weak_side_marks_no_side_as_weak() -> None:
    out = render(plan_samples.weak_unknown(), "text")
    assert "(weak)" not in out
    assert "Left 1 \xd7 60 s, then Right 1 \xd7 60 s" in out
    assert "Not known yet" in out


def test_every_week_session_and_item_appears_with_its_link() -> None:
    plan = plan_samples.ok_weak_left()
    out = render(plan, "text", base_url="https://even.example")
    assert "Week 3 (deload" in out
    assert out.count("Session 2: Lower back and hips (about 28 minutes)") == 3
    assert out.count("How to: https://even.example/exercises/cat_camel/") == 6
    assert "Re-test" in out
    assert "ratamess2009, mcgill2015" in out


def test_referral_has_urgency_who_and_reasons_but_no_routine() -> None:
    out = render(plan_samples.referral(), "text")
    assert "How soon: Emergency" in out
    assert "Who to see: Go to an emergency department" in out
    assert "cauda" in out
    assert "Week 1" not in out
    assert "Session" not in out


@pytest.mark.parametrize("name", sorted(plan_samples.REAL_PROFILES))
def test_real_plans_fit_100_columns_and_name_every_exercise(name: str) -> None:
    plan = planner.plan(plan_samples.REAL_PROFILES[name])
    out = render(plan, "text")
    assert max(len(line) for line in out.splitlines()) <= 100
    flat = " ".join(out.split())
    for week in plan["weeks"]:
        for session in week["sessions"]:
            for item in session["items"]:
                assert f"How to: /exercises/{item['exercise']}/" in out
                assert item["name"] in flat
