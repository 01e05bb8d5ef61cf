"""Run by test_video_on_screen.py in a child process on an X server (Xvfb): the QML Video item draws
nothing on the offscreen platform, so pictures on screen can only be seen on a real display.

Plays a bundled video on its page, grabs the window twice a second apart, and reports as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtQuick import QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import application, build_window


def item_rect(window: QQuickWindow, name: str) -> list[int]:
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName() == name and item.isVisible():
            corner = item.mapToScene(item.boundingRect().topLeft())
            return [round(corner.x()), round(corner.y()), round(item.width()), round(item.height())]
        stack.extend(item.childItems())
    return []


def main() -> int:
    route, out = sys.argv[1], Path(sys.argv[2])
    application()
    result = load_content(paths.bundled_content())
    assert result.compiled is not None
    shown = build_window(
        Pages(result.compiled, paths.bundled_content()), size=QSize(1600, 1000), animate=False
    )
    QTest.qWaitForWindowExposed(shown.window)
    shown.kiosk.show(route)
    QTest.qWait(300)
    player = shown.player
    player.set_muted(True)
    player.play()
    for _ in range(100):  # up to 10 s for pictures and the first caption
        QTest.qWait(100)
        if player.frame_count() > 5 and player.property("captionText"):
            break
    first = shown.window.grabWindow()
    QTest.qWait(1000)
    second = shown.window.grabWindow()
    first.save(str(out / "first.png"))
    second.save(str(out / "second.png"))
    report = {
        "state": player.state(),
        "frames": player.frame_count(),
        "caption": player.property("captionText"),
        "video": item_rect(shown.window, "videoArea"),
        "captionBox": item_rect(shown.window, "captionBox"),
        "size": [first.width(), first.height()],
    }
    (out / "report.json").write_text(json.dumps(report), encoding="utf-8")
    shown.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
