"""The page's small JavaScript modules, unit-tested with Node's own runner (tests/js/).

Run here so that `./scripts/test` and CI run them and a failing JavaScript test fails the suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_node_unit_tests_of_the_page_modules_pass() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for tests/js/ (node --test)"
    # The files by name: Node 20 searches a directory given to --test, later versions take
    # globs instead, and a list of files means the same to both.
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert files, "no tests/js/*.test.mjs"
    env = {**os.environ, "EVEN_BACK_PYTHON": sys.executable}
    done = subprocess.run(
        [node, "--test", *files],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "# fail 0" in report and "# pass 0" not in report, report
