"""Draw a scene as inline SVG: two pictures (start, end) in the site's clean outline style.

Limbs are round-capped strokes drawn twice (a wider outline stroke, then the fill), so the
whole body reads as one outlined shape; the trunk is a smooth closed path. Colours are CSS
classes only (docs/css/figures.css), so light and dark schemes each get their own.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from html import escape

from .label import CLEAR_EM, FONT_PX, Placed, box_size, narrow, place, shapes
from .props import Drawn, circle, draw, n, pt, whole
from .scene import Scene
from .skeleton import HEAD_R, WIDTH, Point, Skeleton, _dir

OUTLINE = 2.6  # extra stroke width of the outline (cm, both sides together)

# (t along the trunk's centre line from hip joints to the base of the neck, front or person's
# left offset, back or person's right offset), in cm.
TRUNK_SIDE = (
    (-0.14, 6.0, 8.5),
    (0.0, 9.5, 12.5),
    (0.25, 9.0, 10.5),
    (0.45, 9.5, 9.5),
    (0.7, 11.5, 10.0),
    (0.9, 10.0, 9.0),
    (1.04, 5.5, 5.5),
)
TRUNK_FRONT = (
    (-0.12, 14.0, 14.0),
    (0.0, 17.0, 17.0),
    (0.3, 14.5, 14.5),
    (0.45, 14.0, 14.0),
    (0.72, 17.0, 17.0),
    (0.92, 19.5, 19.5),
    (1.04, 8.0, 8.0),
)


def _station(sk: Skeleton, t: float) -> tuple[Point, Point]:
    """Point on the trunk's centre line at t, and the unit direction there (pelvis to neck)."""
    p, w, nk = sk.points["pelvis"], sk.points["waist"], sk.points["neck"]
    l1, l2 = math.dist(p, w), math.dist(w, nk)
    d = t * (l1 + l2)
    if d <= l1:
        a, b, k = p, w, d / l1
    else:
        a, b, k = w, nk, (d - l1) / l2
    u = ((b[0] - a[0]) / math.dist(a, b), (b[1] - a[1]) / math.dist(a, b))
    return (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k), u


def _smooth(points: Sequence[Point]) -> str:
    """A closed smooth path through the midpoints of the polygon's edges."""
    m = [
        ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        for a, b in zip(points, [*points[1:], points[0]], strict=True)
    ]
    d = f"M{pt(m[-1])}"
    for p, q in zip(points, m, strict=True):
        d += f"Q{pt(p)} {pt(q)}"
    return d + "Z"


def _trunk_edges(sk: Skeleton) -> tuple[list[Point], list[Point]]:
    """The trunk's outline: the front (or left) edge and the back (or right) edge."""
    table = TRUNK_SIDE if sk.view == "side" else TRUNK_FRONT
    a, b = [], []
    for t, off_a, off_b in table:
        c, u = _station(sk, t)
        # Front (side view) or the person's left (front/back view), perpendicular to u.
        f = (u[1] * sk.facing, -u[0] * sk.facing)
        a.append((c[0] + f[0] * off_a, c[1] + f[1] * off_a))
        b.append((c[0] - f[0] * off_b, c[1] - f[1] * off_b))
    return a, b


def _chain(segments: Iterable[tuple[Point, Point, float]], cls: str = "") -> str:
    segs = list(segments)
    outline = "".join(
        f'<path class="o" d="M{pt(a)}L{pt(b)}" stroke-width="{n(w + OUTLINE)}"/>'
        for a, b, w in segs
    )
    fill = "".join(
        f'<path class="f" d="M{pt(a)}L{pt(b)}" stroke-width="{n(w)}"/>' for a, b, w in segs
    )
    attr = f' class="{cls}"' if cls else ""
    return f"<g{attr}>{outline}{fill}</g>"


def _leg(sk: Skeleton, s: str) -> list[tuple[Point, Point, float]]:
    p = sk.points
    up = _dir(sk.phi[f"shank_{s}"])
    lift = WIDTH["foot"] / 2
    heel = (p[f"heel_{s}"][0] - up[0] * lift, p[f"heel_{s}"][1] - up[1] * lift)
    toe = (p[f"toe_{s}"][0] - up[0] * lift, p[f"toe_{s}"][1] - up[1] * lift)
    return [
        (p[f"hip_{s}"], p[f"knee_{s}"], WIDTH["thigh"]),
        (p[f"knee_{s}"], p[f"ankle_{s}"], WIDTH["shank"]),
        (heel, toe, WIDTH["foot"]),
    ]


