"""Three languages on the real QML: the switch on every page, what stays put, fallbacks, mirroring."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from kiosk.ui.translations import compiled_catalogue, qt_tool, translations_folder

from .conftest import find, names, save_grab, settled_centre, tap, text_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "media"


def open_at(pages: Pages, route: str, opened: list[KioskWindow], size: tuple[int, int] = (1920, 1080)) -> Any:
    shown = build_window(pages, size=QSize(*size), animate=False, start_route=route)
    opened.append(shown)
    QTest.qWaitForWindowExposed(shown.window)
    return shown


def switch(shown: KioskWindow, language: str) -> None:
    tap(shown.window, find(shown.window, f"language:{language}"))
    assert shown.kiosk.current_language() == language


# -- the bundled content -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "route",
    [
        "home",
        "section/areas-of-action",
        "item/area-fair-recruitment",
        "item/ituc-video-sharan-burrow",
        "item/agenda-handout",
    ],
)
def test_switching_language_keeps_the_page_and_shows_the_other_text(
    qtbot: Any, bundled_pages: Pages, opened: list[KioskWindow], route: str
) -> None:
    shown = open_at(bundled_pages, route, opened)
    window = shown.window
    kind, _, key = route.partition("/")
    source = (
        bundled_pages.agenda
        if kind == "home"
        else bundled_pages.sections[key]
        if kind == "section"
        else bundled_pages.items[key]
    )
    assert text_of(window, "pageTitle") == source["title"]["en"]
    for language, search_label in (("fr", "Rechercher"), ("es", "Buscar"), ("en", "Search")):
        switch(shown, language)
        qtbot.waitUntil(lambda lang=language: text_of(window, "pageTitle") == source["title"][lang])
        assert shown.kiosk.current_route() == route
        # The app's own words follow, from the compiled Qt translations.
        assert find(window, "searchButton").property("label") == search_label
        assert find(window, f"language:{language}").property("checked") is True
    # Switching is not a visit: Back still leads where it led before.
    assert shown.kiosk.property("canGoBack") is (route != "home")


def test_the_language_switch_names_each_language_in_its_own_words(
    bundled_pages: Pages, opened: list[KioskWindow]
) -> None:
    shown = open_at(bundled_pages, "home", opened)
    assert names(shown.window, "language:") == ["language:en", "language:fr", "language:es"]
    labels = [find(shown.window, f"language:{code}").property("label") for code in ("en", "fr", "es")]
    assert labels == ["English", "Français", "Español"]
    # Seen from every kind of page, not only home.
    for route in ("section/videos", "item/dg-report-2014", "search"):
        shown.kiosk.show(route)
        assert names(shown.window, "language:") == ["language:en", "language:fr", "language:es"]


def test_switching_language_keeps_the_scroll_position(
    qtbot: Any, bundled_pages: Pages, opened: list[KioskWindow]
) -> None:
    shown = open_at(bundled_pages, "item/dg-report-2014", opened, size=(1280, 800))
    page = find(shown.window, "contentPage")
    assert page.property("contentHeight") > page.height() * 1.5
    page.setProperty("contentY", 300)
    switch(shown, "fr")
    qtbot.waitUntil(lambda: text_of(shown.window, "pageTitle").startswith("Migration équitable"))
    assert page.property("contentY") == pytest.approx(300, abs=1)
    # Opening another page starts it at the top, as always.
    shown.kiosk.open("item/area-fair-recruitment")
    assert find(shown.window, "contentPage").property("contentY") == 0


def test_pending_review_is_said_discreetly_in_french_and_spanish(
    bundled_pages: Pages, opened: list[KioskWindow]
) -> None:
    shown = open_at(bundled_pages, "home", opened)
    assert not names(shown.window, "languageNote")
    switch(shown, "fr")
    assert text_of(shown.window, "languageNote") == "Traduction en attente de relecture."
    switch(shown, "es")
    assert "revisión" in text_of(shown.window, "languageNote")


def test_search_page_keeps_the_query_and_shows_the_new_language(
    qtbot: Any, bundled_pages: Pages, opened: list[KioskWindow]
) -> None:
    shown = open_at(bundled_pages, "search", opened)
    qtbot.waitUntil(lambda: shown.search.property("state") == "ready", timeout=20_000)
    shown.search.setQuery("recru")
    qtbot.waitUntil(lambda: "result:item/area-fair-recruitment" in names(shown.window, "result:"))
    english = bundled_pages.items["area-fair-recruitment"]["title"]
    row = find(shown.window, "result:item/area-fair-recruitment")
    assert row.property("result")["title"] == english["en"]
    switch(shown, "es")
    assert shown.kiosk.current_route() == "search"
    assert shown.search.property("query") == "recru"
    qtbot.waitUntil(
        lambda: (
            find(shown.window, "result:item/area-fair-recruitment").property("result")["title"]
            == english["es"]
        )
    )
    assert text_of(shown.window, "searchStatus").endswith("resultados")


def test_video_captions_follow_the_language(
    qtbot: Any, bundled_pages: Pages, opened: list[KioskWindow]
) -> None:
    route = "item/ituc-video-sharan-burrow"
    shown = open_at(bundled_pages, route, opened)
    for language in ("fr", "es"):
        switch(shown, language)
        page = shown.kiosk.current_page()
        expected = bundled_pages.items["ituc-video-sharan-burrow"]["captions"].get(language)
        if expected:
            assert page["captionsPath"].endswith(expected.split("/")[-1])
            assert page["captionsLanguage"] == language
        else:
            assert page["captionsLanguage"] == "en"


# -- a content folder made for the test ---------------------------------------------------------------


def write(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def three_languages(tmp_path: Path) -> Pages:
    """en and fr complete except one item; ar (right to left) for one text; a video per language."""
    root = tmp_path / "content"
    write(
        root,
        "agenda.yaml",
        """\
        title: {en: Fair migration, fr: Migration équitable, ar: الهجرة العادلة}
        lead: {en: Lead text., fr: Texte d'introduction., ar: نص تمهيدي.}
        languages: [en, fr, ar]
        translations_pending_review: [ar]
        source: {name: Test, url: "https://example.org/"}
        version: "1"
        sections: [one]
        """,
    )
    write(
        root,
        "sections/one.yaml",
        """\
        id: one
        title: {en: Section one, fr: Section un, ar: القسم الأول}
        items:
          - id: done
            kind: article
            title: {en: Translated, fr: Traduit, ar: مترجم}
            body: {en: English body., fr: Texte français., ar: نص عربي.}
          - id: missing
            kind: article
            title: Only in English
            body: Only English words here.
          - id: clip
            kind: video
            title: {en: A clip, fr: Un extrait, ar: مقطع}
            file: {en: media/clip.mp4, fr: media/clip.fr.webm}
            captions: {en: captions/clip.en.vtt, fr: captions/clip.fr.vtt}
        """,
    )
    (root / "media").mkdir()
    shutil.copy(FIXTURES / "ok.mp4", root / "media" / "clip.mp4")
    shutil.copy(FIXTURES / "ok.webm", root / "media" / "clip.fr.webm")
    write(root, "captions/clip.en.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello there.\n")
    write(root, "captions/clip.fr.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nBonjour à tous.\n")
    result = load_content(root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, root)


def test_a_missing_translation_falls_back_to_english_with_a_marker(
    three_languages: Pages, opened: list[KioskWindow]
) -> None:
    shown = open_at(three_languages, "section/one", opened)
    switch(shown, "fr")
    window = shown.window
    assert text_of(window, "pageTitle") == "Section un"
    assert len(names(window, "untranslatedMark")) == 1  # only the card of the item with no French
    assert find(window, "untranslatedMark").property("text") == "En anglais"
    tap(window, find(window, "card:item/missing"))
    assert text_of(window, "pageTitle") == "Only in English"
    # French puts a no-break space before the colon.
    assert text_of(window, "languageNote") == "Pas encore traduit\u00a0: affiché en anglais."
    tap(window, find(window, "backButton"))
    tap(window, find(window, "card:item/done"))
    assert text_of(window, "pageTitle") == "Traduit"
    assert not names(window, "languageNote")


def test_the_video_switches_to_the_language_version_at_the_same_moment(
    qtbot: Any, three_languages: Pages, opened: list[KioskWindow]
) -> None:
    shown = open_at(three_languages, "item/clip", opened)
    player = shown.player
    player.set_muted(True)
    tap(shown.window, find(shown.window, "bigPlayButton"))
    qtbot.waitUntil(lambda: player.frame_count() > 0, timeout=10_000)
    player.pause()
    player.seek(1200)
    assert player.property("captionText") == "Hello there."
    switch(shown, "fr")
    assert shown.kiosk.current_page()["mediaPath"].endswith("clip.fr.webm")
    qtbot.waitUntil(lambda: player.property("captionText") == "Bonjour à tous.", timeout=5000)
    assert player.state() == "paused"
    assert player.property("position") == pytest.approx(1200, abs=100)
    player.play()
    qtbot.waitUntil(lambda: player.frame_count() > 0, timeout=10_000)
    assert player.property("position") >= 1100
    assert player.state() == "playing"


def test_right_to_left_mirrors_the_layout(
    qtbot: Any, three_languages: Pages, opened: list[KioskWindow], tmp_path: Path
) -> None:
    shown = open_at(three_languages, "section/one", opened, size=(1280, 800))
    window = shown.window

    def home_x() -> float:
        home = find(window, "homeButton")
        return home.mapToScene(home.boundingRect().center()).x()

    assert home_x() < window.width() / 2
    switch(shown, "ar")
    qtbot.waitUntil(lambda: home_x() > window.width() / 2)
    assert text_of(window, "pageTitle") == "القسم الأول"
    settled_centre(find(window, "card:item/done"))
    # Nothing is pushed off screen by the mirroring, and the cards keep their width.
    for name in ("homeButton", "backButton", "searchButton", "card:item/done", "card:item/missing"):
        item = find(window, name)
        rect = item.mapRectToScene(item.boundingRect())
        assert rect.left() >= 0 and rect.right() <= window.width() + 0.5, (name, rect)
    # Reading starts at the right: the first card sits right of the second.
    first, second = find(window, "card:item/done"), find(window, "card:item/missing")
    assert settled_centre(first).x() > settled_centre(second).x()
    save_grab(window, tmp_path / "right-to-left.png")


# -- the catalogues of the app's own words ------------------------------------------------------------


def messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_word_of_the_app_is_translated_and_the_catalogue_is_current(
    tmp_path: Path, language: str
) -> None:
    committed = translations_folder() / f"kiosk_{language}.ts"
    fresh = tmp_path / f"kiosk_{language}.ts"
    # What lupdate finds in the code today, with no translations: any difference means a text was
    # added or changed without running scripts/update_translations.py.
    subprocess.run(
        [
            str(qt_tool("lupdate")),
            "-silent",
            "-extensions",
            "qml,py",
            str(paths.resources() / "qml"),
            str(paths.install_root() / "kiosk" / "ui"),
            "-ts",
            str(fresh),
        ],
        check=True,
    )
    assert set(messages(fresh)) == set(messages(committed))
    for key, message in messages(committed).items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, key
        texts = [form.text for form in translation.iter("numerusform")] or [translation.text]
        assert all(text and text.strip() for text in texts), key
        for placeholder in ("%1", "%2", "%n"):
            if placeholder in key[1]:
                # Arabic says 0, 1 and 2 with the word itself (عنصر واحد، عنصران): %n from "few" on.
                shown = texts[3:] if placeholder == "%n" and language == "ar" else texts
                assert all(placeholder in (text or "") for text in shown), (key, placeholder)
        if language == "ar" and message.get("numerus") == "yes":
            assert len(texts) == 6, key


def test_catalogues_compile_once_into_the_cache_and_again_when_edited(tmp_path: Path) -> None:
    folder = tmp_path / "i18n"
    shutil.copytree(translations_folder(), folder)
    cache = tmp_path / "cache"
    first = compiled_catalogue("fr", cache, folder)
    assert first is not None and first.read_bytes()[:4] == bytes.fromhex("3cb86418")  # Qt .qm magic
    assert compiled_catalogue("fr", cache, folder) == first
    source = folder / "kiosk_fr.ts"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Accueil", "Page d'accueil"), encoding="utf-8"
    )
    second = compiled_catalogue("fr", cache, folder)
    assert second is not None and second != first
    assert compiled_catalogue("de", cache, folder) is None  # no catalogue: English words


def visible_texts(window: Any) -> list[str]:
    from .conftest import all_items

    return [
        str(item.property("text"))
        for item in all_items(window.contentItem())
        if item.isVisible() and item.metaObject().className().startswith("QQuickText")
    ]


def test_arabic_app_words_count_with_arabic_plurals(
    three_languages: Pages, opened: list[KioskWindow]
) -> None:
    # (A language with no catalogue at all gets English plurals: tests/ui/test_app_words.py.)
    shown = open_at(three_languages, "home", opened)
    switch(shown, "ar")
    texts = visible_texts(shown.window)
    assert any(text.startswith("3 عناصر") for text in texts), texts
    assert not any("item" in text for text in texts)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_video_controls_never_cover_each_other(
    bundled_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    shown = open_at(bundled_pages, "item/dg-video-november-2014", opened, size=(1080, 1920))
    shown.preferences.setTextSize(2)
    switch(shown, language)
    window = shown.window
    names_ = ["playPauseButton", "backTenButton", "forwardTenButton", "captionsButton", "muteButton"]
    rects = {}
    for name in names_:
        item = find(window, name)
        settled_centre(item)
        rects[name] = item.mapRectToScene(item.boundingRect())
    for first in names_:
        for second in names_:
            if first < second:
                assert not rects[first].intersects(rects[second]), (first, second)
    controls = find(window, "videoControls")
    frame = controls.mapRectToScene(controls.boundingRect())
    assert all(frame.contains(rect) for rect in rects.values())
