"""The ES modules a page's scripts import statically, read from their source, so the page
can ask for all of them at once (``<link rel="modulepreload">``).

A module's static imports are only found once it has arrived, so without preloading, the
planner page's modules come in level by level (site.js, then planner-page.js, then what it
imports, then what those import: five levels). From the browser's memory cache each level is
free; through the service worker each is a round trip to it and to Cache Storage (40-50 ms a
level traced on a warm start, on two cores), which pushed the page's own start into the
Pyodide worker's (DEVELOPING.md, the measurements). Dynamic ``import()`` is not followed:
what a page loads only on demand stays on demand.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

# `import … from "./x.js"`, `export … from "./x.js"` (over several lines) and `import "./x.js"`,
# in either quotes, each at the start of a line (so not in a comment or a string further along).
STATIC_IMPORT = re.compile(
    r"""^[ \t]*(?:(?:import|export)\b[^;"'`]*?\bfrom[ \t]*|import[ \t]*)(["'])(\.\.?/[^"']+)\1""",
    re.M,
)


class ModuleGraphError(Exception):
    """A module, or a module one of them imports, is missing."""


def imports_of(source: str) -> list[str]:
    """The relative specifiers a module's source imports statically, in order."""
    return [specifier for _, specifier in STATIC_IMPORT.findall(source)]


def static_imports(folder: Path, roots: Iterable[str]) -> list[str]:
    """Every module under `folder` that `roots` (names relative to it) load before they run:
    the roots, then what each imports, depth first, each once."""
    found: list[str] = []

    def visit(name: str, importer: str | None) -> None:
        if name in found:
            return
        path = folder / name
        if not path.is_file():
            by = f", imported by {importer}" if importer else ""
            raise ModuleGraphError(f"{folder.name}/{name} is missing{by}")
        found.append(name)
        here = posixpath.dirname(name)
        for specifier in imports_of(path.read_text(encoding="utf-8")):
            visit(posixpath.normpath(posixpath.join(here, specifier)), name)

    for root in roots:
        visit(root, None)
    return found
