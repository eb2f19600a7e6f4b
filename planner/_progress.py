"""Week-by-week progression: double progression of reps (or seconds), and deload weeks.

- Reps (or hold seconds) rise evenly from the bottom of the exercise's dose range in week 1 to
  the top in the last training week (to the middle when training with some pain). Double
  progression (Ratamess et al. 2009): once every set reaches the top of the range with good
  form, add 2-10% load and go back to the bottom of the range.
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


def week_infos(weeks: int) -> tuple[WeekInfo, ...]:
    deloads = deload_weeks(weeks)
    steps = weeks - len(deloads)
    out: list[WeekInfo] = []
    step = 0
    for week in range(1, weeks + 1):
        if week in deloads:
            out.append(WeekInfo(week, True, 0, steps))
        else:
            out.append(WeekInfo(week, False, step, steps))
            step += 1
    return tuple(out)


def last_training_week(weeks: int) -> int:
    deloads = deload_weeks(weeks)
    return max(w for w in range(1, weeks + 1) if w not in deloads)


def target(low: int, high: int, info: WeekInfo, *, measure: str, caution: bool) -> int:
    """The week's reps (or seconds) per set for a progressing item."""
    top = low + (high - low) // 2 if caution else high
    if info.deload or info.steps <= 1:
        return low
    value = low + (top - low) * info.step / (info.steps - 1)
    if measure == "seconds":
        rounded = int(5 * round(value / 5))
        return max(low, min(top, rounded))
    return round(value)


def week_note(info: WeekInfo, weeks: int, *, caution: bool, weak_known: bool) -> str:
    parts: list[str] = []
    if info.deload:
        parts.append(
            "Deload week: one set fewer and the week-1 targets, so your body can recover and "
            "consolidate (a common practice). Keep the same order: "
            + ("weak side first." if weak_known else "left side first.")
        )
    elif info.week == 1:
        parts.append(
            "Learn the movements: pick loads that leave two or three more reps in the tank at "
            "the target (common practice), and write down what each side managed."
        )
    elif info.week == last_training_week(weeks):
        parts.append(
            "Top of the range: if every set reaches the target with good form, add 2-10% load "
            "next time and go back to the bottom of the range (Ratamess et al. 2009)."
        )
    else:
        parts.append(
            "Targets rise a little: add reps (or seconds) before you add load. When every set "
            "reaches the top of the range, add 2-10% load and go back to the bottom "
            "(Ratamess et al. 2009)."
        )
    if caution and not info.deload:
        parts.append("Because of your pain, targets stop at the middle of each range.")
    if info.week == weeks:
        parts.append("The last session ends the block with your self-tests: compare the sides.")
    return " ".join(parts)
