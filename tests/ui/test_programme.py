"""The conference programme on screen, at a clock the test sets: now and next on the home page and the
attract loop (and nowhere outside the programme's days), the day switch, and the session page's
calendar QR code. One window for the module: the clock moves, the window stays."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import zxingcpp
from icalendar import Calendar
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from kiosk.ui.qr import CodesAhead, code_modules, codes_on

from .conftest import all_items, pause, tap

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content-programme"
ZURICH_OFFSET = datetime.timedelta(hours=1)  # CET in March


class WallClock:
    """The kiosk's time of day, set by the test."""

    def __init__(self) -> None:
        self.now = datetime.datetime(2027, 3, 10, 9, 30, tzinfo=datetime.UTC)

    def __call__(self) -> datetime.datetime:
        return self.now

    def set_venue_time(self, text: str) -> None:
        self.now = (datetime.datetime.fromisoformat(text) - ZURICH_OFFSET).replace(tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def clock() -> WallClock:
    return WallClock()


@pytest.fixture(scope="module")
def shown(qapp: Any, clock: WallClock) -> Iterator[KioskWindow]:
    result = load_content(FIXTURE)
    assert result.compiled is not None
    window = build_window(
        Pages(result.compiled, FIXTURE), size=QSize(1920, 1080), animate=False, wall_clock=clock
    )
    QTest.qWaitForWindowExposed(window.window)
    yield window
    pause(300)  # let the QR image thread finish before the engine goes
    window.dispose()


def at(shown: KioskWindow, clock: WallClock, venue_time: str, route: str = "home") -> None:
    clock.set_venue_time(venue_time)
    assert shown.programme is not None
    shown.programme.tick()
    shown.kiosk.setLanguage("en")
    shown.kiosk.show(route)
    pause(30)


def visible_sessions(shown: KioskWindow, container: str) -> list[str]:
    """The sessions a person sees inside the visible item named `container`, top to bottom."""
    root = find(shown.window, container)
    rows = [i for i in all_items(root) if i.objectName().startswith("session:") and i.isVisible()]
    rows.sort(key=lambda item: item.mapToScene(item.boundingRect().topLeft()).y())
    return [row.objectName().removeprefix("session:item/") for row in rows]


def decode_qr(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())
    rows = b"".join(raw[y * stride : y * stride + width] for y in range(height))
    return [found.text for found in zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))]


def find(parent: Any, name: str) -> QQuickItem:
    """The visible item named `name` in a window, or inside an item."""
    root = parent.contentItem() if hasattr(parent, "contentItem") else parent
    matches = [i for i in all_items(root) if i.objectName() == name and i.isVisible()]
    assert matches, f"nothing visible is named {name!r}"
    return matches[0]


def is_shown(shown: KioskWindow, name: str) -> bool:
    return any(i.objectName() == name and i.isVisible() for i in all_items(shown.window.contentItem()))


def test_home_shows_what_is_on_now_and_next(shown: KioskWindow, clock: WallClock) -> None:
    at(shown, clock, "2027-03-10T10:30")
    assert visible_sessions(shown, "nowNext:now") == ["contracts-workshop", "fair-recruitment-plenary"]
    assert visible_sessions(shown, "nowNext:next") == ["remittances-panel", "skills-workshop"]


def test_now_and_next_follow_the_clock_without_a_reload(
    shown: KioskWindow, clock: WallClock, qtbot: Any
) -> None:
    at(shown, clock, "2027-03-10T10:30")
    assert shown.programme is not None
    shown.programme.set_interval(20)
    try:
        page_changes: list[None] = []
        shown.kiosk.pageChanged.connect(lambda: page_changes.append(None))
        clock.set_venue_time("2027-03-10T14:05")
        qtbot.waitUntil(
            lambda: visible_sessions(shown, "nowNext:now") == ["remittances-panel", "skills-workshop"],
            timeout=10_000,
        )
        assert not is_shown(shown, "nowNext:next")
        assert page_changes == []  # the same page, its now and next moved on
        clock.set_venue_time("2027-03-10T16:00")
        qtbot.waitUntil(lambda: is_shown(shown, "nowNextNothing"), timeout=10_000)
    finally:
        shown.programme.set_interval(15_000)


