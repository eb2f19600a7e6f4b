"""axe-core as the accessibility tests run it: the WCAG 2.2 A/AA rules, on a settled page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from _contexts import new_context
from _recording import Recorder, watch

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
    on the first page of each section and need not check again on every page. axe reports
    every violation in full; `resultTypes` only spares it listing every node that passed (a
    quarter of its time on a long page)."""
    settle(page)
    return page.evaluate(
        """([tags, exclude]) => axe.run({exclude: exclude.map(s => [s])},
             {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]}).then(r =>
             r.violations.map(v => ({
               id: v.id, nodes: v.nodes.map(n => [n.target, n.failureSummary]),
             })))""",
        [WCAG_TAGS, [] if whole else FRAME],
    )


WIDTHS = (360, 1280)  # a phone and a desktop


def violations_in_fresh_context(  # type: ignore[no-untyped-def]
    browser, scheme: str, reach: Callable[[Any], None], widths: tuple[int, ...] = WIDTHS
) -> dict[int, list[dict[str, Any]]]:
    """axe's violations, width by width, on the page `reach(page)` brings a fresh context to,
    in colour scheme `scheme`: reached at the first width, then the window resized to each of
    the others (the page's own modules read no width; the theme's follow its media queries),
    so a state that takes the runtime's start to reach is reached once for every width. axe
    comes in by an init script, added by the browser itself, so the site's CSP stays fully in
    force; the context must make no request off 127.0.0.1, throw no uncaught error and break
    no CSP rule."""
    recorder = Recorder()
    ctx = new_context(browser, color_scheme=scheme, viewport={"width": widths[0], "height": 900})
    ctx.add_init_script(path=str(AXE))
    watch(ctx, recorder)
    found: dict[int, list[dict[str, Any]]] = {}
    try:
        page = ctx.new_page()
        reach(page)
        for width in widths:
            page.set_viewport_size({"width": width, "height": 900})
            assert page.evaluate("innerWidth") == width
            found[width] = violations(page)
    finally:
        ctx.close()
    assert (recorder.foreign(), recorder.errors, recorder.csp) == ([], [], [])
    return found
