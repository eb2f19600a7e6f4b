"""The JSON export and the render() dispatcher."""

from __future__ import annotations

import datetime
import json

import plan_samples
import pytest

import planner
from planner._render import render
from planner._vocab import FORMATS


def test_formats_are_the_five_contract_formats_in_order() -> None:
    assert FORMATS == ("json", "md", "csv", "ics", "text")


@pytest.mark.parametrize("name", sorted(plan_samples.all_samples()))
def test_json_is_json_dumps_indent_2_unescaped_plus_newline(name: str) -> None:
    plan = plan_samples.all_samples()[name]
    expected = json.dumps(plan, indent=2, ensure_ascii=False) + "\n"
    assert render(plan, "json") == expected
    assert json.loads(render(plan, "json")) == plan


def test_json_keeps_non_ascii_characters_unescaped() -> None:
    plan = plan_samples.ok_weak_left()
    plan["summary"].append("Ça va: 3 \xd7 10")
    out = render(plan, "json")
    assert "Ça va: 3 \xd7 10" in out
    assert "\\u" not in out


def test_json_keeps_the_plan_key_order() -> None:
    plan = plan_samples.ok_weak_left()
    keys = list(json.loads(render(plan, "json")))
    assert keys == list(plan)


def test_unknown_format_raises_value_error_naming_the_allowed_formats() -> None:
    with pytest.raises(ValueError, match="json, md, csv, ics, text") as excinfo:
        render(plan_samples.ok_weak_left(), "pdf")
    assert "'pdf'" in str(excinfo.value)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(plan_samples.all_samples()))
def test_every_format_is_deterministic_for_the_same_plan(name: str, fmt: str) -> None:
    today = datetime.date(2026, 11, 22)
    first = render(plan_samples.all_samples()[name], fmt, today=today)
    second = render(plan_samples.all_samples()[name], fmt, today=today)
    assert first == second
    assert first.endswith("\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_rendering_does_not_change_the_plan(fmt: str) -> None:
    plan = plan_samples.caution_weak_right()
    before = json.dumps(plan, sort_keys=True)
    render(plan, fmt, today=datetime.date(2026, 11, 22))
    assert json.dumps(plan, sort_keys=True) == before


@pytest.mark.parametrize("name", sorted(plan_samples.REAL_PROFILES))
def test_real_plans_render_as_their_exact_json(name: str) -> None:
    plan = planner.plan(plan_samples.REAL_PROFILES[name])
    out = render(plan, "json")
    assert out == json.dumps(plan, indent=2, ensure_ascii=False) + "\n"
    assert json.loads(out) == plan


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(plan_samples.REAL_PROFILES))
def test_real_plans_render_identically_twice(name: str, fmt: str) -> None:
    profile = plan_samples.REAL_PROFILES[name]
    today = datetime.date(2026, 11, 22)
    first = render(planner.plan(profile), fmt, today=today)
    assert first == render(planner.plan(profile), fmt, today=today)
    assert planner.render(planner.plan(profile), fmt, today=today) == first
