"""PDF pages as a visitor turns them: drawn by QtQuick.Pdf, never by Python on Qt's threads; a search
hit inside a document opens the sheet where the words are; a language switch keeps the page; and a
thousand fast turns, zooms and language switches neither hang (pytest-timeout) nor warn (a QML
warning fails any UI test: qt_log_level_fail)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMarginsF, QSize
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from tests.ui.conftest import find, pause, tap, text_of

SHEETS = 5
# Printed on the third sheet of the English paper only, and nowhere on any page of the kiosk.
THIRD_SHEET_WORD = "quinoa"

AGENDA = """\
title: {en: Documents test, fr: Essai de documents}
lead: {en: Testing documents., fr: Des documents à l'essai.}
source: {name: Test, url: "https://example.org/source"}
version: "1"
languages: [en, fr]
sections: [papers]
"""
SECTION = """\
id: papers
title: {en: Papers, fr: Documents}
items:
  - id: paper
    kind: document
    title: {en: A paper, fr: Un document}
    url: https://example.org/paper
    file: {en: documents/paper.pdf, fr: documents/paper.fr.pdf}
"""


def write_pdf(target: Path, sheets: list[str]) -> None:
    """A real PDF with one line of text per sheet, drawn by Qt's own PDF writer."""
    writer = QPdfWriter(str(target))
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait, QMarginsF())
    )
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("Noto Sans", 18))
    for number, words in enumerate(sheets):
        if number:
            writer.newPage()
        painter.drawText(40, 80, words)
    painter.end()


@pytest.fixture
def papers(tmp_path: Path) -> Pages:
    root = tmp_path / "content"
    (root / "sections").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "agenda.yaml").write_text(AGENDA, encoding="utf-8")
    (root / "sections" / "papers.yaml").write_text(SECTION, encoding="utf-8")
    english = [f"Sheet {n} of the paper" for n in range(1, SHEETS + 1)]
    english[2] += f" on the {THIRD_SHEET_WORD} growers"
    write_pdf(root / "documents" / "paper.pdf", english)
    # The French paper has more sheets, so a switch of language also changes the page count.
    write_pdf(root / "documents" / "paper.fr.pdf", [f"Feuille {n} du document" for n in range(1, SHEETS + 3)])
    result = load_content(root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, root)


@pytest.fixture
def window(qtbot: Any, papers: Pages, tmp_path: Path) -> Iterator[KioskWindow]:
    shown = build_window(papers, size=QSize(1280, 800), animate=False, cache_dir=tmp_path / "cache")
    QTest.qWaitForWindowExposed(shown.window)
    yield shown
    shown.dispose()


def page_drawn(shown: KioskWindow) -> bool:
    image = find(shown.window, "documentPage")
    return bool(image.property("progress") == 1.0 and image.property("paintedWidth") > 100)


def test_a_search_hit_inside_a_document_opens_the_sheet_with_the_words(
    qtbot: Any, window: KioskWindow
) -> None:
    shown = window.window
    qtbot.waitUntil(lambda: window.search.state == "ready", timeout=10_000)
    tap(shown, find(shown, "searchButton"))
    qtbot.waitUntil(lambda: find(shown, "searchField").hasActiveFocus(), timeout=10_000)
    for character in THIRD_SHEET_WORD:
        QTest.keyClick(shown, character)
    result = "result:item/paper?page=3"
    qtbot.waitUntil(lambda: bool(find_all(shown, result)), timeout=10_000)
    tap(shown, find(shown, result))
    qtbot.waitUntil(lambda: text_of(shown, "pageIndicator") == f"Page 3 of {SHEETS}", timeout=10_000)
    qtbot.waitUntil(lambda: page_drawn(window), timeout=10_000)
    # The sheet in view is the third: the page image at the pager's centre is the one for index 2.
    assert find(shown, "documentPage").property("currentFrame") == 2
    # Back leads to the results, and the document opened from its item card starts at page 1.
    tap(shown, find(shown, "backButton"))
    qtbot.waitUntil(lambda: window.kiosk.route == "search", timeout=10_000)
    window.kiosk.open("item/paper")
    qtbot.waitUntil(lambda: text_of(shown, "pageIndicator") == f"Page 1 of {SHEETS}", timeout=10_000)


def find_all(window: Any, name: str) -> list[Any]:
    from tests.ui.conftest import all_items

    return [item for item in all_items(window.contentItem()) if item.objectName() == name]


