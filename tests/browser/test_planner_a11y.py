"""axe-core finds no WCAG 2.2 AA violation on the planner page in any of its states, in the
light and the dark scheme, at desktop and phone widths."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from _axe import AXE, violations
from _recording import Recorder, watch

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


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", list(PROFILES))
def test_axe_finds_no_wcag_22_aa_violation_on_the_planner(
    site, browser, state, scheme, width
) -> None:
    selector, profile = PROFILES[state]
    recorder = Recorder()
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    # An init script is added by the browser itself, so the site's CSP stays fully in force.
    ctx.add_init_script(path=str(AXE))
    watch(ctx, recorder)
    try:
        page = ctx.new_page()
        page.goto(url_for(site, profile))
        page.wait_for_selector(selector, timeout=60_000)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is (
            scheme == "dark"
        )
        if state == "error":
            assert page.locator("#planner [aria-invalid=true]").count() > 0
        found = violations(page)
    finally:
        ctx.close()
    assert found == [], json.dumps(found, indent=1)[:6000]
    assert (recorder.foreign(), recorder.errors, recorder.csp) == ([], [], [])


def test_axe_check_can_fail_on_a_planted_unlabelled_input(site, browser) -> None:
    """The check itself works: an input without a label in the form is reported."""
    ctx = browser.new_context()
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
