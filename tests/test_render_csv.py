"""The CSV export: RFC 4180, one row per week, day, item and side."""

from __future__ import annotations

import csv
import io
from typing import Any

import plan_samples
import pytest

import planner
from planner._render import render
from planner._render_csv import COLUMNS


def _rows(plan: dict[str, Any]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(plan, "csv"), newline="")))


def _expected_row_count(plan: dict[str, Any]) -> int:
    return sum(
        len(item["sides"]) if item["unilateral"] else 1
        for week in plan["weeks"]
        for session in week["sessions"]
        for item in session["items"]
    )


def test_header_row_has_the_documented_columns() -> None:
    out = render(plan_samples.ok_weak_left(), "csv")
    header = next(csv.reader(io.StringIO(out, newline="")))
    assert header == [
        "week", "deload", "day", "estimated_minutes", "block", "exercise", "name", "side",
        "order", "sets", "reps", "seconds", "rest_seconds", "tempo", "notes",
    ]  # fmt: skip
    assert tuple(header) == COLUMNS


@pytest.mark.parametrize("name", ["ok_weak_left", "weak_unknown", "caution_weak_right"])
def test_one_row_per_side_of_every_item(name: str) -> None:
    plan = plan_samples.all_samples()[name]
    assert len(_rows(plan)) == _expected_row_count(plan)


def test_every_line_ends_in_crlf() -> None:
    out = render(plan_samples.ok_weak_left(), "csv")
    assert out.endswith("\r\n")
    assert out.count("\n") == out.count("\r\n")
    assert len(out.split("\r\n")) - 1 == _expected_row_count(plan_samples.ok_weak_left()) + 1


def test_weak_side_row_comes_first_and_bilateral_items_say_both() -> None:
    rows = _rows(plan_samples.caution_weak_right())
    extension = [r for r in rows if r["exercise"] == "side_plank_knees" and r["day"] == "1"]
    assert [r["side"] for r in extension] == ["right", "left"]
    assert [r["sets"] for r in extension] == ["3", "2"]
    warmup = [r for r in rows if r["exercise"] == "cat_camel" and r["day"] == "1"]
    assert [r["side"] for r in warmup] == ["both"]


def test_reps_and_seconds_fill_their_own_column_only() -> None:
    rows = _rows(plan_samples.ok_weak_left())
    plank = next(r for r in rows if r["exercise"] == "side_plank")
    assert (plank["reps"], plank["seconds"]) == ("", "30")
    extension = next(r for r in rows if r["exercise"] == "single_leg_back_extension")
    assert (extension["reps"], extension["seconds"]) == ("10", "")


def test_deload_week_and_item_order_are_recorded() -> None:
    rows = _rows(plan_samples.ok_weak_left())
    assert {r["deload"] for r in rows if r["week"] == "3"} == {"true"}
    assert {r["deload"] for r in rows if r["week"] == "1"} == {"false"}
    day_one = [r for r in rows if r["week"] == "1" and r["day"] == "1"]
    assert [r["order"] for r in day_one] == ["1", "2", "2", "3", "3", "4"]
    assert {r["estimated_minutes"] for r in day_one} == {"28"}


def test_commas_quotes_and_newlines_in_notes_round_trip() -> None:
    plan = plan_samples.ok_weak_left()
    tricky = 'Keep it slow, "really" slow;\nthen rest'
    plan["weeks"][0]["sessions"][0]["items"][0]["notes"] = tricky
    rows = _rows(plan)
    assert rows[0]["notes"] == tricky
    assert len(rows) == _expected_row_count(plan)


def test_referral_is_the_header_row_only() -> None:
    out = render(plan_samples.referral(), "csv")
    assert out == ",".join(COLUMNS) + "\r\n"


@pytest.mark.parametrize("name", sorted(plan_samples.REAL_PROFILES))
def test_real_plans_give_one_row_per_side_weak_side_first(name: str) -> None:
    plan = planner.plan(plan_samples.REAL_PROFILES[name])
    rows = _rows(plan)
    assert len(rows) == _expected_row_count(plan)
    if plan["status"] == "refer":
        assert rows == []
        return
    weak = plan["weak_side"]
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        key = (row["week"], row["day"], row["order"])
        assert row["side"] in ("left", "right", "both")
        if row["side"] != "both" and weak is not None and key not in seen:
            assert row["side"] == weak
        seen.add(key)
