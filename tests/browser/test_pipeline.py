"""The pipeline end to end: Python answers in the browser, from this site's own files only."""

from __future__ import annotations

import json
import re

import pytest
from _contexts import new_context
from _recording import Recorder, watch

from evenback_build.module_graph import imports_of, static_imports
from evenback_build.paths import ROOT

READY = "#planner[data-state=ready]"
JS = ROOT / "docs" / "js"


def planner_workers(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.url for w in page.workers if w.url.endswith("planner-worker.js")]


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_planner_page_reaches_ready_with_python_answering(sites, page, name) -> None:
    site = sites[name]
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=60_000)
    # The runtime answered with the planner's version and its Python's (the status line only
    # says "Planner ready."; the versions are on the About page).
    assert page.locator("#planner [data-role=status]").inner_text() == "Planner ready."
    python = page.get_attribute("#planner", "data-python") or ""
    assert re.match(r"3\.14", python), python
    assert (page.get_attribute("#planner", "data-planner-version") or "").startswith("0.")


def test_instant_navigation_away_and_back_three_times_reuses_the_runtime(site, page) -> None:
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=60_000)
    page.evaluate("window.__sameDocument = true")
    for _ in range(3):
        page.locator(".md-nav a[href$='understand/']").first.click()
        page.wait_for_url(re.compile(r"/understand/$"))
        page.locator(".md-nav a[href$='planner/']").first.click()
        page.wait_for_url(re.compile(r"/planner/$"))
        page.wait_for_selector(READY, timeout=10_000)
    # Instant navigation swapped the pages inside one document: no full reload happened.
    assert page.evaluate("window.__sameDocument") is True
    workers = planner_workers(page)
    assert len(workers) == 1, workers


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_planner_page_starts_its_worker_before_any_stylesheet(sites, page, name) -> None:
    html = page.request.get(sites[name].url + "planner/").text()
    boot = html.find("window.evenBackBoot = { worker")
    assert 0 < boot < html.find('rel="stylesheet"')
    page.goto(sites[name].url + "planner/")
    page.wait_for_selector(READY, timeout=60_000)
    # The page's runtime adopted the worker started in <head>: one worker, no second start.
    assert page.evaluate("window.evenBackBoot.adopted") is True
    assert planner_workers(page) == [sites[name].url + "js/planner-worker.js"]


@pytest.mark.parametrize("name", ["root", "subpath"])
def test_planner_page_asks_for_every_module_it_loads_at_once(sites, page, name) -> None:
    # Every module the page loads is linked as <link rel="modulepreload">, and each was asked
    # for before the module importing it had arrived: without the links, an import is found
    # only once its importer is in, one level after another (a round trip each through the
    # service worker). The Pyodide worker's own modules (it starts in <head>) are its own.
    site = sites[name]
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=60_000)
    timing = page.evaluate(
        """() => Object.fromEntries(performance.getEntriesByType("resource")
            .filter((e) => /\\/js\\/[\\w-]+\\.js$/.test(new URL(e.name).pathname))
            .map((e) => [
              new URL(e.name).pathname.split("/").pop(), [e.startTime, e.responseEnd],
            ]))"""
    )
    preloaded = page.evaluate(
        """() => [...document.querySelectorAll("link[rel=modulepreload]")]
            .map((link) => new URL(link.href).pathname)"""
    )
    prefix = "/" if name == "root" else "/even-back/"
    assert all(path.startswith(prefix + "js/") for path in preloaded), preloaded
    names = [path.split("/").pop() for path in preloaded]
    worker = static_imports(JS, ["planner-worker.js"])
    assert sorted(set(timing) - set(worker)) == sorted(names)
    assert "planner-session.js" in names  # four imports below site.js
    for importer in names:
        for specifier in imports_of((JS / importer).read_text(encoding="utf-8")):
            module = specifier.removeprefix("./")
            asked, _ = timing[module]
            _, arrived = timing[importer]
            assert asked < arrived, f"{module} was asked for once {importer} had arrived"


def test_planner_reached_by_instant_navigation_starts_its_own_worker(site, page) -> None:
    page.goto(site.url + "understand/")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav a[href$='planner/']").first.click()
    page.wait_for_url(re.compile(r"/planner/$"))
    page.wait_for_selector(READY, timeout=60_000)
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate("window.evenBackBoot === undefined") is True
    workers = planner_workers(page)
    assert len(workers) == 1, workers


def test_page_without_its_form_description_asks_the_runtime_for_it(site, page) -> None:
    """The build puts describe()'s answer on #planner; without it the form still comes, once
    the runtime is ready, from the runtime's own describe()."""

    def without_description(route) -> None:  # type: ignore[no-untyped-def]
        body, found = re.subn(r' data-description="[^"]*"', "", route.fetch().text())
        assert found == 1
        route.fulfill(body=body, content_type="text/html")

    page.route("**/planner/", without_description)
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=60_000)
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_selector("#planner[data-state=plan]", timeout=30_000)


