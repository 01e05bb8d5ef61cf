"""Never a box for a letter: every character a visitor may read has a glyph in a font the kiosk loads.

The kiosk draws with its bundled fonts, then the content folder's own (`kiosk.core.fonts`), before any
font of the machine's; a kiosk's machine may have nothing for a script, or (like DejaVu) nothing in
italic, and Qt then draws empty boxes without a word. So validation reads the character maps of exactly
those fonts and checks each character of each visible text in every face it may be drawn in: titles are
bold, Markdown has bold and italic runs, the handout's subtitle and source lines are italic.

fontTools is imported inside the functions that read fonts: validation needs it, the app's start never.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.fonts import CONTENT_FONTS_DIR, FONT_SUFFIXES, content_font_files, font_files, is_licence
from kiosk.core.model import FALLBACK_LANGUAGE, LOCALIZED_TEXT_FIELDS
from kiosk.core.problems import Problem, Severity, format_field
from kiosk.core.yamlpos import Path as DataPath
from kiosk.core.yamlpos import PositionedData, YamlSyntaxError, load_yaml

FONTS_HINT = f"add a font to {CONTENT_FONTS_DIR}/"


@dataclass(frozen=True)
class Face:
    name: str
    weight: int
    italic: bool


REGULAR = Face("regular", 400, False)
BOLD = Face("bold", 700, False)
ITALIC = Face("italic", 400, True)
BOLD_ITALIC = Face("bold italic", 700, True)
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)


@dataclass(frozen=True)
class FontFile:
    path: Path
    family: str
    weight: int
    italic: bool
    characters: frozenset[int]


class FontFileError(Exception):
    """A file in a fonts folder that the kiosk cannot draw with, and why, in words."""


def read_font(path: Path) -> FontFile:
    """The family, style and character map of one .ttf/.otf file; FontFileError if it is not a usable font."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(path, lazy=True) as font:
            characters = frozenset(font.getBestCmap() or {})
            family = font["name"].getBestFamilyName() if "name" in font else None
            style = font.get("OS/2")
            mac_style = font["head"].macStyle if "head" in font else 0
            weight = style.usWeightClass if style is not None else (700 if mac_style & 1 else 400)
            # fsSelection: bit 0 italic, bit 9 oblique; macStyle bit 1 italic, for fonts without OS/2.
            italic = bool(style.fsSelection & 0x201) if style is not None else bool(mac_style & 2)
    except OSError as exc:
        raise FontFileError(f"cannot be read: {exc.strerror or exc}") from None
    except Exception as exc:
        # fontTools fails in many ways on a damaged file (struct, index, assertion errors...): each one
        # is a file for the editor to replace, never a crash of validation.
        reason = str(exc).strip() or type(exc).__name__
        raise FontFileError(f"not a font the kiosk can use ({reason})") from None
    if not characters:
        raise FontFileError("has no Unicode character map: the kiosk could draw no letter with it")
    return FontFile(path, str(family or path.stem), int(weight), italic, characters)


class FontCoverage:
    """Which characters the kiosk can draw in each face, with the fonts it loads and nothing else.

    Within a family Qt picks the face nearest the one asked for (the italic one if there is one, then
    the nearest weight) and slants or emboldens it if need be; so does this.
    """

    def __init__(self, fonts: Sequence[FontFile]) -> None:
        self.fonts = list(fonts)
        families: dict[str, list[FontFile]] = {}
        for font in self.fonts:
            families.setdefault(font.family, []).append(font)
        self._drawn: dict[Face, frozenset[int]] = {
            face: frozenset().union(*(_nearest(members, face).characters for members in families.values()))
            for face in FACES
        }

    def missing_faces(self, codepoint: int) -> tuple[Face, ...]:
        return tuple(face for face in FACES if codepoint not in self._drawn[face])


def _nearest(members: list[FontFile], face: Face) -> FontFile:
    same_slant = [font for font in members if font.italic == face.italic] or members
    return min(same_slant, key=lambda font: (abs(font.weight - face.weight), font.weight))


