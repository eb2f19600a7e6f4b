"""The planner runs inside the vendored Pyodide exactly as it runs in CPython."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import planner

pytestmark = pytest.mark.pyodide
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "docs" / "examples").glob("*.json"))


def test_planner_imports_precompiled_from_the_standard_library_on_python_314(
    run_in_pyodide: Callable[[str], str],
) -> None:
    out = run_in_pyodide(
        "import sys, planner\nf'{planner.__version__} {sys.version_info[:2]} {planner.__file__}'"
    )
    version, rest = out.split(" ", 1)
    assert version == planner.__version__
    assert rest == "(3, 14) /lib/python314.zip/planner/__init__.pyc"


def test_every_example_plans_byte_identically_in_pyodide_and_cpython(
    run_in_pyodide: Callable[[str], str],
) -> None:
    assert EXAMPLES, "docs/examples/ holds the example profiles"
    profiles = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES}
    code = (
        "import json, planner\n"
        f"profiles = json.loads({json.dumps(json.dumps(profiles))})\n"
        "json.dumps({name: {fmt: planner.render(planner.plan(p), fmt) for fmt in "
        "('json', 'md', 'csv', 'text')} for name, p in profiles.items()})"
    )
    in_pyodide = json.loads(run_in_pyodide(code))
    for name, profile in profiles.items():
        for fmt in ("json", "md", "csv", "text"):
            expected = planner.render(planner.plan(profile), fmt)
            assert in_pyodide[name][fmt] == expected, (name, fmt)


def test_bridge_reports_errors_by_field_in_pyodide(run_in_pyodide: Callable[[str], str]) -> None:
    out = run_in_pyodide(
        "from planner import _bridge\n"
        "_bridge.make_plan('{\"days_per_week\": 9, \"focus\": true}', '2026-11-22')"
    )
    answer = json.loads(out)
    assert answer["ok"] is False
    fields = {e["field"] for e in answer["errors"]}
    assert {"days_per_week", "focus"} <= fields


def test_form_description_in_the_built_page_is_what_the_runtime_describes(
    runtime_dir: Path, run_in_pyodide: Callable[[str], str]
) -> None:
    """The page builds its form before the runtime is up, from the description the build put
    on #planner: it must be exactly what describe() answers in the browser's runtime."""
    page = (runtime_dir.parent / "planner" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<div id="planner" data-description="([^"]*)"', page)
    assert found, "the planner page carries its form description"
    in_page = json.loads(html.unescape(found.group(1)))
    in_pyodide = json.loads(run_in_pyodide("from planner._bridge import describe\ndescribe()"))
    assert len(in_page["fields"]) > 5
    assert in_page == in_pyodide
