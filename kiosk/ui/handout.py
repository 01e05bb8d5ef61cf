"""Print the handout to PDF with Qt's own text layout: QTextDocument's Markdown and QPdfWriter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from kiosk.core.handout import handout_markdown
from kiosk.core.pages import localize
from kiosk.ui.app import UI_FONT_FAMILY, application


def write_blank_pdf(target: Path) -> None:
    application()
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(target))
    painter = QPainter(writer)  # a PDF is only written once something paints on it
    painter.end()


def write_handout(
    compiled: dict[str, Any], target: Path, language: str = "en", exclude: set[str] | None = None
) -> int:
    """Write the PDF; returns its page count."""
    application()
    document = QTextDocument()
    font = QFont(UI_FONT_FAMILY)
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setMarkdown(handout_markdown(compiled, language, exclude))

    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(target))
    writer.setTitle(localize(compiled["agenda"]["title"], language))
    writer.setCreator("Fair Migration Kiosk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 18, 20, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document.print_(writer)
    del writer  # closes the file
    from PySide6.QtPdf import QPdfDocument

    written = QPdfDocument()
    written.load(str(target))
    return written.pageCount()
