"""Run by test_on_screen_keyboard.py in a child process: Qt Virtual Keyboard is chosen when the
QGuiApplication starts (QT_IM_MODULE), so it cannot be switched on inside the test process.

Opens the kiosk in French with the on-screen keyboard, goes to search, types on the keyboard's own
keys, switches to Spanish and types again; prints one line of JSON with what it saw.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import application, build_window
from kiosk.ui.keyboard import use_on_screen_keyboard


def items(root: QQuickItem) -> list[QQuickItem]:
    found = [root]
    for child in root.childItems():
        found.extend(items(child))
    return found


def named(window: QQuickWindow, name: str) -> QQuickItem | None:
    for item in items(window.contentItem()):
        if item.objectName() == name and item.isVisible():
            return item
    return None


def rect(item: QQuickItem | None) -> list[float]:
    if item is None:
        return []
    r = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    return [r.x(), r.y(), r.width(), r.height()]


def wait(condition: Any, ms: int = 3000) -> bool:
    for _ in range(ms // 20):
        if condition():
            return True
        QTest.qWait(20)
    return bool(condition())


def touch(window: QQuickWindow, item: QQuickItem) -> None:
    QTest.qWait(30)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.qWait(30)


def main() -> int:
    # The app's own switch, before the application exists, as `kiosk --touch-keyboard on` does.
    chosen = use_on_screen_keyboard("on")
    report: dict[str, Any] = {"chosen": chosen, "imModule": os.environ.get("QT_IM_MODULE", "")}
    application()
    result = load_content(paths.bundled_content())
    assert result.compiled is not None
    shown = build_window(
        Pages(result.compiled, paths.bundled_content()),
        size=QSize(1920, 1080),
        animate=False,
        language="fr",
        touch_keyboard=True,
    )
    window = shown.window
    QTest.qWaitForWindowExposed(window)
    window.requestActivate()
    loader = named(window, "keyboardLoader")
    assert loader is not None, "no keyboardLoader"
    panel = next(i for i in loader.childItems() if i.objectName() == "keyboard")
    method = QGuiApplication.inputMethod()

    def key(text: str) -> QQuickItem:
        for item in items(panel):
            is_key = item.isVisible() and "Key" in item.metaObject().className()
            if is_key and str(item.property("text")) == text:
                return item
        raise LookupError(f"no key {text!r} on the keyboard")

    def letter_rows() -> list[str]:
        rows: dict[int, list[tuple[float, str]]] = {}
        for item in items(panel):
            text = str(item.property("text") or "")
            if item.isVisible() and "Key" in item.metaObject().className() and len(text) == 1:
                corner = item.mapToScene(QPointF(0, 0))
                rows.setdefault(round(corner.y()), []).append((corner.x(), text))
        return ["".join(t for _, t in sorted(row)) for _, row in sorted(rows.items())]

    def type_on_keys(text: str) -> None:
        for character in text:
            touch(window, key(character))

    report["home"] = {"keyboardVisible": panel.isVisible(), "inputMethodVisible": method.isVisible()}

    touch(window, named(window, "searchButton"))  # type: ignore[arg-type]
    wait(lambda: shown.kiosk.route == "search")
    wait(lambda: shown.search.property("state") == "ready", 10000)
    field = named(window, "searchField")
    assert field is not None
    touch(window, field)
    wait(lambda: panel.isVisible())
    QTest.qWait(300)  # the keyboard slides in
    report["fr"] = {
        "route": shown.kiosk.route,
        "fieldFocus": field.hasActiveFocus(),
        "keyboardVisible": panel.isVisible(),
        "panelLocale": str(panel.property("locale")),
        "inputLocale": method.locale().name(),
        "rows": letter_rows(),
    }
    type_on_keys("recru")
    wait(lambda: bool(shown.search.property("results")))
    results = shown.search.property("results")
    report["fr"].update(
        field=str(field.property("text")),
        query=shown.search.property("query"),
        firstResult=results[0]["route"] if results else "",
        firstTitle=results[0]["title"] if results else "",
    )
    inner = next((i for i in panel.childItems() if i.objectName() == "keyboard"), None)
    report["geometry"] = {
        "window": [window.width(), window.height()],
        "panel": rect(panel),
        "keys": rect(inner),
        "keyboardRectangle": [
            method.keyboardRectangle().x(),
            method.keyboardRectangle().y(),
            method.keyboardRectangle().width(),
            method.keyboardRectangle().height(),
        ],
        "results": rect(named(window, "searchResults")),
        "scale": shown.engine.singletonInstance("FairMigrationKiosk", "Theme").property("scale"),
    }

    touch(window, named(window, "language:es"))  # type: ignore[arg-type]
    wait(lambda: str(panel.property("locale")) == "es_ES")
    wait(lambda: method.locale().name() == "es_ES")
    QTest.qWait(200)
    report["es"] = {
        "route": shown.kiosk.route,
        "fieldKept": str(field.property("text")),
        "panelLocale": str(panel.property("locale")),
        "inputLocale": method.locale().name(),
        "rows": letter_rows(),
    }
    touch(window, named(window, "searchClear"))  # type: ignore[arg-type]
    wait(lambda: not str(field.property("text")))
    if not panel.isVisible():
        touch(window, field)
        wait(lambda: panel.isVisible())
        QTest.qWait(300)
    type_on_keys("contrat")
    wait(lambda: bool(shown.search.property("results")))
    results = shown.search.property("results")
    report["es"].update(
        field=str(field.property("text")),
        firstResult=results[0]["route"] if results else "",
        firstTitle=results[0]["title"] if results else "",
    )

    # Heard as a named pane while it is up; Escape puts it away and does nothing more: the page stays
    # and the field keeps the focus.
    heard = QAccessible.queryAccessibleInterface(panel)
    report["escape"] = {
        "role": heard.role().name if heard is not None else "",
        "name": heard.text(QAccessible.Text.Name) if heard is not None else "",
    }
    window.requestActivate()
    wait(lambda: window.isActive())
    QTest.keyClick(window, Qt.Key.Key_Escape)
    wait(lambda: not panel.isVisible())
    report["escape"].update(
        keyboardVisible=panel.isVisible(), route=shown.kiosk.route, fieldFocus=field.hasActiveFocus()
    )

    # Leaving the search page puts the keyboard away.
    touch(window, named(window, "homeButton"))  # type: ignore[arg-type]
    wait(lambda: shown.kiosk.route == "home")
    wait(lambda: not panel.isVisible())
    report["afterHome"] = {"keyboardVisible": panel.isVisible(), "inputMethodVisible": method.isVisible()}

    shown.kiosk.setLanguage("en")
    shown.dispose()
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
