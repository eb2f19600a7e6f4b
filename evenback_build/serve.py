"""Serve the built site on 127.0.0.1, optionally under a sub-path, like GitHub Pages does.

GitHub Pages serves project sites under ``/<repo>/`` with ``Cache-Control: max-age=600``;
this server does the same (``--prefix /even-back/``), so the site can be tested where it
will live. Requests outside the prefix get 404. Correct types for ``.mjs`` and ``.wasm``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
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


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: dict[str, str] = {  # noqa: RUF012 (an instance variable in typeshed)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }
    prefix = "/"
    quiet = True

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(os.devnull) / "outside-prefix")  # never a file: 404
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def make_server(
    directory: Path, port: int = 0, prefix: str = "/", quiet: bool = True
) -> http.server.ThreadingHTTPServer:
    """A server for ``directory`` at ``http://127.0.0.1:<port><prefix>`` (port 0: any free)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "quiet": quiet})
    factory = functools.partial(handler, directory=str(directory))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), factory)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args(argv)
    server = make_server(args.directory, args.port, args.prefix, quiet=False)
    print(f"Serving {args.directory} at http://127.0.0.1:{args.port}{args.prefix}", file=sys.stderr)
    print("The planner is at /planner/. Press Ctrl+C to stop.", file=sys.stderr)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
