"""The kiosk's local record of visits: what visitors used, kept in SQLite on this machine only.

Recorded: when a visitor session starts and ends (and whether it ended by the idle reset), each page
seen and for how long, each video played and how far, each document opened, each search (its words
only when it found something), each language switch. Nothing identifies a visitor, and nothing is
ever sent anywhere: the file is read by the admin panel and by `kiosk stats`.

The UI thread only timestamps an event and puts a tuple on a queue; a writer thread owns the
database, batches the events and commits at most every `flush_seconds`, so an app crash loses at most
the last second. The writer turns every fault into a status for the admin panel and never into an
exception in the UI: a full disk pauses recording, a damaged file is kept aside and a fresh one
started, a lock held by another program delays writing without losing events.
"""

from __future__ import annotations

import csv
import errno
import json
import logging
import math
import os
import queue
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Literal
from urllib.request import pathname2url

log = logging.getLogger("kiosk.analytics")

DATABASE_NAME = "visits.db"
SCHEMA_VERSION = 1
DAY_SECONDS = 86400.0
# Search words are kept to this length: enough to read what was sought, too short for a paragraph.
MAX_QUERY_CHARS = 60
# Pages that are the way around the kiosk rather than something to read.
NOT_CONTENT_ROUTES = ("home", "search", "attract")
TOP_COUNT = 10

