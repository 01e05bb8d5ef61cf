"""Refresh the .ts translation sources from the QML and Python code, keeping every translation made.

    uv run python scripts/update_translations.py [--inbox DIR]

With --inbox, the translations other branches left as JSON files in DIR
({"Context|source text": {"fr": "...", "ar": "...", "en": [...]}}, a list of forms for a %n text, in
Qt's order) fill the texts lupdate left unfinished, in every language they give.

Run it after adding or changing a qsTr() text, then translate the new entries (marked unfinished) in
resources/i18n/kiosk_fr.ts, kiosk_es.ts and kiosk_ar.ts with Qt Linguist (`uv run pyside6-linguist`) or any
editor. kiosk_en.ts only holds the English plural forms ("%n item(s)"). The app compiles the .ts
files itself (kiosk/ui/translations.py); no .qm file is kept in the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.core.appwords import Catalogue, Message, read_catalogue, starting_catalogue  # noqa: E402
from kiosk.core.plurals import plural_forms  # noqa: E402
from kiosk.ui.translations import qt_tool, translations_folder  # noqa: E402

LANGUAGES = ("en", "fr", "es", "ar")
# lupdate rewrites a catalogue without its XML comments: a note that must stay is put back after it.
NOTES = {
    "ar": "Arabic (Modern Standard Arabic) words of the app, written by the project: pending review by a\n"
    "     native speaker. Plural texts have Qt's six Arabic forms, in this order: zero, one, two,\n"
    "     few (3 to 10), many (11 to 99), other (100 and up).",
}
SOURCES = [ROOT / "resources" / "qml", ROOT / "kiosk" / "ui"]


def update(language: str, folder: Path) -> None:
    command = [
        str(qt_tool("lupdate")),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        "-extensions",
        "qml,py",
    ]
    if language == "en":
        command.append("-pluralonly")
    command += [*map(str, SOURCES), "-source-language", "en", "-target-language", language]
    target = folder / f"kiosk_{language}.ts"
    command += ["-ts", str(target)]
    subprocess.run(command, check=True)
    if language in NOTES:
        keep_note(target, NOTES[language])


def keep_note(target: Path, note: str) -> None:
    text = target.read_text(encoding="utf-8")
    comment = f"<!-- {note} -->\n"
    if comment not in text:
        target.write_text(text.replace("<!DOCTYPE TS>\n", "<!DOCTYPE TS>\n" + comment, 1), encoding="utf-8")


def read_inbox(folder: Path) -> dict[str, dict[str, Any]]:
    inbox: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        for key, translations in json.loads(path.read_text(encoding="utf-8")).items():
            inbox.setdefault(key, {}).update(translations)
    return inbox


def apply_inbox(target: Path, language: str, inbox: dict[str, dict[str, Any]]) -> tuple[int, int]:
    """Fill the texts of `target` still unfinished from the inbox; returns (filled, still to do).
    The file is written back as lupdate writes it (kiosk.core.appwords writes the same layout)."""
    catalogue = read_catalogue(target)
    texts = [message.text for message in catalogue.messages if not message.obsolete]
    given = Catalogue(language)
    for message in catalogue.messages:
        text = message.text
        offered = inbox.get(f"{text.context}|{text.source}", {}).get(language)
        if not offered or (not message.unfinished and all(form.strip() for form in message.translations)):
            continue
        forms = tuple(offered) if isinstance(offered, list) else (offered,)
        wanted = plural_forms(language) if text.numerus else 1
        if len(forms) != wanted:
            print(f"  {target.name}: {text}: {len(forms)} form(s) in the inbox, {wanted} wanted: left out")
            continue
        given.messages.append(Message(text, forms))
    if not given.messages:
        return 0, sum(message.unfinished for message in catalogue.messages)
    written, to_do = starting_catalogue(language, texts, {language: catalogue}, given)
    target.write_text(written, encoding="utf-8")
    return len(given.messages), to_do


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--inbox", type=Path, metavar="DIR", help="JSON files of translations to apply")
    args = parser.parse_args(argv)
    inbox = read_inbox(args.inbox) if args.inbox else {}
    folder = translations_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        update(language, folder)
        target = folder / f"kiosk_{language}.ts"
        print(f"updated {target}")
        if inbox:
            filled, to_do = apply_inbox(target, language, inbox)
            if language in NOTES:
                keep_note(target, NOTES[language])
            print(f"  {filled} text(s) from the inbox, {to_do} still unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
