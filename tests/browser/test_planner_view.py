"""The plan one finds one's way in: weeks that open and close (the current one open), each
exercise explained once and reachable from every item, the tools near the top, doses that
never break in the middle, Back returning to the same place; and words a person understands
(form errors that say what to enter, "Planner ready", sources by name, versions on About)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

import pytest
from _cli import cli_plan

READY = "#planner[data-state=ready]"
PLAN_SHOWN = "#planner[data-state=plan][aria-busy=false]"
ERROR = "#planner[data-state=error]"


def link(site, profile: dict[str, Any]) -> str:  # type: ignore[no-untyped-def]
    payload = base64.urlsafe_b64encode(json.dumps(profile).encode()).decode().rstrip("=")
    return f"{site.url}planner/#profile={payload}"


def open_plan(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector(PLAN_SHOWN, timeout=60_000)


def open_weeks(page) -> list[int]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        "#planner details.planner-week", "ds => ds.filter(d => d.open).map(d => +d.dataset.week)"
    )


def test_a_new_plan_opens_week_one_and_every_other_week_opens_on_demand(site, page) -> None:
    profile = {"version": 1, "weeks": 4, "days_per_week": 2}
    open_plan(page, link(site, profile))
    plan = json.loads(cli_plan(profile))
    assert open_weeks(page) == [1]
    week3 = page.locator("#pl-week-3")
    assert week3.locator(".planner-session").first.is_hidden()
    # The closed week's summary names its sessions, so the week reads at a glance.
    glance = week3.locator("summary").inner_text()
    for session in plan["weeks"][2]["sessions"]:
        assert session["title"] in glance
    week3.locator("summary").click()
    assert week3.locator(".planner-session").count() == 2
    assert week3.locator(".planner-session").first.is_visible()


def test_the_week_that_today_falls_in_is_the_one_open(site, page) -> None:
    start = dt.date.today() - dt.timedelta(days=15)
    open_plan(page, link(site, {"version": 1, "weeks": 6, "start_date": start.isoformat()}))
    assert open_weeks(page) == [3]


def test_each_exercise_is_explained_once_and_every_item_links_to_it(site, page) -> None:
    profile = {"version": 1, "weak_side": "left", "weeks": 3}
    open_plan(page, link(site, profile))
    plan = json.loads(cli_plan(profile))
    exercises = list(
        dict.fromkeys(
            i["exercise"] for w in plan["weeks"] for s in w["sessions"] for i in s["items"]
        )
    )
    ids = page.eval_on_selector_all("#planner .planner-explanation", "es => es.map(e => e.id)")
    assert ids == [f"pl-ex-{e}" for e in exercises]
    hows = page.eval_on_selector_all(
        "#planner .planner-item",
        "is => is.map(i => [i.dataset.exercise, i.querySelector('a.planner-how-link')?.hash])",
    )
    assert hows and all(hash == f"#pl-ex-{exercise}" for exercise, hash in hows)
    # No item repeats its exercise's explanation: that is said once, below the weeks.
    explained = dict(
        page.eval_on_selector_all(
            "#planner .planner-explanation",
            "es => es.map(e => [e.id.slice(6), e.querySelector('h4 + p').textContent])",
        )
    )
    notes = page.eval_on_selector_all(
        "#planner .planner-item .planner-notes",
        "ns => ns.map(n => [n.closest('li').dataset.exercise, n.textContent])",
    )
    assert all(text != explained[exercise] for exercise, text in notes)
    assert len(notes) < len(hows)
    address = page.evaluate("location.href")
    page.locator("#pl-w1-s1-i1 a.planner-how-link").click()
    explanation = page.locator(f"#pl-ex-{exercises[0]}")
    assert page.evaluate("document.activeElement.id") == f"pl-ex-{exercises[0]}"
    assert explanation.is_visible()
    assert page.evaluate("location.href") == address  # the share link stays in the address
    # And back to the item it was reached from.
    explanation.get_by_role("link", name="Back to the session").click()
    assert page.evaluate("document.activeElement.id") == "pl-w1-s1-i1"


def test_downloads_share_link_and_forget_come_before_the_weeks(site, page) -> None:
    open_plan(page, link(site, {"version": 1, "weeks": 2}))
    first_week = page.locator("#pl-week-1").bounding_box()
    for control in (
        page.get_by_role("button", name="Download JSON"),
        page.get_by_label("Share link"),
        page.get_by_role("button", name="Forget my details"),
    ):
        box = control.bounding_box()
        assert box is not None and box["y"] < first_week["y"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_at_360_px_no_dose_breaks_in_the_middle_and_nothing_overflows(
    browser, site, scheme
) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 780}, color_scheme=scheme)
    try:
        page = context.new_page()
        profile = {"version": 1, "weak_side": "right", "weeks": 2, "equipment": ["dumbbell"]}
        open_plan(page, link(site, profile))
        # A closed week reads at a glance on the phone too: its summary names every session,
        # each inside the screen.
        glance = page.locator("#pl-week-2 summary .planner-glance-session")
        titles = [s["title"] for s in json.loads(cli_plan(profile))["weeks"][1]["sessions"]]
        assert len(titles) == glance.count()
        for i, title in enumerate(titles):
            assert title in glance.nth(i).inner_text()
            box = glance.nth(i).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
        page.locator("#pl-week-2 summary").click()
        lines = page.eval_on_selector_all(
            "#planner .planner-amount",
            """as => as.map(a => [
                 a.textContent, new Set([...a.getClientRects()].map(r => r.y)).size,
               ])""",
        )
        assert lines
        broken = [text for text, count in lines if count != 1]
        assert broken == []
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    finally:
        context.close()


# Each dose paragraph is made just too narrow for its first amount ("3 x 10"), so that the line
# must end inside it: the amount goes to the next line whole (one row of boxes), never split
# as "3 x" / "10". Returns the amounts that were split.
SPLIT_WHEN_SQUEEZED = """ps => ps.flatMap(p => {
  const amount = p.querySelector(".planner-amount");
  if (!amount) return [];
  const right = Math.max(...[...amount.getClientRects()].map(r => r.right));
  p.style.width = `${right - p.getBoundingClientRect().left - 2}px`;
  const rows = new Set([...amount.getClientRects()].map(r => Math.round(r.y))).size;
  p.style.width = "";
  return rows === 1 ? [] : [amount.textContent];
})"""


def test_at_360_px_a_dose_never_wraps_inside_its_amount(browser, site) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 780})
    try:
        page = context.new_page()
        open_plan(page, link(site, {"version": 1, "weak_side": "left", "weeks": 1}))
        doses = page.locator("#planner .planner-week[open] .planner-dose").count()
        assert doses > 3
        assert page.eval_on_selector_all("#planner .planner-dose", SPLIT_WHEN_SQUEEZED) == []
    finally:
        context.close()


def test_back_from_an_exercise_page_returns_to_the_same_item(site, page) -> None:
    open_plan(page, link(site, {"version": 1, "weeks": 3}))
    page.locator("#pl-week-2 summary").click()
    item = page.locator("#pl-w2-s2-i2")
    item.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -150)")
    before = item.bounding_box()["y"]
    item.locator(".planner-item-name a").click()
    page.wait_for_url("**/exercises/**")
    page.locator("h1").wait_for()
    page.go_back()
    page.wait_for_selector(PLAN_SHOWN, timeout=60_000)
    page.locator("#pl-w2-s2-i2").wait_for()
    assert sorted(open_weeks(page)) == [1, 2]
    after = page.locator("#pl-w2-s2-i2").bounding_box()["y"]
    assert abs(after - before) <= 2, (before, after)
    assert page.evaluate("document.activeElement.closest('li')?.id") == "pl-w2-s2-i2"


def test_an_empty_number_box_says_what_to_enter(site, page) -> None:
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=60_000)
    page.locator("#pl-minutes_per_session").fill("")
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_selector(ERROR, timeout=30_000)
    summary = page.locator("#planner [role=alert]").inner_text()
    assert "Minutes per session: enter a number from 10 to 180" in summary
    assert "null" not in page.locator("#planner form").inner_text()
    assert (
        page.locator("#pl-minutes_per_session-error").inner_text()
        == "enter a number from 10 to 180"
    )


def test_the_status_line_says_planner_ready_and_about_gives_the_versions(site, page) -> None:
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=60_000)
    assert page.locator("#planner [data-role=status]").inner_text() == "Planner ready."
    from planner import __version__

    page.goto(site.url + "about/")
    versions = page.locator("#versions + p").inner_text()
    assert f"planner {__version__}" in versions
    assert "Python 3." in versions and "Pyodide " in versions


def test_sources_appear_by_name_linked_to_the_references_page(site, page) -> None:
    open_plan(page, link(site, {"version": 1, "weeks": 2}))
    names = page.eval_on_selector_all(
        "#planner .planner-sources a", "as => as.map(a => [a.textContent, a.hash])"
    )
    assert names
    for name, hash in names:
        assert hash.startswith("#")
        assert name != hash[1:], "a source is named as a reader knows it, not by its key"
