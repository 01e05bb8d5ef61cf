"""The app's words a content folder carries (i18n/kiosk_<lang>.ts): read safely, counted per language
with each language's plural forms, written out for translators by `kiosk app-words`."""

from __future__ import annotations

import importlib.util
import re
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.booth import paths
from kiosk.cli import main
from kiosk.core.appwords import (
    MAX_TS_BYTES,
    STAFF_CONTEXTS,
    AppText,
    TsError,
    app_texts,
    bundled_catalogues,
    content_coverage,
    parse_ts,
    read_catalogue,
)
from kiosk.core.loader import load_content
from kiosk.core.plurals import PLURAL_FORMS, plural_forms, plural_rules
from kiosk.core.problems import Severity
from kiosk.core.qm import MAGIC

from .contentkit import ContentFolder

BUNDLED = paths.resources() / "i18n"
NE = "i18n/kiosk_ne.ts"
HOME = AppText("TopBar", "Home")
ITEMS = AppText("Theme", "%n item(s)", numerus=True)


def ts(language: str, body: str, head: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + head
        + f'<TS version="2.1" language="{language}" sourcelanguage="en">\n{body}</TS>\n'
    )


def message(source: str, *forms: str, unfinished: bool = False) -> str:
    kind = ' type="unfinished"' if unfinished else ""
    if len(forms) == 1 and "%n" not in source:
        return f"    <message>\n        <source>{source}</source>\n        <translation{kind}>{forms[0]}</translation>\n    </message>\n"
    numerus = "".join(f"<numerusform>{form}</numerusform>" for form in forms)
    return f'    <message numerus="yes">\n        <source>{source}</source>\n        <translation{kind}>{numerus}</translation>\n    </message>\n'


def context(name: str, *messages: str) -> str:
    return f"<context>\n    <name>{name}</name>\n" + "".join(messages) + "</context>\n"


NEPALI = ts(
    "ne",
    context("TopBar", message("Home", "गृहपृष्ठ"), message("Search", "खोज्नुहोस्"))
    + context("Theme", message("%n item(s)", "%n वस्तु")),  # one form of the two Nepali has
)


def with_languages(content: ContentFolder, languages: str) -> None:
    content.replace("agenda.yaml", "languages: [en, fr]", f"languages: [{languages}]")


def lrelease() -> Path:
    # Found without importing Qt: kiosk.core's tests stay Qt-free.
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )


# -- reading a .ts ------------------------------------------------------------------------------------


def test_the_bundled_catalogues_read_whole() -> None:
    french = read_catalogue(BUNDLED / "kiosk_fr.ts").current()
    assert french[HOME.key].translations == ("Accueil",)
    assert french[ITEMS.key].translations == ("%n élément", "%n éléments")
    dated = french[("DashboardViewModel", "d MMMM", "date format: day and month")]
    assert dated.text.comment == "date format: day and month"
    # Entities and the no-break space come back as characters.
    assert french[("AdminPanel", "Admin panel", "")].translations == ("Panneau d'administration",)
    assert french[("AdminPanel", "%1 GB", "")].translations == ("%1\u00a0Go",)
    texts = app_texts(bundled_catalogues(BUNDLED))
    assert len(texts) == len(french) and ITEMS in texts


def test_a_malformed_file_is_an_error_at_its_line(content: ContentFolder) -> None:
    broken = NEPALI.replace("<source>Search</source>", "<source>Search</sorce>")
    content.write(NE, broken)
    result = load_content(content.root)
    assert result.compiled is None
    (problem,) = [p for p in result.problems if p.file == NE]
    assert problem.severity is Severity.ERROR
    lines = broken.splitlines()
    assert problem.line == lines.index(next(line for line in lines if "</sorce>" in line)) + 1
    assert "mismatched tag" in problem.message
    assert str(problem).startswith(f"{NE}:{problem.line}:{problem.column}: ")