def test_a_language_switch_keeps_the_page(qtbot: Any, window: KioskWindow) -> None:
    shown = window.window
    window.kiosk.show("item/paper")
    qtbot.waitUntil(lambda: text_of(shown, "pageIndicator") == f"Page 1 of {SHEETS}", timeout=10_000)
    for _turn in range(3):
        tap(shown, find(shown, "nextPageButton"))
    qtbot.waitUntil(lambda: text_of(shown, "pageIndicator") == f"Page 4 of {SHEETS}", timeout=10_000)
    window.kiosk.setLanguage("fr")
    qtbot.waitUntil(lambda: window.documents.property("pageCount") == SHEETS + 2, timeout=10_000)
    assert window.documents.property("page") == 3
    qtbot.waitUntil(lambda: page_drawn(window), timeout=10_000)
    assert find(shown, "documentPage").property("currentFrame") == 3
    # The page drawn is the French file's.
    assert find(shown, "documentPage").property("source").toString().endswith("/paper.fr.pdf")


def test_back_to_a_document_opens_it_where_the_visitor_left_it(qtbot: Any, window: KioskWindow) -> None:
    shown = window.window
    window.kiosk.open("item/paper")
    qtbot.waitUntil(lambda: text_of(shown, "pageIndicator") == f"Page 1 of {SHEETS}", timeout=10_000)
    for _turn in range(3):
        tap(shown, find(shown, "nextPageButton"))
    qtbot.waitUntil(lambda: text_of(shown, "pageIndicator") == f"Page 4 of {SHEETS}", timeout=10_000)
    window.kiosk.open("section/papers")
    qtbot.waitUntil(lambda: window.kiosk.route == "section/papers", timeout=10_000)
    tap(shown, find(shown, "backButton"))
    qtbot.waitUntil(lambda: text_of(shown, "pageIndicator") == f"Page 4 of {SHEETS}", timeout=10_000)
    qtbot.waitUntil(lambda: page_drawn(window), timeout=10_000)
    assert find(shown, "documentPage").property("currentFrame") == 3
    # The next visitor opens it at its start.
    window.documents.reset_visitor_state()
    window.kiosk.open("section/papers")
    window.kiosk.open("item/paper")
    qtbot.waitUntil(lambda: text_of(shown, "pageIndicator") == f"Page 1 of {SHEETS}", timeout=10_000)


@pytest.mark.timeout(300)
def test_a_thousand_fast_turns_zooms_and_language_switches(qtbot: Any, window: KioskWindow) -> None:
    shown = window.window
    documents = window.documents
    window.kiosk.show("item/paper")
    qtbot.waitUntil(lambda: page_drawn(window), timeout=10_000)
    chance = random.Random(13)
    for step in range(1000):
        action = chance.choice(
            ("next", "next", "previous", "previous", "zoomIn", "zoomOut", "language", "goTo")
        )
        if action == "next":
            documents.nextPage()
        elif action == "previous":
            documents.previousPage()
        elif action == "zoomIn":
            documents.zoomIn()
        elif action == "zoomOut":
            documents.zoomOut()
        elif action == "language":
            window.kiosk.setLanguage("fr" if window.kiosk.language == "en" else "en")
        else:
            documents.goTo(chance.randrange(SHEETS + 2))
        # As fast as a frame, sometimes faster: the renders of one step are often still under way.
        pause(chance.choice((0, 0, 1, 5, 16)))
        if step % 100 == 0:
            assert documents.property("status") == "ready"
    documents.fitWidth()
    count = documents.property("pageCount")
    page = documents.property("page")
    assert 0 <= page < count
    # "Page 3 of 5", or "Page 3 sur 7" in French: the figures are the page in view and the count.
    numbers = [str(page + 1), str(count)]
    qtbot.waitUntil(lambda: re.findall(r"\d+", text_of(shown, "pageIndicator")) == numbers, timeout=10_000)
    qtbot.waitUntil(lambda: page_drawn(window), timeout=5000)
    assert find(shown, "documentPage").property("currentFrame") == page


def opened_files(shown: KioskWindow) -> list[Any]:
    return [child for child in shown.documents.children() if child.inherits("QQuickPdfDocument")]


def test_the_files_outlive_the_document_panel_for_a_moment_then_go(qtbot: Any, window: KioskWindow) -> None:
    """QtQuick.Pdf draws pages on its image thread from the document: a page still being drawn when the
    visitor leaves must find its document alive, and the documents must not pile up afterwards."""
    shown = window.window
    window.kiosk.show("item/paper")
    qtbot.waitUntil(lambda: page_drawn(window), timeout=10_000)
    window.kiosk.setLanguage("fr")
    qtbot.waitUntil(lambda: page_drawn(window) and len(opened_files(window)) == 2, timeout=10_000)
    panel = find(shown, "documentPanel")
    alive_when_the_panel_went: list[int] = []
    panel.destroyed.connect(lambda: alive_when_the_panel_went.append(len(opened_files(window))))
    window.kiosk.show("section/papers")
    qtbot.waitUntil(lambda: alive_when_the_panel_went != [], timeout=10_000)
    assert alive_when_the_panel_went == [2]
    qtbot.waitUntil(lambda: opened_files(window) == [], timeout=10_000)
