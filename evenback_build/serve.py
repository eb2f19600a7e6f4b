"""Serve the built site on 127.0.0.1, optionally under a sub-path, like GitHub Pages does.

GitHub Pages serves project sites under ``/<repo>/`` with ``Cache-Control: max-age=600``;
this server does the same (``--prefix /even-back/``), so the site can be tested where it
will live. Requests outside the prefix get 404. Correct types for ``.mjs`` and ``.wasm``.
With ``--gzip`` (``make_server(..., compress=True)``) text, JSON, SVG and wasm go out
gzip-compressed to a client that accepts it, as GitHub Pages sends them.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import sys
from pathlib import Path
from typing import Any

TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".ics": "text/calendar",
    ".webmanifest": "application/manifest+json",
}
# What GitHub Pages compresses: text of every kind, JSON, SVG and wasm (not images or zips).
COMPRESSED = (
    "text/",
    "application/json",
    "application/javascript",
    "image/svg+xml",
    "application/wasm",
    "application/manifest+json",
    "application/xml",
)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: dict[str, str] = {  # noqa: RUF012 (an instance variable in typeshed)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }
    prefix = "/"
    quiet = True
    max_age = 600  # seconds, as GitHub Pages

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(os.devnull) / "outside-prefix")  # never a file: 404
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", f"max-age={self.max_age}")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            super().log_message(format, *args)


class GzipSiteHandler(SiteHandler):
    """SiteHandler that sends compressible files gzip-compressed when the client accepts it."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0]))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and kind.startswith(COMPRESSED)):
            super().do_GET()
            return
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@functools.lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """The file's bytes, gzip-compressed (level 6, as web servers usually use); cached per
    file version (`mtime_ns` is part of the key)."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def make_server(
    directory: Path, port: int = 0, prefix: str = "/", quiet: bool = True, compress: bool = False
) -> http.server.ThreadingHTTPServer:
    """A server for ``directory`` at ``http://127.0.0.1:<port><prefix>`` (port 0: any free);
    ``compress``: gzip what GitHub Pages gzips."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    base = GzipSiteHandler if compress else SiteHandler
    handler = type("Handler", (base,), {"prefix": prefix, "quiet": quiet})
    factory = functools.partial(handler, directory=str(directory))
    return SiteServer(("127.0.0.1", port), factory)


class SiteServer(http.server.ThreadingHTTPServer):
    """A browser that goes away mid-download (a test's page closed, a cancelled fetch) is
    normal here, not an error worth a traceback; anything else is reported as usual."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/")
    parser.add_argument("--gzip", action="store_true", help="gzip text, JSON, SVG and wasm")
    args = parser.parse_args(argv)
    server = make_server(args.directory, args.port, args.prefix, quiet=False, compress=args.gzip)
    print(f"Serving {args.directory} at http://127.0.0.1:{args.port}{args.prefix}", file=sys.stderr)
    print("The planner is at /planner/. Press Ctrl+C to stop.", file=sys.stderr)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