def _arm(sk: Skeleton, s: str) -> list[tuple[Point, Point, float]]:
    p = sk.points
    return [
        (p[f"shoulder_{s}"], p[f"elbow_{s}"], WIDTH["upper"]),
        (p[f"elbow_{s}"], p[f"wrist_{s}"], WIDTH["fore"]),
        (p[f"wrist_{s}"], p[f"hand_{s}"], WIDTH["hand"]),
    ]


def body(sk: Skeleton, marked: set[str], behind: tuple[str, ...] = ()) -> str:
    """The figure: limbs, trunk and head, the marked parts ('leg_l', 'flank_r') in colour;
    front or back view: the limbs `behind` names go behind the trunk (hands on the floor
    behind the person)."""

    def cls(part: str, far: bool = False) -> str:
        return " ".join(c for c in ("w" if part in marked else "", "far" if far else "") if c)

    front_edge, back_edge = _trunk_edges(sk)
    trunk = f'<path class="s" d="{_smooth([*front_edge, *reversed(back_edge)])}"/>'
    if sk.view == "side" and f"flank_{sk.near()}" in marked:
        # The near side of the trunk faces the viewer: a band along its middle.
        mid = []
        for t, off_a, off_b in TRUNK_SIDE[1:6]:
            c, u = _station(sk, t)
            f = (u[1] * sk.facing, -u[0] * sk.facing)
            k = 0.45
            mid.append(
                (
                    (c[0] + f[0] * off_a * k, c[1] + f[1] * off_a * k),
                    (c[0] - f[0] * off_b * k, c[1] - f[1] * off_b * k),
                )
            )
        band = [m[0] for m in mid] + [m[1] for m in reversed(mid)]
        trunk += f'<path class="wa" d="{_smooth(band)}"/>'
    for side in ("l", "r"):
        if f"flank_{side}" in marked and sk.view != "side":
            edge = front_edge if side == "l" else back_edge
            inner = []
            for (t, *_), e in zip(TRUNK_FRONT, edge, strict=True):
                c, _u = _station(sk, t)
                inner.append((c[0] + (e[0] - c[0]) * 0.35, c[1] + (e[1] - c[1]) * 0.35))
            band = [*edge[1:6], *reversed(inner[1:6])]
            trunk += f'<path class="wa" d="{_smooth(band)}"/>'
    neck = _chain([(sk.points["neck"], sk.points["head"], WIDTH["neck"])])
    head = circle(sk.points["head"], HEAD_R, "s")
    if sk.view == "side":
        face = _dir(sk.phi["head"] - sk.facing * 90.0)
        nose = (
            sk.points["head"][0] + face[0] * HEAD_R * 0.92,
            sk.points["head"][1] + face[1] * HEAD_R * 0.92,
        )
        head += circle(nose, 2.6, "s")
        near = sk.near()
        far = "l" if near == "r" else "r"
        parts = [
            _chain(_arm(sk, far), cls(f"arm_{far}", True)),
            _chain(_leg(sk, far), cls(f"leg_{far}", True)),
            neck,
            trunk,
            head,
            _chain(_leg(sk, near), cls(f"leg_{near}")),
            _chain(_arm(sk, near), cls(f"arm_{near}")),
        ]
    else:
        legs = [_chain(_leg(sk, s), cls(f"leg_{s}")) for s in ("l", "r")]
        arms = [_chain(_arm(sk, s), cls(f"arm_{s}", "arm" in behind)) for s in ("l", "r")]
        if "arm" in behind:
            parts = [*arms, *legs, neck, trunk, head]
        else:
            parts = [*legs, neck, trunk, head, *arms]
    return "".join(parts)