SESSION_START = "session_start"
PAGE = "page"
VIDEO = "video"
DOCUMENT = "document"
SEARCH = "search"
LANGUAGE = "language"
SESSION_END = "session_end"
# Not an event kind: asks the writer to forget the visit in progress (never written to the file).
_DISCARD = "discard"
KINDS = (SESSION_START, PAGE, VIDEO, DOCUMENT, SEARCH, LANGUAGE, SESSION_END)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,    -- random 63-bit: unique across restarts, kiosks and files kept aside
    started REAL NOT NULL,     -- Unix time (seconds, UTC) of the session's first event
    last_event REAL NOT NULL,  -- Unix time of its latest event: its end, or how far it got before a crash
    language TEXT,             -- the language it started in
    end_reason TEXT            -- 'idle', 'closed', ...; NULL if it never ended (a crash, a power cut)
);
CREATE INDEX IF NOT EXISTS sessions_by_start ON sessions (started);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,    -- the order of recording
    session INTEGER NOT NULL,  -- sessions.id
    at REAL NOT NULL,          -- Unix time (seconds, UTC)
    kind TEXT NOT NULL,        -- {", ".join(KINDS)}
    subject TEXT,              -- page: its route; video, document: the item id; search: the words (NULL
                               -- when nothing was found); language: the language left; session_end: why
    language TEXT,             -- the visitor's language at the time; language: the one switched to
    seconds REAL,              -- page: time on the page; video: seconds watched
    duration REAL,             -- video: its length in seconds
    fraction REAL,             -- video: the furthest point reached, 0 to 1
    results INTEGER            -- search: how many results it found
);
-- Covers the summary's largest query (page views by route over a period) without reading the table,
-- and lets retention delete by time, kind by kind.
CREATE INDEX IF NOT EXISTS events_by_kind ON events (kind, at, subject, seconds);
"""

_INSERT_EVENT = (
    "INSERT INTO events (session, at, kind, subject, language, seconds, duration, fraction, results) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_SESSION = (
    "INSERT INTO sessions (id, started, last_event, language, end_reason) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET last_event = max(last_event, excluded.last_event), "
    "end_reason = coalesce(excluded.end_reason, end_reason)"
)

# What the UI thread puts on the queue: (at, kind, subject, language, seconds, duration, fraction,
# results). Checked and cleaned by the writer, where the time it takes costs the visitor nothing.
QueuedEvent = tuple[float, str, object, object, object, object, object, object]
# A row of the events table, without its id.
EventRow = tuple[
    int, float, str, str | None, str | None, float | None, float | None, float | None, int | None
]

State = Literal["recording", "paused", "stopped"]
# Out of space, out of quota, or past the file size this process may write. (Windows has no EDQUOT.)
_NO_SPACE = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG") if hasattr(errno, name))
_Fault = Literal["full", "io", "locked", "corrupt", "other"]


@dataclass(frozen=True)
class RecorderStatus:
    state: State
    note: str  # one sentence for the admin panel; "" when all is well
    events_written: int
    events_dropped: int = 0  # given up for lost: arrived while paused, or beyond the waiting limit


def default_database(data_dir: Path) -> Path:
    """In the per-machine data folder the wiring passes (kiosk.booth.paths.user_data)."""
    return Path(data_dir) / DATABASE_NAME


def normalize_query(query: str) -> str:
    return " ".join(query.split()).lower()[:MAX_QUERY_CHARS].rstrip()


@dataclass
class _Session:
    id: int
    started: float
    language: str | None
    last_event: float
    end_reason: str | None = None

    def row(self) -> tuple[int, float, float, str | None, str | None]:
        return (self.id, self.started, self.last_event, self.language, self.end_reason)


class _CorruptDatabase(Exception):
    pass


class _NewerSchema(Exception):
    pass


def _discard(_event: QueuedEvent) -> None:
    """Where events go once the recorder is closed."""


class Recorder:
    """Records visitor events from the UI thread into `database`, written by a thread of its own.

    `retry_seconds`, `busy_timeout`, `max_pending` and `max_pages` are for tests and benchmarks;
    `max_pages` (also settable while running) caps the database's size as a full disk would."""

    def __init__(
        self,
        database: Path,
        *,
        retention_days: int = 365,
        clock: Callable[[], float] = time.time,
        flush_seconds: float = 0.5,
        retry_seconds: float = 45.0,
        busy_timeout: float = 1.0,
        max_pending: int = 100_000,
        max_pages: int | None = None,
    ) -> None:
        self.database = Path(database)
        self.retention_days = retention_days
        self.flush_seconds = flush_seconds
        self.retry_seconds = retry_seconds
        self.busy_timeout = busy_timeout
        self.max_pending = max_pending
        self.max_pages = max_pages
        self._clock = clock
        self._queue: queue.SimpleQueue[QueuedEvent | None] = queue.SimpleQueue()
        self._put: Callable[[QueuedEvent], None] = self._queue.put
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = RecorderStatus("stopped", "", 0)
        # Everything below belongs to the writer thread.
        self._connection: sqlite3.Connection | None = None
        self._checked = False
        self._session: _Session | None = None
        self._pending: list[EventRow] = []
        self._forgotten: set[int] = set()
        self._touched: dict[int, _Session] = {}
        self._written = 0
        self._dropped = 0
        self._paused = False
        self._fault_note = ""
        self._fault_kind = ""
        # Says that a damaged file was kept aside: worth telling staff even once all is well again.
        self._notice = ""
        self._retry_at = 0.0
        self._last_flush = 0.0
        self._last_prune: float | None = None

    # -- the UI thread's side: a timestamp and a put, nothing else ------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._status = RecorderStatus("recording", "", 0)
        self._thread = threading.Thread(target=self._run, name="kiosk-analytics", daemon=True)
        self._thread.start()

    def session_start(self, language: str) -> None:
        self._put((self._clock(), SESSION_START, None, language, None, None, None, None))

    def page(self, route: str, seconds: float, language: str) -> None:
        self._put((self._clock(), PAGE, route, language, seconds, None, None, None))

    def video(
        self,
        item: str,
        language: str,
        watched_seconds: float,
        duration_seconds: float,
        furthest_fraction: float,
    ) -> None:
        self._put(
            (self._clock(), VIDEO, item, language, watched_seconds, duration_seconds, furthest_fraction, None)
        )

    def document(self, item: str, language: str) -> None:
        self._put((self._clock(), DOCUMENT, item, language, None, None, None, None))

    def search(self, query: str, results: int, language: str) -> None:
        self._put((self._clock(), SEARCH, query, language, None, None, None, results))

    def language(self, from_language: str, to_language: str) -> None:
        self._put((self._clock(), LANGUAGE, from_language, to_language, None, None, None, None))

    def session_end(self, reason: str, unattended_seconds: float = 0.0) -> None:
        """`unattended_seconds`: how long before now the visitor really left (the idle wait and the
        "Still there?" countdown of an idle reset), so a visit's length is the visitor's time."""
        self._put((self._clock() - unattended_seconds, SESSION_END, reason, None, None, None, None, None))

    def discard_session(self) -> None:
        """Forget the visit in progress, as if it never began: what staff did behind the PIN right
        after waking the kiosk is no visitor's visit."""
        self._put((self._clock(), _DISCARD, None, None, None, None, None, None))

    def close(self, timeout: float = 2.0) -> None:
        self._put = _discard
        self._stopping.set()
        self._queue.put(None)
        thread = self._thread
        if thread is None:
            return
        thread.join(timeout)
        if thread.is_alive():
            # Still waiting on the disk or a lock: it is a daemon thread, so it cannot keep the app open.
            log.warning("visit recording did not finish writing within %.1f s", timeout)
            self._set_status("stopped", "Visit recording was closed before it could write its last events.")

    @property
    def status(self) -> RecorderStatus:
        return self._status

    # -- the writer thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._open()
            self._prune_if_due()
            while True:
                stopping = self._collect()
                if self._write_due(stopping):
                    self._write()
                self._prune_if_due()
                if stopping:
                    break
            if self._pending:
                self._dropped += len(self._pending)
                self._fault_note = f"{len(self._pending)} events could not be written before closing."
            self._set_status("stopped")
        except Exception:
            # A bug here must cost the statistics, never the kiosk.
            log.exception("visit recording stopped")
            self._set_status("stopped", "Visit recording stopped after an unexpected error (see the log).")
        finally:
            self._disconnect()

    def _collect(self) -> bool:
        """Waits for events and takes in all that came; True once close() was called."""
        try:
            item = self._queue.get(timeout=self._wait_seconds())
        except queue.Empty:
            return self._stopping.is_set()
        stopping = item is None
        if item is not None:
            self._take(item)
        if not stopping and not self._paused:
            # Let the batch build until the next flush is due: a busy minute is a few commits, and
            # the writer does not wake for every event the UI thread puts.
            remaining = self._last_flush + self.flush_seconds - time.monotonic()
            if remaining > 0:
                self._stopping.wait(remaining)
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                stopping = True
            else:
                self._take(item)
        return stopping or self._stopping.is_set()

    def _wait_seconds(self) -> float:
        now = time.monotonic()
        if self._paused or self._connection is None:
            return max(0.01, self._retry_at - now)
        if self._pending or self._forgotten:  # left over from a locked database
            return max(0.01, self._last_flush + self.flush_seconds - now)
        # Wake now and then with nothing to write, for the daily retention.
        return 60.0

    def _write_due(self, stopping: bool) -> bool:
        now = time.monotonic()
        if self._paused or self._connection is None:
            return stopping or now >= self._retry_at
        due = bool(self._pending) or bool(self._forgotten)
        return due and (stopping or now >= self._last_flush + self.flush_seconds)

    def _forget_current_session(self) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        self._pending = [row for row in self._pending if row[0] != session.id]
        self._touched.pop(session.id, None)
        # Some of it may be in the file already: deleted at the next write.
        self._forgotten.add(session.id)

    def _take(self, event: QueuedEvent) -> None:
        if event[1] == _DISCARD:
            self._forget_current_session()
            return
        try:
            row = self._row(event)
        except Exception:
            log.warning("a visit event with values of the wrong kind was left out: %r", event)
            return
        if row is None:
            return
        # The session goes on being followed while events are dropped, so that the events after a
        # pause still belong to the visit they are part of.
        if self._paused or len(self._pending) >= self.max_pending:
            self._dropped += 1
            return
        self._pending.append(row)
        session = self._touched_session(row[0])
        if session is not None:
            self._touched[session.id] = session

    def _touched_session(self, session_id: int) -> _Session | None:
        if self._session is not None and self._session.id == session_id:
            return self._session
        return self._touched.get(session_id)

    def _row(self, event: QueuedEvent) -> EventRow | None:
        at, kind, subject, language, seconds, duration, fraction, results = event
        at = float(at)
        if kind == SESSION_END:
            session = self._session
            if session is None:
                # Ending a visit nobody started would only add an empty one.
                return None
            self._session = None
            # The end may be dated before the last events: those written as the visit closed.
            session.last_event = max(session.started, at)
            session.end_reason = _text(subject)
            # Keep it followed until written: it is no longer the current session.
            self._touched[session.id] = session
            return (session.id, at, kind, session.end_reason, None, None, None, None, None)
        if kind == SESSION_START:
            self._session = None
        session = self._session
        if session is None:
            # An event outside a session opens one, in the language the visitor had then.
            started_in = _text(subject) if kind == LANGUAGE else _text(language)
            session = self._session = _Session(secrets.randbits(63), at, started_in, at)
        session.last_event = max(session.last_event, at)
        if kind == SESSION_START:
            return (session.id, at, kind, None, _text(language), None, None, None, None)
        if kind == PAGE:
            return (
                session.id,
                at,
                kind,
                _text(subject),
                _text(language),
                _seconds(seconds),
                None,
                None,
                None,
            )
        if kind == VIDEO:
            watched, length = _seconds(seconds), _seconds(duration)
            furthest = _number(fraction)
            furthest = None if furthest is None else min(1.0, max(0.0, furthest))
            return (session.id, at, kind, _text(subject), _text(language), watched, length, furthest, None)
        if kind == DOCUMENT:
            return (session.id, at, kind, _text(subject), _text(language), None, None, None, None)
        if kind == SEARCH:
            found = max(0, int(results))  # type: ignore[call-overload]  # _take catches what is no number
            # Privacy: the words are kept only when they found something. What finds nothing is
            # often not a topic at all but a name, the visitor's own or someone else's.
            words = normalize_query(str(subject)) if found and subject is not None else ""
            return (session.id, at, kind, words or None, _text(language), None, None, None, found)
        if kind == LANGUAGE:
            return (session.id, at, kind, _text(subject), _text(language), None, None, None, None)
        raise ValueError(f"unknown event kind {kind!r}")

    def _write(self) -> None:
        for _attempt in range(2):
            if self._connection is None and not self._open():
                return
            connection = self._connection
            assert connection is not None
            rows = self._pending
            sessions = [session.row() for session in self._touched.values()]
            forgotten = [(session_id,) for session_id in self._forgotten]
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany(_INSERT_EVENT, rows)
                connection.executemany(_UPSERT_SESSION, sessions)
                connection.executemany("DELETE FROM events WHERE session = ?", forgotten)
                connection.executemany("DELETE FROM sessions WHERE id = ?", forgotten)
                connection.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                _rollback(connection)
                if self._fault(exc, "writing to") == "corrupt":
                    continue  # once more, into the fresh file
                return
            self._last_flush = time.monotonic()
            self._written += len(rows)
            self._pending = []
            self._touched = {}
            self._forgotten = set()
            self._resume()
            return
        self._pause("The visits file was found damaged twice in a row: visits are not being recorded.")

    def _open(self) -> bool:
        """Opens (or creates) the database, checking it once per run; False after a fault."""
        for _attempt in range(2):
            try:
                self._connection = self._connect()
            except (sqlite3.Error, OSError, _CorruptDatabase, _NewerSchema) as exc:
                if self._fault(exc, "opening") == "corrupt":
                    continue
                return False
            self._checked = True
            return True
        self._pause("The visits file was found damaged twice in a row: visits are not being recorded.")
        return False

    def _connect(self) -> sqlite3.Connection:
        self.database.parent.mkdir(parents=True, exist_ok=True)
        if not self._checked and self.database.is_file() and self.database.stat().st_size > 0:
            self._quick_check()
        connection = sqlite3.connect(
            self.database, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False
        )
        try:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise _NewerSchema(f"format {version}")
            connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode, NORMAL loses nothing committed when the app crashes, only at a power cut.
            connection.execute("PRAGMA synchronous = NORMAL")
            if self.max_pages is not None:
                connection.execute(f"PRAGMA max_page_count = {int(self.max_pages)}")
            if version < SCHEMA_VERSION:
                connection.executescript(SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
        except BaseException:
            connection.close()
            raise
        return connection

    def _quick_check(self) -> None:
        # Before anything is written, and read-only: closing this connection never checkpoints a
        # WAL into a damaged file, which is to be kept exactly as it was found.
        with closing(connect_read_only(self.database, timeout=self.busy_timeout)) as check:
            verdict = check.execute("PRAGMA quick_check").fetchall()
        if verdict != [("ok",)]:
            raise _CorruptDatabase("; ".join(str(row[0]) for row in verdict[:3]))

    def _disconnect(self, optimize: bool = True) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            if optimize:
                with suppress(sqlite3.Error):
                    connection.execute("PRAGMA optimize")
        finally:
            # Closing checkpoints the WAL into the main file (SQLite's way, even after a fault).
            connection.close()

    def _fault(self, exc: BaseException, doing: str) -> _Fault:
        kind = classify_fault(exc)
        if kind == "locked":
            # Keep the connection and the batch, and try again at the next flush: the UI never waits.
            self._last_flush = time.monotonic()
            if self._connection is None:
                self._retry_at = time.monotonic() + self.flush_seconds
            self._note(
                "recording",
                f"The visits file is locked by another program; {len(self._pending):,} events are "
                "waiting and will be written when it is free.",
                exc,
                kind,
            )
            return kind
        self._disconnect(optimize=False)
        if kind == "corrupt":
            try:
                aside = self._move_aside()
            except OSError as move_error:
                self._pause(
                    f"The visits file is damaged and could not be moved aside ({move_error}).", exc, kind
                )
                return "other"
            self._checked = True  # the fresh file needs no check
            self._notice = f"The visits file was damaged: it was kept as {aside.name} and a new one started."
            log.error("%s while %s %s: %s", self._notice, doing, self.database, exc)
            self._set_status("recording")
            return kind
        if isinstance(exc, _NewerSchema):
            note = (
                "The visits file was written by a newer version of the kiosk: visits are not being recorded."
            )
        elif kind == "full":
            note = "The disk is full: visits are not being recorded. Recording resumes by itself when space is freed."
        elif kind == "io":
            note = (
                "The visits file could not be written (the disk refused it: full, read-only or failing): "
                "visits are not being recorded until it can be."
            )
        else:
            note = f"Visits are not being recorded ({exc}); trying again shortly."
        self._pause(note, exc, kind)
        return kind

    def _pause(self, note: str, exc: BaseException | None = None, kind: str = "other") -> None:
        self._paused = True
        self._retry_at = time.monotonic() + self.retry_seconds
        self._note("paused", note, exc, kind)

    def _note(self, state: State, note: str, exc: BaseException | None, kind: str) -> None:
        # Once per fault, not at every retry: a lock or a full disk can last for hours.
        if kind != self._fault_kind:
            log.warning("%s (%s)", note, f"{type(exc).__name__}: {exc}" if exc else kind)
        self._fault_kind = kind
        self._fault_note = note
        self._set_status(state)

    def _resume(self) -> None:
        if self._paused or self._fault_note:
            log.info("visit recording resumed; %d events dropped so far", self._dropped)
        self._paused = False
        self._fault_kind = ""
        self._fault_note = ""
        self._set_status("recording")

    def _set_status(self, state: State, note: str | None = None) -> None:
        if note is None:
            note = self._fault_note or self._notice
        # One object swapped whole: the UI thread reads a consistent status without a lock.
        self._status = RecorderStatus(state, note, self._written, self._dropped)

    def _move_aside(self) -> Path:
        stamp = datetime.fromtimestamp(self._clock()).strftime("%Y%m%d-%H%M%S")
        aside = self.database.with_name(f"{self.database.name}.corrupt-{stamp}")
        number = 1
        while aside.exists():
            number += 1
            aside = self.database.with_name(f"{self.database.name}.corrupt-{stamp}-{number}")
        # The main file first: the -wal and -shm follow it under the names SQLite would look for.
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.database}{suffix}")
            if source.exists():
                os.replace(source, f"{aside}{suffix}")
        return aside

    def _prune_if_due(self) -> None:
        now = self._clock()
        last = self._last_prune
        if last is not None and 0 <= now - last < DAY_SECONDS:
            return
        connection = self._connection
        if connection is None or self._paused:
            return
        cutoff = now - self.retention_days * DAY_SECONDS
        try:
            connection.execute("BEGIN IMMEDIATE")
            placeholders = ", ".join("?" * len(KINDS))
            # Kind by kind, so the (kind, at) index finds the old rows without reading them all.
            connection.execute(
                f"DELETE FROM events WHERE kind IN ({placeholders}) AND at < ?", (*KINDS, cutoff)
            )
            connection.execute("DELETE FROM sessions WHERE last_event < ?", (cutoff,))
            connection.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            _rollback(connection)
            self._fault(exc, "pruning")
            return
        self._last_prune = now


