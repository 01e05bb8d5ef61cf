"""The "This office" / "This venue" card on the home page and its slide in the attract loop."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QSize
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.officecard import office_card
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window

from .conftest import all_items, find, names, pause, settled_centre, text_of

OFFICE = {
    "kind": "office",
    "name": {"en": "Advice Centre Kassel", "ar": "مركز الاستشارات في كاسل"},
    "address": {"en": "Königsplatz 12\n34117 Kassel"},
    "hours": {"en": "Monday to Friday 9:00-16:00", "ar": "من الاثنين إلى الجمعة 9:00-16:00"},
    "phone": {"en": "+49 561 000 0000"},
    "web": {"en": "https://example.org/kassel"},
}


@pytest.fixture(scope="module")
def arabic_pages() -> Pages:
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "content-ar"
    result = load_content(folder)
    assert result.compiled is not None
    return Pages(result.compiled, folder)


def with_office(pages: Pages, office: dict[str, Any] | None) -> Pages:
    compiled = copy.deepcopy(pages.compiled)
    compiled["kiosk"] = {**(compiled.get("kiosk") or {}), "office": office}
    return Pages(compiled, pages.content_root)


def open_at(pages: Pages, route: str, language: str, opened: list[KioskWindow]) -> KioskWindow:
    shown = build_window(pages, size=QSize(1080, 1920), animate=False, start_route=route, language=language)
    opened.append(shown)
    QTest.qWaitForWindowExposed(shown.window)
    return shown


def test_the_home_page_shows_this_office_in_the_visitors_language(
    arabic_pages: Pages, opened: list[KioskWindow]
) -> None:
    pages = with_office(arabic_pages, OFFICE)
    shown = open_at(pages, "home", "en", opened)
    window = shown.window
    assert text_of(window, "officeHeading") == "This office"
    assert text_of(window, "officeName") == "Advice Centre Kassel"
    assert text_of(window, "officeAddress") == "Königsplatz 12\n34117 Kassel"
    assert text_of(window, "officeHours") == "Monday to Friday 9:00-16:00"
    assert names(window, "officeCode:") == ["officeCode:web", "officeCode:phone"]
    qr_images = [i for i in all_items(find(window, "officeCode:web")) if i.objectName() == "qrCode"]
    assert qr_images[0].property("source").toString() == "image://qr/https%3A%2F%2Fexample.org%2Fkassel"
    assert "example.org/kassel" in text_of(window, "officeCodeText:web")
    shown.kiosk.setLanguage("ar")
    pause(50)
    assert text_of(window, "officeName") == "مركز الاستشارات في كاسل"
    assert text_of(window, "officeHours") == "من الاثنين إلى الجمعة 9:00-16:00"
    # Laid out from the right, like the rest of the page.
    heading = find(window, "officeHeading")
    card = find(window, "officeCard")
    assert (
        heading.mapToScene(heading.boundingRect().topRight()).x()
        > card.mapToScene(card.boundingRect().center()).x()
    )


def test_no_office_no_card(bundled_pages: Pages, opened: list[KioskWindow]) -> None:
    shown = open_at(with_office(bundled_pages, None), "home", "en", opened)
    assert "officeCard" not in names(shown.window, "office")


def test_the_attract_loop_ends_with_the_venues_slide(bundled_pages: Pages, opened: list[KioskWindow]) -> None:
    pages = with_office(bundled_pages, {**OFFICE, "kind": "venue"})
    shown = open_at(pages, "attract", "en", opened)
    attract = find(shown.window, "attractPage")
    slides = attract.property("slides")
    count = len(slides.toVariant()) if hasattr(slides, "toVariant") else len(slides)
    assert "officeCard" not in names(shown.window, "office")  # the first slide is a section's
    attract.setProperty("index", count - 1)
    pause(50)
    assert text_of(shown.window, "officeHeading") == "This venue"
    card = find(shown.window, "officeCard")
    # The whole card on screen, between the masthead and the invitation.
    top_left = card.mapToScene(card.boundingRect().topLeft())
    bottom_right = card.mapToScene(card.boundingRect().bottomRight())
    assert top_left.y() > 0 and bottom_right.y() < shown.window.height() * 0.85
    assert (
        office_card(pages.compiled["kiosk"]["office"], "en")
        == attract.property("slide").toVariant()["office"]
        if hasattr(attract.property("slide"), "toVariant")
        else True
    )


# The tallest card: three codes, a two-line address and opening hours.
FULL_OFFICE = {**OFFICE, "email": {"en": "advice@example.org"}}


def scene_rect(item: Any) -> tuple[float, float, float, float]:
    top_left = item.mapToScene(QPointF(0, 0))
    return top_left.x(), top_left.y(), item.width(), item.height()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_visitor_sees_the_whole_office_card_without_scrolling(
    bundled_pages: Pages, arabic_pages: Pages, opened: list[KioskWindow], size: tuple[int, int], language: str
) -> None:
    # The bundled content in English (left to right), the Arabic fixture right to left.
    pages = with_office(bundled_pages if language == "en" else arabic_pages, FULL_OFFICE)
    shown = build_window(pages, size=QSize(*size), animate=False, start_route="home", language=language)
    opened.append(shown)
    QTest.qWaitForWindowExposed(shown.window)
    window = shown.window
    page = find(window, "homePage")
    card = find(window, "officeCard")
    settled_centre(card)
    assert page.property("contentY") == 0
    view_left, view_top, view_width, view_height = scene_rect(page)

    def on_first_screen(item: Any, whole: bool = True) -> bool:
        left, top, width, height = scene_rect(item)
        bottom = top + height if whole else top + 1
        return (
            view_left <= left
            and left + width <= view_left + view_width
            and view_top <= top
            and bottom <= view_top + view_height
        )

    assert on_first_screen(card), f"the office card {scene_rect(card)} is not all in {scene_rect(page)}"
    for name in ("officeName", "officeAddress", "officeHours", "officeCode:web", "officeCode:email"):
        assert on_first_screen(find(window, name)), name
    assert names(window, "officeCode:") == ["officeCode:web", "officeCode:email", "officeCode:phone"]
    # Nothing a visitor would miss goes below: the page's title, and the topics start on the first
    # screen (a first card's heading, at least), under the card.
    assert on_first_screen(find(window, "pageTitle"))
    first = pages.page("home", language)["cards"][0]
    first_card = find(window, "card:" + first["route"])
    first_title = next(i for i in all_items(first_card) if first["title"] in str(i.property("text") or ""))
    assert on_first_screen(first_title), "the first topic's title is below the first screen"
    assert scene_rect(first_card)[1] > scene_rect(card)[1] + card.height()
    # Right to left, the card is on the left, beside the title on the right; left to right the reverse.
    title_x = scene_rect(find(window, "pageTitle"))[0]
    assert (scene_rect(card)[0] > title_x) == (language == "en")
