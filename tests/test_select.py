"""Exercise selection: eligibility, regions per day, variety, pre-fatigue, self-tests."""

from __future__ import annotations

from collections import Counter

import pytest

from planner import load_catalogue, plan
from planner._select import allowed, day_regions, eligible


def test_an_exercise_is_allowed_only_with_all_its_equipment_and_level() -> None:
    by_id = {e.id: e for e in load_catalogue()}
    weighted = by_id["weighted_back_extension"]  # back_extension + dumbbell, intermediate
    assert allowed(weighted, frozenset({"back_extension", "dumbbell"}), "intermediate")
    assert not allowed(weighted, frozenset({"back_extension"}), "intermediate")
    assert not allowed(weighted, frozenset({"back_extension", "dumbbell"}), "beginner")


def test_pain_removes_ballistic_lifts() -> None:
    pool = eligible(
        load_catalogue(), frozenset({"kettlebell", "dumbbell"}), "advanced", caution=True
    )
    assert pool and not any(e.pattern == "ballistic" for e in pool)


@pytest.mark.parametrize(
    ("focus", "days", "expected"),
    [
        (["lower_back"], 3, [("lower_back",)] * 3),
        (["lower_back", "hips"], 3, [("lower_back",), ("hips",), ("lower_back",)]),
        (
            ["lower_back", "side_trunk", "upper_back", "hips"],
            2,
            [("lower_back", "upper_back"), ("side_trunk", "hips")],
        ),
    ],
)
def test_day_regions_cover_every_focus_region(
    focus: list[str], days: int, expected: list[tuple[str, ...]]
) -> None:
    assert day_regions(focus, days) == expected


def _main_ids(result: dict[str, object]) -> list[list[str]]:
    weeks = result["weeks"]
    assert isinstance(weeks, list)
    return [
        [it["exercise"] for it in s["items"] if it["block"] == "main"] for s in weeks[0]["sessions"]
    ]


def test_days_get_different_main_exercises() -> None:
    result = plan(
        {
            "weak_side": "left",
            "focus": ["lower_back", "hips"],
            "equipment": ["dumbbell", "back_extension", "cable"],
            "experience": "intermediate",
            "days_per_week": 3,
        }
    )
    days = _main_ids(result)
    assert len({tuple(d) for d in days}) == 3
    counts = Counter(ex for d in days for ex in d)
    assert max(counts.values()) <= 2


def test_one_sided_main_work_is_preferred() -> None:
    result = plan({"weak_side": "right", "equipment": ["dumbbell"], "minutes_per_session": 45})
    weeks = result["weeks"]
    mains = [it for s in weeks[0]["sessions"] for it in s["items"] if it["block"] == "main"]
    assert sum(it["unilateral"] for it in mains) > len(mains) / 2


def test_intermediate_with_back_extension_prefatigues_before_single_leg_work() -> None:
    result = plan(
        {
            "weak_side": "left",
            "focus": ["lower_back"],
            "equipment": ["back_extension"],
            "experience": "intermediate",
            "days_per_week": 1,
            "minutes_per_session": 40,
        }
    )
    ids = _main_ids(result)[0]
    assert "back_extension" in ids and "single_leg_back_extension" in ids
    assert ids.index("back_extension") == ids.index("single_leg_back_extension") - 1
    items = result["weeks"][0]["sessions"][0]["items"]
    pre = next(it for it in items if it["exercise"] == "back_extension")
    assert "common practice" in pre["notes"] and "tire the stronger (right) side" in pre["notes"]


def test_beginners_get_no_prefatigue() -> None:
    result = plan({"weak_side": "left", "equipment": ["back_extension"], "minutes_per_session": 60})
    for s in result["weeks"][0]["sessions"]:
        assert not any("Both sides together first" in it["notes"] for it in s["items"])


def test_final_session_holds_the_retest_items() -> None:
    result = plan({"weak_side": "left", "minutes_per_session": 45, "weeks": 4})
    last = result["weeks"][-1]["sessions"][-1]["items"]
    tests = [it for it in last if it.get("self_test")]
    assert tests and all(it["sides"][0]["side"] == "left" for it in tests)
    assert "In the last session (week 4, day 3)" in result["retest"]
