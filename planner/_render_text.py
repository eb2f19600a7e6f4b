"""Plain-text rendering of a plan for a terminal, plus the wording every renderer shares.

The shared helpers (labels, doses, per-side prescriptions) live here because plain text is
the simplest rendering: Markdown and the calendar add their own markup on top of the same words.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from ._assess import BANDS_BASIS, TESTS
from ._screen import URGENCY_LABELS
from ._vocab import BLOCK_LABELS

WIDTH = 100
TIMES = "\N{MULTIPLICATION SIGN}"

# The rule-of-thumb caveat shown under every asymmetry table, from the module that sets the bands.
BAND_CAVEAT = BANDS_BASIS

REFERRAL_NO_ROUTINE = (
    "No exercise routine is included. Once you have been checked and told that exercise is "
    "safe for you, come back and make a plan."
)


def side_name(side: Any) -> str:
    """ "left" -> "Left"; anything else is shown as given, capitalised."""
    return str(side).capitalize()


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
        return f"{sets} {TIMES} {entry['seconds']} s"
    return f"{sets} sets"


def rest_text(item: Mapping[str, Any]) -> str:
    rest = item.get("rest_seconds")
    if rest is None or rest == 0:
        return "none"
    return f"{rest} s"


def side_doses(item: Mapping[str, Any], weak_side: Any) -> list[tuple[str, bool, str]]:
    """(side label, is the weak side, dose) for each side of a unilateral item, in order.

    The weak side is labelled "Left (weak)"; the order is the order performed, as in the plan.
    """
    out: list[tuple[str, bool, str]] = []
    for entry in item.get("sides", []):
        is_weak = weak_side is not None and entry.get("side") == weak_side
        label = side_name(entry.get("side"))
        if is_weak:
            label += " (weak)"
        out.append((label, is_weak, dose(entry)))
    return out


def prescription(item: Mapping[str, Any], weak_side: Any) -> str:
    """ "Left (weak) 3 x 10, then Right 2 x 10" for a unilateral item, "2 x 20 s" otherwise."""
    if item.get("unilateral") and item.get("sides"):
        return ", then ".join(
            f"{label} {amount}" for label, _, amount in side_doses(item, weak_side)
        )
    return dose(item)


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


def plan_title(plan: Mapping[str, Any]) -> str:
    if plan.get("status") == "refer":
        return "Even Back: please see a professional first"
    weeks: Sequence[Mapping[str, Any]] = plan.get("weeks", [])
    sessions = len(weeks[0].get("sessions", [])) if weeks else 0
    return f"Even Back plan: {plural(len(weeks), 'week')}, {plural(sessions, 'session')} a week"


def session_heading(session: Mapping[str, Any], fallback_day: int) -> str:
    day = session.get("day", fallback_day)
    title = session.get("title")
    head = f"Session {day}: {title}" if title else f"Session {day}"
    minutes = session.get("estimated_minutes")
    if minutes is not None:
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


# --- plain text ---------------------------------------------------------------------------


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    """Wrap one paragraph to WIDTH columns; long words (links) are never broken."""
    return textwrap.wrap(
        " ".join(str(text).split()),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _heading(text: str, underline: str) -> list[str]:
    return [text, underline * min(len(text), WIDTH)]


def _bullets(items: Sequence[Any]) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines.extend(_wrap(str(item), "  - ", "    "))
    return lines


def _referral(plan: Mapping[str, Any]) -> list[str]:
    lines = _heading(plan_title(plan), "=")
    lines.append("")
    urgency = str(plan.get("urgency", ""))
    lines.extend(_wrap(f"How soon: {URGENCY_LABELS.get(urgency, urgency)}"))
    if plan.get("see"):
        lines.extend(_wrap(f"Who to see: {plan['see']}"))
    reasons = plan.get("reasons") or []
    if reasons:
        lines += ["", *_heading("Why", "-"), *_bullets(reasons)]
    lines += ["", *_wrap(REFERRAL_NO_ROUTINE)]
    rows = asymmetry_rows(plan)
    if rows:
        lines += ["", *_heading("Your self-test results, to show whoever you see", "-")]
        lines += _asymmetry_lines(rows)
        lines += _asymmetry_note_lines(plan)
    return lines


def _asymmetry_lines(rows: Sequence[tuple[str, str, str, str, str, str]]) -> list[str]:
    lines: list[str] = []
    for test, left, right, weaker, index, band in rows:
        text = f"{test}: left {left}, right {right}; weaker: {weaker}"
        if index:
            text += f"; difference {index}"
        if band:
            text += f". {band}"
        lines.extend(_wrap(text, "  - ", "    "))
    return lines


def _asymmetry_note_lines(plan: Mapping[str, Any]) -> list[str]:
    lines: list[str] = []
    for test, note in asymmetry_notes(plan):
        lines.extend(_wrap(f"Note on {test}: {note}", "  ", "    "))
    return lines


def _item_lines(number: int, item: Mapping[str, Any], weak_side: Any, base_url: str) -> list[str]:
    head = (
        f"{number}. [{block_label(item.get('block'))}] {item.get('name') or item.get('exercise')}:"
        f" {prescription(item, weak_side)}; rest {rest_text(item)}"
    )
    if item.get("tempo"):
        head += f"; tempo {item['tempo']}"
    lines = _wrap(head, "    ", "       ")
    if item.get("notes"):
        lines.extend(_wrap(str(item["notes"]), "       "))
    if item.get("page"):
        lines.extend(_wrap(f"How to: {base_url}{item['page']}", "       "))
    return lines


def render_text(plan: Mapping[str, Any], *, base_url: str = "") -> str:
    """The plan as plain text lines of at most about 100 columns, ending in a newline."""
    if plan.get("status") == "refer":
        return "\n".join(_referral(plan)) + "\n"
    weak_side = plan.get("weak_side")
    lines = _heading(plan_title(plan), "=")
    lines.append("")
    lines.extend(_wrap(f"Status: {status_text(plan)}"))
    lines.extend(_wrap(f"Weak side: {weak_side_text(plan)}"))
    rows = asymmetry_rows(plan)
    if rows:
        lines += ["", *_heading("Your self-tests", "-"), *_asymmetry_lines(rows)]
        lines += _asymmetry_note_lines(plan)
        lines.extend(_wrap(BAND_CAVEAT, "  "))
    if plan.get("summary"):
        lines += ["", *_heading("Why this plan", "-"), *_bullets(plan["summary"])]
    if plan.get("stop_rules"):
        lines += ["", *_heading("Stop rules", "-"), *_bullets(plan["stop_rules"])]
    for w_index, week in enumerate(plan.get("weeks", []), start=1):
        lines += ["", *_heading(week_heading(week, w_index), "-")]
        if week.get("note"):
            lines.extend(_wrap(str(week["note"])))
        for s_index, session in enumerate(week.get("sessions", []), start=1):
            lines += ["", *_wrap(session_heading(session, s_index), "  ")]
            for i_index, item in enumerate(session.get("items", []), start=1):
                lines.extend(_item_lines(i_index, item, weak_side, base_url))
    if plan.get("retest"):
        lines += ["", *_heading("Re-test", "-"), *_wrap(str(plan["retest"]))]
    if plan.get("sources"):
        lines += ["", *_heading("Sources", "-")]
        lines.extend(_wrap(", ".join(str(key) for key in plan["sources"])))
        lines.extend(_wrap(f"Full citations: {base_url}/references/"))
    return "\n".join(lines) + "\n"
