"""Markdown rendering of a plan: a printable routine to hand over, or a calm referral page.

Every piece of text that comes from data is escaped (`md_text`), so a `|` never breaks a table
and a `*` never turns into emphasis. Output is deterministic: the same plan gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from ._wording import (
    ASYMMETRY_HEADER,
    BAND_CAVEAT,
    HEADINGS,
    REFERRAL_NO_ROUTINE,
    TIMES,
    asymmetry_notes,
    asymmetry_rows,
    block_label,
    dose,
    explanation_entries,
    plan_title,
    referral_do_now,
    referral_heading,
    rest_text,
    session_heading,
    side_doses,
    status_text,
    urgency_label,
    weak_side_text,
    week_heading,
)

# Characters that start markup anywhere in a line and take a backslash escape in both
# CommonMark and Python-Markdown.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]>|#])")
# Characters better written as character references: Python-Markdown does not take a backslash
# before them. "&" only when it would otherwise start a reference such as "&amp;".
_REFERENCES = (
    (re.compile(r"&(?=#?[A-Za-z0-9]+;)"), "&amp;"),
    (re.compile(r"<"), "&lt;"),
    (re.compile(r"~"), "&#126;"),
)
# List markers that only count at the start of a line.
_LINE_START = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))")


def md_text(text: Any) -> str:
    """Escape data text for inline Markdown: one line, no markup, safe inside a table cell."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    # After the backslashes, so the "#" of "&#126;" stays part of its reference.
    for pattern, reference in _REFERENCES:
        escaped = pattern.sub(reference, escaped)
    return escaped


def md_paragraph(text: Any) -> str:
    """Like md_text, and also harmless at the start of a line or list item (no nested list)."""
    escaped = md_text(text)
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group(2).isdigit():
        # "1. Text" would start a list: escape the full stop or bracket after the number.
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]


def md_link(label: Any, url: str) -> str:
    safe_url = quote(url, safe=":/#?&=%~.-_+@!$',;")
    return f"[{md_text(label)}]({safe_url})"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _bullets(items: Sequence[Any]) -> list[str]:
    return [f"- {md_paragraph(item)}" for item in items]


def md_prescription(item: Mapping[str, Any], weak_side: Any) -> str:
    """ "**Left (weak)** 3 x 10, then Right 2 x 10"; a bilateral item's dose as it is."""
    if item.get("unilateral") and item.get("sides"):
        parts = []
        for label, is_weak, amount in side_doses(item, weak_side):
            shown = f"**{md_text(label)}**" if is_weak else md_text(label)
            parts.append(f"{shown} {md_text(amount)}")
        return ", then ".join(parts)
    return md_text(dose(item))


def _asymmetry(plan: Mapping[str, Any], heading: str) -> list[str]:
    rows = asymmetry_rows(plan)
    if not rows:
        return []
    cells = [[md_text(cell) for cell in row] for row in rows]
    lines = ["", f"## {heading}", "", *_table(ASYMMETRY_HEADER, cells), ""]
    notes = asymmetry_notes(plan)
    if notes:
        lines += [f"- **{md_text(test)}:** {md_text(note)}" for test, note in notes]
        lines.append("")
    return [*lines, f"*{md_text(BAND_CAVEAT)}*"]


def _referral(plan: Mapping[str, Any]) -> list[str]:
    lines = [
        f"# {md_text(plan_title(plan))}",
        "",
        f"**{md_text(referral_heading(plan))}**",
    ]
    do_now = referral_do_now(plan)
    if do_now:
        lines += ["", f"## {HEADINGS['do_now']}", "", *_bullets(do_now)]
    lines += [
        "",
        f"**{HEADINGS['how_soon']}:** {md_text(urgency_label(plan.get('urgency', '')))}",
    ]
    if plan.get("see"):
        lines += ["", f"**{HEADINGS['who_to_see']}:** {md_text(plan['see'])}"]
    reasons = plan.get("reasons") or []
    if reasons:
        lines += ["", f"## {HEADINGS['reasons']}", "", *_bullets(reasons)]
    lines += ["", md_paragraph(REFERRAL_NO_ROUTINE)]
    lines += _asymmetry(plan, HEADINGS["tests_referral"])
    return lines


def _session(session: Mapping[str, Any], number: int, weak_side: Any, base_url: str) -> list[str]:
    rows = []
    for item in session.get("items", []):
        label = item.get("name") or item.get("exercise")
        exercise = (
            md_link(label, base_url + str(item["page"])) if item.get("page") else md_text(label)
        )
        rows.append(
            [
                md_text(block_label(item.get("block"))),
                exercise,
                md_prescription(item, weak_side),
                md_text(rest_text(item)),
                md_text(item.get("tempo") or ""),
                md_text(item.get("notes") or ""),
            ]
        )
    header = ["Block", "Exercise", f"Sets {TIMES} reps or seconds", "Rest", "Tempo", "Notes"]
    return ["", f"### {md_text(session_heading(session, number))}", "", *_table(header, rows)]


def render_md(plan: Mapping[str, Any], *, base_url: str = "") -> str:
    """The plan as Markdown (CommonMark with pipe tables), ending in a single newline."""
    if plan.get("status") == "refer":
        return "\n".join(_referral(plan)) + "\n"
    weak_side = plan.get("weak_side")
    lines = [
        f"# {md_text(plan_title(plan))}",
        "",
        f"**{HEADINGS['status']}:** {md_text(status_text(plan))}",
        "",
        f"**{HEADINGS['weak_side']}:** {md_text(weak_side_text(plan))}",
    ]
    lines += _asymmetry(plan, HEADINGS["tests"])
    if plan.get("summary"):
        lines += ["", f"## {HEADINGS['why']}", "", *_bullets(plan["summary"])]
    if plan.get("stop_rules"):
        lines += ["", f"## {HEADINGS['stop_rules']}", "", *_bullets(plan["stop_rules"])]
    explained = explanation_entries(plan)
    if explained:
        lines += ["", f"## {HEADINGS['explanations']}", ""]
        lines += [
            f"- {md_link(name, base_url + page)}: {md_text(text)}"
            for _, name, page, text in explained
        ]
    for w_index, week in enumerate(plan.get("weeks", []), start=1):
        lines += ["", f"## {md_text(week_heading(week, w_index))}"]
        if week.get("note"):
            lines += ["", md_paragraph(week["note"])]
        for s_index, session in enumerate(week.get("sessions", []), start=1):
            lines += _session(session, s_index, weak_side, base_url)
    if plan.get("retest"):
        lines += ["", f"## {HEADINGS['retest']}", "", md_paragraph(plan["retest"])]
    if plan.get("sources"):
        lines += ["", f"## {HEADINGS['sources']}", ""]
        lines += [f"- {md_link(key, f'{base_url}/references/#{key}')}" for key in plan["sources"]]
    return "\n".join(lines) + "\n"
