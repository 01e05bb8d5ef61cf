"""The admin panel's content updates: signed packs from a USB drive or a watched folder, going back to
the previous pack, expired items, and the visits record exported to a USB drive.

The work itself is done by `kiosk pack ...` and `kiosk stats export` in a process of their own
(StreamedCommand); this model says what is going on in words staff understand.
"""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Qt, Signal, Slot

from kiosk.booth import paths
from kiosk.core.pages import Pages, localize
from kiosk.ui.process import StreamedCommand

log = logging.getLogger(__name__)


def _removable_volumes() -> list[Path]:
    from kiosk.booth.removable import removable_volumes

    volumes: list[Path] = removable_volumes()
    return volumes


class ContentUpdatesViewModel(QObject):
    changed = Signal()
    # A new pack is in place (restart_pending): the wiring restarts the kiosk when nobody is using it.
    newContentReady = Signal()
    _folderScanned = Signal(object, object)
    _usbListed = Signal(bool, object)

    def __init__(
        self,
        pages: Pages,
        *,
        data_dir: Path,
        config_dir: Path,
        packs_in_use: bool,
        restarts_when_idle: bool,
        visits_database: Path | None,
        volumes: Callable[[], list[Path]] | None = None,
        command: Callable[..., list[str]] = paths.kiosk_command,
        today: Callable[[], datetime.date] = datetime.date.today,
        language: Callable[[], str] | None = None,
    ) -> None:
        """`packs_in_use`: the kiosk shows the installed pack (False when started on a --content folder
        or in safe mode, where an installed pack shows only at the next normal start).
        `restarts_when_idle`: a kiosk with visitor sessions shows a new pack by itself at the next idle
        reset; in a window, staff restart it."""
        super().__init__()
        self._pages = pages
        self._data_dir = data_dir
        self._config_dir = config_dir
        self._packs_in_use = packs_in_use
        self._restarts_when_idle = restarts_when_idle
        self._visits_database = visits_database
        # Looked up at each use, so tests (and staff's fake drives) can stand in for the real ones.
        self._volumes = volumes or (lambda: _removable_volumes())
        self._command = command
        self._today = today
        self._language = language or (lambda: pages.default_language)
        self._runner = StreamedCommand("content update", self)
        self._runner.linesChanged.connect(self.changed)
        self._runner.finished.connect(self._finished)
        self._task = ""
        self._outcome = ""
        self._message = ""
        self._usb_message = ""
        self._found: list[dict[str, Any]] = []
        self._status: dict[str, Any] = {}
        self.restart_pending = False
        self._scanning = False
        # Packs from the watched folder that failed to install: not tried again (and again) until
        # the file changes, since each try validates every video and PDF.
        self._refused: set[tuple[str, int, int]] = set()
        self._installing_from_folder: tuple[str, int, int] | None = None
        self._noted: set[str] = set()
        self._folderScanned.connect(self._scanned, Qt.ConnectionType.QueuedConnection)
        self._looking_for_packs = False
        self._usbListed.connect(self._usb_listed, Qt.ConnectionType.QueuedConnection)

    # --- what QML reads ----------------------------------------------------------------------------

    @Property(str, notify=changed)
    def onShow(self) -> str:
        """What visitors see now: the content this kiosk was started on."""
        agenda = self._pages.agenda
        title = localize(agenda["title"], self._language())
        return f"{title} · version {agenda['version']}" if agenda.get("version") else title

    @Property(str, notify=changed)
    def activePack(self) -> str:
        """The installed pack the kiosk shows from its next start, or "" for the content that came
        with the app."""
        return _describe(self._status.get("active"))

    @Property(bool, notify=changed)
    def changesAtRestart(self) -> bool:
        """An install, a rollback or going back has chosen other content than the one on show."""
        if not self._packs_in_use:
            return False
        active = self._status.get("active")
        chosen = Path(active["folder"]) / "content" if active else paths.bundled_content()
        shown = self._pages.content_root
        return shown is None or _resolved(chosen) != _resolved(shown)

    @Property(str, notify=changed)
    def previousPack(self) -> str:
        return _describe(self._status.get("previous"))

    @Property(bool, notify=changed)
    def canRollBack(self) -> bool:
        return bool(self._status.get("previous")) and not self._runner.running

    @Property(bool, notify=changed)
    def canUseBundled(self) -> bool:
        return bool(self._status.get("active")) and not self._runner.running

    @Property(bool, notify=changed)
    def packsInUse(self) -> bool:
        return self._packs_in_use

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._runner.running

    @Property(str, notify=changed)
    def task(self) -> str:
        """ "install", "export", "rollback", "bundled" or "" (nothing yet)."""
        return self._task

    @Property(str, notify=changed)
    def outcome(self) -> str:
        """ "", "running", "done" or "failed"."""
        return "running" if self._runner.running else self._outcome

    @Property(list, notify=changed)
    def log(self) -> list[str]:
        return list(self._runner.lines)

    @Property(str, notify=changed)
    def message(self) -> str:
        """What to tell staff, as a code the panel puts in words: "noDrive", "noPack",
        "shownWhenIdle", "shownAtRestart", "shownAtNextStart" or ""."""
        return self._message

    @Property(str, notify=changed)
    def usbMessage(self) -> str:
        """After looking for packs: "noDrive", "noPack" or "" (some were found)."""
        return self._usb_message

    @Property(bool, notify=changed)
    def lookingForPacks(self) -> bool:
        """The USB drives are being read (in a thread: the screen never waits for a stick)."""
        return self._looking_for_packs

    @Property(list, notify=changed)
    def foundPacks(self) -> list[dict[str, Any]]:
        return list(self._found)

    @Property(list, notify=changed)
    def expiredItems(self) -> list[dict[str, str]]:
        return self.expired_items()

    # --- what Python reads ---------------------------------------------------------------------------

    def expired_items(self) -> list[dict[str, str]]:
        today = self._today().isoformat()
        language = self._language()
        expired = []
        for item_id, item in self._pages.compiled["items"].items():
            expires = item.get("expires")
            if expires and expires <= today:
                title = localize(item["title"], language) or item_id
                expired.append({"id": item_id, "title": title, "expires": expires})
        return sorted(expired, key=lambda entry: (entry["expires"], entry["title"]))

    # --- what staff ask for --------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        from kiosk.core import packs

        try:
            self._status = packs.status(self._data_dir) or {}
        except Exception as exc:  # a damaged record of packs must not close the admin panel
            log.warning("content pack status unreadable: %s", exc)
            self._status = {}
        self.changed.emit()

    @Slot()
    def findUsbPacks(self) -> None:
        """Read the packs on the USB drives in a thread: a slow stick, or a hostile file on one, must
        never hold the screen. The list arrives by `_usbListed`."""
        if self._looking_for_packs:
            return
        self._looking_for_packs = True
        self.changed.emit()
        threading.Thread(target=self._list_usb_packs, name="usb-packs", daemon=True).start()

    def _list_usb_packs(self) -> None:
        from kiosk.booth.removable import find_packs
        from kiosk.core import packs

        volumes: list[Path] = []
        found: list[dict[str, Any]] = []
        try:
            volumes = self._volumes()
            trusted = packs.load_trusted_keys(self._config_dir)
            for pack in find_packs(volumes):
                # Only its signed list is read: staff see at once which pack is which, and which
                # cannot be installed here, before anything is unpacked.
                entry: dict[str, Any] = {"path": str(pack), "name": pack.name}
                scanned = packs.scan_pack(pack, trusted)
                if scanned.info is None:
                    log.info("USB drive: %s cannot be installed: %s", pack, scanned.reason)
                    entry.update(installable=False, title="", version="", created="", reason=scanned.reason)
                else:
                    info = scanned.info
                    entry.update(
                        installable=True,
                        title=info.title,
                        version=info.version,
                        created=info.created[:10],
                        reason="",
                    )
                found.append(entry)
        except Exception as exc:  # a drive pulled out, trusted keys unreadable: the panel carries on
            log.warning("the USB drives could not be read: %s", exc)
        self._usbListed.emit(bool(volumes), found)

    def _usb_listed(self, any_drive: bool, found: list[dict[str, Any]]) -> None:
        self._looking_for_packs = False
        self._found = found
        if not any_drive:
            self._usb_message = "noDrive"
        elif not self._found:
            self._usb_message = "noPack"
        else:
            self._usb_message = ""
        self.changed.emit()

    @Slot(str)
    def installPack(self, path: str) -> None:
        self._run("install", self._command("pack", "install", path))

    @Slot()
    def rollBack(self) -> None:
        self._run("rollback", self._command("pack", "rollback"))

    @Slot()
    def useBundled(self) -> None:
        self._run("bundled", self._command("pack", "use-bundled"))

    @Slot()
    def exportVisits(self) -> None:
        volumes = self._volumes()
        if not volumes:
            self._task, self._outcome = "export", "failed"
            self._message = "noDrive"
            self.changed.emit()
            return
        import socket

        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M")
        target = volumes[0] / f"kiosk-visits-{socket.gethostname()}-{stamp}.csv"
        arguments = ["stats", "export", str(target)]
        if self._visits_database is not None:
            arguments += ["--database", str(self._visits_database)]
        self._run("export", self._command(*arguments))

    def check_folder(self, folder: Path) -> None:
        """Look in the watched folder for a newer signed pack, and install it. The look happens in a
        thread: a network share can take its time, and the kiosk must not wait for it."""
        if self._scanning or self._runner.running or self.restart_pending:
            return
        self._scanning = True
        threading.Thread(target=self._scan, args=(folder,), name="pack-folder", daemon=True).start()

    def _scan(self, folder: Path) -> None:
        from kiosk.core import packs

        skipped: list[str] = []
        newest: Path | None = None
        try:
            trusted = packs.load_trusted_keys(self._config_dir)
            newest = packs.newest_pack_in(folder, self._data_dir, trusted, skipped=skipped)
        except Exception as exc:  # whatever the share does, the kiosk goes on
            skipped.append(str(exc))
        self._folderScanned.emit(newest, skipped)

    def _scanned(self, newest: Path | None, skipped: list[str]) -> None:
        self._scanning = False
        for reason in skipped:
            # Each reason once a run: the folder is looked at after every visitor.
            if reason in self._noted:
                continue
            self._noted.add(reason)
            # A folder that cannot be read is a setting to fix (on the admin panel, via the log); a
            # pack skipped in it is often only one still being copied.
            level = logging.WARNING if "cannot be read" in reason else logging.INFO
            log.log(level, "watched pack folder: %s", reason)
        if newest is None:
            return
        key = _file_key(newest)
        if key is None or key in self._refused:
            return
        log.info("a newer content pack is in the watched folder: %s", newest)
        if self._run("install", self._command("pack", "install", str(newest))):
            self._installing_from_folder = key

    def release(self) -> None:
        self._runner.stop()

    def wait(self, milliseconds: int) -> bool:
        return self._runner.wait(milliseconds)

    def _run(self, task: str, command: list[str]) -> bool:
        if self._runner.running:
            return False
        self._task, self._outcome, self._message = task, "", ""
        started = self._runner.start(command)
        self.changed.emit()
        return started

    def _finished(self, ok: bool) -> None:
        self._outcome = "done" if ok else "failed"
        log.log(logging.INFO if ok else logging.WARNING, "content %s %s", self._task, self._outcome)
        from_folder, self._installing_from_folder = self._installing_from_folder, None
        if from_folder is not None and not ok:
            self._refused.add(from_folder)
            log.error("the pack from the watched folder was refused: %s", " / ".join(self._runner.lines[-3:]))
        self.refresh()
        if ok and self._task in ("install", "rollback", "bundled"):
            if not self._packs_in_use:
                self._message = "shownAtNextStart"
            else:
                self._message = "shownWhenIdle" if self._restarts_when_idle else "shownAtRestart"
                self.restart_pending = True
                self.newContentReady.emit()
        self.changed.emit()


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _file_key(path: Path) -> tuple[str, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return str(path), stat.st_size, stat.st_mtime_ns


def _describe(pack: Any) -> str:
    if not isinstance(pack, dict):
        return ""
    parts = [str(pack.get("title") or ""), f"version {pack.get('version')}" if pack.get("version") else ""]
    created = str(pack.get("created") or "")[:10]
    if created:
        parts.append(created)
    return " · ".join(part for part in parts if part)
