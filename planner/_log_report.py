"""The log's progress as text, CSV, JSON or SVG (`render_progress`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from ._assess import self_test
from ._render_csv import cell
from ._svg import render_svg, weekly_side_work
from ._walk import WALK

PROGRESS_FORMATS: tuple[str, ...] = ("text", "json", "csv", "svg")
CSV_COLUMNS: tuple[str, ...] = (
    "kind",
    "date",
    "week",
    "day",
    "id",
    "name",
    "set",
    "left",
    "right",
    "both",
    "index_pct",
    "change_pct",
    "within_noise",
    "note",
)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(header), line(["-" * w for w in widths]), *[line(r) for r in rows]]


def render_progress_text(p: Mapping[str, Any]) -> str:
    lines = ["Training progress", ""]
    lines.append("Self-tests (the side difference over time)")
    if not p["tests"]:
        lines.append("No self-tests recorded yet.")
    for test_id, series in p["tests"].items():
        t = self_test(test_id)
        unit = "s" if t.unit == "seconds" else "reps"
        lines += ["", f"{t.name} ({unit})"]
        rows = [
            [
                e["date"] or "start",
                cell(e["left"]),
                cell(e["right"]),
                e["weaker"] or "-",
                f"{cell(e['index_pct'])}%",
                "" if "change_pct" not in e else f"{e['change_pct']:+g}",
            ]
            for e in series
        ]
        lines += _table(["date", "left", "right", "weaker", "index", "change"], rows)
        for e in series:
            lines.append(f"- {e['date'] or 'start'}: {e['judged']}")
            if "change_judged" in e:
                lines.append(f"  Change: {e['change_judged']}")
    lines += ["", "Work per side (reps, or seconds for holds)"]
    if not p["exercises"]:
        lines.append("No sessions logged yet.")
    for ex_id, entry in p["exercises"].items():
        # The walk's seconds read as minutes (it is one bout, not a hold).
        per = 60 if ex_id == WALK else 1
        unit = "minutes" if per == 60 else entry["measure"]

        def amount(value: float, per: int = per) -> str:
            return cell(value / per)

        lines += ["", f"{entry['name']} ({unit})"]
        rows = [
            [
                f"{s['date']} (week {s['week']}, day {s['day']})",
                amount(s["left"]),
                amount(s["right"]),
                amount(s["both"]),
            ]
            for s in entry["sessions"]
        ]
        lines += _table(["session", "left", "right", "both"], rows)
        rows = [
            [f"week {w['week']}", amount(w["left"]), amount(w["right"]), amount(w["both"])]
            for w in entry["weeks"]
        ]
        lines += _table(["week", "left", "right", "both"], rows)
    for measure, weeks in weekly_side_work(p).items():
        lines += ["", f"All one-sided exercises, work per week ({measure})"]
        rows = [[f"week {w['week']}", cell(w["left"]), cell(w["right"])] for w in weeks]
        lines += _table(["week", "left", "right"], rows)
    lines += ["", "Sets where the strong side did more than the weak side had done"]
    if not p["over_cap"]:
        lines.append("None: the strong side never did more than the weak side.")
    for o in p["over_cap"]:
        unit = "reps" if "reps" in o else "seconds"
        lines.append(
            f"- {o['date']} (week {o['week']}, day {o['day']}) {o['name']}, set {o['set']}: "
            f"{o['side']} {cell(o[unit])} {unit}, "
            f"{o['weak_side']} side had done {cell(o['weak_did'])}"
        )
    lines += ["", "Pain (0-10)"]
    if not p["pain"]:
        lines.append("No pain ratings logged.")
    else:
        rows = [
            [f"{x['date']} (week {x['week']}, day {x['day']})", cell(x["before"]), cell(x["after"])]
            for x in p["pain"]
        ]
        lines += _table(["session", "before", "after"], rows)
    return "\n".join(lines) + "\n"


def render_progress_csv(p: Mapping[str, Any]) -> str:
    """One table: a row per test result, per exercise session and week, per set over the cap
    and per pain rating; `kind` says which. Lines end in CRLF (RFC 4180)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(CSV_COLUMNS)

    def row(**cells: Any) -> None:
        w.writerow([cell(cells.get(c)) for c in CSV_COLUMNS])

    for test_id, series in p["tests"].items():
        for e in series:
            row(
                kind="test",
                date=e["date"] or "start",
                id=test_id,
                name=self_test(test_id).name,
                left=e["left"],
                right=e["right"],
                index_pct=e["index_pct"],
                change_pct=e.get("change_pct"),
                within_noise=e["within_noise"],
                note=e["judged"],
            )
    for ex_id, entry in p["exercises"].items():
        for s in entry["sessions"]:
            row(
                kind=f"session_{entry['measure']}",
                date=s["date"],
                week=s["week"],
                day=s["day"],
                id=ex_id,
                name=entry["name"],
                left=s["left"],
                right=s["right"],
                both=s["both"],
            )
        for wk in entry["weeks"]:
            row(
                kind=f"week_{entry['measure']}",
                week=wk["week"],
                id=ex_id,
                name=entry["name"],
                left=wk["left"],
                right=wk["right"],
                both=wk["both"],
            )
    for o in p["over_cap"]:
        unit = "reps" if "reps" in o else "seconds"
        row(
            kind="over_cap",
            date=o["date"],
            week=o["week"],
            day=o["day"],
            id=o["exercise"],
            name=o["name"],
            set=o["set"],
            **{o["side"]: o[unit], o["weak_side"]: o["weak_did"]},
            note=f"{o['side']} side did more {unit} than the {o['weak_side']} side",
        )
    for x in p["pain"]:
        row(
            kind="pain",
            date=x["date"],
            week=x["week"],
            day=x["day"],
            note=(f"before {cell(x['before']) or '-'}, after {cell(x['after']) or '-'}"),
        )
    return out.getvalue()


def render_progress(p: Mapping[str, Any], fmt: str) -> str:
    """Render progress as one of PROGRESS_FORMATS."""
    if fmt == "json":
        return json.dumps(p, indent=2, ensure_ascii=False) + "\n"
    if fmt == "text":
        return render_progress_text(p)
    if fmt == "csv":
        return render_progress_csv(p)
    if fmt == "svg":
        return render_svg(p)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(PROGRESS_FORMATS)}")
