"""Byte-compile the standard library and the planner for the browser (runs INSIDE Pyodide).

Pyodide's npm package ships its standard library as ``.py`` sources only, so every start
compiles the ~150 modules it imports. This module, run in Pyodide itself by
``precompile_runtime.mjs`` beside it (so the bytecode matches the browser's CPython exactly),

1. exercises every code path of the planner (every example profile, every export format,
   validation errors, a referral) and records which standard-library modules were imported;
2. writes a new ``python_stdlib.zip`` holding only the modules that were imported (plus
   the codecs and config modules Python looks up by name), as unchecked hash-based ``.pyc``
   files (no source: smaller, and nothing to re-check);
3. puts the planner package itself in the same zip (its modules as ``.pyc``, its data files
   as they are), so the browser imports it straight from the standard library: no wheel to
   fetch, check and unpack, and none of Pyodide's package-loading code to run at start-up.
   The tests then run every code path of the planner from this zip, in Node and in the
   browser.

The output is deterministic: sorted entries, fixed timestamps, fixed compression.
"""

from __future__ import annotations

# Only modules the browser loads anyway are imported at the top: the trace below must see
# what the planner imports, not what this script needs (those are imported after it).
import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import zipfile

STDLIB = "/lib/python314.zip"
EPOCH = (1980, 1, 1, 0, 0, 0)
PACKAGE = "planner"
# Looked up by name at run time (codecs, sysconfig), so a trace may not see them: kept always.
ALWAYS = frozenset(
    {
        "encodings/__init__.py",
        "encodings/aliases.py",
        "encodings/ascii.py",
        "encodings/latin_1.py",
        "encodings/utf_8.py",
        "encodings/utf_8_sig.py",
        "encodings/utf_16.py",
        "encodings/utf_32.py",
        "encodings/cp437.py",
        "encodings/idna.py",
        "_sysconfigdata__emscripten_wasm32-emscripten.py",
        "site.py",
    }
)


def exercise_planner(profiles: dict[str, object]) -> None:
    """Run every path the browser can take: describe, plans, referrals, errors, exports."""
    from planner import _bridge

    json.loads(_bridge.describe())
    for profile in profiles.values():
        json.loads(_bridge.make_plan(json.dumps(profile), "2026-11-23"))
    for bad in ("", "[]", "{", '{"days_per_week": 9, "weak_side": "up"}', '{"a": 1, "a": 2}'):
        json.loads(_bridge.make_plan(bad, "2026-11-23"))


def imported_files() -> set[str]:
    """The standard-library files (paths inside the zip) of every module imported so far."""
    prefix = STDLIB + "/"
    files = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None) or ""
        if file.startswith(prefix):
            files.add(file[len(prefix) :])
    return files | ALWAYS


def _info(name: str) -> zipfile.ZipInfo:
    import zipfile

    info = zipfile.ZipInfo(name, date_time=EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def pyc_bytes(source: bytes, filename: str) -> bytes:
    import importlib.util
    from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]

    # optimize=2 drops docstrings and asserts, as python -OO does (CPython's own test suite
    # runs the standard library that way): a smaller download, nothing the planner needs.
    code = compile(source, filename, "exec", dont_inherit=True, optimize=2)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def build_stdlib(keep: Iterable[str], wheel: bytes) -> bytes:
    """A zip of the ``keep`` modules and the wheel's planner package, modules as unchecked
    hash-based ``.pyc`` files, data files unchanged (the wheel's metadata is left out)."""
    import io
    import zipfile

    entries: dict[str, bytes] = {}
    with zipfile.ZipFile(STDLIB) as src:
        for name in sorted(set(keep) & set(src.namelist())):
            entries[name[:-3] + ".pyc"] = pyc_bytes(src.read(name), f"{STDLIB}/{name}")
    with zipfile.ZipFile(io.BytesIO(wheel)) as src:
        for name in src.namelist():
            if not name.startswith(PACKAGE + "/") or name.endswith("/"):
                continue
            data = src.read(name)
            if name.endswith(".py"):
                entries[name + "c"] = pyc_bytes(data, f"{STDLIB}/{name}")
            else:
                entries[name] = data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in sorted(entries):
            dst.writestr(_info(name), entries[name], compresslevel=9)
    return out.getvalue()


def main(profiles_path: str, wheel_path: str, out_dir: str) -> None:
    """Trace, then build into ``out_dir`` (paths in Pyodide's file system)."""
    import pathlib

    exercise_planner(json.loads(pathlib.Path(profiles_path).read_text(encoding="utf-8")))
    keep = sorted(imported_files())
    out = pathlib.Path(out_dir)
    wheel = pathlib.Path(wheel_path)
    (out / "python_stdlib.zip").write_bytes(build_stdlib(keep, wheel.read_bytes()))
    (out / "kept-modules.json").write_text(json.dumps(keep, indent=1) + "\n", encoding="utf-8")
