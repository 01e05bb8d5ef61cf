"""The kiosk in a window, used with the keyboard alone: Tab reaches every control, each has a name a
screen reader can say and a focus ring a person can see; Enter opens, Escape goes back; in the search
field the keys type."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtQml import QQmlProperty
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow
from tests.ui.conftest import find, focused, names, open_window, pause

# Roles a keyboard user can act on; anything else taking focus would be a dead stop on the way.
ACTIONABLE = {
    QAccessible.Role.Button,
    QAccessible.Role.RadioButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.EditableText,
}


@pytest.fixture
def keyboard_window(qtbot: Any, bundled_pages: Pages) -> Iterator[KioskWindow]:
    shown = open_window(bundled_pages)
    shown.window.requestActivate()
    qtbot.waitUntil(lambda: shown.window.isActive(), timeout=10_000)
    yield shown
    shown.dispose()


def theme_of(shown: KioskWindow) -> QObject:
    theme = shown.engine.singletonInstance("FairMigrationKiosk", "Theme")
    assert theme is not None
    return theme


def label(item: QQuickItem) -> str:
    return item.objectName() or item.metaObject().className()


def tab(window: QQuickWindow, key: Qt.Key = Qt.Key.Key_Tab) -> QQuickItem:
    QTest.keyClick(window, key)
    return focused(window)


def type_text(window: QQuickWindow, text: str) -> None:
    # QTest.keyClicks takes only widgets: one key at a time, as a person types.
    for character in text:
        QTest.keyClick(window, character)


def ring_of(item: QQuickItem) -> QQuickItem:
    """What draws the item's focus ring: the item itself, or (for the search field) the box around it."""
    if QQmlProperty(item, "border.color").isValid():
        return item
    parent = item.parentItem()
    assert parent is not None and QQmlProperty(parent, "border.color").isValid(), (
        f"{label(item)} has no outline to show focus with"
    )
    return parent


def ring(item: QQuickItem) -> tuple[QColor, float]:
    drawn = ring_of(item)
    return QQmlProperty.read(drawn, "border.color"), float(QQmlProperty.read(drawn, "border.width"))


def tab_cycle(window: QQuickWindow, limit: int) -> list[QQuickItem]:
    """Tab until the focus comes back to where it first landed; the stops in order."""
    stops = [tab(window)]
    for _ in range(limit):
        item = tab(window)
        if item == stops[0]:
            return stops
        stops.append(item)
    raise AssertionError(f"no way round within {limit} presses of Tab: {[label(i) for i in stops]}")


def check_stops(shown: KioskWindow, stops: list[QQuickItem]) -> None:
    """Every stop says what it is, can be acted on, and shows a ring only while it has the focus."""
    window = shown.window
    focus_ring = theme_of(shown).property("focusRing")
    for item in stops:
        # Bring the focus back to this stop by Tab, as a person would, and look at it.
        for _ in range(len(stops)):
            if focused(window) == item:
                break
            tab(window)
        assert focused(window) == item, f"Tab no longer comes back to {label(item)}"
        interface = QAccessible.queryAccessibleInterface(item)
        assert interface is not None, f"{label(item)} is invisible to assistive technology"
        assert interface.text(QAccessible.Text.Name).strip(), f"{label(item)} has no accessible name"
        assert interface.role() in ACTIONABLE, f"{label(item)}: role {interface.role()}"
        colour, width = ring(item)
        assert colour == focus_ring, f"{label(item)}: focus drawn in {colour.name()}"
        tab(window)
        unfocused_colour, unfocused_width = ring(item)
        assert unfocused_colour != focus_ring, f"{label(item)} keeps its ring without the focus"
        assert width >= unfocused_width + 2, f"{label(item)}: ring {width} px, outline {unfocused_width} px"


def test_tab_reaches_every_control_on_the_home_page(
    keyboard_window: KioskWindow, bundled_pages: Pages
) -> None:
    window = keyboard_window.window
    expected = {
        "searchButton",
        "preferencesButton",
        *(f"language:{code}" for code in bundled_pages.languages),
        *names(window, "card:"),
    }
    assert len(expected) >= 10
    # Within one press per control (and a couple more): nothing hides a control behind dead stops.
    stops = tab_cycle(window, limit=len(expected) + 2)
    # The first Tab goes on from the heading, which has the focus: into the topics. Read the cycle
    # from the top of the screen.
    top = [label(item) for item in stops].index("searchButton")
    stops = stops[top:] + stops[:top]
    reached = [label(item) for item in stops]
    assert set(reached) == expected, f"missing {expected - set(reached)}, extra {set(reached) - expected}"
    assert len(reached) == len(set(reached))
    # The order follows the screen: the top bar first, then the topics in reading order.
    assert reached[: len(reached) - len(names(window, "card:"))] == [
        "searchButton",
        "preferencesButton",
        *(f"language:{code}" for code in bundled_pages.languages),
    ]
    assert reached[-len(names(window, "card:")) :] == names(window, "card:")
    check_stops(keyboard_window, stops)


def test_tab_reaches_home_and_back_on_a_section_page(qtbot: Any, keyboard_window: KioskWindow) -> None:
    window = keyboard_window.window
    keyboard_window.kiosk.open("section/areas-of-action")
    qtbot.waitUntil(lambda: bool(names(window, "card:item/")), timeout=10_000)
    # The new page's heading takes the focus (not a Tab stop: Tab goes on from it).
    qtbot.waitUntil(lambda: label(focused(window)) == "pageTitle", timeout=10_000)
    stops = tab_cycle(window, limit=30)
    reached = [label(item) for item in stops]
    assert {"homeButton", "backButton", "searchButton", "preferencesButton"} <= set(reached)
    assert set(names(window, "card:")) <= set(reached)
    check_stops(keyboard_window, stops)


