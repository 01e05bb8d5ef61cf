"""A fleet you can see: each kiosk's status file in the watched folder, and how editors read them.

A kiosk with a watched folder (`pack_folder:`) writes `<folder>/kiosks/<name>/status.json` (and,
once a day, `visits-YYYY-MM-DD.csv` when its visit record is on). `kiosk fleet status` reads every
such folder and judges each kiosk. No Qt here and no machine folders of its own: the wiring passes
the folders, the clock and what it gathered.

Status files arrive through a sync tool or a share, so reading never trusts them: a damaged,
half-synced, newer-format or doubled file is a finding in the report, never an exception.
"""

from __future__ import annotations

import csv
import json
import os
import re
import socket
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

STATUS_FORMAT = "fair-migration-kiosk/status"
STATUS_VERSION = 1
REPORTS_FOLDER = "kiosks"
STATUS_FILE = "status.json"
VISITS_PREFIX = "visits-"
# A status file is a few kilobytes; anything far bigger is not one (and is not read whole).
MAX_STATUS_BYTES = 256 * 1024
MAX_VISITS_BYTES = 64 * 1024 * 1024
REPORT_MINUTES = 5
# A kiosk is "silent" when nothing came for this many of its own report intervals (sync takes time).
SILENT_AFTER_INTERVALS = 3
# Daily visit files kept in the folder: a month, enough for a monthly report.
KEEP_VISIT_DAYS = 31
# Catch-up after a kiosk was off: the days before today whose visit file is missing are written.
CATCH_UP_DAYS = 7
LOW_DISK_BYTES = 1024**3
RECENT_PROBLEMS = 10
MAX_PROBLEM_CHARS = 300
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")

OK = "OK"
WARNING = "warning"
SAFE_MODE = "safe mode"
SILENT = "silent"
UNREADABLE = "unreadable"
STATES_NEEDING_ATTENTION = (WARNING, SAFE_MODE, SILENT, UNREADABLE)


def default_name() -> str:
    """The kiosk's name when kiosk.yaml gives none: its host name, in the form names take."""
    cleaned = re.sub(r"[^a-z0-9-]+", "-", socket.gethostname().lower()).strip("-")[:63]
    return cleaned or "kiosk"


def kiosk_folder(watched: Path, name: str) -> Path:
    return Path(watched) / REPORTS_FOLDER / name


def iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _parse_iso(text: object) -> float | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.timestamp()


# --- writing (on the kiosk) ----------------------------------------------------------------------


def status_document(
    *,
    name: str,
    place: str | None,
    machine_id: str,
    now: float,
    started: float,
    software_version: str,
    content: dict[str, Any],
    safe_mode: bool,
    problems: Iterable[tuple[float, str, str]],
    disk_free_bytes: int | None,
    memory_bytes: int | None,
    sessions_today: int | None,
    report_minutes: int = REPORT_MINUTES,
    reason: str = "timer",
) -> dict[str, Any]:
    """The status file's content. `problems` are (time, level, text), newest last; only the last few
    are kept. `content` is {version, title, pack} as the kiosk shows it. Nothing about a visitor is
    here: the visit figures are counts the visit record already keeps."""
    recent = list(problems)[-RECENT_PROBLEMS:]
    return {
        "format": STATUS_FORMAT,
        "version": STATUS_VERSION,
        "name": name,
        "place": place or "",
        "machine": machine_id,
        "written": iso(now),
        "reason": reason,
        "report_minutes": report_minutes,
        "software_version": software_version,
        "content": {
            "version": str(content.get("version") or ""),
            "title": str(content.get("title") or ""),
            "pack": content.get("pack"),
        },
        "started": iso(started),
        "uptime_seconds": max(0, round(now - started)),
        "safe_mode": bool(safe_mode),
        # Cut short: a log line is for staff on the spot, the fleet report only needs to say what.
        "problems": [
            {"time": iso(at), "level": level, "message": text[:MAX_PROBLEM_CHARS]}
            for at, level, text in recent
        ],
        "disk_free_bytes": disk_free_bytes,
        "memory_bytes": memory_bytes,
        "sessions_today": sessions_today,
    }


