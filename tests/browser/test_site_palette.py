"""The colour palette toggle (run by overrides/partials/javascripts/palette.html, not by
Material's bundle): the system's scheme on a first visit, the reader's choice kept across
pages, loads and instant navigation, by pointer or keyboard, with the page's colour-scheme meta
and the toggle's visible button following it."""

from __future__ import annotations

import pytest
from _contexts import new_context
from _recording import assert_clean, watch
from test_site_pages import instant_navigate, title_of

PAGE = "faq/"
OTHER = "exercises/side_plank/"


def scheme_state(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """() => ({
             scheme: document.body.dataset.mdColorScheme,
             meta: document.querySelector("meta[name=color-scheme]")?.content,
             shown: [...document.querySelectorAll("form[data-eb-palette] label")]
               .filter((label) => !label.hidden).map((label) => label.title),
             background: getComputedStyle(document.body).backgroundColor,
           })"""
    )


def open_page(browser, recorder, scheme: str):  # type: ignore[no-untyped-def]
    ctx = new_context(browser, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    watch(ctx, recorder)
    return ctx, ctx.new_page()


@pytest.mark.parametrize(
    ("system", "scheme", "meta", "toggle"),
    [
        ("light", "default", "light", "Switch to dark mode"),
        ("dark", "slate", "dark", "Switch to light mode"),
    ],
)
def test_a_first_visit_follows_the_systems_scheme_from_the_first_paint(
    browser, recorder, site, system, scheme, meta, toggle
) -> None:  # type: ignore[no-untyped-def]
    ctx, page = open_page(browser, recorder, system)
    try:
        # Before Material's bundle (deferred) has run: the state is there while parsing.
        page.add_init_script(
            """document.addEventListener("readystatechange", () => {
                 if (document.readyState === "interactive")
                   window.ebAtParse = document.body.dataset.mdColorScheme;
               }, { once: true });"""
        )
        page.goto(site.url + PAGE)
        page.wait_for_load_state("load")
        assert page.evaluate("window.ebAtParse") == scheme
        state = scheme_state(page)
        assert (state["scheme"], state["meta"], state["shown"]) == (scheme, meta, [toggle])
    finally:
        ctx.close()
    assert_clean(recorder)


def test_the_toggle_switches_the_scheme_and_the_choice_is_kept_on_every_page(
    browser, recorder, site
) -> None:  # type: ignore[no-untyped-def]
    ctx, page = open_page(browser, recorder, "light")
    try:
        page.goto(site.url + PAGE)
        page.wait_for_load_state("load")
        light = scheme_state(page)
        page.locator("label[title='Switch to dark mode']").click()
        dark = scheme_state(page)
        assert (dark["scheme"], dark["meta"], dark["shown"]) == (
            "slate",
            "dark",
            ["Switch to light mode"],
        )
        assert dark["background"] != light["background"]
        assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False

        page.reload()
        page.wait_for_load_state("load")
        assert scheme_state(page)["scheme"] == "slate"

        # The header is not replaced by instant navigation: the toggle keeps working.
        target = site.url + OTHER
        instant_navigate(page, target, title_of(site, target))
        assert scheme_state(page)["scheme"] == "slate"
        page.locator("label[title='Switch to light mode']").click()
        assert scheme_state(page)["scheme"] == "default"
        page.goto(site.url + PAGE)
        page.wait_for_load_state("load")
        assert scheme_state(page)["scheme"] == "default"
    finally:
        ctx.close()
    assert_clean(recorder)


def test_enter_on_the_toggle_switches_the_scheme(browser, recorder, site) -> None:  # type: ignore[no-untyped-def]
    ctx, page = open_page(browser, recorder, "light")
    try:
        page.goto(site.url + PAGE)
        page.wait_for_load_state("load")
        page.locator("#__palette_0").focus()
        page.keyboard.press("Enter")
        assert scheme_state(page)["scheme"] == "slate"
        assert page.evaluate("document.activeElement.id") == "__palette_1"
        page.keyboard.press("Enter")
        assert scheme_state(page)["scheme"] == "default"
    finally:
        ctx.close()
    assert_clean(recorder)
