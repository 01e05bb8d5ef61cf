"""The app's own words in the visitor's language: Qt .ts sources in resources/i18n, compiled to .qm.

The .qm files are never kept in the source tree: they are built from the .ts files with Qt's lrelease
(shipped with PySide6) into the per-user cache, named by a hash of their source, so an edited .ts is
picked up on the next start. A packaged build may ship ready .qm files beside the .ts instead.
A content folder's own i18n/kiosk_<lang>.ts is compiled the same way and installed above the bundled one.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.booth import paths

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
    from kiosk.core.appwordfiles import catalogue_file

    source = catalogue_file(folder or translations_folder(), language)
    if source is None:
        return None
    shipped = source.with_suffix(".qm")
    if shipped.is_file():
        return shipped
    return _cached(source, language, cache_dir)


def content_catalogue(language: str, cache_dir: Path, content_root: Path | None) -> Path | None:
    """The .qm of the content's own words for `language` (its i18n/kiosk_<lang>.ts), or None.

    The file comes from outside: it is read by the Qt-free reader (validation did so too, but the file
    may have changed since) and compiled by the Qt-free writer, so it works in a packaged kiosk, which
    has no lrelease; a .qm the content ships is never loaded, as nothing could check it."""
    from kiosk.core.appwordfiles import I18N_DIR, MAX_TS_BYTES, catalogue_file
    from kiosk.core.cache import sha256  # not hashlib's: that loads OpenSSL at every start

    if content_root is None:
        return None
    source = catalogue_file(content_root / I18N_DIR, language)
    if source is None:
        return None
    try:
        with source.open("rb") as stream:
            data = stream.read(MAX_TS_BYTES + 1)
    except OSError:
        return None
    # The language is part of the name: it decides the plural rules compiled in.
    digest = sha256(data).hexdigest()[:16]
    target = cache_dir / "i18n" / f"content-{CATALOGUE}_{language}-{digest}.qm"
    if target.is_file():
        return target
    # The reader and the writer only for a catalogue not compiled before.
    from kiosk.core.appwords import TsError, parse_ts
    from kiosk.core.qm import compile_qm

    try:
        compiled = compile_qm(parse_ts(data), language)
    except TsError as exc:
        log.error("%s:%s:%s: not a readable Qt .ts file: %s", source, exc.line, exc.column, exc.message)
        return None
    return _write_atomically(target, compiled)


def _cached(source: Path, language: str, cache_dir: Path) -> Path | None:
    from kiosk.core.cache import sha256

    try:
        digest = sha256(source.read_bytes()).hexdigest()[:16]
    except OSError:
        return None
    target = cache_dir / "i18n" / f"{CATALOGUE}_{language}-{digest}.qm"
    if target.is_file():
        return target
    return _compile(source, target, language)


def _write_atomically(target: Path, data: bytes) -> Path | None:
    import os
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".qm.tmp")
    except OSError as exc:
        log.error("no room for the compiled translation %s: %s", target.name, exc)
        return None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as exc:
        log.error("no room for the compiled translation %s: %s", target.name, exc)
        Path(temporary).unlink(missing_ok=True)
        return None
    return target


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
    """Keeps the app's words in step with the visitor's language: the bundled catalogue of that
    language (English plurals when there is none), and the content's own catalogue above it, so the
    content's translation wins message by message and the bundled one fills what it lacks."""

    def __init__(self, cache_dir: Path, content_root: Path | None = None) -> None:
        self._cache_dir = cache_dir
        self._content_root = content_root
        self._installed: list[QTranslator] = []
        self._others: dict[str, list[QTranslator]] = {}
        self.language = ""

    def _load(self, catalogues: list[Path | None]) -> list[QTranslator]:
        loaded = []
        for catalogue in catalogues:
            if catalogue is None:
                continue
            translator = QTranslator()
            if translator.load(str(catalogue)):
                loaded.append(translator)
            else:
                log.error("the translation %s could not be loaded", catalogue)
        return loaded

    def translate_in(self, language: str, context: str, text: str) -> str:
        """`text` in `language` whatever the visitor's language: for words shown in every language
        at once. Empty when that language has no translation of it."""
        if language not in self._others:
            # The content's first: the same order as the installed translators.
            self._others[language] = self._load(
                [
                    content_catalogue(language, self._cache_dir, self._content_root),
                    compiled_catalogue(language, self._cache_dir),
                ]
            )
        for translator in self._others[language]:
            found = translator.translate(context, text)
            if found:
                return found
        return ""

    def release(self) -> None:
        """Take this window's words out of the application, so no later window inherits them."""
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._installed:
                app.removeTranslator(translator)
        self._installed = []
        self.language = ""

    def use(self, language: str) -> bool:
        """Switch the app's words to `language` (English words when it has no catalogue)."""
        app = QCoreApplication.instance()
        if app is None or language == self.language:
            return bool(self._installed)
        self.release()
        self.language = language
        # A language the app's words are not translated into still gets English plurals
        # ("1 item", not "1 item(s)") from the English catalogue.
        bundled = compiled_catalogue(language, self._cache_dir) or compiled_catalogue("en", self._cache_dir)
        # Qt asks the last installed translator first: the content's goes in last.
        for translator in self._load(
            [bundled, content_catalogue(language, self._cache_dir, self._content_root)]
        ):
            app.installTranslator(translator)
            self._installed.append(translator)
        return bool(self._installed)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation where it is defined; QML translates it with qsTranslate when shown."""
    return text
