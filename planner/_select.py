"""Pick exercises: the eligible pool, each day's regions, and each day's items by block.

Choices are greedy over a score, with ties broken by a rotation of the catalogue order that
depends on the day: deterministic, and different days get different exercises.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ._assess import TESTS, SelfTest
from ._catalogue import Exercise
from ._vocab import BLOCKS, REGION_WORDS, level_rank

Role = str  # "normal" | "prefatigue" | "test" | "balance"


@dataclass(frozen=True, slots=True)
class Context:
    focus: tuple[str, ...]
    equipment: frozenset[str]
    experience: str
    weak: str | None  # "left" | "right" | None
    caution: bool
    minutes: int
    pool: tuple[Exercise, ...]
    by_id: Mapping[str, Exercise]
    goal: str = "balance"
    schedule: str = "standalone"
    # Regions whose self-tests decided their weak side ("left", "right", or None for a
    # difference within normal variation: even work); other regions follow `weak`.
    region_weak: Mapping[str, str | None] = field(default_factory=dict)
    # The weaker side's self-test result, by the exercise the test is done with.
    tested: Mapping[str, float] = field(default_factory=dict)
    # The fewest seconds each pool exercise takes in a session (`_schedule.least_seconds`).
    least: Mapping[str, int] = field(default_factory=dict)
    # Each exercise's easier and harder versions of its kind (`_catalogue.variant_families`).
    families: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The pool's ids, for quick membership tests (worked out from `pool`).
    pool_ids: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pool_ids", frozenset(e.id for e in self.pool))

    def weak_for(self, ex: Exercise) -> str | None:
        """The weak side of an exercise's region: its first focus region a self-test
        decided, else the plan's weak side."""
        for region in ex.focus:
            if region in self.region_weak:
                return self.region_weak[region]
        return self.weak

    def even_region(self, ex: Exercise) -> str | None:
        """The words for the exercise's region when self-tests found its sides within
        normal variation (so its work is even), else None."""
        for region in ex.focus:
            if region in self.region_weak:
                if self.region_weak[region] is None:
                    return REGION_WORDS.get(region, region.replace("_", " "))
                return None
        return None


@dataclass(slots=True)
class Pick:
    """One exercise chosen for a session, before doses."""

    ex: Exercise
    block: str
    role: Role = "normal"
    test: SelfTest | None = None
    replaced: str | None = None  # id of the harder exercise swapped out for pain
    protected: bool = False
    covers: frozenset[str] = field(default_factory=frozenset)
    advice: bool = False  # added by the lifters' advice (`_advice`): kept while time allows


def allowed(ex: Exercise, equipment: frozenset[str], experience: str) -> bool:
    """Plan rule 4 (docs/reference/plan.md): all equipment there, level not above experience."""
    return set(ex.equipment) <= equipment and level_rank(ex.level) <= level_rank(experience)


HEAVY_PATTERNS = frozenset({"hinge", "extension", "ballistic"})


def heavy_lower_back(ex: Exercise) -> bool:
    """Loaded (or bench, reverse-hyper, glute-ham) hinge, extension or ballistic work for the
    lower back: the work that is never on two consecutive days."""
    return ex.pattern in HEAVY_PATTERNS and "lower_back" in ex.focus and bool(ex.equipment)


def session_rank(ex: Exercise, block: str) -> int:
    """Order within a block: power and technique (ballistic) lifts first, then two-sided
    compound work, then one-sided work (main and accessory)."""
    if block not in ("main", "accessory"):
        return 0
    if ex.pattern == "ballistic":
        return 0
    return 2 if ex.unilateral else 1


def eligible(
    catalogue: Sequence[Exercise], equipment: frozenset[str], experience: str, *, caution: bool
) -> tuple[Exercise, ...]:
    """Exercises the person can do; with pain, no ballistic lifts."""
    return tuple(
        ex
        for ex in catalogue
        if allowed(ex, equipment, experience) and not (caution and ex.pattern == "ballistic")
    )


def day_regions(focus: Sequence[str], days: int) -> list[tuple[str, ...]]:
    """The regions each day must train, so every focus region is trained each week."""
    out: list[list[str]] = [[] for _ in range(days)]
    if days >= len(focus):
        for d in range(days):
            out[d].append(focus[d % len(focus)])
    else:
        for i, region in enumerate(focus):
            out[i % days].append(region)
    return [tuple(r) for r in out]


