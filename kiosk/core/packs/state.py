"""The installed packs and their state: which is active, which was before, which the running kiosk
shows; going back, using the bundled content, cleaning up what no state names."""

from __future__ import annotations

import json
import os
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypedDict

from kiosk.core.packs.files import _locked, _older_than, _remove_tree, _write_atomically
from kiosk.core.packs.format import (
    _FOLDER_NAME,
    DEFAULT_LIMITS,
    FORMAT,
    LOCK_NAME,
    MANIFEST_NAME,
    MAX_KEY_FILE_BYTES,
    MAX_STATE_BYTES,
    PACKS_DIR,
    SHOWING_NAME,
    STAGING_DIR,
    STATE_NAME,
    PackError,
    PackInfo,
    PackRecord,
    PackStatus,
    Showing,
    _now_text,
    _parse_time,
)
from kiosk.core.packs.reading import _parse_manifest


def _record(info: PackInfo, folder: Path, installed: datetime | None = None) -> PackRecord:
    return PackRecord(
        version=info.version,
        title=info.title,
        created=info.created,
        key_id=info.key_id,
        installed_at=_now_text(installed),
        folder=folder.name,
        file_count=info.file_count,
        total_bytes=info.total_bytes,
        manifest_sha256=info.manifest_sha256,
        content_sha256=info.content_sha256,
    )


def state_file(data_dir: Path) -> Path:
    return Path(data_dir) / PACKS_DIR / STATE_NAME


def active_content(data_dir: Path) -> Path | None:
    """The content folder of the active pack, or None when no pack is installed or its record or folder
    is damaged. Never raises: the caller shows the bundled content and logs why."""
    try:
        state = _state_or_none(Path(data_dir))
        if state is None or state["active"] is None or not _content_ok(data_dir, state["active"]):
            return None
        return Path(data_dir) / PACKS_DIR / state["active"]["folder"] / "content"
    except (PackError, OSError, ValueError):
        return None


def _content_ok(data_dir: Path, record: PackRecord) -> bool:
    """Whether the pack's folder still holds its content, as far as start-up looks."""
    return (Path(data_dir) / PACKS_DIR / record["folder"] / "content" / "agenda.yaml").is_file()


