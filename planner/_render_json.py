"""JSON rendering of a plan: the one form the CLI and the browser must print byte for byte."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def render_json(plan: Mapping[str, Any]) -> str:
    """`json.dumps(plan, indent=2, ensure_ascii=False)` and a final newline, in plan key order."""
    return json.dumps(plan, indent=2, ensure_ascii=False) + "\n"
