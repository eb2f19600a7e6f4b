"""plan(profile) -> dict: the pipeline screen -> assess -> select -> schedule -> progress."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._advice import with_advice
from ._assess import (
    NORMAL_BELOW_PCT,
    asymmetry,
    derive_weak_side,
    index_pct,
    region_weak_sides,
    self_test,
)
from ._catalogue import CONDITIONING, Exercise, catalogue_by_id, catalogue_families, load_catalogue
from ._explain import explanation
from ._extras import add_extras
from ._items import ItemMaker
from ._profile import Profile, parse_profile
from ._progress import (
    VARIETY_MIN_WEEKS,
    WeekInfo,
    last_training_week,
    range_top,
    week_infos,
    week_note,
)
from ._schedule import (
    Slot,
    covers,
    dose_range,
    fill_up,
    fit,
    full_rests,
    heaviest_weeks,
    least_seconds,
    make_slot,
    order_slots,
    session_seconds,
)
from ._screen import caution as is_caution
from ._screen import screen, stop_rules
from ._select import (
    Context,
    Pick,
    caution_swap,
    choose_day,
    day_regions,
    eligible,
    later_cycle_picks,
    new_week,
    self_test_picks,
)
from ._sources import load_sources
from ._summary import retest, rules_lines, session_title, summary
from ._version import __version__
from ._vocab import hard_days
from ._volume import WeekSets, trim_to_cap
from ._walk import WALK, add_walks, walk_explanation

PLAN_VERSION = 1


def _counts(minutes: int, schedule: str) -> dict[str, int]:
    warmups = 1 if minutes < 30 else 2
    return {
        "n_warmup": 0 if schedule == "add_on" else warmups,
        "n_main": 2 if minutes < 45 else (3 if minutes < 75 else 4),
        "n_accessory": 1 if minutes < 45 else (2 if minutes < 75 else 3),
        # Longer sessions end with a longer cool-down (stretches count in no weekly limit).
        "n_mobility": 1 if minutes < 45 else (2 if minutes < 75 else 3),
    }


def _copy(slots: Sequence[Slot]) -> list[Slot]:
    return [s.copy() for s in slots]


def _side_work(weeks: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    work = {"left": 0, "right": 0}
    for week in weeks:
        for session in week["sessions"]:
            for it in session["items"]:
                for side in it.get("sides", ()):
                    work[side["side"]] += side["sets"] * side.get("reps", side.get("seconds", 0))
    return work


def _context(profile: Profile, weak: str | None, region_weak: Mapping[str, str | None]) -> Context:
    catalogue = load_catalogue()
    caution = is_caution(profile.pain)
    equipment = frozenset(profile.equipment)
    # Added after the person's own workout: no fast lifts, which need a fresh start. The walk
    # is no back work: it is added last, to the minutes left (_walk.add_walks), never picked.
    pool = tuple(
        e
        for e in eligible(catalogue, equipment, profile.experience, caution=caution)
        if not (profile.schedule == "add_on" and e.pattern == "ballistic")
        and e.pattern != CONDITIONING
    )
    least = {e.id: least_seconds(e, profile.goal) for e in pool}
    return Context(
        focus=profile.focus,
        equipment=equipment,
        experience=profile.experience,
        weak=weak,
        caution=caution,
        minutes=profile.minutes_per_session,
        # A lift that alone cannot fit in the session's minutes is left out.
        pool=tuple(e for e in pool if least[e.id] <= profile.minutes_per_session * 60),
        by_id=catalogue_by_id(),
        goal=profile.goal,
        schedule=profile.schedule,
        region_weak=region_weak,
        tested={
            self_test(t.test).exercise: min(t.left, t.right)
            for t in profile.tests
            if self_test(t.test).exercise
        },
        least=least,
        families=catalogue_families(),
    )


class _Builder:
    def __init__(
        self, profile: Profile, weak: str | None, region_weak: Mapping[str, str | None]
    ) -> None:
        self.profile = profile
        self.ctx = _context(profile, weak, region_weak)
        self.infos = week_infos(profile.weeks)
        self.regions = day_regions(profile.focus, profile.days_per_week)
        week = new_week()
        hard = hard_days(profile.days_per_week)
        counts = _counts(profile.minutes_per_session, profile.schedule)
        self.picks: list[list[Pick]] = with_advice(
            [
                choose_day(self.ctx, d, self.regions[d], week, hard=d in hard, **counts)
                for d in range(profile.days_per_week)
            ],
            self.regions,
            self.ctx,
        )
        done = [t.test for t in profile.tests]
        start = self_test_picks(self.ctx) if weak is None and not done else []
        final = self_test_picks(self.ctx, done)
        if self.ctx.caution:
            # Only tests of exercises the plan itself keeps at this pain level.
            start = [t for t in start if caution_swap(t.ex, self.ctx, "main")[1] is None]
            final = [t for t in final if caution_swap(t.ex, self.ctx, "main")[1] is None]
        self.start_tests = start
        self.final_tests = final
        # Long blocks change exercises from one cycle to the next (odd cycles: siblings).
        self.alt_picks = (
            later_cycle_picks(self.picks, self.ctx)
            if profile.weeks >= VARIETY_MIN_WEEKS and any(i.cycle for i in self.infos)
            else None
        )
        self.variety = self.alt_picks is not None
        self._templates: dict[tuple[bool, bool, bool], list[list[Slot]]] = {}

    def alternate(self, info: WeekInfo) -> bool:
        """Whether the week `info` does the later cycles' exercises."""
        return self.variety and info.cycle % 2 == 1

    def templates(self, late_bonus: bool, alt: bool = False) -> list[list[Slot]]:
        """Each day's slots, fitted and filled (worked out once per late_bonus, set of
        exercises and variety: the weeks only read them)."""
        key = (late_bonus, alt, self.variety)
        known = self._templates.get(key)
        if known is None:
            known = self._templates[key] = self._make_templates(late_bonus, alt)
        return known

    def _make_templates(self, late_bonus: bool, alt: bool) -> list[list[Slot]]:
        out: list[list[Slot]] = []
        days = self.alt_picks if alt and self.alt_picks is not None else self.picks
        # The weeks that bound the others' times and sets (`heaviest_weeks`), worked out once.
        infos = heaviest_weeks([i for i in self.infos if self.alternate(i) == alt])
        day_slots = [[make_slot(p, self.ctx) for p in picks] for picks in days]
        if late_bonus:
            # A main item's weak side takes it, else an accessory's (counted in the weekly
            # limits and fitted below).
            with_weak = [s for slots in day_slots for s in slots if s.weak_extra]
            for block in ("main", "accessory"):
                chosen = next((s for s in with_weak if s.pick.block == block), None)
                if chosen is not None:
                    chosen.late_bonus = True
                    break
        for d, slots in enumerate(day_slots):
            out.append(self._fit(slots, d, infos))
        trim_to_cap(out, infos, self.ctx)
        tally = WeekSets(out, infos, self.ctx)
        minutes = self.profile.minutes_per_session
        for slots in out:
            fill_up(slots, minutes, infos, self.ctx, tally)
        # The added work takes sets too, as far as the minutes and weekly limits allow (the
        # other days have nothing new that could: their items already stopped, and the
        # weekly counts only grew).
        for d in add_extras(out, self.regions, minutes, infos, self.ctx, tally):
            fill_up(out[d], minutes, infos, self.ctx, tally)
        for slots in out:
            full_rests(slots, minutes, infos, self.ctx)
        if late_bonus and not any(s.late_bonus for slots in out for s in slots):
            self._bonus_hold(out)
        return out

    def _bonus_hold(self, days: Sequence[Sequence[Slot]]) -> None:
        """Where no main or accessory item kept a weak side, a warm-up's or stretch's weak
        side takes the last training week's extra set (in no weekly limit), if its session
        still fits the minutes."""
        last = next(i for i in reversed(self.infos) if not i.deload)
        budget = self.profile.minutes_per_session * 60
        for slots in days:
            for s in slots:
                if s.weak_extra and s.pick.block in ("warmup", "mobility"):
                    s.late_bonus = True
                    if session_seconds(slots, last, self.ctx) <= budget:
                        return
                    s.late_bonus = False

    def _fit(self, slots: list[Slot], day: int, infos: Sequence[WeekInfo]) -> list[Slot]:
        return fit(
            slots,
            self.profile.minutes_per_session,
            self.regions[day],
            infos,
            self.ctx,
            keep_one_test=False,
        )

    def variant(
        self, base: Sequence[Slot], tests: Sequence[Pick], day: int, info: WeekInfo
    ) -> list[Slot]:
        """The day's session with self-tests added; as many tests as fit without losing
        the day's regions (fewer, or none, when time is short). A tested exercise is not
        trained again that day, the test being its work (it trains the same regions),
        unless it is the session's last main work."""
        fitted: list[Slot] = []
        for count in range(len(tests), -1, -1):
            tested = {p.ex.id for p in tests[:count]}
            kept = _copy(base)
            for s in reversed(list(kept)):
                mains = sum(1 for x in kept if x.pick.block == "main")
                if s.ex.id in tested and (s.pick.block != "main" or mains > 1):
                    kept.remove(s)  # a session keeps one main item at least
            slots = [make_slot(p, self.ctx) for p in tests[:count]] + kept
            fitted = fit(
                slots,
                self.profile.minutes_per_session,
                self.regions[day],
                [info],
                self.ctx,
                keep_one_test=False,
            )
            if covers(fitted, self.regions[day]) or not covers(base, self.regions[day]):
                break
        return order_slots(fitted)

    def weeks(self, *, late_bonus: bool, final_tests: bool) -> list[dict[str, Any]]:
        maker = ItemMaker(
            self.ctx, compared=bool(self.profile.tests), started=bool(self.start_tests)
        )
        days = self.profile.days_per_week
        n_weeks = self.profile.weeks
        out: list[dict[str, Any]] = []
        self.seen: dict[str, tuple[Exercise, list[str], list[tuple[int, int]]]] = {}
        noted: dict[int, list[Slot]] = {}  # slot lists already noted (kept alive by their id)
        sets: dict[bool, tuple[list[list[Slot]], list[list[Slot]], list[str]]] = {}
        for info in self.infos:
            alt = self.alternate(info)
            known = sets.get(alt)
            if known is None:
                templates = self.templates(late_bonus, alt)
                ordered = [order_slots(t) for t in templates]
                titles = [self.title(slots, d, has_tests=False) for d, slots in enumerate(ordered)]
                known = sets[alt] = (templates, ordered, titles)
            templates, ordered, titles = known
            sessions: list[dict[str, Any]] = []
            for d in range(days):
                slots: list[Slot] = ordered[d]
                first = info.week == 1 and d == 0
                final = info.week == n_weeks and d == days - 1
                tests: list[Pick] = []
                if first and self.start_tests:
                    tests += self.start_tests
                if final and final_tests:
                    tests += [t for t in self.final_tests if t not in tests]
                if tests:
                    slots = self.variant(templates[d], tests, d, info)
                if id(slots) not in noted:  # the same day's slots add nothing new
                    noted[id(slots)] = slots
                    self.note_seen(slots)
                items = [maker.item(s, info, final=final) for s in slots]
                seconds = sum(it["estimated_seconds"] for it in items)
                sessions.append(
                    {
                        "day": d + 1,
                        "title": self.title(slots, d, has_tests=True) if tests else titles[d],
                        "estimated_minutes": -(-seconds // 60),
                        "items": items,
                    }
                )
            out.append(
                {
                    "week": info.week,
                    "deload": info.deload,
                    "note": _week_note(info, n_weeks, self.ctx.caution, self.ctx.weak),
                    "sessions": sessions,
                }
            )
        return out

    def note_seen(self, slots: Sequence[Slot]) -> None:
        """Each exercise's blocks and progression range, in order of first appearance."""
        for s in slots:
            seen = self.seen.get(s.ex.id)
            if seen is None:
                seen = self.seen[s.ex.id] = (s.ex, [], [])
            _, blocks, ranges = seen
            if s.pick.block not in blocks:
                blocks.append(s.pick.block)
            progressing = s.progresses and not s.capped and s.pick.role == "normal"
            if progressing and s.pick.block in ("main", "accessory") and not ranges:
                top = range_top(
                    s.low, s.high, self.infos[0], measure=s.ex.measure, caution=self.ctx.caution
                )
                ranges.append((s.low, top))

    def explanations(self) -> dict[str, str]:
        """Each exercise's full note, once, in order of first appearance (after weeks())."""
        return {
            ex_id: explanation(
                ex, self.ctx, blocks=blocks, progression=ranges[0] if ranges else None
            )
            for ex_id, (ex, blocks, ranges) in self.seen.items()
        }

    def title(self, slots: Sequence[Slot], day: int, *, has_tests: bool) -> str:
        trained = list(self.regions[day])
        for s in slots:
            if s.pick.block == "main":
                trained += [r for r in s.ex.focus if r in self.profile.focus and r not in trained]
        title = session_title(trained, has_tests=has_tests)
        if self.profile.schedule == "add_on":
            return f"Add after your own workout {day + 1}: {title[:1].lower()}{title[1:]}"
        return title


def _week_note(info: WeekInfo, weeks: int, caution: bool, weak: str | None) -> str:
    return week_note(info, weeks, caution=caution, weak_known=weak is not None)


def _group_work(weeks: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """{item weak side: {side: work}} over the items with a known weak side."""
    out: dict[str, dict[str, int]] = {}
    for week in weeks:
        for session in week["sessions"]:
            for it in session["items"]:
                weak = it.get("weak_side")
                if weak is None:
                    continue
                work = out.setdefault(weak, {"left": 0, "right": 0})
                for side in it["sides"]:
                    work[side["side"]] += side["sets"] * side.get("reps", side.get("seconds", 0))
    return out


def _weak_sum(groups: Mapping[str, Mapping[str, int]]) -> int:
    """A week's weak-side work (its `_group_work`)."""
    return sum(w[side] for side, w in groups.items())


def _rules_hold(weeks: Sequence[Mapping[str, Any]], weak: str | None, n_weeks: int) -> bool:
    """Rule 3 for each group of items sharing a weak side; rule 6 over all of them."""
    per_week = [_group_work([week]) for week in weeks]
    groups: dict[str, dict[str, int]] = {}
    for week_groups in per_week:  # in the order _group_work(weeks) would meet them
        for side, work in week_groups.items():
            total = groups.setdefault(side, {"left": 0, "right": 0})
            total["left"] += work["left"]
            total["right"] += work["right"]
    for side, work in groups.items():
        strong = "right" if side == "left" else "left"
        if work[side] <= work[strong]:
            return False
    if groups and n_weeks >= 3:
        last = last_training_week(n_weeks)
        if _weak_sum(per_week[last - 1]) <= _weak_sum(per_week[0]):
            return False
    return True


_PLAN_SOURCES = (
    "ratamess2009",
    "manca2017",
    "lynch2023",
    "baroni2016",
    "calatayud2016",
    "schoenfeld2018",
    "schoenfeld2017a",
    "schoenfeld2017b",
    "refalo2023",
    "bazvalle2022",
    "haff2016",
    "mcgill2016",
    "niemelainen2011",
    "negrini2018",
    "nhs_backpain",
    "common_practice",
)
_TEST_SOURCES = ("markstrom2023", "juanrecio2022", "mcgill1999")
_REFER_SOURCES = ("nhs_backpain", "parq2023")


def _with_walk(
    explanations: Mapping[str, str], weeks: Sequence[Mapping[str, Any]]
) -> dict[str, str]:
    """The notes with the walk's, all in order of first appearance (a session without spare
    minutes has no walk, so the walk's note need not come first)."""
    order = dict.fromkeys(it["exercise"] for w in weeks for s in w["sessions"] for it in s["items"])
    notes = dict(explanations)
    if WALK in order:
        notes[WALK] = walk_explanation()
    return {ex_id: notes[ex_id] for ex_id in order if ex_id in notes}


def cited(keys: Sequence[str]) -> list[str]:
    """The keys in order, each once; a key missing from sources.toml is an error, never
    dropped (a plan must not cite what the references page cannot show)."""
    known = load_sources()
    ordered: list[str] = []
    for key in keys:
        if key not in known:
            raise LookupError(f"the plan cites {key!r}, which is not in data/sources.toml")
        if key not in ordered:
            ordered.append(key)
    return ordered


def _sources(keys: Sequence[str], weeks: Sequence[Mapping[str, Any]]) -> list[str]:
    by_id = catalogue_by_id()
    # Each exercise once, in order of first appearance: its later items add no new source.
    exercises = dict.fromkeys(
        it["exercise"] for week in weeks for session in week["sessions"] for it in session["items"]
    )
    return cited([*keys, *(key for ex_id in exercises for key in by_id[ex_id].sources)])


def refresh_explanations(result: Mapping[str, Any]) -> dict[str, str]:
    """The explanations of a plan whose items were changed after planning (the next block's
    variants): the ones it had for exercises still there, a new one for each new exercise,
    in order of first appearance."""
    p = parse_profile(result["profile"])
    region_weak = region_weak_sides(p.test_triples(), stated=result["weak_side_source"] == "stated")
    ctx = _context(p, result["weak_side"], region_weak)
    had: Mapping[str, str] = result.get("explanations") or {}
    blocks: dict[str, list[str]] = {}
    for week in result["weeks"]:
        for session in week["sessions"]:
            for it in session["items"]:
                seen = blocks.setdefault(it["exercise"], [])
                if it["block"] not in seen:
                    seen.append(it["block"])
    out: dict[str, str] = {}
    for ex_id, in_blocks in blocks.items():
        if ex_id in had:
            out[ex_id] = had[ex_id]
            continue
        ex = ctx.by_id[ex_id]
        block = next((b for b in in_blocks if b in ("main", "accessory")), None)
        progression = dose_range(ex, block, p.goal) if block else None
        out[ex_id] = explanation(ex, ctx, blocks=in_blocks, progression=progression)
    return out


def plan(profile: Profile | Mapping[str, Any]) -> dict[str, Any]:
    """Plan a block of training for a profile (a Profile or a JSON-like mapping).

    Raises ProfileError when the profile is invalid. Deterministic: no clock, no randomness.
    """
    p = parse_profile(profile)
    triples = p.test_triples()
    asym = asymmetry(triples)
    if p.weak_side in ("left", "right"):
        weak: str | None = p.weak_side
        source: str | None = "stated"
    else:
        # Tests within normal variation do not choose a side (each region's own rule).
        weak = derive_weak_side(t for t in triples if index_pct(t[1], t[2]) >= NORMAL_BELOW_PCT)
        source = "tests" if weak else None
    base: dict[str, Any] = {
        "version": PLAN_VERSION,
        "planner_version": __version__,
    }
    referral = screen(p.red_flags, p.pain)
    if referral is not None:
        return {
            **base,
            "status": "refer",
            "profile": p.to_dict(),
            **referral.to_dict(),
            "weak_side": weak,
            "weak_side_source": source,
            "asymmetry": asym,
            "stop_rules": [],
            "sources": cited((*referral.sources, *_REFER_SOURCES)),
            "weeks": [],
        }
    region_weak = region_weak_sides(triples, stated=source == "stated")
    builder = _Builder(p, weak, region_weak)
    # Rule 3 or 6 can fail where the plan's extra weak-side set, its final tests or (in long
    # blocks) the later cycles' other exercises tip the balance: each is given up in turn, the
    # change of exercises last, until both hold.
    attempts = ((False, True), (True, True), (True, False), (False, False))
    weeks: list[dict[str, Any]] = []
    final_tests = True
    for variety in (True, False)[: 2 if builder.variety else 1]:
        builder.variety = variety
        for late_bonus, final_tests in attempts:
            weeks = builder.weeks(late_bonus=late_bonus, final_tests=final_tests)
            if _rules_hold(weeks, weak, p.weeks):
                break
        else:
            continue
        break
    weeks = add_walks(
        weeks,
        minutes=p.minutes_per_session,
        days_per_week=p.days_per_week,
        schedule=p.schedule,
        caution=builder.ctx.caution,
    )
    final_items = weeks[-1]["sessions"][-1]["items"]
    in_final = any("self_test" in it for it in final_items)
    keys = list(_PLAN_SOURCES) + (list(_TEST_SOURCES) if asym or in_final else [])
    return {
        **base,
        "status": "ok",
        "profile": p.to_dict(),
        "weak_side": weak,
        "weak_side_source": source,
        "caution": builder.ctx.caution,
        "asymmetry": asym,
        "summary": summary(
            p,
            weak,
            source,
            asym,
            weeks,
            builder.ctx.caution,
            any("self_test" in it for it in weeks[0]["sessions"][0]["items"])
            and bool(builder.start_tests),
            rules_lines(
                p, weak, region_weak, weeks, {e.id: e.focus for e in builder.ctx.by_id.values()}
            ),
        ),
        "stop_rules": stop_rules(p.pain),
        "retest": retest(p, weak, in_final, final_items),
        "sources": _sources(keys, weeks),
        "explanations": _with_walk(builder.explanations(), weeks),
        "weeks": weeks,
    }


__all__ = ["plan"]
