"""FIELDS: the profile's fields as the form shows them and the parser checks them, the one
source for names, labels, hints, defaults, choices and ranges."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ._assess import TEST_RESULT_MAX, TEST_RESULT_MIN, TESTS
from ._screen import RED_FLAGS
from ._vocab import (
    EQUIPMENT_LABELS,
    FOCUS_LABELS,
    GOAL_LABELS,
    LEVEL_LABELS,
    SCHEDULE_LABELS,
    SIDE_LABELS,
)

FieldKind = Literal["version", "choice", "choices", "integer", "tests", "date"]


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Field:
    """One profile field, as the form shows it and the parser checks it."""

    name: str
    kind: FieldKind
    label: str
    hint: str
    default: Any
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    min_items: int = 0
    unit: str = ""

    def to_dict(self) -> dict[str, Any]:
        default = list(self.default) if isinstance(self.default, tuple) else self.default
        return {
            "name": self.name,
            "kind": self.kind,
            "label": self.label,
            "hint": self.hint,
            "default": default,
            "choices": [{"value": c.value, "label": c.label} for c in self.choices],
            "minimum": self.minimum,
            "maximum": self.maximum,
            "min_items": self.min_items,
            "unit": self.unit,
        }


def _choices(labels: Mapping[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value, label) for value, label in labels.items())


FIELDS: tuple[Field, ...] = (
    Field(
        "version",
        "version",
        "Profile version",
        "Always 1 for this version of the planner.",
        1,
        minimum=1,
        maximum=1,
    ),
    Field(
        "weak_side",
        "choice",
        "Which side is weaker or smaller?",
        "The side to bring up. If you are not sure, choose 'Not sure': your self-test results "
        "decide, or the plan starts with a test session.",
        "unknown",
        choices=_choices(SIDE_LABELS),
    ),
    Field(
        "focus",
        "choices",
        "What do you want to train?",
        "Pick one or more regions; every one you pick is trained at least once a week.",
        ("lower_back",),
        choices=_choices(FOCUS_LABELS),
        min_items=1,
    ),
    Field(
        "equipment",
        "choices",
        "What equipment do you have?",
        "Tick nothing for body weight only. Body-weight exercises are always included; an "
        "exercise is only chosen when you have everything it needs.",
        (),
        choices=_choices(EQUIPMENT_LABELS),
    ),
    Field(
        "experience",
        "choice",
        "How long have you trained regularly?",
        "Exercises above your level are left out.",
        "beginner",
        choices=_choices(LEVEL_LABELS),
    ),
    Field(
        "days_per_week",
        "integer",
        "Sessions a week",
        "How many days a week you can train this routine.",
        3,
        minimum=1,
        maximum=7,
        unit="days",
    ),
    Field(
        "minutes_per_session",
        "integer",
        "Minutes per session",
        "Each session is planned to fit in this time, rests included.",
        30,
        minimum=10,
        maximum=180,
        unit="minutes",
    ),
    Field(
        "weeks",
        "integer",
        "Length of the block",
        "How many weeks to plan. Blocks of 5 weeks or more include an easier (deload) week.",
        6,
        minimum=1,
        maximum=16,
        unit="weeks",
    ),
    Field(
        "pain",
        "integer",
        "Back pain right now, at rest",
        "0 = no pain, 10 = the worst pain you can imagine. From 4 the plan is gentler; from 7 "
        "it asks you to see a professional first.",
        0,
        minimum=0,
        maximum=10,
        unit="out of 10",
    ),
    Field(
        "red_flags",
        "choices",
        "Safety questions: tick every one you answer yes to",
        "Any yes means the planner asks you to see a professional first, and says how urgently.",
        (),
        choices=tuple(Choice(flag.id, flag.question) for flag in RED_FLAGS),
    ),
    Field(
        "tests",
        "tests",
        "Self-test results (optional)",
        "For each test you did, the score of each side: seconds held or reps done. Higher is "
        "better; the side with the lower score is treated as the weaker one.",
        {},
        choices=tuple(Choice(t.id, t.name) for t in TESTS),
        minimum=TEST_RESULT_MIN,
        maximum=TEST_RESULT_MAX,
    ),
    Field(
        "start_date",
        "date",
        "First training day (optional)",
        "Used for the calendar download. Without it the calendar starts next Monday.",
        None,
    ),
    Field(
        "goal",
        "choice",
        "What is the block for?",
        "Even the sides out: strength and control, the weak side first. Muscle: enough hard "
        "sets for the weaker side to grow, loaded where your equipment allows. Endurance: "
        "longer holds and higher reps, for back health.",
        "balance",
        choices=_choices(GOAL_LABELS),
    ),
    Field(
        "schedule",
        "choice",
        "Do you already train?",
        "Whole sessions, or short blocks to add to workouts you already do (no second "
        "warm-up; each block says which of your own sessions it follows).",
        "standalone",
        choices=_choices(SCHEDULE_LABELS),
    ),
)

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
FIELD: dict[str, Field] = {f.name: f for f in FIELDS}
