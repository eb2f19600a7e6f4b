"""The GitHub Pages workflow, checked offline: schema, security audit, and our own rules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.fail(f"{name} is not installed (it is a pinned dev dependency)")
        return found
    return str(path)


def test_workflow_matches_githubs_workflow_schema() -> None:
    done = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_finds_no_security_problem_in_the_workflow() -> None:
    done = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_action_is_pinned_by_full_commit_sha() -> None:
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses, "the workflow uses actions"
    for ref in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref


def test_workflow_builds_with_the_build_script_and_deploys_with_pages_actions() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "run: ./scripts/build" in text
    assert "actions/upload-pages-artifact@" in text
    assert "actions/deploy-pages@" in text
    assert "persist-credentials: false" in text
    assert re.search(r"^permissions: \{\}$", text, re.M), "no permissions at the top level"


def test_zizmor_would_flag_a_checkout_that_keeps_credentials(tmp_path: Path) -> None:
    """The audit can fail: the same workflow without persist-credentials: false is flagged."""
    bad = tmp_path / ".github" / "workflows" / "pages.yml"
    bad.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    bad.write_text(text.replace("persist-credentials: false", "fetch-depth: 1"), encoding="utf-8")
    done = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", str(bad)], capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "artipacked" in done.stdout + done.stderr
