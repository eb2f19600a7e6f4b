"""The GitHub workflow (CI, then Pages), checked offline: schema, security audit, our own rules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from evenback_build.paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "ci.yml"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.fail(f"{name} is not installed (it is a pinned dev dependency)")
        return found
    return str(path)


def jobs() -> dict[str, Any]:
    return dict(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"])


def steps_text(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in job["steps"])


def test_the_one_workflow_is_the_only_workflow() -> None:
    assert sorted(p.name for p in WORKFLOWS.iterdir()) == ["ci.yml"]


def test_workflow_matches_githubs_workflow_schema() -> None:
    done = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_finds_no_security_problem_in_the_workflow() -> None:
    done = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", str(WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_action_is_pinned_by_full_commit_sha() -> None:
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses, "the workflow uses actions"
    for ref in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref


def test_checks_and_tests_run_on_every_push_and_pull_request() -> None:
    on = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))[True]  # YAML 1.1: `on` is True
    assert set(on) >= {"push", "pull_request"}
    assert on["push"] is None, "every branch, so a fork's pushes are checked too"
    every = jobs()
    assert "EVEN_BACK_BROWSER" in str(every["checks"]["steps"])
    assert "./scripts/test" in steps_text(every["checks"])
    assert "./scripts/test -m browser" in steps_text(every["browser"])


def test_pages_deploy_waits_for_every_check_and_test_and_only_from_main() -> None:
    every = jobs()
    assert set(every["build"]["needs"]) == {"checks", "browser"}
    assert every["deploy"]["needs"] == "build"
    assert "refs/heads/main" in every["build"]["if"]
    assert "pull_request" in every["build"]["if"], "a pull request never deploys"
    assert "run: ./scripts/build" in WORKFLOW.read_text(encoding="utf-8")
    uses = [step.get("uses", "") for step in every["deploy"]["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_deploy_installs_only_the_build_group_and_the_build_group_builds() -> None:
    build = jobs()["build"]
    envs = [step.get("env", {}) for step in build["steps"]]
    assert {"EVEN_BACK_GROUPS": "build"} in [
        {k: v for k, v in e.items() if k == "EVEN_BACK_GROUPS"} for e in envs
    ]
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "dependency-groups"
    ]
    names = {re.split(r"[=<>;\s]", str(req), maxsplit=1)[0] for req in groups["build"]}
    assert {"mkdocs", "mkdocs-material", "jinja2", "hatchling"} <= names
    assert not names & {"pytest", "playwright", "ruff", "mypy", "hypothesis"}


def test_least_privilege_and_no_kept_credentials() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"^permissions: \{\}$", text, re.M), "no permissions at the top level"
    for name, job in jobs().items():
        assert "permissions" in job, name
        for step in job["steps"]:
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
    assert set(jobs()["deploy"]["permissions"]) == {"pages", "id-token"}


def test_zizmor_would_flag_a_checkout_that_keeps_credentials(tmp_path: Path) -> None:
    """The audit can fail: the same workflow without persist-credentials: false is flagged."""
    bad = tmp_path / ".github" / "workflows" / "ci.yml"
    bad.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    bad.write_text(text.replace("persist-credentials: false", "fetch-depth: 1"), encoding="utf-8")
    done = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", str(bad)], capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "artipacked" in done.stdout + done.stderr