def write_status(watched: Path, document: dict[str, Any]) -> Path:
    """Write the status file atomically (a temporary name, then a rename), so neither a reader on a
    share nor a sync tool ever sees half of it. Raises OSError when the folder cannot be written."""
    folder = kiosk_folder(watched, str(document["name"]))
    if not Path(watched).is_dir():
        # An unmounted share: its mount point must not fill up with reports nobody receives.
        raise FileNotFoundError(2, "no such folder (is the share mounted?)", str(watched))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / STATUS_FILE
    _write_atomically(target, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return target


def other_kiosk_with_name(watched: Path, name: str, machine_id: str, now: float) -> str | None:
    """The machine id of another kiosk that wrote under this name recently, if any: two kiosks given
    the same name would overwrite each other's reports."""
    try:
        data = json.loads((kiosk_folder(watched, name) / STATUS_FILE).read_bytes()[:MAX_STATUS_BYTES])
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    other = data.get("machine")
    written = _parse_iso(data.get("written"))
    if isinstance(other, str) and other != machine_id and written is not None:
        interval = _report_seconds(data)
        if now - written < SILENT_AFTER_INTERVALS * interval:
            return other
    return None


def machine_id(data_dir: Path) -> str:
    """A random id made once per machine (in its data folder): tells two kiosks given one name apart."""
    path = Path(data_dir) / "fleet-machine-id"
    try:
        existing = path.read_text(encoding="ascii").strip()
        if re.fullmatch(r"[0-9a-f]{16}", existing):
            return existing
    except (OSError, UnicodeDecodeError):
        pass
    made = os.urandom(8).hex()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(made + "\n", encoding="ascii")
    except OSError:
        pass  # still one id for this run
    return made


def local_day_bounds(day: date) -> tuple[float, float]:
    import time

    def midnight(d: date) -> float:
        # isdst=-1: the offset of that date, so a day across a DST change stays whole.
        return time.mktime((d.year, d.month, d.day, 0, 0, 0, 0, 0, -1))

    return midnight(day), midnight(day + timedelta(days=1))


def sessions_since(database: Path, start: float) -> int | None:
    """Visitor sessions begun since `start` in the visit record; None when it cannot be read."""
    import sqlite3

    from kiosk.core.analytics import connect_read_only

    try:
        with closing(connect_read_only(database, timeout=1.0)) as connection:
            row = connection.execute("SELECT count(*) FROM sessions WHERE started >= ?", (start,)).fetchone()
    except (OSError, sqlite3.Error):
        return None
    return int(row[0])


def visits_file(watched: Path, name: str, day: date) -> Path:
    return kiosk_folder(watched, name) / f"{VISITS_PREFIX}{day.isoformat()}.csv"


def write_day_visits(database: Path, watched: Path, name: str, day: date) -> tuple[Path, int]:
    """That day's events (local time) as CSV, with the columns of `kiosk stats export`. Atomic like
    the status. Raises OSError or sqlite3.Error."""
    from kiosk.core.analytics import EXPORT_COLUMNS, connect_read_only, iso_utc

    start, end = local_day_bounds(day)
    rows: list[tuple[object, ...]] = []
    with closing(connect_read_only(database, timeout=2.0)) as connection:
        tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'events'"
        ).fetchone()[0]
        if tables:
            cursor = connection.execute(
                "SELECT session, at, kind, subject, language, seconds, duration, fraction, results "
                "FROM events WHERE at >= ? AND at < ? ORDER BY id",
                (start, end),
            )
            rows = [(session, iso_utc(at), *fields) for session, at, *fields in cursor]
    import io

    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(rows)
    target = visits_file(watched, name, day)
    if not Path(watched).is_dir():
        raise FileNotFoundError(2, "no such folder (is the share mounted?)", str(watched))
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(target, text.getvalue().encode("utf-8"))
    return target, len(rows)


