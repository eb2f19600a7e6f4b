"""The precompiled runtime files: reproducible, and made for the pinned runtime's CPython
from the pinned standard library and this planner."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from evenback_build.paths import ROOT
from evenback_build.precompile import precompile
from evenback_build.runtime import assemble

pytestmark = pytest.mark.pyodide
RUNNER = Path(__file__).with_name("run.mjs")


@pytest.fixture(scope="module")
def stock_runtime(tmp_path_factory, runtime_dir: Path) -> Path:
    """The pinned runtime assembled the stock way (no precompiled files)."""
    site = tmp_path_factory.mktemp("stock-site")
    pinned = os.environ.get("PYODIDE_DIR") or str(max((ROOT / ".cache" / "pyodide").iterdir()))
    return assemble(Path(pinned), ROOT / ".cache" / "wheel", site)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, stock_runtime: Path) -> tuple[Path, Path]:
    wheels = ROOT / ".cache" / "wheel"
    first = precompile(stock_runtime, wheels, tmp_path_factory.mktemp("cache-a"))
    second = precompile(stock_runtime, wheels, tmp_path_factory.mktemp("cache-b"))
    return first, second


def test_precompiled_files_are_byte_identical_across_builds(two_builds) -> None:
    first, second = two_builds
    assert first.name == second.name, "same inputs, same content key"
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        assert hashlib.sha256(a).digest() == hashlib.sha256(b).digest(), name


def test_site_ships_the_precompiled_files_the_build_made(runtime_dir: Path, two_builds) -> None:
    manifest = json.loads((runtime_dir / "runtime.json").read_text(encoding="utf-8"))
    assert manifest["stdlib"] != "python_stdlib.zip", "the site uses the precompiled stdlib"
    shipped = (runtime_dir / manifest["stdlib"]).read_bytes()
    assert shipped == (two_builds[0] / "python_stdlib.zip").read_bytes()
    names = zipfile.ZipFile(runtime_dir / manifest["stdlib"]).namelist()
    assert "planner/_engine.pyc" in names and "planner/data/exercises.toml" in names
    assert "json/__init__.pyc" in names
    assert not [n for n in names if n.endswith(".py")], (
        "the browser's standard library is sourceless"
    )
    assert manifest["packages"] == [], "the planner comes inside the standard library"
    assert manifest["lock"]["packages"] == {}
    fallback = manifest["fallback"]
    assert fallback["stdlib"] == "python_stdlib.zip"
    assert fallback["packages"] == ["even-back-planner"]
    entry = fallback["lock"]["packages"]["even-back-planner"]
    wheel = (runtime_dir / entry["file_name"]).read_bytes()
    assert hashlib.sha256(wheel).hexdigest() == entry["sha256"]


def test_every_pyc_matches_the_pinned_runtimes_magic_and_its_stock_source(
    stock_runtime: Path, two_builds
) -> None:
    """Checked inside the pinned Pyodide itself: magic number, unchecked-hash flag, source hash."""
    packed = base64.b64encode((two_builds[0] / "python_stdlib.zip").read_bytes()).decode()
    (wheel,) = (ROOT / ".cache" / "wheel").glob("*.whl")
    plain = base64.b64encode(wheel.read_bytes()).decode()
    code = f"""
import base64, importlib.util, io, zipfile
pre = zipfile.ZipFile(io.BytesIO(base64.b64decode({packed!r})))
stock = zipfile.ZipFile("/lib/python314.zip")
wheel = zipfile.ZipFile(io.BytesIO(base64.b64decode({plain!r})))
bad = []
names = [n for n in pre.namelist() if n.endswith(".pyc")]
for name in names:
    data = pre.read(name)
    source = (wheel if name.startswith("planner/") else stock).read(name[:-4] + ".py")
    if data[:4] != importlib.util.MAGIC_NUMBER:
        bad.append((name, "magic"))
    elif int.from_bytes(data[4:8], "little") != 0b01:
        bad.append((name, "flags"))
    elif data[8:16] != importlib.util.source_hash(source):
        bad.append((name, "source hash"))
f"{{len(names)}} {{bad}}"
"""
    done = subprocess.run(
        ["node", str(RUNNER), str(stock_runtime)], input=code, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    count, bad = done.stdout.split(" ", 1)
    assert int(count) > 100
    assert bad == "[]"
