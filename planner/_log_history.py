"""A log's history for the plan being followed: the plan itself (kept between calls), its
items by place, and each exercise's earlier records, found once per call."""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from ._engine import plan
from ._log import Log, LogItem, LogSession
from ._profile import Profile


@functools.lru_cache(maxsize=4)
def plan_of(profile: Profile) -> dict[str, Any]:
    """The plan for a profile, kept for the next call (the page asks after every set, with
    the same profile each time). Callers must not change the dict."""
    return plan(profile)


def nth_item(items: Sequence[LogItem], exercise: str, k: int) -> LogItem | None:
    found = [it for it in items if it.exercise == exercise]
    if not found:
        return None
    return found[k] if k < len(found) else found[-1]


Lookup = dict[tuple[int, int, str, int], Mapping[str, Any]]


@functools.lru_cache(maxsize=4)
def plan_lookup(profile: Profile) -> Lookup:
    """(week, day, exercise, k) -> the plan's k-th item (0-based) of that exercise there."""
    out: Lookup = {}
    for week in plan_of(profile)["weeks"]:
        for session in week["sessions"]:
            counts: dict[str, int] = {}
            for it in session["items"]:
                k = counts.get(it["exercise"], 0)
                counts[it["exercise"]] = k + 1
                out[(week["week"], session["day"], it["exercise"], k)] = it
    return out


def planned_amount(item: Mapping[str, Any], side: str) -> int:
    """The plan's reps (or seconds) per set for a side of an item."""
    entries = item.get("sides") or [item]
    entry = next((e for e in entries if e.get("side", "both") == side), entries[0])
    return int(entry.get("reps", entry.get("seconds", 0)))


History = list[tuple[LogSession, LogItem, Mapping[str, Any]]]


Index = dict[tuple[str, int], list[tuple[LogSession, LogItem]]]


def index_log(log: Log, upto: int, wanted: Collection[str]) -> Index:
    """(exercise, k) -> the records before `upto` holding a k-th item of that exercise (one
    of `wanted`), with that item, oldest first."""
    out: Index = {}
    for session in log.sessions[:upto]:
        counts: dict[str, int] = {}
        for item in session.items:
            name = item.exercise
            if name not in wanted:
                continue
            k = counts.get(name, 0)
            counts[name] = k + 1
            key = (name, k)
            if key in out:
                out[key].append((session, item))
            else:
                out[key] = [(session, item)]
    return out


def history_of(
    the_plan: Mapping[str, Any], lookup: Lookup, index: Index, exercise: str, k: int, block: str
) -> History:
    """The records with the k-th item of `exercise` in the same block of the plan (a warm-up
    is not judged against a main lift's target), deload weeks left out."""
    deloads = {w["week"] for w in the_plan["weeks"] if w["deload"]}
    out: History = []
    records = index.get((exercise, k)) or index.get((exercise, 0)) or []
    for session, item in records:
        if session.week in deloads:
            continue
        planned = lookup.get((session.week, session.day, exercise, k))
        if planned is None or planned["block"] != block or "self_test" in planned:
            continue
        out.append((session, item, planned))
    return out
