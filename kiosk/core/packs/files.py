"""File-system helpers the packs share: atomic writes, renames that survive a busy Windows file,
the install lock."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.core.packs.format import LOCK_NAME, MAX_KEY_FILE_BYTES, STALE_NOTE_SECONDS, PackError


def _older_than(path: Path, seconds: float = STALE_NOTE_SECONDS) -> bool:
    import time

    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


@contextmanager
def _locked(staging_root: Path) -> Iterator[None]:
    """One install, rollback or cleanup at a time (the admin panel and an idle-time install may meet).
    The operating system drops the lock if the process dies, so a crash never leaves it stuck."""
    try:
        staging_root.mkdir(parents=True, exist_ok=True)
        fd = os.open(staging_root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise PackError(f"cannot use {staging_root}: {exc.strerror or exc}") from None
    busy = PackError("another pack install or rollback is running on this kiosk: try again when it ends")
    try:
        if sys.platform == "win32":
            import msvcrt

            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                raise busy from None
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise busy from None
            yield
    finally:
        os.close(fd)


def _write_atomically(target: Path, data: bytes, mode: int | None = None) -> None:
    import tempfile

    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if mode is not None:
            os.chmod(temporary, mode)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _rename(source: Path, target: Path) -> None:
    if sys.platform != "win32":
        os.replace(source, target)
        return
    import time

    # On Windows a virus scanner or the search indexer often holds a file that was just written for a
    # moment, and renaming its folder fails meanwhile.
    for attempt in range(10):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == 9:
                raise
            time.sleep(0.3)


def _fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` survive a power cut."""
    if sys.platform == "win32":
        return  # NTFS journals its metadata, and a folder cannot be opened for fsync there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_tree(path: Path) -> None:
    import shutil

    # A file still open in the running kiosk (on Windows) stays until the next clean-up.
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _read_small(path: Path, what: str) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise PackError(f"cannot read the {what} {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_KEY_FILE_BYTES:
        raise PackError(f"{path} is too large to be a {what}")
    return data


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