@pytest.mark.parametrize("venue_time", ["2027-03-09T12:00", "2027-03-12T09:30"])
def test_nothing_of_it_shows_outside_the_programme_days(
    shown: KioskWindow, clock: WallClock, venue_time: str
) -> None:
    at(shown, clock, venue_time)
    assert not is_shown(shown, "nowNext")
    assert [
        i
        for i in all_items(shown.window.contentItem())
        if i.objectName().startswith("session:") and i.isVisible()
    ] == []


def test_touching_a_session_now_opens_its_page(shown: KioskWindow, clock: WallClock) -> None:
    at(shown, clock, "2027-03-10T10:30")
    tap(shown.window, find(shown.window, "session:item/fair-recruitment-plenary"))
    pause(30)
    assert shown.kiosk.current_route() == "item/fair-recruitment-plenary"
    assert find(shown.window, "sessionPage") is not None


def test_the_programme_opens_at_today_and_the_day_switch_changes_the_day(
    shown: KioskWindow, clock: WallClock
) -> None:
    at(shown, clock, "2027-03-11T10:00", route="section/programme")
    assert str(find(shown.window, "dayHeading").property("text")) == "Thursday 11 March"
    assert visible_sessions(shown, "programmePage") == ["domestic-work-panel", "closing-plenary"]
    first_day = find(shown.window, "day:2027-03-10")
    assert first_day.height() >= 48  # a finger's target
    tap(shown.window, first_day)
    pause(30)
    assert str(find(shown.window, "dayHeading").property("text")) == "Wednesday 10 March"
    assert visible_sessions(shown, "programmePage") == [
        "opening-plenary",
        "contracts-workshop",
        "fair-recruitment-plenary",
        "remittances-panel",
        "skills-workshop",
    ]
    assert find(shown.window, "day:2027-03-10").property("checked") is True


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_session_page_qr_code_holds_a_calendar_event(
    shown: KioskWindow, clock: WallClock, qtbot: Any, language: str
) -> None:
    at(shown, clock, "2027-03-10T10:30", route="item/fair-recruitment-plenary")
    shown.kiosk.setLanguage(language)
    pause(30)
    code = find(find(shown.window, "calendarQr"), "qrCode")
    qtbot.waitUntil(lambda: code.property("progress") == 1.0)
    pause(50)
    corner = code.mapToScene(code.boundingRect().topLeft()).toPoint()
    grab = shown.window.grabWindow().copy(
        corner.x() - 10, corner.y() - 10, int(code.width()) + 20, int(code.height()) + 20
    )
    # What a phone's camera reads off the screen.
    (text,) = decode_qr(grab)
    calendar = Calendar.from_ical(text)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime.datetime(2027, 3, 10, 9, 0, tzinfo=datetime.UTC)
    assert event.decoded("dtend") == datetime.datetime(2027, 3, 10, 10, 30, tzinfo=datetime.UTC)
    title = {"en": "Fair recruitment: what works", "ar": "التوظيف العادل: ما الذي ينجح"}[language]
    assert str(event["summary"]) == title
    # Beside it, the usual QR code of the session's public address.
    address_code = find(find(shown.window, "sessionPage"), "publicAddress")
    assert address_code.property("text") == "example.org/forum-2027/fair-recruitment"
    if language == "en":
        assert str(find(shown.window, "sessionRoom").property("text")) == "Room: Main hall"
        assert is_shown(shown, "speaker:Priya Raman")


def test_the_attract_loop_opens_with_now_and_next_within_the_days(
    shown: KioskWindow, clock: WallClock
) -> None:
    at(shown, clock, "2027-03-10T10:30", route="attract")
    assert visible_sessions(shown, "attractNowNext") == [
        "contracts-workshop",
        "fair-recruitment-plenary",
        "remittances-panel",
        "skills-workshop",
    ]
    at(shown, clock, "2027-03-20T10:30", route="attract")
    assert not is_shown(shown, "attractNowNext")
    slide: QQuickItem = find(shown.window, "attractSlideTitle")
    assert slide.property("text") == "Programme"


