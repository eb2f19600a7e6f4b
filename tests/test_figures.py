"""The exercise and self-test figures: every one there, human, resting where the steps say,
the working side where the side rule puts it, valid SVG, the same bytes every time."""

from __future__ import annotations

import gzip
import math
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from evenback_build.figures import (
    Figure,
    FigureError,
    build,
    exercise_figure,
    load_figures,
    self_test_figure,
)
from evenback_build.figures.data import parse_figures
from evenback_build.figures.pages import insert_self_test_figure, self_test_pages
from evenback_build.figures.props import n
from evenback_build.figures.scene import contact_problems
from evenback_build.figures.sides import OPPOSITE
from evenback_build.figures.skeleton import angle_problems
from planner import Exercise, load_catalogue
from planner._assess import TESTS

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue()
FIGURES = load_figures()


def all_figures() -> list[tuple[str, Figure, tuple[str, ...]]]:
    """(key, figure, the words its side rule comes from) for every figure."""
    out = [
        (f"exercise.{ex.id}", exercise_figure(ex), (ex.weak_side_first, *ex.steps))
        for ex in CATALOGUE
    ]
    tests = {t.id: t for t in TESTS}
    for key in sorted(FIGURES):
        if key.startswith("self_test."):
            test_id = key.split(".", 1)[1]
            words = (tests[test_id].how_to,) if test_id in tests else ()
            out.append((key, self_test_figure(test_id), words))
    return out


ALL = all_figures()
IDS = [key for key, _, _ in ALL]


def test_every_catalogue_exercise_has_a_start_and_an_end_position() -> None:
    for ex in CATALOGUE:
        spec = FIGURES.get(f"exercise.{ex.id}")
        assert spec is not None, f"no figure for {ex.id}"
        assert spec.start.say and spec.end.say
        assert spec.start.contacts and spec.end.contacts
        assert spec.start.pose != spec.end.pose, f"{ex.id}: start and end are the same pose"


def test_every_self_test_and_self_test_page_has_a_figure() -> None:
    for test in TESTS:
        assert f"self_test.{test.id}" in FIGURES, f"no figure for the self-test {test.id}"
    pages = self_test_pages()
    for md in sorted((ROOT / "docs" / "self-tests").glob("*.md")):
        if md.name != "index.md":
            assert f"self-tests/{md.name}" in pages, f"no figure goes on {md.name}"
    for test in TESTS:
        spec = FIGURES[f"self_test.{test.id}"]
        assert spec.start.pose != spec.end.pose


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_joint_angles_stay_within_human_ranges(key: str, fig: Figure, words: object) -> None:
    # The positions as drawn, after the fit that rests them on their surfaces.
    spec = fig.scene.spec
    assert angle_problems(spec.start.pose, spec.view) == [], key
    assert angle_problems(spec.end.pose, spec.view) == [], key


SEGMENTS = {
    "thigh": ("hip_", "knee_"),
    "shank": ("knee_", "ankle_"),
    "upper": ("shoulder_", "elbow_"),
    "fore": ("elbow_", "wrist_"),
    "hand": ("wrist_", "hand_"),
}


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_no_part_is_drawn_longer_than_the_persons_own(key: str, fig: Figure, words: object) -> None:
    # Winter's proportions (skeleton.LENGTH): a part pointing out of the picture is drawn
    # shorter (its reach), never longer; so is a trunk bent towards the viewer.
    from evenback_build.figures.skeleton import LENGTH

    for sk in (fig.scene.start, fig.scene.end):
        p = sk.points
        for segment, (a, b) in SEGMENTS.items():
            for side in "lr":
                drawn = math.dist(p[a + side], p[b + side])
                assert drawn <= LENGTH[segment] + 0.01, (key, segment, side, drawn)
        assert math.dist(p["pelvis"], p["waist"]) <= LENGTH["pelvis"] + 0.01, key
        assert math.dist(p["waist"], p["neck"]) <= LENGTH["chest"] + 0.01, key


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_every_contact_rests_on_its_surface(key: str, fig: Figure, words: object) -> None:
    assert contact_problems(fig.scene) == [], key


