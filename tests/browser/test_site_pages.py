"""Every page of the built site, as the sitemap lists it, in Chromium, in two passes: light at
1280 px (no page error, loaded or reached by instant navigation; axe) and dark at 360 px (no
page wider than the phone; tables that scroll say so and can be scrolled from the keyboard;
axe); and the search dialog has a name."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from _axe import AXE, FRAME, settle, violations
from _contexts import new_context
from _csp import RECORD as CSP_RECORD
from _csp import take_violations
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


def first_of_each_section(urls: list[str], site) -> set[str]:  # type: ignore[no-untyped-def]
    """The home page and the first page of each top-level section, in sitemap order."""
    seen: dict[str, str] = {}
    for url in urls:
        seen.setdefault(url[len(site.url) :].split("/", 1)[0], url)
    return set(seen.values())


def axe_pass(page, url: str, whole: bool, problems: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    found = violations(page, whole=whole)
    if found:
        problems[url] = found


@pytest.mark.service_worker
def test_every_page_in_light_at_1280_px_loads_without_error_and_passes_axe(
    site, context, recorder
) -> None:
    """Every page of the sitemap: no page error and no Content-Security-Policy violation (an
    inline style included) loaded or reached by instant navigation (with
    the service worker each page registers, as for a reader), and no WCAG 2.2 A/AA violation
    (axe; the site's frame checked in full on the first page of each section)."""
    urls = sitemap_urls(site)
    assert len(urls) > 60
    context.add_init_script(path=str(AXE))  # no inline script: CSP stays on
    context.add_init_script(CSP_RECORD)
    page = context.new_page()
    whole = first_of_each_section(urls, site)
    errors: dict[str, list[str]] = {}
    problems: dict[str, object] = {}

    def check(how: str, url: str, before: int) -> None:
        if len(recorder.errors) > before:
            errors[f"{how} {url}"] = recorder.errors[before:]
        refused = take_violations(page)  # the policy's own events, page by page
        if refused:
            errors[f"{how} {url}: CSP"] = refused

    for url in urls:
        before = len(recorder.errors)
        page.goto(url, wait_until="load")
        check("loaded", url, before)
        axe_pass(page, url, url in whole, problems)
    page.goto(site.url, wait_until="load")
    for url in urls:
        if url == page.evaluate("location.href"):
            continue
        before = len(recorder.errors)
        instant_navigate(page, url, title_of(site, url))
        check("instant", url, before)
    recorder.errors.clear()  # reported here, by page, instead of by the fixture
    assert errors == {}
    assert problems == {}, json.dumps(problems, indent=1)[:6000]


PHONE = {"width": 360, "height": 740}

# What axe's verdict on an element rests on, for every element shown outside the site's frame:
# what it is (tag, classes), its colours (its text, its parent's text, the first background
# behind it), text size, weight, opacity and underline, whether it scrolls sideways, the size
# of a target that is not a link inside a sentence, and a picture shown in one scheme only.
# Two elements with the same look get the same verdict from axe in the same scheme and width,
# so the dark pass runs axe on the pages that show a look no page checked before shows.
LOOKS = """(frame) => {
  const keys = new Set();
  const behind = new Map();
  const background = (el) => {
    if (!el) return "";
    if (behind.has(el)) return behind.get(el);
    const s = getComputedStyle(el);
    const own = s.backgroundColor !== "rgba(0, 0, 0, 0)" || s.backgroundImage !== "none";
    const found = own ? s.backgroundColor + " " + s.backgroundImage : background(el.parentElement);
    behind.set(el, found);
    return found;
  };
  const targets = "a, button, input, select, textarea, summary, label, [role=button], [tabindex]";
  for (const el of document.body.querySelectorAll("*")) {
    if (frame.some((f) => el.closest(f))) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    const s = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const target = el.matches(targets) && s.display !== "inline"
      ? `${Math.round(box.width)}x${Math.round(box.height)}` : "";
    const src = el.getAttribute("src") ?? "";
    keys.add([el.tagName, [...el.classList].sort().join("."), s.color,
      el.parentElement ? getComputedStyle(el.parentElement).color : "", background(el),
      s.fontSize, s.fontWeight, s.opacity, s.textDecorationLine,
      el.scrollWidth > el.clientWidth && s.overflowX === "auto", target,
      /#(only|gh)-(dark|light)/.test(src) ? src : ""].join("|"));
  }
  return [...keys];
}"""


def shows_a_new_look(page, seen: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether the page, once settled, shows an element whose look (LOOKS) is not in `seen`;
    adds them."""
    settle(page)
    looks = set(page.evaluate(LOOKS, FRAME))
    new = not looks <= seen
    seen |= looks
    return new


def test_every_page_in_dark_on_a_360px_phone_fits_scrolls_its_tables_and_passes_axe(
    site, browser, recorder
) -> None:
    """Every page at 360 px in the dark scheme: nothing wider than the phone; each table wider
    than it scrolls in a labelled, focusable region with edge shadows; and no WCAG 2.2 A/AA
    violation (axe, on the first page of each section with its frame, and on every page that
    shows an element whose look no page before it showed: with the light pass at 1280 px, every
    kind of element of every page is checked in both schemes, and the scroll regions where they
    scroll)."""
    ctx = new_context(browser, viewport=PHONE, color_scheme="dark")
    watch(ctx, recorder)
    ctx.add_init_script(path=str(AXE))
    page = ctx.new_page()
    urls = sitemap_urls(site)
    whole = first_of_each_section(urls, site)
    wide: dict[str, object] = {}
    unlabelled: dict[str, object] = {}
    problems: dict[str, object] = {}
    scrolling = 0
    seen: set[str] = set()
    checked = 0
    for url in urls:
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
        if shows_a_new_look(page, seen) or url in whole:
            checked += 1
            axe_pass(page, url, url in whole, problems)
    ctx.close()
    print(f"dark pass: axe on {checked} of {len(urls)} pages")
    assert wide == {}, "pages wider than the phone"
    assert unlabelled == {}, "wide tables without a labelled, focusable, visible scroll region"
    assert scrolling > 5, "the exercise index and the self-test tables are wider than 360 px"
    assert problems == {}, json.dumps(problems, indent=1)[:6000]


def test_the_pages_axe_pass_finds_a_planted_fault_in_the_content_and_in_the_frame(
    site, browser
) -> None:
    """The whole-site pass can fail: an unlabelled input planted in a page's content is found
    with the frame left out, and one planted in the header only when the frame is checked."""
    ctx = new_context(browser, viewport={"width": 1280, "height": 900})
    ctx.add_init_script(path=str(AXE))
    page = ctx.new_page()
    page.goto(site.url + "understand/", wait_until="load")
    page.evaluate(
        """() => {
             document.querySelector("article").append(
               Object.assign(document.createElement("input"), {id: "planted-content"}));
             document.querySelector(".md-header").append(
               Object.assign(document.createElement("input"), {id: "planted-frame"}));
           }"""
    )

    def unlabelled(whole: bool) -> list[str]:
        found = [v for v in violations(page, whole=whole) if v["id"] == "label"]
        return sorted(str(target) for v in found for target, _summary in v["nodes"])

    content, everything = unlabelled(False), unlabelled(True)
    ctx.close()
    assert content == ["['#planted-content']"], content
    assert everything == ["['#planted-content']", "['#planted-frame']"], everything


def test_the_dark_pass_passes_over_a_page_of_known_looks_and_checks_one_with_a_new_look(
    site, browser
) -> None:
    """The dark pass's choice of pages can fail a page: a page whose every look was seen is
    passed over; once one paragraph of it is planted in a faint grey, it shows a new look, and
    axe finds the contrast fault there."""
    ctx = new_context(browser, viewport=PHONE, color_scheme="dark")
    ctx.add_init_script(path=str(AXE))
    page = ctx.new_page()
    page.goto(site.url + "understand/", wait_until="load")
    seen: set[str] = set()
    first = shows_a_new_look(page, seen)
    page.reload(wait_until="load")
    again = shows_a_new_look(page, seen)
    page.evaluate("""() => { document.querySelector("article p").style.color = "#555"; }""")
    planted = shows_a_new_look(page, seen)
    found = [v["id"] for v in violations(page, whole=False)]
    ctx.close()
    assert (first, again, planted) == (True, False, True)
    assert "color-contrast" in found, found


def test_search_dialog_has_an_accessible_name(site, context) -> None:
    context.add_init_script(path=str(AXE))  # added by the browser itself: the CSP stays on
    page = context.new_page()
    page.goto(site.url)
    page.locator("input.md-search__input").click()
    dialog = page.get_by_role("dialog", name="Search this site")
    expect(dialog).to_have_count(1)
    found = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "rule", values: ["aria-dialog-name"]}})
             .then(r => [r.violations.length, r.passes.length])"""
    )
    assert found == [0, 1]
