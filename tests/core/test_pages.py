"""Routes, page data and navigation, built from content compiled by the real loader."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.core.pages import HOME, Navigation, Pages, localize

from .contentkit import SECTION_ONE_ITEMS, SECTION_ONE_TOP_LEVEL, ContentFolder

# A second section with a collection inside a collection, listed before 'one' in the agenda so that
# reading order follows the agenda, not the file names.
SECTION_TWO = """\
id: two
title: Section two
items:
  - id: shelf
    kind: collection
    title: Shelf
    items:
      - id: box
        kind: collection
        title: Box
        items:
          - id: deep
            kind: article
            title: Deep item
      - id: after-box
        kind: article
        title: After the box
  - id: last
    kind: article
    title:
      en: Last
      fr: Dernier
    source:
      name: Own source
"""


@pytest.fixture
def pages(content: ContentFolder) -> Pages:
    content.write("sections/20-two.yaml", SECTION_TWO)
    content.replace("agenda.yaml", "sections:\n  - one\n", "sections:\n  - two\n  - one\n")
    result = content.load()
    assert result.problems == []
    assert result.compiled is not None
    return Pages(result.compiled, content.root)


def routes_of(cards: list[dict[str, Any]]) -> list[str]:
    return [card["route"] for card in cards]


def test_routes_list_every_page_once_in_reading_order(pages: Pages) -> None:
    two = ["shelf", "box", "deep", "after-box", "last"]
    expected = [HOME, "search", "attract", "section/two", *[f"item/{i}" for i in two]]
    expected += ["section/one", *[f"item/{i}" for i in SECTION_ONE_ITEMS]]
    assert pages.routes() == expected
    assert all(pages.exists(route) for route in expected)


def test_every_route_renders_a_page_for_itself(pages: Pages) -> None:
    for route in pages.routes():
        assert pages.page(route, "en")["route"] == route


@pytest.mark.parametrize(
    "route", ["", "home/x", "section/", "section/nope", "item/nope", "items/intro", "intro"]
)
def test_unknown_routes_do_not_exist(pages: Pages, route: str) -> None:
    assert not pages.exists(route)


def test_home_page_has_a_card_per_section_in_agenda_order(pages: Pages) -> None:
    home = pages.page(HOME, "en")
    assert home["kind"] == "home"
    assert home["title"] == "Test agenda"
    assert home["subtitle"] == "A folder built by the tests"
    assert home["body"] == "Lead text for the home page."
    assert routes_of(home["cards"]) == ["section/two", "section/one"]
    # A section's count is its cards, not everything nested below them.
    assert [card["count"] for card in home["cards"]] == [2, len(SECTION_ONE_TOP_LEVEL)]
    assert home["trail"] == []


def test_section_page_has_its_cards_in_file_order(pages: Pages) -> None:
    page = pages.page("section/one", "en")
    assert page["title"] == "Section one"
    assert page["subtitle"] == "The first section."
    assert page["body"] == "# Section one\n\nBody text from a Markdown file.\n"
    assert routes_of(page["cards"]) == [f"item/{i}" for i in SECTION_ONE_TOP_LEVEL]
    cards = {card["route"]: card for card in page["cards"]}
    assert [card["kind"] for card in page["cards"]] == ["article", "video", "document", "link", "collection"]
    assert cards["item/intro"]["summary"] == "What this is about."
    assert cards["item/clip"]["standIn"] is True
    assert cards["item/intro"]["standIn"] is False
    assert cards["item/group"]["count"] == 2
    assert page["trail"] == [{"route": HOME, "title": "Test agenda"}]


def test_item_page_without_a_source_shows_the_agendas(pages: Pages) -> None:
    page = pages.page("item/intro", "en")
    assert (page["sourceName"], page["sourceUrl"]) == ("Test source", "https://example.org/agenda")
    assert page["body"] == "Hello **world**."


def test_item_page_with_its_own_source(pages: Pages) -> None:
    page = pages.page("item/paper", "en")
    assert (page["sourceName"], page["sourceUrl"]) == ("Paper source", "https://example.org/paper")
    # An own source without an address does not borrow the agenda's.
    last = pages.page("item/last", "en")
    assert (last["sourceName"], last["sourceUrl"]) == ("Own source", "")


def test_item_page_details(pages: Pages) -> None:
    clip = pages.page("item/clip", "en")
    assert (clip["itemKind"], clip["standIn"]) == ("video", True)
    assert clip["mediaPath"] == str(pages.content_root / "media" / "clip.mp4")
    assert clip["posterUrl"] == (pages.content_root / "media" / "poster.png").resolve().as_uri()
    assert clip["captionsPath"].endswith("captions/clip.en.vtt")
    # Captions fall back to English when the visitor's language has none.
    assert pages.page("item/clip", "fr")["captionsPath"] == clip["captionsPath"]
    assert clip["subtitle"] == "Someone Speaking"  # a video's speaker comes before its summary
    intro = pages.page("item/intro", "en")
    assert (intro["mediaPath"], intro["posterUrl"], intro["subtitle"]) == ("", "", "What this is about.")
    assert routes_of(intro["related"]) == ["item/clip", "item/nested"]
    site = pages.page("item/site", "en")
    assert site["url"] == site["qrUrl"] == "https://example.org/site"
    assert site["displayUrl"] == "example.org/site"
    group = pages.page("item/group", "en")
    assert routes_of(group["cards"]) == ["item/nested", "item/nested-link"]


def test_trails_lead_back_to_the_section_and_parent(pages: Pages) -> None:
    trail = pages.page("item/nested", "en")["trail"]
    assert trail == [
        {"route": HOME, "title": "Test agenda"},
        {"route": "section/one", "title": "Section one"},
        {"route": "item/group", "title": "A group"},
    ]
    assert [c["route"] for c in pages.page("item/box", "en")["trail"]] == [HOME, "section/two", "item/shelf"]
    assert [c["route"] for c in pages.page("item/intro", "en")["trail"]] == [HOME, "section/one"]


def test_trail_names_every_enclosing_collection(pages: Pages) -> None:
    trail = pages.page("item/deep", "en")["trail"]
    assert [crumb["route"] for crumb in trail] == [HOME, "section/two", "item/shelf", "item/box"]


def test_pages_in_another_language_fall_back_to_english(pages: Pages) -> None:
    section = pages.page("section/one", "fr")
    assert section["title"] == "Section un"
    assert section["subtitle"] == "The first section."  # no French summary
    assert pages.page("item/last", "fr")["title"] == "Dernier"
    assert pages.page("item/deep", "fr")["title"] == "Deep item"
    assert pages.page(HOME, "es")["title"] == "Test agenda"


def test_default_language_is_the_first_listed(pages: Pages) -> None:
    assert pages.default_language == "en"


@pytest.mark.parametrize(
    ("texts", "language", "expected"),
    [
        ({"en": "Hello", "fr": "Bonjour"}, "fr", "Bonjour"),
        ({"en": "Hello", "fr": "Bonjour"}, "de", "Hello"),
        ({"fr": "Bonjour", "en": "Hello"}, "de", "Hello"),
        ({"en": "Hello", "fr": ""}, "fr", "Hello"),
        ({"fr": "Bonjour"}, "de", "Bonjour"),
        ({}, "en", ""),
        (None, "en", ""),
    ],
)
def test_localize(texts: dict[str, str] | None, language: str, expected: str) -> None:
    assert localize(texts, language) == expected


def test_unknown_route_page_is_home(pages: Pages) -> None:
    assert pages.page("item/nope", "en")["route"] == HOME


# -- navigation ----------------------------------------------------------------------------------


def test_open_and_back_follow_history(pages: Pages) -> None:
    nav = Navigation(pages)
    assert (nav.route, nav.can_go_back) == (HOME, False)
    assert nav.open("section/one")
    assert nav.open("item/intro")
    assert nav.open("item/clip")  # a related item, straight from another item
    assert nav.route == "item/clip"
    assert nav.history == [HOME, "section/one", "item/intro"]
    assert nav.back()
    assert nav.route == "item/intro"
    assert nav.back()
    assert nav.route == "section/one"
    assert nav.back()
    assert (nav.route, nav.can_go_back) == (HOME, False)
    assert not nav.back()
    assert nav.route == HOME


def test_open_an_unknown_route_does_nothing(pages: Pages) -> None:
    nav = Navigation(pages)
    nav.open("section/one")
    for route in ("item/nope", "section/nope", "nonsense", ""):
        assert not nav.open(route)
        assert (nav.route, nav.history) == ("section/one", [HOME])


def test_open_the_current_route_does_nothing(pages: Pages) -> None:
    nav = Navigation(pages)
    nav.open("section/one")
    assert not nav.open("section/one")
    assert nav.history == [HOME]


def test_home_clears_history(pages: Pages) -> None:
    nav = Navigation(pages)
    nav.open("section/one")
    nav.open("item/group")
    assert nav.home()
    assert (nav.route, nav.history, nav.can_go_back) == (HOME, [], False)
    assert not nav.home()


def test_opening_home_is_the_same_as_home(pages: Pages) -> None:
    nav = Navigation(pages)
    nav.open("section/one")
    nav.open("item/intro")
    assert nav.open(HOME)
    assert (nav.route, nav.history) == (HOME, [])
    assert not nav.back()


def test_back_without_history_goes_to_the_logical_parent(pages: Pages) -> None:
    nav = Navigation(pages, start="item/deep")
    visited = [nav.route]
    while nav.back():
        visited.append(nav.route)
    assert visited == ["item/deep", "item/box", "item/shelf", "section/two", HOME]


def test_back_from_a_nested_item_in_section_one(pages: Pages) -> None:
    nav = Navigation(pages, start="item/nested")
    visited = [nav.route]
    while nav.back():
        visited.append(nav.route)
    assert visited == ["item/nested", "item/group", "section/one", HOME]


def test_back_uses_history_before_the_parent(pages: Pages) -> None:
    nav = Navigation(pages, start="item/deep")
    nav.open("item/intro")
    nav.back()
    assert nav.route == "item/deep"
    nav.back()
    assert nav.route == "item/box"


@pytest.mark.parametrize("start", ["item/nope", "bogus", ""])
def test_unknown_start_route_opens_home(pages: Pages, start: str) -> None:
    assert Navigation(pages, start=start).route == HOME


def test_a_deep_link_has_no_history_so_back_leads_to_its_parent(pages: Pages) -> None:
    navigation = Navigation(pages, start="item/nested")
    assert (navigation.route, navigation.history) == ("item/nested", [])
    navigation.open("item/clip")
    assert navigation.jump("item/nested") is True
    assert navigation.history == []
    navigation.back()
    assert navigation.route == "item/group"
    assert navigation.jump("item/nowhere") is True and navigation.route == HOME
