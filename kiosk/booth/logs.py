"""Logging for days unattended: rotating files staff can read afterwards, and the last problems in memory.

Each process writes its own file (`supervisor.log`, `ui.log`): two processes rotating one file would
rename it under each other's feet. Both live in the per-user log folder (`kiosk.booth.paths.user_logs()`).
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from kiosk.booth import paths

LOG_MAX_BYTES = 1_000_000
LOG_BACKUP_COUNT = 5
RECENT_PROBLEMS_LIMIT = 50
# Where Python writes the traceback of a hard crash (segfault, abort): the logging machinery is gone
# by then, so faulthandler writes straight to this file, shared by every process (opened for appending).
CRASH_FILE = "crashes.log"
CRASH_FILE_MAX_BYTES = 1_000_000

# The pid tells restarted UI processes apart when reading one file across a day.
LOG_FORMAT = "%(asctime)s {process}[%(process)d] %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


class RecentProblems(logging.Handler):
    """The last warnings and errors as (time, level, text), for the admin panel to show."""

    def __init__(self, capacity: int = RECENT_PROBLEMS_LIMIT) -> None:
        super().__init__(logging.WARNING)
        self._records: deque[tuple[float, str, str]] = deque(maxlen=capacity)
        # emit() may come from worker threads while the panel reads on the GUI thread.
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # a bad format string in a log call must not lose the record
            text = str(record.msg)
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            text = f"{text} ({type(error).__name__}: {error})"
        with self._guard:
            self._records.append((record.created, record.levelname, text))

    def records(self) -> list[tuple[float, str, str]]:
        with self._guard:
            return list(self._records)

    def clear(self) -> None:
        with self._guard:
            self._records.clear()


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


@dataclass
class _Installed:
    """What setup_logging changed, so that a second call, or a test, can undo it exactly."""

    handlers: list[logging.Handler] = field(default_factory=list)
    # A logging.basicConfig stderr handler set up earlier: put aside, or every warning shows twice.
    replaced: list[logging.Handler] = field(default_factory=list)
    root_level: int | None = None
    excepthook: ExceptHook | None = None
    crash_stream: IO[str] | None = None


_recent = RecentProblems()
_installed = _Installed()


def recent_problems() -> list[tuple[float, str, str]]:
    """The last 50 WARNING-or-worse records of this process, oldest first: (time.time(), level, text)."""
    return _recent.records()


def log_folder() -> Path:
    return paths.user_logs()


def setup_logging(
    process: str,
    *,
    folder: Path | None = None,
    level: int = logging.INFO,
    max_bytes: int = LOG_MAX_BYTES,
    backup_count: int = LOG_BACKUP_COUNT,
) -> Path | None:
    """Send this process's logging to `<folder>/<process>.log` (rotated), stderr (warnings) and memory.

    `process` names the process in every line ("supervisor", "ui"). Call it once at start-up; it puts
    aside a stderr handler of logging.basicConfig, and a second call replaces what the first set up. Returns the log file, or
    None when the folder cannot be written: the kiosk then runs on with stderr only, and says so once.
    """
    shutdown_logging()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if type(handler) is logging.StreamHandler and handler.stream in (sys.stderr, sys.__stderr__):
            root.removeHandler(handler)
            _installed.replaced.append(handler)
    _installed.root_level = root.level
    root.setLevel(level)
    formatter = logging.Formatter(LOG_FORMAT.format(process=process.replace("%", "%%")))
    _add(_recent)
    # No stderr at all under pythonw.exe or a frozen windowed build: nothing to write to there.
    if sys.stderr is not None:
        stderr_handler = logging.StreamHandler(sys.stderr)
        stderr_handler.setLevel(logging.WARNING)
        stderr_handler.setFormatter(formatter)
        _add(stderr_handler)
    _installed.excepthook = sys.excepthook
    sys.excepthook = _log_uncaught

    target = (folder or log_folder()) / f"{process}.log"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
        )
    except OSError as exc:
        log.warning("Cannot write the log file %s (%s): logging to standard error only", target, exc)
        return None
    file_handler.setLevel(level)
    file_handler.setFormatter(formatter)
    _add(file_handler)
    _record_hard_crashes(target.parent / CRASH_FILE)
    return target


def shutdown_logging() -> None:
    """Undo what setup_logging did (for tests, and before a second setup_logging)."""
    root = logging.getLogger()
    while _installed.handlers:
        handler = _installed.handlers.pop()
        root.removeHandler(handler)
        if handler is not _recent:
            handler.close()
    while _installed.replaced:
        root.addHandler(_installed.replaced.pop())
    if _installed.root_level is not None:
        root.setLevel(_installed.root_level)
        _installed.root_level = None
    if _installed.excepthook is not None:
        sys.excepthook = _installed.excepthook
        _installed.excepthook = None
    if _installed.crash_stream is not None:
        faulthandler.disable()
        _installed.crash_stream.close()
        _installed.crash_stream = None


def _add(handler: logging.Handler) -> None:
    logging.getLogger().addHandler(handler)
    _installed.handlers.append(handler)


def _log_uncaught(kind: type[BaseException], error: BaseException, traceback: TracebackType | None) -> None:
    # PySide reports an exception raised in a slot through sys.excepthook too: this puts those in the
    # log file, where staff will look, instead of on a terminal nobody sees.
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    logging.getLogger("kiosk").critical("Uncaught exception", exc_info=(kind, error, traceback))


def _record_hard_crashes(path: Path) -> None:
    if faulthandler.is_enabled():
        return  # someone chose where it writes already (python -X faulthandler, pytest)
    try:
        # Appended to by every run of every process, so it is trimmed here rather than rotated.
        if path.exists() and path.stat().st_size > CRASH_FILE_MAX_BYTES:
            path.unlink()
        stream = path.open("a", encoding="utf-8")
    except OSError as exc:
        log.warning("Cannot record hard crashes in %s: %s", path, exc)
        return
    faulthandler.enable(stream)
    _installed.crash_stream = stream
