"""Browser contexts for the tests: without the site's service worker unless a test asks for it.

A context in which the service worker installs precaches the whole site (about 150 files,
7 MB) and, once the planner is opened, the runtime (13 MB): work every test would repeat for
nothing but the offline tests' sake, and requests that Playwright's routes never see (a
worker answers them). The offline tests (tests/browser/test_offline*.py) and the site-wide
"no page error" pass run with the worker in place; every other test runs without it.

Nor does the planner page make its engine's snapshot (a second start of the runtime, in a worker
of its own, a second after the planner is ready: js/runtime.js) unless a test asks for it (the
`snapshot` marker): every test starts in a fresh context, which would never restore it, and that
second start would compete for the CPU with what the test does next.
"""

from __future__ import annotations

from typing import Any

# Read by js/runtime.js: no snapshot is made in this context.
NO_SNAPSHOTS = "window.evenBackSnapshots = 'off';"


def new_context(browser: Any, snapshots: bool = False, **options: Any) -> Any:
    """`browser.new_context(**options)` with the service worker blocked unless options say, and
    no engine snapshot made unless `snapshots`."""
    options.setdefault("service_workers", "block")
    context = browser.new_context(**options)
    if not snapshots:
        context.add_init_script(NO_SNAPSHOTS)
    return context
