"""Panels and dialogs with the keyboard, as a screen reader meets them: the "Aa" panel, the "Still
there?" prompt and the staff PIN pad take the focus when they open (a named dialog, so the screen
reader says it), keep Tab inside while open, close with Escape where that makes sense, and give the
focus back to the control that had it. A visitor who only touches sees no focus ring appear."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.core.pages import Pages
from kiosk.core.pin import PinStore
from kiosk.ui.app import KioskWindow, build_window
from tests.ui.conftest import (
    BoothClock,
    all_items,
    find,
    focused,
    focused_name,
    names,
    pause,
    tap,
    wait_until,
)


def tab_to(window: QQuickWindow, name: str, limit: int = 30) -> QQuickItem:
    for _ in range(limit):
        QTest.keyClick(window, Qt.Key.Key_Tab)
        if focused_name(window) == name:
            return focused(window)
    raise AssertionError(f"Tab never reached {name}")


def inside(item: QQuickItem, container: QQuickItem) -> bool:
    while item is not None:
        if item == container:
            return True
        item = item.parentItem()
    return False


def stops_of(window: QQuickWindow, presses: int, key: Qt.Key = Qt.Key.Key_Tab) -> list[QQuickItem]:
    stops = []
    for _ in range(presses):
        QTest.keyClick(window, key)
        stops.append(focused(window))
    return stops


def rings_shown(window: QQuickWindow, container: QQuickItem) -> list[str]:
    """Controls inside the container that draw a focus ring (they have the active focus)."""
    return [
        item.objectName()
        for item in all_items(container)
        if item.hasActiveFocus() and item.property("activeFocusOnTab") and item != container
    ]


def heard_as(item: QQuickItem) -> tuple[QAccessible.Role | None, str]:
    interface = QAccessible.queryAccessibleInterface(item)
    if interface is None:
        return None, ""
    return interface.role(), interface.text(QAccessible.Text.Name)


@pytest.fixture
def keyboard_window(qtbot: Any, bundled_pages: Pages, tmp_path: Path) -> Iterator[KioskWindow]:
    shown = build_window(
        bundled_pages,
        size=QSize(1920, 1080),
        animate=False,
        pin_store=PinStore(tmp_path / "admin-pin.json"),
    )
    QTest.qWaitForWindowExposed(shown.window)
    shown.window.requestActivate()
    qtbot.waitUntil(lambda: shown.window.isActive(), timeout=10_000)
    yield shown
    pause(200)
    shown.dispose()


def test_the_aa_panel_takes_the_focus_keeps_tab_inside_and_gives_it_back(
    keyboard_window: KioskWindow,
) -> None:
    window = keyboard_window.window
    aa = tab_to(window, "preferencesButton")
    QTest.keyClick(window, Qt.Key.Key_Return)
    wait_until(lambda: bool(names(window, "preferencesPanel")))
    panel = find(window, "preferencesPanel")
    assert heard_as(panel) == (QAccessible.Role.Dialog, "Text size, contrast and motion")
    # The panel's controls come at once, not after the page's cards: the focus is on the text size
    # in use.
    wait_until(lambda: focused_name(window) == "textSize:0")
    assert focused_name(window) == "textSize:0"
    stops = stops_of(window, 12)
    assert all(inside(item, panel) for item in stops), [i.objectName() for i in stops if not inside(i, panel)]
    round_trip = [item.objectName() for item in stops[:6]]
    assert round_trip == [
        "textSize:1",
        "textSize:2",
        "highContrastSwitch",
        "reducedMotionSwitch",
        "preferencesClose",  # Reset is off: nothing to reset
        "textSize:0",
    ]
    backwards = [item.objectName() for item in stops_of(window, 2, Qt.Key.Key_Backtab)]
    assert backwards == ["preferencesClose", "reducedMotionSwitch"]
    # A check box says its state, not a tick in its name.
    QTest.keyClick(window, Qt.Key.Key_Space)
    switch = find(window, "reducedMotionSwitch")
    interface = QAccessible.queryAccessibleInterface(switch)
    assert interface.text(QAccessible.Text.Name) == "Reduce motion"
    assert interface.state().checked and switch.property("label").startswith("\u2713")

    # Escape closes it, stays on the page, and the focus is back on "Aa".
    QTest.keyClick(window, Qt.Key.Key_Escape)
    wait_until(lambda: not names(window, "preferencesPanel") and window.activeFocusItem() == aa)
    assert not names(window, "preferencesPanel")
    assert keyboard_window.kiosk.route == "home"
    assert window.activeFocusItem() == aa
    keyboard_window.preferences.reset()

    # Close (Enter on it) gives the focus back the same way.
    QTest.keyClick(window, Qt.Key.Key_Space)
    wait_until(lambda: focused_name(window) == "textSize:0")
    QTest.keyClick(window, Qt.Key.Key_Backtab)
    assert focused_name(window) == "preferencesClose"
    QTest.keyClick(window, Qt.Key.Key_Return)
    wait_until(lambda: window.activeFocusItem() == aa)
    assert window.activeFocusItem() == aa and not names(window, "preferencesPanel")


def test_the_aa_panel_opened_by_touch_shows_no_ring_but_a_tab_goes_into_it(
    keyboard_window: KioskWindow,
) -> None:
    window = keyboard_window.window
    tap(window, find(window, "preferencesButton"))
    wait_until(lambda: bool(names(window, "preferencesPanel")))
    panel = find(window, "preferencesPanel")
    wait_until(lambda: window.activeFocusItem() == panel)
    # The panel itself has the focus: a screen reader hears it open, a finger sees no ring.
    assert window.activeFocusItem() == panel
    assert rings_shown(window, panel) == []
    QTest.keyClick(window, Qt.Key.Key_Tab)
    assert inside(focused(window), panel) and focused(window) != panel
    tap(window, find(window, "preferencesClose"))
    wait_until(lambda: not names(window, "preferencesPanel"))
    assert not names(window, "preferencesPanel")


def test_the_pin_pad_keeps_tab_on_its_keys_and_gives_the_focus_back(keyboard_window: KioskWindow) -> None:
    window = keyboard_window.window
    card = tab_to(window, "card:section/views-of-ituc")
    keyboard_window.admin.startPinEntry()
    window.setProperty("adminPadOpen", True)
    wait_until(lambda: bool(names(window, "pinKey:1")))
    pad = find(window, "pinKey:1").parentItem()
    while pad is not None and heard_as(pad)[0] != QAccessible.Role.Dialog:
        pad = pad.parentItem()
    assert pad is not None and heard_as(pad) == (QAccessible.Role.Dialog, "Admin PIN")
    wait_until(lambda: window.activeFocusItem() == pad)
    assert window.activeFocusItem() == pad, "the pad did not take the focus"
    stops = stops_of(window, 16)
    assert all(inside(item, pad) for item in stops), [i.objectName() for i in stops if not inside(i, pad)]
    assert {"pinKey:1", "pinKey:0", "pinCancel"} <= {item.objectName() for item in stops}
    # Enter on a focused key presses that key.
    while focused_name(window) != "pinKey:5":
        QTest.keyClick(window, Qt.Key.Key_Tab)
    QTest.keyClick(window, Qt.Key.Key_Return)
    assert heard_as(find(window, "pinDots"))[1] == "1 digit entered"
    QTest.keyClick(window, Qt.Key.Key_Escape)
    wait_until(lambda: not names(window, "pinKey:1") and window.activeFocusItem() == card)
    assert not names(window, "pinKey:1")
    assert window.activeFocusItem() == card, "the focus did not come back to the card"
    assert keyboard_window.kiosk.route == "home"


def test_still_there_takes_the_focus_and_any_key_answers_it(bundled_pages: Pages, qtbot: Any) -> None:
    clock = BoothClock()
    shown = build_window(
        bundled_pages, size=QSize(1920, 1080), animate=False, visitor_sessions=True, clock=clock
    )
    try:
        QTest.qWaitForWindowExposed(shown.window)
        window = shown.window
        window.requestActivate()
        qtbot.waitUntil(lambda: window.isActive(), timeout=10_000)
        tap(window, find(window, "attractPage"))
        assert shown.kiosk.route == "home"
        card = tab_to(window, "card:section/views-of-ituc")
        clock.advance(90, shown)
        assert shown.session.property("phase") == "prompt"
        prompt = find(window, "stillTherePrompt")
        role, name = heard_as(prompt)
        assert (role, name) == (QAccessible.Role.Dialog, "Still there?")
        description = QAccessible.queryAccessibleInterface(prompt).text(QAccessible.Text.Description)
        assert "10 seconds" in description
        # A keyboard visitor was here: the focus is on the one answer, ring and all.
        wait_until(lambda: focused_name(window) == "stillHereButton")
        assert focused_name(window) == "stillHereButton"
        QTest.keyClick(window, Qt.Key.Key_Tab)
        assert shown.session.property("phase") == "active", "a key is an answer, as a touch is"
        wait_until(lambda: not names(window, "stillTherePrompt") and window.activeFocusItem() == card)
        assert window.activeFocusItem() == card
        assert shown.kiosk.route == "home"
    finally:
        pause(200)
        shown.dispose()
