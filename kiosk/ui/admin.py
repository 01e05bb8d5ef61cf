"""The admin's view model: the PIN pad, what booth staff need to see at a glance, and the ways out.

The PIN is checked against its hash on disk (kiosk.core.pin); five wrong ones lock the pad for a
minute. The panel shows the content and the machine's health, refreshed every few seconds while it is
open only, and runs the self-test in a separate process so the kiosk keeps answering meanwhile. What
Reload, Restart and Exit do is decided where the app is wired: this model only asks for them.
"""

from __future__ import annotations

import logging
import math
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Property,
    QObject,
    QTimer,
    Signal,
    Slot,
)

from kiosk.booth import paths
from kiosk.core.pages import Pages, localize
from kiosk.core.pin import PinPad, PinResult, PinStore
from kiosk.ui.process import StreamedCommand

log = logging.getLogger(__name__)

REFRESH_MS = 5000
# Staff who walk away must not leave the way to the desktop open to the next visitor.
IDLE_CLOSE_SECONDS = 120.0
RECENT_ERRORS_SHOWN = 10
SELF_TEST_LINES_KEPT = 500

Problems = Callable[[], list[tuple[float, str, str]]]


def logged_problems() -> list[tuple[float, str, str]]:
    """The last warnings and errors this process logged (kiosk.booth.logs), newest last."""
    from kiosk.booth.logs import recent_problems

    return recent_problems()


def memory_in_use() -> int | None:
    """Bytes of RAM this process holds now (its resident set), or None where it cannot be told."""
    if sys.platform.startswith("linux"):
        try:
            for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
    elif sys.platform == "win32":
        return _windows_working_set()
    try:
        import resource
    except ImportError:
        return None
    # The peak rather than the current figure: all this platform offers without a native call.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


if sys.platform == "win32":

    def _windows_working_set() -> int | None:
        import ctypes
        from ctypes import wintypes

        class ProcessMemoryCounters(ctypes.Structure):
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
                ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                ("PagefileUsage", ctypes.c_size_t),
                ("PeakPagefileUsage", ctypes.c_size_t),
            ]

        kernel32 = ctypes.WinDLL("kernel32")
        psapi = ctypes.WinDLL("psapi")
        # Declared in full: a pseudo-handle passed as a bare int would be cut to 32 bits on 64-bit Windows.
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        psapi.GetProcessMemoryInfo.argtypes = [
            wintypes.HANDLE,
            ctypes.POINTER(ProcessMemoryCounters),
            wintypes.DWORD,
        ]
        psapi.GetProcessMemoryInfo.restype = wintypes.BOOL
        counters = ProcessMemoryCounters()
        counters.cb = ctypes.sizeof(counters)
        if not psapi.GetProcessMemoryInfo(kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb):
            return None
        return int(counters.WorkingSetSize)


def disk_space(path: Path) -> tuple[int, int] | None:
    """(free, total) bytes on the disk that holds `path`, or None if nothing of it can be found."""
    # The cache folder may not exist yet: its nearest existing parent is on the same disk.
    for candidate in (path, *path.parents):
        try:
            if candidate.exists():
                usage = shutil.disk_usage(candidate)
                return usage.free, usage.total
        except OSError:
            return None
    return None


def self_test_command(content: Path) -> list[str]:
    """How to start the self-test in its own process: the frozen executable, or this Python. Here rather
    than in kiosk.ui.selftest, which imports the app's wiring, which imports this module."""
    return paths.kiosk_command("self-test", "--content", str(content))


def app_version() -> str:
    from kiosk.booth.buildinfo import version_text

    return version_text()


