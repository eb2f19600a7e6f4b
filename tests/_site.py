"""Builds the site once per test session and serves it on 127.0.0.1 like GitHub Pages.

Two builds: one served at "/" and one under the sub-path "/even-back/" (a project site).
Each server binds a free port first; the site is then built with that address as its
site_url (Material's instant navigation reads sitemap.xml, whose addresses must match the
served host, port and path), so parallel test runs on one machine never collide.
"""

from __future__ import annotations

import os
import subprocess
import threading
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

    @property
    def port(self) -> int:
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


def start(site: Site) -> Site:
    """Bind a free port, build the site for that address, serve it (once per session)."""
    with _lock:
        if site.server is not None:
            return site
        server = make_server(site.directory, 0, site.prefix)
        site.server = server
        env = {
            **os.environ,
            "EVEN_BACK_SITE_URL": site.url,
            "EVEN_BACK_SITE_DIR": str(site.directory),
        }
        subprocess.run([str(ROOT / "scripts" / "build")], check=True, env=env, cwd=ROOT)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return site


def stop_all() -> None:
    import shutil

    for site in SITES.values():
        if site.server is not None:
            site.server.shutdown()
            site.server.server_close()
            site.server = None
        shutil.rmtree(site.directory, ignore_errors=True)
