"""A `kiosk` command run in its own process for staff, its lines shown as they come.

Installing a content pack or exporting visits reads and writes whole folders: in a process of its own
the kiosk's window never waits, and a crash there cannot take the kiosk down.
"""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from kiosk import paths

log = logging.getLogger(__name__)
LINES_KEPT = 200
STOP_WAIT_MS = 3000


class StreamedCommand(QObject):
    """One command at a time; `lines` grows as it writes; `finished(ok)` once it ends, however it ends."""

    linesChanged = Signal()
    finished = Signal(bool)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
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

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        for signal in (process.readyReadStandardOutput, process.readyReadStandardError):
            signal.disconnect()
        process.finished.disconnect()
        process.errorOccurred.disconnect()
        process.kill()
        process.waitForFinished(STOP_WAIT_MS)
        process.deleteLater()

    def wait(self, milliseconds: int) -> bool:
        """For tests and for leaving: True once the command has ended."""
        process = self._process
        return process is None or process.waitForFinished(milliseconds)

    def _add(self, line: str) -> None:
        self.lines.append(line)
        del self.lines[:-LINES_KEPT]

    def _read_output(self) -> None:
        if self._process is None:
            return
        self._pending += bytes(self._process.readAllStandardOutput().data())
        *complete, self._pending = self._pending.split(b"\n")
        for line in complete:
            self._add(line.decode("utf-8", "replace").rstrip("\r"))
        if complete:
            self.linesChanged.emit()

    def _read_errors(self) -> None:
        # Qt's chatter ("No audio device detected") is no news for staff; kept only to explain a crash.
        if self._process is None:
            return
        text = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        self._errors.extend(line for line in text.splitlines() if line.strip())

    def _finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        self._read_output()
        if self._pending:
            self._add(self._pending.decode("utf-8", "replace"))
            self._pending = b""
        crashed = exit_status != QProcess.ExitStatus.NormalExit or exit_code not in (0, 1)
        if crashed:
            self._add(f"It stopped unexpectedly (exit code {exit_code}).")
            self.lines.extend(self._errors)
        ok = exit_code == 0 and not crashed
        log.log(logging.INFO if ok else logging.WARNING, "%s %s", self._name, "done" if ok else "failed")
        self._end(ok)

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error != QProcess.ProcessError.FailedToStart or self._process is None:
            return  # a crash also ends in finished(), which reports it
        self._add(f"It could not start: {self._process.errorString()}")
        log.error("%s could not start: %s", self._name, self._process.errorString())
        self._end(False)

    def _end(self, ok: bool) -> None:
        if self._process is not None:
            self._process.deleteLater()
        self._process = None
        self.linesChanged.emit()
        self.finished.emit(ok)