def arrow(a: Point, b: Point, away: Point) -> str:
    """A curved arrow from a to b, bowing away from the point `away` (the body's middle)."""
    dist = math.dist(a, b)
    if dist < ARROW_MIN_CM:
        return ""
    ux, uy = (b[0] - a[0]) / dist, (b[1] - a[1]) / dist
    a = (a[0] + ux * 7, a[1] + uy * 7)
    b = (b[0] - ux * 7, b[1] - uy * 7)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    nx, ny = -uy, ux
    if (mid[0] - away[0]) * nx + (mid[1] - away[1]) * ny < 0:
        nx, ny = -nx, -ny
    bow = 0.22 * dist
    ctrl = (mid[0] + nx * bow, mid[1] + ny * bow)
    # Arrowhead along the curve's end tangent (from the control point to b).
    tx, ty = b[0] - ctrl[0], b[1] - ctrl[1]
    tl = math.hypot(tx, ty)
    tx, ty = tx / tl, ty / tl
    size = 7.0
    left = (b[0] - tx * size - ty * size * 0.6, b[1] - ty * size + tx * size * 0.6)
    right = (b[0] - tx * size + ty * size * 0.6, b[1] - ty * size - tx * size * 0.6)
    tip = (b[0] + tx * 2, b[1] + ty * 2)
    return (
        f'<path class="ar" d="M{pt(a)}Q{pt(ctrl)} {pt(b)}"/>'
        f'<path class="ah" d="M{pt(tip)}L{pt(left)}L{pt(right)}Z"/>'
    )


ARROW_MIN_CM = 12.0  # a point that moves less than this gets no arrow: too short to see


def _path(sc: Scene, joint: str) -> tuple[Point, Point]:
    """Where a joint's arrow starts and ends (a whole foot's: its toe's)."""
    name = joint if not joint.startswith("foot_") else "toe_" + joint[-1]
    return sc.start.points[name], sc.end.points[name]


def drawn_arrows(sc: Scene) -> list[str]:
    """The joints of `arrows` whose path is long enough to draw (the caption names only these)."""
    return [j for j in sc.spec.arrows if math.dist(*_path(sc, j)) >= ARROW_MIN_CM]


def extent(sc: Scene, drawn: Sequence[Drawn]) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 (world) of everything in either picture, with a margin."""
    xs, ys = [], [0.0]
    for sk in (sc.start, sc.end):
        for name, (x, y) in sk.points.items():
            r = HEAD_R if name == "head" else 10.0
            xs += [x - r, x + r]
            ys += [y - r, y + r]
    for d in drawn:
        for x, y in d.extent:
            xs.append(x)
            ys.append(y)
    m = 6.0
    return min(xs) - m, min(ys) - m, max(xs) + m, max(ys) + m


def panel(
    sc: Scene,
    sk: Skeleton,
    drawn: Drawn,
    box: tuple[float, float, float, float],
    marked: set[str],
    extra: str,
    title: str,
    uid: str,
) -> str:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    floor = f'<path class="fl" d="M{whole(x0)} 0H{whole(x1)}"/>'
    return (
        f'<svg class="eb-fig__svg" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{n(x0)} {n(-y1)} {n(w)} {n(h)}" width="{n(w)}" height="{n(h)}" '
        f'role="img" aria-labelledby="{uid}-t" focusable="false">'
        f'<title id="{uid}-t">{escape(title)}</title>'
        f'<g class="kit">{"".join(drawn.back)}</g>{floor}'
        f'<g class="body">{body(sk, marked, sc.spec.behind)}</g>'
        f'<g class="kit">{"".join(drawn.front)}</g>{extra}</svg>'
    )


def pictures(
    sc: Scene,
    marked: set[str],
    load: str | None,
    titles: tuple[str, str],
    uid: str,
    lines: Sequence[str] = (),
) -> tuple[str, str, float, float]:
    """The start and end pictures as two SVG elements with the same frame, and its width and
    height (cm, drawn about 1 px per cm before the page scales it); `lines`, the working
    side's label (label.words), goes inside each picture where it clears everything drawn."""
    d_start = draw(sc.props, sc.start, load, 0.0)
    d_end = draw(sc.props, sc.end, load, 0.0)
    box = extent(sc, (d_start, d_end))
    middle = sc.end.points["waist"]
    arrows = "".join(arrow(*_path(sc, j), middle) for j in drawn_arrows(sc))
    ghost = ""
    if arrows:
        ghost = f'<g class="arrows">{arrows}</g>'

    def both(frame: tuple[float, float, float, float]) -> tuple[str, str]:
        return (
            panel(sc, sc.start, d_start, frame, marked, "", titles[0], f"{uid}-1"),
            panel(sc, sc.end, d_end, frame, marked, ghost, titles[1], f"{uid}-2"),
        )

    if lines:
        box, placed = labelled(box, both, lines)
        start, end = (
            svg[: -len("</svg>")] + p.svg() + "</svg>"
            for svg, p in zip(both(box), placed, strict=True)
        )
    else:
        start, end = both(box)
    return start, end, box[2] - box[0], box[3] - box[1]


