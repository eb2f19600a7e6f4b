"""Hand-built plans in the shape of DEVELOPING.md's plan JSON, for the renderer tests.

Each builder returns a fresh dict, so a test may change its copy freely.
"""

from __future__ import annotations

from typing import Any

from planner._assess import BAND_LABELS

DEFAULT_PROFILE: dict[str, Any] = {
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
}

STOP_RULES = [
    "Stop the exercise if it causes sharp pain, or pain that spreads into a leg.",
    "Stop the session and seek advice if you feel numbness, tingling or weakness in a leg.",
]


def _profile(**changes: Any) -> dict[str, Any]:
    profile = {
        key: (list(value) if isinstance(value, list) else value)
        for key, value in DEFAULT_PROFILE.items()
    }
    profile["tests"] = {}
    profile.update(changes)
    return profile


def _unilateral(
    exercise: str,
    name: str,
    block: str,
    first: str,
    second: str,
    first_sets: int,
    second_sets: int,
    amount: int,
    measure: str = "reps",
    *,
    rest: int = 60,
    tempo: str = "2-1-2",
    notes: str = "",
) -> dict[str, Any]:
    return {
        "exercise": exercise,
        "name": name,
        "page": f"/exercises/{exercise}/",
        "block": block,
        "unilateral": True,
        "rest_seconds": rest,
        "tempo": tempo,
        "notes": notes,
        "sides": [
            {"side": first, "sets": first_sets, measure: amount},
            {"side": second, "sets": second_sets, measure: amount},
        ],
    }


def _bilateral(
    exercise: str,
    name: str,
    block: str,
    sets: int,
    amount: int,
    measure: str = "seconds",
    *,
    rest: int = 30,
    tempo: str = "hold",
    notes: str = "",
) -> dict[str, Any]:
    return {
        "exercise": exercise,
        "name": name,
        "page": f"/exercises/{exercise}/",
        "block": block,
        "unilateral": False,
        "rest_seconds": rest,
        "tempo": tempo,
        "notes": notes,
        "sets": sets,
        measure: amount,
    }


def _session(day: int, title: str, minutes: int, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"day": day, "title": title, "estimated_minutes": minutes, "items": items}


def _weak_left_session(day: int, main_sets: int) -> dict[str, Any]:
    return _session(
        day,
        "Lower back and hips",
        28,
        [
            _bilateral(
                "bird_dog",
                "Bird dog",
                "warmup",
                2,
                20,
                notes="Slow and steady; keep the hips level.",
            ),
            _unilateral(
                "single_leg_back_extension",
                "Single-leg back extension",
                "main",
                "left",
                "right",
                main_sets,
                main_sets - 1,
                10,
                notes="Left side first; match the reps your left side managed.",
            ),
            _unilateral(
                "side_plank",
                "Side plank",
                "accessory",
                "left",
                "right",
                3,
                2,
                30,
                "seconds",
                tempo="hold",
                notes="Left side down first.",
            ),
            _bilateral("cat_camel", "Cat-camel", "mobility", 1, 8, "reps", rest=0, tempo="slow"),
        ],
    )


def ok_weak_left() -> dict[str, Any]:
    """Weak side stated (left), 3 weeks of 2 sessions, the last week a deload."""
    weeks = []
    for number, deload, sets in ((1, False, 3), (2, False, 4), (3, True, 2)):
        weeks.append(
            {
                "week": number,
                "deload": deload,
                "note": "Lighter week: let the work sink in."
                if deload
                else "Learn the movements; leave two reps in reserve.",
                "sessions": [_weak_left_session(1, sets), _weak_left_session(2, sets)],
            }
        )
    return {
        "version": 1,
        "planner_version": "0.1.0",
        "status": "ok",
        "profile": _profile(
            weak_side="left", days_per_week=2, weeks=3, focus=["lower_back", "side_trunk"]
        ),
        "weak_side": "left",
        "weak_side_source": "stated",
        "caution": False,
        "asymmetry": {},
        "summary": [
            "Your left side is the one to bring up, so it goes first and gets an extra set.",
            "Two sessions a week fit your 30 minutes.",
        ],
        "stop_rules": STOP_RULES,
        "retest": "In the last session, repeat your self-tests and compare both sides.",
        "sources": ["ratamess2009", "mcgill2015"],
        "weeks": weeks,
    }


def weak_unknown() -> dict[str, Any]:
    """No weak side known: week 1 day 1 starts with the self-tests, sides get equal work."""
    tests_items = [
        _unilateral(
            "side_plank",
            "Side plank (self-test)",
            "warmup",
            "left",
            "right",
            1,
            1,
            60,
            "seconds",
            rest=120,
            tempo="hold",
            notes="Self-test: hold as long as you can on each side; record both sides.",
        ),
        _unilateral(
            "single_leg_glute_bridge",
            "Single-leg glute bridge (self-test)",
            "warmup",
            "left",
            "right",
            1,
            1,
            20,
            rest=120,
            tempo="1-0-1",
            notes="Self-test: as many good reps as you can; record both sides.",
        ),
    ]
    main = [
        _unilateral(
            "single_leg_glute_bridge",
            "Single-leg glute bridge",
            "main",
            "left",
            "right",
            2,
            2,
            10,
            notes="Same work on both sides, left first.",
        ),
        _bilateral("dead_bug", "Dead bug", "accessory", 2, 8, "reps", tempo="2-0-2"),
    ]
    return {
        "version": 1,
        "planner_version": "0.1.0",
        "status": "ok",
        "profile": _profile(days_per_week=1, weeks=2, start_date="2026-12-02"),
        "weak_side": None,
        "weak_side_source": None,
        "caution": False,
        "asymmetry": {},
        "summary": ["We do not know your weaker side yet, so both sides get equal work."],
        "stop_rules": STOP_RULES,
        "retest": "In the last session, repeat your self-tests.",
        "sources": ["ratamess2009"],
        "weeks": [
            {
                "week": 1,
                "deload": False,
                "note": "Start with the self-tests.",
                "sessions": [_session(1, "Self-tests and basics", 25, tests_items + main)],
            },
            {
                "week": 2,
                "deload": False,
                "note": "Add a little.",
                "sessions": [_session(1, "Lower back and hips", 20, main)],
            },
        ],
    }


