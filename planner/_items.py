"""One plan item as JSON: its doses per side, its time, and its short notes (which side first,
what is particular to this item; the exercise's full note is in `_explain`)."""

from __future__ import annotations

from typing import Any

from ._catalogue import Exercise
from ._explain import harder_step, is_stretch, opposite_hand
from ._progress import WeekInfo, range_top
from ._schedule import BUILD_UP_SETS, Dose, Slot, builds_up, dose, other, seconds_for
from ._select import Context
from ._vocab import lower_first

_COUNT = {1: "one", 2: "two", 3: "three"}


def _unit(ex: Exercise) -> str:
    return "reps" if ex.measure == "reps" else "seconds"


def _side_order(slot: Slot, ctx: Context) -> str:
    """Which side goes first, and (for a one-hand load on the other side) which hand."""
    ex = slot.ex
    weak = slot.weak
    if weak:
        extra = slot.weak_extra
        text = f"{weak.capitalize()} side first, then the {other(weak)}" + (
            f"; the {weak} side gets {_COUNT.get(extra, str(extra))} extra "
            f"set{'s' if extra > 1 else ''}, done last."
            if extra
            else "."
        )
        first = weak
    elif ctx.even_region(ex) is not None:
        text = (
            "Left side first, then the right, the same work on both: your self-tests put "
            f"your {ctx.even_region(ex)} sides within normal variation."
        )
        first = "left"
    else:
        text = (
            "Left side first, then the right, the same work on both until you know your "
            "weaker side."
        )
        first = "left"
    if opposite_hand(ex):
        text += (
            f" Weight in your {other(first)} hand first (works your {first} side), then in "
            f"your {first} hand (works your {other(first)} side)."
        )
    return text


def notes(
    slot: Slot,
    ctx: Context,
    *,
    final: bool,
    info: WeekInfo,
    compared: bool = False,
    started: bool = False,
) -> str:
    """The item's own short note: side order, what is particular to its dose, its step.
    The exercise's cues, cautions and progression rule are in the plan's explanations."""
    pick = slot.pick
    ex = pick.ex
    weak = slot.weak if ex.unilateral else ctx.weak
    parts: list[str] = []
    if pick.role == "test" and pick.test is not None:
        first = f"{weak.capitalize()} side first" if weak else "Left side first"
        limit = (
            "Because of your pain, stop two or three reps (or about 10 seconds) short of your "
            "limit, and stop at once if the pain rises: the number shown is only the planning "
            "estimate."
            if ctx.caution
            else "Go to your limit with good form: the number shown is only the planning estimate."
        )
        compare = (
            " and compare them with the results you entered in your profile."
            if final and compared
            else (" and compare them with your week-1 results." if final and started else ".")
        )
        parts.append(
            f"Self-test ({pick.test.name}). {first}, then the other side, with about two "
            f"minutes' rest between. {limit} Write down both sides' results{compare}"
        )
        how_to = pick.test.how_to
        if weak is not None:
            how_to = how_to.replace(
                " alternate which side goes first from one test day to the next.",
                " start with the same side each time you test.",
            )
        parts.append(how_to)
        return " ".join(parts)
    if builds_up(ex):
        parts.append(f"{_COUNT[BUILD_UP_SETS].capitalize()} lighter build-up sets first.")
    if pick.role == "prefatigue" and weak:
        parts.append(
            f"Both sides together first, to tire the stronger ({other(weak)}) side before the "
            "one-sided work that follows (lifters' advice; common practice). Keep it two or "
            "three reps short of your limit."
        )
    if ex.unilateral and is_stretch(ex, pick.block):
        parts.append(
            f"{weak.capitalize()} side first, with one extra hold on it."
            if weak
            else "Left side first; the same time on both sides."
        )
    elif ex.unilateral:
        parts.append(_side_order(slot, ctx))
    if pick.replaced is not None:
        replaced = ctx.by_id[pick.replaced].name
        parts.append(
            f"The easier version of the {lower_first(replaced)}, because of your back pain today."
        )
    if pick.role != "prefatigue" and pick.block in ("main", "accessory"):
        if slot.progresses and not slot.capped:
            top = range_top(slot.low, slot.high, info, measure=ex.measure, caution=ctx.caution)
            parts.append(f"Range {slot.low}-{top} {_unit(ex)}; at the top, {harder_step(ex, ctx)}.")
        elif slot.capped:
            parts.append("Kept at the week-1 target all block, so the session fits your time.")
    if ctx.caution:
        parts.append("Stop this exercise if it makes your back pain worse.")
    return " ".join(parts)


class ItemMaker:
    """`item` for one plan's weeks, with what does not change from week to week (each slot's
    fixed fields and notes) worked out once. Every call returns a fresh dict: no part of the
    plan's JSON is shared between weeks."""

    def __init__(self, ctx: Context, *, compared: bool, started: bool) -> None:
        self.ctx = ctx
        self.compared = compared
        self.started = started
        self._fixed: dict[tuple[int, bool], dict[str, Any]] = {}
        self._slots: list[Slot] = []
        self._seconds: dict[tuple[int, Dose], int] = {}

    def item(self, slot: Slot, info: WeekInfo, *, final: bool) -> dict[str, Any]:
        """The slot's item in the week `info` (slots are not changed while a plan's weeks
        are written, so a slot's fixed fields are its own for the whole plan)."""
        pick = slot.pick
        key = (id(slot), final and pick.role == "test")
        fixed = self._fixed.get(key)
        ex = slot.ex
        if fixed is None:
            fixed = {
                "exercise": ex.id,
                "name": ex.name,
                "page": ex.page,
                "block": pick.block,
                "unilateral": ex.unilateral,
                "rest_seconds": slot.rest,
                "tempo": ex.tempo,
                "notes": notes(
                    slot,
                    self.ctx,
                    final=final,
                    info=info,
                    compared=self.compared,
                    started=self.started,
                ),
            }
            if pick.test is not None:
                fixed["self_test"] = pick.test.id
            if ex.unilateral:
                fixed["weak_side"] = slot.weak
            self._fixed[key] = fixed
            self._slots.append(slot)  # kept alive, so its id is not reused in this plan
        d = dose(slot, info, self.ctx)
        out = dict(fixed)
        unit = "reps" if ex.measure == "reps" else "seconds"
        if ex.unilateral:
            first = slot.weak or "left"
            out["sides"] = [
                {"side": first, "sets": d.weak_sets, unit: d.value},
                {"side": other(first), "sets": d.strong_sets, unit: d.value},
            ]
        else:
            out["sets"] = d.strong_sets
            out[unit] = d.value
        seconds = self._seconds.get((key[0], d))
        if seconds is None:
            seconds = self._seconds[(key[0], d)] = seconds_for(slot, d)
        out["estimated_seconds"] = seconds
        return out
