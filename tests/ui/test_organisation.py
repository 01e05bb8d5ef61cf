"""The organisation's look on the real QML: its name and logo on the home page and the attract loop,
its accent in the Theme, and its credits in the printed handout."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.cli import main
from kiosk.core.brand import accent_palette
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from tests.core.contentkit import (
    ORGANISATION_ACCENT,
    ORGANISATION_NAME,
    ORGANISATION_NAME_AR,
    PDF_BYTES,
    ContentFolder,
    add_arabic,
    add_organisation,
    build_valid_content,
)

from .conftest import all_items, find, pause, tap
from .test_contrast import js, theme_of


@pytest.fixture
def organised(tmp_path: Path) -> ContentFolder:
    content = build_valid_content(tmp_path / "content")
    add_organisation(content)
    add_arabic(content)
    return content


def open_at(content: ContentFolder, route: str, opened: list[KioskWindow]) -> KioskWindow:
    result = load_content(content.root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    shown = build_window(
        Pages(result.compiled, content.root), size=QSize(1920, 1080), animate=False, start_route=route
    )
    opened.append(shown)
    QTest.qWaitForWindowExposed(shown.window)
    return shown


def within(container: QQuickItem, name: str) -> QQuickItem:
    found = [i for i in all_items(container) if i.objectName() == name and i.isVisible()]
    assert found, f"nothing visible named {name!r} inside {container.objectName()!r}"
    return found[0]


def logo_on_screen(shown: KioskWindow, logo: QQuickItem) -> set[str]:
    """The colours drawn where the logo is: what a person sees there."""
    # Loaded and laid out (an image that failed paints nothing).
    assert logo.property("progress") == 1.0
    assert logo.property("paintedWidth") > 0 and logo.property("paintedHeight") > 0
    corner = logo.mapToScene(logo.boundingRect().topLeft()).toPoint()
    frame = shown.window.grabWindow()
    return {
        frame.pixelColor(corner.x() + x, corner.y() + y).name().upper()
        for x in range(2, int(logo.width()) - 2, 3)
        for y in range(2, int(logo.height()) - 2, 3)
    }


def test_the_home_page_shows_the_organisations_name_and_logo(
    qtbot: Any, organised: ContentFolder, opened: list[KioskWindow]
) -> None:
    shown = open_at(organised, "home", opened)
    home = find(shown.window, "homePage")
    name = within(home, "organisationName")
    assert name.property("text") == ORGANISATION_NAME
    colours = logo_on_screen(shown, within(home, "organisationLogo"))
    # The logo's green plate and its white boat are both drawn.
    assert ORGANISATION_ACCENT in colours and "#FFFFFF" in colours
    # A header mark above the agenda's title, not a banner: low, and the title still near the top.
    title = within(home, "pageTitle")
    mark = within(home, "organisationMark")
    title_top = title.mapToScene(title.boundingRect().topLeft()).y()
    assert mark.mapToScene(mark.boundingRect().bottomLeft()).y() < title_top
    assert mark.height() <= shown.window.height() * 0.08
    assert title_top < shown.window.height() / 4


def test_the_mark_speaks_the_visitors_language_and_mirrors(
    qtbot: Any, organised: ContentFolder, opened: list[KioskWindow]
) -> None:
    shown = open_at(organised, "home", opened)
    tap(shown.window, find(shown.window, "language:ar"))
    qtbot.waitUntil(lambda: find(shown.window, "organisationName").property("text") == ORGANISATION_NAME_AR)
    pause(50)
    mark = find(shown.window, "organisationMark")
    # Right to left, the mark sits on the right side, where an Arabic reader starts.
    assert mark.mapToScene(mark.boundingRect().center()).x() > shown.window.width() / 2


def test_the_attract_loop_shows_the_organisation_on_every_slide(
    qtbot: Any, organised: ContentFolder, opened: list[KioskWindow]
) -> None:
    shown = open_at(organised, "attract", opened)
    attract = find(shown.window, "attractPage")
    slides = attract.property("slides")
    count = len(slides.toVariant() if hasattr(slides, "toVariant") else slides)
    assert count >= 2
    for _ in range(count):
        assert within(attract, "organisationName").property("text") == ORGANISATION_NAME
        colours = logo_on_screen(shown, within(attract, "organisationLogo"))
        assert ORGANISATION_ACCENT in colours
        attract.setProperty("index", (int(attract.property("index")) + 1) % count)
    # The loop's own background is the organisation's accent.
    frame = shown.window.grabWindow()
    assert frame.pixelColor(frame.width() // 2, 8).name().upper() == ORGANISATION_ACCENT


def test_the_theme_accent_is_the_contents_and_high_contrast_keeps_its_own(
    qtbot: Any, organised: ContentFolder, opened: list[KioskWindow]
) -> None:
    shown = open_at(organised, "home", opened)
    theme = theme_of(shown)
    expected = accent_palette(ORGANISATION_ACCENT)
    assert theme.property("accent") == QColor(expected["accent"])
    assert theme.property("accentSoft") == QColor(expected["accentSoft"])
    # Everything else is the standard palette.
    standard = js(theme, "standardPalette")
    assert theme.property("background") == QColor(standard["background"])
    shown.preferences.setHighContrast(True)
    high = js(theme, "highContrastPalette")
    qtbot.waitUntil(lambda: theme.property("accent") == QColor(high["accent"]))
    assert theme.property("accentSoft") == QColor(high["accentSoft"])


def test_without_an_organisation_the_theme_keeps_the_kiosks_accent(kiosk_window: KioskWindow) -> None:
    theme = theme_of(kiosk_window)
    assert theme.property("accent") == QColor(js(theme, "standardPalette")["accent"])
    assert [
        i
        for i in all_items(kiosk_window.window.contentItem())
        if i.objectName() == "organisationMark" and i.isVisible()
    ] == []


# -- the handout ---------------------------------------------------------------------------------

SELF_AND_OTHERS = """\
  - id: printable
    kind: document
    title: The printable summary
    file: documents/summary.pdf

  - id: old-printout
    kind: document
    title: Last year's printout
    file: documents/old-printout.pdf
