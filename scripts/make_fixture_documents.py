"""Make the PDFs of the test content sets in tests/fixtures/content-*: one per document and language.

    uv run python scripts/make_fixture_documents.py [--force]

Each PDF is the document item's title and its Markdown body (body_file), laid out by Qt's
QTextDocument and printed with QPdfWriter in the set's own script and font, so the PDF's text can be
searched and extracted like a real organisation's leaflet. The fonts: the set's fonts/ folder, the
app's resources/fonts, then Debian's fonts-noto-core for Arabic (the app bundles Noto Sans Arabic).

A PDF is made again only when it is missing or older than its Markdown (or with --force): Qt writes
the time of making into every PDF, so a new one always differs from the committed one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SETS = ("content-ar", "content-ne", "content-zh")
SYSTEM_FONTS = Path("/usr/share/fonts/truetype/noto")
# Faces for languages whose font comes with the app rather than with the content set.
SYSTEM_FACES = {"ar": ["NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"]}


def document_items(content: Path) -> list[dict]:
    found = []

    def walk(items: list[dict]) -> None:
        for item in items:
            if item.get("kind") == "document" and item.get("body_file"):
                found.append(item)
            walk(item.get("items") or [])

    for manifest in sorted((content / "sections").glob("*.yaml")):
        walk(yaml.safe_load(manifest.read_text(encoding="utf-8")).get("items") or [])
    return found


def load_fonts(content: Path) -> dict[str, list[str]]:
    """Family names, per language code ('' for every language), of the fonts the PDFs may use."""
    from PySide6.QtGui import QFontDatabase

    def add(path: Path) -> list[str]:
        font_id = QFontDatabase.addApplicationFont(str(path))
        return list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []

    families: dict[str, list[str]] = {"": []}
    for path in sorted((ROOT / "resources" / "fonts").glob("*.ttf")):
        families[""] += add(path)
    for path in sorted((content / "fonts").glob("*.[ot]tf")):
        families[""] += add(path)
    for language, faces in SYSTEM_FACES.items():
        families[language] = [family for face in faces for family in add(SYSTEM_FONTS / face)]
    return families


def write_pdf(target: Path, title: str, markdown: str, families: list[str]) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Fair Migration Kiosk test fixtures")
    document = QTextDocument()
    # Laid out at the PDF's resolution: otherwise point sizes are taken at the screen's 96 dpi.
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(list(dict.fromkeys(families)))
    font.setPointSizeF(11)
    document.setDefaultFont(font)
    document.setMarkdown(f"# {title}\n\n{markdown}")
    painter = QPainter(writer)
    layout = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(layout.size().toSizeF())
    document.drawContents(painter)
    painter.end()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    force = "--force" in sys.argv[1:]
    for name in SETS:
        content = FIXTURES / name
        families = load_fonts(content)
        for item in document_items(content):
            for language, relative in item["file"].items():
                source = content / item["body_file"][language]
                target = content / relative
                if not force and target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                    continue
                write_pdf(
                    target,
                    item["title"][language],
                    source.read_text(encoding="utf-8"),
                    families.get(language, []) + families[""],
                )
                print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
