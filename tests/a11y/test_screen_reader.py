"""A blind visitor at the kiosk, through the real accessibility stack (issue 17): the kiosk in a real
window under Xvfb, Qt's AT-SPI bridge, the accessibility bus, and a small screen reader reading the
tree and hearing the events as Orca does, driven by the keyboard. One kiosk for the whole module, in
Arabic (the content's first language, right to left) and then English.

What is checked: each page change moves the focus to the page's heading (or, after Back, to the
control that opened the page) and is announced; every text on show is on the tree, in reading order,
with a role; nothing hidden is named or focusable and nothing on show is unnamed; captions are
announced as they change; the search results' count is a status message."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from tests.a11y.harness import (
    Event,
    ScreenReaderStack,
    clean,
    reads_in_order,
    started_stack,
)

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = pytest.mark.timeout(60)

CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content-ar"
# The app's word for the video's Play button (resources/i18n/kiosk_ar.ts).
PLAY = {"ar": "تشغيل", "en": "Play"}


def body_start(page: dict[str, Any]) -> str:
    """The start of a page's text as a screen reader gets it: its first words, before any Markdown mark."""
    return str(page["body"]).split("**")[0].split("*")[0][:30]


@pytest.fixture(scope="module")
def pages() -> Pages:
    result = load_content(CONTENT)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, CONTENT)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScreenReaderStack]:
    yield from started_stack(tmp_path_factory, CONTENT)


def titled(title: str) -> Any:
    """A card or a result for this title: '<kind>: <title>'."""
    return lambda event: str(event["name"]).endswith(": " + title)


def heading_named(title: str) -> Any:
    return lambda event: event["role"] == "heading" and event["name"] == title


def open_page(stack: ScreenReaderStack, card_title: str, heading: str) -> Event:
    """Tab to the card, Enter: the new page's heading has the focus and the page is announced."""
    stack.tab_to(titled(card_title), f"the card {card_title!r}")
    since = stack.mark()
    focus = stack.focus_after(("Return",), heading_named(heading), f"the focus on the heading {heading!r}")
    stack.wait_announcement(heading, since)
    return focus


def test_the_first_page_has_the_focus_on_its_heading_and_reads_in_order(
    stack: ScreenReaderStack, pages: Pages
) -> None:
    home = pages.page("home", "ar")
    focused = stack.focused()
    assert focused is not None and focused["role"] == "heading" and focused["name"] == home["title"]
    shown = stack.shown()
    reads_in_order(
        shown,
        home["title"],
        home["subtitle"],
        home["body"][:40],
        *(card["title"] for card in home["cards"]),
    )
    kinds = {str(node["name"]): node["role"] for node in shown}
    assert kinds[home["title"]] == "heading"
    assert any(role == "paragraph" and name.startswith(home["body"][:40]) for name, role in kinds.items())
    # A card says what it holds: its summary and how many items.
    card = next(node for node in shown if str(node["name"]).endswith(home["cards"][0]["title"]))
    assert home["cards"][0]["summary"] in card["description"]
    assert "عنصر" in card["description"]  # "items", in Arabic (Theme.itemCount)
    clean(stack)


def test_enter_on_a_card_focuses_the_section_heading_and_back_the_card(
    stack: ScreenReaderStack, pages: Pages
) -> None:
    section = pages.page("section/rights-at-work", "ar")
    open_page(stack, section["title"], section["title"])
    shown = stack.shown()
    reads_in_order(shown, section["title"], section["body"], *(card["title"] for card in section["cards"]))
    # Tab goes on from the heading into the page, not round from the top of the window.
    stack.focus_after(
        ("Tab",), titled(section["cards"][0]["title"]), "Tab from the heading to the first card"
    )
    # No link on a section page: its hidden QR code is neither read nor reachable.
    assert not any(node["role"] == "image" for node in stack.tree())
    clean(stack)

    since = stack.mark()
    stack.focus_after(("Escape",), titled(section["title"]), "Back to give the focus to the card")
    stack.wait_announcement(pages.page("home", "ar")["title"], since)


def test_an_article_reads_its_text_its_source_and_its_links(stack: ScreenReaderStack, pages: Pages) -> None:
    section = pages.page("section/rights-at-work", "ar")
    article = pages.page("item/written-contract", "ar")
    stack.key("Return")  # the card Back gave the focus to
    stack.wait_focus(lambda focus: focus["name"] == section["title"], what="the section heading")
    open_page(stack, article["title"], article["title"])
    shown = stack.shown()
    body = next(node for node in shown if node["role"] == "paragraph")
    # The Markdown's words, without the marks that only style them.
    bold = re.search(r"\*\*(.+?)\*\*", article["body"])
    assert bold is not None, "the fixture's article has a bold phrase"
    assert bold.group(1) in body["name"] and "*" not in body["name"]
    reads_in_order(shown, article["title"], body["name"][:30], article["sourceName"])
    # The trail, before the page, says where the visitor is: in the section.
    trail = next(node for node in shown if node["role"] == "label")
    assert section["title"] in trail["name"]
    headings = [node["name"] for node in shown if node["role"] == "heading"]
    assert headings[0] == article["title"] and len(headings) >= 3  # title, "Source", "See also"
    clean(stack)


def test_a_link_is_a_qr_code_named_as_one(stack: ScreenReaderStack, pages: Pages) -> None:
    link = pages.page("item/migrant-workers-convention", "ar")
    since = stack.mark()
    stack.key("Escape")
    stack.wait_announcement(pages.page("section/rights-at-work", "ar")["title"], since)
    open_page(stack, link["title"], link["title"])
    code = stack.node(role="image")
    assert code is not None
    assert link["title"] in code["name"] and link["displayUrl"] in code["name"]
    assert code["name"] != f"QR code for {link['displayUrl']}"
    clean(stack)


