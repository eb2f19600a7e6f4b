"""No tracked file points outside the repository: a clone from GitHub has nothing beside it.

A pointer outside is a path that climbs above the repository's root (`../` more times than the
file is deep), a note kept beside the repository (the `shared` folder of the machine the project
was first written on), or an absolute path of that machine. The checker is a pure function, so
the planted faults below prove it finds each kind.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent

# A path climbing up (one or more "../"), not part of a longer name or an ellipsis.
_PARENT = re.compile(r"(?<![\w.])((?:\.\./)+)")
# The folder kept beside the repository, by a relative path or by the names of its contents.
_SHARED = re.compile(
    r"(?<![\w.-])(?:\.\./)+shared\b|(?<![\w/.-])shared/(?:CONTRACT|research|seeds)\b"
)
# An absolute path on the machine the project was first written on (also as a file:// URL).
_ABSOLUTE = re.compile(r"(?:(?<![\w.:/-])|(?<=file://))/wor[k]/")
# Folders that are never part of a clone (used only when git cannot list the tracked files).
_UNTRACKED = {".git", ".venv", ".cache", "node_modules", "site", "__pycache__", ".pytest_cache"}


def outside_pointers(path: str, text: str) -> list[str]:
    """Every place in `text` (the file at repository path `path`) that names a path outside
    the repository, as "path:line: what".
    """
    depth = len(PurePosixPath(path).parent.parts)
    found: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{path}:{number}"
        for match in _SHARED.finditer(line):
            found.append(f"{where}: {match.group(0)!r} is beside the repository, not in it")
        for match in _ABSOLUTE.finditer(line):
            found.append(f"{where}: {match.group(0)!r} is an absolute path on one machine")
        for match in _PARENT.finditer(line):
            if match.group(1).count("../") > depth:
                found.append(f"{where}: {match.group(0)!r} climbs above the repository's root")
    return found


def tracked_files() -> list[str]:
    """The repository's files (git's tracked files; without git, every file outside the
    folders a clone never has)."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        return sorted(name for name in out.decode("utf-8").split("\0") if name)
    except (OSError, subprocess.CalledProcessError):
        return sorted(
            p.relative_to(ROOT).as_posix()
            for p in ROOT.rglob("*")
            if p.is_file() and not _UNTRACKED.intersection(p.relative_to(ROOT).parts)
        )


def _text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:  # listed by git but deleted in the working tree
        return None
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def test_no_tracked_file_names_a_path_outside_the_repository() -> None:
    files = tracked_files()
    assert "README.md" in files and "DEVELOPING.md" in files
    found: list[str] = []
    for name in files:
        text = _text(ROOT / name)
        if text is not None:
            found.extend(outside_pointers(name, text))
    assert found == [], "\n".join(found)


def test_checker_finds_the_folder_beside_the_repository() -> None:
    up, beside = "../", "sha" + "red"  # spelt in pieces, so this file does not name it
    assert outside_pointers(
        "README.md", f"see [{up}{beside}/CONTRACT.md]({up}{beside}/CONTRACT.md)"
    )
    assert outside_pointers("docs/faq.md", f"see {up}{beside}/research/notes.md")
    assert outside_pointers("pyproject.toml", f"# (see {beside}/research/site-tooling.md)")
    assert outside_pointers("scripts/x.py", f"from the {beside}/seeds folder")


def test_checker_finds_a_path_climbing_above_the_root() -> None:
    up = "../"
    assert outside_pointers("README.md", f"[licence]({up}LICENSE)")
    assert outside_pointers("docs/index.md", f"[x]({up * 2}elsewhere/page.md)")
    assert outside_pointers("tests/pyodide/run.mjs", f'import "{up * 3}x.mjs";')


def test_checker_finds_an_absolute_path_of_the_first_machine() -> None:
    root = "/" + "work"
    assert outside_pointers("DEVELOPING.md", f"run {root}/main/scripts/test")
    assert outside_pointers("scripts/x.py", f'URL = "file://{root}/shared/x"')


def test_checker_leaves_paths_inside_the_repository_alone() -> None:
    up = "../"
    inside = {
        "docs/reference/plan.md": f"[a]({up}examples/x.json) and [b]({up * 2}README.md)",
        "docs/self-tests/side-bridge.md": f'<a href="{up * 2}planner/">planner</a>',
        "tests/pyodide/run.mjs": f'import {{ x }} from "{up * 2}scripts/site_runtime.mjs";',
        "scripts/hooks.py": f'importScripts("{up}{{material}}"); ellipsis .../ and a/../b',
        "README.md": "https://example.org/work/ and docs/shared-notes.md and shared/other.md",
    }
    for path, text in inside.items():
        assert outside_pointers(path, text) == [], path


_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")


def test_links_in_readme_and_developing_open_files_of_the_repository() -> None:
    for name in ("README.md", "DEVELOPING.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for target in _LINK.findall(text):
            if "://" in target:
                continue
            assert (ROOT / target).resolve().is_relative_to(ROOT), (name, target)
            assert (ROOT / target).exists(), (name, target)
