"""Offline and install: the service worker, the manifest, a slow or failing runtime download."""

from __future__ import annotations

import json
import re
import struct
from typing import Any

import pytest
from _contexts import NO_SNAPSHOTS
from _recording import assert_clean, watch
from test_planner_downloads import PLAN_SHOWN

from evenback_build.chromium import ARGS as CHROMIUM_ARGS
from evenback_build.chromium import CHROMIUM

# Here the site's service worker is what is under test: it installs, as for a reader.
pytestmark = pytest.mark.service_worker

READY = "#planner[data-state=ready]"
PLAN = "#planner[data-state=plan]"
KEPT = "html[data-runtime-kept=true]"


def poll(page, expression: str, arg: object = None, tries: int = 600) -> None:  # type: ignore[no-untyped-def]
    """Until `expression` (a function) is truthy; polled from outside, because the site's CSP
    rightly forbids the eval that wait_for_function needs."""
    for _ in range(tries):
        if page.evaluate(expression, arg):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {expression}")


def wait_for_worker(page) -> None:  # type: ignore[no-untyped-def]
    """Until the service worker controls the page (it claims the first visit's page)."""
    poll(page, "() => navigator.serviceWorker.controller !== null")


def visit_planner_until_kept(page, site) -> None:  # type: ignore[no-untyped-def]
    """Open the planner, wait until it is ready, the service worker controls the page and the
    runtime is kept for offline use: the one visit the offline guarantees start from."""
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=90_000)
    wait_for_worker(page)
    page.wait_for_selector(KEPT, state="attached", timeout=90_000)


def plan_weeks_from_form(page, weeks: int) -> None:  # type: ignore[no-untyped-def]
    """Make a plan of `weeks` weeks from the form, and wait until every week is on screen."""
    page.locator("#pl-weeks").fill(str(weeks))
    page.get_by_role("button", name="Make my plan").click()
    poll(page, f"() => document.querySelectorAll('#planner .planner-week').length === {weeks}")
    page.wait_for_selector(PLAN_SHOWN)


def sitemap_urls(page, site) -> list[str]:  # type: ignore[no-untyped-def]
    text = page.evaluate("(u) => fetch(u).then((r) => r.text())", site.url + "sitemap.xml")
    return re.findall(r"<loc>([^<]+)</loc>", text)


def test_guide_page_first_visit_requests_no_runtime_file(site, context, recorder) -> None:
    page = context.new_page()
    page.goto(site.url + "understand/")
    wait_for_worker(page)
    page.evaluate("() => navigator.serviceWorker.ready")
    runtime = [u for u in recorder.requests if "/pyodide/" in u]
    assert runtime == []
    # Nor the planner's modules: what the page itself loaded (the worker's precache aside).
    loaded = page.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")
    assert any(u.endswith("/js/offline.js") for u in loaded)
    assert [u for u in loaded if re.search(r"/js/(runtime|planner-[a-z]+)\.js$", u)] == []
    # ...while what reading needs offline was kept, the search index included.
    kept = page.evaluate(
        "async () => { const out = []; for (const n of await caches.keys()) "
        "for (const r of await (await caches.open(n)).keys()) out.push(r.url); return out; }"
    )
    assert any("search/search_index.json" in u for u in kept)
    assert not any("/pyodide/" in u for u in kept)


@pytest.mark.parametrize("which", ["root", "subpath"])
def test_the_workers_own_lookup_knows_every_precached_file_by_workboxs_cache_key(
    sites, context, which
) -> None:
    """The service worker answers precached files itself, from a map of Workbox's cache keys
    made at build time: every key Workbox stored must be in it, and nothing more, or offline
    reading would break on a Workbox upgrade that changed its keys."""
    site = sites[which]
    page = context.new_page()
    page.goto(site.url + "understand/")
    wait_for_worker(page)
    stored = page.evaluate(
        "async () => { const names = await caches.keys();"
        " const n = names.find((k) => k.startsWith('workbox-precache-v2-'));"
        " return (await (await caches.open(n)).keys()).map((r) => r.url); }"
    )
    worker = context.service_workers[0]
    known = worker.evaluate("[...PRECACHE_KEYS.values()]")
    assert len(stored) > 200
    assert sorted(known) == sorted(stored)


