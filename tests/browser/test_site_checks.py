"""Whole-site checks on the built site: links and anchors (lychee), accessibility (axe-core)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _axe import AXE, violations

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


def all_pages(site_dir: Path) -> list[str]:
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        if rel.startswith("pyodide"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_22_aa_violation_on_any_page(site, browser, scheme) -> None:
    pages = all_pages(site.directory)
    assert len(pages) > 60, pages
    # bypass_csp: axe is injected as an inline script, which the site's policy rightly refuses.
    ctx = browser.new_context(
        color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = ctx.new_page()
    problems = {}
    for path in pages:
        page.goto(site.url + path)
        page.add_script_tag(path=str(AXE))
        result = violations(page)
        if result:
            problems[path] = result
    ctx.close()
    assert problems == {}, json.dumps(problems, indent=1)[:6000]


def test_axe_finds_no_violation_on_a_360px_phone_where_tables_scroll(site, browser) -> None:
    """Tables that are wider than a phone scroll inside a region; that region must be
    reachable by keyboard and named (axe: scrollable-region-focusable), in both schemes."""
    pages = [
        p
        for p in all_pages(site.directory)
        if "<table" in (site.directory / p / "index.html").read_text(encoding="utf-8")
    ]
    assert any(p.startswith("self-tests/") for p in pages), pages
    problems = {}
    for scheme in ("light", "dark"):
        ctx = browser.new_context(
            color_scheme=scheme, viewport={"width": 360, "height": 780}, bypass_csp=True
        )
        page = ctx.new_page()
        for path in pages:
            page.goto(site.url + path)
            page.add_script_tag(path=str(AXE))
            result = violations(page)
            if result:
                problems[f"{scheme} {path}"] = result
        ctx.close()
    assert problems == {}, json.dumps(problems, indent=1)[:6000]
