"""The progress charts as one SVG document, made with the standard library only.

Deterministic bytes for the same progress; `<title>` and `<desc>` (the chart's data in words),
text labels on every axis and line, and colours from a style sheet inside the SVG with its
own background, so it reads the same in light and dark (prefers-color-scheme). Left and right
differ by shape as well as colour (solid bars and lines for left, hatched bars and dashed
lines for right), and each test's line has its own marker and a label at its end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._assess import NORMAL_BELOW_PCT, self_test

WIDTH = 640
PLOT_LEFT = 56
PLOT_RIGHT = 150  # room for the line labels
CHART_HEIGHT = 220
GAP = 70

STYLE = (
    ".bg{fill:#ffffff}.fg{fill:#1a1a1a}.ax{stroke:#1a1a1a}.grid{stroke:#8a8a8a}"
    ".band{fill:#8a8a8a;fill-opacity:.18}.l{fill:#1f5fa8;stroke:#1f5fa8}"
    ".r{fill:none;stroke:#a3470f}.rh{stroke:#a3470f}"
    ".t0{stroke:#1f5fa8;fill:#1f5fa8}.t1{stroke:#a3470f;fill:#a3470f}"
    ".t2{stroke:#2e7d32;fill:#2e7d32}.t3{stroke:#7b3fa0;fill:#7b3fa0}"
    ".t4{stroke:#8d6e00;fill:#8d6e00}.t5{stroke:#00707a;fill:#00707a}"
    "@media (prefers-color-scheme:dark){.bg{fill:#1c1c1c}.fg{fill:#f2f2f2}"
    ".ax{stroke:#f2f2f2}.grid{stroke:#9a9a9a}.l{fill:#8ab8f0;stroke:#8ab8f0}"
    ".r{stroke:#f0a36c}.rh{stroke:#f0a36c}.t0{stroke:#8ab8f0;fill:#8ab8f0}"
    ".t1{stroke:#f0a36c;fill:#f0a36c}.t2{stroke:#8fd694;fill:#8fd694}"
    ".t3{stroke:#d0a2f0;fill:#d0a2f0}.t4{stroke:#e8cc5a;fill:#e8cc5a}"
    ".t5{stroke:#6fd6df;fill:#6fd6df}}"
    "text{font-family:sans-serif;font-size:12px}.small{font-size:10px}.h{font-size:14px;"
    "font-weight:bold}.hatch{fill:url(#hatch)}"
)
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2")


def _esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(x: float, y: float, label: str, *, anchor: str = "start", cls: str = "fg") -> str:
    return (
        f'<text class="{cls}" x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}">{_esc(label)}</text>'
    )


def _marker(shape: int, x: float, y: float, cls: str) -> str:
    if shape % 3 == 0:
        return f'<circle class="{cls}" cx="{_n(x)}" cy="{_n(y)}" r="4"/>'
    if shape % 3 == 1:
        return f'<rect class="{cls}" x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8"/>'
    pts = f"{_n(x)},{_n(y - 5)} {_n(x + 5)},{_n(y + 4)} {_n(x - 5)},{_n(y + 4)}"
    return f'<polygon class="{cls}" points="{pts}"/>'


def _axes(
    top: float, bottom: float, right: float, ymax: float, step: float, unit: str
) -> list[str]:
    out: list[str] = []
    value = 0.0
    while value <= ymax + 1e-9:
        y = bottom - (bottom - top) * value / ymax
        out.append(
            f'<line class="grid" x1="{PLOT_LEFT}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" '
            'stroke-width="0.5"/>'
        )
        out.append(_text(PLOT_LEFT - 6, y + 4, f"{_n(value)}{unit}", anchor="end", cls="fg small"))
        value += step
    out.append(
        f'<line class="ax" x1="{PLOT_LEFT}" y1="{_n(top)}" x2="{PLOT_LEFT}" y2="{_n(bottom)}"/>'
    )
    out.append(
        f'<line class="ax" x1="{PLOT_LEFT}" y1="{_n(bottom)}" x2="{_n(right)}" y2="{_n(bottom)}"/>'
    )
    return out


def _nice_max(value: float, minimum: float) -> tuple[float, float]:
    top = max(value, minimum)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 6:
            return step * -(-top // step), float(step)
    step = 10 ** len(str(int(top)))
    return float(step), step / 5


def _test_chart(tests: Mapping[str, Sequence[Mapping[str, Any]]], top: float) -> list[str]:
    out = [_text(PLOT_LEFT, top - 24, "Asymmetry index of each self-test over time", cls="fg h")]
    bottom = top + CHART_HEIGHT
    right = WIDTH - PLOT_RIGHT
    if not tests:
        out.append(_text(PLOT_LEFT, top + 20, "No self-tests recorded yet.", cls="fg"))
        return out
    occasions: list[str] = []
    for series in tests.values():
        for e in series:
            label = e["date"] or "start"
            if label not in occasions:
                occasions.append(label)
    occasions.sort(key=lambda d: "" if d == "start" else d)
    highest = max(e["index_pct"] for s in tests.values() for e in s)
    ymax, step = _nice_max(highest, 30)
    y10 = bottom - CHART_HEIGHT * NORMAL_BELOW_PCT / ymax
    out.append(
        f'<rect class="band" x="{PLOT_LEFT}" y="{_n(y10)}" width="{right - PLOT_LEFT}" '
        f'height="{_n(bottom - y10)}"/>'
    )
    out.append(
        _text(
            PLOT_LEFT + 4,
            bottom - 4,
            f"under {NORMAL_BELOW_PCT:g}%: normal variation",
            cls="fg small",
        )
    )
    out += _axes(top, bottom, right, ymax, step, "%")
    span = max(1, len(occasions) - 1)

    def x_of(label: str) -> float:
        i = occasions.index(label)
        return PLOT_LEFT + 20 + (right - PLOT_LEFT - 40) * (i / span if len(occasions) > 1 else 0.5)

    for label in occasions:
        out.append(_text(x_of(label), bottom + 16, label, anchor="middle", cls="fg small"))
    labels: list[tuple[float, str]] = []
    for t, (test_id, series) in enumerate(tests.items()):
        cls = f"t{t % 6}"
        points = [
            (x_of(e["date"] or "start"), bottom - CHART_HEIGHT * e["index_pct"] / ymax)
            for e in series
        ]
        path = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        dash = f' stroke-dasharray="{DASHES[t % 6]}"' if DASHES[t % 6] else ""
        name = self_test(test_id).name
        out.append(f"<g><title>{_esc(name)}</title>")
        out.append(f'<polyline class="{cls}" fill="none" stroke-width="2"{dash} points="{path}"/>')
        for (x, y), e in zip(points, series, strict=True):
            out.append(_marker(t, x, y, cls))
            out.append(_text(x, y - 8, f"{_n(e['index_pct'])}%", anchor="middle", cls="fg small"))
        out.append("</g>")
        labels.append((points[-1][1] + 4, name))
    placed = -1e9
    for y, name in sorted(labels):
        placed = max(y, placed + 13)
        out.append(_text(right + 8, placed, name, cls="fg small"))
    return out


def _work_chart(weeks: Sequence[Mapping[str, Any]], unit: str, top: float) -> list[str]:
    word = "reps" if unit == "reps" else "seconds"
    out = [
        _text(
            PLOT_LEFT,
            top - 24,
            f"Weekly work of each side, one-sided exercises ({word})",
            cls="fg h",
        )
    ]
    bottom = top + CHART_HEIGHT
    right = WIDTH - PLOT_RIGHT
    highest = max(max(w["left"], w["right"]) for w in weeks)
    ymax, step = _nice_max(highest, 10)
    out += _axes(top, bottom, right, ymax, step, "")
    slot = (right - PLOT_LEFT) / len(weeks)
    bar = min(18.0, slot * 0.35)
    for i, w in enumerate(weeks):
        x0 = PLOT_LEFT + slot * i + slot / 2
        for side, x, cls in (("left", x0 - bar - 1, "l"), ("right", x0 + 1, "r")):
            h = CHART_HEIGHT * w[side] / ymax
            hatch = " hatch" if side == "right" else ""
            out.append(
                f'<rect class="{cls}{hatch}" x="{_n(x)}" y="{_n(bottom - h)}" width="{_n(bar)}" '
                f'height="{_n(h)}" stroke-width="1.5"><title>Week {w["week"]}, {side}: '
                f"{_n(w[side])} {word}</title></rect>"
            )
        out.append(_text(x0, bottom + 16, f"wk {w['week']}", anchor="middle", cls="fg small"))
    out.append(f'<rect class="l" x="{right + 8}" y="{_n(top + 4)}" width="12" height="12"/>')
    out.append(_text(right + 26, top + 14, "Left", cls="fg"))
    out.append(
        f'<rect class="r hatch" x="{right + 8}" y="{_n(top + 24)}" width="12" '
        'height="12" stroke-width="1.5"/>'
    )
    out.append(_text(right + 26, top + 34, "Right", cls="fg"))
    return out


def weekly_side_work(progress: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Per measure (reps, seconds): the week-by-week left and right work of one-sided items."""
    out: dict[str, dict[int, dict[str, Any]]] = {}
    for entry in progress["exercises"].values():
        for w in entry["weeks"]:
            if not (w["left"] or w["right"]):
                continue
            row = out.setdefault(entry["measure"], {}).setdefault(
                w["week"], {"week": w["week"], "left": 0, "right": 0}
            )
            row["left"] += w["left"]
            row["right"] += w["right"]
    return {m: [rows[k] for k in sorted(rows)] for m, rows in sorted(out.items())}


