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
In a deload week the plan's lighter targets stand.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._catalogue import Exercise, catalogue_by_id
from ._engine import plan
from ._log import Log, LogItem, LogSession
from ._profile import Problem, Profile

UNITS = {"reps": "reps", "seconds": "s"}
# Blocks whose dose is the plan's, not progressed from the log: they prepare and cool down.
FIXED_BLOCKS = ("warmup", "mobility")
FIXED_REASON = "Warm-up or mobility: the plan's dose (it prepares you; it does not progress)."


class TargetsError(ValueError):
    """The week or day asked for is not in the log's plan."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@functools.lru_cache(maxsize=4)
def plan_of(profile: Profile) -> dict[str, Any]:
    """The plan for a profile, kept for the next call (the page asks after every set, with
    the same profile each time). Callers must not change the dict."""
    return plan(profile)


@dataclass(frozen=True, slots=True)
class Aim:
    """A target for one side: reps or seconds per set, load, and why."""

    amount: int | float
    load_kg: float | None
    reason: str
    easier: bool = False
    harder: bool = False
    top: bool = False  # the latest session reached the top of the range


def _top(ex: Exercise, caution: bool) -> tuple[int, int]:
    low, high = ex.dose
    return low, (low + (high - low) // 2 if caution else high)


def _more_load(load: float | None) -> float | None:
    if not load:
        return None
    return max(load + 0.5, math.ceil(load * 1.05 * 2) / 2)


def _amounts(item: LogItem | None, side: str) -> list[int | float]:
    return [s.amount for s in item.sets if s.side == side] if item else []


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def progress_aim(
    ex: Exercise,
    side: str,
    history: Sequence[tuple[LogSession, LogItem, int]],
    planned: int,
    *,
    caution: bool,
) -> Aim:
    """Fold the double progression over a side's history: (session, item, the plan's target
    for that session) oldest first, deload weeks left out. Reps (or seconds) go up at most
    once a week. Only the last step's reason is worded."""
    low, top = _top(ex, caution)
    step = 1 if ex.measure == "reps" else 5
    aim: int | float | None = None
    load: float | None = None
    kind = "plan"
    before: int | float = planned
    last: LogSession | None = None
    short_before = False
    stepped_week = 0
    for session, item, planned_then in history:
        done = [x.amount for x in item.sets if x.side == side]
        if not done:
            continue
        if aim is None:
            aim = planned_then
        loads = [float(x.load_kg) for x in item.sets if x.side == side and x.load_kg]
        if loads:
            load = max(loads)
        fewest = min(done)
        short = fewest < aim
        before, last = aim, session
        if fewest >= top:
            kind = "top"
            aim, load = low, _more_load(load)
            stepped_week = session.week
        elif short:
            kind = "short twice" if short_before else "short"
        elif session.week <= stepped_week:
            kind = "kept"
        else:
            new = max(low, min(top, fewest + step, aim + step))
            kind = "up" if new > aim else "reached"
            if new > aim:
                stepped_week = session.week
            aim = new
        short_before = short
    reason = _reason(ex, side, kind, before, aim, load, low, top, last, planned)
    return Aim(
        planned if aim is None else aim,
        load,
        reason,
        easier=kind == "short twice" and ex.easier is not None,
        harder=kind == "top" and load is None,
        top=kind == "top",
    )


def _reason(
    ex: Exercise,
    side: str,
    kind: str,
    before: float,
    aim: float | None,
    load: float | None,
    low: int,
    top: int,
    last: LogSession | None,
    planned: int,
) -> str:
    unit = UNITS[ex.measure]
    who = "" if side == "both" else f"{side} "
    if last is None or aim is None:
        return f"From the plan: {planned} {unit}; no earlier {who}sets of this exercise logged."
    when = last.date.isoformat()
    if kind == "top":
        more = f"add load (to {_fmt(load)} kg, about 5% more)" if load else "add load"
        return (
            f"Every {who}set reached the top of the range ({top} {unit}) on {when}: "
            f"{more} and go back to {low} {unit}."
        )
    if kind == "short twice":
        easier = (
            f", or switch to the easier variant, {catalogue_by_id()[ex.easier].name}"
            if ex.easier
            else ""
        )
        return (
            f"A {who}set fell short of {_fmt(before)} {unit} in each of the last two "
            f"sessions (the latest on {when}): hold at {_fmt(before)} {unit}{easier}."
        )
    if kind == "short":
        return f"A {who}set fell short of {_fmt(before)} {unit} on {when}: the same again."
    if kind == "kept":
        return (
            f"Every {who}set reached {_fmt(before)} {unit} on {when}: the same again this "
            "week (reps or seconds go up once a week)."
        )
    if kind == "up":
        return (
            f"Every {who}set reached {_fmt(before)} {unit} on {when}: {_fmt(aim)} {unit} now, "
            "a little at a time."
        )
    return f"Every {who}set reached {_fmt(before)} {unit} on {when}."


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


def _nth(items: Sequence[LogItem], exercise: str, k: int) -> LogItem | None:
    found = [it for it in items if it.exercise == exercise]
    if not found:
        return None
    return found[k] if k < len(found) else found[-1]


