"""One plan item as JSON: its doses per side, its time, and its notes (how to do it weak side
first, when to make it harder)."""

from __future__ import annotations

from typing import Any

from ._catalogue import Exercise
from ._progress import WeekInfo
from ._schedule import Slot, dose, other, seconds_for
from ._select import Context
from ._vocab import lower_first

_COUNT = {1: "one", 2: "two", 3: "three"}
_SIDE_AMBIGUOUS = frozenset({"carry", "anti_lateral_flexion", "lateral_flexion"})
_HOLD_A_WEIGHT = frozenset({"hinge", "extension", "bridge", "squat_lunge"})
_LOADABLE = frozenset({"dumbbell", "kettlebell", "barbell", "cable", "machine"})


def _unit(ex: Exercise) -> str:
    return "reps" if ex.measure == "reps" else "seconds"


def _make_harder(ex: Exercise, ctx: Context) -> str:
    low, high = ex.dose
    harder = ctx.by_id.get(ex.harder) if ex.harder else None
    can_harder = harder is not None and harder in ctx.pool
    if ex.measure == "seconds":
        step = (
            f"move to the {lower_first(harder.name)}"
            if harder and can_harder
            else "add a light load"
        )
        return f"When every hold reaches {high} seconds, {step} and start again at {low} seconds."
    if set(ex.equipment) & _LOADABLE:
        return (
            f"When every set reaches {high} reps with good form, add 2-10% load and go back to "
            f"{low} reps (double progression, Ratamess et al. 2009)."
        )
    if harder and can_harder:
        return (
            f"When every set reaches {high} reps with good form, move to the "
            f"{lower_first(harder.name)} and go back to {low} reps."
        )
    if ex.pattern in _HOLD_A_WEIGHT and ctx.equipment & {"dumbbell", "kettlebell"}:
        return (
            f"When every set reaches {high} reps with good form, hold a dumbbell or kettlebell "
            f"(start light, then add 2-10% at a time) and go back to {low} reps (double "
            "progression, Ratamess et al. 2009)."
        )
    if "band" in ex.equipment:
        return (
            f"When every set reaches {high} reps with good form, use a stronger band and go "
            f"back to {low} reps."
        )
    return (
        f"When every set reaches {high} reps with good form, slow the lowering to 3-4 seconds "
        f"and go back to {low} reps."
    )


def notes(slot: Slot, ctx: Context, *, final: bool, focus_cue: bool = False) -> str:
    pick = slot.pick
    ex = pick.ex
    weak = ctx.weak
    parts: list[str] = []
    if pick.role == "test" and pick.test is not None:
        first = f"{weak.capitalize()} side first" if weak else "Left side first"
        parts.append(
            f"Self-test ({pick.test.name}). {first}, then the other side, with about two "
            "minutes' rest between. Go to your limit with good form: the number shown is only "
            "the planning estimate. Write down both sides' results"
            + (" and compare them with your first results." if final else ".")
        )
        parts.append(pick.test.how_to)
        return " ".join(parts)
    if pick.role == "prefatigue" and weak:
        parts.append(
            f"Both sides together first, to tire the stronger ({other(weak)}) side before the "
            "one-sided work that follows. This is lifters' advice, not tested in studies "
            "(common practice)."
        )
    stretch = pick.block == "mobility" or ex.pattern in ("stretch", "mobility")
    if ex.unilateral and not stretch:
        if weak:
            unit = _unit(ex)
            extra = slot.weak_extra
            parts.append(
                f"{weak.capitalize()} side first, then the {other(weak)}; rest after each pair. "
                f"Match the {unit} your {weak} side managed; never more on the {other(weak)}."
                + (
                    f" The {weak} side gets {_COUNT.get(extra, str(extra))} extra "
                    f"set{'s' if extra > 1 else ''}, done last."
                    if extra
                    else ""
                )
            )
            if ex.pattern in _SIDE_AMBIGUOUS or "suitcase" in ex.id:
                parts.append(f"Which side is which here: {ex.weak_side_first}")
            if focus_cue:
                parts.append(
                    f"Focus on feeling the {weak} side's muscles do the work, at light to "
                    "moderate loads (Calatayud et al. 2016)."
                )
        else:
            parts.append(
                "Left side first, then the right, with the same sets and reps on both sides "
                "until you know your weaker side."
            )
    elif ex.unilateral:
        parts.append(
            ("Weak side first; " if weak else "Left side first; ")
            + "the same time on both sides. Gentle: a stretch, never pain."
        )
    elif weak and pick.role != "prefatigue":
        parts.append(f"To bias your {weak} side: {ex.weak_side_first}")
    if pick.replaced is not None:
        replaced = ctx.by_id[pick.replaced].name
        parts.append(
            f"The easier version of the {lower_first(replaced)}, because of your back pain today."
        )
    if pick.role == "prefatigue":
        parts.append(
            "Keep it moderate, two or three reps short of your limit: it is there to tire the "
            "stronger side, not to exhaust you."
        )
    elif slot.progresses and not slot.capped and pick.block in ("main", "accessory"):
        parts.append(_make_harder(ex, ctx))
    if ctx.caution:
        parts.append("Stop this exercise if it makes your back pain worse.")
    return " ".join(parts)


def item(
    slot: Slot, info: WeekInfo, ctx: Context, *, final: bool, focus_cue: bool = False
) -> dict[str, Any]:
    ex = slot.ex
    d = dose(slot, info, ctx)
    unit = _unit(ex)
    out: dict[str, Any] = {
        "exercise": ex.id,
        "name": ex.name,
        "page": ex.page,
        "block": slot.pick.block,
        "unilateral": ex.unilateral,
        "rest_seconds": slot.rest,
        "tempo": ex.tempo,
        "notes": notes(slot, ctx, final=final, focus_cue=focus_cue),
    }
    if slot.pick.test is not None:
        out["self_test"] = slot.pick.test.id
    if ex.unilateral:
        first = ctx.weak or "left"
        out["sides"] = [
            {"side": first, "sets": d.weak_sets, unit: d.value},
            {"side": other(first), "sets": d.strong_sets, unit: d.value},
        ]
    else:
        out["sets"] = d.strong_sets
        out[unit] = d.value
    out["estimated_seconds"] = seconds_for(slot, d)
    return out
