"""Copy the pinned Pyodide runtime and the planner wheel into the built site.

Writes, under ``<site>/pyodide/``:

* the core runtime files from the npm package (``pyodide.mjs``, ``pyodide.asm.mjs``,
  ``pyodide.asm.wasm``, ``python_stdlib.zip``), unchanged;
* the planner wheel under ``wheels/<sha256 prefix>/`` so a new build never meets a stale
  cached copy (the browser checks each wheel's sha256 from the lock as fetch integrity);
* ``runtime.json``: the manifest the worker reads first: the Pyodide version, the standard
  library to load, and a trimmed lock file listing only the planner wheel (passed to
  ``loadPyodide`` as ``lockFileContents``, so the 119 KB default lock is never fetched);
  with precompiled files, also a ``fallback`` (the stock standard library and the plain
  wheel) that the worker uses if the precompiled files cannot be loaded.
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


def assemble(
    pyodide_dir: Path,
    wheels: Path,
    site: Path,
    stdlib: Path | None = None,
    fallback_wheels: Path | None = None,
) -> Path:
    out = site / "pyodide"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in CORE_FILES:
        shutil.copyfile(pyodide_dir / name, out / name)
    wheel, file_name = copy_wheel(wheels, out)
    stdlib_name = "python_stdlib.zip"
    if stdlib is not None:
        stdlib_name = f"python_stdlib-{sha256_of(stdlib)[:16]}.zip"
        shutil.copyfile(stdlib, out / stdlib_name)
    version = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]
    manifest: dict[str, object] = {
        "pyodide": version,
        "stdlib": stdlib_name,
        "packages": [PACKAGE_NAME],
        "lock": trimmed_lock(pyodide_dir, wheel, file_name),
    }
    if stdlib is not None and fallback_wheels is not None:
        # The stock files too: the worker falls back to them if the optimised ones are missing.
        plain, plain_name = copy_wheel(fallback_wheels, out)
        manifest["fallback"] = {
            "stdlib": "python_stdlib.zip",
            "lock": trimmed_lock(pyodide_dir, plain, plain_name),
        }
    (out / "runtime.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyodide", type=Path, required=True, help="unpacked npm package")
    parser.add_argument("--wheels", type=Path, required=True, help="folder with the wheel")
    parser.add_argument("--site", type=Path, required=True, help="the built site")
    parser.add_argument("--stdlib", type=Path, help="a precompiled python_stdlib.zip to use")
    parser.add_argument(
        "--fallback-wheels", type=Path, help="the plain wheel, used with the stock stdlib"
    )
    args = parser.parse_args(argv)
    out = assemble(args.pyodide, args.wheels, args.site, args.stdlib, args.fallback_wheels)
    print(f"runtime in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
