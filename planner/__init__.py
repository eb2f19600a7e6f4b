"""Even Back planner: a weak-side-first routine for an uneven lower back.

The public API is re-exported here; the modules behind it are private.
"""

from ._catalogue import CatalogueError, Exercise, load_catalogue
from ._sources import Source, load_sources

__version__ = "0.1.0"

__all__ = [
    "CatalogueError",
    "Exercise",
    "Source",
    "__version__",
    "load_catalogue",
    "load_sources",
]
