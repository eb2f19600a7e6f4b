"""What each page waits for before its first paint: a guide page loads Material's two style
sheets and one of ours (css/guide.css, written by the build from docs/css/); only the planner
page loads the planner's, whether it is opened directly or reached by instant navigation,
and the planner's styles leave with it."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from test_site_pages import instant_navigate, title_of

from evenback_build.hooks import GUIDE_CSS, GUIDE_CSS_PARTS, guide_stylesheet
from evenback_build.paths import ROOT

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
PLANNER_CSS = ("css/planner.css", "css/planner-train.css")
THEME = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")
# A custom property only planner.css defines: set on the page while planner.css applies.
PLANNER_PROPERTY = "--pl-border"


def stylesheets(site, page_dir) -> list[str]:  # type: ignore[no-untyped-def]
    """The style sheets a built page links, as paths under the site."""
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    base = "/" + page_dir.relative_to(site.directory).as_posix() + "/"
    return [urljoin(base.replace("//", "/"), href).lstrip("/") for href in STYLESHEET.findall(html)]


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_only_the_planner_page_links_the_planners_style_sheets(sites, name) -> None:  # type: ignore[no-untyped-def]
    site = sites[name]
    pages = sorted(p.parent for p in site.directory.rglob("index.html") if "pyodide" not in p.parts)
    assert len(pages) > 60
    for page_dir in pages:
        linked = stylesheets(site, page_dir)
        ours = [href for href in linked if not THEME.search(href)]
        if page_dir == site.directory / "planner":
            assert ours == [GUIDE_CSS, *PLANNER_CSS], linked
        else:
            assert ours == [GUIDE_CSS], (page_dir, linked)
        assert len(linked) == len(ours) + 2, (page_dir, linked)


def test_the_guide_style_sheet_holds_every_part_in_order(site) -> None:  # type: ignore[no-untyped-def]
    built = (site.directory / GUIDE_CSS).read_text(encoding="utf-8")
    assert built == guide_stylesheet(ROOT / "docs")
    # The parts are in it, not beside it (the service worker would precache them for nothing).
    assert [name for name in GUIDE_CSS_PARTS if (site.directory / name).exists()] == []
    at = 0
    for name in GUIDE_CSS_PARTS:
        text = (ROOT / "docs" / name).read_text(encoding="utf-8").strip()
        found = built.find(text, at)
        assert found >= at, f"{name} is missing from {GUIDE_CSS}, or out of order"
        at = found + len(text)


def planner_styles_apply(page) -> bool:  # type: ignore[no-untyped-def]
    value = page.evaluate(
        "p => getComputedStyle(document.documentElement).getPropertyValue(p)", PLANNER_PROPERTY
    )
    return bool(value.strip())


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_the_planners_styles_apply_on_arrival_by_link_or_instant_navigation_and_leave_with_it(
    sites, page, name
) -> None:  # type: ignore[no-untyped-def]
    site = sites[name]
    planner = site.url + "planner/"
    page.goto(planner)
    page.wait_for_load_state("load")
    assert planner_styles_apply(page)

    page.goto(site.url)
    page.wait_for_load_state("load")
    assert not planner_styles_apply(page)
    instant_navigate(page, planner, title_of(site, planner))
    page.wait_for_function(
        "p => getComputedStyle(document.documentElement).getPropertyValue(p).trim() !== ''",
        arg=PLANNER_PROPERTY,
    )
    home = site.url + "about/"
    instant_navigate(page, home, title_of(site, home))
    assert not planner_styles_apply(page)
