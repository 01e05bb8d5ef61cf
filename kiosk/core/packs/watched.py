"""Looking for packs in a folder (a USB drive, a shared folder): the newest validly signed one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from kiosk.core.packs.format import DEFAULT_LIMITS, PACK_SUFFIX, Limits, PackError, ScannedPack, _parse_time
from kiosk.core.packs.reading import inspect_pack
from kiosk.core.packs.state import _records, _state_or_none


def _looks_partial(name: str) -> bool:
    """Files a sync tool or a copy is still writing (Syncthing's .syncthing.*.tmp and ~syncthing~*.tmp,
    rsync's hidden temporaries), macOS's ._ companions on USB sticks, and editors' ~ backups."""
    lowered = name.lower()
    return name.startswith((".", "~")) or lowered.endswith(("~", ".tmp", ".part", ".partial"))


def scan_pack_folder(
    folder: Path, trusted_keys: Mapping[str, bytes], *, limits: Limits = DEFAULT_LIMITS
) -> list[ScannedPack]:
    """Every *.kpack at the top of `folder`, each with its signed manifest or the reason it is skipped.
    Reads only manifests and signatures. PackError when the folder itself cannot be read."""
    folder = Path(folder)
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError as exc:
        raise PackError(f"{folder} cannot be read: {exc.strerror or exc}") from None
    found: list[ScannedPack] = []
    for name in names:
        path = folder / name
        if not name.lower().endswith(PACK_SUFFIX) and not name.lower().endswith(f"{PACK_SUFFIX}.tmp"):
            continue
        if _looks_partial(name):
            found.append(
                ScannedPack(path, None, "a temporary or hidden file (still being copied or synced?)")
            )
            continue
        if not path.is_file():
            found.append(ScannedPack(path, None, "not a file"))
            continue
        found.append(scan_pack(path, trusted_keys, limits=limits))
    return found


def scan_pack(
    path: Path, trusted_keys: Mapping[str, bytes], *, limits: Limits = DEFAULT_LIMITS
) -> ScannedPack:
    """One pack file with its signed manifest, or the reason it cannot be used. Never raises: one bad
    file on a stick or in a folder must not hide the packs beside it."""
    try:
        return ScannedPack(path, inspect_pack(path, trusted_keys, limits=limits), None)
    except PackError as exc:
        return ScannedPack(path, None, exc.reason)
    except Exception as exc:  # a case no check foresaw: this file is skipped, the others are not
        return ScannedPack(path, None, f"cannot be read ({type(exc).__name__}: {exc})")


def newest_pack_in(
    folder: Path,
    data_dir: Path,
    trusted_keys: Mapping[str, bytes],
    *,
    skipped: list[str] | None = None,
) -> Path | None:
    """The newest validly signed pack in `folder` made after every pack the kiosk has had active or
    previous, with other content than either: after a rollback or `use_bundled`, neither the pack staff
    stepped away from nor anything older comes back by itself. Never raises; why each unusable pack was
    skipped is added to `skipped`."""
    notes: list[str] = [] if skipped is None else skipped
    try:
        scanned = scan_pack_folder(folder, trusted_keys)
    except PackError as exc:
        notes.append(exc.reason)
        return None
    try:
        state = _state_or_none(Path(data_dir))
    except PackError as exc:
        notes.append(exc.reason)
        state = None
    known = {record["content_sha256"] for record in _records(state)}
    texts = [record["created"] for record in _records(state)]
    if state is not None and state["latest_created"]:
        texts.append(state["latest_created"])
    times = [moment for text in texts if (moment := _parse_time(text))]
    latest = max(times, default=None)
    best: tuple[datetime, str, Path] | None = None
    for found in scanned:
        if found.info is None:
            notes.append(f"{found.path.name}: {found.reason}")
            continue
        created = _parse_time(found.info.created)
        if created is None or found.info.content_sha256 in known:
            continue
        if latest is not None and created <= latest:
            continue
        if best is None or (created, found.path.name) > best[:2]:
            best = (created, found.path.name, found.path)
    return best[2] if best else None
