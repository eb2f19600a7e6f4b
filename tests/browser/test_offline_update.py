"""A new build served in place of the old: the page offers the reload and never reloads itself."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_offline import poll

from evenback_build.paths import ROOT
from evenback_build.serve import make_server

# Here the site's service worker is what is under test: it installs, as for a reader; and the
# planner keeps its engine's snapshot, which a new worker drops if it is of another runtime.
pytestmark = [pytest.mark.service_worker, pytest.mark.snapshot]

CHANGED = "A sentence only the new version has."
CACHE_NAMES = "async () => caches.keys()"
# The snapshot files kept for the site at "/" (js/engine-snapshot.js), and one written there.
SNAPSHOTS = """async () => {
  const root = await navigator.storage.getDirectory();
  const top = await root.getDirectoryHandle("even-back-snapshot");
  const folder = await top.getDirectoryHandle(encodeURIComponent("/pyodide/"));
  const names = [];
  for await (const name of folder.keys()) names.push(name);
  return names.sort();
}"""
SNAPSHOT_OF = """async (name) => {
  const root = await navigator.storage.getDirectory();
  const top = await root.getDirectoryHandle("even-back-snapshot");
  const folder = await top.getDirectoryHandle(encodeURIComponent("/pyodide/"));
  const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
  await writable.write("old");
  await writable.close();
}"""


@pytest.fixture
def copy_of_site(site, tmp_path: Path) -> Iterator[tuple[Path, str]]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "www"
    shutil.copytree(site.directory, folder)
    server = make_server(folder, 0, "/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def rebuild_with_changes(folder: Path) -> None:
    """What a new deploy changes: a page's words and the runtime's files (so its key)."""
    page = folder / "understand" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</h1>", f"</h1><p>{CHANGED}</p>", 1),
        encoding="utf-8",
    )
    runtime = folder / "pyodide" / "runtime.json"
    manifest = json.loads(runtime.read_text(encoding="utf-8"))
    manifest["build"] = "next"
    runtime.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    node = ["node", str(ROOT / "evenback_build" / "service_worker.mjs"), str(folder)]
    subprocess.run(node, check=True, cwd=ROOT, capture_output=True)


def test_new_build_is_offered_served_after_reload_old_caches_gone_log_intact(
    copy_of_site, context
) -> None:
    folder, url = copy_of_site
    page = context.new_page()
    page.goto(url + "planner/")
    page.wait_for_selector("#planner[data-state=ready]", timeout=90_000)
    page.wait_for_selector("html[data-runtime-kept=true]", state="attached", timeout=90_000)
    page.wait_for_selector("#planner[data-snapshot=stored]", state="attached", timeout=90_000)
    # A snapshot of another runtime, as an older build may have left (this one's stays).
    page.evaluate(SNAPSHOT_OF, "314.0.0-python_stdlib-0000.zip.bin")
    snapshots = page.evaluate(SNAPSHOTS)
    assert len(snapshots) == 2
    old_caches = page.evaluate(CACHE_NAMES)
    old_runtime = [n for n in old_caches if n.startswith("even-back-runtime-")]
    assert len(old_runtime) == 1
    # What a person logged and typed: in localStorage and IndexedDB, never in a cache.
    page.evaluate(
        """() => new Promise((resolve, reject) => {
          localStorage.setItem("even-back:update-test", "logged");
          const open = indexedDB.open("even-back-update-test", 1);
          open.onupgradeneeded = () => open.result.createObjectStore("log");
          open.onsuccess = () => {
            const tx = open.result.transaction("log", "readwrite");
            tx.objectStore("log").put({ reps: 8 }, "set-1");
            tx.oncomplete = () => { open.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        })"""
    )
    page.goto(url + "understand/")
    page.evaluate("() => { window.sameDocument = true; }")

    rebuild_with_changes(folder)
    # Instant navigation (no reload) asks the worker to look for an update.
    page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
    banner = page.locator(".eb-update")
    banner.wait_for(timeout=60_000)
    assert "A new version is ready" in banner.inner_text()
    assert page.evaluate("window.sameDocument") is True, "the page must not reload by itself"
    assert CHANGED not in page.content()

    with page.expect_navigation():
        banner.get_by_role("button", name="reload").click()
    assert CHANGED in page.locator("article").inner_text()
    poll(page, "(old) => caches.keys().then((names) => !names.includes(old))", old_runtime[0])
    poll(page, f"() => ({SNAPSHOTS})().then((kept) => kept.length === 1)")
    assert page.evaluate(SNAPSHOTS) == [u for u in snapshots if "314.0.0" not in u]
    assert page.evaluate("localStorage.getItem('even-back:update-test')") == "logged"
    kept = page.evaluate(
        """() => new Promise((resolve) => {
          const open = indexedDB.open("even-back-update-test", 1);
          open.onsuccess = () => {
            const get = open.result.transaction("log").objectStore("log").get("set-1");
            get.onsuccess = () => resolve(get.result);
          };
        })"""
    )
    assert kept == {"reps": 8}
