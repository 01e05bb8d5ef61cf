"""Refresh the .ts translation sources from the QML and Python code, keeping every translation made.

    uv run python scripts/update_translations.py

Run it after adding or changing a qsTr() text, then translate the new entries (marked unfinished) in
resources/i18n/kiosk_fr.ts, kiosk_es.ts and kiosk_ar.ts with Qt Linguist (`uv run pyside6-linguist`) or any
editor. kiosk_en.ts only holds the English plural forms ("%n item(s)"). The app compiles the .ts
files itself (kiosk/ui/translations.py); no .qm file is kept in the repository.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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


def main() -> int:
    folder = translations_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        update(language, folder)
        print(f"updated {folder / f'kiosk_{language}.ts'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
