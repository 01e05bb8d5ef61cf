"""Listen on a conference programme, with Qt's mock speech engine (English voices only): the day on show
and each session row are read, each marked on screen as it is; choosing another day stops the reading,
and Listen then reads that day; a session page reads its day and times, room, languages and speakers.
One window for the module, at a clock stopped on the programme's first day."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from kiosk.ui.speech import MOCK_ENGINE

from .conftest import find, pause, tap, wait_until

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content-programme"
# 10:00 at the venue (Zurich, CET) on the first day: the programme page opens at that day.
FIRST_DAY_MORNING = datetime.datetime(2027, 3, 10, 9, 0, tzinfo=datetime.UTC)
ROW = "session:item/fair-recruitment-plenary"


@pytest.fixture(scope="module")
def shown(qapp: Any) -> Iterator[KioskWindow]:
    result = load_content(FIXTURE)
    assert result.compiled is not None
    window = build_window(
        Pages(result.compiled, FIXTURE),
        size=QSize(1280, 800),
        animate=False,
        language="en",
        wall_clock=lambda: FIRST_DAY_MORNING,
        speech_engine=MOCK_ENGINE,
    )
    QTest.qWaitForWindowExposed(window.window)
    wait_until(lambda: bool(window.read_aloud.inventory()), 30_000)
    assert window.read_aloud.inventory(), "the speech thread never listed its voices"
    yield window
    window.read_aloud.stop()
    pause(300)
    window.dispose()


class Listener:
    """What the engine is given to say, and whether the mark is on the item each passage names."""

    def __init__(self, shown: KioskWindow) -> None:
        self.shown = shown
        self.heard: list[str] = []
        self.marked: dict[str, bool] = {}
        self.ringed: dict[str, bool] = {}
        shown.read_aloud._sayRequested.connect(self._said)
        shown.read_aloud.changed.connect(self._later)

    def _said(self, _utterance: int, _language: str, text: str) -> None:
        self.heard.append(text)

    def _later(self) -> None:
        # After the view has followed the change.
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        target = self.shown.read_aloud.property("currentTarget")
        if not target:
            return
        item = find(self.shown.window, target)
        mark = find(self.shown.window, "readingHighlight")
        area = QRectF(mark.mapToScene(mark.boundingRect().topLeft()), mark.size())
        self.ringed[target] = bool(mark.property("ringed"))
        self.marked[target] = area.contains(item.mapToScene(item.boundingRect().center())) and (
            area.width() >= item.width() and area.height() >= item.height()
        )

    def close(self) -> None:
        self.shown.read_aloud._sayRequested.disconnect(self._said)
        self.shown.read_aloud.changed.disconnect(self._later)


@pytest.fixture
def listener(shown: KioskWindow) -> Iterator[Listener]:
    shown.read_aloud.stop()
    shown.kiosk.setLanguage("en")
    heard = Listener(shown)
    yield heard
    heard.close()
    shown.read_aloud.stop()


def test_listen_reads_the_day_and_each_session_row_marking_the_row(
    shown: KioskWindow, listener: Listener
) -> None:
    shown.kiosk.show("section/programme")
    tap(shown.window, find(shown.window, "day:2027-03-10"))
    tap(shown.window, find(shown.window, "listenButton"))
    wait_until(lambda: shown.read_aloud.property("currentTarget") == "session:item/remittances-panel", 30_000)
    tap(shown.window, find(shown.window, "listenButton"))  # Stop
    assert shown.read_aloud.property("speaking") is False
    heard = listener.heard
    assert "Wednesday 10 March" in heard
    assert (
        "from 10 AM to 11:30 AM. Fair recruitment: what works. Main hall. Jonas Berg, Priya Raman." in heard
    )
    # In the page's reading order: the text, the day, then its sessions as listed.
    assert (
        heard.index("Wednesday 10 March")
        == heard.index(next(t for t in heard if t.startswith("The plenaries"))) + 1
    )
    assert heard[heard.index("Wednesday 10 March") + 1].startswith("from 9 AM to 9:45 AM. Opening plenary")
    assert listener.marked.get("dayHeading") is True
    assert listener.marked.get(ROW) is True, listener.marked
    # A row is ringed all round, as a card is; the day's heading, a text, has the bar at its start.
    assert listener.ringed[ROW] is True and listener.ringed["dayHeading"] is False
    # The times as words: no dash, no marks that hold a range together on screen.
    assert not [text for text in heard if "\u2013" in text or "\u2066" in text or "\u2069" in text]


def test_another_day_stops_the_reading_and_listen_then_reads_that_day(
    shown: KioskWindow, listener: Listener
) -> None:
    shown.kiosk.show("section/programme")
    tap(shown.window, find(shown.window, "day:2027-03-10"))
    tap(shown.window, find(shown.window, "listenButton"))
    assert shown.read_aloud.property("speaking") is True
    tap(shown.window, find(shown.window, "day:2027-03-11"))
    assert shown.read_aloud.property("speaking") is False
    pause(300)  # nothing of the day left behind is read on
    assert shown.read_aloud.property("current") == -1
    listener.heard.clear()
    tap(shown.window, find(shown.window, "listenButton"))
    wait_until(lambda: shown.read_aloud.property("currentTarget").startswith("session:"), 30_000)
    targets = [passage["target"] for passage in shown.read_aloud.property("passages")]
    assert "session:item/domestic-work-panel" in targets and ROW not in targets
    assert "Thursday 11 March" in listener.heard
    assert listener.heard[-1].startswith("from 9:30 AM to 11 AM. Domestic workers' rights.")
    assert listener.marked.get("session:item/domestic-work-panel") is True


def test_a_session_page_reads_when_where_languages_and_speakers_each_marked(
    shown: KioskWindow, listener: Listener
) -> None:
    shown.kiosk.show("item/fair-recruitment-plenary")
    passages = shown.read_aloud.property("passages")
    said = {passage["target"]: passage["text"] for passage in passages}
    assert [passage["target"] for passage in passages][:6] == [
        "pageTitle",
        "sessionWhen",
        "sessionRoom",
        "sessionLanguages",
        "speakerEntry:0",
        "speakerEntry:1",
    ]
    assert said["sessionWhen"] == "Wednesday 10 March, from 10 AM to 11:30 AM"
    assert said["sessionLanguages"] == "Held in: English, Arabic"
    assert said["speakerEntry:1"] == "Priya Raman, Panellist, Domestic Workers' Union of the Coast"
    tap(shown.window, find(shown.window, "listenButton"))
    wait_until(lambda: shown.read_aloud.property("currentTarget") == "speakerEntry:1", 30_000)
    tap(shown.window, find(shown.window, "listenButton"))
    for target in ("sessionWhen", "sessionRoom", "sessionLanguages", "speakerEntry:0", "speakerEntry:1"):
        assert listener.marked.get(target) is True, (target, listener.marked)


def test_in_arabic_the_programme_is_said_with_arabic_words_and_latin_digits(shown: KioskWindow) -> None:
    # The mock engine has no Arabic voice (no Listen button): what it would say is still made.
    shown.kiosk.setLanguage("ar")
    shown.kiosk.show("section/programme")
    tap(shown.window, find(shown.window, "day:2027-03-10"))
    said = {passage["target"]: passage["text"] for passage in shown.read_aloud.property("passages")}
    assert said["dayHeading"] == "الأربعاء 10 مارس"
    assert said[ROW] == (
        "من الساعة 10 إلى 11:30. التوظيف العادل: ما الذي ينجح. القاعة الرئيسية. يوناس بيرغ، بريا رامان."
    )
    shown.kiosk.show("item/fair-recruitment-plenary")
    said = {passage["target"]: passage["text"] for passage in shown.read_aloud.property("passages")}
    assert said["sessionRoom"] == "القاعة: القاعة الرئيسية"
    assert said["sessionLanguages"] == "لغات الجلسة: English، العربية"
    shown.kiosk.setLanguage("en")


def test_the_home_page_reads_what_is_on_now_and_next_marking_each(
    shown: KioskWindow, listener: Listener
) -> None:
    shown.kiosk.show("home")
    targets = [passage["target"] for passage in shown.read_aloud.property("passages")]
    # As the page shows them: its text, On now and its sessions, Next and its sessions, the topics.
    now_next = [t for t in targets if t.startswith(("nowNextHeading:", "session:"))]
    assert now_next == [
        "nowNextHeading:now",
        "session:item/contracts-workshop",
        ROW,
        "nowNextHeading:next",
        "session:item/remittances-panel",
        "session:item/skills-workshop",
    ], targets
    assert targets.index("pageTitle") < targets.index("nowNextHeading:now")
    assert targets.index("session:item/skills-workshop") < min(
        i for i, t in enumerate(targets) if t.startswith("card:")
    )
    tap(shown.window, find(shown.window, "listenButton"))
    wait_until(lambda: shown.read_aloud.property("currentTarget") == "session:item/skills-workshop", 30_000)
    tap(shown.window, find(shown.window, "listenButton"))  # Stop
    heard = listener.heard
    assert "On now" in heard and "Next" in heard
    assert "from 2 PM to 3:30 PM. Sending money home safely. Main hall. Lina Farouk." in heard
    for target in ("nowNextHeading:now", ROW, "nowNextHeading:next", "session:item/remittances-panel"):
        assert listener.marked.get(target) is True, (target, listener.marked)
