"""Offline: the last plan from storage when the runtime is gone, and the planner's downloads and
share links with the network off, byte for byte what the command line prints."""

from __future__ import annotations

from typing import Any

import pytest
from _cli import cli_plan
from test_offline import KEPT, plan_weeks_from_form, poll, visit_planner_until_kept, wait_for_worker
from test_planner_downloads import FILES, PLAN_SHOWN, PROFILE, download, share_link

# Here the site's service worker is what is under test: it installs, as for a reader.
pytestmark = pytest.mark.service_worker

# A start date, so the calendar does not depend on the day the test runs.
OFFLINE_PROFILE: dict[str, Any] = {**PROFILE, "weeks": 3, "start_date": "2027-01-04"}
KEPT_PLAN = "#planner [data-role=kept-plan]"


STORED = """() => new Promise((resolve) => {
  const open = indexedDB.open("even-back-last-plan");
  open.onupgradeneeded = () => open.result.createObjectStore("plans");
  open.onsuccess = () => {
    const get = open.result.transaction("plans").objectStore("plans").get("last");
    get.onsuccess = () => { open.result.close(); resolve(get.result ?? null); };
  };
})"""


def forget_the_runtime(context, page) -> None:  # type: ignore[no-untyped-def]
    """What clearing the browser's cache does to the runtime: the worker's copy and the HTTP
    cache's are gone (the pages, kept by the worker, and the browser's storage stay)."""
    page.evaluate(
        "async () => { for (const n of await caches.keys()) "
        "if (n.startsWith('even-back-runtime-')) await caches.delete(n); }"
    )
    cdp = context.new_cdp_session(page)
    cdp.send("Network.clearBrowserCache")
    cdp.detach()


@pytest.mark.parametrize("which", ["root", "subpath"])
def test_without_the_runtime_offline_the_last_plan_shows_from_storage_with_its_downloads(
    sites, context, which
) -> None:
    site = sites[which]
    page = context.new_page()
    page.goto(share_link(site, OFFLINE_PROFILE))
    page.wait_for_selector(PLAN_SHOWN, timeout=90_000)
    wait_for_worker(page)
    page.wait_for_selector(KEPT, state="attached", timeout=90_000)
    poll(page, STORED)
    forget_the_runtime(context, page)

    context.set_offline(True)
    page.goto(site.url + "planner/")
    page.wait_for_selector(KEPT_PLAN, timeout=90_000)
    root = page.locator("#planner")
    assert root.get_attribute("data-state") == "plan"
    assert "Your last plan" in page.locator(KEPT_PLAN).inner_text()
    assert page.locator("#planner .planner-week").count() == 3
    # The form is there with the answers, and the message says what will work once online.
    assert page.locator("#pl-weeks").input_value() == "3"
    status = page.locator("#planner [data-role=status]").inner_text()
    assert "offline" in status and "Try again" in status and "downloads" in status
    assert page.get_by_role("button", name="Try again").is_visible()
    # Its downloads are the kept texts: what the command line prints for the profile.
    for fmt in FILES:
        assert download(page, fmt) == cli_plan(OFFLINE_PROFILE, fmt), fmt
    assert page.locator("#pl-share-url").input_value() == share_link(site, OFFLINE_PROFILE)

    # "Forget my details" forgets the kept plan too.
    page.get_by_role("button", name="Forget my details").click()
    poll(page, f"() => ({STORED})().then((r) => r === null)")
    page.goto(site.url + "planner/")
    page.wait_for_selector("#planner[data-state=error]", timeout=90_000)
    assert page.locator(KEPT_PLAN).count() == 0
    assert page.locator("#planner .planner-week").count() == 0
    context.set_offline(False)


def test_offline_every_download_is_the_clis_and_a_share_link_made_offline_opens_the_plan(
    site, context
) -> None:
    page = context.new_page()
    visit_planner_until_kept(page, site)

    context.set_offline(True)
    planned = context.new_page()
    planned.goto(share_link(site, OFFLINE_PROFILE))
    planned.wait_for_selector(PLAN_SHOWN, timeout=90_000)
    for fmt in FILES:
        assert download(planned, fmt) == cli_plan(OFFLINE_PROFILE, fmt), fmt

    # A plan made offline from the form, and its share link opened offline in a new page.
    plan_weeks_from_form(planned, 2)
    made = download(planned, "json")
    link = planned.locator("#pl-share-url").input_value()
    assert "#profile=" in link

    opened = context.new_page()
    opened.goto(link)
    opened.wait_for_selector(PLAN_SHOWN, timeout=90_000)
    assert opened.locator("#planner .planner-week").count() == 2
    assert download(opened, "json") == made
    assert opened.locator("#pl-weeks").input_value() == "2"
    context.set_offline(False)
