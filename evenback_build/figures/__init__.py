"""Figures of every exercise and self-test: start and end position, working side marked.

    figure_html(spec, name, equipment, texts)  -> the <figure> element (HTML with inline SVG)
    exercise_figure(ex)                        -> the same for a catalogue exercise
    self_test_figure(test_key)                 -> the same for a self-test page

Positions come from `planner/data/figures.toml` (see `data.py`); names, equipment and the side
rules come from the catalogue and the self-tests' own instructions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from planner import Exercise, load_catalogue
from planner._assess import TESTS

from .data import FigureError, FigureSpec, load_figures
from .draw import drawn_arrows, grown_width, phone_scale, pictures, sizes
from .label import words
from .props import n
from .scene import Scene, scene
from .sides import load_side

__all__ = [
    "Figure",
    "FigureError",
    "build",
    "exercise_figure",
    "exercise_pose",
    "figure_html",
    "grown_width",
    "load_figures",
    "phone_scale",
    "self_test_figure",
]

SIDE_WORD = {"l": "left", "r": "right", "left": "left", "right": "right"}
PART_WORD = {"leg": "leg", "arm": "arm", "flank": "side of the trunk"}
SEEN = {"side": "Seen from the side", "front": "Seen from the front", "back": "Seen from behind"}
PROP_WORD = {
    "dumbbell": "dumbbell",
    "kettlebell": "kettlebell",
    "barbell": "bar",
    "plate": "weight",
    "landmine": "bar",
    "band": "band",
    "cable": "cable handle",
}
POINT_WORD = {"hand": "hand", "ankle": "foot", "toe": "foot", "heel": "heel", "knee": "knee"}
POINT_WORD |= {"elbow": "elbow", "foot": "foot", "hip": "hip", "pelvis": "hips", "head": "head"}
POINT_WORD |= {"neck": "shoulders", "shoulder": "shoulder", "wrist": "hand", "waist": "waist"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure, ready for a page: its placed scene, the sides it shows, and its HTML."""

    spec: FigureSpec
    scene: Scene
    works: str | None
    load: str | None
    marked: frozenset[str]
    html: str
    size_class: str
    size_rule: str


def _point_word(point: str) -> str:
    base, _, side = point.partition("_")
    word = POINT_WORD[base]
    return f"{SIDE_WORD[side]} {word}" if side else word


@dataclass(frozen=True, slots=True)
class Pose:
    """A figure's placed scene and the sides it shows, before anything is drawn or labelled."""

    scene: Scene
    works: str | None
    load: str | None
    marked: frozenset[str]
    held: tuple[Mapping[str, Any], ...]


def pose(spec: FigureSpec, unilateral: bool, texts: Sequence[str]) -> Pose:
    """Place one figure and work out its sides; raise FigureError when the data contradict the
    exercise (a one-sided exercise with no working side, or the reverse)."""
    where = f"figures.toml: {spec.key}"
    if unilateral and (spec.works is None or not spec.mark):
        raise FigureError(f"{where}: one side at a time, so 'works' and 'mark' are needed")
    if not unilateral and (spec.works is not None or spec.mark):
        raise FigureError(f"{where}: both sides work together, so no 'works' or 'mark'")
    works = spec.works
    held = tuple(p for p in spec.props if p.get("hand") in ("load", "free"))
    load = load_side(works, texts) if works and held else None
    marked = frozenset(f"{m}_{works[0]}" for m in spec.mark) if works else frozenset()
    return Pose(scene(spec), works, load, marked, held)


def build(spec: FigureSpec, name: str, unilateral: bool, texts: Sequence[str]) -> Figure:
    """Place, draw and describe one figure (see `pose` for the errors it raises)."""
    posed = pose(spec, unilateral, texts)
    sc, works, load, marked = posed.scene, posed.works, posed.load, posed.marked
    uid = "eb-fig-" + spec.id.replace("_", "-")
    titles = (f"Start: {spec.start.say}", f"End: {spec.end.say}")
    in_hand = [str(p["kind"]) for p in spec.props if p.get("hand") == "load"]
    lines = words(works, spec.mark, load, in_hand)
    start_svg, end_svg, width, height = pictures(sc, set(marked), load, titles, uid, lines)
    caption = describe(spec, name, works, load, posed.held, drawn_arrows(sc), view_words(sc))
    # Each picture's box starts at its drawing's width, so two standing figures share a phone's
    # width; the drawing may grow up to `grown_width` (--eb-fig-w, figures.css). A figure near
    # the floor (lying, on all fours, sitting) starts at that grown width, so the two wrap onto
    # a line each and fill a phone's width instead of sharing it at half the size. The box is
    # never narrower than WORDS_PX, so the words under a tall, thin figure keep a readable line.
    start_at, grown = sizes(width, height)
    # The sizes are a class (named after them) whose rule goes into the site's style sheet
    # (size_stylesheet), not a style attribute: the CSP allows no inline style.
    size_class = f"eb-fig--{n(start_at)}-{n(grown)}".replace(".", "_")
    size_rule = (
        f".eb-fig.{size_class} .eb-fig__pos{{flex-basis:{n(start_at)}px;--eb-fig-w:{n(grown)}px}}"
    )
    html = (
        f'<figure class="eb-fig {size_class}" aria-labelledby="{uid}-cap">'
        '<div class="eb-fig__pair">'
        f'<div class="eb-fig__pos">{start_svg}'
        f'<p class="eb-fig__say" aria-hidden="true"><strong>Start</strong>: '
        f"{escape(spec.start.say)}</p></div>"
        f'<div class="eb-fig__pos">{end_svg}'
        f'<p class="eb-fig__say" aria-hidden="true"><strong>End</strong>: '
        f"{escape(spec.end.say)}</p></div>"
        "</div>"
        f'<figcaption id="{uid}-cap" class="eb-fig__caption">{caption}</figcaption>'
        "</figure>"
    )
    return Figure(spec, sc, works, load, marked, html, size_class, size_rule)


