"""The reference (docs/reference/) names everything the planner and the page define, so it cannot
fall behind the code unnoticed: every name is read from the code itself (FIELDS, RED_FLAGS,
TESTS, FORMATS, the catalogue, real plans, the CLI's own help, the page's scripts), never from
a list kept here. The check runs from code to reference: the reference may describe a name
before the code has it.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import planner
from planner.__main__ import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference"
EXAMPLES = ROOT / "docs" / "examples"
JS = ROOT / "docs" / "js"

_SPAN = re.compile(r"`([^`\n]+)`")
_KEY_IN_SPAN = re.compile(r'"(\w+)"\s*:')
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def json_blocks(text: str) -> list[str]:
    """The page's fenced blocks that hold a JSON object. They are fenced as plain text: the
    theme's dark-scheme colours for highlighted numbers fall just short of WCAG contrast."""
    return [body for _lang, body in _FENCE.findall(text) if body.lstrip().startswith("{")]


def page(name: str) -> str:
    return (REFERENCE / name).read_text(encoding="utf-8")


def spans(text: str) -> set[str]:
    """What a page writes as code: each inline code span, with and without its quotes, and
    each JSON key written inside one (`{"side": ..., "sets": ...}`)."""
    found: set[str] = set()
    for span in _SPAN.findall(text):
        found.add(span)
        found.add(span.strip('"'))
        found.update(_KEY_IN_SPAN.findall(span))
    return found


def missing(names: Iterable[str], name: str) -> list[str]:
    """The names that `name` (a reference page) does not write as code."""
    documented = spans(page(name))
    return sorted({n for n in names if n not in documented})


# --- What the code defines ----------------------------------------------------------------


def field_choices() -> set[str]:
    return {c.value for f in planner.FIELDS for c in f.choices}


def catalogue() -> list[dict[str, Any]]:
    return [ex.to_dict() for ex in planner.load_catalogue()]


def sample_profiles() -> list[dict[str, Any]]:
    """The saved examples and profiles that reach every kind of plan: weak side unknown without
    tests (the test session), everything available, caution with a small side-bridge gap (the
    noise note), and referrals by pain and by a red flag."""
    profiles = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    equipment = next(f for f in planner.FIELDS if f.name == "equipment")
    focus = next(f for f in planner.FIELDS if f.name == "focus")
    profiles += [
        {},
        {
            "weak_side": "left",
            "focus": [c.value for c in focus.choices],
            "equipment": [c.value for c in equipment.choices],
            "experience": "advanced",
            "days_per_week": 5,
            "minutes_per_session": 60,
            "weeks": 12,
        },
        {"pain": 5, "tests": {"side_bridge_s": {"left": 50, "right": 45}}},
        {"pain": 8},
        {"red_flags": [planner.RED_FLAGS[0].id]},
    ]
    return profiles


def plans() -> list[dict[str, Any]]:
    return [planner.plan(p) for p in sample_profiles()]


