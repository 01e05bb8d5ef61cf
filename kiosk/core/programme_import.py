"""Sessions from the organisers' spreadsheet (CSV or .xlsx) to the content format, every bad row reported.

The spreadsheet has a header row naming its columns (any order, any case); each further row is one
session. A text column can have one column per language: `title` is English, `title_fr` French,
`title_ar` Arabic. See COLUMNS, and the templates in docs/.

Rows are reported as FILE:row:column: the row and column numbers the spreadsheet shows (the header is
row 1; column 1 is A), with the column's letter in the message for those who count in letters.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.model import ID_PATTERN, LANGUAGE_CODE
from kiosk.core.programme_columns import COLUMNS

TRANSLATED = {"title", "room", "speakers", "summary", "body"}
REQUIRED = ("start", "end", "title")
_TIME = re.compile(r"^(\d{1,2})[:.h](\d{2})$")
_SPLIT = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class RowProblem:
    file: str
    row: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


@dataclass
class ImportResult:
    sessions: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def read_rows(path: Path) -> list[list[Any]]:
    """The cells of the first sheet (xlsx) or of the CSV file, row by row, as the spreadsheet holds them."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    text = path.read_bytes().decode("utf-8-sig")
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(text.splitlines(), dialect)]


def import_sessions(
    path: Path, rooms: list[dict[str, str]] | None = None, shown_name: str = ""
) -> ImportResult:
    """Every session of the spreadsheet at `path`, or every problem found in it.

    `rooms` (from agenda.yaml's programme.rooms) are the only rooms allowed, if given; a room may be
    written in any of its languages, and is stored with all of them.
    """
    name = shown_name or path.name
    result = ImportResult()
    if path.suffix.lower() not in (".csv", ".tsv", ".txt", ".xlsx", ".xlsm"):
        result.problems.append(
            RowProblem(name, 1, 1, "not a .csv or .xlsx file: save the sheet as Excel (.xlsx) or CSV UTF-8")
        )
        return result
    try:
        rows = read_rows(path)
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1 if isinstance(exc.object, bytes) else 1
        result.problems.append(
            RowProblem(name, line, 1, "not UTF-8 text: save the sheet as 'CSV UTF-8', or as .xlsx")
        )
        return result
    except (OSError, ValueError, KeyError) as exc:
        result.problems.append(RowProblem(name, 1, 1, f"cannot be read as CSV or .xlsx: {exc}"))
        return result
    except Exception as exc:  # openpyxl raises zipfile and XML errors of several kinds for a damaged file
        result.problems.append(RowProblem(name, 1, 1, f"cannot be read as .xlsx: {exc}"))
        return result
    while rows and all(_blank(cell) for cell in rows[-1]):
        rows.pop()
    if not rows:
        result.problems.append(RowProblem(name, 1, 1, "the spreadsheet is empty: it needs a header row"))
        return result
    header = [str(cell or "").strip().lower().replace(" ", "_") for cell in rows[0]]
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        if not title:
            continue
        base, _, language = title.partition("_")
        known = title in COLUMNS or (base in TRANSLATED and LANGUAGE_CODE.match(language))
        if not known:
            close = difflib.get_close_matches(title, list(COLUMNS), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            result.problems.append(RowProblem(name, 1, index + 1, f"unknown column '{rows[0][index]}'{hint}"))
        elif title in columns:
            result.problems.append(
                RowProblem(
                    name,
                    1,
                    index + 1,
                    f"column '{title}' appears twice (first in column {column_letter(columns[title] + 1)})",
                )
            )
        else:
            columns[title] = index
    for required in REQUIRED:
        if required not in columns:
            result.problems.append(RowProblem(name, 1, 1, f"the header has no '{required}' column"))
    if result.problems:
        return result
    room_lookup = _room_lookup(rooms or [])
    used_ids: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if all(_blank(cell) for cell in row):
            continue
        session = _read_row(name, number, row, columns, room_lookup, bool(rooms), used_ids, result.problems)
        if session is not None:
            result.sessions.append(session)
    return result


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _room_lookup(rooms: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    lookup: dict[str, dict[str, str]] = {}
    for room in rooms:
        for text in room.values():
            lookup[text.strip().casefold()] = room
    return lookup


def _read_row(
    name: str,
    number: int,
    row: list[Any],
    columns: dict[str, int],
    room_lookup: dict[str, dict[str, str]],
    rooms_declared: bool,
    used_ids: dict[str, int],
    problems: list[RowProblem],
) -> dict[str, Any] | None:
    found_before = len(problems)

    def cell(column: str) -> Any:
        index = columns.get(column)
        if index is None or index >= len(row):
            return None
        value = row[index]
        return value.strip() if isinstance(value, str) else value

    def report(column: str, message: str) -> None:
        index = columns.get(column, 0)
        letter = column_letter(index + 1)
        problems.append(RowProblem(name, number, index + 1, f"{column} (column {letter}): {message}"))

    day: datetime.date | None = None
    raw_day = cell("day")
    if not _blank(raw_day):
        day = _as_date(raw_day)
        if day is None:
            report("day", f"{_show(raw_day)} is not a date: write it as YYYY-MM-DD, e.g. 2027-03-10")
    times: dict[str, datetime.datetime] = {}
    for column in ("start", "end"):
        raw = cell(column)
        if _blank(raw):
            report(column, "no time given")
            continue
        moment = _as_moment(raw, day)
        if moment is None:
            if _as_time(raw) is not None and day is None and _blank(raw_day) and "day" not in columns:
                report(column, f"{_show(raw)} has no day: add a 'day' column, or write 2027-03-10 09:30")
            elif _as_time(raw) is not None and day is None and _blank(raw_day):
                report("day", "no day given for this session")
            elif day is not None or _blank(raw_day):
                report(column, f"{_show(raw)} is not a time: write it as HH:MM (24-hour), e.g. 09:30")
            continue
        times[column] = moment
    if "start" in times and "end" in times and times["end"] <= times["start"]:
        word = "before" if times["end"] < times["start"] else "at"
        report(
            "end",
            f"ends {word} its start ({times['end']:%H:%M} {word} {times['start']:%H:%M})",
        )
    title = _texts(cell, columns, "title")
    if "en" not in title:
        report("title", "no English title")
    session_id = str(cell("id") or "") or _slug(title.get("en", "") or "session")
    if cell("id") and not re.match(ID_PATTERN, session_id):
        report("id", f"{session_id!r} is not a valid id: use lower-case letters, digits and hyphens")
    room: dict[str, str] = _texts(cell, columns, "room")
    if room and rooms_declared:
        declared = next(
            (room_lookup[t.casefold()] for t in room.values() if t.casefold() in room_lookup), None
        )
        if declared is None:
            known = sorted({r.get("en") or next(iter(r.values())) for r in room_lookup.values()})
            report(
                "room", f"unknown room {_show(next(iter(room.values())))}: the rooms are {', '.join(known)}"
            )
        else:
            room = {**room, **declared}
    languages = [code for code in _SPLIT.split(str(cell("languages") or "")) if code]
    for code in languages:
        if not LANGUAGE_CODE.match(code):
            report("languages", f"{code!r} is not a language code (use e.g. en, fr, ar)")
    related = [target for target in _SPLIT.split(str(cell("related") or "")) if target]
    for target in related:
        if not re.match(ID_PATTERN, target):
            report("related", f"{target!r} is not an id: use lower-case letters, digits and hyphens")
    if len(problems) > found_before:
        return None
    if session_id in used_ids:
        if cell("id"):
            report("id", f"id '{session_id}' is already used in row {used_ids[session_id]}")
            return None
        suffix = 2
        while f"{session_id}-{suffix}" in used_ids:
            suffix += 1
        session_id = f"{session_id}-{suffix}"
    used_ids[session_id] = number
    session: dict[str, Any] = {
        "id": session_id,
        "kind": "session",
        "title": _plain(title),
        "start": times["start"].strftime("%Y-%m-%dT%H:%M"),
        "end": times["end"].strftime("%Y-%m-%dT%H:%M"),
    }
    if room:
        session["room"] = _plain(room)
    speakers = _speakers(cell, columns)
    if speakers:
        session["speakers"] = speakers
    if languages:
        session["languages"] = languages
    for column in ("summary", "body"):
        texts = _texts(cell, columns, column)
        if texts:
            session[column] = _plain(texts)
    if related:
        session["related"] = related
    return session


def _texts(cell: Any, columns: dict[str, int], base: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for column in columns:
        if column == base:
            language = "en"
        elif column.startswith(base + "_"):
            language = column.removeprefix(base + "_")
        else:
            continue
        value = cell(column)
        if not _blank(value):
            texts[language] = str(value).strip()
    return dict(sorted(texts.items(), key=lambda pair: pair[0] != "en"))


def _plain(texts: dict[str, str]) -> str | dict[str, str]:
    # English alone is written as plain text, as an editor would.
    return texts["en"] if list(texts) == ["en"] else texts


def _speakers(cell: Any, columns: dict[str, int]) -> list[dict[str, Any]]:
    by_language = {
        language: [
            [part.strip() for part in entry.split("|")] for entry in re.split(r"[;\n]", text) if entry.strip()
        ]
        for language, text in _texts(cell, columns, "speakers").items()
    }
    english = by_language.get("en", [])
    speakers: list[dict[str, Any]] = []
    for index in range(len(english)):
        speaker: dict[str, Any] = {}
        for position, key in enumerate(("name", "role", "organisation")):
            texts = {}
            for language, entries in by_language.items():
                if index < len(entries) and position < len(entries[index]) and entries[index][position]:
                    texts[language] = entries[index][position]
            if texts.get("en"):
                speaker[key] = _plain(texts)
        if speaker.get("name"):
            speakers.append(speaker)
    return speakers


def _as_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _as_time(value: Any) -> datetime.time | None:
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        # A time cell without a time format: a fraction of a day.
        minutes = round(value * 24 * 60)
        return datetime.time(minutes // 60, minutes % 60)
    match = _TIME.match(str(value).strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return None
    return datetime.time(hours, minutes)


def _as_moment(value: Any, day: datetime.date | None) -> datetime.datetime | None:
    if isinstance(value, datetime.datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    clock = _as_time(value)
    if clock is not None:
        return datetime.datetime.combine(day, clock) if day is not None else None
    try:
        moment = datetime.datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None
    if moment.tzinfo is not None or not re.search(r"\d[T ]\d", str(value)):
        return None
    return moment.replace(second=0, microsecond=0)


def _slug(title: str) -> str:
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")
    return slug or "session"


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "..."


def section_yaml(section_id: str, sessions: list[dict[str, Any]], source: str) -> str:
    """A section manifest holding the sessions, as an editor would write it."""
    import yaml

    document = {"id": section_id, "title": "Programme", "items": sessions}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    # A blank line between sessions, as in hand-written manifests.
    text = text.replace("\n- id: ", "\n\n- id: ").replace("items:\n\n- id: ", "items:\n- id: ")
    return (
        f"# Written by `kiosk programme import {source}`: edit the spreadsheet and import it again,\n"
        "# or edit here (a new import asks before it replaces this file).\n" + text
    )
