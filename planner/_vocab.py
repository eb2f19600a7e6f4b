"""The fixed vocabularies shared by the catalogue, the profile and the plan.

Each tuple is ordered; each label is what a person reads in the form or the plan.
"""

from __future__ import annotations

FOCUS_LABELS: dict[str, str] = {
    "lower_back": "Lower back",
    "side_trunk": "Side of the trunk (obliques, quadratus lumborum)",
    "upper_back": "Upper back",
    "hips": "Hips and glutes",
}
FOCUS: tuple[str, ...] = tuple(FOCUS_LABELS)
# The regions as words mid-sentence ("trains your lower back and hips").
REGION_WORDS: dict[str, str] = {
    "lower_back": "lower back",
    "side_trunk": "side of the trunk",
    "upper_back": "upper back",
    "hips": "hips",
}

EQUIPMENT_LABELS: dict[str, str] = {
    "dumbbell": "Dumbbells",
    "kettlebell": "Kettlebell",
    "barbell": "Barbell and plates",
    "cable": "Cable machine",
    "band": "Resistance band",
    "bench": "Flat bench",
    "back_extension": "Back extension bench (hyperextension, 45 degrees)",
    "reverse_hyper": "Reverse hyper machine",
    "pullup_bar": "Pull-up bar",
    "machine": "Plate-loaded or selectorised machines (rows, pulldowns)",
    "ghd": "Glute-ham developer (GHD)",
}
EQUIPMENT: tuple[str, ...] = tuple(EQUIPMENT_LABELS)

LEVEL_LABELS: dict[str, str] = {
    "beginner": "Beginner (under about 6 months of regular training)",
    "intermediate": "Intermediate (about 6 months to 2 years)",
    "advanced": "Advanced (more than about 2 years)",
}
LEVELS: tuple[str, ...] = tuple(LEVEL_LABELS)

SIDE_LABELS: dict[str, str] = {
    "left": "Left side is weaker or smaller",
    "right": "Right side is weaker or smaller",
    "unknown": "Not sure (use my self-tests, or start with a test session)",
}
SIDES: tuple[str, ...] = tuple(SIDE_LABELS)

GOAL_LABELS: dict[str, str] = {
    "balance": "Even the sides out (strength and control)",
    "muscle": "Build the weaker side's muscle",
    "endurance": "Holding endurance for back health",
}
GOALS: tuple[str, ...] = tuple(GOAL_LABELS)

SCHEDULE_LABELS: dict[str, str] = {
    "standalone": "Whole sessions of their own",
    "add_on": "Short blocks added to workouts I already do",
}
SCHEDULES: tuple[str, ...] = tuple(SCHEDULE_LABELS)

MEASURES: tuple[str, ...] = ("reps", "seconds")
BLOCKS: tuple[str, ...] = ("warmup", "main", "accessory", "mobility")
BLOCK_LABELS: dict[str, str] = {
    "warmup": "Warm-up",
    "main": "Main",
    "accessory": "Accessory",
    "mobility": "Mobility",
}
PATTERNS: tuple[str, ...] = (
    "hinge",
    "extension",
    "anti_lateral_flexion",
    "lateral_flexion",
    "row",
    "pull",
    "carry",
    "bridge",
    "anti_rotation",
    "rotation",
    "squat_lunge",
    "ballistic",
    "stretch",
    "mobility",
    "conditioning",
)
MUSCLES: tuple[str, ...] = (
    "erector_spinae",
    "multifidus",
    "quadratus_lumborum",
    "latissimus_dorsi",
    "trapezius",
    "rhomboids",
    "rear_deltoid",
    "obliques",
    "rectus_abdominis",
    "transverse_abdominis",
    "gluteus_maximus",
    "gluteus_medius",
    "hip_external_rotators",
    "hip_flexors",
    "hamstrings",
    "quadriceps",
    "adductors",
    "forearms",
)


_LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}


def level_rank(level: str) -> int:
    """0 for beginner, 1 for intermediate, 2 for advanced."""
    rank = _LEVEL_RANK.get(level)
    return LEVELS.index(level) if rank is None else rank  # an unknown level raises


def lower_first(name: str) -> str:
    """Lower-case a name's first letter for use mid-sentence ("Romanian" stays)."""
    return name[:1].lower() + name[1:]


# The export formats of a plan, in the order the CLI lists them.
FORMATS: tuple[str, ...] = ("json", "md", "csv", "ics", "text")

# The exports the page offers as downloads, in the order of its buttons: the button's label,
# the file's name and its media type.
DOWNLOAD_STEM = "even-back-plan"
DOWNLOADS: tuple[dict[str, str], ...] = tuple(
    {"format": fmt, "label": label, "filename": f"{DOWNLOAD_STEM}.{fmt}", "mime": mime}
    for fmt, label, mime in (
        ("json", "Download JSON", "application/json"),
        ("ics", "Download calendar (.ics)", "text/calendar"),
        ("csv", "Download CSV", "text/csv"),
        ("md", "Download Markdown", "text/markdown"),
    )
)

# The longest share-link payload the page opens: 16 KB of base64url is far more than any real
# profile needs.
# The status line once the planner can plan (its versions are on the About page).
PLANNER_READY = "Planner ready."
SHARE_LINK_MAX_CHARS = 16 * 1024
# What the page says about a share link it cannot open ({size} and {limit} are in KB).
SHARE_LINK_PROBLEMS: dict[str, str] = {
    "too_long": (
        "This share link is too long ({size} KB; a real one is well under {limit} KB), so it "
        "was not opened. Fill in the form to make a plan."
    ),
    "not_base64url": (
        "This share link is damaged (it is not valid base64url text), perhaps cut short when "
        "it was copied. Ask for the link again, or fill in the form to make a plan."
    ),
    "not_text": (
        "This share link is damaged (its contents are not readable text). Ask for the link "
        "again, or fill in the form to make a plan."
    ),
    # Said first, in plain words, about any link that is damaged; what exactly is wrong with
    # it (the message above, or the planner's own) goes behind a disclosure named "details".
    "damaged": (
        "This share link is damaged, perhaps cut short or changed when it was copied, so it "
        "was not opened. Ask for the link again, or fill in the form to make a plan."
    ),
    "details": "What is wrong with the link",
}

# Offsets in days from the first day of a week (a Monday by default) for 1..7 sessions a week:
# 1: Mon; 2: Mon Thu; 3: Mon Wed Fri; 4: Mon Tue Thu Fri; 5: Mon Tue Wed Fri Sat; 6: Mon-Sat;
# 7: every day.
DAY_PATTERNS: dict[int, tuple[int, ...]] = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 4, 5),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}


def hard_days(days: int) -> frozenset[int]:
    """The 0-based sessions of a week that may carry heavy lower-back work: chosen in order,
    never on the calendar day after (or before) another hard day, the next week's first day
    included, so heavy hinge and extension work never falls on consecutive days."""
    offsets = DAY_PATTERNS[days]
    hard: list[int] = []
    for d, off in enumerate(offsets):
        taken = [offsets[h] for h in hard]
        if all((off - t) % 7 not in (1, 6) for t in taken):
            hard.append(d)
    return frozenset(hard)