@pytest.mark.parametrize("which", ["root", "subpath"])
def test_after_one_planner_visit_every_page_and_the_planner_work_offline(
    sites, context, which
) -> None:
    site = sites[which]
    page = context.new_page()
    visit_planner_until_kept(page, site)
    page.locator("#pl-weeks").fill("3")
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_selector(PLAN, timeout=60_000)
    urls = sitemap_urls(page, site)
    assert len(urls) > 50

    context.set_offline(True)
    # Every page's HTML, fetched through the page (so through the worker).
    answers = page.evaluate(
        "(urls) => Promise.all(urls.map((u) => fetch(u).then((r) => [u, r.status, "
        "r.headers.get('content-type') || '']).catch((e) => [u, String(e), ''])))",
        urls,
    )
    assert [a for a in answers if a[1] != 200] == []
    # A few by real navigation, then by instant navigation (a link click).
    for path in ("", "understand/", "exercises/", "reference/offline/"):
        page.goto(site.url + path)
        assert page.locator("h1").count() == 1
    page.goto(site.url + "understand/")
    page.locator("a.md-nav__link[href$='planner/']").first.click()
    page.wait_for_selector("#planner", timeout=30_000)
    # Search works from the kept index.
    page.goto(site.url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("side plank")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    # A fresh load of the planner offline: ready, a plan, the last plan's answers remembered.
    page.goto(site.url + "planner/")
    page.wait_for_selector(PLAN, timeout=90_000)
    assert page.locator("#pl-weeks").input_value() == "3"
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("calendar", re.I)).first.click()
    assert download.value.suggested_filename.endswith(".ics")
    context.set_offline(False)


def test_without_the_runtime_offline_the_form_shows_and_the_message_says_what_will_work(
    site, context
) -> None:
    page = context.new_page()
    page.goto(site.url + "understand/")
    wait_for_worker(page)
    context.set_offline(True)
    page.goto(site.url + "planner/")
    page.wait_for_selector("#planner[data-state=error]", timeout=90_000)
    assert page.locator("#pl-weeks").is_visible()
    status = page.locator("#planner [data-role=status]").inner_text()
    assert "offline" in status and "Try again" in status
    assert page.get_by_role("button", name="Try again").is_visible()
    context.set_offline(False)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


@pytest.fixture
def profile_context(browser, recorder, tmp_path):  # type: ignore[no-untyped-def]
    """A browser with a profile on disk: Chromium installs nothing from an incognito context."""
    ctx = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS
    )
    ctx.add_init_script(NO_SNAPSHOTS)
    watch(ctx, recorder)
    yield ctx
    ctx.close()
    assert_clean(recorder)


def test_manifest_has_its_fields_and_icons_and_chromium_reports_no_installability_error(
    site, profile_context
) -> None:
    context = profile_context
    page = context.new_page()
    page.goto(site.url + "planner/")
    wait_for_worker(page)
    href = page.locator("link[rel=manifest]").get_attribute("href")
    manifest_url = page.evaluate("(h) => new URL(h, location.href).href", href)
    manifest: dict[str, Any] = json.loads(
        page.evaluate("(u) => fetch(u).then((r) => r.text())", manifest_url)
    )
    assert manifest["name"] == "Even Back"
    assert manifest["short_name"] and manifest["description"]
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "planner/" and manifest["scope"] == "./"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    sizes = {}
    for icon in manifest["icons"]:
        url = page.evaluate("([s, m]) => new URL(s, m).href", [icon["src"], manifest_url])
        body = page.request.get(url).body()
        if icon["type"] == "image/png":
            sizes[(icon["sizes"], icon["purpose"])] = png_size(body)
        else:
            assert body.startswith(b"<svg")
    assert sizes == {
        ("192x192", "any"): (192, 192),
        ("512x512", "any"): (512, 512),
        ("512x512", "maskable"): (512, 512),
    }
    cdp = context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []


