"""Property tests over generated training logs (empty ones, tests only, sets over the cap, a
weak side that changes between re-tests): targets, progress and the next block never raise;
the live cap holds for every partial session; the next block keeps the contract's rules."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_log_targets import check_cap
from test_properties import check_contract, valid_profiles

from planner import next_plan, parse_log, plan, progress, render_progress, targets
from planner._bridge import log_next, log_progress, log_targets
from planner._catalogue import catalogue_by_id

BY_ID = catalogue_by_id()
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_test_ids = ["side_bridge_s", "single_leg_glute_bridge_reps", "one_arm_row_reps", "suitcase_hold_s"]
_scores = st.integers(0, 120)


@st.composite
def _sets(draw: st.DrawFn, exercise: str, max_sets: int = 5) -> list[dict[str, Any]]:
    ex = BY_ID[exercise]
    sides = ["left", "right"] if ex.unilateral else ["both"]
    big = st.integers(0, 1000) if ex.measure == "reps" else st.integers(0, 3600)
    amounts = st.one_of(st.integers(0, 40), big)
    out: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, max_sets))):
        entry: dict[str, Any] = {"side": draw(st.sampled_from(sides)), ex.measure: draw(amounts)}
        if draw(st.booleans()):
            entry["load_kg"] = draw(st.sampled_from([0, 2.5, 8, 20, 1000]))
        out.append(entry)
    return out


@st.composite
def logs(draw: st.DrawFn) -> dict[str, Any]:
    profile = draw(valid_profiles())
    profile["weeks"] = draw(st.integers(1, 6))
    profile["days_per_week"] = draw(st.integers(1, 4))
    the_plan = plan(profile)
    date = dt.date(2026, 1, 5)
    sessions: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 6))):
        week = draw(st.integers(1, profile["weeks"]))
        day = draw(st.integers(1, profile["days_per_week"]))
        if the_plan["weeks"] and draw(st.booleans()):
            planned = the_plan["weeks"][week - 1]["sessions"][day - 1]["items"]
            names = [it["exercise"] for it in planned]
        else:
            names = draw(st.lists(st.sampled_from(sorted(BY_ID)), max_size=3))
        items = [{"exercise": n, "sets": draw(_sets(n))} for n in names]
        date += dt.timedelta(days=draw(st.integers(0, 3)))
        record: dict[str, Any] = {
            "date": date.isoformat(),
            "week": week,
            "day": day,
            "items": items,
        }
        for key in ("pain_before", "pain_after"):
            if draw(st.booleans()):
                record[key] = draw(st.integers(0, 10))
        sessions.append(record)
    tests: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 3))):
        date += dt.timedelta(days=draw(st.integers(0, 20)))
        results = draw(
            st.dictionaries(
                st.sampled_from(_test_ids),
                st.fixed_dictionaries({"left": _scores, "right": _scores}),
                min_size=1,
                max_size=2,
            )
        )
        tests.append({"date": date.isoformat(), "results": results})
    return {"version": 1, "profile": profile, "sessions": sessions, "tests": tests}


def check_target_rules(result: dict[str, Any]) -> None:
    """Rules 1 and 2 for targets: the weak side first, and the strong side never given more
    sets, nor more per set than the weak side's logged set (or, before that, its target)."""
    for it in result["items"]:
        weak = it.get("weak_side")
        if not it["unilateral"] or weak is None:
            continue
        first, second = it["sides"]
        assert first["side"] == weak
        assert len(second["sets"]) <= len(first["sets"])
        if "self_test" in it:
            continue
        unit = it["measure"]
        for mine, theirs in zip(second["sets"], first["sets"], strict=False):
            bound = theirs["logged"][unit] if "logged" in theirs else theirs[unit]
            assert mine[unit] <= bound, (it["exercise"], mine, theirs)


@SETTINGS
@given(logs(), st.data())
def test_every_generated_log_gives_targets_progress_and_a_next_block(
    log: dict[str, Any], data: st.DataObject
) -> None:
    parsed = parse_log(json.loads(json.dumps(log)))
    profile = parsed.profile
    week = data.draw(st.integers(1, profile.weeks))
    day = data.draw(st.integers(1, profile.days_per_week))
    result = targets(parsed, week, day)
    assert result["status"] in ("ok", "refer")
    check_target_rules(result)
    for fmt in ("text", "json", "csv", "svg"):
        assert render_progress(progress(parsed), fmt)
    block = next_plan(parsed)
    check_contract(block["profile"], block)


@SETTINGS
@given(logs())
def test_the_live_cap_holds_for_every_partial_session(log: dict[str, Any]) -> None:
    if not log["sessions"]:
        return
    last = log["sessions"][-1]
    # Every prefix of the last session's sets, item by item, is a session in progress.
    flat = [(i, s) for i, it in enumerate(last["items"]) for s in it["sets"]]
    for count in range(len(flat) + 1):
        items = [{"exercise": it["exercise"], "sets": []} for it in last["items"]]
        for i, s in flat[:count]:
            items[i]["sets"].append(s)
        partial = {**log, "sessions": [*log["sessions"][:-1], {**last, "items": items}]}
        result = targets(parse_log(partial), last["week"], last["day"])
        check_cap(partial, result)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["version", "profile", "sessions", "tests", "x"]), children, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(st.one_of(_json, logs().map(lambda log: {**log, "version": 1})), st.integers(-1, 20))
def test_the_bridge_never_raises(value: object, week: int) -> None:
    text = json.dumps(value)
    for answer in (
        json.loads(log_targets(text, week, 1, "2026-01-05")),
        json.loads(log_progress(text)),
        json.loads(log_next(text, "2026-01-05")),
    ):
        assert answer["ok"] in (True, False)
        if not answer["ok"]:
            assert "internal" not in answer, answer
            assert answer["errors"] and all(e["field"] and e["message"] for e in answer["errors"])


_set_values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 4000), st.floats(allow_nan=True), st.text(max_size=4)
)


@st.composite
def _raw_sets(draw: st.DrawFn) -> dict[str, Any]:
    raw: dict[str, Any] = {"side": draw(st.sampled_from(["left", "right", "both", "up", 1]))}
    for key in ("reps", "seconds", "load_kg", "x"):
        if draw(st.booleans()):
            raw[key] = draw(_set_values)
    if draw(st.booleans()):
        del raw["side"]
    return raw


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["single_leg_back_extension", "side_plank", "back_extension", "suitcase_hold"]),
    _raw_sets(),
)
def test_the_fast_path_for_sets_accepts_only_what_the_full_check_accepts(
    exercise: str, raw: dict[str, Any]
) -> None:
    from planner._log import _Checker, _quick_set, _set

    quick = _quick_set(raw, BY_ID[exercise])
    checker = _Checker()
    full = _set(checker, raw, "s", BY_ID[exercise])
    if quick is not None:
        assert full == quick and not checker.problems
