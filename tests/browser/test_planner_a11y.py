"""axe-core finds no WCAG 2.2 AA violation on the planner page in any of its states, in the
light and the dark scheme, at desktop and phone widths."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from _axe import AXE, WIDTHS, violations, violations_in_fresh_context
from _contexts import new_context
from _csp import plant_style

PROFILES: dict[str, tuple[str, dict[str, Any] | None]] = {
    "ready": ("#planner[data-state=ready]", None),
    "error": (
        "#planner[data-state=error]",
        {"version": 1, "days_per_week": 9, "tests": {"side_bridge_s": {"left": 30}}},
    ),
    "plan": (
        "#planner[data-state=plan][aria-busy=false]",
        {
            "version": 1,
            "weak_side": "left",
            "pain": 5,
            "weeks": 2,
            "tests": {"side_bridge_s": {"left": 40, "right": 45}},
        },
    ),
    "refer": (
        "#planner[data-state=refer]",
        {
            "version": 1,
            "red_flags": ["night_pain"],
            "tests": {"one_arm_row_reps": {"left": 9, "right": 12}},
        },
    ),
    "refer-emergency": (
        "#planner[data-state=refer]",
        {"version": 1, "red_flags": ["saddle_numbness"]},
    ),
    "refer-routine": ("#planner[data-state=refer]", {"version": 1, "pain": 8}),
}


def url_for(site, profile: dict[str, Any] | None) -> str:  # type: ignore[no-untyped-def]
    if profile is None:
        return site.url + "planner/"
    payload = base64.urlsafe_b64encode(json.dumps(profile).encode("utf-8")).decode().rstrip("=")
    return f"{site.url}planner/#profile={payload}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", list(PROFILES))
def test_axe_finds_no_wcag_22_aa_violation_on_the_planner_at_phone_and_desktop_width(
    site, browser, state, scheme
) -> None:
    selector, profile = PROFILES[state]

    def reach(page) -> None:  # type: ignore[no-untyped-def]
        page.goto(url_for(site, profile))
        page.wait_for_selector(selector, timeout=60_000)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is (
            scheme == "dark"
        )
        if state == "error":
            assert page.locator("#planner [aria-invalid=true]").count() > 0

    found = violations_in_fresh_context(browser, scheme, reach)
    assert found == {width: [] for width in WIDTHS}, json.dumps(found, indent=1)[:6000]


def test_axe_check_can_fail_on_a_planted_unlabelled_input(site, browser) -> None:
    """The check itself works: an input without a label in the form is reported."""
    ctx = new_context(browser)
    ctx.add_init_script(path=str(AXE))
    try:
        page = ctx.new_page()
        page.goto(site.url + "planner/")
        page.wait_for_selector("#planner[data-state=ready]", timeout=60_000)
        page.evaluate(
            "document.querySelector('#planner form').append(Object.assign("
            "document.createElement('input'), {type: 'number'}))"
        )
        ids = [v["id"] for v in violations(page)]
    finally:
        ctx.close()
    assert "label" in ids


def test_axe_after_a_resize_finds_a_fault_planted_for_that_width_only(site, browser) -> None:
    """Reaching a state once and resizing for the other width checks each width as it is: a
    button text too faint only on a phone, and another only on a desktop, are each found at
    their width and only there."""

    def reach(page) -> None:  # type: ignore[no-untyped-def]
        page.goto(site.url + "planner/")
        page.wait_for_selector("#planner[data-state=ready]", timeout=60_000)
        plant_style(  # a <link>: the site's CSP refuses an inline <style>
            page,
            site.url,
            "@media (max-width: 400px) { #planner button { opacity: .3 } }"
            " @media (min-width: 1000px) { #planner legend { opacity: .3 } }",
        )

    found = violations_in_fresh_context(browser, "light", reach)
    faint = {
        width: sorted({str(t) for v in vs if v["id"] == "color-contrast" for t, _ in v["nodes"]})
        for width, vs in found.items()
    }
    assert faint[360] and faint[1280], faint
    assert not any("legend" in t for t in faint[360]), faint[360]
    assert not any("button" in t for t in faint[1280]), faint[1280]
