"""JSON-string functions the browser worker calls (through Pyodide).

`describe()` tells the page how to build the form; `make_plan()` plans, renders every export
and words the plan for the page. Both take and return JSON text; `make_plan` never raises: a
bad profile is `{"ok": false, "errors"}`, a fault of the planner's own is
`{"ok": false, "internal": true, "message"}`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ._assess import BANDS_BASIS, TEST_RESULT_MAX, TEST_RESULT_MIN, TESTS
from ._fields import FIELDS
from ._profile import Problem, Profile, ProfileError, parse_profile_json
from ._screen import RED_FLAGS, URGENCY_LABELS
from ._version import __version__
from ._vocab import (
    BLOCK_LABELS,
    DOWNLOADS,
    FORMATS,
    SHARE_LINK_MAX_CHARS,
    SHARE_LINK_PROBLEMS,
)

# Only what describe() needs is imported up front, so the runtime is ready sooner; the engine,
# the catalogue and the renderers load in the first make_plan() (the page makes a quiet one
# right after start-up, so the person's first plan does not wait for them).


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def describe() -> str:
    """The form's description: version, fields, red flags, self-tests, export formats, the
    page's downloads and limits."""
    return _dumps(
        {
            "version": __version__,
            "fields": [f.to_dict() for f in FIELDS],
            "red_flags": [flag.to_dict() for flag in RED_FLAGS],
            "tests": [t.to_dict() for t in TESTS],
            "bands_basis": BANDS_BASIS,
            # Wording the page shows for plan values, so it never keeps copies of its own.
            "labels": {"urgency": URGENCY_LABELS, "blocks": BLOCK_LABELS},
            "formats": list(FORMATS),
            "downloads": list(DOWNLOADS),
            "limits": {
                "test_result": {"minimum": TEST_RESULT_MIN, "maximum": TEST_RESULT_MAX},
                "share_link_chars": SHARE_LINK_MAX_CHARS,
            },
            "messages": {"share_link": SHARE_LINK_PROBLEMS},
        }
    )


def _today(today_iso: object) -> dt.date | None:
    if isinstance(today_iso, str):
        try:
            return dt.date.fromisoformat(today_iso)
        except ValueError:
            return None
    return None


INTERNAL_ERROR = (
    "Something went wrong on our side: the planner could not make this plan ({detail}). "
    "Your answers are not the problem. Try again, or use the command-line planner: "
    "python -m planner."
)


def _parse(profile_json: object) -> Profile:
    if not isinstance(profile_json, str):
        raise ProfileError([Problem("profile", "must be JSON text")])
    return parse_profile_json(profile_json)


def make_plan(profile_json: str, today_iso: str = "") -> str:
    """Plan for a profile (JSON text); `today_iso` (YYYY-MM-DD) starts a calendar without
    `start_date`. Returns `{"ok": true, "plan", "display", "exports"}`, `{"ok": false,
    "errors"}` for an invalid profile, or `{"ok": false, "internal": true, "message"}`.
    """
    try:
        profile = _parse(profile_json)
    except ProfileError as exc:
        return _dumps({"ok": False, "errors": [p.to_dict() for p in exc.problems]})
    except Exception as exc:  # the worker must always get an answer
        return _internal(exc)
    try:
        from ._display import display
        from ._engine import plan
        from ._render import render

        result: dict[str, Any] = plan(profile)
        today = _today(today_iso)
        exports = {fmt: render(result, fmt, today=today) for fmt in FORMATS}
        return _dumps({"ok": True, "plan": result, "display": display(result), "exports": exports})
    except Exception as exc:  # a valid profile: whatever fails here is the planner's fault
        return _internal(exc)


def _internal(exc: Exception) -> str:
    detail = f"{type(exc).__name__}: {exc}"
    return _dumps({"ok": False, "internal": True, "message": INTERNAL_ERROR.format(detail=detail)})