def mark_showing(data_dir: Path, content_folder: Path) -> None:
    """Note in packs/showing.json what the running kiosk shows, so that no install or clean-up deletes
    that pack's folder before the kiosk restarts, however many installs happen meanwhile. The app calls
    it at each start that uses installed packs, with the content folder it shows: an installed pack's
    (`active_content`), or any other folder, such as the bundled content, noted as "no pack".

    Cheap and quiet, for start-up: one small file written and renamed into place, nothing imported, and
    it never raises (nothing is noted when it cannot write; clean-up then keeps what the state file
    names, as before). A note left by a kiosk that has stopped keeps one more folder until the next
    start. Not synced to disk: after a power cut the kiosk starts again and writes it afresh."""
    temporary: Path | None = None
    try:
        packs_dir = Path(data_dir) / PACKS_DIR
        if not packs_dir.is_dir():
            return  # no pack was ever installed here: there is nothing to keep
        document = {
            "format": FORMAT,
            "folder": _pack_folder_name(packs_dir, Path(content_folder)),
            "pid": os.getpid(),
            "since": _now_text(),
        }
        temporary = packs_dir / f".{SHOWING_NAME}.{os.getpid()}.tmp"
        with temporary.open("wb") as stream:
            stream.write((json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8"))
        os.replace(temporary, packs_dir / SHOWING_NAME)
        temporary = None
    except Exception:  # start-up goes on whatever happens here
        if temporary is not None:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)


def _pack_folder_name(packs_dir: Path, content_folder: Path) -> str | None:
    """The installed pack's folder name when `content_folder` is packs/<name>/content, else None."""
    for spell in (os.path.abspath, os.path.realpath):
        folder = Path(spell(content_folder))
        same_place = os.path.normcase(spell(packs_dir)) == os.path.normcase(str(folder.parent.parent))
        if same_place and folder.name == "content" and _plain_folder_name(folder.parent.name):
            return folder.parent.name
    return None


def _plain_folder_name(name: object) -> bool:
    """A name that, joined to packs/, stays a folder inside packs/."""
    return isinstance(name, str) and bool(_FOLDER_NAME.match(name)) and ".." not in name


def _showing_note(packs_dir: Path) -> tuple[str | None, int, str] | None:
    """showing.json as (folder name or None for no pack, pid, since); None when it is absent or damaged
    (a damaged note protects nothing: the kiosk writes it again at its next start)."""
    try:
        with (packs_dir / SHOWING_NAME).open("rb") as stream:
            data = json.loads(stream.read(MAX_KEY_FILE_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    folder, pid, since = data.get("folder"), data.get("pid"), data.get("since")
    if folder is not None and not _plain_folder_name(folder):
        return None
    return folder, pid if isinstance(pid, int) else 0, since if isinstance(since, str) else ""


def showing(data_dir: Path) -> Showing | None:
    """What the running kiosk showed when it started, as `mark_showing` noted it: the installed pack
    (with its absolute folder; from the state file, or from the signed manifest kept in its folder when
    it is no longer active or previous) or None for the content that came with the app. None when
    nothing is noted, or when the note, the pack's folder or its manifest is gone or damaged. Never
    raises. The note stays after the kiosk stops: it says what the kiosk showed when it last started."""
    data_dir = Path(data_dir)
    packs_dir = data_dir / PACKS_DIR
    note = _showing_note(packs_dir)
    if note is None:
        return None
    folder, pid, since = note
    if folder is None:
        return Showing(pack=None, pid=pid, since=since)
    try:
        state = _state_or_none(data_dir)
    except PackError:
        state = None
    for record in _records(state):
        if record["folder"] == folder:
            return Showing(pack=_absolute(record, data_dir), pid=pid, since=since)
    manifest_file = packs_dir / folder / MANIFEST_NAME
    try:
        with manifest_file.open("rb") as stream:
            raw = stream.read(DEFAULT_LIMITS.max_manifest_bytes + 1)
        installed = datetime.fromtimestamp(manifest_file.stat().st_mtime, UTC)
        info = _parse_manifest(raw, DEFAULT_LIMITS).info
    except (OSError, ValueError, OverflowError, PackError):
        return None
    record = _record(info, packs_dir / folder, installed)
    return Showing(pack=_absolute(record, data_dir), pid=pid, since=since)


def status(data_dir: Path) -> PackStatus:
    """The active pack, which the kiosk shows from its next start (None: the content that came with the
    app), and the previous one (None when there is none), with absolute folders. PackError when the
    state file is damaged. What the running kiosk shows meanwhile is `showing`."""
    state = _state_or_none(Path(data_dir))
    if state is None:
        return {"active": None, "previous": None}
    return {
        "active": _absolute(state["active"], data_dir) if state["active"] else None,
        "previous": _absolute(state["previous"], data_dir) if state["previous"] else None,
    }


def rollback(data_dir: Path) -> PackStatus:
    """Swap the active and previous packs in one atomic write; returns the new status. After
    `use_bundled` (no pack active), the previous pack becomes active again and none is previous."""
    data_dir = Path(data_dir)
    with _locked(data_dir / STAGING_DIR):
        state = _state_or_none(data_dir)
        if state is None or (state["active"] is None and state["previous"] is None):
            raise PackError("no content pack is installed: the kiosk shows the content that came with it")
        previous = state["previous"]
        if previous is None:
            raise PackError(
                "there is no previous pack to go back to (kiosk pack use-bundled goes back to the content "
                "that came with the kiosk)"
            )
        if not _content_ok(data_dir, previous):
            raise PackError(
                f"the previous pack's folder {previous['folder']} is missing or damaged (no content/agenda.yaml)"
            )
        _switch(data_dir, state, previous, state["active"])
    return status(data_dir)


def use_bundled(data_dir: Path) -> PackStatus:
    """Show the content that came with the app from the kiosk's next start: no pack is active, and the
    pack that was active becomes the previous one (`rollback` returns to it; the pack before it is no
    longer kept). One atomic write, under the same lock as installs; returns the new status."""
    data_dir = Path(data_dir)
    with _locked(data_dir / STAGING_DIR):
        state = _state_or_none(data_dir)
        if state is None or state["active"] is None:
            raise PackError(
                "no content pack is active: the kiosk already shows the content that came with it "
                "(from its next start, if it has not restarted yet)"
            )
        _switch(data_dir, state, None, state["active"])
    return status(data_dir)


def _switch(data_dir: Path, state: _State, active: PackRecord | None, previous: PackRecord | None) -> None:
    try:
        _write_state(data_dir, _next_state(state, active, previous))
    except OSError as exc:
        raise PackError(f"cannot write {state_file(data_dir)}: {exc.strerror or exc}") from None


def cleanup(data_dir: Path) -> list[Path]:
    """Remove what an interrupted install left behind and packs older than the previous one; returns what
    was removed. The pack the running kiosk shows (`mark_showing`) is kept, and every pack folder is
    kept when the state file is damaged: they may be all there is."""
    data_dir = Path(data_dir)
    with _locked(data_dir / STAGING_DIR):
        return _clean_leftovers(data_dir)


def _clean_leftovers(data_dir: Path) -> list[Path]:
    removed: list[Path] = []
    staging_root = data_dir / STAGING_DIR
    try:
        leftovers = [p for p in staging_root.iterdir() if p.name != LOCK_NAME]
    except OSError:
        leftovers = []
    for leftover in leftovers:
        _remove_tree(leftover)
        removed.append(leftover)
    # With a damaged state file every pack folder is kept: one of them may be all there is.
    with suppress(PackError):
        removed += _remove_unreferenced(data_dir)
    return removed


def _remove_unreferenced(data_dir: Path) -> list[Path]:
    """Pack folders that are neither active nor previous nor on show in the running kiosk, and stale
    temporary state files. PackError (and nothing removed) when the state file is damaged."""
    state = _state_or_none(data_dir)
    keep = {record["folder"] for record in _records(state)}
    packs_dir = data_dir / PACKS_DIR
    shown = _showing_note(packs_dir)
    if shown is not None and shown[0] is not None:
        keep.add(shown[0])
    removed: list[Path] = []
    try:
        candidates = list(packs_dir.iterdir())
    except OSError:
        return removed
    for candidate in candidates:
        name = candidate.name
        stale_state = name.startswith(f".{STATE_NAME}.") and name.endswith(".tmp")
        # A kiosk starting right now may be about to rename its note into place: only old ones go.
        stale_note = name.startswith(f".{SHOWING_NAME}.") and name.endswith(".tmp") and _older_than(candidate)
        if stale_state or stale_note or (candidate.is_dir() and name not in keep):
            _remove_tree(candidate)
            removed.append(candidate)
    return removed


class _State(TypedDict):
    active: PackRecord | None
    previous: PackRecord | None
    # The newest `created` of every pack this kiosk has had active or previous, also those no longer
    # kept: a watched folder only installs packs made after it (see newest_pack_in).
    latest_created: str | None


def _state_or_none(data_dir: Path) -> _State | None:
    """The state file's records; None when there is none; PackError when it is damaged."""
    path = state_file(data_dir)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_STATE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PackError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_STATE_BYTES:
        raise PackError(f"{path} is damaged: too large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PackError(f"{path} is damaged: not JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackError(f"{path} is damaged: not a pack state file")
    latest = data.get("latest_created")
    return _State(
        active=_checked_record(data.get("active"), path),
        previous=_checked_record(data.get("previous"), path),
        # Only a hint for the watched folder: a bad one is left out, never the whole state.
        latest_created=latest if isinstance(latest, str) and _parse_time(latest) else None,
    )


def _readable_state(data_dir: Path) -> _State | None:
    """The state, or None when it is damaged: an install is how a kiosk recovers from that."""
    try:
        return _state_or_none(data_dir)
    except PackError:
        return None


def _records(state: _State | None) -> list[PackRecord]:
    if state is None:
        return []
    return [record for record in (state["active"], state["previous"]) if record is not None]


def _checked_record(value: Any, path: Path) -> PackRecord | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise PackError(f"{path} is damaged: a pack record is not an object")
    texts = (
        "version",
        "title",
        "created",
        "key_id",
        "installed_at",
        "folder",
        "manifest_sha256",
        "content_sha256",
    )
    for name in texts:
        if not isinstance(value.get(name), str):
            raise PackError(f"{path} is damaged: '{name}' is missing")
    for name in ("file_count", "total_bytes"):
        if not isinstance(value.get(name), int):
            raise PackError(f"{path} is damaged: '{name}' is missing")
    # The folder name is joined to the data folder: it must stay a plain name inside packs/.
    if not _FOLDER_NAME.match(value["folder"]) or ".." in value["folder"]:
        raise PackError(f"{path} is damaged: {value['folder']!r} is not a pack folder name")
    return PackRecord(
        version=value["version"],
        title=value["title"],
        created=value["created"],
        key_id=value["key_id"],
        installed_at=value["installed_at"],
        folder=value["folder"],
        file_count=value["file_count"],
        total_bytes=value["total_bytes"],
        manifest_sha256=value["manifest_sha256"],
        content_sha256=value["content_sha256"],
    )


def _absolute(record: PackRecord, data_dir: Path) -> PackRecord:
    absolute = PackRecord(**record)
    absolute["folder"] = str(Path(data_dir) / PACKS_DIR / record["folder"])
    return absolute


def _next_state(old: _State | None, active: PackRecord | None, previous: PackRecord | None) -> _State:
    """The state after a switch, remembering the newest pack the kiosk has had (`latest_created`): a pack
    that is no longer kept (after `use_bundled`, or a second install) must not come back by itself."""
    texts = [record["created"] for record in [*_records(old), *(r for r in (active, previous) if r)]]
    if old is not None and old["latest_created"]:
        texts.append(old["latest_created"])
    times = [(moment, text) for text in texts if (moment := _parse_time(text))]
    return _State(active=active, previous=previous, latest_created=max(times)[1] if times else None)


def _recorded(data_dir: Path, folder: Path) -> bool:
    """Whether the state file on disk names `folder` (a write that failed after its rename did not)."""
    try:
        state = _state_or_none(data_dir)
    except PackError:
        return False
    return any(record["folder"] == folder.name for record in _records(state))


def _write_state(data_dir: Path, state: _State) -> None:
    """The one write that switches packs: a whole new file or the old one, on every system."""
    document = {
        "format": FORMAT,
        "active": state["active"],
        "previous": state["previous"],
        "latest_created": state["latest_created"],
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    _write_atomically(state_file(data_dir), text.encode("utf-8"))
