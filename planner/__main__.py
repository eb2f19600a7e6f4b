"""Command line: `python -m planner plan PROFILE.json --format md` (or the `even-back` script)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from ._catalogue import CatalogueError, catalogue_json
from ._engine import plan
from ._fields import FIELDS
from ._profile import ProfileError, parse_profile_json
from ._render import render
from ._version import __version__
from ._vocab import FORMATS

DESCRIPTION = (
    "Even Back plans a weak-side-first training routine for an uneven lower back. Give it "
    "a profile (a small JSON file saying which side is weaker, what you want to train, your "
    "equipment, time and any pain) and it prints a week-by-week plan, or, if your answers to "
    "the safety questions call for it, whom to see first."
)

EPILOG = f"""\
examples:
  python -m planner plan docs/examples/forum-left-erector-basketball.json --format text
  python -m planner plan my-profile.json --format ics > plan.ics
  echo '{{"weak_side": "left", "days_per_week": 2}}' | python -m planner plan - --format md
  python -m planner catalogue --format json
  python -m planner progress my-log.json --format text   (targets, progress, next: see --help)

profile fields (all optional): {", ".join(f.name for f in FIELDS)}
Exit status: 0 for a plan or a referral, 2 for an invalid profile (one line per problem on
standard error, naming the field) or an unreadable file.
This is general exercise guidance, not medical advice.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m planner",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    p_plan = sub.add_parser(
        "plan",
        help="make a plan from a profile JSON file",
        description="Make a plan from a profile JSON file and print it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_plan.add_argument("profile", metavar="PROFILE.json", help="the profile file, or - for stdin")
    p_plan.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default="json",
        help="output format: json (default), md (Markdown), csv, ics (calendar) or text",
    )
    p_plan.add_argument(
        "--base-url",
        default="",
        help="put this in front of exercise page links, e.g. https://example.org/even-back",
    )
    p_cat = sub.add_parser(
        "catalogue",
        help="print the exercise catalogue",
        description="Print the exercise catalogue as a JSON array.",
    )
    p_cat.add_argument("--format", "-f", choices=("json",), default="json", help="json only")
    _log_parsers(sub)
    return parser


LOG_EPILOG = """\
examples:
  python -m planner targets docs/examples/logs/left-side-in-session.json --week 3 --day 1 -f text
  python -m planner progress docs/examples/logs/left-side-block.json --format svg > progress.svg
  python -m planner next docs/examples/logs/left-side-block.json --format text

Exit status: 0 for an answer, 2 for an invalid log (one line per problem on standard error,
naming its path, e.g. sessions[2].items[0].sets[1].reps) or an unreadable file.
"""


def _log_parsers(sub: Any) -> None:
    """The training-log commands: targets, progress, next."""
    from ._log_commands import PROGRESS_FORMATS, TARGETS_FORMATS

    def log_parser(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(
            name,
            help=summary,
            description=description,
            epilog=LOG_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument("log", metavar="LOG.json", help="the training log, or - for stdin")
        return p

    p_t = log_parser(
        "targets",
        "targets for one session of a training log's plan, with the live cap",
        "Print a session of the log's plan with each set's target worked out "
        "from what the log holds, including that session's sets already logged: the strong "
        "side's n-th set never above what the weak side did in its n-th set.",
    )
    p_t.add_argument("--week", type=int, required=True, help="week of the plan (from 1)")
    p_t.add_argument("--day", type=int, required=True, help="session of that week (from 1)")
    p_t.add_argument(
        "--date",
        default=None,
        help="YYYY-MM-DD: the log's last record is the session in progress only when it has "
        "this date (without it: whenever it has this week and day)",
    )
    p_t.add_argument("--format", "-f", choices=TARGETS_FORMATS, default="json")
    p_p = log_parser(
        "progress",
        "the progress a training log shows",
        "Print every self-test's side difference over time, each exercise's "
        "work per side, the sets where the strong side did more than the weak side, and "
        "pain over time.",
    )
    p_p.add_argument("--format", "-f", choices=PROGRESS_FORMATS, default="text")
    p_n = log_parser(
        "next",
        "the plan for the next block, made from a training log",
        "Print the plan for the next block: the latest self-tests decide the "
        "weak side, starting doses come from what was logged.",
    )
    p_n.add_argument("--format", "-f", choices=FORMATS, default="json")
    p_n.add_argument("--base-url", default="", help="put this in front of exercise page links")


def _log_command(args: argparse.Namespace) -> int:
    from . import _log_commands as cmd
    from ._log import LogError
    from ._targets import TargetsError

    where = "standard input" if args.log == "-" else args.log
    try:
        text = _read(args.log)
    except OSError as exc:
        _error(f"log: cannot read {where}: {exc.strerror or exc}")
        return 2
    except UnicodeDecodeError:
        _error(f"log: {where} is not UTF-8 text")
        return 2
    try:
        if args.command == "targets":
            result = cmd.targets_result(text, args.week, args.day, args.date)
            out = cmd.render_targets(result, args.format)
        elif args.command == "progress":
            out = cmd.render_progress(cmd.progress_result(text), args.format)
        else:
            out = cmd.render(cmd.next_result(text), args.format, base_url=args.base_url)
    except (LogError, TargetsError) as exc:
        for problem in exc.problems:
            _error(str(problem))
        return 2
    _write(out)
    return 0


def _write(text: str) -> None:
    """Write exactly `text`: bytes to stdout's buffer, so no newline translation touches
    the calendar's CRLF line ends."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    else:
        with open(path, "rb") as handle:  # noqa: PTH123 - plain open keeps errors simple
            data = handle.read()
    if isinstance(data, bytes):
        return data.decode("utf-8-sig")
    return data


def _error(line: str) -> None:
    sys.stderr.write(line.rstrip("\n") + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(argv) if argv is not None else None)
    if args.command in ("targets", "progress", "next"):
        return _log_command(args)
    if args.command == "catalogue":
        try:
            rows = catalogue_json()
        except CatalogueError as exc:
            _error(f"catalogue: {exc}")
            return 1
        _write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    where = "standard input" if args.profile == "-" else args.profile
    try:
        text = _read(args.profile)
    except OSError as exc:
        _error(f"profile: cannot read {where}: {exc.strerror or exc}")
        return 2
    except UnicodeDecodeError:
        _error(f"profile: {where} is not UTF-8 text")
        return 2
    try:
        result = plan(parse_profile_json(text))
    except ProfileError as exc:
        for problem in exc.problems:
            _error(str(problem))
        return 2
    _write(render(result, args.format, base_url=args.base_url))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
