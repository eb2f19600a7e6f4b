"""Markers by folder, and the session-wide clean-up of the test sites built under .cache/.

Every test under tests/browser/ is marked `browser` and every test under tests/pyodide/ is
marked `pyodide` here, by folder: a `pytestmark` in a conftest.py is ignored by pytest, and a
marker each module must remember is one a new module forgets. So
`pytest -m "not browser"` runs the unit and Pyodide tests without building for Chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _site import stop_all

TESTS = Path(__file__).resolve().parent
MARK_BY_FOLDER = {TESTS / "browser": "browser", TESTS / "pyodide": "pyodide"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "service_worker: the browser context lets the site's service worker install, as for a"
        " reader (tests/browser/conftest.py)",
    )
    config.addinivalue_line(
        "markers",
        "snapshot: the planner page keeps its engine's snapshot, as for a reader"
        " (tests/browser/_contexts.py)",
    )


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for folder, mark in MARK_BY_FOLDER.items():
            if item.path.is_relative_to(folder):
                item.add_marker(mark)


@pytest.fixture(scope="session", autouse=True)
def _stop_test_sites() -> Iterator[None]:
    yield
    stop_all()