def caution_weak_right() -> dict[str, Any]:
    """Pain 5 (caution), weak side right found by the self-tests, 3 sessions in one week."""
    session_items = [
        _bilateral("cat_camel", "Cat-camel", "warmup", 1, 8, "reps", rest=0, tempo="slow"),
        _unilateral(
            "side_plank_knees",
            "Side plank from the knees",
            "main",
            "right",
            "left",
            3,
            2,
            20,
            "seconds",
            tempo="hold",
            notes="Right side down first; stop if the pain rises.",
        ),
        _unilateral(
            "bird_dog",
            "Bird dog",
            "accessory",
            "right",
            "left",
            2,
            2,
            8,
            tempo="hold",
            notes="Reach with the right arm first.",
        ),
    ]
    return {
        "version": 1,
        "planner_version": "0.1.0",
        "status": "ok",
        "profile": _profile(
            pain=5,
            weeks=1,
            tests={
                "side_bridge_s": {"left": 60, "right": 45},
                "suitcase_hold_s": {"left": 40, "right": 38},
            },
        ),
        "weak_side": "right",
        "weak_side_source": "tests",
        "caution": True,
        "asymmetry": {
            "side_bridge_s": {
                "left": 60,
                "right": 45,
                "weaker": "right",
                "index_pct": 25.0,
                "band": "large",
                "band_label": BAND_LABELS["large"],
            },
            "suitcase_hold_s": {
                "left": 40,
                "right": 38,
                "weaker": "right",
                "index_pct": 5.0,
                "band": "within normal variation",
                "band_label": BAND_LABELS["within normal variation"],
            },
        },
        "summary": ["Your pain is 5 out of 10, so this plan uses holds and easier variants."],
        "stop_rules": [*STOP_RULES, "Stop if your pain goes above 6 out of 10."],
        "retest": "Repeat the side bridge test at the end of the week.",
        "sources": ["mcgill2015"],
        "weeks": [
            {
                "week": 1,
                "deload": False,
                "note": "Gentle start.",
                "sessions": [
                    _session(day, "Gentle trunk work", 18, session_items) for day in (1, 2, 3)
                ],
            },
        ],
    }


def referral() -> dict[str, Any]:
    """A red flag given: an urgent referral with no routine."""
    return {
        "version": 1,
        "planner_version": "0.1.0",
        "status": "refer",
        "profile": _profile(
            red_flags=["saddle_numbness"], tests={"side_bridge_s": {"left": 50, "right": 40}}
        ),
        "urgency": "emergency",
        "see": "Go to an emergency department now, or call your local emergency number.",
        "reasons": [
            "Numbness around the saddle area can mean pressure on the nerves at the base of "
            "the spine (cauda equina syndrome), which needs checking the same day.",
        ],
        "weak_side": "right",
        "weak_side_source": "tests",
        "asymmetry": {
            "side_bridge_s": {
                "left": 50,
                "right": 40,
                "weaker": "right",
                "index_pct": 20.0,
                "band": "large",
                "band_label": BAND_LABELS["large"],
            },
        },
        "weeks": [],
    }


def all_samples() -> dict[str, dict[str, Any]]:
    return {
        "ok_weak_left": ok_weak_left(),
        "weak_unknown": weak_unknown(),
        "caution_weak_right": caution_weak_right(),
        "referral": referral(),
    }


# Profiles for end-to-end tests that render what `planner.plan` really returns.
REAL_PROFILES: dict[str, dict[str, Any]] = {
    "weak_left_tests": {
        "weak_side": "left",
        "days_per_week": 3,
        "weeks": 4,
        "tests": {"side_bridge_s": {"left": 40, "right": 60}},
    },
    "weak_unknown": {"days_per_week": 2, "weeks": 2, "start_date": "2026-12-02"},
    "caution_right_7_days": {
        "weak_side": "right",
        "pain": 5,
        "days_per_week": 7,
        "weeks": 1,
        "focus": ["side_trunk", "hips"],
    },
    "one_day_equipment": {
        "weak_side": "right",
        "days_per_week": 1,
        "weeks": 8,
        "minutes_per_session": 60,
        "experience": "advanced",
        "equipment": ["dumbbell", "bench", "cable", "band"],
        "focus": ["lower_back", "side_trunk", "upper_back", "hips"],
    },
    "referral": {"red_flags": ["saddle_numbness"]},
    "pain_referral": {"pain": 8, "tests": {"suitcase_hold_s": {"left": 30, "right": 20}}},
}