def test_enter_opens_the_focused_card_and_escape_goes_back(qtbot: Any, keyboard_window: KioskWindow) -> None:
    window = keyboard_window.window
    target = "card:section/views-of-ituc"
    for _ in range(15):
        if label(tab(window)) == target:
            break
    assert label(focused(window)) == target
    QTest.keyClick(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keyboard_window.kiosk.route == "section/views-of-ituc", timeout=10_000)
    # The focus is not lost with the page that held it: it is on the new page's heading, and Tab
    # carries on from there: to the page's first card, or (none here) round to the top.
    qtbot.waitUntil(lambda: label(focused(window)) == "pageTitle", timeout=10_000)
    assert label(tab(window)) == ([*names(window, "card:"), "homeButton"])[0]

    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: keyboard_window.kiosk.route == "home", timeout=10_000)
    # Back: the card that opened the page has the focus again.
    qtbot.waitUntil(lambda: label(focused(window)) == target, timeout=10_000)


def test_space_chooses_a_language_and_alt_home_goes_home(qtbot: Any, keyboard_window: KioskWindow) -> None:
    window = keyboard_window.window
    kiosk = keyboard_window.kiosk
    kiosk.open("section/voices")
    kiosk.open("item/voices-on-fair-migration")
    for _ in range(15):
        if label(tab(window)) == "language:fr":
            break
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: kiosk.language == "fr", timeout=10_000)
    assert label(focused(window)) == "language:fr", "choosing a language keeps the focus where it was"
    QTest.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: kiosk.route == "home", timeout=10_000)


def test_typing_on_the_search_page_goes_into_the_field(qtbot: Any, keyboard_window: KioskWindow) -> None:
    window = keyboard_window.window
    kiosk, search = keyboard_window.kiosk, keyboard_window.search
    qtbot.waitUntil(lambda: search.state == "ready", timeout=10000)
    # "/" anywhere else is the shortcut to search; it is not typed into the field it opens.
    QTest.keyClick(window, "/")
    qtbot.waitUntil(lambda: kiosk.route == "search", timeout=10_000)
    field = find(window, "searchField")
    qtbot.waitUntil(lambda: field.hasActiveFocus(), timeout=10_000)
    assert field.property("text") == ""

    type_text(window, "recru")
    assert field.property("text") == "recru"
    assert search.query == "recru"
    QTest.keyClick(window, Qt.Key.Key_Backspace)
    assert field.property("text") == "recr"
    pause(50)
    assert kiosk.route == "search", "Backspace in the field deletes a letter, it does not go back"
    # In the field, "/" is a character like any other.
    QTest.keyClick(window, "/")
    assert field.property("text") == "recr/"
    assert kiosk.route == "search"
    QTest.keyClick(window, Qt.Key.Key_Backspace)
    assert search.query == "recr"

    # Escape still leaves the search page.
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: kiosk.route == "home", timeout=10_000)


def test_results_are_reached_by_tab_and_opened_by_enter(qtbot: Any, keyboard_window: KioskWindow) -> None:
    window = keyboard_window.window
    kiosk, search = keyboard_window.kiosk, keyboard_window.search
    qtbot.waitUntil(lambda: search.state == "ready", timeout=10000)
    kiosk.open("search")
    field = find(window, "searchField")
    qtbot.waitUntil(lambda: field.hasActiveFocus(), timeout=10_000)
    type_text(window, "migra")
    qtbot.waitUntil(lambda: len(names(window, "result:")) >= 2, timeout=10_000)
    results = names(window, "result:")

    stops = tab_cycle(window, limit=20)
    reached = [label(item) for item in stops]
    assert {"searchField", "searchClear", results[0], "homeButton", "searchButton"} <= set(reached), reached
    check_stops(keyboard_window, stops)

    while label(focused(window)) != results[0]:
        tab(window)
    # Down moves through the results without a Tab for each.
    QTest.keyClick(window, Qt.Key.Key_Down)
    assert label(focused(window)) == results[1]
    QTest.keyClick(window, Qt.Key.Key_Return)
    route = results[1].removeprefix("result:")
    qtbot.waitUntil(lambda: kiosk.route == route, timeout=10_000)


def test_a_card_reached_by_tab_is_scrolled_into_view(qtbot: Any, bundled_pages: Pages) -> None:
    # WCAG 2.4.11: a control with the focus is never left below the fold.
    shown = open_window(bundled_pages, size=(1280, 720))
    try:
        window = shown.window
        window.requestActivate()
        qtbot.waitUntil(lambda: window.isActive(), timeout=10_000)
        shown.kiosk.open("section/areas-of-action")
        qtbot.waitUntil(lambda: label(focused(window)) == "pageTitle", timeout=10_000)
        page = find(window, "contentPage")
        last = names(window, "card:")[-1]
        for _ in range(20):
            if label(tab(window)) == last:
                break
        card = focused(window)
        assert label(card) == last
        top = card.mapToItem(page, 0, 0).y()
        assert float(page.property("contentY")) > 0, "the page never scrolled"
        assert top >= 0 and top + card.height() <= page.height(), f"the focused card is at {top}, out of view"
    finally:
        shown.dispose()
