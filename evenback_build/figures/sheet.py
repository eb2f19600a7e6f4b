"""The maintainers' contact sheet: every figure on one page, and phone-size screenshots of it.

    python -m evenback_build.figures.sheet [--out .cache/figures] [--png]

Writes `<out>/sheet.html` (every exercise and self-test figure, with the site's figure CSS)
and, with --png, screenshots in the light and the dark scheme, each figure in a column as wide
as a 360 px phone's content, eight figures per image (`<out>/light-01.png`,
`<out>/dark-01.png`, ...), taken with Debian's Chromium. Look at every
one before calling a figure done.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from html import escape
from pathlib import Path

from planner import load_catalogue

from ..paths import ROOT
from . import Figure, exercise_figure, load_figures, self_test_figure

CSS = ROOT / "docs" / "css" / "figures.css"
PER_IMAGE = 8  # figures per screenshot: 4 phone-width columns, 2 rows
COLUMN_PX = 328  # the content width of a 360 px phone screen in the site's theme
SCHEMES = {
    "light": ("default", "#ffffff", "#1f1f1f"),
    "dark": ("slate", "#1e2129", "#e2e4e9"),
}


def all_figures(partial: bool = False) -> list[tuple[str, Figure]]:
    """(label, figure) for every catalogue exercise, then every self-test, in a fixed order."""
    figures = load_figures()
    out = [
        (f"exercise {ex.id}", exercise_figure(ex))
        for ex in load_catalogue()
        if partial is False or f"exercise.{ex.id}" in figures
    ]
    for key in sorted(figures):
        if key.startswith("self_test."):
            out.append((f"self-test {key[10:]}", self_test_figure(key[10:])))
    return out


def sheet_html(scheme: str, items: Sequence[tuple[str, Figure]]) -> str:
    name, bg, fg = SCHEMES[scheme]
    body = "\n".join(
        f'<section class="eb-sheet__item" data-index="{i}"><h2>{escape(label)}</h2>\n'
        f"{fig.html}</section>"
        for i, (label, fig) in enumerate(items)
    )
    return (
        f'<!doctype html><html lang="en" data-md-color-scheme="{name}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width">'
        f"<title>Figures: contact sheet</title><style>{CSS.read_text(encoding='utf-8')}\n"
        f"body{{margin:0;padding:8px;background:{bg};color:{fg};font:16px/1.5 sans-serif}}"
        "h2{font-size:13px;margin:0 0 4px}"
        f".md-typeset{{display:grid;grid-template-columns:repeat(auto-fill,{COLUMN_PX}px);"
        "gap:0 24px;align-items:start}</style></head>"
        f'<body><div class="md-typeset">{body}</div></body></html>\n'
    )


def screenshots(out: Path, items: Sequence[tuple[str, Figure]]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from ..chromium import ARGS, CHROMIUM

    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(ARGS))
        width = 4 * COLUMN_PX + 3 * 24 + 16
        page = browser.new_page(viewport={"width": width, "height": 800}, device_scale_factor=1)
        for scheme in SCHEMES:
            for start in range(0, len(items), PER_IMAGE):
                chunk = items[start : start + PER_IMAGE]
                page.set_content(sheet_html(scheme, chunk))
                path = out / f"{scheme}-{start // PER_IMAGE + 1:02d}.png"
                page.screenshot(path=str(path), full_page=True)
                written.append(path)
        browser.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "figures")
    parser.add_argument("--png", action="store_true", help="also take the phone screenshots")
    parser.add_argument("--partial", action="store_true", help="skip exercises with no figure")
    parser.add_argument("--only", help="only figures whose label contains this text")
    args = parser.parse_args(argv)
    items = all_figures(args.partial)
    if args.only:
        items = [(label, f) for label, f in items if args.only in label]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "sheet.html").write_text(sheet_html("light", items), encoding="utf-8")
    if args.png:
        for path in screenshots(args.out, items):
            print(path)
    print(f"figures: {len(items)} on {args.out / 'sheet.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
