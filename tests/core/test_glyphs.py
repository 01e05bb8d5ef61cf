"""Never a box for a letter: `kiosk validate` finds each character no font of the kiosk has, at its place."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.booth import paths
from kiosk.cli import main
from kiosk.core.glyphs import TextPlace, check_texts, kiosk_fonts, read_font

from .contentkit import ContentFolder

# Debian's fonts-noto-core (installed by .ci/run); copied into a test's content folder, never committed.
NOTO = Path("/usr/share/fonts/truetype/noto")
DEVANAGARI = "NotoSansDevanagari-Regular.ttf"
DEVANAGARI_BOLD = "NotoSansDevanagari-Bold.ttf"
TA = "\u0924"  # त, DEVANAGARI LETTER TA
NO_TA = "no font has U+0924 'त' (Devanagari): add a font to fonts/"


@pytest.fixture
def hindi(content: ContentFolder) -> ContentFolder:
    """The test kit's content, offered in Hindi too, with a Hindi section title."""
    content.replace("agenda.yaml", "languages: [en, fr]", "languages: [en, fr, hi]")
    content.replace("sections/10-one.yaml", "  fr: Section un\n", "  fr: Section un\n  hi: तथ्य और सवाल\n")
    return content


def noto(name: str) -> Path:
    path = NOTO / name
    assert path.is_file(), f"{path} is missing: install Debian's fonts-noto-core (as .ci/run does)"
    return path


def validate(folder: ContentFolder, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["validate", str(folder.root)])
    return code, capsys.readouterr().out.splitlines()


def glyph_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if "font has U+" in line]


