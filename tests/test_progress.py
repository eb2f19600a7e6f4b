"""Progression targets and deload weeks."""

from __future__ import annotations

import pytest

from planner._progress import (
    cycle_lengths,
    deload_weeks,
    last_training_week,
    mobility_target,
    target,
    week_infos,
)


@pytest.mark.parametrize(
    ("weeks", "deloads"),
    [(1, set()), (4, set()), (5, {4}), (6, {4}), (8, {4, 8}), (16, {4, 8, 12, 16})],
)
def test_deload_every_4th_week_in_blocks_of_5_or_more(weeks: int, deloads: set[int]) -> None:
    assert deload_weeks(weeks) == deloads


def test_last_training_week_skips_a_final_deload() -> None:
    assert last_training_week(8) == 7
    assert last_training_week(6) == 6


def test_reps_rise_from_bottom_to_top_of_range_over_training_weeks() -> None:
    infos = week_infos(6)
    values = [target(8, 12, i, measure="reps", caution=False) for i in infos]
    assert values[0] == 8
    assert values[3] == 8  # deload week: week-1 target
    assert values[-1] == 12
    training = [v for v, i in zip(values, infos, strict=True) if not i.deload]
    assert training == sorted(training)


def test_caution_stops_at_the_middle_of_the_range() -> None:
    infos = week_infos(3)
    assert [target(8, 12, i, measure="reps", caution=True) for i in infos] == [8, 9, 10]


def test_holds_rise_five_seconds_a_week() -> None:
    infos = week_infos(5)
    values = [target(15, 45, i, measure="seconds", caution=False) for i in infos]
    assert values == [15, 20, 25, 15, 30]  # week 4 is the deload


@pytest.mark.parametrize(
    ("weeks", "lengths"),
    [
        (1, (1,)),
        (4, (4,)),
        (5, (4,)),
        (6, (5,)),
        (7, (3, 3)),
        (8, (3, 3)),
        (9, (3, 4)),
        (10, (3, 3, 2)),
        (13, (3, 3, 4)),
        (16, (3, 3, 3, 3)),
    ],
)
def test_cycles_run_from_deload_to_deload_in_long_blocks_and_hold_five_weeks_at_most(
    weeks: int, lengths: tuple[int, ...]
) -> None:
    assert cycle_lengths(weeks) == lengths


def test_a_16_week_block_climbs_one_rep_a_week_then_starts_again_after_each_deload() -> None:
    infos = week_infos(16)
    training = [target(6, 12, i, measure="reps", caution=False) for i in infos if not i.deload]
    assert training == [6, 7, 8] * 4
    tops = [i.week for i in infos if i.cycle_top]
    assert tops == [3, 7, 11, 15]


def test_reps_never_pass_the_exercise_top() -> None:
    infos = week_infos(6)
    assert [target(10, 12, i, measure="reps", caution=False) for i in infos] == [
        10,
        11,
        12,
        10,
        12,
        12,
    ]


def test_mobility_holds_lengthen_from_cycle_to_cycle() -> None:
    infos = [i for i in week_infos(16) if not i.deload]
    assert sorted({mobility_target(20, 45, i) for i in infos}) == [20, 30, 45]
    assert [mobility_target(20, 45, i) for i in infos] == [20] * 3 + [30] * 3 + [45] * 6


def test_single_week_block_uses_the_bottom_of_the_range() -> None:
    (info,) = week_infos(1)
    assert target(6, 12, info, measure="reps", caution=False) == 6
