"""Whether one benchmark variant's runs are slower than another's, or only spread apart.

Medians of a few runs move by tens of ms with the machine's load, so a ratio of medians alone
cannot tell a real cost from noise. Two figures that can:

* pairs: of every pairing of a run of one variant with a run of the other, how many the first
  lost (took longer);
* p: a permutation test of the difference of the medians. The runs of both variants are pooled
  and split again into two groups of the same sizes, every way they can be split (or, when
  there are too many ways, a fixed-seed sample of them); p is the share of the splits whose
  medians differ at least as much as the real ones. A small p (under 0.05, say) means a
  difference that large seldom comes from splitting the same runs at random.
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Difference:
    """How the runs of one variant (`a`) compare with another's (`b`)."""

    median_ms: float
    """median(a) - median(b): above 0, `a` is slower."""
    slower_pairs: int
    """Pairs (a run of `a`, a run of `b`) in which `a`'s run took longer (ties are not)."""
    pairs: int
    p: float
    """Two-sided permutation test of the difference of the medians."""
    exact: bool
    """Every split was counted (not a sample of them)."""

    def describe(self) -> str:
        sign = "+" if self.median_ms > 0 else ("-" if self.median_ms < 0 else "")
        return (
            f"{sign}{abs(self.median_ms):.0f} ms, slower in {self.slower_pairs} of "
            f"{self.pairs} pairs, p = {self.p:.3f}"
        )


def compare_runs(
    a: Sequence[float], b: Sequence[float], *, splits: int = 20_000, seed: int = 0
) -> Difference:
    """Compare two variants' runs (each at least one). Every split is counted when there are
    at most `splits` of them (16 runs split 8 and 8: 12,870), else `splits` random ones."""
    if not a or not b:
        raise ValueError("each variant needs at least one run")
    median_ms = statistics.median(a) - statistics.median(b)
    observed = abs(median_ms)
    pool = [*a, *b]
    size = len(a)
    # A split as far from the medians' equality as the real one counts, with a tolerance for
    # the floating point of the halves a median of an even count takes.
    reach = observed - 1e-9 * max(1.0, observed)

    def differs(group: Sequence[float], rest: Sequence[float]) -> bool:
        return abs(statistics.median(group) - statistics.median(rest)) >= reach

    ways = math.comb(len(pool), size)
    exact = ways <= splits
    if exact:
        hits = 0
        for chosen in itertools.combinations(range(len(pool)), size):
            picked = set(chosen)
            group = [pool[i] for i in chosen]
            rest = [x for i, x in enumerate(pool) if i not in picked]
            hits += differs(group, rest)
        p = hits / ways
    else:
        rng = random.Random(seed)
        hits = 0
        shuffled = pool[:]
        for _ in range(splits):
            rng.shuffle(shuffled)
            hits += differs(shuffled[:size], shuffled[size:])
        # The real split is one of those possible: counting it keeps p above 0 (Phipson and
        # Smyth's correction for sampled permutations).
        p = (hits + 1) / (splits + 1)
    return Difference(
        median_ms=median_ms,
        slower_pairs=sum(x > y for x in a for y in b),
        pairs=len(a) * len(b),
        p=p,
        exact=exact,
    )
