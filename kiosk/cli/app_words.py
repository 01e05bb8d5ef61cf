"""`kiosk app-words LANG`: the .ts file a translator starts from to put the app's words into a language.

Named after what the README and `kiosk validate` call these texts ("the app's words": buttons, labels,
messages), so the command an editor is told to run matches the line that told them. It needs neither
lupdate nor the QML sources: the bundled catalogues hold every text of the app, so an installed copy
writes the same file as a developer's checkout.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")


def _language(text: str) -> str:
    if not _LANGUAGE.match(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a language code (e.g. ar, ne, zh, pt-BR)")
    return text


def add_app_words_command(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "app-words",
        help="write the app's words (buttons, labels, messages) as a Qt .ts file to translate into LANG, "
        "keeping every translation the content or the app already has",
    )
    command.add_argument("app_words_language", type=_language, metavar="LANG", help="e.g. ne, ar, zh, pt-BR")
    command.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        dest="app_words_content",
        help="the content folder: its i18n/kiosk_LANG.ts is read and (without --output) rewritten",
    )
    command.add_argument(
        "--output",
        metavar="FILE",
        dest="app_words_output",
        help="where to write (default: DIR/i18n/kiosk_LANG.ts; - for standard output)",
    )


def run_app_words_command(args: argparse.Namespace, bundled_folder: Path) -> int:
    from kiosk.core.appwordfiles import I18N_DIR, catalogue_file
    from kiosk.core.appwords import (
        TsError,
        app_texts,
        bundled_catalogues,
        read_catalogue,
        starting_catalogue,
    )
    from kiosk.core.plurals import plural_forms

    language: str = args.app_words_language
    content: Path | None = args.app_words_content
    output: str | None = args.app_words_output
    if content is None and output is None:
        print(
            "kiosk app-words: say where the file goes: --content DIR (writes DIR/i18n/kiosk_"
            f"{language}.ts) or --output FILE",
            file=sys.stderr,
        )
        return 2
    if content is not None and not content.is_dir():
        print(f"kiosk app-words: {content}: no such content folder", file=sys.stderr)
        return 1
    existing_path = catalogue_file(content / I18N_DIR, language) if content is not None else None
    existing = None
    if existing_path is not None:
        try:
            existing = read_catalogue(existing_path)
        except TsError as exc:
            print(
                f"{existing_path}:{exc.line}:{exc.column}: not a readable Qt .ts file: {exc.message} "
                "(fix it or move it away first: nothing was written)",
                file=sys.stderr,
            )
            return 1
    bundled = bundled_catalogues(bundled_folder)
    texts = app_texts(bundled)
    text, to_do = starting_catalogue(language, texts, bundled, existing)
    if output == "-":
        sys.stdout.write(text)
        return 0
    assert content is not None or output is not None
    target = Path(output) if output is not None else content / I18N_DIR / f"kiosk_{language}.ts"  # type: ignore[operator]
    _write(target, text)
    forms = plural_forms(language)
    print(f"wrote {target}: {len(texts)} texts of the app, {to_do} to translate (marked unfinished)")
    print(
        f"  a %n text needs {forms} plural form{'s' if forms != 1 else ''} in {language}; "
        "open the file in Qt Linguist (pyside6-linguist) or Weblate, or any text editor"
    )
    if existing_path is not None and existing_path != target:
        print(f"  the translations came from {existing_path}")
    return 0


def _write(target: Path, text: str) -> None:
    import os
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".ts.tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
