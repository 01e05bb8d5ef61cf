"""Starts the kiosk as `kiosk --quit-after-first-frame` does and writes, at its first frame, what start-up
paid for: the Python modules imported, the QML files the engine loaded (every URL it asked for, through
a URL interceptor), and the Loaders of the window with whether each has made its item.

    python tests/ui/first_frame_probe.py OUT.json [kiosk arguments...]

Run in a subprocess by tests/ui/test_first_frame_budget.py; nothing here is timed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# The kiosk of this checkout, whatever the environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
OUT = Path(sys.argv[1])
KIOSK_ARGUMENTS = sys.argv[2:]


def snapshot() -> dict[str, Any]:
    # Taken before anything below imports more than the kiosk did.
    modules = sorted(sys.modules)
    # PySide6 makes a class (and builds its enums) when a module first names it.
    qt_classes = sorted(
        f"{name}.{attribute}"
        for name, module in list(sys.modules.items())
        if name.startswith("PySide6.Qt")
        for attribute in vars(module)
        if attribute.startswith("Q")
    )
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickItem, QQuickWindow

    loaders = {}
    for window in QGuiApplication.topLevelWindows():
        if not isinstance(window, QQuickWindow):
            continue
        for item in window.findChildren(QQuickItem):
            # The page keeper (PageKeeper.qml) makes pages by file name as a Loader does.
            if item.inherits("QQuickLoader") or item.objectName() == "pageLoader":
                name = item.objectName() or f"(unnamed, source {item.property('source').toString()})"
                loaders[name] = item.property("item") is not None
    status = Path("/proc/self/status")
    memory = (
        [line for line in status.read_text().splitlines() if line.startswith(("VmRSS", "VmHWM"))]
        if status.exists()
        else []
    )
    import PySide6.QtCore

    # PySide6 builds the Python enums of Qt's namespace (about 20 ms) when `Qt` is first imported.
    qt_namespace = "Qt" in vars(PySide6.QtCore)
    import gc

    return {
        # Python's collector is off for the start (kiosk.cli), back on from the next turn of the loop.
        "garbage_collection": gc.isenabled(),
        "qt_namespace": qt_namespace,
        "modules": modules,
        "qt_classes": qt_classes,
        "qml": sorted(LOADED_QML),
        "loaders": loaders,
        "memory": memory,
    }


LOADED_QML: set[str] = set()


def trace_qml_files() -> None:
    """Every engine the kiosk makes records the .qml and .js files it loads."""
    from PySide6.QtQml import QQmlAbstractUrlInterceptor, QQmlApplicationEngine

    import kiosk.ui.app as wiring

    class Recorder(QQmlAbstractUrlInterceptor):
        def intercept(self, url: Any, kind: Any) -> Any:
            # A Loader's file name is resolved (UrlString) when it is set; the file is loaded
            # (QmlFile) only when the Loader makes its item, or a loaded file uses its type.
            if kind in (self.DataType.QmlFile, self.DataType.JavaScriptFile) and url.fileName():
                LOADED_QML.add(url.fileName())
            return url

    recorder = Recorder()

    class TracedEngine(QQmlApplicationEngine):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.addUrlInterceptor(recorder)

        def loadFromModule(self, *args: Any) -> None:
            super().loadFromModule(*args)
            # Connected before the wiring connects its own work for after the first frame (the search
            # index, the voices: threads that import as they go), so it runs before any of that.
            window = self.rootObjects()[0]
            written: list[bool] = []

            def first_frame() -> None:
                if not written:
                    written.append(True)
                    OUT.write_text(json.dumps(snapshot(), indent=1), encoding="utf-8")

            window.frameSwapped.connect(first_frame)

    wiring.QQmlApplicationEngine = TracedEngine  # type: ignore[misc]


def main() -> int:
    sys.argv = ["kiosk", *KIOSK_ARGUMENTS, "--quit-after-first-frame"]
    from kiosk.cli import main as kiosk_main

    # Only the command line module is imported before the tracing: the rest is the kiosk's own doing.
    trace_qml_files()
    return kiosk_main()


if __name__ == "__main__":
    raise SystemExit(main())
