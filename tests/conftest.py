"""Session-wide clean-up: the test sites built under .cache/ are removed at the end."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _site import stop_all


@pytest.fixture(scope="session", autouse=True)
def _stop_test_sites() -> Iterator[None]:
    yield
    stop_all()
