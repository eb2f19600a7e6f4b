"""Material's bundle starts without restyling the whole page. Once a guide page is parsed
(and painted), nothing rewrites <html>'s class, <body>'s attributes, or any element of <head>:
each such write restyled every element of the page (the style sheet links' href, set again by
instant navigation's URL resolution, re-parsed every sheet; the palette's attributes and
colour-scheme meta; <html>'s class, which a rule of Material's makes invalidate the whole
page). overrides/partials/bundle-early.html and the palette partials do that work while the
page is parsed, before anything is styled."""

from __future__ import annotations

import pytest
from test_site_pages import instant_navigate, title_of

# Every kind of guide page the Lighthouse benchmark measures, and the planner.
PAGES = ("", "exercises/side_plank/", "self-tests/side-bridge/", "faq/", "references/", "planner/")

RECORD = """
window.ebLateWrites = [];
new MutationObserver((records) => {
  if (document.readyState === "loading") return;  // written while parsing: nothing styled yet
  for (const r of records) {
    const t = r.target;
    const root = t === document.documentElement && r.attributeName === "class";
    if (!root && t !== document.body && t.parentNode !== document.head) continue;
    const now = t.getAttribute(r.attributeName);
    window.ebLateWrites.push(`${t.nodeName} ${r.attributeName}: ${r.oldValue} -> ${now}`);
  }
}).observe(document, { attributes: true, subtree: true, attributeOldValue: true });
"""


def late_writes(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.wait_for_load_state("networkidle")  # Material's start-up, its sitemap fetch included
    page.wait_for_function("typeof document$ !== 'undefined'")
    return list(page.evaluate("window.ebLateWrites"))


@pytest.mark.parametrize("path", PAGES)
def test_once_a_page_is_parsed_its_start_rewrites_nothing_that_restyles_the_page(
    site, page, path
) -> None:  # type: ignore[no-untyped-def]
    page.add_init_script(RECORD)
    page.goto(site.url + path)
    assert late_writes(page) == []
    assert page.evaluate("document.documentElement.className") == "js js-focus-visible"
    # What the bundle resolves for instant navigation is resolved: every URL in <head>.
    relative = page.evaluate(
        """() => [...document.head.querySelectorAll("[href], [src]")]
             .map((el) => el.getAttribute("href") ?? el.getAttribute("src"))
             .filter((value) => !/^(?:[a-z]+:)?\\/\\//i.test(value))"""
    )
    assert relative == []


def test_after_instant_navigation_the_style_sheets_stay_as_they_were(site, page) -> None:  # type: ignore[no-untyped-def]
    page.add_init_script(RECORD)
    page.goto(site.url)
    late_writes(page)
    sheets = page.evaluate("[...document.styleSheets].map((s) => s.href)")
    target = site.url + "faq/"
    instant_navigate(page, target, title_of(site, target))
    assert page.evaluate("[...document.styleSheets].map((s) => s.href)") == sheets
    assert page.evaluate("document.documentElement.className") == "js js-focus-visible"