# What the steps' set-up puts on the floor or a bench, and the contacts the figure must then
# show: every group needs one contact whose point starts with one of its prefixes.
STEP_CONTACTS: list[tuple[re.Pattern[str], str, tuple[tuple[str, ...], ...]]] = [
    (re.compile(r"on all fours|hands and knees", re.I), "floor", (("hand_",), ("knee_",))),
    (re.compile(r"lie on your back", re.I), "floor", (("pelvis", "hip_", "neck"),)),
    (re.compile(r"lie face down on a mat", re.I), "floor", (("pelvis", "neck"),)),
    (re.compile(r"lie on one side(?![^.]*pad)", re.I), "floor", (("hip_", "elbow_", "knee_"),)),
    (re.compile(r"forearm on the floor", re.I), "floor", (("elbow_",),)),
    (
        # A knee on a flat bench has its shin resting along it, not hanging off its end.
        re.compile(r"hand and the same-side knee on a flat bench", re.I),
        "bench",
        (("hand_",), ("knee_",), ("ankle_", "foot_", "toe_")),
    ),
    (re.compile(r"heel on its edge", re.I), "bench", (("heel_",),)),
    (re.compile(r"top of one foot on the bench", re.I), "bench", (("toe_",),)),
    (re.compile(r"top knee on the bench", re.I), "bench", (("knee_",),)),
    (re.compile(r"top ankle or foot on the bench", re.I), "bench", (("ankle_", "foot_"),)),
    (
        re.compile(r"feet (flat|hip-width apart)|foot flat", re.I),
        "floor",
        (("foot_", "heel_", "toe_"),),
    ),
]


# What the steps keep in place through the whole movement: both positions must show it.
STEP_HOLDS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"on your back[^.]*arms by your sides", re.I), "floor", "hand_"),
    (re.compile(r"hold the handles", re.I), "bar", "hand_"),
    (re.compile(r"rest the hand nearest to it there", re.I), "chair", "hand_"),
    (re.compile(r"hands on the floor behind you", re.I), "floor", "hand_"),
]


@pytest.mark.parametrize("ex", CATALOGUE, ids=[ex.id for ex in CATALOGUE])
def test_what_the_steps_hold_in_place_rests_there_in_both_positions(ex: Exercise) -> None:
    steps = " ".join(ex.steps)
    spec = FIGURES[f"exercise.{ex.id}"]
    for pattern, surface, prefix in STEP_HOLDS:
        if pattern.search(steps):
            for label, pos in (("start", spec.start), ("end", spec.end)):
                assert any(p.startswith(prefix) and s == surface for p, s in pos.contacts), (
                    f"{ex.id} {label}: the steps say {pattern.pattern!r}, but no {prefix} "
                    f"rests on the {surface}"
                )
    # (test_every_contact_rests_on_its_surface checks that those contacts touch.)


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    ax, ay, bx, by = *a, *b
    t = ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)
    t = min(1.0, max(0.0, t))
    return math.dist(p, (ax + t * (bx - ax), ay + t * (by - ay)))


# How far (cm) a hand on the hip may be from the line from hip joints to waist: the trunk's
# half-depth seen from the side, its half-width at the pelvis seen from the front.
ON_HIP_CM = {"side": 14.0, "front": 21.0, "back": 21.0}


@pytest.mark.parametrize("ex", CATALOGUE, ids=[ex.id for ex in CATALOGUE])
def test_a_hand_the_steps_put_on_the_hip_is_drawn_there(ex: Exercise) -> None:
    steps = " ".join(ex.steps)
    both = re.search(r"hands on your hips", steps, re.I)
    one = re.search(r"hand on your hip", steps, re.I)
    if not (both or one):
        return
    fig = exercise_figure(ex)
    limit = ON_HIP_CM[fig.spec.view]
    for label, sk in (("start", fig.scene.start), ("end", fig.scene.end)):
        line = (sk.points["pelvis"], sk.points["waist"])
        near = [s for s in "lr" if _to_segment(sk.points[f"hand_{s}"], *line) <= limit]
        assert len(near) == 2 if both else near, f"{ex.id} {label}: hands on the hips: {near}"


# How far (cm) a hand or elbow of arms crossed over the chest may be from the line from waist to
# the base of the neck: the chest's depth seen from the side, its half-width from the front.
ON_CHEST_CM = {"side": 16.0, "front": 22.0, "back": 22.0}
CROSSED = re.compile(r"cross your arms over your chest|arms crossed", re.I)


