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


def test_with_gzip_text_goes_out_compressed_to_a_client_that_accepts_it(tmp_path: Path) -> None:
    import gzip

    page = "<!doctype html><title>p</title>" + "<p>words</p>" * 200
    (tmp_path / "index.html").write_text(page, "utf-8")
    (tmp_path / "icon.png").write_bytes(b"\x89PNG" + b"\0" * 64)
    server = make_server(tmp_path, 0, "/", compress=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        asked = urllib.request.Request(base, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(asked, timeout=10) as answer:
            assert answer.headers["Content-Encoding"] == "gzip"
            assert answer.headers["Cache-Control"] == "max-age=600"
            body = answer.read()
        assert len(body) < len(page) and gzip.decompress(body).decode() == page
        # Not asked for, or not compressible: the plain bytes.
        status, headers, plain = get(base)
        assert (status, plain.decode(), "content-encoding" in headers) == (200, page, False)
        png = urllib.request.Request(base + "icon.png", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(png, timeout=10) as answer:
            assert answer.headers["Content-Encoding"] is None
    finally:
        server.shutdown()
        server.server_close()
