"""The app's own words (buttons, labels, messages) as Qt .ts catalogues, read without Qt.

The bundled catalogues (resources/i18n/kiosk_<lang>.ts, passed in as a folder) hold every text of the
app; a content folder may carry its own `i18n/kiosk_<lang>.ts`, used before the bundled one of that
language message by message. A content's .ts comes from outside, so it is read here safely and within
bounds (no entity declarations, no external references, a size and a nesting limit), and anything wrong
with it is a problem at its file and line, never an exception for the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.appwordfiles import CATALOGUE, I18N_DIR, MAX_TS_BYTES, catalogue_file
from kiosk.core.plurals import plural_forms, same_language
from kiosk.core.problems import Problem, Severity

SOURCE_LANGUAGE = "en"
# TS > context > message > translation > numerusform > byte is six deep.
MAX_DEPTH = 12
MAX_MESSAGES = 50_000
# Contexts of the words only staff see (behind the admin PIN).
STAFF_CONTEXTS = frozenset({"AdminPanel", "ContentUpdates", "Dashboard", "DashboardViewModel", "PinPad"})
_FILE_NAME = re.compile(r"^kiosk_([a-z]{2,3}(?:[-_][A-Z]{2})?)\.ts$")
# Texts kept in a catalogue: everything else inside a <message> is a note for translators.
_TEXT_ELEMENTS = {"name", "source", "comment", "translation", "numerusform", "lengthvariant"}


class TsError(ValueError):
    """A .ts file that cannot be read, and where."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass(frozen=True)
class AppText:
    """One text of the app, as Qt looks it up: context, source text and disambiguating comment."""

    context: str
    source: str
    comment: str = ""
    numerus: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    def __str__(self) -> str:
        return f'{self.context}: "{self.source}"' + (f" ({self.comment})" if self.comment else "")


@dataclass(frozen=True)
class Message:
    text: AppText
    # One text for a plain message, one per plural form for a %n message.
    translations: tuple[str, ...]
    unfinished: bool = False
    # lupdate's "vanished"/"obsolete": the app no longer has this text; lrelease leaves it out.
    obsolete: bool = False
    line: int = 1
    column: int = 1

    def forms(self) -> tuple[str, ...]:
        return self.translations if not self.obsolete else ()


@dataclass
class Catalogue:
    language: str = ""
    source_language: str = ""
    messages: list[Message] = field(default_factory=list)
    # Where <TS> opens; 0 until it is found.
    line: int = 0

    def current(self) -> dict[tuple[str, str, str], Message]:
        return {m.text.key: m for m in self.messages if not m.obsolete}


# -- reading ------------------------------------------------------------------------------------------


