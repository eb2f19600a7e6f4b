"""Progression targets and deload weeks."""

from __future__ import annotations

import pytest

from planner._progress import deload_weeks, last_training_week, target, week_infos


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


def test_seconds_round_to_5_and_stay_in_range() -> None:
    infos = week_infos(5)
    values = [target(15, 45, i, measure="seconds", caution=False) for i in infos]
    assert all(v % 5 == 0 and 15 <= v <= 45 for v in values)
    assert values[-1] == 45


def test_single_week_block_uses_the_bottom_of_the_range() -> None:
    (info,) = week_infos(1)
    assert target(6, 12, info, measure="reps", caution=False) == 6
