"""Kiosk mode keeps its window on screen: whatever minimises, hides, unmaps or covers it (a "show
desktop" key, a window manager's menu, another program's window, `xdotool`), it is back, full screen
and on top, within a second.

Qt is told of most of these (the window is no longer exposed, no longer full screen, no longer
active); a window raised over the kiosk without taking the focus is not, so the window is also raised
now and then. Only in kiosk mode: in a window on a laptop, minimising is the visitor's right.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QWindow

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 250
# A window manager needs a moment to carry out a restore: asking again sooner only makes it flicker.
RESTORE_SETTLE_S = 0.5
MAX_RESTORE_SETTLE_S = 5.0
# Covered without losing the focus is the one case Qt is not told of.
RAISE_EVERY_S = 1.0


class ScreenKeeper(QObject):
    def __init__(
        self,
        window: QWindow,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
        takes_focus: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.restores = 0  # for the tests and the log
        # False for a window that only covers the screen (the waiting screen): it must neither take
        # the focus from, nor raise itself over, the kiosk window that comes up over it.
        self.takes_focus = takes_focus
        self._clock = clock
        self._settle_until = 0.0
        self._last_raise = 0.0
        self._failed_in_a_row = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        # At once when Qt knows, not at the next tick.
        window.visibilityChanged.connect(self._soon)
        window.windowStateChanged.connect(self._soon)
        window.activeChanged.connect(self._soon)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _soon(self) -> None:
        if self._timer.isActive():
            QTimer.singleShot(50, self.check)

    def trouble(self) -> str:
        """What is wrong with the window's place on screen; empty when nothing is."""
        window = self.window
        if not window.isVisible() or window.windowState() & Qt.WindowState.WindowMinimized:
            return "hidden or minimised"
        if not window.isExposed():
            return "not on screen (unmapped, or the desktop shown)"
        if window.visibility() != QWindow.Visibility.FullScreen:
            return "no longer full screen"
        if self.takes_focus and not window.isActive():
            return "not the active window (another window over it?)"
        return ""

    @Slot()
    def check(self) -> None:
        now = self._clock()
        if now < self._settle_until:
            return
        trouble = self.trouble()
        if not trouble:
            self._failed_in_a_row = 0
            if self.takes_focus and now - self._last_raise >= RAISE_EVERY_S:
                self._last_raise = now
                self.window.raise_()
            return
        self.restores += 1
        # Once in the log, then only now and then: a window manager that keeps hiding the kiosk must
        # not fill the disk.
        if self.restores <= 3 or self.restores % 100 == 0:
            log.warning("The kiosk window was %s: putting it back (%d time(s))", trouble, self.restores)
        # Restores that keep failing (a screen turned off, a window manager that insists) come ever
        # less often, up to one every few seconds, rather than four times a second all night.
        self._failed_in_a_row += 1
        self._settle_until = now + min(RESTORE_SETTLE_S * self._failed_in_a_row, MAX_RESTORE_SETTLE_S)
        self._last_raise = now
        minimised = bool(self.window.windowState() & Qt.WindowState.WindowMinimized)
        self.restore(remap=not minimised and not self.window.isExposed())

    def restore(self, *, remap: bool) -> None:
        window = self.window
        if remap:
            # Unmapped or destroyed behind Qt's back (another program, "show desktop"), the native
            # window may be gone, and showing it again would do nothing: let Qt make a new one.
            window.destroy()
        window.showFullScreen()
        window.raise_()
        if self.takes_focus:
            window.requestActivate()
