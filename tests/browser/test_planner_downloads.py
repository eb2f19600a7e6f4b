"""The planner page's downloads are Python's exports: byte for byte what the CLI prints."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from _cli import cli_plan

ROOT = Path(__file__).resolve().parents[2]
PLAN_SHOWN = "#planner[data-state=plan][aria-busy=false]"

PROFILE: dict[str, Any] = {
    "version": 1,
    "weak_side": "unknown",
    "focus": ["lower_back", "side_trunk", "hips"],
    "equipment": ["dumbbell", "bench", "band"],
    "experience": "intermediate",
    "days_per_week": 3,
    "minutes_per_session": 35,
    "weeks": 5,
    "pain": 2,
    "tests": {
        "side_bridge_s": {"left": 52, "right": 61.5},
        "suitcase_hold_s": {"left": 40, "right": 38},
    },
}

FILES = {
    "json": ("Download JSON", "even-back-plan.json"),
    "csv": ("Download CSV", "even-back-plan.csv"),
    "md": ("Download Markdown", "even-back-plan.md"),
    "ics": ("Download calendar (.ics)", "even-back-plan.ics"),
}


def share_link(site, profile: dict[str, Any]) -> str:  # type: ignore[no-untyped-def]
    payload = base64.urlsafe_b64encode(json.dumps(profile).encode("utf-8")).decode().rstrip("=")
    return f"{site.url}planner/#profile={payload}"


def download(page, fmt: str) -> bytes:  # type: ignore[no-untyped-def]
    label, filename = FILES[fmt]
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    got = info.value
    assert got.suggested_filename == filename
    return Path(got.path()).read_bytes()


@pytest.fixture
def planned(site, page):  # type: ignore[no-untyped-def]
    page.goto(share_link(site, PROFILE))
    page.wait_for_selector(PLAN_SHOWN, timeout=60_000)
    return page


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_download_is_byte_identical_to_the_cli(planned, fmt) -> None:
    assert download(planned, fmt) == cli_plan(PROFILE, fmt)


def test_downloaded_json_is_the_plan_shown(planned) -> None:
    plan = json.loads(download(planned, "json"))
    assert plan["status"] == "ok"
    assert plan["profile"]["experience"] == "intermediate"
    assert planned.locator("#planner .planner-week").count() == len(plan["weeks"]) == 5


def test_calendar_download_has_one_event_per_session_from_next_monday(planned) -> None:
    calendar = icalendar.Calendar.from_ical(download(planned, "ics"))
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == PROFILE["weeks"] * PROFILE["days_per_week"]
    first = min(e.decoded("DTSTART") for e in events)
    first = first.date() if isinstance(first, dt.datetime) else first
    # No start date given: the page passes today's local date, so the calendar starts on the
    # next Monday after today.
    today = dt.date.today()
    assert first.weekday() == 0
    assert 1 <= (first - today).days <= 7


def test_calendar_with_a_start_date_is_byte_identical_to_the_cli(site, page) -> None:
    profile = {**PROFILE, "weak_side": "right", "start_date": "2027-01-04"}
    page.goto(share_link(site, profile))
    page.wait_for_selector(PLAN_SHOWN, timeout=60_000)
    body = download(page, "ics")
    assert body == cli_plan(profile, "ics")
    events = [c for c in icalendar.Calendar.from_ical(body).walk() if c.name == "VEVENT"]
    assert len(events) == 15
    assert min(e.decoded("DTSTART") for e in events) == dt.date(2027, 1, 4)


def test_downloads_follow_the_form_after_a_change(planned) -> None:
    planned.locator("#pl-weeks").fill("2")
    planned.get_by_role("button", name="Make my plan").click()
    for _ in range(300):
        if planned.locator("#planner .planner-week").count() == 2:
            break
        planned.wait_for_timeout(100)
    planned.wait_for_selector(PLAN_SHOWN)
    assert planned.locator("#planner .planner-week").count() == 2
    plan = json.loads(download(planned, "json"))
    assert len(plan["weeks"]) == 2
    # The form sends every field it shows, so the CLI gets the same profile back from the plan.
    assert download(planned, "csv") == cli_plan(plan["profile"], "csv")


def test_referral_offers_no_routine_downloads(site, page) -> None:
    page.goto(share_link(site, {"version": 1, "red_flags": ["weight_loss"]}))
    page.wait_for_selector("#planner[data-state=refer]", timeout=60_000)
    for label, _ in FILES.values():
        assert page.get_by_role("button", name=label, exact=True).count() == 0
