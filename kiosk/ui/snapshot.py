"""Render routes to PNG offscreen: for editors proofing content, for tests and for reviews."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize
from PySide6.QtQuick import QQuickItem

from kiosk.core.pages import SEARCH, Pages
from kiosk.core.preferences import Preferences
from kiosk.ui.app import application, build_window


def _wait_for_images(root: QQuickItem, timeout_s: float = 3.0) -> None:
    """Let pictures that load asynchronously arrive, so a snapshot never shows a blank page."""
    deadline = time.monotonic() + timeout_s

    def loading(item: QQuickItem) -> bool:
        if not item.isVisible():
            return False
        # A video's player or a document's pages, made just after the page's first frame.
        if item.objectName() == "mediaPlaceholder":
            return True
        # Read through "progress": the status enums of images and loaders do not reach Python.
        if (
            # PDF pages (QtQuick.Pdf's PdfPageImage) are images too.
            item.metaObject().className().startswith(("QQuickImage", "QQuickPdfPageImage"))
            and str(item.property("source").toString() if item.property("source") else "")
            and float(item.property("progress")) < 1.0
        ):
            return True
        return any(loading(child) for child in item.childItems())

    while loading(root) and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    QCoreApplication.processEvents()


@dataclass(frozen=True)
class Shot:
    route: str
    language: str
    target: Path


def render_routes(
    pages: Pages,
    shots: list[Shot],
    size: tuple[int, int],
    *,
    query: str = "",
    preferences: Preferences | None = None,
    at: datetime.datetime | None = None,
) -> Iterator[Shot]:
    """`at`: the kiosk's clock stands still at this moment (the programme's now and next)."""
    application()
    if at is None:
        shown = build_window(pages, size=QSize(*size), animate=False)
    else:
        shown = build_window(pages, size=QSize(*size), animate=False, wall_clock=lambda: at)
    try:
        if preferences is not None:
            shown.preferences.setTextSize(preferences.text_size)
            shown.preferences.setHighContrast(preferences.high_contrast)
            shown.preferences.setReducedMotion(preferences.reduced_motion)
        if any(shot.route == SEARCH for shot in shots):
            # A search page is shown with its results, not with "Getting search ready".
            shown.search.prepare()
            shown.search.wait_until_prepared()
            QCoreApplication.processEvents()
            shown.search.setQuery(query)
        for shot in shots:
            shown.kiosk.setLanguage(shot.language)
            shown.kiosk.show(shot.route)
            QCoreApplication.processEvents()
            _wait_for_images(shown.window.contentItem())
            image = shown.window.grabWindow()
            shot.target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(shot.target)):
                raise OSError(f"could not write {shot.target}")
            yield shot
    finally:
        shown.dispose()
