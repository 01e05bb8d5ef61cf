"""The admin panel's Content view on the real QML, as staff use it: a signed pack from a USB drive
(installed by the real `kiosk pack install` in its own process), the way back, a refused pack, expired
items, the export of visits, and a watched folder that updates the kiosk between visitors."""

from __future__ import annotations

import copy
import csv
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtQuick import QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core import analytics, packs
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.core.pin import PinStore
from kiosk.ui import app as app_module
from kiosk.ui import updates as updates_module
from kiosk.ui.app import KioskWindow, build_window
from tests.core.contentkit import build_valid_content

from .conftest import BoothClock, find, names, save_grab, settled_centre, tap, text_of

ROOT = Path(__file__).resolve().parents[2]
PIN = "2468"
INSTALL_TIMEOUT_MS = 90_000


@pytest.fixture
def kiosk_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This test's own data and config folders: what it installs reaches no other test, and the
    `kiosk pack install` process it starts inherits them."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def usb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    drive = tmp_path / "usb"
    drive.mkdir()
    monkeypatch.setattr(updates_module, "_removable_volumes", lambda: [drive])
    return drive


@pytest.fixture
def signing_key(tmp_path: Path, kiosk_folders: None) -> Path:
    keydir = tmp_path / "keys"
    packs.keygen(keydir)
    packs.trust(keydir / "signing.pub", paths.user_config())
    return keydir / "signing.key"


def look_for_packs(shown: KioskWindow, window: QQuickWindow, qtbot: Any) -> None:
    """Staff touch "Look for content packs"; the drives are read in a thread, the list comes after."""
    tap(window, find(window, "findPacksButton"))
    qtbot.waitUntil(lambda: not shown.updates.property("lookingForPacks"), timeout=10_000)


def make_pack(tmp_path: Path, key: Path, out: Path, version: str) -> Path:
    """The tests' small content, with a real video and PDF so the deep check passes."""
    content = build_valid_content(tmp_path / f"content-{version}")
    content.replace("agenda.yaml", 'version: "1.0"', f'version: "{version}"')
    shutil.copy(ROOT / "tests" / "fixtures" / "media" / "ok.mp4", content.path("media/clip.mp4"))
    shutil.copy(
        ROOT / "content" / "documents" / "fair-migration-agenda-handout.pdf",
        content.path("documents/paper.pdf"),
    )
    packs.build(content.root, out, key)
    return out


@pytest.fixture
def open_booth(
    bundled_pages: Pages, tmp_path: Path, kiosk_folders: None
) -> Iterator[Callable[..., KioskWindow]]:
    pins = tmp_path / "pin.json"
    PinStore(pins).set(PIN)
    opened: list[KioskWindow] = []

    def open_(pages: Pages = bundled_pages, **options: Any) -> KioskWindow:
        options.setdefault("visitor_sessions", True)
        options.setdefault("packs_in_use", True)
        shown = build_window(
            pages,
            size=QSize(1920, 1080),
            animate=False,
            pin_store=PinStore(pins),
            visits_database=tmp_path / "visits.db",
            **options,
        )
        opened.append(shown)
        QTest.qWaitForWindowExposed(shown.window)
        return shown

    yield open_
    for shown in opened:
        assert shown.updates is not None
        shown.updates.wait(INSTALL_TIMEOUT_MS)
        shown.dispose()


def open_content_view(shown: KioskWindow, qtbot: Any) -> QQuickWindow:
    window = shown.window
    # Staff's way in: hold the top-left corner for three seconds.
    corner = settled_centre(find(window, "adminCorner")).toPoint()
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    qtbot.waitUntil(lambda: bool(names(window, "pinKey:")), timeout=5000)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    for digit in PIN:
        tap(window, find(window, f"pinKey:{digit}"))
    tap(window, find(window, "pinOk"))
    qtbot.waitUntil(lambda: bool(names(window, "contentTab")), timeout=10_000)
    tap(window, find(window, "contentTab"))
    qtbot.waitUntil(lambda: bool(names(window, "packCard")), timeout=10_000)
    return window


def wait_until_finished(shown: KioskWindow, qtbot: Any) -> str:
    assert shown.updates is not None
    qtbot.waitUntil(
        lambda: shown.updates.property("outcome") in ("done", "failed"), timeout=INSTALL_TIMEOUT_MS
    )
    return str(shown.updates.property("outcome"))


