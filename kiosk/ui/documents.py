"""The document viewer: one PDF at a time, pages rendered on demand for the QML page view."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QSize, Signal, Slot
from PySide6.QtGui import QColor, QImage

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
from PySide6.QtQuick import QQuickImageProvider

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
        self._revision = 0

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

    @Property(str, notify=pageChanged)
    def pageSource(self) -> str:
        """The image URL of the current page; changes whenever the picture must be redrawn."""
        if self._status != "ready":
            return ""
        return f"image://pdf/{self._revision}/{self._page}"

    @Slot(int, result=str)
    def pageUrl(self, index: int) -> str:
        """The image URL of any page, for the swipeable strip of pages."""
        if self._status != "ready":
            return ""
        return f"image://pdf/{self._revision}/{index}"

    def show_page(self, page: dict[str, Any]) -> None:
        if page.get("itemKind") == "document" and page.get("mediaPath"):
            if page["mediaPath"] != self._path:
                self.load(page["mediaPath"])
        else:
            self.close()

    def load(self, path: str) -> None:
        self.close()
        self._path = path
        self._revision += 1
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
        self.documentChanged.emit()
        self.pageChanged.emit()

    @Slot()
    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document.deleteLater()
            self._document = None
        self._path = ""
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

    def render(self, page: int, width: int) -> QImage:
        if self._document is None or not 0 <= page < self._document.pageCount():
            return QImage()
        points = self._document.pagePointSize(page)
        width = max(16, min(width, 6000))
        height = round(width * points.height() / points.width()) if points.width() > 0 else width
        image = self._document.render(page, QSize(width, height))
        # PDFs without a page background would show the kiosk's colour through.
        if image.hasAlphaChannel():
            opaque = QImage(image.size(), QImage.Format.Format_RGB32)
            opaque.fill(QColor("white"))
            from PySide6.QtGui import QPainter

            painter = QPainter(opaque)
            painter.drawImage(0, 0, image)
            painter.end()
            return opaque
        return image


class PdfPageProvider(QQuickImageProvider):
    """image://pdf/<revision>/<page>, drawn at the width the view asks for."""

    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._viewer = viewer

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:
        try:
            page = int(image_id.split("/")[1])
        except (IndexError, ValueError):
            return QImage()
        image = self._viewer.render(page, requested.width() if requested.width() > 0 else 1200)
        if image.isNull():
            # A request that outlived its document (the visitor switched language, and with it the
            # PDF): a blank page, which the new document's pages replace at once, and no warning.
            image = QImage(1, 1, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