class AdminViewModel(QObject):
    """The PIN pad and the admin panel (PinPad.qml, AdminPanel.qml)."""

    # Lock state, attempts left and the message under the pad.
    pinChanged = Signal()
    # "ok", "wrong" or "locked", after each PIN submitted.
    pinResult = Signal(str)
    # The right PIN: the panel is open.
    accepted = Signal()
    panelOpenChanged = Signal()
    infoChanged = Signal()
    selfTestChanged = Signal()
    # Asked for from the panel; the wiring decides what each does.
    reloadRequested = Signal()
    restartRequested = Signal()
    exitRequested = Signal()
    # The panel closed (Close, or nobody touched it for IDLE_CLOSE_SECONDS).
    closed = Signal()

    def __init__(
        self,
        pages: Pages,
        pin_store: PinStore,
        *,
        safe_mode: bool = False,
        self_test_content: Path | None = None,
        cache_dir: Path | None = None,
        log_folder: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        recent_problems: Problems = logged_problems,
        self_test: Callable[[Path], list[str]] | None = None,
        refresh_ms: int = REFRESH_MS,
        tick_ms: int = 1000,
        idle_close_seconds: float = IDLE_CLOSE_SECONDS,
    ) -> None:
        """`clock` gives seconds on a clock that only moves forward (uptime, the lockout, the idle close);
        `self_test` gives the command that runs `kiosk self-test` on a content folder, by default
        `self_test_content` or else the content on screen (in safe mode, pass the content the kiosk
        is meant to show: that is the one staff need checked)."""
        super().__init__()
        self._pages = pages
        self._store = pin_store
        self._pad = PinPad(pin_store.verify)
        self._safe_mode = safe_mode
        self._cache_dir = cache_dir or paths.user_cache()
        self._clock = clock
        self._started = clock()
        self._recent_problems = recent_problems
        self._self_test_command = self_test or self_test_command
        self._self_test_content = self_test_content
        self._idle_close_seconds = idle_close_seconds
        self._status = ""
        self._panel_open = False
        self._last_activity = self._started
        self._info: dict[str, Any] = {}
        # Looked up when the panel first opens: start-up does not pay for what staff rarely see.
        self._app_version = ""
        self._log_folder = log_folder

        self._self_test = StreamedCommand("self-test", self, lines_kept=SELF_TEST_LINES_KEPT)
        self._self_test.linesChanged.connect(self._self_test_output)
        self._self_test.finished.connect(self._self_test_finished)
        self._self_test_status = ""

        # Counts the lock down, second by second, while the pad is locked.
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick)
        # Runs only while the panel is open: a closed panel costs the kiosk nothing.
        self._refresher = QTimer(self)
        self._refresher.setInterval(refresh_ms)
        self._refresher.timeout.connect(self._on_refresh)

    # --- The PIN pad ---------------------------------------------------------------------------

    @Property(bool, notify=pinChanged)
    def pinSet(self) -> bool:
        return self._store.is_set()

    @Property(bool, notify=pinChanged)
    def locked(self) -> bool:
        return self._pad.is_locked(self._clock())

    @Property(int, notify=pinChanged)
    def lockSecondsLeft(self) -> int:
        return math.ceil(self._pad.seconds_left(self._clock()))

    @Property(int, notify=pinChanged)
    def attemptsLeft(self) -> int:
        return self._pad.attempts_left

    @Property(str, notify=pinChanged)
    def pinStatus(self) -> str:
        """What the pad says: "" (enter the PIN), "wrong", "locked" or "notSet"; the QML has the words."""
        return self._pin_status()

    def _pin_status(self) -> str:
        return "locked" if self._pad.is_locked(self._clock()) else self._status

    @Property(str, notify=pinChanged)
    def message(self) -> str:
        """The same in English, for the log and for tests; the pad shows its own translated words."""
        status = self._pin_status()
        if status == "notSet":
            return "No admin PIN is set on this machine. Set one with: kiosk set-pin"
        if status == "locked":
            return f"Too many wrong PINs. Try again in {math.ceil(self._pad.seconds_left(self._clock()))} s."
        if status == "wrong":
            return f"Wrong PIN. {self._pad.attempts_left} attempt(s) left."
        return "Enter the admin PIN."

    @Slot()
    def startPinEntry(self) -> None:
        """The pad has just been shown: forget the last visit's "wrong PIN", but not a lock."""
        self._status = "" if self._store.is_set() else "notSet"
        self._follow_lock()
        self.pinChanged.emit()

    @Slot(str, result=str)
    def submitPin(self, pin: str) -> PinResult:
        if not self._store.is_set():
            # Nothing can be right: say how to set one rather than count guesses.
            self._status = "notSet"
            result: PinResult = "wrong"
        else:
            result = self._pad.attempt(pin, self._clock())
            self._status = "" if result == "ok" else result
        # Warnings: they appear among the panel's last errors, so staff see someone tried.
        if self._status == "locked":
            log.warning("admin PIN pad locked for a minute after too many wrong PINs")
        elif self._status == "wrong":
            log.warning("wrong admin PIN (%d attempt(s) left)", self._pad.attempts_left)
        self._follow_lock()
        self.pinChanged.emit()
        self.pinResult.emit(result)
        if result == "ok":
            log.info("admin panel opened")
            self._set_panel_open(True)
            self.accepted.emit()
        return result

    def _follow_lock(self) -> None:
        if self._pad.is_locked(self._clock()):
            self._tick.start()
        else:
            self._tick.stop()

    def _on_tick(self) -> None:
        if not self._pad.is_locked(self._clock()):
            self._tick.stop()
            self._status = ""
        self.pinChanged.emit()

    # --- The panel -------------------------------------------------------------------------------

    @Property(bool, notify=panelOpenChanged)
    def panelOpen(self) -> bool:
        return self._panel_open

    def _set_panel_open(self, open_: bool) -> None:
        if open_ == self._panel_open:
            return
        self._panel_open = open_
        if open_:
            self._last_activity = self._clock()
            self.refresh()
            self._refresher.start()
        else:
            self._refresher.stop()
        self.panelOpenChanged.emit()

    @Slot()
    def touched(self) -> None:
        """Someone is using the panel: it stays open."""
        self._last_activity = self._clock()

    @Slot()
    def close(self) -> None:
        # Left running, the self-test would take the processor from the next visitor.
        self.stopSelfTest()
        if self._panel_open:
            log.info("admin panel closed")
        self._set_panel_open(False)
        self.closed.emit()

    @Slot()
    def reload(self) -> None:
        self.touched()
        log.info("admin asked to reload the content")
        self.reloadRequested.emit()

    @Slot()
    def restart(self) -> None:
        self.touched()
        log.info("admin asked to restart the kiosk")
        self.restartRequested.emit()

    @Slot()
    def exitToDesktop(self) -> None:
        self.touched()
        log.info("admin asked to exit to the desktop")
        self.exitRequested.emit()

    def set_pages(self, pages: Pages) -> None:
        """After a reload: the panel shows the content now on screen."""
        self._pages = pages
        self.refresh()

    def _on_refresh(self) -> None:
        idle = self._clock() - self._last_activity
        if self._self_test_status != "running" and idle >= self._idle_close_seconds:
            log.info("admin panel closed: nobody touched it for %.0f s", idle)
            self.close()
            return
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the machine's figures again (the timer does this every few seconds while the panel is open)."""
        self._info = self._gather_info()
        self.infoChanged.emit()

    def _gather_info(self) -> dict[str, Any]:
        content = self._pages.content_root
        memory = memory_in_use()
        disks = []
        for name, folder in (("content", content), ("cache", self._cache_dir)):
            space = disk_space(folder) if folder is not None else None
            if space is not None:
                disks.append(
                    {"name": name, "path": str(folder), "free": float(space[0]), "total": float(space[1])}
                )
        errors = []
        try:
            problems = self._recent_problems()
        except Exception:  # the panel must open even if the log machinery is broken
            log.exception("could not read the recent problems")
            problems = []
        for when, level, text in reversed(problems[-RECENT_ERRORS_SHOWN:]):
            lines = text.strip().splitlines() or [""]
            errors.append(
                {
                    "time": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(when)),
                    "level": level,
                    "text": lines[0],
                }
            )
        return {
            # QML's int is 32 bits: byte counts travel as floats.
            "memory": float(memory) if memory is not None else -1.0,
            "disks": disks,
            "errors": errors,
        }

    @Property(str, notify=infoChanged)
    def contentTitle(self) -> str:
        agenda = self._pages.agenda
        return localize(agenda.get("title"), self._pages.default_language)

    @Property(str, notify=infoChanged)
    def contentVersion(self) -> str:
        return str(self._pages.agenda.get("version") or "")

    @Property(str, notify=infoChanged)
    def reviewed(self) -> str:
        """The date the content was last reviewed (YYYY-MM-DD), or "" when the agenda does not say."""
        return str(self._pages.agenda.get("reviewed") or "")

    @Property(str, notify=infoChanged)
    def contentFolder(self) -> str:
        return str(self._pages.content_root or "")

    @Property(str, constant=True)
    def appVersion(self) -> str:
        if not self._app_version:
            self._app_version = app_version()
        return self._app_version

    @Property(str, constant=True)
    def logFolder(self) -> str:
        """Where the log files are, for staff asked to send them."""
        if self._log_folder is None:
            self._log_folder = paths.user_logs()
        return str(self._log_folder)

    @Property(int, notify=infoChanged)
    def uptimeSeconds(self) -> int:
        return int(self._clock() - self._started)

    def _current_info(self) -> dict[str, Any]:
        # Gathered on first use (the panel opening), not at start-up; quietly, since a binding is
        # reading it right now.
        if not self._info:
            self._info = self._gather_info()
        return self._info

    @Property(float, notify=infoChanged)
    def memoryBytes(self) -> float:
        """-1 where the platform does not tell."""
        return float(self._current_info()["memory"])

    @Property(list, notify=infoChanged)
    def disks(self) -> list[dict[str, Any]]:
        """[{name: "content" or "cache", path, free, total}] in bytes."""
        return list(self._current_info()["disks"])

    @Property(list, notify=infoChanged)
    def recentErrors(self) -> list[dict[str, str]]:
        """The last warnings and errors, newest first: [{time, level, text}]."""
        return list(self._current_info()["errors"])

    @Property(bool, constant=True)
    def safeMode(self) -> bool:
        return self._safe_mode

    # --- The self-test ---------------------------------------------------------------------------

    @Property(list, notify=selfTestChanged)
    def selfTestLog(self) -> list[str]:
        return list(self._self_test.lines)

    @Property(bool, notify=selfTestChanged)
    def selfTestRunning(self) -> bool:
        return self._self_test_status == "running"

    @Property(bool, notify=selfTestChanged)
    def selfTestPassed(self) -> bool:
        return self._self_test_status == "passed"

    @Property(str, notify=selfTestChanged)
    def selfTestStatus(self) -> str:
        """ "" (not run yet), "running", "passed" or "failed"."""
        return self._self_test_status

    @Slot()
    def runSelfTest(self) -> None:
        self.touched()
        if self._self_test.running:
            return
        content = self._self_test_content or self._pages.content_root or paths.bundled_content()
        self._self_test_status = "running"
        self._self_test.start(self._self_test_command(content))

    @Slot()
    def stopSelfTest(self) -> None:
        if not self._self_test.stop():
            return
        self._self_test.add("The self-test was stopped.")
        self._self_test_status = "failed"
        self.selfTestChanged.emit()

    def release(self) -> None:
        """Before the app quits: no self-test outlives the kiosk, no timer fires into a dead model."""
        self._tick.stop()
        self._refresher.stop()
        self.stopSelfTest()

    def _self_test_output(self) -> None:
        # A self-test still writing is staff still waiting: the panel stays open.
        if self._self_test.running:
            self.touched()
        self.selfTestChanged.emit()

    def _self_test_finished(self, passed: bool) -> None:
        self._self_test_status = "passed" if passed else "failed"
        log.log(logging.INFO if passed else logging.WARNING, "self-test %s", self._self_test_status)
        self.touched()
        self.selfTestChanged.emit()
