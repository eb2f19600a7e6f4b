"""The plan items' thumbnails: each is its exercise's own figure (the end position, drawn by the
same call), standalone SVG that reads in both schemes, light, and in the built site."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from _site import SITES, Site, start

from evenback_build.figures import exercise_figure
from evenback_build.figures.thumbs import DARK, LIGHT, thumbnail_path, thumbnail_svg, thumbnails
from planner import load_catalogue

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue()
# A picture's layers: equipment behind the body, the floor, the body, equipment in front (then
# the exercise page's arrows and its working-side label, which a 56 px thumbnail leaves out: no
# arrows in a single position, no words it could show readably).
LAYERS = re.compile(
    r'<g class="kit">(.*?)</g><path class="fl"[^>]*/><g class="body">(.*?)</g>'
    r'<g class="kit">(.*?)</g>(?:<g class="arrows">.*?</g>)?'
    r'(?:<g class="lb"[^>]*>(?:<path[^>]*/>)?(?:<text[^>]*>[^<]*</text>)+</g>)?</svg>',
    re.S,
)
SVG = "{http://www.w3.org/2000/svg}"


def end_picture_layers(html: str) -> tuple[str, str, str]:
    """The kit behind, the body and the kit in front of a figure's end picture."""
    pictures = LAYERS.findall(html)
    assert len(pictures) == 2, "a figure has a start and an end picture"
    return pictures[1]


@pytest.mark.parametrize("ex", CATALOGUE, ids=[ex.id for ex in CATALOGUE])
def test_each_thumbnail_is_its_exercises_own_end_picture(ex) -> None:  # type: ignore[no-untyped-def]
    svg = thumbnail_svg(ex)
    (layers,) = LAYERS.findall(svg)
    assert layers[1], "a body is drawn"
    assert layers == end_picture_layers(exercise_figure(ex).html)
    # A standalone file: parses as SVG, square, with a size for the <img> that shows it.
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("width") == root.get("height") == "56"
    _x, _y, w, h = (float(v) for v in (root.get("viewBox") or "").split())
    assert w == h > 0
    # Light: under 1.5 KB gzipped each (the plan's first week shows about twenty).
    assert len(gzip.compress(svg.encode())) < 1500


def test_every_catalogue_exercise_has_a_thumbnail_beside_its_page() -> None:
    assert sorted(thumbnails()) == sorted(f"exercises/{ex.id}/thumb.svg" for ex in CATALOGUE)
    assert thumbnail_path("glute_bridge") == "exercises/glute_bridge/thumb.svg"


def css_colours(scheme_selector: str) -> dict[str, str]:
    """figures.css's --eb-fig-* colours in the block that `scheme_selector` opens."""
    css = (ROOT / "docs" / "css" / "figures.css").read_text(encoding="utf-8")
    block = css[css.index(scheme_selector) :]
    block = block[: block.index("}")]
    return dict(re.findall(r"--eb-fig-([a-z-]+):\s*(#[0-9a-f]{6})", block))


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(
    ("palette", "selector"),
    [(LIGHT, '[data-md-color-scheme="default"]'), (DARK, '[data-md-color-scheme="slate"]')],
    ids=["light", "dark"],
)
def test_thumbnail_colours_are_the_figures_and_read_on_their_own_tile(palette, selector) -> None:  # type: ignore[no-untyped-def]
    # An <img> cannot read the page's custom properties: the file carries figures.css's colours.
    # (no arrows in a thumbnail: it shows the end position alone; no label: no words at 56 px)
    figure = {k: v for k, v in css_colours(selector).items() if k not in ("arrow", "label")}
    assert {k: v for k, v in palette.items() if k != "tile"} == figure
    # WCAG 1.4.11 (graphics, 3:1): the outline against the tile, the working side against the
    # body's fill and against the tile.
    assert contrast(palette["line"], palette["tile"]) >= 3
    assert contrast(palette["work"], palette["skin"]) >= 3
    assert contrast(palette["work-line"], palette["work"]) >= 3
    assert contrast(palette["floor"], palette["tile"]) >= 3
    for colour in palette.values():
        assert colour in thumbnail_svg(CATALOGUE[0])


@pytest.fixture(scope="module")
def site() -> Site:
    return start(SITES["root"])


def test_the_built_site_has_every_thumbnail_and_precaches_it(site: Site) -> None:
    sw = (site.directory / "sw.js").read_text(encoding="utf-8")
    for path, svg in thumbnails().items():
        assert (site.directory / path).read_text(encoding="utf-8") == svg, path
        assert f'"{path}"' in sw, f"{path} is not precached"
