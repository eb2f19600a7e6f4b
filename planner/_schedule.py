"""Doses, time estimates and fitting a session into its time budget (the items' JSON and notes
are `_items`).

Time estimate of an item, in seconds: for every set of every side, the work (reps x
seconds_per_rep, or the hold's seconds) plus the set-up time; plus the rest between
consecutive sets. A session's `estimated_minutes` is the sum, rounded up to whole minutes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from ._catalogue import Exercise
from ._progress import WeekInfo, mobility_target, target
from ._select import Context, Pick, heavy_lower_back, session_rank
from ._vocab import BLOCKS, level_rank

TEST_REST = 120
TIGHT_REST = 30  # the shortest rest a squeezed session gives any lift but barbell and fast ones
CHANGEOVER_SECONDS = 20  # moving to the next exercise and setting it up
BUILD_UP_SETS = 2  # lighter sets before a ballistic or barbell lift
# The picks that take sets to use the time: the chosen work and the one-sided item a session
# gets for its weak side (not a self-test nor the two-sided lift that tires the strong side).
FILLED_ROLES = frozenset({"normal", "balance"})
_LOADS = frozenset({"dumbbell", "kettlebell", "barbell", "cable", "machine"})


def builds_up(ex: Exercise) -> bool:
    """Lifts that start with lighter build-up sets: ballistic and barbell lifts."""
    return ex.pattern == "ballistic" or "barbell" in ex.equipment


def rest_for(ex: Exercise, goal: str) -> tuple[int, int]:
    """Rest between sets (and the floor a tight session may cut it to), by the lift: heavy
    barbell hinges rest longest, loaded and ballistic lifts next, body-weight reps and holds
    least (Ratamess et al. 2009: 2-3 minutes for heavy multi-joint lifts, 1-2 for lighter)."""
    loaded = bool(set(ex.equipment) & _LOADS)
    if "barbell" in ex.equipment and ex.pattern == "hinge" and not ex.unilateral:
        rest, floor = 180, 120
    elif "barbell" in ex.equipment or ex.pattern == "ballistic":
        rest, floor = 120, 90
    elif loaded or heavy_lower_back(ex):
        rest, floor = 90, 60
    elif ex.measure == "seconds" or level_rank(ex.level) == 0:
        rest, floor = 45, 30
    else:
        rest, floor = 60, 45
    if goal == "endurance" and floor < 90:
        rest, floor = max(floor, rest * 2 // 3), max(20, floor * 2 // 3)
    return rest, floor


def dose_range(ex: Exercise, block: str, goal: str) -> tuple[int, int]:
    """The reps (or seconds) range of a main or accessory item for the goal: the catalogue's
    range for balance; for muscle, reps in 6-15 taken close to the limit (Schoenfeld et al.
    2017b: light and heavy loads grow muscle alike when sets are hard); for endurance, higher
    reps and longer holds."""
    low, high = ex.dose
    if block not in ("main", "accessory") or ex.pattern == "ballistic":
        return low, high
    if goal == "muscle" and ex.measure == "reps":
        return max(6, low), min(15, max(high, 12))
    if goal == "endurance":
        if ex.measure == "reps":
            return low + 4, high + 8
        return low + 10, high + 15
    return low, high


@dataclass(slots=True)
class Slot:
    """A chosen exercise with its dose rules; the same slot is used in every week."""

    pick: Pick
    sets: int  # sets of the strong side (or of a two-sided item) in a training week
    weak_extra: int  # extra sets for the weak side (one-sided items, weak side known)
    rest: int
    rest_floor: int
    progresses: bool
    capped: bool = False  # time squeeze: keep week-1 targets all block
    late_bonus: bool = False  # one more weak-side set in the last training week
    low: int = 0  # the item's reps (or seconds) range for the goal
    high: int = 0
    weak: str | None = None  # the weak side of this item's region

    @property
    def ex(self) -> Exercise:
        return self.pick.ex

    def copy(self) -> Slot:
        """A copy to change without changing this one (quicker than dataclasses.replace)."""
        return Slot(
            self.pick,
            self.sets,
            self.weak_extra,
            self.rest,
            self.rest_floor,
            self.progresses,
            self.capped,
            self.late_bonus,
            self.low,
            self.high,
            self.weak,
        )


TEST_START_SHARE = 0.6  # of the weaker side's self-test result


def start_from_test(ex: Exercise, ctx: Context, low: int, high: int) -> int:
    """The first week's reps (or seconds) of an exercise a self-test measured: about 60% of
    the weaker side's result (holds to 5 s), within the range and short of its top, so a
    45 s side bridge starts at 25 s, not 15 (docs/programming/progression.md)."""
    result = ctx.tested.get(ex.id)
    if result is None:
        return low
    step = 5 if ex.measure == "seconds" else 1
    start = result * TEST_START_SHARE
    start = 5 * round(start / 5) if ex.measure == "seconds" else round(start)
    return int(max(low, min(high - step, start)))


def make_slot(pick: Pick, ctx: Context) -> Slot:
    ex = pick.ex
    intermediate = level_rank(ctx.experience) >= 1
    block = pick.block
    weak = ctx.weak_for(ex) if ex.unilateral else None
    low, high = dose_range(ex, block, ctx.goal)
    if pick.role == "test":
        return Slot(pick, 1, 0, TEST_REST, 90, False, low=low, high=high, weak=ctx.weak)
    rest, floor = rest_for(ex, ctx.goal)
    if pick.role == "prefatigue":
        return Slot(pick, 2, 0, rest, floor, True, low=low, high=high, weak=weak)
    low = start_from_test(ex, ctx, low, high) if block in ("main", "accessory") else low
    if block == "main":
        sets = (3 if intermediate or ctx.goal == "muscle" else 2) - (1 if ctx.caution else 0)
        progresses = True
    elif block == "accessory":
        sets = 1 if ctx.caution else 2
        progresses = True
    elif block == "warmup":
        sets, rest, floor, progresses = 1, 20, 15, False
    else:
        sets, rest, floor, progresses = 1, 15, 10, False
    # Every one-sided item with a known weak side gives it one more set (warm-ups and
    # mobility too), so rule 3 holds for each region's own weak side.
    weak_extra = 1 if weak is not None else 0
    return Slot(pick, sets, weak_extra, rest, floor, progresses, low=low, high=high, weak=weak)


def other(side: str) -> str:
    return "right" if side == "left" else "left"


class Dose(NamedTuple):
    weak_sets: int  # first side performed
    strong_sets: int  # second side (or the sets of a two-sided item)
    value: int  # reps or seconds per set


def dose(slot: Slot, info: WeekInfo, ctx: Context) -> Dose:
    ex = slot.ex
    low, high = slot.low, slot.high
    if slot.pick.role == "test":
        return Dose(1, 1, high)
    if slot.progresses and not slot.capped:
        value = target(low, high, info, measure=ex.measure, caution=ctx.caution)
    elif slot.pick.block == "mobility" and ex.measure == "seconds" and not slot.capped:
        value = mobility_target(low, high, info)
    else:
        value = low
    sets = max(1, slot.sets - 1) if info.deload else slot.sets
    weak = sets + slot.weak_extra
    if slot.late_bonus and not info.deload and info.step == info.steps - 1:
        weak += 1
    return Dose(weak, sets, value)


def item_seconds(
    ex: Exercise, entries: Sequence[tuple[int, float]], *, block: str, test: bool, rest: float
) -> int:
    """Work plus set-up for every set of every side, plus the rests; `entries` are each
    side's (sets, reps or seconds per set) in the order performed (one entry for a two-sided
    item).

    A rest follows every set of every side but the last; a one-sided hold (or stretch) of
    a warm-up or mobility item changes sides without one. Ballistic and barbell lifts add
    their build-up sets (half the reps of the last side's sets, a short rest each), and
    every item a changeover. A self-test has one rest, between its two sides.
    """
    work = float(CHANGEOVER_SECONDS)
    per_set = 0.0
    for sets, value in entries:
        per_set = value * ex.seconds_per_rep if ex.measure == "reps" else float(value)
        work += sets * (per_set + ex.setup_seconds)
    if test:
        rests = 1
    elif ex.unilateral and block in ("warmup", "mobility"):
        rests = max(sets for sets, _ in entries) - 1
    else:
        rests = sum(sets for sets, _ in entries) - 1
    if builds_up(ex) and not test:
        work += BUILD_UP_SETS * (per_set / 2 + ex.setup_seconds + 30)
    return math.ceil(work + rests * rest)


def seconds_for(slot: Slot, d: Dose) -> int:
    """A slot's time in seconds at the dose `d` (`item_seconds`)."""
    ex = slot.ex
    entries = (
        ((d.weak_sets, d.value), (d.strong_sets, d.value))
        if ex.unilateral
        else ((d.strong_sets, d.value),)
    )
    return item_seconds(
        ex, entries, block=slot.pick.block, test=slot.pick.role == "test", rest=slot.rest
    )


_LEAST: dict[tuple[int, str], tuple[Exercise, int]] = {}


def least_seconds(ex: Exercise, goal: str) -> int:
    """The shortest a main item of this exercise can be: one set (and a weak side's extra
    one), the bottom of its range, its shortest rest (a pure fact of the exercise and goal,
    worked out once)."""
    key = (id(ex), goal)
    known = _LEAST.get(key)
    if known is None or known[0] is not ex:  # the entry keeps ex alive, so its id is its own
        known = _LEAST[key] = (ex, _least_seconds(ex, goal))
    return known[1]


def _least_seconds(ex: Exercise, goal: str) -> int:
    _, floor = rest_for(ex, goal)
    tight = floor if builds_up(ex) else max(TIGHT_REST, floor // 2)
    low, high = dose_range(ex, "main", goal)
    extra = 1 if ex.unilateral else 0
    slot = Slot(Pick(ex, "main"), 1, extra, tight, tight, False, low=low, high=high)
    return seconds_for(slot, Dose(1 + extra, 1, low))


def _load_key(info: WeekInfo) -> tuple[int, int, int]:
    return (info.position, info.cycle, 1 if info.step == info.steps - 1 else 0)


def heaviest_weeks(infos: Sequence[WeekInfo]) -> list[WeekInfo]:
    """The weeks whose session times bound all the others. An item's time grows with its
    sets and its reps (or seconds); a training week's reps (or seconds) grow with its place
    in its cycle (`_progress.target`), a mobility hold's with the cycle, and only the last
    training week has the late extra set. So a week whose place, cycle and lateness are all
    no higher than another's takes no longer; a deload week (fewer sets, the bottom of each
    range, its cycle's mobility holds) takes no longer than the training week before it.
    The weeks left are the ones no other week matches on all three (two or three)."""
    training = [info for info in infos if not info.deload]
    if not training:
        return list(infos)
    keys = [_load_key(info) for info in training]
    out: list[WeekInfo] = []
    for info, key in zip(training, keys, strict=True):
        beaten = any(
            theirs != key and all(t >= k for t, k in zip(theirs, key, strict=True))
            for theirs in keys
        )
        if not beaten and all(_load_key(w) != key for w in out):
            out.append(info)
    return out


def session_seconds(slots: Sequence[Slot], info: WeekInfo, ctx: Context) -> int:
    return sum(seconds_for(s, dose(s, info, ctx)) for s in slots)


def item_times(s: Slot, infos: Sequence[WeekInfo], ctx: Context) -> list[int]:
    """An item's estimated seconds in each of these weeks."""
    return [seconds_for(s, dose(s, info, ctx)) for info in infos]


def week_times(
    slots: Sequence[Slot], infos: Sequence[WeekInfo], ctx: Context
) -> tuple[list[list[int]], list[int]]:
    """Each item's seconds in each of these weeks, and each week's session total: the
    running totals that the fill, rest and extras steps change one item at a time."""
    own = [item_times(s, infos, ctx) for s in slots]
    totals = [sum(column) for column in zip(*own, strict=True)] if own else [0] * len(infos)
    return own, totals


def minutes(seconds: int) -> int:
    return math.ceil(seconds / 60)


def covers(slots: Sequence[Slot], required: Sequence[str]) -> bool:
    trained = {r for s in slots for r in s.ex.focus}
    return set(required) <= trained


def fit(
    slots: list[Slot],
    budget_minutes: int,
    required: Sequence[str],
    infos: Sequence[WeekInfo],
    ctx: Context,
    *,
    keep_one_test: bool,
) -> list[Slot]:
    """Shrink a session until every week's version fits the time budget.

    Order: drop mobility, accessory and extra warm-up items (keeping the day's regions
    covered; the lifters' advice's items, `_advice`, stay until regions are given up); take
    sets down to 2; drop the pre-fatigue item and extra main items; take sets down to 1;
    shorter rests; drop the remaining warm-ups and extra self-tests; hold targets at week 1
    (all but one one-sided item); rests down to half their floor (barbell and fast lifts keep
    theirs); only then give up region coverage. At least one main item always stays.
    """
    slots = list(slots)
    last = infos[-1]  # the block's last week picks the longest item to shorten
    infos = heaviest_weeks(infos)
    # Each slot's seconds in every week, kept until one of its doses changes.
    # (The slot itself is kept in the entry, so its id cannot be reused while it is there.)
    known: dict[int, tuple[Slot, tuple[int, int, bool, bool, int], list[int]]] = {}

    def week_seconds(s: Slot) -> list[int]:
        state = (s.sets, s.rest, s.capped, s.late_bonus, s.weak_extra)
        hit = known.get(id(s))
        if hit is None or hit[1] != state:
            hit = (s, state, item_times(s, infos, ctx))
            known[id(s)] = hit
        return hit[2]

    def longest() -> int:
        columns = zip(*(week_seconds(s) for s in slots), strict=True)
        return minutes(max((sum(c) for c in columns), default=0))

    def n_main(seq: Sequence[Slot]) -> int:
        return sum(1 for s in seq if s.pick.block == "main")

    def droppable(i: int, *, keep_coverage: bool) -> bool:
        s = slots[i]
        rest = slots[:i] + slots[i + 1 :]
        if s.pick.protected or n_main(rest) < 1:
            return False
        if s.pick.role == "test" and keep_one_test and not any(x.pick.role == "test" for x in rest):
            return False
        if keep_coverage and s.pick.block == "main":
            # A main lift's regions must stay trained by main or accessory work, not only
            # by a warm-up or stretch that a later step may drop.
            own = [r for r in required if r in s.ex.focus]
            if not covers([x for x in rest if x.pick.block in ("main", "accessory")], own):
                return False
        return not (keep_coverage and not covers(rest, required))

    def drop_where(pred: Callable[[Slot], bool], *, keep_coverage: bool) -> bool:
        for i in range(len(slots) - 1, -1, -1):
            if pred(slots[i]) and droppable(i, keep_coverage=keep_coverage):
                del slots[i]
                return True
        return False

    def first_index(pred: Callable[[Slot], bool]) -> int | None:
        return next((i for i, s in enumerate(slots) if pred(s)), None)

    def not_first_warmup(s: Slot) -> bool:
        i = first_index(lambda x: x.pick.block == "warmup" and x.pick.role != "test")
        return (
            s.pick.block == "warmup"
            and s.pick.role != "test"
            and i is not None
            and slots[i] is not s
        )

    def not_first_main(s: Slot) -> bool:
        i = first_index(lambda x: x.pick.block == "main" and x.pick.role != "prefatigue")
        return s.pick.block == "main" and i is not None and slots[i] is not s

    def fewer_sets(floor: int) -> bool:
        candidates = [s for s in slots if s.sets > floor]
        if not candidates:
            return False
        worst = max(candidates, key=lambda s: seconds_for(s, dose(s, last, ctx)))
        worst.sets -= 1
        return True

    def shorter_rests() -> bool:
        changed = False
        for s in slots:
            if s.rest > s.rest_floor:
                s.rest = s.rest_floor
                changed = True
        return changed

    def tight_rests() -> bool:
        """The last resort before a region is lost: rests of all but barbell and fast lifts
        down to half their floor (at least 30 s); one side rests while the other works."""
        changed = False
        for s in slots:
            tight = max(TIGHT_REST, s.rest_floor // 2)
            if not builds_up(s.ex) and s.rest > tight:
                s.rest = tight
                changed = True
        return changed

    def cap_targets(*, keep_one: bool) -> bool:
        """Hold one more item at its week-1 target (the longest first); with keep_one, the
        last progressing one-sided item keeps progressing (rule 6, docs/reference/plan.md)."""
        progressing = [s for s in slots if s.progresses and not s.capped]
        weak_side = [s for s in progressing if s.weak_extra]
        for s in sorted(progressing, key=lambda s: -seconds_for(s, dose(s, last, ctx))):
            if keep_one and weak_side == [s]:
                continue
            s.capped = True
            return True
        return False

    steps: list[Callable[[], bool]] = [
        lambda: drop_where(
            lambda s: s.pick.block == "mobility" and not s.pick.advice, keep_coverage=True
        ),
        lambda: drop_where(
            lambda s: s.pick.block == "accessory" and not s.pick.advice, keep_coverage=True
        ),
        lambda: drop_where(lambda s: not_first_warmup(s) and not s.pick.advice, keep_coverage=True),
        lambda: fewer_sets(2),
        lambda: drop_where(lambda s: s.pick.role == "prefatigue", keep_coverage=True),
        lambda: drop_where(not_first_main, keep_coverage=True),
        lambda: fewer_sets(1),
        shorter_rests,
        lambda: drop_where(
            lambda s: s.pick.block == "warmup" and s.pick.role != "test" and not s.pick.advice,
            keep_coverage=True,
        ),
        lambda: drop_where(lambda s: s.pick.role == "test", keep_coverage=True),
        lambda: cap_targets(keep_one=True),
        tight_rests,
        lambda: drop_where(lambda s: s.pick.block != "main", keep_coverage=False),
        lambda: drop_where(not_first_main, keep_coverage=False),
        lambda: cap_targets(keep_one=False),
        lambda: drop_where(lambda s: True, keep_coverage=False),
    ]
    while longest() > budget_minutes:
        if not any(step() for step in steps):
            break
    return slots


def order_slots(slots: Sequence[Slot]) -> list[Slot]:
    """Warm-up (self-tests first), then power and technique lifts, two-sided compound work,
    one-sided work; accessories in the same order; mobility last; stable otherwise."""
    return sorted(
        slots,
        key=lambda s: (
            BLOCKS.index(s.pick.block),
            0 if s.pick.role == "test" else 1,
            session_rank(s.ex, s.pick.block),
        ),
    )


FULL_REST = 120  # a loaded main lift's rest when the session has the time


def full_rests(
    slots: Sequence[Slot], budget_minutes: int, infos: Sequence[WeekInfo], ctx: Context
) -> None:
    """Loaded main lifts rest two minutes, not 90 seconds, when every week still fits the
    budget (Ratamess et al. 2009: 2-3 minutes between sets of the main lifts with heavier
    loads, 1-2 for assistance work); the first lifts of the session first."""
    infos = heaviest_weeks(infos)
    limit = budget_minutes * 60
    own, totals = week_times(slots, infos, ctx)
    for n, s in enumerate(slots):
        loaded = bool(set(s.ex.equipment) & _LOADS)
        if s.pick.block != "main" or s.pick.role == "test" or not loaded or s.rest >= FULL_REST:
            continue
        was = s.rest
        s.rest = FULL_REST
        now = item_times(s, infos, ctx)
        tried = [t - old + new for t, old, new in zip(totals, own[n], now, strict=True)]
        if max(tried, default=0) > limit:
            s.rest = was
        else:
            own[n], totals = now, tried


class SetTally(Protocol):
    """Running weekly hard-set counts (`_volume.WeekSets`): a slot's sets change through it."""

    def change_sets(self, s: Slot, delta: int) -> None: ...

    def within(self) -> bool: ...


class _Untallied:
    def change_sets(self, s: Slot, delta: int) -> None:
        s.sets += delta

    def within(self) -> bool:
        return True


def fill_up(
    slots: list[Slot],
    budget_minutes: int,
    infos: Sequence[WeekInfo],
    ctx: Context,
    tally: SetTally | None = None,
) -> list[Slot]:
    """Use the time the person gave: add a set at a time to the main items, then the
    accessories (at most 5 and 4 sets; at most 2 each with pain), while every week still
    fits the budget and the weekly-sets cap (`tally`) holds.

    Each week's session time is kept as a running total: a set added changes only its own
    item's seconds, so a try costs one item, not the whole session."""
    caps = {"main": 2 if ctx.caution else 5, "accessory": 2 if ctx.caution else 4}
    counts: SetTally = tally if tally is not None else _Untallied()
    infos = heaviest_weeks(infos)
    limit = budget_minutes * 60  # whole minutes, rounded up: within the budget iff this
    own, totals = week_times(slots, infos, ctx)
    # A set that did not fit never will: the week totals and set counts only grow.
    full = [s.pick.role not in FILLED_ROLES or s.pick.block not in caps for s in slots]
    grown = True
    while grown:
        grown = False
        for block in ("main", "accessory"):
            for n, s in enumerate(slots):
                if full[n] or s.pick.block != block:
                    continue
                if s.sets >= caps[block]:
                    full[n] = True
                    continue
                counts.change_sets(s, 1)
                now = item_times(s, infos, ctx)
                tried = [t - was + new for t, was, new in zip(totals, own[n], now, strict=True)]
                if max(tried, default=0) > limit or not counts.within():
                    counts.change_sets(s, -1)
                    full[n] = True
                else:
                    own[n], totals = now, tried
                    grown = True
    return slots