Frame = tuple[float, float, float, float]


def label_size(box: Frame) -> float:
    """The label's font size (cm) for a frame: FONT_PX on a 360 px phone."""
    return FONT_PX / phone_scale(box[2] - box[0], box[3] - box[1])


def _shared(box: Frame) -> bool:
    """Whether the two pictures of this frame share a 360 px phone's line."""
    start_at, _grown = sizes(box[2] - box[0], box[3] - box[1])
    return 2 * start_at + GAP_PX <= PHONE_COLUMN_PX


def labelled(
    box: Frame, both: Callable[[Frame], tuple[str, str]], lines: Sequence[str]
) -> tuple[Frame, tuple[Placed, Placed]]:
    """The frame (world x0, y0, x1, y1) and the label placed in each picture: in the frame as
    it is, or grown above, to the left or to the right by the label's size, its lines as they
    are or each "Key: value" line on two (label.narrow). Best: two pictures that shared a
    phone's line still share it; no leader over the body; fewest leaders, then fewest lines;
    the drawing largest on a phone."""
    shared = _shared(box)

    def attempt(grow: str, text: Sequence[str]) -> tuple[Frame, tuple[Placed, Placed]] | None:
        frame = box
        for _ in range(4):  # the font size follows the frame's scale, the frame the font size
            size = label_size(frame)
            w, h = box_size(text, size)
            pad = 2 * CLEAR_EM * size + 2
            x0, y0, x1, y1 = box
            frame = {
                "": box,
                "top": (x0, y0, x1, y1 + h + pad),
                "left": (x0 - w - pad, y0, x1, y1),
                "right": (x0, y0, x1 + w + pad, y1),
            }[grow]
        size = label_size(frame)
        x0, y0, x1, y1 = frame
        found = [place(text, size, (x0, -y1, x1, -y0), shapes(svg)) for svg in both(frame)]
        if found[0] is None or found[1] is None:
            return None
        return frame, (found[0], found[1])

    def cost(a: tuple[Frame, tuple[Placed, Placed]]) -> tuple[bool, int, int, int, float]:
        (x0, y0, x1, y1), placed = a
        return (
            _shared(a[0]) != shared,
            sum(p.crosses for p in placed),
            sum(p.leader is not None for p in placed),
            len(placed[0].lines),
            -phone_scale(x1 - x0, y1 - y0),
        )

    found = []
    for text in dict.fromkeys((tuple(lines), narrow(lines))):
        for grow in ("", "top", "left", "right"):
            a = attempt(grow, text)
            if a is not None:
                found.append(a)
                if cost(a)[:3] == (False, 0, 0) and grow == "":
                    return a
    if not found:
        raise ValueError(f"no room for the label {' / '.join(lines)!r}")
    return min(found, key=cost)


# A picture may be drawn up to GROW times its natural size (1 px per cm), but never taller than
# TALL_PX: a lying figure grows to fill a phone's width, a standing one only a little.
GROW = 1.8
TALL_PX = 240.0
# A drawing lower than this (cm) shows a figure near the floor: lying, on all fours or sitting.
LOW_CM = 140.0
# The narrowest (CSS px) a picture's box starts, for the words under it.
WORDS_PX = 130.0


def grown_width(width: float, height: float) -> float:
    """The widest (CSS px) a picture of this natural size may be drawn."""
    return width * max(1.0, min(GROW, TALL_PX / height))


PHONE_COLUMN_PX = 328.0  # the content width of a 360 px phone screen in the site's theme
GAP_PX = 24.0  # between the two pictures (figures.css: 1.2rem, the theme's rem being 20 px)


def sizes(width: float, height: float) -> tuple[float, float]:
    """Where a picture's box starts (flex-basis) and the widest its drawing may grow (CSS px)."""
    grown = grown_width(width, height)
    return max(WORDS_PX, grown if height < LOW_CM else width), grown


def phone_scale(width: float, height: float) -> float:
    """CSS px per cm at which a picture of this size is drawn on a 360 px phone: two share
    the line when their boxes fit side by side, else each has a line of its own."""
    start_at, grown = sizes(width, height)
    shared = 2 * start_at + GAP_PX <= PHONE_COLUMN_PX
    box = (PHONE_COLUMN_PX - GAP_PX) / 2 if shared else PHONE_COLUMN_PX
    return min(box, grown) / width
