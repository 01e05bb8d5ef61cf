"""A visitor's way through the real QML: tap a topic, tap a card, Back, Home."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.core.pages import Pages, localize
from kiosk.ui.app import KioskWindow
from tests.ui.conftest import find, names, tap, text_of


def wait_for_route(qtbot: Any, shown: KioskWindow, route: str) -> None:
    qtbot.waitUntil(lambda: shown.kiosk.route == route, timeout=3000)
    qtbot.waitUntil(lambda: text_of(shown.window, "pageTitle") != "", timeout=3000)


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
