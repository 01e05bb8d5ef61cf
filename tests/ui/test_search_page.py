"""The search page as a visitor uses it: open it from the top bar, type, read the results, open one and
come back; what it says when nothing is found, when too little is typed, and in another language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.core.pages import Pages, localize
from kiosk.ui.app import KioskWindow, build_window
from tests.core.contentkit import build_valid_content
from tests.ui.conftest import all_items, find, names, open_window, tap, text_of

RECRUITMENT = "item/area-fair-recruitment"


@pytest.fixture
def search_window(qtbot: Any, bundled_pages: Pages) -> Iterator[KioskWindow]:
    """A window on the search page with the index ready and the keyboard focus in the field."""
    shown = open_window(bundled_pages)
    shown.window.requestActivate()
    qtbot.waitUntil(lambda: shown.search.state == "ready", timeout=10000)
    tap(shown.window, find(shown.window, "searchButton"))
    qtbot.waitUntil(lambda: shown.kiosk.route == "search", timeout=10_000)
    field = find(shown.window, "searchField")
    qtbot.waitUntil(lambda: field.hasActiveFocus(), timeout=10_000)
    yield shown
    shown.dispose()


def type_text(window: QQuickWindow, text: str) -> None:
    for character in text:
        QTest.keyClick(window, character)


def child(item: QQuickItem, name: str) -> QQuickItem:
    matches = [i for i in all_items(item) if i.objectName() == name]
    assert matches, f"{item.objectName()} has no {name}"
    return matches[0]


def results_shown(window: QQuickWindow) -> list[str]:
    return [n.removeprefix("result:") for n in names(window, "result:")]


def wait_for_results(qtbot: Any, window: QQuickWindow) -> list[str]:
    qtbot.waitUntil(lambda: bool(names(window, "result:")), timeout=10_000)
    return results_shown(window)


def status(window: QQuickWindow) -> str:
    return text_of(window, "searchStatus")


def test_the_search_button_opens_search_with_the_field_ready(qtbot: Any, kiosk_window: KioskWindow) -> None:
    window = kiosk_window.window
    window.requestActivate()
    button = find(window, "searchButton")
    assert button.property("checked") is False
    tap(window, button)
    qtbot.waitUntil(lambda: kiosk_window.kiosk.route == "search", timeout=10_000)
    field = find(window, "searchField")
    qtbot.waitUntil(lambda: field.hasActiveFocus(), timeout=10_000)
    assert field.property("text") == ""
    assert button.property("checked") is True, "the top bar shows where the visitor is"
    assert "every language" in status(window)
    # Before anything is typed the topics are there to browse; no results list, no Clear.
    assert not names(window, "searchResults")
    assert not names(window, "searchClear")
    assert names(window, "card:section/")
    assert find(window, "backButton").isEnabled()


def test_typing_shows_results_with_the_matches_in_bold(qtbot: Any, search_window: KioskWindow) -> None:
    window = search_window.window
    type_text(window, "recru")
    assert text_of(window, "searchField") == "recru"
    found = wait_for_results(qtbot, window)
    assert found[0] == RECRUITMENT, found
    count = len(search_window.search.results)
    assert count == len(found)
    assert status(window) == (f"{count} results" if count != 1 else "1 result")
    result = find(window, f"result:{RECRUITMENT}")
    assert text_of(window, "resultTitle") == "Fair recruitment"
    snippet = str(child(result, "resultSnippet").property("text"))
    assert "<b>recruitment</b>" in snippet.lower(), snippet
    assert snippet.count("<b>") == snippet.count("</b>") >= 1


def test_a_result_opens_and_back_returns_to_the_same_search(qtbot: Any, search_window: KioskWindow) -> None:
    window = search_window.window
    kiosk = search_window.kiosk
    type_text(window, "recru")
    found = wait_for_results(qtbot, window)
    tap(window, find(window, f"result:{RECRUITMENT}"))
    qtbot.waitUntil(lambda: kiosk.route == RECRUITMENT, timeout=10_000)
    qtbot.waitUntil(lambda: text_of(window, "pageTitle") == "Fair recruitment", timeout=10_000)

    tap(window, find(window, "backButton"))
    qtbot.waitUntil(lambda: kiosk.route == "search", timeout=10_000)
    assert text_of(window, "searchField") == "recru"
    assert wait_for_results(qtbot, window) == found


def test_nothing_found_gives_advice_and_the_topics(
    qtbot: Any, search_window: KioskWindow, bundled_pages: Pages
) -> None:
    window = search_window.window
    type_text(window, "xyzzy")
    qtbot.waitUntil(lambda: status(window) == "Nothing found for \u201cxyzzy\u201d.", timeout=10_000)
    assert not names(window, "result:")
    advice = text_of(window, "searchAdvice")
    assert "start of a word is enough" in advice and "Accents do not matter" in advice
    find(window, "searchTopics")
    topics = [f"card:section/{s['id']}" for s in bundled_pages.compiled["sections"]]
    assert names(window, "card:") == topics

    tap(window, find(window, topics[2]))
    route = topics[2].removeprefix("card:")
    qtbot.waitUntil(lambda: search_window.kiosk.route == route, timeout=10_000)


def test_a_misspelt_word_offers_did_you_mean_and_a_tap_searches_it(
    qtbot: Any, search_window: KioskWindow
) -> None:
    window = search_window.window
    type_text(window, "recrutment")
    qtbot.waitUntil(lambda: status(window) == "Nothing found for \u201crecrutment\u201d.", timeout=10_000)
    offer = find(window, "searchSuggestion")
    assert offer.property("label") == "Did you mean recruitment?"
    # Above the advice and the topics, where the eye goes after "Nothing found".
    assert (
        offer.mapToScene(offer.boundingRect().topLeft()).y()
        < find(window, "searchAdvice").mapToScene(find(window, "searchAdvice").boundingRect().topLeft()).y()
    )

    tap(window, offer)
    qtbot.waitUntil(lambda: text_of(window, "searchField") == "recruitment", timeout=10_000)
    found = wait_for_results(qtbot, window)
    assert found[0] == RECRUITMENT
    assert not names(window, "searchSuggestion"), "the offer goes once it is taken"
    assert not names(window, "searchAdvice")
    # The field keeps the focus: the visitor can go on typing.
    assert find(window, "searchField").hasActiveFocus()
    type_text(window, " fair")
    qtbot.waitUntil(lambda: search_window.search.query == "recruitment fair", timeout=10_000)
    assert wait_for_results(qtbot, window)[0] == RECRUITMENT


def test_did_you_mean_offers_the_word_of_the_visitors_language(
    qtbot: Any, search_window: KioskWindow
) -> None:
    window = search_window.window
    tap(window, find(window, "language:fr"))
    qtbot.waitUntil(lambda: search_window.kiosk.language == "fr", timeout=10_000)
    field = find(window, "searchField")
    tap(window, field)
    type_text(window, "recrutment")
    qtbot.waitUntil(lambda: bool(names(window, "searchSuggestion")), timeout=10_000)
    assert "recrutement" in str(find(window, "searchSuggestion").property("label"))
    tap(window, find(window, "searchSuggestion"))
    qtbot.waitUntil(lambda: text_of(window, "searchField") == "recrutement", timeout=10_000)
    assert wait_for_results(qtbot, window)[0] == RECRUITMENT


def test_no_did_you_mean_while_the_words_find_enough(qtbot: Any, search_window: KioskWindow) -> None:
    window = search_window.window
    for key in "recruitment":
        type_text(window, key)
        assert not names(window, "searchSuggestion"), search_window.search.query
    assert wait_for_results(qtbot, window)[0] == RECRUITMENT
    assert search_window.search.suggestion == ""


# Texts of the project's own words, pending review by a native speaker.
DROUGHT_SECTION = """\
id: drought
title:
  en: Drought and farming
  ar: الجفاف والزراعة
