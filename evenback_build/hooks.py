"""MkDocs hooks: every guide page says when it was last reviewed; every page carries a CSP;
the planner page carries the planner's form description, so its form shows at once; the
markup fixes of ``evenback_build.markup`` (tables that scroll, self-test limits from the
planner, SVG ``<use>`` that Material's bundle can handle, a named search dialog); each
self-test page gets its figure (the page and place are named in planner/data/figures.toml).

MkDocs loads this file by path (mkdocs.yml ``hooks:``), so it imports only absolute names.
A page without a valid ``last_reviewed: YYYY-MM-DD`` in its front matter fails the build;
the date is also formatted once here for the template (``page.meta.last_reviewed_text``).
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
import json
import os
import re
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from evenback_build import markup
from evenback_build.paths import ROOT
from planner._svg import STYLE as CHART_STYLE


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    """Check and format the page's ``last_reviewed`` date."""
    value = page.meta.get("last_reviewed")
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            value = None
    if not isinstance(value, datetime.date):
        raise PluginError(
            f"{page.file.src_uri}: front matter needs last_reviewed: YYYY-MM-DD "
            "(every guide page says when it was last reviewed)"
        )
    page.meta["last_reviewed"] = value.isoformat()
    page.meta["last_reviewed_text"] = f"{value.day} {value:%B %Y}"
    if page.meta.get("starts_planner"):
        page.meta["preload_modules"] = planner_modules(Path(config["docs_dir"]))
    if page.file.src_uri == ABOUT_PAGE:
        return _with_versions(markdown)
    return markdown


# --- The planner page's modules, asked for at once ---------------------------------------
# site.js (every page's, mkdocs.yml extra_javascript) imports the planner's two modules when
# the page has #planner; overrides/main.html links every module they load as
# <link rel="modulepreload">, so they arrive together instead of one import level after
# another (evenback_build/module_graph.py says why).
PLANNER_MODULES = ("site.js", "planner-page.js", "planner-offline.js")


def planner_modules(docs_dir: Path) -> list[str]:
    """The site paths (js/<name>) of every module the planner page loads before it starts."""
    from evenback_build.module_graph import ModuleGraphError, static_imports

    try:
        return [f"js/{name}" for name in static_imports(docs_dir / "js", PLANNER_MODULES)]
    except ModuleGraphError as error:
        raise PluginError(f"the planner page's modules: {error}") from None


# --- The versions, on the About page (the planner's status line only says it is ready) -----
ABOUT_PAGE = "about.md"
VERSIONS_MARK = "<!-- planner-versions -->"


def _runtime_dir() -> Path:
    """The pinned Pyodide the build ships (scripts/_setup.sh exports PYODIDE_DIR)."""
    given = os.environ.get("PYODIDE_DIR")
    if given:
        return Path(given)
    found = sorted((ROOT / ".cache" / "pyodide").glob("[0-9]*"))
    if not found:
        raise PluginError("about.md: the Pyodide runtime is not set up (run scripts/build)")
    return found[-1]


def versions_sentence() -> str:
    """ "This site runs planner 0.1.0, in your browser, on Python 3.14.2 (Pyodide 314.0.7)."
    from the planner and the runtime's own files."""
    from planner import __version__

    runtime = _runtime_dir()
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    package = json.loads((runtime / "package.json").read_text(encoding="utf-8"))
    return (
        f"This site runs planner {__version__}, in your browser, on Python "
        f"{lock['info']['python']} (Pyodide {package['version']})."
    )


def _with_versions(markdown: str) -> str:
    if VERSIONS_MARK not in markdown:
        raise PluginError(f"{ABOUT_PAGE}: needs {VERSIONS_MARK} where the versions go")
    return markdown.replace(VERSIONS_MARK, versions_sentence())


# --- The planner's form description, in the page --------------------------------------
# The planner page builds its form from describe() (the same field definitions the engine
# validates against). Put in the page at build time, the form is there at once, filled in
# while the runtime starts in its worker; the worker's describe() answers the same JSON.
# It is an attribute of #planner, not a <script> data block: Material's instant navigation
# re-creates a page's scripts without their type, which would run the JSON as a script.
PLANNER_PAGE = "planner/index.md"
PLANNER_ELEMENT = '<div id="planner" '


@functools.cache
def _description() -> str:
    from planner._bridge import describe

    return describe()


def test_limits() -> tuple[float, float]:
    """The lowest and highest self-test result the planner accepts (describe()'s `tests`)."""
    (field,) = [f for f in json.loads(_description())["fields"] if f["name"] == "tests"]
    return field["minimum"], field["maximum"]


def on_page_content(html: str, *, page: Any, config: Any, files: Any) -> str:
    from evenback_build.figures import FigureError
    from evenback_build.figures.pages import insert_self_test_figure

    where = page.file.src_uri
    try:
        html = markup.drop_markdown_attributes(html)
        html = markup.svg_use_without_href(html)
        html = markup.wrap_tables(html, page.title or "")
        html = markup.self_test_limits(html, *test_limits(), where=where)
        html = insert_self_test_figure(html, where)
    except (markup.MarkupError, FigureError) as error:
        raise PluginError(str(error)) from None
    if where != PLANNER_PAGE:
        return html
    if html.count(PLANNER_ELEMENT) != 1:
        raise PluginError(f"{PLANNER_PAGE}: expected one {PLANNER_ELEMENT!r} element")
    data = escape(_description(), quote=True)
    return html.replace(PLANNER_ELEMENT, f'{PLANNER_ELEMENT}data-description="{data}" ')