def read_fonts(files: Iterable[Path], root: Path | None = None) -> tuple[FontCoverage, list[Problem]]:
    """Read each font file; one that is not a font is an error at its path (relative to `root`, if given)."""
    fonts: list[FontFile] = []
    problems: list[Problem] = []
    for path in files:
        try:
            fonts.append(read_font(path))
        except FontFileError as exc:
            shown = path.relative_to(root).as_posix() if root is not None else str(path)
            problems.append(Problem(shown, 1, 1, "", str(exc)))
    return FontCoverage(fonts), problems


def kiosk_fonts(bundled: Path, content_root: Path | None = None) -> tuple[FontCoverage, list[Problem]]:
    """The fonts the kiosk loads: those in `bundled` (its resources/fonts), then the content folder's."""
    coverage, problems = read_fonts(font_files(bundled))
    if content_root is None:
        return coverage, problems
    content, content_problems = read_fonts(content_font_files(content_root), content_root)
    return FontCoverage([*coverage.fonts, *content.fonts]), problems + content_problems


# -- characters -------------------------------------------------------------------------------------


def is_glyph_free(char: str) -> bool:
    """Spaces, controls and format characters (ZWJ, ZWNJ, RLM, soft hyphen...) and variation selectors
    are shaped or skipped by Qt, never drawn as glyphs of their own: no font needs them."""
    if char.isspace():
        return True
    codepoint = ord(char)
    if 0xFE00 <= codepoint <= 0xFE0F or 0xE0100 <= codepoint <= 0xE01EF or codepoint == 0x034F:
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp")


def script_name(char: str) -> str:
    from fontTools import unicodedata as font_unicodedata

    return str(font_unicodedata.script_name(font_unicodedata.script(char), default="Unknown"))


def uncovered(text: str, coverage: FontCoverage) -> Iterator[tuple[int, str, tuple[Face, ...]]]:
    """(index of its first occurrence, character, faces that lack it) for each character no font draws."""
    seen: set[str] = set()
    for index, char in enumerate(text):
        if char in seen:
            continue
        seen.add(char)
        if is_glyph_free(char):
            continue
        missing = coverage.missing_faces(ord(char))
        if missing:
            yield index, char, missing


def missing_glyph_message(char: str, missing: tuple[Face, ...]) -> str:
    described = f"U+{ord(char):04X} '{char}' ({script_name(char)})"
    if len(missing) == len(FACES):
        return f"no font has {described}: {FONTS_HINT}"
    faces = " or ".join(face.name for face in missing)
    return (
        f"no {faces} font has {described}: add a {faces} face of a font that has it to {CONTENT_FONTS_DIR}/"
    )


# -- texts at places --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextPlace:
    """Where a text stands, for the problem's file:line:column: field.

    `verbatim`: the text is the file's own from line:column on (a Markdown file, a line of a .ts file),
    so each uncovered character is pointed at where it stands; otherwise at the place itself.
    """

    file: str
    line: int
    column: int
    field: str
    verbatim: bool = False


_LINE_BREAK = re.compile(r"\r\n|[\r\n]")
# YAML's line breaks, as libyaml counts them for its marks.
_YAML_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


