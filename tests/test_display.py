"""The page's words (make_plan's "display") are the exports' words, in the plan's shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planner import plan, render
from planner._display import display
from planner._wording import REFERRAL_NO_ROUTINE, prescription

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def _example(name: str) -> dict[str, Any]:
    result: dict[str, Any] = plan(json.loads((EXAMPLES / name).read_text(encoding="utf-8")))
    return result


def test_every_week_session_and_item_of_the_plan_has_its_words() -> None:
    result = _example("forum-left-erector-basketball.json")
    shown = display(result)
    assert len(shown["weeks"]) == len(result["weeks"])
    for week, words in zip(result["weeks"], shown["weeks"], strict=True):
        assert len(words["sessions"]) == len(week["sessions"])
        for session, s_words in zip(week["sessions"], words["sessions"], strict=True):
            assert len(s_words["items"]) == len(session["items"])
            assert s_words["minutes"] == f"About {session['estimated_minutes']} minutes"


def test_the_page_names_the_weak_side_exactly_as_every_export_does() -> None:
    """One wording of a side label: the page's dose runs read as the text export's dose."""
    result = _example("forum-left-erector-basketball.json")
    text = render(result, "text")
    shown = display(result)
    weak_runs = 0
    for week, words in zip(result["weeks"], shown["weeks"], strict=True):
        for session, s_words in zip(week["sessions"], words["sessions"], strict=True):
            for item, i_words in zip(session["items"], s_words["items"], strict=True):
                joined = "".join(run for _, run in i_words["dose"])
                assert joined == prescription(item, result["weak_side"])
                assert joined in text
                weak_runs += sum(kind == "weak" for kind, _ in i_words["dose"])
                for kind, run in i_words["dose"]:
                    if kind == "weak":
                        assert run == f"{result['weak_side'].capitalize()} (weak)"
    assert weak_runs > 0
    assert shown["weak_side"] in text


def test_a_referral_is_worded_as_the_exports_word_it() -> None:
    result = _example("red-flag-referral.json")
    shown = display(result)
    assert "weeks" not in shown
    assert shown["no_routine"] == REFERRAL_NO_ROUTINE
    assert " ".join(REFERRAL_NO_ROUTINE.split()[:6]) in render(result, "text")
    label, urgency = shown["how_soon"]
    assert f"{label}{urgency}" in render(result, "text")


def test_an_item_shows_its_own_regions_weak_side() -> None:
    from planner import plan
    from planner._display import display

    result = plan(
        {
            "focus": ["side_trunk", "hips"],
            "tests": {
                "side_bridge_s": {"left": 40, "right": 60},
                "single_leg_glute_bridge_reps": {"left": 20, "right": 14},
            },
        }
    )
    shown = display(result)
    for week, dweek in zip(result["weeks"], shown["weeks"], strict=True):
        for session, dsession in zip(week["sessions"], dweek["sessions"], strict=True):
            for it, dit in zip(session["items"], dsession["items"], strict=True):
                weak_runs = [text for kind, text in dit["dose"] if kind == "weak"]
                if it.get("weak_side"):
                    assert weak_runs and weak_runs[0].lower().startswith(it["weak_side"])
                else:
                    assert not weak_runs
