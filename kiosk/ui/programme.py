"""The conference programme's view model: now and next as the clock moves, and the day the programme page shows.

"Now" comes from the clock the wiring gives (`wall_clock`, an aware datetime), never from the machine
here, so tests and `kiosk snapshot --at` can set it. What is on is decided in kiosk.core.programme.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.core.pages import Pages

if TYPE_CHECKING:
    # Imported where the clock is read: content without a programme never reads it (1.5 ms of a start).
    import datetime

# Sessions change on the minute; a few seconds late is soon enough for a person reading a screen.
TICK_MS = 15_000
_HIDDEN: dict[str, Any] = {"visible": False, "now": [], "next": []}


def utc_now() -> datetime.datetime:
    import datetime

    return datetime.datetime.now(datetime.UTC)


class ProgrammeViewModel(QObject):
    """Now and next (hidden outside the programme's days) and the programme page's day switch."""

    nowNextChanged = Signal()
    dayIndexChanged = Signal()

    def __init__(
        self,
        pages: Pages,
        language: Callable[[], str],
        wall_clock: Callable[[], datetime.datetime] = utc_now,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__()
        self._pages = pages
        self._language = language
        self._clock = wall_clock
        self._now_next: dict[str, Any] = _HIDDEN
        self._day_index = 0
        self._has_sessions = any(item["kind"] == "session" for item in pages.items.values())
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        if self._has_sessions:
            self._timer.start()
            self.tick()

    def set_interval(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    @Slot()
    def tick(self) -> None:
        """Look at the clock again: what is on may have changed, or the programme's days begun or ended."""
        if not self._has_sessions:
            return
        from kiosk.core.programme import now_and_next_cards

        found = now_and_next_cards(
            self._pages.items, self._pages.agenda.get("programme"), self._clock(), self._language()
        )
        if found != self._now_next:
            self._now_next = found
            self.nowNextChanged.emit()

    @Property(dict, notify=nowNextChanged)
    def nowNext(self) -> dict[str, Any]:
        """{visible, now: [session cards], next: [session cards]}; visible only within the programme's days."""
        return self._now_next

    @Property(int, notify=dayIndexChanged)
    def dayIndex(self) -> int:
        return self._day_index

    def now_next(self) -> dict[str, Any]:
        return self._now_next

    def day_index(self) -> int:
        return self._day_index

    @Slot(int)
    def chooseDay(self, index: int) -> None:
        if index != self._day_index and index >= 0:
            self._day_index = index
            self.dayIndexChanged.emit()

    def page_shown(self, page: dict[str, Any]) -> None:
        """A programme page opens at today's day (the venue's today), else at its first day."""
        if page.get("kind") != "programme":
            return
        import datetime

        from kiosk.core.programme import day_index, time_zone

        days = [datetime.date.fromisoformat(day["date"]) for day in page.get("days") or []]
        zone = time_zone(self._pages.agenda.get("programme"))
        self.chooseDay(day_index(days, self._clock(), zone) if days else 0)

    def release(self) -> None:
        self._timer.stop()
