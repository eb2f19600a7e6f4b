"""The exercise and self-test figures on a 360 px phone in the light scheme: axe finds no WCAG
2.2 AA violation on a sample of figure pages (contrast of the words under the pictures and of
the caption included); a lying figure fills the phone's width and two standing ones share it.
Every page, figures and all, is checked for width and by axe at 360 px in the dark scheme and
at 1280 px in the light one by test_site_pages.py."""

from __future__ import annotations

import json
from pathlib import Path

from _axe import AXE, violations
from _contexts import new_context
from _csp import plant_style
from _recording import assert_clean, watch

PHONE = {"width": 360, "height": 780}
# One page per kind of figure: side view lying, on all fours, standing with a load, seated at
# a machine; front view kneeling beside an anchor, side-lying, standing, sitting; a self-test
# page with two figures' worth of text around it. The whole-site axe run at desktop width
# covers every page.
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
        if '<figure class="eb-fig ' in html.read_text(encoding="utf-8"):
            out.append(html.parent.relative_to(site_dir).as_posix() + "/")
    return out


def test_every_exercise_and_self_test_has_its_figure_on_the_built_site(site) -> None:
    from evenback_build.figures.pages import self_test_pages
    from planner import load_catalogue

    pages = {f"exercises/{ex.id}/": [f"exercise.{ex.id}"] for ex in load_catalogue()}
    for md, entries in self_test_pages().items():
        pages[md.removesuffix(".md") + "/"] = [f"self_test.{key}" for key, _ in entries]
    assert figure_pages(site.directory) == sorted(pages)
    for path, keys in pages.items():
        html = (site.directory / path / "index.html").read_text(encoding="utf-8")
        assert html.count('<figure class="eb-fig ') == len(keys), path
        assert html.count('<svg class="eb-fig__svg') == 2 * len(keys), path


def test_axe_finds_no_violation_on_figure_pages_at_360px_in_the_light_scheme(
    site, browser, recorder
) -> None:
    assert set(SAMPLE) <= set(figure_pages(site.directory))
    ctx = new_context(browser, color_scheme="light", viewport=PHONE)
    watch(ctx, recorder)
    ctx.add_init_script(path=str(AXE))  # added by the browser itself: the site's CSP stays on
    page = ctx.new_page()
    problems = {}
    for path in SAMPLE:
        page.goto(site.url + path)
        result = violations(page)
        if result:
            problems[path] = result
    # The check can fail: the words under a picture in a colour too faint to read are caught.
    plant_style(page, site.url, ".md-typeset .eb-fig__say{color:#9a9a9a;opacity:.6}")
    planted = [v["id"] for v in violations(page)]
    ctx.close()
    assert problems == {}, json.dumps(problems, indent=1)[:6000]
    assert "color-contrast" in planted
    assert_clean(recorder)


LYING = ["exercises/prone_back_extension/", "exercises/glute_bridge/", "exercises/bird_dog/"]
STANDING = ["exercises/suitcase_carry/", "exercises/kettlebell_deadlift/"]
MEASURE = """() => {
  const fig = document.querySelector('figure.eb-fig');
  const svgs = [...fig.querySelectorAll('svg.eb-fig__svg')].map((s) => s.getBoundingClientRect());
  return {width: fig.getBoundingClientRect().width, svgs: svgs.map((r) => [r.width, r.top])};
}"""


def test_at_360px_a_lying_figure_fills_the_width_and_standing_ones_share_a_line(
    site, browser
) -> None:
    ctx = new_context(browser, color_scheme="light", viewport=PHONE, bypass_csp=True)
    page = ctx.new_page()

    def measured(path: str) -> dict:
        page.goto(site.url + path)
        return page.evaluate(MEASURE)

    small = {}
    for path in LYING:
        m = measured(path)
        if min(w for w, _ in m["svgs"]) < 0.85 * m["width"]:
            small[path] = m
    apart = {}
    for path in STANDING:
        m = measured(path)
        (_, top1), (_, top2) = m["svgs"]
        if abs(top1 - top2) > 1:
            apart[path] = m
    # The check can fail: drawings kept at their natural 1 px per cm are caught.
    page.goto(site.url + LYING[0])
    plant_style(page, site.url, ".md-typeset svg.eb-fig__svg{width:auto}")
    planted = page.evaluate(MEASURE)
    ctx.close()
    assert small == {}, small
    assert apart == {}, apart
    assert min(w for w, _ in planted["svgs"]) < 0.85 * planted["width"], planted
