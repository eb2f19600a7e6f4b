"""The worker bridge: JSON text in and out; make_plan never raises."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from planner import (
    FIELDS,
    FORMATS,
    RED_FLAGS,
    TEST_RESULT_MAX,
    TEST_RESULT_MIN,
    TESTS,
    __version__,
    plan,
    render,
)
from planner._bridge import describe, make_plan


def test_describe_lists_fields_red_flags_tests_and_formats() -> None:
    data = json.loads(describe())
    assert data["version"] == __version__
    assert [f["name"] for f in data["fields"]] == [f.name for f in FIELDS]
    assert [r["id"] for r in data["red_flags"]] == [r.id for r in RED_FLAGS]
    assert all(r["question"] and r["urgency"] for r in data["red_flags"])
    assert [t["id"] for t in data["tests"]] == [t.id for t in TESTS]
    assert data["formats"] == list(FORMATS)
    assert [d["format"] for d in data["downloads"]] == ["json", "ics", "csv", "md"]
    assert all(set(d) == {"format", "label", "filename", "mime"} for d in data["downloads"])
    assert data["limits"]["test_result"] == {"minimum": TEST_RESULT_MIN, "maximum": TEST_RESULT_MAX}
    assert set(data["messages"]["share_link"]) == {
        "too_long",
        "not_base64url",
        "not_text",
        "damaged",
        "details",
    }
    assert data["messages"]["ready"] == "Planner ready."
    # What the page says over the last plan it shows from storage when the engine cannot start.
    last_plan = data["messages"]["last_plan"]
    assert set(last_plan) == {"label", "status"}
    assert "{date}" in last_plan["label"] and "Try again" in last_plan["status"]
    tests = next(f for f in data["fields"] if f["name"] == "tests")
    assert (tests["minimum"], tests["maximum"]) == (TEST_RESULT_MIN, TEST_RESULT_MAX)
    days = next(f for f in data["fields"] if f["name"] == "days_per_week")
    assert (days["minimum"], days["maximum"], days["default"]) == (1, 7, 3)


def test_make_plan_returns_the_plan_and_every_export() -> None:
    profile: dict[str, Any] = {"weak_side": "left", "weeks": 3, "days_per_week": 2}
    answer = json.loads(make_plan(json.dumps(profile), "2026-11-22"))
    assert answer["ok"] is True
    assert answer["plan"] == plan(profile)
    assert set(answer["exports"]) == set(FORMATS)
    assert answer["exports"]["json"] == render(plan(profile), "json")
    assert "DTSTART" in answer["exports"]["ics"]


def test_calendar_without_start_date_starts_after_today() -> None:
    answer = json.loads(make_plan('{"weeks": 1, "days_per_week": 1}', "2026-11-22"))
    assert "DTSTART;VALUE=DATE:20261123" in answer["exports"]["ics"]


def test_invalid_profile_gives_errors_by_field() -> None:
    answer = json.loads(make_plan('{"days_per_week": 0, "pain": "a lot"}', "2026-11-22"))
    assert answer["ok"] is False
    fields = {e["field"] for e in answer["errors"]}
    assert fields == {"days_per_week", "pain"}


@pytest.mark.parametrize("text", ["", "{", "null", "[]", '"x"', '{"a": 1, "a": 2}'])
def test_bad_input_gives_errors_not_exceptions(text: str) -> None:
    answer = json.loads(make_plan(text, "2026-11-22"))
    assert answer["ok"] is False
    assert answer["errors"][0]["field"]


def test_a_fault_in_the_planner_is_its_own_answer_not_a_profile_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A valid profile that the engine fails on says "on our side", never "check your answers"."""
    import planner._engine as engine  # the bridge imports the engine when it first plans

    def boom(_profile: object) -> dict[str, Any]:
        raise RuntimeError("catalogue exploded")

    monkeypatch.setattr(engine, "plan", boom)
    answer = json.loads(make_plan("{}", "2026-11-22"))
    assert answer["ok"] is False and answer["internal"] is True
    assert "errors" not in answer
    assert answer["message"].startswith("Something went wrong on our side")
    assert "(RuntimeError: catalogue exploded)" in answer["message"]