summary:
  en: How drought moves farm workers.
  ar: كيف يدفع الجفاف العمّال الزراعيين إلى الهجرة.
items:
  - id: drought-workers
    kind: article
    title:
      en: Drought and migrant workers
      ar: الجفاف والعمّال المهاجرون
    body:
      en: After each dry season more farm workers leave the region.
      ar: بعد كل موسم جافّ يغادر مزيدٌ من العمّال الزراعيين المنطقة، وللعمّال المهاجرين حقٌّ في الأجر العادل.
"""


def type_characters(window: QQuickWindow, text: str) -> None:
    """Keys that give these characters, as an Arabic keyboard layout does."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QGuiApplication, QKeyEvent

    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QGuiApplication.sendEvent(window, event)


def test_in_arabic_a_misspelt_word_offers_the_word_with_its_article(qtbot: Any, tmp_path: Path) -> None:
    content = build_valid_content(tmp_path / "content")
    content.replace("agenda.yaml", "languages: [en, fr]", "languages: [en, fr, ar]")
    content.replace("agenda.yaml", "sections:\n  - one\n", "sections:\n  - one\n  - drought\n")
    content.write("sections/20-drought.yaml", DROUGHT_SECTION)
    loaded = content.load()
    assert loaded.compiled is not None, [str(p) for p in loaded.problems]
    shown = build_window(
        Pages(loaded.compiled, content.root),
        size=QSize(1920, 1080),
        animate=False,
        language="ar",
        cache_dir=tmp_path / "cache",
    )
    try:
        window = shown.window
        QTest.qWaitForWindowExposed(window)
        window.requestActivate()
        qtbot.waitUntil(lambda: shown.search.state == "ready", timeout=20000)
        tap(window, find(window, "searchButton"))
        field = find(window, "searchField")
        qtbot.waitUntil(lambda: field.hasActiveFocus(), timeout=10_000)
        type_characters(window, "الجفاق")
        assert text_of(window, "searchField") == "الجفاق"
        qtbot.waitUntil(lambda: bool(names(window, "searchSuggestion")), timeout=10_000)
        offer = find(window, "searchSuggestion")
        assert "الجفاف" in str(offer.property("label"))
        # Right to left: the offer starts at the right, under the field.
        assert offer.mapToScene(offer.boundingRect().topRight()).x() > window.width() * 0.9

        tap(window, offer)
        qtbot.waitUntil(lambda: text_of(window, "searchField") == "الجفاف", timeout=10_000)
        found = wait_for_results(qtbot, window)
        assert set(found) == {"section/drought", "item/drought-workers"}
        # And a word typed with its conjunction and article, without the shadda, finds the same workers.
        tap(window, find(window, "searchClear"))
        type_characters(window, "والعمال")
        qtbot.waitUntil(lambda: "item/drought-workers" in results_shown(window), timeout=10_000)
        snippet = str(child(find(window, "result:item/drought-workers"), "resultSnippet").property("text"))
        assert "<b>العمّال</b>" in snippet and "<b>وللعمّال</b>" in snippet, snippet
        assert not names(window, "searchSuggestion")
    finally:
        shown.dispose()


