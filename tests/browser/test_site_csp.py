"""The Content-Security-Policy allows no inline style ('unsafe-inline' is not in style-src):
the site's pages carry no style attribute and no <style> but the progress chart's, which the
policy names by its hash; the planner breaks no rule while it plans, trains and shows progress.
Every page is checked for violations in test_site_pages.py's site-wide pass."""

from __future__ import annotations

import re

from _contexts import new_context
from _csp import RECORD, take_violations
from _recording import watch
from test_planner_train import EXAMPLE, PROGRESS, TRAIN, C, open_plan


def policy(site, path: str) -> str:  # type: ignore[no-untyped-def]
    html = (site.directory / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found, path
    return found.group(1)


def test_the_policy_allows_no_inline_style_and_names_the_charts_style_by_hash(site) -> None:
    style = [d for d in policy(site, "planner").split("; ") if d.startswith("style-src ")]
    assert len(style) == 1
    sources = style[0].split()[1:]
    assert "'unsafe-inline'" not in sources and "'unsafe-hashes'" not in sources
    assert sources[0] == "'self'" and len(sources) == 2 and sources[1].startswith("'sha256-")


def test_a_planted_style_attribute_and_style_block_are_reported(site, browser) -> None:
    """What the checks rest on: the browser refuses an inline style and says so. (A context
    of its own: the planted faults' console messages would fail the recording fixture.)"""
    context = new_context(browser)
    context.add_init_script(RECORD)
    page = context.new_page()
    page.goto(site.url + "faq/")
    assert take_violations(page) == []
    page.evaluate(
        """() => {
             const p = document.createElement("p");
             p.innerHTML = '<span style="color: red">planted</span>';
             document.querySelector("article").append(p);
             const style = document.createElement("style");
             style.textContent = "article { color: red }";
             document.head.append(style);
           }"""
    )
    page.wait_for_timeout(200)  # the events are queued as tasks
    found = take_violations(page)
    color = page.locator("article span").last.evaluate("(s) => getComputedStyle(s).color")
    context.close()
    assert len(found) == 2 and all(v.startswith("style-src") for v in found), found
    assert color != "rgb(255, 0, 0)"


def test_the_planner_breaks_no_rule_as_it_plans_trains_and_shows_progress(
    site, context, browser, recorder
) -> None:
    context.add_init_script(RECORD)
    page = context.new_page()
    open_plan(page, site)
    assert take_violations(page) == [], "plan"
    page.get_by_role("button", name=C["start"]).click()
    page.wait_for_selector(TRAIN)
    assert take_violations(page) == [], "train"
    # The progress view, from a log loaded into a fresh context.
    other = new_context(browser)
    watch(other, recorder)
    other.add_init_script(RECORD)
    page = other.new_page()
    open_plan(page, site)
    page.locator(".planner-log input[type=file]").set_input_files(str(EXAMPLE))
    progress = page.get_by_role("button", name=C["progress"])
    progress.wait_for(timeout=30_000)
    progress.click()
    chart = page.locator(f"{PROGRESS} [data-role=progress-charts] svg")
    chart.wait_for(timeout=30_000)
    found = take_violations(page)
    # The chart's own style sheet applies (allowed by its hash): the hatched bars are filled
    # by the pattern, and the background by its class.
    hatch = chart.locator("rect.hatch").first.evaluate("(r) => getComputedStyle(r).fill")
    background = chart.locator("rect.bg").evaluate("(r) => getComputedStyle(r).fill")
    other.close()
    assert found == [], "progress"
    assert hatch == 'url("#hatch")'
    assert background in ("rgb(255, 255, 255)", "rgb(28, 28, 28)")
