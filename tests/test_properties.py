"""Property tests: every valid profile gives a plan that keeps reference/plan.md rules 1-6, the same
plan every time; any JSON value at all gives a plan or a ProfileError, never anything else."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import FIELDS, ProfileError, load_catalogue, parse_profile, plan
from planner._bridge import make_plan
from planner._vocab import level_rank

_FIELD = {f.name: f for f in FIELDS}
_BY_ID = {e.id: e for e in load_catalogue()}


def _values(name: str) -> list[str]:
    return [c.value for c in _FIELD[name].choices]


def _int_field(name: str) -> st.SearchStrategy[int]:
    f = _FIELD[name]
    assert f.minimum is not None and f.maximum is not None
    return st.integers(f.minimum, f.maximum)


_score = st.one_of(st.integers(0, 3600), st.floats(0, 3600, allow_nan=False, allow_infinity=False))
_tests = st.dictionaries(
    st.sampled_from(_values("tests")),
    st.fixed_dictionaries({"left": _score, "right": _score}),
    max_size=3,
)


@st.composite
def valid_profiles(draw: st.DrawFn, *, allow_refer: bool = True) -> dict[str, Any]:
    profile: dict[str, Any] = {}
    pools: dict[str, st.SearchStrategy[Any]] = {
        "version": st.just(1),
        "weak_side": st.sampled_from(_values("weak_side")),
        "focus": st.lists(st.sampled_from(_values("focus")), min_size=1, max_size=4, unique=True),
        "equipment": st.lists(st.sampled_from(_values("equipment")), unique=True),
        "experience": st.sampled_from(_values("experience")),
        "days_per_week": _int_field("days_per_week"),
        "minutes_per_session": _int_field("minutes_per_session"),
        "weeks": _int_field("weeks"),
        "pain": _int_field("pain") if allow_refer else st.integers(0, 6),
        "red_flags": st.lists(st.sampled_from(_values("red_flags")), unique=True, max_size=2)
        if allow_refer
        else st.just([]),
        "tests": _tests,
        "start_date": st.dates().map(lambda d: d.isoformat()),
        "goal": st.sampled_from(_values("goal")),
        "schedule": st.sampled_from(_values("schedule")),
    }
    for name, strategy in pools.items():
        if draw(st.booleans()):
            profile[name] = draw(strategy)
    return profile


def _work(entry: Mapping[str, Any]) -> float:
    return float(entry["sets"] * entry.get("reps", entry.get("seconds", 0)))


def check_contract(profile: Mapping[str, Any], result: Mapping[str, Any]) -> None:
    """Assert plan rules 1-6 (docs/reference/plan.md) and the plan shape for one profile."""
    p = parse_profile(profile)
    if result["status"] == "refer":
        assert p.red_flags or p.pain >= 7
        assert result["weeks"] == []
        assert result["reasons"] and all(isinstance(r, str) for r in result["reasons"])
        assert result["urgency"] in ("emergency", "urgent", "routine")
        return
    assert result["status"] == "ok"
    assert not p.red_flags and p.pain < 7
    weeks = result["weeks"]
    assert len(weeks) == p.weeks
    # Rule 3 over the items that share a weak side (an item's weak side is its region's).
    groups: dict[str, dict[str, float]] = {}
    week_weak: list[float] = []
    for n, week in enumerate(weeks, start=1):
        assert week["week"] == n
        assert len(week["sessions"]) == p.days_per_week
        regions: set[str] = set()
        weak_work = 0.0
        for d, session in enumerate(week["sessions"], start=1):
            assert session["day"] == d
            assert session["estimated_minutes"] <= p.minutes_per_session
            assert any(it["block"] == "main" for it in session["items"])
            for it in session["items"]:
                ex = _BY_ID[it["exercise"]]  # rule 4: in the catalogue
                assert set(ex.equipment) <= set(p.equipment)
                assert level_rank(ex.level) <= level_rank(p.experience)
                assert it["block"] in ex.blocks or it.get("self_test")
                assert it["unilateral"] == ex.unilateral
                assert isinstance(it["rest_seconds"], int) and isinstance(it["notes"], str)
                regions.update(ex.focus)
                if ex.unilateral:
                    sides = it["sides"]
                    assert [s["side"] for s in sides] in (["left", "right"], ["right", "left"])
                    item_weak = it["weak_side"]
                    assert item_weak in ("left", "right", None)
                    if item_weak:
                        work = groups.setdefault(item_weak, {"left": 0.0, "right": 0.0})
                        for s in sides:
                            work[s["side"]] += _work(s)
                    if item_weak:
                        assert sides[0]["side"] == item_weak  # rule 1
                        first, second = sides
                        assert second["sets"] <= first["sets"]  # rule 2
                        unit = "reps" if "reps" in first else "seconds"
                        assert second[unit] <= first[unit]
                        weak_work += _work(first)
                    else:
                        assert sides[0]["side"] == "left"
                        assert sides[0]["sets"] == sides[1]["sets"]
                else:
                    assert "sides" not in it and it["sets"] >= 1
                    assert ("reps" in it) != ("seconds" in it)
        assert set(p.focus) <= regions  # rule 5
        week_weak.append(weak_work)
    for side, work in groups.items():
        assert work[side] > work["right" if side == "left" else "left"]  # rule 3
    if groups and p.weeks >= 3:
        last = max(i for i, w in enumerate(weeks) if not w["deload"])
        assert week_weak[last] > week_weak[0]  # rule 6


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(valid_profiles())
def test_every_valid_profile_keeps_contract_rules_1_to_6(profile: dict[str, Any]) -> None:
    check_contract(profile, plan(profile))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_profiles(allow_refer=False))
def test_every_trainable_profile_gives_a_plan_that_keeps_the_rules(
    profile: dict[str, Any],
) -> None:
    result = plan(profile)
    assert result["status"] == "ok"
    check_contract(profile, result)


@settings(max_examples=25, deadline=None)
@given(valid_profiles())
def test_same_profile_gives_byte_identical_plan(profile: dict[str, Any]) -> None:
    first = json.dumps(plan(profile), sort_keys=False)
    again = json.dumps(plan(json.loads(json.dumps(profile))), sort_keys=False)
    assert first == again


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_profile_keys = st.sampled_from([f.name for f in FIELDS] + ["weak", "Focus"])
_near_profiles = st.dictionaries(_profile_keys, _json, max_size=6)


@FAST
@given(st.one_of(_json, _near_profiles))
def test_any_json_value_gives_a_plan_or_a_profile_error(value: object) -> None:
    try:
        result = plan(value)  # type: ignore[arg-type]
    except ProfileError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.field and problem.message
        return
    assert result["status"] in ("ok", "refer")


@FAST
@given(st.one_of(_json, _near_profiles))
def test_make_plan_never_raises(value: object) -> None:
    """Every JSON value gets a plan or profile errors: never an exception, and never a fault of
    the planner's own (an internal answer would mean the engine or a renderer broke)."""
    text = json.dumps(value)
    answer = json.loads(make_plan(text, "2026-11-22"))
    assert "internal" not in answer, answer.get("message")
    assert isinstance(answer["ok"], bool)
    if answer["ok"]:
        assert set(answer["exports"]) == {"json", "md", "csv", "ics", "text"}
    else:
        assert answer["errors"] and all(e["field"] and e["message"] for e in answer["errors"])


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40))
def test_make_plan_never_raises_on_any_text(text: str) -> None:
    answer = json.loads(make_plan(text, "not a date"))
    assert "internal" not in answer, answer.get("message")
    assert isinstance(answer["ok"], bool)
    assert answer["ok"] or answer["errors"]


@settings(max_examples=40, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_non_finite_or_out_of_range_scores_are_rejected(score: float) -> None:
    profile = {"tests": {"side_bridge_s": {"left": score, "right": 10}}}
    ok = math.isfinite(score) and 0 <= score <= 3600
    try:
        parse_profile(profile)
    except ProfileError as exc:
        assert not ok
        assert exc.problems[0].field == "tests.side_bridge_s.left"
    else:
        assert ok
