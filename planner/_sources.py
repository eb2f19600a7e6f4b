"""The citation list (`data/sources.toml`), shared by the planner and the guide."""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_REQUIRED = ("citation", "short")
_OPTIONAL = ("url", "note")


class CatalogueError(ValueError):
    """The exercise catalogue or the source list breaks its schema.

    The message names the entry and the key at fault.
    """


@dataclass(frozen=True, slots=True)
class Source:
    """One citation: `key` is the anchor on the references page (`#<key>`)."""

    key: str
    citation: str
    short: str
    url: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "key": self.key,
            "citation": self.citation,
            "short": self.short,
            "url": self.url,
            "note": self.note,
        }


def parse_sources(data: Mapping[str, Any]) -> dict[str, Source]:
    """Validate the parsed TOML of a source list; raise CatalogueError on the first problem."""
    table = data.get("sources")
    if not isinstance(table, Mapping) or not table:
        raise CatalogueError("sources.toml: needs a non-empty [sources.<key>] table")
    unknown_top = sorted(set(data) - {"sources"})
    if unknown_top:
        raise CatalogueError(f"sources.toml: unknown top-level key {unknown_top[0]!r}")
    out: dict[str, Source] = {}
    for key, entry in table.items():
        where = f"sources.toml: source {key!r}"
        if not _KEY.match(key):
            raise CatalogueError(f"{where}: key must be lower-case snake_case ASCII")
        if not isinstance(entry, Mapping):
            raise CatalogueError(f"{where}: must be a table")
        unknown = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL))
        if unknown:
            raise CatalogueError(f"{where}: unknown key {unknown[0]!r}")
        values: dict[str, str | None] = {}
        for name in _REQUIRED:
            value = entry.get(name)
            if not isinstance(value, str) or not value.strip():
                raise CatalogueError(f"{where}: key {name!r} must be a non-empty string")
            values[name] = value
        for name in _OPTIONAL:
            value = entry.get(name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise CatalogueError(f"{where}: key {name!r} must be a non-empty string")
            values[name] = value
        url = values["url"]
        if url is not None and not url.startswith("https://"):
            raise CatalogueError(f"{where}: key 'url' must start with https://")
        out[key] = Source(
            key=key,
            citation=str(values["citation"]),
            short=str(values["short"]),
            url=url,
            note=values["note"],
        )
    return out


def read_data_text(name: str) -> str:
    """The text of `planner/data/<name>`, through the loader that imported the planner.

    `get_data` works for a folder, a wheel's site-packages and a zip on `sys.path` alike (the
    browser imports the planner from inside its standard-library zip), and unlike
    `importlib.resources` it imports nothing more.
    """
    loader = __spec__.loader
    if loader is None or not hasattr(loader, "get_data"):
        raise CatalogueError(f"cannot read planner/data/{name}: the planner has no file loader")
    path = os.path.join(os.path.dirname(__file__), "data", name)  # noqa: PTH118, PTH120 - a loader path
    data: bytes = loader.get_data(path)
    return data.decode("utf-8")


def load_toml(name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(read_data_text(name))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{name}: not valid TOML: {exc}") from exc
    except FileNotFoundError as exc:
        raise CatalogueError(f"{name}: missing from planner/data") from exc


@functools.cache
def _load_sources_cached() -> dict[str, Source]:
    return parse_sources(load_toml("sources.toml"))


def load_sources() -> dict[str, Source]:
    """Every source in `data/sources.toml`, by key (a fresh dict; the Sources are shared)."""
    return dict(_load_sources_cached())
