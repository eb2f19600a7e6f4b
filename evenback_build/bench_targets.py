"""Benchmark: how long `targets` takes for a 16-week log of 7 sessions a week, in CPython.

Usage: python -m evenback_build.bench_targets [--runs N] [--json]
The log follows the plan of a 7-day, 16-week profile through week 15 and has week 16, day 7
half logged (the session in progress), as the page asks after every set. Prints the machine
(platform, CPU model, Python, load average), then the median, min and max milliseconds of:
- targets(log, 16, 7) on the parsed log, with the plan kept from the first call, as in the
  page's worker (target: under 5 ms);
- the whole bridge call log_targets(text, 16, 7): JSON parsing, validation and targets;
- the first call in a fresh process (it makes the plan).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from typing import Any

from planner import parse_log_json, plan, targets
from planner._bridge import log_targets

from .bench import machine
from .log_samples import log_following_plan, session_record
from .paths import ROOT

TARGET_MS = 5.0
PROFILE: dict[str, Any] = {
    "weak_side": "left",
    "focus": ["lower_back", "hips", "side_trunk"],
    "equipment": ["dumbbell", "bench", "back_extension"],
    "experience": "intermediate",
    "days_per_week": 7,
    "minutes_per_session": 45,
    "weeks": 16,
}


def the_log() -> str:
    log = log_following_plan(PROFILE, weeks=15, load_kg=12)
    last = plan(PROFILE)["weeks"][15]["sessions"][6]
    record = session_record(last["items"], 16, 7, dt.date(2026, 4, 26), load_kg=12)
    half = record["items"][: len(record["items"]) // 2 + 1]
    half[-1]["sets"] = half[-1]["sets"][:3]
    record["items"] = half
    log["sessions"].append(record)
    return json.dumps(log)


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
    }


def _time(call: Any, runs: int, repeat: int = 20) -> tuple[list[float], list[float]]:
    """Wall-clock and process CPU milliseconds per call, one figure per run. On a shared
    machine (a load average above the CPU count) the CPU time is the steadier figure."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            call()
        wall.append((time.perf_counter() - start) * 1000 / repeat)
        cpu.append((time.process_time() - start_cpu) * 1000 / repeat)
    return wall, cpu


FIRST_CALL = """
import json, sys, time
from planner import parse_log_json, targets
log = parse_log_json(open({path!r}, encoding="utf-8").read())
start = time.perf_counter()
targets(log, 16, 7)
print((time.perf_counter() - start) * 1000)
"""


def bench(runs: int) -> dict[str, Any]:
    text = the_log()
    log = parse_log_json(text)
    targets(log, 16, 7)  # makes and keeps the plan, as the worker's first call does
    warm, warm_cpu = _time(lambda: targets(log, 16, 7), runs)
    bridge, bridge_cpu = _time(lambda: log_targets(text, 16, 7, ""), runs, repeat=5)
    path = ROOT / ".cache" / "bench-targets-log.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    first: list[float] = []
    for _ in range(max(1, runs // 2)):
        code = FIRST_CALL.format(path=str(path))
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        first.append(float(done.stdout))
    return {
        "machine": machine(),
        "log": {
            "sessions": len(log.sessions),
            "sets": sum(len(i.sets) for s in log.sessions for i in s.items),
            "bytes": len(text),
        },
        "runs": runs,
        "targets_ms": _stats(warm),
        "targets_cpu_ms": _stats(warm_cpu),
        "bridge_ms": _stats(bridge),
        "bridge_cpu_ms": _stats(bridge_cpu),
        "first_call_ms": _stats(first),
        "target_ms": TARGET_MS,
        "within_target": statistics.median(warm) < TARGET_MS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    args = parser.parse_args(argv)
    result = bench(max(1, args.runs))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    m = result["machine"]
    print(f"machine: {m['platform']}; {m['cpu']} ({m['cpus']} CPUs); {m['python']}")
    print(f"load average: {', '.join(str(x) for x in m['load_average']) or 'n/a'}")
    lg = result["log"]
    print(f"log: {lg['sessions']} sessions, {lg['sets']} sets, {lg['bytes']} bytes of JSON")
    for key, label in (
        ("targets_ms", "targets() on the parsed log, plan kept"),
        ("targets_cpu_ms", "  the same, process CPU time"),
        ("bridge_ms", "log_targets() from JSON text (parse, validate, targets)"),
        ("bridge_cpu_ms", "  the same, process CPU time"),
        ("first_call_ms", "first targets() in a fresh process (makes the plan)"),
    ):
        t = result[key]
        print(f"{label}: median {t['median']} ms (min {t['min']}, max {t['max']})")
    print(
        f"target: targets() under {TARGET_MS} ms median: "
        + ("met" if result["within_target"] else "NOT met")
        + f" ({result['runs']} runs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
