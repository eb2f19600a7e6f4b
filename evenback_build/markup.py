"""Markup the build writes into pages: pure functions from HTML to HTML, used by the hooks.

- ``wrap_tables``: every content table in a labelled, keyboard-focusable scroll region, so a
  table wider than a phone scrolls inside the page (with a visible edge shadow, site.css)
  instead of widening it;
- ``self_test_limits``: the self-test pages' result boxes get their ``min``/``max`` from the
  planner's own test limits, never typed into a page;
- ``svg_use_without_href``: an SVG ``<use>`` refers to its shape by ``xlink:href`` only
  (Material's instant navigation assigns ``element.href`` on every ``[href]`` element, which
  throws on SVG, where ``href`` is read-only);
- ``drop_markdown_attributes``: Python-Markdown leaves ``markdown="0"`` on raw HTML blocks;
  it is an instruction to Markdown, not HTML;
- ``name_search_dialog``: Material's search dialog gets an accessible name.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)
TAG = re.compile(r"<[^>]+>")
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
SCROLL_REGION = '<div class="eb-table-scroll" role="region" tabindex="0" aria-label="{label}">'


class MarkupError(Exception):
    """A page's markup is not what the build expects; the message says where and why."""


def _text(fragment: str) -> str:
    """The plain text of an HTML fragment (tags and the heading's permalink removed)."""
    return " ".join(html.unescape(TAG.sub("", PERMALINK.sub("", fragment))).split())


def wrap_tables(page_html: str, page_title: str) -> str:
    """Wrap each ``<table>`` in a scroll region named after the heading above it."""
    out: list[str] = []
    at = 0
    for found in TABLE.finditer(page_html):
        before = page_html[: found.start()]
        headings = HEADING.findall(before)
        heading = _text(headings[-1][1]) if headings else page_title
        label = html.escape(f"Table: {heading}", quote=True)
        out += [page_html[at : found.start()], SCROLL_REGION.format(label=label)]
        out += [found.group(0), "</div>"]
        at = found.end()
    out.append(page_html[at:])
    return "".join(out)


SELF_TEST_FORM = re.compile(r'<form class="selftest-link"[^>]*>(.*?)</form>', re.S)
RESULT_INPUT = re.compile(r'<input type="number" name="(left|right)"([^>]*)>')


def self_test_limits(page_html: str, minimum: float, maximum: float, where: str) -> str:
    """Give each self-test result box (``name="left"``/``"right"``) the planner's limits.

    A box that types its own ``min`` or ``max`` is an error: the limits live in the planner.
    """

    def number(value: float) -> str:
        return str(int(value)) if float(value).is_integer() else str(value)

    def limit(found: re.Match[str]) -> str:
        side, attrs = found.groups()
        if re.search(r"\b(min|max)=", attrs):
            raise MarkupError(
                f"{where}: the {side} result box types its own min/max; the build sets them "
                "from the planner's test limits (remove them from the page)"
            )
        return (
            f'<input type="number" name="{side}" min="{number(minimum)}" '
            f'max="{number(maximum)}"{attrs}>'
        )

    def form(found: re.Match[str]) -> str:
        inner = RESULT_INPUT.sub(limit, found.group(0))
        if inner.count(' max="') != 2:
            raise MarkupError(f"{where}: a self-test form needs a left and a right result box")
        return inner

    return SELF_TEST_FORM.sub(form, page_html)


USE = re.compile(r"<use\b[^>]*>")
PLAIN_HREF = re.compile(r'(?<![:\w-])href="([^"]*)"')


def svg_use_without_href(page_html: str) -> str:
    """``<use href="#x">`` and ``<use xlink:href="#x" href="#x">`` become ``xlink:href`` only."""

    def fix(found: re.Match[str]) -> str:
        tag = found.group(0)
        plain = PLAIN_HREF.search(tag)
        if plain is None:
            return tag
        tag = PLAIN_HREF.sub("", tag, count=1)
        if "xlink:href=" not in tag:
            tag = tag.replace("<use", f'<use xlink:href="{plain.group(1)}"', 1)
        return re.sub(r"\s+(/?>)$", r"\1", re.sub(r"  +", " ", tag))

    return USE.sub(fix, page_html)


def drop_markdown_attributes(page_html: str) -> str:
    return re.sub(r'\s+markdown="0"', "", page_html)


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = "Search this site"


def name_search_dialog(page_html: str, where: str) -> str:
    if page_html.count(SEARCH_DIALOG) != 1:
        raise MarkupError(f"{where}: Material's search dialog was not found (theme changed?)")
    named = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{SEARCH_NAME}"')
    return page_html.replace(SEARCH_DIALOG, named)
