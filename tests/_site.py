"""Builds the site once per test session and serves it on 127.0.0.1 like GitHub Pages.

Two builds: one served at "/" and one under the sub-path "/even-back/" (a project site).
Each is built with its own site_url (Material's instant navigation reads sitemap.xml, whose
addresses must match the served host, port and path), so the ports are fixed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from serve_site import make_server  # noqa: E402


@dataclass(frozen=True)
class Site:
    name: str
    directory: Path
    port: int
    prefix: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"


SITES = {
    "root": Site("root", ROOT / ".cache" / "test-site-root", 8731, "/"),
    "subpath": Site("subpath", ROOT / ".cache" / "test-site-subpath", 8732, "/even-back/"),
}


_built: set[str] = set()


def build(site: Site) -> None:
    """Run ./scripts/build for ``site`` once per session.

    With EVEN_BACK_REUSE_SITE=1 an existing build is reused (for quick local re-runs)."""
    if site.name in _built:
        return
    _built.add(site.name)
    if os.environ.get("EVEN_BACK_REUSE_SITE") == "1" and (site.directory / "index.html").exists():
        return
    env = {**os.environ, "EVEN_BACK_SITE_URL": site.url, "EVEN_BACK_SITE_DIR": str(site.directory)}
    subprocess.run([str(ROOT / "scripts" / "build")], check=True, env=env, cwd=ROOT)


def serve(site: Site):  # type: ignore[no-untyped-def]
    import threading

    server = make_server(site.directory, site.port, site.prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
