"""JSON-string functions the browser worker calls (through Pyodide).

`describe()` tells the page how to build the form; `make_plan()` plans, renders every export
and words the plan for the page (the page itself asks `plan_view()` for the plan and its words,
then `plan_exports()` for the downloads once the plan is on screen). All take and return JSON
text; `make_plan` never raises: a
bad profile is `{"ok": false, "errors"}`, a fault of the planner's own is
`{"ok": false, "internal": true, "message"}`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from ._assess import BANDS_BASIS, TEST_RESULT_MAX, TEST_RESULT_MIN, TESTS
from ._fields import FIELDS
from ._log_words import LOG_WORDS
from ._profile import Problem, Profile, ProfileError, parse_profile_json
from ._screen import RED_FLAGS, URGENCY_LABELS
from ._version import __version__
from ._vocab import (
    BLOCK_LABELS,
    DOWNLOADS,
    FORMATS,
    PLANNER_READY,
    SHARE_LINK_MAX_CHARS,
    SHARE_LINK_PROBLEMS,
)
from ._wording import LAST_PLAN_MESSAGES, PREFILL_MESSAGE

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
            "messages": {
                "share_link": SHARE_LINK_PROBLEMS,
                "prefill": PREFILL_MESSAGE,
                "last_plan": LAST_PLAN_MESSAGES,
                "ready": PLANNER_READY,
                "log": LOG_WORDS,
            },
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
    "Something went wrong on our side: the planner could not do this ({detail}). "
    "Your answers are not the problem. Try again, or use the command-line planner: "
    "python -m planner."
)


def _parse(profile_json: object) -> Profile:
    if not isinstance(profile_json, str):
        raise ProfileError([Problem("profile", "must be JSON text")])
    return parse_profile_json(profile_json)


def make_plan(profile_json: str, today_iso: str = "", formats: str = "") -> str:
    """Plan for a profile (JSON text); `today_iso` (YYYY-MM-DD) starts a calendar without
    `start_date` and picks the week the page opens (`display.current_week`). `formats`, a
    comma-separated list of export formats, renders only those (the page asks for what it
    offers as downloads); empty renders every format. Returns `{"ok": true, "plan", "display",
    "exports"}`, `{"ok": false, "errors"}` for an invalid profile, or `{"ok": false,
    "internal": true, "message"}`.
    """
    return _planned(profile_json, today_iso, _formats(formats), words=True)


def plan_view(profile_json: str, today_iso: str = "") -> str:
    """What the page needs to show a plan at once: make_plan's answer without `exports`
    (`{"ok": true, "plan", "display"}`, or the same errors). The plan is kept, so that
    `plan_exports` for the same answers and day renders from it without planning again."""
    return _planned(profile_json, today_iso, (), words=True)


def plan_exports(profile_json: str, today_iso: str = "", formats: str = "") -> str:
    """The exports of the plan `plan_view` last made (planned again for other answers):
    `{"ok": true, "exports"}` (every format, or those `formats` names), or the same errors
    as make_plan."""
    return _planned(profile_json, today_iso, _formats(formats), words=False)


# The last plan made, by the profile text and day it was made for: plan_exports() right
# after plan_view() for the same answers renders from it (plan() is pure: this saves time only).
_last: dict[str, Any] = {}


def _planned(
    profile_json: object, today_iso: object, formats: tuple[str, ...], *, words: bool
) -> str:
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
        from ._view import current_week

        key = (profile_json, today_iso)
        if not words and _last.get("key") == key:
            result: dict[str, Any] = _last["plan"]
        else:
            result = plan(profile)
            _last.update(key=key, plan=result)
        today = _today(today_iso)
        answer: dict[str, Any] = {"ok": True}
        if words:
            shown = display(result)
            if result.get("status") != "refer":
                shown["current_week"] = current_week(result, today)
            answer.update(plan=result, display=shown)
        if formats:
            answer["exports"] = {fmt: render(result, fmt, today=today) for fmt in formats}
        return _dumps(answer)
    except Exception as exc:  # a valid profile: whatever fails here is the planner's fault
        return _internal(exc)


def _formats(formats: object) -> tuple[str, ...]:
    """The export formats asked for, in FORMATS order; all of them when none is named."""
    asked = {f.strip() for f in formats.split(",")} if isinstance(formats, str) else set()
    return tuple(f for f in FORMATS if f in asked) or FORMATS


def _internal(exc: Exception) -> str:
    detail = f"{type(exc).__name__}: {exc}"
    return _dumps({"ok": False, "internal": True, "message": INTERNAL_ERROR.format(detail=detail)})


# The training log (JSON text in, JSON text out; never raises). Each answer carries the
# exports exactly as the CLI prints them for the same log, so the page and the CLI agree.


def _log_answer(work: Callable[[], dict[str, Any]]) -> str:
    from ._log import LogError
    from ._targets import TargetsError

    try:
        return _dumps({"ok": True, **work()})
    except (LogError, TargetsError) as exc:
        errors = [p.to_dict() for p in exc.problems] or [
            {"field": "log", "message": "must be JSON text"}
        ]
        return _dumps({"ok": False, "errors": errors})
    except Exception as exc:  # the worker must always get an answer
        return _internal(exc)


def _text(value: object) -> str:
    if not isinstance(value, str):
        from ._log import LogError
        from ._profile import Problem

        raise LogError([Problem("log", "must be JSON text")])
    return value


def log_targets(log_json: str, week: object, day: object, date_iso: str = "") -> str:
    """Targets for week `week`, day `day` of the log's plan, the live cap applied.
    `{"ok": true, "targets": {...}, "exports": {"json", "text"}}` or `{"ok": false, ...}`."""
    from . import _log_commands as cmd

    def work() -> dict[str, Any]:
        result = cmd.targets_result(_text(log_json), week, day, date_iso or None)
        exports = {fmt: cmd.render_targets(result, fmt) for fmt in cmd.TARGETS_FORMATS}
        return {"targets": result, "exports": exports}

    return _log_answer(work)


def log_progress(log_json: str) -> str:
    """The log's progress: `{"ok": true, "progress": {...}, "exports": {"text", "json",
    "csv", "svg"}}` or `{"ok": false, ...}`."""
    from . import _log_commands as cmd

    def work() -> dict[str, Any]:
        result = cmd.progress_result(_text(log_json))
        exports = {fmt: cmd.render_progress(result, fmt) for fmt in cmd.PROGRESS_FORMATS}
        return {"progress": result, "exports": exports}

    return _log_answer(work)


def log_next(log_json: str, today_iso: str = "") -> str:
    """The next block's plan from the log, as make_plan answers: `{"ok": true, "plan",
    "exports"}` or `{"ok": false, ...}`."""
    from . import _log_commands as cmd

    def work() -> dict[str, Any]:
        result = cmd.next_result(_text(log_json))
        today = _today(today_iso)
        exports = {fmt: cmd.render(result, fmt, today=today) for fmt in FORMATS}
        from ._display import display

        # `display`: the page's words for this plan, as make_plan gives them.
        return {"plan": result, "exports": exports, "display": display(result)}

    return _log_answer(work)


# The planner page's own log calls (planner._log_page): the log that follows the plan shown,
# a log read back, and a set's targets with the stored log parsed once per revision.


def log_check(log_json: str) -> str:
    """A log read back: `{"ok": true, "sessions": n, "tests": n}` or `{"ok": false, ...}`."""
    from . import _log_page

    return _log_answer(lambda: _log_page.check(_text(log_json)))


def log_follow(log_json: str, profile_json: str, today_iso: str = "") -> str:
    """The log (`log_json`, "" for none) following the plan of `profile_json`:
    `{"ok": true, "log", "changed", "sessions", "offer"}` or `{"ok": false, "errors"}`."""
    from . import _log_page

    def work() -> dict[str, Any]:
        try:
            return _log_page.follow(_text(log_json), _text(profile_json), _today(today_iso))
        except ProfileError as exc:
            from ._log import LogError

            raise LogError(exc.problems) from None

    return _log_answer(work)


def log_session_targets(
    revision: str, log_json: str, session_json: str, week: object, day: object
) -> str:
    """Targets for the session in progress (a session record as JSON text, "" before its
    first set) on top of the stored log, which is parsed once per `revision`:
    `{"ok": true, "targets"}` or `{"ok": false, ...}` (the session's problems under
    `session.`)."""
    from . import _log_page

    def work() -> dict[str, Any]:
        rev = revision if isinstance(revision, str) else ""
        session = session_json if isinstance(session_json, str) else ""
        return {"targets": _log_page.session_targets(rev, _text(log_json), session, week, day)}

    return _log_answer(work)