def visit_days_due(watched: Path, name: str, today: date, first_day: date | None = None) -> list[date]:
    """The finished days (before today, a week back at most, none before `first_day`: the record's
    first visit) whose visit file is not there yet."""
    days = [today - timedelta(days=back) for back in range(CATCH_UP_DAYS, 0, -1)]
    return [
        day
        for day in days
        if (first_day is None or day >= first_day) and not visits_file(watched, name, day).exists()
    ]


def first_visit_day(database: Path) -> date | None:
    """The local day of the record's first visit, None when there is none (or no record to read)."""
    import sqlite3

    from kiosk.core.analytics import connect_read_only

    try:
        with closing(connect_read_only(database, timeout=1.0)) as connection:
            row = connection.execute("SELECT min(started) FROM sessions").fetchone()
    except (OSError, sqlite3.Error):
        return None
    return None if row is None or row[0] is None else date.fromtimestamp(float(row[0]))


def remove_old_visit_files(watched: Path, name: str, today: date) -> list[Path]:
    oldest = today - timedelta(days=KEEP_VISIT_DAYS)
    removed: list[Path] = []
    try:
        entries = list(kiosk_folder(watched, name).iterdir())
    except OSError:
        return removed
    for path in entries:
        day = _visit_day(path.name)
        if day is not None and day < oldest:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed


def _visit_day(file_name: str) -> date | None:
    match = re.fullmatch(rf"{VISITS_PREFIX}(\d{{4}}-\d{{2}}-\d{{2}})\.csv", file_name)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _write_atomically(target: Path, data: bytes) -> None:
    # Hidden while written: the fleet reader, a watched-folder scan and Syncthing all pass over it.
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# --- reading (the editors' view) -----------------------------------------------------------------


@dataclass
class KioskReport:
    """One kiosk as the fleet folder shows it."""

    name: str
    folder: Path
    state: str
    place: str = ""
    content: str = ""
    last_seen: float | None = None
    notes: list[str] = field(default_factory=list)
    status: dict[str, Any] | None = None

    @property
    def needs_attention(self) -> bool:
        return self.state in STATES_NEEDING_ATTENTION


@dataclass
class FleetReport:
    folder: Path
    now: float
    kiosks: list[KioskReport]
    # Findings about the folder itself (not one kiosk's): cannot be read, no kiosks yet.
    notes: list[str] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return any(kiosk.needs_attention for kiosk in self.kiosks)


def _report_seconds(data: dict[str, Any]) -> float:
    minutes = data.get("report_minutes")
    if not isinstance(minutes, int | float) or isinstance(minutes, bool) or not 1 <= minutes <= 24 * 60:
        minutes = REPORT_MINUTES
    return float(minutes) * 60


def _looks_synced_aside(name: str) -> bool:
    """A copy a sync tool set aside (Syncthing's name.sync-conflict-DATE-TIME-DEVICE.ext)."""
    return ".sync-conflict-" in name


def read_fleet(watched: Path, now: float) -> FleetReport:
    """Every kiosk under `<watched>/kiosks/`, judged at `now`. Never raises."""
    reports_dir = Path(watched) / REPORTS_FOLDER
    report = FleetReport(Path(watched), now, [])
    try:
        folders = sorted(
            entry for entry in reports_dir.iterdir() if entry.is_dir() and not entry.name.startswith(".")
        )
    except FileNotFoundError:
        report.notes.append(f"{reports_dir}: no kiosk has reported here yet (no such folder)")
        return report
    except OSError as exc:
        report.notes.append(f"{reports_dir} cannot be read: {exc.strerror or exc}")
        return report
    for folder in folders:
        report.kiosks.append(_read_kiosk(folder, now))
    _mark_duplicates(report.kiosks)
    if not report.kiosks:
        report.notes.append(f"{reports_dir}: no kiosk has reported here yet")
    return report


