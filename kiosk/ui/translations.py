"""The app's own words in the visitor's language: Qt .ts sources in resources/i18n, compiled to .qm.

The .qm files are never kept in the source tree: they are built from the .ts files with Qt's lrelease
(shipped with PySide6) into the per-user cache, named by a hash of their source, so an edited .ts is
picked up on the next start. A packaged build may ship ready .qm files beside the .ts instead.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import paths

log = logging.getLogger(__name__)
CATALOGUE = "kiosk"


def translations_folder() -> Path:
    return paths.resources() / "i18n"


def qt_tool(name: str) -> Path:
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    return Path(PySide6.__file__).parent / f"{name}{suffix}"


def source_for(language: str, folder: Path | None = None) -> Path:
    return (folder or translations_folder()) / f"{CATALOGUE}_{language}.ts"


def compiled_catalogue(language: str, cache_dir: Path, folder: Path | None = None) -> Path | None:
    """The .qm for `language`, compiling it if needed; None when there is no translation at all."""
    import hashlib

    source = source_for(language, folder)
    shipped = source.with_suffix(".qm")
    if shipped.is_file():
        return shipped
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    except OSError:
        return None
    target = cache_dir / "i18n" / f"{CATALOGUE}_{language}-{digest}.qm"
    if target.is_file():
        return target
    return _compile(source, target, language)


def _compile(source: Path, target: Path, language: str) -> Path | None:
    import os
    import subprocess
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".qm.tmp")
        os.close(handle)
    except OSError as exc:
        log.error("no room to compile the %s translation: %s", language, exc)
        return None
    try:
        subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(source), "-qm", temporary],
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.replace(temporary, target)
    except (OSError, subprocess.SubprocessError) as exc:
        # The words stay English: worse for the visitor, but the kiosk keeps running.
        log.error("could not compile the %s translation %s: %s", language, source, exc)
        Path(temporary).unlink(missing_ok=True)
        return None
    return target


class Translations:
    """Keeps the one installed translator in step with the visitor's language."""

    def __init__(self, cache_dir: Path) -> None:
        self._cache_dir = cache_dir
        self._translator: QTranslator | None = None
        self._others: dict[str, QTranslator | None] = {}
        self.language = ""

    def translate_in(self, language: str, context: str, text: str) -> str:
        """`text` in `language` whatever the visitor's language: for words shown in every language
        at once. Empty when that language has no translation of it."""
        if language not in self._others:
            catalogue = compiled_catalogue(language, self._cache_dir)
            translator: QTranslator | None = QTranslator()
            if catalogue is None or translator is None or not translator.load(str(catalogue)):
                translator = None
            self._others[language] = translator
        found = self._others[language]
        return (found.translate(context, text) or "") if found is not None else ""

    def release(self) -> None:
        """Take this window's words out of the application, so no later window inherits them."""
        app = QCoreApplication.instance()
        if app is not None and self._translator is not None:
            app.removeTranslator(self._translator)
        self._translator = None
        self.language = ""

    def use(self, language: str) -> bool:
        """Switch the app's words to `language` (English words when it has no catalogue)."""
        app = QCoreApplication.instance()
        if app is None or language == self.language:
            return self._translator is not None
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        self.language = language
        # A language the app's words are not translated into still gets English plurals
        # ("1 item", not "1 item(s)") from the English catalogue.
        catalogue = compiled_catalogue(language, self._cache_dir) or compiled_catalogue("en", self._cache_dir)
        if catalogue is None:
            return False
        translator = QTranslator()
        if not translator.load(str(catalogue)):
            log.error("the translation %s could not be loaded", catalogue)
            return False
        app.installTranslator(translator)
        self._translator = translator
        return True


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation where it is defined; QML translates it with qsTranslate when shown."""
    return text
