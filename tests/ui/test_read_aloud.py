"""Read aloud with Qt's mock speech engine (it speaks nothing, a moment per word, and has voices for
English but none for Arabic): Listen shows where there is a voice, reads the page passage by passage in
reading order with the highlight on each, and stops when the page, the language or the visitor changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from kiosk.ui.selftest import _Tally, check_voices
from kiosk.ui.speech import MOCK_ENGINE, markdown_blocks, passages_for

from .conftest import BoothClock, find, names, pause, tap, wait_until

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content-ar"


@pytest.fixture(scope="module")
def booth(qapp: Any) -> Iterator[tuple[KioskWindow, BoothClock, Pages]]:
    result = load_content(FIXTURE)
    assert result.compiled is not None
    pages = Pages(result.compiled, FIXTURE)
    clock = BoothClock()
    shown = build_window(
        pages,
        size=QSize(1280, 800),
        animate=False,
        language="en",
        visitor_sessions=True,
        clock=clock,
        speech_engine=MOCK_ENGINE,
    )
    QTest.qWaitForWindowExposed(shown.window)
    # The voices are looked for once the first frame is shown, on the speech thread: on a busy machine
    # that can take seconds.
    wait_until(lambda: bool(shown.read_aloud.inventory()), 30_000)
    assert shown.read_aloud.inventory(), "the speech thread never listed its voices"
    tap(shown.window, find(shown.window, "attractPage"))
    yield shown, clock, pages
    pause(300)
    shown.dispose()


@pytest.fixture
def kiosk(booth: tuple[KioskWindow, BoothClock, Pages]) -> KioskWindow:
    shown, clock, _pages = booth
    shown.read_aloud.stop()
    if shown.session.property("phase") != "active":
        tap(shown.window, find(shown.window, "attractPage"))
    shown.kiosk.setLanguage("en")
    clock.advance(1, shown)
    return shown


def listen(shown: KioskWindow) -> QQuickItem:
    return find(shown.window, "listenButton")


def label_of(button: QQuickItem) -> str:
    return next(str(i.property("text")) for i in button.findChildren(QQuickItem) if i.property("text"))


def test_passages_are_the_words_a_reader_sees_in_reading_order(kiosk: KioskWindow, booth: Any) -> None:
    blocks = markdown_blocks(
        "Ask for **the contract** in [writing](https://example.org/contract).\n\n"
        "- the wage;\n- the hours.\n\nSee www.example.org/help for more."
    )
    assert blocks == [
        (0, "Ask for the contract in writing."),
        (1, "the wage;"),
        (2, "the hours."),
        (3, "See for more."),
    ]
    pages: Pages = booth[2]
    passages = passages_for(pages.page("item/written-contract", "en"))
    assert [p["target"] for p in passages[:4]] == ["pageTitle", "pageSubtitle", "pageBody", "pageBody"]
    assert passages[0]["text"] == "A written contract, first"
    assert "**" not in " ".join(p["text"] for p in passages)
    assert passages_for(pages.page("search", "en")) == []


def test_listen_shows_where_a_voice_speaks_the_language_and_not_elsewhere(kiosk: KioskWindow) -> None:
    kiosk.kiosk.show("home")
    assert kiosk.read_aloud.inventory()["en"]["voices"] > 0
    assert kiosk.read_aloud.inventory()["ar"]["voices"] == 0
    button = listen(kiosk)
    assert label_of(button) == "Listen"
    assert button.height() >= 48 and button.width() >= 48
    # The search page has nothing of its own to read.
    tap(kiosk.window, find(kiosk.window, "searchButton"))
    assert not names(kiosk.window, "listenButton")
    kiosk.kiosk.show("home")
    # No Arabic voice on this machine (the mock engine's): no Listen in Arabic.
    tap(kiosk.window, find(kiosk.window, "language:ar"))
    assert not names(kiosk.window, "listenButton")
    tap(kiosk.window, find(kiosk.window, "language:en"))
    assert names(kiosk.window, "listenButton")


def test_tapping_listen_reads_the_page_in_order_with_the_highlight_on_each_passage(
    qtbot: Any, kiosk: KioskWindow
) -> None:
    kiosk.kiosk.show("section/where-to-get-help")
    expected = [p["target"] for p in kiosk.read_aloud.property("passages")]
    assert expected[:2] == ["pageTitle", "pageSubtitle"] and expected[-1].startswith("card:")
    heard: list[tuple[int, str, bool]] = []

    def look() -> None:
        # After the view has followed the change: where the highlight is against the passage's item.
        index = kiosk.read_aloud.property("current")
        if index < 0:
            return
        target = find(kiosk.window, expected[index])
        mark = find(kiosk.window, "readingHighlight")
        marked = QRectF(mark.mapToScene(mark.boundingRect().topLeft()), mark.size())
        centre = target.mapToScene(target.boundingRect().center())
        heard.append((index, expected[index], marked.contains(centre)))

    def later() -> None:
        QTimer.singleShot(0, look)

    kiosk.read_aloud.changed.connect(later)
    tap(kiosk.window, listen(kiosk))
    assert kiosk.read_aloud.property("speaking") is True
    assert label_of(listen(kiosk)) == "Stop"
    qtbot.waitUntil(lambda: kiosk.read_aloud.property("speaking") is False, timeout=15000)
    kiosk.read_aloud.changed.disconnect(later)
    assert [index for index, _target, _on in heard] == list(range(len(expected)))
    assert all(on for _index, _target, on in heard), heard
    assert label_of(listen(kiosk)) == "Listen"
    assert not names(kiosk.window, "readingHighlight")


def test_the_passage_read_is_scrolled_into_view(qtbot: Any, kiosk: KioskWindow) -> None:
    # The largest text: the end of the page is out of sight.
    kiosk.preferences.setTextSize(2)
    kiosk.kiosk.show("item/written-contract")
    page = find(kiosk.window, "contentPage")
    qtbot.waitUntil(lambda: page.property("contentHeight") > page.height() + 100)
    tap(kiosk.window, listen(kiosk))
    passages = kiosk.read_aloud.property("passages")
    # On to the text's last paragraph, at the foot of the page, as if the passages before had been read.
    last = max(i for i, passage in enumerate(passages) if passage["target"] == "pageBody")
    kiosk.read_aloud._speak(last)
    qtbot.waitUntil(lambda: page.property("contentY") > 0)
    mark = find(kiosk.window, "readingHighlight")
    top = mark.mapToItem(page, mark.boundingRect().topLeft()).y()
    assert top >= 0 and top + mark.height() <= page.height()
    tap(kiosk.window, listen(kiosk))
    assert kiosk.read_aloud.property("speaking") is False
    kiosk.preferences.reset()


def test_reading_stops_on_a_new_page(kiosk: KioskWindow) -> None:
    kiosk.kiosk.show("section/rights-at-work")
    tap(kiosk.window, listen(kiosk))
    assert kiosk.read_aloud.property("speaking") is True
    tap(kiosk.window, find(kiosk.window, "card:item/written-contract"))
    assert kiosk.read_aloud.property("speaking") is False
    pause(400)  # nothing of the page left behind is read on
    assert kiosk.read_aloud.property("current") == -1
    assert label_of(listen(kiosk)) == "Listen"


def test_reading_stops_when_the_language_changes(kiosk: KioskWindow) -> None:
    kiosk.kiosk.show("section/rights-at-work")
    tap(kiosk.window, listen(kiosk))
    tap(kiosk.window, find(kiosk.window, "language:ar"))
    assert kiosk.read_aloud.property("speaking") is False
    pause(300)
    assert kiosk.read_aloud.property("current") == -1


def test_a_visitor_listening_is_not_asked_if_they_are_still_there(booth: Any, kiosk: KioskWindow) -> None:
    clock: BoothClock = booth[1]
    kiosk.kiosk.open("item/written-contract")
    tap(kiosk.window, listen(kiosk))
    clock.advance(booth[2].kiosk_settings()["idle_seconds"], kiosk)
    assert kiosk.read_aloud.property("speaking") is True
    assert kiosk.session.property("phase") == "active"
    tap(kiosk.window, listen(kiosk))


def test_reading_stops_at_the_visitor_session_reset(booth: Any, kiosk: KioskWindow) -> None:
    clock: BoothClock = booth[1]
    settings = booth[2].kiosk_settings()
    kiosk.kiosk.open("section/rights-at-work")
    clock.advance(settings["idle_seconds"], kiosk)
    assert kiosk.session.property("phase") == "prompt"
    # Reading under way when nobody answers the question (started here without a touch).
    kiosk.read_aloud.start()
    assert kiosk.read_aloud.property("speaking") is True
    clock.advance(settings["prompt_seconds"], kiosk)
    assert kiosk.session.property("phase") == "attract"
    assert kiosk.read_aloud.property("speaking") is False
    pause(300)
    assert kiosk.read_aloud.property("current") == -1


def test_the_self_test_lists_the_voices_of_each_content_language() -> None:
    lines: list[str] = []
    check_voices(["en", "fr", "ar"], MOCK_ENGINE, _Tally(lines.append))
    assert lines[0] == (
        "PASS  read aloud: en: 4 voices (en_US, en_GB), fr: none (Listen is hidden), ar: none (Listen is hidden)"
    )
    assert [line.split(":")[0] for line in lines[1:]] == ["WARN  read aloud (fr)", "WARN  read aloud (ar)"]
    lines.clear()
    check_voices(["ar"], MOCK_ENGINE, _Tally(lines.append))
    assert len(lines) == 1 and lines[0].startswith("WARN  read aloud: no voice for ar")


def ink_share(shown: KioskWindow, ink: QColor) -> float:
    """Share of the speaker's square drawn in `ink` (near enough: the edges are smoothed)."""
    icon = find(shown.window, "listenIcon")
    corner = icon.mapToScene(icon.boundingRect().topLeft()).toPoint()
    image = shown.window.grabWindow().copy(corner.x(), corner.y(), int(icon.width()), int(icon.height()))
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    near = [
        p
        for p in pixels
        if abs(p.red() - ink.red()) + abs(p.green() - ink.green()) + abs(p.blue() - ink.blue()) < 60
    ]
    return len(near) / len(pixels)


def test_the_speaker_is_drawn_in_the_buttons_ink_in_both_looks(qtbot: Any, kiosk: KioskWindow) -> None:
    kiosk.kiosk.show("home")
    assert ink_share(kiosk, QColor("#FFFFFF")) > 0.15  # white on the accent
    kiosk.preferences.setHighContrast(True)
    try:
        qtbot.waitUntil(lambda: ink_share(kiosk, QColor("#000000")) > 0.15)  # black on yellow
        assert ink_share(kiosk, QColor("#FFFFFF")) < 0.02
    finally:
        kiosk.preferences.reset()