def test_one_letter_asks_for_more(qtbot: Any, search_window: KioskWindow) -> None:
    window = search_window.window
    type_text(window, "r")
    qtbot.waitUntil(lambda: status(window) == "Keep typing\u2026", timeout=10_000)
    assert not names(window, "result:")
    assert not names(window, "searchAdvice"), "one letter is not a failed search"
    type_text(window, "e")
    wait_for_results(qtbot, window)


def test_clear_empties_the_field_and_the_results(qtbot: Any, search_window: KioskWindow) -> None:
    window = search_window.window
    type_text(window, "recru")
    wait_for_results(qtbot, window)
    tap(window, find(window, "searchClear"))
    qtbot.waitUntil(lambda: text_of(window, "searchField") == "", timeout=10_000)
    assert search_window.search.query == ""
    assert search_window.search.results == []
    assert not names(window, "result:")
    assert not names(window, "searchClear")
    assert "every language" in status(window)
    # Ready for the next word without another touch on the field.
    assert find(window, "searchField").hasActiveFocus()
    type_text(window, "migra")
    wait_for_results(qtbot, window)


def test_a_word_in_another_language_finds_those_pages(qtbot: Any, search_window: KioskWindow) -> None:
    # "migración" is Spanish: the English texts say "migration", so every match is a Spanish text,
    # shown under the English title, with a note in which language it was found.
    window = search_window.window
    type_text(window, "migracion")
    found = wait_for_results(qtbot, window)
    assert "section/voices" in found
    assert {r["language"] for r in search_window.search.results} == {"es"}
    voices = find(window, "result:section/voices")
    assert str(child(voices, "resultTitle").property("text")) == "Voices on Fair Migration"
    assert str(child(voices, "resultWhere").property("text")) == "Found in Español"
    snippet = str(child(voices, "resultSnippet").property("text"))
    assert "<b>migración</b>" in snippet, snippet


