"""The maintainers' contact sheet: every figure on one page, and phone-size screenshots of it.

    python -m evenback_build.figures.sheet [--out .cache/figures] [--png]
    python -m evenback_build.figures.sheet --weight site    # bytes a figure adds to its page

Writes `<out>/sheet.html` (every exercise and self-test figure, with the site's figure CSS)
and, with --png, screenshots in the light and the dark scheme (the page's colour scheme and the
browser's preferred scheme both set), each figure in a column as wide as a 360 px phone's
content, two rows of `--columns` figures per image (`<out>/light-01.png`, `<out>/dark-01.png`,
...), taken with Debian's Chromium; `--columns 2 --scale 2` for a close look. Look at every
one before calling a figure done.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
from collections.abc import Sequence
from html import escape
from pathlib import Path

from planner import load_catalogue

from ..paths import ROOT
from . import Figure, exercise_figure, load_figures, self_test_figure

CSS = ROOT / "docs" / "css" / "figures.css"
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
    sizes = "".join(sorted({fig.size_rule for _, fig in items}))  # the site's size classes
    return (
        f'<!doctype html><html lang="en" data-md-color-scheme="{name}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width">'
        f"<title>Figures: contact sheet</title><style>{CSS.read_text(encoding='utf-8')}\n"
        f"{sizes}"
        # The theme's root size (1rem = 20 px), so rem-sized gaps and words measure as on the site.
        "html{font-size:125%}"
        f"body{{margin:0;padding:8px;background:{bg};color:{fg};font:16px/1.5 sans-serif}}"
        "h2{font-size:13px;margin:0 0 4px}"
        f".md-typeset{{display:grid;grid-template-columns:repeat(auto-fill,{COLUMN_PX}px);"
        "gap:0 24px;align-items:start}</style></head>"
        f'<body><div class="md-typeset">{body}</div></body></html>\n'
    )


def screenshots(
    out: Path, items: Sequence[tuple[str, Figure]], columns: int = 4, scale: float = 1.0
) -> list[Path]:
    """PNGs of the sheet in each scheme, `columns` phone-width columns and two rows per image,
    at `scale` device pixels per CSS pixel (2 for a close look, as a phone's screen shows it)."""
    from playwright.sync_api import sync_playwright

    from ..chromium import ARGS, CHROMIUM

    written = []
    per_image = 2 * columns
    width = columns * COLUMN_PX + (columns - 1) * 24 + 16
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(ARGS))
        for scheme in SCHEMES:
            context = browser.new_context(
                viewport={"width": width, "height": 800},
                device_scale_factor=scale,
                color_scheme="dark" if scheme == "dark" else "light",
            )
            page = context.new_page()
            for start in range(0, len(items), per_image):
                chunk = items[start : start + per_image]
                page.set_content(sheet_html(scheme, chunk))
                path = out / f"{scheme}-{start // per_image + 1:02d}.png"
                page.screenshot(path=str(path), full_page=True)
                written.append(path)
            context.close()
        browser.close()
    return written


FIGURE = re.compile(r'<figure class="eb-fig[ "].*?</figure>', re.S)


def page_weights(site: Path) -> dict[str, int]:
    """{page: gzip bytes its figure(s) add}: every built page with a figure, gzipped (level 6,
    as a static host sends it) with and without its figures."""
    out = {}
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        if FIGURE.search(text):
            bare = FIGURE.sub("", text)
            size = len(gzip.compress(text.encode(), 6)) - len(gzip.compress(bare.encode(), 6))
            out[html.parent.relative_to(site).as_posix()] = size
    return out


def weight_report(weights: dict[str, int]) -> str:
    if not weights:
        return "no page with a figure"
    sizes = sorted(weights.values())
    return (
        f"gzip bytes a figure adds to its page, over {len(sizes)} pages: min {sizes[0]}, "
        f"median {statistics.median(sizes):g}, max {sizes[-1]} "
        f"({max(weights, key=lambda k: weights[k])})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "figures")
    parser.add_argument("--png", action="store_true", help="also take the phone screenshots")
    parser.add_argument("--partial", action="store_true", help="skip exercises with no figure")
    parser.add_argument("--only", help="only figures whose label contains this text")
    parser.add_argument("--columns", type=int, default=4, help="phone columns per image")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixels per CSS px")
    parser.add_argument("--weight", type=Path, help="a built site: report what figures weigh")
    args = parser.parse_args(argv)
    if args.weight:
        print(weight_report(page_weights(args.weight)))
        return 0
    items = all_figures(args.partial)
    if args.only:
        items = [(label, f) for label, f in items if args.only in label]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "sheet.html").write_text(sheet_html("light", items), encoding="utf-8")
    if args.png:
        for old in args.out.glob("*.png"):
            old.unlink()
        for path in screenshots(args.out, items, args.columns, args.scale):
            print(path)
    print(f"figures: {len(items)} on {args.out / 'sheet.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
