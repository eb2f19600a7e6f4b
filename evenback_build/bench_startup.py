"""Benchmark: time from navigation to a ready planner, cold, warm and return, and bytes.

Side by side in one run, interleaved, on the same server:

* ``planner``: the site's /planner/ page as users get it (module worker, precompiled
  runtime files, trimmed lock);
* ``no-sw``: the same page with service workers blocked (the browser's HTTP cache only);
* ``stock``: a minimal page that loads the same Pyodide runtime and the same planner wheel
  the stock way (``loadPyodide()`` on the main thread, default lock file, stock
  ``python_stdlib.zip``, ``loadPackage(wheel URL)``, then ``import planner``).

Each run uses a fresh Chromium profile: the first load is cold (empty cache), a second
navigation in the same profile is warm, a third after the browser was closed and opened
again on the same profile is the return visit, and a fourth, the browser closed and opened
again once the HTTP cache's freshness has run out, is the next day. GitHub Pages sends
``max-age=600``, so a visit the next day finds every cached file stale: the browser asks the
server again for each (a 304 answer keeps the cached bytes), except what a service worker
answers from its own cache. To model that without waiting 10 minutes, the server here sends
``max-age`` of ``--max-age`` seconds (default 30: longer than the cold, warm and return
visits take, so those find the cache as fresh as GitHub Pages' would) and the next day
begins that long after the last byte it served. The server is on this machine, so each
such question costs almost nothing here; on a phone's network each is a round trip. Ready is
when the page sets data-state=ready.
Between the two, the cold page stays open ``--dwell`` seconds (default 5), as a visitor's
page does while they read it; the plan is also asked for only after that long on the warm
page. The dwell matters to the warm figure: Chromium stores a WebAssembly module's compiled
code for later visits only once enough of it has been optimised and a moment has passed
(V8's code-caching thresholds), so leaving the instant the page is ready (which no visitor
does) makes the warm visit compile the runtime again. ``--dwell 0`` measures that case.
Bytes are counted by the server (every response byte, worker requests included).

Before the cold navigation the browser is left to finish starting (unless ``--no-settle``):
the machine's CPU must have been idle for a few tenths of a second (about 0.8 s
after launch here). Found by a trace: a freshly launched Chromium preloads its own omnibox
pop-up (a WebUI renderer at chrome://omnibox-popup.top-chrome); in one traced cold load that
renderer's main thread was busy 2.2 s of the 2.3 s the load took, on a two-core machine,
and 13 ms once the browser had been left to settle. It slowed the planner page (which uses
both cores) and hardly the stock page (one busy thread). A visitor's browser is already
running when they open the page; ``--no-settle`` measures the old way.
Prints the median of N runs per variant, the longest main-thread task, and the machine; and
where each start's time went (the page's HTML in, the Pyodide worker's script running, the
wasm asked for, the last runtime byte in, and from there to ready), from the page's and the
worker's resource timing, read once the page is ready (so it does not touch the measure).

Usage: python -m evenback_build.bench_startup [--runs 8] [--dwell 5] [--max-age 30] [--no-settle]
       [--site site] [--compare other-site ...] (run ./scripts/build first)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .bench import Counter, counting_server, machine, machine_line, wait_until_idle
from .bench_compare import compare_runs
from .chromium import ARGS, CHROMIUM

STOCK_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stock Pyodide</title></head>
<body data-state="loading"><p id="out">Loading…</p>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const pyodide = await loadPyodide();
await pyodide.loadPackage(new URL("./%(wheel)s", location.href).href);
const version = pyodide.runPython("import planner; planner.__version__");
document.getElementById("out").textContent = "planner " + version;
document.body.dataset.state = "ready";
</script></body></html>
"""
# Records when the page first shows data-state=ready, and the longest main-thread task.
PROBE = """
window.__bench = {
  ready: null, longest: 0, click: null, plan: null, planAll: null, longestAfterClick: 0,
};
document.addEventListener("click", (event) => {
  if (event.target.closest?.(".planner-submit")) window.__bench.click = performance.now();
}, true);
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    window.__bench.longest = Math.max(window.__bench.longest, e.duration);
    if (window.__bench.click !== null && e.startTime >= window.__bench.click) {
      window.__bench.longestAfterClick = Math.max(window.__bench.longestAfterClick, e.duration);
    }
  }
}).observe({ type: "longtask", buffered: true });
const check = () => {
  if (window.__bench.ready === null && document.querySelector("[data-state=ready]")) {
    window.__bench.ready = performance.now();
  }
  // The plan on screen: its heading, tools and open week (data-state=plan); every week
  // filled in (aria-busy=false again).
  if (window.__bench.click !== null && window.__bench.plan === null
      && document.querySelector("#planner[data-state=plan]")) {
    window.__bench.plan = performance.now();
  }
  if (window.__bench.click !== null && window.__bench.planAll === null
      && document.querySelector("#planner[data-state=plan][aria-busy=false]")) {
    window.__bench.planAll = performance.now();
  }
};
new MutationObserver(check).observe(document, { attributes: true, subtree: true, childList: true });
"""


