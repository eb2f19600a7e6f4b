"""Use the time the weekly limits leave: when a session's hard sets are all the evidence
supports for the person's level and it still has minutes to spare, a coach adds work the
limit allows, not more sets of the same lift. Here: a second exercise for a region the day
trains, then anti-rotation and carry work (which protects the trunk), for any region and
side the weekly count still has room for. Never with pain (short sessions are the point),
never in a block added to the person's own workout, never a fast lift nor heavy lower-back
work (those are placed by the session and recovery rules).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._progress import WeekInfo
from ._schedule import Slot, heaviest_weeks, item_times, make_slot, week_times
from ._select import Context, Pick, heavy_lower_back, tested_swap, variants
from ._volume import WeekSets

MAX_EXTRAS = 3  # extra items a session may get
TRUNK_PATTERNS = ("anti_rotation", "carry", "anti_lateral_flexion")


def add_extras(
    days: Sequence[list[Slot]],
    regions: Sequence[Sequence[str]],
    budget_minutes: int,
    infos: Sequence[WeekInfo],
    ctx: Context,
    tally: WeekSets,
) -> list[int]:
    """Add up to MAX_EXTRAS accessory items to each day while every week fits the budget
    and the weekly hard-set counts stay within their limit (`tally`); the days given any."""
    if ctx.caution or ctx.schedule == "add_on":
        return []
    grown: list[int] = []
    weeks = heaviest_weeks(infos)
    limit = budget_minutes * 60
    taken = {s.ex.id for slots in days for s in slots}
    for d, slots in enumerate(days):
        _, totals = week_times(slots, weeks, ctx)
        day = set(regions[d])
        second = [ex for ex in ctx.pool if ex.focus[0] in day and ex.pattern not in TRUNK_PATTERNS]
        trunk = [ex for ex in ctx.pool if ex.pattern in TRUNK_PATTERNS]
        # One version of an exercise a session (the side bridge, not also from the knees).
        worked = {
            v for s in slots if s.pick.block in ("main", "accessory") for v in variants(s.ex, ctx)
        }
        added = 0
        for ex in [*second, *trunk]:
            if added >= MAX_EXTRAS:
                break
            if (
                ex.id in taken
                or ex.id in worked
                or "accessory" not in ex.blocks
                or ex.pattern == "ballistic"
                or heavy_lower_back(ex)
                or tested_swap(ex, ctx, "accessory") is not ex  # the tested one suits better
            ):
                continue
            slot = make_slot(Pick(ex, "accessory"), ctx)
            own = item_times(slot, weeks, ctx)
            tried = [t + o for t, o in zip(totals, own, strict=True)]
            if max(tried, default=0) > limit:
                continue
            tally.add(slot, 1)
            if not tally.within():
                tally.add(slot, -1)
                continue
            slots.append(slot)
            taken.add(ex.id)
            worked.update(variants(ex, ctx))
            totals = tried
            added += 1
        if added:
            grown.append(d)
    return grown
