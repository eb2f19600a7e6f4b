"""The markup the build writes into pages (evenback_build.markup, evenback_build.hooks)."""

from __future__ import annotations

import json
import re

import pytest

from evenback_build import hooks, markup
from planner._bridge import describe

FORM = (
    '<form class="selftest-link" data-test="side_bridge_s">\n'
    '<label>Left <input type="number" name="left" step="any" inputmode="decimal"></label>\n'
    '<label>Right <input type="number" name="right" step="any" inputmode="decimal"></label>\n'
    '<a href="../planner/">Open</a>\n</form>'
)


def test_self_test_limits_come_from_the_planners_description() -> None:
    (field,) = [f for f in json.loads(describe())["fields"] if f["name"] == "tests"]
    assert hooks.test_limits() == (field["minimum"], field["maximum"])
    out = markup.self_test_limits(FORM, *hooks.test_limits(), where="p.md")
    boxes = re.findall(r'<input type="number" name="(left|right)" min="(\d+)" max="(\d+)"', out)
    assert boxes == [
        ("left", str(field["minimum"]), str(field["maximum"])),
        ("right", str(field["minimum"]), str(field["maximum"])),
    ]


def test_a_page_typing_its_own_limits_fails_the_build() -> None:
    typed = FORM.replace('name="left" step', 'name="left" min="0" max="3600" step')
    with pytest.raises(markup.MarkupError, match=r"p\.md: the left result box types its own"):
        markup.self_test_limits(typed, 0, 3600, where="p.md")


def test_a_self_test_form_without_both_boxes_fails_the_build() -> None:
    one = FORM.replace('name="right"', 'name="other"')
    with pytest.raises(markup.MarkupError, match="needs a left and a right result box"):
        markup.self_test_limits(one, 0, 3600, where="p.md")


def test_every_table_scrolls_in_a_focusable_region_named_after_its_heading() -> None:
    page = (
        '<h2 id="r">Record &amp; compare<a class="headerlink" href="#r">&para;</a></h2>'
        "<table><tr><td>1</td></tr></table><p>x</p><table><tr><td>2</td></tr></table>"
    )
    out = markup.wrap_tables(page, "Side bridge")
    regions = re.findall(
        r'<div class="eb-table-scroll" role="region" tabindex="0" aria-label="([^"]*)">'
        r"<table>.*?</table></div>",
        out,
    )
    assert regions == ["Table: Record &amp; compare"] * 2
    assert markup.wrap_tables("<table></table>", 'A "quoted" page').startswith(
        '<div class="eb-table-scroll" role="region" tabindex="0" '
        'aria-label="Table: A &quot;quoted&quot; page">'
    )


def test_svg_use_keeps_only_xlink_href_which_materials_bundle_leaves_alone() -> None:
    both = '<use xlink:href="#left" href="#left" transform="scale(-1,1)"/>'
    assert markup.svg_use_without_href(both) == '<use xlink:href="#left" transform="scale(-1,1)"/>'
    plain = '<use href="#a"/>'
    assert markup.svg_use_without_href(plain) == '<use xlink:href="#a"/>'
    link = '<a href="#a">a</a>'
    assert markup.svg_use_without_href(link) == link


def test_markdown_off_switch_is_not_left_in_the_html() -> None:
    assert markup.drop_markdown_attributes('<div id="p" markdown="0">') == '<div id="p">'


def test_search_dialog_gets_a_name_and_a_changed_theme_fails_the_build() -> None:
    page = f"<body>{markup.SEARCH_DIALOG}</div></body>"
    assert 'role="dialog" aria-label="Search this site"' in markup.name_search_dialog(page, "x")
    with pytest.raises(markup.MarkupError, match="search dialog was not found"):
        markup.name_search_dialog("<body></body>", "x")
