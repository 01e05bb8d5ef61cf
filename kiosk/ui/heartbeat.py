"""The UI's sign of life for the supervisor: a file touched from the GUI thread every few seconds.

The beat comes from a QTimer on the GUI thread on purpose: if that thread hangs (a deadlock, an endless
loop, a blocking call) the visitor sees a frozen screen, and the beat stops with it, so the supervisor
restarts the UI. A beat from a worker thread would go on while the screen stays frozen.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

from kiosk.supervisor import HEARTBEAT_ENV

log = logging.getLogger(__name__)

# Well inside the supervisor's 30 s timeout: a busy moment (a large PDF page, a language switch)
# delays a beat or two without the UI being taken for hung.
HEARTBEAT_INTERVAL_MS = 5000


class Heartbeat(QObject):
    def __init__(
        self, path: Path, interval_ms: int = HEARTBEAT_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.beats = 0
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        # At once, not after the first interval: start-up is when a hang is most likely.
        self.beat()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def beat(self) -> None:
        try:
            # touch() updates the modification time, and recreates the file should it have gone.
            self.path.touch()
        except OSError as exc:
            # Said once, not every 5 s; the supervisor will restart the UI, which is the best cure.
            if not self._failing:
                log.error("Cannot touch the heartbeat file %s: %s", self.path, exc)
            self._failing = True
            return
        self._failing = False
        self.beats += 1


def start_heartbeat_from_environment(
    environ: Mapping[str, str] = os.environ, interval_ms: int = HEARTBEAT_INTERVAL_MS
) -> Heartbeat | None:
    """Start beating when a supervisor asked for it (KIOSK_HEARTBEAT); None when run unsupervised.

    The heartbeat is a child of the application object, so it lives as long as the application even
    if the caller drops it. Call after the QGuiApplication exists, on the GUI thread.
    """
    target = environ.get(HEARTBEAT_ENV)
    if not target:
        return None
    heartbeat = Heartbeat(Path(target), interval_ms, parent=QCoreApplication.instance())
    heartbeat.start()
    log.info("Heartbeat every %d ms to %s", interval_ms, target)
    return heartbeat
