"""The calendar export: RFC 5545 by hand, parsed back with the icalendar library."""

from __future__ import annotations

import datetime
from typing import Any

import icalendar
import plan_samples
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import planner
from planner._render import render
from planner._render_ics import DAY_PATTERNS, escape_text, fold, start_date

SUNDAY = datetime.date(2026, 11, 22)
MONDAY = datetime.date(2026, 11, 23)


def _events(out: str) -> list[Any]:
    calendar = icalendar.Calendar.from_ical(out)
    return [component for component in calendar.walk() if component.name == "VEVENT"]


def _with_days(days: int, weeks: int = 2) -> dict[str, Any]:
    plan = plan_samples.ok_weak_left()
    session = plan["weeks"][0]["sessions"][0]
    plan["profile"]["days_per_week"] = days
    plan["weeks"] = [
        {"week": w, "deload": False, "note": "",
         "sessions": [dict(session, day=d) for d in range(1, days + 1)]}
        for w in range(1, weeks + 1)
    ]  # fmt: skip
    return plan


def test_calendar_header_names_version_prodid_and_scale() -> None:
    out = render(plan_samples.ok_weak_left(), "ics", today=SUNDAY)
    lines = out.split("\r\n")
    assert lines[:4] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Even Back//Planner 0.1.0//EN",
        "CALSCALE:GREGORIAN",
    ]
    assert lines[-2:] == ["END:VCALENDAR", ""]


@pytest.mark.parametrize("name", ["ok_weak_left", "weak_unknown", "caution_weak_right"])
def test_one_event_per_session_with_unique_uids(name: str) -> None:
    plan = plan_samples.all_samples()[name]
    events = _events(render(plan, "ics", today=SUNDAY))
    sessions = sum(len(week["sessions"]) for week in plan["weeks"])
    assert len(events) == sessions
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == sessions
    assert all(uid.endswith("@even-back") for uid in uids)


def test_uids_and_bytes_are_stable_across_runs_and_plan_copies() -> None:
    first = render(plan_samples.ok_weak_left(), "ics", today=SUNDAY)
    second = render(plan_samples.ok_weak_left(), "ics", today=SUNDAY)
    assert first == second
    assert "DTSTAMP:20261123T000000Z\r\n" in first


def test_a_different_profile_gives_different_uids() -> None:
    plan = plan_samples.ok_weak_left()
    before = {str(e["UID"]) for e in _events(render(plan, "ics", today=SUNDAY))}
    plan["profile"]["minutes_per_session"] = 45
    after = {str(e["UID"]) for e in _events(render(plan, "ics", today=SUNDAY))}
    assert before.isdisjoint(after)


def test_start_is_the_next_monday_strictly_after_today() -> None:
    plan = plan_samples.ok_weak_left()
    assert start_date(plan, SUNDAY) == MONDAY
    assert start_date(plan, MONDAY) == datetime.date(2026, 11, 30)
    assert start_date(plan, datetime.date(2026, 11, 27)) == datetime.date(2026, 11, 30)


def test_profile_start_date_wins_over_today() -> None:
    plan = plan_samples.weak_unknown()
    assert plan["profile"]["start_date"] == "2026-12-02"
    events = _events(render(plan, "ics", today=SUNDAY))
    assert [e.decoded("DTSTART") for e in events] == [
        datetime.date(2026, 12, 2),
        datetime.date(2026, 12, 9),
    ]


def test_today_none_reads_the_clock_for_the_default_start() -> None:
    plan = plan_samples.ok_weak_left()
    expected = start_date(plan, datetime.date.today())
    assert start_date(plan, None) == expected
    assert expected.weekday() == 0


@pytest.mark.parametrize("days", range(1, 8))
def test_sessions_follow_the_weekday_pattern(days: int) -> None:
    events = _events(render(_with_days(days), "ics", today=SUNDAY))
    starts = [e.decoded("DTSTART") for e in events]
    weekdays = [start.weekday() for start in starts]
    expected = {
        1: [0], 2: [0, 3], 3: [0, 2, 4], 4: [0, 1, 3, 4], 5: [0, 1, 2, 4, 5],
        6: [0, 1, 2, 3, 4, 5], 7: [0, 1, 2, 3, 4, 5, 6],
    }[days]  # fmt: skip
    assert weekdays == expected * 2
    assert list(DAY_PATTERNS[days]) == expected
    assert starts[0] == MONDAY
    assert starts[days] == MONDAY + datetime.timedelta(days=7)


def test_events_are_all_day_on_the_session_date() -> None:
    out = render(plan_samples.ok_weak_left(), "ics", today=SUNDAY)
    assert "DTSTART;VALUE=DATE:20261123\r\nDTEND;VALUE=DATE:20261124\r\n" in out
    for event in _events(out):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is datetime.date
        assert end - start == datetime.timedelta(days=1)


def test_summary_names_week_session_and_side_first() -> None:
    events = _events(render(plan_samples.ok_weak_left(), "ics", today=SUNDAY))
    assert str(events[1]["SUMMARY"]) == "Even Back: week 1, session 2 (Left side first)"
    assert str(events[-1]["SUMMARY"]) == (
        "Even Back: week 3, session 2 (Left side first, lighter week)"
    )
    unknown = _events(render(plan_samples.weak_unknown(), "ics", today=SUNDAY))
    assert str(unknown[0]["SUMMARY"]) == "Even Back: week 1, session 1 (both sides equally)"


