"""The next block: a plan made from a training log.

- The latest result of each self-test decides the weak side (the profile's stated side gives
  way to them). A test whose latest difference is within normal variation (under 10%) does
  not choose a side; when every test is within it, both sides get even work (maintenance),
  and the plan says so.
- Pain: any session logged with pain of 7 or more gives the referral; otherwise the latest
  logged pain is the new block's pain (4-6: the gentler plan).
- From the performance logged, through the same double progression as `targets`: an exercise
  done at the top of its range moves to its harder variant, one that kept falling short to
  its easier one (when the variant suits the equipment and level and is counted the same
  way); any other exercise logged starts at the dose it has reached instead of week 1's.
  Each change is kept only if the plan still keeps the contract's rules (time budget, weak
  side first, never more on the strong side, more weak-side work, progression); the plan's
  summary lists the changes.
- The calendar starts on the Monday after the last session or test logged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from ._assess import NORMAL_BELOW_PCT, index_pct, self_test
from ._catalogue import Exercise, catalogue_by_id
from ._engine import plan, refresh_explanations
from ._log import Log
from ._log_history import history_of, index_log, plan_lookup, plan_of, planned_amount
from ._profile import TestResult, parse_profile
from ._progression import FIXED_BLOCKS, Aim, progress_aim
from ._schedule import item_seconds
from ._summary import TIME_LINE_START, time_lines
from ._vocab import level_rank
from ._walk import add_walks, without_walks

UNITS = {"reps": "reps", "seconds": "seconds"}
NOT_SURE = "You are not sure which side is weaker"


def _latest_tests(log: Log) -> dict[str, tuple[str | None, TestResult]]:
    latest: dict[str, tuple[str | None, TestResult]] = {
        r.test: (None, r) for r in log.profile.tests
    }
    for day in log.tests:
        for r in day.results:
            latest[r.test] = (day.date.isoformat(), r)
    return latest


def _next_monday(log: Log) -> dt.date | None:
    dates = [s.date for s in log.sessions] + [t.date for t in log.tests]
    if not dates:
        return log.profile.start_date
    last = max(dates)
    return last + dt.timedelta(days=7 - last.weekday())


def next_profile(log: Log) -> tuple[dict[str, Any], list[str], str | None]:
    """The new block's profile, the summary lines explaining it, and a pain referral reason."""
    profile = log.profile.to_dict()
    notes: list[str] = []
    latest = _latest_tests(log)
    if log.tests:
        kept: dict[str, dict[str, float]] = {}
        for test_id, (date, r) in latest.items():
            pct = index_pct(r.left, r.right)
            when = f" on {date}" if date else ""
            if pct < NORMAL_BELOW_PCT:
                notes.append(
                    f"{self_test(test_id).name}: left {r.left}, right {r.right}{when}, {pct}% "
                    f"apart: within normal variation (under {NORMAL_BELOW_PCT:g}%), so it does "
                    "not choose a weak side."
                )
            else:
                kept[test_id] = {"left": r.left, "right": r.right}
        profile["weak_side"] = "unknown"
        profile["tests"] = kept
        if not kept:
            notes.append(
                "Your latest self-tests are all within normal variation, so this block gives "
                "both sides even work (maintenance), left side first. Keep re-testing."
            )
        else:
            notes.append(
                "Your latest self-test results decide the weak side of this block, not the "
                "side the last block started from."
            )
    pains = [
        (max(p for p in (s.pain_before, s.pain_after) if p is not None), s.date)
        for s in log.sessions
        if s.pain_before is not None or s.pain_after is not None
    ]
    referral: str | None = None
    worst = max(pains, key=lambda x: x[0]) if pains else None
    if worst is not None and worst[0] >= 7:
        profile["pain"] = max(worst[0], profile["pain"])
        referral = (
            f"You logged pain of {worst[0]} out of 10 on {worst[1].isoformat()}: see a GP or "
            "physiotherapist before the next block."
        )
    elif pains:
        profile["pain"] = pains[-1][0]
        notes.append(f"Your latest logged pain is {pains[-1][0]} out of 10.")
    start = _next_monday(log)
    profile["start_date"] = start.isoformat() if start else None
    if profile["start_date"] is None:
        del profile["start_date"]
    return profile, notes, referral


def _allowed(ex: Exercise, variant: Exercise, profile: Mapping[str, Any], block: str) -> bool:
    return (
        block in variant.blocks
        and variant.unilateral == ex.unilateral
        and variant.measure == ex.measure
        and set(variant.equipment) <= set(profile["equipment"])
        and level_rank(variant.level) <= level_rank(profile["experience"])
    )


