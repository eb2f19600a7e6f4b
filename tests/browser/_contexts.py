"""Browser contexts for the tests: without the site's service worker unless a test asks for it.

A context in which the service worker installs precaches the whole site (about 150 files,
7 MB) and, once the planner is opened, the runtime (13 MB): work every test would repeat for
nothing but the offline tests' sake, and requests that Playwright's routes never see (a
worker answers them). The offline tests (tests/browser/test_offline*.py) and the site-wide
"no page error" pass run with the worker in place; every other test runs without it.
"""

from __future__ import annotations

from typing import Any


def new_context(browser: Any, **options: Any) -> Any:
    """`browser.new_context(**options)` with the service worker blocked unless options say."""
    options.setdefault("service_workers", "block")
    return browser.new_context(**options)
