"""What the page needs to find its way in a plan: each exercise explained once, short item
notes, the week to open, sources by name (`planner._view`, through `display`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from planner import plan as make
from planner._bridge import make_plan
from planner._display import display
from planner._sources import load_sources
from planner._view import current_week, explanations

ROOT = Path(__file__).resolve().parents[1]


def forum_plan() -> dict[str, Any]:
    text = (ROOT / "docs/examples/forum-slight-scoliosis-right-weaker.json").read_text()
    return make(json.loads(text))


def items(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for w in plan["weeks"] for s in w["sessions"] for i in s["items"]]


def test_each_exercise_is_explained_once_in_order_of_first_appearance() -> None:
    plan = forum_plan()
    said = display(plan)["explanations"]
    order: list[str] = []
    for item in items(plan):
        if item["exercise"] not in order:
            order.append(item["exercise"])
    assert [e["exercise"] for e in said] == order
    first = {i["exercise"]: i for i in reversed(items(plan))}
    for entry in said:
        assert entry["name"] == first[entry["exercise"]]["name"]
        assert entry["href"] == first[entry["exercise"]]["page"]
        assert entry["text"]


def shown_items(plan: dict[str, Any], words: dict[str, Any]) -> list[tuple[Any, Any]]:
    return [
        (item, word)
        for week, wweek in zip(plan["weeks"], words["weeks"], strict=True)
        for session, wsession in zip(week["sessions"], wweek["sessions"], strict=True)
        for item, word in zip(session["items"], wsession["items"], strict=True)
    ]


def test_items_leave_out_notes_their_explanation_already_says() -> None:
    """A plan without its own `explanations` (one made before they existed): each exercise's
    first note is its explanation, and an item whose note says the same shows none."""
    plan = forum_plan()
    plan.pop("explanations", None)
    for item in items(plan):
        item["notes"] = f"How to do {item['exercise']}, in full."
    items(plan)[-1]["notes"] = "Something of this item's own."
    words = display(plan)
    text = {e["exercise"]: e["text"] for e in words["explanations"]}
    shown = shown_items(plan, words)
    for item, word in shown:
        assert word["exercise"] == item["exercise"]
        expected = "" if item["notes"] == text[item["exercise"]] else item["notes"]
        assert word["note"] == expected
    assert [w["note"] for _, w in shown if w["note"]] == ["Something of this item's own."]


def test_with_the_plans_own_explanations_no_item_repeats_its_explanation() -> None:
    plan = forum_plan()
    assert plan["explanations"], "the planner says each exercise's full note once"
    words = display(plan)
    text = {e["exercise"]: e["text"] for e in words["explanations"]}
    for item, word in shown_items(plan, words):
        assert word["note"] == item["notes"]
        assert word["note"] != text[item["exercise"]]


def test_a_plans_own_explanations_are_used_as_they_are() -> None:
    plan = forum_plan()
    first = items(plan)[0]["exercise"]
    plan["explanations"] = {first: "Said once."}
    said = display(plan)["explanations"]
    assert [(e["exercise"], e["text"]) for e in said] == [(first, "Said once.")]
    assert display(plan)["weeks"][0]["sessions"][0]["items"][0]["note"] == items(plan)[0]["notes"]


def test_the_week_to_open_follows_the_start_date_and_today() -> None:
    plan = make({"weeks": 4, "start_date": "2026-11-02"})
    on = dt.date.fromisoformat
    assert current_week(plan, on("2026-10-30")) == 1
    assert current_week(plan, on("2026-11-02")) == 1
    assert current_week(plan, on("2026-11-08")) == 1
    assert current_week(plan, on("2026-11-09")) == 2
    assert current_week(plan, on("2026-11-29")) == 4
    assert current_week(plan, on("2027-03-01")) == 4
    assert current_week(make({"weeks": 4}), on("2026-11-20")) == 1
    assert current_week(plan, None) == 1


def test_make_plan_gives_the_week_to_open_and_only_the_formats_asked_for() -> None:
    answer = json.loads(
        make_plan('{"weeks": 3, "start_date": "2026-11-02"}', "2026-11-10", "md,ics")
    )
    assert answer["display"]["current_week"] == 2
    assert list(answer["exports"]) == ["md", "ics"]
    every = json.loads(make_plan("{}", "2026-11-10"))
    assert list(every["exports"]) == ["json", "md", "csv", "ics", "text"]


def test_sources_are_named_as_a_reader_knows_them() -> None:
    plan = forum_plan()
    known = load_sources()
    named = display(plan)["sources"]
    assert [s["key"] for s in named] == plan["sources"]
    assert all(s["name"] == known[s["key"]].short for s in named)


def test_a_plan_without_weeks_explains_nothing() -> None:
    assert explanations({"weeks": []}) == []
