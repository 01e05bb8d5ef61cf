"""Visitor sessions on screen: the "Still there?" prompt, the reset, the attract loop and its wake-up.

The timing lives in kiosk.core.session; this relays it to QML and tells the wiring when to reset.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.core.session import Event, Phase, VisitorSession
from kiosk.ui.translations import QT_TRANSLATE_NOOP

TICK_MS = 250
# Shown on the attract loop in every language of the content at once: the next visitor may read
# any of them. Translated in the .ts files like every other word of the app.
TOUCH_TO_EXPLORE = QT_TRANSLATE_NOOP("AttractPage", "Touch the screen to explore")


class SessionViewModel(QObject):
    phaseChanged = Signal()
    countdownChanged = Signal()
    staffPresentChanged = Signal()
    # For the wiring: end the session (everything back to defaults, then attract) / start one.
    resetRequested = Signal()
    wakeRequested = Signal()

    def __init__(
        self,
        session: VisitorSession,
        *,
        enabled: bool,
        clock: Callable[[], float] = time.monotonic,
        busy: Callable[[], bool] = lambda: False,
        invitations: Callable[[], list[dict[str, Any]]] | None = None,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__()
        self._session = session
        self._enabled = enabled
        self._clock = clock
        self._busy = busy
        # Made when the attract loop first shows them: they load every language's catalogue.
        self._make_invitations = invitations or list
        self._invitations: list[dict[str, Any]] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self._seconds_left = 0
        self._staff_present = False

    def start(self, attract: bool) -> None:
        self._session.start(self._clock(), attract)
        if self._enabled:
            self._timer.start()
        self.phaseChanged.emit()

    def stop(self) -> None:
        self._timer.stop()

    # -- what the input guard and the timer call -------------------------------------------------

    def activity(self) -> bool:
        """A touch, click or key. True when it must not reach the page: it woke the kiosk or
        answered the prompt, and was not aimed at anything under the finger."""
        if not self._enabled:
            return False
        event = self._session.touch(self._clock())
        if event is None:
            return False
        self._announce(event)
        return True

    @Slot()
    def tick(self) -> None:
        now = self._clock()
        if self._busy() or self._staff_present:
            self._session.busy(now)
        event = self._session.tick(now)
        if event is not None:
            self._announce(event)
        seconds = self._session.seconds_left(now)
        if seconds != self._seconds_left:
            self._seconds_left = seconds
            self.countdownChanged.emit()

    def _announce(self, event: Event) -> None:
        if event is Event.RESET:
            self.resetRequested.emit()
        elif event is Event.WAKE:
            self.wakeRequested.emit()
        self._seconds_left = self._session.seconds_left(self._clock())
        self.phaseChanged.emit()
        self.countdownChanged.emit()

    def current_phase(self) -> Phase:
        return self._session.phase

    def reset_count(self) -> int:
        return self._session.resets

    # -- what QML reads and calls ----------------------------------------------------------------

    @Property(bool, constant=True)
    def enabled(self) -> bool:
        return self._enabled

    @Property(str, notify=phaseChanged)
    def phase(self) -> str:
        return self._session.phase.value

    @Property(int, notify=countdownChanged)
    def secondsLeft(self) -> int:
        return self._seconds_left

    @Property(list, constant=True)
    def invitations(self) -> list[dict[str, Any]]:
        if self._invitations is None:
            self._invitations = self._make_invitations()
        return self._invitations

    def _get_staff_present(self) -> bool:
        return self._staff_present

    def _set_staff_present(self, present: bool) -> None:
        if present != self._staff_present:
            self._staff_present = present
            self.staffPresentChanged.emit()

    # Staff at the PIN pad or the admin panel: no visitor reset underneath them.
    staffPresent = Property(bool, _get_staff_present, _set_staff_present, notify=staffPresentChanged)

    @Slot()
    def stillHere(self) -> None:
        self.activity()


def invitations_for(languages: list[str], translate: Callable[[str, str, str], str]) -> list[dict[str, Any]]:
    """'Touch the screen to explore' in each of the content's languages, each once."""
    seen: set[str] = set()
    found: list[dict[str, Any]] = []
    for language in languages:
        text = translate(language, "AttractPage", TOUCH_TO_EXPLORE) or TOUCH_TO_EXPLORE
        if text not in seen:
            seen.add(text)
            found.append({"language": language, "text": text})
    return found
