"""The fonts every text of the kiosk is drawn with, and the order Qt falls back through them.

Qt draws a character the app font lacks with a font it finds on the machine; a kiosk's machine may have
none for a script, or (like DejaVu) none in italic for Arabic, and Qt then draws empty boxes, silently.
So the app font's family is substituted, in Qt's font database, by the other bundled families and then
the content's own: every QFont of that family (QML's Text items, the handout's QTextDocument, snapshots)
falls back through them before any font of the machine's. A family without an italic face (Noto Sans
Arabic, like most non-Latin scripts) keeps its own letters in italic runs, which Qt's scene graph and PDF
writer slant (so the editor's emphasis still shows), instead of a system face that might lack them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from kiosk.core.fonts import content_font_files, font_files

log = logging.getLogger(__name__)

UI_FONT_FAMILY = "Noto Sans"

# Each font file loaded in this process, and the families it brought: a second window or a second
# handout in the same process loads nothing twice.
_loaded: dict[Path, list[str]] = {}


def load_bundled_fonts(folder: Path) -> None:
    """The kiosk's own fonts (resources/fonts), before any text is laid out."""
    _load(font_files(folder))
    QGuiApplication.setFont(QFont(UI_FONT_FAMILY))


def load_content_fonts(content_root: Path) -> None:
    """A content folder's fonts/*.ttf|*.otf, as fallbacks after the bundled fonts. A file Qt cannot read
    is left out with a line in the log (validation names it for the editor)."""
    _load(content_font_files(content_root))


def fallback_families() -> list[str]:
    """The families a character missing from the app font is looked for in, in order."""
    return list(QFont.substitutes(UI_FONT_FAMILY))


def _load(files: list[Path]) -> None:
    added = False
    for path in files:
        key = path.resolve()
        if key in _loaded:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("%s is not a font Qt can load: its letters will come from other fonts", path)
            _loaded[key] = []
            continue
        _loaded[key] = QFontDatabase.applicationFontFamilies(font_id)
        added = True
    if added:
        _substitute_app_family()


def _substitute_app_family() -> None:
    # In load order: the bundled families first, then the content's, each once.
    families = [family for families in _loaded.values() for family in families if family != UI_FONT_FAMILY]
    QFont.removeSubstitutions(UI_FONT_FAMILY)
    QFont.insertSubstitutions(UI_FONT_FAMILY, list(dict.fromkeys(families)))
