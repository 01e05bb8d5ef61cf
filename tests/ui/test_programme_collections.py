"""A collection of sessions on screen, as a visitor meets it: touched on the programme page, it shows its
sessions by day with their times and rooms (not plain cards), its own words, source and related items;
and the home page's card of a programme counts the sessions behind it. In English and Arabic. One window
for the module, its clock on the conference's first day."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window

from .conftest import all_items, pause, tap

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content-programme"
# 10:30 in Zurich on the first day (CET: UTC+1).
AT = datetime.datetime(2027, 3, 10, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def shown(qapp: Any) -> Iterator[KioskWindow]:
    result = load_content(FIXTURE)
    assert result.compiled is not None
    window = build_window(
        Pages(result.compiled, FIXTURE), size=QSize(1920, 1080), animate=False, wall_clock=lambda: AT
    )
    QTest.qWaitForWindowExposed(window.window)
    yield window
    pause(300)  # let the QR image thread finish before the engine goes
    window.dispose()


def visible(root: QQuickItem, name: str) -> list[QQuickItem]:
    return [item for item in all_items(root) if item.objectName() == name and item.isVisible()]


def find(root: QQuickItem, name: str) -> QQuickItem:
    found = visible(root, name)
    assert found, f"nothing visible is named {name!r}"
    return found[0]


def texts(root: QQuickItem) -> list[str]:
    """The visible texts inside `root`, in the order of the item tree."""
    return [
        str(item.property("text"))
        for item in all_items(root)
        if item.isVisible()
        and item.metaObject().className().startswith("QQuickText")
        and item.property("text")
    ]


def scroll_to(page: QQuickItem, item: QQuickItem) -> None:
    """A finger moves the page until the item is on screen."""
    top = item.mapToItem(page.property("contentItem"), 0, 0).y()
    room = max(0.0, page.property("contentHeight") - page.height())
    page.setProperty("contentY", min(room, max(0.0, top - 100)))
    pause(30)


def session_rows(root: QQuickItem) -> list[QQuickItem]:
    rows = [i for i in all_items(root) if i.objectName().startswith("session:") and i.isVisible()]
    rows.sort(key=lambda row: row.mapToScene(row.boundingRect().topLeft()).y())
    return rows


@pytest.mark.parametrize("language", ["en", "ar"])
def test_touching_a_collection_of_sessions_shows_them_by_day_with_times_and_rooms(
    shown: KioskWindow, language: str
) -> None:
    window = shown.window
    shown.kiosk.setLanguage(language)
    shown.kiosk.show("section/programme")
    pause(30)
    programme_page = find(window.contentItem(), "programmePage")
    card = find(programme_page, "card:item/workshops")
    scroll_to(programme_page, card)
    tap(window, card)
    pause(30)
    assert shown.kiosk.current_route() == "item/workshops"
    page = find(window.contentItem(), "programmePage")
    rows = session_rows(page)
    assert [row.objectName() for row in rows] == [
        "session:item/contracts-workshop",
        "session:item/skills-workshop",
    ]
    # Each row says when (left to right in every language) and where.
    assert [str(find(row, "sessionTimes").property("text")) for row in rows] == [
        "\u206610:00\u201311:30\u2069",
        "\u206614:00\u201315:30\u2069",
    ]
    room = {"en": "Room B", "ar": "القاعة ب"}[language]
    assert all(
        str(find(row, "sessionPlace").property("text")).lstrip("\u200f").startswith(room) for row in rows
    )
    day = str(find(page, "dayHeading").property("text"))
    assert day == {"en": "Wednesday 10 March", "ar": "الأربعاء 10 مارس"}[language]
    # The collection's own words: what it is, its title and text, its source and what to see after it.
    expected = {
        "en": ("Collection", "Workshops", "Each workshop starts", "Example Forum", "Why this forum"),
        "ar": ("مجموعة", "ورش العمل", "تبدأ كل ورشة عمل", "المنتدى التجريبي", "لماذا هذا المنتدى"),
    }[language]
    assert str(find(page, "itemKind").property("text")) == expected[0]
    assert str(find(page, "pageTitle").property("text")) == expected[1]
    assert str(find(page, "pageBody").property("text")).startswith(expected[2])
    assert str(find(page, "sourceName").property("text")).startswith(expected[3])
    assert expected[4] in texts(find(page, "card:item/forum-background"))
    # The collection inside it is a card, below the day.
    skills = find(find(page, "cards"), "card:item/skills-track")
    assert (
        skills.mapToScene(skills.boundingRect().topLeft()).y()
        > rows[-1].mapToScene(rows[-1].boundingRect().bottomLeft()).y()
    )
    if language == "ar":
        # Right to left: the times at the reading start, right of the titles.
        times, title = find(rows[0], "sessionTimes"), find(rows[0], "sessionTitle")
        assert (
            times.mapToScene(times.boundingRect().topLeft()).x()
            > title.mapToScene(title.boundingRect().topLeft()).x()
        )
    # Listen reads the page's words where they are drawn: each passage marks an item on show.
    from kiosk.ui.speech import passages_for

    targets = [passage["target"] for passage in passages_for(shown.kiosk.current_page())]
    assert targets[:3] == ["pageTitle", "pageSubtitle", "pageBody"]
    assert [target for target in targets if not visible(page, target)] == []
    # Touch a row: the session's page.
    tap(window, rows[0])
    pause(30)
    assert shown.kiosk.current_route() == "item/contracts-workshop"
    shown.kiosk.setLanguage("en")


def test_the_programme_section_shows_its_editors_text(shown: KioskWindow) -> None:
    shown.kiosk.setLanguage("en")
    shown.kiosk.show("section/programme")
    pause(30)
    page = find(shown.window.contentItem(), "programmePage")
    body = find(page, "pageBody")
    assert str(body.property("text")).startswith("The plenaries are in the Main hall")
    # Before the day switch, on the first screen; and a section shows no source panel of its own.
    days = find(page, "daySwitch")
    assert (
        body.mapToScene(body.boundingRect().bottomLeft()).y()
        < days.mapToScene(days.boundingRect().topLeft()).y()
    )
    assert not visible(page, "sourceName")


@pytest.mark.parametrize(
    ("language", "programme", "about"),
    [
        pytest.param("en", "7 sessions  ·  1 item", "1 item", id="en"),
        pytest.param("ar", "7 جلسات  ·  عنصر واحد", "عنصر واحد", id="ar"),
    ],
)
def test_the_home_card_of_the_programme_counts_its_sessions(
    shown: KioskWindow, language: str, programme: str, about: str
) -> None:
    shown.kiosk.setLanguage(language)
    shown.kiosk.show("home")
    pause(30)
    home = shown.window.contentItem()
    assert texts(find(find(home, "card:section/programme"), "itemCount")) == [programme]
    assert texts(find(find(home, "card:section/about"), "itemCount")) == [about]
    shown.kiosk.setLanguage("en")
