"""The plan's prose: the summary ("why this plan"), the re-test advice and session titles.

Pure functions of the profile and the weeks the pipeline (`_engine`) built.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._advice import BACK_EXTENSION_WORK
from ._assess import BANDS_BASIS, TESTS, self_test
from ._catalogue import catalogue_by_id
from ._profile import Profile
from ._progress import DELOAD_EVERY, cycle_lengths, deload_weeks
from ._screen import caution as is_caution
from ._vocab import REGION_WORDS, hard_days, lower_first
from ._volume import MUSCLE_WEEKLY_SETS, week_sets, weekly_cap
from ._walk import walk_cap_seconds, walk_minutes
from ._wording import human_list, regions_text

TIME_LINE_START = "Week 1's "  # every line of time_lines() starts so
FULL_SHARE_TENTHS = 8  # a week-1 session under 80% of the time given says why


def session_title(regions: Sequence[str], *, has_tests: bool) -> str:
    """ "Lower back and hips", or "Self-tests, then lower back and hips"."""
    text = regions_text(regions)
    text = text[:1].upper() + text[1:]
    return f"Self-tests, then {lower_first(text)}" if has_tests else text


def _region(region: str) -> str:
    return REGION_WORDS.get(region, region.replace("_", " "))


def rules_lines(
    profile: Profile,
    weak: str | None,
    region_weak: Mapping[str, str | None],
    weeks: Sequence[Mapping[str, Any]],
    focus_of: Mapping[str, Sequence[str]],
) -> list[str]:
    """The rules that shaped this plan in particular: regions whose self-tests chose their
    own weak side (or even work), goal, schedule, easy days, order, rests, weekly sets."""
    out: list[str] = []
    for region, side in region_weak.items():
        if side is None:
            out.append(
                f"Your self-tests put your {_region(region)} sides within normal variation "
                "(under 10% apart), so one-sided work for that region is even: the same sets "
                "and reps on both sides, left first."
            )
        elif side != weak:
            out.append(
                f"Your self-tests put your {side} side behind for the {_region(region)}, so "
                f"its one-sided work starts on, and gives the extra set to, the {side} side."
            )
    tested = {self_test(t.test).exercise: t for t in profile.tests}
    measured = [
        it["name"]
        for session in (weeks[0]["sessions"] if weeks else [])
        for it in session["items"]
        if it["exercise"] in tested
        and "self_test" not in it
        and it["block"] in ("main", "accessory")
    ]
    if measured:
        out.append(
            f"Your self-tests measured the {lower_first(measured[0])} itself, so it starts at "
            "about 60% of your weaker side's result, within its range (a rule of thumb; common "
            "practice), and its easier version is left out when your weaker side already "
            "reaches the bottom of its range."
        )
    if profile.goal == "muscle":
        out.append(
            "Goal: muscle. Main work is loaded where your equipment allows, in 6-15 reps taken "
            "to one or two reps short of your limit (light and heavy loads build muscle alike "
            "when sets are hard: Schoenfeld et al. 2017b; Refalo et al. 2023)."
        )
    elif profile.goal == "endurance":
        out.append(
            "Goal: endurance. Longer holds and higher reps with shorter rests, for back health "
            "(McGill 2016)."
        )
    if profile.schedule == "add_on":
        out.append(
            "These are short blocks to add after workouts you already do, so there is no "
            "second general warm-up: each block's title says which of your own sessions it "
            "follows (your first, second... workout of the week)."
        )
    if hard_days(profile.days_per_week) != frozenset(range(profile.days_per_week)):
        hard = sorted(d + 1 for d in hard_days(profile.days_per_week))
        out.append(
            f"Heavy lower-back work (loaded hinges and back extensions) is only on sessions "
            f"{human_list([str(d) for d in hard])}; the sessions between are easier days, so "
            "the same muscles are never loaded hard on consecutive days (recovery; Haff & "
            "Triplett 2016)."
        )
    out.append(
        "Each session goes warm-up, then one fast or technical lift at most, then two-sided "
        "heavy work, then one-sided work, accessories, and mobility last; rests follow the "
        "lift: about 3 "
        "minutes for a heavy barbell hinge, 2 for other barbell and fast lifts, 90 seconds for "
        "loaded work (2 minutes for a loaded main lift when the session has time) and under "
        "a minute for body-weight work (Ratamess et al. 2009)."
    )
    peak = max(
        (w for w in weeks if not w["deload"]),
        key=lambda w: sum(week_sets(w["sessions"], focus_of).values()),
        default=None,
    )
    if peak is not None:
        counts = week_sets(peak["sessions"], focus_of)
        most = max(counts.values(), default=0)
        cap = weekly_cap(
            profile.experience, profile.days_per_week, caution=is_caution(profile.pain)
        )
        out.append(
            f"Hard sets (main and accessory) stay at {cap} or fewer a week for any region and "
            f"side at your level (this plan's most: {most:g}; a set counts in full for the main "
            "region it trains, half for the others): 12-20 a week is where the volume "
            "studies of trained people found the most muscle growth (Baz-Valle et al. 2022), "
            "and newer lifters progress on fewer (Ratamess et al. 2009)."
        )
        out += time_lines(profile, weeks[0]["sessions"] if weeks else [])
        if profile.goal == "muscle":
            for region in profile.focus:
                sides = [
                    s
                    for s in ("left", "right")
                    if s == (region_weak.get(region, weak) if region in region_weak else weak)
                ] or ["left", "right"]
                n = min(counts.get((region, s), 0) for s in sides)
                if n < MUSCLE_WEEKLY_SETS:
                    out.append(
                        f"Your time gives the {_region(region)} {n:g} hard sets a week"
                        + (f" on the {sides[0]} side" if len(sides) == 1 else " a side")
                        + f"; {MUSCLE_WEEKLY_SETS} or more a week grew the most muscle "
                        "(Schoenfeld et al. 2017a), so more sessions or more minutes would "
                        "help."
                    )
    return out


def _span(values: Sequence[int]) -> str:
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}-{high}"


def time_lines(profile: Profile, sessions: Sequence[Mapping[str, Any]]) -> list[str]:
    """How week 1 uses the time given: its back work, the walk that takes the rest, and why
    a session still ends short of the time."""
    budget = profile.minutes_per_session
    used = [x["estimated_minutes"] for x in sessions]
    if not used:
        return []
    walks = walk_minutes(sessions)
    back = [u - w for u, w in zip(used, walks, strict=True)]
    if is_caution(profile.pain):
        why = (
            "with back pain today the plan keeps its back work short and its weekly numbers "
            "lower on purpose"
        )
    elif profile.schedule == "add_on":
        why = "it is added to your own workouts, so it stays short"
    else:
        why = (
            "more hard sets would go past the weekly numbers above, or past the most sets an "
            "exercise gets (five for main work, four for accessories)"
        )
        if hard_days(profile.days_per_week) != frozenset(range(profile.days_per_week)):
            why += ", and the easier days keep heavy lower-back work off them"
    out: list[str] = []
    if any(walks):
        walked = [w for w in walks if w]
        capped = min(used) * 10 < budget * FULL_SHARE_TENTHS
        takes = (
            f"A brisk walk takes {_span(walked)} minutes of the rest ({sum(walks)} in the week)"
            if capped
            else f"A brisk walk takes the rest ({_span(walked)} minutes, {sum(walks)} in the week)"
        )
        out.append(
            f"Week 1's back work takes about {_span(back)} of your {budget} minutes: {why}. "
            f"{takes}, as the warm-up or later that day: walking helped people who had "
            "recovered from back pain stay free of it longer (Pocovi et al. 2024), and the WHO "
            "advises 150-300 minutes a week (WHO 2020)."
        )
        if capped:
            out.append(
                f"Week 1's sessions take {_span(used)} of your {budget} minutes because a walk "
                f"stops at {walk_cap_seconds(profile.days_per_week) // 60} minutes a session, "
                "so that the week's walking stays within 300 minutes, the top of that range; "
                "more is your choice, not something your back needs from this plan."
            )
    elif min(used) * 10 < budget * FULL_SHARE_TENTHS:
        shortest = f", the shortest {min(used)}" if min(used) != max(used) else ""
        spare = (
            "Use the spare time in your own workout, or choose more regions."
            if profile.schedule == "add_on"
            else "Choose more regions to use more of it."
        )
        out.append(
            f"Week 1's longest session takes about {max(used)} of your {budget} "
            f"minutes{shortest}: {why}. {spare}"
        )
    return out


def summary(
    profile: Profile,
    weak: str | None,
    source: str | None,
    asym: Mapping[str, Mapping[str, Any]],
    weeks: Sequence[Mapping[str, Any]],
    caution: bool,
    start_tests: bool,
    rules: Sequence[str] = (),
) -> list[str]:
    """Why this plan, one sentence each: the weak side, the tests, the regions, the safety
    and progression rules, and what the evidence does and does not show."""
    out: list[str] = []
    if weak is not None:
        strong = "right" if weak == "left" else "left"
        why = (
            f"You said your {weak} side is the weaker one"
            if source == "stated"
            else f"Your self-tests put your {weak} side behind overall"
        )
        out.append(
            f"{why}, so every one-sided exercise starts on the {weak} side, the {strong} side "
            f"never does more sets or more reps (or seconds) than the {weak} side, and the "
            f"{weak} side gets an extra set (weak side first, match the reps: advice from "
            "lifters on a training forum; common practice)."
        )
    elif start_tests:
        out.append(
            "You are not sure which side is weaker, so the plan starts with a test session "
            "(week 1, day 1) and is otherwise balanced: equal work on both sides, left side "
            "first. Plan again with your test results to get a weak-side plan."
        )
    elif not profile.tests:
        out.append(
            "You are not sure which side is weaker, so the plan is balanced: equal work on both "
            "sides, left side first. The self-tests did not fit in your session time: do them "
            "on a separate day (see the self-test pages), then plan again with your results to "
            "get a weak-side plan."
        )
    else:
        out.append(
            "Your self-test results are even overall, so both sides get equal work, left side "
            "first. Re-test at the end of the block."
        )
    for test_id, entry in asym.items():
        t = self_test(test_id)
        weaker = entry["weaker"]
        diff = (
            f"the {weaker} side is {entry['index_pct']}% lower"
            if weaker
            else "both sides are equal"
        )
        out.append(
            f"{t.name}: left {entry['left']}, right {entry['right']} {t.unit}; {diff} "
            f"({entry['band']})."
        )
    if asym:
        out.append(BANDS_BASIS)
    out.extend(rules)
    regions = regions_text(profile.focus)
    out.append(
        f"Each week trains every region you chose ({regions}), in sessions of warm-up, main "
        f"work, accessory work and mobility that fit in {profile.minutes_per_session} minutes."
    )
    if caution:
        out.append(
            f"Your back pain at rest is {profile.pain} out of 10, so the plan uses easier "
            "versions, holds rather than fast reps, fewer sets, targets that stop at the middle "
            "of each range, and strict stop rules; its self-tests are only of exercises the "
            "plan keeps, done two or three reps short of your limit. If the pain rises to 7 or "
            "more, stop and see a GP or physiotherapist."
        )
    if any(
        "Both sides together first" in it["notes"]
        for w in weeks[:1]
        for s in w["sessions"]
        for it in s["items"]
    ):
        out.append(
            "Where your level allows, a two-sided exercise comes first to tire the stronger "
            "side, then the one-sided work (lifters' advice; common practice, not tested in "
            "studies)."
        )
    by_id = catalogue_by_id()
    rotators = [
        by_id[it["exercise"]].pattern in ("stretch", "mobility")
        for s in weeks[0]["sessions"]
        for it in s["items"]
        if "hip_external_rotators" in by_id[it["exercise"]].muscles_primary
    ]
    advice = []
    if "hips" in profile.focus and True in rotators and False in rotators:
        advice.append("hip-rotator work and a piriformis stretch for your hips")
    if "lower_back" in profile.focus and any(
        it["exercise"] in BACK_EXTENSION_WORK for s in weeks[0]["sessions"] for it in s["items"]
    ):
        advice.append("a single-leg back extension or reverse hyper for your lower back")
    if advice:
        out.append(
            f"Every week has {human_list(advice)}, as lifters on a training forum advise for "
            "an uneven back (common practice, not tested in trials)."
        )
    deloads = sorted(deload_weeks(profile.weeks))
    lengths = cycle_lengths(profile.weeks)
    cycles = (
        f"; the block's training weeks run in {len(lengths)} cycles of "
        f"{human_list([str(n) for n in lengths])} weeks, each starting at the bottom again with "
        "the next step up"
        if len(lengths) > 1
        else ""
    )
    stretch = (
        ", and stretches hold longer from one cycle to the next"
        if len(lengths) > 1
        else "; stretches keep their time in a block this short (they lengthen from one "
        "cycle to the next, and it has one)"
    )

    def lifts(week: Mapping[str, Any]) -> list[str]:
        return [
            it["exercise"]
            for s in week["sessions"]
            for it in s["items"]
            if it["block"] in ("main", "accessory") and "self_test" not in it
        ]

    changed = len(weeks) > DELOAD_EVERY and lifts(weeks[0]) != lifts(weeks[DELOAD_EVERY])
    if changed:
        stretch += (
            "; after each deload, exercises change to a variant or a sibling of the same kind "
            "for the same region and sides where your equipment and level allow, and back "
            "again after the next, so the work stays fresh without changing what it trains"
        )
    progression = (
        "Targets rise one rep (or five seconds) a week at the same load, up a range of at "
        "most four steps; at its top, the next step is the smallest load increase your "
        "equipment allows (or the harder variant) and back to the bottom (double "
        f"progression, Ratamess et al. 2009){cycles}{stretch}."
    )
    if deloads:
        progression += (
            f" Every {DELOAD_EVERY}th week is an easier deload week (week "
            f"{human_list([str(w) for w in deloads])}), a common practice."
        )
    out.append(progression)
    out.append(
        "Training one side also strengthens the other a little (cross-education: about 12% on "
        "average, Manca et al. 2017), and direct evidence that one-sided training evens out a "
        "difference is modest (Lynch et al. 2023; Baroni et al. 2016). Weak side first is "
        "sensible practice, not a proven treatment; some asymmetry is normal in people without "
        "back pain (Niemelainen et al. 2011)."
    )
    out.append(
        "This is general exercise guidance, not treatment. It is not a scoliosis programme: "
        "scoliosis-specific exercise is designed by a therapist trained in the method (Negrini "
        "et al. 2018)."
    )
    return out


def retest(
    profile: Profile, weak: str | None, in_final: bool, final_items: Sequence[Mapping[str, Any]]
) -> str:
    """When and how to repeat the self-tests at the end of the block."""
    names = [
        lower_first(self_test(it["self_test"]).name) for it in final_items if "self_test" in it
    ]
    if not names:
        names = [lower_first(t.name) for t in TESTS if t.id in {r.test for r in profile.tests}]
    which = f" ({human_list(names)})" if names else ""
    first = f"{weak} side first" if weak else "left side first"
    when = (
        f"In the last session (week {profile.weeks}, day {profile.days_per_week})"
        if in_final
        else "On a fresh day after the last session"
    )
    return (
        f"{when}, repeat your self-tests{which} when fresh, {first}, and write down both "
        "sides. Compare them with your earlier results: under 10% apart counts as normal "
        "variation; otherwise plan the next block with the new results."
    )