def test_snapshot_at_a_venue_time_shows_now_and_next_as_the_kiosk_would(
    tmp_path: Path, shown: KioskWindow
) -> None:
    from PySide6.QtGui import QImage

    from kiosk.cli import main

    def snapshot(name: str, *extra: str) -> QImage:
        target = tmp_path / f"{name}.png"
        assert main(["snapshot", "home", str(target), "--content", str(FIXTURE), "--no-cache", *extra]) == 0
        return QImage(str(target))

    during = snapshot("during", "--at", "2027-03-10T10:30")
    after = snapshot("after", "--at", "2027-04-01T10:30")
    # Outside the days the home page is the same before and after: nothing of the programme shows.
    before = snapshot("before", "--at", "2027-03-09T23:30")
    assert after == before
    assert during != after
    assert (
        main(["snapshot", "home", str(tmp_path / "x.png"), "--content", str(FIXTURE), "--at", "10:30"]) == 1
    )


# -- sessions in collections, digits and the direction of a time range -------------------------


def test_sessions_in_collections_are_on_the_programme_page_and_in_now_and_next(
    shown: KioskWindow, clock: WallClock
) -> None:
    # contracts-workshop is in the "workshops" collection, skills-workshop in "skills-track" inside it.
    at(shown, clock, "2027-03-10T13:30", route="section/programme")
    assert visible_sessions(shown, "programmePage") == [
        "opening-plenary",
        "contracts-workshop",
        "fair-recruitment-plenary",
        "remittances-panel",
        "skills-workshop",
    ]
    # The collection that holds them is still there to open, as a card below the day.
    assert [
        i.objectName() for i in all_items(find(shown.window, "cards")) if i.objectName().startswith("card:")
    ] == ["card:item/workshops"]
    at(shown, clock, "2027-03-10T13:30")
    assert visible_sessions(shown, "nowNext:next") == ["remittances-panel", "skills-workshop"]


def digits_of(text: str) -> set[str]:
    """The digit systems a text writes its numbers in: "LATIN" for 0-9, else Unicode's name for them
    ("ARABIC-INDIC", "EXTENDED ARABIC-INDIC", "DEVANAGARI"...)."""
    return {
        unicodedata.name(c).rpartition("DIGIT")[0].strip() or "LATIN"
        for c in text
        if unicodedata.category(c) == "Nd"
    }


def shown_texts(shown: KioskWindow, container: str) -> list[str]:
    root = find(shown.window, container)
    found = []
    for item in all_items(root):
        text = item.property("text")
        if (
            item.isVisible()
            and isinstance(text, str)
            and text
            and item.metaObject().className().startswith("QQuickText")
        ):
            found.append(text)
    return found


def test_the_programme_in_arabic_writes_dates_and_times_in_one_digit_system(
    shown: KioskWindow, clock: WallClock
) -> None:
    at(shown, clock, "2027-03-10T10:30", route="section/programme")
    shown.kiosk.setLanguage("ar")
    pause(30)
    day = str(find(shown.window, "dayHeading").property("text"))
    times = str(find(shown.window, "sessionTimes").property("text"))
    assert "مارس" in day and "10" in day
    assert "09:00" in times
    texts = shown_texts(shown, "programmePage")
    assert {digits for text in texts for digits in digits_of(text)} == {"LATIN"}, texts
    # The session page's "when", and now and next on the home page, as well.
    shown.kiosk.show("item/skills-workshop")
    pause(30)
    when = str(find(shown.window, "sessionWhen").property("text"))
    assert "14:00" in when and "10" in when and digits_of(when) == {"LATIN"}, when
    shown.kiosk.show("home")
    pause(30)
    assert {d for text in shown_texts(shown, "nowNext") for d in digits_of(text)} == {"LATIN"}
    shown.kiosk.setLanguage("en")