@pytest.mark.parametrize("ex", CATALOGUE, ids=[ex.id for ex in CATALOGUE])
def test_arms_the_steps_cross_over_the_chest_stay_on_it(ex: Exercise) -> None:
    if not CROSSED.search(" ".join(ex.steps)):
        return
    fig = exercise_figure(ex)
    limit = ON_CHEST_CM[fig.spec.view]
    for label, sk in (("start", fig.scene.start), ("end", fig.scene.end)):
        line = (sk.points["waist"], sk.points["neck"])
        away = {
            f"{part}_{s}": round(_to_segment(sk.points[f"{part}_{s}"], *line), 1)
            for part in ("hand", "elbow")
            for s in "lr"
        }
        assert max(away.values()) <= limit, f"{ex.id} {label}: arms off the chest (cm): {away}"


def test_the_crossed_arms_rule_still_matches_the_catalogues_wording() -> None:
    hits = [ex.id for ex in CATALOGUE if CROSSED.search(" ".join(ex.steps))]
    assert "side_hyperextension" in hits and len(hits) >= 4, hits


@pytest.mark.parametrize("ex", CATALOGUE, ids=[ex.id for ex in CATALOGUE])
def test_what_the_steps_put_on_the_floor_or_bench_touches_it(ex: Exercise) -> None:
    spec = FIGURES[f"exercise.{ex.id}"]
    set_up = " ".join(ex.steps[:2])
    # The set-up steps describe the start position.
    contacts = set(spec.start.contacts)
    for pattern, surface, groups in STEP_CONTACTS:
        if pattern.search(set_up):
            for prefixes in groups:
                assert any(p.startswith(prefixes) and s == surface for p, s in contacts), (
                    f"{ex.id}: the steps say {pattern.pattern!r}, but no {'/'.join(prefixes)} "
                    f"rests on the {surface}"
                )


def test_the_step_rules_still_match_the_catalogues_wording() -> None:
    # Guards the test above against patterns that no longer match the catalogue's wording.
    hits = [
        ex.id
        for ex in CATALOGUE
        if any(pattern.search(" ".join(ex.steps[:2])) for pattern, _, _ in STEP_CONTACTS)
    ]
    assert len(hits) >= 30, hits


def test_suitcase_carry_weight_in_the_left_hand_works_the_right_side() -> None:
    fig = next(f for key, f, _ in ALL if key == "exercise.suitcase_carry")
    assert (fig.works, fig.load) == ("right", "left")
    assert fig.marked == frozenset({"flank_r"})
    assert "right side of the trunk" in fig.html and "<strong>left hand</strong>" in fig.html


# What each piece of the catalogue's equipment is drawn as. A barbell row wedged in a corner
# (the Meadows row) is a landmine; a dumbbell may be drawn as a weight plate where the steps
# allow one ("a light dumbbell or weight plate").
EQUIPMENT_PROPS: dict[str, frozenset[str]] = {
    "dumbbell": frozenset({"dumbbell"}),
    "kettlebell": frozenset({"kettlebell"}),
    "barbell": frozenset({"barbell", "landmine"}),
    "cable": frozenset({"cable"}),
    "band": frozenset({"band"}),
    "bench": frozenset({"bench"}),
    "back_extension": frozenset({"back_extension"}),
    "reverse_hyper": frozenset({"reverse_hyper"}),
    "pullup_bar": frozenset({"pullup_bar"}),
    "machine": frozenset({"machine"}),
    "ghd": frozenset({"ghd"}),
}


@pytest.mark.parametrize("ex", CATALOGUE, ids=[ex.id for ex in CATALOGUE])
def test_the_equipment_an_exercise_needs_is_drawn(ex: Exercise) -> None:
    drawn = {p["kind"] for p in FIGURES[f"exercise.{ex.id}"].props}
    for need in ex.equipment:
        kinds = EQUIPMENT_PROPS[need]
        if need == "dumbbell" and re.search(r"weight plate", " ".join(ex.steps), re.I):
            kinds |= {"plate"}
        assert drawn & kinds, f"{ex.id} needs a {need}, but its figure draws {sorted(drawn)}"