@pytest.mark.parametrize(
    ("hostile", "line", "words"),
    [
        # A billion laughs: ten entities, each ten of the one before.
        (
            '<!DOCTYPE TS [\n<!ENTITY a "ha">\n'
            + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9))
            + ']>\n<TS version="2.1" language="ne"><context><name>&j;</name></context></TS>\n',
            1,
            "DOCTYPE with declarations",
        ),
        (
            '<!DOCTYPE TS SYSTEM "file:///etc/passwd">\n<TS language="ne"></TS>\n',
            1,
            "external file",
        ),
        ('<TS language="ne">\n<context><name>&secret;</name></context></TS>\n', 2, "undefined entity"),
        ("<TS>" + "<context>" * 100_000, 1, "nested more than 12 deep"),
        ('<?xml version="1.0"?>\n<html><body>not a catalogue</body></html>\n', 2, "starts with <TS>"),
    ],
    ids=["entity-expansion", "external-entity", "undefined-entity", "deep-nesting", "not-ts"],
)
def test_a_hostile_file_is_refused_quickly_at_its_line(hostile: str, line: int, words: str) -> None:
    started = time.monotonic()
    with pytest.raises(TsError) as caught:
        parse_ts(hostile.encode())
    assert time.monotonic() - started < 1
    assert words in caught.value.message
    assert caught.value.line == line


def test_a_huge_file_is_refused_unread(content: ContentFolder) -> None:
    huge = content.path(NE)
    huge.parent.mkdir(parents=True, exist_ok=True)
    with huge.open("wb") as stream:
        stream.write(NEPALI.encode()[:-6])
        stream.write(b" " * (MAX_TS_BYTES + 1))
    result = load_content(content.root)
    (problem,) = [p for p in result.problems if p.file == NE]
    assert (problem.line, problem.severity) == (1, Severity.ERROR)
    assert "too large" in problem.message


def test_stray_files_and_a_wrong_language_attribute_are_warnings(content: ContentFolder) -> None:
    with_languages(content, "en, fr, ne")
    content.write(NE, NEPALI.replace('language="ne"', 'language="hi"'))
    content.write("i18n/notes.txt", "to do\n")
    content.write("i18n/kiosk_de.ts", ts("de", ""))
    result = load_content(content.root)
    assert result.compiled is not None
    found = {(p.file, p.line): p.message for p in result.problems if p.file.startswith("i18n/")}
    assert set(found) == {(NE, 3), ("i18n/notes.txt", 1), ("i18n/kiosk_de.ts", 1)}
    assert 'write language="ne"' in found[(NE, 3)]
    assert "'de' is not in the languages" in found[("i18n/kiosk_de.ts", 1)]


# -- what is missing, per language --------------------------------------------------------------------


def test_plural_form_counts_are_qts() -> None:
    assert [plural_forms(code) for code in ("ar", "zh", "ne", "fr", "pt-BR", "ru", "cy", "tl", "xx")] == [
        6,
        1,
        2,
        2,
        2,
        3,
        5,
        2,
        1,
    ]
    # Brazilian Portuguese counts 0 as singular, as French does; Portuguese elsewhere does not.
    assert (
        plural_rules("pt-BR")
        == plural_rules("pt")
        == plural_rules("fr")
        != plural_rules("pt-PT")
        == plural_rules("en")
    )


def test_every_plural_count_matches_the_lrelease_qt_ships(tmp_path: Path) -> None:
    # lrelease drops the forms a language does not have, and says so: with as many forms as the table
    # says it must be silent, with one more it must drop one, for every language of the table.
    # Every language of the table, and some with a territory or another code for the same language.
    codes = [*PLURAL_FORMS, "pt-PT", "pt-BR", "fr-CA", "ar-EG", "zh-TW", "ne-IN", "tl", "no", "sh"]
    for extra, folder in ((0, tmp_path / "exact"), (1, tmp_path / "over")):
        folder.mkdir()
        for code in codes:
            forms = [f"{code} {index} %n" for index in range(plural_forms(code) + extra)]
            language = code.replace("-", "_")
            (folder / f"{code}.ts").write_text(
                ts(language, context("C", message("%n x", *forms))), encoding="utf-8"
            )
        files = sorted(folder.glob("*.ts"))
        output = subprocess.run(
            [str(lrelease()), *map(str, files)], capture_output=True, text=True, check=True
        ).stdout
        # One block per file, each starting with the .qm it updates.
        blocks = dict(re.findall(r"Updating '.*/([^/]+)\.qm'\.\.\.\n((?:(?!Updating).*\n)*)", output))
        assert set(blocks) == set(codes)
        dropped = sorted(code for code, block in blocks.items() if "Removed plural forms" in block)
        assert dropped == (sorted(codes) if extra else []), output[:2000]
    # And the rules that pick a form for a number are the ones lrelease writes for each language.
    for code in codes:
        assert qm_blocks((tmp_path / "exact" / f"{code}.qm").read_bytes()).get(0x88, b"") == plural_rules(
            code
        ), code


