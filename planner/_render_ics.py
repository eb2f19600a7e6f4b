"""iCalendar rendering of a plan (RFC 5545), written by hand with the standard library only.

One all-day VEVENT per session. The first week starts on the profile's `start_date`, else on the
next Monday strictly after `today`. Sessions in a week fall on a fixed day pattern for the number
of sessions (`DAY_PATTERNS`, offsets from the week's first day). A referral has no routine, so its
calendar is a valid VCALENDAR with no VEVENT.

Every line ends in CRLF, text values are escaped as RFC 5545 3.3.11 says, and lines longer than
75 octets are folded (3.1) without ever splitting a multi-byte UTF-8 character.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ._vocab import DAY_PATTERNS
from ._wording import (
    block_label,
    plural,
    prescription,
    rest_text,
    side_name,
    tempo_phrase,
)

MAX_LINE_OCTETS = 75


def start_date(plan: Mapping[str, Any], today: datetime.date | None) -> datetime.date:
    """The profile's start_date, else the next Monday strictly after today.

    `today=None` reads the clock: the planner's only use of it.
    """
    profile: Mapping[str, Any] = plan.get("profile") or {}
    given = profile.get("start_date")
    if given:
        return datetime.date.fromisoformat(str(given))
    if today is None:
        today = datetime.date.today()
    # Monday is weekday 0: from a Monday this is 7 days ahead, the following Monday.
    return today + datetime.timedelta(days=7 - today.weekday())


def session_dates(plan: Mapping[str, Any], first: datetime.date) -> list[list[datetime.date]]:
    """The date of every session, week by week, from the week's first day and DAY_PATTERNS."""
    dates: list[list[datetime.date]] = []
    for w_index, week in enumerate(plan.get("weeks", [])):
        sessions = week.get("sessions", [])
        pattern = DAY_PATTERNS.get(len(sessions))
        if pattern is None:
            raise ValueError(
                f"week {w_index + 1} has {len(sessions)} sessions; a calendar places 1 to 7"
            )
        week_start = first + datetime.timedelta(days=7 * w_index)
        dates.append([week_start + datetime.timedelta(days=offset) for offset in pattern])
    return dates


def escape_text(value: Any) -> str:
    """RFC 5545 3.3.11 TEXT: backslash, semicolon, comma escaped; newlines become \\n."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line to at most 75 octets a line, CRLF + space between the parts.

    Characters are kept whole: a multi-byte UTF-8 character always moves to the next part.
    The leading space of a continuation line counts towards its 75 octets.
    """
    if line.isascii():  # one octet a character: cut by position (the common, quick case)
        first, rest = MAX_LINE_OCTETS, MAX_LINE_OCTETS - 1
        parts = [line[:first]]
        parts.extend(line[i : i + rest] for i in range(first, len(line), rest))
        return "\r\n ".join(parts) + "\r\n"
    parts = []
    current: list[str] = []
    used = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        size = len(char.encode("utf-8"))
        if used + size > limit:
            parts.append("".join(current))
            current, used, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        used += size
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def profile_digest(plan: Mapping[str, Any], first: datetime.date) -> str:
    """A short hash of the canonical profile JSON and the calendar's first day.

    The first day is part of it so that exports with different start dates never share a UID
    (they would also share a DTSTAMP, and a calendar could not tell which copy is newer).
    """
    canonical = json.dumps(
        plan.get("profile") or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    material = f"{canonical}\n{first.isoformat()}".encode()
    return hashlib.sha256(material).hexdigest()[:24]


def _summary(plan: Mapping[str, Any], week: Mapping[str, Any], day: Any) -> str:
    weak = plan.get("weak_side")
    side = f"{side_name(weak)} side first" if weak else "both sides equally"
    if week.get("deload"):
        side += ", lighter week"
    return f"Even Back: week {week.get('week')}, session {day} ({side})"


def _description(
    plan: Mapping[str, Any], week: Mapping[str, Any], session: Mapping[str, Any], base_url: str
) -> str:
    weak = plan.get("weak_side")
    lines: list[str] = []
    if session.get("title"):
        lines.append(str(session["title"]))
    if session.get("estimated_minutes") is not None:
        lines.append(f"About {plural(int(session['estimated_minutes']), 'minute')}.")
    if week.get("deload"):
        lines.append("Deload week: lighter work to recover.")
    lines.append("")
    for number, item in enumerate(session.get("items", []), start=1):
        text = (
            f"{number}. {item.get('name') or item.get('exercise')} "
            f"({block_label(item.get('block')).lower()}): {prescription(item, weak)}; "
            f"rest {rest_text(item)}"
        )
        if item.get("tempo"):
            text += f"; {tempo_phrase(item['tempo'])}"
        lines.append(text)
        if item.get("notes"):
            lines.append(f"   {item['notes']}")
        if base_url and item.get("page"):
            lines.append(f"   {base_url}{item['page']}")
    stop_rules = plan.get("stop_rules") or []
    if stop_rules:
        lines += ["", "Stop rules:", *(f"- {rule}" for rule in stop_rules)]
    return "\n".join(lines)


def render_ics(
    plan: Mapping[str, Any], *, today: datetime.date | None = None, base_url: str = ""
) -> str:
    """The plan as an iCalendar file: every line CRLF-terminated and folded at 75 octets."""
    version = str(plan.get("planner_version", ""))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Even Back//Planner {escape_text(version)}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Even Back",
    ]
    if plan.get("status") != "refer" and plan.get("weeks"):
        first = start_date(plan, today)
        digest = profile_digest(plan, first)
        # DTSTAMP is required in a VEVENT but a clock reading would make two exports of the
        # same plan differ. Midnight UTC of the first training day is a fixed, honest stand-in:
        # it depends only on the profile and the start date, so output stays byte-identical.
        stamp = f"{first.strftime('%Y%m%d')}T000000Z"
        for week, dates in zip(plan["weeks"], session_dates(plan, first), strict=True):
            for s_index, (session, date) in enumerate(
                zip(week.get("sessions", []), dates, strict=True), start=1
            ):
                day = session.get("day", s_index)
                end = date + datetime.timedelta(days=1)
                lines += [
                    "BEGIN:VEVENT",
                    f"UID:{digest}-w{week.get('week')}-d{day}@even-back",
                    f"DTSTAMP:{stamp}",
                    f"DTSTART;VALUE=DATE:{date.strftime('%Y%m%d')}",
                    f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
                    f"SUMMARY:{escape_text(_summary(plan, week, day))}",
                    f"DESCRIPTION:{escape_text(_description(plan, week, session, base_url))}",
                    "TRANSP:TRANSPARENT",
                    "END:VEVENT",
                ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
