"""The baseline for start-up: a bare QML window of the same size, with one line of text."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine

QML = b"""
import QtQuick
Window {
    width: %d; height: %d; visible: true
    Text { anchors.centerIn: parent; text: "Fair migration agenda"; font.pixelSize: 48 }
}
"""


def main() -> int:
    width, height = (int(v) for v in sys.argv[1].split("x")) if len(sys.argv) > 1 else (1920, 1080)
    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.loadData(QML % (width, height))
    window = engine.rootObjects()[0]

    def first_frame() -> None:
        print("first-frame", flush=True)
        QTimer.singleShot(0, app.quit)

    window.frameSwapped.connect(first_frame)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
