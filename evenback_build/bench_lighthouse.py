"""Benchmark: Lighthouse mobile performance of guide pages, served as GitHub Pages serves them.

The built site is served on 127.0.0.1 with gzip and ``Cache-Control: max-age=600`` (the
site server with ``compress=True``). Lighthouse (npm ``lighthouse``, pinned (12.8.2) in
``evenback_build/lighthouse/``, installed by ``scripts/bench-lighthouse`` into
``.cache/lighthouse``) runs Debian's Chromium (``CHROME_PATH=/usr/bin/chromium``) with its
default mobile settings (a mid-range phone, simulated slow 4G and a 4x slower CPU), the
performance category only, and a fresh profile each run, so every run is a first visit. The
pages are run in turn (interleaved), N runs each; the run with the median performance score
is the one whose opportunities and diagnostics are printed (``--details``), and the median of
each metric is printed next to it, with the machine.

Usage: python -m evenback_build.bench_lighthouse [--runs 3] [--details] [--site site
       [--site other]] [--page PATH ...] [--save DIR] (run ./scripts/build first)
Never run by the tests: Lighthouse's figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from .bench import machine, machine_line
from .chromium import ARGS, CHROMIUM
from .paths import ROOT
from .serve import make_server

LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
# Every kind of guide page: an exercise page with its figure, the home page, a self-test page
# with its figure, the longest guide page, the references page.
PAGES = ("exercises/side_plank/", "", "self-tests/side-bridge/", "faq/", "references/")
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}
DIAGNOSTICS = (
    "render-blocking-resources",
    "unused-javascript",
    "unused-css-rules",
    "unminified-javascript",
    "unminified-css",
    "uses-text-compression",
    "font-display",
    "total-byte-weight",
    "dom-size",
    "bootup-time",
    "mainthread-work-breakdown",
    "largest-contentful-paint-element",
    "lcp-lazy-loaded",
    "critical-request-chains",
    "render-blocking-insight",
    "lcp-phases-insight",
    "third-parties-insight",
)


def run_lighthouse(url: str, cpu_slowdown: float | None = None) -> dict[str, Any]:
    """One Lighthouse run (mobile, performance only, fresh profile): its JSON report.
    ``cpu_slowdown`` replaces Lighthouse's 4x CPU slowdown (for a host slower than it expects)."""
    flags = " ".join(a for a in ARGS if a != "--headless") + " --headless=new"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        command = [
            "node",
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags} --user-data-dir={Path(folder) / 'profile'}",
            "--quiet",
        ]
        if cpu_slowdown is not None:
            command.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}")
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        subprocess.run(command, check=True, env=env, capture_output=True, timeout=300)
        report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return report


def summary(report: dict[str, Any]) -> dict[str, float]:
    """Performance score (0-100) and the metrics in ms (CLS unitless)."""
    audits = report["audits"]
    score = report["categories"]["performance"]["score"]
    out: dict[str, float] = {"score": round(100 * (score or 0))}
    for name, audit in METRICS.items():
        out[name] = float(audits[audit].get("numericValue") or 0)
    return out


def details(report: dict[str, Any]) -> list[str]:
    """What Lighthouse says is slow: every opportunity with savings, and the diagnostics."""
    lines = []
    for audit in report["audits"].values():
        kind = (audit.get("details") or {}).get("type")
        saving = (audit.get("details") or {}).get("overallSavingsMs") or 0
        if kind == "opportunity" and (saving > 0 or (audit.get("score") or 1) < 1):
            lines.append(f"    opportunity {audit['id']}: {audit.get('displayValue', '')}")
            lines += _items(audit)
    for name in DIAGNOSTICS:
        audit = report["audits"].get(name)
        if audit is None or (audit.get("score") == 1 and name not in _ALWAYS):
            continue
        lines.append(f"    {name}: {audit.get('displayValue', '')} (score {audit.get('score')})")
        lines += _items(audit)
    return lines


_ALWAYS = ("largest-contentful-paint-element", "total-byte-weight", "mainthread-work-breakdown")


