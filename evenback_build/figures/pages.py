"""Self-test pages are written by hand: their figures go in at build time (MkDocs hook).

`figures.toml` names, for each self-test figure, the page (`page`) and the id of the heading it
goes before (`before`): the one place that says where each figure appears. A page or heading
that is not found stops the build.
"""

from __future__ import annotations

import functools

from planner import load_catalogue

from . import FigureError, exercise_figure, load_figures, self_test_figure


@functools.cache
def _by_page() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for _key, spec in sorted(load_figures().items()):
        if spec.page is not None and spec.before is not None:
            out.setdefault(spec.page, []).append((spec.id, spec.before))
    return out


def self_test_pages() -> dict[str, list[tuple[str, str]]]:
    """{page: [(self-test key, heading id), ...]} for every self-test figure."""
    return dict(_by_page())


def insert_self_test_figure(html: str, src_uri: str) -> str:
    """The page's HTML with its self-test figure(s) before the named heading(s)."""
    for key, before in _by_page().get(src_uri, []):
        anchor = f'<h2 id="{before}"'
        if html.count(anchor) != 1:
            raise FigureError(
                f"figures.toml: self_test.{key}: {src_uri} has no single heading #{before}"
            )
        at = html.index(anchor)
        html = html[:at] + self_test_figure(key).html + "\n" + html[at:]
    return html


def size_stylesheet() -> str:
    """The CSS rules that size every figure's pictures (one per size class, sorted): the
    figures carry a class, never a style attribute, since the site's CSP allows no inline
    style. Goes into the site's style sheet (evenback_build/hooks.py)."""
    by_id = {ex.id: ex for ex in load_catalogue()}
    rules: set[str] = set()
    for key in load_figures():
        kind, _, name = key.partition(".")
        if kind == "exercise" and name in by_id:
            rules.add(exercise_figure(by_id[name]).size_rule)
        elif kind == "self_test":
            rules.add(self_test_figure(name).size_rule)
    return "\n".join(sorted(rules)) + "\n"
