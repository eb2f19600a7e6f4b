"""MkDocs hooks: every guide page says when it was last reviewed; every page carries a CSP.

A page without a valid ``last_reviewed: YYYY-MM-DD`` in its front matter fails the build;
the date is also formatted once here for the template (``page.meta.last_reviewed_text``).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

# Pages MkDocs or Material make themselves, with no front matter of ours.
EXEMPT = frozenset({"404.html"})


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    """Check and format the page's ``last_reviewed`` date."""
    if page.file.src_uri in EXEMPT:
        return markdown
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
    return markdown


# --- Content-Security-Policy -------------------------------------------------------------
# GitHub Pages cannot send headers, so the policy is a <meta> tag. It names every inline
# script of the site by hash (the same policy on every page: under instant navigation the
# first page's policy stays in force), and allows nothing from any other origin.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
CSP = (
    "default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
)


def _inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for attrs, body in INLINE_SCRIPT.findall(html):
        if "application/json" in attrs:  # data, never executed
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.add(f"'sha256-{digest}'")
    return hashes


def on_post_build(*, config: Any) -> None:
    """Insert the site-wide Content-Security-Policy meta tag into every built page."""
    pages = sorted(Path(config["site_dir"]).rglob("*.html"))
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    hashes = set().union(*(_inline_script_hashes(t) for t in texts.values()))
    policy = CSP.format(hashes=" ".join(sorted(hashes)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for path, text in texts.items():
        # After the charset declaration, which must stay within the first 1024 bytes.
        charset = re.search(r"<meta charset=[^>]*>", text)
        if charset and "Content-Security-Policy" not in text:
            at = charset.end()
            path.write_text(text[:at] + meta + text[at:], encoding="utf-8")