def captions(language: str) -> list[str]:
    """The cue texts of the fixture's video, as the file has them."""
    lines = (
        (CONTENT / "captions" / f"recruitment-fees.{language}.vtt").read_text(encoding="utf-8").splitlines()
    )
    return [line for line in lines if line and "-->" not in line and line != "WEBVTT"]


def test_the_video_page_announces_its_captions(stack: ScreenReaderStack, pages: Pages) -> None:
    stack.key("alt+Home")
    stack.wait_focus(heading_named(pages.page("home", "ar")["title"]), what="Home's heading after Alt+Home")
    section = pages.page("section/fair-recruitment", "ar")
    video = pages.page("item/recruitment-fees", "ar")
    open_page(stack, section["title"], section["title"])
    open_page(stack, video["title"], video["title"])
    tree = stack.tree()
    reads_in_order(tree, video["title"], body_start(video), video["sourceName"])
    clean(stack)
    since = stack.mark()
    play = next(node for node in tree if node["role"] == "push button" and node["name"] == PLAY["ar"])
    stack.press(play)
    heard = stack.wait_event(
        lambda e: e["type"] == "object:announcement" and e["data"] in captions("ar"),
        since,
        15,
        "a caption said",
    )
    assert heard["role"] == "label"


def test_search_says_how_many_results_and_back_returns_to_the_result(stack: ScreenReaderStack) -> None:
    since = stack.mark()
    stack.focus_after(("slash",), lambda e: e["role"] == "text", "the search field to take the focus")
    stack.type_text("contract")
    stack.wait_focus(lambda focus: focus["text"] == "contract", what="the word typed in the search field")
    # Said once typing pauses: a slow machine may pause after a letter or two and say "Keep typing"
    # or the count for those first. The last thing said is the count for the whole word.
    said: list[str] = []

    def count_said() -> bool:
        said[:] = [
            str(e["data"])
            for e in stack.heard()[since:]
            if e["type"] == "object:announcement" and e["role"] == "label"
        ]
        if not said or not any(character.isdigit() for character in said[-1]):
            return False
        return said[-1] == next(node for node in stack.tree() if node["role"] == "list")["name"]

    stack.wait_for(
        count_said, 10, "the count of results to be said", lambda: json.dumps(said, ensure_ascii=False)
    )
    status = {"data": said[-1]}
    tree = stack.tree()
    results_list = next(node for node in tree if node["role"] == "list")
    # The list's delegates: the ones it has made, for the results in and near its view.
    results = [
        node for node in tree if node["path"][:-2] == results_list["path"] and node["role"] == "push button"
    ]
    count = int("".join(filter(str.isdigit, status["data"])))
    assert status["data"] == results_list["name"] and 0 < len(results) <= count
    # Snippets are read as words, never as markup; the topics under the results are not on the tree.
    assert all(node["description"] and "<" not in node["description"] for node in results)
    inside = len(results_list["path"])
    cards_outside = [
        node["name"]
        for node in tree
        if node["role"] == "push button"
        and node["description"]
        and node["path"][:inside] != results_list["path"]
    ]
    assert cards_outside == []
    clean(stack)

    first = stack.tab_to(lambda e: e["name"] == results[0]["name"], "the first result")
    title = str(first["name"]).split(": ", 1)[1]
    since = stack.mark()
    stack.focus_after(("Return",), heading_named(title), "the result's page")
    stack.wait_announcement(title, since)
    stack.focus_after(
        ("Escape",), lambda e: e["name"] == first["name"], "Back to give the focus to the result"
    )


def test_another_language_is_announced_and_the_focus_stays_on_its_button(
    stack: ScreenReaderStack, pages: Pages
) -> None:
    stack.key("alt+Home")
    home = pages.page("home", "en")
    stack.wait_focus(heading_named(pages.page("home", "ar")["title"]), what="Home's heading")
    stack.tab_to(lambda e: e["role"] == "radio button" and e["name"] == "English", "the English button")
    since = stack.mark()
    stack.key("space")
    said = stack.wait_announcement(home["title"], since)
    assert said.startswith("English. ")
    # Choosing a setting does not take the visitor elsewhere (WCAG 3.2.2): the button keeps the focus.
    focused = stack.focused()
    assert focused is not None and focused["name"] == "English" and "checked" in focused["states"]
    reads_in_order(
        stack.tree(), home["title"], home["subtitle"], home["body"][:40], *(c["title"] for c in home["cards"])
    )
    clean(stack)


def test_in_english_the_document_page_and_the_stand_in_notice(stack: ScreenReaderStack, pages: Pages) -> None:
    section = pages.page("section/fair-recruitment", "en")
    document = pages.page("item/recruitment-checklist", "en")
    video = pages.page("item/recruitment-fees", "en")
    open_page(stack, section["title"], section["title"])
    open_page(stack, document["title"], document["title"])
    tree = stack.tree()
    reads_in_order(tree, "Home", section["title"], document["title"], body_start(document))
    assert any(node["role"] == "image" and node["name"].startswith("Page 1 of ") for node in tree)
    clean(stack)

    stack.focus_after(("Escape",), titled(document["title"]), "Back to the document's card")
    open_page(stack, video["title"], video["title"])
    reads_in_order(
        stack.tree(),
        "Video",
        "Stand-in media",
        video["title"],
        "Stand-in media: the original is not stored on this kiosk.",
        body_start(video),
        "Source",
        video["sourceName"],
        "See also",
    )
    clean(stack)
    stack.key("Escape")
