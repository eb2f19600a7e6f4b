"""Benchmark: a logged set's target in the planner page, measured in the page.

The 16-week, 7-sessions-a-week log of bench_targets (without its session in progress) is
loaded with "Load log", week 16, day 7 is started, and then the weak side's first set of a
one-sided item is entered again and again (alternating two values, so the target changes each
time). Timed inside the page with performance.now(), from the input's change event to:
- `target`: the strong side's target for that set on screen (its data-target changed): the
  worker's log_session_targets (the stored log parsed once per revision) and the page's update;
- `settled`: the page idle again (the session's draft written to IndexedDB as well).
Usage: python -m evenback_build.bench_page_targets [--runs 30] [--site site] (build first)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from .bench import Counter, counting_server, machine, machine_line
from .bench_targets import PROFILE
from .chromium import ARGS, CHROMIUM
from .log_samples import log_following_plan

MEASURE = """async ([item, value]) => {
  const sel = `input[data-item="${item}"][data-set="1"]`;
  const weak = document.querySelector(`.planner-train-weak ${sel}`);
  const strongInput = [...document.querySelectorAll(sel)]
    .find((x) => x !== weak && x.id.endsWith("-amount"));
  const target = document.getElementById(strongInput.id.replace(/-amount$/, "-target"));
  const panel = document.querySelector(".planner-train");
  const before = target.dataset.target;
  weak.value = String(value);
  const start = performance.now();
  const shown = new Promise((resolve) => {
    setTimeout(() => resolve(NaN), 10000);  // never changed: reported, not waited for
    const seen = new MutationObserver(() => {
      if (target.dataset.target !== before) { seen.disconnect(); resolve(performance.now()); }
    });
    seen.observe(target, { attributes: true });
  });
  weak.dispatchEvent(new Event("change", { bubbles: true }));
  const onScreen = await shown;
  await new Promise((resolve) => {
    const idle = () => (panel.dataset.busy === "false" ? resolve() : setTimeout(idle, 1));
    idle();
  });
  return { target: onScreen - start, settled: performance.now() - start };
}"""


def _poll(page: Any, selector: str, tries: int = 1200) -> None:
    for _ in range(tries):
        if page.locator(selector).count():
            return
        page.wait_for_timeout(100)
    raise TimeoutError(f"never shown: {selector}")


def bench(site: Path, runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    log = log_following_plan(PROFILE, weeks=15, load_kg=12)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "www"
        shutil.copytree(site, root)
        path = Path(tmp) / "log.json"
        path.write_text(json.dumps(log), encoding="utf-8")
        server = counting_server(root, Counter())
        url = f"http://127.0.0.1:{server.server_address[1]}/planner/"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context().new_page()
            page.goto(url)
            _poll(page, "#planner[data-state=ready]")
            page.locator(".planner-submit").click()
            _poll(page, "#planner .planner-log > h3")
            page.locator(".planner-log input[type=file]").set_input_files(str(path))
            count = f"{len(log['sessions'])} sessions logged."
            for _ in range(1200):  # the log's own plan, made and shown with the log under it
                bar = page.locator("#planner .planner-log-count")
                if bar.count() and bar.inner_text() == count:
                    break
                page.wait_for_timeout(100)
            else:
                raise TimeoutError("the loaded log was never shown")
            page.locator("#pl-log-session").select_option(index=15 * 7 + 6)
            page.get_by_role("button", name="Start session").click()
            _poll(page, "#planner[data-state=train] .planner-train-weak")
            # The last one-sided item: the first ones of a self-test day are self-tests, which
            # are never capped (their target does not follow the weak side).
            item = page.locator(".planner-train-weak input[data-set='1']").last.get_attribute(
                "data-item"
            )
            page.evaluate(MEASURE, [item, 3])  # the first call parses the log (a new revision)
            times = [page.evaluate(MEASURE, [item, 4 + (i % 2)]) for i in range(runs)]
            if any(t["target"] != t["target"] for t in times):
                raise RuntimeError("the strong side's target did not follow the weak side's set")
            browser.close()
        server.shutdown()
    return {
        "machine": machine(),
        "log": {"sessions": len(log["sessions"]), "bytes": len(json.dumps(log))},
        "runs": runs,
        "target_ms": statistics.median(t["target"] for t in times),
        "target_max_ms": max(t["target"] for t in times),
        "settled_ms": statistics.median(t["settled"] for t in times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = bench(args.site, max(1, args.runs))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"machine: {machine_line(result['machine'])}")
    lg = result["log"]
    print(f"log: {lg['sessions']} sessions, {lg['bytes']} bytes of JSON, loaded in the page")
    print(
        f"a logged set's target on screen (change -> strong side's target shown): median "
        f"{result['target_ms']:.1f} ms, max {result['target_max_ms']:.1f} ms "
        f"({result['runs']} runs)"
    )
    print(
        f"  the page idle again (draft kept in IndexedDB too): median {result['settled_ms']:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
