"""A conference programme as a blind visitor meets it through the real accessibility stack (issues 14,
15 and 17): the kiosk in a real window under Xvfb with Qt's AT-SPI bridge, and the small screen
reader of reader.py, driven by keys. One kiosk for the module, on the programme fixture, its clock
stopped at 10:15 on the first day at the venue (tests/a11y/kiosk_at.py), with an office card from
this machine's kiosk.yaml.

What is checked: "On now" and "Next" are headings on the home page, read after its title and lead and
before the office card and the topics, and Tab from the title goes the same way; each session a control named
"10:00\u201311:30, <title>, <room>" and described by its speakers; the office card's lines and its QR
codes are on the tree, named; the programme and session pages take the focus on their heading and
are announced, Back gives it to the session row; the days are choices with the day on show checked;
the session page reads its times, room and speakers and names its calendar code; in Arabic too. A
collection of sessions (the workshops) reads as the programme does: its heading takes the focus and
is announced, then its text, its day and session rows, its source and related items; the home card of
the programme says how many sessions are behind it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from tests.a11y.harness import Node, ScreenReaderStack, clean, reads_in_order, started_stack

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = pytest.mark.timeout(60)

CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content-programme"
# 10:15 in Zurich on the first day: two sessions on now (10:00 to 11:30), two next (14:00 to 15:30).
AT = "2027-03-10T10:15:00+01:00"
MACHINE = """\
office:
  kind: venue
  name: {en: Example Congress Centre, ar: مركز المؤتمرات التجريبي}
  address: |-
    Example Street 1
    8000 Zurich
  hours: {en: "Mon-Fri 8:00-18:00", ar: "الاثنين-الجمعة 8:00-18:00"}
  phone: "+41 44 000 00 00"
  email: info@example.org
  web: https://example.org/venue
