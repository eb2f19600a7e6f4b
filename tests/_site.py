"""Builds the site once per test session and serves it on 127.0.0.1 like GitHub Pages.

Two builds: one served at "/" and one under the sub-path "/even-back/" (a project site).
Each server binds a free port first; the site is then built with that address as its
site_url (Material's instant navigation reads sitemap.xml, whose addresses must match the
served host, port and path), so parallel test runs on one machine never collide.

./scripts/test runs two pytest processes at once; rather than each building both sites, it
starts `python tests/_site.py --serve FOLDER` first, which builds and serves the two sites once
and writes where each one is to FOLDER/<name>.json as soon as it is built (the site at "/"
first), and names FOLDER in EVEN_BACK_TEST_SITES: `start` in each pytest process then waits
for that site's file and uses the site as it is (never rebuilding it).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

from evenback_build.paths import ROOT
from evenback_build.serve import make_server


@dataclass
class Site:
    name: str
    directory: Path
    prefix: str
    server: ThreadingHTTPServer | None = field(default=None, repr=False)
    # Set when another process (`--serve`) built and serves the site: its port.
    shared_port: int | None = field(default=None, repr=False)

    @property
    def port(self) -> int:
        if self.shared_port is not None:
            return self.shared_port
        assert self.server is not None, "start(site) first"
        return int(self.server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"


SITES = {
    "root": Site("root", ROOT / ".cache" / f"test-site-root-{os.getpid()}", "/"),
    "subpath": Site("subpath", ROOT / ".cache" / f"test-site-subpath-{os.getpid()}", "/even-back/"),
}
_lock = threading.Lock()
BUILD_LOCK = ROOT / ".cache" / "build.lock"


@contextlib.contextmanager
def build_lock() -> Iterator[None]:
    """Held while a build writes the shared files (docs/'s generated pages, .cache/wheel,
    .cache/precompiled) or a test reads them: ./scripts/test runs two pytest processes at
    once, and each builds its own sites."""
    BUILD_LOCK.parent.mkdir(parents=True, exist_ok=True)
    with BUILD_LOCK.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


SHARED = "EVEN_BACK_TEST_SITES"  # the folder `--serve` writes to (see the module's docstring)
SHARED_WAIT_S = 900


def shared_site(folder: Path, name: str) -> dict[str, object]:
    """What `--serve` wrote to `folder` for site `name`, once it has: its directory and port
    (or the build's error, at once)."""
    waited = 0.0
    while True:
        error = folder / "error.json"
        assert not error.exists(), f"the shared test sites failed to build: {error.read_text()}"
        if (folder / f"{name}.json").exists():
            found: dict[str, object] = json.loads((folder / f"{name}.json").read_text("utf-8"))
            return found
        assert waited < SHARED_WAIT_S, f"{folder}/{name}.json was never written"
        time.sleep(0.2)
        waited += 0.2


def publish(folder: Path, name: str, found: dict[str, object]) -> None:
    """Write `folder/<name>.json` whole or not at all (a reader never sees half of it)."""
    partial = folder / f"{name}.json.tmp"
    partial.write_text(json.dumps(found), encoding="utf-8")
    partial.replace(folder / f"{name}.json")


def start(site: Site) -> Site:
    """Bind a free port, build the site for that address, serve it (once per session); or,
    when EVEN_BACK_TEST_SITES names a file, use the site another process built and serves."""
    with _lock:
        if site.server is not None or site.shared_port is not None:
            return site
        if os.environ.get(SHARED):
            found = shared_site(Path(os.environ[SHARED]), site.name)
            site.directory = Path(str(found["directory"]))
            site.shared_port = int(str(found["port"]))
            return site
        server = make_server(site.directory, 0, site.prefix)
        site.server = server
        env = {
            **os.environ,
            "EVEN_BACK_SITE_URL": site.url,
            "EVEN_BACK_SITE_DIR": str(site.directory),
        }
        with build_lock():
            subprocess.run([str(ROOT / "scripts" / "build")], check=True, env=env, cwd=ROOT)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return site


def stop_all() -> None:
    import shutil

    for site in SITES.values():
        if site.shared_port is not None:  # the process that built it removes it
            site.shared_port = None
            continue
        if site.server is not None:
            site.server.shutdown()
            site.server.server_close()
            site.server = None
        shutil.rmtree(site.directory, ignore_errors=True)


def serve(folder: Path) -> None:
    """Build and serve both sites until SIGTERM; write where each is to `folder` once it is
    built (or the error, so that the waiting test processes fail at once with it)."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for site in SITES.values():
            start(site)
            publish(folder, site.name, {"directory": str(site.directory), "port": site.port})
        while True:
            time.sleep(3600)
    except SystemExit:
        raise
    except BaseException as error:  # a failed build: say so to the test processes
        publish(folder, "error", {"error": repr(error)})
        raise
    finally:
        stop_all()


if __name__ == "__main__":
    assert sys.argv[1:2] == ["--serve"] and len(sys.argv) == 3, "usage: _site.py --serve FOLDER"
    serve(Path(sys.argv[2]))
