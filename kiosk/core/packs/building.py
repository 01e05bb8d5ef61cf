"""Building a signed pack from a content folder (`kiosk pack build`)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core.packs.files import _is_inside
from kiosk.core.packs.format import (
    _SKIPPED_NAMES,
    _SKIPPED_SUFFIXES,
    _STORED_SUFFIXES,
    CHUNK_BYTES,
    CONTENT_PREFIX,
    DEFAULT_LIMITS,
    FORMAT,
    MANIFEST_NAME,
    PACK_SUFFIX,
    SIGNATURE_NAME,
    Limits,
    PackError,
    PackInfo,
    _megabytes,
)
from kiosk.core.packs.keys import _load_private_key, _raw_public_bytes, key_id
from kiosk.core.packs.reading import _folded, _parse_manifest, path_problem

if TYPE_CHECKING:
    import zipfile


@dataclass(frozen=True)
class _SourceFile:
    relative: str
    path: Path
    size: int
    sha256: str


def build(
    content_dir: Path,
    out_file: Path,
    private_key_file: Path,
    *,
    created: datetime | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PackInfo:
    """Write a signed pack of `content_dir` to `out_file`. Refuses content with validation errors (the
    errors are the PackError's details). The same folder, key and `created` give the same bytes."""
    content_dir, out_file = Path(content_dir), Path(out_file)
    key = _load_private_key(Path(private_key_file))
    if not content_dir.is_dir():
        raise PackError(f"{content_dir} is not a folder")
    if out_file.suffix != PACK_SUFFIX:
        raise PackError(f"{out_file.name}: a content pack's name ends in {PACK_SUFFIX}")
    if _is_inside(out_file, content_dir):
        raise PackError(f"{out_file} is inside the content folder: write the pack somewhere else")

    from kiosk.core.loader import load_content
    from kiosk.core.problems import errors

    found = errors(load_content(content_dir).problems)
    if found:
        raise PackError(
            f"the content in {content_dir} has {len(found)} error(s); fix them (kiosk validate) "
            "and build again",
            [str(problem) for problem in found],
        )
    version, title = _version_and_title(content_dir)
    try:
        files = _source_files(content_dir, limits)
    except OSError as exc:
        raise PackError(f"cannot read {exc.filename or content_dir}: {exc.strerror or exc}") from None
    moment = (created or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "version": version,
        "title": title,
        "created": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "key_id": key_id(_raw_public_bytes(key.public_key())),
        "files": {f.relative: {"size": f.size, "sha256": f.sha256} for f in files},
    }
    raw = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    signature = key.sign(raw)
    _write_pack(out_file, raw, signature, files, moment)
    return _parse_manifest(raw, limits).info


def _version_and_title(content_dir: Path) -> tuple[str, str]:
    import yaml

    try:
        agenda = yaml.safe_load((content_dir / "agenda.yaml").read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackError(f"cannot read agenda.yaml: {exc}") from None
    if not isinstance(agenda, dict):
        raise PackError("agenda.yaml holds no keys and values")
    version = str(agenda.get("version") or "").strip()
    if not version:
        raise PackError("agenda.yaml has no version: a pack needs one to be told apart")
    title = agenda.get("title")
    if isinstance(title, dict):
        languages = agenda.get("languages")
        preferred = [*(languages if isinstance(languages, list) else []), "en", *title.keys()]
        title = next((title[code] for code in preferred if isinstance(title.get(code), str)), "")
    return version[:100], str(title or "")[:300]


def _skipped(name: str) -> bool:
    """Hidden files and folders (.git, .DS_Store) and editors' backups and lock files."""
    lowered = name.lower()
    return (
        name.startswith((".", "~$"))
        or (name.startswith("#") and name.endswith("#"))
        or lowered.endswith(_SKIPPED_SUFFIXES)
        or lowered in _SKIPPED_NAMES
    )


def _source_files(content_dir: Path, limits: Limits) -> list[_SourceFile]:
    files: list[_SourceFile] = []
    folded: dict[str, str] = {}
    total = 0

    def unreadable(error: OSError) -> None:
        raise error  # os.walk would skip the folder, and the pack would quietly lack its files

    for directory, folders, names in os.walk(content_dir, onerror=unreadable):
        here = Path(directory)
        for name in folders:
            if not _skipped(name) and (here / name).is_symlink():
                raise PackError(
                    f"{here / name} is a symbolic link: a pack holds real files only (copy the folder in)"
                )
        folders[:] = sorted(name for name in folders if not _skipped(name))
        for name in sorted(names):
            if _skipped(name):
                continue
            path = here / name
            relative = path.relative_to(content_dir).as_posix()
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                raise PackError(f"{path} is a symbolic link: a pack holds real files only (copy the file in)")
            if not stat.S_ISREG(mode):
                raise PackError(f"{path} is not a regular file")
            problem = path_problem(relative, limits.max_path_chars)
            if problem:
                raise PackError(f"{problem}: rename it, kiosks would refuse the pack")
            key = _folded(relative)
            if key in folded:
                raise PackError(
                    f"'{folded[key]}' and '{relative}' differ only in upper/lower case or accents: "
                    "they are one file on Windows and macOS"
                )
            folded[key] = relative
            size, digest = _hash_file(path)
            if size > limits.max_file_bytes:
                raise PackError(
                    f"'{relative}' is {_megabytes(size)}: over the {_megabytes(limits.max_file_bytes)} a pack file may be"
                )
            total += size
            files.append(_SourceFile(relative, path, size, digest))
    if total > limits.max_total_bytes:
        raise PackError(
            f"the content is {_megabytes(total)}: over the {_megabytes(limits.max_total_bytes)} a pack may hold"
        )
    if len(files) + 2 > limits.max_entries:
        raise PackError(f"the content has {len(files)} files: over the {limits.max_entries} a pack may hold")
    return sorted(files, key=lambda f: f.relative)


def _hash_file(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            size += len(chunk)
            digest.update(chunk)
    return size, digest.hexdigest()


def _write_pack(
    out_file: Path, manifest: bytes, signature: bytes, files: list[_SourceFile], moment: datetime
) -> None:
    import zipfile

    date_time = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)

    def entry(name: str, compressed: bool) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=date_time)
        info.create_system = 3  # Unix: the mode bits below say "regular file"
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.compress_type = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
        return info

    out_file.parent.mkdir(parents=True, exist_ok=True)
    # Written under a hidden name and renamed when whole: a synced or watched folder never offers a
    # half-written pack under its real name.
    partial = out_file.with_name(f".{out_file.name}.{os.getpid()}.partial")
    try:
        with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
            archive.writestr(entry(MANIFEST_NAME, True), manifest)
            archive.writestr(entry(SIGNATURE_NAME, False), signature)
            for source in files:
                info = entry(
                    CONTENT_PREFIX + source.relative,
                    Path(source.relative).suffix.lower() not in _STORED_SUFFIXES,
                )
                info.file_size = source.size
                digest = hashlib.sha256()
                with (
                    source.path.open("rb") as stream,
                    archive.open(info, "w", force_zip64=source.size >= zipfile.ZIP64_LIMIT) as sink,
                ):
                    while chunk := stream.read(CHUNK_BYTES):
                        digest.update(chunk)
                        sink.write(chunk)
                if digest.hexdigest() != source.sha256:
                    raise PackError(f"'{source.relative}' changed while the pack was built: build again")
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(partial, out_file)
    except OSError as exc:
        raise PackError(f"cannot write {out_file}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
