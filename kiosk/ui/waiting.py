"""The "back in a moment" screen: what a booth shows while the supervisor waits for a new UI (after a
crash, during safe mode's back-off, while the next UI starts), so the screen is never black and
never the desktop.

It runs in a process of its own (`kiosk waiting-screen FILE`, started by the supervisor, which loads
no Qt), draws with QPainter alone (no QML, no content loading: it must start in a moment and cannot
itself fail on the content), and shows what the UI last wrote to FILE: the organisation's or the
agenda's name, and "Back in a moment" in each of the content's languages. Without that file it still
shows the words, in English. It ends when the supervisor ends it or goes away.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QRasterWindow, QTextOption

from kiosk.ui.translations import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

BACK_IN_A_MOMENT = QT_TRANSLATE_NOOP("WaitingScreen", "Back in a moment")
# Theme.qml's standard palette: the same calm page the kiosk shows.
BACKGROUND = "#F4F5F7"
TEXT = "#16202B"
MUTED_TEXT = "#485564"
ACCENT = "#0A4F8F"
# How often the screen checks that the supervisor that started it is still there.
PARENT_CHECK_MS = 1000


def waiting_screen_text(pages: Any, translate: Callable[[str, str, str], str]) -> dict[str, Any]:
    """What the waiting screen shows for this content: `translate(language, context, text)` gives the
    app's words in a language ("" when it has none)."""
    from kiosk.core.languages import is_right_to_left
    from kiosk.core.pages import localize

    default = pages.default_language
    organisation = pages.organisation(default)
    title = organisation.get("name") or localize(pages.agenda.get("title"), default)
    lines: list[dict[str, Any]] = []
    seen: set[str] = set()
    for language in pages.languages:
        text = translate(language, "WaitingScreen", BACK_IN_A_MOMENT) or BACK_IN_A_MOMENT
        if text not in seen:
            seen.add(text)
            lines.append({"language": language, "text": text, "rightToLeft": is_right_to_left(language)})
    return {
        "title": title,
        "titleRightToLeft": is_right_to_left(default),
        "accent": organisation.get("accent") or ACCENT,
        "lines": lines,
        "content": str(pages.content_root) if pages.content_root is not None else "",
    }


def write_waiting_screen(path: Path, shown: dict[str, Any]) -> None:
    """Replace FILE whole (a power cut leaves the old one or the new one, never half of one)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(shown, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        log.warning("Could not write what the waiting screen shows to %s: %s", path, exc)


def read_waiting_screen(path: Path | None) -> dict[str, Any]:
    """What FILE asks to show, or the words alone when it is missing or unreadable."""
    fallback: dict[str, Any] = {
        "title": "",
        "titleRightToLeft": False,
        "accent": ACCENT,
        "lines": [{"language": "en", "text": BACK_IN_A_MOMENT, "rightToLeft": False}],
        "content": "",
    }
    if path is None:
        return fallback
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return fallback
    if not isinstance(found, dict) or not isinstance(found.get("lines"), list) or not found["lines"]:
        return fallback
    shown = {**fallback, **found}
    shown["lines"] = [
        line for line in found["lines"] if isinstance(line, dict) and isinstance(line.get("text"), str)
    ] or fallback["lines"]
    if not QColor.isValidColorName(str(shown["accent"])):
        shown["accent"] = ACCENT
    return shown


class WaitingScreen(QRasterWindow):
    def __init__(self, shown: dict[str, Any]) -> None:
        super().__init__()
        self.shown = shown
        self.setTitle(str(shown.get("title") or "") or BACK_IN_A_MOMENT)
        self.setFlags(self.flags() | Qt.WindowType.FramelessWindowHint)

    def event(self, event: QEvent) -> bool:
        # Nothing here for a visitor to close.
        if event.type() == QEvent.Type.Close:
            event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        width, height = self.width(), self.height()
        painter.fillRect(0, 0, width, height, QColor(BACKGROUND))
        unit = max(8.0, min(width, height) / 40)
        painter.fillRect(QRectF(0, 0, width, unit / 2), QColor(str(self.shown["accent"])))
        margin = unit * 3
        top = height * 0.32
        title = str(self.shown.get("title") or "")
        if title:
            top = self._text(
                painter, title, top, margin, unit * 2.4, TEXT, bool(self.shown.get("titleRightToLeft"))
            )
            top += unit * 1.5
        for line in self.shown["lines"]:
            top = self._text(
                painter, line["text"], top, margin, unit * 1.4, MUTED_TEXT, bool(line.get("rightToLeft"))
            )
            top += unit * 0.5
        painter.end()

    def _text(
        self, painter: QPainter, text: str, top: float, margin: float, size: float, colour: str, rtl: bool
    ) -> float:
        font = QFont(QGuiApplication.font())
        font.setPixelSize(max(1, round(size)))
        painter.setFont(font)
        painter.setPen(QColor(colour))
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        area = QRectF(margin, top, self.width() - 2 * margin, self.height() - top)
        needed = painter.boundingRect(area, text, option)
        painter.drawText(area, text, option)
        return top + needed.height()


def run_waiting_screen(path: Path | None) -> int:
    """Show the waiting screen until ended (SIGTERM) or until the process that started it is gone."""
    from kiosk.booth import paths
    from kiosk.ui.fonts import load_bundled_fonts, load_content_fonts
    from kiosk.ui.onscreen import ScreenKeeper

    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("Fair Migration Kiosk")
    load_bundled_fonts(paths.fonts())
    shown = read_waiting_screen(path)
    if shown["content"] and Path(shown["content"]).is_dir():
        # The content's own fonts, for a name in a script the bundled fonts lack.
        load_content_fonts(Path(shown["content"]))
    screen = WaitingScreen(shown)
    # Without a window manager (cage, a bare X server) "full screen" is only a wish: the size says it.
    screen.setGeometry(screen.screen().geometry())
    screen.showFullScreen()
    keeper = ScreenKeeper(screen, takes_focus=False)
    keeper.start()
    parent = os.getppid()

    def orphaned() -> None:
        if os.getppid() != parent:
            app.exit(0)

    watch = QTimer(app)
    watch.setInterval(PARENT_CHECK_MS)
    watch.timeout.connect(orphaned)
    watch.start()
    # SIGTERM keeps its default action: the supervisor's request ends the process at once, with
    # nothing to save.
    return app.exec()
