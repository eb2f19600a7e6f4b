"""The three log commands as text in, text out, shared by the CLI and the worker bridge so
both give the same bytes: targets, progress and the next block."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ._log import parse_log_json
from ._log_progress import progress
from ._log_report import PROGRESS_FORMATS, render_progress
from ._next_block import next_plan
from ._profile import Problem
from ._render import render
from ._targets import TargetsError, render_targets_text, targets

TARGETS_FORMATS: tuple[str, ...] = ("json", "text")


def render_targets(result: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    if fmt == "text":
        return render_targets_text(result)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(TARGETS_FORMATS)}")


def check_date(date: str | None) -> str | None:
    """A `--date` value: None, or a real YYYY-MM-DD date (else TargetsError by `date`)."""
    if date is None or date == "":
        return None
    try:
        ok = len(date) == 10 and dt.date.fromisoformat(date).isoformat() == date
    except ValueError:
        ok = False
    if not ok:
        raise TargetsError(
            [Problem("date", f"must be a real date written YYYY-MM-DD, got {date!r}")]
        )
    return date


def targets_result(text: str, week: object, day: object, date: str | None = None) -> dict[str, Any]:
    """Targets for a log (JSON text). Raises LogError or TargetsError, each by path."""
    return targets(parse_log_json(text), week, day, check_date(date))


def progress_result(text: str) -> dict[str, Any]:
    return progress(parse_log_json(text))


def next_result(text: str) -> dict[str, Any]:
    return next_plan(parse_log_json(text))


__all__ = [
    "PROGRESS_FORMATS",
    "TARGETS_FORMATS",
    "next_result",
    "progress_result",
    "render",
    "render_progress",
    "render_targets",
    "targets_result",
]
