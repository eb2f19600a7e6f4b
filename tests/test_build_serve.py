"""The local site server (evenback_build.serve): like GitHub Pages, also under a sub-path."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from evenback_build.serve import make_server


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "planner").mkdir()
    (tmp_path / "planner" / "index.html").write_text("<!doctype html><title>p</title>", "utf-8")
    (tmp_path / "runtime.wasm").write_bytes(b"\0asm")
    (tmp_path / "worker.mjs").write_text("export {};", "utf-8")
    server = make_server(tmp_path, 0, "even-back")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (names lower-case) and body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, b""


def test_pages_are_served_under_the_prefix_with_pages_cache_header(served: str) -> None:
    status, headers, body = get(served + "/even-back/planner/")
    assert status == 200
    assert body.startswith(b"<!doctype html>")
    assert headers["cache-control"] == "max-age=600"


def test_nothing_is_served_outside_the_prefix(served: str) -> None:
    assert get(served + "/planner/")[0] == 404
    assert get(served + "/even-backplanner/")[0] == 404


def test_wasm_and_module_scripts_get_the_types_browsers_require(served: str) -> None:
    assert get(served + "/even-back/runtime.wasm")[1]["content-type"] == "application/wasm"
    assert get(served + "/even-back/worker.mjs")[1]["content-type"] == "text/javascript"
