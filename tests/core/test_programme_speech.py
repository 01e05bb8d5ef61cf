"""What Listen says on the programme fixture's pages (kiosk.core.programme_speech), without Qt: the day
on show and each session row, a session's when, where, languages and speakers; times as words a voice
reads well, never the en dash or the marks that keep a range in one piece on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.core.programme import now_and_next_cards
from kiosk.core.programme_speech import (
    SpokenWords,
    now_next_passages,
    programme_passages,
    sentences,
    session_passages,
    spoken_time,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content-programme"
# The app's words in Arabic as the catalogue gives them (the UI layer passes them; the day as Qt's
# Arabic locale writes it, the number in Latin digits as on the page).
ARABIC = SpokenWords(
    from_to="من %1 إلى %2",
    whole_hour=lambda hour: f"الساعة {hour}",
    room="القاعة: %1",
    held_in="لغات الجلسة: %1",
    day=lambda iso: {"2027-03-10": "الأربعاء 10 مارس", "2027-03-11": "الخميس 11 مارس"}[iso],
    english_name=lambda code: {"en": "English", "ar": "Arabic"}[code],
)
ENGLISH = SpokenWords(english_name=lambda code: {"en": "English", "ar": "Arabic"}[code])
MARKS = "\u2013\u2066\u2067\u2068\u2069\u200e\u200f"


@pytest.fixture(scope="module")
def pages() -> Pages:
    result = load_content(FIXTURE)
    assert result.compiled is not None
    return Pages(result.compiled, FIXTURE)


def said(passages: list[dict[str, Any]]) -> dict[str, str]:
    return {passage["target"]: passage["text"] for passage in passages}


def test_a_time_is_said_as_a_voice_reads_it() -> None:
    assert spoken_time("09:00", ENGLISH) == "9 AM"
    assert spoken_time("09:45", ENGLISH) == "9:45 AM"
    # English on a 12-hour clock ("14 o'clock" is nobody's); languages on 24 hours as written.
    assert spoken_time("14:00", ENGLISH) == "2 PM"
    assert spoken_time("12:30", ENGLISH) == "12:30 PM"
    assert spoken_time("00:15", ENGLISH) == "12:15 AM"
    assert spoken_time("14:00", ARABIC) == "الساعة 14"
    assert spoken_time("14:30", ARABIC) == "14:30"
    assert sentences(["Opening plenary", "Main hall", "", "Amina Haddad."], "en") == (
        "Opening plenary. Main hall. Amina Haddad."
    )
    assert sentences(["开幕全体会议", "主会场"], "zh") == "开幕全体会议。主会场。"


def test_the_programme_reads_the_day_on_show_and_each_of_its_sessions_in_english(pages: Pages) -> None:
    page = pages.page("section/programme", "en")
    first = programme_passages(page, 0, ENGLISH)
    assert [passage["target"] for passage in first] == [
        "dayHeading",
        "session:item/opening-plenary",
        "session:item/contracts-workshop",
        "session:item/fair-recruitment-plenary",
        "session:item/remittances-panel",
        "session:item/skills-workshop",
    ]
    heard = said(first)
    assert heard["dayHeading"] == "Wednesday 10 March"
    assert heard["session:item/fair-recruitment-plenary"] == (
        "from 10 AM to 11:30 AM. Fair recruitment: what works. Main hall. Jonas Berg, Priya Raman."
    )
    # No speakers: the row says what it shows, times, title and room.
    assert heard["session:item/skills-workshop"] == (
        "from 2 PM to 3:30 PM. Workshop: skills that travel. Room B."
    )
    second = said(programme_passages(page, 1, ENGLISH))
    assert list(second) == ["dayHeading", "session:item/domestic-work-panel", "session:item/closing-plenary"]
    assert second["session:item/domestic-work-panel"].startswith("from 9:30 AM to 11 AM. Domestic")
    # A day index past the last (the page clamps it too) reads the last day.
    assert said(programme_passages(page, 7, ENGLISH)) == second
    assert not any(mark in text for text in [*heard.values(), *second.values()] for mark in MARKS)


def test_the_programme_reads_in_arabic_with_latin_digits(pages: Pages) -> None:
    heard = said(programme_passages(pages.page("section/programme", "ar"), 0, ARABIC))
    assert heard["dayHeading"] == "الأربعاء 10 مارس"
    assert heard["session:item/fair-recruitment-plenary"] == (
        "من الساعة 10 إلى 11:30. التوظيف العادل: ما الذي ينجح. القاعة الرئيسية. يوناس بيرغ، بريا رامان."
    )
    assert heard["session:item/opening-plenary"].startswith("من الساعة 9 إلى 9:45. ")
    every_word = "".join(heard.values())
    assert not any(mark in every_word for mark in MARKS)
    assert not any("\u0660" <= character <= "\u0669" for character in every_word)


def test_a_collection_of_sessions_reads_its_own_sessions(pages: Pages) -> None:
    heard = said(programme_passages(pages.page("item/workshops", "en"), 0, ENGLISH))
    assert list(heard) == ["dayHeading", "session:item/contracts-workshop", "session:item/skills-workshop"]


def test_a_session_page_reads_when_where_in_which_languages_and_who(pages: Pages) -> None:
    english = session_passages(pages.page("item/fair-recruitment-plenary", "en"), ENGLISH)
    assert [(passage["target"], passage["text"]) for passage in english] == [
        ("sessionWhen", "Wednesday 10 March, from 10 AM to 11:30 AM"),
        ("sessionRoom", "Room: Main hall"),
        ("sessionLanguages", "Held in: English, Arabic"),
        ("speakerEntry:0", "Jonas Berg, Moderator, Northern Employers' Network"),
        ("speakerEntry:1", "Priya Raman, Panellist, Domestic Workers' Union of the Coast"),
    ]
    arabic = said(session_passages(pages.page("item/fair-recruitment-plenary", "ar"), ARABIC))
    assert arabic == {
        "sessionWhen": "الأربعاء 10 مارس، من الساعة 10 إلى 11:30",
        "sessionRoom": "القاعة: القاعة الرئيسية",
        # Its own name in Arabic letters; English by the name an Arabic voice reads in Latin letters.
        "sessionLanguages": "لغات الجلسة: English، العربية",
        "speakerEntry:0": "يوناس بيرغ، مدير الحوار، شبكة أصحاب العمل الشمالية",
        "speakerEntry:1": "بريا رامان، متحدثة، نقابة العاملات المنزليات في الساحل",
    }
    # A session with no speakers says nothing of them.
    workshop = said(session_passages(pages.page("item/skills-workshop", "en"), ENGLISH))
    assert list(workshop) == ["sessionWhen", "sessionRoom", "sessionLanguages"]
    assert workshop["sessionLanguages"] == "Held in: Arabic"


def test_the_home_pages_now_and_next_is_read_heading_then_rows_or_that_nothing_more_is_on(
    pages: Pages,
) -> None:
    import datetime

    programme = pages.agenda.get("programme")
    at = datetime.datetime(2027, 3, 10, 9, 0, tzinfo=datetime.UTC)  # 10:00 at the venue
    said = now_next_passages(now_and_next_cards(pages.items, programme, at, "ar"), "ar", ARABIC)
    targets = [passage["target"] for passage in said]
    assert targets[0] == "nowNextHeading:now" and "nowNextHeading:next" in targets
    row = {p["target"]: p["text"] for p in said}["session:item/fair-recruitment-plenary"]
    assert row.startswith("من الساعة 10 إلى 11:30.")
    assert not [p for p in said if set(p["text"]) & set(MARKS)]
    # After the day's last session: the page says nothing more is on, and so does Listen.
    evening = datetime.datetime(2027, 3, 10, 19, 0, tzinfo=datetime.UTC)
    found = now_and_next_cards(pages.items, programme, evening, "en")
    assert found["visible"] and not found["now"] and not found["next"]
    assert [p["target"] for p in now_next_passages(found, "en", ENGLISH)] == ["nowNextNothing"]
    # Outside the programme's days nothing of it is shown, nor read.
    later = datetime.datetime(2027, 6, 1, 9, 0, tzinfo=datetime.UTC)
    assert now_next_passages(now_and_next_cards(pages.items, programme, later, "en"), "en", ENGLISH) == []
