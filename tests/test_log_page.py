"""The planner page's log calls: the log that follows the plan shown, a log read back, and a
set's targets with the stored log parsed once per revision."""

from __future__ import annotations

import json
from typing import Any

from planner._bridge import describe, log_check, log_follow, log_next, log_session_targets
from planner._log_words import LOG_WORDS

PROFILE: dict[str, Any] = {"weak_side": "left", "days_per_week": 3, "weeks": 4}


def _follow(log: str, profile: dict[str, Any], today: str = "2026-12-01") -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(log_follow(log, json.dumps(profile), today))
    return answer


def _unilateral(targets: dict[str, Any]) -> dict[str, Any]:
    return next(it for it in targets["items"] if it["unilateral"] and it["block"] == "main")


def test_a_new_log_follows_the_plan_shown_and_offers_its_first_session() -> None:
    answer = _follow("", PROFILE)
    assert answer["ok"] and answer["changed"] is False
    assert answer["log"]["version"] == 1 and answer["log"]["sessions"] == []
    assert answer["log"]["profile"]["weak_side"] == "left"
    assert len(answer["sessions"]) == 12
    assert answer["offer"] == 0
    # The log is one the CLI reads.
    assert json.loads(log_check(json.dumps(answer["log"]))) == {
        "ok": True,
        "sessions": 0,
        "tests": 0,
    }


def test_todays_session_is_offered_first_and_logged_dates_are_listed() -> None:
    profile = {**PROFILE, "start_date": "2026-12-07"}
    log = _follow("", profile)["log"]
    log["sessions"].append({"date": "2026-12-07", "week": 1, "day": 1, "items": []})
    answer = _follow(json.dumps(log), profile, today="2026-12-09")
    assert answer["changed"] is False
    offered = answer["sessions"][answer["offer"]]
    assert (offered["week"], offered["day"], offered["today"]) == (1, 2, True)
    assert answer["sessions"][0]["logged"] == ["2026-12-07"]


def test_without_a_session_today_the_first_one_not_logged_is_offered() -> None:
    log = _follow("", PROFILE)["log"]
    log["sessions"].append({"date": "2026-12-07", "week": 1, "day": 1, "items": []})
    answer = _follow(json.dumps(log), PROFILE, today="2026-12-08")
    offered = answer["sessions"][answer["offer"]]
    assert (offered["week"], offered["day"]) == (1, 2)


def test_a_plan_that_does_not_fit_the_logged_sessions_is_refused_by_path() -> None:
    log = _follow("", {**PROFILE, "weeks": 6})["log"]
    log["sessions"].append({"date": "2026-12-07", "week": 6, "day": 1, "items": []})
    answer = _follow(json.dumps(log), PROFILE)
    assert answer["ok"] is False
    assert answer["errors"][0]["field"] == "sessions[0].week"


def test_a_new_plan_becomes_the_logs_profile_and_keeps_its_sessions() -> None:
    log = _follow("", PROFILE)["log"]
    log["sessions"].append({"date": "2026-12-07", "week": 1, "day": 1, "items": []})
    answer = _follow(json.dumps(log), {**PROFILE, "weeks": 6})
    assert answer["ok"] and answer["changed"] is True
    assert answer["log"]["profile"]["weeks"] == 6
    assert answer["log"]["sessions"] == log["sessions"]


def test_a_bad_profile_is_named_by_its_field() -> None:
    answer = _follow("", {**PROFILE, "days_per_week": 9})
    assert answer["ok"] is False and answer["errors"][0]["field"] == "days_per_week"


def _targets(revision: str, log: str, session: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(
        log_session_targets(revision, log, json.dumps(session), session["week"], session["day"])
    )
    return answer


def test_a_logged_weak_set_caps_the_strong_sides_target_for_that_set() -> None:
    log = json.dumps(_follow("", PROFILE)["log"])
    session: dict[str, Any] = {"date": "2026-12-07", "week": 1, "day": 1, "items": []}
    item = _unilateral(_targets("a", log, session)["targets"])
    measure = item["measure"]
    session["items"] = [{"exercise": item["exercise"], "sets": [{"side": "left", measure: 3}]}]
    again = _unilateral(_targets("a", log, session)["targets"])
    strong = again["sides"][1]
    assert strong["side"] == "right"
    assert strong["sets"][0][measure] == 3
    assert "3" in strong["sets"][0]["reason"]


def test_the_stored_log_is_parsed_once_per_revision() -> None:
    log = json.dumps(_follow("", PROFILE)["log"])
    session = {"date": "2026-12-07", "week": 1, "day": 1, "items": []}
    assert _targets("rev-1", log, session)["ok"]
    # Same revision: the cached log answers, the text is not read again...
    assert _targets("rev-1", "not json", session)["ok"]
    # ...a new revision reads the text it is given.
    answer = _targets("rev-2", "not json", session)
    assert answer["ok"] is False and answer["errors"][0]["field"] == "log"


def test_a_bad_session_in_progress_is_named_under_session() -> None:
    log = json.dumps(_follow("", PROFILE)["log"])
    session = {
        "date": "2026-12-07",
        "week": 1,
        "day": 1,
        "items": [{"exercise": "nope", "sets": []}],
    }
    answer = _targets("b", log, session)
    assert answer["ok"] is False
    assert answer["errors"][0]["field"].startswith("session.items[0]")
    broken = json.loads(log_session_targets("b", log, "{", 1, 1))
    assert broken["errors"][0]["field"] == "session"


def test_pain_of_seven_in_the_session_gives_the_referral() -> None:
    log = json.dumps(_follow("", PROFILE)["log"])
    session = {"date": "2026-12-07", "week": 1, "day": 1, "items": [], "pain_after": 7}
    targets = _targets("c", log, session)["targets"]
    assert targets["status"] == "refer" and targets["items"] == []
    assert "7" in targets["reasons"][0]


def test_describe_gives_the_page_every_training_log_word() -> None:
    words = json.loads(describe())["messages"]["log"]
    assert words == LOG_WORDS
    controls = words["controls"]
    for name in (
        "Start session",
        "Finish session",
        "Show progress",
        "Download log (JSON)",
        "Load log",
    ):
        assert name in controls.values()


def test_the_next_block_comes_with_the_pages_words_for_it() -> None:
    log = json.dumps(_follow("", PROFILE)["log"])
    answer = json.loads(log_next(log, "2026-12-01"))
    assert answer["ok"] and answer["display"]["heading"]
    assert len(answer["display"]["weeks"]) == len(answer["plan"]["weeks"])
