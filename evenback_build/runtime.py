"""Copy the pinned Pyodide runtime and the planner wheel into the built site.

Writes, under ``<site>/pyodide/``:

* the core runtime files from the npm package (``pyodide.mjs``, ``pyodide.asm.mjs``,
  ``pyodide.asm.wasm``, ``python_stdlib.zip``), unchanged;
* the planner wheel under ``wheels/<sha256 prefix>/`` so a new build never meets a stale
  cached copy (the browser checks each wheel's sha256 from the lock as fetch integrity);
* with ``--bundle``, the precompiled standard library that holds the planner too (see
  ``precompile_stdlib.py``), under a content-addressed name;
* ``runtime.json``: the manifest the worker reads first: the Pyodide version, the standard
  library to load, the packages to install and a trimmed lock file (passed to
  ``loadPyodide`` as ``lockFileContents``, so the 119 KB default lock is never fetched).
  Without a bundle: the stock standard library and the planner wheel. With one: the bundle
  and no package at all, plus a ``fallback`` (the stock standard library and the wheel)
  that the worker uses if the bundle cannot be loaded.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE_NAME = "even-back-planner"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lock_entry(wheel: Path, file_name: str) -> dict[str, object]:
    """The lock-file entry Pyodide needs to install ``wheel`` by name."""
    version = wheel.name.split("-")[1]
    return {
        "name": PACKAGE_NAME,
        "version": version,
        "file_name": file_name,
        "install_dir": "site",
        "sha256": sha256_of(wheel),
        "package_type": "package",
        "imports": ["planner"],
        "depends": [],
        "unvendored_tests": False,
    }


def trimmed_lock(pyodide_dir: Path, wheel: Path, file_name: str) -> dict[str, object]:
    full = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {"info": full["info"], "packages": {PACKAGE_NAME: lock_entry(wheel, file_name)}}


def copy_wheel(wheels: Path, out: Path) -> tuple[Path, str]:
    """Copy the one planner wheel in ``wheels`` under a content-addressed path."""
    found = sorted(wheels.glob("even_back_planner-*-py3-none-any.whl"))
    if len(found) != 1:
        raise SystemExit(f"expected one planner wheel in {wheels}, found {len(found)}")
    wheel = found[0]
    file_name = f"wheels/{sha256_of(wheel)[:16]}/{wheel.name}"
    (out / file_name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(wheel, out / file_name)
    return wheel, file_name


def assemble(pyodide_dir: Path, wheels: Path, site: Path, bundle: Path | None = None) -> Path:
    out = site / "pyodide"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in CORE_FILES:
        shutil.copyfile(pyodide_dir / name, out / name)
    wheel, file_name = copy_wheel(wheels, out)
    version = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]
    lock = trimmed_lock(pyodide_dir, wheel, file_name)
    stock: dict[str, object] = {
        "stdlib": "python_stdlib.zip",
        "packages": [PACKAGE_NAME],
        "lock": lock,
    }
    manifest: dict[str, object] = {"pyodide": version, **stock}
    if bundle is not None:
        stdlib_name = f"python_stdlib-{sha256_of(bundle)[:16]}.zip"
        shutil.copyfile(bundle, out / stdlib_name)
        manifest.update(
            stdlib=stdlib_name,
            packages=[],
            lock={"info": lock["info"], "packages": {}},
            fallback=stock,
        )
    # Every file's size in bytes (as served, before any transfer compression): the worker's
    # progress bar counts the bytes that have arrived against these.
    manifest["sizes"] = {
        p.relative_to(out).as_posix(): p.stat().st_size
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }
    (out / "runtime.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyodide", type=Path, required=True, help="unpacked npm package")
    parser.add_argument("--wheels", type=Path, required=True, help="folder with the wheel")
    parser.add_argument("--site", type=Path, required=True, help="the built site")
    parser.add_argument(
        "--bundle", type=Path, help="a precompiled python_stdlib.zip with the planner inside"
    )
    args = parser.parse_args(argv)
    out = assemble(args.pyodide, args.wheels, args.site, args.bundle)
    print(f"runtime in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
