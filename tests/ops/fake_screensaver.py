"""A stand-in for a desktop's screen saver service on a private D-Bus bus, for test_screensaver.py.

Run as: python fake_screensaver.py BUS_ADDRESS OBJECT_PATH RECORD_FILE. It answers Inhibit and
UnInhibit with the real signatures (a strict QtDBus service, as KDE's is: an UnInhibit whose cookie is
not an unsigned integer finds no method) and appends each call to RECORD_FILE, after a first line
"ready" once the service has its name on the bus.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

# Above 2**31, so a cookie squeezed through a signed integer anywhere would show.
FIRST_COOKIE = 4_000_000_000


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class FakeScreenSaver(QObject):
    def __init__(self, record: Path) -> None:
        super().__init__()
        self.record = record
        self.next_cookie = FIRST_COOKIE

    def note(self, line: str) -> None:
        with self.record.open("a", encoding="utf-8") as stream:
            stream.write(line + "\n")

    # Named as the D-Bus methods are: QtDBus exports slots under their Python names.
    @Slot(str, str, result="uint")
    def Inhibit(self, application: str, reason: str) -> int:
        cookie = self.next_cookie
        self.next_cookie += 1
        self.note(f"Inhibit {cookie} {application}|{reason}")
        return cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:
        self.note(f"UnInhibit {cookie}")


def main() -> int:
    address, object_path, record = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-screensaver")
    service = FakeScreenSaver(record)
    if not bus.registerObject(object_path, service, QDBusConnection.RegisterOption.ExportAllSlots):
        return 1
    if not bus.registerService("org.freedesktop.ScreenSaver"):
        return 1
    service.note("ready")
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
