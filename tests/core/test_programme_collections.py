"""A collection that holds sessions is shown as its section is (the programme page: sessions by day, with
times and rooms), with its own title, text, source and related items; and a card leading to a
programme counts the sessions a visitor will find there, inside collections too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages

from .contentkit import ContentFolder

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content-programme"


@pytest.fixture(scope="module")
def pages() -> Pages:
    result = load_content(FIXTURE)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, FIXTURE)


def sessions_by_day(page: dict[str, object]) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    days = page["days"]
    assert isinstance(days, list)
    return [
        (day["date"], [(s["start"], s["end"], s["room"], s["route"]) for s in day["sessions"]])
        for day in days
    ]


def test_a_collection_of_sessions_is_a_programme_page_with_its_own_words(pages: Pages) -> None:
    page = pages.page("item/workshops", "en")
    assert page["kind"] == "programme" and page["itemKind"] == "collection"
    # Its sessions, the one a collection further down too, by day with times and rooms.
    assert sessions_by_day(page) == [
        (
            "2027-03-10",
            [
                ("10:00", "11:30", "Room B", "item/contracts-workshop"),
                ("14:00", "15:30", "Room B", "item/skills-workshop"),
            ],
        )
    ]
    assert page["timeZone"] == "Europe/Zurich"
    # What the editor wrote about the collection, where it comes from, and what to see after it.
    assert page["title"] == "Workshops"
    assert page["subtitle"] == "Small groups in Room B, for working on one question in depth."
    assert page["body"].startswith("Each workshop starts from the questions its participants bring.")
    assert page["sourceName"] == "Example Forum on Fair Labour Migration (fictional test content)"
    assert [card["route"] for card in page["related"]] == ["item/forum-background"]
    # The sessions are rows, not cards again; the collection inside stays a card to open.
    assert [card["route"] for card in page["cards"]] == ["item/skills-track"]
    assert [crumb["route"] for crumb in page["trail"]] == ["home", "section/programme"]


def test_the_collection_page_in_arabic(pages: Pages) -> None:
    page = pages.page("item/workshops", "ar")
    assert page["title"] == "ورش العمل" and page["rightToLeft"]
    assert page["body"].startswith("تبدأ كل ورشة عمل")
    (day,) = page["days"]
    assert [(s["start"], s["end"], s["room"], s["title"]) for s in day["sessions"]] == [
        ("10:00", "11:30", "القاعة ب", "ورشة عمل: عقد يستطيع العامل قراءته"),
        ("14:00", "15:30", "القاعة ب", "ورشة عمل: مهارات تنتقل معك"),
    ]


def test_a_collection_a_level_down_is_a_programme_of_its_own_sessions(pages: Pages) -> None:
    page = pages.page("item/skills-track", "en")
    assert page["kind"] == "programme"
    assert sessions_by_day(page) == [("2027-03-10", [("14:00", "15:30", "Room B", "item/skills-workshop")])]
    assert [card["route"] for card in page["cards"]] == ["item/skills-what-to-bring"]


def test_the_section_programme_page_keeps_its_body(pages: Pages) -> None:
    page = pages.page("section/programme", "en")
    assert page["kind"] == "programme"
    assert page["body"].startswith("The plenaries are in the Main hall and open to everyone.")


def test_a_card_leading_to_a_programme_counts_its_sessions(pages: Pages) -> None:
    counts = {
        card["route"]: (card["sessionCount"], card["count"]) for card in pages.page("home", "en")["cards"]
    }
    # Programme: five sessions of its own, two in its collections; the collection of workshops beside them.
    # About the forum: one article, no session.
    assert counts == {"section/programme": (7, 1), "section/about": (0, 1)}
    on_programme = pages.page("section/programme", "en")["cards"]
    assert [(c["route"], c["sessionCount"], c["count"]) for c in on_programme] == [("item/workshops", 2, 1)]
    on_workshops = pages.page("item/workshops", "en")["cards"]
    assert [(c["route"], c["sessionCount"], c["count"]) for c in on_workshops] == [
        ("item/skills-track", 1, 1)
    ]
    # The search page's topics are the same cards.
    assert pages.page("search", "en")["cards"][0]["sessionCount"] == 7


def test_a_collection_without_sessions_stays_an_item_page_and_counts_items(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "content")
    content = ContentFolder(tmp_path / "content")
    content.write(
        "sections/20-about.yaml",
        content.read("sections/20-about.yaml")
        + """
  - id: reading
    kind: collection
    title: Further reading
    items:
      - {id: reading-one, kind: article, title: One, body: One.}
      - {id: reading-two, kind: article, title: Two, body: Two.}
""",
    )
    result = load_content(content.root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    shown = Pages(result.compiled, content.root)
    page = shown.page("item/reading", "en")
    assert page["kind"] == "item" and "days" not in page
    assert [card["route"] for card in page["cards"]] == ["item/reading-one", "item/reading-two"]
    about = next(card for card in shown.page("home", "en")["cards"] if card["route"] == "section/about")
    assert (about["sessionCount"], about["count"]) == (0, 2)
    reading = next(
        card for card in shown.page("section/about", "en")["cards"] if card["route"] == "item/reading"
    )
    assert (reading["sessionCount"], reading["count"]) == (0, 2)


def test_the_home_page_of_content_without_sessions_does_not_load_the_programme() -> None:
    # The first frame (the home page, its topic cards counted) of content with no programme goes
    # without kiosk.core.programme (tests/ui/test_first_frame_budget.py keeps that list).
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from kiosk.booth import paths\n"
        "from kiosk.core.loader import load_content\n"
        "from kiosk.core.pages import Pages\n"
        "pages = Pages(load_content(paths.bundled_content()).compiled)\n"
        "for name in [m for m in sys.modules if m.startswith('kiosk.core.programme')]: del sys.modules[name]\n"
        "cards = pages.page('home', 'en')['cards']\n"
        "assert cards and all(card['count'] > 0 and card['sessionCount'] == 0 for card in cards), cards\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('kiosk.core.programme'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []
