"""A day at the booth with an injected clock: the attract loop, the first touch, the idle prompt, the
reset of everything a visitor changed, and no way out of kiosk mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMetaObject, QPoint, QSize, Qt
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest

from kiosk.core.pages import Pages
from kiosk.core.pin import PinStore
from kiosk.ui.app import KioskWindow, build_window

from .conftest import BoothClock, find, names, pause, settled_centre, tap, text_of


@pytest.fixture
def booth(bundled_pages: Pages, clock: BoothClock) -> Iterator[KioskWindow]:
    shown = build_window(
        bundled_pages, size=QSize(1920, 1080), animate=False, visitor_sessions=True, clock=clock
    )
    QTest.qWaitForWindowExposed(shown.window)
    yield shown
    shown.dispose()


def route(shown: KioskWindow) -> str:
    return shown.kiosk.current_route()


def test_a_kiosk_starts_with_the_attract_loop_and_a_touch_opens_home_without_tapping_under_it(
    booth: KioskWindow,
) -> None:
    window = booth.window
    assert route(booth) == "attract"
    find(window, "attractPage")
    invitations = names(window, "invitation:")
    assert invitations == ["invitation:en", "invitation:fr", "invitation:es"]
    assert find(window, "invitation:fr").property("text") == "Touchez l'écran pour découvrir"
    # The finger lands where the first topic card of the home page will be.
    booth.kiosk.show("home")
    card = find(window, "card:section/fair-migration-agenda")
    spot = settled_centre(card).toPoint()
    booth.kiosk.show("attract")
    booth.session.start(attract=True)
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert route(booth) == "home"  # the touch woke the kiosk and nothing more
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert route(booth) == "section/fair-migration-agenda"  # the next one is a visitor's tap


def test_idle_prompt_then_reset_puts_every_piece_of_visitor_state_back(
    qtbot: Any, booth: KioskWindow, clock: BoothClock, bundled_pages: Pages
) -> None:
    window = booth.window
    tap(window, find(window, "attractPage"))
    assert route(booth) == "home"
    # A visitor changes everything they can.
    tap(window, find(window, "language:fr"))
    tap(window, find(window, "card:section/areas-of-action"))
    tap(window, find(window, "preferencesButton"))
    tap(window, find(window, "textSize:2"))
    tap(window, find(window, "highContrastSwitch"))
    tap(window, find(window, "reducedMotionSwitch"))
    booth.search.setQuery("recru")
    booth.kiosk.open("item/agenda-handout")
    qtbot.waitUntil(lambda: booth.documents.property("status") == "ready")
    booth.documents.goTo(3)
    booth.kiosk.open("item/ituc-video-sharan-burrow")
    booth.player.toggleMute()
    booth.player.toggleCaptions()
    assert booth.preferences.property("textSize") == 2 and booth.player.property("muted")

    clock.advance(89, booth)
    assert booth.session.property("phase") == "active"
    clock.advance(1, booth)
    assert booth.session.property("phase") == "prompt"
    assert find(window, "stillTherePrompt").isVisible()
    assert text_of(window, "stillThereQuestion") == "Vous êtes toujours là\u00a0?"
    assert booth.session.property("secondsLeft") == 10
    clock.advance(4, booth)
    assert booth.session.property("secondsLeft") == 6
    assert "6 secondes" in text_of(window, "stillThereCountdown")

    # Answering keeps everything as it was.
    tap(window, find(window, "stillHereButton"))
    assert booth.session.property("phase") == "active"
    assert route(booth) == "item/ituc-video-sharan-burrow"
    assert booth.kiosk.current_language() == "fr"

    clock.advance(90, booth)
    assert booth.session.property("phase") == "prompt"
    clock.advance(10, booth)
    # Nobody answered: everything back to how the next visitor should find it.
    assert booth.session.property("phase") == "attract"
    assert route(booth) == "attract"
    assert booth.kiosk.current_language() == bundled_pages.default_language == "en"
    assert booth.kiosk.property("canGoBack") is True  # attract's Back is home, not the old history
    assert booth.search.property("query") == "" and booth.search.property("results") == []
    assert booth.preferences.property("isDefault") is True
    assert booth.player.property("muted") is False and booth.player.property("captionsOn") is True
    qtbot.waitUntil(lambda: not names(window, "stillTherePrompt"))
    assert booth.session.reset_count() == 1
    # And after the reset, the attract loop runs until the next touch.
    tap(window, find(window, "attractPage"))
    assert route(booth) == "home"
    assert find(window, "searchButton").property("label") == "Search"
    # The document the last visitor read to its fourth page opens at its first.
    booth.kiosk.open("item/agenda-handout")
    assert booth.documents.property("page") == 0


def test_nobody_touched_since_the_last_reset_means_no_question_is_asked(
    booth: KioskWindow, clock: BoothClock
) -> None:
    booth.session.start(attract=False)
    booth.kiosk.show("home")
    clock.advance(91, booth)
    assert booth.session.property("phase") == "attract"
    assert route(booth) == "attract"


def test_a_visitor_watching_a_video_is_not_asked_if_they_are_still_there(
    qtbot: Any, booth: KioskWindow, clock: BoothClock
) -> None:
    tap(booth.window, find(booth.window, "attractPage"))
    booth.kiosk.open("item/dg-video-november-2014")
    booth.player.set_muted(True)
    tap(booth.window, find(booth.window, "bigPlayButton"))
    qtbot.waitUntil(lambda: booth.player.state() == "playing", timeout=5000)
    clock.advance(60, booth)
    clock.advance(60, booth)
    assert booth.session.property("phase") == "active"
    booth.player.pause()
    clock.advance(90, booth)
    assert booth.session.property("phase") == "prompt"


def test_the_attract_loop_moves_from_slide_to_slide_and_plays_videos_muted_with_captions(
    qtbot: Any, booth: KioskWindow, bundled_pages: Pages
) -> None:
    page = find(booth.window, "attractPage")
    slides = booth.kiosk.current_page()["slides"]
    kinds = [slide["kind"] for slide in slides]
    assert kinds.count("slide") == len(bundled_pages.compiled["sections"]) and "video" in kinds
    first_video = kinds.index("video")
    assert text_of(booth.window, "attractSlideTitle") == slides[0]["title"]
    for _ in range(first_video):
        QMetaObject.invokeMethod(page, "next")
    assert page.property("slide")["kind"] == "video"
    qtbot.waitUntil(lambda: booth.player.state() == "playing", timeout=5000)
    assert booth.player.property("muted") is True and booth.player.property("captionsOn") is True


def test_kiosk_mode_refuses_every_way_out(qtbot: Any, bundled_pages: Pages, clock: BoothClock) -> None:
    shown = build_window(bundled_pages, animate=False, visitor_sessions=True, locked=True, clock=clock)
    try:
        window = shown.window
        QTest.qWaitForWindowExposed(window)
        assert window.visibility() == QWindow.Visibility.FullScreen
        assert window.flags() & Qt.WindowType.FramelessWindowHint
        assert window.flags() & Qt.WindowType.WindowStaysOnTopHint
        tap(window, find(window, "attractPage"))
        shown.kiosk.open("section/videos")
        for key, modifier in [
            (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
            (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
            (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        ]:
            QTest.keyClick(window, key, modifier)
            assert window.isVisible() and window.visibility() == QWindow.Visibility.FullScreen, key
        assert window.close() is False  # the window's close event, as from Alt+F4 in a window manager
        assert window.isVisible()
        shown.kiosk.open("section/videos")  # Escape went Back, as it may: it is a way back, not out
        card = find(window, "card:item/dg-video-november-2014")
        spot = settled_centre(card).toPoint()
        QTest.mouseClick(window, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, spot)
        assert route(shown) == "section/videos"  # a right click does nothing at all
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
        pause(1200)  # a long press
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
        assert route(shown) == "section/videos" and window.isVisible()
        # A swipe in from the left edge.
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(0, 500))
        for x in range(0, 600, 60):
            QTest.mouseMove(window, QPoint(x, 500), 5)
        QTest.mouseRelease(
            window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(600, 500)
        )
        assert window.isVisible() and window.visibility() == QWindow.Visibility.FullScreen
        assert shown.guard.refused >= 5
    finally:
        shown.dispose()


def test_staff_hold_the_corner_enter_the_pin_and_no_visitor_reset_happens_under_them(
    qtbot: Any, bundled_pages: Pages, clock: BoothClock, tmp_path: Path
) -> None:
    pins = PinStore(tmp_path / "admin-pin.json")
    pins.set("2468")
    shown = build_window(
        bundled_pages,
        size=QSize(1920, 1080),
        animate=False,
        visitor_sessions=True,
        locked=True,
        clock=clock,
        pin_store=pins,
    )
    try:
        window = shown.window
        QTest.qWaitForWindowExposed(window)
        # The kiosk is usually showing its attract loop when staff come: the hold works there too.
        assert route(shown) == "attract"
        corner = settled_centre(find(window, "adminCorner")).toPoint()
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
        qtbot.waitUntil(lambda: bool(names(window, "pinKey:")), timeout=5000)
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
        assert route(shown) == "home"
        tap(window, find(window, "pinCancel"))
        assert not names(window, "pinKey:")
        # A short touch on the corner is nothing; three seconds held open the PIN pad.
        tap(window, find(window, "adminCorner"))
        assert not names(window, "pinKey:") and route(shown) == "home"
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
        qtbot.waitUntil(lambda: bool(names(window, "pinKey:")), timeout=5000)
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
        for digit in "2468":
            tap(window, find(window, f"pinKey:{digit}"))
        tap(window, find(window, "pinOk"))
        qtbot.waitUntil(lambda: shown.admin.property("panelOpen") is True, timeout=10_000)
        assert find(window, "adminTitle").isVisible()
        # Staff at work: the idle prompt and the reset wait.
        clock.advance(300, shown)
        assert shown.session.property("phase") == "active"
        exits: list[bool] = []
        shown.admin.exitRequested.connect(lambda: exits.append(True))
        tap(window, find(window, "exitButton"))
        tap(window, find(window, "confirmButton"))
        assert exits == [True]
    finally:
        shown.dispose()


def test_the_pointer_hides_while_the_screen_is_touched_and_returns_with_a_mouse(
    bundled_pages: Pages, clock: BoothClock
) -> None:
    from PySide6.QtGui import QGuiApplication, QPointingDevice

    shown = build_window(bundled_pages, animate=False, visitor_sessions=True, locked=True, clock=clock)
    try:
        window = shown.window
        QTest.qWaitForWindowExposed(window)
        screen = QPointingDevice(
            "test touch screen",
            1,
            QPointingDevice.DeviceType.TouchScreen,
            QPointingDevice.PointerType.Finger,
            QPointingDevice.Capability.Position,
            10,
            0,
        )
        finger = QTest.touchEvent(window, screen)
        finger.press(0, QPoint(600, 400)).commit()
        finger.release(0, QPoint(600, 400)).commit()
        pause(20)
        assert shown.guard.pointer_hidden
        cursor = QGuiApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
        QTest.mouseMove(window, QPoint(700, 500))
        pause(20)
        assert not shown.guard.pointer_hidden
        assert QGuiApplication.overrideCursor() is None
    finally:
        shown.dispose()
