"""Links the planner page makes resolve inside the site, at "/" and under a sub-path."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

PROFILE = {
    "version": 1,
    "weak_side": "right",
    "focus": ["lower_back", "side_trunk", "upper_back", "hips"],
    "equipment": ["dumbbell", "band", "bench"],
    "weeks": 2,
    "days_per_week": 3,
    "tests": {"side_bridge_s": {"left": 50, "right": 41}},
}


def share_link(site) -> str:  # type: ignore[no-untyped-def]
    payload = base64.urlsafe_b64encode(json.dumps(PROFILE).encode("utf-8")).decode().rstrip("=")
    return f"{site.url}planner/#profile={payload}"


def built_file(site, href: str) -> Path:  # type: ignore[no-untyped-def]
    """The file in the built site that serves `href` (which must be under the site's URL)."""
    assert href.startswith(site.url), href
    path = urlsplit(href).path[len(site.prefix) :]
    target = site.directory / path
    return target / "index.html" if path.endswith("/") or not path else target


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_every_exercise_in_the_plan_links_to_its_page_in_this_site(sites, page, name) -> None:
    site = sites[name]
    page.goto(share_link(site))
    page.wait_for_selector("#planner[data-state=plan][aria-busy=false]", timeout=60_000)
    links = page.eval_on_selector_all(
        "#planner .planner-item-name a", "as => as.map(a => [a.href, a.textContent])"
    )
    items = page.locator("#planner .planner-item").count()
    assert items and len(links) == items
    for href, _text in links:
        assert href.startswith(f"{site.url}exercises/"), href
        assert built_file(site, href).is_file(), href
    # Following one lands on that exercise's page (instant navigation, same site).
    first_href, first_name = links[0]
    page.locator("#planner .planner-item-name a").first.click()
    page.wait_for_url(first_href)
    # Instant navigation may set the URL a moment before it swaps the content: wait for it.
    expect(page.locator("h1")).to_contain_text(first_name.split(" (")[0], ignore_case=True)


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_self_test_links_in_the_form_lead_to_the_self_test_pages(sites, page, name) -> None:
    site = sites[name]
    page.goto(site.url + "planner/")
    page.wait_for_selector("#planner[data-state=ready]", timeout=60_000)
    form_links = page.eval_on_selector_all(
        "#planner form a", "as => as.map(a => [a.href, a.textContent])"
    )
    texts = " | ".join(text for _, text in form_links)
    assert "help me test which side is weaker" in texts
    # One "how to" link per self-test, plus the overview.
    assert len(form_links) == 7, form_links
    for href, _text in form_links:
        assert href.startswith(f"{site.url}self-tests/"), href
        assert built_file(site, href).is_file(), href


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_sources_link_to_the_references_page(sites, page, name) -> None:
    site = sites[name]
    page.goto(share_link(site))
    page.wait_for_selector("#planner[data-state=plan][aria-busy=false]", timeout=60_000)
    hrefs = page.eval_on_selector_all("#planner .planner-sources a", "as => as.map(a => a.href)")
    assert hrefs
    references = (site.directory / "references" / "index.html").read_text(encoding="utf-8")
    for href in hrefs:
        assert href.startswith(f"{site.url}references/#"), href
        assert f'id="{href.split("#", 1)[1]}"' in references, href