def qm_blocks(data: bytes) -> dict[int, bytes]:
    assert data[:16] == MAGIC
    blocks, at = {}, 16
    while at + 5 <= len(data):
        tag, length = struct.unpack(">BI", data[at : at + 5])
        blocks[tag] = data[at + 5 : at + 5 + length]
        at += 5 + length
    return blocks


def test_missing_words_are_counted_per_language_with_their_plural_forms(content: ContentFolder) -> None:
    with_languages(content, "en, fr, ne, ar, zh")
    content.write(NE, NEPALI)
    report = content_coverage(content.root, ["en", "fr", "ne", "ar", "zh"], BUNDLED)
    total = len(app_texts(bundled_catalogues(BUNDLED)))
    assert {code: len(found.missing) for code, found in report.items()} == {
        "en": 0,  # English is the source language, and kiosk_en.ts has its plurals
        "fr": 0,
        "ar": 0,  # the bundled Arabic
        "ne": total - 2,  # Home and Search; "%n item(s)" has one of its two forms
        "zh": total,
    }
    nepali = {word.text.key: word for word in report["ne"].missing}
    assert HOME.key not in nepali
    items = nepali[ITEMS.key]
    assert (items.forms_needed, items.forms_found) == (2, 1)
    assert items.describe() == 'Theme: "%n item(s)" (1 of 2 plural forms)'
    # Reported where the translator will look: the message's line in the file, or where the
    # language is listed when there is no file for it.
    assert (items.file, items.line) == (NE, NEPALI.splitlines().index('    <message numerus="yes">') + 1)
    chinese = report["zh"].missing[0]
    assert (chinese.file, chinese.line) == ("agenda.yaml", content.line("agenda.yaml", "languages:"))


def test_a_content_catalogue_fills_gaps_form_by_form_with_the_bundled_one(content: ContentFolder) -> None:
    # Two of the six Arabic forms: the bundled file has the other four, so nothing is missing.
    content.write("i18n/kiosk_ar.ts", ts("ar", context("Theme", message("%n item(s)", "صفر", "واحد"))))
    assert content_coverage(content.root, ["ar"], BUNDLED)["ar"].missing == []
    # Chinese has one form: a single form is a complete plural.
    content.write("i18n/kiosk_zh.ts", ts("zh", context("Theme", message("%n item(s)", "%n 项"))))
    missing = content_coverage(content.root, ["zh"], BUNDLED)["zh"].missing
    assert ITEMS.key not in {word.text.key for word in missing}


# -- kiosk validate -----------------------------------------------------------------------------------


def test_validate_counts_the_missing_app_words_and_lists_every_one(
    content: ContentFolder, capsys: Any
) -> None:
    with_languages(content, "en, fr, ne")
    content.write(NE, NEPALI)
    # Nepali words need a Devanagari font, or validate says the buttons would show boxes.
    content.path("fonts").mkdir()
    shutil.copy("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf", content.path("fonts"))
    shutil.copy(paths.fonts() / "OFL.txt", content.path("fonts"))
    total = len(app_texts(bundled_catalogues(BUNDLED)))
    assert main(["validate", str(content.root)]) == 0  # warnings, not errors
    out = capsys.readouterr().out
    missing = total - 2
    percent = 100 * 2 // total
    assert f"  app words  en 100%, fr 100%, ne {percent}% of {total} texts (buttons and messages)" in out
    summary = next(line for line in out.splitlines() if line.startswith("  app words missing in ne"))
    assert summary.startswith(f"  app words missing in ne ({missing}; shown in English): AttractPage: ")
    assert summary.endswith(f"; and {missing - 5} more")
    assert f"kiosk app-words ne --content {content.root}" in out
    # The full report: a warning for every one, at its line.
    warnings = [line for line in out.splitlines() if "app word not translated into ne" in line]
    assert len(warnings) == missing
    assert f"{NE}:" in next(w for w in warnings if '"%n item(s)" (1 of 2 plural forms)' in w)
    assert "app words missing in fr" not in out