def _rotation(pool: Sequence[Exercise], day: int) -> dict[str, int]:
    n = max(1, len(pool))
    shift = (day * 5) % n
    return {ex.id: (i - shift) % n for i, ex in enumerate(pool)}


@dataclass(slots=True)
class _Week:
    used: Counter[str] = field(default_factory=Counter)
    patterns: Counter[str] = field(default_factory=Counter)
    equipment: Counter[str] = field(default_factory=Counter)  # main items' equipment


def _best(
    candidates: Iterable[Exercise],
    score: Mapping[str, float],
    rotation: Mapping[str, int],
) -> Exercise | None:
    return min(candidates, key=lambda ex: (-score[ex.id], rotation[ex.id]), default=None)


def _main_fixed(ex: Exercise, ctx: Context, day_focus: Sequence[str]) -> tuple[float, float]:
    """The parts of a main option's score that the day's choices do not change: whole points
    before the week's counts, and (after them) the caution and short-session parts."""
    whole = 10.0 * len(set(ex.focus).intersection(ctx.focus))
    whole += 6.0 * len(set(ex.focus).intersection(day_focus))
    if ex.unilateral:
        whole += 30.0
    whole += 3.0 * level_rank(ex.level)
    whole += 4.0 * len(ex.equipment)
    late = 0.0
    if ctx.caution:
        late += 20.0 if ex.measure == "seconds" else 0.0
        late -= 10.0 * level_rank(ex.level)
    return whole, late


GYM_DEVICES = frozenset({"barbell", "machine"})


def variants(ex: Exercise, ctx: Context) -> frozenset[str]:
    """The exercise's family (`_catalogue.variant_families`): one exercise at its levels."""
    return ctx.families.get(ex.id) or frozenset({ex.id})


def _main_score(
    ex: Exercise,
    ctx: Context,
    uncovered: set[str],
    fixed: tuple[float, float],
    session: Sequence[Pick],
    week: _Week,
) -> float:
    s = 100.0 * len(uncovered.intersection(ex.focus)) + fixed[0]
    s -= 40.0 * week.used[ex.id]
    s -= 8.0 * week.patterns[ex.pattern]
    # Use the equipment the person has: a lift on a device no main item used yet this week.
    s += 8.0 * sum(1 for e in ex.equipment if not week.equipment[e])
    if ctx.experience != "beginner" and not ctx.caution and ex.focus[0] in ctx.focus:
        # A lifter's gym: the barbell and the machines carry the heaviest loads, so a main
        # lift on one the week has not used yet, for a region the person chose, leads.
        s += 40.0 * sum(1 for e in ex.equipment if e in GYM_DEVICES and not week.equipment[e])
    if any(p.ex.pattern == ex.pattern for p in session):
        s -= 25.0
    s += fixed[1]  # whole points too: the sum so far is exact, as in the rule's order
    if ctx.minutes <= 20:
        # Short sessions: prefer quick exercises that cover more regions.
        s += 8.0 * len(ex.focus) - (ex.setup_seconds + ex.dose[0] * ex.seconds_per_rep) / 10
    return s


def _fill_score(
    e: Exercise, block: str, prefer: set[str], focus: set[str], caution: bool
) -> tuple[float, float, float]:
    """The parts of a warm-up, accessory or mobility option's score that the day's earlier
    choices do not change: whole points, a warm-up's cost, a hold's bonus with pain (kept
    apart so the sum is made in the same order, to the same float, as the score's rule)."""
    whole = 10.0 * len(prefer.intersection(e.focus)) + 4.0 * len(focus.intersection(e.focus))
    if block == "accessory" and e.unilateral:
        whole += 12.0
    cost = 3.0 * level_rank(e.level) + e.setup_seconds / 10 if block == "warmup" else 0.0
    bonus = 8.0 if caution and e.measure == "seconds" else 0.0
    return whole, cost, bonus


def caution_swap(ex: Exercise, ctx: Context, block: str) -> tuple[Exercise, str | None]:
    """With pain 4-6: the exercise's easier variant, when the person can do it and it suits
    the block."""
    if not ctx.caution or ex.easier is None:
        return ex, None
    easier = ctx.by_id.get(ex.easier)
    pool_ids = ctx.pool_ids
    if (
        easier is None
        or easier.id not in pool_ids
        or block not in easier.blocks
        or easier.unilateral != ex.unilateral
    ):
        return ex, None
    return easier, ex.id