def test_an_invalid_profile_is_never_called_internal(monkeypatch: pytest.MonkeyPatch) -> None:
    import planner._engine as engine

    def boom(_profile: object) -> dict[str, Any]:
        raise RuntimeError("must not be reached")

    monkeypatch.setattr(engine, "plan", boom)
    answer = json.loads(make_plan('{"pain": 11}', "2026-11-22"))
    assert answer == {
        "ok": False,
        "errors": [
            {
                "field": "pain",
                "message": "must be an integer from 0 to 10, got 11",
                "plain": "enter a number from 0 to 10",
            }
        ],
    }


def test_referral_is_ok_with_exports() -> None:
    answer = json.loads(make_plan('{"red_flags": ["chest_pain"]}', "bad date"))
    assert answer["ok"] is True
    assert answer["plan"]["status"] == "refer"
    assert answer["plan"]["urgency"] == "emergency"


def test_describe_gives_the_page_every_urgency_and_block_label_it_shows() -> None:
    """The page keeps no wording of its own: each plan value it shows is labelled here."""
    import json as _json

    from planner import _bridge
    from planner._vocab import BLOCKS

    labels = _json.loads(_bridge.describe())["labels"]
    assert set(labels["blocks"]) == set(BLOCKS)
    assert set(labels["urgency"]) == {"emergency", "urgent", "routine"}
    assert all(isinstance(v, str) and v for v in labels["urgency"].values())


def test_importing_the_bridge_leaves_the_engine_and_renderers_for_the_first_plan() -> None:
    """The runtime is ready once describe() can answer: the rest loads when first needed."""
    code = (
        "import sys, json, planner._bridge as b\n"
        "b.describe()\n"
        "before = sorted(m for m in sys.modules if m.startswith('planner.'))\n"
        "b.make_plan('{}', '2026-11-22')\n"
        "after = sorted(m for m in sys.modules if m.startswith('planner.'))\n"
        "print(json.dumps([before, after]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = json.loads(done.stdout)
    for later in (
        "planner._engine",
        "planner._catalogue",
        "planner._render",
        "planner._render_ics",
    ):
        assert later not in before
        assert later in after


def test_public_api_names_resolve_on_first_use() -> None:
    import planner

    assert sorted(set(planner.__all__) - set(dir(planner))) == []
    for name in planner.__all__:
        assert getattr(planner, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = planner.nothing_here  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "profile",
    [
        {"weak_side": "left", "weeks": 3},
        {"weak_side": "right", "days_per_week": 2, "pain": 5},
        {"red_flags": ["saddle_numbness"]},
    ],
)
def test_the_page_s_two_steps_give_what_make_plan_gives_in_one(profile: dict[str, Any]) -> None:
    from planner._bridge import plan_exports, plan_view

    text = json.dumps(profile)
    whole = json.loads(make_plan(text, "2026-12-01", "json,ics,csv,md"))
    shown = json.loads(plan_view(text, "2026-12-01"))
    assert shown == {key: whole[key] for key in ("ok", "plan", "display")}
    # The exports of the plan just shown, and of another profile's (planned again).
    assert json.loads(plan_exports(text, "2026-12-01", "json,ics,csv,md")) == {
        "ok": True,
        "exports": whole["exports"],
    }
    other = json.dumps({**profile, "weeks": 2})
    again = json.loads(plan_exports(other, "2026-12-01", "ics"))["exports"]["ics"]
    assert again == json.loads(make_plan(other, "2026-12-01", "ics"))["exports"]["ics"]
    assert json.loads(plan_exports("{", "2026-12-01"))["ok"] is False
