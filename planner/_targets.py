"""Targets for one session of the log's plan, worked out from what the log holds, with the
live cap: the strong side's n-th set of an item never has a target above what the weak side
logged in its n-th set of that item in the same session.

The session in progress is the log's LAST session record when it has the week and day asked
for (and, when a date is given, that date): its sets are what has been done so far. Every
earlier record is history.

The weak side's (or, without a known weak side, each side's) target comes from a double
progression over its earlier sessions of that exercise (deload weeks left out):
- no history: the plan's target for this week;
- every set reached the top of the range: more load (about 5%, at least 0.5 kg) and back to
  the bottom of the range;
- a set short of its target in each of the last two sessions: the target holds, and the
  easier variant is offered;
- one set short last time: the same target again;
- otherwise: a rep (5 seconds for a hold) more than the fewest done, up to the top.
In a deload week the plan's lighter targets stand (`_progression.py` words each reason).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._catalogue import CONDITIONING, Exercise, catalogue_by_id
from ._log import Log, LogItem, LogSession
from ._log_history import (
    Index,
    Lookup,
    history_of,
    index_log,
    nth_item,
    plan_lookup,
    plan_of,
    planned_amount,
)
from ._profile import Problem, Profile
from ._progression import FIXED_BLOCKS, FIXED_REASON, UNITS, Aim, fmt, progress_aim, top_of
from ._targets_text import render_targets_text
from ._walk import WALK_REASON

__all__ = ["TargetsError", "in_progress", "render_targets_text", "targets"]


class TargetsError(ValueError):
    """The week or day asked for is not in the log's plan."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def _amounts(item: LogItem | None, side: str) -> list[int | float]:
    return [s.amount for s in item.sets if s.side == side] if item else []


def _set_entry(
    n: int, measure: str, amount: float, load: float | None, reason: str
) -> dict[str, Any]:
    out: dict[str, Any] = {"set": n, measure: amount}
    if load is not None:
        out["load_kg"] = load
    out["reason"] = reason
    return out


def _logged(entry: dict[str, Any], item: LogItem | None, side: str, n: int) -> None:
    if item is None:
        return
    sets = [s for s in item.sets if s.side == side]
    if n <= len(sets):
        done = sets[n - 1]
        logged: dict[str, Any] = {item.measure: done.amount}
        if done.load_kg is not None:
            logged["load_kg"] = done.load_kg
        entry["logged"] = logged


