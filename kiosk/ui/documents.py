"""The document viewer: one PDF at a time; which page, how large, and whether it can be shown.

The pages themselves are drawn by QtQuick.Pdf in C++ (PdfPageImage, in DocumentPanel.qml), never by
Python: a Python image provider runs on Qt's image thread, and a GUI thread holding Python's lock
while it waits on that thread hangs both. This object opens the file on the GUI thread only to learn
its page count, page sizes and, for a file that cannot be shown, why.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

from kiosk.ui.translations import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

ZOOM_STEPS = (1.0, 1.5, 2.0, 3.0)
# Keyed by QPdfDocument.Error names: QtPdf is loaded only when a document is first opened.
# Shown to visitors through qsTranslate("Failures", ...) in QML; logged in English.
FAILURE_TEXT = {
    "FileNotFound": QT_TRANSLATE_NOOP("Failures", "The document file is missing."),
    "InvalidFileFormat": QT_TRANSLATE_NOOP("Failures", "The document file is damaged or is not a PDF."),
    "IncorrectPassword": QT_TRANSLATE_NOOP("Failures", "The document is protected by a password."),
    "UnsupportedSecurityScheme": QT_TRANSLATE_NOOP(
        "Failures", "The document is protected and cannot be opened."
    ),
}
GENERIC_FAILURE = QT_TRANSLATE_NOOP("Failures", "The document cannot be opened.")


class DocumentViewer(QObject):
    """Follows the page on screen: opens the item's PDF, turns pages, zooms; closes it on leaving."""

    # Separate signals: a page turn must not look like a new document to the page strip.
    documentChanged = Signal()
    pageChanged = Signal()
    zoomChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._document: QPdfDocument | None = None
        self._path = ""
        self._status = "empty"  # empty, ready, failed
        self._failure = ""
        self._page = 0
        self._zoom_index = 0
        self._route = ""
        # Where this visitor left each document (route: page), until the visitor session ends.
        self._left_at: dict[str, int] = {}

    @Property(str, notify=documentChanged)
    def status(self) -> str:
        return self._status

    @Property(str, notify=documentChanged)
    def failure(self) -> str:
        return self._failure

    @Property(int, notify=documentChanged)
    def pageCount(self) -> int:
        return self._document.pageCount() if self._document and self._status == "ready" else 0

    @Property(int, notify=pageChanged)
    def page(self) -> int:
        return self._page

    @Property(float, notify=zoomChanged)
    def zoom(self) -> float:
        return ZOOM_STEPS[self._zoom_index]

    @Property(bool, notify=zoomChanged)
    def canZoomIn(self) -> bool:
        return self._zoom_index < len(ZOOM_STEPS) - 1

    @Property(bool, notify=zoomChanged)
    def canZoomOut(self) -> bool:
        return self._zoom_index > 0

    @Property(float, notify=pageChanged)
    def pageAspect(self) -> float:
        """Height over width of the current page, so the view can size it before it is drawn."""
        if not self._document or self._status != "ready":
            return 1.414
        size = self._document.pagePointSize(self._page)
        return size.height() / size.width() if size.width() > 0 else 1.414

    @Property(str, notify=documentChanged)
    def source(self) -> str:
        """The file QtQuick.Pdf draws the pages from; empty unless the document can be shown."""
        if self._status != "ready":
            return ""
        from PySide6.QtCore import QUrl  # named with the first document: its class costs 0.7 ms

        return QUrl.fromLocalFile(self._path).toString()

    def show_page(self, page: dict[str, Any]) -> None:
        if page.get("itemKind") == "document" and page.get("mediaPath"):
            route, start = page.get("route", ""), int(page.get("documentPage") or 0)
            # The same route in another language keeps the page the visitor was reading; a document
            # left and come back to (Back) opens where they left it; a search hit, at its own page.
            if self._route and route != self._route and self._status == "ready":
                self._left_at[self._route] = self._page  # straight from one document to another
            if route == self._route:
                wanted = self._page
            elif start == 0 and route in self._left_at:
                wanted = self._left_at[route]
            else:
                wanted = start
            if page["mediaPath"] != self._path:
                self.load(page["mediaPath"], wanted)
            else:
                self.goTo(wanted)
            self._route = route
        else:
            self.close()

    def load(self, path: str, page: int = 0) -> None:
        # Straight from one file to the next, with no empty state between: the view would draw it.
        self._release()
        self._path = path
        self._failure = ""
        self._page = 0
        self._zoom_index = 0
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        error = "FileNotFound" if not Path(path).is_file() else document.load(path).name
        if error != "None_" or document.pageCount() < 1:
            log.warning("document %s cannot open: %s", path, error)
            document.deleteLater()
            self._failure = FAILURE_TEXT.get(error, GENERIC_FAILURE)
            self._status = "failed"
        else:
            self._document = document
            self._status = "ready"
            self._page = max(0, min(page, document.pageCount() - 1))
        self.documentChanged.emit()
        self.pageChanged.emit()
        self.zoomChanged.emit()

    def _release(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document.deleteLater()
            self._document = None

    def reset_visitor_state(self) -> None:
        """A visitor's session is over: the next visitor opens every document at its start."""
        self.close()
        self._left_at.clear()

    @Slot()
    def close(self) -> None:
        if self._route and self._status == "ready":
            self._left_at[self._route] = self._page
        self._release()
        self._path = ""
        self._route = ""
        self._status = "empty"
        self._failure = ""
        self._page = 0
        self._zoom_index = 0
        self.documentChanged.emit()
        self.pageChanged.emit()
        self.zoomChanged.emit()

    @Slot()
    def nextPage(self) -> None:
        self.goTo(self._page + 1)

    @Slot()
    def previousPage(self) -> None:
        self.goTo(self._page - 1)

    @Slot(int)
    def goTo(self, page: int) -> None:
        if self._document is None:
            return
        page = max(0, min(page, self._document.pageCount() - 1))
        if page != self._page:
            self._page = page
            self.pageChanged.emit()

    @Slot()
    def zoomIn(self) -> None:
        self._set_zoom(self._zoom_index + 1)

    @Slot()
    def zoomOut(self) -> None:
        self._set_zoom(self._zoom_index - 1)

    @Slot()
    def fitWidth(self) -> None:
        self._set_zoom(0)

    def _set_zoom(self, index: int) -> None:
        index = max(0, min(index, len(ZOOM_STEPS) - 1))
        if index != self._zoom_index:
            self._zoom_index = index
            self.zoomChanged.emit()
