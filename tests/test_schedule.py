"""Time estimates, fitting to the time budget, doses per side and item JSON."""

from __future__ import annotations

import math

import pytest

from planner import load_catalogue, plan
from planner._progress import week_infos
from planner._schedule import BUILD_UP_SETS, CHANGEOVER_SECONDS, Dose, Slot, seconds_for
from planner._select import Pick

BY_ID = {e.id: e for e in load_catalogue()}


def slot(ex_id: str, rest: int = 60, role: str = "normal") -> Slot:
    return Slot(Pick(BY_ID[ex_id], "main", role=role), 2, 1, rest, 30, progresses=True)


def test_time_of_a_one_sided_reps_item() -> None:
    ex = BY_ID["single_leg_back_extension"]
    s = slot(ex.id, rest=90)
    d = Dose(weak_sets=3, strong_sets=2, value=10)
    per_set = 10 * ex.seconds_per_rep + ex.setup_seconds
    # 5 sets of work and set-up; a rest after every set and side but the last; a changeover
    assert seconds_for(s, d) == math.ceil(5 * per_set + 4 * 90 + CHANGEOVER_SECONDS)


def test_time_of_a_two_sided_hold() -> None:
    ex = next(e for e in load_catalogue() if not e.unilateral and e.measure == "seconds")
    s = slot(ex.id, rest=30)
    assert seconds_for(s, Dose(2, 2, 20)) == math.ceil(
        2 * (20 + ex.setup_seconds) + 30 + CHANGEOVER_SECONDS
    )


def test_time_of_a_barbell_lift_counts_its_build_up_sets() -> None:
    ex = BY_ID["barbell_deadlift"]
    s = slot(ex.id, rest=180)
    per_set = 5 * ex.seconds_per_rep
    build_up = BUILD_UP_SETS * (per_set / 2 + ex.setup_seconds + 30)
    expected = 2 * (per_set + ex.setup_seconds) + 180 + CHANGEOVER_SECONDS + build_up
    assert seconds_for(s, Dose(2, 2, 5)) == math.ceil(expected)


@pytest.mark.parametrize("minutes", [10, 12, 15, 20, 30, 45, 90])
@pytest.mark.parametrize("days", [1, 3, 7])
def test_sessions_fit_the_time_budget_and_keep_a_main_item(minutes: int, days: int) -> None:
    result = plan(
        {
            "weak_side": "right",
            "focus": ["lower_back", "side_trunk", "upper_back", "hips"],
            "equipment": ["barbell", "dumbbell", "back_extension"],
            "experience": "advanced",
            "days_per_week": days,
            "minutes_per_session": minutes,
            "weeks": 8,
        }
    )
    for week in result["weeks"]:
        for session in week["sessions"]:
            assert session["estimated_minutes"] <= minutes
            assert any(it["block"] == "main" for it in session["items"])
            total = sum(it["estimated_seconds"] for it in session["items"])
            assert session["estimated_minutes"] == math.ceil(total / 60)


def test_blocks_come_in_session_order() -> None:
    order = ["warmup", "main", "accessory", "mobility"]
    result = plan({"weak_side": "left", "minutes_per_session": 60, "equipment": ["dumbbell"]})
    for week in result["weeks"]:
        for session in week["sessions"]:
            blocks = [order.index(it["block"]) for it in session["items"]]
            assert blocks == sorted(blocks)


def test_weak_side_gets_one_extra_set_and_equal_reps_on_main_work() -> None:
    result = plan({"weak_side": "left", "equipment": ["dumbbell"], "minutes_per_session": 45})
    for it in result["weeks"][0]["sessions"][0]["items"]:
        if it["unilateral"] and it["block"] == "main":
            left, right = it["sides"]
            assert left["side"] == "left"
            assert left["sets"] == right["sets"] + 1
            assert left.get("reps") == right.get("reps")
            assert "Left side first" in it["notes"]
            assert "Never more." in result["explanations"][it["exercise"]]


def test_deload_week_has_fewer_sets_than_the_week_before() -> None:
    result = plan({"weak_side": "left", "weeks": 5, "equipment": ["dumbbell"]})
    week3, week4 = result["weeks"][2], result["weeks"][3]
    assert week4["deload"] and not week3["deload"]

    def sets(week: dict[str, object]) -> int:
        sessions = week["sessions"]
        assert isinstance(sessions, list)
        return sum(
            sum(side["sets"] for side in it["sides"]) if it["unilateral"] else it["sets"]
            for s in sessions
            for it in s["items"]
        )

    assert sets(week4) < sets(week3)
    assert "Deload week" in week4["note"]


def test_items_link_to_their_exercise_page_and_carry_tempo() -> None:
    result = plan({})
    for it in result["weeks"][0]["sessions"][0]["items"]:
        assert it["page"] == f"/exercises/{it['exercise']}/"
        assert it["tempo"] == BY_ID[it["exercise"]].tempo


def test_week_one_targets_are_the_bottom_of_each_range() -> None:
    result = plan({"weak_side": "left", "weeks": 6})
    infos = week_infos(6)
    assert not infos[0].deload
    for s in result["weeks"][0]["sessions"]:
        for it in s["items"]:
            if it["block"] in ("main", "accessory") and not it.get("self_test"):
                low = BY_ID[it["exercise"]].dose[0]
                value = it["sides"][0] if it["unilateral"] else it
                assert value.get("reps", value.get("seconds")) == low


def test_running_weekly_set_counts_match_a_recount_after_changes() -> None:
    from planner._engine import _Builder
    from planner._profile import parse_profile
    from planner._schedule import make_slot
    from planner._volume import WeekSets, slot_week_sets

    p = parse_profile(
        {"weak_side": "right", "focus": ["lower_back", "hips"], "days_per_week": 3, "weeks": 12}
    )
    builder = _Builder(p, "right", {})
    days = [[make_slot(pick, builder.ctx) for pick in picks] for picks in builder.picks]
    tally = WeekSets(days, builder.infos, builder.ctx)
    for n, s in enumerate(s for slots in days for s in slots):
        tally.change_sets(s, 1 + n % 2)
    if days[0][-1].pick.block in ("main", "accessory"):
        tally.add(days[0][-1], -1)
    del days[0][-1]
    for info, counts in zip(tally.infos, tally.counts, strict=True):
        fresh = slot_week_sets(days, info, builder.ctx)
        assert {k: v for k, v in counts.items() if v} == fresh