def progress_log(page) -> None:  # type: ignore[no-untyped-def]
    """Record every progress report's bytes on window.progressLog, before the page mounts."""
    page.add_init_script(
        "window.progressLog = []; window.addEventListener('load', () => "
        "import(new URL('js/runtime.js', document.baseURI.replace(/planner\\/.*$/, '')).href)"
        ".then((m) => m.getRuntime().addEventListener('progress', (e) => "
        "window.progressLog.push([e.detail.loaded, e.detail.total]))));"
    )


# Every message the planner's worker posts, on window.workerMessages (the page's first script
# starts that worker, so Worker is wrapped before any page script runs).
RECORD_WORKER_MESSAGES = """
window.workerMessages = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => window.workerMessages.push(event.data));
  }
};
"""


def test_a_kept_runtime_starts_without_counting_its_bytes_and_says_it_is_kept(
    site, context
) -> None:
    page = context.new_page()
    visit_planner_until_kept(page, site)
    page.close()
    page = context.new_page()
    page.add_init_script(RECORD_WORKER_MESSAGES)
    page.goto(site.url + "planner/")
    page.wait_for_selector(READY, timeout=90_000)
    progress = [m for m in page.evaluate("window.workerMessages") if m.get("type") == "progress"]
    assert any("kept on this device" in m["label"] for m in progress), progress
    # Reading a copy of each response only to count it costs the start time for nothing here.
    assert [m for m in progress if m.get("loaded")] == []


def test_a_kept_runtime_is_used_when_the_network_stalls_on_it(site, context) -> None:
    page = context.new_page()
    visit_planner_until_kept(page, site)
    page.close()
    # A gym's poor signal: the runtime's files (the wasm, the standard library and the two
    # JavaScript modules the Pyodide worker imports) are asked for and never answered.
    stalled: list[str] = []
    runtime = re.compile(r"/pyodide/.*\.(wasm|zip|mjs)$")
    context.route(runtime, lambda route: stalled.append(route.request.url))
    page = context.new_page()
    page.goto(site.url + "planner/")
    # The kept copy is taken after 4 s without an answer, long before the 45 s stall time-out
    # (the modules as "<file>?kept", which the service worker answers from it).
    page.wait_for_selector(READY, timeout=30_000)
    names = {u.rsplit("/", 1)[1] for u in stalled}
    assert {"pyodide.asm.wasm", "pyodide.mjs", "pyodide.asm.mjs"} <= names, stalled
    context.unroute_all(behavior="ignoreErrors")


def test_runtime_progress_counts_bytes_and_try_again_recovers_keeping_the_answers(
    site, browser
) -> None:
    ctx = browser.new_context(service_workers="block")
    page = ctx.new_page()
    failures = {"left": 1}

    def wasm(route) -> None:  # type: ignore[no-untyped-def]
        if failures["left"]:
            failures["left"] -= 1
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/pyodide/pyodide.asm.wasm", wasm)
    progress_log(page)
    page.goto(site.url + "planner/")
    page.wait_for_selector("#planner[data-state=error]", timeout=60_000)
    page.locator("#pl-weeks").fill("5")
    retry = page.get_by_role("button", name="Try again")
    retry.click()
    page.wait_for_selector(READY, timeout=90_000)
    assert page.locator("#pl-weeks").input_value() == "5"
    assert retry.is_hidden()
    log = page.evaluate("window.progressLog")
    total = max(entry[1] for entry in log)
    loaded = [entry[0] for entry in log if entry[1] == total]
    assert total > 10_000_000
    assert len(set(loaded)) >= 3, "the bar moved in steps as bytes arrived"
    assert loaded[-1] >= total
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_selector(PLAN, timeout=60_000)
    ctx.close()