def test_a_time_range_on_screen_is_isolated_left_to_right_in_arabic(
    shown: KioskWindow, clock: WallClock
) -> None:
    at(shown, clock, "2027-03-10T10:30", route="section/programme")
    shown.kiosk.setLanguage("ar")
    pause(30)
    times = [
        str(i.property("text"))
        for i in all_items(find(shown.window, "programmePage"))
        if i.objectName() == "sessionTimes"
    ]
    # LRI, start, en dash, end, PDI: the bidi algorithm keeps the range in one piece, start first, whatever the
    # paragraph's direction; the sessions' order on the page is the times' order.
    assert times[:2] == ["\u206609:00\u201309:45\u2069", "\u206610:00\u201311:30\u2069"]
    shown.kiosk.setLanguage("en")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_arabic_handout_draws_time_ranges_start_then_end_and_latin_digits(
    shown: KioskWindow, tmp_path: Path
) -> None:
    from kiosk.ui.handout import write_handout

    result = load_content(FIXTURE)
    assert result.compiled is not None
    target = tmp_path / "programme.ar.pdf"
    write_handout(result.compiled, target, "ar", content_root=FIXTURE)
    layout = subprocess.run(
        ["pdftotext", "-bbox", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = ElementTree.fromstring(layout.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    # pdftotext's words with their glyphs in the order they are drawn, left to right (a run of
    # Latin digits is one left-to-right word): what a reader sees on paper.
    words = [str(word.text) for word in page.iter("word")]
    ranges = [word for word in words if re.fullmatch(r"\d\d:\d\d\u2013\d\d:\d\d", word)]
    assert ranges == [
        "09:00\u201309:45",
        "10:00\u201311:30",
        "10:00\u201311:30",
        "14:00\u201315:30",
        "14:00\u201315:30",
        "09:30\u201311:00",
        "11:30\u201312:30",
    ]
    # The days in the same digits as the times: "الأربعاء 10 مارس 2027" on the first page, drawn
    # right to left (the year at the left end). Found by its numbers: pdftotext gives Arabic letter
    # by letter, on a baseline of its own.
    lines: dict[int, list[str]] = {}
    for word in next(page.iter("page")).iter("word"):
        lines.setdefault(round(float(word.get("yMax", 0))), []).append(str(word.text))
    assert [line for line in lines.values() if "10" in line] == [["2027", "10"]]
    assert {d for word in words for d in digits_of(word)} == {"LATIN"}


@pytest.mark.parametrize(
    ("venue_time", "route", "expected"),
    [
        ("2027-03-10T10:30", "home", ["item/fair-recruitment-plenary", "item/remittances-panel"]),
        ("2027-03-10T08:00", "section/programme", ["item/opening-plenary", "item/contracts-workshop"]),
    ],
    ids=["now and next on the home page", "the programme's day"],
)
def test_a_sessions_qr_codes_are_made_while_the_visitor_reads_the_page_that_lists_it(
    shown: KioskWindow, clock: WallClock, venue_time: str, route: str, expected: list[str]
) -> None:
    """kiosk.ui.qr.CodesAhead: a session's calendar entry and address are made before its row is
    tapped (10-18 ms a calendar code, 200 ms with the module's import, once made in the tap)."""
    result = load_content(FIXTURE)
    assert result.compiled is not None
    pages = Pages(result.compiled, FIXTURE)
    texts = {text for session in expected for text in codes_on(pages.page(session, "en"))}
    assert len(texts) >= len(expected), "each session has a calendar entry (some an address too)"
    code_modules.cache_clear()
    at(shown, clock, venue_time, route)
    # Made one page at a time after the page's fade: done once no more come for half a second.
    pause(CodesAhead.START_AFTER_MS)
    sizes: list[int] = []
    for _ in range(50):
        sizes.append(code_modules.cache_info().currsize)
        if len(sizes) > 5 and len(set(sizes[-6:])) == 1:
            break
        pause(100)
    made = code_modules.cache_info().misses
    for text in texts:
        code_modules(text)
    assert code_modules.cache_info().misses == made, "a session's code was still to be made"
