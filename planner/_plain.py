"""A profile's problems in plain words: what to enter, for a person at the planner's form.

Each `Problem` (`_profile`) keeps its exact `message` (what the CLI prints, naming the value
found, "got null" included) and gains `plain`: what to do about it, in words a person filling
in the form understands ("enter a number from 10 to 180"). The page shows `plain`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._fields import Field

EXAMPLE_DATE = "2026-12-07"


def _either(words: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " or " + words[-1]


def _labels(f: Field) -> list[str]:
    return [c.label for c in f.choices]


def integer(f: Field, value: object) -> str:
    """An integer field: empty, not a number, not whole or out of range."""
    whole = isinstance(value, float) and not value.is_integer()
    number = "a whole number" if whole else "a number"
    return f"enter {number} from {f.minimum} to {f.maximum}"


def choice(f: Field) -> str:
    return f"choose {_either(_labels(f))}"


def choices_unknown(f: Field) -> str:
    return f"choose only from {_either(_labels(f))}"


def choices_repeated() -> str:
    return "each choice counts once: tick it once"


def choices_none(f: Field) -> str:
    return f"tick at least one: {_either(_labels(f))}"


def choices_not_list(f: Field) -> str:
    at_least = "at least one" if f.min_items else "any"
    return f"tick {at_least} of {_either(_labels(f))}"


def test_number(minimum: float, maximum: float) -> str:
    return f"enter a number from {minimum} to {maximum}"


def test_missing() -> str:
    return "enter both sides' results, or leave both empty"


def test_unknown() -> str:
    return "this is not one of the planner's self-tests; make a new link from the form"


def test_shape() -> str:
    return "enter a result for each side"


def tests_shape() -> str:
    return "enter your self-test results in the boxes, each side's on its own"


def date() -> str:
    return f"enter a date, for example {EXAMPLE_DATE}, or leave it empty"


def unreal_date() -> str:
    return f"that day does not exist: enter a real date, for example {EXAMPLE_DATE}"


def version() -> str:
    return "this was made by a different version of the planner: make a new link from the form"


def duplicate() -> str:
    return "this answer is given twice: make a new link from the form"


def unknown_field() -> str:
    return "this is not one of the planner's questions: make a new link from the form"


def not_answers() -> str:
    return "it does not hold a set of answers the planner can read: make a new link from the form"
