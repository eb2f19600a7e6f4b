"""The command-line planner, run as a user would, for comparing with what the page shows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def cli_plan(profile: dict[str, Any], fmt: str = "json") -> bytes:
    """`python -m planner plan - --format FMT` for ``profile``: its exact bytes."""
    done = subprocess.run(
        [sys.executable, "-m", "planner", "plan", "-", "--format", fmt],
        input=json.dumps(profile).encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        check=True,
    )
    return done.stdout
