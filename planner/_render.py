"""One entry point for every export format of a plan."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from ._render_csv import render_csv
from ._render_ics import render_ics
from ._render_json import render_json
from ._render_md import render_md
from ._render_text import render_text
from ._vocab import FORMATS


def render(
    plan: Mapping[str, Any],
    fmt: str,
    *,
    today: datetime.date | None = None,
    base_url: str = "",
) -> str:
    """Render a plan (or a referral) as `fmt`, one of FORMATS.

    `today` only matters to the calendar without a profile `start_date` (None reads the clock).
    `base_url` is put in front of each exercise's page link in Markdown, text and the calendar;
    with "" the links read `/exercises/<id>/`.
    """
    if fmt == "json":
        return render_json(plan)
    if fmt == "md":
        return render_md(plan, base_url=base_url)
    if fmt == "csv":
        return render_csv(plan)
    if fmt == "ics":
        return render_ics(plan, today=today, base_url=base_url)
    if fmt == "text":
        return render_text(plan, base_url=base_url)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