def classify_fault(exc: BaseException) -> _Fault:
    if isinstance(exc, _CorruptDatabase):
        return "corrupt"
    if isinstance(exc, OSError):
        return "full" if exc.errno in _NO_SPACE else "other"
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary == sqlite3.SQLITE_FULL:
            return "full"
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return "locked"
        if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return "corrupt"
        if primary == sqlite3.SQLITE_IOERR:
            return "io"
        return "other"
    # An error raised without SQLite's code: tell it by its words.
    message = str(exc).lower()
    if "disk is full" in message:
        return "full"
    if "locked" in message or "busy" in message:
        return "locked"
    if "malformed" in message or "not a database" in message:
        return "corrupt"
    if "i/o error" in message:
        return "io"
    return "other"


def _rollback(connection: sqlite3.Connection) -> None:
    if connection.in_transaction:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    number = float(value)  # type: ignore[arg-type]  # the writer catches what cannot be one
    return number if math.isfinite(number) else None


def _seconds(value: object) -> float | None:
    number = _number(value)
    return None if number is None else max(0.0, number)


# -- reading the record -------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    sessions: int
    ended_by_idle: int
    average_session_seconds: float
    sessions_by_day: list[tuple[str, int]]  # (ISO date, local time), oldest first, one per day
    sessions_by_hour: list[int]  # 24 counts by local hour of session start
    top_items: list[tuple[str, int, float]]  # (route, views, average seconds on the page)
    videos: list[tuple[str, int, float]]  # (item id, plays, average furthest fraction)
    languages: list[tuple[str, int]]  # (language, sessions that started in it or switched to it)
    top_searches: list[tuple[str, int]]  # (words, times searched)


