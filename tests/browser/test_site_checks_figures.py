"""The exercise and self-test figures on the built site, on a 360 px phone: every figure page
fits the screen's width, and axe finds no WCAG 2.2 AA violation on figure pages in either
colour scheme (contrast of the words under the pictures and of the caption included)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _axe import AXE, violations

PHONE = {"width": 360, "height": 780}
# One page per kind of figure: side view lying, kneeling, standing with a load, seated at a
# machine; front view side-lying, standing, sitting; a self-test page with two figures' worth
# of text around it. The whole-site axe run at desktop width covers every page.
SAMPLE = [
    "exercises/bird_dog/",
    "exercises/glute_bridge/",
    "exercises/pallof_press_band/",
    "exercises/one_arm_dumbbell_row/",
    "exercises/single_arm_lat_pulldown/",
    "exercises/clamshell/",
    "exercises/suitcase_carry/",
    "exercises/hip_90_90_switch/",
    "self-tests/side-bridge/",
    "self-tests/flexibility/",
]


def figure_pages(site_dir: Path) -> list[str]:
    out = []
    for html in sorted(site_dir.rglob("index.html")):
        if 'class="eb-fig"' in html.read_text(encoding="utf-8"):
            rel = html.parent.relative_to(site_dir).as_posix()
            out.append(rel + "/")
    return out


def test_every_figure_page_fits_a_360px_phone(site, browser) -> None:
    pages = figure_pages(site.directory)
    assert len(pages) >= 70, pages
    assert set(SAMPLE) <= set(pages)
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    wide = {}
    for path in pages:
        page.goto(site.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    # The check can fail: a figure forced wider than the phone is caught.
    page.goto(site.url + SAMPLE[0])
    page.add_style_tag(content=".md-typeset svg.eb-fig__svg{width:600px;max-width:none}")
    planted = page.evaluate("document.documentElement.scrollWidth")
    ctx.close()
    assert wide == {}
    assert planted > PHONE["width"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_figure_pages_at_360px(site, browser, scheme) -> None:
    ctx = browser.new_context(color_scheme=scheme, viewport=PHONE, bypass_csp=True)
    page = ctx.new_page()
    problems = {}
    for path in SAMPLE:
        page.goto(site.url + path)
        page.add_script_tag(path=str(AXE))
        result = violations(page)
        if result:
            problems[path] = result
    # The check can fail: the words under a picture in a colour too faint to read are caught.
    page.add_style_tag(content=".md-typeset .eb-fig__say{color:#9a9a9a;opacity:.6}")
    planted = [v["id"] for v in violations(page)]
    ctx.close()
    assert problems == {}, json.dumps(problems, indent=1)[:6000]
    assert "color-contrast" in planted
