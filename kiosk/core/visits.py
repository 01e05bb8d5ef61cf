"""What a visitor did, turned into the few events the local record keeps.

The UI reports every small happening (a page shown, a video's position, a search typed letter by
letter); this class decides what is one page view, one video watched, one search, and when a visit
begins and ends. It keeps no personal data and knows nothing of Qt or SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

# The loop that plays to an empty booth: time spent there is nobody's visit.
NOT_A_VISIT_ROUTES = frozenset({"attract"})
# Why a visit ended when staff opened the admin panel.
STAFF = "staff"
# Position updates further apart than this are a seek (or a stall), not seconds watched.
LONGEST_PLAYING_STEP_SECONDS = 2.0


class VisitRecorder(Protocol):
    def session_start(self, language: str) -> None: ...
    def page(self, route: str, seconds: float, language: str) -> None: ...
    def video(
        self,
        item: str,
        language: str,
        watched_seconds: float,
        duration_seconds: float,
        furthest_fraction: float,
    ) -> None: ...
    def document(self, item: str, language: str) -> None: ...
    def search(self, query: str, results: int, language: str) -> None: ...
    def language(self, from_language: str, to_language: str) -> None: ...
    def session_end(self, reason: str, unattended_seconds: float = 0.0) -> None: ...
    def discard_session(self) -> None: ...


@dataclass
class _Viewing:
    item: str
    language: str
    duration: float = 0.0
    last_position: float | None = None
    furthest: float = 0.0
    watched: float = 0.0


class VisitTracker:
    def __init__(self, recorder: VisitRecorder, clock: Callable[[], float]) -> None:
        self._recorder = recorder
        self._clock = clock
        self._visiting = False
        self._language = ""
        self._route: str | None = None
        self._route_since = 0.0
        self._viewing: _Viewing | None = None
        self._query = ""
        self._query_results = 0
        # Whether the visitor did anything beyond looking at the first page: staff who wake the
        # kiosk only to open the admin panel did not.
        self._acted = False
        self._pages_shown = 0

    @property
    def visiting(self) -> bool:
        return self._visiting

    def arrive(self, language: str) -> None:
        if self._visiting:
            self.leave("new visitor")
        self._visiting = True
        self._language = language
        self._route = None
        self._acted = False
        self._pages_shown = 0
        self._recorder.session_start(language)

    def leave(self, reason: str, unattended_seconds: float = 0.0) -> None:
        """`unattended_seconds`: how long nobody has been there (an idle reset's wait and countdown),
        left out of the last page's time and of the visit's length."""
        if not self._visiting:
            return
        self._visiting = False
        if reason == STAFF and not self._acted:
            self._route, self._viewing, self._query = None, None, ""
            self._recorder.discard_session()
            return
        self._end_page(unattended_seconds)
        self._recorder.session_end(reason, unattended_seconds)

    def show(self, route: str, language: str, item_kind: str | None = None) -> None:
        """A page is on screen; the same route again (a language switch) is the same page view."""
        if not self._visiting:
            return
        if language != self._language:
            self.switch_language(language)
        if route == self._route:
            return
        self._end_page()
        if route in NOT_A_VISIT_ROUTES:
            return
        self._pages_shown += 1
        self._acted = self._acted or self._pages_shown > 1
        self._route = route
        self._route_since = self._clock()
        item = route.removeprefix("item/") if route.startswith("item/") else None
        if item is not None and item_kind == "document":
            self._recorder.document(item, language)
        if item is not None and item_kind == "video":
            self._viewing = _Viewing(item, language)

    def switch_language(self, language: str) -> None:
        if not self._visiting or language == self._language:
            return
        self._recorder.language(self._language, language)
        self._language = language
        self._acted = True
        if self._viewing is not None:
            # The narrated version in the new language goes on from the same moment.
            self._viewing.language = language

    def video_position(self, position_seconds: float, duration_seconds: float, playing: bool) -> None:
        viewing = self._viewing
        if viewing is None:
            return
        if duration_seconds > 0:
            viewing.duration = duration_seconds
        self._acted = self._acted or playing
        if playing and viewing.last_position is not None:
            step = position_seconds - viewing.last_position
            if 0 < step <= LONGEST_PLAYING_STEP_SECONDS:
                viewing.watched += step
        if playing or viewing.last_position is not None:
            viewing.furthest = max(viewing.furthest, position_seconds)
        viewing.last_position = position_seconds if playing else None

    def search_typed(self, query: str, results: int) -> None:
        """Called at every keystroke: a search is what the visitor settled on, so a query that only
        grows or shrinks the last one replaces it, and a different one keeps the last."""
        if not self._visiting:
            return
        query = " ".join(query.split())
        previous = self._query
        if previous and query and not (query.startswith(previous) or previous.startswith(query)):
            self._record_search()
        self._acted = self._acted or bool(query)
        # A cleared box keeps what was searched until the page is left or another search is typed.
        if query:
            self._query, self._query_results = query, results

    def _record_search(self) -> None:
        if self._query:
            self._recorder.search(self._query, self._query_results, self._language)
        self._query, self._query_results = "", 0

    def _end_page(self, unattended_seconds: float = 0.0) -> None:
        if self._route is not None:
            seconds = max(0.0, self._clock() - self._route_since - unattended_seconds)
            self._recorder.page(self._route, seconds, self._language)
            self._route = None
        if self._viewing is not None:
            viewing, self._viewing = self._viewing, None
            if viewing.watched > 0 or viewing.furthest > 0:
                fraction = min(1.0, viewing.furthest / viewing.duration) if viewing.duration > 0 else 0.0
                self._recorder.video(
                    viewing.item, viewing.language, round(viewing.watched, 1), viewing.duration, fraction
                )
        self._record_search()
