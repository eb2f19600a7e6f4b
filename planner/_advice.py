"""The lifters' advice, wherever it applies (docs/programming/session-rules.md):

- hips a focus: hip-rotator work every week (a clamshell, at the start of a hips day) and a
  piriformis stretch (at the end of one);
- lower back a focus, with a back-extension bench or a reverse-hyper machine and the level for
  it: a single-leg back extension or a (single-leg) reverse hyper every week, on a day that
  already has heavy lower-back work, so the easy days stay easy (not with pain).

Each is added to a week's picks only when no pick already does it (a clamshell already there as
an accessory moves to the warm-up, where it counts in no weekly limit). A session too long for
its minutes drops its other mobility, accessory and warm-up items first; the weekly limits, or
a session that still does not fit, may take an advice item out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ._catalogue import Exercise
from ._select import Context, Pick, heavy_lower_back

ROTATOR_WORK = ("banded_clamshell", "clamshell")
PIRIFORMIS_STRETCHES = ("supine_piriformis_stretch", "seated_piriformis_stretch", "pigeon_pose")
BACK_EXTENSION_WORK = (
    "single_leg_reverse_hyper",
    "single_leg_back_extension",
    "weighted_single_leg_back_extension",
    "reverse_hyper",
)


def _first(ctx: Context, ids: Sequence[str], block: str) -> Exercise | None:
    for ex_id in ids:
        ex = ctx.by_id.get(ex_id)
        if ex is not None and ex.id in ctx.pool_ids and block in ex.blocks:
            return ex
    return None


def _rotator_strength(ex: Exercise, block: str) -> bool:
    return (
        "hip_external_rotators" in ex.muscles_primary
        and block != "mobility"
        and ex.pattern not in ("stretch", "mobility")
    )


def _piriformis_stretch(ex: Exercise) -> bool:
    return "hip_external_rotators" in ex.muscles_primary and ex.pattern in ("stretch", "mobility")


def _mark(out: list[list[Pick]], does: Callable[[Pick], bool]) -> bool:
    """Mark the week's first pick that follows the advice as such; False when none does."""
    for day in out:
        for i, p in enumerate(day):
            if does(p):
                day[i] = replace(p, advice=True)
                return True
    return False


def _as_warmup(out: list[list[Pick]], block: str) -> bool:
    """Mark the week's first hip-rotator strength pick (moved to the warm-up, where it
    counts in no weekly limit, when it can be one); False when there is none."""
    for day in out:
        for i, p in enumerate(day):
            if _rotator_strength(p.ex, p.block):
                moved = block if block in p.ex.blocks and p.block != "main" else p.block
                day[i] = replace(p, block=moved, advice=True)
                return True
    return False


def with_advice(
    days: Sequence[Sequence[Pick]], regions: Sequence[Sequence[str]], ctx: Context
) -> list[list[Pick]]:
    """Each day's picks with the advice's exercises marked (so a short session drops them
    last), or added where the week lacks them."""
    out = [list(picks) for picks in days]
    hips = [d for d, r in enumerate(regions) if "hips" in r]
    if "hips" in ctx.focus and hips:
        block = "accessory" if ctx.schedule == "add_on" else "warmup"
        if not _as_warmup(out, block):
            ex = _first(ctx, ROTATOR_WORK, block)
            day = next((d for d in hips if ex and all(p.ex.id != ex.id for p in out[d])), None)
            if ex is not None and day is not None:
                out[day].append(Pick(ex, block, advice=True))
        if not _mark(out, lambda p: _piriformis_stretch(p.ex)):
            ex = _first(ctx, PIRIFORMIS_STRETCHES, "mobility")
            if ex is not None:
                out[hips[-1]].append(Pick(ex, "mobility", advice=True))
    if ctx.caution:
        return out  # with pain, no heavy back-extension work is added
    if "lower_back" in ctx.focus and not _mark(out, lambda p: p.ex.id in BACK_EXTENSION_WORK):
        ex = _first(ctx, BACK_EXTENSION_WORK, "accessory")
        heavy = [
            d
            for d, day in enumerate(out)
            if any(heavy_lower_back(p.ex) and p.block in ("main", "accessory") for p in day)
        ]
        if ex is not None and heavy:
            out[heavy[0]].append(Pick(ex, "accessory", advice=True))
    return out