def stock_variant(root: Path) -> str:
    """A folder beside the site with the stock runtime and the plain wheel."""
    folder = root / "stock"
    runtime = folder / "pyodide"
    runtime.mkdir(parents=True)
    pyodide_dir = Path(
        os.environ.get("PYODIDE_DIR") or max((Path(".cache") / "pyodide").glob("[0-9]*[0-9]"))
    )
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        shutil.copyfile(pyodide_dir / name, runtime / name)
    shutil.copyfile(pyodide_dir / "pyodide-lock.json", runtime / "pyodide-lock.json")
    (wheel,) = sorted((Path(".cache") / "wheel").glob("*.whl"))
    shutil.copyfile(wheel, folder / wheel.name)
    (folder / "index.html").write_text(STOCK_PAGE % {"wheel": wheel.name}, encoding="utf-8")
    return "stock/"


# Where a start's time went, from the page's and the Pyodide worker's resource timing (the
# worker's times moved to the page's clock): the page's HTML in, the worker's script running,
# the wasm asked for, the last runtime byte in. Read once the page is ready.
ENTRIES = (
    "[performance.timeOrigin, performance.getEntriesByType('resource')"
    ".map((e) => [e.name, e.startTime, e.responseEnd])]"
)

# The Pyodide worker's own steps (performance marks "even-back:<step>", js/planner-worker.js).
MARKS = (
    "performance.getEntriesByType('mark').filter((e) => e.name.startsWith('even-back:'))"
    ".map((e) => [e.name, e.startTime])"
)
STEPS = ("manifest", "snapshot-read", "loader", "runtime-module", "pyodide", "ready")
PHASES = ("cold", "warm", "return", "next_day")
LABELS = {phase: phase.replace("_", " ") for phase in PHASES}
# The server's max-age: longer than the cold, warm and return visits take (see above).
MAX_AGE_S = 30


def timeline(page: Any) -> dict[str, float]:
    """The start's milestones in ms from navigation (see ENTRIES); the worker's only where
    the runtime runs in one (the stock page runs it on the main thread)."""
    nav = page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd")
    origin, entries = page.evaluate(ENTRIES)
    result = {"html": nav}
    for worker in page.workers:
        if "planner-worker" in worker.url:
            worker_origin, worker_entries = worker.evaluate(ENTRIES)
            offset = worker_origin - origin
            result["worker"] = offset
            for name, start in worker.evaluate(MARKS):
                result[name.removeprefix("even-back:")] = start + offset
            entries += [[name, start + offset, end + offset] for name, start, end in worker_entries]
    runtime = [(name, start, end) for name, start, end in entries if "/pyodide/" in name]
    for name, start, _ in runtime:
        if name.endswith("/pyodide.asm.wasm"):
            result["wasm_asked"] = start
    if runtime:
        result["runtime_in"] = max(end for _, _, end in runtime)
    return result


LARGEST = {"days_per_week": "7", "minutes_per_session": "180", "weeks": "16"}


