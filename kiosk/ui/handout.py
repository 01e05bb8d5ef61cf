"""Print the handout to PDF with Qt's own text layout: QTextDocument's Markdown and QPdfWriter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from kiosk import paths
from kiosk.core.handout import HandoutWords, handout_markdown
from kiosk.core.pages import localize
from kiosk.ui.app import UI_FONT_FAMILY, application
from kiosk.ui.translations import QT_TRANSLATE_NOOP, Translations

# The handout's words, marked for lupdate; English is HandoutWords' own.
_WORDS = {
    "article": QT_TRANSLATE_NOOP("Handout", "Article"),
    "video": QT_TRANSLATE_NOOP("Handout", "Video"),
    "document": QT_TRANSLATE_NOOP("Handout", "Document"),
    "link": QT_TRANSLATE_NOOP("Handout", "Link"),
    "collection": QT_TRANSLATE_NOOP("Handout", "Collection"),
    "source": QT_TRANSLATE_NOOP("Handout", "Source: %1"),
    "address": QT_TRANSLATE_NOOP("Handout", "Address: %1"),
    "stand_in": QT_TRANSLATE_NOOP(
        "Handout", "On the kiosk this is stand-in media; the original is not bundled."
    ),
    "made_by": QT_TRANSLATE_NOOP(
        "Handout",
        "Made by Fair Migration Kiosk from its content, version %1. The texts summarise the sources "
        "named above in the kiosk's own words; quotations are marked.",
    ),
}


def handout_words(language: str, content_root: Path | None = None) -> HandoutWords:
    """In `language`, from the content's own catalogue first, as the window shows them."""
    translations = Translations(paths.user_cache(), content_root)

    def word(key: str) -> str:
        return translations.translate_in(language, "Handout", _WORDS[key]) or _WORDS[key]

    kinds = {kind: word(kind) for kind in ("article", "video", "document", "link", "collection")}
    return HandoutWords(
        kinds=kinds,
        source=word("source"),
        address=word("address"),
        stand_in=word("stand_in"),
        made_by=word("made_by"),
    )


def write_blank_pdf(target: Path) -> None:
    application()
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(target))
    painter = QPainter(writer)  # a PDF is only written once something paints on it
    painter.end()


def write_handout(
    compiled: dict[str, Any],
    target: Path,
    language: str = "en",
    exclude: set[str] | None = None,
    content_root: Path | None = None,
) -> int:
    """Write the PDF; returns its page count."""
    application()
    document = QTextDocument()
    font = QFont(UI_FONT_FAMILY)
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setMarkdown(handout_markdown(compiled, language, exclude, handout_words(language, content_root)))

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
