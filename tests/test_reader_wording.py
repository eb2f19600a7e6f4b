"""What readers see never speaks of how the site was made: no "seed" anywhere in the guide,
the catalogue or the page templates (links to the example profiles' file names excepted)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The example profiles keep their file names (docs/examples/seed-*.json); links to them are
# addresses, not words a reader reads.
_EXAMPLE_LINK = re.compile(r"examples/seed-[a-z0-9-]+\.json")
_SEED = re.compile(r"\bseed", re.IGNORECASE)


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
    return files


def seed_mentions(text: str) -> list[str]:
    """The lines of `text` that say "seed", once example-profile links are set aside."""
    return [line for line in text.splitlines() if _SEED.search(_EXAMPLE_LINK.sub("", line))]


def test_the_check_finds_seed_but_not_example_file_names() -> None:
    assert seed_mentions("the seed thread's first suggestion")
    assert seed_mentions("Seeds of doubt")
    assert not seed_mentions("[this example profile](examples/seed-left-erector-basketball.json)")
    assert not seed_mentions("lifters on a training forum")


@pytest.mark.parametrize("path", _reader_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_reader_facing_text_says_seed(path: Path) -> None:
    assert seed_mentions(path.read_text(encoding="utf-8")) == []
