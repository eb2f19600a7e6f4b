"""Progress: tests over time judged against their error, work per side, sets over the cap,
pain; the text, CSV and SVG forms (the SVG parses as XML, is accessible and deterministic)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from evenback_build.log_samples import LEFT_WEAK_PROFILE, log_following_plan
from planner import parse_log, progress, render_progress

ROOT = Path(__file__).resolve().parent.parent
BLOCK = ROOT / "docs" / "examples" / "logs" / "left-side-block.json"
SVG = "{http://www.w3.org/2000/svg}"


def _block() -> dict[str, Any]:
    return json.loads(BLOCK.read_text(encoding="utf-8"))


def test_tests_over_time_have_index_change_and_the_noise_arithmetic() -> None:
    log = _block()
    log["tests"] = [
        {"date": "2026-01-20", "results": {"side_bridge_s": {"left": 50, "right": 60}}},
        {"date": "2026-02-16", "results": {"side_bridge_s": {"left": 60, "right": 61}}},
    ]
    series = progress(parse_log(log))["tests"]["side_bridge_s"]
    assert [e["date"] for e in series] == [None, "2026-01-20", "2026-02-16"]
    assert [e["index_pct"] for e in series] == [27.4, 16.7, 1.6]
    assert series[0]["source"] == "profile" and "change_pct" not in series[0]
    assert series[2]["change_pct"] == -25.8
    # left - right: -17 s (beyond 15.5 s of noise), then -1 s (within); a change of 16 s is
    # within the 21.9 s a change between two differences carries.
    assert series[0]["within_noise"] is False and series[2]["within_noise"] is True
    assert "1.414 x 10.95 = 15.5 s" in series[0]["judged"]
    assert series[2]["change_difference"] == 16
    assert series[2]["change_within_noise"] is True
    assert "= 21.9 s" in series[2]["change_judged"]


def test_a_test_without_an_error_figure_is_judged_by_the_normal_variation_band() -> None:
    log = {
        "version": 1,
        "profile": {},
        "tests": [
            {"date": "2026-01-01", "results": {"one_arm_row_reps": {"left": 10, "right": 15}}},
            {"date": "2026-02-01", "results": {"one_arm_row_reps": {"left": 14, "right": 15}}},
        ],
    }
    first, last = progress(parse_log(log))["tests"]["one_arm_row_reps"]
    assert first["within_noise"] is False and last["within_noise"] is True
    assert last["change_pct"] == -26.6 and last["change_within_noise"] is False


def test_over_cap_lists_each_strong_set_above_the_weak_side_s_same_set() -> None:
    def tweak(week: int, day: int, exercise: str, side: str, n: int, amount: int) -> int:
        if week == 1 and day == 2 and side == "right" and n == 2:
            return amount + 3
        return amount

    result = progress(parse_log(log_following_plan(LEFT_WEAK_PROFILE, weeks=1, tweak=tweak)))
    over = result["over_cap"]
    assert over, "a right set above the left set must be listed"
    assert all(o["week"] == 1 and o["day"] == 2 and o["set"] == 2 for o in over)
    assert all(o["side"] == "right" and o["weak_side"] == "left" for o in over)
    for o in over:
        amount = o.get("reps", o.get("seconds"))
        assert amount == o["weak_did"] + 3


def test_a_log_that_follows_the_plan_has_nothing_over_the_cap() -> None:
    result = progress(parse_log(log_following_plan(LEFT_WEAK_PROFILE, weeks=2)))
    assert result["over_cap"] == []


def test_work_per_side_per_session_and_week_adds_up() -> None:
    log = log_following_plan(LEFT_WEAK_PROFILE, weeks=2)
    result = progress(parse_log(log))
    for ex_id, entry in result["exercises"].items():
        total = sum(
            s.get("reps", s.get("seconds", 0))
            for rec in log["sessions"]
            for it in rec["items"]
            if it["exercise"] == ex_id
            for s in it["sets"]
            if s["side"] == "left"
        )
        assert sum(s["left"] for s in entry["sessions"]) == total
        assert sum(w["left"] for w in entry["weeks"]) == total
        assert [w["week"] for w in entry["weeks"]] == sorted({w["week"] for w in entry["weeks"]})


def test_pain_over_time_lists_each_rated_session() -> None:
    result = progress(parse_log(_block()))
    assert len(result["pain"]) == 18
    assert result["pain"][0] == {"date": "2026-01-05", "week": 1, "day": 1, "before": 2, "after": 1}


def test_svg_parses_as_xml_with_title_desc_and_text_labels() -> None:
    svg = render_progress(progress(parse_log(_block())), "svg")
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.text and "progress" in title.text.lower()
    assert desc is not None and desc.text and "Side bridge hold" in desc.text
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "Asymmetry index of each self-test over time" in labels
    assert "Left" in labels and "Right" in labels and "wk 1" in labels
    style = root.find(f"{SVG}style")
    assert style is not None and style.text and "prefers-color-scheme:dark" in style.text


def test_svg_is_the_same_bytes_for_the_same_log() -> None:
    first = render_progress(progress(parse_log(_block())), "svg")
    again = render_progress(progress(parse_log(json.loads(json.dumps(_block())))), "svg")
    assert first == again


def test_svg_of_an_empty_log_says_there_is_nothing_yet() -> None:
    svg = render_progress(progress(parse_log({"version": 1, "profile": {}})), "svg")
    root = ET.fromstring(svg)
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "No self-tests recorded yet." in labels and "No one-sided sets logged yet." in labels


def test_text_and_csv_carry_the_data_table() -> None:
    result = progress(parse_log(_block()))
    text = render_progress(result, "text")
    assert (
        "Side bridge hold (s)" in text and "date        left  right  weaker  index  change" in text
    )
    assert "All one-sided exercises, work per week (reps)" in text
    rows = list(csv.DictReader(io.StringIO(render_progress(result, "csv"))))
    kinds = {r["kind"] for r in rows}
    assert {"test", "session_reps", "week_reps", "pain"} <= kinds
    bridge = [r for r in rows if r["kind"] == "test" and r["id"] == "side_bridge_s"]
    assert [r["index_pct"] for r in bridge] == ["27.4", "9.5"]


def test_json_is_the_progress_as_printed() -> None:
    result = progress(parse_log(_block()))
    assert json.loads(render_progress(result, "json")) == result
