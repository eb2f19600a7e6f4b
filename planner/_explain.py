"""Each exercise's full note, said once per plan (the plan's `explanations`): its cues, how
this plan runs it weak side first, its cautions and how it progresses. The items' own notes
(`_items`) stay short and say only what is particular to the item.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._catalogue import CONDITIONING, Exercise
from ._schedule import BUILD_UP_SETS, builds_up, other
from ._select import Context
from ._vocab import lower_first
from ._walk import walk_explanation

_COUNT = {1: "one", 2: "two", 3: "three"}
_LOADABLE = frozenset({"dumbbell", "kettlebell", "barbell", "cable", "machine"})
_HOLD_A_WEIGHT = frozenset({"hinge", "extension", "bridge", "squat_lunge"})
# One-hand loads whose worked side is the side opposite the weight (the catalogue's words).
_OPPOSITE_WORDS = ("side opposite the weight", "side opposite the bar")
FAST_CUE = (
    "Move fast and crisp: drive the floor away and snap the hips so the weight floats; stop "
    "the set when the speed drops."
)
FOCUS_SOURCE = "Calatayud et al. 2016"


def opposite_hand(ex: Exercise) -> bool:
    """A one-hand load that works the side opposite the hand holding it (suitcase work)."""
    return ex.unilateral and any(w in ex.weak_side_first for w in _OPPOSITE_WORDS)


def is_stretch(ex: Exercise, block: str) -> bool:
    return block == "mobility" or ex.pattern in ("stretch", "mobility")


def harder_step(ex: Exercise, ctx: Context) -> str:
    """What to do once every set reaches the top of the range, in a few words."""
    harder = ctx.by_id.get(ex.harder) if ex.harder else None
    can_harder = harder is not None and harder.id in ctx.pool_ids
    if ex.measure == "seconds":
        if harder is not None and can_harder:
            return f"move to the {lower_first(harder.name)}"
        return "add a light load"
    if set(ex.equipment) & _LOADABLE:
        if ex.pattern == "anti_rotation":  # the load, or the lever: a step from the anchor
            return f"{load_step(ex)}, or stand half a step further from the anchor"
        return load_step(ex)
    if harder is not None and can_harder:
        return f"move to the {lower_first(harder.name)}"
    if ex.pattern in _HOLD_A_WEIGHT and ctx.equipment & {"dumbbell", "kettlebell"}:
        return "hold a dumbbell or kettlebell (start light, then add 2-10% at a time)"
    if "band" in ex.equipment:
        return "use a stronger band"
    return "slow the lowering to 3-4 seconds"


def load_step(ex: Exercise) -> str:
    """The smallest load step the exercise's equipment allows, in a few words."""
    kit = set(ex.equipment)
    if "barbell" in kit:
        return "add the smallest plates you have (2.5-5 kg on the bar, 2-10% more)"
    if "kettlebell" in kit and "dumbbell" not in kit:
        return "move to the next bell up (kettlebells go up 2-4 kg at a time)"
    if "dumbbell" in kit:
        return "take the next dumbbell up (the smallest step you have, 2-10% more)"
    return "move the pin to the next plate (the smallest step on the stack, 2-10% more)"


def progression_rule(ex: Exercise, ctx: Context, low: int, high: int) -> str:
    if ex.measure == "seconds":
        climb = f"hold 5 seconds longer a week, from {low} up to {high} seconds"
        top = f"every hold reaches {high} seconds"
        unit = "seconds"
    else:
        climb = f"one rep more a week, from {low} up to {high} reps, at the same load"
        top = f"every set reaches {high} reps with good form"
        unit = "reps"
    return (
        f"How it progresses: {climb}; when {top}, {harder_step(ex, ctx)} and go back to "
        f"{low} {unit} (double progression, Ratamess et al. 2009)."
    )


def explanation(
    ex: Exercise,
    ctx: Context,
    *,
    blocks: Iterable[str],
    progression: tuple[int, int] | None,
) -> str:
    """The exercise's full note for this plan: cues, weak-side method, cautions, progression.

    `blocks` are the blocks it appears in; `progression` the (low, high) range of its first
    progressing item, or None when it never progresses in this plan."""
    if ex.pattern == CONDITIONING:
        return walk_explanation()
    blocks = tuple(blocks)
    weak = ctx.weak_for(ex) if ex.unilateral else ctx.weak
    parts: list[str] = []
    if ex.cues:
        parts.append("Cues: " + " ".join(ex.cues))
    if builds_up(ex):
        parts.append(
            f"Start with {_COUNT[BUILD_UP_SETS]} lighter build-up sets of about half the reps, "
            "then the sets shown."
        )
    if ex.pattern == "ballistic":
        parts.append(FAST_CUE)
    stretch = all(is_stretch(ex, b) for b in blocks)
    if ex.unilateral and weak and not stretch:
        method = ex.weak_side_first.replace("weaker side", f"weaker ({weak}) side")
        parts.append(
            f"Weak side first: {method} Rest after each side, and match what your {weak} "
            f"side managed on the {other(weak)}."
        )
        if "main" in blocks and ex.pattern != "ballistic":
            parts.append(
                f"Focus on feeling the {weak} side's muscles do the work, at light to moderate "
                f"loads ({FOCUS_SOURCE})."
            )
    elif ex.unilateral and not stretch:
        first_words = ex.weak_side_first.split(". ")[0]
        if first_words.startswith("Name each side"):
            parts.append(f"{first_words}.")
    elif ex.unilateral:
        parts.append("Gentle: a stretch, never pain.")
    elif weak:
        parts.append(ex.weak_side_first.replace("weaker side", f"{weak} (weaker) side"))
    elif "grip" in ex.weak_side_first:
        # The lifters' alternate-grip advice for deadlifts, whatever the weak side.
        parts.append(ex.weak_side_first)
    if ex.cautions:
        parts.append("Take care: " + " ".join(ex.cautions))
    if progression is not None:
        parts.append(progression_rule(ex, ctx, *progression))
    return " ".join(parts)
