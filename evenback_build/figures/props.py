"""Equipment drawn simply: each prop gives its SVG shapes, its extent and the surfaces it offers.

Coordinates are world centimetres (y up, floor at 0); `n()` writes them for SVG (y down).
Held props follow a hand in each position; fixed props (bench, bars, machines) stay put.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .skeleton import Point, Skeleton


def n(v: float) -> str:
    """A coordinate as short, stable text: one decimal, no trailing '.0', no '-0'."""
    text = f"{round(v, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def pt(p: Point) -> str:
    return f"{n(p[0])} {n(-p[1])}"


def rect(x0: float, y0: float, x1: float, y1: float, r: float = 2.0, cls: str = "k") -> str:
    """An axis-aligned rectangle from (x0, y0) to (x1, y1) in world coordinates."""
    x, y = min(x0, x1), max(y0, y1)
    w, h = abs(x1 - x0), abs(y1 - y0)
    return (
        f'<rect class="{cls}" x="{n(x)}" y="{n(-y)}" width="{n(w)}" height="{n(h)}" rx="{n(r)}"/>'
    )


def line(a: Point, b: Point, width: float, cls: str = "kl") -> str:
    return f'<path class="{cls}" d="M{pt(a)}L{pt(b)}" stroke-width="{n(width)}"/>'


def circle(c: Point, r: float, cls: str = "k") -> str:
    return f'<circle class="{cls}" cx="{n(c[0])}" cy="{n(-c[1])}" r="{n(r)}"/>'


@dataclass(frozen=True, slots=True)
class Surface:
    """Where a body part may rest: a flat top from x0 to x1 at height y, or a point."""

    name: str
    x0: float
    x1: float
    y: float
    point: bool = False


@dataclass(slots=True)
class Drawn:
    back: list[str] = field(default_factory=list)  # behind the body
    front: list[str] = field(default_factory=list)  # in front of the body
    extent: list[Point] = field(default_factory=list)


def _xy(value: object, where: str) -> Point:
    if (
        isinstance(value, Sequence)
        and len(value) == 2
        and all(isinstance(v, int | float) for v in value)
    ):
        return (float(value[0]), float(value[1]))
    raise ValueError(f"{where}: must be [x, y]")


def surfaces(props: Sequence[Mapping[str, Any]]) -> list[Surface]:
    """Every surface the fixed props offer, and the floor."""
    out = [Surface("floor", -1e6, 1e6, 0.0)]
    for p in props:
        kind = p["kind"]
        if kind in ("bench", "box", "seat"):
            x, w = float(p["x"]), float(p.get("width", 110 if kind == "bench" else 40))
            out.append(Surface(kind, x, x + w, float(p.get("height", 45))))
        elif kind == "cushion":
            x, w = float(p["x"]), float(p.get("width", 36))
            out.append(Surface("cushion", x, x + w, 6.0))
        elif kind == "wall":
            out.append(Surface("wall", float(p["x"]), float(p["x"]), 0.0, point=True))
        elif kind == "pullup_bar":
            x, y = _xy(p["at"], "pullup_bar.at")
            out.append(Surface("bar", x, x, y, point=True))
        elif kind in ("back_extension", "ghd"):
            x, y = _xy(p["roller"], f"{kind}.roller")
            out.append(Surface("roller", x, x, y, point=True))
            px, py = _xy(p["pad"], f"{kind}.pad")
            out.append(Surface("pad", px, px, py, point=True))
        elif kind == "reverse_hyper":
            px, py = _xy(p["pad"], f"{kind}.pad")
            w = float(p.get("width", 50))
            out.append(Surface("pad", px - w / 2, px + w / 2, py + 4))
        elif kind == "machine":
            px, py = _xy(p["pad"], f"{kind}.pad")
            out.append(Surface("pad", px, px, py, point=True))
    return out


def hand_side(p: Mapping[str, Any], load: str | None) -> str | None:
    """'l' or 'r': the hand a held prop is in; None when both hands hold it."""
    hand = p.get("hand", "load")
    if hand == "both":
        return None
    if hand == "load":
        return (load or "left")[0]
    if hand == "free":
        return "r" if (load or "left")[0] == "l" else "l"
    return str(hand)[0]


def _hand_points(p: Mapping[str, Any], sk: Skeleton, load: str | None) -> list[Point]:
    side = hand_side(p, load)
    if side is None:
        a, b = sk.points["hand_l"], sk.points["hand_r"]
        return [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)]
    return [sk.points[f"hand_{side}"]]


def _dumbbell(c: Point, across: bool) -> list[str]:
    if across:  # the handle runs across the picture
        return [
            line((c[0] - 9, c[1]), (c[0] + 9, c[1]), 3.2),
            rect(c[0] - 12, c[1] - 7, c[0] - 6, c[1] + 7, 1.5),
            rect(c[0] + 6, c[1] - 7, c[0] + 12, c[1] + 7, 1.5),
        ]
    return [circle(c, 7.5), circle(c, 2.2, "kh")]


def draw(
    props: Sequence[Mapping[str, Any]],
    sk: Skeleton,
    load: str | None,
    floor: float,
    _nested: bool = False,
) -> Drawn:
    """The props of one position, for the skeleton as placed."""
    d = Drawn()
    for p in props:
        kind = p["kind"]
        behind = not _nested and sk.view == "side" and hand_side(p, load) not in (None, sk.near())
        if behind and kind in ("dumbbell", "kettlebell", "plate", "barbell"):
            sub = draw([p], sk, None if load is None else load, floor, _nested=True)
            d.back += sub.front + sub.back
            d.extent += sub.extent
            continue
        if kind in ("bench", "seat"):
            x, w = float(p["x"]), float(p.get("width", 110 if kind == "bench" else 40))
            h = float(p.get("height", 45))
            d.back += [
                rect(x + 4, 0, x + 9, h - 3, 1),
                rect(x + w - 9, 0, x + w - 4, h - 3, 1),
                rect(x, h - 7, x + w, h, 2.5),
            ]
            d.extent += [(x, h), (x + w, 0)]
        elif kind == "box":
            x, w, h = float(p["x"]), float(p.get("width", 40)), float(p.get("height", 40))
            d.back.append(rect(x, 0, x + w, h, 2))
            d.extent += [(x, h), (x + w, 0)]
        elif kind == "cushion":
            x, w = float(p["x"]), float(p.get("width", 36))
            d.back.append(rect(x, 0, x + w, 6, 3))
            d.extent += [(x, 6), (x + w, 0)]
        elif kind == "wall":
            x = float(p["x"])
            d.back.append(rect(x - 3, 0, x + 3, 150, 0.5))
            d.extent += [(x - 3, 150), (x + 3, 0)]
        elif kind == "pullup_bar":
            x, y = _xy(p["at"], "at")
            f = float(p.get("forward", 1))
            d.front.append(circle((x, y), 2.6))
            d.back += [
                line((x - 30 * f, y), (x - 30 * f, y + 12), 3),
                line((x - 30 * f, y + 12), (x, y), 3),
            ]
            d.extent += [(x - 32 * f, y + 14), (x + 3 * f, y)]
        elif kind in ("dumbbell", "plate"):
            for c in _hand_points(p, sk, load):
                if kind == "plate":
                    d.front.append(rect(c[0] - 4, c[1] - 14, c[0] + 4, c[1] + 14, 2))
                else:
                    # Side view: a neutral grip shows the handle's length; front view: its end.
                    across = bool(p.get("across", sk.view == "side"))
                    d.front += _dumbbell(c, across)
                d.extent.append(c)
        elif kind == "kettlebell":
            for c in _hand_points(p, sk, load):
                body = (c[0], c[1] - 13)
                d.front += [
                    f'<path class="kl" d="M{pt((c[0] - 6, c[1] - 6))}Q{pt((c[0], c[1] + 4))} '
                    f'{pt((c[0] + 6, c[1] - 6))}" stroke-width="2.6"/>',
                    circle(body, 9),
                ]
                d.extent.append((body[0], body[1] - 9))
        elif kind == "barbell":
            for c in _hand_points(p, sk, load):
                across = bool(p.get("across", sk.view != "side"))
                if across:
                    d.front += [
                        line((c[0] - 70, c[1]), (c[0] + 70, c[1]), 3),
                        rect(c[0] - 80, c[1] - 22, c[0] - 72, c[1] + 22, 2),
                        rect(c[0] + 72, c[1] - 22, c[0] + 80, c[1] + 22, 2),
                    ]
                    d.extent += [(c[0] - 80, c[1] + 22), (c[0] + 80, c[1] - 22)]
                else:
                    d.front += [circle(c, 22), circle(c, 2.5, "kh")]
                    d.extent += [(c[0] - 22, c[1] + 22), (c[0] + 22, c[1] - 22)]
        elif kind == "landmine":
            pivot = _xy(p["pivot"], "pivot")
            for c in _hand_points(p, sk, load):
                dx, dy = c[0] - pivot[0], c[1] - pivot[1]
                k = 1.12
                tip = (pivot[0] + dx * k, pivot[1] + dy * k)
                d.back.append(line(pivot, tip, 3.2))
                d.back.append(circle(tip, 12))
                d.extent += [pivot, (tip[0] - 12, tip[1] - 12), (tip[0] + 12, tip[1] + 12)]
        elif kind == "band":
            if p.get("loop") == "knees":
                a, b = sk.points["knee_l"], sk.points["knee_r"]
                d.front.append(line(a, b, 2.4, "kb"))
                continue
            hands = _hand_points(p, sk, load)
            if p.get("loop") == "hands":
                a, b = sk.points["hand_l"], sk.points["hand_r"]
                d.front.append(line(a, b, 2.4, "kb"))
                continue
            anchor = _xy(p["anchor"], "anchor")
            d.back.append(rect(anchor[0] - 3, 0, anchor[0] + 3, anchor[1] + 25, 0.5))
            for c in hands:
                d.front.append(line(anchor, c, 2.4, "kb"))
            d.extent += [(anchor[0] - 3, anchor[1] + 25), (anchor[0] + 3, 0)]
        elif kind == "cable":
            pulley = _xy(p["pulley"], "pulley")
            col = float(p.get("column", pulley[0]))
            top = max(pulley[1] + 20, 190.0)
            d.back.append(rect(col - 7, 0, col + 7, top, 1.5))
            d.back.append(circle(pulley, 4))
            for c in _hand_points(p, sk, load):
                d.front.append(line(pulley, c, 1.6, "kc"))
            d.extent += [(col - 7, top), (col + 7, 0)]
        elif kind in ("back_extension", "ghd"):
            roller = _xy(p["roller"], "roller")
            pad = _xy(p["pad"], "pad")
            ang = math.radians(float(p.get("angle", 45 if kind == "back_extension" else 0)))
            ux, uy = math.cos(ang), math.sin(ang)
            # The pad: a thick bar centred on `pad`, sloping up at `angle` towards the head end.
            a = (pad[0] - ux * 16, pad[1] - uy * 16)
            b = (pad[0] + ux * 16, pad[1] + uy * 16)
            below = (pad[0], pad[1] - 10)
            d.back += [
                line(roller, (roller[0], floor), 4),
                line((roller[0], floor + 4), (below[0], floor + 4), 4),
                line((below[0], floor + 4), below, 4),
                line(a, b, 13, "kp"),
                circle(roller, 5),
            ]
            d.extent += [roller, a, b, (roller[0], floor), (below[0], floor)]
        elif kind == "reverse_hyper":
            pad = _xy(p["pad"], "pad")
            w = float(p.get("width", 50))
            d.back += [
                rect(pad[0] - w / 2, pad[1] - 5, pad[0] + w / 2, pad[1] + 4, 3),
                rect(pad[0] - 3, 0, pad[0] + 3, pad[1] - 5, 0.5),
                rect(pad[0] - w / 2 - 6, 0, pad[0] + w / 2 + 6, 5, 1),
            ]
            d.extent += [(pad[0] - w / 2 - 6, pad[1] + 4), (pad[0] + w / 2 + 6, 0)]
        elif kind == "machine":
            pad = _xy(p["pad"], "pad")
            f = float(p.get("forward", 1))
            d.back += [
                rect(pad[0] - 4, pad[1] - 20, pad[0] + 4, pad[1] + 20, 3),
                line((pad[0] + 4 * f, pad[1]), (pad[0] + 30 * f, pad[1]), 3),
                rect(pad[0] + 28 * f, 0, pad[0] + 34 * f, pad[1] + 40, 0.5),
            ]
            if "handle" in p:
                for c in _hand_points({"hand": p["handle"]}, sk, load):
                    d.front.append(line((pad[0] + 31 * f, c[1] + 30), c, 3))
            d.extent += [(pad[0] - 4 * f, pad[1] + 40), (pad[0] + 34 * f, 0)]
    return d
