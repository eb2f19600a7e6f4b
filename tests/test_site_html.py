"""The built site's HTML validates (the Nu Html Checker, vnu), but for the theme's known errors.

THEME_ERRORS is the one list of errors the checker reports in markup the theme writes
(mkdocs-material's templates and partials), each with why it is not this site's to fix.
Every other error fails the test, whatever page it is on.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from _site import SITES, Site, start

from evenback_build.paths import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message pattern, extract pattern, why it is the theme's and not ours)
THEME_ERRORS: tuple[tuple[str, str, str], ...] = (
    (
        r"^Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link[^"]*" for="__nav_[\d_]+" id="__nav_[\d_]+_label" '
        r'tabindex="">',
        'Material\'s navigation partial (nav-item.html) writes tabindex="" on the labels of '
        "navigation sections when navigation.sections is on; the theme's own markup",
    ),
    (
        r"^Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
        r'id="__(drawer|search)" autocomplete="off">',
        "Material's base.html puts autocomplete=off on its drawer and search toggles (hidden "
        "checkboxes), so browsers do not restore them open on going back; the theme's markup",
    ),
    (
        r"^The value of the “for” attribute of the “label” element must be the ID of a "
        r"non-hidden form control",
        r'<label class="md-nav__title" for="__toc">',
        "Material's table-of-contents partial (toc.html) labels its __toc toggle even on pages "
        "whose toggle it does not write; the theme's markup",
    ),
)


def theme_error(message: dict[str, Any]) -> str | None:
    """The reason a checker message is the theme's, or None when it is ours."""
    for text, extract, reason in THEME_ERRORS:
        if re.search(text, message.get("message", "")) and re.search(
            extract, message.get("extract", "")
        ):
            return reason
    return None


def pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if "pyodide" not in p.parts)


def vnu(files: list[Path]) -> list[dict[str, Any]]:
    """The checker's errors for ``files`` (warnings left out)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: ./scripts/test installs Debian's default-jre-headless")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    # vnu writes its JSON report to stderr, and exits 1 when it found errors.
    assert done.returncode in (0, 1), done.stderr[-3000:]
    return list(json.loads(done.stderr)["messages"])


@pytest.fixture(scope="module")
def site() -> Site:
    return start(SITES["root"])


def test_built_site_has_no_html_error_but_the_themes_known_ones(site: Site) -> None:
    files = pages(site.directory)
    assert len(files) > 60
    ours = [m for m in vnu(files) if theme_error(m) is None]
    shown = [
        f"{m.get('url', '').rsplit(site.directory.name, 1)[-1]}:{m.get('lastLine')}: "
        f"{m['message']} | {m.get('extract', '')!r}"
        for m in ours
    ]
    assert shown == [], "\n".join(shown[:40])


def test_html_check_flags_a_planted_unescaped_quote_and_a_planted_theme_like_error(
    site: Site, tmp_path: Path
) -> None:
    """The check can fail: our own fault in a page is reported and not taken for the theme's."""
    page = (site.directory / "index.html").read_text(encoding="utf-8")
    planted = page.replace(
        "</body>", '<meta name="description" content="what "hurt is not harm" means"></body>'
    ).replace("</body>", '<label class="eb-x" tabindex="">x</label></body>')
    bad = tmp_path / "index.html"
    bad.write_text(planted, encoding="utf-8")
    ours = [m for m in vnu([bad]) if theme_error(m) is None]
    messages = " ".join(m["message"] for m in ours)
    assert 'Quote “"” in attribute name' in messages
    assert "tabindex" in messages, "a tabindex error outside the theme's markup is ours"


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.description: str | None = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name") == "description":
            self.description = values.get("content")
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def front_matter(path: Path) -> dict[str, Any]:
    import yaml

    text = path.read_text(encoding="utf-8")
    return dict(yaml.safe_load(text.split("---\n", 2)[1]))


@pytest.mark.parametrize("page", ["safety/pain", "safety/scoliosis"])
def test_description_with_quotes_reaches_the_meta_tag_intact(site: Site, page: str) -> None:
    meta = front_matter(ROOT / "docs" / f"{page}.md")
    assert '"' in meta["description"], "the page's description quotes something"
    parsed = _Meta()
    parsed.feed((site.directory / page / "index.html").read_text(encoding="utf-8"))
    assert parsed.description == meta["description"]
    assert parsed.title == f"{meta['title']} - Even Back"
