"""A self-test page's result boxes link to the planner with the results filled in."""

from __future__ import annotations

import base64
import json

import pytest

pytestmark = pytest.mark.browser

FORM = "form.selftest-link[data-test=side_bridge_s]"


def open_test_page(page, url: str):  # type: ignore[no-untyped-def]
    """The self-test page, once its link script has bound the form (it is imported after the
    page's load event, through site.js's document$ subscription, and marks the form bound)."""
    page.goto(url)
    form = page.locator(FORM)
    page.locator(FORM + "[data-bound=true]").wait_for(state="attached")
    return form


def _profile(href: str) -> object:
    payload = href.split("#prefill=", 1)[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_typed_results_open_the_form_filled_in_with_the_safety_questions_in_view(
    sites, page, name
) -> None:
    site = sites[name]
    page.set_viewport_size({"width": 360, "height": 740})
    form = open_test_page(page, site.url + "self-tests/side-bridge/")
    link = form.locator("a[href]")
    assert "#prefill=" not in (link.get_attribute("href") or "")
    form.locator('input[name="left"]').fill("60")
    form.locator('input[name="right"]').fill("45.5")
    href = link.get_attribute("href") or ""
    assert _profile(href) == {"version": 1, "tests": {"side_bridge_s": {"left": 60, "right": 45.5}}}
    link.click()
    page.wait_for_selector("#planner[data-state=ready]", timeout=60_000)
    # The results are in the form, no plan was made, and the safety questions have the focus.
    assert page.locator("#pl-tests-side_bridge_s-left").input_value() == "60"
    assert page.locator("#pl-tests-side_bridge_s-right").input_value() == "45.5"
    assert page.locator("#planner .planner-result").is_hidden()
    safety = page.locator('#planner [data-field="red_flags"]')
    assert page.evaluate("document.activeElement?.dataset?.field") == "red_flags"
    box = safety.bounding_box()
    # In view: its top on screen (scrolled to the top, layout may leave it half a pixel above).
    assert box is not None and -1 < box["y"] < 740
    assert page.locator("[data-role=prefill]").is_visible()
    # Settled: the runtime being ready made no plan of its own accord.
    page.wait_for_timeout(500)
    assert page.get_attribute("#planner", "data-state") == "ready"
    # With the safety questions answered, the person's own request makes the plan.
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_selector("#planner[data-state=plan]", timeout=60_000)
    assert "Right (from your self-tests)" in page.locator(".planner-weakline").inner_text()
    assert "#profile=" in page.url


def test_a_red_flag_ticked_after_a_self_test_link_gives_the_referral(site, page) -> None:
    form = open_test_page(page, site.url + "self-tests/side-bridge/")
    form.locator('input[name="left"]').fill("60")
    form.locator('input[name="right"]').fill("45")
    form.locator("a[href]").click()
    page.wait_for_selector("#planner[data-state=ready]", timeout=60_000)
    page.locator('#planner [data-field="red_flags"] input[value="saddle_numbness"]').check()
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_selector("#planner[data-state=refer]", timeout=60_000)


def test_a_result_above_the_planner_range_gives_the_plain_link(site, page) -> None:
    from planner import TEST_RESULT_MAX

    form = open_test_page(page, site.url + "self-tests/side-bridge/")
    form.locator('input[name="left"]').fill("60")
    form.locator('input[name="right"]').fill(str(TEST_RESULT_MAX + 1))
    assert "#prefill=" not in (form.locator("a[href]").get_attribute("href") or "")
    form.locator('input[name="right"]').fill(str(TEST_RESULT_MAX))
    assert "#prefill=" in (form.locator("a[href]").get_attribute("href") or "")
