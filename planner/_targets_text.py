"""The targets of a session as plain text, one line per set."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._progression import UNITS, fmt


def _amount_text(entry: Mapping[str, Any], unit: str, per: int = 1) -> str:
    value = entry.get("reps", entry.get("seconds"))
    text = f"{fmt(value / per)} {unit}"
    if entry.get("load_kg") is not None:
        text += f" at {fmt(entry['load_kg'])} kg"
    return text


def render_targets_text(result: Mapping[str, Any]) -> str:
    """The targets as plain text, one line per set."""
    lines = [f"Week {result['week']}, day {result['day']}"]
    if result["status"] == "refer":
        lines[0] += ": see a professional first"
        lines += [f"- {r}" for r in result["reasons"]]
        return "\n".join(lines) + "\n"
    if result.get("title"):
        lines[0] += f": {result['title']}"
    if result.get("deload"):
        lines.append("Deload week.")
    for n, it in enumerate(result["items"], start=1):
        unit = UNITS[it["measure"]]
        per = 60 if it.get("shown_in") == "minutes" else 1  # a walk: in minutes
        if per != 1:
            unit = "minutes"
        lines.append("")
        lines.append(f"{n}. {it['name']} ({it['block']})")
        groups = (
            [(s["side"], s["sets"]) for s in it["sides"]]
            if it["unilateral"]
            else [("both", it["sets"])]
        )
        for side, sets in groups:
            last_reason = ""
            label = "Both sides" if side == "both" else side.capitalize()
            if side == it.get("weak_side"):
                label += " (weak side)"
            for entry in sets:
                line = f"   {label}, set {entry['set']}: {_amount_text(entry, unit, per)}"
                if "logged" in entry:
                    line += f"; done: {_amount_text(entry['logged'], unit, per)}"
                    if entry.get("over_cap"):
                        line += " (more than the weak side did)"
                lines.append(line)
                if entry["reason"] != last_reason:
                    lines.append(f"      {entry['reason']}")
                last_reason = entry["reason"]
        for key, word in (("easier", "Easier variant"), ("harder", "Harder variant")):
            if key in it:
                lines.append(f"   {word}: {it[key]['name']} (/exercises/{it[key]['exercise']}/)")
    return "\n".join(lines) + "\n"
