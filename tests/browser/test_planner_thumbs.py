"""The plan items' thumbnails load, at "/" and under a sub-path, and offline after one visit;
each is its item's own exercise's thumbnail, decorative and hidden in print."""

from __future__ import annotations

import pytest
from test_offline import visit_planner_until_kept
from test_planner_links import built_file, share_link

from evenback_build.figures.thumbs import THUMB_NAME

PLAN_DONE = "#planner[data-state=plan][aria-busy=false]"
# Every thumbnail of the plan, as the page placed it: [exercise, src, alt, width, height, lazy].
THUMBS = """() => [...document.querySelectorAll('#planner .planner-item')].map((li) => {
  const img = li.querySelector('img.planner-thumb');
  return [li.dataset.exercise, img?.src, img?.getAttribute('alt'), img?.getAttribute('width'),
          img?.getAttribute('height'), img?.getAttribute('loading')];
})"""
# Loads each URL as an image (as the <img> does, under the page's CSP): [url, width, error].
LOAD = """(urls) => Promise.all(urls.map((u) => new Promise((done) => {
  const img = new Image();
  img.onload = () => done([u, img.naturalWidth, null]);
  img.onerror = () => done([u, 0, 'error']);
  img.src = u;
})))"""


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_every_plan_item_shows_its_own_exercises_thumbnail_and_each_loads(
    sites, page, recorder, name
) -> None:
    site = sites[name]
    page.goto(share_link(site))
    page.wait_for_selector(PLAN_DONE, timeout=60_000)
    thumbs = page.evaluate(THUMBS)
    assert thumbs
    for exercise, src, alt, width, height, loading in thumbs:
        assert src == f"{site.url}exercises/{exercise}/{THUMB_NAME}", (exercise, src)
        # Decorative: the item's name says what it is; sized, so nothing moves when it loads.
        assert (alt, width, height, loading) == ("", "56", "56", "lazy"), exercise
        assert built_file(site, src).is_file(), src
    urls = sorted({src for _, src, *_ in thumbs})
    loaded = page.evaluate(LOAD, urls)
    assert [u for u, width, error in loaded if error or width != 56] == []
    assert all(u.startswith("http://127.0.0.1:") for u in recorder.requests)
    # The open week's thumbnails, once scrolled into view, are drawn.
    first = page.locator("details.planner-week[open] img.planner-thumb").first
    first.scroll_into_view_if_needed()
    for _ in range(100):
        if page.evaluate("(i) => i.complete && i.naturalWidth > 0", first.element_handle()):
            break
        page.wait_for_timeout(50)
    else:
        raise AssertionError("the first thumbnail was never drawn")
    # Print keeps the printout as it was: no thumbnail on paper.
    page.emulate_media(media="print")
    assert page.locator("#planner img.planner-thumb:visible").count() == 0


@pytest.mark.service_worker
@pytest.mark.parametrize("name", ["root", "subpath"])
def test_after_one_planner_visit_every_thumbnail_loads_offline(sites, context, name) -> None:
    site = sites[name]
    page = context.new_page()
    visit_planner_until_kept(page, site)
    every = sorted(
        f"{site.url}exercises/{path.parent.name}/{THUMB_NAME}"
        for path in (site.directory / "exercises").glob(f"*/{THUMB_NAME}")
    )
    assert len(every) > 50
    context.set_offline(True)
    page.goto(share_link(site))
    page.wait_for_selector(PLAN_DONE, timeout=90_000)
    assert {src for _, src, *_ in page.evaluate(THUMBS)} <= set(every)
    loaded = page.evaluate(LOAD, every)
    assert [u for u, width, error in loaded if error or width != 56] == []
    context.set_offline(False)
