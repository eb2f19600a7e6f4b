"""The benchmark's run-by-run comparison of two variants (evenback_build/bench_compare.py)."""

from __future__ import annotations

import pytest

from evenback_build.bench_compare import compare_runs


def test_the_same_runs_on_both_sides_differ_by_nothing_and_every_split_is_as_far() -> None:
    runs = [431.0, 447.0, 452.0, 470.0]
    difference = compare_runs(runs, runs)
    assert difference.median_ms == 0
    assert difference.p == 1.0
    assert difference.slower_pairs == 6  # the 6 pairs of two different runs with a slower first
    assert difference.pairs == 16


def test_a_small_case_counts_every_split_by_hand() -> None:
    # Pooled 0, 1, 2, 3 split into two pairs: 6 ways. Medians' differences: 2 (the real one),
    # -2, 1, -1, 0, 0: two of the six are 2 or more away, so p = 1/3.
    difference = compare_runs([2.0, 3.0], [0.0, 1.0])
    assert difference.exact
    assert difference.median_ms == 2.0
    assert difference.p == pytest.approx(1 / 3)
    assert difference.slower_pairs == 4


def test_runs_slower_every_time_are_told_apart_from_the_spread() -> None:
    slower = [509.0, 512.0, 518.0, 520.0, 525.0, 530.0, 541.0, 560.0]
    faster = [462.0, 466.0, 470.0, 471.0, 478.0, 483.0, 490.0, 500.0]
    difference = compare_runs(slower, faster)
    assert difference.exact  # 16 runs split 8 and 8: 12,870 ways
    assert difference.slower_pairs == 64
    assert difference.p < 0.01
    assert compare_runs(faster, slower).median_ms == -difference.median_ms


def test_overlapping_runs_are_not_called_a_difference() -> None:
    a = [480.0, 476.0, 426.0, 436.0, 462.0, 439.0, 422.0, 498.0]
    b = [424.0, 434.0, 442.0, 426.0, 375.0, 449.0, 436.0, 469.0]
    difference = compare_runs(a, b)
    assert 0.1 < difference.p < 1
    assert 32 < difference.slower_pairs < 64


def test_too_many_splits_are_sampled_with_a_fixed_seed_and_p_never_reaches_zero() -> None:
    slower = [float(500 + i) for i in range(12)]
    faster = [float(400 + i) for i in range(12)]
    first = compare_runs(slower, faster, splits=2_000)
    assert not first.exact  # 24 runs split 12 and 12: 2.7 million ways
    assert first == compare_runs(slower, faster, splits=2_000)
    assert first.p == pytest.approx(1 / 2_001)


def test_ties_are_not_counted_as_slower() -> None:
    assert compare_runs([5.0, 5.0], [5.0, 4.0]).slower_pairs == 2


def test_a_variant_without_runs_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one run"):
        compare_runs([], [1.0])


def test_the_description_gives_the_sign_the_pairs_and_p() -> None:
    assert compare_runs([2.0, 3.0], [0.0, 1.0]).describe() == (
        "+2 ms, slower in 4 of 4 pairs, p = 0.333"
    )
    assert compare_runs([0.0, 1.0], [2.0, 3.0]).describe().startswith("-2 ms, slower in 0 of 4")