def test_a_devanagari_title_without_a_font_is_an_error_at_its_place(
    hindi: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    line, column = hindi.position("sections/10-one.yaml", "तथ्य")
    code, lines = validate(hindi, capsys)
    assert code == 1
    assert f"sections/10-one.yaml:{line}:{column}: title.hi: {NO_TA}" in lines
    # Each character once, where it first stands in the text: थ is the second letter.
    assert (
        f"sections/10-one.yaml:{line}:{column + 1}: title.hi: no font has U+0925 'थ' (Devanagari): "
        "add a font to fonts/"
    ) in lines
    assert len(glyph_lines(lines)) == len(set("तथ्य और सवाल") - {" "})


def test_a_letter_written_as_an_escape_is_reported_at_its_value(
    content: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    content.replace("agenda.yaml", "languages: [en, fr]", "languages: [en, fr, hi]")
    content.replace(
        "sections/10-one.yaml", "  fr: Section un\n", '  fr: Section un\n  hi: "\\u0924 \\u0925"\n'
    )
    line, column = content.position("sections/10-one.yaml", '"\\u0924')
    code, lines = validate(content, capsys)
    assert code == 1
    assert f"sections/10-one.yaml:{line}:{column}: title.hi: {NO_TA}" in lines


def test_the_fonts_the_content_brings_are_checked_too(
    hindi: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    hindi.path("fonts").mkdir()
    shutil.copy(noto(DEVANAGARI), hindi.path(f"fonts/{DEVANAGARI}"))
    shutil.copy(paths.fonts() / "OFL.txt", hindi.path("fonts/OFL.txt"))
    code, lines = validate(hindi, capsys)
    assert code == 0, lines
    assert not glyph_lines(lines)
    # No warning about the fonts (the app's words not yet in Hindi are another matter).
    assert not [line for line in lines if ": warning: " in line and "app word" not in line], lines


def test_fonts_without_a_licence_are_a_warning(
    hindi: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    hindi.path("fonts").mkdir()
    shutil.copy(noto(DEVANAGARI), hindi.path(f"fonts/{DEVANAGARI}"))
    hindi.write("fonts/notes.txt", "Where the fonts came from.\n")
    code, lines = validate(hindi, capsys)
    assert code == 0
    assert (
        "fonts/:1:1: (file): warning: no licence beside the fonts: add the fonts' licence as fonts/OFL.txt "
        "or fonts/LICENSE (every kiosk and content pack passes the fonts on)"
    ) in lines
    assert (
        "fonts/notes.txt:1:1: (file): warning: ignored: only .ttf and .otf fonts and their licence belong in fonts/"
        in lines
    )


def test_a_file_that_is_not_a_font_is_an_error_at_its_path(
    hindi: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    hindi.write("fonts/OFL.txt", "licence\n")
    hindi.write("fonts/notes.ttf", "not a font at all\n")
    # A real font cut short, as a failed copy leaves it.
    hindi.write_bytes("fonts/cut.otf", noto(DEVANAGARI).read_bytes()[:3000])
    code, lines = validate(hindi, capsys)
    assert code == 1
    assert "fonts/notes.ttf:1:1: (file): not a font the kiosk can use (Not a TrueType or OpenType font " in (
        "\n".join(lines)
    )
    assert [
        line for line in lines if line.startswith("fonts/cut.otf:1:1: (file): not a font the kiosk can use (")
    ]
    # The broken fonts bring no letters: the Hindi title is still found uncovered.
    assert any(line.endswith(f"title.hi: {NO_TA}") for line in lines)


def test_a_markdown_file_points_at_the_line_of_the_character(
    hindi: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    hindi.replace(
        "sections/10-one.yaml", "  en: text/en/one.md\n", "  en: text/en/one.md\n  hi: text/hi/one.md\n"
    )
    hindi.write(
        "text/hi/one.md", "# Section one\n\nThe Hindi page is *still* in English,\nbut for one word: तथ्य.\n"
    )
    assert hindi.position("text/hi/one.md", "तथ्य") == (4, 19)
    code, lines = validate(hindi, capsys)
    assert code == 1
    assert f"text/hi/one.md:4:19: body_file.hi: {NO_TA}" in lines


def test_a_caption_points_at_its_line_in_the_captions_file(
    hindi: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    hindi.replace(
        "sections/10-one.yaml",
        "      en: captions/clip.en.vtt\n",
        "      en: captions/clip.en.vtt\n      hi: captions/clip.hi.vtt\n",
    )
    hindi.write(
        "captions/clip.hi.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello.\n\n00:00:01.000 --> 00:00:02.000\nनमस्ते, तथ्य.\n",
    )
    assert hindi.position("captions/clip.hi.vtt", TA) == (7, 5)
    code, lines = validate(hindi, capsys)
    assert code == 1
    assert f"captions/clip.hi.vtt:7:5: items[1].captions.hi: {NO_TA}" in lines


def test_texts_in_a_language_the_kiosk_does_not_offer_are_not_checked(
    content: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    content.replace("sections/10-one.yaml", "  fr: Section un\n", "  fr: Section un\n  hi: तथ्य\n")
    code, lines = validate(content, capsys)
    assert code == 0
    assert not glyph_lines(lines)


def test_the_bundled_fonts_draw_arabic_in_every_face() -> None:
    coverage, problems = kiosk_fonts(paths.fonts())
    assert problems == []
    arabic = "نص عادي، ونص *مائل*، ونص **عريض**. ١٢٣ ؟"
    assert check_texts([(TextPlace("ar.ts", 1, 1, "HomePage"), arabic)], coverage) == []


def test_spaces_controls_and_format_characters_need_no_glyph() -> None:
    coverage, _problems = kiosk_fonts(paths.fonts())
    # ZWJ, ZWNJ, RLM, LRM, soft hyphen, no-break and ideographic spaces, a tab, a variation selector.
    text = "a\u200db\u200cc\u200fd\u200ee\u00adf\u00a0g\u3000h\ti\ufe0f"
    assert check_texts([(TextPlace("x.ts", 3, 5, "Words"), text)], coverage) == []


def test_check_texts_reports_each_character_once_per_place() -> None:
    coverage, _problems = kiosk_fonts(paths.fonts())
    texts = [
        (TextPlace("i18n/kiosk_hi.ts", 12, 21, "SearchPage"), "तत त"),
        (TextPlace("i18n/kiosk_hi.ts", 30, 21, "HomePage"), "त"),
    ]
    assert [str(problem) for problem in check_texts(texts, coverage)] == [
        f"i18n/kiosk_hi.ts:12:21: SearchPage: {NO_TA}",
        f"i18n/kiosk_hi.ts:30:21: HomePage: {NO_TA}",
    ]


def test_verbatim_text_points_at_each_character() -> None:
    coverage, _problems = kiosk_fonts(paths.fonts())
    text = "Title\nsecond line त\r\nthird"
    place = TextPlace("notes.md", 10, 4, "body", verbatim=True)
    assert [str(problem) for problem in check_texts([(place, text)], coverage)] == [
        f"notes.md:11:13: body: {NO_TA}"
    ]
    # On the first line, the text's own column is counted from where it starts.
    place = TextPlace("notes.md", 10, 4, "body", verbatim=True)
    assert [str(problem) for problem in check_texts([(place, "ab त")], coverage)] == [
        f"notes.md:10:7: body: {NO_TA}"
    ]


def test_a_bold_face_that_lacks_a_letter_is_named(tmp_path: Path) -> None:
    from fontTools import subset

    bold = tmp_path / DEVANAGARI_BOLD
    options = subset.Options()
    options.layout_features = ["*"]
    keep = sorted(set(read_font(noto(DEVANAGARI_BOLD)).characters) - {ord(TA)})
    subsetter = subset.Subsetter(options)
    font = subset.load_font(str(noto(DEVANAGARI_BOLD)), options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    subset.save_font(font, str(bold), options)
    shutil.copy(noto(DEVANAGARI), tmp_path / DEVANAGARI)

    coverage, problems = kiosk_fonts(paths.fonts(), None)
    assert problems == []
    from kiosk.core.glyphs import FontCoverage, read_fonts

    content, problems = read_fonts(sorted(tmp_path.glob("*.ttf")), tmp_path)
    assert problems == []
    both = FontCoverage([*coverage.fonts, *content.fonts])
    assert [str(problem) for problem in check_texts([(TextPlace("t.md", 1, 1, "body"), "तथ्य")], both)] == [
        "t.md:1:1: body: no bold or bold italic font has U+0924 'त' (Devanagari): add a bold or bold italic "
        "face of a font that has it to fonts/"
    ]


def test_the_contents_own_app_words_are_checked_at_their_line(
    hindi: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    # A font for the content's texts, but the app's words use a letter it lacks (ॐ is not in the
    # Hindi title): the buttons would show a box, so validate names the .ts line.
    fonts = hindi.root / "fonts"
    fonts.mkdir()
    shutil.copy(noto(DEVANAGARI), fonts / DEVANAGARI)
    (fonts / "OFL.txt").write_text("SIL Open Font License 1.1\n", encoding="utf-8")
    catalogue = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="hi">\n'
        "<context>\n    <name>TopBar</name>\n    <message>\n        <source>Home</source>\n"
        "        <translation>\u0939\u094b\u092e \u2603</translation>\n    </message>\n</context>\n</TS>\n"
    )
    (hindi.root / "i18n").mkdir()
    (hindi.root / "i18n" / "kiosk_hi.ts").write_text(catalogue, encoding="utf-8")
    code, lines = validate(hindi, capsys)
    assert code == 1
    assert glyph_lines(lines) == [
        "i18n/kiosk_hi.ts:6:5: TopBar: no font has U+2603 '☃' (Common): add a font to fonts/"
    ]


def test_every_word_the_app_ships_is_drawn_by_the_fonts_it_ships() -> None:
    """The bundled catalogues (every language the app's words come in) and the characters the QML writes
    itself (play, check marks, chevrons) need no font of the machine's."""
    from kiosk.core.appwords import bundled_catalogues

    coverage, problems = kiosk_fonts(paths.fonts())
    assert problems == []
    texts: list[tuple[TextPlace, str]] = []
    for language, catalogue in bundled_catalogues(paths.resources() / "i18n").items():
        for message in catalogue.messages:
            for form in message.forms():
                texts.append((TextPlace(f"kiosk_{language}.ts", message.line, 1, message.text.context), form))
    qml = paths.resources() / "qml" / "FairMigrationKiosk"
    for file in sorted(qml.glob("*.qml")):
        source = file.read_text(encoding="utf-8")
        # Escapes in string literals only: those in a regular expression's ranges are never drawn.
        literals = "".join(re.findall(r'"(?:[^"\\\n]|\\.)*"', source))
        escaped = "".join(chr(int(code, 16)) for code in re.findall(r"\\u([0-9A-Fa-f]{4})", literals))
        texts.append((TextPlace(file.name, 1, 1, "qml"), source + escaped))
    assert len(texts) > 800  # fr, es, ar and the English plurals, and every QML file
    assert check_texts(texts, coverage) == []