def parse_ts(data: bytes) -> Catalogue:
    """The catalogue in `data`; raises TsError (with line and column) for anything malformed or hostile."""
    from xml.parsers import expat

    if len(data) > MAX_TS_BYTES:
        raise TsError(f"{len(data) // 1024 // 1024} MB is too large for a translation (at most 8 MB)")
    parser = expat.ParserCreate()
    # Entities are how an XML file grows a thousandfold or reads another file: a .ts needs none.
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    catalogue = Catalogue()
    stack: list[str] = []
    texts: dict[str, list[str]] = {}
    message: dict[str, object] = {}
    context_name: list[str] = [""]
    forms: list[str] = []

    def fail(why: str) -> None:
        raise TsError(why, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)

    def doctype(name: str, system_id: str | None, public_id: str | None, internal: int) -> None:
        if internal or system_id or public_id:
            fail("a DOCTYPE with declarations or an external file is not allowed in a .ts file")

    def refuse_entity(*_args: object) -> None:
        fail("entity declarations are not allowed in a .ts file")

    def refuse_external(*_args: object) -> int:
        fail("references to other files are not allowed in a .ts file")
        return 0

    def start(name: str, attributes: dict[str, str]) -> None:
        if len(stack) >= MAX_DEPTH:
            fail(f"elements nested more than {MAX_DEPTH} deep: not a Qt translation file")
        if not stack and name != "TS":
            fail(f"<{name}> found where a Qt translation file starts with <TS>")
        parent = stack[-1] if stack else ""
        stack.append(name)
        if name == "TS":
            catalogue.language = attributes.get("language", "")
            catalogue.source_language = attributes.get("sourcelanguage", "")
            catalogue.line = parser.CurrentLineNumber
        elif name == "context":
            context_name[0] = ""
        elif name == "message":
            if len(catalogue.messages) >= MAX_MESSAGES:
                fail(f"more than {MAX_MESSAGES} messages: not the app's words")
            message.clear()
            message.update(
                numerus=attributes.get("numerus") == "yes",
                line=parser.CurrentLineNumber,
                column=parser.CurrentColumnNumber + 1,
            )
            forms.clear()
        elif name == "translation" and parent == "message":
            message["type"] = attributes.get("type", "")
        elif name == "byte":
            # lupdate writes a control character as <byte value="x9"/>.
            value = attributes.get("value", "")
            try:
                character = chr(int(value[1:], 16) if value[:1] in "xX" else int(value))
            except ValueError:
                fail(f'<byte value="{value}"> is not a character code')
            _add_text(character)
        if name in _TEXT_ELEMENTS:
            texts[name] = []

    def _add_text(data: str) -> None:
        # Text belongs to the innermost element that keeps text (a lengthvariant's to its translation).
        for name in reversed(stack):
            if name in texts:
                texts[name].append(data)
                return

    def end(name: str) -> None:
        stack.pop()
        parent = stack[-1] if stack else ""
        text = "".join(texts.pop(name, [])) if name in _TEXT_ELEMENTS else ""
        if name == "name" and parent == "context":
            context_name[0] = text
        elif name in ("source", "comment") and parent == "message":
            message[name] = text
        elif name == "lengthvariant":
            # Only the first (longest) variant is the translation shown.
            target = "numerusform" if "numerusform" in texts else "translation"
            if target in texts and not message.get(f"{target}-variant"):
                texts[target] = [text]
                message[f"{target}-variant"] = True
        elif name == "numerusform" and parent == "translation":
            forms.append(text)
            message.pop("numerusform-variant", None)
        elif name == "translation" and parent == "message":
            message["translation"] = text
        elif name == "message":
            if "source" not in message:
                fail("a <message> without a <source>")
            numerus = bool(message["numerus"])
            kind = str(message.get("type", ""))
            translations = tuple(forms) if numerus else (str(message.get("translation", "")),)
            catalogue.messages.append(
                Message(
                    AppText(
                        context_name[0], str(message["source"]), str(message.get("comment", "")), numerus
                    ),
                    translations,
                    unfinished=kind == "unfinished",
                    obsolete=kind in ("vanished", "obsolete"),
                    line=int(str(message["line"])),
                    column=int(str(message["column"])),
                )
            )

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_external
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = _add_text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise TsError(expat.ErrorString(exc.code), exc.lineno, exc.offset + 1) from None
    except RecursionError:
        raise TsError("nested too deep", parser.CurrentLineNumber) from None
    if not catalogue.line or stack:
        raise TsError("not a Qt translation file (no <TS> element)")
    return catalogue


def read_catalogue(path: Path) -> Catalogue:
    """Raises TsError or OSError."""
    with path.open("rb") as stream:
        data = stream.read(MAX_TS_BYTES + 1)
    return parse_ts(data)


def bundled_catalogues(folder: Path) -> dict[str, Catalogue]:
    """The app's own catalogues by language (trusted, but read the same careful way)."""
    found: dict[str, Catalogue] = {}
    for path in sorted(folder.glob(f"{CATALOGUE}_*.ts")):
        matched = _FILE_NAME.match(path.name)
        if matched:
            found[matched.group(1).replace("_", "-")] = read_catalogue(path)
    return found


def app_texts(bundled: dict[str, Catalogue]) -> list[AppText]:
    """Every text of the app: the union of the bundled catalogues (kiosk_en.ts holds only plurals),
    fullest catalogue first, contexts in alphabetical order as lupdate writes them."""
    seen: dict[tuple[str, str, str], AppText] = {}
    for catalogue in sorted(bundled.values(), key=lambda c: -len(c.messages)):
        for message in catalogue.messages:
            if not message.obsolete:
                seen.setdefault(message.text.key, message.text)
    order = {context: index for index, context in enumerate(sorted({key[0] for key in seen}))}
    return sorted(seen.values(), key=lambda text: order[text.context])


# -- the content's catalogues -------------------------------------------------------------------------


def check_content_catalogues(root: Path, languages: list[str]) -> list[Problem]:
    """Problems with the content's i18n/ folder: a malformed file is an error at its line."""
    folder = root / I18N_DIR
    if not folder.is_dir():
        return []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        relative = f"{I18N_DIR}/{path.name}"
        matched = _FILE_NAME.match(path.name)
        if not matched or not path.is_file():
            problems.append(
                Problem(
                    relative,
                    1,
                    1,
                    "",
                    "ignored: i18n/ holds the app's words as kiosk_<language>.ts files (e.g. kiosk_ne.ts)",
                    Severity.WARNING,
                )
            )
            continue
        code = matched.group(1).replace("_", "-")
        try:
            catalogue = read_catalogue(path)
        except TsError as exc:
            problems.append(
                Problem(relative, exc.line, exc.column, "", f"not a readable Qt .ts file: {exc.message}")
            )
            continue
        except OSError as exc:
            problems.append(Problem(relative, 1, 1, "", f"cannot be read: {exc.strerror or exc}"))
            continue
        if not any(code == offered or code == offered.split("-", 1)[0] for offered in languages):
            problems.append(
                Problem(
                    relative,
                    1,
                    1,
                    "",
                    f"never used: '{code}' is not in the languages of agenda.yaml ({', '.join(languages)})",
                    Severity.WARNING,
                )
            )
        problems.extend(_dropped_placeholders(relative, catalogue))
        if not same_language(catalogue.language or "", code):
            said = f'language="{catalogue.language}"' if catalogue.language else "no language"
            problems.append(
                Problem(
                    relative,
                    max(catalogue.line, 1),
                    1,
                    "TS.language",
                    f'{said} in a file for {code}: Qt takes the plural rules from it; write language="{code}"',
                    Severity.WARNING,
                )
            )
    return problems