def across(points: Mapping[str, tuple[float, float]]) -> tuple[float, float]:
    """The way from the person's right side to their left in the picture (x, y): the mean of
    the hips' and the shoulders' offsets."""
    (hlx, hly), (hrx, hry) = points["hip_l"], points["hip_r"]
    (slx, sly), (srx, sry) = points["shoulder_l"], points["shoulder_r"]
    return (hlx - hrx + slx - srx) / 2, (hly - hry + sly - sry) / 2


def view_words(sc: Scene) -> str:
    """How the pictures are seen, from where the drawn person's sides are: in a front or back
    view, which side of the picture the person's left is on, or, for a person on one side
    (lying or in a side plank: their left above or below their right), which side is down."""
    seen = SEEN[sc.spec.view]
    if sc.spec.view == "side":
        return f"{seen}."
    dx, dy = across(sc.start.points)
    if abs(dy) > abs(dx):
        return f"{seen}, the person's {'left' if dy < 0 else 'right'} side towards the floor."
    where = "right" if dx > 0 else "left"
    return f"{seen}, so the person's left is on the {where} of the picture."


def describe(
    spec: FigureSpec,
    name: str,
    works: str | None,
    load: str | None,
    held: Iterable[object],
    arrows: Sequence[str],
    seen: str,
) -> str:
    """The caption: what the two pictures show, from the same data (escaped HTML); `arrows`
    are the joints whose arrows are drawn, `seen` how they are seen (view_words)."""
    words = [f"{escape(name)}: start and end position. {seen}"]
    if works:
        parts = [PART_WORD[m] for m in spec.mark]
        what = " and ".join(f"{works} {p}" for p in parts)
        words.append(
            '<span class="eb-fig__key" aria-hidden="true"></span>'
            f"In colour: the working side, the person's <strong>{what}</strong>."
        )
    else:
        words.append("Both sides work together.")
    if load:
        kinds = sorted({PROP_WORD[p["kind"]] for p in spec.props if p.get("hand") == "load"})
        words.append(f"The {' and '.join(kinds)} is in the <strong>{load} hand</strong>.")
    if arrows:
        moved = sorted({_point_word(a) for a in arrows})
        paths = "the path" if len(moved) == 1 else "the paths"
        words.append(f"Arrows show {paths} of the {' and the '.join(moved)}.")
    return " ".join(words)


def _exercise_spec(ex: Exercise) -> FigureSpec:
    spec = load_figures().get(f"exercise.{ex.id}")
    if spec is None:
        raise FigureError(f"figures.toml: no [exercise.{ex.id}] for the catalogue's {ex.name!r}")
    return spec


def exercise_figure(ex: Exercise) -> Figure:
    return build(_exercise_spec(ex), ex.name, ex.unilateral, (ex.weak_side_first, *ex.steps))


def exercise_pose(ex: Exercise) -> Pose:
    """The exercise figure's scene and sides alone (no pictures drawn, no label placed)."""
    return pose(_exercise_spec(ex), ex.unilateral, (ex.weak_side_first, *ex.steps))


def self_test_figure(key: str) -> Figure:
    """A self-test's figure; `key` is its id in figures.toml (a test id, or a page's check)."""
    spec = load_figures()[f"self_test.{key}"]
    tests = {t.id: t for t in TESTS}
    if key in tests:
        test = tests[key]
        return build(spec, test.name, True, (test.how_to,))
    by_id = {ex.id: ex for ex in load_catalogue()}
    name = spec.name or (by_id[spec.id].name if spec.id in by_id else key)
    return build(spec, name, spec.works is not None, ())
