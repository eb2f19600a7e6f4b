"""JSON-string functions the browser worker calls (through Pyodide).

`describe()` tells the page how to build the form; `make_plan()` plans and renders every
export. Both take and return JSON text; `make_plan` never raises.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ._assess import BANDS_BASIS, TESTS
from ._profile import FIELDS, ProfileError, parse_profile_json
from ._screen import RED_FLAGS, URGENCY_LABELS
from ._vocab import BLOCK_LABELS, FORMATS

# Only what describe() needs is imported up front, so the runtime is ready sooner; the engine,
# the catalogue and the renderers load in the first make_plan() (the page makes a quiet one
# right after start-up, so the person's first plan does not wait for them).


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def describe() -> str:
    """The form's description: version, fields, red flags, self-tests, export formats."""
    from . import __version__

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
        }
    )


def _today(today_iso: object) -> dt.date | None:
    if isinstance(today_iso, str):
        try:
            return dt.date.fromisoformat(today_iso)
        except ValueError:
            return None
    return None


def make_plan(profile_json: str, today_iso: str = "") -> str:
    """Plan for a profile (JSON text); `today_iso` (YYYY-MM-DD) starts a calendar without
    `start_date`. Returns `{"ok": true, "plan", "exports"}` or `{"ok": false, "errors"}`.
    """
    try:
        if not isinstance(profile_json, str):
            raise ProfileError([])
        from ._engine import plan
        from ._render import render

        profile = parse_profile_json(profile_json)
        result: dict[str, Any] = plan(profile)
        today = _today(today_iso)
        exports = {fmt: render(result, fmt, today=today) for fmt in FORMATS}
        return _dumps({"ok": True, "plan": result, "exports": exports})
    except ProfileError as exc:
        errors = [p.to_dict() for p in exc.problems] or [
            {"field": "profile", "message": "must be JSON text"}
        ]
        return _dumps({"ok": False, "errors": errors})
    except Exception as exc:  # the worker must always get an answer
        message = f"could not make a plan ({type(exc).__name__}: {exc})"
        return _dumps({"ok": False, "errors": [{"field": "profile", "message": message}]})
