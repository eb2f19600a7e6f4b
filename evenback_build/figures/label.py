"""The working side named inside each picture: "Left leg" beside the coloured leg, and for a
one-hand load which side works and which hand holds the weight.

The words come from the same fields as the caption (`works`, `mark`, `load`; sides.py's rule
chose the load hand). The place is found from what the picture draws: every stroke, rectangle,
circle and filled outline of the body, the props, the floor and the arrows is read back from
the picture's own SVG (`shapes`), and the label's box goes where it clears all of them, inside
the frame, as near the coloured part as it can; a thin leader joins a label set further off.

Coordinates here are the SVG's own (centimetres, y down).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from .props import n, whole

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (SVG coordinates, y down)

FONT_PX = 12.5  # the label's size on a 360 px phone (CSS px): 12 or more, rounding aside
CHAR_EM = 0.6  # a character's width, at most, in font sizes (the width estimate)
LINE_EM = 1.2  # line height, in font sizes
BASELINE_EM = 0.92  # first baseline below the box's top, in font sizes
CLEAR_EM = 0.3  # the gap kept between the label's box and any drawn shape, in font sizes
NEAR_EM = 1.6  # a box further than this from the coloured part gets a leader line
PART_LABEL = {"leg": "leg", "arm": "arm", "flank": "side"}


# What the load hand holds, in the label: a band or a cable pulls, it is no weight.
HELD_LABEL = {"band": "Band", "cable": "Handle"}


def words(
    works: str | None, mark: Sequence[str], load: str | None, held: Sequence[str] = ()
) -> tuple[str, ...]:
    """The label's lines: none when both sides work together; the coloured part ("Left leg");
    with a one-hand load, "Works: ..." and what holds it ("Weight: right hand"), `held` the
    kinds of prop in the load hand."""
    if works is None:
        return ()
    parts = " and ".join(PART_LABEL[m] for m in mark)
    if load is None:
        return (f"{works.capitalize()} {parts}",)
    what = {HELD_LABEL.get(k, "Weight") for k in held} or {"Weight"}
    return (f"Works: {works} {parts}", f"{' and '.join(sorted(what))}: {load} hand")


def narrow(lines: Sequence[str]) -> tuple[str, ...]:
    """The same words on more, shorter lines: each "Key: value" line as "Key:" over "value",
    "Left side and arm" as "Left side" over "and arm" (for a standing figure, whose two
    pictures share a phone's width)."""
    out: list[str] = []
    for line in lines:
        key, sep, value = line.partition(": ")
        if sep:
            out += [key + ":", value]
        else:
            first, sep, rest = line.partition(" and ")
            out += [first, "and " + rest] if sep else [line]
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Shape:
    """One drawn shape: a stroke from a to b of half-width r, a filled polygon (`poly`), or
    a filled circle (a == b, r its radius); `work` when it is in the working side's colour."""

    a: Point
    b: Point
    r: float
    poly: tuple[Point, ...] = ()
    work: bool = False


_TAG = re.compile(r"<(g|/g|path|rect|circle)\b([^>]*?)/?>")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_NUM = re.compile(r"-?\d+(?:\.\d+)?")
_CMD = re.compile(r"([MLHVQZ])([^MLHVQZ]*)")


def _quad(p: Point, c: Point, q: Point, steps: int = 6) -> list[Point]:
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        out.append(
            (
                u * u * p[0] + 2 * u * t * c[0] + t * t * q[0],
                u * u * p[1] + 2 * u * t * c[1] + t * t * q[1],
            )
        )
    return out


def _path_points(d: str) -> tuple[list[list[Point]], bool]:
    """The path's polylines (curves sampled) and whether it is closed."""
    runs: list[list[Point]] = []
    cur: Point = (0.0, 0.0)
    closed = False
    for cmd, args in _CMD.findall(d):
        v = [float(x) for x in _NUM.findall(args)]
        if cmd == "M":
            cur = (v[0], v[1])
            runs.append([cur])
            for i in range(2, len(v) - 1, 2):
                cur = (v[i], v[i + 1])
                runs[-1].append(cur)
        elif cmd == "L":
            for i in range(0, len(v) - 1, 2):
                cur = (v[i], v[i + 1])
                runs[-1].append(cur)
        elif cmd == "H":
            cur = (v[-1], cur[1])
            runs[-1].append(cur)
        elif cmd == "V":
            cur = (cur[0], v[-1])
            runs[-1].append(cur)
        elif cmd == "Q":
            for i in range(0, len(v) - 3, 4):
                end = (v[i + 2], v[i + 3])
                runs[-1] += _quad(cur, (v[i], v[i + 1]), end)
                cur = end
        else:
            closed = True
    return runs, closed


def shapes(svg: str) -> list[Shape]:
    """Every shape an SVG fragment of the figure draws (paths, rectangles, circles), with the
    stroke widths figures.css gives the classes that set none on the element."""
    out: list[Shape] = []
    work_depth: list[bool] = []
    for tag, attrs in _TAG.findall(svg):
        a = dict(_ATTR.findall(attrs))
        cls = a.get("class", "").split()
        if tag == "g":
            work_depth.append("w" in cls or (bool(work_depth) and work_depth[-1]))
            continue
        if tag == "/g":
            if work_depth:
                work_depth.pop()
            continue
        work = (bool(work_depth) and work_depth[-1]) or "wa" in cls
        width = float(a.get("stroke-width", _CLASS_STROKE.get(cls[0] if cls else "", 0.0)))
        if tag == "circle":
            c = (float(a["cx"]), float(a["cy"]))
            out.append(Shape(c, c, float(a["r"]) + width / 2, (), work))
        elif tag == "rect":
            x, y = float(a["x"]), float(a["y"])
            w, h = float(a["width"]), float(a["height"])
            corners = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
            out.append(Shape(corners[0], corners[2], width / 2, corners, work))
        else:
            runs, closed = _path_points(a.get("d", ""))
            for run in runs:
                if closed and len(run) > 2:
                    out.append(Shape(run[0], run[0], width / 2, tuple(run), work))
                    continue
                for p, q in itertools.pairwise(run):
                    out.append(Shape(p, q, width / 2, (), work))
    return out


# Stroke widths figures.css sets on classes (the element then carries none).
_CLASS_STROKE = {"s": 1.3, "wa": 1.0, "k": 1.2, "fl": 2.0, "ar": 2.2}


def _seg_point(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    ll = dx * dx + dy * dy
    t = 0.0 if ll == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / ll))
    return math.dist(p, (a[0] + dx * t, a[1] + dy * t))


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def o(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return o(a, b, c) * o(a, b, d) < 0 and o(c, d, a) * o(c, d, b) < 0


def _inside(p: Point, poly: Sequence[Point]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(poly, [*poly[1:], poly[0]], strict=True):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _corners(box: Box) -> tuple[Point, Point, Point, Point]:
    x0, y0, x1, y1 = box
    return (x0, y0), (x1, y0), (x1, y1), (x0, y1)


def seg_box(a: Point, b: Point, box: Box) -> float:
    """The distance from a segment to a box (0 when they meet)."""
    x0, y0, x1, y1 = box
    if any(x0 <= p[0] <= x1 and y0 <= p[1] <= y1 for p in (a, b)):
        return 0.0
    c = _corners(box)
    edges = list(zip(c, [*c[1:], c[0]], strict=True))
    if any(_cross(a, b, p, q) for p, q in edges):
        return 0.0
    return min(
        *(_seg_point(p, a, b) for p in c),
        *(_seg_point(a, p, q) for p, q in edges),
        *(_seg_point(b, p, q) for p, q in edges),
    )


def _clips(a: Point, b: Point, box: Box) -> bool:
    """Whether segment ab meets the box (Liang-Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - box[0]),
        (dx, box[2] - a[0]),
        (-dy, a[1] - box[1]),
        (dy, box[3] - a[1]),
    ):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def hits(shape: Shape, box: Box, clear: float) -> bool:
    """Whether a shape comes within `clear` of a box (its corners taken square: a little
    more than the exact distance keeps clear)."""
    m = clear + shape.r
    grown = (box[0] - m, box[1] - m, box[2] + m, box[3] + m)
    if shape.poly:
        edges = zip(shape.poly, [*shape.poly[1:], shape.poly[0]], strict=True)
        return _inside((box[0], box[1]), shape.poly) or any(_clips(p, q, grown) for p, q in edges)
    return _clips(shape.a, shape.b, grown)


def distance(shape: Shape, box: Box) -> float:
    """How far a shape's drawn edge is from a box (0 or less: they overlap)."""
    if shape.poly:
        if any(_inside(p, shape.poly) for p in _corners(box)):
            return 0.0
        x0, y0, x1, y1 = box
        if any(x0 <= p[0] <= x1 and y0 <= p[1] <= y1 for p in shape.poly):
            return 0.0
        edges = zip(shape.poly, [*shape.poly[1:], shape.poly[0]], strict=True)
        return min(seg_box(p, q, box) for p, q in edges) - shape.r
    return seg_box(shape.a, shape.b, box) - shape.r


@dataclass(frozen=True, slots=True)
class Placed:
    """A label set in one picture: its box, font size (cm), lines, and a leader if any."""

    box: Box
    size: float
    lines: tuple[str, ...]
    leader: tuple[Point, Point] | None
    crosses: bool = False  # the leader runs over another part (a last resort)

    def svg(self) -> str:
        x0, y0 = self.box[0], self.box[1]
        leader = ""
        if self.leader:
            (ax, ay), (bx, by) = self.leader
            leader = f'<path class="ll" d="M{whole(ax)} {whole(ay)}L{whole(bx)} {whole(by)}"/>'
        text = "".join(
            f'<text x="{n(x0)}" y="{n(y0 + self.size * (BASELINE_EM + LINE_EM * i))}">'
            f"{escape(line)}</text>"
            for i, line in enumerate(self.lines)
        )
        return f'<g class="lb" font-size="{n(self.size)}" aria-hidden="true">{leader}{text}</g>'


def box_size(lines: Sequence[str], size: float) -> tuple[float, float]:
    """The label's width and height (cm) at a font size: characters x size x CHAR_EM."""
    return max(len(t) for t in lines) * size * CHAR_EM, len(lines) * size * LINE_EM


def _samples(work: Iterable[Shape]) -> list[tuple[float, float, float, Shape]]:
    """Points along the coloured shapes' edges (x, y, half-width, shape), 2 cm apart or less."""
    out = []
    for s in work:
        pts = s.poly or (s.a, s.b)
        pairs = zip(pts, [*pts[1:], pts[0]], strict=True) if s.poly else [(s.a, s.b)]
        for a, b in pairs:
            k = max(1, math.ceil(math.dist(a, b) / 2))
            for i in range(k + 1):
                t = i / k
                out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, s.r, s))
    return out


