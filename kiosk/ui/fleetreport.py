"""The kiosk's side of the fleet report: when to write its status file, and what goes in it.

The document and the files are kiosk.core.fleet's; this module gathers the figures and keeps the
time. Writing happens on a short-lived background thread: the watched folder may be a network share
that hangs, and a visitor's touch must never wait for it.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core import fleet
from kiosk.core.pages import Pages, localize

log = logging.getLogger("kiosk.fleet")

REPORT_MS = fleet.REPORT_MINUTES * 60 * 1000
# Several errors in a row make one report, a moment after the first.
ERROR_REPORT_DELAY_MS = 3000


class _ErrorSignal(QObject):
    errorLogged = Signal()


class _ErrorWatch(logging.Handler):
    """Keeps the warnings and errors logged since the reporter started (the log's own list is there
    only when the kiosk set up its log files), and reports an error as soon as one is logged (from any
    thread: the signal is queued)."""

    def __init__(self, signal: _ErrorSignal) -> None:
        super().__init__(logging.WARNING)
        self.signal = signal
        self.seen: deque[tuple[float, str, str]] = deque(maxlen=fleet.RECENT_PROBLEMS)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # a bad format string in a log call must not lose the record
            text = str(record.msg)
        self.seen.append((record.created, record.levelname, text))
        if record.levelno >= logging.ERROR and record.name != log.name:
            self.signal.errorLogged.emit()


class FleetReporter(QObject):
    """Writes `<watched>/kiosks/<name>/status.json` at start, every few minutes, after each idle reset
    and after an error; and the finished days' visits when the visit record is on."""

    def __init__(
        self,
        parent: QObject | None,
        *,
        watched: Path,
        name: str,
        place: str | None,
        pages: Pages,
        safe_mode: bool,
        data_dir: Path,
        visits_database: Path | None,
        record_visits: bool,
        wall_clock: Callable[[], float] = time.time,
        interval_ms: int = REPORT_MS,
    ) -> None:
        super().__init__(parent)
        self.watched = watched
        self.name = name
        self.place = place
        self.safe_mode = safe_mode
        self.data_dir = data_dir
        self.visits_database = visits_database
        self.record_visits = record_visits
        self.wall_clock = wall_clock
        self.started = wall_clock()
        agenda = pages.agenda
        self.content = {"version": agenda.get("version", ""), "title": localize(agenda.get("title"), "en")}
        self.machine = fleet.machine_id(data_dir)
        self.interval_minutes = max(1, round(interval_ms / 60000))
        self._lock = threading.Lock()
        self._writing: threading.Thread | None = None
        self._said: set[str] = set()
        self.written = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(lambda: self.report("timer"))
        self._error_soon = QTimer(self)
        self._error_soon.setSingleShot(True)
        self._error_soon.setInterval(ERROR_REPORT_DELAY_MS)
        self._error_soon.timeout.connect(lambda: self.report("error"))
        self._errors = _ErrorSignal(self)
        self._errors.errorLogged.connect(self._error_soon.start)
        self._watch = _ErrorWatch(self._errors)

    def start(self) -> None:
        logging.getLogger().addHandler(self._watch)
        log.info(
            "reporting to %s every %d min", fleet.kiosk_folder(self.watched, self.name), self.interval_minutes
        )
        self.report("start")
        self._timer.start()

    def release(self, timeout: float = 2.0) -> None:
        logging.getLogger().removeHandler(self._watch)
        self._timer.stop()
        self._error_soon.stop()
        self.wait(timeout)

    def wait(self, timeout: float = 5.0) -> None:
        """Until the report being written is done (for tests and for a clean exit)."""
        with self._lock:
            writing = self._writing
        if writing is not None:
            writing.join(timeout)

    def report(self, reason: str) -> None:
        with self._lock:
            if self._writing is not None and self._writing.is_alive():
                return  # one at a time; the next timer catches up
            self._writing = threading.Thread(
                target=self._write, args=(reason,), name="fleet-report", daemon=True
            )
            self._writing.start()

    def _write(self, reason: str) -> None:
        try:
            self._write_now(reason)
        except OSError as exc:
            self._say_once(
                "write",
                f"cannot write the fleet report into {self.watched}: {exc.strerror or exc}; "
                "the kiosk carries on",
            )
        except Exception as exc:  # a report must never take the kiosk down
            self._say_once("other", f"the fleet report failed ({type(exc).__name__}: {exc})")

    def _write_now(self, reason: str) -> None:
        now = self.wall_clock()
        today = date.fromtimestamp(now)
        other = fleet.other_kiosk_with_name(self.watched, self.name, self.machine, now)
        if other is not None:
            self._say_once(
                "twin",
                f"another kiosk (machine {other}) reports under the name '{self.name}' too: give each "
                "kiosk its own name: in kiosk.yaml",
            )
        database = self.visits_database if self.record_visits else None
        sessions = None
        if database is not None and database.is_file():
            sessions = fleet.sessions_since(database, fleet.local_day_bounds(today)[0])
        document = fleet.status_document(
            name=self.name,
            place=self.place,
            machine_id=self.machine,
            now=now,
            started=self.started,
            software_version=_software_version(),
            content={**self.content, "pack": _pack_on_show(self.data_dir)},
            safe_mode=self.safe_mode,
            problems=sorted({*_recent_problems(), *list(self._watch.seen)}),
            disk_free_bytes=_free_disk(self.data_dir),
            memory_bytes=_memory(),
            sessions_today=sessions,
            report_minutes=self.interval_minutes,
            reason=reason,
        )
        fleet.write_status(self.watched, document)
        if database is not None and database.is_file():
            first = fleet.first_visit_day(database)
            for day in fleet.visit_days_due(self.watched, self.name, today, first) if first else []:
                fleet.write_day_visits(database, self.watched, self.name, day)
            fleet.remove_old_visit_files(self.watched, self.name, today)
        self.written += 1
        if "write" in self._said:
            log.info("the fleet report is written again into %s", self.watched)
            self._said.discard("write")

    def _say_once(self, key: str, message: str) -> None:
        if key not in self._said:
            self._said.add(key)
            log.warning("%s", message)