# --- One style sheet for the guide ------------------------------------------------------
# Each render-blocking style sheet is another request before the first paint (on a slow
# phone connection, Lighthouse counted 150-300 ms each), so the site's own sheets go out as
# one, css/guide.css (mkdocs.yml's extra_css), written here from the sources in docs/css/.
# The planner's own sheets are linked by overrides/main.html on the planner page only.
GUIDE_CSS = "css/guide.css"
GUIDE_CSS_PARTS = ("css/site.css", "css/exercise.css", "css/figures.css", "css/offline.css")


# The figures' sizes (a class on each figure, never a style attribute: the CSP allows no
# inline style) come last, written from the figures' data (evenback_build/figures).
FIGURE_SIZES = "figure sizes, from evenback_build/figures"


def guide_stylesheet(docs_dir: Path) -> str:
    """The guide's style sheets, one after the other in GUIDE_CSS_PARTS order, then the rules
    that size the figures."""
    from evenback_build.figures.pages import size_stylesheet

    parts = []
    for name in GUIDE_CSS_PARTS:
        source = docs_dir / name
        if not source.is_file():
            raise PluginError(f"{GUIDE_CSS}: its part {name} is missing from {docs_dir}")
        parts.append(f"/* {name} */\n{source.read_text(encoding='utf-8').strip()}\n")
    parts.append(f"/* {FIGURE_SIZES} */\n{size_stylesheet()}")
    return "\n".join(parts)


def on_files(files: Any, *, config: Any) -> Any:
    """Add css/guide.css, made from GUIDE_CSS_PARTS, in place of the parts (nothing else
    links them, so they are neither copied into the site nor precached); add each exercise's
    thumbnail (exercises/<id>/thumb.svg, evenback_build/figures/thumbs.py) for the plan's
    items (the service worker precaches them with every other SVG of the site)."""
    from mkdocs.structure.files import File

    from evenback_build.figures.thumbs import thumbnails

    if GUIDE_CSS not in config["extra_css"]:
        raise PluginError(f"mkdocs.yml: extra_css should load {GUIDE_CSS}")
    content = guide_stylesheet(Path(config["docs_dir"]))
    for name in GUIDE_CSS_PARTS:
        part = files.get_file_from_path(name)
        if part is not None:
            files.remove(part)
    files.append(File.generated(config, GUIDE_CSS, content=content))
    for path, svg in thumbnails().items():
        files.append(File.generated(config, path, content=svg))
    return files


# --- Content-Security-Policy -------------------------------------------------------------
# GitHub Pages cannot send headers, so the policy is a <meta> tag. It names every inline
# script of the site by hash (the same policy on every page: under instant navigation the
# first page's policy stays in force), and allows nothing from any other origin. Styles come
# from the site's own sheets only: no style attribute, and the one inline <style> block, the
# progress chart's (planner/_svg.py, the same bytes as the CLI's file), named by its hash.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
CSP = (
    "default-src 'none'; script-src 'self' {hashes}; style-src 'self' {style_hashes}; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
)


def _sha256_source(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def _inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for attrs, body in INLINE_SCRIPT.findall(html):
        if "application/json" in attrs:  # data, never executed
            continue
        hashes.add(_sha256_source(body))
    return hashes


def on_post_build(*, config: Any) -> None:
    """Insert the CSP meta tag into every page."""
    pages = sorted(Path(config["site_dir"]).rglob("*.html"))
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    hashes = set().union(*(_inline_script_hashes(t) for t in texts.values()))
    policy = CSP.format(hashes=" ".join(sorted(hashes)), style_hashes=_sha256_source(CHART_STYLE))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for path, text in texts.items():
        # After the charset declaration, which must stay within the first 1024 bytes.
        charset = re.search(r"<meta charset=[^>]*>", text)
        if charset and "Content-Security-Policy" not in text:
            at = charset.end()
            path.write_text(text[:at] + meta + text[at:], encoding="utf-8")


# --- Material's bundle, deferred ------------------------------------------------------------
# Material loads its bundle (about 35 KB gzipped) with a plain <script> at the end of <body>,
# which holds the first paint until it has arrived and run (Lighthouse: "render-blocking",
# about 600 ms on its slow phone). `defer` runs it once the page is parsed, still before
# DOMContentLoaded (which it waits for) and before our module (site.js, which uses its
# document$), both deferred scripts running in document order. The inline scripts before it
# (the theme's palette and tabs, the search gate) do not use it.
BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def defer_bundle(html: str, where: str) -> str:
    """The page with Material's bundle script deferred; the build stops if it is not found."""
    html, count = BUNDLE.subn(r'<script src="\1" defer></script>', html)
    if count != 1:
        raise PluginError(f"{where}: expected Material's bundle script once, found {count}")
    return html


def on_post_page(output: str, *, page: Any, config: Any) -> str:
    """Give Material's search dialog its accessible name; defer Material's bundle."""
    try:
        output = markup.name_search_dialog(output, page.file.src_uri)
    except markup.MarkupError as error:
        raise PluginError(str(error)) from None
    return defer_bundle(output, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: Any) -> str:
    """The same on the theme's own pages (404.html), which are not Markdown pages."""
    if template_name != "404.html":
        return output_content
    try:
        output_content = markup.name_search_dialog(output_content, template_name)
    except markup.MarkupError as error:
        raise PluginError(str(error)) from None
    return defer_bundle(output_content, template_name)
