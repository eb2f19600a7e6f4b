"""What the planner page needs from the training log beyond the three commands: the log that
follows the plan shown, the sessions one can log (today's offered first), fast targets while a
session is logged (the log's history parsed once per revision), and its words are in
`_log_words.py`."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ._log import Log, LogError, parse_log, parse_log_json
from ._log import _Checker as Checker
from ._log import _session as check_session
from ._log_history import plan_of
from ._log_model import LOG_VERSION
from ._profile import Problem, Profile, parse_profile_json
from ._render_ics import session_dates, start_date
from ._targets import targets

__all__ = ["check", "compact_profile", "follow", "session_targets"]


def compact_profile(profile: Profile) -> dict[str, Any]:
    """The profile as a log keeps it: every key the profile has, without empty ones."""
    return {k: v for k, v in profile.to_dict().items() if v is not None}


def check(log_text: str) -> dict[str, Any]:
    """A log read back (JSON text): `{"sessions", "tests"}` counts. Raises LogError by path."""
    log = parse_log_json(log_text)
    return {"sessions": len(log.sessions), "tests": len(log.tests)}


def _sessions(log: Log, today: dt.date | None) -> tuple[list[dict[str, Any]], int]:
    the_plan = plan_of(log.profile)
    if the_plan["status"] == "refer":
        return [], -1
    first = start_date(the_plan, today)
    dates = session_dates(the_plan, first)
    logged: dict[tuple[int, int], list[str]] = {}
    for s in log.sessions:
        logged.setdefault((s.week, s.day), []).append(s.date.isoformat())
    out: list[dict[str, Any]] = []
    offer = -1
    for w, week in enumerate(the_plan["weeks"]):
        for d, session in enumerate(week["sessions"]):
            key = (week["week"], session["day"])
            on = dates[w][d]
            entry = {
                "week": key[0],
                "day": key[1],
                "title": session.get("title", ""),
                "date": on.isoformat(),
                "today": today is not None and on == today,
                "logged": logged.get(key, []),
            }
            if entry["today"]:
                offer = len(out)
            out.append(entry)
    if offer < 0:
        offer = next((i for i, e in enumerate(out) if not e["logged"]), 0 if out else -1)
    return out, offer


def follow(log_text: str, profile_text: str, today: dt.date | None) -> dict[str, Any]:
    """The log that follows the plan made from `profile_text`: the stored log (`log_text`,
    "" for none) with that profile, checked whole. Returns `{"log": the log as JSON object,
    "changed": whether its profile changed, "sessions": every session of the plan with its
    date and the dates it was logged, "offer": the index of the one to offer first}`.
    Raises ProfileError or LogError by path."""
    profile = parse_profile_json(profile_text)
    if log_text:
        stored = parse_log_json(log_text)
        obj: dict[str, Any] = json.loads(log_text)
        changed = stored.profile != profile
        if changed:
            obj["profile"] = compact_profile(profile)
            stored = parse_log(obj)
    else:
        obj = {
            "version": LOG_VERSION,
            "profile": compact_profile(profile),
            "sessions": [],
            "tests": [],
        }
        stored = parse_log(obj)
        changed = False
    sessions, offer = _sessions(stored, today)
    return {"log": obj, "changed": changed, "sessions": sessions, "offer": offer}


# The stored log's history, parsed once per revision (the page gives each write a new one), so
# a set's target only checks the session in progress.
_BASE: dict[str, Log] = {}


def _base(revision: str, log_text: str) -> Log:
    hit = _BASE.get(revision) if revision else None
    if hit is not None:
        return hit
    log = parse_log_json(log_text)
    if revision:
        _BASE.clear()
        _BASE[revision] = log
    return log


def session_targets(
    revision: str, log_text: str, session: str, week: object, day: object
) -> dict[str, Any]:
    """Targets for the session in progress (`session`, its record as JSON text, items done so
    far) on top of the stored log (`log_text`, parsed once per `revision`). Raises LogError
    (the session's problems under `session`) or TargetsError."""
    base = _base(revision, log_text)
    c = Checker()
    try:
        raw = json.loads(session)
    except json.JSONDecodeError:
        raw = None
    current = check_session(c, raw, "session", base.profile)
    if c.problems or current is None:
        raise LogError(c.problems or [Problem("session", "could not be read")])
    log = Log(base.profile, (*base.sessions, current), base.tests)
    return targets(log, week, day, current.date.isoformat())