def test_switching_language_keeps_the_search(
    qtbot: Any, search_window: KioskWindow, bundled_pages: Pages
) -> None:
    window = search_window.window
    type_text(window, "recru")
    wait_for_results(qtbot, window)
    tap(window, find(window, "language:fr"))
    french_title = localize(bundled_pages.items["area-fair-recruitment"]["title"], "fr")
    qtbot.waitUntil(lambda: text_of(window, "resultTitle") == french_title, timeout=10_000)
    assert search_window.kiosk.route == "search"
    assert text_of(window, "searchField") == "recru"
    found = results_shown(window)
    assert found[0] == RECRUITMENT
    result = find(window, f"result:{RECRUITMENT}")
    assert "<b>recrutement</b>" in str(child(result, "resultSnippet").property("text")).lower()
    # The French handout is found in its own text, and said to be a document's; it opens at the
    # sheet that matched.
    handout = [route for route in found if route.startswith("item/agenda-handout?page=")]
    assert len(handout) == 1, found
    where = str(child(find(window, f"result:{handout[0]}"), "resultWhere").property("text"))
    assert where == "Dans le document", where
    assert status(window) == f"{len(found)} r\u00e9sultats", "the status line is in French now"


def test_the_index_is_prepared_in_a_worker_after_the_first_frame(
    qtbot: Any, bundled_pages: Pages, tmp_path: Path
) -> None:
    # A fresh cache: this window has to build the index, and not before its first page is drawn.
    shown = build_window(bundled_pages, size=QSize(1280, 800), animate=False, cache_dir=tmp_path)
    try:
        search = shown.search
        assert search.state == "idle"
        states: list[str] = []
        search.stateChanged.connect(lambda: states.append(search.state))
        QTest.qWaitForWindowExposed(shown.window)
        qtbot.waitUntil(lambda: search.state == "ready", timeout=20000)
        assert states == ["preparing", "ready"]
        assert search.index_was_built is True
        assert len(list(tmp_path.glob("search-*.sqlite"))) == 1
    finally:
        shown.dispose()

    # The next start opens the index it finds.
    again = build_window(bundled_pages, size=QSize(1280, 800), animate=False, cache_dir=tmp_path)
    try:
        QTest.qWaitForWindowExposed(again.window)
        qtbot.waitUntil(lambda: again.search.state == "ready", timeout=10000)
        assert again.search.index_was_built is False
    finally:
        again.dispose()


def test_what_is_typed_while_the_index_is_prepared_is_searched_when_it_is_ready(
    qtbot: Any, bundled_pages: Pages, tmp_path: Path
) -> None:
    # Opening straight on the search page starts the index at once: the page says it is on its way.
    shown = build_window(
        bundled_pages, size=QSize(1280, 800), animate=False, start_route="search", cache_dir=tmp_path
    )
    try:
        search = shown.search
        assert search.state == "preparing"
        search.setQuery("recru")
        assert status(shown.window) == "Getting search ready\u2026"
        assert not names(shown.window, "result:")
        qtbot.waitUntil(lambda: search.state == "ready", timeout=20000)
        assert wait_for_results(qtbot, shown.window)[0] == RECRUITMENT
    finally:
        shown.dispose()


def test_a_window_opened_after_a_french_one_speaks_english(qtbot: Any, bundled_pages: Pages) -> None:
    french = open_window_in(bundled_pages, "fr")
    assert find(french.window, "searchButton").property("label") == "Rechercher"
    french.dispose()
    english = open_window_in(bundled_pages, "en")
    try:
        assert find(english.window, "searchButton").property("label") == "Search"
    finally:
        english.dispose()


def open_window_in(pages: Pages, language: str) -> KioskWindow:
    shown = build_window(pages, size=QSize(1280, 800), animate=False, language=language)
    QTest.qWaitForWindowExposed(shown.window)
    return shown