def largest_plan(page: Any) -> dict[str, float]:
    """The largest plan the form allows (16 weeks x 7 sessions x 180 minutes: over 1,000
    exercises, 3 MB of exports), from "Make my plan" to every week on screen, and the longest
    main-thread task meanwhile (the page adds it in small batches, so that no task holds the
    main thread long: a long task is one over 50 ms)."""
    for name, value in LARGEST.items():
        page.locator(f"#pl-{name}").fill(value)
    page.evaluate(
        """() => {
          Object.assign(window.__bench,
                        {plan: null, planAll: null, click: null, longestAfterClick: 0});
          document.querySelector("#planner").dataset.state = "ready";
        }"""
    )
    page.locator(".planner-submit").click()
    for _ in range(1500):
        if page.evaluate("window.__bench.planAll") is not None:
            break
        page.wait_for_timeout(20)
    else:
        raise TimeoutError("the largest plan was not shown in 30 s")
    bench = page.evaluate("window.__bench")
    weeks = page.locator("#planner .planner-week").count()
    if weeks != int(LARGEST["weeks"]):
        raise RuntimeError(f"the largest plan showed {weeks} weeks")
    return {
        "largest_plan_ms": bench["plan"] - bench["click"],
        "largest_plan_all_ms": bench["planAll"] - bench["click"],
        "largest_plan_longest_task_ms": bench["longestAfterClick"],
    }


def launch(pw: Any, profile: str, service_worker: bool) -> Any:
    ctx = pw.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        args=ARGS,
        headless=True,
        service_workers="allow" if service_worker else "block",
    )
    ctx.add_init_script(PROBE)
    return ctx