def _estimate(item: Mapping[str, Any], ex: Exercise) -> int:
    """The engine's time estimate for an item (`_schedule.item_seconds`)."""
    entries = item["sides"] if ex.unilateral else [item]
    return item_seconds(
        ex,
        [(e["sets"], e.get("reps", e.get("seconds", 0))) for e in entries],
        block=item["block"],
        test="self_test" in item,
        rest=float(item["rest_seconds"]),
    )


def _weak_work(week: Mapping[str, Any]) -> float:
    """Each one-sided item's own weak side's work, over the items with a known weak side."""
    return sum(
        float(e["sets"] * e.get("reps", e.get("seconds", 0)))
        for s in week["sessions"]
        for it in s["items"]
        for e in it.get("sides", ())
        if it.get("weak_side") is not None and e["side"] == it["weak_side"]
    )


def rules_hold(result: Mapping[str, Any]) -> bool:
    """The contract's plan rules that a dose change can break (time, 1, 2, 3 and 6); rules
    1 and 2 per item, rule 3 over the items sharing a weak side."""
    profile = result["profile"]
    weak = result["weak_side"]
    groups: dict[str, dict[str, float]] = {}
    for week in result["weeks"]:
        for session in week["sessions"]:
            if session["estimated_minutes"] > profile["minutes_per_session"]:
                return False
            for it in session["items"]:
                sides = it.get("sides")
                if not sides:
                    continue
                item_weak = it.get("weak_side", weak)
                if item_weak is None:
                    continue
                work = groups.setdefault(item_weak, {"left": 0.0, "right": 0.0})
                for e in sides:
                    work[e["side"]] += e["sets"] * e.get("reps", e.get("seconds", 0))
                first, second = sides
                unit = "reps" if "reps" in first else "seconds"
                if first["side"] != item_weak or second["sets"] > first["sets"]:
                    return False
                if second[unit] > first[unit]:
                    return False
    for side, work in groups.items():
        strong = "right" if side == "left" else "left"
        if work[side] <= work[strong]:
            return False
    weeks = result["weeks"]
    if groups and len(weeks) >= 3:
        last = max(i for i, w in enumerate(weeks) if not w["deload"])
        if _weak_work(weeks[last]) <= _weak_work(weeks[0]):
            return False
    return True


def _change(
    result: dict[str, Any],
    ex: Exercise,
    variant: Exercise | None,
    aim: Aim,
    lead: str,
    block: str,
    note: str = "",
) -> dict[str, Any] | None:
    """A copy of the plan with `ex` moved to `variant` (or its doses shifted to `aim`)."""
    out: dict[str, Any] = json.loads(json.dumps(result))
    low, high = ex.dose
    new = variant or ex
    nlow, nhigh = new.dose
    first_week = None
    for week in out["weeks"]:
        for session in week["sessions"]:
            for it in session["items"]:
                if (
                    it["exercise"] == ex.id
                    and it["block"] == block
                    and "self_test" not in it
                    and first_week is None
                ):
                    entries = it.get("sides") or [it]
                    lead_entry = next(
                        (e for e in entries if e.get("side", "both") == lead), entries[0]
                    )
                    first_week = lead_entry.get(ex.measure, low)
    if first_week is None:
        return None
    offset = 0 if variant or aim.top else aim.amount - first_week
    changed = False
    for week in out["weeks"]:
        for session in week["sessions"]:
            for it in session["items"]:
                if it["exercise"] != ex.id or it["block"] != block or "self_test" in it:
                    continue
                for e in it.get("sides") or [it]:
                    value = e[ex.measure]
                    if variant:
                        span = max(1, high - low)
                        mapped = nlow + (nhigh - nlow) * (value - low) / span
                        e[ex.measure] = max(nlow, min(nhigh, round(mapped)))
                    else:
                        e[ex.measure] = max(low, min(high, round(value + offset)))
                    changed = changed or e[ex.measure] != value
                if variant:
                    it.update(exercise=new.id, name=new.name, page=f"/exercises/{new.id}/")
                    kept = [s for s in it["notes"].split(". ") if not s.startswith("Range ")]
                    it["notes"] = (". ".join(kept).rstrip(".") + ". " if kept else "") + (
                        f"Range {nlow}-{nhigh} {UNITS[new.measure]}; at the top, add 2-10% load."
                    )
                    changed = True
                if note:
                    it["notes"] = f"{it['notes']} {note}".strip()
                    changed = True
                it["estimated_seconds"] = _estimate(it, new)
            session["estimated_minutes"] = -(
                -sum(i.get("estimated_seconds", 0) for i in session["items"]) // 60
            )
    return out if changed else None


