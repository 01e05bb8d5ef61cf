"""The admin panel's visitor dashboard (Dashboard.qml): what visitors did, from the visit records.

The figures come from kiosk.core.analytics, which reads the records database; on a booth that ran for
weeks that takes up to a second, so it runs in a worker thread and its result comes back to the GUI
thread through a queued signal. What the QML draws arrives ready: every bar's label, its length as a
fraction of the longest, and its value written out in the admin's language.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    Property,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QObject,
    Qt,
    Signal,
    Slot,
)

from kiosk.core.languages import native_name
from kiosk.core.localized import latin_digits
from kiosk.core.pages import HOME, Pages, localize

if TYPE_CHECKING:
    from kiosk.core.analytics import Summary

log = logging.getLogger(__name__)

PERIODS = (7, 14, 30)
DEFAULT_PERIOD = 14
# Long enough for a summary of a large database to finish; the worker is a daemon, so a slower one
# cannot hold up the kiosk's exit either way.
RELEASE_WAIT_SECONDS = 3.0

Summarize = Callable[..., "Summary"]
# What each property shows before the records are read, or when there are none.
EMPTY_VIEWS: dict[str, Any] = {
    "sessions": "",
    "average": "",
    "endedByIdle": "",
    "range": "",
    **{chart: [] for chart in ("byDay", "byHour", "topItems", "videos", "languages", "searches")},
}


def summarize_visits(database: Path, *, now: float, days: int) -> Summary:
    # Imported when the panel first asks: start-up does not pay for what staff rarely open.
    from kiosk.core.analytics import summarize

    return summarize(database, now=now, days=days)


def fractions(values: Sequence[float]) -> list[float]:
    """Each value as a share of the largest, for bar lengths: all 0 when nothing was counted."""
    top = max(values, default=0)
    return [max(0.0, value / top) if top > 0 else 0.0 for value in values]


def route_title(pages: Pages, route: str, language: str) -> str:
    """The title a route has in the content now; its id when the content no longer has it."""
    kind, _, key = route.partition("/")
    if kind == "item" and key in pages.items:
        return localize(pages.items[key]["title"], language) or key
    if kind == "section" and key in pages.sections:
        return localize(pages.sections[key]["title"], language) or key
    if route == HOME:
        return localize(pages.agenda.get("title"), language) or route
    return key or route


def _qdate(day: datetime.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DashboardViewModel(QObject):
    """Visitor figures for the admin panel, read on demand (refresh) and never at start-up."""

    summaryChanged = Signal()
    loadingChanged = Signal()
    recorderNoteChanged = Signal()
    # (generation, Summary or the exception summarize raised), from the worker thread.
    _summarized = Signal(int, object)

    def __init__(
        self,
        pages: Pages,
        database: Path | None,
        *,
        clock: Callable[[], float] = time.time,
        language: Callable[[], str] | None = None,
        summarize: Summarize | None = None,
    ) -> None:
        """`clock` gives "now" in seconds since the epoch (the days are the machine's local days);
        `language` gives the language the admin panel is shown in (default: the content's first)."""
        super().__init__()
        self._pages = pages
        self._database = database
        self._clock = clock
        self._language = language or (lambda: pages.default_language)
        self._summarize = summarize or summarize_visits
        self._period = DEFAULT_PERIOD
        self._summary: Summary | None = None
        self._state = "idle"  # idle, missing, ready, failed
        self._loading = False
        self._recorder_note = ""
        self._views: dict[str, Any] = {}
        # Bumped by each refresh: a result asked for before the latest one is not shown.
        self._generation = 0
        self._worker: threading.Thread | None = None
        self._released = False
        self._summarized.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self._following_language = False

    # --- reading the records ---------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the records again in the background; what is shown stays until the new figures come."""
        self._generation += 1
        if self._database is None or not self._database.is_file():
            self._summary = None
            self._state = "missing"
            self._set_loading(False)
            self._rebuild()
            return
        self._set_loading(True)
        # One query at a time: a refresh asked for meanwhile starts when this one is done.
        if self._worker is None:
            self._start()

    def _start(self) -> None:
        assert self._database is not None
        generation, database, days, now = self._generation, self._database, self._period, self._clock()
        self._worker = threading.Thread(
            target=self._work, args=(generation, database, days, now), name="visitor-summary", daemon=True
        )
        self._worker.start()

    def _work(self, generation: int, database: Path, days: int, now: float) -> None:
        result: object
        try:
            result = self._summarize(database, now=now, days=days)
        except FileNotFoundError as exc:
            result = exc
        except Exception as exc:  # the admin panel must stay usable whatever the records hold
            log.exception("the visit records in %s could not be summarised", database)
            result = exc
        # RuntimeError: the view model went with its window while the summary was made.
        with contextlib.suppress(RuntimeError):
            self._summarized.emit(generation, result)

    @Slot(int, object)
    def _arrived(self, generation: int, result: object) -> None:
        self._worker = None
        if generation != self._generation:
            if self._database is not None and self._database.is_file():
                self._start()
            return
        if isinstance(result, FileNotFoundError):
            # Removed since refresh looked (staff cleared the records): as if none were ever made.
            self._summary = None
            self._state = "missing"
        elif isinstance(result, BaseException):
            self._summary = None
            self._state = "failed"
        else:
            self._summary = cast("Summary", result)
            self._state = "ready"
            self._follow_language()
        self._set_loading(False)
        self._rebuild()

    def wait(self, timeout: float = RELEASE_WAIT_SECONDS) -> None:
        """For tests and snapshots: until the worker has finished (its result still comes as a signal)."""
        deadline = time.monotonic() + timeout
        while (worker := self._worker) is not None and time.monotonic() < deadline:
            worker.join(max(0.0, deadline - time.monotonic()))
            QCoreApplication.processEvents()

    def release(self) -> None:
        """Before the window goes: no result is delivered to a model being deleted."""
        if self._released:
            return
        self._released = True
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._summarized.disconnect(self._arrived)
        worker = self._worker
        if worker is not None:
            worker.join(RELEASE_WAIT_SECONDS)
        self._worker = None

    def set_pages(self, pages: Pages) -> None:
        """After a reload: titles come from the content now on screen."""
        self._pages = pages
        self._rebuild()

    def _follow_language(self) -> None:
        # Installing a translator tells the application: the value texts follow the language. Only
        # once there are figures to show: the filter sees every event of the application, each a
        # call into Python (hundreds for a visitor's language switch, some for every tap).
        app = QCoreApplication.instance()
        if app is not None and not self._following_language:
            app.installEventFilter(self)
            self._following_language = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and self._summary is not None:
            self._rebuild()
        return False

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit()

    # --- what QML reads --------------------------------------------------------------------------

    @Property(bool, notify=loadingChanged)
    def loading(self) -> bool:
        return self._loading

    @Property(str, notify=summaryChanged)
    def state(self) -> str:
        """ "idle" (never read), "missing" (no records yet), "ready" or "failed"."""
        return self._state

    @Property(bool, notify=summaryChanged)
    def available(self) -> bool:
        """There are records and they were read."""
        return self._state == "ready"

    @Property(bool, notify=summaryChanged)
    def hasVisits(self) -> bool:
        return self._summary is not None and self._summary.sessions > 0

    @Property(int, notify=summaryChanged)
    def period(self) -> int:
        """The days the figures cover, ending today."""
        return self._period

    @Property(list, constant=True)
    def periods(self) -> list[int]:
        return list(PERIODS)

    @Slot(int)
    def setPeriod(self, days: int) -> None:
        if days not in PERIODS or days == self._period:
            return
        self._period = days
        self.summaryChanged.emit()
        self.refresh()

    def _get_recorder_note(self) -> str:
        return self._recorder_note

    def _set_recorder_note(self, note: str) -> None:
        if note != self._recorder_note:
            self._recorder_note = note
            self.recorderNoteChanged.emit()

    # Set by the wiring from the recorder's status ("Recording is paused: the disk is full").
    recorderNote = Property(str, _get_recorder_note, _set_recorder_note, notify=recorderNoteChanged)

    def _view(self, key: str) -> Any:
        return self._views.get(key, EMPTY_VIEWS[key])

    @Property(str, notify=summaryChanged)
    def sessionsText(self) -> str:
        return str(self._view("sessions"))

    @Property(str, notify=summaryChanged)
    def averageVisitText(self) -> str:
        return str(self._view("average"))

    @Property(str, notify=summaryChanged)
    def endedByIdleText(self) -> str:
        return str(self._view("endedByIdle"))

    @Property(str, notify=summaryChanged)
    def rangeText(self) -> str:
        """The first and last day the figures cover."""
        return str(self._view("range"))

    @Property(list, notify=summaryChanged)
    def byDay(self) -> list[dict[str, Any]]:
        """Sessions each day, oldest first: [{label, sublabel, longLabel, value, fraction, shortText, valueText}]."""
        return list(self._view("byDay"))

    @Property(list, notify=summaryChanged)
    def byHour(self) -> list[dict[str, Any]]:
        """Sessions by the hour they started, 0 to 23, same keys as byDay."""
        return list(self._view("byHour"))

    @Property(list, notify=summaryChanged)
    def topItems(self) -> list[dict[str, Any]]:
        """The most viewed pages by title, most first: [{key, label, value, fraction, valueText, detail}]."""
        return list(self._view("topItems"))

    @Property(list, notify=summaryChanged)
    def videos(self) -> list[dict[str, Any]]:
        """Each video's average share watched: the bar is that share, not a share of the best."""
        return list(self._view("videos"))

    @Property(list, notify=summaryChanged)
    def languages(self) -> list[dict[str, Any]]:
        return list(self._view("languages"))

    @Property(list, notify=summaryChanged)
    def searches(self) -> list[dict[str, Any]]:
        return list(self._view("searches"))

    # --- shaping the figures ---------------------------------------------------------------------

    def _rebuild(self) -> None:
        summary = self._summary
        self._views = self._shape(summary) if summary is not None else {}
        self.summaryChanged.emit()

    def _shape(self, summary: Summary) -> dict[str, Any]:
        language = self._language()
        locale = QLocale(language)

        def number(value: int) -> str:
            return latin_digits(locale.toString(value))

        def percent(share: float) -> str:
            return number(round(100 * share))

        days = [datetime.date.fromisoformat(day) for day, _count in summary.sessions_by_day]
        day_counts = [count for _day, count in summary.sessions_by_day]
        by_day = [
            {
                "key": day.isoformat(),
                "label": number(day.day),
                "sublabel": locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat),
                "longLabel": latin_digits(locale.toString(_qdate(day), QLocale.FormatType.LongFormat)),
                "value": count,
                "fraction": share,
                "shortText": number(count),
                "valueText": self.tr("%n session(s)", "", count),
            }
            for day, count, share in zip(days, day_counts, fractions(day_counts), strict=True)
        ]
        hour_counts = list(summary.sessions_by_hour)
        by_hour = [
            {
                "key": str(hour),
                "label": number(hour),
                "sublabel": "",
                "longLabel": self.tr("%1:00 to %2:00")
                .replace("%1", str(hour))
                .replace("%2", str((hour + 1) % 24)),
                "value": count,
                "fraction": share,
                "shortText": number(count),
                "valueText": self.tr("%n session(s)", "", count),
            }
            for hour, (count, share) in enumerate(zip(hour_counts, fractions(hour_counts), strict=True))
        ]
        top_items = [
            {
                "key": route,
                "label": route_title(self._pages, route, language),
                "value": views,
                "fraction": share,
                "valueText": self.tr("%n view(s)", "", views),
                "detail": self.tr("%1 per view").replace("%1", self._duration(dwell)),
            }
            for (route, views, dwell), share in zip(
                summary.top_items, fractions([views for _r, views, _d in summary.top_items]), strict=True
            )
        ]
        videos = [
            {
                "key": item,
                "label": route_title(self._pages, f"item/{item}", language),
                "value": plays,
                "fraction": min(1.0, max(0.0, watched)),
                "valueText": self.tr("%1% watched").replace("%1", percent(min(1.0, max(0.0, watched)))),
                "detail": self.tr("%n play(s)", "", plays),
            }
            for item, plays, watched in summary.videos
        ]
        languages = [
            {
                "key": code,
                "label": native_name(code),
                "value": count,
                "fraction": share,
                "valueText": self.tr("%n session(s)", "", count),
                # A visitor who switched language counts in each: the shares may add up to more than 100.
                "detail": self.tr("%1% of sessions").replace("%1", percent(count / summary.sessions))
                if summary.sessions
                else "",
            }
            for (code, count), share in zip(
                summary.languages, fractions([count for _c, count in summary.languages]), strict=True
            )
        ]
        searches = [
            {
                "key": query,
                "label": query,
                "value": count,
                "fraction": share,
                "valueText": self.tr("%n search(es)", "", count),
                "detail": "",
            }
            for (query, count), share in zip(
                summary.top_searches, fractions([count for _q, count in summary.top_searches]), strict=True
            )
        ]
        idle_share = summary.ended_by_idle / summary.sessions if summary.sessions else 0.0
        first, last = (days[0], days[-1]) if days else (None, None)
        return {
            "sessions": number(summary.sessions),
            "average": self._duration(summary.average_session_seconds) if summary.sessions else "\u2013",
            "endedByIdle": self.tr("%1 (%2%)")
            .replace("%1", number(summary.ended_by_idle))
            .replace("%2", percent(idle_share)),
            "range": self.tr("%1 to %2")
            .replace(
                "%1",
                latin_digits(locale.toString(_qdate(first), self.tr("d MMMM", "date format: day and month"))),
            )
            .replace(
                "%2",
                latin_digits(
                    locale.toString(_qdate(last), self.tr("d MMMM yyyy", "date format: day, month, year"))
                ),
            )
            if first and last
            else "",
            "byDay": by_day,
            "byHour": by_hour,
            "topItems": top_items,
            "videos": videos,
            "languages": languages,
            "searches": searches,
        }

    def _duration(self, seconds: float) -> str:
        whole = max(0, round(seconds))
        hours, rest = divmod(whole, 3600)
        minutes, secs = divmod(rest, 60)
        if hours:
            return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
        if minutes:
            return self.tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(secs))
        return self.tr("%1 s").replace("%1", str(secs))
