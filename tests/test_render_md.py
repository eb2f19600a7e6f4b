"""The Markdown export: a printable routine, escaped, deterministic; a calm referral page."""

from __future__ import annotations

import html as html_module
import re
from typing import Any

import markdown
import plan_samples
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import planner
from planner._render import render
from planner._render_md import md_paragraph, md_text

# A table row split on pipes that are not backslash-escaped.
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _table_rows(out: str) -> list[list[str]]:
    rows = []
    for line in out.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in _CELL_SPLIT.split(line)[1:-1]])
    return rows


def _html(out: str) -> str:
    return markdown.markdown(out, extensions=["tables"])


def test_sections_come_in_the_documented_order() -> None:
    out = render(plan_samples.caution_weak_right(), "md")
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings[:5] == [
        "# Even Back plan: 1 week, 3 sessions a week",
        "## Your self-tests",
        "## Why this plan",
        "## Stop rules",
        "## Week 1",
    ]
    assert headings[-2:] == ["## Re-test", "## Sources"]
    assert out.index("**Status:**") < out.index("**Weak side:**") < out.index("## Your self-tests")


def test_asymmetry_table_has_band_label_and_rule_of_thumb_caveat() -> None:
    out = render(plan_samples.caution_weak_right(), "md")
    assert (
        "| Side bridge hold (seconds) | 60 | 45 | Right | 25.0% "
        "| Large difference: worth working on, and worth re-testing carefully |"
    ) in out
    assert "| Suitcase hold (seconds) | 40 | 38 | Right | 5.0% | Within normal variation" in out
    assert "rules of thumb" in out
    assert "## Your self-tests" not in render(plan_samples.ok_weak_left(), "md")


def test_asymmetry_notes_are_listed_under_the_table() -> None:
    plan = plan_samples.caution_weak_right()
    plan["asymmetry"]["side_bridge_s"]["note"] = "Maybe noise | repeat the test."
    out = render(plan, "md")
    assert "- **Side bridge hold (seconds):** Maybe noise \\| repeat the test." in out
    assert out.index("| Side bridge hold") < out.index("Maybe noise") < out.index("rules of thumb")


def test_weak_side_first_and_marked_in_bold() -> None:
    out = render(plan_samples.ok_weak_left(), "md")
    assert "**Left (weak)** 3 \xd7 10, then Right 2 \xd7 10" in out
    assert "**Weak side:** Left (as you told us)" in out
    unknown = render(plan_samples.weak_unknown(), "md")
    assert "(weak)" not in unknown
    assert "Left 2 \xd7 10, then Right 2 \xd7 10" in unknown


def test_each_session_is_a_table_with_one_row_per_item_and_links() -> None:
    plan = plan_samples.ok_weak_left()
    out = render(plan, "md", base_url="https://even.example")
    rows = _table_rows(out)
    header = ["Block", "Exercise", "Sets \xd7 reps or seconds", "Rest", "Tempo", "Notes"]
    assert rows.count(header) == 6
    items = sum(len(s["items"]) for w in plan["weeks"] for s in w["sessions"])
    assert len(rows) == 6 + items
    assert all(len(row) == 6 for row in rows)
    assert "[Bird dog](https://even.example/exercises/bird_dog/)" in out
    assert "### Session 2: Lower back and hips (about 28 minutes)" in out


def test_links_without_base_url_are_site_relative() -> None:
    out = render(plan_samples.ok_weak_left(), "md")
    assert "[Single-leg back extension](/exercises/single_leg_back_extension/)" in out
    assert "- [mcgill2015](/references/#mcgill2015)" in out


def test_deload_weeks_are_marked_in_their_heading() -> None:
    out = render(plan_samples.ok_weak_left(), "md")
    assert "## Week 3 (deload: a lighter week to recover)" in out
    assert "## Week 1\n" in out


def test_pipes_in_data_never_add_table_cells() -> None:
    plan = plan_samples.ok_weak_left()
    item = plan["weeks"][0]["sessions"][0]["items"][1]
    item["notes"] = "left | right | left"
    item["name"] = "Back | extension"
    out = render(plan, "md")
    assert all(len(row) == 6 for row in _table_rows(out))
    html = _html(out)
    assert "left | right | left" in html
    assert "Back | extension" in html


def test_markdown_specials_in_data_render_as_literal_text() -> None:
    plan = plan_samples.ok_weak_left()
    plan["summary"] = ["*not bold* _nor this_ [no](link) <b>raw</b> `code` &amp; # ~~x~~"]
    plan["weeks"][0]["note"] = "1. not a list item"
    plan["retest"] = "- not a bullet"
    plan["weeks"][0]["sessions"][0]["items"][0]["notes"] = "a\nsecond line | x"
    out = render(plan, "md")
    html = _html(out)
    assert "<b>" not in html
    assert plan["summary"][0] in html_module.unescape(html)
    assert "<em>" not in html
    assert "<code>" not in html
    assert "<del>" not in html
    assert "<p>1. not a list item</p>" in html
    assert "<p>- not a bullet</p>" in html
    assert "a second line | x" in html


def test_md_text_escapes_and_flattens() -> None:
    assert md_text("a|b") == "a\\|b"
    assert md_text("x\n  y") == "x y"
    assert md_text("&copy; & co") == "&amp;copy; & co"
    assert md_text("a < b ~ c") == "a &lt; b &#126; c"
    assert md_paragraph("2) two") == "2\\) two"
    assert md_paragraph("+ plus") == "\\+ plus"


def test_referral_is_a_calm_page_without_a_routine() -> None:
    out = render(plan_samples.referral(), "md")
    assert out.startswith("# Even Back: please see a professional first\n")
    assert "**How soon:** Emergency: get medical help now." in out
    assert "**Who to see:** Go to an emergency department now" in out
    assert "## Why" in out
    assert "cauda equina" in out
    assert "## Week" not in out
    assert "### Session" not in out
    assert "## Stop rules" not in out


def test_status_says_caution_when_caution_is_set() -> None:
    plan: dict[str, Any] = plan_samples.caution_weak_right()
    assert "**Status:** Go gently" in render(plan, "md")
    plan["caution"] = False
    assert "**Status:** Ready to train." in render(plan, "md")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_notes_text_keeps_six_cells_per_row(notes: str) -> None:
    plan = plan_samples.ok_weak_left()
    plan["weeks"][0]["sessions"][0]["items"][1]["notes"] = notes
    assert all(len(row) == 6 for row in _table_rows(render(plan, "md")))


@pytest.mark.parametrize("name", sorted(plan_samples.REAL_PROFILES))
def test_real_plans_link_every_item_and_keep_tables_whole(name: str) -> None:
    plan = planner.plan(plan_samples.REAL_PROFILES[name])
    out = render(plan, "md", base_url="https://even.example")
    assert all(len(row) == 6 for row in _table_rows(out))
    items = [item for week in plan["weeks"] for s in week["sessions"] for item in s["items"]]
    for item in items:
        assert f"](https://even.example/exercises/{item['exercise']}/)" in out
    if plan["status"] == "refer":
        assert "## Week" not in out
        assert "**How soon:**" in out
    elif plan["weak_side"] is not None and any(item["unilateral"] for item in items):
        assert f"**{plan['weak_side'].capitalize()} (weak)**" in out
