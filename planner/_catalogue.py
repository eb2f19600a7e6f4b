"""Load and validate the exercise catalogue (`data/exercises.toml`)."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from ._sources import CatalogueError, load_sources, load_toml
from ._vocab import BLOCKS, EQUIPMENT, FOCUS, LEVELS, MEASURES, MUSCLES, PATTERNS

__all__ = [
    "CatalogueError",
    "Exercise",
    "catalogue_by_id",
    "catalogue_families",
    "catalogue_json",
    "load_catalogue",
    "parse_catalogue",
    "variant_families",
]

_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

# Sane dose limits: per set, reps or seconds (an easy walk's one bout: 5-60 minutes).
REPS_RANGE = (1, 50)
SECONDS_RANGE = (5, 300)
CONDITIONING_RANGE = (300, 3600)
# General work (an easy walk) trains no region of the back: it alone has an empty `focus`,
# and the planner adds it only to use a session's spare minutes (planner/_walk.py).
CONDITIONING = "conditioning"


@dataclass(frozen=True, slots=True)
class Exercise:
    """One catalogue entry; list fields are tuples. See DEVELOPING.md for each key."""

    id: str
    name: str
    summary: str
    focus: tuple[str, ...]
    equipment: tuple[str, ...]
    unilateral: bool
    level: str
    measure: str
    blocks: tuple[str, ...]
    pattern: str
    dose: tuple[int, int]
    seconds_per_rep: float
    setup_seconds: int
    tempo: str
    muscles_primary: tuple[str, ...]
    muscles_secondary: tuple[str, ...]
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    weak_side_first: str
    easier: str | None
    harder: str | None
    cautions: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def page(self) -> str:
        """The site path of the exercise's own page."""
        return f"/exercises/{self.id}/"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: tuples become lists, every field present (None for no variant)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        out["page"] = self.page
        return out


_OPTIONAL_KEYS = frozenset({"easier", "harder", "muscles_secondary", "cautions", "mistakes"})
_KEYS = tuple(f.name for f in fields(Exercise))


