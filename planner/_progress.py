"""Week-by-week progression: double progression of reps (or seconds) in cycles, and deloads.

- Double progression (Ratamess et al. 2009): an item's range runs from its week-1 target up
  CYCLE_STEPS - 1 steps (one rep, or five seconds, a week), never past the exercise's top
  (its middle when training with some pain), and no more steps than its longest cycle
  climbs. The training weeks are split into cycles (`cycle_lengths`): from one deload to the
  next in blocks of 8 weeks or more, else at most CYCLE_STEPS weeks each. In each cycle the
  target starts at the bottom of the range and rises one step a week; the next cycle starts
  at the bottom again, with more load (or the harder variant). So reps never climb more than the
  range at one load, and the last training week ends a cycle, at its highest target.
- Mobility holds lengthen from one cycle to the next (20, 30, then 45 seconds for a 20-45 s
  stretch): MOBILITY_GAIN.
- Deload: in blocks of 5 weeks or more, every 4th week (weeks 4, 8, 12, 16) is a deload week:
  one set fewer on every item (never below one; the weak side keeps its extra set) and the
  week-1 targets. Every 4th week is a common strength-and-conditioning rhythm; it also makes
  the final week of an 8-, 12- or 16-week block a lighter week that ends with the re-test,
  done fresh.
"""

from __future__ import annotations

from dataclasses import dataclass

DELOAD_MIN_WEEKS = 5
DELOAD_EVERY = 4
CYCLE_STEPS = 5  # training weeks in the longest cycle: bottom, then four steps up
STEP = {"reps": 1, "seconds": 5}
MOBILITY_GAIN = (0, 10, 25)  # seconds added to a mobility hold in the 1st, 2nd, 3rd+ cycle


def deload_weeks(weeks: int) -> frozenset[int]:
    """The 1-based deload weeks of a block."""
    if weeks < DELOAD_MIN_WEEKS:
        return frozenset()
    return frozenset(range(DELOAD_EVERY, weeks + 1, DELOAD_EVERY))


@dataclass(frozen=True, slots=True)
class WeekInfo:
    week: int  # 1-based
    deload: bool
    step: int  # 0-based index among training (non-deload) weeks; 0 for a deload week
    steps: int  # how many training weeks the block has
    cycle: int = 0  # 0-based cycle of the double progression (a deload: the cycle before it)
    position: int = 0  # 0-based week within its cycle (0 for a deload week)
    cycle_top: bool = False  # the last training week of its cycle (load goes up after it)
    span: int = CYCLE_STEPS - 1  # steps from a range's bottom to its top: the longest cycle's


VARIETY_MIN_WEEKS = 8  # blocks this long change exercises from cycle to cycle


def cycle_lengths(weeks: int) -> tuple[int, ...]:
    """The training weeks of each cycle. In blocks of VARIETY_MIN_WEEKS weeks or more, a
    cycle runs from one deload to the next (three weeks up, one down), a last cycle of a
    single week joining the one before. In shorter blocks, as few cycles as hold
    CYCLE_STEPS weeks at most, as even as can be, the longer first (7 weeks: 3 and 3)."""
    deloads = deload_weeks(weeks)
    steps = weeks - len(deloads)
    if steps <= 0:
        return ()
    if weeks >= VARIETY_MIN_WEEKS:
        out: list[int] = []
        run = 0
        for week in range(1, weeks + 1):
            if week in deloads:
                out.append(run)
                run = 0
            else:
                run += 1
        out = [n for n in [*out, run] if n]
        if len(out) > 1 and out[-1] == 1:
            out[-2:] = [out[-2] + 1]
        return tuple(out)
    n = -(-steps // CYCLE_STEPS)
    base, longer = divmod(steps, n)
    return tuple(base + 1 if i < longer else base for i in range(n))


def week_infos(weeks: int) -> tuple[WeekInfo, ...]:
    deloads = deload_weeks(weeks)
    steps = weeks - len(deloads)
    place: list[tuple[int, int, bool]] = []  # (cycle, position, top) of each training step
    lengths = cycle_lengths(weeks)
    span = max(lengths, default=1) - 1
    for cycle, length in enumerate(lengths):
        place += [(cycle, p, p == length - 1) for p in range(length)]
    out: list[WeekInfo] = []
    step = 0
    for week in range(1, weeks + 1):
        if week in deloads:
            cycle = place[step - 1][0] if step else 0
            out.append(WeekInfo(week, True, 0, steps, cycle, span=span))
        else:
            cycle, position, top = place[step]
            out.append(WeekInfo(week, False, step, steps, cycle, position, top, span))
            step += 1
    return tuple(out)


def last_training_week(weeks: int) -> int:
    deloads = deload_weeks(weeks)
    return max(w for w in range(1, weeks + 1) if w not in deloads)


def range_top(low: int, high: int, info: WeekInfo, *, measure: str, caution: bool) -> int:
    """The top of a progressing item's range: as many steps above its bottom `low` as the
    block's longest cycle climbs, never past the exercise's top `high` (its middle with
    pain)."""
    step = STEP[measure]
    # With pain, the middle of the range, on the range's steps (20-45 s: 30 s, not 32).
    top = low + (high - low) // 2 // step * step if caution else high
    return max(low, min(top, low + info.span * step))


def target(low: int, high: int, info: WeekInfo, *, measure: str, caution: bool) -> int:
    """The week's reps (or seconds) per set for a progressing item: one step a week from the
    bottom of the range in each cycle, never past its top; the bottom in a deload week."""
    if info.deload:
        return low
    top = range_top(low, high, info, measure=measure, caution=caution)
    return min(top, low + info.position * STEP[measure])


def mobility_target(low: int, high: int, info: WeekInfo) -> int:
    """A mobility hold's seconds: longer in each later cycle (20, 30, 45 s for 20-45 s)."""
    return min(high, low + MOBILITY_GAIN[min(info.cycle, len(MOBILITY_GAIN) - 1)])


def week_note(info: WeekInfo, weeks: int, *, caution: bool, weak_known: bool) -> str:
    parts: list[str] = []
    if info.deload:
        parts.append(
            "Deload week: one set fewer, at the bottom of each range and the load you use now, "
            "so your body can recover and consolidate (a common practice). Keep the same "
            "order: " + ("weak side first." if weak_known else "left side first.")
        )
    elif info.week == 1:
        parts.append(
            "Learn the movements: pick loads that leave two or three more reps in the tank at "
            "the target (common practice), and write down what each side managed."
        )
    elif info.position == 0:
        parts.append(
            "A new cycle: targets are back at the bottom of each range. Where every set "
            "reached the top last cycle, take the next step each item names (more load, or "
            "the harder variant) first; mobility holds are a little longer (Ratamess et al. "
            "2009)."
        )
    else:
        parts.append(
            "One rep (or five seconds) more a set than last week, at the same load (Ratamess "
            "et al. 2009)."
        )
    if info.cycle_top and info.week != last_training_week(weeks):
        parts.append(
            "This week ends a cycle: if every set reaches the target with good form, the next "
            "cycle starts at the bottom again with the next step up."
        )
    elif info.cycle_top and info.week > 1:
        parts.append(
            "Top of the range: if every set reaches the target with good form, the next block "
            "starts with the next step up."
        )
    if caution and not info.deload:
        parts.append("Because of your pain, targets stop at the middle of each range.")
    if info.week == weeks:
        parts.append("The last session ends the block with your self-tests: compare the sides.")
    return " ".join(parts)
