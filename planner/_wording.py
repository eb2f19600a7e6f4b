"""The words every rendering of a plan shares: the page, plain text, Markdown and the calendar.

One home for labels, doses, per-side prescriptions, headings and the referral's sentences, so the
page and every export say the same thing the same way. Plain functions of the plan JSON.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._assess import BANDS_BASIS, TESTS
from ._screen import URGENCY_LABELS
from ._vocab import BLOCK_LABELS, REGION_WORDS

TIMES = "\N{MULTIPLICATION SIGN}"

# The rule-of-thumb caveat shown under every asymmetry table, from the module that sets the bands.
BAND_CAVEAT = BANDS_BASIS

# Section headings, the same on the page and in every export that has sections.
HEADINGS: dict[str, str] = {
    "tests": "Your self-tests",
    "tests_referral": "Your self-test results, to show whoever you see",
    "why": "Why this plan",
    "stop_rules": "Stop rules",
    "retest": "Re-test",
    "sources": "Sources",
    "reasons": "Why",
    "how_soon": "How soon",
    "who_to_see": "Who to see",
    "weak_side": "Weak side",
    "status": "Status",
    "do_now": "What to do now",
    "explanations": "How to do each exercise",
}
# The columns of the self-test results table, in the order of asymmetry_rows().
ASYMMETRY_HEADER: tuple[str, ...] = (
    "Test",
    "Left",
    "Right",
    "Weaker side",
    "Difference",
    "What it means",
)
# How the weak side is marked beside its name, wherever a side is named: "Left (weak)".
WEAK_MARK = " (weak)"

REFERRAL_NO_ROUTINE = (
    "No exercise routine is included. Once you have been checked and told that exercise is "
    "safe for you, come back and make a plan."
)


# A referral's tier named in words (never by colour alone), on the page and in the exports.
REFERRAL_TIERS: dict[str, str] = {
    "emergency": "Emergency",
    "urgent": "Urgent",
    "routine": "Routine",
}
# Shown under a referral's heading on the page, and as the exports' title.
REFERRAL_LEAD = "Please see a professional before you start"

# What the page says when a self-test page opens it with results filled in (#prefill=).
PREFILL_MESSAGE = (
    "Your self-test results are filled in below. Answer the safety questions, check the other "
    'answers, then choose "Make my plan".'
)

# What the page says when the planner's engine cannot start (offline before it was ever kept
# on this device) and it shows the last plan this browser kept instead. {date} is the day the
# plan was made (YYYY-MM-DD). "status" follows the reason the engine did not start.
LAST_PLAN_MESSAGES: dict[str, str] = {
    "label": (
        "Your last plan, as this browser kept it on {date}. The planner has not started, so "
        "this is that plan as it was made: its downloads and share link work."
    ),
    "status": (
        "Your last plan is shown below, as this browser kept it; its downloads and share link "
        "work. Once you are online, choose Try again to start the planner and make new plans "
        "from changed answers."
    ),
}


def referral_heading(plan: Mapping[str, Any]) -> str:
    """The referral's heading, most urgent tier first: "Emergency: get medical help now"."""
    heading = plan.get("heading")
    return str(heading) if heading else REFERRAL_LEAD


def referral_do_now(plan: Mapping[str, Any]) -> list[str]:
    """What to do now, one sentence each (the referral's `do_now`)."""
    return [str(line) for line in plan.get("do_now") or []]


def referral_tier(plan: Mapping[str, Any]) -> str:
    """ "Emergency", "Urgent" or "Routine": the tier in words."""
    urgency = str(plan.get("urgency", ""))
    return REFERRAL_TIERS.get(urgency, urgency.capitalize())


def referral_tier_badge(plan: Mapping[str, Any]) -> str | None:
    """The tier in words when the heading does not already start with it, else None."""
    tier = referral_tier(plan)
    return None if referral_heading(plan).startswith(tier) else f"{tier} referral"


def side_name(side: Any) -> str:
    """ "left" -> "Left"; anything else is shown as given, capitalised."""
    return str(side).capitalize()