def test_missing_runtime_file_ends_in_a_visible_error(site, page) -> None:
    page.route("**/pyodide/pyodide.asm.wasm", lambda route: route.fulfill(status=404))
    page.goto(site.url + "planner/")
    page.wait_for_selector("#planner[data-state=error]", timeout=30_000)
    status = page.locator("#planner [data-role=status]").inner_text()
    assert "could not start" in status
    assert "python -m planner" in status


def test_missing_manifest_ends_in_a_visible_error(site, page) -> None:
    page.route("**/pyodide/runtime.json", lambda route: route.fulfill(status=404))
    page.goto(site.url + "planner/")
    page.wait_for_selector("#planner[data-state=error]", timeout=30_000)
    assert "HTTP 404" in page.locator("#planner [data-role=status]").inner_text()


def test_stalled_runtime_times_out_with_a_message(site, page) -> None:
    def shorten_timeout(route) -> None:  # type: ignore[no-untyped-def]
        body = (
            route.fetch().text().replace('id="planner"', 'id="planner" data-start-timeout="3000"')
        )
        route.fulfill(body=body, content_type="text/html")

    page.route("**/planner/", shorten_timeout)
    page.route("**/pyodide/pyodide.asm.wasm", lambda route: None)  # never answered
    page.goto(site.url + "planner/")
    page.wait_for_selector("#planner[data-state=error]", timeout=30_000)
    assert "did not start within" in page.locator("#planner [data-role=status]").inner_text()


def test_request_recorder_catches_a_request_to_another_origin(browser, site) -> None:
    """The privacy check itself can fail: a planted foreign request is recorded."""
    recorder = Recorder()
    ctx = new_context(browser, bypass_csp=True)  # the recorder is under test here, not the CSP
    watch(ctx, recorder)
    page = ctx.new_page()
    page.goto(site.url)
    # Awaited until the request has failed, so it was made (and recorded) before this returns.
    ended = page.evaluate(
        "() => fetch('http://example.invalid/x').then(() => 'ok', () => 'failed')"
    )
    ctx.close()
    assert ended == "failed"
    assert recorder.foreign() == ["http://example.invalid/x"]


def test_every_page_carries_a_policy_that_blocks_other_origins(browser, site) -> None:
    """The CSP meta tag is there, and it really blocks: a planted foreign script is refused."""
    recorder = Recorder()
    ctx = new_context(browser)
    watch(ctx, recorder)
    page = ctx.new_page()
    page.goto(site.url)
    policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "default-src 'none'" in policy
    url = "http://127.0.0.2:9/x.js"
    with (
        page.expect_console_message(lambda m: "Content Security Policy" in m.text, timeout=10_000),
        page.expect_event("requestfailed", lambda r: r.url == url, timeout=10_000) as failed,
    ):
        # Resolves when the planted script has failed or loaded, which it always does.
        outcome = page.evaluate(
            """u => new Promise((resolve) => {
                 const s = document.createElement("script");
                 s.onload = () => resolve("loaded");
                 s.onerror = () => resolve("refused");
                 s.src = u;
                 document.head.append(s);
               })""",
            url,
        )
    assert outcome == "refused"
    assert failed.value.failure == "csp"  # Chromium: blocked by the policy, not unreachable
    ctx.close()
    assert recorder.csp, "the planted script was reported as a CSP violation"


def test_page_still_works_from_the_stock_files_when_the_optimised_ones_are_missing(
    site, page, recorder
) -> None:
    manifest = json.loads((site.directory / "pyodide" / "runtime.json").read_text("utf-8"))
    assert manifest["fallback"]["stdlib"] == "python_stdlib.zip"
    page.route(f"**/pyodide/{manifest['stdlib']}", lambda route: route.fulfill(status=404))
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=60_000)
    assert any(u.endswith("/pyodide/python_stdlib.zip") for u in recorder.requests)
    plain = manifest["fallback"]["lock"]["packages"]["even-back-planner"]["file_name"]
    assert any(u.endswith(plain) for u in recorder.requests)


@pytest.mark.parametrize("path", ["", "planner/"])
def test_site_search_finds_an_exercise_page(site, page, path) -> None:
    """Search works everywhere, including the planner page, whose index is built late."""
    page.goto(site.url + path)
    box = page.locator("input.md-search__input")
    box.click()
    # Typed key by key, as a person does: Material reads the query on keyup (or when its index
    # becomes ready), so a value set without key events is never searched once the index is ready.
    box.press_sequentially("piriformis", delay=20)
    result = page.locator(".md-search-result__item a[href*='piriformis']").first
    result.wait_for(timeout=20_000)
    assert "piriformis" in (result.get_attribute("href") or "")
