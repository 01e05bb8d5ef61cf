"""A helper the window-system tests run on the test display: it grabs the screen and plays the other
program whose window covers the kiosk. Commands on standard input, one a line; it answers `ok`."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSocketNotifier, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QRasterWindow


class Intruder(QRasterWindow):
    """Another program's window, as pushy as they come: full screen, kept above, taking the focus."""

    def paintEvent(self, _event: object) -> None:
        QPainter(self).fillRect(0, 0, self.width(), self.height(), QColor("#ff00ff"))


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    intruder = Intruder()
    intruder.setTitle("intruder")
    intruder.setFlags(intruder.flags() | Qt.WindowType.WindowStaysOnTopHint)

    def command() -> None:
        line = sys.stdin.readline()
        if not line:
            app.exit(0)
            return
        name, _, argument = line.strip().partition(" ")
        if name == "grab":
            screen = QGuiApplication.primaryScreen()
            screen.grabWindow(0).save(argument, "PNG")
        elif name == "intrude":
            intruder.showFullScreen()
            intruder.raise_()
            intruder.requestActivate()
        elif name == "withdraw":
            intruder.hide()
        print("ok", flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