def one_run(
    pw: Any,
    url: str,
    counter: Counter,
    dwell_ms: int,
    settle: bool = True,
    service_worker: bool = True,
    max_age_s: int = MAX_AGE_S,
) -> dict[str, float]:
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        ctx = launch(pw, profile, service_worker)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        if settle:  # the browser finishes starting, as a visitor's already has
            result["settle_s"] = wait_until_idle()
        for phase in PHASES:
            if phase in ("return", "next_day"):
                # The browser closed and opened again on the same profile; for the next day,
                # once every file the server sent is stale in the HTTP cache.
                ctx.close()
                if phase == "next_day":
                    stale_at = counter.last + max_age_s + 1.0
                    result["next_day_wait_s"] = max(0.0, stale_at - time.monotonic())
                    time.sleep(result["next_day_wait_s"])
                ctx = launch(pw, profile, service_worker)
                page = ctx.pages[0] if ctx.pages else ctx.new_page()
                if settle:
                    wait_until_idle()
            before = counter.bytes
            page.goto(url)
            # Poll from outside: the site's CSP rightly forbids wait_for_function's eval. The
            # ready time itself is taken inside the page, so the polling step does not matter.
            for _ in range(1800):
                if page.evaluate("window.__bench && window.__bench.ready") is not None:
                    break
                page.wait_for_timeout(50)
            else:
                raise TimeoutError(f"{url} did not become ready in 90 s")
            bench = page.evaluate("window.__bench")
            result[f"{phase}_ms"] = bench["ready"]
            for key, value in timeline(page).items():
                result[f"{phase}_{key}_ms"] = value
            if f"{phase}_runtime_in_ms" in result:
                result[f"{phase}_after_runtime_ms"] = (
                    bench["ready"] - result[f"{phase}_runtime_in_ms"]
                )
            result[f"{phase}_longest_task_ms"] = bench["longest"]
            result[f"{phase}_bytes"] = counter.bytes - before
            if phase == "next_day":
                break
            page.wait_for_timeout(dwell_ms)  # the visitor reads the page
            if phase == "warm" and page.locator(".planner-submit").count():
                # From pressing "Make my plan" (default answers) to the plan on screen.
                page.locator(".planner-submit").click()
                for _ in range(600):
                    if page.evaluate("window.__bench.planAll") is not None:
                        break
                    page.wait_for_timeout(20)
                bench = page.evaluate("window.__bench")
                result["plan_ms"] = bench["plan"] - bench["click"]
                result["plan_all_ms"] = bench["planAll"] - bench["click"]
                result["plan_longest_task_ms"] = bench["longestAfterClick"]
                result.update(largest_plan(page))
            if phase == "cold":
                page.goto("about:blank")
        ctx.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument(
        "--compare",
        type=Path,
        action="append",
        default=[],
        help="another built site, served beside --site: its planner page runs interleaved "
        "with the others, with its service worker as variant 'sw:<folder name>' and "
        "without it as 'no-sw:<folder name>' (with no-sw)",
    )
    parser.add_argument(
        "--dwell", type=float, default=5.0, help="seconds each page stays open once ready"
    )
    parser.add_argument(
        "--max-age",
        type=int,
        default=MAX_AGE_S,
        help="the server's Cache-Control max-age in seconds, waited out before the next day",
    )
    parser.add_argument(
        "--no-settle",
        dest="settle",
        action="store_false",
        help="open the page at once after launching the browser, while it is still starting",
    )
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON")
    parser.add_argument(
        "--only",
        choices=("planner", "no-sw", "stock"),
        action="append",
        help="run only these variants (repeatable; --compare's sites run too); 'planner' alone "
        "gives the plan figures",
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "www"
        shutil.copytree(args.site, root)
        stock = stock_variant(root)
        counter = Counter()
        server = counting_server(root, counter, max_age=args.max_age)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        # The planner with its service worker (as visitors get it), the same page with
        # service workers blocked (the HTTP cache only), and the stock page.
        variants = {
            "planner": (base + "planner/", True),
            "no-sw": (base + "planner/", False),
            "stock": (base + stock, False),
        }
        for other in args.compare:
            shutil.copytree(other, root / "compare" / other.name)
            variants[f"sw:{other.name}"] = (f"{base}compare/{other.name}/planner/", True)
            variants[f"no-sw:{other.name}"] = (f"{base}compare/{other.name}/planner/", False)
        if args.only:
            variants = {  # a --compare site runs with its worker, and without it with no-sw
                name: variants[name]
                for name in variants
                if name in args.only
                or name.startswith("sw:")
                or (name.startswith("no-sw:") and "no-sw" in args.only)
            }
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
        print(f"machine: {machine_line(machine())}", file=sys.stderr)
        with sync_playwright() as pw:
            for i in range(args.runs):
                order = list(variants) if i % 2 == 0 else list(reversed(variants))
                for name in order:
                    url, sw = variants[name]
                    runs[name].append(
                        one_run(
                            pw,
                            url,
                            counter,
                            int(args.dwell * 1000),
                            args.settle,
                            sw,
                            args.max_age,
                        )
                    )
                    print(f"run {i + 1} {name}: {runs[name][-1]}", file=sys.stderr)
        server.shutdown()
    medians = {
        name: {key: statistics.median(r[key] for r in results if key in r) for key in results[0]}
        for name, results in runs.items()
    }
    print(f"\nmachine: {machine_line(machine())}")
    print(
        f"runs: {args.runs} per variant, interleaved; each page open {args.dwell:g} s once "
        f"ready; the next day once the server's max-age ({args.max_age:g} s) had passed; medians"
    )
    if args.settle:
        settled = statistics.median(r["settle_s"] for rs in runs.values() for r in rs)
        print(f"cold loads began once the new browser was idle (median wait {settled:.1f} s)\n")
    else:
        print("cold loads began at once after launching the browser (--no-settle)\n")
    header = f"{'variant':<18}" + "".join(f"{LABELS[phase] + ' ms':>12}" for phase in PHASES)
    print(
        header + "".join(f"{LABELS[phase] + ' KB':>12}" for phase in PHASES) + "  longest task ms"
    )
    for name, m in medians.items():
        longest = max(m[f"{phase}_longest_task_ms"] for phase in PHASES)
        print(
            f"{name:<18}"
            + "".join(f"{m[f'{phase}_ms']:>12.0f}" for phase in PHASES)
            + "".join(f"{m[f'{phase}_bytes'] / 1024:>12.0f}" for phase in PHASES)
            + f"{longest:>17.0f}"
        )
    print(
        "\nwhere the time went (medians, ms from navigation): the page's HTML in, the "
        "Pyodide worker's script running, the wasm asked for, the last runtime byte in, "
        "and from there to ready"
    )
    print(
        f"{'variant':<18}{'phase':<10}{'html':>7}{'worker':>8}{'wasm asked':>12}{'runtime in':>12}"
        f"{'-> ready':>10}"
    )
    for name, m in medians.items():
        for phase in PHASES:
            keys = ("html", "worker", "wasm_asked", "runtime_in", "after_runtime")
            cells = [m.get(f"{phase}_{key}_ms") for key in keys]
            text = [f"{c:.0f}" if c is not None else "-" for c in cells]
            print(
                f"{name:<18}{LABELS[phase]:<10}{text[0]:>7}{text[1]:>8}{text[2]:>12}{text[3]:>12}{text[4]:>10}"
            )
    print(
        "\nthe Pyodide worker's steps (medians, ms from navigation): runtime.json read, the kept "
        "snapshot read, pyodide.mjs and pyodide.asm.mjs imported, Pyodide started, ready"
    )
    print(f"{'variant':<18}{'phase':<10}" + "".join(f"{step:>15}" for step in STEPS))
    for name, m in medians.items():
        if f"cold_{STEPS[0]}_ms" not in m:
            continue
        for phase in PHASES:
            cells = [m.get(f"{phase}_{step}_ms") for step in STEPS]
            print(
                f"{name:<18}{LABELS[phase]:<10}"
                + "".join(f"{c:>15.0f}" if c is not None else f"{'-':>15}" for c in cells)
            )
    if "planner" in medians:
        p = medians["planner"]
        print(
            f"\nplanner: 'Make my plan' to the plan on screen (heading, tools, the open week) "
            f"{p['plan_ms']:.0f} ms (median), every week filled in {p['plan_all_ms']:.0f} ms, "
            f"longest main-thread task meanwhile {p['plan_longest_task_ms']:.0f} ms"
        )
        largest = [r["largest_plan_longest_task_ms"] for r in runs["planner"]]
        print(
            f"planner: the largest plan (16 weeks x 7 x 180 min) on screen in "
            f"{p['largest_plan_ms']:.0f} ms (median), every week filled in "
            f"{p['largest_plan_all_ms']:.0f} ms; longest main-thread task meanwhile: median "
            f"{p['largest_plan_longest_task_ms']:.0f} ms, best of {len(largest)} runs "
            f"{min(largest):.0f} ms ({sum(t < 50 for t in largest)} of {len(largest)} runs without "
            "a long task, i.e. none over 50 ms)"
        )
    print()
    s = medians.get("stock")
    for name in ("planner", "no-sw"):
        if name not in medians or s is None:
            continue
        m = medians[name]
        print(
            f"{name} / stock: cold {m['cold_ms'] / s['cold_ms']:.2f}x, "
            f"warm {m['warm_ms'] / s['warm_ms']:.2f}x, "
            f"return {m['return_ms'] / s['return_ms']:.2f}x, "
            f"next day {m['next_day_ms'] / s['next_day_ms']:.2f}x, "
            f"cold bytes {m['cold_bytes'] / s['cold_bytes']:.2f}x"
        )
    if "planner" in medians and "no-sw" in medians:
        m, n = medians["planner"], medians["no-sw"]
        print(
            "planner / no-sw (the service worker's cost, above 1, or gain, below): "
            + ", ".join(
                f"{LABELS[phase]} {m[f'{phase}_ms'] / n[f'{phase}_ms']:.2f}x" for phase in PHASES
            )
        )
        # A ratio of medians cannot tell a cost from the spread of a few runs: run by run, too.
        print(
            "planner against no-sw, run by run (a permutation test of the medians' difference, "
            "evenback_build/bench_compare.py): "
            + "; ".join(
                f"{LABELS[phase]} "
                + compare_runs(
                    [r[f"{phase}_ms"] for r in runs["planner"]],
                    [r[f"{phase}_ms"] for r in runs["no-sw"]],
                ).describe()
                for phase in PHASES
            )
        )
    if args.json:
        print(json.dumps({"machine": machine(), "runs": runs, "medians": medians}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
