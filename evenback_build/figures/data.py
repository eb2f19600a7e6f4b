"""Load and check `planner/data/figures.toml`: the start and end pose of every figure.

The file is the one source of the figures' positions; the catalogue stays the source of names,
equipment and side rules. Only the page generator reads it: the planner never does, and the
planner's wheel leaves it out (pyproject.toml), so it never reaches the browser.

    [exercise.<catalogue id>]      or   [self_test.<id>]
    like = "<exercise id>"         # optional: start from that entry, then override keys
    view = "side" | "front" | "back"
    works = "left" | "right"       # the side shown working (one-sided exercises only)
    mark = ["leg", "arm", "flank"] # parts of the working side drawn in colour
    props = [{kind = "bench", x = 20, width = 110, height = 45}, ...]
    arrows = ["ankle_l", ...]      # joints whose path from start to end is drawn
    fixed = "toe_l"                # the point that stays put (default: first start contact)
    start = {say = "...", contacts = ["toe_l:floor", ...], pose = {...}, reach = {...}}
    end = {...}                    # the same keys; pose and reach add to the start's
    fit = ["trunk", "hip_l"]       # angles adjusted until the contacts touch (fit_end: the end's)
    page = "self-tests/x.md"       # self-tests only: the page it goes on
    before = "set-up"              # self-tests only: the heading id it goes before
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .skeleton import LIMB_ANGLES, REACH_PARTS, REACH_WHOLE, SIDES, TRUNK_ANGLES, Pose

DATA = Path(__file__).resolve().parents[2] / "planner" / "data" / "figures.toml"

VIEWS = ("side", "front", "back")
MARKS = ("leg", "arm", "flank")
POINTS = (
    "pelvis",
    "waist",
    "neck",
    "head",
    *(f"{p}_{s}" for p in ("hip", "knee", "ankle", "toe", "heel", "foot") for s in SIDES),
    *(f"{p}_{s}" for p in ("shoulder", "elbow", "wrist", "hand") for s in SIDES),
)
SURFACES = ("floor", "bench", "box", "seat", "cushion", "bar", "roller", "pad", "wall")
ANGLE_KEYS = frozenset({*TRUNK_ANGLES, *(f"{a}_{s}" for a in LIMB_ANGLES for s in SIDES)})
REACH_KEYS = frozenset(
    {*REACH_PARTS, *REACH_WHOLE, *(f"{p}_{s}" for p in REACH_PARTS for s in SIDES)}
)
PROP_KEYS: dict[str, frozenset[str]] = {
    "bench": frozenset({"x", "width", "height"}),
    "box": frozenset({"x", "width", "height"}),
    "seat": frozenset({"x", "width", "height"}),
    "cushion": frozenset({"x", "width"}),
    "wall": frozenset({"x"}),
    "dumbbell": frozenset({"hand", "across"}),
    "kettlebell": frozenset({"hand"}),
    "plate": frozenset({"hand"}),
    "barbell": frozenset({"hand", "across"}),
    "landmine": frozenset({"hand", "pivot"}),
    "band": frozenset({"hand", "anchor", "loop"}),
    "cable": frozenset({"hand", "pulley", "column"}),
    "back_extension": frozenset({"pad", "angle", "roller"}),
    "ghd": frozenset({"pad", "roller"}),
    "reverse_hyper": frozenset({"pad", "width"}),
    "machine": frozenset({"pad", "handle"}),
    "pullup_bar": frozenset({"at"}),
}
HANDS = ("load", "both", "left", "right", "free")


class FigureError(Exception):
    """figures.toml is invalid; the message names the entry and key."""


@dataclass(frozen=True, slots=True)
class Position:
    say: str
    contacts: tuple[tuple[str, str], ...]  # (point, surface)
    pose: Pose


@dataclass(frozen=True, slots=True)
class FigureSpec:
    key: str  # "exercise.<id>" or "self_test.<id>"
    view: str
    works: str | None
    mark: tuple[str, ...]
    props: tuple[Mapping[str, Any], ...]
    arrows: tuple[str, ...]
    fixed: str
    start: Position
    end: Position
    page: str | None
    before: str | None
    fit: tuple[str, ...] = ()  # angles adjusted so the start's contacts touch (scene.fit)
    fit_end: tuple[str, ...] = ()  # the same for the end (default: `fit`)
    name: str | None = None  # self-tests that are no test of the planner: the figure's name

    @property
    def id(self) -> str:
        return self.key.split(".", 1)[1]


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        if k in ("start", "end") and isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = _merge(out[k], v)
        elif k in ("pose", "reach") and isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = {**out[k], **v}
        else:
            out[k] = v
    return out


def _position(where: str, raw: object, base: Position | None) -> Position:
    if not isinstance(raw, Mapping):
        raise FigureError(f"{where}: must be a table")
    unknown = sorted(set(raw) - {"say", "contacts", "pose", "reach"})
    if unknown:
        raise FigureError(f"{where}: unknown key {unknown[0]!r}")
    say = raw.get("say", "")
    if not isinstance(say, str) or not say.strip():
        raise FigureError(f"{where}.say: must be a short sentence of what the picture shows")
    contacts_raw = raw.get("contacts")
    if not isinstance(contacts_raw, list) or not contacts_raw:
        raise FigureError(f"{where}.contacts: must list at least one 'point:surface'")
    contacts = []
    for i, c in enumerate(contacts_raw):
        point, _, surface = str(c).partition(":")
        if point not in POINTS or surface not in SURFACES:
            raise FigureError(
                f"{where}.contacts[{i}]: {c!r} is not 'point:surface' "
                f"(points like 'toe_l', surfaces {', '.join(SURFACES)})"
            )
        contacts.append((point, surface))
    angles: dict[str, float] = dict(base.pose.angles) if base else {}
    reach: dict[str, float] = dict(base.pose.reach) if base else {}
    for key, table, allowed in (("pose", angles, ANGLE_KEYS), ("reach", reach, REACH_KEYS)):
        values = raw.get(key, {})
        if not isinstance(values, Mapping):
            raise FigureError(f"{where}.{key}: must be a table")
        for name, value in values.items():
            if isinstance(value, list) and name in set(LIMB_ANGLES) | set(REACH_PARTS):
                if len(value) != 2:
                    raise FigureError(f"{where}.{key}.{name}: give [left, right]")
                pairs = [(f"{name}_l", value[0]), (f"{name}_r", value[1])]
            else:
                pairs = [(name, value)]
            for full, v in pairs:
                if full not in allowed:
                    raise FigureError(f"{where}.{key}: unknown name {full!r}")
                if isinstance(v, bool) or not isinstance(v, int | float):
                    raise FigureError(f"{where}.{key}.{full}: must be a number")
                table[full] = float(v)
    return Position(say.strip(), tuple(contacts), Pose(angles, reach))


def _spec(key: str, raw: Mapping[str, Any]) -> FigureSpec:
    where = f"figures.toml: {key}"
    known = {"like", "view", "works", "mark", "props", "arrows", "fixed", "start", "end"}
    known |= {"page", "before", "fit", "fit_end", "name"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise FigureError(f"{where}: unknown key {unknown[0]!r}")
    view = raw.get("view")
    if view not in VIEWS:
        raise FigureError(f"{where}.view: must be one of {', '.join(VIEWS)}")
    works = raw.get("works")
    if works not in (None, "left", "right"):
        raise FigureError(f"{where}.works: must be 'left' or 'right'")
    mark = tuple(raw.get("mark", ()))
    for m in mark:
        if m not in MARKS:
            raise FigureError(f"{where}.mark: {m!r} is not one of {', '.join(MARKS)}")
    props = []
    for i, p in enumerate(raw.get("props", ())):
        kind = p.get("kind") if isinstance(p, Mapping) else None
        if kind not in PROP_KEYS:
            raise FigureError(f"{where}.props[{i}].kind: unknown prop {kind!r}")
        extra = sorted(set(p) - PROP_KEYS[kind] - {"kind"})
        if extra:
            raise FigureError(f"{where}.props[{i}]: {kind} has no key {extra[0]!r}")
        if "hand" in p and p["hand"] not in HANDS:
            raise FigureError(f"{where}.props[{i}].hand: must be one of {', '.join(HANDS)}")
        props.append(dict(p))
    arrows = tuple(raw.get("arrows", ()))
    for a in arrows:
        if a not in POINTS:
            raise FigureError(f"{where}.arrows: {a!r} is not a body point")
    start = _position(f"{where}.start", raw.get("start"), None)
    end = _position(f"{where}.end", raw.get("end"), start)
    fixed = raw.get("fixed", start.contacts[0][0])
    if fixed not in POINTS:
        raise FigureError(f"{where}.fixed: {fixed!r} is not a body point")
    fits = []
    for key_name in ("fit", "fit_end"):
        names = tuple(raw.get(key_name, raw.get("fit", ()) if key_name == "fit_end" else ()))
        for name in names:
            if name not in ANGLE_KEYS:
                raise FigureError(f"{where}.{key_name}: {name!r} is not a joint angle")
        fits.append(names)
    page, before = raw.get("page"), raw.get("before")
    if key.startswith("self_test.") and not (isinstance(page, str) and isinstance(before, str)):
        raise FigureError(f"{where}: a self-test needs 'page' and 'before'")
    return FigureSpec(
        key,
        view,
        works,
        mark,
        tuple(props),
        arrows,
        fixed,
        start,
        end,
        page,
        before,
        fits[0],
        fits[1],
        raw.get("name"),
    )


def parse_figures(data: Mapping[str, Any]) -> dict[str, FigureSpec]:
    """Every figure by key ('exercise.<id>', 'self_test.<id>'), `like` resolved."""
    unknown = sorted(set(data) - {"exercise", "self_test"})
    if unknown:
        raise FigureError(f"figures.toml: unknown table {unknown[0]!r}")
    raw_by_key = {
        f"{group}.{name}": entry
        for group in ("exercise", "self_test")
        for name, entry in data.get(group, {}).items()
    }

    @functools.cache
    def resolved(key: str, depth: int = 0) -> dict[str, Any]:
        raw = raw_by_key[key]
        like = raw.get("like")
        if like is None:
            return dict(raw)
        target = f"exercise.{like}"
        if target not in raw_by_key or depth > 5:
            raise FigureError(f"figures.toml: {key}.like: no exercise {like!r} to start from")
        base = {k: v for k, v in resolved(target, depth + 1).items() if k not in ("page", "before")}
        return _merge(base, {k: v for k, v in raw.items() if k != "like"})

    return {key: _spec(key, resolved(key)) for key in raw_by_key}


@functools.cache
def load_figures(path: Path = DATA) -> dict[str, FigureSpec]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise FigureError(f"figures.toml: {exc}") from exc
    return parse_figures(data)
