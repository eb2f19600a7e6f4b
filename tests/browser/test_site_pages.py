"""Every page of the built site, as the sitemap lists it, in Chromium: no page error, loaded
or reached by instant navigation; no page wider than a 360 px phone; tables that scroll say
so and can be scrolled from the keyboard; the search dialog has a name."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

from _axe import AXE
from _recording import watch
from playwright.sync_api import expect

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(site) -> list[str]:  # type: ignore[no-untyped-def]
    tree = ET.parse(site.directory / "sitemap.xml")
    urls = [loc.text or "" for loc in tree.iter(f"{SITEMAP_NS}loc")]
    assert all(u.startswith(site.url) for u in urls), urls[:3]
    return urls


def title_of(site, url: str) -> str:  # type: ignore[no-untyped-def]
    html = (site.directory / url[len(site.url) :] / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found, url
    return unescape(found.group(1).strip())


def instant_navigate(page, url: str, title: str) -> None:  # type: ignore[no-untyped-def]
    """Go to ``url`` the way a click on a link does with Material's instant navigation."""
    page.evaluate(
        """u => {
             const article = document.querySelector("article");
             article.setAttribute("data-eb-old", "");
             const link = Object.assign(document.createElement("a"), {href: u, id: "eb-go"});
             link.textContent = "next page";
             article.prepend(link);
           }""",
        url,
    )
    page.locator("#eb-go").click()
    page.wait_for_selector("article.md-content__inner:not([data-eb-old])", state="attached")
    expect(page).to_have_title(title)
    assert page.evaluate("location.href") == url


def test_no_page_throws_an_error_loaded_or_reached_by_instant_navigation(
    site, page, recorder
) -> None:
    urls = sitemap_urls(site)
    assert len(urls) > 60
    errors: dict[str, list[str]] = {}

    def check(how: str, url: str, before: int) -> None:
        if len(recorder.errors) > before:
            errors[f"{how} {url}"] = recorder.errors[before:]

    for url in urls:
        before = len(recorder.errors)
        page.goto(url, wait_until="load")
        check("loaded", url, before)
    page.goto(site.url, wait_until="load")
    for url in urls:
        if url == page.evaluate("location.href"):
            continue
        before = len(recorder.errors)
        instant_navigate(page, url, title_of(site, url))
        check("instant", url, before)
    recorder.errors.clear()  # reported here, by page, instead of by the fixture
    assert errors == {}


PHONE = {"width": 360, "height": 740}


def test_no_page_scrolls_sideways_on_a_360px_phone(site, browser, recorder) -> None:
    ctx = browser.new_context(viewport=PHONE)
    watch(ctx, recorder)
    page = ctx.new_page()
    wide: dict[str, object] = {}
    unlabelled: dict[str, object] = {}
    scrolling = 0
    for url in sitemap_urls(site):
        page.goto(url, wait_until="load")
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if sizes[0] > sizes[1]:
            wide[url] = sizes
        regions = page.evaluate(
            """() => [...document.querySelectorAll('table')].map(t => {
                 const r = t.closest('.eb-table-scroll, .planner-table-scroll');
                 const scroller = r ?? t;
                 return {
                   overflows: scroller.scrollWidth > scroller.clientWidth
                     || t.getBoundingClientRect().width > scroller.clientWidth,
                   region: !!r, focusable: r?.tabIndex === 0,
                   role: r?.getAttribute('role'), label: r?.getAttribute('aria-label') ?? '',
                   scrolls: r ? getComputedStyle(r).overflowX : '',
                   shadow: !!r && getComputedStyle(r).backgroundImage.includes('radial'),
                 };
               }).filter(t => t.overflows)"""
        )
        for table in regions:
            scrolling += 1
            ok = (
                table["region"]
                and table["focusable"]
                and table["role"] == "region"
                and table["label"].startswith("Table: ")
                and table["scrolls"] == "auto"
                and table["shadow"]
            )
            if not ok:
                unlabelled.setdefault(url, []).append(table)  # type: ignore[attr-defined]
    ctx.close()
    assert wide == {}, "pages wider than the phone"
    assert unlabelled == {}, "wide tables without a labelled, focusable, visible scroll region"
    assert scrolling > 5, "the exercise index and the self-test tables are wider than 360 px"


def test_search_dialog_has_an_accessible_name(site, browser) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = ctx.new_page()
    page.goto(site.url)
    page.locator("input.md-search__input").click()
    dialog = page.get_by_role("dialog", name="Search this site")
    expect(dialog).to_have_count(1)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "rule", values: ["aria-dialog-name"]}})
             .then(r => [r.violations.length, r.passes.length])"""
    )
    ctx.close()
    assert found == [0, 1]