def _nearest(
    samples: Sequence[tuple[float, float, float, Shape]], box: Box
) -> tuple[float, Shape | None]:
    """How far the nearest coloured shape is from the box, and that shape."""
    best, near = math.inf, None
    x0, y0, x1, y1 = box
    for x, y, r, s in samples:
        dx = x0 - x if x < x0 else (x - x1 if x > x1 else 0.0)
        dy = y0 - y if y < y0 else (y - y1 if y > y1 else 0.0)
        d = math.hypot(dx, dy) - r
        if d < best:
            best, near = d, s
    return best, near


def _closest_points(box: Box, a: Point, b: Point) -> tuple[Point, Point]:
    """The point of the box's edge and the point of segment ab closest to each other."""
    x0, y0, x1, y1 = box
    best = (math.inf, a, a)
    for i in range(21):
        t = i / 20
        p = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        q = (min(max(p[0], x0), x1), min(max(p[1], y0), y1))
        d = math.dist(p, q)
        if d < best[0]:
            best = (d, q, p)
    return best[1], best[2]


def place(lines: Sequence[str], size: float, frame: Box, drawn: Sequence[Shape]) -> Placed | None:
    """The best place for the label in one picture, or None when no place clears everything.
    Best: nearest the coloured shapes; a place that needs a leader only when none is near, and
    then one whose leader crosses no other shape."""
    if not lines:
        return None
    w, h = box_size(lines, size)
    clear = CLEAR_EM * size
    fx0, fy0, fx1, fy1 = frame
    work = [s for s in drawn if s.work]
    other = [s for s in drawn if not s.work]
    bounds = [(_bounds(s, clear), s) for s in drawn]
    samples = _samples(work)
    step = max(1.5, size / 2)
    best: tuple[float, Placed] | None = None
    nx = int((fx1 - fx0 - w - 2 * clear) / step) + 1
    ny = int((fy1 - fy0 - h - 2 * clear) / step) + 1
    for i in range(max(nx, 0)):
        for j in range(max(ny, 0)):
            x, y = fx0 + clear + i * step, fy0 + clear + j * step
            box = (x, y, x + w, y + h)
            if any(
                b[0] <= box[2]
                and box[0] <= b[2]
                and b[1] <= box[3]
                and box[1] <= b[3]
                and hits(s, box, clear)
                for b, s in bounds
            ):
                continue
            gap, near = _nearest(samples, box)
            leader = None
            score = gap
            crosses = False
            if gap > NEAR_EM * size and near is not None:
                a, b = _closest_points(box, near.a, near.b)
                # Stop the leader at the coloured part's edge, not its centre line.
                length = math.dist(a, b)
                if length > near.r:
                    k = (length - near.r) / length
                    b = (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k)
                leader = (a, b)
                score = gap * 2 + size
                # It may cross into the shape the coloured part is drawn on (a flank's band
                # on the trunk); one that crosses any other is a last resort.
                crosses = any(
                    _touches(s, a, b) for s in other if not (s.poly and _inside(b, s.poly))
                )
                score += 1000 * crosses
            if best is None or score < best[0]:
                best = (score, Placed(box, size, tuple(lines), leader, crosses))
    return best[1] if best else None


def _bounds(s: Shape, clear: float) -> Box:
    """A shape's bounding box grown by its half-width and the clearance."""
    pts = s.poly or (s.a, s.b)
    m = s.r + clear
    return (
        min(p[0] for p in pts) - m,
        min(p[1] for p in pts) - m,
        max(p[0] for p in pts) + m,
        max(p[1] for p in pts) + m,
    )


def _touches(s: Shape, a: Point, b: Point) -> bool:
    """Whether segment ab runs through a drawn shape."""
    if s.poly:
        return any(
            _cross(a, b, p, q) for p, q in zip(s.poly, [*s.poly[1:], s.poly[0]], strict=True)
        ) or _inside(b, s.poly)
    # Two segments: closest approach under the stroke's half-width.
    d = min(
        _seg_point(s.a, a, b),
        _seg_point(s.b, a, b),
        _seg_point(a, s.a, s.b),
        _seg_point(b, s.a, s.b),
    )
    return d < s.r or (s.a != s.b and _cross(a, b, s.a, s.b))