def _read_kiosk(folder: Path, now: float) -> KioskReport:
    kiosk = KioskReport(name=folder.name, folder=folder, state=UNREADABLE)
    path = folder / STATUS_FILE
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_STATUS_BYTES + 1)
    except FileNotFoundError:
        partial = [p.name for p in _entries(folder) if p.name.startswith(".") or p.name.endswith(".tmp")]
        why = " (only a file still being synced)" if partial else ""
        kiosk.notes.append(f"{path}: no status file yet{why}")
        return kiosk
    except OSError as exc:
        kiosk.notes.append(f"{path} cannot be read: {exc.strerror or exc}")
        return kiosk
    if len(raw) > MAX_STATUS_BYTES:
        kiosk.notes.append(f"{path}: too large for a status file ({MAX_STATUS_BYTES // 1024} KB at most)")
        return kiosk
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        kiosk.notes.append(f"{path}: damaged (not UTF-8 text)")
        return kiosk
    except ValueError as exc:
        half = not raw.strip() or raw.rstrip()[-1:] != b"}"
        what = "empty or half-synced" if half else "damaged"
        line = getattr(exc, "lineno", 1)
        column = getattr(exc, "colno", 1)
        kiosk.notes.append(f"{path}:{line}:{column}: {what}: not a whole JSON document")
        return kiosk
    if not isinstance(data, dict) or data.get("format") != STATUS_FORMAT:
        kiosk.notes.append(f"{path}: not a kiosk status file")
        return kiosk
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        kiosk.notes.append(f"{path}: version: not a number")
        return kiosk
    if version > STATUS_VERSION:
        kiosk.notes.append(
            f"{path}: written by a newer kiosk (status format {version}; this one reads "
            f"{STATUS_VERSION}): update the software on this computer to read it"
        )
        return kiosk
    kiosk.status = data
    kiosk.place = _text(data.get("place"))
    content: dict[str, Any] = data["content"] if isinstance(data.get("content"), dict) else {}
    title, content_version = _text(content.get("title")), _text(content.get("version"))
    kiosk.content = f"{title} {content_version}".strip() or "?"
    kiosk.last_seen = _parse_iso(data.get("written"))
    written_name = data.get("name")
    if written_name != folder.name:
        kiosk.notes.append(f"{path}: name: says '{written_name}' but stands in the folder '{folder.name}'")
    kiosk.state = _judge(kiosk, data, now)
    for conflict in sorted(p.name for p in _entries(folder) if _looks_synced_aside(p.name)):
        if conflict.startswith("status"):
            kiosk.notes.append(
                f"{folder / conflict}: a second status file set aside by the sync tool: two kiosks may "
                "share this name (give each its own name: in kiosk.yaml)"
            )
            if kiosk.state == OK:
                kiosk.state = WARNING
    return kiosk


def _judge(kiosk: KioskReport, data: dict[str, Any], now: float) -> str:
    if kiosk.last_seen is None:
        kiosk.notes.append(f"{kiosk.folder / STATUS_FILE}: written: no time given")
        return UNREADABLE
    silent_for = now - kiosk.last_seen
    if silent_for > SILENT_AFTER_INTERVALS * _report_seconds(data):
        kiosk.notes.append(f"nothing heard for {_span(silent_for)}")
        return SILENT
    if data.get("safe_mode") is True:
        kiosk.notes.append("in safe mode: it shows the bundled content (its admin panel or log says why)")
        return SAFE_MODE
    state = OK
    problems: list[Any] = data["problems"] if isinstance(data.get("problems"), list) else []
    errors = [p for p in problems if isinstance(p, dict) and p.get("level") in ("ERROR", "CRITICAL")]
    if errors:
        last = errors[-1]
        kiosk.notes.append(f"last error ({_text(last.get('time'))}): {_text(last.get('message'))[:200]}")
        state = WARNING
    disk = data.get("disk_free_bytes")
    if isinstance(disk, int) and not isinstance(disk, bool) and disk < LOW_DISK_BYTES:
        kiosk.notes.append(f"disk almost full: {disk / 1024**2:.0f} MB free")
        state = WARNING
    return state


