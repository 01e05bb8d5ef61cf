"""View models: the only objects QML talks to. They hold no content logic, only relay kiosk.core."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.core.pages import Navigation, Pages


class KioskViewModel(QObject):
    """The page on screen and the ways to move: open a route, Back, Home."""

    pageChanged = Signal()
    # A new route, as opposed to the same page in another language: the view scrolls to the top.
    navigated = Signal()
    languageChanged = Signal()

    def __init__(self, pages: Pages, language: str | None = None, start_route: str = "home") -> None:
        super().__init__()
        self._pages = pages
        self._navigation = Navigation(pages, start_route)
        self._language = language or pages.default_language
        self._page = pages.page(self._navigation.route, self._language)

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
        self._refresh(self._navigation.open(route))

    @Slot()
    def back(self) -> None:
        self._refresh(self._navigation.back())

    @Slot()
    def home(self) -> None:
        self._refresh(self._navigation.home())

    def show(self, route: str) -> None:
        """Jump straight to a route with no history, as a snapshot or a deep link does."""
        self._navigation.jump(route)
        self._refresh(True)
