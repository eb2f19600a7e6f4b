"""MkDocs hooks: every guide page must say when it was last reviewed.

A page without a valid ``last_reviewed: YYYY-MM-DD`` in its front matter fails the build;
the date is also formatted once here for the template (``page.meta.last_reviewed_text``).
"""

from __future__ import annotations

import datetime
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
