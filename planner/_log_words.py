"""Every word the planner page shows for the training log (describe()'s `messages.log`), so
the page keeps no wording of its own. A leaf module: describe() imports it at start-up."""

from __future__ import annotations

from typing import Any

# Every word the page shows for the training log. `{...}` are filled in by the page.
LOG_WORDS: dict[str, Any] = {
    "heading": "Training log",
    "intro": (
        "Log what each side really did, set by set: the strong side's target is never more "
        "than what your weak side has just done. The log stays in this browser; download it "
        "to keep a copy or to move it to another device."
    ),
    "count": {
        "none": "No session logged yet.",
        "one": "1 session logged.",
        "many": "{n} sessions logged.",
    },
    "controls": {
        "start": "Start session",
        "finish": "Finish session",
        "progress": "Show progress",
        "download": "Download log (JSON)",
        "load": "Load log",
        "back": "Back to the plan",
        "leave": "Leave without saving",
        "next": "Plan my next block",
        "add_tests": "Add these results",
        "download_raw": "Download the stored data",
        "start_new": "Start a new log",
        "download_svg": "Download charts (SVG)",
        "download_csv": "Download progress (CSV)",
        "download_text": "Download progress (text)",
        "skip_rest": "Skip the rest",
    },
    "pick": {
        "label": "Session to log",
        "option": "Week {week}, day {day}: {title}",
        "today": " (today)",
        "logged": " (logged {dates})",
    },
    "session": {
        "date": "Date of the session",
        "pain_before": "Back pain before you start (0 = none, 10 = worst)",
        "pain_after": "Back pain after the session (0 = none, 10 = worst)",
        "pain_hint": "Pain of 7 or more ends the session: the page then says whom to see.",
        "note": "Note (optional)",
        "range": "Range: {low} to {high} {unit} a set",
        "weak": "{side} side (weak): first",
        "strong": "{side} side",
        "both": "Both sides together",
        "set": "{side}, set {n}: {unit} done",
        "load": "{side}, set {n}: load in kg (optional)",
        "target": "Target: {amount}",
        "amount": "{n} {unit}",
        "amount_load": "{n} {unit} at {load} kg",
        "errors": "Some entries need a change:",
        "over_cap": "More than your weak side did in this set: next time, stop at its number.",
        "easier": "Easier variant if this keeps falling short: {name}",
        "harder": "Ready for the harder variant: {name}",
        "exercise_page": "How to do it",
        "refer_heading": "Stop here and see a professional",
        "announce_start": "Logging week {week}, day {day}. Your weak side goes first.",
        "announce_target": "{side}, set {n}: target {amount}.",
        "saved": "Session saved to your log: week {week}, day {day}, {date}.",
        "left": "You left the session; nothing of it was saved.",
        "resumed": "Your unfinished session is back, as you left it.",
        "units": {"reps": "reps", "seconds": "seconds", "minutes": "minutes"},
        "side_names": {"left": "Left", "right": "Right", "both": "Both sides"},
        "count": "{done} of {total} sets logged",
    },
    "timer": {
        "use": "Rest timer between sides and sets",
        "sound": "Sound at the end of a rest",
        "running": "Rest: {s} s left",
        "start": "Rest {s} seconds.",
        "done": "Rest over: next set.",
    },
    "progress": {
        "heading": "Your progress",
        "charts": "Charts",
        "report": "The numbers behind the charts",
        "meaning": (
            "The asymmetry index is the difference between your sides as a share of the "
            "stronger one; a change smaller than the test's usual error is within noise, "
            "not a real change. Sets over the cap are sets where the strong side did more "
            "than the weak side had just done."
        ),
        "empty": "Your log has no session or self-test yet: log a session or add a re-test.",
        "retest": "Add re-test results",
        "retest_hint": (
            "Do the self-tests again and enter each side's result; leave a test out by "
            "leaving both boxes empty."
        ),
        "retest_date": "Date of the re-test",
        "retest_side": "{test}: {side}",
        "retest_none": "Enter at least one test's left and right result.",
        "retest_both": "{test}: enter both sides, or neither.",
        "retest_added": "Re-test results added to your log.",
        "next_heading": "Your next block",
        "shown": "Your progress is shown below (logged sessions: {n}).",
        "next_ready": "Your next block is ready below.",
    },
    "store": {
        "corrupt": (
            "The training log kept in this browser could not be read, so nothing was changed "
            "or deleted. Download the stored data to keep it; start a new log only when you "
            "have it."
        ),
        "newer": (
            "The training log kept in this browser was written by a newer version of this "
            "site, so this page does not change it. Download the stored data to keep it, or "
            "open the newest version of the page."
        ),
        "unavailable": (
            "This browser does not let the page keep a training log (private browsing can "
            "do that), so a session cannot be saved here."
        ),
        "failed": "The log could not be saved in this browser: {reason}",
        "blocked": "Until then, sessions cannot be saved.",
        "other_tab": "Your log was changed in another tab or window; this page now shows it.",
        "loaded": "Log loaded: {n} sessions. The plan it follows is shown.",
        "load_errors": (
            "This file is not a training log this planner can read; nothing was changed:"
        ),
        "follow_errors": "This plan does not fit your log's sessions; nothing was changed:",
        "followed": "Your log now follows this plan.",
        "forgotten": (
            "Your details and your training log were forgotten: nothing about you is kept in "
            "this browser now."
        ),
    },
    "dialog": {
        "forget": (
            "Forget your details and your training log? The log holds {n} sessions; they "
            "cannot be brought back unless you have downloaded the log."
        ),
        "forget_yes": "Forget everything",
        "replace": (
            "Replace the log in this browser ({n} sessions) with the file's? Download it first "
            "if you want to keep it."
        ),
        "replace_yes": "Replace my log",
        "leave": "Leave this session without saving it? What you entered for it is lost.",
        "leave_yes": "Leave without saving",
        "start_new": (
            "Delete the stored data and start a new, empty log? Download the stored data "
            "first if you may want it."
        ),
        "start_new_yes": "Delete it and start a new log",
        "cancel": "Cancel",
        "download_first": "Download log (JSON)",
    },
}
