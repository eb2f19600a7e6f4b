"""Even Back planner: a weak-side-first routine for an uneven lower back.

The public API is re-exported here; the modules behind it are private. Each name is imported
on first use (PEP 562), so a caller that needs only part of the planner, such as the browser
page building its form before anyone asks for a plan, does not pay for the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    from ._assess import TEST_RESULT_MAX, TEST_RESULT_MIN, TESTS, SelfTest
    from ._catalogue import CatalogueError, Exercise, load_catalogue
    from ._engine import plan
    from ._fields import FIELDS, Field
    from ._log import Log, LogError, parse_log, parse_log_json
    from ._log_commands import render_targets
    from ._log_progress import progress
    from ._log_report import render_progress
    from ._next_block import next_plan
    from ._profile import (
        Problem,
        Profile,
        ProfileError,
        parse_profile,
        parse_profile_json,
    )
    from ._render import render
    from ._screen import RED_FLAGS, RedFlag
    from ._sources import Source, load_sources
    from ._targets import TargetsError, targets
    from ._vocab import FORMATS

# Where each public name lives.
_HOME = {
    "TESTS": "_assess",
    "TEST_RESULT_MIN": "_assess",
    "TEST_RESULT_MAX": "_assess",
    "SelfTest": "_assess",
    "CatalogueError": "_catalogue",
    "Exercise": "_catalogue",
    "load_catalogue": "_catalogue",
    "plan": "_engine",
    "FIELDS": "_fields",
    "Field": "_fields",
    "Log": "_log",
    "LogError": "_log",
    "parse_log": "_log",
    "parse_log_json": "_log",
    "render_targets": "_log_commands",
    "progress": "_log_progress",
    "render_progress": "_log_report",
    "next_plan": "_next_block",
    "TargetsError": "_targets",
    "targets": "_targets",
    "Problem": "_profile",
    "Profile": "_profile",
    "ProfileError": "_profile",
    "parse_profile": "_profile",
    "parse_profile_json": "_profile",
    "render": "_render",
    "RED_FLAGS": "_screen",
    "RedFlag": "_screen",
    "Source": "_sources",
    "load_sources": "_sources",
    "FORMATS": "_vocab",
}

__all__ = [
    "FIELDS",
    "FORMATS",
    "RED_FLAGS",
    "TESTS",
    "TEST_RESULT_MAX",
    "TEST_RESULT_MIN",
    "CatalogueError",
    "Exercise",
    "Field",
    "Log",
    "LogError",
    "Problem",
    "Profile",
    "ProfileError",
    "RedFlag",
    "SelfTest",
    "Source",
    "TargetsError",
    "__version__",
    "load_catalogue",
    "load_sources",
    "next_plan",
    "parse_log",
    "parse_log_json",
    "parse_profile",
    "parse_profile_json",
    "plan",
    "progress",
    "render",
    "render_progress",
    "render_targets",
    "targets",
]


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'planner' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
