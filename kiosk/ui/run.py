"""The windowed app's event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QTimer

from kiosk.core.pages import Pages
from kiosk.ui.app import application, build_window


def run_window(
    compiled: dict[str, Any],
    content_root: Path,
    *,
    size: tuple[int, int] | None = None,
    start_route: str = "home",
    quit_after_first_frame: bool = False,
) -> int:
    app = application(sys.argv[:1])
    pages = Pages(compiled, content_root)
    if not pages.exists(start_route):
        print(f"No page has the route '{start_route}'; opening the home page.", file=sys.stderr)
    try:
        shown = build_window(pages, size=QSize(*size) if size else None, start_route=start_route)
    except RuntimeError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    if quit_after_first_frame:

        def first_frame() -> None:
            print("first-frame", flush=True)
            QTimer.singleShot(0, app.quit)

        shown.window.frameSwapped.connect(first_frame)
    status = app.exec()
    shown.dispose()
    return status
