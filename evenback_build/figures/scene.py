"""A figure's two positions placed in one frame: start and end, props, contacts checked.

Both positions share one frame: the `fixed` point sits at x = 0 in both, and each position is
lowered or raised until its first contact rests on its surface. Fixed props are given in that
frame, so the bench or bar is in the same place in both pictures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .data import FigureSpec, Position
from .props import Surface, surfaces
from .skeleton import RANGES, Point, Pose, Skeleton, contact_radius, plane, pose_skeleton

TOLERANCE_CM = 3.0


def facing(spec: FigureSpec) -> int:
    """Side view: the working side faces the viewer (a person facing right shows the right
    side). Front view: the person's left is on the picture's right; back view: on its left."""
    if spec.view == "side":
        return -1 if spec.works == "left" else 1
    return 1 if spec.view == "front" else -1


def contact_point(sk: Skeleton, point: str) -> list[Point]:
    """The body points a contact names ('foot_l' is both its heel and toe)."""
    if point.startswith("foot_"):
        side = point[-1]
        return [sk.points[f"heel_{side}"], sk.points[f"toe_{side}"]]
    return [sk.points[point]]


def _surface(name: str, x: float, found: list[Surface]) -> Surface | None:
    best = None
    for s in found:
        if s.name != name:
            continue
        under = s.point or s.x0 - TOLERANCE_CM <= x <= s.x1 + TOLERANCE_CM
        if under and (
            best is None or abs((s.x0 + s.x1) / 2 - x) < abs((best.x0 + best.x1) / 2 - x)
        ):
            best = s
    return best


def gap(sk: Skeleton, point: str, surface: str, found: list[Surface]) -> float | None:
    """How far (cm) the named body point is from resting on the surface; None: no such
    surface under it. 0 means it rests exactly on it."""
    worst = 0.0
    radius = 0.0 if point.startswith(("foot_", "toe_", "heel_")) else contact_radius(point)
    for x, y in contact_point(sk, point):
        s = _surface(surface, x, found)
        if s is None:
            return None
        if s.point:
            if surface == "wall":
                d = abs(abs(x - s.x0) - radius - 3.0)
            else:
                d = max(0.0, math.dist((x, y), (s.x0, s.y)) - radius - 6.0)
        else:
            d = abs(y - radius - s.y)
        worst = max(worst, d)
    return worst


@dataclass(frozen=True, slots=True)
class Scene:
    spec: FigureSpec
    start: Skeleton
    end: Skeleton
    surfaces: tuple[Surface, ...]
    props: tuple[Mapping[str, Any], ...]


def _place(pos: Position, view: str, face: int, fixed: str, found: list[Surface]) -> Skeleton:
    sk = pose_skeleton(pos.pose, view, face)
    fx = sk.points[fixed if not fixed.startswith("foot_") else "toe_" + fixed[-1]][0]
    sk = sk.moved(-fx, 0.0)
    point, surface = pos.contacts[0]
    pts = contact_point(sk, point)
    x = sum(p[0] for p in pts) / len(pts)
    low = min(p[1] for p in pts)
    radius = 0.0 if point.startswith(("foot_", "toe_", "heel_")) else contact_radius(point)
    s = _surface(surface, x, found)
    if s is None or surface == "wall":
        return sk.moved(0.0, -(low - radius))  # rest on the floor
    if s.point:  # a bar, roller or pad: the joint centre at the point's height
        return sk.moved(0.0, s.y - pts[0][1])
    return sk.moved(0.0, s.y - (low - radius))


def _misfit(pos: Position, view: str, face: int, fixed: str, found: list[Surface]) -> float:
    sk = _place(pos, view, face, fixed, found)
    total = 0.0
    for point, surface in pos.contacts:
        g = gap(sk, point, surface, found)
        total += 1e4 if g is None else g * g
    return total


def fit(
    pos: Position, names: tuple[str, ...], view: str, face: int, fixed: str, found: list[Surface]
) -> Position:
    """The position with the angles `names` adjusted (within human ranges, by coordinate
    descent from the given values) until its contacts rest on their surfaces. Deterministic."""
    # A foot resting flat on a surface: its ankle angle follows from the rest of the pose.
    flat = tuple(f"ankle_{pt[-1]}" for pt, _ in pos.contacts if pt.startswith("foot_"))
    names = tuple(dict.fromkeys((*names, *flat)))
    if not names:
        return pos
    ranges = RANGES[plane(view)]
    angles = dict(pos.pose.angles)
    current = replace(pos, pose=Pose(angles, pos.pose.reach))
    best = _misfit(current, view, face, fixed, found)
    for step in (8.0, 4.0, 2.0, 1.0, 0.5, 0.25):
        improved = True
        while improved and best > 0.01:
            improved = False
            for name in names:
                base = name.rsplit("_", 1)[0] if name[-2:] in ("_l", "_r") else name
                low, high = ranges.get(base, (-180.0, 180.0))
                for delta in (step, -step):
                    value = min(high, max(low, angles.get(name, 0.0) + delta))
                    trial = {**angles, name: value}
                    cand = replace(pos, pose=Pose(trial, pos.pose.reach))
                    score = _misfit(cand, view, face, fixed, found)
                    if score < best - 1e-9:
                        angles, best, improved = trial, score, True
                        break
    return replace(pos, pose=Pose({k: round(v, 2) for k, v in angles.items()}, pos.pose.reach))


MIRRORED_POINTS = ("pad", "roller", "pivot", "anchor", "pulley", "at")


def mirrored(props: tuple[Mapping[str, Any], ...]) -> tuple[Mapping[str, Any], ...]:
    """Props for a side view facing left: the data give x as 'forward' (facing right)."""
    out = []
    for p in props:
        q = dict(p)
        q["forward"] = -1
        if "x" in q:
            q["x"] = -float(q["x"]) - float(q.get("width", 0 if q["kind"] == "wall" else 40))
            if q["kind"] == "bench" and "width" not in p:
                q["x"] = -float(p["x"]) - 110.0
        for key in MIRRORED_POINTS:
            if key in q:
                q[key] = [-float(q[key][0]), float(q[key][1])]
        if "column" in q:
            q["column"] = -float(q["column"])
        if "angle" in q or q["kind"] == "back_extension":
            q["angle"] = 180.0 - float(q.get("angle", 45))
        out.append(q)
    return tuple(out)


def scene(spec: FigureSpec) -> Scene:
    face = facing(spec)
    if spec.view == "side" and face < 0:
        spec = replace(spec, props=mirrored(spec.props))
    found = surfaces(spec.props)
    first = fit(spec.start, spec.fit, spec.view, face, spec.fixed, found)
    last = fit(spec.end, spec.fit_end, spec.view, face, spec.fixed, found)
    spec = replace(spec, start=first, end=last)
    start = _place(first, spec.view, face, spec.fixed, found)
    end = _place(last, spec.view, face, spec.fixed, found)
    return Scene(spec, start, end, tuple(found), spec.props)


def contact_problems(sc: Scene) -> list[str]:
    """Every contact of either position that does not rest on its surface (within tolerance)."""
    out = []
    for label, pos, sk in (("start", sc.spec.start, sc.start), ("end", sc.spec.end, sc.end)):
        for point, surface in pos.contacts:
            g = gap(sk, point, surface, list(sc.surfaces))
            if g is None:
                out.append(f"{label}: {point} has no {surface} under it")
            elif g > TOLERANCE_CM:
                out.append(f"{label}: {point} is {g:.1f} cm off the {surface}")
    return out