# Seen as a coach would show it: bending and lifting from the side; side bends, carries and
# side bridges from the front or behind. A suitcase deadlift is a lift with the weight in one
# hand whose point is the trunk not bending sideways, so it is seen from the front too.
SIDE_ON = {"hinge", "extension", "bridge", "ballistic"}
FACE_ON = {"lateral_flexion", "anti_lateral_flexion", "carry"}
SELF_TEST_FACE_ON = {"side_bridge_s", "suitcase_hold_s"}


def test_the_view_is_the_one_that_shows_the_movement() -> None:
    wrong = []
    for ex in CATALOGUE:
        view = FIGURES[f"exercise.{ex.id}"].view
        suitcase = "suitcase" in ex.name.lower()
        if ex.pattern in FACE_ON or suitcase:
            if view == "side":
                wrong.append((ex.id, ex.pattern, view))
        elif ex.pattern in SIDE_ON and view != "side":
            wrong.append((ex.id, ex.pattern, view))
    for test in TESTS:
        view = FIGURES[f"self_test.{test.id}"].view
        if (view != "side") != (test.id in SELF_TEST_FACE_ON):
            wrong.append((test.id, "self-test", view))
    assert wrong == []
    # Guards the rule against a catalogue that no longer uses these words.
    assert sum(ex.pattern in FACE_ON for ex in CATALOGUE) >= 8
    assert sum("suitcase" in ex.name.lower() for ex in CATALOGUE) >= 3


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_a_one_hand_load_says_which_hand_holds_it_and_which_side_works(
    key: str, fig: Figure, words: object
) -> None:
    held = [p for p in fig.spec.props if p.get("hand") == "load"]
    if not held or fig.works is None:
        return
    caption = fig.html.split("<figcaption", 1)[1]
    assert fig.load in ("left", "right"), key
    assert f"is in the <strong>{fig.load} hand</strong>" in caption, key
    assert f"the person's <strong>{fig.works} " in caption, key


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_the_caption_says_where_the_persons_left_is_as_drawn_in_both_pictures(
    key: str, fig: Figure, words: object
) -> None:
    # Seen from the front, a standing person's left is on the right of the picture; a person
    # on one side (a side plank, a clamshell) has their left above or below their right.
    from evenback_build.figures import across

    caption = fig.html.split("<figcaption", 1)[1]
    if fig.spec.view == "side":
        assert "Seen from the side." in caption, key
        return
    seen = "Seen from the front" if fig.spec.view == "front" else "Seen from behind"
    for sk in (fig.scene.start, fig.scene.end):
        dx, dy = across(sk.points)
        if abs(dy) > abs(dx):
            down = "left" if dy < 0 else "right"
            assert f"{seen}, the person's {down} side towards the floor." in caption, key
        else:
            where = "right" if dx > 0 else "left"
            assert f"{seen}, so the person's left is on the {where} of the picture." in caption, key


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_the_marked_side_follows_the_side_rule(
    key: str, fig: Figure, words: tuple[str, ...]
) -> None:
    text = " ".join(words)
    unilateral = next((ex.unilateral for ex in CATALOGUE if f"exercise.{ex.id}" == key), True)
    if not unilateral:
        assert fig.works is None and fig.marked == frozenset(), key
        return
    assert fig.works in ("left", "right"), key
    assert fig.marked and all(part.endswith("_" + fig.works[0]) for part in fig.marked), key
    held = [p for p in fig.spec.props if p.get("hand") == "load"]
    if held:
        opposite = re.search(r"side opposite the (weight|bar)|opposite hand", text, re.I)
        expected = OPPOSITE[fig.works] if opposite else fig.works
        assert fig.load == expected, key
        if fig.spec.view != "side" and held[0]["kind"] == "dumbbell":
            # Seen from the front or behind, the dumbbell is drawn end-on around that hand.
            for sk in (fig.scene.start, fig.scene.end):
                x, y = sk.points[f"hand_{fig.load[0]}"]
                assert f'<circle class="k" cx="{n(x)}" cy="{n(-y)}"' in fig.html, key
    caption = fig.html.split("<figcaption", 1)[1]
    assert f"the person's <strong>{fig.works} " in caption, key


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_figure_is_well_formed_xml_with_a_text_alternative(
    key: str, fig: Figure, words: object
) -> None:
    root = ET.fromstring(fig.html)
    svgs = root.findall(".//{http://www.w3.org/2000/svg}svg")
    assert len(svgs) == 2, key
    for svg, pos in zip(svgs, (fig.spec.start, fig.spec.end), strict=True):
        title = svg.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and pos.say in (title.text or ""), key
        assert svg.get("role") == "img"
        for ref in (svg.get("aria-labelledby") or "").split():
            assert svg.find(f".//*[@id='{ref}']") is not None, (key, ref)
    caption = root.find("figcaption")
    assert caption is not None and "start and end position" in ET.tostring(caption, "unicode")


