"""The plan's prose: the summary ("why this plan"), the re-test advice and session titles.

Pure functions of the profile and the weeks the pipeline (`_engine`) built.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._assess import BANDS_BASIS, TESTS, self_test
from ._profile import Profile
from ._progress import DELOAD_EVERY, deload_weeks
from ._vocab import lower_first
from ._wording import human_list, regions_text


def session_title(regions: Sequence[str], *, has_tests: bool) -> str:
    """ "Lower back and hips", or "Self-tests, then lower back and hips"."""
    text = regions_text(regions)
    text = text[:1].upper() + text[1:]
    return f"Self-tests, then {lower_first(text)}" if has_tests else text


def summary(
    profile: Profile,
    weak: str | None,
    source: str | None,
    asym: Mapping[str, Mapping[str, Any]],
    weeks: Sequence[Mapping[str, Any]],
    caution: bool,
    start_tests: bool,
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
            f"{weak} side gets an extra set (weak side first, match the reps: advice from the "
            "lifters in the threads this site grew from; common practice)."
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
    regions = regions_text(profile.focus)
    out.append(
        f"Each week trains every region you chose ({regions}), in sessions of warm-up, main "
        f"work, accessory work and mobility that fit in {profile.minutes_per_session} minutes."
    )
    if caution:
        out.append(
            f"Your back pain at rest is {profile.pain} out of 10, so the plan uses easier "
            "versions, holds rather than fast reps, fewer sets, targets that stop at the middle "
            "of each range, and strict stop rules. If the pain rises to 7 or more, stop and see "
            "a GP or physiotherapist."
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
    deloads = sorted(deload_weeks(profile.weeks))
    progression = (
        "Targets rise from the bottom of each exercise's range toward the top over the block; "
        "when every set reaches the top, add 2-10% load and go back to the bottom (double "
        "progression, Ratamess et al. 2009)."
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
