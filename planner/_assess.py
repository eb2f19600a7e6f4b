"""Self-tests, the asymmetry index, its bands, and a weak side derived from test results.

Bands (rules of thumb, not validated trunk thresholds):
- under 10%: within normal variation. Basis: the 90% limb symmetry index used as a
  return-to-sport threshold after knee surgery (Markstrom et al. 2023), where many uninjured
  athletes also fall short of symmetry.
- 10% to under 20%: worth addressing.
- 20% or more: large. 20% is twice the knee-surgery threshold; it is set that wide because a
  single hold test is noisy (side bridge: typical error about 11 s, CV about 31%, Juan-Recio
  et al. 2022), so a difference near 10% on one test may be measurement error.
A left-right difference is two noisy holds subtracted, so its error is about sqrt(2) times one
hold's: 1.414 x 10.95 s = 15.5 s for the side bridge (the errors of independent measurements
add in quadrature: sqrt(10.95^2 + 10.95^2)).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Side = Literal["left", "right"]

SIDE_BRIDGE_TYPICAL_ERROR_S = 10.95  # one hold, Juan-Recio et al. 2022
# The error of a left-right difference of two holds: sqrt(2) x 10.95 = 15.5 s.
SIDE_BRIDGE_DIFFERENCE_ERROR_S = round(math.sqrt(2) * SIDE_BRIDGE_TYPICAL_ERROR_S, 1)
NORMAL_BELOW_PCT = 10.0
LARGE_FROM_PCT = 20.0
# The range of a self-test result (seconds or reps) for each side: the form, the parser and the
# self-test pages' boxes all take it from here.
TEST_RESULT_MIN = 0
TEST_RESULT_MAX = 3600

BAND_LABELS = {
    "within normal variation": "Within normal variation: no special action needed",
    "worth addressing": "Worth addressing: extra weak-side work will help",
    "large": "Large difference: worth working on, and worth re-testing carefully",
}

BANDS_BASIS = (
    "Asymmetry bands are rules of thumb, not validated thresholds for the trunk: under 10% is "
    "treated as normal variation (the 90% limb symmetry index used after knee surgery, "
    "Markstrom et al. 2023), 10-20% as worth addressing, and 20% or more as large. Hold tests "
    "are noisy (the side bridge's typical error is about 11 seconds for one hold, Juan-Recio et "
    "al. 2022, so a left-right difference of two holds carries about 1.41 x 11 = 15.5 seconds "
    "of error), so test on a fresh day and repeat before trusting a small difference."
)


@dataclass(frozen=True, slots=True)
class SelfTest:
    """One left/right self-test; higher is better, the side with the lower score is weaker."""

    id: str
    name: str
    unit: Literal["seconds", "reps"]
    exercise: str
    how_to: str

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "unit": self.unit,
            "exercise": self.exercise,
            "how_to": self.how_to,
        }


_FRESH = (
    " Test when fresh (not after a workout), resting fully (2 to 3 minutes) between sides;"
    " alternate which side goes first from one test day to the next."
)

TESTS: tuple[SelfTest, ...] = (
    SelfTest(
        "side_bridge_s",
        "Side bridge hold",
        "seconds",
        "side_plank",
        "Lie on one side with your forearm under your shoulder and legs straight, then lift your "
        "hips so your body is in a straight line. Hold as long as you can with good form; stop "
        "when your hips drop. Record the seconds for the side facing the floor." + _FRESH,
    ),
    SelfTest(
        "single_leg_back_extension_reps",
        "Single-leg back extension",
        "reps",
        "single_leg_back_extension",
        "On a back extension bench, anchor one leg and let the other hang free. Lower and lift "
        "your trunk slowly to a straight line, about 2 seconds each way, until you can no longer "
        "keep that pace. Record the reps for the anchored leg's side." + _FRESH,
    ),
    SelfTest(
        "single_leg_glute_bridge_reps",
        "Single-leg glute bridge",
        "reps",
        "single_leg_glute_bridge",
        "Lie on your back with one knee bent and the other leg straight in the air. Push through "
        "the bent leg's heel to lift your hips level, pause one second, lower. Count the reps "
        "until your hips drop or twist. Record them for the working (bent) leg's side." + _FRESH,
    ),
    SelfTest(
        "single_leg_rdl_reps",
        "Single-leg Romanian deadlift",
        "reps",
        "single_leg_romanian_deadlift",
        "Stand on one leg holding a light weight (or nothing) in the opposite hand. Hinge at the "
        "hip with a flat back until your trunk is near level, then stand tall. Count the reps "
        "until your form or balance breaks. Record them for the standing leg's side." + _FRESH,
    ),
    SelfTest(
        "one_arm_row_reps",
        "One-arm row",
        "reps",
        "one_arm_dumbbell_row",
        "Choose a dumbbell you could row about 15 times. Row it with one arm, trunk supported, "
        "until you cannot keep a full range of motion. Record the reps for the rowing arm's side "
        "and use the same weight for both sides." + _FRESH,
    ),
    SelfTest(
        "suitcase_hold_s",
        "Suitcase hold",
        "seconds",
        "suitcase_hold",
        "Stand tall holding a heavy dumbbell or kettlebell in one hand at your side. Hold "
        "without leaning toward or away from the weight until your grip fails or you start to "
        "lean. Record the seconds for the side opposite the weight (the side that stops you "
        "tipping), and use the same weight for both sides." + _FRESH,
    ),
)

TEST_IDS: tuple[str, ...] = tuple(t.id for t in TESTS)
_BY_ID = {t.id: t for t in TESTS}


def self_test(test_id: str) -> SelfTest:
    return _BY_ID[test_id]


def index_pct(left: float, right: float) -> float:
    """(stronger - weaker) / stronger * 100, rounded to 0.1; 0 when both are 0."""
    stronger = max(left, right)
    if stronger <= 0:
        return 0.0
    return round((stronger - min(left, right)) / stronger * 100, 1)


def band(pct: float) -> str:
    if pct < NORMAL_BELOW_PCT:
        return "within normal variation"
    if pct < LARGE_FROM_PCT:
        return "worth addressing"
    return "large"


def weaker_side(left: float, right: float) -> Side | None:
    if left < right:
        return "left"
    if right < left:
        return "right"
    return None


def asymmetry(tests: Iterable[tuple[str, float, float]]) -> dict[str, dict[str, Any]]:
    """Per test id: left, right, weaker, index_pct, band, band_label (and a noise note)."""
    out: dict[str, dict[str, Any]] = {}
    for test_id, left, right in tests:
        pct = index_pct(left, right)
        name = band(pct)
        entry: dict[str, Any] = {
            "left": left,
            "right": right,
            "weaker": weaker_side(left, right),
            "index_pct": pct,
            "band": name,
            "band_label": BAND_LABELS[name],
        }
        if test_id == "side_bridge_s" and 0 < abs(left - right) < SIDE_BRIDGE_DIFFERENCE_ERROR_S:
            entry["note"] = (
                "The difference is smaller than the measurement error of a left-right "
                "difference on the side bridge (about 15.5 seconds: 1.41 x the 11-second error "
                "of one hold, Juan-Recio et al. 2022), so it may be noise: repeat the test."
            )
        out[test_id] = entry
    return out


def derive_weak_side(tests: Iterable[tuple[str, float, float]]) -> Side | None:
    """The weaker side across tests: the sum of each test's index, signed by its weaker side.

    Each test counts in proportion to its own difference, so one large gap outweighs two
    trivial ones in the other direction. An exact balance (or no difference) gives None.
    """
    score = 0.0
    for _test_id, left, right in tests:
        pct = index_pct(left, right)
        side = weaker_side(left, right)
        if side == "left":
            score += pct
        elif side == "right":
            score -= pct
    score = round(score, 1)
    if score > 0:
        return "left"
    if score < 0:
        return "right"
    return None


# The region each self-test measures (its exercise's main region).
TEST_REGION: dict[str, str] = {
    "side_bridge_s": "side_trunk",
    "single_leg_back_extension_reps": "lower_back",
    "single_leg_glute_bridge_reps": "hips",
    "single_leg_rdl_reps": "hips",
    "one_arm_row_reps": "upper_back",
    "suitcase_hold_s": "side_trunk",
}


def region_weak_sides(
    tests: Iterable[tuple[str, float, float]], *, stated: bool
) -> dict[str, Side | None]:
    """Per region a self-test measured: the weaker side of its tests that differ by at least
    NORMAL_BELOW_PCT (weighted by their index, as derive_weak_side), or None when every test
    of the region is within normal variation (its work is even). With a stated weak side,
    only regions with a clear difference are listed: the person's word decides the rest."""
    by_region: dict[str, list[tuple[str, float, float]]] = {}
    for test in tests:
        by_region.setdefault(TEST_REGION[test[0]], []).append(test)
    out: dict[str, Side | None] = {}
    for region, region_tests in by_region.items():
        clear = [t for t in region_tests if index_pct(t[1], t[2]) >= NORMAL_BELOW_PCT]
        side = derive_weak_side(clear) if clear else None
        if side is not None or not stated:
            out[region] = side
    return out