"""


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())


def heading_colours(pdf: Path, word: str) -> set[str]:
    """The colours drawn inside the first `word` on page 1, found by its place in the text layer."""
    layout = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    box = ElementTree.fromstring(layout.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    found = next(w for w in box.iter("word") if w.text == word)
    left, top, right, bottom = (float(found.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))
    prefix = pdf.parent / "page"
    subprocess.run(["pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-png", str(pdf), str(prefix)], check=True)
    page = QImage(str(next(pdf.parent.glob("page*.png"))))
    return {
        page.pixelColor(x, y).name().upper()
        for x in range(int(left), int(right))
        for y in range(int(top), int(bottom))
    }


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_handout_credits_the_organisation_and_leaves_out_itself(organised: ContentFolder) -> None:
    organised.write("sections/10-one.yaml", organised.read("sections/10-one.yaml") + SELF_AND_OTHERS)
    # The file about to be written is, for now, some other PDF: no metadata marks it as a handout.
    organised.write_bytes("documents/summary.pdf", PDF_BYTES)
    earlier = organised.path("documents/old-printout.pdf")
    # A handout the kiosk printed before, kept under another name: known by its metadata.
    assert main(["--no-cache", "handout", str(earlier), "--content", str(organised.root)]) == 0
    target = organised.path("documents/summary.pdf")
    assert main(["--no-cache", "handout", str(target), "--content", str(organised.root)]) == 0

    text = pdf_text(target)
    assert ORGANISATION_NAME in text.split("Test agenda")[0]  # on the first page, above the title
    assert f"Content by {ORGANISATION_NAME}, version 1.0. Source: Test source." in text
    assert "Printed with Fair Migration Kiosk." in text
    assert "A paper" in text  # an ordinary document stays
    assert "The printable summary" not in text  # the file being written
    assert "Last year's printout" not in text  # a handout the kiosk made before
    # The logo, drawn sharp enough to print and in its own proportions (160 by 100).
    images = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True)
    logos = [line.split() for line in images.stdout.splitlines()[2:] if line.split()[2] == "image"]
    assert [(row[0], int(row[3]) * 100 // int(row[4])) for row in logos] == [("1", 160)]
    assert int(logos[0][4]) >= 200
    assert heading_colours(target, "Test") & {ORGANISATION_ACCENT}, "the title is not in the accent colour"
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "Creator:         Fair Migration Kiosk" in info
    assert f"Author:          {ORGANISATION_NAME}" in info


# -- the deep check --------------------------------------------------------------------------------


def test_the_deep_check_draws_the_logo_with_qt(organised: ContentFolder) -> None:
    from kiosk.ui.deepcheck import deep_check

    result = load_content(organised.root)
    logos = [m for m in result.media if m.kind == "logo"]
    assert [m.relative for m in logos] == ["images/logo.svg"]
    assert deep_check(organised.root, logos) == []
    # Valid XML with a size, so the core passes it, yet nothing a visitor could see.
    organised.write(
        "images/logo.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="none"/></svg>',
    )
    assert load_content(organised.root).compiled is not None
    [problem] = deep_check(organised.root, logos)
    assert (problem.file, problem.line, problem.field) == (
        "agenda.yaml",
        organised.line("agenda.yaml", "logo:"),
        "organisation.logo",
    )
    assert "'images/logo.svg': draws nothing visible" in problem.message
