"""The catalogue loader: the real data validates, and every schema violation is named."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from planner import Exercise, Source, load_catalogue, load_sources
from planner._catalogue import CatalogueError, catalogue_by_id, catalogue_json, parse_catalogue
from planner._sources import parse_sources
from planner._vocab import EQUIPMENT, FOCUS, LEVELS

SOURCES = frozenset({"ratamess2009", "common_practice"})


def entry(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "single_leg_back_extension",
        "name": "Single-leg back extension",
        "summary": "One leg anchored, so one side of the lower back works harder.",
        "focus": ["lower_back", "hips"],
        "equipment": ["back_extension"],
        "unilateral": True,
        "level": "intermediate",
        "measure": "reps",
        "blocks": ["main"],
        "pattern": "extension",
        "dose": [8, 12],
        "seconds_per_rep": 4,
        "setup_seconds": 15,
        "tempo": "2-1-2",
        "muscles_primary": ["erector_spinae"],
        "muscles_secondary": ["hamstrings"],
        "steps": ["Set the pad.", "Lower.", "Lift."],
        "cues": ["Slow."],
        "mistakes": ["Jerking."],
        "weak_side_first": "Anchor the weak side's leg first.",
        "easier": "back_extension",
        "cautions": ["Skip on a painful day."],
        "sources": ["ratamess2009"],
    }
    base.update(changes)
    return base


def easier_entry() -> dict[str, Any]:
    return entry(
        id="back_extension",
        name="Back extension",
        unilateral=False,
        level="beginner",
        easier=None,
        harder="single_leg_back_extension",
    )


def catalogue(*entries: dict[str, Any]) -> dict[str, Any]:
    cleaned = [{k: v for k, v in e.items() if v is not None} for e in entries]
    return {"exercise": cleaned}


def good() -> dict[str, Any]:
    return catalogue(entry(), easier_entry())


def test_valid_catalogue_parses_into_frozen_exercises_with_tuples() -> None:
    exercises = parse_catalogue(good(), SOURCES)
    assert [e.id for e in exercises] == ["single_leg_back_extension", "back_extension"]
    first = exercises[0]
    assert first.focus == ("lower_back", "hips")
    assert first.dose == (8, 12)
    assert first.easier == "back_extension"
    assert first.harder is None
    with pytest.raises(AttributeError):
        first.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"id": "Single-Leg"}, "'id'"),
        ({"focus": ["neck"]}, "'focus'"),
        ({"focus": []}, "'focus'"),
        ({"equipment": ["trx"]}, "'equipment'"),
        ({"level": "expert"}, "'level'"),
        ({"measure": "metres"}, "'measure'"),
        ({"blocks": ["cooldown"]}, "'blocks'"),
        ({"pattern": "twist"}, "'pattern'"),
        ({"muscles_primary": ["biceps"]}, "'muscles_primary'"),
        ({"muscles_secondary": ["biceps"]}, "'muscles_secondary'"),
        ({"dose": [12, 8]}, "'dose'"),
        ({"dose": [0, 8]}, "'dose'"),
        ({"dose": [8]}, "'dose'"),
        ({"dose": [8, 500]}, "'dose'"),
        ({"dose": [True, 8]}, "'dose'"),
        ({"seconds_per_rep": 0}, "'seconds_per_rep'"),
        ({"setup_seconds": -1}, "'setup_seconds'"),
        ({"unilateral": "yes"}, "'unilateral'"),
        ({"sources": ["nobody2020"]}, "'sources'"),
        ({"sources": []}, "'sources'"),
        ({"easier": "no_such_exercise"}, "'easier'"),
        ({"easier": "single_leg_back_extension"}, "'easier'"),
        ({"harder": "single_leg_back_extension"}, "'harder'"),
        ({"steps": []}, "'steps'"),
        ({"name": ""}, "'name'"),
        ({"focus": ["hips", "hips"]}, "'focus'"),
        ({"colour": "red"}, "'colour'"),
    ],
)
def test_schema_violation_names_entry_and_key(change: dict[str, Any], named: str) -> None:
    data = catalogue(entry(**change), easier_entry())
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(data, SOURCES)
    message = str(info.value)
    assert named in message
    assert "exercise 'single_leg_back_extension'" in message or "Single-Leg" in message


def test_missing_key_is_named() -> None:
    data = good()
    del data["exercise"][0]["tempo"]
    with pytest.raises(CatalogueError, match="missing key 'tempo'"):
        parse_catalogue(data, SOURCES)


def test_seconds_measure_needs_zero_seconds_per_rep() -> None:
    data = catalogue(entry(measure="seconds", dose=[20, 40], seconds_per_rep=3), easier_entry())
    with pytest.raises(CatalogueError, match="'seconds_per_rep'"):
        parse_catalogue(data, SOURCES)


def test_repeated_id_is_an_error() -> None:
    data = catalogue(entry(), easier_entry(), copy.deepcopy(easier_entry()))
    with pytest.raises(CatalogueError, match="'back_extension': key 'id' is repeated"):
        parse_catalogue(data, SOURCES)


def test_sources_parse_and_reject_bad_entries() -> None:
    ok = parse_sources({"sources": {"x2020": {"citation": "X (2020).", "short": "X 2020"}}})
    assert ok["x2020"] == Source("x2020", "X (2020).", "X 2020")
    with pytest.raises(CatalogueError, match="'short'"):
        parse_sources({"sources": {"x2020": {"citation": "X (2020)."}}})
    with pytest.raises(CatalogueError, match="key must be lower-case"):
        parse_sources({"sources": {"X2020": {"citation": "X", "short": "X"}}})
    with pytest.raises(CatalogueError, match="unknown key 'doi'"):
        parse_sources({"sources": {"x2020": {"citation": "X", "short": "X", "doi": "1"}}})


# --- the real data files -------------------------------------------------------------


def test_real_sources_include_the_keys_the_planner_cites() -> None:
    keys = load_sources()
    for key in (
        "ratamess2009",
        "mcgill1999",
        "juanrecio2022",
        "markstrom2023",
        "manca2017",
        "lynch2023",
        "baroni2016",
        "calatayud2016",
        "schoenfeld2018",
        "nhs_backpain",
        "negrini2018",
        "common_practice",
    ):
        assert key in keys, key


def test_real_catalogue_loads_and_is_cached() -> None:
    exercises = load_catalogue()
    assert exercises is load_catalogue()
    assert len(exercises) >= 10
    assert all(isinstance(e, Exercise) for e in exercises)
    by_id = catalogue_by_id()
    assert set(by_id) == {e.id for e in exercises}


def test_real_catalogue_covers_every_focus_level_and_block() -> None:
    exercises = load_catalogue()
    for region in FOCUS:
        bodyweight_beginner = [
            e
            for e in exercises
            if region in e.focus
            and not e.equipment
            and e.level == "beginner"
            and "main" in e.blocks
        ]
        assert bodyweight_beginner, f"no body-weight beginner main exercise for {region}"
    assert {e.level for e in exercises} <= set(LEVELS)
    assert any(e.unilateral for e in exercises)
    used = {item for e in exercises for item in e.equipment}
    assert used <= set(EQUIPMENT)


def test_catalogue_json_has_contract_fields_and_round_trips() -> None:
    rows = catalogue_json()
    assert len(rows) == len(load_catalogue())
    text = json.dumps(rows)
    for row in json.loads(text):
        for key in ("id", "name", "equipment", "unilateral", "focus", "level", "measure"):
            assert key in row
        assert isinstance(row["equipment"], list)
        assert isinstance(row["unilateral"], bool)
        assert row["measure"] in ("reps", "seconds")
        assert row["page"] == f"/exercises/{row['id']}/"


def test_variants_that_loop_round_are_rejected_naming_the_loop() -> None:
    # single_leg_back_extension names back_extension as easier; back_extension names it as
    # harder: a chain. Making the easier one also "harder" than the harder one is a loop.
    data = catalogue(entry(harder="back_extension"), easier_entry())
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(data, SOURCES)
    message = str(info.value)
    assert "'harder'" in message and "loop" in message
    assert "single_leg_back_extension -> back_extension -> single_leg_back_extension" in message


@pytest.mark.parametrize("key", ["easier", "harder"])
def test_real_catalogue_variants_form_chains_without_loops(key: str) -> None:
    by_id = catalogue_by_id()
    for ex in by_id.values():
        seen = [ex.id]
        step = getattr(ex, key)
        while step is not None:
            assert step not in seen, f"{key} loop from {ex.id}: {[*seen, step]}"
            seen.append(step)
            step = getattr(by_id[step], key)


def test_the_two_snatches_do_not_each_name_the_other_as_harder() -> None:
    by_id = catalogue_by_id()
    assert by_id["one_arm_dumbbell_snatch"].harder == "one_arm_kettlebell_snatch"
    assert by_id["one_arm_kettlebell_snatch"].harder != "one_arm_dumbbell_snatch"


def test_glute_ham_raises_need_a_glute_ham_developer_not_a_back_extension_bench() -> None:
    by_id = catalogue_by_id()
    assert "ghd" in EQUIPMENT
    for ex_id in ("glute_ham_raise", "single_leg_glute_ham_raise"):
        assert by_id[ex_id].equipment == ("ghd",)


def test_reverse_hypers_have_the_hamstrings_as_a_primary_muscle() -> None:
    by_id = catalogue_by_id()
    for ex_id in ("reverse_hyper", "single_leg_reverse_hyper"):
        assert "hamstrings" in by_id[ex_id].muscles_primary
        assert "hamstrings" not in by_id[ex_id].muscles_secondary


@pytest.mark.parametrize(
    ("ex_id", "unsupported"),
    [
        ("clamshell", "hopayian2010"),  # a review of piriformis syndrome, not of clamshells
        ("banded_clamshell", "hopayian2010"),
        ("suitcase_deadlift", "ratamess2009"),  # the ACSM stand says nothing of carries
    ],
)
def test_sources_that_do_not_support_an_entry_are_not_cited_by_it(
    ex_id: str, unsupported: str
) -> None:
    assert unsupported not in catalogue_by_id()[ex_id].sources


def test_side_bridge_noise_threshold_in_the_catalogue_is_the_difference_error() -> None:
    text = catalogue_by_id()["side_plank"].weak_side_first
    assert "15" in text and "about 11 seconds or less" not in text
