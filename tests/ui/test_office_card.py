"""The "This office" / "This venue" card on the home page and its slide in the attract loop."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.officecard import office_card
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window

from .conftest import all_items, find, names, pause, text_of

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
