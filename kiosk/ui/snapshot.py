"""Render routes to PNG offscreen: for editors proofing content, for tests and for reviews."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize

from kiosk.core.pages import Pages
from kiosk.ui.app import application, build_window


def render_routes(
    pages: Pages, targets: dict[str, Path], size: tuple[int, int]
) -> Iterator[tuple[str, Path]]:
    application()
    shown = build_window(pages, size=QSize(*size), animate=False)
    try:
        for route, target in targets.items():
            shown.kiosk.show(route)
            QCoreApplication.processEvents()
            image = shown.window.grabWindow()
            target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(target)):
                raise OSError(f"could not write {target}")
            yield route, target
    finally:
        shown.dispose()
