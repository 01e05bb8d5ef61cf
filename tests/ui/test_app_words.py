"""The app's words a content folder brings (i18n/kiosk_<lang>.ts), on the real QML, and Arabic plurals."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSize, QTranslator
from PySide6.QtTest import QTest

from kiosk.core.appwords import read_catalogue
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from kiosk.ui.handout import handout_words
from kiosk.ui.selftest import check_app_words
from kiosk.ui.translations import Translations, compiled_catalogue, translations_folder

from .conftest import find, save_grab, tap

NEPALI_WORDS = """\
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ne" sourcelanguage="en">
<context>
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <translation>गृहपृष्ठ</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>खोज्नुहोस्</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Article</source>
        <translation>लेख</translation>
    </message>
</context>
</TS>
"""
FRENCH_HOME = (
    NEPALI_WORDS.replace('language="ne"', 'language="fr"')
    .replace("<translation>गृहपृष्ठ</translation>", "<translation>Sommaire</translation>")
    .replace("<translation>खोज्नुहोस्</translation>", '<translation type="unfinished"></translation>')
)


def write(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text), encoding="utf-8")


def make_content(root: Path, languages: str, words: dict[str, str]) -> Pages:
    write(
        root,
        "agenda.yaml",
        f"""\
        title: Migration in our words
        lead: A content set of one section.
        languages: [{languages}]
        source: {{name: Test, url: "https://example.org/"}}
        version: "1"
        sections: [one]
        """,
    )
    write(
        root,
        "sections/one.yaml",
        """\
        id: one
        title: One
        items:
          - {id: a, kind: article, title: A, body: Body a.}
          - {id: b, kind: article, title: B, body: Body b.}
          - {id: c, kind: article, title: C, body: Body c.}
        """,
    )
    for language, text in words.items():
        write(root, f"i18n/kiosk_{language}.ts", text)
    result = load_content(root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, root)


def open_at(
    pages: Pages, opened: list[KioskWindow], route: str = "section/one", **options: Any
) -> KioskWindow:
    shown = build_window(pages, size=QSize(1280, 800), animate=False, start_route=route, **options)
    opened.append(shown)
    QTest.qWaitForWindowExposed(shown.window)
    return shown


def label(shown: KioskWindow, name: str) -> str:
    return str(find(shown.window, name).property("label"))


def test_a_content_in_nepali_brings_its_own_words(tmp_path: Path, opened: list[KioskWindow]) -> None:
    pages = make_content(tmp_path / "content", "en, ne", {"ne": NEPALI_WORDS})
    shown = open_at(pages, opened)
    assert (label(shown, "homeButton"), label(shown, "searchButton")) == ("Home", "Search")
    # The switch names the language in its own words.
    assert label(shown, "language:ne") == "नेपाली"
    tap(shown.window, find(shown.window, "language:ne"))
    assert (label(shown, "homeButton"), label(shown, "searchButton")) == ("गृहपृष्ठ", "खोज्नुहोस्")
    # A word the file lacks stays English, and English plurals still come from the bundled catalogue.
    assert label(shown, "backButton").endswith("Back")
    assert QCoreApplication.translate("Theme", "%n item(s)", None, 3) == "3 items"
    assert shown.translations.translate_in("ne", "Theme", "Topic") == ""
    save_grab(shown.window, tmp_path / "nepali.png")
    tap(shown.window, find(shown.window, "language:en"))
    assert label(shown, "homeButton") == "Home"
    # The handout takes the same words as the window.
    assert handout_words("ne", pages.content_root).kinds["article"] == "लेख"
    assert handout_words("ne").kinds["article"] == "Article"


def test_a_content_catalogue_overrides_one_bundled_word_and_keeps_the_rest(
    tmp_path: Path, opened: list[KioskWindow]
) -> None:
    pages = make_content(tmp_path / "content", "en, fr", {"fr": FRENCH_HOME})
    shown = open_at(pages, opened, language="fr")
    assert label(shown, "homeButton") == "Sommaire"  # the content's word
    assert label(shown, "searchButton") == "Rechercher"  # left empty there: the bundled word
    assert label(shown, "backButton").endswith("Retour")  # not in the content's file at all
    assert shown.translations.translate_in("fr", "TopBar", "Home") == "Sommaire"
    assert shown.translations.translate_in("fr", "TopBar", "Back") == "Retour"


def test_a_broken_content_catalogue_leaves_the_bundled_words(tmp_path: Path) -> None:
    root = tmp_path / "content"
    make_content(root, "en, fr", {})
    # Broken after validation (the kiosk may be showing cached content): never loaded, never a crash.
    write(root, "i18n/kiosk_fr.ts", '<!DOCTYPE TS [<!ENTITY a "Sommaire">]><TS language="fr">&a;</TS>')
    translations = Translations(tmp_path / "cache", root)
    assert translations.use("fr")
    try:
        assert QCoreApplication.translate("TopBar", "Home") == "Accueil"
    finally:
        translations.release()


def test_arabic_plurals_have_their_six_forms(tmp_path: Path) -> None:
    forms = (
        read_catalogue(translations_folder() / "kiosk_ar.ts")
        .current()[("Theme", "%n item(s)", "")]
        .translations
    )
    assert len(set(forms)) == 6
    translations = Translations(tmp_path / "cache")
    assert translations.use("ar")
    try:
        shown = [QCoreApplication.translate("Theme", "%n item(s)", None, n) for n in (0, 1, 2, 3, 11, 100)]
    finally:
        translations.release()
    # zero, one, two, few (3-10), many (11-99), other (100 and up), in Qt's order.
    assert shown == [form.replace("%n", str(n)) for form, n in zip(forms, (0, 1, 2, 3, 11, 100), strict=True)]
    assert shown[3:] == ["3 عناصر", "11 عنصرًا", "100 عنصر"]


def test_an_arabic_content_shows_the_bundled_arabic_words(tmp_path: Path, opened: list[KioskWindow]) -> None:
    pages = make_content(tmp_path / "content", "en, ar", {})
    shown = open_at(pages, opened, route="home", language="ar")
    assert (label(shown, "homeButton"), label(shown, "searchButton")) == ("الرئيسية", "بحث")
    assert label(shown, "language:ar") == "العربية"
    from .test_languages import visible_texts

    assert "3 عناصر" in " ".join(visible_texts(shown.window))
    save_grab(shown.window, tmp_path / "arabic.png")


def test_the_self_test_warns_once_per_language_missing_app_words(tmp_path: Path) -> None:
    root = tmp_path / "content"
    make_content(root, "en, ne, ar", {"ne": NEPALI_WORDS})
    lines: list[str] = []
    check_app_words(root, ["en", "ne", "ar"], lines.append)
    (line,) = lines
    assert line.startswith("app words (ne): ") and "not translated, shown in English" in line


@pytest.mark.parametrize("language", ["ar", "fr", "es", "en"])
def test_the_qt_free_compiler_answers_as_lreleases_file_does(tmp_path: Path, language: str) -> None:
    # A packaged kiosk has no lrelease: the content's words go through kiosk.core.qm instead, and
    # must come back from QTranslator exactly as lrelease's file gives them, plural forms included.
    from kiosk.core.qm import compile_qm

    source = translations_folder() / f"kiosk_{language}.ts"
    catalogue = read_catalogue(source)
    ours = tmp_path / "ours.qm"
    ours.write_bytes(compile_qm(catalogue, language))
    theirs = compiled_catalogue(language, tmp_path / "cache")
    assert theirs is not None
    translators = []
    for path in (ours, theirs):
        translator = QTranslator()
        assert translator.load(str(path)), path
        translators.append(translator)
    mine, lrelease = translators
    assert mine.language() == lrelease.language() == language
    checked = 0
    for message in catalogue.current().values():
        text = message.text
        for n in range(-1, 230) if text.numerus else (-1,):
            expected = lrelease.translate(text.context, text.source, text.comment or None, n)
            assert mine.translate(text.context, text.source, text.comment or None, n) == expected, (text, n)
            assert expected or language == "en"
            checked += 1
    assert checked > (200 if language != "en" else 14)
    # Nothing is found that is not there.
    assert mine.translate("TopBar", "No such text") == ""
    assert mine.translate("NoSuchContext", "Home") == lrelease.translate("NoSuchContext", "Home")


def test_the_inbox_fills_what_lupdate_left_unfinished(tmp_path: Path) -> None:
    # As after a merge (a text the app does not have, so the real catalogue cannot hold it yet): lupdate added a branch's new texts, unfinished; the branch left its words in the inbox.
    import importlib.util
    import json

    script = Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", script)
    assert spec is not None and spec.loader is not None
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)

    original = (translations_folder() / "kiosk_ar.ts").read_text(encoding="utf-8")
    added = (
        "<context>\n    <name>SearchPage</name>\n    <message>\n        <source>A text a branch added: %1</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
    )
    target = tmp_path / "kiosk_ar.ts"
    target.write_text(
        original.replace("<context>\n    <name>SearchPage</name>\n", added, 1), encoding="utf-8"
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "search.json").write_text(
        json.dumps(
            {"SearchPage|A text a branch added: %1": {"fr": "Un texte ajouté : %1", "ar": "نص أضافه فرع: %1"}}
        ),
        encoding="utf-8",
    )
    assert update.apply_inbox(target, "ar", update.read_inbox(inbox)) == (1, 0)
    update.keep_note(target, update.NOTES["ar"])
    filled = target.read_text(encoding="utf-8")
    assert "<translation>نص أضافه فرع: %1</translation>" in filled
    # Everything else as it was, the note on review included.
    assert filled.replace(
        "<translation>نص أضافه فرع: %1</translation>", '<translation type="unfinished"></translation>'
    ) == (original.replace("<context>\n    <name>SearchPage</name>\n", added, 1))