def walk(obj: object) -> Iterator[object]:
    yield obj
    if isinstance(obj, dict):
        for value in obj.values():
            yield from walk(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from walk(value)


def cli_help(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        cli_main([*args, "--help"])
    return out.getvalue()


def cli_commands() -> list[str]:
    text = cli_help()
    listing = text.split("COMMAND\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^ {4}(\w+)", listing, re.M)


def js_sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(JS.glob("*.js")))


def page_states() -> set[str]:
    """Every data-state value the planner page's scripts and markup set."""
    text = js_sources() + (ROOT / "docs" / "planner" / "index.md").read_text(encoding="utf-8")
    patterns = (
        r"setState\(\s*[\w.]+\s*,\s*[\"'](\w+)[\"']\s*\)",
        r"dataset\.state\s*=+\s*[\"'](\w+)[\"']",
        r"data-state=[\"'](\w+)[\"']",
    )
    return {state for pattern in patterns for state in re.findall(pattern, text)}


def download_labels() -> set[str]:
    """Every "Download ..." label the page shows, from its scripts or from describe()."""
    from planner._bridge import describe

    labels = set(re.findall(r"[\"'`](Download [^\"'`\n]+)[\"'`]", js_sources()))
    labels |= {
        s for s in walk(json.loads(describe())) if isinstance(s, str) and s.startswith("Download ")
    }
    return labels


# --- The profile ----------------------------------------------------------------------------


def test_profile_page_names_every_field_and_every_choice() -> None:
    assert missing((f.name for f in planner.FIELDS), "profile.md") == []
    assert missing(field_choices(), "profile.md") == []


def test_profile_page_names_every_red_flag_test_and_equipment_id() -> None:
    equipment = {e for entry in catalogue() for e in entry["equipment"]}
    assert missing((flag.id for flag in planner.RED_FLAGS), "profile.md") == []
    assert missing((flag.urgency for flag in planner.RED_FLAGS), "profile.md") == []
    assert missing((test.id for test in planner.TESTS), "profile.md") == []
    assert missing(equipment, "profile.md") == []


def test_profile_page_examples_are_valid_profiles_and_the_saved_one_is_the_file() -> None:
    blocks = json_blocks(page("profile.md"))
    assert len(blocks) >= 2
    for body in blocks:
        planner.parse_profile_json(body)
    saved = json.loads((EXAMPLES / "home-beginner-no-equipment.json").read_text(encoding="utf-8"))
    assert json.loads(blocks[0]) == saved


# --- The plan and its formats -----------------------------------------------------------------


def test_plan_page_names_every_key_a_plan_or_referral_has() -> None:
    keys: set[str] = set()
    for result in plans():
        keys |= set(result)
        for entry in result["asymmetry"].values():
            keys |= set(entry)
        for week in result["weeks"]:
            keys |= set(week)
            for session in week["sessions"]:
                keys |= set(session)
                for item in session["items"]:
                    keys |= set(item)
                    for side in item.get("sides", ()):
                        keys |= set(side)
    statuses = {result["status"] for result in plans()}
    assert {"ok", "refer"} <= statuses  # the samples reach both kinds
    assert missing(keys | statuses, "plan.md") == []


def test_plan_page_names_every_block_urgency_and_format() -> None:
    blocks = {b for entry in catalogue() for b in entry["blocks"]}
    urgencies = {r["urgency"] for r in plans() if r["status"] == "refer"}
    urgencies |= {flag.urgency for flag in planner.RED_FLAGS}
    assert missing(blocks, "plan.md") == []
    assert missing(urgencies, "plan.md") == []
    assert missing(planner.FORMATS, "plan.md") == []


# --- The catalogue ----------------------------------------------------------------------------


def test_catalogue_page_names_every_entry_key_and_vocabulary() -> None:
    entries = catalogue()
    keys = {k for entry in entries for k in entry}
    values = {entry[k] for entry in entries for k in ("level", "measure", "pattern")}
    lists = {
        v
        for entry in entries
        for k in ("blocks", "muscles_primary", "muscles_secondary")
        for v in entry[k]
    }
    assert missing(keys | values | lists, "catalogue.md") == []
    assert "`/exercises/<id>/`" in page("catalogue.md")
    assert all(entry["page"] == f"/exercises/{entry['id']}/" for entry in entries)


# --- The command line ---------------------------------------------------------------------------


def test_cli_page_names_every_command_option_and_format_the_cli_accepts() -> None:
    commands = cli_commands()
    assert {"plan", "catalogue"} <= set(commands)
    names = set(commands)
    for command in commands:
        text = cli_help(command)
        names |= set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", text)) - {"--help"}
        for choices in re.findall(r"\{([\w,]+)\}", text):
            names |= set(choices.split(","))
    assert missing(names, "cli.md") == []
    assert missing(planner.FORMATS, "cli.md") == []


# --- The planner page ----------------------------------------------------------------------------


def test_planner_page_reference_names_every_state_and_download_label() -> None:
    states = page_states()
    # The extraction still sees the states the page has always set.
    assert {"loading", "ready", "plan", "refer", "error"} <= states
    assert missing(states, "planner-page.md") == []
    labels = download_labels()
    assert len(labels) >= 4
    text = page("planner-page.md")
    assert sorted(label for label in labels if f'"{label}"' not in text) == []
    assert "#profile=" in text


# --- The training log ---------------------------------------------------------------------------


def test_training_log_example_uses_real_profile_exercises_and_sides() -> None:
    blocks = json_blocks(page("training-log.md"))
    assert blocks
    by_id = {entry["id"]: entry for entry in catalogue()}
    test_ids = {test.id for test in planner.TESTS}
    for body in blocks:
        log = json.loads(body)
        assert log["version"] == 1
        planner.parse_profile(log["profile"])
        for session in log["sessions"]:
            for item in session["items"]:
                entry = by_id[item["exercise"]]
                sides = {"left", "right"} if entry["unilateral"] else {"both"}
                for done in item["sets"]:
                    assert done["side"] in sides, (item["exercise"], done)
                    assert entry["measure"] in done, (item["exercise"], done)
        for taken in log["tests"]:
            assert set(taken["results"]) <= test_ids


# --- The pages themselves -------------------------------------------------------------------------


def test_every_reference_page_is_a_guide_page_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in sorted(REFERENCE.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = text.split("---\n", 2)[1]
        for key in ("title:", "description:", "last_reviewed:"):
            assert f"\n{key}" in f"\n{front}", (path.name, key)
        body = _FENCE.sub("", text.split("---\n", 2)[2])
        assert len(re.findall(r"^# ", body, re.M)) == 1, path.name
        assert f"reference/{path.name}" in nav, path.name