def side_label(side: Any, *, weak: bool) -> str:
    """ "Left", or "Left (weak)" for the weak side: the one wording of a side in a dose."""
    return side_name(side) + (WEAK_MARK if weak else "")


def human_list(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def regions_text(regions: Sequence[str]) -> str:
    """Focus ids as words mid-sentence: "lower back and hips"."""
    return human_list([REGION_WORDS[r] for r in regions])


def urgency_label(urgency: Any) -> str:
    return URGENCY_LABELS.get(str(urgency), str(urgency))


def plural(n: int, word: str) -> str:
    """1 -> "1 week", 2 -> "2 weeks"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def block_label(block: Any) -> str:
    return BLOCK_LABELS.get(str(block), str(block).capitalize())


_TEST_LABELS: dict[str, str] = {test.id: f"{test.name} ({test.unit})" for test in TESTS}


def test_label(test_id: str) -> str:
    """ "side_bridge_s" -> "Side bridge hold (seconds)"; an unknown id is shown readably."""
    return _TEST_LABELS.get(test_id, test_id.replace("_", " ").capitalize())


def dose(entry: Mapping[str, Any]) -> str:
    """Sets and reps or seconds of a side entry or a bilateral item: "3 x 10", "2 x 20 s".

    The "x" is written as the multiplication sign (TIMES) in the output.
    """
    sets = entry.get("sets")
    if entry.get("reps") is not None:
        return f"{sets} {TIMES} {entry['reps']}"
    if entry.get("seconds") is not None:
        seconds = entry["seconds"]
        if sets == 1 and isinstance(seconds, int) and seconds >= 300 and seconds % 60 == 0:
            return f"{seconds // 60} min"  # a walk, not a hold: "40 min", not "1 x 2400 s"
        return f"{sets} {TIMES} {seconds} s"
    return f"{sets} sets"


def rest_text(item: Mapping[str, Any]) -> str:
    rest = item.get("rest_seconds")
    if rest is None or rest == 0:
        return "none"
    return f"{rest} s"


def side_doses(item: Mapping[str, Any], weak_side: Any) -> list[tuple[str, bool, str]]:
    """(side label, is the weak side, dose) for each side of a unilateral item, in order.

    The weak side is labelled "Left (weak)"; the order is the order performed, as in the plan.
    An item's own `weak_side` (its region's, which can differ from the plan's) wins.
    """
    weak_side = item.get("weak_side", weak_side)
    out: list[tuple[str, bool, str]] = []
    for entry in item.get("sides", []):
        is_weak = weak_side is not None and entry.get("side") == weak_side
        out.append((side_label(entry.get("side"), weak=is_weak), is_weak, dose(entry)))
    return out


def prescription(item: Mapping[str, Any], weak_side: Any) -> str:
    """ "Left (weak) 3 x 10, then Right 2 x 10" for a unilateral item, "2 x 20 s" otherwise."""
    if item.get("unilateral") and item.get("sides"):
        return ", then ".join(
            f"{label} {amount}" for label, _, amount in side_doses(item, weak_side)
        )
    return dose(item)


def dose_runs(item: Mapping[str, Any], weak_side: Any) -> list[tuple[str, str]]:
    """The prescription as (kind, text) runs: kind "weak" or "side" for a side's label, "" for
    the rest. Joined, the texts read exactly as prescription(item, weak_side)."""
    if not (item.get("unilateral") and item.get("sides")):
        return [("", dose(item))]
    runs: list[tuple[str, str]] = []
    for index, (label, is_weak, amount) in enumerate(side_doses(item, weak_side)):
        if index:
            runs.append(("", ", then "))
        runs += [("weak" if is_weak else "side", label), ("", f" {amount}")]
    return runs


def tempo_phrase(tempo: Any) -> str:
    """ "tempo 2-1-2", "tempo hold"; a walk's "brisk" is a pace: "easy, then brisk pace"."""
    return "easy, then brisk pace" if tempo == "brisk" else f"tempo {tempo}"


def item_facts(item: Mapping[str, Any]) -> str:
    """Rest and tempo in words: "Rest 60 s between sets · Tempo 2-1-2"."""
    rest = item.get("rest_seconds")
    facts = [f"Rest {rest} s between sets" if rest else "No rest needed"]
    tempo = item.get("tempo")
    if tempo:
        phrase = "Hold steady" if tempo == "hold" else tempo_phrase(tempo)
        facts.append(phrase[:1].upper() + phrase[1:])
    return " \N{MIDDLE DOT} ".join(facts)


def minutes_text(minutes: Any) -> str:
    return f"About {plural(int(minutes), 'minute')}"


def status_text(plan: Mapping[str, Any]) -> str:
    if plan.get("status") == "refer":
        return "See a professional first: no routine."
    if plan.get("caution"):
        return (
            "Go gently: you reported some pain, so this plan uses easier variants and holds. "
            "Follow the stop rules."
        )
    return "Ready to train."


def weak_side_text(plan: Mapping[str, Any]) -> str:
    weak = plan.get("weak_side")
    source = plan.get("weak_side_source")
    if weak is None:
        return (
            "Not known yet: both sides get the same work, left first. Week 1 starts with the "
            "self-tests; enter your results to get a plan that brings up the weaker side."
        )
    if source == "stated":
        return f"{side_name(weak)} (as you told us)"
    if source == "tests":
        return f"{side_name(weak)} (from your self-tests)"
    return side_name(weak)


def plan_length(plan: Mapping[str, Any]) -> str:
    """ "6 weeks, 3 sessions a week"."""
    weeks: Sequence[Mapping[str, Any]] = plan.get("weeks", [])
    sessions = len(weeks[0].get("sessions", [])) if weeks else 0
    return f"{plural(len(weeks), 'week')}, {plural(sessions, 'session')} a week"


def plan_title(plan: Mapping[str, Any]) -> str:
    if plan.get("status") == "refer":
        return "Even Back: please see a professional first"
    return f"Even Back plan: {plan_length(plan)}"


def session_heading(
    session: Mapping[str, Any], fallback_day: int, *, with_minutes: bool = True
) -> str:
    day = session.get("day", fallback_day)
    title = session.get("title")
    head = f"Session {day}: {title}" if title else f"Session {day}"
    minutes = session.get("estimated_minutes")
    if with_minutes and minutes is not None:
        head += f" (about {plural(int(minutes), 'minute')})"
    return head


def week_heading(week: Mapping[str, Any], fallback_number: int) -> str:
    head = f"Week {week.get('week', fallback_number)}"
    if week.get("deload"):
        head += " (deload: a lighter week to recover)"
    return head


def asymmetry_rows(plan: Mapping[str, Any]) -> list[tuple[str, str, str, str, str, str]]:
    """(test, left, right, weaker, index, band label) for each test given, in plan order."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    asymmetry: Mapping[str, Any] = plan.get("asymmetry") or {}
    for test_id, result in asymmetry.items():
        weaker = result.get("weaker")
        index = result.get("index_pct")
        rows.append(
            (
                test_label(str(test_id)),
                _number(result.get("left")),
                _number(result.get("right")),
                side_name(weaker) if weaker else "Neither",
                f"{index}%" if index is not None else "",
                str(result.get("band_label") or ""),
            )
        )
    return rows


def asymmetry_notes(plan: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(test, note) for each test result that carries a note, such as a measurement-noise one."""
    asymmetry: Mapping[str, Any] = plan.get("asymmetry") or {}
    return [
        (test_label(str(test_id)), str(result["note"]))
        for test_id, result in asymmetry.items()
        if result.get("note")
    ]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def explanation_entries(plan: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    """(exercise id, name, page, full note) for each exercise the plan explains, in order of
    first appearance (the plan's `explanations`)."""
    texts: Mapping[str, Any] = plan.get("explanations") or {}
    items = {
        it.get("exercise"): it
        for week in plan.get("weeks", [])
        for session in week.get("sessions", [])
        for it in session.get("items", [])
    }
    out: list[tuple[str, str, str, str]] = []
    for ex_id, text in texts.items():
        it = items.get(ex_id, {})
        name = str(it.get("name") or ex_id)
        out.append((str(ex_id), name, str(it.get("page") or f"/exercises/{ex_id}/"), str(text)))
    return out
