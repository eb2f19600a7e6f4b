"""A profile's problems in a person's words: what the form says next to a field.

The exact CLI message stays as it is (`message`); `plain` says what to enter instead, and
never speaks of JSON values ("got null", "a string") a person at the form never typed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from planner._bridge import make_plan
from planner._fields import FIELD
from planner._profile import ProfileError, parse_profile

JSON_WORDS = ("null", "got ", "JSON", "a string", "a list", "an object", "boolean")


def problems(profile: dict[str, Any]) -> list[dict[str, str]]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(profile)
    return [p.to_dict() for p in caught.value.problems]


def only(profile: dict[str, Any]) -> dict[str, str]:
    (problem,) = problems(profile)
    return problem


def test_an_empty_minutes_box_says_what_to_enter_never_got_null() -> None:
    problem = only({"minutes_per_session": None})
    assert problem["plain"] == "enter a number from 10 to 180"
    assert problem["message"] == "must be an integer from 10 to 180, got null"


@pytest.mark.parametrize("name", ["days_per_week", "minutes_per_session", "weeks", "pain"])
@pytest.mark.parametrize("value", [None, "", "ten", 9999, -1])
def test_every_number_box_says_its_range_whatever_was_typed(name: str, value: object) -> None:
    field = FIELD[name]
    problem = only({name: value})
    assert problem["plain"] == f"enter a number from {field.minimum} to {field.maximum}"


def test_a_fraction_asks_for_a_whole_number() -> None:
    assert only({"days_per_week": 2.5})["plain"] == "enter a whole number from 1 to 7"


def test_no_focus_ticked_names_the_choices_by_their_labels() -> None:
    plain = only({"focus": []})["plain"]
    labels = [c.label for c in FIELD["focus"].choices]
    assert plain.startswith("tick at least one: ")
    assert all(label in plain for label in labels)
    assert "lower_back" not in plain


def test_one_side_of_a_self_test_left_empty_asks_for_both() -> None:
    problem = only({"tests": {"side_bridge_s": {"left": 30}}})
    assert problem["field"] == "tests.side_bridge_s.right"
    assert problem["plain"] == "enter both sides' results, or leave both empty"


def test_a_self_test_result_out_of_range_says_the_range() -> None:
    problem = only({"tests": {"side_bridge_s": {"left": 30, "right": 5000}}})
    assert problem["plain"] == "enter a number from 0 to 3600"


PROFILES: list[dict[str, Any]] = [
    {"minutes_per_session": None},
    {"weeks": "six"},
    {"weak_side": None},
    {"weak_side": "middle"},
    {"focus": "hips"},
    {"focus": ["hips", "hips"]},
    {"focus": ["neck"]},
    {"equipment": None},
    {"tests": []},
    {"tests": {"side_bridge_s": 5}},
    {"tests": {"side_bridge_s": {"left": 1, "right": 2, "up": 3}}},
    {"tests": {"grip_s": {"left": 1, "right": 2}}},
    {"start_date": "tomorrow"},
    {"start_date": "2026-02-30"},
    {"version": 2},
    {"colour": "blue"},
]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: json.dumps(p))
def test_every_problem_has_plain_words_without_json_terms(profile: dict[str, Any]) -> None:
    for problem in problems(profile):
        plain = problem.get("plain", "")
        assert plain, problem
        assert not any(word in plain for word in JSON_WORDS), problem


def test_text_that_is_not_a_profile_has_plain_words_too() -> None:
    for text in ["{", "[]", '"x"']:
        (error,) = json.loads(make_plan(text))["errors"]
        assert error["field"] == "profile"
        assert error["plain"].startswith("it does not hold a set of answers")
