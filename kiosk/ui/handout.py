"""Print the handout to PDF with Qt's own text layout: QTextDocument's Markdown and QPdfWriter."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, QMarginsF, QSize, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from kiosk.booth import paths
from kiosk.core.handout import HandoutWords, handout_markdown
from kiosk.core.pages import localize
from kiosk.ui.app import application
from kiosk.ui.fonts import UI_FONT_FAMILY, load_content_fonts
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
    "content_by": QT_TRANSLATE_NOOP("Handout", "Content by %1, version %2."),
    "content_version": QT_TRANSLATE_NOOP("Handout", "Content version %1."),
    "made_with": QT_TRANSLATE_NOOP("Handout", "Printed with Fair Migration Kiosk."),
    "times_note": QT_TRANSLATE_NOOP("Handout", "Times are local time at the venue (%1)."),
}
# Written into every handout's PDF metadata: the kiosk knows a handout of its own by it (see
# items_to_leave_out), and a reader's "Document properties" name the tool.
# (the only PDFs the kiosk writes are handouts).
HANDOUT_CREATOR = "Fair Migration Kiosk"
LOGO_RESOURCE = "kiosk-logo:organisation"
# The logo's height on the first page, in the document's own pixels (about 1.6 cm when printed),
# drawn with four times as many pixels, so the print stays sharp.
LOGO_HEIGHT = 60
LOGO_PIXEL_RATIO = 4


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
        content_by=word("content_by"),
        content_version=word("content_version"),
        made_with=word("made_with"),
        day=lambda day: day_label(day, language),
        times_note=word("times_note"),
    )


def day_label(day: datetime.date, language: str) -> str:
    """The day as `language` writes it (Wednesday 10 March 2027): its day and month names, the numbers
    in Latin digits as the kiosk's pages write them (Theme.dayLabel), like the times beside them.
    Quoted, the numbers are text to the date format, which Qt's Arabic locale would otherwise write
    in Arabic-Indic digits."""
    return QLocale(language).toString(
        QDate(day.year, day.month, day.day), f"dddd '{day.day}' MMMM '{day.year}'"
    )


def is_kiosk_handout(path: Path) -> bool:
    """True for a PDF this kiosk printed as a handout (its metadata says so)."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        return False
    field = QPdfDocument.MetaDataField
    marked = document.metaData(field.Creator) == HANDOUT_CREATOR
    document.close()
    return bool(marked)


def items_to_leave_out(compiled: dict[str, Any], content_root: Path, target: Path) -> set[str]:
    """The document items that are the handout itself: a PDF that lists itself helps no reader.

    An item is left out when one of its files is the very file being written (whatever its name, and
    even before it exists), or a handout the kiosk printed before (another language's, or a copy
    under another name), known by the metadata write_handout sets. No item id is special."""
    target = target.resolve()
    found: set[str] = set()
    for item_id, item in compiled["items"].items():
        if item["kind"] != "document":
            continue
        for relative in (item.get("file") or {}).values():
            path = (content_root / relative).resolve()
            if path == target or (path.is_file() and is_kiosk_handout(path)):
                found.add(item_id)
                break
    return found


def _logo_image(path: Path, height: int) -> QImage | None:
    """The logo drawn at `height` pixels (SVG crisp at that size), or None if it cannot be drawn."""
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and size.height() > 0:
        reader.setScaledSize(QSize(max(1, round(size.width() * height / size.height())), height))
    image = reader.read()
    return None if image.isNull() else image


def _colour_headings(document: QTextDocument, colour: str) -> None:
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            cursor = QTextCursor(block)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            heading = QTextCharFormat()
            heading.setForeground(QColor(colour))
            cursor.mergeCharFormat(heading)
        block = block.next()


def write_blank_pdf(target: Path) -> None:
    application()
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(target))
    writer.setCreator(HANDOUT_CREATOR)
    painter = QPainter(writer)  # a PDF is only written once something paints on it
    painter.end()


def write_handout(
    compiled: dict[str, Any],
    target: Path,
    language: str = "en",
    exclude: set[str] | None = None,
    content_root: Path | None = None,
) -> int:
    """Write the PDF; returns its page count. `content_root`: the content folder, where the
    organisation's logo is and whose own fonts (fonts/) the handout may need, as the kiosk does."""
    application()
    if content_root is not None:
        load_content_fonts(content_root)
    document = QTextDocument()
    font = QFont(UI_FONT_FAMILY)
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    organisation = compiled["agenda"].get("organisation") or {}
    logo = None
    if organisation.get("logo") and content_root is not None:
        logo = _logo_image(content_root / organisation["logo"], LOGO_HEIGHT * LOGO_PIXEL_RATIO)
        if logo is not None:
            logo.setDevicePixelRatio(LOGO_PIXEL_RATIO)
    markdown = handout_markdown(
        compiled,
        language,
        exclude,
        handout_words(language, content_root),
        LOGO_RESOURCE if logo is not None else None,
    )
    document.setMarkdown(markdown)
    if logo is not None:
        # After setMarkdown, which clears the document's resources.
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_RESOURCE), logo)
    if organisation.get("accent"):
        _colour_headings(document, organisation["accent"])

    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(target))
    writer.setTitle(localize(compiled["agenda"]["title"], language))
    writer.setCreator(HANDOUT_CREATOR)
    if organisation.get("name"):
        writer.setAuthor(localize(organisation["name"], language))
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