# -- kiosk app-words ----------------------------------------------------------------------------------


def test_app_words_writes_every_text_keeping_what_is_translated(content: ContentFolder, capsys: Any) -> None:
    content.write(NE, NEPALI)
    assert main(["app-words", "ne", "--content", str(content.root)]) == 0
    out = capsys.readouterr().out
    written = read_catalogue(content.path(NE))
    total = len(app_texts(bundled_catalogues(BUNDLED)))
    assert f"{total} texts of the app, {total - 2} to translate (marked unfinished)" in out
    assert written.language == "ne"
    messages = written.current()
    french = read_catalogue(BUNDLED / "kiosk_fr.ts").current()
    assert set(messages) == set(french)  # every context, source and comment of the app
    assert all(messages[key].text.numerus == french[key].text.numerus for key in messages)
    assert messages[HOME.key].translations == ("गृहपृष्ठ",) and not messages[HOME.key].unfinished
    assert messages[ITEMS.key].translations == ("%n वस्तु", "") and messages[ITEMS.key].unfinished
    back = messages[("TopBar", "Back", "")]
    assert back.translations == ("",) and back.unfinished
    # Arabic starts from the bundled catalogue: six forms each, nothing left to do.
    target = content.root / "ar.ts"
    assert main(["app-words", "ar", "--output", str(target)]) == 0
    arabic = read_catalogue(target).current()
    assert arabic[ITEMS.key].translations[3] == "%n عناصر" and len(arabic[ITEMS.key].translations) == 6
    assert not any(m.unfinished for m in arabic.values())


def test_what_app_words_writes_compiles_with_lrelease(content: ContentFolder, tmp_path: Path) -> None:
    content.write(NE, NEPALI)
    assert main(["app-words", "ne", "--content", str(content.root)]) == 0
    compiled = subprocess.run(
        [str(lrelease()), str(content.path(NE)), "-qm", str(tmp_path / "ne.qm")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # The two finished words, and the plural with one of its forms (lrelease keeps unfinished ones).
    assert "Generated 3 translation(s) (2 finished and 1 unfinished)" in compiled
    assert (tmp_path / "ne.qm").read_bytes()[:4] == bytes.fromhex("3cb86418")


def test_app_words_keeps_a_translation_the_app_no_longer_has(content: ContentFolder) -> None:
    content.write(NE, ts("ne", context("TopBar", message("Old button", "पुरानो"))))
    assert main(["app-words", "ne", "--content", str(content.root)]) == 0
    text = content.read(NE)
    assert '<translation type="vanished">पुरानो</translation>' in text


def test_app_words_refuses_a_broken_file_and_writes_nothing(content: ContentFolder, capsys: Any) -> None:
    content.write(NE, "<TS>\n<context>\n")
    assert main(["app-words", "ne", "--content", str(content.root)]) == 1
    assert "kiosk_ne.ts:3:1: not a readable Qt .ts file" in capsys.readouterr().err
    assert content.read(NE) == "<TS>\n<context>\n"
    assert main(["app-words", "ne"]) == 2


def test_a_translation_that_drops_a_value_is_a_warning_at_its_line(content: ContentFolder) -> None:
    with_languages(content, "en, fr, ne")
    text = ts("ne", context("Handout", message("Source: %1", "स्रोत")))
    content.write(NE, text)
    result = load_content(content.root)
    assert result.compiled is not None
    (warning,) = [p for p in result.problems if p.file == NE]
    assert warning.line == text.splitlines().index("    <message>") + 1
    assert 'Handout: "Source: %1": the translation "स्रोत" leaves out %1' in warning.message


def test_visitors_words_are_named_before_staff_words(content: ContentFolder) -> None:
    missing = content_coverage(content.root, ["ne"], BUNDLED)["ne"].missing
    contexts = [word.text.context for word in missing]
    assert contexts[0] not in STAFF_CONTEXTS and contexts[-1] in STAFF_CONTEXTS
    first_staff = next(i for i, c in enumerate(contexts) if c in STAFF_CONTEXTS)
    assert all(c in STAFF_CONTEXTS for c in contexts[first_staff:])