def connect_read_only(database: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection that cannot write; WAL lets it read while the recorder writes."""
    if not Path(database).is_file():
        raise FileNotFoundError(errno.ENOENT, "no visits recorded yet (no such file)", str(database))
    uri = "file:" + pathname2url(str(Path(database).resolve())) + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=timeout)


def _local_midnight(day: date) -> float:
    # mktime with isdst=-1 finds the offset of that date, so a day across a DST change stays whole.
    return time.mktime((day.year, day.month, day.day, 0, 0, 0, 0, 0, -1))


def _has_tables(connection: sqlite3.Connection) -> bool:
    found = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('events', 'sessions')"
    ).fetchone()[0]
    return int(found) == 2


def summarize(database: Path, *, now: float, days: int = 14) -> Summary:
    """The last `days` days up to the end of today (local time): sessions by their start, events by
    their time. Raises FileNotFoundError when nothing was recorded yet, sqlite3.Error on a bad file."""
    if days < 1:
        raise ValueError("days must be at least 1")
    today = date.fromtimestamp(now)
    dates = [today - timedelta(days=back) for back in range(days - 1, -1, -1)]
    start, end = _local_midnight(dates[0]), _local_midnight(today + timedelta(days=1))
    by_day = dict.fromkeys((day.isoformat() for day in dates), 0)
    by_hour = [0] * 24
    empty = Summary(0, 0, 0.0, list(by_day.items()), by_hour, [], [], [], [])
    with closing(connect_read_only(database)) as connection:
        if not _has_tables(connection):
            return empty
        period = (start, end)
        sessions = connection.execute(
            "SELECT started, last_event, end_reason FROM sessions WHERE started >= ? AND started < ?", period
        ).fetchall()
        total = 0.0
        idle = 0
        for started, last_event, end_reason in sessions:
            moment = datetime.fromtimestamp(started)
            day = moment.date().isoformat()
            if day in by_day:
                by_day[day] += 1
            by_hour[moment.hour] += 1
            total += max(0.0, last_event - started)
            idle += end_reason == "idle"
        excluded = ", ".join("?" * len(NOT_CONTENT_ROUTES))
        top_items = connection.execute(
            "SELECT subject, count(*), avg(coalesce(seconds, 0)) FROM events "
            f"WHERE kind = 'page' AND at >= ? AND at < ? AND subject NOT IN ({excluded}) "
            "GROUP BY subject ORDER BY count(*) DESC, subject LIMIT ?",
            (*period, *NOT_CONTENT_ROUTES, TOP_COUNT),
        ).fetchall()
        videos = connection.execute(
            "SELECT subject, count(*), avg(coalesce(fraction, 0)) FROM events "
            "WHERE kind = 'video' AND at >= ? AND at < ? AND subject IS NOT NULL "
            "GROUP BY subject ORDER BY count(*) DESC, subject",
            period,
        ).fetchall()
        languages = connection.execute(
            "WITH period_sessions AS (SELECT id, language FROM sessions WHERE started >= ? AND started < ?) "
            "SELECT language, count(*) FROM ("
            "  SELECT id AS session, language FROM period_sessions"
            "  UNION"
            "  SELECT session, language FROM events WHERE kind = 'language' AND at >= ?"
            "  AND session IN (SELECT id FROM period_sessions)"
            ") WHERE language IS NOT NULL GROUP BY language ORDER BY count(*) DESC, language",
            (*period, start),
        ).fetchall()
        searches = connection.execute(
            "SELECT subject, count(*) FROM events "
            "WHERE kind = 'search' AND at >= ? AND at < ? AND subject IS NOT NULL "
            "GROUP BY subject ORDER BY count(*) DESC, subject LIMIT ?",
            (*period, TOP_COUNT),
        ).fetchall()
    count = len(sessions)
    return Summary(
        sessions=count,
        ended_by_idle=idle,
        average_session_seconds=total / count if count else 0.0,
        sessions_by_day=list(by_day.items()),
        sessions_by_hour=by_hour,
        top_items=[(str(route), int(views), float(dwell)) for route, views, dwell in top_items],
        videos=[(str(item), int(plays), float(furthest)) for item, plays, furthest in videos],
        languages=[(str(language), int(used)) for language, used in languages],
        top_searches=[(str(words), int(times)) for words, times in searches],
    )


EXPORT_COLUMNS = (
    "session",
    "time",
    "kind",
    "subject",
    "language",
    "seconds",
    "duration",
    "fraction",
    "results",
)


def iso_utc(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _export_rows(connection: sqlite3.Connection) -> Iterator[tuple[object, ...]]:
    cursor = connection.execute(
        "SELECT session, at, kind, subject, language, seconds, duration, fraction, results "
        "FROM events ORDER BY id"
    )
    for session, at, *fields in cursor:
        yield (session, iso_utc(at), *fields)


def export_events(database: Path, out: Path, fmt: str = "csv") -> int:
    """Every event, oldest first, one row each (the columns of EXPORT_COLUMNS): CSV with a header
    line, or JSON Lines. Written to a temporary file beside `out`, then renamed: a half-written
    export never takes the place of a good one. Returns the rows written."""
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown export format {fmt!r}: csv or jsonl")
    out = Path(out)
    partial = out.with_name(out.name + ".part")
    count = 0
    with closing(connect_read_only(database)) as connection:
        if not _has_tables(connection):
            rows: Iterator[tuple[object, ...]] = iter(())
        else:
            rows = _export_rows(connection)
        try:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                if fmt == "csv":
                    writer = csv.writer(stream, lineterminator="\n")
                    writer.writerow(EXPORT_COLUMNS)
                    for row in rows:
                        writer.writerow(row)
                        count += 1
                else:
                    for row in rows:
                        stream.write(
                            json.dumps(dict(zip(EXPORT_COLUMNS, row, strict=True)), ensure_ascii=False)
                        )
                        stream.write("\n")
                        count += 1
            os.replace(partial, out)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return count
