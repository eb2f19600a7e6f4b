"""Byte-compile the standard library and the planner for the browser (runs INSIDE Pyodide).

Pyodide's npm package ships its standard library as ``.py`` sources only, so every start
compiles the ~150 modules it imports. This module, run in Pyodide itself by
``scripts/precompile_runtime.mjs`` (so the bytecode matches the browser's CPython exactly),

1. exercises every code path of the planner (every example profile, every export format,
   validation errors, a referral) and records which standard-library modules were imported;
2. writes a new ``python_stdlib.zip`` holding only the modules that were imported (plus
   the codecs and config modules Python looks up by name), as unchecked hash-based ``.pyc``
   files (no source: smaller, and nothing to re-check). The tests then run every code path
   of the planner in this trimmed runtime, in Node and in the browser;
3. writes a sourceless copy of the planner wheel: each module as a ``.pyc`` in place of its
   ``.py`` (smaller to download, nothing to compile or re-check).

Both outputs are deterministic: sorted entries, fixed timestamps, fixed compression.
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


def build_stdlib(keep: Iterable[str]) -> bytes:
    """A zip of the ``keep`` modules only, each as an unchecked hash-based ``.pyc``."""
    import io
    import zipfile

    keep = set(keep)
    out = io.BytesIO()
    with zipfile.ZipFile(STDLIB) as src, zipfile.ZipFile(out, "w") as dst:
        for name in sorted(keep & set(src.namelist())):
            pyc = pyc_bytes(src.read(name), f"{STDLIB}/{name}")
            dst.writestr(_info(name[:-3] + ".pyc"), pyc, compresslevel=9)
    return out.getvalue()


def build_wheel(wheel: bytes, site_packages: str) -> bytes:
    """The wheel again, sourceless: each module as an unchecked hash-based ``.pyc`` beside
    where its ``.py`` was (Python imports such a file directly), RECORD rewritten."""
    import base64
    import hashlib
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(wheel)) as src, zipfile.ZipFile(out, "w") as dst:
        names = sorted(n for n in src.namelist() if not n.endswith("/"))
        record_name = next(n for n in names if n.endswith(".dist-info/RECORD"))
        entries: dict[str, bytes] = {}
        for name in names:
            if name == record_name:
                continue
            data = src.read(name)
            if name.endswith(".py"):
                entries[name + "c"] = pyc_bytes(data, f"{site_packages}/{name}")
            else:
                entries[name] = data
        record = io.StringIO()
        for name in sorted(entries):
            digest = base64.urlsafe_b64encode(hashlib.sha256(entries[name]).digest())
            record.write(f"{name},sha256={digest.rstrip(b'=').decode()},{len(entries[name])}\n")
        record.write(f"{record_name},,\n")
        for name in sorted(entries):
            dst.writestr(_info(name), entries[name], compresslevel=9)
        dst.writestr(_info(record_name), record.getvalue(), compresslevel=9)
    return out.getvalue()


def main(profiles_path: str, wheel_path: str, out_dir: str) -> None:
    """Trace, then build into ``out_dir`` (paths in Pyodide's file system)."""
    import pathlib
    import site

    exercise_planner(json.loads(pathlib.Path(profiles_path).read_text(encoding="utf-8")))
    keep = sorted(imported_files())
    out = pathlib.Path(out_dir)
    wheel = pathlib.Path(wheel_path)
    (out / "python_stdlib.zip").write_bytes(build_stdlib(keep))
    (out / wheel.name).write_bytes(build_wheel(wheel.read_bytes(), site.getsitepackages()[0]))
    (out / "kept-modules.json").write_text(json.dumps(keep, indent=1) + "\n", encoding="utf-8")