def _check_week_day(profile: Profile, week: object, day: object) -> tuple[int, int]:
    problems: list[Problem] = []
    for name, value, high, what in (
        ("week", week, profile.weeks, "weeks"),
        ("day", day, profile.days_per_week, "sessions a week"),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
            problems.append(
                Problem(
                    name,
                    f"must be an integer from 1 to {high} (the log's plan has {high} {what}), "
                    f"got {value!r}",
                )
            )
    if problems:
        raise TargetsError(problems)
    assert isinstance(week, int) and isinstance(day, int)
    return week, day


def in_progress(log: Log, week: int, day: int, date: str | None) -> LogSession | None:
    """The session being logged: the last record, when it is for this week and day (and date)."""
    if not log.sessions:
        return None
    last = log.sessions[-1]
    if last.week != week or last.day != day:
        return None
    if date is not None and last.date.isoformat() != date:
        return None
    return last


def _item_targets(
    the_plan: Mapping[str, Any],
    it: Mapping[str, Any],
    k: int,
    lookup: Lookup,
    index: Index,
    current: LogSession | None,
    *,
    deload: bool,
    caution: bool,
    weak_default: str | None,
) -> dict[str, Any]:
    ex = catalogue_by_id()[it["exercise"]]
    measure = ex.measure
    unit = UNITS[measure]
    now = nth_item(current.items, ex.id, k) if current else None
    out: dict[str, Any] = {
        "exercise": ex.id,
        "name": it.get("name", ex.name),
        "block": it["block"],
        "unilateral": ex.unilateral,
        "measure": measure,
        "range": list(ex.dose if ex.pattern == CONDITIONING else top_of(ex, caution)),
    }
    if ex.pattern == CONDITIONING:  # a walk: typed and shown in minutes, with no load
        out["shown_in"] = "minutes"
        out["loaded"] = False
    if "self_test" in it:
        out["self_test"] = it["self_test"]
    test = "self_test" in it
    history = [] if test else history_of(the_plan, lookup, index, ex.id, k, it["block"])
    fixed = it["block"] in FIXED_BLOCKS

    def aim_for(side: str, planned: int) -> Aim:
        if test:
            return Aim(planned, None, "Self-test: as many as you can with good form.")
        if ex.pattern == CONDITIONING:  # the walk takes the minutes left: nothing to work out
            return Aim(planned, None, WALK_REASON)
        past = [(s, item, planned_amount(p, side)) for s, item, p in history]
        aim = progress_aim(ex, side, past, planned, caution=caution)
        if fixed:
            return Aim(planned, aim.load_kg, FIXED_REASON)
        if deload:
            return Aim(planned, aim.load_kg, "Deload week: the plan's lighter target.")
        return aim

    if not ex.unilateral:
        planned = int(it.get(measure, 0))
        aim = aim_for("both", planned)
        sets = []
        for n in range(1, int(it["sets"]) + 1):
            entry = _set_entry(n, measure, aim.amount, aim.load_kg, aim.reason)
            _logged(entry, now, "both", n)
            sets.append(entry)
        out["sets"] = sets
        _variants(out, ex, [aim])
        return out
    weak = it.get("weak_side", weak_default)
    out["weak_side"] = weak
    sides_out: list[dict[str, Any]] = []
    aims: list[Aim] = []
    weak_entries: list[dict[str, Any]] = []
    for side_plan in it["sides"]:
        side = side_plan["side"]
        planned = int(side_plan.get(measure, 0))
        entries: list[dict[str, Any]] = []
        if weak is not None and side != weak and not test:
            weak_done = _amounts(now, weak)
            weak_loads = [s.load_kg for s in now.sets if s.side == weak] if now else []
            for n in range(1, int(side_plan["sets"]) + 1):
                ref = weak_entries[min(n, len(weak_entries)) - 1] if weak_entries else None
                target = ref[measure] if ref else planned
                load = ref.get("load_kg") if ref else None
                if n <= len(weak_done):
                    target = weak_done[n - 1]
                    load = weak_loads[n - 1] if weak_loads[n - 1] is not None else load
                    reason = (
                        f"Your {weak} side did {fmt(weak_done[n - 1])} {unit} in set {n}: "
                        f"no more than that on the {side} side."
                    )
                else:
                    reason = (
                        f"Match your {weak} side's set {n}, never more; this becomes what it "
                        "did once you log it."
                    )
                entry = _set_entry(n, measure, target, load, reason)
                _logged(entry, now, side, n)
                if "logged" in entry and n <= len(weak_done):
                    entry["over_cap"] = entry["logged"][measure] > weak_done[n - 1]
                entries.append(entry)
        else:
            aim = aim_for(side, planned)
            aims.append(aim)
            for n in range(1, int(side_plan["sets"]) + 1):
                entry = _set_entry(n, measure, aim.amount, aim.load_kg, aim.reason)
                _logged(entry, now, side, n)
                entries.append(entry)
            if side == weak:
                weak_entries = entries
        sides_out.append({"side": side, "sets": entries})
    out["sides"] = sides_out
    _variants(out, ex, aims)
    return out


def _variants(out: dict[str, Any], ex: Exercise, aims: Sequence[Aim]) -> None:
    by_id = catalogue_by_id()
    if ex.easier and any(a.easier for a in aims):
        out["easier"] = {"exercise": ex.easier, "name": by_id[ex.easier].name}
    if ex.harder and any(a.harder for a in aims):
        out["harder"] = {"exercise": ex.harder, "name": by_id[ex.harder].name}


def targets(log: Log, week: object, day: object, date: str | None = None) -> dict[str, Any]:
    """Targets for week `week`, day `day` of the log's plan (see the module's docstring).

    Raises TargetsError when the week or day is not in the plan. A referral plan (a red flag
    or pain of 7 or more in the profile, or pain of 7 or more logged in this session) gives
    `status: "refer"` and no items.
    """
    profile = log.profile
    w, d = _check_week_day(profile, week, day)
    the_plan = plan_of(profile)
    current = in_progress(log, w, d, date)
    base: dict[str, Any] = {"week": w, "day": d, "date": date, "in_progress": current is not None}
    pains = (
        [p for p in (current.pain_before, current.pain_after) if p is not None] if current else []
    )
    if the_plan["status"] == "refer" or any(p >= 7 for p in pains):
        reasons = list(the_plan.get("reasons", []))
        if any(p >= 7 for p in pains):
            reasons.insert(
                0,
                f"You logged pain of {max(pains)} out of 10 in this session: stop, and see a GP "
                "or physiotherapist before training again.",
            )
        return {**base, "status": "refer", "reasons": reasons, "items": []}
    week_plan = the_plan["weeks"][w - 1]
    session = week_plan["sessions"][d - 1]
    upto = len(log.sessions) - 1 if current is not None else len(log.sessions)
    index = index_log(log, upto, {it["exercise"] for it in session["items"]})
    seen: dict[str, int] = {}
    items: list[dict[str, Any]] = []
    for it in session["items"]:
        k = seen.get(it["exercise"], 0)
        seen[it["exercise"]] = k + 1
        items.append(
            _item_targets(
                the_plan,
                it,
                k,
                plan_lookup(profile),
                index,
                current,
                deload=bool(week_plan["deload"]),
                caution=bool(the_plan.get("caution")),
                weak_default=the_plan["weak_side"],
            )
        )
    return {
        **base,
        "status": "ok",
        "title": session.get("title", ""),
        "weak_side": the_plan["weak_side"],
        "deload": bool(week_plan["deload"]),
        "items": items,
    }
