"""Documentation examples are real: every share link in the guide plans, and the FAQ's links
open exactly the example profiles saved under docs/examples/."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import planner

DOCS = Path(__file__).resolve().parent.parent / "docs"
SHARE = re.compile(r'href="[^"]*#profile=([A-Za-z0-9_-]+)"')


def decode(fragment: str) -> object:
    padded = fragment + "=" * (-len(fragment) % 4)
    return json.loads(base64.urlsafe_b64decode(padded).decode("utf-8"))


def test_every_share_link_in_the_guide_is_a_valid_profile() -> None:
    found = 0
    for page in DOCS.rglob("*.md"):
        for fragment in SHARE.findall(page.read_text(encoding="utf-8")):
            profile = decode(fragment)
            assert planner.plan(profile)["status"] in ("ok", "refer"), page  # type: ignore[arg-type]
            found += 1
    assert found >= 2


def test_faq_links_open_the_saved_seed_profiles() -> None:
    faq = (DOCS / "faq.md").read_text(encoding="utf-8")
    linked = [decode(f) for f in SHARE.findall(faq)]
    for name in ("forum-left-erector-basketball", "forum-slight-scoliosis-right-weaker"):
        saved = json.loads((DOCS / "examples" / f"{name}.json").read_text(encoding="utf-8"))
        assert saved in linked, name


def test_every_example_profile_plans_without_errors() -> None:
    examples = sorted((DOCS / "examples").glob("*.json"))
    assert len(examples) >= 5
    for path in examples:
        result = planner.plan(json.loads(path.read_text(encoding="utf-8")))
        assert result["status"] in ("ok", "refer"), path
