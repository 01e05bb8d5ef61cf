"""The conference programme: sessions read and checked at their lines, grouped by day, now and next at a
given time, a session as an iCalendar event, and sessions imported from a CSV or .xlsx spreadsheet."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from kiosk.cli import main
from kiosk.core import search
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.core.problems import Severity, errors
from kiosk.core.programme import calendar_event, now_and_next_cards
from kiosk.core.programme_import import import_sessions
from kiosk.core.search import SearchIndex

from .contentkit import ContentFolder, locate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content-programme"
PROGRAMME_FILE = "sections/10-programme.yaml"
UTC = datetime.UTC


@pytest.fixture(scope="module")
def pages() -> Pages:
    result = load_content(FIXTURE)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, FIXTURE)


@pytest.fixture
def programme(tmp_path: Path) -> ContentFolder:
    shutil.copytree(FIXTURE, tmp_path / "content")
    return ContentFolder(tmp_path / "content")


def shown(problem: object) -> str:
    return str(problem)


def test_the_fixture_is_valid_with_no_warning(pages: Pages) -> None:
    problems = load_content(FIXTURE).problems
    assert [str(p) for p in problems] == []


def test_the_programme_page_groups_sessions_by_day_in_time_order(pages: Pages) -> None:
    page = pages.page("section/programme", "en")
    assert page["kind"] == "programme"
    assert [day["date"] for day in page["days"]] == ["2027-03-10", "2027-03-11"]
    first_day = page["days"][0]["sessions"]
    assert [(s["start"], s["room"]) for s in first_day] == [
        ("09:00", "Main hall"),
        ("10:00", "Room B"),
        ("10:00", "Main hall"),
        ("14:00", "Main hall"),
        ("14:00", "Room B"),
    ]
    assert first_day[2]["speakers"] == "Jonas Berg, Priya Raman"
    # Each script writes a list with its own comma.
    arabic = pages.page("section/programme", "ar")["days"][0]["sessions"][2]["speakers"]
    assert "\u060c " in arabic and ", " not in arabic
    assert page["days"][1]["sessions"][-1]["title"] == "Closing plenary"
    # Sessions are in the day switch, not again as cards; the collection of workshops stays a card.
    assert [card["route"] for card in page["cards"]] == ["item/workshops"]


# The fixture's workshops sit in a collection ("workshops"), the skills workshop a level deeper
# ("skills-track", beside an article): an editor may group sessions however the content reads best.
IN_COLLECTIONS = {"contracts-workshop", "skills-workshop"}
EVERY_SESSION = {
    "opening-plenary",
    "fair-recruitment-plenary",
    "remittances-panel",
    "contracts-workshop",
    "skills-workshop",
    "domestic-work-panel",
    "closing-plenary",
}


def test_sessions_in_collections_are_on_the_programme_page_once(pages: Pages) -> None:
    assert pages.items["skills-workshop"]["parent"] == "skills-track"
    assert pages.items["skills-track"]["parent"] == "workshops"
    page = pages.page("section/programme", "ar")
    listed = [session["route"].removeprefix("item/") for day in page["days"] for session in day["sessions"]]
    assert sorted(listed) == sorted(EVERY_SESSION)
    by_route = {
        s["route"]: (day["date"], s["start"], s["end"]) for day in page["days"] for s in day["sessions"]
    }
    assert by_route["item/skills-workshop"] == ("2027-03-10", "14:00", "15:30")


def test_a_section_whose_sessions_are_all_in_a_collection_is_a_programme(programme: ContentFolder) -> None:
    # Only a collection in the section, a session two collections down.
    programme.write(
        "sections/20-about.yaml",
        programme.read("sections/20-about.yaml")
        + """
  - id: side-events
    kind: collection
    title: Side events
    items:
      - id: evening
        kind: collection
        title: Evening
        items:
          - id: reception
            kind: session
            title: Reception
            start: 2027-03-10T18:00
            end: 2027-03-10T19:30
            room: Main hall
