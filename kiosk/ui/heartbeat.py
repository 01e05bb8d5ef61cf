"""The UI's sign of life for the supervisor: a file touched every few seconds, from the GUI thread and,
with a window, only once a frame has reached the screen.

Under a supervisor the beat proves frames: every few seconds the window is asked to draw
(QQuickWindow.update(), so an idle screen proves itself too) and the beat comes from the frame's
`frameSwapped`, delivered on the GUI thread. A window that is gone (closed by another program),
unmapped or no longer drawn, or a GUI thread that hangs (a deadlock, an endless loop, a blocking call),
all stop the beat, so the supervisor restarts the UI. A timer alone would go on beating then: it ticks
whether or not anything reaches the screen. Without a window (tests, tools) the timer beats by itself.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtQuick import QQuickWindow

from kiosk.booth.supervised import HEARTBEAT_ENV

log = logging.getLogger(__name__)

# Well inside the supervisor's 30 s timeout: a busy moment (a large PDF page, a language switch)
# delays a beat or two without the UI being taken for hung.
HEARTBEAT_INTERVAL_MS = 5000
# With a window: a frame asked for this often (an idle screen draws one frame more, a few ms of CPU).
FRAME_PROOF_INTERVAL_MS = 2000
# A window Qt takes for on screen, asked this many times in a row for a frame that never came while
# the GUI thread ran (a blocked thread asks nothing), is gone (destroyed by another program): no need
# to wait for the supervisor's timeout.
UNANSWERED_LIMIT = 3


class Heartbeat(QObject):
    # No frame reached the screen for UNANSWERED_LIMIT requests in a row, though the GUI thread ran.
    windowLost = Signal()

    def __init__(
        self,
        path: Path,
        interval_ms: int = HEARTBEAT_INTERVAL_MS,
        parent: QObject | None = None,
        window: QQuickWindow | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.beats = 0
        self.window = window
        self._failing = False
        self._awaiting_frame = False
        self.unanswered = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        if self.window is None:
            # At once, not after the first interval: start-up is when a hang is most likely.
            self.beat()
        else:
            # The first frame on screen is the first beat.
            self._ask_for_a_frame()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._awaiting_frame and self.window is not None:
            self.window.frameSwapped.disconnect(self._frame_shown)
            self._awaiting_frame = False

    def is_active(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def _tick(self) -> None:
        if self.window is None:
            self.beat()
            return
        if self._awaiting_frame and not self.window.isExposed():
            # Qt knows why nothing is drawn (minimised, unmapped, the screen off): not a window gone.
            # Kiosk mode puts the window back; the supervisor's timeout covers the rest.
            self.unanswered = 0
        elif self._awaiting_frame:
            self.unanswered += 1
            if self.unanswered == UNANSWERED_LIMIT:
                log.error(
                    "No frame of the window reached the screen in %d requests: the window is gone",
                    self.unanswered,
                )
                self.windowLost.emit()
        self._ask_for_a_frame()

    def _ask_for_a_frame(self) -> None:
        assert self.window is not None
        if not self._awaiting_frame:
            # One Python call per beat rather than one per frame; queued, so the beat also proves
            # that the GUI thread runs (frames are swapped on the render thread).
            self.window.frameSwapped.connect(
                self._frame_shown,
                Qt.ConnectionType(
                    Qt.ConnectionType.QueuedConnection.value | Qt.ConnectionType.SingleShotConnection.value
                ),
            )
            self._awaiting_frame = True
        self.window.update()

    @Slot()
    def _frame_shown(self) -> None:
        self._awaiting_frame = False
        self.unanswered = 0
        self.beat()

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
    environ: Mapping[str, str] = os.environ,
    interval_ms: int | None = None,
    window: QQuickWindow | None = None,
) -> Heartbeat | None:
    """Start beating when a supervisor asked for it (KIOSK_HEARTBEAT); None when run unsupervised.
    With `window`, each beat proves that a frame of it reached the screen.

    The heartbeat is a child of the application object, so it lives as long as the application even
    if the caller drops it. Call after the QGuiApplication exists, on the GUI thread.
    """
    target = environ.get(HEARTBEAT_ENV)
    if not target:
        return None
    if interval_ms is None:
        interval_ms = HEARTBEAT_INTERVAL_MS if window is None else FRAME_PROOF_INTERVAL_MS
    heartbeat = Heartbeat(Path(target), interval_ms, parent=QCoreApplication.instance(), window=window)
    heartbeat.start()
    log.info(
        "Heartbeat every %d ms to %s%s", interval_ms, target, ", from frames on screen" if window else ""
    )
    return heartbeat
