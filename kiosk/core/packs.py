"""Signed content packs: how new content reaches kiosks that have no network, or only a shared folder.

A pack (.kpack) is a zip holding `manifest.json` (every file's size and SHA-256), `manifest.sig` (an
Ed25519 signature of the manifest's exact bytes) and the content folder under `content/`. A kiosk
installs a pack only when a key it trusts signed it and every byte matches the manifest. The pack is
unpacked into a staging folder, checked, moved next to the installed packs and made active by one
atomic write of a small state file, so an install cut short at any point leaves the kiosk on the old
content or on the new, never on a mix of both.

Start-up only calls `active_content`, which reads the state file, and `mark_showing`, which notes the
pack the running kiosk shows so that no clean-up deletes it: cryptography, zipfile and the content loader
are imported by the functions that need them.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    import zipfile

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = 1
PACK_SUFFIX = ".kpack"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
CONTENT_PREFIX = "content/"
PRIVATE_KEY_NAME = "signing.key"
PUBLIC_KEY_NAME = "signing.pub"
TRUSTED_KEYS_DIR = "trusted-keys"
PACKS_DIR = "packs"
STAGING_DIR = "staging"
STATE_NAME = "state.json"
# Which installed pack the running kiosk shows (written at each start): never deleted while noted there.
SHOWING_NAME = "showing.json"
LOCK_NAME = ".lock"

# step_hook is called with each name before that step starts, and with "done" at the end.
INSTALL_STEPS = (
    "prepare",
    "open",
    "signature",
    "entries",
    "extract",
    "validate",
    "move",
    "switch",
    "cleanup",
    "done",
)

KEY_ID_CHARS = 16
SIGNATURE_BYTES = 64
MAX_KEY_FILE_BYTES = 64 * 1024
MAX_STATE_BYTES = 256 * 1024
# A showing.json temporary older than this was left by a kiosk that died while writing it.
STALE_NOTE_SECONDS = 3600
CHUNK_BYTES = 1024 * 1024
# The hint for a pack whose bytes are damaged: a USB stick pulled too early, or a copy cut short.
COPY_AGAIN = "copy the pack again"
# Left free on the disk after unpacking: a kiosk with a full disk cannot write its logs or caches.
DISK_MARGIN_BYTES = 100 * 1024 * 1024

# Already compressed: deflating them again costs time at both ends and saves nothing.
_STORED_SUFFIXES = {".mp4", ".m4v", ".webm", ".png", ".jpg", ".jpeg", ".pdf", ".zip", ".gz", ".woff2"}
_SKIPPED_NAMES = {"thumbs.db", "desktop.ini"}
_SKIPPED_SUFFIXES = ("~", ".bak", ".swp", ".tmp", ".orig")
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(1, 10)),
    *(f"lpt{n}" for n in range(1, 10)),
}
_WINDOWS_FORBIDDEN_CHARS = set('<>:"|?*')
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_KEY_ID = re.compile(rf"^[0-9a-f]{{{KEY_ID_CHARS}}}$")
_FOLDER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")


@dataclass(frozen=True)
class Limits:
    """What one pack may hold. A pack may come from anyone's USB stick: these bound the work and the disk
    a hostile pack can take before it is refused. The bundled content is about 90 files and 6 MB."""

    max_entries: int = 10_000
    # The deep check already warns above 200 MB per video; this is a hard ceiling well past it.
    max_file_bytes: int = 2 * 1024**3
    max_total_bytes: int = 8 * 1024**3
    max_manifest_bytes: int = 4 * 1024**2
    # manifest.json is three levels deep ({"files": {name: {"size": ...}}}): a little room, no more.
    max_manifest_depth: int = 8
    # Windows paths stop at 260 characters and the data folder with the pack's folder takes about 100.
    max_path_chars: int = 150

    @property
    def max_directory_bytes(self) -> int:
        """The most a zip's central directory may take for `max_entries` entries: each is 46 bytes, its
        name (at most `max_path_chars` characters of up to 4 bytes, under content/) and its extra
        fields (zip64 sizes, timestamps), with room to spare."""
        return self.max_entries * 1024


DEFAULT_LIMITS = Limits()


class PackError(Exception):
    """A key, pack or installed state that cannot be used. `reason` is one line for a person to read;
    `details` are further lines (such as the content's validation errors), possibly none."""

    def __init__(self, reason: str, details: list[str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = list(details or [])


@dataclass(frozen=True)
class PackInfo:
    """What a pack's signed manifest says about it."""

    version: str
    title: str
    created: str
    key_id: str
    file_count: int
    total_bytes: int
    manifest_sha256: str
    # Of the file list alone: the same content built twice has the same content_sha256.
    content_sha256: str

    @property
    def folder_name(self) -> str:
        version = re.sub(r"[^A-Za-z0-9._-]+", "_", self.version).strip("._-")[:40] or "content"
        return f"{version}-{_compact(self.created)}-{self.manifest_sha256[:8]}"


class PackRecord(TypedDict):
    """An installed pack, as status() reports it (JSON-ready, for the admin panel too)."""

    version: str
    title: str
    created: str
    key_id: str
    installed_at: str
    folder: str
    file_count: int
    total_bytes: int
    manifest_sha256: str
    content_sha256: str


# {"active": ..., "previous": ...}: a plain dict, as the admin panel reads it. An active None is the
# content that came with the app (nothing installed, or `use_bundled`).
PackStatus = dict[str, PackRecord | None]


class Showing(TypedDict):
    """What the running kiosk showed when it started (showing.json, written by `mark_showing`)."""

    # The installed pack, with its absolute folder; None for the content that came with the app.
    pack: PackRecord | None
    pid: int
    since: str


@dataclass(frozen=True)
class TrustedKey:
    file: Path
    key_id: str
    public_bytes: bytes


@dataclass(frozen=True)
class ScannedPack:
    """A *.kpack file found in a folder: its manifest when it is validly signed, else why it is not."""

    path: Path
    info: PackInfo | None
    reason: str | None


@dataclass(frozen=True)
class _Manifest:
    info: PackInfo
    files: dict[str, tuple[int, str]]
    raw: bytes
    signature: bytes


# --- keys ------------------------------------------------------------------------------------------


def key_id(public_bytes: bytes) -> str:
    """The short name of a public key that people compare: the start of the SHA-256 of its raw bytes."""
    return hashlib.sha256(public_bytes).hexdigest()[:KEY_ID_CHARS]


def keygen(keydir: Path) -> str:
    """Write a new Ed25519 key pair into `keydir`; returns its key id. Never replaces a key: every kiosk
    that trusts the old one would refuse the packs signed by the new."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    keydir = Path(keydir)
    private_file, public_file = keydir / PRIVATE_KEY_NAME, keydir / PUBLIC_KEY_NAME
    for existing in (private_file, public_file):
        if existing.exists():
            raise PackError(
                f"{existing} already exists: a signing key is never replaced (kiosks that trust it "
                "would refuse new packs). Choose another folder."
            )
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    try:
        keydir.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two keygens at once must not both believe they made the key.
        fd = os.open(private_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(private_pem)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(private_file, 0o600)
        _write_atomically(public_file, public_pem, 0o644)
    except FileExistsError:
        raise PackError(f"{private_file} already exists: a signing key is never replaced.") from None
    except OSError as exc:
        raise PackError(f"cannot write the key into {keydir}: {exc.strerror or exc}") from None
    return key_id(_raw_public_bytes(key.public_key()))


def trust(public_key_file: Path, config_dir: Path) -> str:
    """Make this kiosk accept packs signed with the key in `public_key_file`; returns its key id."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    public_key_file = Path(public_key_file)
    raw = _public_bytes_from_pem(_read_small(public_key_file, "public key"), str(public_key_file))
    # Written afresh rather than copied: whatever else the file held stays behind.
    pem = Ed25519PublicKey.from_public_bytes(raw).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    identifier = key_id(raw)
    target = Path(config_dir) / TRUSTED_KEYS_DIR / f"{identifier}.pub"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, pem, 0o644)
    except OSError as exc:
        raise PackError(f"cannot write {target}: {exc.strerror or exc}") from None
    return identifier


def list_trusted_keys(config_dir: Path) -> tuple[list[TrustedKey], list[str]]:
    """The keys this kiosk trusts, and a line for each file in trusted-keys/ that is not a usable key."""
    folder = Path(config_dir) / TRUSTED_KEYS_DIR
    keys: list[TrustedKey] = []
    problems: list[str] = []
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".pub" and not p.name.startswith("."))
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        return [], [f"{folder}: cannot be read ({exc.strerror or exc})"]
    for file in files:
        try:
            raw = _public_bytes_from_pem(_read_small(file, "public key"), str(file))
        except PackError as exc:
            problems.append(exc.reason)
            continue
        keys.append(TrustedKey(file, key_id(raw), raw))
    return keys, problems


def load_trusted_keys(config_dir: Path) -> dict[str, bytes]:
    """Key id -> raw Ed25519 public key, for install(), inspect_pack() and newest_pack_in()."""
    keys, _problems = list_trusted_keys(config_dir)
    return {key.key_id: key.public_bytes for key in keys}


# --- building ----------------------------------------------------------------------------------------


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


# --- reading and checking a pack -------------------------------------------------------------------


def path_problem(name: str, max_chars: int = DEFAULT_LIMITS.max_path_chars) -> str | None:
    """None when `name` is a relative path that unpacks safely on Linux, Windows and macOS alike, else
    what is wrong with it, in words."""
    shown = repr(name)
    if not name:
        return "an entry has an empty name"
    if len(name) > max_chars:
        return f"{shown} is longer than {max_chars} characters"
    if name.startswith("/"):
        return f"{shown} is an absolute path"
    if re.match(r"^[A-Za-z]:", name):
        return f"{shown} starts with a drive letter"
    if "\\" in name:
        return f"{shown} holds a backslash (a Windows path, which may point elsewhere)"
    for part in name.split("/"):
        if part == "..":
            return f"{shown} points outside the pack ('..')"
        if part in ("", "."):
            return f"{shown} has an empty or '.' folder in its path"
        if any(ord(char) < 32 or char in _WINDOWS_FORBIDDEN_CHARS for char in part):
            return f"{shown} holds a character that Windows does not allow in a file name"
        if part.endswith((" ", ".")):
            return f"{shown} has a name ending in a dot or a space, which Windows drops"
        if part.split(".")[0].lower() in _WINDOWS_RESERVED:
            return f"{shown} uses a name that Windows reserves for devices"
    return None


def inspect_pack(
    pack_file: Path, trusted_keys: Mapping[str, bytes], *, limits: Limits = DEFAULT_LIMITS
) -> PackInfo:
    """The signed manifest of `pack_file`, read without unpacking anything else; PackError when the pack
    cannot be read or a trusted key did not sign it."""
    with _open_pack(Path(pack_file), limits) as archive:
        return _signed_manifest(archive, trusted_keys, limits).info


@contextmanager
def _open_pack(pack_file: Path, limits: Limits) -> Iterator[zipfile.ZipFile]:
    import zipfile

    stream = _open_regular_file(pack_file)
    with stream:
        try:
            # zipfile reads the whole central directory at once, and makes an object of each entry in
            # it whatever the end record claims: refuse a huge one from its size before it does.
            _check_central_directory(stream, limits)
            stream.seek(0)
            archive = zipfile.ZipFile(stream)
        except PackError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise PackError(
                f"{pack_file.name} is not a content pack, or is incomplete or damaged ({exc}); "
                f"if it is a copy, {COPY_AGAIN}"
            ) from None
        with archive:
            yield archive


def _open_regular_file(pack_file: Path) -> IO[bytes]:
    """The pack, open for reading, when it is a plain file: a pipe would wait for a writer for ever and
    a device (/dev/zero) never ends, so neither is ever read. O_NONBLOCK keeps a pipe swapped in after
    the first look from blocking the open; the second look is at what was opened."""
    refused = f"{pack_file} is not a file (a folder, a device or a pipe): it is not read"
    try:
        if not stat.S_ISREG(os.stat(pack_file).st_mode):
            raise PackError(refused)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(pack_file, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise PackError(f"{pack_file} does not exist") from None
    except OSError as exc:
        raise PackError(f"{pack_file} cannot be read: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise PackError(refused)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# The zip's records: the end of central directory (EOCD), the zip64 EOCD and its locator, and the
# central directory's entry header.
_EOCD = b"PK\x05\x06"
_EOCD_BYTES = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_BYTES = 20
_ZIP64_EOCD = b"PK\x06\x06"
_ZIP64_EOCD_BYTES = 56
_DIRECTORY_ENTRY = b"PK\x01\x02"
_DIRECTORY_ENTRY_BYTES = 46


def _check_central_directory(stream: IO[bytes], limits: Limits) -> None:
    """Refuse a central directory that could not belong to a pack within `limits`, reading no more
    than its end records and, when its size is within bounds, counting its entries header by header.
    The records are found where zipfile looks for them, so this judges what zipfile would read."""
    found = _end_records(stream)
    if found is None:
        return  # not a zip at all: zipfile says so in its own words
    start, size, declared, largest = found
    if declared > limits.max_entries:
        raise PackError(
            f"the pack lists {declared} entries: more than the {limits.max_entries} a pack may hold"
        )
    if largest > limits.max_directory_bytes:
        raise PackError(
            f"the pack's list of files takes {_megabytes(largest)}, more than a pack of "
            f"{limits.max_entries} files needs ({_megabytes(limits.max_directory_bytes)})"
        )
    if start < 0:
        return  # zipfile refuses it as damaged
    stream.seek(start)
    directory = stream.read(size)
    count, at = 0, 0
    while directory.startswith(_DIRECTORY_ENTRY, at) and at + _DIRECTORY_ENTRY_BYTES <= len(directory):
        count += 1
        if count > limits.max_entries:
            raise PackError(
                f"the pack holds more than the {limits.max_entries} entries a pack may hold "
                f"(its end record says {declared})"
            )
        name, extra, comment = (
            int.from_bytes(directory[at + offset : at + offset + 2], "little") for offset in (28, 30, 32)
        )
        at += _DIRECTORY_ENTRY_BYTES + name + extra + comment


def _end_records(stream: IO[bytes]) -> tuple[int, int, int, int] | None:
    """(where the central directory starts, its size in bytes, the entry count the end record
    declares), as zipfile finds them (`_EndRecData`, `_EndRecData64`, `_RealGetContents`), and the
    largest size any end record claims; None when there is no end record."""
    stream.seek(0, os.SEEK_END)
    file_size = stream.tell()
    if file_size < _EOCD_BYTES:
        return None
    stream.seek(file_size - _EOCD_BYTES)
    record = stream.read(_EOCD_BYTES)
    at = file_size - _EOCD_BYTES
    if not (record.startswith(_EOCD) and record.endswith(b"\0\0")):
        # A zip comment follows the end record: it is the last one in the final 64 KiB.
        tail_start = max(file_size - _EOCD_BYTES - (1 << 16), 0)
        stream.seek(tail_start)
        tail = stream.read(file_size - tail_start)
        found = tail.rfind(_EOCD)
        if found < 0 or len(tail) - found < _EOCD_BYTES:
            return None
        record, at = tail[found : found + _EOCD_BYTES], tail_start + found
    declared = int.from_bytes(record[10:12], "little")
    size = int.from_bytes(record[12:16], "little")
    start = at - size  # the directory ends where the end record begins
    pointed_size = 0
    if at >= _ZIP64_LOCATOR_BYTES + _ZIP64_EOCD_BYTES:
        stream.seek(at - _ZIP64_LOCATOR_BYTES)
        locator = stream.read(_ZIP64_LOCATOR_BYTES)
        if locator.startswith(_ZIP64_LOCATOR):
            # zipfile (3.11) takes the zip64 record just before its locator.
            just_before = at - _ZIP64_LOCATOR_BYTES - _ZIP64_EOCD_BYTES
            record64 = _zip64_record(stream, just_before, file_size)
            if record64 is not None:
                declared, size = record64
                start = just_before - size
            # Other readers (and later Pythons) go where the locator points: judge that claim too.
            pointed = _zip64_record(stream, int.from_bytes(locator[8:16], "little"), file_size)
            pointed_size = pointed[1] if pointed else 0
    return start, size, declared, max(size, pointed_size)


def _zip64_record(stream: IO[bytes], place: int, file_size: int) -> tuple[int, int] | None:
    """(declared entries, central directory size) of the zip64 end record at `place`, if one is there."""
    if not 0 <= place <= file_size - _ZIP64_EOCD_BYTES:
        return None
    stream.seek(place)
    record = stream.read(_ZIP64_EOCD_BYTES)
    if not record.startswith(_ZIP64_EOCD):
        return None
    return int.from_bytes(record[32:40], "little"), int.from_bytes(record[40:48], "little")


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    import zipfile
    import zlib

    if info.file_size > limit:
        raise PackError(f"'{info.filename}' is larger than the {limit} bytes it may be")
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise PackError(f"'{info.filename}' is damaged in the pack ({exc}): {COPY_AGAIN}") from None
    if len(data) > limit:
        raise PackError(f"'{info.filename}' unpacks to more than the {limit} bytes it may be")
    return data


def _signed_manifest(
    archive: zipfile.ZipFile, trusted_keys: Mapping[str, bytes], limits: Limits
) -> _Manifest:
    infos = {info.filename: info for info in archive.infolist()}
    if MANIFEST_NAME not in infos:
        raise PackError("not a content pack: it has no manifest.json")
    if SIGNATURE_NAME not in infos:
        raise PackError("not signed: the pack has no manifest.sig")
    signature = _read_entry(archive, infos[SIGNATURE_NAME], 1024)
    raw = _read_entry(archive, infos[MANIFEST_NAME], limits.max_manifest_bytes)
    if len(signature) != SIGNATURE_BYTES:
        raise PackError("not signed: manifest.sig is not an Ed25519 signature")
    data = _manifest_json(raw, limits)
    signer = next((kid for kid, public in trusted_keys.items() if _verifies(public, signature, raw)), None)
    if signer is None:
        claimed = _claimed_key_id(data)
        if claimed is not None and claimed not in trusted_keys:
            hint = "" if trusted_keys else "; this kiosk trusts no key yet (kiosk pack trust signing.pub)"
            raise PackError(f"signed by a key this kiosk does not trust (key id {claimed}){hint}")
        raise PackError("the signature does not match: the pack was changed after signing")
    manifest = _parse_manifest(raw, limits, signature, data)
    if manifest.info.key_id != signer:
        raise PackError(
            f"the manifest names key {manifest.info.key_id} but key {signer} signed it: build the pack again"
        )
    return manifest


def _verifies(public_bytes: bytes, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_bytes).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _claimed_key_id(data: Any) -> str | None:
    """The key id an unverified manifest names, only to word the refusal."""
    value = data.get("key_id") if isinstance(data, dict) else None
    return value if isinstance(value, str) and _KEY_ID.match(value) else None


# A JSON string, escapes included: what is inside one is never structure.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_JSON = object()
_ALL_BUT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))


def _manifest_json(raw: bytes, limits: Limits) -> Any:
    """The manifest's JSON, or `_NOT_JSON`. Its nesting is measured before it is parsed: Python's
    parser recurses once per level and a few thousand brackets would end it with a RecursionError.
    Each pass drops the innermost pairs of brackets, at the speed of bytes.replace."""
    brackets = _JSON_STRING.sub(b"", raw).translate(None, delete=_ALL_BUT_BRACKETS)
    for _level in range(limits.max_manifest_depth):
        brackets = brackets.replace(b"[]", b"").replace(b"{}", b"")
    if brackets:
        # Deeper than the limit, or brackets that do not pair up (not JSON, however deep).
        if brackets.replace(b"[]", b"").replace(b"{}", b"") != brackets:
            raise PackError(
                f"the pack's manifest is not valid: nested more than {limits.max_manifest_depth} levels deep"
            )
        return _NOT_JSON
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _NOT_JSON


def _parse_manifest(raw: bytes, limits: Limits, signature: bytes = b"", data: Any = _NOT_JSON) -> _Manifest:
    def bad(why: str) -> PackError:
        return PackError(f"the pack's manifest is not valid: {why}")

    if data is _NOT_JSON:
        data = _manifest_json(raw, limits)
    if data is _NOT_JSON:
        raise bad("not JSON")
    if not isinstance(data, dict):
        raise bad("not a JSON object")
    pack_format = data.get("format")
    if isinstance(pack_format, int) and not isinstance(pack_format, bool) and pack_format > FORMAT:
        raise PackError(f"the pack is format {pack_format}, made for a newer kiosk: update this kiosk first")
    if pack_format != FORMAT:
        raise bad(f"format {pack_format!r}")
    texts: dict[str, str] = {}
    for name, longest in (("version", 100), ("title", 300), ("created", 40), ("key_id", KEY_ID_CHARS)):
        value = data.get(name)
        if not isinstance(value, str) or len(value) > longest or (name != "title" and not value):
            raise bad(f"'{name}' is missing or not a short text")
        texts[name] = value
    if not _KEY_ID.match(texts["key_id"]):
        raise bad("'key_id' is not a key id")
    if _parse_time(texts["created"]) is None:
        raise bad("'created' is not a date and time with its time zone")
    listed = data.get("files")
    if not isinstance(listed, dict) or not listed:
        raise bad("'files' lists no files")
    if len(listed) + 2 > limits.max_entries:
        raise PackError(
            f"the pack lists {len(listed)} files: more than the {limits.max_entries} a pack may hold"
        )
    files: dict[str, tuple[int, str]] = {}
    total = 0
    for relative, entry in listed.items():
        problem = path_problem(relative, limits.max_path_chars)
        if problem:
            raise PackError(f"refused: in the manifest, {problem}")
        size = entry.get("size") if isinstance(entry, dict) else None
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise bad(f"'{relative}' has no size")
        if not isinstance(digest, str) or not _HEX64.match(digest):
            raise bad(f"'{relative}' has no SHA-256")
        if size > limits.max_file_bytes:
            raise PackError(
                f"refused: '{relative}' is {_megabytes(size)}, over the {_megabytes(limits.max_file_bytes)} a pack file may be"
            )
        total += size
        files[relative] = (size, digest)
    if total > limits.max_total_bytes:
        raise PackError(
            f"refused: the pack unpacks to {_megabytes(total)}, over the {_megabytes(limits.max_total_bytes)} a pack may hold"
        )
    canonical = json.dumps(sorted(files.items()), separators=(",", ":"), ensure_ascii=False)
    info = PackInfo(
        version=texts["version"],
        title=texts["title"],
        created=texts["created"],
        key_id=texts["key_id"],
        file_count=len(files),
        total_bytes=total,
        manifest_sha256=hashlib.sha256(raw).hexdigest(),
        content_sha256=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
    )
    return _Manifest(info, files, raw, signature)


def _folded(name: str) -> str:
    """One spelling per file as Windows and macOS see it: case-insensitive, one Unicode form."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def _entry_kind_problem(info: zipfile.ZipInfo) -> str | None:
    import zipfile

    shown = repr(info.filename)
    mode = info.external_attr >> 16
    if info.filename.endswith("/") or info.external_attr & 0x10:  # 0x10: the MS-DOS folder attribute
        return f"{shown} is a folder entry: a pack holds files only"
    if info.create_system == 3 and mode:
        if stat.S_ISLNK(mode):
            return f"{shown} is a symbolic link"
        if not stat.S_ISREG(mode):
            return f"{shown} is not a regular file"
    if info.flag_bits & 0x1:
        return f"{shown} is encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"{shown} uses a compression kiosks do not read"
    return None


def _checked_entries(
    archive: zipfile.ZipFile, manifest: _Manifest, limits: Limits
) -> list[tuple[str, zipfile.ZipInfo]]:
    """Every entry checked before a single byte is unpacked; the content files in extraction order."""
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise PackError(
            f"the pack holds {len(infos)} entries: more than the {limits.max_entries} a pack may hold"
        )
    spellings: dict[str, str] = {}
    folders: set[str] = set()
    content: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        problem = _entry_kind_problem(info) or path_problem(name, limits.max_path_chars + len(CONTENT_PREFIX))
        if problem:
            raise PackError(f"refused: {problem}")
        key = _folded(name)
        if key in spellings:
            if spellings[key] == name:
                raise PackError(f"refused: {name!r} is in the pack twice")
            raise PackError(
                f"refused: {spellings[key]!r} and {name!r} are one file on Windows and macOS "
                "(they differ only in upper/lower case or in how accents are encoded)"
            )
        spellings[key] = name
        parts = key.split("/")
        folders.update("/".join(parts[:end]) for end in range(1, len(parts)))
        if info.file_size > limits.max_file_bytes:
            raise PackError(
                f"refused: {name!r} unpacks to {_megabytes(info.file_size)}, over the {_megabytes(limits.max_file_bytes)} a pack file may be"
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackError(f"refused: the pack unpacks to more than {_megabytes(limits.max_total_bytes)}")
        if name in (MANIFEST_NAME, SIGNATURE_NAME):
            continue
        if not name.startswith(CONTENT_PREFIX):
            raise PackError(
                f"refused: {name!r} is not part of a content pack (only content/ and the manifest)"
            )
        content[name.removeprefix(CONTENT_PREFIX)] = info
    clash = sorted(folders & set(spellings))
    if clash:
        raise PackError(f"refused: {clash[0]!r} is both a file and a folder in the pack")
    _refuse_overlaps(infos)
    extra = sorted(set(content) - set(manifest.files))
    if extra:
        raise PackError(f"refused: 'content/{extra[0]}' is in the pack but not in its signed manifest")
    missing = sorted(set(manifest.files) - set(content))
    if missing:
        raise PackError(f"refused: '{missing[0]}' is in the signed manifest but not in the pack")
    for relative, info in content.items():
        size = manifest.files[relative][0]
        if info.file_size != size:
            raise PackError(
                f"refused: 'content/{relative}' is {info.file_size} bytes in the pack, "
                f"{size} in its signed manifest"
            )
    return sorted(content.items())


def _refuse_overlaps(infos: list[zipfile.ZipInfo]) -> None:
    """Entries that share compressed bytes are how the worst zip bombs multiply themselves."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for current, following in itertools.pairwise(ordered):
        encoding = "utf-8" if current.flag_bits & 0x800 else "cp437"
        try:
            name_length = len(current.orig_filename.encode(encoding))
        except UnicodeEncodeError:
            name_length = len(current.orig_filename.encode("utf-8"))
        if current.header_offset + 30 + name_length + current.compress_size > following.header_offset:
            raise PackError(f"refused: {current.filename!r} overlaps {following.filename!r} in the pack")


# --- installing --------------------------------------------------------------------------------------


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


# --- the installed state -----------------------------------------------------------------------------


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


def _older_than(path: Path, seconds: float = STALE_NOTE_SECONDS) -> bool:
    import time

    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


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


# --- watched folders ---------------------------------------------------------------------------------


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


# --- small helpers -------------------------------------------------------------------------------------


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


def _load_private_key(path: Path) -> Ed25519PrivateKey:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    data = _read_small(path, "signing key")
    try:
        key = load_pem_private_key(data, password=None)
    except TypeError:
        raise PackError(
            f"{path} is protected by a password, which kiosk pack build does not ask for"
        ) from None
    except (ValueError, UnsupportedAlgorithm):
        raise PackError(f"{path} is not a private key (made by kiosk pack keygen)") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError(f"{path} is not an Ed25519 key (made by kiosk pack keygen)")
    return key


def _public_bytes_from_pem(data: bytes, source: str) -> bytes:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    if b"PRIVATE KEY" in data:
        raise PackError(
            f"{source} is a private key: give kiosks the public key (signing.pub) and keep signing.key "
            "with the editors"
        )
    try:
        key = load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        raise PackError(f"{source} is not a public key (the signing.pub made by kiosk pack keygen)") from None
    if not isinstance(key, Ed25519PublicKey):
        raise PackError(f"{source} is not an Ed25519 public key (made by kiosk pack keygen)")
    return _raw_public_bytes(key)


def _raw_public_bytes(key: Any) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw: bytes = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return raw


def _parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
        # In UTC a time of year 1 or 9999 may fall outside the years a datetime holds.
        return moment.astimezone(UTC) if moment.tzinfo is not None else None
    except (ValueError, OverflowError):
        return None


def _now_text(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _compact(created: str) -> str:
    moment = _parse_time(created)
    return moment.strftime("%Y%m%dT%H%M%SZ") if moment else "undated"


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size < 1024**3 else f"{size / 1024**3:.1f} GB"
