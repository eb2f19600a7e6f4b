"""Playwright with Debian's Chromium against the built site on 127.0.0.1.

Every page a test opens records every request it and its workers make; a test fails if any
request goes anywhere but 127.0.0.1, or if the page throws an uncaught error.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _contexts import new_context
from _recording import Recorder, assert_clean, watch
from _site import SITES, Site, start

from evenback_build.chromium import ARGS as CHROMIUM_ARGS
from evenback_build.chromium import CHROMIUM


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules with a test that needs both sites run after those that need only the one at
    "/" (each module's tests keep their order): under ./scripts/test the site at "/" is built
    first, so the browser tests start while the one under a sub-path is built."""
    both = {item.path for item in items if "sites" in getattr(item, "fixturenames", ())}
    items.sort(key=lambda item: item.path in both)


@pytest.fixture(scope="session")
def sites() -> Iterator[dict[str, Site]]:
    for site in SITES.values():
        start(site)
    yield SITES


@pytest.fixture(scope="session")
def site() -> Site:
    """The site at "/" (started alone: a test that needs only it need not wait for the other)."""
    return start(SITES["root"])


# The tests' Chromium compiles WebAssembly with V8's baseline compiler only (Liftoff), never
# re-compiling hot functions with the optimising one (TurboFan) in the background: every test
# starts the runtime in a fresh context and runs it for seconds, so the optimised code never
# pays for its compile. Same results (the wasm's semantics do not depend on the tier), measured
# at 6.0 s instead of 8.2 s of CPU per start of the planner and one plan (median of 4,
# interleaved). The benchmarks (evenback_build/chromium.py's ARGS alone) keep the default.
TEST_ARGS = ["--js-flags=--liftoff-only"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + TEST_ARGS)
        yield b
        b.close()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def context(browser, recorder: Recorder, request: pytest.FixtureRequest) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A fresh browser context, without the site's service worker (see `new_context`); a test
    or module marked `service_worker` gets one in which the worker installs, as for a reader."""
    options: dict[str, object] = {"viewport": {"width": 1280, "height": 900}}
    if request.node.get_closest_marker("service_worker"):
        options["service_workers"] = "allow"
    if request.node.get_closest_marker("snapshot"):
        options["snapshots"] = True
    ctx = new_context(browser, **options)
    watch(ctx, recorder)
    yield ctx
    ctx.close()
    assert_clean(recorder)


@pytest.fixture
def page(context):  # type: ignore[no-untyped-def]
    return context.new_page()
