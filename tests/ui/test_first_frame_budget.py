"""What start-up pays for by the first frame of the home page: only what that frame needs.

The kiosk is started as a visitor's window is (`kiosk --quit-after-first-frame`, warm content cache,
offscreen), in a subprocess, by tests/ui/first_frame_probe.py, which writes down at the first frame
the Python modules imported, the QML files the engine loaded and which Loaders made their item.
Nothing is timed, so the test cannot be flaky; a start-up that pays for something new fails here
until the lists below say why it must.

Modules are matched by name patterns, not file paths: a module moved to another package keeps
matching as long as its own name stays (`kiosk.cli` may become a package, `kiosk.paths` may move
into `kiosk.booth`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("first_frame_probe.py")

# Never imported by the first frame: validation, the packs, the visit record and its statistics, the
# fleet reports, the admin's tools, spreadsheets and calendars, speech (its engine is looked for on a
# thread once the page is on screen), documents and QR codes drawn by Python libraries.
FORBIDDEN = [
    r"pydantic(_core)?",
    r"_?yaml",
    r"cryptography",
    r"_?sqlite3",
    r"_?hashlib",  # OpenSSL: 3 MB; the caches hash with Python's own SHA-256
    r"ssl|_ssl",
    r"segno",
    r"openpyxl",
    r"icalendar",
    r"fontTools",
    r"webvtt",
    r"zoneinfo",
    r"PySide6\.(QtTextToSpeech|QtPdf|QtPdfQuick|QtWidgets|QtSvg)",
    # The video's module (5-8 ms, 2.6 MiB): with the first page that shows a video, or after the first frame.
    r"PySide6\.QtMultimedia",
    r"platformdirs",  # the machine's folders: found as it finds them on Linux, without importing it
    r"subprocess",
    r"_?datetime",  # the programme's clock: read at start only for content with sessions
    r"kiosk(\.\w+)*\.(loader|schema|yamlpos|summary|glyphs)",  # validating content
    r"kiosk(\.\w+)*\.\w*packs?\w*",  # content packs, their commands
    r"kiosk(\.\w+)*\.\w*(stats|analytics)\w*",  # the visit record
    r"kiosk(\.\w+)*\.\w*fleet\w*",  # fleet reports and commands
    r"kiosk(\.\w+)*\.(programme_import|programme_columns|programmecli|appwordscli)",
    r"kiosk(\.\w+)*\.(selftest|deepcheck|snapshot|handout|waiting|heartbeat|onscreen|autostart|logs)",
    r"kiosk(\.\w+)*\.(screensaver|removable)",
    r"kiosk(\.\w+)*\.(dashboard|updates)",  # the admin panel's views: made when it first opens
    r"kiosk(\.\w+)*\.supervisor",  # what the UI shares with it is in kiosk.booth.supervised
    # The app's words are looked up by file name; read and compiled only for a catalogue not compiled yet.
    r"kiosk(\.\w+)*\.(appwords|plurals|qm)",
    r"kiosk\.core\.(search|searchtext)",  # the search index: opened on a thread after the first frame
    # The problems of validation (four dataclasses, 3 ms): a warm start reads the cached content without them.
    r"kiosk(\.\w+)*\.problems",
    # No dataclass on the way: making one execs its generated methods (0.4-0.8 ms each, 3 ms in all with
    # their module); the start path's value classes are named tuples or plain classes.
    r"dataclasses",
    r"kiosk\.core\.visits",  # the visit tracker: only a booth that records its visits makes one
    # argparse's first parser looks its messages up in translation catalogues, importing the locale module:
    # a plain start's options are read without it (kiosk.cli._plain_start).
    r"locale",
]
# Classes PySide6 makes (with their enums, 1-3 ms a few) only when a module names them: the first
# frame needs none of them (speech lays out Markdown with the text classes, a QR code is drawn into an
# image, a restart starts a process). (QUrl would be one, but the probe's own file tracing makes it.)
FORBIDDEN_QT_CLASSES = [
    r"PySide6\.QtGui\.QText(Document|Cursor|BlockFormat)",
    r"PySide6\.QtGui\.QImage",
    r"PySide6\.QtCore\.QProcess",
]
# (zipfile is not on the list: PySide6 imports it itself, the bare QML window of the benchmark too.)

# The kiosk's own modules the first frame needs, and nothing else of the kiosk's: a new one here is
# a decision (and a cost in the start-up benchmark), not an accident.
ALLOWED_KIOSK = [
    r"kiosk",
    r"kiosk\.cli(\.\w+)?",  # the command line, a module or a package (not its extra commands)
    r"kiosk\.booth",  # the booth's operation, as a package
    # The code's fingerprint that keys the content cache lives with the version (no imports of its own).
    r"kiosk\.booth\.buildinfo",
    r"kiosk(\.\w+)?\.(paths|streams|display|memory|supervised)",
    r"kiosk\.core",
    r"kiosk\.core\.(cache|pages|localized|languages|fonts|preferences|session|pin)",
    # The app's words in the visitor's language: the file of its catalogue.
    r"kiosk\.core\.appwordfiles",
    r"kiosk\.ui",
    r"kiosk\.ui\.(run|app|viewmodels|translations|fonts|guard|keyboard|session|preferences|search)",
    r"kiosk\.ui\.(media|documents|qr|programme|speech|process|admin|adminviews|once)",
    # Spares PySide6's import hook reading every later module's source through inspect (7 ms).
    r"kiosk\.ui\.featurescan",
]

# The first screen: the window, its top bar, the home page and what the home page shows.
FIRST_SCREEN_QML = {
    "Main.qml",
    "Theme.qml",
    "TopBar.qml",
    "TouchButton.qml",
    "PageFocus.qml",
    "PageKeeper.qml",
    "ReadAloudHighlight.qml",
    "AccessibleText.js",
    "HomePage.qml",
    "CardGrid.qml",
    "Card.qml",
    "Chevron.qml",
    "StandInBadge.qml",
    "LanguageNote.qml",
    "OrganisationMark.qml",
    "ScrollBar.qml",
}
NOT_ON_THE_FIRST_SCREEN_QML = {
    # What the bundled content's home page does not show: made by file name where a programme has
    # something on now or next, or the machine's settings name an office.
    "NowNext.qml",
    "SessionRow.qml",
    "OfficeCard.qml",
    "QrCode.qml",
    "ListenButton.qml",  # made once the voices are found, after the first frame
    "AdminPanel.qml",
    "Dashboard.qml",
    "ContentUpdates.qml",
    "PinPad.qml",
    "PreferencesPanel.qml",
    "KeyboardPanel.qml",
    "StillTherePrompt.qml",
    "SearchPage.qml",
    "ContentPage.qml",
    "VideoPanel.qml",
    "DocumentPanel.qml",
    "AttractPage.qml",
    "ProgrammePage.qml",
    "SessionPage.qml",
}


def matching(names: list[str], patterns: list[str]) -> list[str]:
    return [name for name in names if any(re.fullmatch(pattern, name) for pattern in patterns)]


@pytest.fixture(scope="module")
def first_frame(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("first-frame")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(folder / "cache")}
    # The first start validates the content (pydantic, YAML) and caches it: a kiosk's every later start
    # is the warm one, measured by the benchmark and checked here.
    command = [sys.executable, "-m", "kiosk", "--size", "1920x1080", "--quit-after-first-frame"]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    out = folder / "first-frame.json"
    done = subprocess.run(
        [sys.executable, str(PROBE), str(out), "--size", "1920x1080"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and out.exists(), done.stderr[-2000:]
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def test_the_probe_sees_the_start_up(first_frame: dict[str, Any]) -> None:
    # What any start imports, and what the home page is made of: proves the lists below are read.
    assert {"kiosk.ui.app", "kiosk.core.pages", "PySide6.QtQml"} <= set(first_frame["modules"])
    assert {"Main.qml", "HomePage.qml", "Card.qml"} <= set(first_frame["qml"])
    assert first_frame["loaders"]["pageLoader"] is True


def test_no_heavy_or_unneeded_module_is_imported_by_the_first_frame(first_frame: dict[str, Any]) -> None:
    found = matching(first_frame["modules"], FORBIDDEN)
    assert not found, f"imported by the first frame, though it needs none of them: {found}"


def test_the_kiosks_modules_at_the_first_frame_are_the_agreed_ones(first_frame: dict[str, Any]) -> None:
    kiosk_modules = [name for name in first_frame["modules"] if name == "kiosk" or name.startswith("kiosk.")]
    unexpected = sorted(set(kiosk_modules) - set(matching(kiosk_modules, ALLOWED_KIOSK)))
    assert not unexpected, (
        f"new on the start path: {unexpected}. Import it where it is used; if the first frame really "
        "needs it, add it to ALLOWED_KIOSK (and look at the start-up benchmark)."
    )


def test_no_unneeded_qt_class_is_made_for_the_first_frame(first_frame: dict[str, Any]) -> None:
    made = matching(first_frame["qt_classes"], FORBIDDEN_QT_CLASSES)
    assert not made, f"named by a module on the start path, though the first frame needs none: {made}"


def test_qts_namespace_of_enums_is_not_built_for_the_first_frame(first_frame: dict[str, Any]) -> None:
    # `from PySide6.QtCore import Qt` makes some hundred Python enums (about 20 ms on this project's
    # machine, a sixth of the bare window's whole start); a window's first frame needs none of them.
    assert first_frame["qt_namespace"] is False, "a module on the start path imports Qt from PySide6.QtCore"


def test_only_the_first_screens_qml_is_loaded(first_frame: dict[str, Any]) -> None:
    loaded = set(first_frame["qml"])
    assert not loaded & NOT_ON_THE_FIRST_SCREEN_QML, sorted(loaded & NOT_ON_THE_FIRST_SCREEN_QML)
    assert loaded <= FIRST_SCREEN_QML, f"loaded for the first frame, new: {sorted(loaded - FIRST_SCREEN_QML)}"


def test_no_panel_or_prompt_is_made_for_the_first_frame(first_frame: dict[str, Any]) -> None:
    made = {name for name, has_item in first_frame["loaders"].items() if has_item}
    assert made == {"pageLoader"}, made
    # The staff's and the visitor's panels are Loaders waiting for their first use.
    assert {"pinPadLoader", "adminPanelLoader", "preferencesLoader", "stillThereLoader"} <= set(
        first_frame["loaders"]
    )


def test_the_collector_waits_for_the_first_frame_then_runs_again(first_frame: dict[str, Any]) -> None:
    # Off for the start (some forty collections over objects that all live on: 2-4 ms)...
    assert first_frame["garbage_collection"] is False
    # ...and back on once the window has drawn, with what start-up made frozen out of its way.
    import gc

    from kiosk.ui.run import resume_garbage_collection

    gc.disable()
    try:
        resume_garbage_collection()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