def test_description_lists_items_with_per_side_sets() -> None:
    events = _events(render(plan_samples.caution_weak_right(), "ics", today=SUNDAY))
    description = str(events[0]["DESCRIPTION"])
    assert "Gentle trunk work\nAbout 18 minutes." in description
    assert (
        "2. Side plank from the knees (main): Right (weak) 3 \xd7 20 s, then Left 2 \xd7 20 s; "
        "rest 60 s; tempo hold" in description
    )
    assert "1. Cat-camel (warm-up): 1 \xd7 8; rest none" in description
    assert "Stop if your pain goes above 6 out of 10." in description


def test_links_appear_in_the_description_only_with_a_base_url() -> None:
    plan = plan_samples.ok_weak_left()
    plain = str(_events(render(plan, "ics", today=SUNDAY))[0]["DESCRIPTION"])
    assert "/exercises/" not in plain
    linked = render(plan, "ics", today=SUNDAY, base_url="https://even.example")
    assert "https://even.example/exercises/bird_dog/" in str(_events(linked)[0]["DESCRIPTION"])


def test_every_line_ends_in_crlf_and_fits_75_octets() -> None:
    plan = plan_samples.ok_weak_left()
    plan["weeks"][0]["sessions"][0]["items"][0]["notes"] = "Ünïcödé \xd7 " * 30 + "😀" * 40
    out = render(plan, "ics", today=SUNDAY)
    assert out.endswith("\r\n")
    assert out.count("\n") == out.count("\r\n")
    assert "\r" not in out.replace("\r\n", "")
    for line in out.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75


def test_folding_never_splits_a_multibyte_character() -> None:
    line = "DESCRIPTION:" + "é" * 40 + "😀" * 30 + "x" * 3
    folded = fold(line)
    parts = folded.split("\r\n")[:-1]
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    # Each part decodes on its own: no character was cut between parts.
    for part in parts:
        part.encode("utf-8").decode("utf-8")
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line
    assert len(parts[0].encode("utf-8")) in (74, 75)


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"), max_size=400)
    | st.text(st.characters(max_codepoint=127, exclude_characters="\r\n"), max_size=400)
)
@example("D" * 75)
@example("D" * 300)
@example("é" * 200)
def test_folding_fills_each_part_and_unfolds_to_the_line(line: str) -> None:
    """ASCII lines (cut by position) and others (cut by octets) follow the same rule: every part
    holds as many whole characters as fit in 75 octets (74 after the leading space)."""
    folded = fold(line)
    assert folded.endswith("\r\n")
    parts = folded[:-2].split("\r\n ")
    assert "".join(parts) == line
    for i, part in enumerate(parts):
        room = 75 if i == 0 else 74
        assert len(part.encode("utf-8")) <= room
        if i < len(parts) - 1:
            following = parts[i + 1][:1]
            assert len((part + following).encode("utf-8")) > room, "a part was cut short"


def test_short_line_is_not_folded() -> None:
    assert fold("SUMMARY:" + "x" * 67) == "SUMMARY:" + "x" * 67 + "\r\n"
    assert fold("SUMMARY:" + "x" * 68) == "SUMMARY:" + "x" * 67 + "\r\n x\r\n"


def test_escaping_round_trips_through_icalendar() -> None:
    tricky = 'Back\\slash; semi, comma\nnew line "quotes" \xd7 ünï'
    assert escape_text(tricky) == 'Back\\\\slash\\; semi\\, comma\\nnew line "quotes" \xd7 ünï'
    plan = plan_samples.ok_weak_left()
    plan["weeks"][0]["sessions"][0]["title"] = tricky
    description = str(_events(render(plan, "ics", today=SUNDAY))[0]["DESCRIPTION"])
    assert description.startswith(tricky + "\n")


def test_carriage_returns_in_data_become_escaped_newlines() -> None:
    assert escape_text("a\r\nb\rc") == "a\\nb\\nc"


def test_referral_is_a_valid_calendar_without_events() -> None:
    out = render(plan_samples.referral(), "ics", today=SUNDAY)
    calendar = icalendar.Calendar.from_ical(out)
    assert str(calendar["VERSION"]) == "2.0"
    assert _events(out) == []
    assert "BEGIN:VEVENT" not in out


def test_more_than_seven_sessions_in_a_week_is_refused() -> None:
    plan = _with_days(7, weeks=1)
    plan["weeks"][0]["sessions"].append(plan["weeks"][0]["sessions"][0])
    with pytest.raises(ValueError, match="8 sessions"):
        render(plan, "ics", today=SUNDAY)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\\;,"))
)
def test_any_title_survives_escaping_and_folding(title: str) -> None:
    plan = plan_samples.ok_weak_left()
    plan["weeks"] = plan["weeks"][:1]
    plan["weeks"][0]["sessions"][0]["title"] = title
    out = render(plan, "ics", today=SUNDAY)
    assert all(len(line.encode("utf-8")) <= 75 for line in out.split("\r\n"))
    description = str(_events(out)[0]["DESCRIPTION"])
    if title:
        assert description.startswith(title + "\n")


@pytest.mark.parametrize("name", sorted(plan_samples.REAL_PROFILES))
def test_real_plans_give_one_event_per_session_on_the_pattern(name: str) -> None:
    plan = planner.plan(plan_samples.REAL_PROFILES[name])
    out = render(plan, "ics", today=SUNDAY)
    assert all(len(line.encode("utf-8")) <= 75 for line in out.split("\r\n"))
    events = _events(out)
    if plan["status"] == "refer":
        assert events == []
        return
    days = plan["profile"]["days_per_week"]
    assert len(events) == len(plan["weeks"]) * days
    assert len({str(event["UID"]) for event in events}) == len(events)
    first = start_date(plan, SUNDAY)
    expected = [
        first + datetime.timedelta(days=7 * week + offset)
        for week in range(len(plan["weeks"]))
        for offset in DAY_PATTERNS[days]
    ]
    assert [event.decoded("DTSTART") for event in events] == expected