_PLACEHOLDER = re.compile(r"%L?([1-9])")


def _dropped_placeholders(relative: str, catalogue: Catalogue) -> list[Problem]:
    """A translation without the %1 of its source hides a value from the visitor (a name, a count)."""
    problems = []
    for message in catalogue.messages:
        if message.obsolete:
            continue
        wanted = {f"%{digit}" for digit in _PLACEHOLDER.findall(message.text.source)}
        for form in message.translations:
            if not form.strip():
                continue
            found = {f"%{digit}" for digit in _PLACEHOLDER.findall(form)}
            lost = sorted(wanted - found)
            if lost:
                problems.append(
                    Problem(
                        relative,
                        message.line,
                        message.column,
                        "",
                        f'{message.text}: the translation "{form}" leaves out {", ".join(lost)}: '
                        "the visitor would not see that value",
                        Severity.WARNING,
                    )
                )
                break
    return problems


def content_catalogues(root: Path, languages: list[str]) -> dict[str, tuple[str, Catalogue]]:
    """Per offered language, the content's catalogue that serves it (relative path, catalogue); files
    that cannot be read are left out (validation reports them)."""
    folder = root / I18N_DIR
    found: dict[str, tuple[str, Catalogue]] = {}
    if not folder.is_dir():
        return found
    for language in languages:
        path = catalogue_file(folder, language)
        if path is None:
            continue
        try:
            found[language] = (f"{I18N_DIR}/{path.name}", read_catalogue(path))
        except (TsError, OSError):
            continue
    return found


# -- what is missing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingWord:
    text: AppText
    forms_needed: int
    forms_found: int
    file: str
    line: int
    column: int

    def describe(self) -> str:
        if self.text.numerus and self.forms_found:
            return f"{self.text} ({self.forms_found} of {self.forms_needed} plural forms)"
        return str(self.text)


@dataclass
class AppWordsCoverage:
    language: str
    total: int
    missing: list[MissingWord]

    @property
    def done(self) -> int:
        return self.total - len(self.missing)


def _lookup(language: str, bundled: dict[str, Catalogue]) -> Catalogue | None:
    return bundled.get(language) or bundled.get(language.split("-", 1)[0])


def coverage(
    languages: list[str],
    texts: list[AppText],
    bundled: dict[str, Catalogue],
    content: dict[str, tuple[str, Catalogue]],
    where_listed: tuple[str, int, int] = ("agenda.yaml", 1, 1),
) -> dict[str, AppWordsCoverage]:
    """Per language, the app's texts a visitor would see untranslated. A text is there when the
    content's catalogue or the bundled one has it (the content's first); a %n text needs every plural
    form of the language. English is the source language: only its plurals need a catalogue.
    `where_listed` is where a missing word with no catalogue to point at is reported."""
    result: dict[str, AppWordsCoverage] = {}
    for language in languages:
        needed = plural_forms(language)
        own = content.get(language)
        own_messages = own[1].current() if own else {}
        shipped = _lookup(language, bundled)
        shipped_messages = shipped.current() if shipped else {}
        missing: list[MissingWord] = []
        for text in texts:
            if not text.numerus and same_language(language, SOURCE_LANGUAGE):
                continue
            want = needed if text.numerus else 1
            mine = own_messages.get(text.key)
            theirs = shipped_messages.get(text.key)
            found = sum(
                1
                for index in range(want)
                if _form(mine, index) or (shipped is not None and _form(theirs, index))
            )
            if found < want:
                if own is not None:
                    file, line, column = (own[0], *(_place(mine) or (max(own[1].line, 1), 1)))
                else:
                    file, line, column = where_listed
                missing.append(MissingWord(text, want, found, file, line, column))
        # What visitors see comes first: the summary names the first few.
        missing.sort(key=lambda word: word.text.context in STAFF_CONTEXTS)
        result[language] = AppWordsCoverage(language, len(texts), missing)
    return result


