"""A small thumbnail of each exercise's figure, for the plan's items: the end position only.

    thumbnail_svg(ex)  -> a standalone SVG file (the exercise's own figure: its pose, exercise_pose)
    thumbnails()       -> {site path: SVG text}, one per catalogue exercise

The file sits beside the exercise page (`exercises/<id>/thumb.svg`, THUMB_NAME) and is shown by
an `<img>`, which cannot read the page's CSS variables: the picture carries its own tile and
colours (figures.css's, light, and dark under `prefers-color-scheme: dark`), so it reads the
same on either page scheme. The body is drawn by the figure model itself (`draw.body`, the
same call as the exercise page's end picture), so the thumbnail is that figure, not a copy.
Written only from the figure model's public functions: a change of its drawing reaches the
thumbnails at the next build.
"""

from __future__ import annotations

from html import escape

from planner import Exercise, load_catalogue

from . import exercise_pose
from .draw import body
from .props import draw, n, whole
from .skeleton import HEAD_R

THUMB_NAME = "thumb.svg"
# The box the plan shows it in (CSS px, square): the picture is centred in it, its longer
# side filling it.
THUMB_PX = 56
MARGIN_CM = 8.0

# figures.css's colours, light then dark (an <img> SVG has no access to the page's sheet).
LIGHT = {
    "tile": "#f7f3f0",
    "skin": "#f4ede7",
    "far": "#dccfc6",
    "line": "#5f534c",
    "work": "#b86200",
    "work-line": "#4a2600",
    "kit": "#c9d3d8",
    "kit-line": "#4f5d66",
    "band": "#00796b",
    "floor": "#8c7f77",
}
DARK = {
    "tile": "#262a35",
    "skin": "#3a3f4f",
    "far": "#2c303c",
    "line": "#b4b9c8",
    "work": "#ffb74d",
    "work-line": "#8a4a00",
    "kit": "#556270",
    "kit-line": "#c5ced6",
    "band": "#4db6ac",
    "floor": "#8a90a3",
}


def _rules(c: dict[str, str]) -> str:
    return (
        f".t{{fill:{c['tile']}}}"
        f".o{{fill:none;stroke:{c['line']}}}.f{{fill:none;stroke:{c['skin']}}}"
        f".s{{fill:{c['skin']};stroke:{c['line']};stroke-width:1.3px}}"
        f".far .f{{stroke:{c['far']}}}.w .o{{stroke:{c['work-line']}}}.w .f{{stroke:{c['work']}}}"
        f".wa{{fill:{c['work']};stroke:{c['work-line']};stroke-width:1px}}"
        f".k{{fill:{c['kit']};stroke:{c['kit-line']};stroke-width:1.2px}}"
        f".kh{{fill:{c['kit-line']};stroke:none}}.kl,.kp,.kc{{fill:none;stroke:{c['kit-line']}}}"
        f".kf{{fill:none;stroke:{c['kit']}}}.kb{{fill:none;stroke:{c['band']}}}"
        f".fl{{fill:none;stroke:{c['floor']};stroke-width:2px}}"
    )


STYLE = (
    "path,circle,rect{stroke-linecap:round;stroke-linejoin:round}"
    + _rules(LIGHT)
    + "@media (prefers-color-scheme:dark){"
    + _rules(DARK)
    + "}"
)


def thumbnail_svg(ex: Exercise) -> str:
    """The exercise's end position as a standalone square SVG (decorative: the plan's item
    names the exercise beside it)."""
    posed = exercise_pose(ex)
    sc = posed.scene
    sk = sc.end
    kit = draw(sc.props, sk, posed.load, 0.0)
    xs: list[float] = []
    ys: list[float] = [0.0]
    for name, (x, y) in sk.points.items():
        r = HEAD_R if name == "head" else 6.0
        xs += [x - r, x + r]
        ys += [y - r, y + r]
    for x, y in kit.extent:
        xs.append(x)
        ys.append(y)
    x0, x1 = min(xs) - MARGIN_CM, max(xs) + MARGIN_CM
    y0, y1 = min(ys) - MARGIN_CM, max(ys) + MARGIN_CM
    side = max(x1 - x0, y1 - y0)
    # Square, centred on the drawing; world y is up, SVG y is down.
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    vx, vy = cx - side / 2, -(cy + side / 2)
    floor = f'<path class="fl" d="M{whole(vx)} 0H{whole(vx + side)}"/>'
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{n(vx)} {n(vy)} {n(side)} {n(side)}" width="{THUMB_PX}" height="{THUMB_PX}">'
        f"<title>{escape(ex.name)}: end position</title>"
        f"<style>{STYLE}</style>"
        f'<rect class="t" x="{n(vx)}" y="{n(vy)}" width="{n(side)}" height="{n(side)}" '
        f'rx="{n(side * 0.08)}"/>'
        f'<g class="kit">{"".join(kit.back)}</g>{floor}'
        f'<g class="body">{body(sk, set(posed.marked), sc.spec.behind)}</g>'
        f'<g class="kit">{"".join(kit.front)}</g></svg>\n'
    )


def thumbnail_path(exercise_id: str) -> str:
    """The thumbnail's path in the site, beside the exercise page."""
    return f"exercises/{exercise_id}/{THUMB_NAME}"


def thumbnails() -> dict[str, str]:
    """{site path: SVG text} for every catalogue exercise, in id order."""
    return {
        thumbnail_path(ex.id): thumbnail_svg(ex)
        for ex in sorted(load_catalogue(), key=lambda e: e.id)
    }
