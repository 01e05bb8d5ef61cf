"""The video player and the document viewer used with the keyboard alone, as a screen reader hears
them: the bar's controls stay within reach while a film plays (the focus on one keeps the bar on
screen), Space/K, the arrows, J/L, Home and End work it, the seek bar is a slider in seconds with
"1:05 of 3:20" beside it, toggles are pressed or not under a name that stays, and the document's
pages turn and zoom from the keys. A finger's use stays as it was: the bar still steps aside after
3.5 s of touch-only playback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from tests.ui.conftest import find, focused, focused_name, pause, tap, wait_until

from .rtl_content import DOCUMENT_PAGES, build_arabic_content

# A real film long enough to step about in (35 s), with its captions, in place of the fixture's
# two-second clip.
FILM = paths.bundled_content() / "media" / "dg-video-november-2014.mp4"
CAPTIONS = paths.bundled_content() / "captions" / "dg-video-november-2014.en.vtt"


@pytest.fixture(scope="module")
def two_way_pages(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Pages:
    root = tmp_path_factory.mktemp("player-access")
    build_arabic_content(root)
    shutil.copy(FILM, root / "media" / "clip.mp4")
    (root / "captions").mkdir()
    shutil.copy(CAPTIONS, root / "captions" / "clip.vtt")
    section = root / "sections" / "10-rights.yaml"
    film = "    file: media/clip.mp4\n"
    text = section.read_text(encoding="utf-8")
    assert film in text
    section.write_text(text.replace(film, film + "    captions: captions/clip.vtt\n"), encoding="utf-8")
    result = load_content(root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, root)


class Opened:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.windows: list[KioskWindow] = []

    def __call__(self, route: str, language: str = "en") -> KioskWindow:
        shown = build_window(
            self.pages, size=QSize(1920, 1080), animate=False, start_route=route, language=language
        )
        self.windows.append(shown)
        QTest.qWaitForWindowExposed(shown.window)
        shown.window.requestActivate()
        wait_until(lambda: shown.window.isActive(), 2000)
        shown.player.set_muted(True)
        return shown


@pytest.fixture
def open_at(qtbot: Any, two_way_pages: Pages) -> Iterator[Opened]:
    opened = Opened(two_way_pages)
    yield opened
    pause(100)
    for shown in opened.windows:
        shown.dispose()


def tab_to(window: QQuickWindow, name: str, key: Qt.Key = Qt.Key.Key_Tab, limit: int = 30) -> QQuickItem:
    for _ in range(limit):
        QTest.keyClick(window, key)
        if focused_name(window) == name:
            return focused(window)
    raise AssertionError(f"Tab never reached {name}")


def press(
    window: QQuickWindow, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(window, key, modifier)


def heard(item: QQuickItem) -> QAccessibleInterface:
    interface = QAccessible.queryAccessibleInterface(item)
    assert interface is not None, f"{item.objectName()} is invisible to assistive technology"
    return interface


def name_of(item: QQuickItem) -> str:
    return heard(item).text(QAccessible.Text.Name)


def bar_on_screen(window: QQuickWindow) -> bool:
    bar = find(window, "videoControls")
    return bar.isVisible() and bar.opacity() == 1.0


def playing_from_the_keys(shown: KioskWindow) -> QQuickWindow:
    """Tab to the big Play button and press Enter, as a keyboard visitor starts a film."""
    window = shown.window
    tab_to(window, "bigPlayButton")
    assert name_of(focused(window)) == {"en": "Play video", "ar": "تشغيل الفيديو"}[shown.kiosk.language]
    press(window, Qt.Key.Key_Return)
    wait_until(lambda: shown.player.state() == "playing" and shown.player.duration_ms() > 0, 5000)
    assert shown.player.state() == "playing" and shown.player.duration_ms() > 30000
    return window


def test_a_film_started_by_touch_still_clears_the_bar_after_three_and_a_half_seconds(
    open_at: Opened,
) -> None:
    shown = open_at("item/clip")
    window = shown.window
    tap(window, find(window, "bigPlayButton"))
    assert shown.player.state() == "playing"
    pause(3000)
    assert bar_on_screen(window), "the bar went before 3.5 s"
    wait_until(lambda: not bar_on_screen(window), 1500)
    assert not bar_on_screen(window)
    # Nothing has the focus from a finger; a touch on the hidden bar brings it back, and does not
    # press the button that was under the finger.
    assert focused_name(window) != "playPauseButton"
    tap(window, find(window, "playPauseButton"))
    assert bar_on_screen(window)
    assert shown.player.state() == "playing"


def test_the_bar_stays_while_the_focus_is_in_it_and_comes_back_with_the_focus(open_at: Opened) -> None:
    shown = open_at("item/clip")
    window = playing_from_the_keys(shown)
    # Sooner than a visitor's 3.5 s, so the test is quick; the test above waits the real time.
    find(window, "videoPanel").setProperty("hideBarAfterMs", 200)
    # The big Play button went with the start: the focus went on to Pause, not into nothing.
    assert focused_name(window) == "playPauseButton"
    assert name_of(focused(window)) == "Pause"
    pause(600)
    assert bar_on_screen(window), "the bar hid under the focus"
    for name in ("backTenButton", "forwardTenButton", "captionsButton", "muteButton"):
        tab_to(window, name, limit=3)
        pause(300)
        assert bar_on_screen(window), f"the bar hid with the focus on {name}"
    # Out of the bar: it steps aside as for a touch.
    press(window, Qt.Key.Key_Tab)
    assert focused(window).objectName() not in {"seekBar", "playPauseButton"}
    wait_until(lambda: not bar_on_screen(window), 2000)
    assert not bar_on_screen(window)
    # Back into it with Shift+Tab: the control is there at once, and on screen.
    press(window, Qt.Key.Key_Backtab)
    assert focused_name(window) == "muteButton"
    assert bar_on_screen(window)
    assert shown.player.state() == "playing"


def test_space_k_arrows_j_l_home_and_end_work_the_player(open_at: Opened) -> None:
    shown = open_at("item/clip")
    player = shown.player
    window = playing_from_the_keys(shown)
    tab_to(window, "seekBar", key=Qt.Key.Key_Backtab, limit=3)
    press(window, "k")
    assert player.state() == "paused"
    press(window, Qt.Key.Key_Home)
    assert player.position_ms() == 0
    steps = [
        (Qt.Key.Key_Right, 5000),
        (Qt.Key.Key_L, 15000),
        (Qt.Key.Key_Left, 10000),
        (Qt.Key.Key_J, 0),
    ]
    for key, expected in steps:
        press(window, key)
        assert player.position_ms() == expected, key
    press(window, Qt.Key.Key_End)
    assert player.position_ms() == player.duration_ms() > 30000
    press(window, Qt.Key.Key_Home)
    press(window, Qt.Key.Key_Space)
    wait_until(lambda: player.state() == "playing", 2000)
    assert player.state() == "playing"
    press(window, Qt.Key.Key_Space)
    assert player.state() == "paused"
    # The keys reach the player from any of its buttons (Space there is the button's own).
    tab_to(window, "captionsButton")
    press(window, Qt.Key.Key_L)
    assert player.position_ms() >= 10000
    press(window, "k")
    assert player.state() == "playing"


def test_right_to_left_the_left_arrow_goes_forward(open_at: Opened) -> None:
    shown = open_at("item/clip", language="ar")
    player = shown.player
    window = playing_from_the_keys(shown)
    press(window, "k")
    press(window, Qt.Key.Key_Home)
    press(window, Qt.Key.Key_Left)
    assert player.position_ms() == 5000
    press(window, Qt.Key.Key_Right)
    assert player.position_ms() == 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_seek_bar_is_a_slider_in_seconds_with_its_time_in_words(open_at: Opened, language: str) -> None:
    shown = open_at("item/clip", language=language)
    player = shown.player
    window = playing_from_the_keys(shown)
    press(window, "k")
    press(window, Qt.Key.Key_Home)
    press(window, Qt.Key.Key_L)
    press(window, Qt.Key.Key_Left if language == "ar" else Qt.Key.Key_Right)
    assert player.position_ms() == 15000

    slider = heard(find(window, "seekBar"))
    assert slider.role() == QAccessible.Role.Slider
    assert slider.text(QAccessible.Text.Name)
    value = slider.valueInterface()
    assert value is not None, "the seek bar has no value for assistive technology"
    total = player.duration_ms() // 1000
    assert (value.currentValue(), value.minimumValue(), value.maximumValue()) == (15, 0, total)
    described = slider.text(QAccessible.Text.Description)
    assert "0:15" in described and f"0:{total:02d}" in described
    if language == "en":
        assert described == f"0:15 of 0:{total:02d}"
    # The clock under the bar reads the same.
    assert name_of(find(window, "videoTime")) == described
    press(window, Qt.Key.Key_J)
    assert value.currentValue() == 5
    assert "0:05" in slider.text(QAccessible.Text.Description)


def test_toggles_are_pressed_or_not_under_a_name_that_stays(open_at: Opened) -> None:
    shown = open_at("item/clip")
    window = shown.window
    captions = tab_to(window, "captionsButton")
    before = heard(captions)
    assert before.role() == QAccessible.Role.Button
    assert before.text(QAccessible.Text.Name) == "Captions"
    assert before.state().checkable and before.state().checked
    assert captions.property("label") == "Captions on"
    press(window, Qt.Key.Key_Space)
    assert shown.player.property("captionsOn") is False
    after = heard(captions)
    assert after.text(QAccessible.Text.Name) == "Captions"
    assert after.state().checkable and not after.state().checked
    assert captions.property("label") == "Captions off", "the label a person reads is unchanged"

    sound = tab_to(window, "muteButton", limit=2)
    assert name_of(sound) == "Sound"
    assert heard(sound).state().checkable and not heard(sound).state().checked  # muted by the test
    press(window, Qt.Key.Key_Return)
    assert shown.player.property("muted") is False
    assert name_of(sound) == "Sound" and heard(sound).state().checked
    shown.player.set_muted(True)

    # "Aa" opens a panel: checked while it is open (not "pressed": Qt's bridge sends no event for
    # that state, so a screen reader's cache would keep it after the panel closed).
    aa = find(window, "preferencesButton")
    assert heard(aa).state().checkable and not heard(aa).state().checked
    tab_to(window, "preferencesButton", key=Qt.Key.Key_Backtab)
    press(window, Qt.Key.Key_Return)
    wait_until(lambda: bool(heard(aa).state().checked), 2000)
    assert not heard(aa).state().pressed and name_of(aa) == "Text size, contrast and motion"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_document_pages_turn_and_zoom_from_the_keys(open_at: Opened, language: str) -> None:
    shown = open_at("item/handbook", language=language)
    window, documents = shown.window, shown.documents
    wait_until(lambda: documents.property("status") == "ready", 3000)
    indicator = find(window, "pageIndicator")
    assert heard(indicator).role() == QAccessible.Role.StaticText
    assert name_of(indicator) == indicator.property("text")
    if language == "en":
        assert name_of(indicator) == f"Page 1 of {DOCUMENT_PAGES}"
    assert name_of(find(window, "nextPageButton")) in ("Next page", "الصفحة التالية")

    tab_to(window, "nextPageButton")
    onward = Qt.Key.Key_Left if language == "ar" else Qt.Key.Key_Right
    backward = Qt.Key.Key_Right if language == "ar" else Qt.Key.Key_Left
    press(window, onward)
    assert documents.property("page") == 1
    assert str(2) in name_of(indicator)
    press(window, Qt.Key.Key_PageDown)
    assert documents.property("page") == 2
    press(window, backward)
    assert documents.property("page") == 1
    press(window, Qt.Key.Key_PageUp)
    assert documents.property("page") == 0
    press(window, Qt.Key.Key_End)
    assert documents.property("page") == DOCUMENT_PAGES - 1
    # Next went off with the last page: the focus went to Previous, not into nothing.
    assert focused_name(window) == "previousPageButton"
    press(window, Qt.Key.Key_Home)
    assert documents.property("page") == 0
    assert focused_name(window) == "nextPageButton"
    # Enter on Next to the end: the focus is never lost on the way.
    for _ in range(DOCUMENT_PAGES - 1):
        assert focused_name(window) in ("nextPageButton", "previousPageButton")
        if focused_name(window) == "nextPageButton":
            press(window, Qt.Key.Key_Return)
    assert documents.property("page") == DOCUMENT_PAGES - 1
    assert focused_name(window) == "previousPageButton"

    assert documents.property("zoom") == 1
    press(window, "+")
    assert documents.property("zoom") > 1
    press(window, "-")
    assert documents.property("zoom") == 1
    press(window, "=")
    press(window, "=")
    assert documents.property("zoom") > 1
    press(window, "0")
    assert documents.property("zoom") == 1