""",
    )
    result = load_content(programme.root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    shown_pages = Pages(result.compiled, programme.root)
    page = shown_pages.page("section/about", "en")
    assert page["kind"] == "programme"
    assert [[s["title"] for s in day["sessions"]] for day in page["days"]] == [["Reception"]]
    assert [card["route"] for card in page["cards"]] == ["item/forum-background", "item/side-events"]
    # In now and next too, and its calendar event is on its page as for any session.
    found = now_and_next_cards(
        shown_pages.items,
        shown_pages.agenda["programme"],
        datetime.datetime(2027, 3, 10, 17, 0, tzinfo=UTC),
        "en",
    )
    assert [s["title"] for s in found["now"]] == ["Reception"]
    assert "BEGIN:VEVENT" in shown_pages.page("item/reception", "en")["calendarText"]


def test_a_session_page_says_when_where_who_and_in_which_languages(pages: Pages) -> None:
    page = pages.page("item/fair-recruitment-plenary", "ar")
    assert page["kind"] == "session"
    assert (page["day"], page["start"], page["end"]) == ("2027-03-10", "10:00", "11:30")
    assert page["room"] == "القاعة الرئيسية"
    assert page["speakers"][1] == {
        "name": "بريا رامان",
        "role": "متحدثة",
        "organisation": "نقابة العاملات المنزليات في الساحل",
    }
    assert page["heldIn"] == ["English", "العربية"]
    assert page["timeZone"] == "Europe/Zurich"


def test_the_calendar_event_is_a_valid_vevent_in_utc(pages: Pages) -> None:
    text = pages.page("item/fair-recruitment-plenary", "en")["calendarText"]
    calendar = Calendar.from_ical(text)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    event = events[0]
    # 10:00 in Zurich in March is CET, an hour ahead of UTC.
    assert event.decoded("dtstart") == datetime.datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
    assert event.decoded("dtend") == datetime.datetime(2027, 3, 10, 10, 30, tzinfo=UTC)
    assert str(event["summary"]) == "Fair recruitment: what works"
    assert str(event["location"]) == "Main hall"
    assert str(event["uid"]) == "fair-recruitment-plenary@fair-migration-kiosk"


def test_summer_time_moves_the_utc_hour() -> None:
    session = {"id": "s", "title": {"en": "S"}, "start": "2027-07-01T10:00:00", "end": "2027-07-01T11:00:00"}
    event = Calendar.from_ical(calendar_event(session, {"time_zone": "Europe/Zurich"}, "en")).walk("VEVENT")[
        0
    ]
    assert event.decoded("dtstart") == datetime.datetime(2027, 7, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("utc_moment", "now_titles", "next_titles"),
    [
        # 10:30 in Zurich: two sessions run in parallel; the two at 14:00 come next.
        (
            datetime.datetime(2027, 3, 10, 9, 30, tzinfo=UTC),
            ["Workshop: a contract the worker can read", "Fair recruitment: what works"],
            ["Sending money home safely", "Workshop: skills that travel"],
        ),
        # 08:00 in Zurich on the first day: nothing yet, the opening next.
        (datetime.datetime(2027, 3, 10, 7, 0, tzinfo=UTC), [], ["Opening plenary"]),
        # 12:00 between sessions on the second day: the closing ran, nothing after.
        (datetime.datetime(2027, 3, 11, 11, 0, tzinfo=UTC), ["Closing plenary"], []),
        # The end of a session is not "now": 09:45 is the opening's end.
        (
            datetime.datetime(2027, 3, 10, 8, 45, tzinfo=UTC),
            [],
            ["Workshop: a contract the worker can read", "Fair recruitment: what works"],
        ),
    ],
)
def test_now_and_next_at_a_given_moment(
    pages: Pages, utc_moment: datetime.datetime, now_titles: list[str], next_titles: list[str]
) -> None:
    found = now_and_next_cards(pages.items, pages.agenda["programme"], utc_moment, "en")
    assert found["visible"]
    assert [s["title"] for s in found["now"]] == now_titles
    assert [s["title"] for s in found["next"]] == next_titles


@pytest.mark.parametrize(
    "utc_moment",
    [datetime.datetime(2027, 3, 9, 12, 0, tzinfo=UTC), datetime.datetime(2027, 3, 11, 23, 30, tzinfo=UTC)],
)
def test_now_and_next_is_hidden_outside_the_programme_days(
    pages: Pages, utc_moment: datetime.datetime
) -> None:
    # 2027-03-11 23:30 UTC is already the 12th in Zurich: the day is the venue's, not UTC's.
    found = now_and_next_cards(pages.items, pages.agenda["programme"], utc_moment, "en")
    assert found == {"visible": False, "now": [], "next": []}


# -- validation at the line ----------------------------------------------------------------------


def test_an_end_before_its_start_is_an_error_at_the_end(programme: ContentFolder) -> None:
    programme.replace(PROGRAMME_FILE, "end: 2027-03-10T09:45", "end: 2027-03-10T08:45")
    result = programme.load()
    line, column = programme.position(PROGRAMME_FILE, "2027-03-10T08:45")
    assert result.compiled is None
    assert [shown(p) for p in errors(result.problems)] == [
        f"{PROGRAMME_FILE}:{line}:{column}: items[0].end: 'opening-plenary' ends before its start "
        "(2027-03-10 08:45 before 2027-03-10 09:00)"
    ]


def test_a_session_in_a_collection_is_checked_at_its_own_line(programme: ContentFolder) -> None:
    programme.replace(
        PROGRAMME_FILE,
        "end: 2027-03-10T15:30\n            room: {en: Room B",
        "end: 2027-03-10T13:30\n            room: {en: Room B",
    )
    result = programme.load()
    line, column = programme.position(PROGRAMME_FILE, "2027-03-10T13:30")
    assert [shown(p) for p in errors(result.problems)] == [
        f"{PROGRAMME_FILE}:{line}:{column}: items[3].items[1].items[0].end: 'skills-workshop' ends before "
        "its start (2027-03-10 13:30 before 2027-03-10 14:00)"
    ]


def test_a_time_yaml_reads_as_a_number_is_explained(programme: ContentFolder) -> None:
    programme.replace(PROGRAMME_FILE, "end: 2027-03-10T09:45", "end: 10:30")
    result = programme.load()
    line, column = programme.position(PROGRAMME_FILE, "10:30")
    (problem,) = errors(result.problems)
    assert (problem.line, problem.column, problem.field) == (line, column, "items[0].end")
    assert "is not a date and time" in problem.message and "2027-03-10T09:30" in problem.message


def test_overlapping_sessions_in_one_room_are_a_warning_at_the_later_start(programme: ContentFolder) -> None:
    programme.replace(
        PROGRAMME_FILE,
        "start: 2027-03-10T14:00\n    end: 2027-03-10T15:30\n    room: {en: Main hall",
        "start: 2027-03-10T11:00\n    end: 2027-03-10T15:30\n    room: {en: Main hall",
    )
    result = programme.load()
    assert result.compiled is not None
    line, column = programme.position(PROGRAMME_FILE, "2027-03-10T11:00")
    assert [shown(p) for p in result.problems] == [
        f"{PROGRAMME_FILE}:{line}:{column}: items[2].start: warning: 'remittances-panel' overlaps "
        "'fair-recruitment-plenary' in Main hall (2027-03-10 11:00 before 2027-03-10 11:30)"
    ]


def test_a_session_outside_the_programme_days_is_a_warning(programme: ContentFolder) -> None:
    programme.replace(
        PROGRAMME_FILE,
        "start: 2027-03-11T11:30\n    end: 2027-03-11T12:30",
        "start: 2027-03-12T11:30\n    end: 2027-03-12T12:30",
    )
    result = programme.load()
    line, column = programme.position(PROGRAMME_FILE, "2027-03-12T11:30")
    (problem,) = result.problems
    assert problem.severity is Severity.WARNING
    assert (problem.line, problem.column) == (line, column)
    assert "outside the programme's days (2027-03-10 to 2027-03-11)" in problem.message


def test_a_missing_time_zone_is_a_warning_at_the_programme(programme: ContentFolder) -> None:
    programme.replace("agenda.yaml", "  time_zone: Europe/Zurich\n", "")
    result = programme.load()
    assert result.compiled is not None
    (problem,) = result.problems
    assert (problem.file, problem.line, problem.column, problem.severity) == (
        "agenda.yaml",
        programme.line("agenda.yaml", "programme:"),
        1,
        Severity.WARNING,
    )
    assert "no time zone" in problem.message


def test_sessions_without_any_programme_warn_at_the_first_start(programme: ContentFolder) -> None:
    text = programme.read("agenda.yaml")
    block = text[text.index("programme:\n") : text.index("sections:")]
    programme.replace("agenda.yaml", block, "")
    result = programme.load()
    (problem,) = result.problems
    assert (problem.file, problem.field) == (PROGRAMME_FILE, "items[0].start")
    assert problem.line == programme.line(PROGRAMME_FILE, "2027-03-10T09:00")


def test_an_unknown_time_zone_is_an_error(programme: ContentFolder) -> None:
    programme.replace("agenda.yaml", "Europe/Zurich", "Europe/Geneva")
    (problem,) = errors(programme.load().problems)
    assert (problem.line, problem.column) == programme.position("agenda.yaml", "Europe/Geneva")
    assert "unknown time zone 'Europe/Geneva'" in problem.message


# -- import from a spreadsheet -------------------------------------------------------------------

HEADER = "day,start,end,title,title_ar,room,speakers,speakers_ar,languages\n"
GOOD_ROW = '2027-03-10,09:00,09:45,Opening plenary,الجلسة الافتتاحية,Main hall,Amina Haddad | Chair,أمينة حداد | رئيسة,"en, ar"\n'
ROOMS = [{"en": "Main hall", "ar": "القاعة الرئيسية"}, {"en": "Room B", "ar": "القاعة ب"}]


def test_a_csv_row_becomes_a_session(tmp_path: Path) -> None:
    sheet = tmp_path / "programme.csv"
    sheet.write_text(HEADER + GOOD_ROW, encoding="utf-8")
    result = import_sessions(sheet, ROOMS)
    assert result.problems == []
    assert result.sessions == [
        {
            "id": "opening-plenary",
            "kind": "session",
            "title": {"en": "Opening plenary", "ar": "الجلسة الافتتاحية"},
            "start": "2027-03-10T09:00",
            "end": "2027-03-10T09:45",
            # The declared room brings its other languages.
            "room": {"en": "Main hall", "ar": "القاعة الرئيسية"},
            "speakers": [
                {"name": {"en": "Amina Haddad", "ar": "أمينة حداد"}, "role": {"en": "Chair", "ar": "رئيسة"}}
            ],
            "languages": ["en", "ar"],
        }
    ]


def test_every_bad_row_is_reported_at_its_row_and_column(tmp_path: Path) -> None:
    sheet = tmp_path / "programme.csv"
    sheet.write_text(
        HEADER
        + GOOD_ROW
        + "2027-03-10,10:00,9:30,Ends early,,Room B,,,en\n"
        + "2027-03-10,25:00,11:00,Bad time,,Room Z,,,en\n"
        + "2027-13-10,10:00,11:00,Bad day,,Room B,,,en\n",
        encoding="utf-8",
    )
    result = import_sessions(sheet, ROOMS)
    assert [str(p) for p in result.problems] == [
        "programme.csv:3:3: end (column C): ends before its start (09:30 before 10:00)",
        "programme.csv:4:2: start (column B): '25:00' is not a time: write it as HH:MM (24-hour), e.g. 09:30",
        "programme.csv:4:6: room (column F): unknown room 'Room Z': the rooms are Main hall, Room B",
        "programme.csv:5:1: day (column A): '2027-13-10' is not a date: write it as YYYY-MM-DD, e.g. 2027-03-10",
    ]


def test_an_unknown_column_is_named_with_a_hint(tmp_path: Path) -> None:
    sheet = tmp_path / "programme.csv"
    sheet.write_text("day,start,end,title,speeker\n2027-03-10,09:00,10:00,T,X\n", encoding="utf-8")
    (problem,) = import_sessions(sheet).problems
    assert str(problem) == "programme.csv:1:5: unknown column 'speeker' (did you mean 'speakers'?)"


def test_an_xlsx_with_real_date_and_time_cells_is_read(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Day", "Start", "End", "Title", "Room", "Speakers"])
    sheet.append(
        [
            datetime.date(2027, 3, 11),
            datetime.time(9, 30),
            datetime.time(11, 0),
            "Domestic work",
            "Room B",
            "Priya Raman | Speaker | A union",
        ]
    )
    sheet.append([datetime.date(2027, 3, 11), "11:30", "nonsense", "Closing", "Main hall", None])
    path = tmp_path / "programme.xlsx"
    workbook.save(path)
    result = import_sessions(path, ROOMS)
    assert [str(p) for p in result.problems] == [
        "programme.xlsx:3:3: end (column C): 'nonsense' is not a time: write it as HH:MM (24-hour), e.g. 09:30"
    ]
    assert result.sessions[0]["start"] == "2027-03-11T09:30"
    assert result.sessions[0]["speakers"] == [
        {"name": "Priya Raman", "role": "Speaker", "organisation": "A union"}
    ]


def test_the_import_command_writes_nothing_when_a_row_is_bad(
    programme: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "programme.csv"
    sheet.write_text(HEADER + GOOD_ROW + "2027-03-10,10:00,9:30,Ends early,,Room B,,,en\n", encoding="utf-8")
    assert (
        main(["programme", "import", str(sheet), "--output", str(programme.root), "--section", "day-one"])
        == 1
    )
    assert "programme.csv:3:3: end (column C)" in capsys.readouterr().err
    assert not programme.path("sections/day-one.yaml").exists()


def test_the_template_imports_into_a_content_folder_that_validates(programme: ContentFolder) -> None:
    # The template's sessions, as a new section of the fixture (its own ids, so no clash).
    template = Path(__file__).resolve().parents[2] / "docs" / "programme-template.xlsx"
    programme.replace(PROGRAMME_FILE, "id: opening-plenary", "id: opening-plenary-old")
    programme.replace(PROGRAMME_FILE, "id: contracts-workshop", "id: contracts-workshop-old")
    programme.replace("agenda.yaml", "  - about\n", "  - about\n  - imported\n")
    assert (
        main(["programme", "import", str(template), "--output", str(programme.root), "--section", "imported"])
        == 0
    )
    written = programme.read("sections/imported.yaml")
    assert "Séance plénière d'ouverture" in written
    result = programme.load()
    assert result.compiled is not None, [str(p) for p in result.problems]
    assert result.compiled["items"]["workshop-a-contract-the-worker-can-read"]["room"] == {
        "en": "Room B",
        "fr": "Salle B",
        "ar": "القاعة ب",
    }
    # The imported sessions overlap the fixture's in the same rooms: validate says so at their lines.
    overlaps = [p for p in result.problems if "overlaps" in p.message]
    assert overlaps and all(p.file == "sections/imported.yaml" for p in overlaps)
    assert overlaps[0].line == locate(written, "2027-03-10T09:00")[0]
    # Asked again, it does not replace the file without --replace.
    assert (
        main(["programme", "import", str(template), "--output", str(programme.root), "--section", "imported"])
        == 1
    )


# -- search --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def programme_index(pages: Pages, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    target = tmp_path_factory.mktemp("search") / "index.sqlite"
    search.build_index(target, search.entries_for(pages.compiled, FIXTURE))
    index = SearchIndex(target)
    yield index
    index.close()


def routes_for(index: SearchIndex, query: str, language: str = "en") -> list[str]:
    return sorted(result.route for result in index.search(query, language))


def test_search_finds_a_session_by_its_title(programme_index: SearchIndex) -> None:
    assert routes_for(programme_index, "sending money") == ["item/remittances-panel"]
    assert routes_for(programme_index, "skills that travel") == ["item/skills-workshop"]
    assert routes_for(programme_index, "مهارات تنتقل", "ar") == ["item/skills-workshop"]


def test_search_finds_sessions_by_speaker_in_any_language(programme_index: SearchIndex) -> None:
    expected = ["item/closing-plenary", "item/opening-plenary"]
    assert routes_for(programme_index, "Haddad") == expected
    # The Arabic texts write her name in Arabic letters; either spelling finds her sessions.
    assert routes_for(programme_index, "حداد", "ar") == expected
    assert routes_for(programme_index, "Lina Farouk") == ["item/remittances-panel"]


def test_search_finds_sessions_by_room_and_organisation(programme_index: SearchIndex) -> None:
    in_room_b = {"item/contracts-workshop", "item/skills-workshop"}
    assert in_room_b <= set(routes_for(programme_index, "Room B"))
    assert routes_for(programme_index, "legal aid clinic") == ["item/contracts-workshop"]
    assert set(routes_for(programme_index, "القاعة ب", "ar")) >= in_room_b


# -- handout -------------------------------------------------------------------------------------


def test_the_handout_lists_the_programme_by_day(pages: Pages) -> None:
    from kiosk.core.handout import handout_markdown

    text = handout_markdown(pages.compiled, "en")
    headings = [line for line in text.splitlines() if line.startswith(("### ", "#### "))]
    assert headings[:3] == [
        "### Wednesday 10 March 2027",
        "#### \u206609:00\u201309:45\u2069 · Opening plenary",
        "#### \u206610:00\u201311:30\u2069 · Workshop: a contract the worker can read",
    ]
    assert headings.index("### Thursday 11 March 2027") == 6
    assert headings[7:9] == [
        "#### \u206609:30\u201311:00\u2069 · Domestic workers' rights",
        "#### \u206611:30\u201312:30\u2069 · Closing plenary",
    ]
    assert "*Room B · Carlos Mendes, Facilitator, Migrant Legal Aid Clinic*" in text
    assert "*Times are local time at the venue (Europe/Zurich).*" in text
    # The section's other items follow, as items do.
    assert text.index("## About the forum") < text.index("### Why this forum")


def test_the_handout_lists_sessions_in_collections_once_in_the_programme(pages: Pages) -> None:
    from kiosk.core.handout import handout_markdown

    text = handout_markdown(pages.compiled, "en")
    for session in EVERY_SESSION:
        title = pages.items[session]["title"]["en"]
        assert text.count(title) == 1, title
    # The skills workshop, two collections down, is in its day at its time.
    first_day = text[text.index("### Wednesday 10 March 2027") : text.index("### Thursday 11 March 2027")]
    assert "#### \u206614:00\u201315:30\u2069 · Workshop: skills that travel" in first_day
    # The collections stay, with what else they hold, after the programme.
    assert text.index("### Thursday 11 March 2027") < text.index("### Workshops")
    assert (
        text.index("### Workshops")
        < text.index("#### Skills track")
        < text.index("##### What to bring to the skills workshop")
    )


def test_a_time_range_in_the_handout_stays_start_then_end_in_arabic(pages: Pages) -> None:
    from kiosk.core.handout import handout_markdown

    headings = [
        line for line in handout_markdown(pages.compiled, "ar").splitlines() if line.startswith("#### ")
    ]
    # Isolated left to right: the bidi algorithm keeps 09:00 to 09:45 in one piece within the Arabic
    # heading (without the isolate the en dash takes the paragraph's direction and the times swap).
    assert headings[0] == "#### \u206609:00\u201309:45\u2069 · الجلسة العامة الافتتاحية"


def test_the_handout_writes_a_list_of_speakers_with_the_arabic_comma(pages: Pages) -> None:
    from kiosk.core.handout import handout_markdown

    # Each speaker is written "name, role, organisation".
    who = [line for line in handout_markdown(pages.compiled, "ar").splitlines() if "يوناس بيرغ" in line]
    assert who, "the Arabic handout names the session's speakers"
    assert "\u060c " in who[0] and ", " not in who[0]


def test_the_command_line_parser_loads_no_spreadsheet_or_calendar_library() -> None:
    # `kiosk` builds its parser at every start, the kiosk's own start included.
    import json
    import subprocess
    import sys

    code = (
        "import json, sys, kiosk.cli\nkiosk.cli.build_parser()\n"
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    loaded = set(
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
            ).stdout
        )
    )
    assert "kiosk" in loaded
    assert not loaded & {"openpyxl", "icalendar", "zoneinfo", "pydantic"}


def test_a_csv_saved_in_a_legacy_encoding_is_named_with_the_fix(tmp_path: Path) -> None:
    sheet = tmp_path / "programme.csv"
    sheet.write_bytes("day,start,end,title\n2027-03-10,09:00,10:00,Séance\n".encode("cp1252"))
    (problem,) = import_sessions(sheet).problems
    assert str(problem) == "programme.csv:2:1: not UTF-8 text: save the sheet as 'CSV UTF-8', or as .xlsx"


def test_a_semicolon_csv_as_european_spreadsheets_save_it_is_read(tmp_path: Path) -> None:
    sheet = tmp_path / "programme.csv"
    sheet.write_text(
        "day;start;end;title;room\n2027-03-10;09:00;10:00;Opening, with coffee;Room B\n", encoding="utf-8"
    )
    result = import_sessions(sheet)
    assert result.problems == []
    assert result.sessions[0]["title"] == "Opening, with coffee"
    assert result.sessions[0]["room"] == "Room B"


def test_a_room_the_programme_does_not_declare_is_a_warning_at_the_room(programme: ContentFolder) -> None:
    programme.replace(
        PROGRAMME_FILE,
        "room: {en: Room B, ar: القاعة ب}\n        speakers:",
        "room: Room C\n        speakers:",
    )
    (problem,) = programme.load().problems
    assert (problem.line, problem.column) == programme.position(PROGRAMME_FILE, "Room C")
    assert problem.severity is Severity.WARNING
    assert (
        problem.message == "'Room C' is not one of the programme's rooms (Main hall, Room B) in agenda.yaml"
    )