def pages_of(folder: Path) -> Pages:
    """What a kiosk started on `folder` shows."""
    result = load_content(folder)
    assert result.compiled is not None, result.problems
    return Pages(result.compiled, folder)


def test_a_pack_from_usb_is_installed_then_shown_when_nobody_is_there_and_can_be_undone(
    open_booth: Callable[..., KioskWindow],
    bundled_pages: Pages,
    signing_key: Path,
    usb: Path,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    make_pack(tmp_path, signing_key, usb / "event-2.0.kpack", "2.0")
    clock = BoothClock()
    shown = open_booth(clock=clock)
    window = open_content_view(shown, qtbot)
    bundled_version = bundled_pages.agenda["version"]
    assert text_of(window, "onShow") == f"Fair migration agenda · version {bundled_version}"
    assert not names(window, "activePack")  # nothing changes at the next start
    assert not names(window, "rollBackButton") and not names(window, "useBundledButton")

    look_for_packs(shown, window, qtbot)
    # What the pack is, read from its signed list before anything is unpacked.
    assert text_of(window, "packName:0") == "Test agenda \u00b7 version 2.0"
    assert text_of(window, "packDetail:0").startswith("event-2.0.kpack, made on 20")
    tap(window, find(window, "installPack:0"))
    assert wait_until_finished(shown, qtbot) == "done", shown.updates.property("log")
    assert text_of(window, "taskHeading") == "\u2713 Installed"
    assert "shows as soon as nobody is using the kiosk" in text_of(window, "updateMessage")
    assert text_of(window, "onShow") == f"Fair migration agenda · version {bundled_version}"
    assert text_of(window, "activePack").startswith("From the next start: Test agenda · version 2.0 · 20")
    installed = packs.active_content(paths.user_data())
    assert installed is not None
    save_grab(window, tmp_path / "content-view.png")

    # Staff close the panel; the visitor session ends; with nobody there the kiosk restarts onto it.
    with qtbot.waitSignal(shown.admin.restartRequested, timeout=5000):
        tap(window, find(window, "adminCloseButton"))
        clock.advance(90, shown)  # "Still there?"
        clock.advance(10, shown)  # nobody: the reset

    # Restarted onto the pack: a second pack, then back to the first, then to the bundled content.
    make_pack(tmp_path, signing_key, usb / "event-3.0.kpack", "3.0")
    (usb / "event-2.0.kpack").unlink()
    shown = open_booth(pages_of(installed), clock=clock)
    tap(shown.window, find(shown.window, "attractPage"))
    window = open_content_view(shown, qtbot)
    assert text_of(window, "onShow") == "Test agenda · version 2.0"
    assert not names(window, "activePack") and not names(window, "rollBackButton")
    look_for_packs(shown, window, qtbot)
    tap(window, find(window, "installPack:0"))
    assert wait_until_finished(shown, qtbot) == "done", shown.updates.property("log")
    assert "version 3.0" in text_of(window, "activePack")
    assert "version 2.0" in text_of(window, "previousPack")
    tap(window, find(window, "rollBackButton"))
    tap(window, find(window, "confirmRollBackButton"))
    assert wait_until_finished(shown, qtbot) == "done", shown.updates.property("log")
    assert text_of(window, "taskHeading") == "\u2713 The previous content is back"
    assert not names(window, "activePack"), "what is on show is what the next start shows"
    tap(window, find(window, "useBundledButton"))
    tap(window, find(window, "confirmRollBackButton"))
    assert wait_until_finished(shown, qtbot) == "done", shown.updates.property("log")
    assert text_of(window, "taskHeading") == "\u2713 The content that came with the app is back"
    assert text_of(window, "activePack") == "From the next start: the content that came with the app"
    assert packs.active_content(paths.user_data()) is None


def test_a_tampered_pack_is_refused_and_the_content_on_show_stays(
    open_booth: Callable[..., KioskWindow], signing_key: Path, usb: Path, tmp_path: Path, qtbot: Any
) -> None:
    pack = make_pack(tmp_path, signing_key, tmp_path / "good.kpack", "2.0")
    data = bytearray(pack.read_bytes())
    # A byte of the video changed after signing (stored uncompressed, so its bytes are in the file).
    offset = data.find(b"ftyp")
    data[offset + 200] ^= 0xFF
    (usb / "tampered.kpack").write_bytes(bytes(data))
    shown = open_booth()
    window = open_content_view(shown, qtbot)
    look_for_packs(shown, window, qtbot)
    tap(window, find(window, "installPack:0"))
    assert wait_until_finished(shown, qtbot) == "failed"
    assert text_of(window, "taskHeading") == "Not installed"
    refused = [line for line in shown.updates.property("log") if line.startswith("Refused")]
    assert refused and "media/clip.mp4" in refused[0], shown.updates.property("log")
    assert not names(window, "activePack")
    assert packs.active_content(paths.user_data()) is None
    assert shown.updates.restart_pending is False


def test_no_drive_and_no_pack_are_said_plainly(
    open_booth: Callable[..., KioskWindow], usb: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    shown = open_booth()
    window = open_content_view(shown, qtbot)
    look_for_packs(shown, window, qtbot)
    assert not names(window, "installPack:")
    (usb / "holiday-photos.kpack").write_bytes(b"not a pack at all")
    look_for_packs(shown, window, qtbot)
    assert text_of(window, "packDetail:0").startswith("Cannot be installed: holiday-photos.kpack is not a")
    assert find(window, "installPack:0").property("enabled") is False
    (usb / "holiday-photos.kpack").unlink()
    look_for_packs(shown, window, qtbot)
    assert text_of(window, "usbMessage") == "There is no content pack (.kpack file) on the USB drive."
    monkeypatch.setattr(updates_module, "_removable_volumes", lambda: [])
    look_for_packs(shown, window, qtbot)
    assert text_of(window, "usbMessage") == "No USB drive found. Plug one in and try again."


def test_the_usb_list_is_read_off_the_screens_thread_and_a_hostile_pack_hides_no_other(
    open_booth: Callable[..., KioskWindow],
    signing_key: Path,
    usb: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    make_pack(tmp_path, signing_key, usb / "b-event.kpack", "2.0")
    # A file whose end record claims 3 entries in a 150 MB central directory (a hole: no disk taken).
    with (usb / "a-huge.kpack").open("wb") as stream:
        size = 150 * 1024 * 1024
        stream.truncate(size)
        stream.seek(size)
        stream.write(
            b"PK\x05\x06" + bytes(4) + (3).to_bytes(2, "little") * 2 + size.to_bytes(4, "little") + bytes(6)
        )
    readers: list[threading.Thread] = []
    scan_pack = packs.scan_pack
    stick_answers = threading.Event()  # a slow stick: it answers when the test says

    def watched(*args: Any, **kwargs: Any) -> packs.ScannedPack:
        readers.append(threading.current_thread())
        assert stick_answers.wait(10)
        return scan_pack(*args, **kwargs)

    monkeypatch.setattr(packs, "scan_pack", watched)
    shown = open_booth()
    window = open_content_view(shown, qtbot)
    tap(window, find(window, "findPacksButton"))
    assert shown.updates.property("lookingForPacks") is True
    assert find(window, "findPacksButton").property("enabled") is False  # no second look meanwhile
    qtbot.wait(200)  # the screen is not waiting for the stick: its events go on
    assert shown.updates.property("lookingForPacks") is True
    stick_answers.set()
    qtbot.waitUntil(lambda: not shown.updates.property("lookingForPacks"), timeout=10_000)
    assert len(readers) == 2 and all(reader is not threading.main_thread() for reader in readers)
    assert text_of(window, "packDetail:0") == (
        "Cannot be installed: the pack's list of files takes 150.0 MB, more than a pack of 10000 files "
        "needs (9.8 MB)"
    )
    assert text_of(window, "packName:1") == "Test agenda \u00b7 version 2.0"
    assert find(window, "installPack:1").property("enabled") is True
    assert find(window, "findPacksButton").property("enabled") is True
    save_grab(window, tmp_path / "usb-list.png")


def test_expired_items_are_listed_with_their_dates(
    open_booth: Callable[..., KioskWindow], bundled_pages: Pages, qtbot: Any
) -> None:
    compiled = copy.deepcopy(bundled_pages.compiled)
    compiled["items"]["agenda-handout"]["expires"] = "2020-01-31"
    shown = open_booth(Pages(compiled, bundled_pages.content_root))
    window = open_content_view(shown, qtbot)
    title = text_of(window, "expired:0")
    assert "expired on 2020-01-31" in title
    assert not names(window, "noneExpired")


def test_visits_are_exported_to_the_usb_drive(
    open_booth: Callable[..., KioskWindow], usb: Path, tmp_path: Path, qtbot: Any
) -> None:
    recorder = analytics.Recorder(tmp_path / "visits.db", flush_seconds=0.05)
    recorder.start()
    recorder.session_start("en")
    recorder.page("home", 12.0, "en")
    recorder.session_end("idle")
    recorder.close()
    shown = open_booth(visitor_sessions=False)
    window = open_content_view(shown, qtbot)
    tap(window, find(window, "exportVisitsButton"))
    assert wait_until_finished(shown, qtbot) == "done", shown.updates.property("log")
    assert text_of(window, "taskHeading") == "\u2713 Exported"
    [exported] = usb.glob("kiosk-visits-*.csv")
    with exported.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["kind"] for row in rows] == ["session_start", "page", "session_end"]


def test_a_newer_pack_in_the_watched_folder_is_installed_between_visitors(
    open_booth: Callable[..., KioskWindow],
    bundled_pages: Pages,
    signing_key: Path,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    make_pack(tmp_path, signing_key, shared / "fleet.kpack", "5.0")
    compiled = copy.deepcopy(bundled_pages.compiled)
    compiled["kiosk"] = {**(compiled.get("kiosk") or {}), "pack_folder": str(shared)}
    clock = BoothClock()
    shown = open_booth(Pages(compiled, bundled_pages.content_root), clock=clock)
    tap(shown.window, find(shown.window, "attractPage"))  # a visitor
    clock.advance(90, shown)  # ... who leaves
    clock.advance(10, shown)  # the reset looks in the folder
    assert shown.kiosk.current_route() == "attract"
    with qtbot.waitSignal(shown.admin.restartRequested, timeout=INSTALL_TIMEOUT_MS):
        pass
    record = packs.status(paths.user_data())["active"]
    assert record is not None and record["version"] == "5.0"


def test_an_untouched_kiosk_looks_in_the_watched_folder_during_the_attract_loop(
    open_booth: Callable[..., KioskWindow],
    bundled_pages: Pages,
    signing_key: Path,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "FIRST_PACK_FOLDER_CHECK_MS", 50)
    shared = tmp_path / "shared"
    shared.mkdir()
    make_pack(tmp_path, signing_key, shared / "fleet.kpack", "6.0")
    compiled = copy.deepcopy(bundled_pages.compiled)
    compiled["kiosk"] = {**(compiled.get("kiosk") or {}), "pack_folder": str(shared)}
    shown = open_booth(Pages(compiled, bundled_pages.content_root))
    assert shown.kiosk.current_route() == "attract"
    with qtbot.waitSignal(shown.admin.restartRequested, timeout=INSTALL_TIMEOUT_MS):
        pass
    record = packs.status(paths.user_data())["active"]
    assert record is not None and record["version"] == "6.0"


def test_a_watched_folder_that_cannot_be_read_is_a_warning_said_once(
    open_booth: Callable[..., KioskWindow],
    bundled_pages: Pages,
    tmp_path: Path,
    qtbot: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    compiled = copy.deepcopy(bundled_pages.compiled)
    compiled["kiosk"] = {**(compiled.get("kiosk") or {}), "pack_folder": str(tmp_path / "no-such-share")}
    clock = BoothClock()
    shown = open_booth(Pages(compiled, bundled_pages.content_root), clock=clock)
    for _visitor in range(2):
        tap(shown.window, find(shown.window, "attractPage"))
        clock.advance(90, shown)
        clock.advance(10, shown)
        qtbot.waitUntil(lambda: not shown.updates._scanning, timeout=5000)
    warnings = [
        r for r in caplog.records if r.levelname == "WARNING" and "watched pack folder" in r.getMessage()
    ]
    assert len(warnings) == 1, caplog.records
    assert "no-such-share cannot be read" in warnings[0].getMessage()
