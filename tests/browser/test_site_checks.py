"""Whole-site checks on the built site: links and anchors (lychee). Accessibility (axe-core) on
every page is in test_site_pages.py, in the same passes that load every page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lychee(site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "lychee"
    return subprocess.run(
        [
            str(exe),
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--index-files",
            "index.html",
            "--root-dir",
            str(site_dir),
            # Share links carry the planner's state in the fragment, not an anchor; that they
            # open a valid profile is tested in tests/test_docs_examples.py.
            "--exclude",
            "#profile=",
            *extra,
            f"{site_dir}/**/*.html",
        ],
        capture_output=True,
        text=True,
        cwd=site_dir,
    )


def test_no_broken_link_or_anchor_in_the_built_site(site) -> None:
    done = lychee(site.directory)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_link_checker_finds_a_planted_broken_anchor_and_raw_html_link(site, tmp_path) -> None:
    """The link check can fail: a copy of one page with two planted faults is flagged."""
    copy = tmp_path / "site"
    shutil.copytree(site.directory, copy, ignore=shutil.ignore_patterns("pyodide"))
    page = copy / "index.html"
    html = page.read_text(encoding="utf-8")
    planted = '<a href="understand/#no-such-anchor">x</a><a href="no-such-page/">y</a></body>'
    page.write_text(html.replace("</body>", planted), encoding="utf-8")
    done = lychee(copy)
    assert done.returncode != 0
    assert "no-such-anchor" in done.stdout + done.stderr
    assert "no-such-page" in done.stdout + done.stderr