def _mark_duplicates(kiosks: list[KioskReport]) -> None:
    """Two folders that differ only in letter case, or two names on one machine, are one kiosk's name
    given twice or one kiosk renamed: worth a look either way."""
    by_name: dict[str, list[KioskReport]] = {}
    for kiosk in kiosks:
        written = kiosk.status.get("name") if kiosk.status else None
        key = str(written if isinstance(written, str) else kiosk.name).casefold()
        by_name.setdefault(key, []).append(kiosk)
    for group in by_name.values():
        if len(group) < 2:
            continue
        folders = ", ".join(str(k.folder.name) for k in group)
        for kiosk in group:
            kiosk.notes.append(f"the same kiosk name is used by more than one folder ({folders})")
            if kiosk.state == OK:
                kiosk.state = WARNING


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _span(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 120:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} days"


# --- visits across the fleet ---------------------------------------------------------------------


@dataclass
class VisitRow:
    kiosk: str
    session: str
    at: float
    kind: str
    subject: str
    language: str
    seconds: float | None


def fleet_visit_rows(watched: Path, notes: list[str]) -> Iterator[VisitRow]:
    """Every event of every kiosk's daily visit files. A file that cannot be read is a note, and the
    files beside it are still read."""
    from kiosk.core.analytics import EXPORT_COLUMNS

    reports_dir = Path(watched) / REPORTS_FOLDER
    try:
        folders = sorted(p for p in reports_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return
    for folder in folders:
        for path in sorted(_entries(folder)):
            if _visit_day(path.name) is None:
                continue
            try:
                if path.stat().st_size > MAX_VISITS_BYTES:
                    notes.append(f"{path}: too large, left out")
                    continue
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                notes.append(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc}), left out")
                continue
            reader = csv.reader(text.splitlines())
            header = next(reader, None)
            if header is None or tuple(header) != EXPORT_COLUMNS:
                notes.append(f"{path}:1:1: not a visits file (the header differs), left out")
                continue
            bad = 0
            for row in reader:
                parsed = _visit_row(folder.name, row)
                if parsed is None:
                    bad += 1
                    continue
                yield parsed
            if bad:
                notes.append(f"{path}: {bad} damaged line(s) left out (half-synced?)")


def _visit_row(kiosk: str, row: list[str]) -> VisitRow | None:
    if len(row) != 9:
        return None
    session, at_text, kind, subject, language, seconds_text = row[:6]
    at = _parse_iso(at_text)
    if at is None or not kind:
        return None
    try:
        seconds = float(seconds_text) if seconds_text else None
    except ValueError:
        return None
    return VisitRow(kiosk, session, at, kind, subject, language, seconds)


@dataclass
class FleetVisits:
    days: list[str]
    # kiosk name -> sessions by day (same order as `days`)
    sessions_by_kiosk: dict[str, list[int]]
    sessions_by_hour: list[int]
    top_pages: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    notes: list[str]

    @property
    def sessions(self) -> int:
        return sum(sum(counts) for counts in self.sessions_by_kiosk.values())


def fleet_visits(watched: Path, *, today: date, days: int = 14) -> FleetVisits:
    """The last `days` days of every kiosk's visits (local time), merged."""
    from collections import Counter

    first = today - timedelta(days=days - 1)
    day_names = [(first + timedelta(days=n)).isoformat() for n in range(days)]
    index = {day: n for n, day in enumerate(day_names)}
    notes: list[str] = []
    by_kiosk: dict[str, list[int]] = {}
    by_hour = [0] * 24
    pages: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for row in fleet_visit_rows(watched, notes):
        moment = datetime.fromtimestamp(row.at)
        slot = index.get(moment.date().isoformat())
        if slot is None:
            continue
        counts = by_kiosk.setdefault(row.kiosk, [0] * days)
        if row.kind == "session_start" and (row.kiosk, row.session) not in seen:
            seen.add((row.kiosk, row.session))
            counts[slot] += 1
            by_hour[moment.hour] += 1
            if row.language:
                languages[row.language] += 1
        elif row.kind == "page" and row.subject not in ("home", "search", "attract"):
            pages[row.subject] += 1
    return FleetVisits(
        days=day_names,
        sessions_by_kiosk=dict(sorted(by_kiosk.items())),
        sessions_by_hour=by_hour,
        top_pages=pages.most_common(10),
        languages=languages.most_common(),
        notes=notes,
    )
