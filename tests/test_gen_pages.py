"""The generated guide pages (evenback_build.pages): exercise pages, exercise index, references."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import markupsafe
import pytest

from evenback_build import pages as gen
from evenback_build.paths import ROOT
from planner import Exercise, Source, load_catalogue, load_sources
from planner._vocab import EQUIPMENT, FOCUS, LEVELS, MUSCLES

SVG_NS = "{http://www.w3.org/2000/svg}"


def esc(text: str) -> str:
    """Text as the templates escape it (Jinja2 autoescape)."""
    return str(markupsafe.escape(text))


NASTY = "<b>&\"Quote\" 'apos'</b>"

SOURCES: dict[str, Source] = {
    "smith2020": Source("smith2020", "Smith (2020). J Test 1:1-2.", "Smith 2020"),
    "alpha2019": Source(
        "alpha2019",
        "Alpha & Beta (2019). <Journal> 2:3.",
        "Alpha & Beta 2019",
        url="https://doi.org/10.1000/xyz",
        note="A note with <angle> brackets & an ampersand.",
    ),
    "unused2001": Source("unused2001", "Unused (2001). Nowhere.", "Unused 2001"),
}


def _exercise(**changes: object) -> Exercise:
    base = Exercise(
        id="bird_dog",
        name="Bird dog",
        summary="On hands and knees, reach one arm and the opposite leg long.",
        focus=("lower_back", "hips"),
        equipment=(),
        unilateral=True,
        level="beginner",
        measure="seconds",
        blocks=("warmup", "main"),
        pattern="anti_rotation",
        dose=(20, 40),
        seconds_per_rep=0.0,
        setup_seconds=10,
        tempo="hold",
        muscles_primary=("erector_spinae", "multifidus"),
        muscles_secondary=("gluteus_maximus", "obliques"),
        steps=("Kneel on all fours, hands under shoulders.", "Reach one arm and the other leg."),
        cues=("Keep the hips level.", "Reach long, not high."),
        mistakes=("Arching the lower back.",),
        weak_side_first="Start with the weak side's leg reaching back.",
        easier=None,
        harder="side_plank",
        cautions=("Skip it with sharp pain when reaching.",),
        sources=("smith2020",),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


CATALOGUE: tuple[Exercise, ...] = (
    _exercise(),
    _exercise(
        id="side_plank",
        name=f"Side plank {NASTY}",
        focus=("side_trunk",),
        equipment=("dumbbell", "bench"),
        level="intermediate",
        measure="reps",
        dose=(8, 12),
        seconds_per_rep=3.0,
        tempo="2-1-2",
        muscles_primary=("quadratus_lumborum", "obliques"),
        muscles_secondary=("gluteus_medius",),
        steps=("Lie on your side.", f"Lift the hips {NASTY}."),
        cues=(f"Cue {NASTY}",),
        mistakes=(f"Mistake {NASTY}",),
        weak_side_first=f"Weak side first {NASTY}",
        easier="bird_dog",
        harder=None,
        cautions=(f"Caution {NASTY}",),
        sources=("alpha2019", "smith2020"),
    ),
)


def _front_matter(text: str) -> dict[str, object]:
    """A tiny reader for the front matter we write (scalars as JSON or dates, one tag list)."""
    assert text.startswith("---\n")
    block = text[4 : text.index("\n---\n", 4)]
    out: dict[str, object] = {}
    current: list[str] | None = None
    for line in block.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("  - "):
            assert current is not None
            current.append(json.loads(line[4:]))
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if not value:
            current = []
            out[key] = current
        else:
            out[key] = json.loads(value) if value.startswith('"') else value
    return out


def _svg(page_text: str) -> ET.Element:
    match = re.search(r"<svg\b.*?</svg>", page_text, re.S)
    assert match, "no inline SVG on the page"
    return ET.fromstring(match.group(0))


def _generate(tmp_path: Path, exercises: Sequence[Exercise] = CATALOGUE) -> list[Path]:
    return gen.generate(tmp_path, exercises, SOURCES)


def test_one_page_per_exercise_at_its_id_plus_index_and_references(tmp_path: Path) -> None:
    written = _generate(tmp_path)
    expected = {tmp_path / "exercises" / f"{ex.id}.md" for ex in CATALOGUE}
    expected |= {tmp_path / "exercises" / "index.md", tmp_path / "references.md"}
    assert set(written) == expected
    assert set(tmp_path.rglob("*.md")) == expected


def test_front_matter_has_title_description_review_date_and_tags(tmp_path: Path) -> None:
    _generate(tmp_path)
    meta = _front_matter((tmp_path / "exercises" / "side_plank.md").read_text(encoding="utf-8"))
    assert meta["title"] == f"Side plank {NASTY}"
    assert meta["description"] == CATALOGUE[0].summary
    assert meta["last_reviewed"] == gen.LAST_REVIEWED.isoformat() == "2026-11-22"
    assert meta["tags"] == ["Side of the trunk", "Dumbbell", "Bench", "Intermediate", "Unilateral"]
    meta = _front_matter((tmp_path / "exercises" / "bird_dog.md").read_text(encoding="utf-8"))
    assert meta["tags"] == [
        "Lower back",
        "Hips and glutes",
        "Body weight",
        "Beginner",
        "Unilateral",
    ]
    for page in ("exercises/index.md", "references.md"):
        meta = _front_matter((tmp_path / page).read_text(encoding="utf-8"))
        assert meta["last_reviewed"] == "2026-11-22"
        assert meta["title"] and meta["description"]


def test_dose_and_tempo_are_worded_from_the_data(tmp_path: Path) -> None:
    _generate(tmp_path)
    bird = (tmp_path / "exercises" / "bird_dog.md").read_text(encoding="utf-8")
    plank = (tmp_path / "exercises" / "side_plank.md").read_text(encoding="utf-8")
    assert "| Dose | 20-40 s holds, each side |" in bird
    assert "| Tempo | Hold still, breathing steadily |" in bird
    assert "| Dose | 8-12 reps per set, each side |" in plank
    assert "| Tempo | 2-1-2 (seconds to lower, pause, lift) |" in plank
    bilateral = dataclasses.replace(CATALOGUE[0], unilateral=False, harder=None)
    assert gen.dose_text(bilateral) == "20-40 s holds"


def test_every_text_of_the_catalogue_appears_on_its_page(tmp_path: Path) -> None:
    _generate(tmp_path)
    for ex in CATALOGUE:
        text = (tmp_path / "exercises" / f"{ex.id}.md").read_text(encoding="utf-8")
        for i, step in enumerate(ex.steps, 1):
            assert f"\n{i}. {esc(step)}\n" in text
        for item in (*ex.cues, *ex.mistakes):
            assert f"\n- {esc(item)}\n" in text
        for caution in ex.cautions:
            assert f"\n    - {esc(caution)}\n" in text  # inside the warning admonition
        assert esc(ex.weak_side_first) in text
        assert f"# {esc(ex.name)}\n" in text
        assert esc(ex.summary) in text
        assert '!!! warning "' in text


def test_variant_links_point_at_generated_pages(tmp_path: Path) -> None:
    _generate(tmp_path)
    for ex in CATALOGUE:
        text = (tmp_path / "exercises" / f"{ex.id}.md").read_text(encoding="utf-8")
        for target in (ex.easier, ex.harder):
            if target is not None:
                assert f"]({target}.md)" in text
                assert (tmp_path / "exercises" / f"{target}.md").is_file()
        links = re.findall(r"\]\(([a-z0-9_]+)\.md\)", text)
        assert links, "an exercise page links to its variants and the index"
        for link in links:
            assert (tmp_path / "exercises" / f"{link}.md").is_file()


def test_every_cited_source_has_an_anchor_on_the_references_page(tmp_path: Path) -> None:
    _generate(tmp_path)
    refs = (tmp_path / "references.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r"^  \{ #([a-z0-9_]+) \}$", refs, re.M))
    assert anchors == set(SOURCES)
    for ex in CATALOGUE:
        text = (tmp_path / "exercises" / f"{ex.id}.md").read_text(encoding="utf-8")
        cited = re.findall(r"\(\.\./references\.md#([a-z0-9_]+)\)", text)
        assert cited == list(ex.sources)
        assert set(cited) <= anchors


def test_references_are_sorted_by_short_name_and_list_the_pages_citing_them(
    tmp_path: Path,
) -> None:
    _generate(tmp_path)
    refs = (tmp_path / "references.md").read_text(encoding="utf-8")
    shorts = re.findall(r"^- \*\*(.+?)\.\*\*", refs, re.M)
    assert shorts == ["Alpha &amp; Beta 2019", "Smith 2020", "Unused 2001"]
    entries = refs.split("\n- **")[1:]
    smith = next(e for e in entries if e.startswith("Smith"))
    assert "[Bird dog](exercises/bird_dog.md)" in smith
    assert "(exercises/side_plank.md)" in smith
    unused = next(e for e in entries if e.startswith("Unused"))
    assert "Cited on" not in unused
    alpha = next(e for e in entries if e.startswith("Alpha"))
    assert "<https://doi.org/10.1000/xyz>" in alpha
    assert "A note with &lt;angle&gt; brackets &amp; an ampersand." in alpha


def test_body_diagram_has_a_text_alternative_and_highlights_exactly_the_primary_muscles(
    tmp_path: Path,
) -> None:
    _generate(tmp_path)
    for ex in CATALOGUE:
        svg = _svg((tmp_path / "exercises" / f"{ex.id}.md").read_text(encoding="utf-8"))
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG_NS}title")
        desc = svg.find(f"{SVG_NS}desc")
        assert title is not None and desc is not None
        assert title.text == f"Muscles worked: {ex.name}"
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        for muscle in (*ex.muscles_primary, *ex.muscles_secondary):
            assert gen.MUSCLES[muscle][0] in (desc.text or "")
        groups = svg.iter(f"{SVG_NS}g")
        primary, secondary, drawn = set(), set(), set()
        for g in groups:
            muscle = g.get("data-muscle")
            if muscle is None:
                continue
            drawn.add(muscle)
            classes = (g.get("class") or "").split()
            assert len(g.findall(f"{SVG_NS}path")) >= 2, "both sides of every muscle are drawn"
            if "eb-muscle--primary" in classes:
                primary.add(muscle)
            if "eb-muscle--secondary" in classes:
                secondary.add(muscle)
        assert primary == set(ex.muscles_primary)
        assert secondary == set(ex.muscles_secondary)
        assert drawn == set(MUSCLES), "every muscle id in the schema has a shape"
        labels = [t.text for t in svg.iter(f"{SVG_NS}text")]
        assert labels.count("Left") == 2 and labels.count("Right") == 2


def test_left_label_is_on_the_viewers_left_in_the_back_view(tmp_path: Path) -> None:
    _generate(tmp_path)
    svg = _svg((tmp_path / "exercises" / "bird_dog.md").read_text(encoding="utf-8"))
    texts = {t.text: float(t.get("x", "0")) for t in svg.iter(f"{SVG_NS}text")}
    back_left = [float(t.get("x", "0")) for t in svg.iter(f"{SVG_NS}text") if t.text == "Left"]
    back_right = [float(t.get("x", "0")) for t in svg.iter(f"{SVG_NS}text") if t.text == "Right"]
    # Back view (x < 240): the person's left is on the viewer's left.
    assert min(back_left) < 120 < min(back_right) < 240
    # Front view (x > 240): mirrored, the person's left is on the viewer's right.
    assert max(back_right) < max(back_left)
    assert texts["Seen from behind"] < 240 < texts["From the front"]


def test_html_special_characters_in_the_data_are_escaped(tmp_path: Path) -> None:
    _generate(tmp_path)
    text = (tmp_path / "exercises" / "side_plank.md").read_text(encoding="utf-8")
    assert NASTY not in text
    assert "<b>" not in text
    svg = _svg(text)  # still well-formed XML with the name in its title
    title = svg.find(f"{SVG_NS}title")
    assert title is not None and title.text == f"Muscles worked: Side plank {NASTY}"
    index = (tmp_path / "exercises" / "index.md").read_text(encoding="utf-8")
    assert f"[Side plank {esc(NASTY)}](side_plank.md)" in index


def test_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _generate(first)
    _generate(second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes()
    # Catalogue order does not matter either.
    third = tmp_path / "c"
    _generate(third, tuple(reversed(CATALOGUE)))
    for rel in files:
        assert (first / rel).read_bytes() == (third / rel).read_bytes()


def test_stale_generated_pages_are_removed_and_other_files_kept(tmp_path: Path) -> None:
    _generate(tmp_path)
    (tmp_path / "exercises" / "notes.md").write_text("# Mine\n", encoding="utf-8")
    only_bird = (dataclasses.replace(CATALOGUE[0], harder=None),)
    _generate(tmp_path, only_bird)
    assert not (tmp_path / "exercises" / "side_plank.md").exists()
    assert (tmp_path / "exercises" / "bird_dog.md").exists()
    assert (tmp_path / "exercises" / "notes.md").read_text(encoding="utf-8") == "# Mine\n"


def test_index_groups_by_region_with_body_weight_first_then_level(tmp_path: Path) -> None:
    heavy = _exercise(
        id="heavy",
        name="Heavy one",
        equipment=("barbell",),
        level="beginner",
        harder=None,
    )
    hard_bw = _exercise(id="hard_bw", name="A hard one", level="advanced", harder=None)
    catalogue = (*CATALOGUE, heavy, hard_bw)
    _generate(tmp_path, catalogue)
    index = (tmp_path / "exercises" / "index.md").read_text(encoding="utf-8")
    tabs = re.findall(r'^=== "(.+)"$', index, re.M)
    assert tabs == ["Lower back", "Side of the trunk", "Hips and glutes"]
    lower = index.split('=== "Lower back"')[1].split("===")[0]
    order = [lower.index(s) for s in ("**Body weight only**", "(bird_dog.md)", "(hard_bw.md)")]
    assert order == sorted(order)
    assert lower.index("(hard_bw.md)") < lower.index("**Barbell**") < lower.index("(heavy.md)")
    assert "## Sources" in index and "(../references.md)" in index


def test_invalid_data_stops_before_writing_anything(tmp_path: Path) -> None:
    broken = (_exercise(harder="no_such_exercise"),)
    with pytest.raises(gen.GenerationError, match="no_such_exercise"):
        gen.generate(tmp_path, broken, SOURCES)
    uncited = (_exercise(harder=None, sources=("missing2000",)),)
    with pytest.raises(gen.GenerationError, match="missing2000"):
        gen.generate(tmp_path, uncited, SOURCES)
    assert not any(tmp_path.iterdir())


def test_every_vocabulary_id_has_a_name_for_the_pages() -> None:
    assert set(gen.MUSCLES) == set(MUSCLES)
    assert set(gen.EQUIPMENT_NAMES) == set(EQUIPMENT)
    assert set(gen.REGION_NAMES) == set(FOCUS)
    assert set(gen.LEVEL_NAMES) == set(LEVELS)


# --- The real catalogue ---------------------------------------------------------------


def test_real_catalogue_generates_a_page_for_every_exercise(tmp_path: Path) -> None:
    written = gen.generate(tmp_path)
    catalogue = load_catalogue()
    pages = {p.name for p in written if p.parent.name == "exercises"}
    assert pages == {f"{ex.id}.md" for ex in catalogue} | {"index.md"}
    refs = (tmp_path / "references.md").read_text(encoding="utf-8")
    for key in load_sources():
        assert f"\n  {{ #{key} }}\n" in refs
    for ex in catalogue:
        text = (tmp_path / "exercises" / f"{ex.id}.md").read_text(encoding="utf-8")
        for step in ex.steps:
            assert esc(step) in text
        for variant in (ex.easier, ex.harder):
            if variant:
                assert f"]({variant}.md)" in text


def test_command_exits_non_zero_with_a_message_on_invalid_data(tmp_path: Path) -> None:
    code = (
        "import runpy, sys\n"
        "import planner\n"
        "def broken():\n"
        "    raise planner.CatalogueError(\"exercises.toml: key 'level' bad\")\n"
        "planner.load_catalogue = broken\n"
        f"sys.argv = ['pages', '--out', {str(tmp_path)!r}]\n"
        "runpy.run_module('evenback_build.pages', run_name='__main__', alter_sys=True)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 1
    assert "gen_pages: invalid data" in result.stderr
    assert "key 'level' bad" in result.stderr
    assert "Traceback" not in result.stderr
    assert not any(tmp_path.iterdir())
