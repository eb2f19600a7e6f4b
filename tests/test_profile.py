"""Profile parsing: defaults, normalisation, and every problem reported at once by field."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import FIELDS, Problem, Profile, ProfileError, parse_profile, parse_profile_json


def problems(obj: object) -> list[str]:
    with pytest.raises(ProfileError) as info:
        parse_profile(obj)
    return [str(p) for p in info.value.problems]


def json_problems(text: str) -> list[str]:
    with pytest.raises(ProfileError) as info:
        parse_profile_json(text)
    return [str(p) for p in info.value.problems]


def test_empty_object_gives_the_contract_defaults() -> None:
    p = parse_profile({})
    assert p == Profile()
    assert p.to_dict() == {
        "version": 1,
        "weak_side": "unknown",
        "focus": ["lower_back"],
        "equipment": [],
        "experience": "beginner",
        "days_per_week": 3,
        "minutes_per_session": 30,
        "weeks": 6,
        "pain": 0,
        "red_flags": [],
        "tests": {},
        "start_date": None,
        "goal": "balance",
        "schedule": "standalone",
    }


def test_fields_defaults_match_the_profile_dataclass() -> None:
    defaults = Profile().to_dict()
    for f in FIELDS:
        default = list(f.default) if isinstance(f.default, tuple) else f.default
        assert defaults[f.name] == default, f.name


def test_lists_are_normalised_to_canonical_order() -> None:
    p = parse_profile({"focus": ["hips", "lower_back"], "equipment": ["machine", "dumbbell"]})
    assert p.focus == ("lower_back", "hips")
    assert p.equipment == ("dumbbell", "machine")


def test_normalised_profile_parses_back_to_itself() -> None:
    p = parse_profile(
        {
            "weak_side": "left",
            "tests": {"side_bridge_s": {"left": 40, "right": 55.5}},
            "start_date": "2026-12-07",
        }
    )
    assert parse_profile(json.loads(json.dumps(p.to_dict()))) == p
    assert p.start_date == dt.date(2026, 12, 7)


def test_integer_out_of_range_names_field_and_range() -> None:
    assert problems({"days_per_week": 8})[0].startswith(
        "days_per_week: must be an integer from 1 to 7"
    )
    assert problems({"minutes_per_session": 9})[0].startswith(
        "minutes_per_session: must be an integer from 10 to 180"
    )


@pytest.mark.parametrize("value", [True, False, 3.0, "3", None, [3]])
def test_a_boolean_float_or_string_is_not_an_integer(value: object) -> None:
    assert problems({"days_per_week": value})[0].startswith("days_per_week: must be an integer")


def test_bad_choice_lists_the_allowed_values() -> None:
    assert problems({"focus": ["neck"]}) == [
        'focus: "neck" is not one of lower_back, side_trunk, upper_back, hips'
    ]
    assert problems({"weak_side": "middle"}) == [
        'weak_side: "middle" is not one of left, right, unknown'
    ]


def test_repeats_and_empty_focus_are_errors() -> None:
    assert problems({"equipment": ["band", "band"]}) == [
        'equipment: "band" is repeated; list each once'
    ]
    assert problems({"focus": []})[0].startswith("focus: must list at least one of")


def test_every_problem_is_reported_at_once() -> None:
    found = problems(
        {
            "days_per_week": 0,
            "focus": "hips",
            "pain": 11,
            "colour": "red",
            "red_flags": ["headache"],
            "start_date": "07/12/2026",
            "version": 2,
        }
    )
    fields = [line.split(":")[0] for line in found]
    assert sorted(fields) == sorted(
        ["colour", "version", "focus", "days_per_week", "pain", "red_flags", "start_date"]
    )


def test_nested_test_problems_name_the_dotted_field() -> None:
    found = problems(
        {
            "tests": {
                "side_bridge_s": {"left": -1, "right": True, "middle": 3},
                "grip_kg": {"left": 1, "right": 2},
                "suitcase_hold_s": {"left": 30},
                "one_arm_row_reps": [10, 12],
            }
        }
    )
    assert any(
        line.startswith("tests.side_bridge_s.left: must be a number from 0") for line in found
    )
    assert any(line.startswith("tests.side_bridge_s.right: must be a number") for line in found)
    assert any(line.startswith("tests.side_bridge_s.middle: unknown key") for line in found)
    assert any(line.startswith("tests.grip_kg: unknown test") for line in found)
    assert "tests.suitcase_hold_s.right: is missing; give both sides" in found
    assert any(line.startswith("tests.one_arm_row_reps: must be an object") for line in found)


def test_tests_accept_int_and_float_scores() -> None:
    p = parse_profile({"tests": {"one_arm_row_reps": {"left": 12, "right": 10.5}}})
    assert p.tests[0].left == 12 and p.tests[0].right == 10.5


@pytest.mark.parametrize("text", ["2026-02-30", "2026-2-3", "20261207", "tomorrow", 20261207])
def test_bad_start_date_is_an_error(text: object) -> None:
    assert problems({"start_date": text})[0].startswith("start_date:")


@pytest.mark.parametrize(
    "text", ["2026-12-07\n", " 2026-12-07", "2026-12-07T00:00", "\uff12\uff10\uff12\uff16-12-07"]
)
def test_start_date_must_be_exactly_yyyy_mm_dd_in_ascii_digits(text: str) -> None:
    (problem,) = problems({"start_date": text})
    assert problem.startswith("start_date: must be a date written YYYY-MM-DD")


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_every_real_date_in_iso_form_is_accepted(day: dt.date) -> None:
    assert parse_profile({"start_date": day.isoformat()}).start_date == day


@pytest.mark.parametrize("value", [[], "profile", 3, None, True])
def test_input_that_is_not_an_object_is_an_error(value: Any) -> None:
    assert problems(value)[0].startswith("profile: must be a JSON object")


def test_duplicate_keys_are_reported_by_field_including_nested() -> None:
    found = json_problems(
        '{"pain": 1, "pain": 2, "tests": {"side_bridge_s": {"left": 1, "left": 2, "right": 3}}}'
    )
    assert "pain: appears more than once; give it once" in found
    assert "tests.side_bridge_s.left: appears more than once; give it once" in found


def test_invalid_json_reports_line_and_column() -> None:
    found = json_problems('{\n  "pain": 1\n  "weeks": 2}')
    assert len(found) == 1
    assert found == ["profile: not valid JSON (line 3, column 3): Expecting ',' delimiter"]


def test_problem_renders_as_field_colon_message() -> None:
    assert str(Problem("weeks", "must be an integer from 1 to 16")) == (
        "weeks: must be an integer from 1 to 16"
    )
    err = ProfileError([Problem("a", "x"), Problem("b", "y")])
    assert str(err) == "a: x; b: y"


def test_fields_describe_every_profile_key_with_labels() -> None:
    names = [f.name for f in FIELDS]
    assert names == list(Profile().to_dict())
    for f in FIELDS:
        data = f.to_dict()
        assert data["label"] and data["hint"]
        if f.kind in ("choice", "choices", "tests"):
            assert all(c["value"] and c["label"] for c in data["choices"])
