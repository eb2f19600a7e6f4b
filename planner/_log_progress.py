"""What a training log shows: every self-test's asymmetry index over time, judged against the
test's measurement error; each exercise's work per side per session and per week; every set
where the strong side did more than the weak side had done; pain over time.

Noise: a single side bridge hold has a typical error of about 11 s (Juan-Recio et al. 2022).
The difference between two sides, each measured with that error, has about sqrt(2) times it
(15.5 s); a change in that difference from one test day to another, about sqrt(2) times
that again (2 x 11 s = 21.9 s). Tests without a published error figure are judged by the
planner's band instead: under 10% is normal variation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ._assess import (
    NORMAL_BELOW_PCT,
    SIDE_BRIDGE_TYPICAL_ERROR_S,
    band,
    index_pct,
    self_test,
    weaker_side,
)
from ._catalogue import catalogue_by_id
from ._log import Log, LogItem
from ._log_history import plan_of
from ._profile import TestResult

ROOT2 = math.sqrt(2)
# Typical error of one measurement, per test id, in the test's unit (only where published).
TYPICAL_ERROR = {"side_bridge_s": SIDE_BRIDGE_TYPICAL_ERROR_S}


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 1)


def _test_entry(
    test_id: str, date: str | None, source: str, result: TestResult, first: TestResult | None
) -> dict[str, Any]:
    pct = index_pct(result.left, result.right)
    diff = result.left - result.right
    entry: dict[str, Any] = {
        "date": date,
        "source": source,
        "left": result.left,
        "right": result.right,
        "weaker": weaker_side(result.left, result.right),
        "index_pct": pct,
        "band": band(pct),
        "difference": _num(diff),
    }
    error = TYPICAL_ERROR.get(test_id)
    unit = "s" if self_test(test_id).unit == "seconds" else "reps"
    if error is not None:
        noise = round(ROOT2 * error, 1)
        entry["noise"] = noise
        entry["within_noise"] = abs(diff) < noise
        entry["judged"] = (
            f"left - right = {_num(diff)} {unit}; one hold's typical error is {error:g} {unit}, "
            f"so a difference between two sides carries about 1.414 x {error:g} = {noise} {unit}: "
            + ("within noise." if abs(diff) < noise else "beyond noise.")
        )
    else:
        entry["within_noise"] = pct < NORMAL_BELOW_PCT
        entry["judged"] = (
            f"index {pct}%; no published error figure for this test, so under "
            f"{NORMAL_BELOW_PCT:g}% counts as normal variation: "
            + ("within it." if pct < NORMAL_BELOW_PCT else "beyond it.")
        )
    if first is not None:
        change = round(pct - index_pct(first.left, first.right), 1)
        entry["change_pct"] = change
        change_diff = diff - (first.left - first.right)
        entry["change_difference"] = _num(change_diff)
        if error is not None:
            noise2 = round(2 * error, 1)
            entry["change_within_noise"] = abs(change_diff) < noise2
            entry["change_judged"] = (
                f"the difference moved by {_num(change_diff)} {unit} since the first test; a "
                f"change between two differences carries about 1.414 x {round(ROOT2 * error, 1)} "
                f"= {noise2} {unit}: "
                + ("within noise." if abs(change_diff) < noise2 else "beyond noise.")
            )
        else:
            entry["change_within_noise"] = abs(change) < NORMAL_BELOW_PCT
            entry["change_judged"] = (
                f"the index moved by {change} percentage points since the first test: "
                + (
                    f"less than {NORMAL_BELOW_PCT:g}, within normal variation."
                    if abs(change) < NORMAL_BELOW_PCT
                    else f"{NORMAL_BELOW_PCT:g} or more, beyond normal variation."
                )
            )
    return entry


def test_series(log: Log) -> dict[str, list[dict[str, Any]]]:
    """Per test id, oldest first: the profile's results (date null) then each logged test."""
    dated: list[tuple[str | None, str, tuple[TestResult, ...]]] = []
    if log.profile.tests:
        dated.append((None, "profile", log.profile.tests))
    dated += [(t.date.isoformat(), "log", t.results) for t in log.tests]
    out: dict[str, list[dict[str, Any]]] = {}
    firsts: dict[str, TestResult] = {}
    for date, source, results in dated:
        for r in results:
            first = firsts.get(r.test)
            out.setdefault(r.test, []).append(_test_entry(r.test, date, source, r, first))
            firsts.setdefault(r.test, r)
    return out


def _weak_of(the_plan: Mapping[str, Any], week: int, day: int, exercise: str) -> str | None:
    weak: str | None = the_plan.get("weak_side")
    try:
        items = the_plan["weeks"][week - 1]["sessions"][day - 1]["items"]
    except (IndexError, KeyError):
        return weak
    for it in items:
        if it["exercise"] == exercise:
            item_weak: str | None = it.get("weak_side", weak)
            return item_weak
    return weak


def _side_work(item: LogItem) -> dict[str, float]:
    work = {"left": 0.0, "right": 0.0, "both": 0.0}
    for s in item.sets:
        work[s.side] += s.amount
    return work


def progress(log: Log) -> dict[str, Any]:
    """The progress a log shows, as JSON (see the module's docstring)."""
    the_plan = plan_of(log.profile)
    by_id = catalogue_by_id()
    exercises: dict[str, dict[str, Any]] = {}
    over_cap: list[dict[str, Any]] = []
    pain: list[dict[str, Any]] = []
    for s in log.sessions:
        where = {"date": s.date.isoformat(), "week": s.week, "day": s.day}
        if s.pain_before is not None or s.pain_after is not None:
            pain.append({**where, "before": s.pain_before, "after": s.pain_after})
        for it in s.items:
            ex = by_id[it.exercise]
            entry = exercises.setdefault(
                it.exercise,
                {"name": ex.name, "measure": it.measure, "sessions": [], "weeks": []},
            )
            work = {k: _num(v) for k, v in _side_work(it).items()}
            sessions = entry["sessions"]
            if (
                sessions
                and sessions[-1]["date"] == where["date"]
                and (
                    sessions[-1]["week"],
                    sessions[-1]["day"],
                )
                == (s.week, s.day)
            ):
                for k in work:
                    sessions[-1][k] = _num(sessions[-1][k] + work[k])
            else:
                sessions.append({**where, **work})
            week = next((w for w in entry["weeks"] if w["week"] == s.week), None)
            if week is None:
                entry["weeks"].append({"week": s.week, **work})
                entry["weeks"].sort(key=lambda w: w["week"])
            else:
                for k in work:
                    week[k] = _num(week[k] + work[k])
            weak = _weak_of(the_plan, s.week, s.day, it.exercise) if ex.unilateral else None
            if weak is None:
                continue
            strong = "right" if weak == "left" else "left"
            weak_sets = [x for x in it.sets if x.side == weak]
            strong_sets = [x for x in it.sets if x.side == strong]
            for n, x in enumerate(strong_sets, start=1):
                did = weak_sets[n - 1].amount if n <= len(weak_sets) else 0
                if x.amount > did:
                    over_cap.append(
                        {
                            **where,
                            "exercise": it.exercise,
                            "name": ex.name,
                            "set": n,
                            "side": strong,
                            it.measure: x.amount,
                            "weak_side": weak,
                            "weak_did": did,
                        }
                    )
    return {
        "version": 1,
        "weak_side": the_plan.get("weak_side"),
        "tests": test_series(log),
        "exercises": exercises,
        "over_cap": over_cap,
        "pain": pain,
        "sessions_logged": len(log.sessions),
    }