def items_of(result: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Every item of a plan that is not a self-test, in order."""
    return [
        it
        for week in result["weeks"]
        for session in week["sessions"]
        for it in session["items"]
        if "self_test" not in it
    ]


def _apply_log(result: dict[str, Any], log: Log) -> tuple[dict[str, Any], list[str]]:
    by_id = catalogue_by_id()
    old_plan = plan_of(log.profile)
    exercises: list[str] = []
    for it in items_of(result):
        if it["exercise"] not in exercises:
            exercises.append(it["exercise"])
    lead = result["weak_side"] or "left"
    caution = bool(result.get("caution"))
    lines: list[str] = []
    introduced: set[str] = set()
    index = index_log(log, len(log.sessions), exercises)
    lookup = plan_lookup(log.profile)
    for ex_id in exercises:
        if ex_id in introduced:
            continue
        ex = by_id[ex_id]
        side = lead if ex.unilateral else "both"
        block = next(it["block"] for it in items_of(result) if it["exercise"] == ex_id)
        if block in FIXED_BLOCKS:
            continue
        history = history_of(old_plan, lookup, index, ex_id, 0, block)
        past = [(s, item, planned_amount(p, side)) for s, item, p in history]
        if not any(s.side == side for _, item, _ in past for s in item.sets):
            continue
        aim = progress_aim(ex, side, past, ex.dose[0], caution=caution)
        date = past[-1][0].date.isoformat()
        unit = UNITS[ex.measure]
        low = ex.dose[0]
        candidates: list[tuple[Exercise | None, str, str]] = []
        if aim.top:
            harder = by_id[ex.harder] if ex.harder and not caution else None
            if harder is not None and harder.id not in exercises:
                candidates.append(
                    (
                        harder,
                        f"{ex.name}: every set reached the top of its range on {date}, so this "
                        f"block moves up to the harder variant, {harder.name}.",
                        "",
                    )
                )
            load = (
                f"at {aim.load_kg:g} kg (about 5% more) "
                if aim.load_kg
                else "made harder (slower reps, or a light weight if you have one) "
            )
            candidates.append(
                (
                    None,
                    f"{ex.name}: every set reached the top of its range on {date}: start "
                    f"this block {load}from {low} {unit}.",
                    f"Start this block {load}from {low} {unit} (your log).",
                )
            )
        elif aim.easier and ex.easier and by_id[ex.easier].id not in exercises:
            easier = by_id[ex.easier]
            candidates.append(
                (
                    easier,
                    f"{ex.name}: sets fell short in your last two sessions (the latest on "
                    f"{date}), so this block uses the easier variant, {easier.name}.",
                    "",
                )
            )
        else:
            load = f" at {aim.load_kg:g} kg" if aim.load_kg else ""
            candidates.append(
                (
                    None,
                    f"{ex.name}: starts from what you reached ({aim.amount:g} {unit}{load}, "
                    f"logged up to {date}), not from the last block's week 1.",
                    f"Start this block at {aim.amount:g} {unit}{load} (your log)." if load else "",
                )
            )
        for variant, why, note in candidates:
            if variant is not None and not _allowed(ex, variant, result["profile"], block):
                continue
            changed = _change(result, ex, variant, aim, side, block, note)
            if changed is not None and rules_hold(changed):
                result = changed
                lines.append(why)
                if variant is not None:
                    introduced.add(variant.id)
                break
    return result, lines


def next_plan(log: Log) -> dict[str, Any]:
    """The plan for the next block, made from the log (see the module's docstring)."""
    profile, notes, referral = next_profile(log)
    result = plan(profile)
    if result["status"] == "refer":
        if referral:
            result["reasons"] = [referral, *result["reasons"]]
        return result
    # The log moves the back work's doses within the time the back work alone may take; the
    # walk is then sized again to what is left (it is not progressed from the log).
    result["weeks"] = without_walks(result["weeks"])
    result, changes = _apply_log(result, log)
    result["weeks"] = add_walks(
        result["weeks"],
        minutes=profile["minutes_per_session"],
        days_per_week=profile["days_per_week"],
        schedule=profile["schedule"],
        caution=bool(result.get("caution")),
    )
    result["explanations"] = refresh_explanations(result)
    done = len(log.sessions)
    intro = (
        f"This block follows on from your training log ({done} session{'s' if done != 1 else ''}"
        f" and {len(log.tests)} self-test day{'s' if len(log.tests) != 1 else ''} logged)."
    )
    summary = result["summary"]
    if profile["weak_side"] == "unknown" and not profile.get("tests"):
        # The tests were within normal variation, not missing: the engine's "not sure" line
        # would contradict the line above that says so.
        summary = [line for line in summary if not line.startswith(NOT_SURE)]
    # The time lines say what this block's week 1 takes, after the log's changes.
    timing = time_lines(parse_profile(profile), result["weeks"][0]["sessions"])
    at = next((i for i, x in enumerate(summary) if x.startswith(TIME_LINE_START)), None)
    summary = [line for line in summary if not line.startswith(TIME_LINE_START)]
    at = len(summary) if at is None else at
    summary = [*summary[:at], *timing, *summary[at:]]
    result["summary"] = [intro, *notes, *changes, *summary]
    return result
