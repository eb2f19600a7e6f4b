"""The printout for the gym: each week on at most one A4 page (the forum examples), a log
sheet (a blank box per set and side), and a header with the site's name, the date, the share
link and the educational notice.

Page counts come from Chromium's own PDF (page.pdf(), print media), read by counting its
`/Type /Page` objects."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from _cli import cli_plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("forum-*.json"))
PLAN_SHOWN = "#planner[data-state=plan][aria-busy=false]"


def pdf_pages(pdf: bytes) -> int:
    """The number of page objects in a PDF (`/Type /Page`, not the `/Type /Pages` tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_the_page_counter_counts_pages_not_the_page_tree() -> None:
    pdf = b"<< /Type /Pages /Kids [1 0 R 2 0 R] >> << /Type /Page >> << /Type/Page /X 1 >>"
    assert pdf_pages(pdf) == 2


def open_example(page, site, path: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    profile = json.loads(path.read_text(encoding="utf-8"))
    payload = base64.urlsafe_b64encode(json.dumps(profile).encode()).decode().rstrip("=")
    page.goto(f"{site.url}planner/#profile={payload}")
    page.wait_for_selector(PLAN_SHOWN, timeout=60_000)
    return profile


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_each_week_prints_on_one_a4_page(site, page, example: Path) -> None:
    open_example(page, site, example)
    weeks = page.locator("#planner .planner-week").count()
    whole = pdf_pages(page.pdf(format="A4"))
    # The weeks alone: each starts a page, so more pages than weeks means a week ran over.
    page.evaluate(
        """() => {
          document.querySelectorAll('#planner .planner-result > :not(.planner-weeks)')
            .forEach((n) => n.remove());
          document.querySelector('#planner .planner-weeks').style.breakBefore = 'auto';
        }"""
    )
    assert pdf_pages(page.pdf(format="A4")) == weeks
    # Around them: the plan's first page (why, stop rules) and the exercises explained once.
    assert weeks < whole <= weeks + 4


@pytest.mark.parametrize("example", EXAMPLES[:1], ids=lambda p: p.stem)
def test_the_printout_is_a_log_sheet_with_a_box_per_set_and_side(site, page, example) -> None:  # type: ignore[no-untyped-def]
    profile = open_example(page, site, example)
    plan = json.loads(cli_plan(profile))
    page.emulate_media(media="print")
    week = plan["weeks"][1]
    for s, session in enumerate(week["sessions"], start=1):
        for i, item in enumerate(session["items"], start=1):
            sheet = page.locator(f"#pl-w2-s{s}-i{i} table.planner-log-sheet")
            assert sheet.is_visible()
            rows = sheet.locator("tbody tr")
            sides = item.get("sides") or [{"sets": item["sets"]}]
            assert rows.count() == len(sides)
            for r, side in enumerate(sides):
                assert rows.nth(r).locator("td.planner-box").count() == side["sets"]
    # Every week is printed open, whether or not it was open on screen.
    assert page.locator("#pl-w3-s1").is_visible()


def test_the_printout_starts_with_site_date_share_link_and_notice(site, page) -> None:
    open_example(page, site, EXAMPLES[0])
    head = page.locator("#planner .planner-print-head")
    assert head.is_hidden()  # print only
    page.emulate_media(media="print")
    assert head.is_visible()
    text = head.inner_text()
    assert "Even Back" in text
    assert dt.date.today().isoformat() in text
    assert page.evaluate("location.href") in text
    assert "not medical advice" in text
    assert page.locator("#planner .planner-tools").is_hidden()