def _items(audit: dict[str, Any], limit: int = 6) -> list[str]:
    out = []
    for item in ((audit.get("details") or {}).get("items") or [])[:limit]:
        if isinstance(item, dict) and item.get("type") == "table":
            for sub in item.get("items", [])[:limit]:
                out.append("      " + _describe(sub))
        else:
            out.append("      " + _describe(item))
    return out


def _describe(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)[:160]
    node = item.get("node")
    if isinstance(node, dict):
        return f"element {node.get('nodeLabel', '')!r}: {str(node.get('snippet', ''))[:120]}"
    parts = []
    for key in ("url", "groupLabel", "group", "phase", "timing", "percent"):
        if key in item:
            parts.append(f"{key}={item[key]}")
    for key in ("totalBytes", "transferSize", "wastedBytes", "wastedMs", "duration", "total"):
        if isinstance(item.get(key), int | float):
            parts.append(f"{key}={round(item[key])}")
    return " ".join(parts)[:200] or json.dumps(item)[:160]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--site",
        type=Path,
        action="append",
        help="a built site (default: site); give two to compare them side by side, interleaved",
    )
    parser.add_argument("--page", action="append", help="a page's path under the site")
    parser.add_argument("--details", action="store_true", help="print opportunities")
    parser.add_argument("--save", type=Path, help="a folder for every run's JSON report")
    parser.add_argument(
        "--cpu-slowdown",
        type=float,
        help="Lighthouse's CPU slowdown instead of its 4x, for a host whose BenchmarkIndex is "
        "far below the 1000 Lighthouse expects (it then warns that the score suffers)",
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print("Lighthouse is not installed: run ./scripts/bench-lighthouse", file=sys.stderr)
        return 2
    pages = args.page or list(PAGES)
    sites = args.site or [ROOT / "site"]
    servers = [make_server(site, 0, "/", compress=True) for site in sites]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    bases = [f"http://127.0.0.1:{server.server_address[1]}/" for server in servers]
    print(f"machine: {machine_line(machine())}")
    slowdown = f"CPU slowdown {args.cpu_slowdown:g}x" if args.cpu_slowdown else "CPU slowdown 4x"
    print(
        f"Lighthouse mobile (simulated throttling, {slowdown}), {args.runs} runs per page, "
        "interleaved"
    )
    keys = [(s, page) for s in range(len(sites)) for page in pages]
    reports: dict[tuple[int, str], list[dict[str, Any]]] = {key: [] for key in keys}
    try:
        for _ in range(args.runs):
            for s, page in keys:
                report = run_lighthouse(bases[s] + page, args.cpu_slowdown)
                reports[(s, page)].append(report)
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    name = f"{sites[s].name}-{page.strip('/').replace('/', '-') or 'home'}"
                    path = args.save / f"{name}-{len(reports[(s, page)])}.json"
                    path.write_text(json.dumps(report), encoding="utf-8")
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    print(f"machine after: {machine_line(machine())}")
    every = [r for runs in reports.values() for r in runs]
    index = statistics.median(r["environment"].get("benchmarkIndex") or 0 for r in every)
    print(f"Lighthouse's BenchmarkIndex of this host: median {index:.0f} (it expects 1000 or more)")
    for page in pages:
        for s, site in enumerate(sites):
            print(_row(page, site.name if len(sites) > 1 else "", reports[(s, page)]))
            if args.details:
                runs = sorted(reports[(s, page)], key=lambda r: summary(r)["score"])
                for line in details(runs[len(runs) // 2]):
                    print(line)
    return 0


def _row(page: str, label: str, reports: list[dict[str, Any]]) -> str:
    """One page's medians: performance score (each run's too), LCP, TBT, CLS, FCP, SI."""
    runs = [summary(r) for r in reports]
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    scores = ", ".join(f"{run['score']:.0f}" for run in runs)
    where = f" [{label}]" if label else ""
    return (
        f"/{page}{where}: performance {median['score']:.0f} (runs {scores}) | "
        f"LCP {median['LCP']:.0f} ms | TBT {median['TBT']:.0f} ms | "
        f"CLS {median['CLS']:.3f} | FCP {median['FCP']:.0f} ms | SI {median['SI']:.0f} ms"
    )


if __name__ == "__main__":
    raise SystemExit(main())