def test_same_data_gives_the_same_bytes() -> None:
    first = [f.html for _, f, _ in ALL]
    load_figures.cache_clear()
    again = [f.html for _, f, _ in all_figures()]
    assert first == again


def test_invalid_data_is_named_by_entry_and_key() -> None:
    good = tomllib.loads((ROOT / "planner" / "data" / "figures.toml").read_text(encoding="utf-8"))
    bad = {"exercise": {"bird_dog": {**good["exercise"]["bird_dog"], "view": "top"}}}
    with pytest.raises(FigureError, match=r"exercise\.bird_dog\.view"):
        parse_figures(bad)
    start = {**good["exercise"]["bird_dog"]["start"], "pose": {"kneee": [90, 90]}}
    with pytest.raises(FigureError, match=r"bird_dog\.start\.pose: unknown name 'kneee'"):
        parse_figures({"exercise": {"bird_dog": {**good["exercise"]["bird_dog"], "start": start}}})


def test_a_one_sided_exercise_without_a_working_side_is_refused() -> None:
    spec = FIGURES["exercise.bird_dog"]
    from dataclasses import replace

    with pytest.raises(FigureError, match="one side at a time"):
        build(replace(spec, works=None), "Bird dog", True, ())


def test_self_test_figure_goes_before_its_heading_and_a_missing_heading_stops_the_build() -> None:
    page, entries = next(iter(sorted(self_test_pages().items())))
    _key, before = entries[0]
    html = f'<p>intro</p><h2 id="{before}">Heading</h2><p>text</p>'
    out = insert_self_test_figure(html, page)
    assert out.index('class="eb-fig ') < out.index(f'<h2 id="{before}"')
    with pytest.raises(FigureError, match=before):
        insert_self_test_figure("<h2 id='other'>x</h2>", page)


