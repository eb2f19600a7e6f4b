"""One plan item as JSON: its doses per side, its time, and its notes (how to do it weak side
first, when to make it harder)."""

from __future__ import annotations

from typing import Any

from ._catalogue import Exercise
from ._progress import WeekInfo
from ._schedule import BUILD_UP_SETS, Slot, builds_up, dose, other, seconds_for
from ._select import Context
from ._vocab import lower_first

_COUNT = {1: "one", 2: "two", 3: "three"}
_SIDE_AMBIGUOUS = frozenset({"carry", "anti_lateral_flexion", "lateral_flexion"})
_HOLD_A_WEIGHT = frozenset({"hinge", "extension", "bridge", "squat_lunge"})
_LOADABLE = frozenset({"dumbbell", "kettlebell", "barbell", "cable", "machine"})


def _unit(ex: Exercise) -> str:
    return "reps" if ex.measure == "reps" else "seconds"


def _make_harder(ex: Exercise, ctx: Context, low: int, high: int) -> str:
    harder = ctx.by_id.get(ex.harder) if ex.harder else None
    can_harder = harder is not None and harder in ctx.pool
    if ex.measure == "seconds":
        step = (
            f"move to the {lower_first(harder.name)}"
            if harder and can_harder
            else "add a light load"
        )
        return f"When every hold reaches {high} seconds, {step} and start again at {low} seconds."
    if set(ex.equipment) & _LOADABLE and ex.pattern not in ("anti_rotation",):
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


def notes(
    slot: Slot,
    ctx: Context,
    *,
    final: bool,
    focus_cue: bool = False,
    compared: bool = False,
    started: bool = False,
) -> str:
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
        parts.append(
            f"First {_COUNT[BUILD_UP_SETS]} lighter build-up sets of about half the reps, "
            "then the sets shown."
        )
    if ex.pattern == "ballistic":
        parts.append(
            "Move fast and crisp: drive the floor away and snap the hips so the weight floats; "
            "stop the set when the speed drops."
        )
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
                f"{weak.capitalize()} side first, then the {other(weak)}; rest after each side. "
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
            if focus_cue and ex.pattern != "ballistic":
                parts.append(
                    f"Focus on feeling the {weak} side's muscles do the work, at light to "
                    "moderate loads (Calatayud et al. 2016)."
                )
        elif ctx.even_region(ex) is not None:
            parts.append(
                "Left side first, then the right, with the same sets and reps on both sides: "
                f"your self-tests put your {ctx.even_region(ex)} sides within normal variation."
            )
        else:
            parts.append(
                "Left side first, then the right, with the same sets and reps on both sides "
                "until you know your weaker side."
            )
    elif ex.unilateral:
        parts.append(
            (
                f"{weak.capitalize()} side first, with one extra hold on it; the same time "
                "each hold."
                if weak
                else "Left side first; the same time on both sides."
            )
            + " Gentle: a stretch, never pain."
        )
    elif weak and pick.role != "prefatigue":
        parts.append(ex.weak_side_first.replace("weaker side", f"{weak} (weaker) side"))
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
        parts.append(_make_harder(ex, ctx, slot.low, slot.high))
    if ctx.caution:
        parts.append("Stop this exercise if it makes your back pain worse.")
    return " ".join(parts)


def item(
    slot: Slot,
    info: WeekInfo,
    ctx: Context,
    *,
    final: bool,
    focus_cue: bool = False,
    compared: bool = False,
    started: bool = False,
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
        "notes": notes(
            slot, ctx, final=final, focus_cue=focus_cue, compared=compared, started=started
        ),
    }
    if slot.pick.test is not None:
        out["self_test"] = slot.pick.test.id
    if ex.unilateral:
        first = slot.weak or "left"
        out["weak_side"] = slot.weak
        out["sides"] = [
            {"side": first, "sets": d.weak_sets, unit: d.value},
            {"side": other(first), "sets": d.strong_sets, unit: d.value},
        ]
    else:
        out["sets"] = d.strong_sets
        out[unit] = d.value
    out["estimated_seconds"] = seconds_for(slot, d)
    return out
