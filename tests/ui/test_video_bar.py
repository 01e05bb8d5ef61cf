"""The video's control bar reads the same over any picture: it is opaque, so a video's own burnt-in
clock or subtitles never show through the kiosk's controls, and its words pass WCAG contrast."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQml import QQmlProperty
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from tests.ui.conftest import find, pause
from tests.ui.test_contrast import AA_TEXT, AAA_TEXT, NON_TEXT, contrast, js, theme_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "media"

AGENDA = """\
title: {en: Video bar, ar: شريط الفيديو}
lead: {en: Controls over any picture., ar: أزرار التحكم فوق أي صورة.}
languages: [en, ar]
source: {name: {en: Test, ar: اختبار}, url: "https://example.org/source"}
version: "1"
sections: [films]
"""
SECTION = """\
id: films
title: {en: Films, ar: أفلام}
items:
"""
ITEM = """\
  - id: on-{shade}
    kind: video
    title: {{en: A film, ar: فيلم}}
    url: https://example.org/{shade}
    file: media/clip.mp4
    poster: images/{shade}.png
"""
SHADES = {"white": Qt.GlobalColor.white, "black": Qt.GlobalColor.black}


@pytest.fixture(scope="module")
def poster_pages(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Pages:
    root = tmp_path_factory.mktemp("posters")
    for folder in ("sections", "media", "images"):
        (root / folder).mkdir()
    (root / "agenda.yaml").write_text(AGENDA, encoding="utf-8")
    (root / "sections" / "films.yaml").write_text(
        SECTION + "".join(ITEM.format(shade=shade) for shade in SHADES), encoding="utf-8"
    )
    shutil.copy(FIXTURES / "ok.mp4", root / "media" / "clip.mp4")
    for shade, colour in SHADES.items():
        # A whole frame of one colour, with a burnt-in clock's worth of the other near its foot.
        image = QImage(1280, 720, QImage.Format.Format_RGB32)
        image.fill(colour)
        other = SHADES["black" if shade == "white" else "white"]
        painter = QPainter(image)
        painter.fillRect(40, 640, 300, 60, other)
        painter.fillRect(940, 600, 300, 100, other)
        painter.end()
        image.save(str(root / "images" / f"{shade}.png"))
    result = load_content(root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, root)


def bar_over(pages: Pages, shade: str, language: str, high_contrast: bool, opened: list[KioskWindow]) -> Any:
    shown = build_window(
        pages, size=QSize(1920, 1080), animate=False, start_route=f"item/on-{shade}", language=language
    )
    opened.append(shown)
    shown.preferences.setHighContrast(high_contrast)
    QTest.qWaitForWindowExposed(shown.window)
    window = shown.window
    # Played to its end (two seconds): the poster fills the picture again, and the bar shows with
    # the time, as a visitor finds it.
    shown.player.set_muted(True)
    shown.player.play()
    for _ in range(500):
        pause(20)
        if shown.player.state() == "ended" and find(window, "videoTime").property("text"):
            break
    assert shown.player.state() == "ended"
    pause(100)
    bar = find(window, "videoControls")
    area = bar.mapRectToScene(QRectF(0, 0, bar.width(), bar.height())).toRect()
    return shown, bar, window.grabWindow().copy(area)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high-contrast"])
def test_the_control_bar_is_the_same_over_a_white_and_a_black_picture(
    poster_pages: Pages, opened: list[KioskWindow], language: str, high_contrast: bool
) -> None:
    shown, bar, over_white = bar_over(poster_pages, "white", language, high_contrast, opened)
    on_black, _, over_black = bar_over(poster_pages, "black", language, high_contrast, opened)
    theme = theme_of(shown)
    palette = js(theme, "highContrastPalette" if high_contrast else "standardPalette")
    # The posters are really there: the picture above the bar is white in one and black in the other.
    for window, shade in ((shown, "white"), (on_black, "black")):
        poster = find(window.window, "poster")
        # A quarter in from its corner: clear of the Play button in the middle.
        spot = poster.mapToScene(QPointF(poster.width() / 4, poster.height() / 4)).toPoint()
        frame = window.window.grabWindow()
        assert frame.pixelColor(spot) == QColor(SHADES[shade])

    drawn = QQmlProperty.read(bar, "color")
    assert drawn.alpha() == 255, f"the bar is see-through (alpha {drawn.alpha()})"
    assert drawn == QColor(palette["videoBar"])
    # Not one pixel of the bar depends on the picture under it.
    assert over_white.size() == over_black.size()
    differing = sum(
        1
        for y in range(0, over_white.height(), 2)
        for x in range(0, over_white.width(), 2)
        if over_white.pixel(x, y) != over_black.pixel(x, y)
    )
    assert differing == 0, f"{differing} pixels of the bar change with the picture"
    # A bare corner of the bar is drawn in the bar's colour, over white as over black.
    assert over_white.pixelColor(3, over_white.height() - 3) == QColor(palette["videoBar"])

    minimum = AAA_TEXT if high_contrast else AA_TEXT
    time_text = find(shown.window, "videoTime")
    assert "/" in str(time_text.property("text"))
    assert QQmlProperty.read(time_text, "color") == QColor(palette["videoText"])
    assert contrast(palette["videoText"], palette["videoBar"]) >= minimum
    for part in ("seekPlayed", "seekKnob"):
        assert QQmlProperty.read(find(shown.window, part), "color") == QColor(palette["videoText"])
    assert QQmlProperty.read(find(shown.window, "seekTrack"), "color") == QColor(palette["videoTrack"])
    assert contrast(palette["videoTrack"], palette["videoBar"]) >= NON_TEXT
    assert contrast(palette["videoText"], palette["videoTrack"]) >= NON_TEXT


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_big_play_button_is_never_under_the_bar(
    poster_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    shown, bar, _ = bar_over(poster_pages, "white", language, False, opened)
    button = find(shown.window, "bigPlayButton")
    bottom = button.mapToScene(QPointF(0, button.height())).y()
    assert bottom <= bar.mapToScene(QPointF(0, 0)).y(), "the bar covers the Watch again button"
