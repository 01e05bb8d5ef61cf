"""Reading preferences as a visitor uses them: "Aa" on the top bar, text size, high contrast, reduced
motion, Reset, Close and Escape; remembered between windows only when there is a place to keep them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlProperty
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from tests.ui.conftest import find, names, pause, tap


class Windows:
    """Opens windows with the given build_window options; whatever is still open is closed after the test."""

    def __init__(self, pages: Pages) -> None:
        self._pages = pages
        self._open: list[KioskWindow] = []

    def __call__(self, size: tuple[int, int] = (1920, 1080), **options: Any) -> KioskWindow:
        options.setdefault("animate", False)
        shown = build_window(self._pages, size=QSize(*size), **options)
        QTest.qWaitForWindowExposed(shown.window)
        self._open.append(shown)
        return shown

    def close(self, shown: KioskWindow) -> None:
        self._open.remove(shown)
        shown.dispose()

    def close_all(self) -> None:
        while self._open:
            self.close(self._open[-1])


@pytest.fixture
def open_kiosk(qtbot: Any, bundled_pages: Pages) -> Iterator[Windows]:
    windows = Windows(bundled_pages)
    yield windows
    windows.close_all()


def theme_of(shown: KioskWindow) -> QObject:
    theme = shown.engine.singletonInstance("FairMigrationKiosk", "Theme")
    assert theme is not None
    return theme


def palette(shown: KioskWindow, name: str) -> dict[str, str]:
    return theme_of(shown).property(name).toVariant()


def panel_open(window: QQuickWindow) -> bool:
    return bool(names(window, "preferencesPanel"))


def open_panel(qtbot: Any, window: QQuickWindow) -> None:
    tap(window, find(window, "preferencesButton"))
    qtbot.waitUntil(lambda: panel_open(window), timeout=10_000)


def pixel_size(window: QQuickWindow, name: str) -> int:
    return int(QQmlProperty.read(find(window, name), "font.pixelSize"))


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def wait_for_route(qtbot: Any, shown: KioskWindow, route: str) -> None:
    qtbot.waitUntil(lambda: shown.kiosk.route == route, timeout=10_000)


def test_aa_opens_the_panel_and_close_closes_it(qtbot: Any, open_kiosk: Windows) -> None:
    shown = open_kiosk()
    window = shown.window
    assert not panel_open(window)
    aa = find(window, "preferencesButton")
    assert aa.property("checked") is False
    open_panel(qtbot, window)
    assert aa.property("checked") is True
    for control in ("textSize:0", "textSize:1", "textSize:2", "highContrastSwitch", "reducedMotionSwitch"):
        find(window, control)
    # The standard settings are shown as chosen, and there is nothing to reset.
    assert find(window, "textSize:0").property("checked") is True
    assert find(window, "textSize:2").property("checked") is False
    assert find(window, "preferencesReset").isEnabled() is False

    tap(window, find(window, "preferencesClose"))
    qtbot.waitUntil(lambda: not panel_open(window), timeout=10_000)
    assert aa.property("checked") is False
    # "Aa" is also a toggle: a second touch closes what the first opened.
    open_panel(qtbot, window)
    tap(window, aa)
    qtbot.waitUntil(lambda: not panel_open(window), timeout=10_000)


@pytest.mark.parametrize(("language", "size"), [("en", (1280, 800)), ("fr", (1080, 1920))])
def test_larger_text_makes_the_text_larger_and_the_page_still_fits(
    qtbot: Any, open_kiosk: Windows, language: str, size: tuple[int, int]
) -> None:
    shown = open_kiosk(size=size, language=language, start_route="section/fair-migration-agenda")
    window = shown.window
    standard_body = pixel_size(window, "pageBody")
    standard_title = pixel_size(window, "pageTitle")
    open_panel(qtbot, window)

    tap(window, find(window, "textSize:1"))
    qtbot.waitUntil(lambda: pixel_size(window, "pageBody") > standard_body, timeout=10_000)
    larger = pixel_size(window, "pageBody")
    tap(window, find(window, "textSize:2"))
    qtbot.waitUntil(lambda: pixel_size(window, "pageBody") > larger, timeout=10_000)
    largest = pixel_size(window, "pageBody")
    assert largest >= standard_body * 1.3, (standard_body, larger, largest)
    assert pixel_size(window, "pageTitle") > standard_title
    assert find(window, "textSize:2").property("checked") is True
    assert find(window, "textSize:0").property("checked") is False
    assert shown.preferences.textSize == 2

    # Still laid out for this screen: nothing runs off the side, the top bar's rows do not collide.
    tap(window, find(window, "preferencesClose"))
    qtbot.waitUntil(lambda: not panel_open(window), timeout=10_000)
    pause(50)
    cards = names(window, "card:")
    assert cards
    for name in [*cards, "pageBody", "pageTitle"]:
        rect = scene_rect(find(window, name))
        assert rect.left() >= 0 and rect.right() <= window.width(), f"{name} at {rect}"
    bar = [
        scene_rect(find(window, name))
        for name in (
            "homeButton",
            "backButton",
            "searchButton",
            "preferencesButton",
            *names(window, "language:"),
        )
    ]
    for index, rect in enumerate(bar):
        assert rect.left() >= 0 and rect.right() <= window.width(), rect
        assert not any(rect.intersects(other) for other in bar[index + 1 :]), f"buttons overlap: {bar}"


def test_high_contrast_switches_the_colours(qtbot: Any, open_kiosk: Windows) -> None:
    shown = open_kiosk()
    window = shown.window
    standard, high = palette(shown, "standardPalette"), palette(shown, "highContrastPalette")
    assert window.color() == QColor(standard["background"])
    open_panel(qtbot, window)
    switch = find(window, "highContrastSwitch")
    assert switch.property("checked") is False

    tap(window, switch)
    qtbot.waitUntil(lambda: window.color() == QColor(high["background"]), timeout=10_000)
    assert switch.property("checked") is True
    assert QQmlProperty.read(find(window, "pageTitle"), "color") == QColor(high["text"])
    assert QQmlProperty.read(find(window, "pageBody"), "color") == QColor(high["text"])
    assert find(window, "preferencesReset").isEnabled()

    tap(window, switch)
    qtbot.waitUntil(lambda: window.color() == QColor(standard["background"]), timeout=10_000)
    assert QQmlProperty.read(find(window, "pageTitle"), "color") == QColor(standard["text"])


def test_reduced_motion_stops_the_page_fade(qtbot: Any, open_kiosk: Windows) -> None:
    # An animated window, as on a kiosk: pages fade in unless the visitor asks for less motion.
    shown = open_kiosk(animate=True)
    window = shown.window
    theme = theme_of(shown)
    assert theme.property("fadeMs") > 0
    shown.kiosk.open("section/videos")
    # The page fades in under a cover of the window's colour, lifted as it fades (Main.qml).
    cover = find(window, "pageFade")
    assert cover.opacity() > 0.0, "a new page fades in"
    qtbot.waitUntil(lambda: not cover.isVisible(), timeout=10_000)

    open_panel(qtbot, window)
    tap(window, find(window, "reducedMotionSwitch"))
    qtbot.waitUntil(lambda: theme.property("fadeMs") == 0, timeout=10_000)
    assert theme.property("reducedMotion") is True
    assert find(window, "reducedMotionSwitch").property("checked") is True
    shown.kiosk.open("section/voices")
    assert not cover.isVisible(), "with reduced motion the new page is there at once"


def test_reset_returns_everything_to_the_defaults(qtbot: Any, open_kiosk: Windows) -> None:
    shown = open_kiosk(animate=True)
    window = shown.window
    theme = theme_of(shown)
    body = pixel_size(window, "pageBody")
    colour = window.color()
    open_panel(qtbot, window)
    tap(window, find(window, "textSize:2"))
    tap(window, find(window, "highContrastSwitch"))
    tap(window, find(window, "reducedMotionSwitch"))
    qtbot.waitUntil(lambda: theme.property("fadeMs") == 0, timeout=10_000)
    assert pixel_size(window, "pageBody") > body and window.color() != colour

    reset = find(window, "preferencesReset")
    assert reset.isEnabled()
    tap(window, reset)
    qtbot.waitUntil(lambda: window.color() == colour, timeout=10_000)
    assert pixel_size(window, "pageBody") == body
    assert theme.property("textScale") == 1.0
    assert theme.property("highContrast") is False
    assert theme.property("fadeMs") > 0
    assert find(window, "textSize:0").property("checked") is True
    assert find(window, "highContrastSwitch").property("checked") is False
    assert find(window, "reducedMotionSwitch").property("checked") is False
    assert reset.isEnabled() is False
    assert panel_open(window), "Reset leaves the panel open: the visitor may choose again"


def test_escape_closes_the_panel_before_it_goes_back(qtbot: Any, open_kiosk: Windows) -> None:
    shown = open_kiosk()
    window = shown.window
    shown.kiosk.open("section/views-of-ituc")
    wait_for_route(qtbot, shown, "section/views-of-ituc")
    open_panel(qtbot, window)
    window.requestActivate()

    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel_open(window), timeout=10_000)
    pause(50)
    assert shown.kiosk.route == "section/views-of-ituc", "Escape closed the panel and stayed"

    QTest.keyClick(window, Qt.Key.Key_Escape)
    wait_for_route(qtbot, shown, "home")


def test_moving_to_another_page_closes_the_panel(qtbot: Any, open_kiosk: Windows) -> None:
    shown = open_kiosk(start_route="section/views-of-ituc")
    window = shown.window
    open_panel(qtbot, window)
    tap(window, find(window, "homeButton"))
    wait_for_route(qtbot, shown, "home")
    assert not panel_open(window)


def test_a_touch_inside_the_panel_does_not_reach_the_page_under_it(qtbot: Any, open_kiosk: Windows) -> None:
    shown = open_kiosk()
    window = shown.window
    open_panel(qtbot, window)
    panel = scene_rect(find(window, "preferencesPanel"))
    # A spot of the panel's own background (inside its padding, clear of its buttons) over a card.
    spot = QPointF(panel.left() + 10, panel.bottom() - 10)
    under = [n for n in names(window, "card:") if scene_rect(find(window, n)).contains(spot)]
    assert under, "the panel no longer covers a card here: pick another spot"
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot.toPoint())
    pause(100)
    assert shown.kiosk.route == "home", f"the touch went through to {under[0]}"


def test_preferences_are_remembered_in_the_store(qtbot: Any, open_kiosk: Windows, tmp_path: Path) -> None:
    store = tmp_path / "config" / "preferences.json"
    first = open_kiosk(preferences_store=store)
    body = pixel_size(first.window, "pageBody")
    open_panel(qtbot, first.window)
    tap(first.window, find(first.window, "textSize:2"))
    tap(first.window, find(first.window, "highContrastSwitch"))
    qtbot.waitUntil(lambda: first.preferences.highContrast, timeout=10_000)
    assert json.loads(store.read_text(encoding="utf-8")) == {
        "text_size": 2,
        "high_contrast": True,
        "reduced_motion": False,
    }
    open_kiosk.close(first)

    second = open_kiosk(preferences_store=store)
    window = second.window
    theme = theme_of(second)
    assert second.preferences.textSize == 2 and second.preferences.highContrast
    assert theme.property("highContrast") is True
    assert window.color() == QColor(palette(second, "highContrastPalette")["background"])
    assert pixel_size(window, "pageBody") > body
    open_panel(qtbot, window)
    assert find(window, "textSize:2").property("checked") is True
    assert find(window, "highContrastSwitch").property("checked") is True

    # Reset is remembered too.
    tap(window, find(window, "preferencesReset"))
    qtbot.waitUntil(lambda: bool(second.preferences.isDefault), timeout=10_000)
    assert json.loads(store.read_text(encoding="utf-8")) == {
        "text_size": 0,
        "high_contrast": False,
        "reduced_motion": False,
    }


def test_without_a_store_preferences_last_one_window(
    qtbot: Any, open_kiosk: Windows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where the windowed kiosk would keep them: it must stay empty.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert paths.user_config().is_relative_to(tmp_path)
    first = open_kiosk(preferences_store=None)
    open_panel(qtbot, first.window)
    tap(first.window, find(first.window, "textSize:1"))
    tap(first.window, find(first.window, "reducedMotionSwitch"))
    qtbot.waitUntil(lambda: first.preferences.reducedMotion, timeout=10_000)
    open_kiosk.close(first)

    second = open_kiosk(preferences_store=None)
    assert second.preferences.isDefault
    assert theme_of(second).property("textScale") == 1.0
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_mangled_store_opens_with_the_defaults_and_is_mended(
    qtbot: Any, open_kiosk: Windows, tmp_path: Path
) -> None:
    store = tmp_path / "preferences.json"
    store.write_text('{"text_size": "huge", "high_contrast": "on", "reduced_motion": [', encoding="utf-8")
    # A QML warning or an exception here fails the test (qt_log_level_fail in pyproject.toml).
    shown = open_kiosk(preferences_store=store)
    window = shown.window
    assert shown.preferences.isDefault
    assert window.color() == QColor(palette(shown, "standardPalette")["background"])
    open_panel(qtbot, window)
    assert find(window, "textSize:0").property("checked") is True
    tap(window, find(window, "textSize:1"))
    qtbot.waitUntil(lambda: shown.preferences.textSize == 1, timeout=10_000)
    assert json.loads(store.read_text(encoding="utf-8"))["text_size"] == 1
