"""Installing a pack: unpacked into staging, checked, moved beside the installed packs and made
active by one atomic write of the state file."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.packs.files import _fsync_dir, _locked, _remove_tree, _rename
from kiosk.core.packs.format import (
    CHUNK_BYTES,
    COPY_AGAIN,
    DEFAULT_LIMITS,
    DISK_MARGIN_BYTES,
    MANIFEST_NAME,
    PACKS_DIR,
    SIGNATURE_NAME,
    STAGING_DIR,
    Limits,
    PackError,
    PackRecord,
    _Manifest,
    _megabytes,
)
from kiosk.core.packs.reading import _checked_entries, _open_pack, _signed_manifest
from kiosk.core.packs.state import (
    _absolute,
    _clean_leftovers,
    _content_ok,
    _next_state,
    _readable_state,
    _record,
    _recorded,
    _remove_unreferenced,
    _state_or_none,
    _write_state,
)

if TYPE_CHECKING:
    import zipfile


def install(
    pack_file: Path,
    data_dir: Path,
    trusted_keys: Mapping[str, bytes],
    validate: Callable[[Path], list[str]],
    *,
    step_hook: Callable[[str], None] | None = None,
    cleared: Callable[[list[Path]], None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PackRecord:
    """Check, unpack and switch to `pack_file`; returns the pack now active. PackError (nothing changed
    but the staging folder, which is emptied) when the pack is refused. `validate` returns the error
    lines for a staged content folder. `cleared` is called with what earlier installs left behind (an
    interrupted install's staging folder, a pack folder no longer kept) once it is removed, if there was
    any. The folder the running kiosk shows (`mark_showing`) is never removed, and when the state file
    was damaged no pack folder is removed at all: one of them may be all there is."""
    hook = step_hook or (lambda _step: None)
    pack_file, data_dir = Path(pack_file), Path(data_dir)
    staging_root = data_dir / STAGING_DIR
    packs_dir = data_dir / PACKS_DIR
    hook("prepare")
    with _locked(staging_root):
        removed = _clean_leftovers(data_dir)
        if removed and cleared is not None:
            cleared(removed)
        staged: Path | None = None
        unrecorded: Path | None = None
        try:
            hook("open")
            with _open_pack(pack_file, limits) as archive:
                hook("signature")
                manifest = _signed_manifest(archive, trusted_keys, limits)
                current = _readable_state(data_dir)
                active = current["active"] if current else None
                if (
                    active
                    and active["manifest_sha256"] == manifest.info.manifest_sha256
                    and _content_ok(data_dir, active)
                ):
                    raise PackError(
                        f"this pack (version {manifest.info.version}, made {manifest.info.created}) "
                        "is already the one installed"
                    )
                hook("entries")
                entries = _checked_entries(archive, manifest, limits)
                _refuse_short_disk(staging_root, manifest.info.total_bytes)
                hook("extract")
                import tempfile

                staged = staged_folder = Path(tempfile.mkdtemp(dir=staging_root, prefix="pack-"))
                _extract(archive, entries, manifest, staged_folder, limits)
            hook("validate")
            try:
                problems = [str(line) for line in validate(staged_folder / "content")]
            except Exception as exc:  # the checker's failure must not leave a half-made install
                raise PackError(f"the content could not be checked ({type(exc).__name__}: {exc})") from exc
            if problems:
                raise PackError(
                    f"the content has {len(problems)} error(s), the first: {problems[0]}", problems
                )
            hook("move")
            packs_dir.mkdir(parents=True, exist_ok=True)
            target = _free_folder(packs_dir, manifest.info.folder_name)
            _rename(staged_folder, target)
            staged, unrecorded = None, target
            _fsync_dir(packs_dir)
            _fsync_dir(staging_root)
            hook("switch")
            try:
                current, state_was_readable = _state_or_none(data_dir), True
            except PackError:
                current, state_was_readable = None, False
            old_active = current["active"] if current else None
            if current is not None and (
                old_active is None or not (packs_dir / old_active["folder"]).is_dir()
            ):
                # From the bundled content (`use_bundled`), the pack to go back to stays the previous one.
                old_active = current["previous"]
            if old_active is not None and (
                not (packs_dir / old_active["folder"]).is_dir()
                or old_active["manifest_sha256"] == manifest.info.manifest_sha256  # the same pack again
            ):
                old_active = None
            record = _record(manifest.info, target)
            _write_state(data_dir, _next_state(current, record, old_active))
            unrecorded = None
            hook("cleanup")
            if state_was_readable:
                _remove_unreferenced(data_dir)
        except OSError as exc:
            raise PackError(f"the install could not finish: {exc.strerror or exc}") from None
        finally:
            if staged is not None:
                _remove_tree(staged)
            if unrecorded is not None and not _recorded(data_dir, unrecorded):
                # The state could not be written (a full disk): the new folder is nobody's, and
                # would keep its space until the next install.
                _remove_tree(unrecorded)
    hook("done")
    return _absolute(record, data_dir)


def _extract(
    archive: zipfile.ZipFile,
    entries: list[tuple[str, zipfile.ZipInfo]],
    manifest: _Manifest,
    staged: Path,
    limits: Limits,
) -> None:
    import zipfile
    import zlib

    content_root = staged / "content"
    content_root.mkdir()
    made = [staged, content_root]
    written = 0
    for relative, info in entries:
        expected_size, expected_sha = manifest.files[relative]
        *folders, file_name = relative.split("/")
        folder = content_root
        for part in folders:
            folder = folder / part
            if not folder.is_dir():
                folder.mkdir()
                made.append(folder)
        target = folder / file_name
        digest = hashlib.sha256()
        count = 0
        try:
            with archive.open(info) as source, target.open("xb") as sink:
                # Counted here, never taken from the zip's headers: they may lie (a zip bomb).
                while chunk := source.read(CHUNK_BYTES):
                    count += len(chunk)
                    written += len(chunk)
                    if count > expected_size:
                        raise PackError(
                            f"refused: 'content/{relative}' unpacks to more than the {expected_size} "
                            "bytes its manifest says"
                        )
                    if written > limits.max_total_bytes:
                        raise PackError(
                            f"refused: the pack unpacks to more than {_megabytes(limits.max_total_bytes)}"
                        )
                    digest.update(chunk)
                    sink.write(chunk)
                sink.flush()
                os.fsync(sink.fileno())
        except PackError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise PackError(
                f"refused: 'content/{relative}' is damaged in the pack ({exc}): {COPY_AGAIN}"
            ) from None
        except OSError as exc:
            raise PackError(f"cannot unpack 'content/{relative}': {exc.strerror or exc}") from None
        if count != expected_size:
            raise PackError(
                f"refused: 'content/{relative}' has {count} bytes, its signed manifest says {expected_size}"
            )
        if digest.hexdigest() != expected_sha:
            raise PackError(
                f"refused: 'content/{relative}' does not match its signed manifest (SHA-256): "
                "the pack was changed after signing"
            )
    for name, data in ((MANIFEST_NAME, manifest.raw), (SIGNATURE_NAME, manifest.signature)):
        with (staged / name).open("xb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    for folder in reversed(made):
        _fsync_dir(folder)


def _refuse_short_disk(folder: Path, needed: int) -> None:
    import shutil

    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + DISK_MARGIN_BYTES:
        raise PackError(
            f"not enough disk space: the pack needs {_megabytes(needed)} and "
            f"{_megabytes(DISK_MARGIN_BYTES)} must stay free; {_megabytes(free)} is free"
        )


def _free_folder(packs_dir: Path, name: str) -> Path:
    """A folder name not in use: installing the previous pack again gets a fresh, checked copy."""
    candidate = packs_dir / name
    number = 2
    while candidate.exists():
        candidate = packs_dir / f"{name}-{number}"
        number += 1
    return candidate
