"""Benchmark: median time to plan a spread of profiles in CPython and in Pyodide under Node.

Usage: python -m evenback_build.bench_plan [--runs N] [--runtime site/pyodide] [--json]
Prints the machine (platform, CPU model, Python, load average) and the median, min and max
milliseconds per plan (target: under 5 ms in CPython), then the same in the site's own Pyodide
runtime under Node (skipped with --runtime ""). With --json, prints JSON instead.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from planner import plan
from planner._catalogue import load_catalogue

from .bench import machine, machine_line
from .paths import ROOT

TARGET_MS = 5.0


def profiles() -> list[dict[str, Any]]:
    """A fixed spread: sides, focus sets, equipment, levels, days, minutes, weeks, pain."""
    out: list[dict[str, Any]] = []
    for path in sorted((ROOT / "docs" / "examples").glob("*.json")):
        out.append(json.loads(path.read_text(encoding="utf-8")))
    focus_sets = [
        ["lower_back"],
        ["lower_back", "hips"],
        ["side_trunk", "upper_back"],
        ["lower_back", "side_trunk", "upper_back", "hips"],
    ]
    equipment_sets = [[], ["dumbbell"], ["barbell", "dumbbell", "bench", "back_extension", "cable"]]
    grid = itertools.product(
        ["left", "right", "unknown"],
        focus_sets,
        equipment_sets,
        ["beginner", "advanced"],
        [(1, 10, 3), (3, 30, 6), (5, 60, 12)],
        [0, 5],
    )
    for side, focus, equipment, level, (days, minutes, weeks), pain in grid:
        out.append(
            {
                "weak_side": side,
                "focus": focus,
                "equipment": equipment,
                "experience": level,
                "days_per_week": days,
                "minutes_per_session": minutes,
                "weeks": weeks,
                "pain": pain,
            }
        )
    return out


def bench(runs: int) -> dict[str, Any]:
    load_catalogue()  # the catalogue is read once per process; time the planning itself
    items = profiles()
    per_plan_ms: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        for profile in items:
            plan(profile)
        elapsed = time.perf_counter() - start
        per_plan_ms.append(elapsed * 1000 / len(items))
    median = statistics.median(per_plan_ms)
    return {
        "runtime": "cpython",
        "machine": machine(),
        "profiles": len(items),
        "runs": runs,
        "ms_per_plan": {
            "median": round(median, 3),
            "min": round(min(per_plan_ms), 3),
            "max": round(max(per_plan_ms), 3),
        },
        "target_ms": TARGET_MS,
        "within_target": median < TARGET_MS,
    }


PYODIDE_BENCH = """
import json, time, planner
profiles = json.loads({profiles!r})
planner.plan(profiles[0])
per_plan_ms = []
for _ in range({runs}):
    start = time.perf_counter()
    for profile in profiles:
        planner.plan(profile)
    per_plan_ms.append((time.perf_counter() - start) * 1000 / len(profiles))
json.dumps(per_plan_ms)
"""


def bench_pyodide(runs: int, runtime: Path) -> dict[str, Any]:
    """The same profiles planned inside the site's Pyodide runtime, under Node."""
    items = profiles()
    code = PYODIDE_BENCH.format(profiles=json.dumps(items), runs=runs)
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide" / "run.mjs"), str(runtime)],
        input=code,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"planning in Pyodide failed:\n{done.stderr[-2000:]}")
    per_plan_ms = json.loads(done.stdout)
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "runtime": f"pyodide (Node {node})",
        "profiles": len(items),
        "runs": runs,
        "ms_per_plan": {
            "median": round(statistics.median(per_plan_ms), 3),
            "min": round(min(per_plan_ms), 3),
            "max": round(max(per_plan_ms), 3),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs over all profiles")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument(
        "--runtime",
        default=str(ROOT / "site" / "pyodide"),
        help='the built site\'s Pyodide runtime folder ("" to skip the Pyodide half)',
    )
    args = parser.parse_args(argv)
    result = bench(max(1, args.runs))
    in_pyodide = None
    if args.runtime and (Path(args.runtime) / "runtime.json").exists():
        in_pyodide = bench_pyodide(max(1, args.runs), Path(args.runtime))
    if args.json:
        print(json.dumps({"cpython": result, "pyodide": in_pyodide}, indent=2))
        return 0
    t = result["ms_per_plan"]
    print(f"machine: {machine_line(result['machine'])}")
    print(
        f"plan(): median {t['median']} ms per plan (min {t['min']}, max {t['max']}) over "
        f"{result['profiles']} profiles x {result['runs']} runs; target < {TARGET_MS} ms: "
        + ("met" if result["within_target"] else "NOT met")
    )
    if in_pyodide is None:
        print("Pyodide: skipped (no built runtime; run ./scripts/build first)")
    else:
        t = in_pyodide["ms_per_plan"]
        print(
            f"{in_pyodide['runtime']}: median {t['median']} ms per plan (min {t['min']}, "
            f"max {t['max']}) over {in_pyodide['profiles']} profiles x {in_pyodide['runs']} runs"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
