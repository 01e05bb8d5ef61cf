"""Run by test_fonts.py in a child process whose fontconfig sees nothing but DejaVu, as on a kiosk with
only the fonts Debian installs by default: which font draws each run of an Arabic page, and a handout.

Usage: fonts_probe.py CONTENT ROUTE LANGUAGE HANDOUT.pdf; prints one line of JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import application, build_window
from kiosk.ui.fonts import fallback_families
from kiosk.ui.handout import write_handout


def named(root: QQuickItem, name: str) -> QQuickItem:
    if root.objectName() == name and root.isVisible():
        return root
    for child in root.childItems():
        try:
            return named(child, name)
        except LookupError:
            pass
    raise LookupError(name)


def runs_of_markdown(markdown: str, font: QFont) -> list[dict[str, Any]]:
    """Lay the text out as QML's Text.MarkdownText does (a QTextDocument with the item's font) and say,
    for each run of one format, which font face draws its glyphs."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setMarkdown(markdown)
    document.setTextWidth(900)
    document.size()  # lays the text out
    found: list[dict[str, Any]] = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for piece in block.textFormats():
            text = block.text()[piece.start : piece.start + piece.length]
            for run in layout.glyphRuns(piece.start, piece.length):
                raw = run.rawFont()
                found.append(
                    {
                        "text": text,
                        "italic": piece.format.fontItalic(),
                        "bold": piece.format.fontWeight() >= QFont.Weight.Bold.value,
                        "family": raw.familyName(),
                        "style": raw.styleName(),
                        "glyphs": list(run.glyphIndexes()),
                    }
                )
        block = block.next()
    return found


def main() -> None:
    content, route, language, handout = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
    application()
    result = load_content(content)
    assert result.compiled is not None, [str(problem) for problem in result.problems]
    shown = build_window(
        Pages(result.compiled, content),
        size=QSize(1280, 800),
        animate=False,
        language=language,
        start_route=route,
    )
    QTest.qWaitForWindowExposed(shown.window)
    body = named(shown.window.contentItem(), "pageBody")
    font = body.property("font")
    report = {
        "families": QFontDatabase.families(),
        "fallbacks": fallback_families(),
        "body_family": font.family(),
        "runs": runs_of_markdown(str(body.property("text")), font),
    }
    shown.dispose()
    report["handout_pages"] = write_handout(result.compiled, handout, language, content_root=content)
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
