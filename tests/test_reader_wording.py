"""What readers see never speaks of how the site was made: no "seed" and no "grew from"
anywhere in the guide, the catalogue, the page templates, the planner's own words (its Python
modules, which write every plan's text), nor the names of the files the site publishes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SEED = re.compile(r"\bseed|grew from|\bthis site (?:was|is) (?:made|built)", re.IGNORECASE)


def _reader_files() -> list[Path]:
    files = [
        p
        for p in sorted((ROOT / "docs").rglob("*"))
        if p.is_file()
        and p.suffix in {".md", ".html", ".js", ".css", ".svg"}
        and "examples" not in p.relative_to(ROOT / "docs").parts
        and "exercises" not in p.relative_to(ROOT / "docs").parts  # generated, git-ignored
    ]
    files += sorted((ROOT / "evenback_build" / "templates").glob("*"))
    files.append(ROOT / "planner" / "data" / "exercises.toml")
    files += sorted((ROOT / "planner").glob("*.py"))
    return files


def seed_mentions(text: str) -> list[str]:
    """The lines of `text` that say "seed"."""
    return [line for line in text.splitlines() if _SEED.search(line)]


def test_the_check_finds_seed_in_words_and_in_addresses() -> None:
    assert seed_mentions("the seed thread's first suggestion")
    assert seed_mentions("Seeds of doubt")
    assert seed_mentions("[this example profile](examples/seed-left-erector-basketball.json)")
    assert not seed_mentions("[this example profile](examples/forum-left-erector-basketball.json)")
    assert seed_mentions("advice from the lifters in the threads this site grew from")
    assert seed_mentions("how this site was made")
    assert not seed_mentions("lifters on a training forum")


@pytest.mark.parametrize("path", _reader_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_reader_facing_text_says_seed(path: Path) -> None:
    assert seed_mentions(path.read_text(encoding="utf-8")) == []


def test_no_published_file_is_named_seed() -> None:
    named = [str(p.relative_to(ROOT)) for p in (ROOT / "docs").rglob("*") if _SEED.search(p.name)]
    assert named == []
