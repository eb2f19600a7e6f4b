"""Targets: the live cap (the strong side's n-th set never above what the weak side logged in
its n-th set of that item in this session) and the double progression from the log."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from evenback_build.log_samples import LEFT_WEAK_PROFILE, log_following_plan, session_record
from planner import TargetsError, parse_log, plan, targets
from planner._catalogue import catalogue_by_id

ROOT = Path(__file__).resolve().parent.parent
IN_SESSION = ROOT / "docs" / "examples" / "logs" / "left-side-in-session.json"
BY_ID = catalogue_by_id()


def _item(result: Mapping[str, Any], exercise: str) -> Mapping[str, Any]:
    return next(it for it in result["items"] if it["exercise"] == exercise)


def _side(item: Mapping[str, Any], side: str) -> list[Mapping[str, Any]]:
    return next(s["sets"] for s in item["sides"] if s["side"] == side)


def _main_unilateral(week: int = 3, day: int = 1) -> Mapping[str, Any]:
    session = plan(LEFT_WEAK_PROFILE)["weeks"][week - 1]["sessions"][day - 1]
    return next(it for it in session["items"] if it["unilateral"] and it["block"] == "main")


def test_strong_side_target_is_what_the_weak_side_did_in_that_set() -> None:
    log = json.loads(IN_SESSION.read_text(encoding="utf-8"))
    result = targets(parse_log(log), 3, 1)
    assert result["in_progress"] is True
    item = _item(result, "single_leg_back_extension")
    left = [s for s in log["sessions"][-1]["items"][3]["sets"] if s["side"] == "left"]
    right = _side(item, "right")
    assert [s["reps"] for s in right[: len(left)]] == [s["reps"] for s in left]
    assert right[1]["reps"] == 7 and "did 7 reps in set 2" in right[1]["reason"]
    assert "logged" in right[0] and "logged" not in right[1]


def check_cap(log: Mapping[str, Any], result: Mapping[str, Any]) -> None:
    """For every item: the strong side's n-th target <= the weak side's logged n-th set."""
    if result["status"] != "ok" or not result["in_progress"]:
        return
    current = log["sessions"][-1]
    seen: dict[str, int] = {}
    for it in result["items"]:
        k = seen.get(it["exercise"], 0)
        seen[it["exercise"]] = k + 1
        weak = it.get("weak_side")
        if not it["unilateral"] or weak is None or "self_test" in it:
            continue
        logged = [x for x in current["items"] if x["exercise"] == it["exercise"]]
        if not logged:
            continue
        sets = logged[min(k, len(logged) - 1)]["sets"]
        done = [x.get("reps", x.get("seconds")) for x in sets if x["side"] == weak]
        for side in it["sides"]:
            if side["side"] == weak:
                continue
            for n, target in enumerate(side["sets"]):
                amount = target.get("reps", target.get("seconds"))
                if n < len(done):
                    assert amount <= done[n], (it["exercise"], n, amount, done)


def test_the_cap_holds_after_every_set_of_a_session() -> None:
    base = log_following_plan(LEFT_WEAK_PROFILE, weeks=1)
    item = _main_unilateral()
    full = session_record([item], 3, 1, dt.date(2026, 1, 19))["items"][0]["sets"]
    for count in range(len(full) + 1):
        sets = [dict(s) for s in full[:count]]
        for s in sets:  # the weak side falls short as the session goes on
            if s["side"] == "left":
                s["reps"] = max(0, s["reps"] - len(sets))
        log = {
            **base,
            "sessions": [
                *base["sessions"],
                {
                    "date": "2026-01-19",
                    "week": 3,
                    "day": 1,
                    "items": [{"exercise": item["exercise"], "sets": sets}],
                },
            ],
        }
        check_cap(log, targets(parse_log(log), 3, 1))


def _history(amounts: list[int], *, load: float | None = None) -> dict[str, Any]:
    """Two-week logs where every left set of the main one-sided item did `amounts[i]` in
    the i-th earlier session of it."""
    item = _main_unilateral()
    counter = {"n": 0}
    calls: dict[tuple[int, int], int] = {}

    def tweak(week: int, day: int, exercise: str, side: str, n: int, amount: int) -> int:
        if exercise != item["exercise"]:
            return amount
        key = (week, day)
        if key not in calls:
            calls[key] = counter["n"]
            counter["n"] += 1
        return amounts[min(calls[key], len(amounts) - 1)]

    return log_following_plan(LEFT_WEAK_PROFILE, weeks=2, tweak=tweak, load_kg=load)


def test_every_set_at_the_top_adds_load_and_goes_back_to_the_bottom() -> None:
    item = _main_unilateral()
    low, high = BY_ID[item["exercise"]].dose
    result = targets(parse_log(_history([high], load=10)), 3, 1)
    left = _side(_item(result, item["exercise"]), "left")
    assert all(s["reps"] == low for s in left)
    assert all(s["load_kg"] == 10.5 for s in left)
    assert "top of the range" in left[0]["reason"]


def test_a_set_short_twice_holds_and_offers_the_easier_variant() -> None:
    item = _main_unilateral()
    ex = BY_ID[item["exercise"]]
    assert ex.easier
    result = targets(parse_log(_history([1])), 3, 1)
    it = _item(result, item["exercise"])
    left = _side(it, "left")
    assert "fell short" in left[0]["reason"] and "two sessions" in left[0]["reason"]
    assert it["easier"]["exercise"] == ex.easier


def test_a_set_short_once_repeats_the_target() -> None:
    item = _main_unilateral()
    low, _ = BY_ID[item["exercise"]].dose
    sessions_with_it = sum(
        1
        for week in plan(LEFT_WEAK_PROFILE)["weeks"][:2]
        for s in week["sessions"]
        if any(i["exercise"] == item["exercise"] and i["block"] == "main" for i in s["items"])
    )
    amounts = [20] * (sessions_with_it - 1) + [low - 1]
    result = targets(parse_log(_history(amounts)), 3, 1)
    left = _side(_item(result, item["exercise"]), "left")
    assert "the same again" in left[0]["reason"]
    assert "easier" not in _item(result, item["exercise"])


def test_without_history_the_plan_s_target_stands() -> None:
    log = {"version": 1, "profile": LEFT_WEAK_PROFILE}
    result = targets(parse_log(log), 3, 1)
    expected = plan(LEFT_WEAK_PROFILE)["weeks"][2]["sessions"][0]["items"]
    for it, planned in zip(result["items"], expected, strict=True):
        if it["unilateral"]:
            weak = _side(it, "left")
            assert weak[0]["reps" if "reps" in weak[0] else "seconds"] == planned["sides"][0].get(
                "reps", planned["sides"][0].get("seconds")
            )
            assert len(weak) == planned["sides"][0]["sets"]


def test_a_date_picks_the_session_in_progress() -> None:
    log = parse_log(json.loads(IN_SESSION.read_text(encoding="utf-8")))
    assert targets(log, 3, 1, "2026-01-19")["in_progress"] is True
    assert targets(log, 3, 1, "2026-01-20")["in_progress"] is False
    assert targets(log, 3, 2)["in_progress"] is False


@pytest.mark.parametrize(
    ("week", "day", "field"), [(0, 1, "week"), (7, 1, "week"), (1, 4, "day"), ("1", 1, "week")]
)
def test_a_week_or_day_outside_the_plan_is_an_error_by_name(
    week: Any, day: Any, field: str
) -> None:
    log = parse_log({"version": 1, "profile": LEFT_WEAK_PROFILE})
    with pytest.raises(TargetsError) as caught:
        targets(log, week, day)
    assert [p.field for p in caught.value.problems] == [field]


def test_pain_of_seven_logged_in_the_session_gives_the_referral() -> None:
    log = json.loads(IN_SESSION.read_text(encoding="utf-8"))
    log["sessions"][-1]["pain_before"] = 7
    result = targets(parse_log(log), 3, 1)
    assert result["status"] == "refer" and result["items"] == []
    assert "pain of 7" in result["reasons"][0]


def test_warm_ups_keep_the_plan_s_dose() -> None:
    log = log_following_plan(LEFT_WEAK_PROFILE, weeks=2, tweak=lambda *a: 50)
    result = targets(parse_log(log), 3, 1)
    planned = plan(LEFT_WEAK_PROFILE)["weeks"][2]["sessions"][0]["items"]
    for it, p in zip(result["items"], planned, strict=True):
        if it["block"] == "warmup":
            sets = it["sets"] if not it["unilateral"] else it["sides"][0]["sets"]
            dose = p if not it["unilateral"] else p["sides"][0]
            unit = "reps" if "reps" in dose else "seconds"
            assert all(s[unit] == dose[unit] for s in sets)


def test_a_walks_targets_are_in_minutes_with_no_load_and_its_own_reason() -> None:
    """The walk's sets are planned and logged in seconds; the page is told to show them in
    minutes, without a load box, and the text format says minutes."""
    from planner._targets import render_targets_text
    from planner._walk import WALK_REASON

    profile = {"weak_side": "left", "minutes_per_session": 60, "days_per_week": 3}
    log = {"version": 1, "profile": profile, "sessions": [], "tests": []}
    result = targets(parse_log(log), 1, 1)
    (walk,) = [it for it in result["items"] if it["exercise"] == "brisk_walk"]
    assert walk["shown_in"] == "minutes" and walk["loaded"] is False
    assert walk["range"] == [300, 3600]
    planned = next(
        it["seconds"]
        for it in plan(profile)["weeks"][0]["sessions"][0]["items"]
        if it["exercise"] == "brisk_walk"
    )
    assert walk["sets"] == [{"set": 1, "seconds": planned, "reason": WALK_REASON}]
    text = render_targets_text(result)
    assert f"Both sides, set 1: {planned // 60} minutes" in text
