"""`kiosk programme import`: the organisers' spreadsheet of sessions, written as a section of the content.

Only argparse here at import: `kiosk` builds its parser at every start; the spreadsheet readers
(openpyxl) are loaded only when a programme command runs.

Nothing is written when any row is bad. A programme with a session left out looks complete on the
kiosk: the missing session's room looks free, "next" names the wrong session, and a visitor walks to
the wrong room. The editor fixes the spreadsheet (every bad row is listed in one run) and imports again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

DEFAULT_SECTION = "programme"


def add_programme_commands(subparsers: Any) -> None:
    programme = subparsers.add_parser("programme", help="a conference programme from a spreadsheet")
    actions = programme.add_subparsers(dest="programme_command", metavar="ACTION", required=True)
    imported = actions.add_parser(
        "import",
        help="write the sessions of a CSV or .xlsx spreadsheet as a section of the content (YAML); "
        "nothing is written if any row is bad",
        description="Columns (header row, any order): "
        + "; ".join(f"{name}: {what}" for name, what in _columns().items()),
    )
    imported.add_argument("spreadsheet", type=Path, metavar="FILE.csv|FILE.xlsx")
    imported.add_argument(
        "--output",
        type=Path,
        metavar="DIR",
        dest="programme_output",
        help="a content folder (the file goes into its sections/, and its agenda.yaml's rooms are "
        "checked) or any folder; default: the current folder",
    )
    imported.add_argument(
        "--section",
        default=DEFAULT_SECTION,
        metavar="ID",
        dest="programme_section",
        help=f"the section's id, and the file's name (default: {DEFAULT_SECTION})",
    )
    imported.add_argument(
        "--replace", action="store_true", dest="programme_replace", help="replace the file if it exists"
    )


def _columns() -> dict[str, str]:
    # The help text names every column; read from the importer's own table so the two never differ.
    from kiosk.core.programme_columns import COLUMNS

    return COLUMNS


def run_programme_command(args: argparse.Namespace) -> int:
    import re

    from kiosk.core.model import ID_PATTERN
    from kiosk.core.programme_import import import_sessions, section_yaml

    section_id = args.programme_section
    if not re.match(ID_PATTERN, section_id):
        print(
            f"kiosk: '{section_id}' is not a valid id: use lower-case letters, digits and hyphens",
            file=sys.stderr,
        )
        return 2
    spreadsheet: Path = args.spreadsheet
    if not spreadsheet.is_file():
        print(f"kiosk: {spreadsheet}: no such file", file=sys.stderr)
        return 2
    output: Path = args.programme_output or Path.cwd()
    is_content = (output / "agenda.yaml").is_file()
    rooms = _declared_rooms(output / "agenda.yaml") if is_content else []
    result = import_sessions(spreadsheet, rooms, shown_name=str(spreadsheet))
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.problems:
        rows = len({p.row for p in result.problems})
        print(
            f"{spreadsheet}: {len(result.problems)} problem(s) in {rows} row(s); nothing written. "
            "Fix the spreadsheet and import it again.",
            file=sys.stderr,
        )
        return 1
    if not result.sessions:
        print(f"{spreadsheet}: no sessions found (only a header row?); nothing written.", file=sys.stderr)
        return 1
    target = (output / "sections" if is_content else output) / f"{section_id}.yaml"
    if target.exists() and not args.programme_replace:
        print(f"kiosk: {target} exists: add --replace to replace it", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(section_yaml(section_id, result.sessions, spreadsheet.name), encoding="utf-8")
    print(f"Wrote {len(result.sessions)} session(s) to {target}.")
    if is_content:
        print(
            f"List '{section_id}' under 'sections' in agenda.yaml if it is not there, then run: kiosk validate {output}"
        )
    return 0


def _declared_rooms(agenda: Path) -> list[dict[str, str]]:
    """The rooms agenda.yaml declares (programme.rooms), each {language: name}; none if it cannot say."""
    import yaml

    try:
        data = yaml.safe_load(agenda.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    programme = data.get("programme") if isinstance(data, dict) else None
    rooms = programme.get("rooms") if isinstance(programme, dict) else None
    found: list[dict[str, str]] = []
    for room in rooms if isinstance(rooms, list) else []:
        if isinstance(room, str):
            found.append({"en": room})
        elif isinstance(room, dict):
            found.append({str(k): str(v) for k, v in room.items() if isinstance(v, str)})
    return found
