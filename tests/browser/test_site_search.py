"""The search index (about 700 KB) is requested only once search is used: a guide page's load,
and the pages reached from it by instant navigation, request none; search then works."""

from __future__ import annotations

import pytest
from test_site_pages import instant_navigate, title_of

INDEX = "search/search_index.json"
EXERCISE = "exercises/side_plank/"


def index_requests(recorder) -> list[str]:  # type: ignore[no-untyped-def]
    return [u for u in recorder.requests if INDEX in u]


def search_finds(page, query: str, href_part: str) -> None:  # type: ignore[no-untyped-def]
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=20)
    result = page.locator(f".md-search-result__item a[href*='{href_part}']").first
    result.wait_for(timeout=20_000)


def settle(page) -> None:  # type: ignore[no-untyped-def]
    """Until the page's own requests are done (Material's start-up included)."""
    page.wait_for_load_state("networkidle")


def let_the_navigation_close_search(page) -> None:  # type: ignore[no-untyped-def]
    """Material closes the drawer and search 125 ms after each change of location (so a page
    reached from a search result opens with search closed). A shortcut key pressed inside that
    window opens search only for Material to close it again, which no reader's keypress after
    seeing the new page meets; Playwright's network-idle wait returns at once after an instant
    navigation (not a navigation to Playwright), so the test waits out Material's delay here."""
    page.wait_for_timeout(250)


def test_a_guide_page_requests_no_search_index_until_the_search_box_is_used(
    site, page, recorder
) -> None:
    page.goto(site.url + EXERCISE)
    settle(page)
    assert index_requests(recorder) == []
    page.locator("input.md-search__input").click()
    search_finds(page, "piriformis", "piriformis")
    assert len(index_requests(recorder)) == 1


@pytest.mark.parametrize("key", ["/", "s"])
def test_after_instant_navigation_a_shortcut_key_opens_search_with_its_index(
    site, page, recorder, key
) -> None:
    page.goto(site.url)
    settle(page)
    target = site.url + EXERCISE
    instant_navigate(page, target, title_of(site, target))
    settle(page)
    let_the_navigation_close_search(page)
    assert index_requests(recorder) == []
    page.locator("body").press(key)
    search_finds(page, "suitcase", "suitcase")
    assert len(index_requests(recorder)) == 1


def test_a_page_opened_from_a_search_result_highlights_the_searched_words(
    site, page, recorder
) -> None:
    """Material marks the searched words on a page opened with ?h=, from the index's settings."""
    page.goto(site.url + EXERCISE + "?h=plank")
    page.locator("article mark").first.wait_for(timeout=20_000)
    assert len(index_requests(recorder)) == 1
