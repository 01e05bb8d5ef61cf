"""View models: the only objects QML talks to. They hold no content logic, only relay kiosk.core."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.core.pages import Navigation, Pages

# A page opened afresh: at its top, the keyboard focus where the view puts it.
_TOP: dict[str, Any] = {"contentY": 0.0, "focus": ""}


class KioskViewModel(QObject):
    """The page on screen and the ways to move: open a route, Back, Home."""

    pageChanged = Signal()
    # A new route, as opposed to the same page in another language: the view shows `place`.
    navigated = Signal()
    languageChanged = Signal()
    # About to leave the page on screen for another: the view reports its scroll (rememberScroll).
    leaving = Signal()

    def __init__(self, pages: Pages, language: str | None = None, start_route: str = "home") -> None:
        super().__init__()
        self._pages = pages
        self._navigation = Navigation(pages, start_route)
        self._language = language or pages.default_language
        self._page = pages.page(self._navigation.route, self._language)
        # Where the visitor was on each page of the history, for Back: one per history entry.
        self._places: list[dict[str, Any]] = []
        self._scroll_here = 0.0
        self._place: dict[str, Any] = _TOP

    def _refresh(self, changed: bool) -> None:
        if changed:
            self._page = self._pages.page(self._navigation.route, self._language)
            # The view swaps its page component first, so the old one never binds to the new data.
            self.navigated.emit()
            self.pageChanged.emit()

    def current_page(self) -> dict[str, Any]:
        return self._page

    def current_route(self) -> str:
        return self._navigation.route

    @Property(dict, notify=pageChanged)
    def page(self) -> dict[str, Any]:
        return self._page

    @Property(str, notify=pageChanged)
    def route(self) -> str:
        return self._navigation.route

    @Property(dict, notify=pageChanged)
    def place(self) -> dict[str, Any]:
        """Where to show the page: `contentY`, and `focus`, the route of the card to give the keyboard
        focus to (the one the visitor opened, when Back brings them to a page again) or ""."""
        return self._place

    @Slot(float)
    def rememberScroll(self, content_y: float) -> None:
        """The view's answer to `leaving`: how far the page on screen is scrolled."""
        self._scroll_here = max(0.0, content_y)

    @Property(bool, notify=pageChanged)
    def canGoBack(self) -> bool:
        return self._navigation.can_go_back

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self._language

    @Property(list, constant=True)
    def languages(self) -> list[dict[str, Any]]:
        return self._pages.language_choices()

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        """The same page, in another language: the visitor stays where they are."""
        if language == self._language or language not in self._pages.languages:
            return
        self._language = language
        self.languageChanged.emit()
        self._page = self._pages.page(self._navigation.route, self._language)
        self.pageChanged.emit()

    def current_language(self) -> str:
        return self._language

    @Slot(str)
    def open(self, route: str) -> None:
        self._scroll_here = 0.0
        self.leaving.emit()
        place = {"contentY": self._scroll_here, "focus": route}
        depth = len(self._navigation.history)
        changed = self._navigation.open(route)
        if len(self._navigation.history) > depth:
            self._places.append(place)
        if changed:
            self._follow_history(_TOP)
        self._refresh(changed)

    @Slot()
    def back(self) -> None:
        depth = len(self._navigation.history)
        changed = self._navigation.back()
        returned = self._places.pop() if len(self._navigation.history) < depth and self._places else _TOP
        if changed:
            self._follow_history(returned)
        self._refresh(changed)

    @Slot()
    def home(self) -> None:
        changed = self._navigation.home()
        if changed:
            self._follow_history(_TOP)
        self._refresh(changed)

    def show(self, route: str) -> None:
        """Jump straight to a route with no history, as a snapshot or a deep link does."""
        self._navigation.jump(route)
        self._follow_history(_TOP)
        self._refresh(True)

    def _follow_history(self, place: dict[str, Any]) -> None:
        # Home and a jump clear the history: the places go with it.
        del self._places[len(self._navigation.history) :]
        self._place = place