def tested_swap(ex: Exercise, ctx: Context, block: str) -> Exercise:
    """An easier variant of a tested exercise gives way to the tested one when the weaker
    side's result already reaches the bottom of its range (a 45 s side bridge is not done
    from the knees); never with pain, where the easier version is the point."""
    if ctx.caution:
        return ex
    for tested_id, result in ctx.tested.items():
        tested = ctx.by_id.get(tested_id)
        if (
            tested is not None
            and tested.easier == ex.id
            and result >= tested.dose[0]
            and tested.id in ctx.pool_ids
            and block in tested.blocks
            and tested.unilateral == ex.unilateral
        ):
            return tested
    return ex


def _prefatigue_partner(ex: Exercise, ctx: Context, taken: set[str]) -> Exercise | None:
    """The two-sided version of a one-sided main exercise (its `easier` link), done first to
    tire the stronger side; only with a known weak side, from intermediate level, without pain.
    """
    if (
        ctx.weak_for(ex) is None
        or ctx.caution
        or level_rank(ctx.experience) < 1
        or not ex.unilateral
        # A fast lift is done fresh, never after a tiring one (one fast lift a session).
        or ex.pattern == "ballistic"
    ):
        return None
    partner = ctx.by_id.get(ex.easier) if ex.easier else None
    if (
        partner is None
        or partner.unilateral
        or partner.id in taken
        or partner.id not in ctx.pool_ids
        or "main" not in partner.blocks
        or partner.pattern != ex.pattern
    ):
        return None
    return partner


MAX_TESTS = 3


def self_test_picks(ctx: Context, wanted: Sequence[str] = ()) -> list[Pick]:
    """Self-test items the person can do: the tests in `wanted` that are possible; else up to
    MAX_TESTS whose exercise trains a focus region (else any possible ones)."""
    pool_ids = ctx.pool_ids
    possible = [t for t in TESTS if t.exercise in pool_ids]
    tests = [t for t in possible if t.id in wanted]
    if not tests:
        relevant = [t for t in possible if set(ctx.by_id[t.exercise].focus) & set(ctx.focus)]
        tests = (relevant or possible)[:MAX_TESTS]
    return [
        Pick(ctx.by_id[t.exercise], "warmup", role="test", test=t, protected=False) for t in tests
    ]


ROOM_SHARE = 0.75  # of a session's seconds for its main lifts at their least, the rest being
# the warm-up's, the progression's and the changeovers'


def _quickest_cover(
    pool: Sequence[Exercise], regions: Iterable[str], ctx: Context
) -> dict[str, int]:
    """The fewest seconds a main exercise that trains each region takes."""
    out: dict[str, int] = {}
    for region in regions:
        times = [ctx.least[e.id] for e in pool if region in e.focus and e.id in ctx.least]
        if times:
            out[region] = min(times)
    return out


def _leaves_room(
    ex: Exercise,
    mains: Sequence[Pick],
    uncovered: set[str],
    quickest: Mapping[str, int],
    ctx: Context,
) -> bool:
    """Whether the session's minutes still hold, after `ex` and the mains chosen so far, the
    quickest main exercise for each region left to cover (one each: a lift that trains two
    of them counts twice, so the test errs towards quick lifts): a lift that alone fills a
    short session would leave a region out (rule 5)."""
    if not ctx.least:
        return True
    spent = ctx.least.get(ex.id, 0) + sum(ctx.least.get(p.ex.id, 0) for p in mains)
    left = sum(quickest.get(r, 0) for r in uncovered if r not in ex.focus)
    return spent + left <= ctx.minutes * 60 * ROOM_SHARE


