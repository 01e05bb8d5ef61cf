"""`kiosk stats`: what the kiosk's local visit record says, for staff at a terminal.

Only argparse here at import: `kiosk` builds its parser at every start, and the record's code
(kiosk.core.analytics, with sqlite3) is loaded only when a stats command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.common import days_argument, text_bar

FORMATS = ("csv", "jsonl")


def add_stats_commands(subparsers: Any) -> None:
    stats = subparsers.add_parser(
        "stats",
        help="the visits this kiosk recorded (on this machine only): a summary, or every event to a file",
    )
    actions = stats.add_subparsers(dest="stats_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write every recorded event to a file, one row each: session, time (UTC), kind and fields",
    )
    export.add_argument("out", type=Path, metavar="OUT", help="the file to write, e.g. visits.csv")
    export.add_argument(
        "--format",
        choices=FORMATS,
        dest="stats_format",
        help="csv (with a header line) or jsonl (one JSON object a line); default: jsonl for a .jsonl "
        "file, otherwise csv",
    )
    export.add_argument(
        "--database", type=Path, metavar="PATH", dest="stats_database", help="default: this user's visits.db"
    )
    summary = actions.add_parser("summary", help="print the last days' visits: sessions, pages, videos...")
    summary.add_argument(
        "--days",
        type=days_argument,
        default=14,
        metavar="N",
        dest="stats_days",
        help="how many days, ending today (default: 14)",
    )
    summary.add_argument(
        "--database", type=Path, metavar="PATH", dest="stats_database", help="default: this user's visits.db"
    )
    summary.add_argument(
        "--fleet",
        type=Path,
        metavar="FOLDER",
        dest="stats_fleet",
        help="instead: every kiosk's visits, as they report them into this watched folder",
    )


def run_stats_command(args: argparse.Namespace) -> int:
    import sqlite3

    from kiosk.booth import paths
    from kiosk.core import analytics

    if getattr(args, "stats_fleet", None) is not None:
        from kiosk.cli.fleet import fleet_summary

        return fleet_summary(args.stats_fleet, args.stats_days)
    database: Path = args.stats_database or analytics.default_database(paths.user_data())
    if not database.is_file():
        if args.stats_database is not None:
            print(f"kiosk stats: {database}: no such file", file=sys.stderr)
            return 1
        message = (
            f"No visits recorded yet on this machine (there is no {database}).\n"
            "The kiosk records visits in kiosk mode, unless kiosk.yaml says analytics: {enabled: false}."
        )
        if args.stats_command == "summary":
            print(message)
            return 0
        print(f"{message}\nNothing was exported.", file=sys.stderr)
        return 1
    try:
        if args.stats_command == "export":
            return _export(database, args.out, args.stats_format)
        return _summary(database, args.stats_days)
    except sqlite3.Error as exc:
        print(f"kiosk stats: {database} cannot be read as a visits file: {exc}", file=sys.stderr)
        return 1


def _export(database: Path, out: Path, fmt: str | None) -> int:
    from kiosk.core.analytics import export_events

    fmt = fmt or ("jsonl" if out.suffix.lower() == ".jsonl" else "csv")
    if out.is_dir():
        print(
            f"kiosk stats: {out} is a folder: give a file name, e.g. {out / ('visits.' + fmt)}",
            file=sys.stderr,
        )
        return 1
    try:
        rows = export_events(database, out, fmt)
    except OSError as exc:
        print(f"kiosk stats: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{out}: {rows:,} event(s) from {database} ({fmt})")
    return 0


def duration(seconds: float) -> str:
    """6 s, 2 min 05 s, 1 h 02 min: as a person would say it."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def summary_lines(summary: Any, days: int, database: Path, block: str = "#") -> list[str]:
    first, last = summary.sessions_by_day[0][0], summary.sessions_by_day[-1][0]
    lines = [f"Visits from {first} to {last} ({days} day(s), local time), recorded in {database}", ""]
    if summary.sessions == 0:
        return [*lines, "  No visitor sessions in this period."]
    idle_share = 100 * summary.ended_by_idle / summary.sessions
    lines += [
        f"  sessions           {summary.sessions:,}",
        f"  ended by idle      {summary.ended_by_idle:,} ({idle_share:.0f}%: the visitor walked away)",
        f"  average session    {duration(summary.average_session_seconds)}",
        "",
        "  sessions by day",
    ]
    most = max(count for _day, count in summary.sessions_by_day)
    lines += [
        f"    {day}  {count:6,}  {text_bar(count, most, block)}" for day, count in summary.sessions_by_day
    ]
    lines += ["", "  sessions by hour of the day (start)"]
    most = max(summary.sessions_by_hour)
    lines += [
        f"    {hour:02d}:00  {count:6,}  {text_bar(count, most, block)}"
        for hour, count in enumerate(summary.sessions_by_hour)
        if count
    ]
    sections: list[tuple[str, list[str]]] = [
        (
            f"  {'most viewed pages':42} {'views':>6}  average time",
            [f"    {route:40} {views:6,}  {duration(dwell)}" for route, views, dwell in summary.top_items],
        ),
        (
            f"  {'videos':42} {'plays':>6}  furthest point (average)",
            [f"    {item:40} {plays:6,}  {100 * fraction:.0f}%" for item, plays, fraction in summary.videos],
        ),
        (
            "  languages (sessions that used each)",
            [f"    {language:40} {count:6,}" for language, count in summary.languages],
        ),
        (
            "  searches that found something",
            [f"    {words:40} {count:6,}" for words, count in summary.top_searches],
        ),
    ]
    for heading, rows in sections:
        lines += ["", heading, *(rows or ["    (none)"])]
    return lines


def _summary(database: Path, days: int) -> int:
    import time

    from kiosk.core.analytics import summarize

    summary = summarize(database, now=time.time(), days=days)
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    block = "█" if encoding == "utf8" and sys.stdout.isatty() else "#"
    print("\n".join(summary_lines(summary, days, database, block)))
    return 0
