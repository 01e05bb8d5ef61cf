from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, QPointF, QSize, Qt, QTimer
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window, load_fonts


@pytest.fixture(scope="session")
def bundled_pages() -> Pages:
    result = load_content(paths.bundled_content())
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, paths.bundled_content())


@pytest.fixture(scope="session", autouse=True)
def fonts(qapp: Any) -> None:
    load_fonts(paths.fonts())


def open_window(pages: Pages, size: tuple[int, int] = (1920, 1080)) -> KioskWindow:
    shown = build_window(pages, size=QSize(*size), animate=False)
    QTest.qWaitForWindowExposed(shown.window)
    return shown


@pytest.fixture
def kiosk_window(qtbot: Any, bundled_pages: Pages) -> Iterator[KioskWindow]:
    shown = open_window(bundled_pages)
    yield shown
    shown.dispose()


@pytest.fixture
def opened() -> Iterator[list[KioskWindow]]:
    """Windows a test opens (several languages, several contents), torn down after it."""
    windows: list[KioskWindow] = []
    yield windows
    # QR codes are drawn by a Python image provider on Qt's image thread: let any drawing under way
    # finish (pause lets go of Python's lock) before the engine waits for that thread.
    pause(300)
    for shown in windows:
        shown.dispose()


def all_items(root: QQuickItem) -> Iterator[QQuickItem]:
    yield root
    for child in root.childItems():
        yield from all_items(child)


def media_settled(window: QQuickWindow, timeout_ms: int = 5_000) -> None:
    """A video's player and a document's pages are made just after their page's first frame, in a
    place kept for them: wait for them as a visitor's eye does (a frame or two), never for long."""

    def placeholder_shown() -> bool:
        return any(
            item.objectName() == "mediaPlaceholder" and item.isVisible()
            for item in all_items(window.contentItem())
        )

    waited = 0
    while placeholder_shown() and waited < timeout_ms:
        pause(10)
        waited += 10


def find(window: QQuickWindow, name: str) -> QQuickItem:
    """The visible item a person would see with this objectName."""
    media_settled(window)
    matches = [i for i in all_items(window.contentItem()) if i.objectName() == name and i.isVisible()]
    assert matches, f"nothing visible is named {name!r}"
    return matches[0]


def names(window: QQuickWindow, prefix: str) -> list[str]:
    media_settled(window)
    return [
        i.objectName()
        for i in all_items(window.contentItem())
        if i.objectName().startswith(prefix) and i.isVisible()
    ]


def text_of(window: QQuickWindow, name: str) -> str:
    return str(find(window, name).property("text"))


class BoothClock:
    """The visitor session's clock, moved on by the test: each step is a tick of the session."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float, shown: KioskWindow) -> None:
        self.now += seconds
        shown.session.tick()


@pytest.fixture
def clock() -> BoothClock:
    return BoothClock()


def pause(milliseconds: int) -> None:
    """Let Qt run for a while, letting go of Python's interpreter lock as the app's own event loop
    does. QTest.qWait keeps the lock, so a Qt thread that calls Python (an image provider) while the
    GUI thread waits on that thread hangs both: a hang no kiosk would have, only a test."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_until(condition: Any, timeout_ms: int = 10_000) -> None:
    """Let Qt run until the condition holds (or the time is up: the assertion after it says what failed).
    Returning as soon as it holds, it can allow a busy machine plenty of time."""
    waited = 0
    while not condition() and waited < timeout_ms:
        pause(20)
        waited += 20


def focused(window: QQuickWindow) -> QQuickItem:
    item = window.activeFocusItem()
    assert item is not None, "nothing has the keyboard focus"
    return item


def focused_name(window: QQuickWindow) -> str:
    return focused(window).objectName()


def settled_centre(item: QQuickItem) -> QPointF:
    """Where the item's middle is once layouts have settled: a person taps what is drawn."""
    previous = None
    for _ in range(100):
        pause(15)
        if item.width() > 0 and item.height() > 0:
            centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
            if centre == previous:
                return centre
            previous = centre
    raise AssertionError(f"{item.objectName()} never settled in place")


def tap(window: QQuickWindow, item: QQuickItem) -> None:
    """A finger on the middle of the item; it must be on screen, as for a visitor."""
    centre = settled_centre(item).toPoint()
    assert 0 <= centre.x() < window.width() and 0 <= centre.y() < window.height(), (
        f"{item.objectName()} is off screen at {centre}"
    )
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def save_grab(window: QQuickWindow, path: Path) -> None:
    assert window.grabWindow().save(str(path))
