"""A `kiosk` command run in its own process for staff, its lines shown as they come.

Installing a content pack or exporting visits reads and writes whole folders: in a process of its own
the kiosk's window never waits, and a crash there cannot take the kiosk down.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.booth import paths

if TYPE_CHECKING:
    # Named only once a command runs: the admin's view model makes its StreamedCommand at start-up.
    from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)
LINES_KEPT = 200
STOP_WAIT_MS = 2000


class StreamedCommand(QObject):
    """One command at a time; `lines` grows as it writes; `finished(ok)` once it ends, however it ends.
    `name` is how staff read of it in the lines added when it fails ("The self-test could not start")."""

    linesChanged = Signal()
    finished = Signal(bool)

    def __init__(self, name: str, parent: QObject | None = None, *, lines_kept: int = LINES_KEPT) -> None:
        super().__init__(parent)
        self._name = name
        self._lines_kept = lines_kept
        self._process: QProcess | None = None
        self._pending = b""
        self._errors: deque[str] = deque(maxlen=5)
        self.lines: list[str] = []

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, command: list[str]) -> bool:
        if self._process is not None:
            return False
        program, *arguments = command
        from PySide6.QtCore import QProcess, QProcessEnvironment

        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        # Pages and videos it checks are drawn off screen; its lines must arrive as written.
        environment.insert("QT_QPA_PLATFORM", "offscreen")
        environment.insert("PYTHONUNBUFFERED", "1")
        process.setProcessEnvironment(environment)
        # `python -m kiosk` finds the package from a source checkout too.
        process.setWorkingDirectory(str(paths.install_root()))
        process.readyReadStandardOutput.connect(self._read_output)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._failed_to_start)
        self._process = process
        self._pending = b""
        self._errors.clear()
        self.lines = []
        log.info("%s started: %s", self._name, " ".join(command))
        self.linesChanged.emit()
        process.start(program, arguments)
        return True

    def stop(self) -> bool:
        """Kill the command, quietly (no `finished`); False when none was running."""
        process, self._process = self._process, None
        if process is None:
            return False
        for signal in (process.readyReadStandardOutput, process.readyReadStandardError):
            signal.disconnect()
        process.finished.disconnect()
        process.errorOccurred.disconnect()
        process.kill()
        process.waitForFinished(STOP_WAIT_MS)
        process.deleteLater()
        return True

    def wait(self, milliseconds: int) -> bool:
        """For tests and for leaving: True once the command has ended."""
        process = self._process
        return process is None or process.waitForFinished(milliseconds)

    def add(self, line: str) -> None:
        self.lines.append(line)
        del self.lines[: -self._lines_kept]

    def _read_output(self) -> None:
        if self._process is None:
            return
        self._pending += bytes(self._process.readAllStandardOutput().data())
        *complete, self._pending = self._pending.split(b"\n")
        for line in complete:
            self.add(line.decode("utf-8", "replace").rstrip("\r"))
        if complete:
            self.linesChanged.emit()

    def _read_errors(self) -> None:
        # Qt's chatter ("No audio device detected") is no news for staff; kept only to explain a crash.
        if self._process is None:
            return
        text = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        self._errors.extend(line for line in text.splitlines() if line.strip())

    def _finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        from PySide6.QtCore import QProcess

        self._read_output()
        if self._pending:
            self.add(self._pending.decode("utf-8", "replace"))
            self._pending = b""
        crashed = exit_status != QProcess.ExitStatus.NormalExit or exit_code not in (0, 1)
        if crashed:
            self.add(f"The {self._name} stopped unexpectedly (exit code {exit_code}).")
            self.lines.extend(self._errors)
        self._end(exit_code == 0 and not crashed)

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        from PySide6.QtCore import QProcess

        if error != QProcess.ProcessError.FailedToStart or self._process is None:
            return  # a crash also ends in finished(), which reports it
        self.add(f"The {self._name} could not start: {self._process.errorString()}")
        log.error("%s could not start: %s", self._name, self._process.errorString())
        self._end(False)

    def _end(self, ok: bool) -> None:
        if self._process is not None:
            self._process.deleteLater()
        self._process = None
        self.linesChanged.emit()
        self.finished.emit(ok)
