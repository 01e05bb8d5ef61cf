"""The windowed app's event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QTimer

from kiosk import paths
from kiosk.core.pages import Pages
from kiosk.ui.app import application, build_window
from kiosk.ui.keyboard import use_on_screen_keyboard


def run_window(
    compiled: dict[str, Any],
    content_root: Path,
    *,
    size: tuple[int, int] | None = None,
    start_route: str = "home",
    quit_after_first_frame: bool = False,
    touch_keyboard: str = "auto",
) -> int:
    on_screen_keyboard = use_on_screen_keyboard(touch_keyboard)
    app = application(sys.argv[:1])
    pages = Pages(compiled, content_root)
    if not pages.exists(start_route):
        print(f"No page has the route '{start_route}'; opening the home page.", file=sys.stderr)
    try:
        shown = build_window(
            pages,
            size=QSize(*size) if size else None,
            start_route=start_route,
            # In a window the visitor's reading preferences are remembered from one run to the next.
            preferences_store=paths.user_config() / "preferences.json",
            touch_keyboard=on_screen_keyboard,
        )
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
