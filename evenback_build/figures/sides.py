"""Which side works and which hand holds the load, read from the catalogue's own words.

The catalogue says how each one-sided exercise names its sides ("Name each side by the side
opposite the weight", "hold a dumbbell in the opposite hand"); the figure shows one side working
and puts a one-hand load in the hand those words call for. A self-test follows its how-to text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

OPPOSITE = {"left": "right", "right": "left"}
# "the side opposite the weight", "the side opposite the bar": the load hand is not the side
# that works. "in the opposite hand": the weight is held opposite the standing leg.
_OPPOSITE_LOAD = re.compile(r"side opposite the (weight|bar)|opposite hand", re.I)


def load_is_opposite(texts: Iterable[str]) -> bool:
    """True when the text names the working side as the one opposite the loaded hand."""
    return any(_OPPOSITE_LOAD.search(t) for t in texts)


def load_side(works: str, texts: Iterable[str]) -> str:
    """The hand holding a one-hand load, given the working side and the catalogue's words."""
    return OPPOSITE[works] if load_is_opposite(texts) else works