def choose_day(
    ctx: Context,
    day: int,
    required: Sequence[str],
    week: _Week,
    *,
    n_warmup: int,
    n_main: int,
    n_accessory: int,
    n_mobility: int,
    hard: bool = True,
) -> list[Pick]:
    """The day's items in session order: warm-up, main, accessory, mobility. On a day that
    is not `hard` (the day after or before a hard day), no heavy lower-back work."""
    rotation = _rotation(ctx.pool, day)
    pool = ctx.pool if hard else tuple(e for e in ctx.pool if not heavy_lower_back(e))
    day_focus = list(required) + [r for r in ctx.focus if r not in required]
    mains: list[Pick] = []
    taken: set[str] = set()
    # Main and accessory work: one version of an exercise a session (`variants`).
    worked: set[str] = set()
    uncovered = set(required)
    focus = set(ctx.focus)
    main_pool = [e for e in pool if "main" in e.blocks and not focus.isdisjoint(e.focus)]
    fixed = {e.id: _main_fixed(e, ctx, day_focus) for e in main_pool}
    quickest = _quickest_cover(main_pool, required, ctx)

    while len(mains) < n_main or uncovered:
        # One fast (ballistic) lift a session: each is learnt and done fresh, first.
        fast = any(p.ex.pattern == "ballistic" for p in mains)
        options = [
            e
            for e in main_pool
            if e.id not in taken and e.id not in worked and not (fast and e.pattern == "ballistic")
        ]
        if uncovered:
            covering = [e for e in options if set(e.focus) & uncovered]
            if covering:
                options = covering
            roomy = [e for e in options if _leaves_room(e, mains, uncovered, quickest, ctx)]
            if roomy and len(roomy) < len(options):
                # A tight session: the lifts that cover the most regions left, so that
                # every region fits.
                most = max(len(set(e.focus) & uncovered) for e in roomy)
                options = [e for e in roomy if len(set(e.focus) & uncovered) == most]
        scores = {e.id: _main_score(e, ctx, uncovered, fixed[e.id], mains, week) for e in options}
        best = _best(options, scores, rotation)
        if best is None:
            break
        chosen, replaced = caution_swap(best, ctx, "main")
        if chosen.id in taken or chosen.id in worked:
            chosen, replaced = best, None
        if tested_swap(chosen, ctx, "main").id not in taken:
            chosen = tested_swap(chosen, ctx, "main")
        covers = frozenset(set(chosen.focus) & uncovered)
        uncovered -= set(chosen.focus)
        taken.update({chosen.id, best.id})
        worked.update(variants(chosen, ctx))
        mains.append(Pick(chosen, "main", replaced=replaced, covers=covers))
        week.used[chosen.id] += 1
        week.patterns[chosen.pattern] += 1
        week.equipment.update(chosen.equipment)
        if not uncovered and len(mains) >= n_main:
            break

    # Two-sided pre-fatigue before the first one-sided main exercise (forum advice).
    for i, pick in enumerate(mains):
        partner = _prefatigue_partner(pick.ex, ctx, taken)
        if partner is not None:
            mains.insert(i, Pick(partner, "main", role="prefatigue"))
            taken.add(partner.id)
            break

    earlier: list[Pick] = []

    def fill(block: str, count: int, prefer_regions: Sequence[str]) -> list[Pick]:
        picks: list[Pick] = []
        prefer = set(prefer_regions)
        fixed: dict[str, tuple[float, float, float]] = {}  # see _fill_score
        for _ in range(count):
            options = [
                e
                for e in pool
                if block in e.blocks
                and e.id not in taken
                and not (block == "accessory" and e.id in worked)
                and (not focus.isdisjoint(e.focus) or block == "mobility")
            ]
            scores: dict[str, float] = {}
            patterns = {p.ex.pattern for p in picks + mains + earlier}
            for e in options:
                parts = fixed.get(e.id)
                if parts is None:
                    parts = fixed[e.id] = _fill_score(e, block, prefer, focus, ctx.caution)
                s = parts[0] - 12.0 * week.used[e.id]
                if e.pattern in patterns:
                    s -= 25.0
                if parts[1]:
                    s -= parts[1]
                if parts[2]:
                    s += parts[2]
                scores[e.id] = s
            best = _best(options, scores, rotation)
            if best is None:
                break
            chosen, replaced = caution_swap(best, ctx, block)
            if chosen.id in taken or (block == "accessory" and chosen.id in worked):
                chosen, replaced = best, None
            if block in ("main", "accessory") and tested_swap(chosen, ctx, block).id not in taken:
                chosen = tested_swap(chosen, ctx, block)
            taken.update({chosen.id, best.id})
            if block == "accessory":
                worked.update(variants(chosen, ctx))
            week.used[chosen.id] += 1
            picks.append(Pick(chosen, block, replaced=replaced))
        earlier.extend(picks)
        return picks

    main_regions = {r for p in mains for r in p.ex.focus}
    other_regions = [r for r in ctx.focus if r not in main_regions] + list(required)
    warmups = fill("warmup", n_warmup, day_focus)
    accessories = fill("accessory", n_accessory, other_regions)
    mobility = fill("mobility", n_mobility, day_focus)
    items = warmups + mains + accessories + mobility

    # Rule 3 needs one-sided work: keep the first one-sided main or accessory item through
    # time fitting, or add one the person can do.
    one_sided = [p for p in items if p.ex.unilateral and p.block in ("main", "accessory")]
    known = ctx.weak is not None or any(v is not None for v in ctx.region_weak.values())
    if known and one_sided:
        one_sided[0].protected = True
    elif known:
        options = [
            e
            for e in pool
            if e.unilateral
            and ctx.weak_for(e) is not None
            and e.id not in taken
            and e.id not in worked
            and ("accessory" in e.blocks or "main" in e.blocks)
            and not (e.pattern == "ballistic" and any(p.ex.pattern == "ballistic" for p in items))
            # not the easier version of a tested exercise the weaker side already does
            and tested_swap(e, ctx, "accessory" if "accessory" in e.blocks else "main") is e
        ]
        scores = {e.id: 10.0 * len(set(e.focus) & set(ctx.focus)) for e in options}
        best = _best(options, scores, rotation)
        if best is not None:
            block = "accessory" if "accessory" in best.blocks else "main"
            at = sum(1 for p in items if BLOCKS.index(p.block) <= BLOCKS.index(block))
            items.insert(at, Pick(best, block, role="balance", protected=True))
    return items


