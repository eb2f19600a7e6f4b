"""A self-test page's result boxes link to the planner with the results filled in."""

from __future__ import annotations

import base64
import json

import pytest

pytestmark = pytest.mark.browser

FORM = "form.selftest-link[data-test=side_bridge_s]"


def _profile(href: str) -> object:
    payload = href.split("#profile=", 1)[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_typed_results_become_a_planner_link_that_plans_with_them(site, page) -> None:
    page.goto(site.url + "self-tests/side-bridge/")
    form = page.locator(FORM)
    link = form.locator("a[href]")
    assert "#profile=" not in (link.get_attribute("href") or "")
    form.locator('input[name="left"]').fill("60")
    form.locator('input[name="right"]').fill("45.5")
    href = link.get_attribute("href") or ""
    assert _profile(href) == {"version": 1, "tests": {"side_bridge_s": {"left": 60, "right": 45.5}}}
    link.click()
    page.wait_for_selector("#planner[data-state=plan]", timeout=60_000)
    assert "Right (from your self-tests)" in page.locator(".planner-weakline").inner_text()


def test_a_result_above_the_planner_range_gives_the_plain_link(site, page) -> None:
    from planner import TEST_RESULT_MAX

    page.goto(site.url + "self-tests/side-bridge/")
    form = page.locator(FORM)
    form.locator('input[name="left"]').fill("60")
    form.locator('input[name="right"]').fill(str(TEST_RESULT_MAX + 1))
    assert "#profile=" not in (form.locator("a[href]").get_attribute("href") or "")
    form.locator('input[name="right"]').fill(str(TEST_RESULT_MAX))
    assert "#profile=" in (form.locator("a[href]").get_attribute("href") or "")