class _Entry:
    """Typed access to one raw TOML table, raising CatalogueError naming entry and key."""

    def __init__(self, index: int, raw: Mapping[str, Any]) -> None:
        self.raw = raw
        ident = raw.get("id")
        self.where = (
            f"exercises.toml: exercise {ident!r}"
            if isinstance(ident, str)
            else (f"exercises.toml: exercise #{index + 1}")
        )

    def fail(self, key: str, message: str) -> CatalogueError:
        return CatalogueError(f"{self.where}: key {key!r} {message}")

    def text(self, key: str) -> str:
        value = self.raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty string")
        return value

    def texts(self, key: str, *, allow_empty: bool = False) -> tuple[str, ...]:
        value = self.raw.get(key, [] if key in _OPTIONAL_KEYS else None)
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of strings")
        if not value and not allow_empty:
            raise self.fail(key, "must not be empty")
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise self.fail(key, "must contain only non-empty strings")
        if len(set(value)) != len(value):
            raise self.fail(key, "has a repeated value")
        return tuple(value)

    def choices(
        self, key: str, allowed: Collection[str], *, allow_empty: bool = False
    ) -> tuple[str, ...]:
        values = self.texts(key, allow_empty=allow_empty)
        for value in values:
            if value not in allowed:
                raise self.fail(key, f"has {value!r}, not one of {', '.join(allowed)}")
        return values

    def choice(self, key: str, allowed: Collection[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.fail(key, f"is {value!r}, not one of {', '.join(allowed)}")
        return value

    def integer(self, key: str, low: int, high: int) -> int:
        value = self.raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(key, f"must be an integer from {low} to {high}")
        return value

    def number(self, key: str, low: float, high: float) -> float:
        value = self.raw.get(key)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not low <= value <= high
        ):
            raise self.fail(key, f"must be a number from {low:g} to {high:g}")
        return float(value)

    def variant(self, key: str) -> str | None:
        if key not in self.raw:
            return None
        value = self.raw[key]
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(key, "must be the snake_case id of another exercise")
        return value


def _parse_entry(index: int, raw: object, source_keys: Collection[str]) -> Exercise:
    if not isinstance(raw, Mapping):
        raise CatalogueError(f"exercises.toml: exercise #{index + 1} must be a table")
    e = _Entry(index, raw)
    unknown = sorted(set(raw) - set(_KEYS))
    if unknown:
        raise CatalogueError(f"{e.where}: unknown key {unknown[0]!r}")
    missing = [k for k in _KEYS if k not in raw and k not in _OPTIONAL_KEYS]
    if missing:
        raise CatalogueError(f"{e.where}: missing key {missing[0]!r}")
    ident = e.text("id")
    if not _ID.match(ident):
        raise e.fail("id", "must be snake_case (lower-case letters, digits, single underscores)")
    unilateral = raw.get("unilateral")
    if not isinstance(unilateral, bool):
        raise e.fail("unilateral", "must be true or false")
    measure = e.choice("measure", MEASURES)
    pattern = e.choice("pattern", PATTERNS)
    dose_raw = raw.get("dose")
    low, high = REPS_RANGE if measure == "reps" else SECONDS_RANGE
    if pattern == CONDITIONING:
        if measure != "seconds" or unilateral:
            raise e.fail("pattern", "'conditioning' is for two-sided work counted in seconds")
        low, high = CONDITIONING_RANGE
    if (
        not isinstance(dose_raw, list)
        or len(dose_raw) != 2
        or any(isinstance(v, bool) or not isinstance(v, int) for v in dose_raw)
        or not low <= dose_raw[0] <= dose_raw[1] <= high
    ):
        raise e.fail(
            "dose",
            f"must be [low, high], integers with {low} <= low <= high <= {high} ({measure})",
        )
    if measure == "reps":
        seconds_per_rep = e.number("seconds_per_rep", 0.5, 20)
    else:
        seconds_per_rep = e.number("seconds_per_rep", 0, 0)
    if pattern == CONDITIONING and raw.get("focus"):
        raise e.fail("focus", "must be empty for 'conditioning': it trains no region")
    sources = e.texts("sources")
    for key in sources:
        if key not in source_keys:
            raise e.fail("sources", f"has {key!r}, which is not in sources.toml")
    easier = e.variant("easier")
    harder = e.variant("harder")
    for key, value in (("easier", easier), ("harder", harder)):
        if value == ident:
            raise e.fail(key, "must name another exercise, not the entry itself")
    return Exercise(
        id=ident,
        name=e.text("name"),
        summary=e.text("summary"),
        focus=e.choices("focus", FOCUS, allow_empty=pattern == CONDITIONING),
        equipment=e.choices("equipment", EQUIPMENT, allow_empty=True),
        unilateral=unilateral,
        level=e.choice("level", LEVELS),
        measure=measure,
        blocks=e.choices("blocks", BLOCKS),
        pattern=pattern,
        dose=(dose_raw[0], dose_raw[1]),
        seconds_per_rep=seconds_per_rep,
        setup_seconds=e.integer("setup_seconds", 0, 300),
        tempo=e.text("tempo"),
        muscles_primary=e.choices("muscles_primary", MUSCLES),
        muscles_secondary=e.choices("muscles_secondary", MUSCLES, allow_empty=True),
        steps=e.texts("steps"),
        cues=e.texts("cues"),
        mistakes=e.texts("mistakes", allow_empty=True),
        weak_side_first=e.text("weak_side_first"),
        easier=easier,
        harder=harder,
        cautions=e.texts("cautions", allow_empty=True),
        sources=sources,
    )


def parse_catalogue(data: Mapping[str, Any], source_keys: Collection[str]) -> tuple[Exercise, ...]:
    """Validate parsed TOML (`{"exercise": [...]}`); raise CatalogueError naming entry and key."""
    unknown_top = sorted(set(data) - {"exercise"})
    if unknown_top:
        raise CatalogueError(f"exercises.toml: unknown top-level key {unknown_top[0]!r}")
    entries = data.get("exercise")
    if not isinstance(entries, list) or not entries:
        raise CatalogueError("exercises.toml: needs at least one [[exercise]] table")
    out = tuple(_parse_entry(i, raw, source_keys) for i, raw in enumerate(entries))
    seen: set[str] = set()
    for ex in out:
        if ex.id in seen:
            raise CatalogueError(f"exercises.toml: exercise {ex.id!r}: key 'id' is repeated")
        seen.add(ex.id)
    for ex in out:
        for key in ("easier", "harder"):
            target = getattr(ex, key)
            if target is not None and target not in seen:
                raise CatalogueError(
                    f"exercises.toml: exercise {ex.id!r}: key {key!r} names {target!r}, "
                    "which is not in the catalogue"
                )
    _check_variant_chains(out)
    return out


def _check_variant_chains(exercises: tuple[Exercise, ...]) -> None:
    """Following `easier` (or `harder`) from any entry must never come back round to it."""
    by_id = {ex.id: ex for ex in exercises}
    for key in ("easier", "harder"):
        for ex in exercises:
            path = [ex.id]
            step: str | None = getattr(ex, key)
            while step is not None:
                if step in path:
                    loop = " -> ".join([*path[path.index(step) :], step])
                    raise CatalogueError(
                        f"exercises.toml: exercise {ex.id!r}: key {key!r} leads round a loop "
                        f"({loop}); variants must form a chain without loops"
                    )
                path.append(step)
                step = getattr(by_id[step], key)


@functools.cache
def load_catalogue() -> tuple[Exercise, ...]:
    """Every exercise in `data/exercises.toml`, in file order, validated (cached)."""
    return parse_catalogue(load_toml("exercises.toml"), frozenset(load_sources()))


@functools.cache
def _by_id() -> Mapping[str, Exercise]:
    return {ex.id: ex for ex in load_catalogue()}


def variant_families(exercises: Iterable[Exercise]) -> dict[str, frozenset[str]]:
    """Each exercise's family: itself and its easier and harder versions of the same kind
    (pattern and sides), following the `easier`/`harder` links both ways through exercises of
    that kind. The side bridge from the knees, the side bridge and the side bridge with a leg
    raise are one exercise at three levels."""
    by_id = {ex.id: ex for ex in exercises}
    links: dict[str, set[str]] = {ex_id: set() for ex_id in by_id}
    for ex in by_id.values():
        for other in (ex.easier, ex.harder):
            if other in by_id:
                links[ex.id].add(other)
                links[other].add(ex.id)
    out: dict[str, frozenset[str]] = {}
    for ex in by_id.values():
        if ex.id in out:
            continue
        family = {ex.id}
        todo = [ex.id]
        while todo:
            for near in links[todo.pop()]:
                kin = by_id[near]
                same_kind = kin.pattern == ex.pattern and kin.unilateral == ex.unilateral
                if near not in family and same_kind:
                    family.add(near)
                    todo.append(near)
        members = frozenset(family)
        for member in members:
            out[member] = members
    return out


@functools.cache
def catalogue_families() -> Mapping[str, frozenset[str]]:
    """`variant_families` of the catalogue (worked out once)."""
    return variant_families(load_catalogue())


def catalogue_by_id() -> dict[str, Exercise]:
    """The catalogue keyed by id (a fresh dict)."""
    return dict(_by_id())


def catalogue_json() -> list[dict[str, Any]]:
    """The catalogue as JSON-ready dicts (the entries of docs/reference/catalogue.md)."""
    return [ex.to_dict() for ex in load_catalogue()]