def new_week() -> _Week:
    return _Week()


def _same_kind(a: Exercise, b: Exercise) -> bool:
    """Exercises that can stand in for each other: the same pattern, regions, sides and
    measure, both heavy lower-back work or neither (so a heavy day stays one, a light one
    light)."""
    return (
        a.pattern == b.pattern
        and set(a.focus) == set(b.focus)
        and a.focus[:1] == b.focus[:1]
        and a.unilateral == b.unilateral
        and a.measure == b.measure
        and heavy_lower_back(a) == heavy_lower_back(b)
    )


def _easier_variant(other: Exercise, ex: Exercise, ctx: Context) -> bool:
    """Whether `other` leads to `ex` through its chain of harder variants (side plank from
    the knees -> side plank): a step back, which no later cycle takes."""
    seen: set[str] = set()
    step = other.harder
    while step and step not in seen:
        if step == ex.id:
            return True
        seen.add(step)
        nxt = ctx.by_id.get(step)
        step = nxt.harder if nxt is not None else None
    return False


def sibling(pick: Pick, ctx: Context, taken: set[str]) -> Exercise | None:
    """The exercise a later cycle of a long block does instead of the pick's: its harder
    variant when that is the same kind of exercise (not with pain), else the first exercise of
    the same kind in the pool (at no higher level, with pain) that the week does not use yet
    and that is not an easier variant of it; None when there is none (the pick stays)."""
    ex = pick.ex
    if (
        pick.role != "normal"
        or pick.replaced is not None
        or pick.block not in ("main", "accessory")
    ):
        return None
    harder = ctx.by_id.get(ex.harder) if ex.harder and not ctx.caution else None
    if (
        harder is not None
        and harder.id in ctx.pool_ids
        and harder.id not in taken
        and pick.block in harder.blocks
        and _same_kind(ex, harder)
    ):
        return harder
    rank = level_rank(ex.level) if ctx.caution else level_rank(ctx.experience)
    return next(
        (
            other
            for other in ctx.pool
            if other.id != ex.id
            and other.id not in taken
            and pick.block in other.blocks
            and level_rank(other.level) <= rank
            and _same_kind(ex, other)
            and not _easier_variant(other, ex, ctx)
        ),
        None,
    )


def later_cycle_picks(days: Sequence[Sequence[Pick]], ctx: Context) -> list[list[Pick]]:
    """Each day's picks for the alternate cycles of a long block: every main and accessory
    exercise that has a sibling (`sibling`) changes to it, each sibling used once a week."""
    taken = {p.ex.id for picks in days for p in picks}
    out: list[list[Pick]] = []
    for picks in days:
        day: list[Pick] = []
        for p in picks:
            new = sibling(p, ctx, taken)
            others = [
                q.ex for q in [*picks, *day] if q is not p and q.block in ("main", "accessory")
            ]
            if new is not None and any(new.id in variants(o, ctx) for o in others):
                new = None  # one version of an exercise a session
            if new is None:
                day.append(p)
            else:
                taken.add(new.id)
                day.append(replace(p, ex=new))
        out.append(day)
    return out
