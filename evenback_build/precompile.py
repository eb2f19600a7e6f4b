"""Make the precompiled runtime files, or reuse them when nothing they depend on changed.

The output (a trimmed ``.pyc`` standard library with the planner package inside, see
``precompile_stdlib.py``) is keyed by the sha256 of everything that goes into it: the
pinned runtime's standard library and version, the planner wheel, the precompile scripts
and the example profiles that drive the trace. A new Pyodide version or planner change gives
a new key, so it is rebuilt automatically. A reused output is checked against the
``SHA256SUMS`` written with it, like the runtime tarball.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from .paths import PACKAGE_DIR, ROOT

SCRIPTS = (
    PACKAGE_DIR / "precompile_stdlib.py",
    PACKAGE_DIR / "precompile_runtime.mjs",
    PACKAGE_DIR / "site_runtime.mjs",
)
EXAMPLES = ROOT / "docs" / "examples"
# Extra paths for the trace: an unknown side with tests, a referral, a cautious plan.
TRACE_PROFILES = {
    "trace-tests-only": {"tests": {"side_bridge_s": {"left": 40, "right": 55}}, "weeks": 8},
    "trace-referral": {"red_flags": ["saddle_numbness"], "pain": 8},
    "trace-caution": {"pain": 5, "weak_side": "left", "days_per_week": 2},
}


def profiles() -> dict[str, object]:
    found = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES.glob("*.json")}
    return dict(sorted({**found, **TRACE_PROFILES}.items()))


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def key_for(runtime: Path, wheel: Path, traced: dict[str, object]) -> str:
    h = hashlib.sha256()
    for path in (runtime / "python_stdlib.zip", runtime / "runtime.json", wheel, *SCRIPTS):
        h.update(path.name.encode() + b"\0" + sha256_file(path).encode() + b"\n")
    h.update(json.dumps(traced, sort_keys=True).encode())
    return h.hexdigest()[:24]


def verified(folder: Path) -> bool:
    sums = folder / "SHA256SUMS"
    if not sums.exists():
        return False
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        if not (folder / name).exists() or sha256_file(folder / name) != digest:
            return False
    return True


def precompile(runtime: Path, wheels: Path, cache: Path) -> Path:
    (wheel,) = sorted(wheels.glob("*.whl"))
    traced = profiles()
    out = cache / key_for(runtime, wheel, traced)
    if verified(out):
        return out
    shutil.rmtree(out, ignore_errors=True)
    work = cache / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "profiles.json").write_text(json.dumps(traced), encoding="utf-8")
    subprocess.run(
        [
            "node",
            str(SCRIPTS[1]),
            str(runtime),
            str(wheel),
            str(work / "profiles.json"),
            str(work / "out"),
        ],
        check=True,
    )
    names = sorted(p.name for p in (work / "out").iterdir())
    sums = "".join(f"{sha256_file(work / 'out' / n)}  {n}\n" for n in names)
    (work / "out" / "SHA256SUMS").write_text(sums, encoding="utf-8")
    (work / "out").rename(out)
    shutil.rmtree(work)
    for stale in cache.iterdir():
        if stale != out:
            shutil.rmtree(stale)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtime", type=Path, required=True, help="a stock-assembled runtime")
    parser.add_argument("--wheels", type=Path, required=True, help="folder with the wheel")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "precompiled")
    args = parser.parse_args(argv)
    print(precompile(args.runtime, args.wheels, args.cache))
    return 0


if __name__ == "__main__":
    sys.exit(main())
