"""Weekly hard sets per region and side: counting them, and the numbers the plan keeps.

A hard set is a set of a main or accessory item (warm-ups, mobility and self-tests are not);
a set counts in full for its exercise's first region and half for each other region it
trains (a single-leg deadlift: one hip set, half a lower-back set). The numbers
(docs/programming/session-rules.md):
- at most MAX_WEEKLY_SETS_BY_LEVEL (12, 16, 20 by level; 12 with pain) a week for any region
  and side:
  12-20 weekly sets per muscle group is where the volume studies of trained people found the
  most growth, with no clear gain beyond 20 for most muscles (Baz-Valle et al. 2022); novices
  progress on fewer (Ratamess et al. 2009);
- for the `muscle` goal, at least MUSCLE_WEEKLY_SETS for the weak side of every chosen region
  where time allows: 10 or more weekly sets grew the most muscle in the dose-response
  meta-analysis (Schoenfeld, Ogborn & Krieger 2017).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._progress import WeekInfo
from ._schedule import Slot, dose, other
from ._select import Context, Pick

MAX_WEEKLY_SETS = 20
# Novices need fewer sets to progress (Ratamess et al. 2009: one to three sets an exercise).
MAX_WEEKLY_SETS_BY_LEVEL = {"beginner": 12, "intermediate": 16, "advanced": 20}
MUSCLE_WEEKLY_SETS = 10

_SIDES = ("left", "right")
_State = tuple[int, int, int, bool, str | None]  # a slot's pick (by id), sets, extra, bonus, side


def week_sets(
    sessions: Iterable[Mapping[str, Any]], focus_of: Mapping[str, Sequence[str]]
) -> dict[tuple[str, str], float]:
    """{(region, side): hard sets} for one plan week (its sessions as plan JSON)."""
    out: dict[tuple[str, str], float] = {}
    for session in sessions:
        for it in session["items"]:
            if it["block"] not in ("main", "accessory") or "self_test" in it:
                continue
            if "sides" in it:
                per_side = {s["side"]: s["sets"] for s in it["sides"]}
            else:
                per_side = dict.fromkeys(_SIDES, it["sets"])
            for i, region in enumerate(focus_of[it["exercise"]]):
                for side, sets in per_side.items():
                    out[(region, side)] = out.get((region, side), 0) + sets * (1 if i == 0 else 0.5)
    return out


def slot_week_sets(
    days: Sequence[Sequence[Slot]], info: WeekInfo, ctx: Context
) -> dict[tuple[str, str], float]:
    """The same count for the week `info` of a plan still being built (each day's slots)."""
    out: dict[tuple[str, str], float] = {}
    for slots in days:
        for s in slots:
            if s.pick.block not in ("main", "accessory") or s.pick.role == "test":
                continue
            d = dose(s, info, ctx)
            if s.ex.unilateral:
                first = s.weak or "left"
                per_side = {first: d.weak_sets, other(first): d.strong_sets}
            else:
                per_side = dict.fromkeys(_SIDES, d.strong_sets)
            for i, region in enumerate(s.ex.focus):
                for side, sets in per_side.items():
                    out[(region, side)] = out.get((region, side), 0) + sets * (1 if i == 0 else 0.5)
    return out


def weekly_cap(experience: str, days_per_week: int, *, caution: bool = False) -> int:
    """The level's limit (with pain, the first level's, whatever the experience), or two
    sets a session (one set and the weak side's extra one, the least a session can hold)
    and the one extra set of the last training week, when there are more sessions than the
    level's limit allows."""
    level = "beginner" if caution else experience
    return max(MAX_WEEKLY_SETS_BY_LEVEL[level], 2 * days_per_week + 1)


def within_cap(days: Sequence[Sequence[Slot]], infos: Sequence[WeekInfo], ctx: Context) -> bool:
    return WeekSets(days, infos, ctx).within()


def _set_infos(infos: Sequence[WeekInfo]) -> list[WeekInfo]:
    """One week of each kind whose sets can differ (a training week, the last training week
    with its late bonus, a deload week): the others count the same sets."""
    kinds: dict[tuple[bool, bool], WeekInfo] = {}
    for info in infos:
        key = (info.deload, not info.deload and info.step == info.steps - 1)
        kinds.setdefault(key, info)
    return list(kinds.values())


class WeekSets:
    """Running weekly hard-set counts of a plan being built: each slot's share is added once
    and changed when its sets change, so a check costs one slot, not the whole week."""

    def __init__(
        self, days: Sequence[Sequence[Slot]], infos: Sequence[WeekInfo], ctx: Context
    ) -> None:
        self.ctx = ctx
        self.infos = _set_infos(infos)
        self.cap = weekly_cap(ctx.experience, len(days), caution=ctx.caution)
        self.counts: list[dict[tuple[str, str], float]] = [{} for _ in self.infos]
        self._shares: dict[_State, list[tuple[int, tuple[str, str], float]]] = {}
        self._picks: list[Pick] = []
        for slots in days:
            for s in slots:
                self.add(s, 1)

    def add(self, s: Slot, sign: int) -> None:
        """Add (sign 1) or take away (sign -1) a slot's sets at its current dose (its sets
        as `_schedule.dose` gives them; the reps do not count here)."""
        pick = s.pick
        if pick.block not in ("main", "accessory") or pick.role == "test":
            return
        state = (id(pick), s.sets, s.weak_extra, s.late_bonus, s.weak)
        shares = self._shares.get(state)
        if shares is None:
            shares = self._shares[state] = self._share_list(s)
            self._picks.append(pick)  # kept alive, so its id is not reused here
        counts = self.counts
        for n, key, amount in shares:
            week = counts[n]
            week[key] = week.get(key, 0) + sign * amount

    def _share_list(self, s: Slot) -> list[tuple[int, tuple[str, str], float]]:
        """(week kind, (region, side), sets) for each share a slot adds."""
        ex = s.pick.ex
        first = (s.weak or "left") if ex.unilateral else None
        out: list[tuple[int, tuple[str, str], float]] = []
        for n, info in enumerate(self.infos):
            strong = max(1, s.sets - 1) if info.deload else s.sets
            if first is None:
                per_side: tuple[tuple[str, int], ...] = (
                    (_SIDES[0], strong),
                    (_SIDES[1], strong),
                )
            else:
                weak = strong + s.weak_extra
                if s.late_bonus and not info.deload and info.step == info.steps - 1:
                    weak += 1
                per_side = ((first, weak), (other(first), strong))
            for i, region in enumerate(ex.focus):
                for side, sets in per_side:
                    out.append((n, (region, side), sets if i == 0 else sets * 0.5))
        return out

    def change_sets(self, s: Slot, delta: int) -> None:
        self.add(s, -1)
        s.sets += delta
        self.add(s, 1)

    def within(self) -> bool:
        cap = self.cap
        return all(n <= cap for counts in self.counts for n in counts.values())

    def worst_over(self) -> tuple[str, str] | None:
        """The (region, side) furthest over the cap in the first week kind over it."""
        for counts in self.counts:
            over = [k for k, n in counts.items() if n > self.cap]
            if over:
                return max(over, key=lambda k: counts[k])
        return None


def trim_to_cap(days: Sequence[list[Slot]], infos: Sequence[WeekInfo], ctx: Context) -> None:
    """Bring every region and side within the weekly cap: a set at a time off the item with
    the most sets in the over-full region, then drop that region's accessories, then its extra
    main items (the last first, a two-sided pre-fatigue item too, never a protected one nor a
    day's last main item)."""
    tally = WeekSets(days, infos, ctx)

    def fewer_sets(region: str, floor: int) -> bool:
        candidates = [
            s
            for slots in days
            for s in slots
            if s.pick.block in ("main", "accessory")
            and s.pick.role != "test"
            and region in s.ex.focus
            and s.sets > floor
        ]
        if not candidates:
            return False
        tally.change_sets(max(candidates, key=lambda s: s.sets), -1)
        return True

    def drop(region: str, block: str) -> bool:
        for slots in days:
            mains = sum(1 for x in slots if x.pick.block == "main")
            for i in range(len(slots) - 1, -1, -1):
                s = slots[i]
                if (
                    s.pick.block == block
                    and region in s.ex.focus
                    and not s.pick.protected
                    and s.pick.role != "test"
                    and (block != "main" or mains > 1)
                ):
                    tally.add(s, -1)
                    del slots[i]
                    return True
        return False

    while True:
        worst = tally.worst_over()
        if worst is None:
            return
        region = worst[0]
        if not (fewer_sets(region, 1) or drop(region, "accessory") or drop(region, "main")):
            return