Lookup = dict[tuple[int, int, str, int], Mapping[str, Any]]


@functools.lru_cache(maxsize=4)
def plan_lookup(profile: Profile) -> Lookup:
    """(week, day, exercise, k) -> the plan's k-th item (0-based) of that exercise there."""
    out: Lookup = {}
    for week in plan_of(profile)["weeks"]:
        for session in week["sessions"]:
            counts: dict[str, int] = {}
            for it in session["items"]:
                k = counts.get(it["exercise"], 0)
                counts[it["exercise"]] = k + 1
                out[(week["week"], session["day"], it["exercise"], k)] = it
    return out


def planned_amount(item: Mapping[str, Any], side: str) -> int:
    """The plan's reps (or seconds) per set for a side of an item."""
    entries = item.get("sides") or [item]
    entry = next((e for e in entries if e.get("side", "both") == side), entries[0])
    return int(entry.get("reps", entry.get("seconds", 0)))


History = list[tuple[LogSession, LogItem, Mapping[str, Any]]]


Index = dict[tuple[str, int], list[tuple[LogSession, LogItem]]]


def index_log(log: Log, upto: int, wanted: Collection[str]) -> Index:
    """(exercise, k) -> the records before `upto` holding a k-th item of that exercise (one
    of `wanted`), with that item, oldest first."""
    out: Index = {}
    for session in log.sessions[:upto]:
        counts: dict[str, int] = {}
        for item in session.items:
            name = item.exercise
            if name not in wanted:
                continue
            k = counts.get(name, 0)
            counts[name] = k + 1
            key = (name, k)
            if key in out:
                out[key].append((session, item))
            else:
                out[key] = [(session, item)]
    return out


def history_of(
    the_plan: Mapping[str, Any], lookup: Lookup, index: Index, exercise: str, k: int, block: str
) -> History:
    """The records with the k-th item of `exercise` in the same block of the plan (a warm-up
    is not judged against a main lift's target), deload weeks left out."""
    deloads = {w["week"] for w in the_plan["weeks"] if w["deload"]}
    out: History = []
    records = index.get((exercise, k)) or index.get((exercise, 0)) or []
    for session, item in records:
        if session.week in deloads:
            continue
        planned = lookup.get((session.week, session.day, exercise, k))
        if planned is None or planned["block"] != block or "self_test" in planned:
            continue
        out.append((session, item, planned))
    return out


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
    now = _nth(current.items, ex.id, k) if current else None
    out: dict[str, Any] = {
        "exercise": ex.id,
        "name": it.get("name", ex.name),
        "block": it["block"],
        "unilateral": ex.unilateral,
        "measure": measure,
        "range": list(_top(ex, caution)),
    }
    if "self_test" in it:
        out["self_test"] = it["self_test"]
    test = "self_test" in it
    history = [] if test else history_of(the_plan, lookup, index, ex.id, k, it["block"])
    fixed = it["block"] in FIXED_BLOCKS

    def aim_for(side: str, planned: int) -> Aim:
        if test:
            return Aim(planned, None, "Self-test: as many as you can with good form.")
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
                        f"Your {weak} side did {_fmt(weak_done[n - 1])} {unit} in set {n}: "
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


def _amount_text(entry: Mapping[str, Any], unit: str) -> str:
    value = entry.get("reps", entry.get("seconds"))
    text = f"{_fmt(value)} {unit}"
    if entry.get("load_kg") is not None:
        text += f" at {_fmt(entry['load_kg'])} kg"
    return text


def render_targets_text(result: Mapping[str, Any]) -> str:
    """The targets as plain text, one line per set."""
    lines = [f"Week {result['week']}, day {result['day']}"]
    if result["status"] == "refer":
        lines[0] += ": see a professional first"
        lines += [f"- {r}" for r in result["reasons"]]
        return "\n".join(lines) + "\n"
    if result.get("title"):
        lines[0] += f": {result['title']}"
    if result.get("deload"):
        lines.append("Deload week.")
    for n, it in enumerate(result["items"], start=1):
        unit = UNITS[it["measure"]]
        lines.append("")
        lines.append(f"{n}. {it['name']} ({it['block']})")
        groups = (
            [(s["side"], s["sets"]) for s in it["sides"]]
            if it["unilateral"]
            else [("both", it["sets"])]
        )
        for side, sets in groups:
            last_reason = ""
            label = "Both sides" if side == "both" else side.capitalize()
            if side == it.get("weak_side"):
                label += " (weak side)"
            for entry in sets:
                line = f"   {label}, set {entry['set']}: {_amount_text(entry, unit)}"
                if "logged" in entry:
                    line += f"; done: {_amount_text(entry['logged'], unit)}"
                    if entry.get("over_cap"):
                        line += " (more than the weak side did)"
                lines.append(line)
                if entry["reason"] != last_reason:
                    lines.append(f"      {entry['reason']}")
                last_reason = entry["reason"]
        for key, word in (("easier", "Easier variant"), ("harder", "Harder variant")):
            if key in it:
                lines.append(f"   {word}: {it[key]['name']} (/exercises/{it[key]['exercise']}/)")
    return "\n".join(lines) + "\n"
