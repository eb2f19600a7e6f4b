"""A referral looks like what it is: an emergency says so first, says what to do now, is
announced at once and looks urgent; urgent and routine referrals are graded visibly too."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser

REFER = "#planner[data-state=refer]"
PANEL = "#planner .planner-result"
EMERGENCY = {"version": 1, "red_flags": ["saddle_numbness"]}
URGENT = {"version": 1, "red_flags": ["night_pain"]}
ROUTINE = {"version": 1, "pain": 8}


def _link(site, profile: dict[str, Any]) -> str:  # type: ignore[no-untyped-def]
    payload = base64.urlsafe_b64encode(json.dumps(profile).encode()).decode().rstrip("=")
    return f"{site.url}planner/#profile={payload}"


def _panel_style(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """sel => { const s = getComputedStyle(document.querySelector(sel));
             return {edge: s.borderLeftWidth, colour: s.borderLeftColor,
                     bg: s.backgroundColor}; }""",
        PANEL,
    )


@pytest.mark.parametrize("name", ["root", "subpath"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_emergency_says_so_first_says_what_to_do_now_and_is_announced_at_once(
    sites, browser, name, scheme
) -> None:
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 360, "height": 740})
    try:
        page = ctx.new_page()
        page.goto(sites[name].url + "planner/")
        page.wait_for_selector("#planner[data-state=ready]", timeout=60_000)
        page.locator('#planner [data-field="red_flags"] input[value="saddle_numbness"]').check()
        page.get_by_role("button", name="Make my plan").click()
        page.wait_for_selector(REFER, timeout=60_000)
        heading = page.locator(f"{PANEL} h2")
        assert heading.inner_text() == "Emergency: get medical help now"
        # The heading is the first thing in the panel, and it has the focus.
        first = page.evaluate(f"document.querySelector('{PANEL}').innerText.trim().split('\\n')[0]")
        assert "Emergency" in first
        assert page.evaluate("document.activeElement?.tagName") == "H2"
        # Announced at once: heading and what to do now sit in a role=alert region.
        alert = page.get_by_role("alert")
        assert alert.count() == 1
        said = alert.inner_text()
        assert "Emergency: get medical help now" in said
        for number in ("999", "112", "911"):
            assert number in said
        assert "What to do now" in said
        # It looks urgent: a thick red edge all round, heading in the emergency colour.
        style = _panel_style(page)
        assert float(style["edge"].removesuffix("px")) >= 9
        channels = style["colour"].split("(")[1].split(")")[0].split(",")[:3]
        red, green, blue = (int(x) for x in channels)
        assert red > 150 and red > green + 60 and red > blue + 60, style
    finally:
        ctx.close()


def test_urgent_and_routine_referrals_are_graded_in_words_and_in_style(site, page) -> None:
    seen: dict[str, dict[str, str]] = {}
    texts: dict[str, str] = {}
    for tier, profile in {"emergency": EMERGENCY, "urgent": URGENT, "routine": ROUTINE}.items():
        page.goto("about:blank")
        page.goto(_link(site, profile))
        page.wait_for_selector(REFER, timeout=60_000)
        assert page.get_attribute(PANEL, "data-urgency") == tier
        seen[tier] = _panel_style(page)
        texts[tier] = page.locator(PANEL).inner_text()
    # Distinct styles for each tier, the emergency's edge the thickest.
    assert len({(s["edge"], s["colour"], s["bg"]) for s in seen.values()}) == 3
    edges = {tier: float(s["edge"].removesuffix("px")) for tier, s in seen.items()}
    assert edges["emergency"] > edges["urgent"] > edges["routine"]
    # The tier is named in words, not by colour alone; only the emergency interrupts.
    assert texts["emergency"].lstrip().startswith("Emergency")
    assert texts["urgent"].lstrip().startswith("Urgent")
    assert texts["routine"].lstrip().upper().startswith("ROUTINE REFERRAL")
    assert "What to do now" in texts["urgent"] and "What to do now" in texts["routine"]


def test_a_plan_after_a_referral_drops_the_referral_grade(site, page) -> None:
    page.goto(_link(site, EMERGENCY))
    page.wait_for_selector(REFER, timeout=60_000)
    plan_link = _link(site, {"version": 1, "weak_side": "left", "weeks": 1})
    page.evaluate("hash => { location.hash = hash; }", plan_link.split("#", 1)[1])
    page.wait_for_selector("#planner[data-state=plan]", timeout=60_000)
    assert page.get_attribute(PANEL, "data-urgency") is None
    assert page.get_by_role("alert").count() == 0
