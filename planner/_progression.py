"""The double progression behind every target: Aim, progress_aim (a fold over a side's
earlier sets of an exercise) and the reason it gives, worded once."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ._catalogue import Exercise, catalogue_by_id
from ._log import LogItem, LogSession

UNITS = {"reps": "reps", "seconds": "s"}
# Blocks whose dose is the plan's, not progressed from the log: they prepare and cool down.
FIXED_BLOCKS = ("warmup", "mobility")
FIXED_REASON = "Warm-up or mobility: the plan's dose (it prepares you; it does not progress)."


@dataclass(frozen=True, slots=True)
class Aim:
    """A target for one side: reps or seconds per set, load, and why."""

    amount: int | float
    load_kg: float | None
    reason: str
    easier: bool = False
    harder: bool = False
    top: bool = False  # the latest session reached the top of the range


def top_of(ex: Exercise, caution: bool) -> tuple[int, int]:
    low, high = ex.dose
    step = 1 if ex.measure == "reps" else 5
    # With pain, the middle of the range on its steps, as the written plan has it.
    return low, (low + (high - low) // 2 // step * step if caution else high)


def _more_load(load: float | None) -> float | None:
    if not load:
        return None
    return max(load + 0.5, math.ceil(load * 1.05 * 2) / 2)


def fmt(value: float) -> str:
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
    low, top = top_of(ex, caution)
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
        more = f"add load (to {fmt(load)} kg, about 5% more)" if load else "add load"
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
            f"A {who}set fell short of {fmt(before)} {unit} in each of the last two "
            f"sessions (the latest on {when}): hold at {fmt(before)} {unit}{easier}."
        )
    if kind == "short":
        return f"A {who}set fell short of {fmt(before)} {unit} on {when}: the same again."
    if kind == "kept":
        return (
            f"Every {who}set reached {fmt(before)} {unit} on {when}: the same again this "
            "week (reps or seconds go up once a week)."
        )
    if kind == "up":
        return (
            f"Every {who}set reached {fmt(before)} {unit} on {when}: {fmt(aim)} {unit} now, "
            "a little at a time."
        )
    return f"Every {who}set reached {fmt(before)} {unit} on {when}."
