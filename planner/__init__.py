"""Even Back planner: a weak-side-first routine for an uneven lower back.

The public API is re-exported here; the modules behind it are private.
"""

__version__ = "0.1.0"

from ._assess import TESTS, SelfTest
from ._catalogue import CatalogueError, Exercise, load_catalogue
from ._engine import plan
from ._profile import (
    FIELDS,
    Field,
    Problem,
    Profile,
    ProfileError,
    parse_profile,
    parse_profile_json,
)
from ._render import FORMATS, render
from ._screen import RED_FLAGS, RedFlag
from ._sources import Source, load_sources

__all__ = [
    "FIELDS",
    "FORMATS",
    "RED_FLAGS",
    "TESTS",
    "CatalogueError",
    "Exercise",
    "Field",
    "Problem",
    "Profile",
    "ProfileError",
    "RedFlag",
    "SelfTest",
    "Source",
    "__version__",
    "load_catalogue",
    "load_sources",
    "parse_profile",
    "parse_profile_json",
    "plan",
    "render",
]
