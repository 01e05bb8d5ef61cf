"""Reading and checking a pack file before anything is unpacked: the zip's directory, the entries,
the manifest and its signature (`inspect_pack`)."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kiosk.core.packs.format import (
    _HEX64,
    _KEY_ID,
    _WINDOWS_FORBIDDEN_CHARS,
    _WINDOWS_RESERVED,
    CONTENT_PREFIX,
    COPY_AGAIN,
    DEFAULT_LIMITS,
    FORMAT,
    KEY_ID_CHARS,
    MANIFEST_NAME,
    SIGNATURE_BYTES,
    SIGNATURE_NAME,
    Limits,
    PackError,
    PackInfo,
    _Manifest,
    _megabytes,
    _parse_time,
)

if TYPE_CHECKING:
    import zipfile


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