def _form(message: Message | None, index: int) -> str:
    if message is None:
        return ""
    forms = message.forms()
    return forms[index].strip() if index < len(forms) else ""


def _place(message: Message | None) -> tuple[int, int] | None:
    return (message.line, message.column) if message is not None else None


def languages_line(root: Path) -> tuple[str, int, int]:
    """Where agenda.yaml lists the languages (for a missing word that has no catalogue to point at)."""
    try:
        lines = (root / "agenda.yaml").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ("agenda.yaml", 1, 1)
    for number, line in enumerate(lines, 1):
        if line.startswith("languages:"):
            return ("agenda.yaml", number, 1)
    return ("agenda.yaml", 1, 1)


def content_coverage(root: Path, languages: list[str], bundled_folder: Path) -> dict[str, AppWordsCoverage]:
    """The app's words missing in each of the content's languages, the content's catalogues included."""
    bundled = bundled_catalogues(bundled_folder)
    return coverage(
        languages,
        app_texts(bundled),
        bundled,
        content_catalogues(root, languages),
        languages_line(root),
    )


def missing_problems(report: dict[str, AppWordsCoverage]) -> list[Problem]:
    """One warning per missing word, at the content's catalogue line (or where the languages are listed)."""
    return [
        Problem(
            word.file,
            word.line,
            word.column,
            "",
            f"app word not translated into {language} (shown in English): {word.describe()}",
            Severity.WARNING,
        )
        for language, found in report.items()
        for word in found.missing
    ]


# -- a catalogue to start from ------------------------------------------------------------------------


def starting_catalogue(
    language: str, texts: list[AppText], bundled: dict[str, Catalogue], content: Catalogue | None
) -> tuple[str, int]:
    """A .ts with every text of the app for `language`: the content's translation where it has one,
    else the bundled one, else an empty one marked unfinished (Qt Linguist and Weblate list those as
    to do). A %n text gets as many forms as the language has. Texts only the content's catalogue still
    has are kept, marked vanished, so no translator's work is lost. Returns (the file, texts to do)."""
    needed = plural_forms(language)
    own = content.current() if content is not None else {}
    shipped_catalogue = _lookup(language, bundled)
    shipped = shipped_catalogue.current() if shipped_catalogue is not None else {}
    known = {text.key for text in texts}
    by_context: dict[str, list[str]] = {}
    to_do = 0
    for text in texts:
        mine, theirs = own.get(text.key), shipped.get(text.key)
        want = needed if text.numerus else 1
        forms = [_form(mine, i) or _form(theirs, i) for i in range(want)]
        # An "unfinished" mark on a translation kept stays: it is a translator's word that it needs a look.
        provider = mine if _form(mine, 0) else theirs
        finished = all(forms) and not (provider is not None and provider.unfinished)
        to_do += not all(forms)
        by_context.setdefault(text.context, []).append(_message_xml(text, forms, finished))
    if content is not None:
        for message in content.messages:
            if message.text.key not in known and any(t.strip() for t in message.translations):
                by_context.setdefault(message.text.context, []).append(
                    _message_xml(message.text, list(message.translations), True, "vanished")
                )
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{_escape(language)}" sourcelanguage="{SOURCE_LANGUAGE}">',
    ]
    for context, messages in by_context.items():
        lines += ["<context>", f"    <name>{_escape(context)}</name>", *messages, "</context>"]
    lines.append("</TS>")
    return "\n".join(lines) + "\n", to_do


def _message_xml(text: AppText, forms: list[str], finished: bool, kind: str = "") -> str:
    kind = kind or ("" if finished else "unfinished")
    attribute = f' type="{kind}"' if kind else ""
    parts = ['    <message numerus="yes">' if text.numerus else "    <message>"]
    parts.append(f"        <source>{_escape(text.source)}</source>")
    if text.comment:
        parts.append(f"        <comment>{_escape(text.comment)}</comment>")
    if text.numerus:
        parts.append(f"        <translation{attribute}>")
        parts += [f"            <numerusform>{_escape(form)}</numerusform>" for form in forms]
        parts.append("        </translation>")
    else:
        parts.append(f"        <translation{attribute}>{_escape(forms[0] if forms else '')}</translation>")
    parts.append("    </message>")
    return "\n".join(parts)


# As lupdate writes them, so a file written here and one lupdate rewrites do not differ.
_INVISIBLE = {"\u00a0"}


def _escape(text: str) -> str:
    out = []
    for character in text:
        if character in "&<>\"'":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}[character])
        elif character in _INVISIBLE:
            out.append(f"&#x{ord(character):x};")
        elif ord(character) < 0x20 and character not in "\t\n\r":
            out.append(f'<byte value="x{ord(character):x}"/>')
        else:
            out.append(character)
    return "".join(out)
