"""The next block: made from the log, it keeps every plan rule of the contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_properties import check_contract

from evenback_build.log_samples import LEFT_WEAK_PROFILE, log_following_plan
from planner import next_plan, parse_log, plan
from planner._catalogue import catalogue_by_id

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "docs" / "examples" / "logs"
BY_ID = catalogue_by_id()


def _log(name: str) -> dict[str, Any]:
    return json.loads((LOGS / name).read_text(encoding="utf-8"))


def _exercises(result: dict[str, Any]) -> set[str]:
    return {it["exercise"] for w in result["weeks"] for s in w["sessions"] for it in s["items"]}


def test_the_worked_examples_give_next_blocks_that_keep_the_rules() -> None:
    for path in sorted(LOGS.glob("*.json")):
        log = json.loads(path.read_text(encoding="utf-8"))
        result = next_plan(parse_log(log))
        check_contract(result["profile"], result)
        assert result["summary"][0].startswith("This block follows on from your training log")


def test_the_latest_tests_decide_the_weak_side() -> None:
    log = _log("left-side-in-session.json")
    log["tests"] = [
        {"date": "2026-01-10", "results": {"side_bridge_s": {"left": 40, "right": 60}}},
        {"date": "2026-01-20", "results": {"side_bridge_s": {"left": 70, "right": 50}}},
    ]
    result = next_plan(parse_log(log))
    assert result["weak_side"] == "right"
    assert result["profile"]["tests"] == {"side_bridge_s": {"left": 70, "right": 50}}
    check_contract(result["profile"], result)


def test_differences_within_normal_variation_give_even_work_and_say_so() -> None:
    log = _log("left-side-block.json")
    result = next_plan(parse_log(log))
    assert result["weak_side"] is None
    assert any(
        "within normal variation" in line and "even work" in line for line in result["summary"]
    )
    assert not any(line.startswith("You are not sure") for line in result["summary"])
    for week in result["weeks"]:
        for session in week["sessions"]:
            for it in session["items"]:
                if it.get("sides") and "self_test" not in it:
                    first, second = it["sides"]
                    assert first["sets"] == second["sets"]


def test_pain_of_seven_logged_gives_the_referral() -> None:
    log = _log("left-side-in-session.json")
    log["sessions"][2]["pain_after"] = 8
    result = next_plan(parse_log(log))
    assert result["status"] == "refer" and result["weeks"] == []
    assert "pain of 8 out of 10 on" in result["reasons"][0]


def test_a_red_flag_in_the_profile_gives_the_referral() -> None:
    log = _log("left-side-in-session.json")
    log["profile"]["red_flags"] = ["night_pain"]
    assert next_plan(parse_log(log))["status"] == "refer"


def test_starting_doses_come_from_the_logged_performance() -> None:
    log = _log("left-side-in-session.json")
    result = next_plan(parse_log(log))
    fresh = plan(result["profile"])
    week1 = {it["exercise"]: it for it in result["weeks"][0]["sessions"][0]["items"]}
    fresh1 = {it["exercise"]: it for it in fresh["weeks"][0]["sessions"][0]["items"]}
    moved = [
        ex
        for ex, it in week1.items()
        if it.get("sides") and it["sides"][0].get("reps", 0) > fresh1[ex]["sides"][0].get("reps", 0)
    ]
    assert moved, "a logged exercise starts above the fresh plan's week 1"
    assert any("starts from what you reached" in line for line in result["summary"])


def test_top_of_the_range_moves_to_the_harder_variant_where_one_fits() -> None:
    def top(week: int, day: int, exercise: str, side: str, n: int, amount: int) -> int:
        if BY_ID[exercise].pattern == "conditioning":
            return amount  # the walk is no back work: it has no range to reach the top of
        return BY_ID[exercise].dose[1] + 5

    advanced = {
        **LEFT_WEAK_PROFILE,
        "experience": "advanced",
        "equipment": ["dumbbell", "bench", "back_extension", "barbell", "band"],
        # Time for accessories after the barbell lifts' rests and build-up sets.
        "minutes_per_session": 60,
    }
    log = log_following_plan(advanced, weeks=3, tweak=top)
    result = next_plan(parse_log(log))
    check_contract(result["profile"], result)
    moved = [line for line in result["summary"] if "moves up to the harder variant" in line]
    assert moved
    before = _exercises(plan(result["profile"]))
    after = _exercises(result)
    assert after - before, "a harder variant is in the new plan"
    for ex in after - before:
        assert any(BY_ID[ex].name in line for line in moved)


def test_falling_short_moves_to_the_easier_variant_where_one_fits() -> None:
    def short(week: int, day: int, exercise: str, side: str, n: int, amount: int) -> int:
        return 0 if BY_ID[exercise].measure == "reps" else amount

    log = log_following_plan(LEFT_WEAK_PROFILE, weeks=3, tweak=short)
    result = next_plan(parse_log(log))
    check_contract(result["profile"], result)
    assert any("uses the easier variant" in line for line in result["summary"])


def test_rules_hold_refuses_a_plan_that_gives_the_strong_side_more() -> None:
    from planner._next_block import rules_hold

    result = plan(LEFT_WEAK_PROFILE)
    assert rules_hold(result)
    broken = json.loads(json.dumps(result))
    item = next(it for it in broken["weeks"][0]["sessions"][0]["items"] if it.get("sides"))
    item["sides"][1]["reps" if "reps" in item["sides"][1] else "seconds"] += 1
    assert not rules_hold(broken)
    slow = json.loads(json.dumps(result))
    slow["weeks"][0]["sessions"][0]["estimated_minutes"] = 41
    assert not rules_hold(slow)


def test_the_next_blocks_time_estimate_is_the_planners_for_every_item() -> None:
    from planner._next_block import _estimate

    by_id = catalogue_by_id()
    profiles = [
        {"focus": ["lower_back", "hips"], "equipment": ["barbell", "kettlebell"], "weeks": 4},
        {"weak_side": "left", "focus": ["side_trunk", "upper_back"], "equipment": ["dumbbell"]},
    ]
    for profile in profiles:
        for week in plan(profile)["weeks"]:
            for session in week["sessions"]:
                for it in session["items"]:
                    got = _estimate(it, by_id[it["exercise"]])
                    assert got == it["estimated_seconds"], it["exercise"]
