"""Self-tests, the asymmetry index, bands and the derived weak side."""

from __future__ import annotations

import pytest

from planner import TESTS, load_catalogue, plan
from planner._assess import BANDS_BASIS, asymmetry, band, derive_weak_side, index_pct

CONTRACT_TESTS = [
    "side_bridge_s",
    "single_leg_back_extension_reps",
    "single_leg_glute_bridge_reps",
    "single_leg_rdl_reps",
    "one_arm_row_reps",
    "suitcase_hold_s",
]


def test_test_ids_are_the_contracts_and_use_catalogue_exercises() -> None:
    assert [t.id for t in TESTS] == CONTRACT_TESTS
    ids = {e.id for e in load_catalogue()}
    for t in TESTS:
        assert t.exercise in ids
        assert t.unit == ("seconds" if t.id.endswith("_s") else "reps")
        # As the self-test pages say: neither side always first (fatigue and learning would
        # favour one side), full rest between sides.
        assert "alternate which side goes first" in t.how_to
        assert "resting fully" in t.how_to


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [(60, 45, 25.0), (45, 60, 25.0), (0, 0, 0.0), (10, 0, 100.0), (3, 2, 33.3), (100, 100, 0.0)],
)
def test_index_is_stronger_minus_weaker_over_stronger(
    left: float, right: float, expected: float
) -> None:
    assert index_pct(left, right) == expected


@pytest.mark.parametrize(
    ("pct", "name"),
    [
        (0.0, "within normal variation"),
        (9.9, "within normal variation"),
        (10.0, "worth addressing"),
        (19.9, "worth addressing"),
        (20.0, "large"),
    ],
)
def test_bands_are_under_10_10_to_20_and_20_up(pct: float, name: str) -> None:
    assert band(pct) == name


def test_bands_basis_names_both_sources_and_says_rule_of_thumb() -> None:
    assert "Markstrom" in BANDS_BASIS and "Juan-Recio" in BANDS_BASIS
    assert "rules of thumb" in BANDS_BASIS


def test_asymmetry_entry_has_contract_keys_and_noise_note_for_small_side_bridge_gap() -> None:
    out = asymmetry([("side_bridge_s", 50, 45), ("one_arm_row_reps", 12, 12)])
    entry = out["side_bridge_s"]
    assert {k: entry[k] for k in ("left", "right", "weaker", "index_pct")} == {
        "left": 50,
        "right": 45,
        "weaker": "right",
        "index_pct": 10.0,
    }
    assert "note" in entry
    assert out["one_arm_row_reps"]["weaker"] is None
    assert "note" not in asymmetry([("side_bridge_s", 60, 30)])["side_bridge_s"]


def test_side_bridge_noise_note_uses_the_error_of_a_difference_sqrt2_x_10_95_s() -> None:
    # 10.95 s is one hold's typical error; a difference of two holds carries 15.5 s.
    assert asymmetry([("side_bridge_s", 60, 45)])["side_bridge_s"].get("note")  # 15 s gap
    assert "note" not in asymmetry([("side_bridge_s", 60, 44)])["side_bridge_s"]  # 16 s gap
    assert "15.5 seconds" in asymmetry([("side_bridge_s", 60, 48)])["side_bridge_s"]["note"]


def test_weak_side_is_derived_from_the_summed_signed_index() -> None:
    assert derive_weak_side([("side_bridge_s", 60, 45)]) == "right"
    assert derive_weak_side([("side_bridge_s", 40, 45)]) == "left"
    # one large gap on the left outweighs two small gaps on the right
    assert (
        derive_weak_side(
            [("side_bridge_s", 30, 60), ("one_arm_row_reps", 12, 11), ("suitcase_hold_s", 40, 38)]
        )
        == "left"
    )
    assert derive_weak_side([("side_bridge_s", 50, 40), ("suitcase_hold_s", 40, 50)]) is None
    assert derive_weak_side([]) is None


def test_plan_uses_tests_when_weak_side_unknown() -> None:
    result = plan({"tests": {"side_bridge_s": {"left": 62, "right": 45}}})
    assert result["weak_side"] == "right"
    assert result["weak_side_source"] == "tests"
    assert result["asymmetry"]["side_bridge_s"]["index_pct"] == 27.4
    assert any("rules of thumb" in line for line in result["summary"])


def test_stated_weak_side_wins_over_tests() -> None:
    result = plan({"weak_side": "left", "tests": {"side_bridge_s": {"left": 62, "right": 45}}})
    assert result["weak_side"] == "left" and result["weak_side_source"] == "stated"


def test_even_tests_give_a_balanced_plan_without_weak_side() -> None:
    result = plan({"tests": {"side_bridge_s": {"left": 50, "right": 50}}})
    assert result["weak_side"] is None and result["weak_side_source"] is None
    assert any("even overall" in line for line in result["summary"])


def test_no_side_and_no_tests_starts_with_a_test_session_and_balanced_work() -> None:
    result = plan({"minutes_per_session": 40})
    assert result["weak_side"] is None
    items = result["weeks"][0]["sessions"][0]["items"]
    # After the walk that warms up for them (first in the session), the tests.
    first = [it for it in items if it["exercise"] != "brisk_walk"]
    assert items[0]["exercise"] == "brisk_walk" and len(items) == len(first) + 1
    assert first[0].get("self_test") and first[0]["block"] == "warmup"
    assert "Write down both sides" in first[0]["notes"]
    for week in result["weeks"]:
        for session in week["sessions"]:
            for it in session["items"]:
                if it["unilateral"]:
                    left, right = it["sides"]
                    assert left["side"] == "left"
                    assert left["sets"] == right["sets"]
    assert "starts with a test session" in result["summary"][0]