"""


@pytest.fixture(scope="module")
def pages() -> Pages:
    result = load_content(CONTENT)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, CONTENT)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScreenReaderStack]:
    yield from started_stack(tmp_path_factory, CONTENT, at=AT, machine_config=MACHINE)


def spoken(session: dict[str, Any]) -> str:
    """A session row as a screen reader names it."""
    return f"{session['start']}\u2013{session['end']}, {session['title']}" + (
        f", {session['room']}" if session.get("room") else ""
    )


def first_day(pages: Pages, language: str) -> list[dict[str, Any]]:
    return list(pages.page("section/programme", language)["days"][0]["sessions"])


def named(tree: list[Node], name: str) -> Node:
    found = next((node for node in tree if node["name"] == name), None)
    assert found is not None, f"{name!r} is not on the accessibility tree"
    return found


def test_home_says_what_is_on_now_and_next_and_where_the_venue_is(
    stack: ScreenReaderStack, pages: Pages
) -> None:
    sessions = first_day(pages, "en")
    on_now = [session for session in sessions if session["start"] == "10:00"]
    next_up = [session for session in sessions if session["start"] == "14:00"]
    assert len(on_now) == 2 and len(next_up) == 2, (
        "the fixture's first day has two sessions at 10:00 and 14:00"
    )
    tree = stack.tree()
    home = pages.page("home", "en")
    # As a sighted visitor reads the screen: the title and what is under it, then beside them what is on now,
    # this venue, and the topics.
    reads_in_order(
        tree,
        home["title"],
        home["subtitle"],
        "On now",
        *(spoken(session) for session in on_now),
        "Next",
        *(spoken(session) for session in next_up),
        "This venue",
        home["cards"][0]["title"],
    )
    for title in ("On now", "Next"):
        assert named(tree, title)["role"] == "heading"
    for session in on_now + next_up:
        row = named(tree, spoken(session))
        assert row["role"] == "push button" and "focusable" in row["states"]
        assert row["description"] == (session.get("speakers") or "")
    # The office card, below the page's text: a group whose heading, lines and codes are all read.
    card = named(tree, "This venue: Example Congress Centre")
    inside = [node for node in tree if node["path"][: len(card["path"])] == card["path"] and node is not card]
    reads_in_order(
        inside,
        "This venue",
        "Example Congress Centre",
        "Example Street 1, 8000 Zurich",
        "Opening hours",
        "Mon-Fri 8:00-18:00",
        "QR code: link to Example Congress Centre, example.org/venue",
        "QR code: write to info@example.org",
        "QR code: call +41 44 000 00 00",
    )
    assert [node["role"] for node in inside if node["name"].startswith("QR code")] == ["image"] * 3
    clean(stack)


def test_the_programme_page_takes_the_focus_and_its_days_are_choices(
    stack: ScreenReaderStack, pages: Pages
) -> None:
    programme = pages.page("section/programme", "en")
    stack.tab_to(lambda e: e["name"] == "Topic: Programme", "the Programme card")
    since = stack.mark()
    stack.focus_after(
        ("Return",), lambda e: e["role"] == "heading" and e["name"] == programme["title"], "the heading"
    )
    stack.wait_announcement(f"Now showing: {programme['title']}", since)
    tree = stack.tree()
    days = named(tree, "Days of the programme")
    choices = [node for node in tree if node["path"][:-1] == days["path"]]
    assert [node["role"] for node in choices] == ["radio button", "radio button"]
    # The clock says the first day: it is the day on show.
    assert ["checked" in node["states"] for node in choices] == [True, False]
    reads_in_order(tree, programme["title"], choices[0]["name"], *(spoken(s) for s in first_day(pages, "en")))
    clean(stack)
    # Tab goes on from the heading into the page: the days, then the sessions.
    stack.focus_after(("Tab",), lambda e: e["name"] == choices[0]["name"], "the first day after the heading")
    stack.focus_after(("Tab",), lambda e: e["name"] == choices[1]["name"], "the second day")
    since = stack.mark()
    stack.key("space")
    stack.wait_event(
        lambda e: (
            e["type"] == "object:state-changed:checked" and e["name"] == choices[1]["name"] and e["detail1"]
        ),
        since,
        10,
        "the second day heard as checked",
    )
    second_day = programme["days"][1]["sessions"]
    stack.wait_for(
        lambda: any(node["name"] == spoken(second_day[0]) for node in stack.shown()),
        10,
        "the second day's sessions",
    )
    since = stack.mark()
    stack.key("shift+Tab", "space")
    stack.wait_event(
        lambda e: (
            e["type"] == "object:state-changed:checked" and e["name"] == choices[0]["name"] and e["detail1"]
        ),
        since,
        10,
        "the first day heard as checked again",
    )


def test_a_session_reads_its_times_room_speakers_and_calendar_code(
    stack: ScreenReaderStack, pages: Pages
) -> None:
    session = pages.page("item/fair-recruitment-plenary", "en")
    row = spoken(session)
    stack.tab_to(lambda e: e["name"] == row, "the session's row")
    since = stack.mark()
    stack.focus_after(
        ("Return",), lambda e: e["role"] == "heading" and e["name"] == session["title"], "the heading"
    )
    stack.wait_announcement(f"Now showing: {session['title']}", since)
    tree = stack.tree()
    reads_in_order(
        tree,
        "Session",
        session["title"],
        f"Wednesday 10 March, {session['start']}\u2013{session['end']}",
        f"Room: {session['room']}",
        "Speakers",
        *(
            text
            for speaker in session["speakers"]
            for text in (speaker["name"], f"{speaker['role']}, {speaker['organisation']}")
        ),
        session["subtitle"],
        f"QR code: add to calendar, {session['title']}",
        f"QR code: link to {session['title']}, {session['displayUrl']}",
    )
    assert named(tree, "Speakers")["role"] == "heading"
    assert named(tree, f"QR code: add to calendar, {session['title']}")["role"] == "image"
    clean(stack)
    since = stack.mark()
    stack.focus_after(("Escape",), lambda e: e["name"] == row, "Back to give the focus to the session's row")
    stack.wait_announcement("Now showing: Programme", since)


def test_in_arabic_now_and_next_and_the_office_card(stack: ScreenReaderStack, pages: Pages) -> None:
    stack.key("alt+Home")
    stack.wait_focus(lambda focus: focus["role"] == "heading", what="Home's heading")
    since = stack.mark()
    stack.press(stack.language_button("العربية"))
    stack.wait_announcement(pages.page("home", "ar")["title"], since)
    on_now = [session for session in first_day(pages, "ar") if session["start"] == "10:00"]
    tree = stack.tree()
    reads_in_order(tree, "يجري الآن", *(spoken(session) for session in on_now))
    assert named(tree, "مركز المؤتمرات التجريبي")["role"] == "label"
    assert any(node["role"] == "image" and "مركز المؤتمرات التجريبي" in node["name"] for node in tree)
    clean(stack)


@pytest.mark.parametrize(("language", "native"), [("ar", "العربية"), ("en", "English")])
def test_tab_from_the_title_goes_to_now_and_next_then_the_topics(
    stack: ScreenReaderStack, pages: Pages, language: str, native: str
) -> None:
    home = pages.page("home", language)
    choice = stack.language_button(native)
    if "checked" not in choice["states"]:
        since = stack.mark()
        stack.press(choice)
        stack.wait_announcement(home["title"], since)
    # A page change, as a visitor makes one: Search, then Home. The focus lands on Home's title.
    stack.focus_after(("slash",), lambda e: e["role"] != "heading" or e["name"] != home["title"], "Search")
    stack.focus_after(
        ("alt+Home",), lambda e: e["role"] == "heading" and e["name"] == home["title"], "Home's title"
    )
    sessions = first_day(pages, language)
    expected = [spoken(s) for s in sessions if s["start"] == "10:00"] + [
        spoken(s) for s in sessions if s["start"] == "14:00"
    ]
    heard = []
    for _ in range(len(expected) + 1):
        heard.append(stack.focus_after(("Tab",), lambda e: True, "the focus to move on Tab"))
    assert [event["name"] for event in heard[:-1]] == expected
    # Then the topics: the office card between them has nothing to press.
    topic = heard[-1]
    assert topic["role"] == "push button" and home["cards"][0]["title"] in topic["name"], topic


def test_a_collection_of_sessions_reads_as_the_programme_does(stack: ScreenReaderStack, pages: Pages) -> None:
    # The home card of the programme says how many sessions are behind it.
    home = pages.page("home", "en")
    english = stack.language_button("English")
    if "checked" not in english["states"]:
        since = stack.mark()
        stack.press(english)
        stack.wait_announcement(home["title"], since)
    # From Search to Home, as a visitor goes: the focus lands on Home's title.
    stack.focus_after(("slash",), lambda e: e["role"] != "heading" or e["name"] != home["title"], "Search")
    stack.focus_after(
        ("alt+Home",), lambda e: e["role"] == "heading" and e["name"] == home["title"], "Home's title"
    )
    card = stack.tab_to(lambda e: e["name"] == "Topic: Programme", "the Programme card")
    assert "7 sessions, 1 item." in named(stack.tree(), card["name"])["description"]
    stack.focus_after(
        ("Return",), lambda e: e["role"] == "heading" and e["name"] == "Programme", "the heading"
    )
    # The collection of workshops, below the days: its heading takes the focus and it is announced.
    collection = pages.page("item/workshops", "en")
    stack.tab_to(lambda e: e["name"] == "Collection: Workshops", "the Workshops card")
    since = stack.mark()
    stack.focus_after(
        ("Return",), lambda e: e["role"] == "heading" and e["name"] == collection["title"], "the heading"
    )
    stack.wait_announcement(f"Now showing: {collection['title']}", since)
    tree = stack.tree()
    (day,) = collection["days"]
    reads_in_order(
        tree,
        "Collection",
        collection["title"],
        collection["subtitle"],
        collection["body"],
        "Wednesday 10 March",
        *(spoken(session) for session in day["sessions"]),
        "Collection: Skills track",
        "Source",
        collection["sourceName"],
        "See also",
        "Read: Why this forum",
    )
    assert named(tree, "Wednesday 10 March")["role"] == "heading"
    assert named(tree, "See also")["role"] == "heading"
    for session in day["sessions"]:
        row = named(tree, spoken(session))
        assert row["role"] == "push button" and "focusable" in row["states"]
    clean(stack)
    # Tab goes on from the heading to the first session (one day: no day switch); Back gives the focus
    # to the card that opened the collection.
    stack.focus_after(("Tab",), lambda e: e["name"] == spoken(day["sessions"][0]), "the first session")
    since = stack.mark()
    stack.focus_after(
        ("Escape",), lambda e: e["name"] == "Collection: Workshops", "Back to the Workshops card"
    )
    stack.wait_announcement("Now showing: Programme", since)
