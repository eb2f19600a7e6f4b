"""Plain-text rendering of a plan for a terminal; the words come from `_wording`."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from ._wording import (
    BAND_CAVEAT,
    HEADINGS,
    REFERRAL_NO_ROUTINE,
    asymmetry_notes,
    asymmetry_rows,
    block_label,
    explanation_entries,
    plan_title,
    prescription,
    referral_do_now,
    referral_heading,
    rest_text,
    session_heading,
    status_text,
    tempo_phrase,
    urgency_label,
    weak_side_text,
    week_heading,
)

WIDTH = 100


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
    lines.extend(_wrap(referral_heading(plan).upper()))
    do_now = referral_do_now(plan)
    if do_now:
        lines += ["", *_heading(HEADINGS["do_now"], "-"), *_bullets(do_now), ""]
    lines.extend(_wrap(f"{HEADINGS['how_soon']}: {urgency_label(plan.get('urgency', ''))}"))
    if plan.get("see"):
        lines.extend(_wrap(f"{HEADINGS['who_to_see']}: {plan['see']}"))
    reasons = plan.get("reasons") or []
    if reasons:
        lines += ["", *_heading(HEADINGS["reasons"], "-"), *_bullets(reasons)]
    lines += ["", *_wrap(REFERRAL_NO_ROUTINE)]
    rows = asymmetry_rows(plan)
    if rows:
        lines += ["", *_heading(HEADINGS["tests_referral"], "-")]
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
        head += f"; {tempo_phrase(item['tempo'])}"
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
    lines.extend(_wrap(f"{HEADINGS['status']}: {status_text(plan)}"))
    lines.extend(_wrap(f"{HEADINGS['weak_side']}: {weak_side_text(plan)}"))
    rows = asymmetry_rows(plan)
    if rows:
        lines += ["", *_heading(HEADINGS["tests"], "-"), *_asymmetry_lines(rows)]
        lines += _asymmetry_note_lines(plan)
        lines.extend(_wrap(BAND_CAVEAT, "  "))
    if plan.get("summary"):
        lines += ["", *_heading(HEADINGS["why"], "-"), *_bullets(plan["summary"])]
    if plan.get("stop_rules"):
        lines += ["", *_heading(HEADINGS["stop_rules"], "-"), *_bullets(plan["stop_rules"])]
    explained = explanation_entries(plan)
    if explained:
        lines += ["", *_heading(HEADINGS["explanations"], "-")]
        for _, name, page, text in explained:
            lines.extend(_wrap(f"{name}: {text}", "  - ", "    "))
            lines.extend(_wrap(f"How to: {base_url}{page}", "    "))
    for w_index, week in enumerate(plan.get("weeks", []), start=1):
        lines += ["", *_heading(week_heading(week, w_index), "-")]
        if week.get("note"):
            lines.extend(_wrap(str(week["note"])))
        for s_index, session in enumerate(week.get("sessions", []), start=1):
            lines += ["", *_wrap(session_heading(session, s_index), "  ")]
            for i_index, item in enumerate(session.get("items", []), start=1):
                lines.extend(_item_lines(i_index, item, weak_side, base_url))
    if plan.get("retest"):
        lines += ["", *_heading(HEADINGS["retest"], "-"), *_wrap(str(plan["retest"]))]
    if plan.get("sources"):
        lines += ["", *_heading(HEADINGS["sources"], "-")]
        lines.extend(_wrap(", ".join(str(key) for key in plan["sources"])))
        lines.extend(_wrap(f"Full citations: {base_url}/references/"))
    return "\n".join(lines) + "\n"
