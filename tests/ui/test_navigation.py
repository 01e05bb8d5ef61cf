"""A visitor's way through the real QML: tap a topic, tap a card, Back, Home."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.core.pages import Pages, localize
from kiosk.ui.app import KioskWindow
from tests.ui.conftest import find, names, open_window, pause, settled_centre, tap, text_of


def wait_for_route(qtbot: Any, shown: KioskWindow, route: str) -> None:
    qtbot.waitUntil(lambda: shown.kiosk.route == route, timeout=10_000)
    qtbot.waitUntil(lambda: text_of(shown.window, "pageTitle") != "", timeout=10_000)


def test_home_shows_title_lead_and_every_section_as_a_tile(
    kiosk_window: KioskWindow, bundled_pages: Pages
) -> None:
    window = kiosk_window.window
    agenda = bundled_pages.agenda
    assert text_of(window, "pageTitle") == localize(agenda["title"], "en")
    assert text_of(window, "pageBody") == localize(agenda["lead"], "en")
    expected = [f"card:section/{s['id']}" for s in bundled_pages.compiled["sections"]]
    assert names(window, "card:") == expected
    # Nothing to go back to on the home page: both buttons are shown but inactive.
    assert find(window, "homeButton").isEnabled() is False
    assert find(window, "backButton").isEnabled() is False


def test_tap_section_then_item_then_back_and_home(
    qtbot: Any, kiosk_window: KioskWindow, bundled_pages: Pages
) -> None:
    window = kiosk_window.window
    tap(window, find(window, "card:section/views-of-ituc"))
    wait_for_route(qtbot, kiosk_window, "section/views-of-ituc")
    assert text_of(window, "pageTitle") == "Views of ITUC"
    section = bundled_pages.sections["views-of-ituc"]
    assert names(window, "card:") == [f"card:item/{i}" for i in section["items"]]
    assert find(window, "backButton").isEnabled()

    video_id = next(i for i in section["items"] if bundled_pages.items[i]["kind"] == "video")
    tap(window, find(window, f"card:item/{video_id}"))
    wait_for_route(qtbot, kiosk_window, f"item/{video_id}")
    assert "Sharan Burrow" in text_of(window, "pageTitle")
    assert text_of(window, "itemKind").lower() == "video"
    assert find(window, "standInNotice").isVisible()
    assert "International Trade Union Confederation" in text_of(window, "sourceName")
    assert text_of(window, "publicAddress") == "ilo.org/…/fair-migration-agenda/lang--en/index.htm"
    assert "Home" in text_of(window, "trail") and "Views of ITUC" in text_of(window, "trail")

    tap(window, find(window, "backButton"))
    wait_for_route(qtbot, kiosk_window, "section/views-of-ituc")
    assert text_of(window, "pageTitle") == "Views of ITUC"

    tap(window, find(window, "homeButton"))
    wait_for_route(qtbot, kiosk_window, "home")
    assert names(window, "card:")[0] == "card:section/fair-migration-agenda"


def test_collection_opens_its_members_and_back_returns_to_it(
    qtbot: Any, kiosk_window: KioskWindow, bundled_pages: Pages
) -> None:
    window = kiosk_window.window
    collection_id, collection = next(
        (key, item) for key, item in bundled_pages.items.items() if item["kind"] == "collection"
    )
    tap(window, find(window, f"card:section/{collection['section']}"))
    wait_for_route(qtbot, kiosk_window, f"section/{collection['section']}")
    tap(window, find(window, f"card:item/{collection_id}"))
    wait_for_route(qtbot, kiosk_window, f"item/{collection_id}")
    assert names(window, "card:item/")[: len(collection["children"])] == [
        f"card:item/{child}" for child in collection["children"]
    ]
    child = collection["children"][0]
    tap(window, find(window, f"card:item/{child}"))
    wait_for_route(qtbot, kiosk_window, f"item/{child}")
    assert text_of(window, "pageTitle") == localize(bundled_pages.items[child]["title"], "en")
    tap(window, find(window, "backButton"))
    wait_for_route(qtbot, kiosk_window, f"item/{collection_id}")


def test_related_card_leads_to_the_related_item(
    qtbot: Any, kiosk_window: KioskWindow, bundled_pages: Pages
) -> None:
    window = kiosk_window.window
    source_id, item = next((k, i) for k, i in bundled_pages.items.items() if i["related"])
    kiosk_window.kiosk.open(f"item/{source_id}")
    wait_for_route(qtbot, kiosk_window, f"item/{source_id}")
    target = item["related"][0]
    related = [n for n in names(window, "card:item/") if n == f"card:item/{target}"]
    assert related, "the related item is offered as a card"
    tap(window, find(window, related[0]))
    wait_for_route(qtbot, kiosk_window, f"item/{target}")
    tap(window, find(window, "backButton"))
    wait_for_route(qtbot, kiosk_window, f"item/{source_id}")


def test_escape_goes_back_on_a_laptop(qtbot: Any, kiosk_window: KioskWindow) -> None:
    window = kiosk_window.window
    kiosk_window.kiosk.open("section/videos")
    wait_for_route(qtbot, kiosk_window, "section/videos")
    window.requestActivate()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    wait_for_route(qtbot, kiosk_window, "home")


def test_a_new_page_starts_at_the_top(qtbot: Any, kiosk_window: KioskWindow) -> None:
    window = kiosk_window.window
    kiosk_window.kiosk.open("item/dg-report-2014")
    wait_for_route(qtbot, kiosk_window, "item/dg-report-2014")
    page = find(window, "contentPage")
    page.setProperty("contentY", 300)
    kiosk_window.kiosk.open("item/dg-video-november-2014")
    wait_for_route(qtbot, kiosk_window, "item/dg-video-november-2014")
    assert find(window, "contentPage").property("contentY") == 0


def drag_up(window: QQuickWindow, page: QQuickItem, distance: int) -> None:
    """A finger pushing the page up, slowly enough that it stops where the finger lifts."""
    start = page.mapToScene(QPointF(page.width() / 2, page.height() * 0.8)).toPoint()
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 30
    for step in range(1, steps + 1):
        pause(16)
        point = QPoint(start.x(), start.y() - distance * step // steps)
        QTest.mouseMove(window, point)
    pause(200)  # still, so that lifting the finger starts no flick
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_back_returns_to_where_the_visitor_was_with_the_opened_card_focused(
    qtbot: Any, bundled_pages: Pages
) -> None:
    # A smaller screen, so that the section's cards run below the fold.
    shown = open_window(bundled_pages, size=(1024, 768))
    try:
        window = shown.window
        tap(window, find(window, "card:section/areas-of-action"))
        wait_for_route(qtbot, shown, "section/areas-of-action")
        page = find(window, "contentPage")
        qtbot.waitUntil(lambda: page.property("contentHeight") > page.height() + 400, timeout=10_000)
        drag_up(window, page, 350)
        qtbot.waitUntil(lambda: not page.property("moving"), timeout=10_000)
        scrolled = page.property("contentY")
        assert scrolled > 200, "the drag scrolled the page"

        # The card the visitor opens is one they can see now, low on the page.
        bottom = page.mapToScene(QPointF(0, page.height())).y()
        cards = [find(window, name) for name in names(window, "card:item/")]
        visible = [c for c in cards if c.mapToScene(QPointF(0, c.height())).y() <= bottom]
        opened = visible[-1]
        opened_name = opened.objectName()
        tap(window, opened)
        wait_for_route(qtbot, shown, opened_name.removeprefix("card:"))
        assert find(window, "contentPage").property("contentY") == 0, "a new page starts at its top"

        tap(window, find(window, "backButton"))
        wait_for_route(qtbot, shown, "section/areas-of-action")
        page = find(window, "contentPage")
        qtbot.waitUntil(lambda: abs(page.property("contentY") - scrolled) < 1, timeout=10_000)
        pause(100)  # and it stays there once the page has settled
        assert abs(page.property("contentY") - scrolled) < 1
        focus = window.activeFocusItem()
        assert focus is not None and focus.objectName() == opened_name
        # The focused card is on screen, where the visitor's eyes were.
        centre = settled_centre(focus)
        assert 0 <= centre.y() < window.height()

        # Home forgets the way: the section opened from home starts at its top again.
        tap(window, find(window, "homeButton"))
        wait_for_route(qtbot, shown, "home")
        assert window.activeFocusItem() is None or window.activeFocusItem().objectName() != opened_name
        tap(window, find(window, "card:section/areas-of-action"))
        wait_for_route(qtbot, shown, "section/areas-of-action")
        pause(100)
        assert find(window, "contentPage").property("contentY") == 0
    finally:
        shown.dispose()


def test_back_from_a_deep_link_goes_to_the_parent_at_its_top(qtbot: Any, bundled_pages: Pages) -> None:
    shown = open_window(bundled_pages, size=(1024, 768))
    try:
        section = bundled_pages.sections["areas-of-action"]
        shown.kiosk.show(f"item/{section['items'][-1]}")
        tap(shown.window, find(shown.window, "backButton"))
        wait_for_route(qtbot, shown, "section/areas-of-action")
        pause(100)
        assert find(shown.window, "contentPage").property("contentY") == 0
    finally:
        shown.dispose()
