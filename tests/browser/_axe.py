"""axe-core as the accessibility tests run it: the WCAG 2.2 A/AA rules, on a settled page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def settle(page, limit_ms: int = 3000) -> None:  # type: ignore[no-untyped-def]
    """Wait until no CSS transition or animation is running (at most `limit_ms`).

    A page caught mid-transition (Material fades its header title in when the page scrolls,
    for one) shows colours it never rests in; contrast is checked on what the reader sees.
    """
    for _ in range(limit_ms // 50):
        running = page.evaluate(
            "document.getAnimations().filter(a => a.playState === 'running').length"
        )
        if running == 0:
            return
        page.wait_for_timeout(50)


# The parts of a page that are the same on every page of the site: the theme's header, tabs,
# navigation, table of contents and footer (see `violations(..., whole=False)`).
FRAME = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer"]


def violations(page, whole: bool = True) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """axe's WCAG 2.2 A/AA violations on the page once it has settled: id, targets, summary.

    `whole=False` leaves out the site's frame (FRAME), which a whole-site pass checks in full
    on the first page of each section and need not check again on every page."""
    settle(page)
    return page.evaluate(
        """([tags, exclude]) => axe.run({exclude: exclude.map(s => [s])},
             {runOnly: {type: "tag", values: tags}}).then(r =>
             r.violations.map(v => ({
               id: v.id, nodes: v.nodes.map(n => [n.target, n.failureSummary]),
             })))""",
        [WCAG_TAGS, [] if whole else FRAME],
    )