class _Lines:
    def __init__(self, text: str, breaks: re.Pattern[str]) -> None:
        self.starts = [0, *(match.end() for match in breaks.finditer(text))]

    def offset(self, line: int, column: int) -> int:
        return self.starts[min(line, len(self.starts)) - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def check_texts(texts: Iterable[tuple[TextPlace, str]], coverage: FontCoverage) -> list[Problem]:
    """A problem for each character of each text that no font draws, once per place.

    For callers outside the content checks too (e.g. the app's own words of each language):
    `coverage` comes from `kiosk_fonts(paths.fonts(), content_root)`.
    """
    problems: list[Problem] = []
    for place, text in texts:
        lines = _Lines(text, _LINE_BREAK) if place.verbatim else None
        for index, char, missing in uncovered(text, coverage):
            line, column = place.line, place.column
            if lines is not None:
                line, column = lines.position(index)
                if line == 1:
                    column += place.column - 1
                line += place.line - 1
            problems.append(
                Problem(place.file, line, column, place.field, missing_glyph_message(char, missing))
            )
    return problems


# -- a content folder -------------------------------------------------------------------------------


def check_content(root: Path, bundled_fonts: Path, manifests: Sequence[str]) -> list[Problem]:
    """The content folder's fonts, and every visible text of its `manifests` (as LoadResult.manifests
    lists them) in each language it offers, against the bundled fonts and its own."""
    coverage, problems = kiosk_fonts(bundled_fonts, root)
    problems.extend(_check_fonts_folder(root))
    checker = _ContentTexts(root, coverage)
    for relative in manifests:
        checker.check_manifest(relative)
    problems.extend(checker.problems)
    if checker.shown_languages is not None:
        problems.extend(_check_app_words(root, sorted(checker.shown_languages), coverage))
    return problems


def _check_app_words(root: Path, languages: list[str], coverage: FontCoverage) -> list[Problem]:
    """The content's own translations of the app's words (i18n/kiosk_<lang>.ts), which the buttons and
    labels show. The bundled catalogues need no check here: a test holds them to the bundled fonts."""
    from kiosk.core.appwords import content_catalogues

    texts: list[tuple[TextPlace, str]] = []
    for relative, catalogue in content_catalogues(root, languages).values():
        seen: set[str] = set()
        for message in catalogue.messages:
            if message.obsolete:
                continue
            for form in message.forms():
                # Once per file and character is enough to tell the editor which font to add.
                fresh = "".join(dict.fromkeys(char for char in form if char not in seen))
                seen.update(fresh)
                if fresh:
                    place = TextPlace(relative, message.line, message.column, message.text.context)
                    texts.append((place, fresh))
    return check_texts(texts, coverage)


def _check_fonts_folder(root: Path) -> list[Problem]:
    folder = root / CONTENT_FONTS_DIR
    if not folder.is_dir():
        return []
    problems: list[Problem] = []
    names = sorted(entry.name for entry in folder.iterdir() if not entry.name.startswith("."))
    fonts = [name for name in names if Path(name).suffix.lower() in FONT_SUFFIXES]
    for name in names:
        if name not in fonts and not is_licence(name):
            problems.append(
                Problem(
                    f"{CONTENT_FONTS_DIR}/{name}",
                    1,
                    1,
                    "",
                    "ignored: only .ttf and .otf fonts and their licence belong in fonts/",
                    Severity.WARNING,
                )
            )
    if fonts and not any(is_licence(name) for name in names):
        problems.append(
            Problem(
                f"{CONTENT_FONTS_DIR}/",
                1,
                1,
                "",
                "no licence beside the fonts: add the fonts' licence as fonts/OFL.txt or fonts/LICENSE "
                "(every kiosk and content pack passes the fonts on)",
                Severity.WARNING,
            )
        )
    return problems


# What a visitor reads from files named in a manifest.
_MARKDOWN_FIELD = "body_file"
_CAPTIONS_FIELD = "captions"


class _ContentTexts:
    def __init__(self, root: Path, coverage: FontCoverage) -> None:
        self.root = root
        self.coverage = coverage
        self.problems: list[Problem] = []
        self.shown_languages: set[str] | None = self._offered_languages()
        self._reported: set[tuple[str, str, str]] = set()

    def _offered_languages(self) -> set[str] | None:
        positioned = self._read_yaml("agenda.yaml")
        languages = (
            positioned.data.get("languages") if positioned and isinstance(positioned.data, dict) else None
        )
        if not isinstance(languages, list) or not all(isinstance(code, str) for code in languages):
            return None  # the loader says what is wrong; meanwhile every language's texts are checked
        # English is shown wherever a translation is missing.
        return {*languages, FALLBACK_LANGUAGE}

    def _read_yaml(self, relative: str) -> PositionedData | None:
        try:
            return load_yaml((self.root / relative).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, YamlSyntaxError):
            return None  # already reported by the loader

    def report(
        self, file: str, position: tuple[int, int], field: str, char: str, missing: tuple[Face, ...]
    ) -> None:
        # Once per place: the first occurrence of a character in one field (or one file) is enough.
        if (file, field, char) in self._reported:
            return
        self._reported.add((file, field, char))
        self.problems.append(Problem(file, *position, field, missing_glyph_message(char, missing)))

    def check_manifest(self, relative: str) -> None:
        try:
            text = (self.root / relative).read_text(encoding="utf-8-sig")
            positioned = load_yaml(text)
        except (OSError, UnicodeDecodeError, YamlSyntaxError):
            return
        source = _YamlSource(text, positioned)
        for path, value in _visible_values(positioned.data, ()):
            key = path[-1]
            for language, place, shown in _per_language(path, value):
                if self.shown_languages is not None and language not in self.shown_languages:
                    continue
                field = format_field(place)
                if key == _MARKDOWN_FIELD:
                    self.check_markdown_file(shown, field)
                elif key == _CAPTIONS_FIELD:
                    self.check_captions_file(shown, field)
                else:
                    start = positioned.position_of(place)
                    # YAML folds lines and reads escapes: the character is looked for in the file instead.
                    for _index, char, missing in uncovered(shown, self.coverage):
                        self.report(relative, source.locate(char, start), field, char, missing)

    def check_markdown_file(self, relative: str, field: str) -> None:
        text = self._read_text(relative)
        if text is None:
            return
        lines = _Lines(text, _LINE_BREAK)
        for index, char, missing in uncovered(text, self.coverage):
            self.report(relative, lines.position(index), field, char, missing)

    def check_captions_file(self, relative: str, field: str) -> None:
        from kiosk.core.captions import CaptionError, load_captions

        text = self._read_text(relative)
        if text is None:
            return
        try:
            shown = "\n".join(cue.text for cue in load_captions(self.root / relative).cues)
        except CaptionError:
            return  # the loader reports the file
        lines = _Lines(text, _LINE_BREAK)
        # WebVTT's first line ('WEBVTT' and an optional title) is never shown.
        after_header = lines.starts[1] if relative.lower().endswith(".vtt") and len(lines.starts) > 1 else 0
        for _index, char, missing in uncovered(shown, self.coverage):
            found = text.find(char, after_header)
            self.report(relative, lines.position(found if found >= 0 else 0), field, char, missing)

    def _read_text(self, relative: str) -> str | None:
        path = self.root / relative
        if not path.resolve().is_relative_to(self.root.resolve()):
            return None  # the loader refuses paths outside the content folder
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None


_VISIBLE_KEYS = LOCALIZED_TEXT_FIELDS | {_MARKDOWN_FIELD, _CAPTIONS_FIELD}


def _visible_values(value: Any, path: DataPath) -> Iterator[tuple[DataPath, Any]]:
    """Every (path, value) of a text a visitor reads, or of a file whose text they read."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key in _VISIBLE_KEYS:
                yield (*path, key), child
            else:
                yield from _visible_values(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _visible_values(child, (*path, index))


def _per_language(path: DataPath, value: Any) -> Iterator[tuple[str, DataPath, str]]:
    if isinstance(value, str):
        yield FALLBACK_LANGUAGE, path, value
    elif isinstance(value, dict):
        for language, text in value.items():
            if isinstance(language, str) and isinstance(text, str):
                yield language, (*path, language), text


class _YamlSource:
    """A manifest's text and where its nodes start, to point at a character inside a value."""

    def __init__(self, text: str, positioned: PositionedData) -> None:
        self.text = text
        self.lines = _Lines(text, _YAML_LINE_BREAK)
        positions = {*positioned.value_positions.values(), *positioned.key_positions.values()}
        self.starts = sorted(self.lines.offset(*position) for position in positions)

    def locate(self, char: str, position: tuple[int, int]) -> tuple[int, int]:
        """The first occurrence of `char` between this value's start and the next node's; the value's
        own start when it is not written as itself there (an escape like "\\u0924")."""
        start = self.lines.offset(*position)
        following = bisect.bisect_right(self.starts, start)
        end = self.starts[following] if following < len(self.starts) else len(self.text)
        found = self.text.find(char, start, end)
        return self.lines.position(found) if found >= 0 else position