def _software_version() -> str:
    from kiosk.booth.buildinfo import version

    return version()


def _pack_on_show(data_dir: Path) -> dict[str, Any] | None:
    from kiosk.core import packs

    showing = packs.showing(data_dir) if (data_dir / packs.PACKS_DIR).is_dir() else None
    if showing is None or showing["pack"] is None:
        return None
    pack = showing["pack"]
    return {key: pack[key] for key in ("version", "title", "created", "key_id")}


def _recent_problems() -> list[tuple[float, str, str]]:
    from kiosk.booth.logs import recent_problems

    return recent_problems()


def _free_disk(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder if folder.exists() else folder.anchor or "/").free
    except OSError:
        return None


def _memory() -> int | None:
    from kiosk.ui.admin import memory_in_use

    return memory_in_use()


def start_fleet_reports(
    parent: QObject,
    settings: dict[str, Any],
    pages: Pages,
    *,
    safe_mode: bool,
    data_dir: Path,
    visits_database: Path | None,
    wall_clock: Callable[[], float] = time.time,
) -> FleetReporter:
    analytics = settings.get("analytics") or {}
    reporter = FleetReporter(
        parent,
        watched=Path(str(settings["pack_folder"])).expanduser(),
        name=settings.get("name") or fleet.default_name(),
        place=settings.get("place"),
        pages=pages,
        safe_mode=safe_mode,
        data_dir=data_dir,
        visits_database=visits_database,
        record_visits=bool(analytics.get("enabled", True)),
        wall_clock=wall_clock,
    )
    reporter.start()
    return reporter
