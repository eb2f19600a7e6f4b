"""The engine's snapshot: made once, in a worker of its own, and restored by later starts.

A later start restores the runtime's memory with the planner already imported, instead of
starting Python again (js/planner-worker.js). It must plan exactly as the command line does,
work offline, never receive what a person typed, and never stop the planner from starting: a
snapshot that cannot be restored is dropped and the runtime starts the usual way.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from _cli import cli_plan
from test_offline import plan_weeks_from_form, visit_planner_until_kept
from test_planner_downloads import FILES, PLAN_SHOWN, PROFILE, download, share_link

# The planner page keeps its snapshot here, as for a reader (and the service worker installs:
# offline is part of what is under test).
pytestmark = [pytest.mark.snapshot, pytest.mark.service_worker]

# The engine has started (the page says how, whatever it then shows: a form, or the last plan).
STARTED = "#planner[data-snapshot]"
STORED = "#planner[data-snapshot=stored]"
SNAPSHOT_PROFILE: dict[str, Any] = {**PROFILE, "weeks": 2, "start_date": "2027-01-04"}

# Which workers the page started ("url#name"), and what it posted to each (Worker is wrapped
# before any page script runs: the page's first script starts the planner's worker).
RECORD_WORKERS = """
window.workerPosts = [];
window.workerUrls = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url, options) {
    super(url, options);
    this.url = String(url) + "#" + (options?.name ?? "");
    window.workerUrls.push(this.url);
  }
  postMessage(message, ...rest) {
    window.workerPosts.push([this.url, JSON.stringify(message)]);
    return super.postMessage(message, ...rest);
  }
};
"""

# The kept snapshots of the site at `base` (its runtime's path): [name, bytes] for each file of
# its folder in the origin private file system (js/engine-snapshot.js).
KEPT_SNAPSHOTS = """async (base) => {
  const out = [];
  try {
    const root = await navigator.storage.getDirectory();
  const top = await root.getDirectoryHandle("even-back-snapshot");
    const folder = await top.getDirectoryHandle(encodeURIComponent(base));
    for await (const [name, handle] of folder.entries()) {
      out.push([name, (await handle.getFile()).size]);
    }
  } catch (error) {
    if (error.name !== "NotFoundError") throw error;
  }
  return out;
}"""


def runtime_path(site) -> str:  # type: ignore[no-untyped-def]
    """The path of the site's runtime folder, which names its snapshots' folder."""
    return urlsplit(site.url).path + "pyodide/"


def start_and_keep_the_snapshot(page, site) -> list[list[Any]]:  # type: ignore[no-untyped-def]
    """The first visit: the planner starts the usual way (no snapshot yet), is kept for offline
    use, and has its snapshot made; the snapshot cache's entries."""
    page.add_init_script(RECORD_WORKERS)
    visit_planner_until_kept(page, site)
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_selector(PLAN_SHOWN, timeout=60_000)
    assert page.locator("#planner").get_attribute("data-snapshot") in ("absent", "making", "stored")
    page.wait_for_selector(STORED, state="attached", timeout=90_000)
    kept = page.evaluate(KEPT_SNAPSHOTS, runtime_path(site))
    assert len(kept) == 1, kept
    name, size = kept[0]
    assert name.endswith(".zip.bin") and size > 5_000_000, kept
    return kept


def test_a_later_start_offline_restores_the_snapshot_and_plans_as_the_cli_does(
    site, context
) -> None:
    page = context.new_page()
    start_and_keep_the_snapshot(page, site)
    # The snapshot's worker was started for that alone: nothing was ever posted to it (so
    # nothing a person typed), while the planner's worker was asked for plans as usual.
    makers = [u for u in page.evaluate("window.workerUrls") if u.endswith("#even-back-snapshot")]
    assert len(makers) == 1
    posts = page.evaluate("window.workerPosts")
    assert [p for p in posts if p[0].endswith("#even-back-snapshot")] == []
    assert any('"plan_view"' in message for _, message in posts), posts
    page.close()

    context.set_offline(True)
    later = context.new_page()
    later.goto(share_link(site, SNAPSHOT_PROFILE))
    later.wait_for_selector(PLAN_SHOWN, timeout=90_000)
    assert later.locator("#planner").get_attribute("data-snapshot") == "restored"
    for fmt in FILES:
        assert download(later, fmt) == cli_plan(SNAPSHOT_PROFILE, fmt), fmt
    # The form still plans from what is typed, in the restored runtime.
    plan_weeks_from_form(later, 3)
    assert download(later, "json") == cli_plan({**SNAPSHOT_PROFILE, "weeks": 3}, "json")
    context.set_offline(False)


# What can happen to the kept bytes: any other bytes, a write cut short, or a whole packed
# snapshot whose memory Pyodide refuses (its first bytes, where Pyodide checks what it is).
DAMAGE = {
    "garbage": "(bytes) => new Uint8Array(1_000_000).fill(7)",
    "truncated": "(bytes) => bytes.slice(0, Math.floor(bytes.length / 2))",
    "refused": (
        "(bytes) => { const count = new DataView(bytes.buffer).getUint32(12, true); "
        "bytes.fill(255, 16 + 4 * count, 16 + 4 * count + 64); return bytes; }"
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_snapshot_is_dropped_the_planner_starts_and_a_new_one_is_kept(
    site, context, damage
) -> None:
    page = context.new_page()
    [[name, size]] = start_and_keep_the_snapshot(page, site)
    page.evaluate(
        f"""async ([base, name]) => {{
          const top = await (await navigator.storage.getDirectory())
            .getDirectoryHandle("even-back-snapshot");
          const file = await (await top.getDirectoryHandle(encodeURIComponent(base)))
            .getFileHandle(name);
          const bytes = new Uint8Array(await (await file.getFile()).arrayBuffer());
          const writable = await file.createWritable();
          await writable.write(({DAMAGE[damage]})(bytes));
          await writable.close();
        }}""",
        [runtime_path(site), name],
    )
    page.close()

    later = context.new_page()
    later.goto(site.url + "planner/")
    later.wait_for_selector(STARTED, state="attached", timeout=90_000)
    # Started the usual way, and a sound snapshot made again in place of the damaged one.
    assert later.locator("#planner").get_attribute("data-snapshot") in (
        "absent",
        "making",
        "stored",
    )
    later.wait_for_selector(STORED, state="attached", timeout=90_000)
    assert later.evaluate(KEPT_SNAPSHOTS, runtime_path(site)) == [[name, size]]
    plan_weeks_from_form(later, 2)
    assert later.locator("#planner .planner-week").count() == 2

    again = context.new_page()
    again.goto(site.url + "planner/")
    again.wait_for_selector(STARTED, state="attached", timeout=90_000)
    assert again.locator("#planner").get_attribute("data-snapshot") == "restored"