def describe_charts(progress: Mapping[str, Any]) -> str:
    """The charts' data in words (the SVG's <desc>)."""
    parts: list[str] = []
    for test_id, series in progress["tests"].items():
        values = ", ".join(f"{e['date'] or 'start'} {_n(e['index_pct'])}%" for e in series)
        parts.append(f"{self_test(test_id).name}: {values}.")
    for measure, weeks in weekly_side_work(progress).items():
        values = ", ".join(
            f"week {w['week']} left {_n(w['left'])} right {_n(w['right'])}" for w in weeks
        )
        parts.append(f"Weekly one-sided work in {measure}: {values}.")
    return " ".join(parts) or "No self-tests or one-sided sets recorded yet."


def render_svg(progress: Mapping[str, Any]) -> str:
    """Both charts in one SVG document (UTF-8 text ending in a newline)."""
    work = weekly_side_work(progress)
    body: list[str] = []
    top = 50.0
    body += _test_chart(progress["tests"], top)
    top += CHART_HEIGHT + GAP
    for measure, weeks in work.items():
        body += _work_chart(weeks, measure, top)
        top += CHART_HEIGHT + GAP
    if not work:
        body.append(_text(PLOT_LEFT, top, "No one-sided sets logged yet.", cls="fg"))
        top += GAP
    height = int(top - GAP + 50) if work else int(top)
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="chart-title chart-desc">',
        '<title id="chart-title">Training progress: side difference in each self-test, and '
        "weekly work of each side</title>",
        f'<desc id="chart-desc">{_esc(describe_charts(progress))}</desc>',
        f"<style>{STYLE}</style>",
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line class="rh" x1="0" y1="0" x2="0" y2="6" '
        'stroke-width="2"/></pattern></defs>',
        f'<rect class="bg" x="0" y="0" width="{WIDTH}" height="{height}"/>',
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"