def test_the_poses_never_reach_the_planners_wheel(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "planner/data/exercises.toml" in names
    assert not [n for n in names if "figures" in n]


def test_each_exercise_page_shows_its_figure_above_the_steps() -> None:
    from evenback_build.pages import render_pages
    from planner import load_sources

    pages = {p.path.name: p.text for p in render_pages(CATALOGUE, load_sources(), all_figures=True)}
    for ex in CATALOGUE:
        text = pages[f"{ex.id}.md"]
        how = text.index("## How to do it")
        assert how < text.index('<figure class="eb-fig ') < text.index(f"1. {ex.steps[0]}"), ex.id


def test_the_real_catalogue_needs_a_figure_for_every_exercise() -> None:
    from dataclasses import replace

    from evenback_build.pages import render_pages
    from planner import load_sources

    new = replace(CATALOGUE[0], id="new_exercise", easier=None, harder=None)
    with pytest.raises(FigureError, match=r"no \[exercise\.new_exercise\]"):
        render_pages((*CATALOGUE, new), load_sources(), all_figures=True)


def test_a_limb_pointing_out_of_the_plane_may_project_beyond_its_range_a_full_one_may_not() -> None:
    from evenback_build.figures.skeleton import Pose

    # Seen from the side, an elbow raised to the ceiling by turning the chest projects as a
    # shoulder extension no shoulder makes in that plane; a full-length arm may not do that.
    assert angle_problems(Pose({"shoulder_l": -110.0}, {}), "side") == [
        "shoulder_l = -110 (-60..185)"
    ]
    assert angle_problems(Pose({"shoulder_l": -110.0}, {"upper_l": 0.85}), "side") == []
    assert angle_problems(Pose({"shoulder_l": -130.0}, {"upper_l": 0.85}), "side") != []
    assert angle_problems(Pose({"elbow_r": 170.0}, {"fore_r": 0.5}), "front") != []


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_a_figure_stays_light(key: str, fig: Figure, words: object) -> None:
    # Colours and line styles come from the site's one style sheet (figures.css), never a
    # copy per figure; path points are whole centimetres; the whole figure under 2 KB gzipped.
    assert not re.search(r"<style|<defs|<use|<svg[^>]* style=", fig.html), key
    for d in re.findall(r' d="([^"]*)"', fig.html):
        assert not re.search(r"\d\.\d", d), (key, d)
    assert len(gzip.compress(fig.html.encode(), 6)) < 2000, key


def test_arms_behind_the_trunk_only_in_a_front_or_back_view() -> None:
    good = tomllib.loads((ROOT / "planner" / "data" / "figures.toml").read_text(encoding="utf-8"))
    entry = good["exercise"]["bird_dog"]
    with pytest.raises(FigureError, match=r"bird_dog\.behind"):
        parse_figures({"exercise": {"bird_dog": {**entry, "behind": ["arm"]}}})
    front = good["exercise"]["hip_90_90_switch"]
    parsed = parse_figures({"exercise": {"hip_90_90_switch": front}})
    assert parsed["exercise.hip_90_90_switch"].behind == ("arm",)


def test_the_weight_report_counts_only_what_the_figures_add(tmp_path: Path) -> None:
    from evenback_build.figures.sheet import page_weights, weight_report

    fig = ALL[0][1].html
    page = "<html><body><h1>Bird dog</h1>{}<p>Steps</p></body></html>"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page.format(fig), encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text(page.format(""), encoding="utf-8")
    weights = page_weights(tmp_path)
    assert list(weights) == ["a"]
    alone = len(gzip.compress(fig.encode(), 6))
    assert alone * 0.8 < weights["a"] <= alone
    assert "over 1 pages: min" in weight_report(weights)


PHONE_COLUMN_PX = 328  # the content width of a 360 px phone screen in the site's theme
GAP_PX = 24  # between the two pictures: 1.2rem, the theme's rem being 20 px


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_a_lying_figure_may_fill_a_phones_width_and_none_grows_too_tall(
    key: str, fig: Figure, words: object
) -> None:
    # Each picture's box may grow to the max-width set on it; a figure lying down (drawing
    # wider than tall by half) drawn at its natural 1 px per cm covered little more than half
    # a phone's width, its limbs too thin to read.
    svg = re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', fig.html)
    box = re.fullmatch(
        r"\.eb-fig\.(\S+) \.eb-fig__pos\{flex-basis:([\d.]+)px;--eb-fig-w:([\d.]+)px\}",
        fig.size_rule,
    )
    assert svg and box, key
    assert f'class="eb-fig {box[1]}"' in fig.html, key
    width, height = float(svg[1]), float(svg[2])
    grown = float(box[3])
    assert grown >= width, key
    start = float(box[2])
    if height < 140:
        # Near the floor (lying, on all fours, sitting): each picture takes a line of its own
        # at its grown size; two side by side at half a phone's width were too small to read.
        assert start == max(grown, 130) and 2 * start + GAP_PX > PHONE_COLUMN_PX, (key, grown)
    else:
        # The words under a tall, thin figure (a pull-up) get a box of 130 px or more.
        assert start == max(width, 130), key
    if width >= 1.5 * height:
        assert grown >= 0.9 * PHONE_COLUMN_PX, (key, width, height, grown)
    # Growing never makes a drawing taller than 240 px (one taller already stays as it is).
    assert grown / width * height <= max(height, 240.5), (key, "grown taller than 240 px")


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_the_caption_names_only_the_arrows_that_are_drawn(
    key: str, fig: Figure, words: object
) -> None:
    # An arrow too short to draw (a hand lifted a few centimetres) is left out of the picture,
    # so the caption must not say it shows that path.
    drawn = fig.html.count('<path class="ar"')
    said = re.search(r"Arrows? show the paths? of the (.*?)\.</figcaption>", fig.html)
    named = len(said[1].split(" and the ")) if said else 0
    assert drawn == named, (key, drawn, said[0] if said else None)


# The working side's label inside each picture (label.py): the same side as the caption and
# the side rule, clear of everything drawn, inside the frame, readable on a 360 px phone.
SVG = re.compile(r'<svg class="eb-fig__svg"[^>]*viewBox="([^"]+)"[^>]*>(.*?)</svg>', re.S)
LABEL = re.compile(r'<g class="lb" font-size="([\d.]+)" aria-hidden="true">(.*?)</g>', re.S)
TEXT = re.compile(r'<text x="(-?[\d.]+)" y="(-?[\d.]+)">([^<]*)</text>')


def label_boxes(fig: Figure) -> list[tuple[tuple[float, ...], tuple[float, ...], list[str], str]]:
    """(viewBox, label box x0 y0 x1 y1, lines, the picture's SVG without the label) of each
    picture; the box from the text's own attributes: characters x size x 0.6 wide, a line
    1.2 sizes high, the first baseline 0.92 sizes below the top."""
    out = []
    for view, inner in SVG.findall(fig.html):
        found = LABEL.search(inner)
        assert found, fig.spec.key
        size = float(found[1])
        texts = TEXT.findall(found[2])
        x, y = float(texts[0][0]), float(texts[0][1]) - 0.92 * size
        lines = [t for _, _, t in texts]
        box = (x, y, x + max(map(len, lines)) * size * 0.6, y + len(lines) * size * 1.2)
        out.append((tuple(map(float, view.split())), box, lines, inner.replace(found[0], "")))
    return out


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_each_picture_names_the_working_side_as_the_caption_and_the_side_rule_do(
    key: str, fig: Figure, words: tuple[str, ...]
) -> None:
    if fig.works is None:
        assert 'class="lb"' not in fig.html, key
        return
    caption = fig.html.split("<figcaption", 1)[1]
    said = re.search(r"the person's <strong>(left|right) ", caption)
    assert said and said[1] == fig.works, key
    held = [p for p in fig.spec.props if p.get("hand") == "load"]
    if held:
        opposite = re.search(r"side opposite the (weight|bar)|opposite hand", " ".join(words), re.I)
        rule_hand = OPPOSITE[fig.works] if opposite else fig.works
        caption_hand = re.search(r"is in the <strong>(left|right) hand</strong>", caption)
        assert caption_hand and caption_hand[1] == rule_hand, key
    for _view, _box, lines, _rest in label_boxes(fig):
        text = " ".join(lines).replace(": ", ": ").lower()
        sides = re.findall(r"\b(left|right)\b", text)
        if held:
            # "Works: <side> ..." then "<what it is>: <hand> hand", on two lines or four.
            works = re.search(r"works: (left|right) ", text)
            hand = re.search(r"(weight|band|handle): (left|right) hand", text)
            assert works and works[1] == fig.works, (key, lines)
            assert hand and hand[2] == rule_hand, (key, lines)
            assert len(sides) == 2, (key, lines)
        else:
            assert sides == [fig.works], (key, lines)
            assert text.startswith(fig.works), (key, lines)
        parts = {"leg": "leg", "arm": "arm", "flank": "side"}
        for part in fig.spec.mark:
            assert parts[part] in text, (key, lines)


def _seg_box_gap(a: tuple[float, float], b: tuple[float, float], box: tuple[float, ...]) -> float:
    """The distance from a segment to a box, by points 0.25 cm apart along it."""
    steps = max(1, math.ceil(math.dist(a, b) / 0.25))
    best = math.inf
    for i in range(steps + 1):
        t = i / steps
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        dx = max(box[0] - x, 0.0, x - box[2])
        dy = max(box[1] - y, 0.0, y - box[3])
        best = min(best, math.hypot(dx, dy))
    return best


def body_segments(sk: object) -> list[tuple[tuple[float, float], tuple[float, float], float]]:
    """The body as drawn, from the skeleton (SVG coordinates): each limb part and the neck as
    a stroke of its width plus the outline, the head as a circle, the trunk by its outline."""
    from evenback_build.figures.draw import OUTLINE, _arm, _leg, _trunk_edges
    from evenback_build.figures.skeleton import HEAD_R, WIDTH

    def flip(p: tuple[float, float]) -> tuple[float, float]:
        return (p[0], -p[1])

    out = []
    for side in ("l", "r"):
        for a, b, w in [*_leg(sk, side), *_arm(sk, side)]:  # type: ignore[arg-type]
            out.append((flip(a), flip(b), (w + OUTLINE) / 2))
    points = sk.points  # type: ignore[attr-defined]
    out.append((flip(points["neck"]), flip(points["head"]), (WIDTH["neck"] + OUTLINE) / 2))
    out.append((flip(points["head"]), flip(points["head"]), HEAD_R + 0.65))
    front, back = _trunk_edges(sk)  # type: ignore[arg-type]
    ring = [*front, *reversed(back)]
    for a, b in zip(ring, [*ring[1:], ring[0]], strict=True):
        out.append((flip(a), flip(b), 0.65))
    return out


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_the_label_clears_the_body_props_floor_and_arrows_inside_the_frame(
    key: str, fig: Figure, words: object
) -> None:
    if fig.works is None:
        return
    from evenback_build.figures.label import shapes

    for (view, box, lines, rest), sk in zip(
        label_boxes(fig), (fig.scene.start, fig.scene.end), strict=True
    ):
        vx, vy, vw, vh = view
        assert vx <= box[0] and box[2] <= vx + vw and vy <= box[1] and box[3] <= vy + vh, (
            key,
            lines,
            "outside the frame",
        )
        # The body from its skeleton; the props, floor and arrows as the picture draws them.
        # The trunk's outline: no corner of the box inside it either.
        near = [(a, b, r) for a, b, r in body_segments(sk) if _seg_box_gap(a, b, box) - r <= 0]
        assert near == [], (key, lines, near[:2])
        drawn = [s for s in shapes(rest) if not s.work]
        for s in drawn:
            if s.poly:
                inside = [
                    p for p in s.poly if box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]
                ]
                assert inside == [], (key, lines)
                ring = list(zip(s.poly, [*s.poly[1:], s.poly[0]], strict=True))
                gap = min(_seg_box_gap(a, b, box) for a, b in ring) - s.r
            else:
                gap = _seg_box_gap(s.a, s.b, box) - s.r
            assert gap > 0, (key, lines, s)


def _in_ring(p: tuple[float, float], ring: tuple[tuple[float, float], ...]) -> bool:
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[:1][0]] if ring else [], strict=True):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


def test_what_the_label_clears_is_everything_the_picture_draws() -> None:
    # shapes() reads back every element of a picture: each rectangle, circle and path the
    # figure draws gives a shape, and together they cover every point of the skeleton.
    from evenback_build.figures.label import shapes

    fig = next(f for k, f, _ in ALL if k == "exercise.one_arm_dumbbell_row")
    _view, _box, _lines, rest = label_boxes(fig)[0]
    found = shapes(rest)
    assert len(found) >= sum(rest.count(tag) for tag in ("<path", "<rect", "<circle"))
    assert sum(bool(s.poly) for s in found) >= rest.count("<rect") + 1  # the trunk too
    for name, (x, y) in fig.scene.start.points.items():
        p = (x, -y)
        assert any(
            math.dist(p, s.a) <= s.r + 1 or math.dist(p, s.b) <= s.r + 1 or _in_ring(p, s.poly)
            for s in found
        ), name


@pytest.mark.parametrize(("key", "fig", "words"), ALL, ids=IDS)
def test_the_label_is_12_css_px_or_more_on_a_360px_phone(
    key: str, fig: Figure, words: object
) -> None:
    # The drawing is scaled to its box's width on the phone (two standing pictures share a
    # line, any other has one of its own): the label's size in cm times that scale.
    if fig.works is None:
        return
    for view, _box, _lines, _rest in label_boxes(fig):
        width, height = view[2], view[3]
        start = float(re.search(r"flex-basis:([\d.]+)px", fig.size_rule)[1])  # type: ignore[index]
        grown = float(re.search(r"--eb-fig-w:([\d.]+)px", fig.size_rule)[1])  # type: ignore[index]
        shared = 2 * start + GAP_PX <= PHONE_COLUMN_PX
        shown = min((PHONE_COLUMN_PX - GAP_PX) / 2 if shared else PHONE_COLUMN_PX, grown)
        size = float(LABEL.search(fig.html)[1])  # type: ignore[index]
        assert size * shown / width >= 12, (key, size, shown, width, height)
