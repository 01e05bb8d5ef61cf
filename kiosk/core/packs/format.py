"""The pack format: names inside a .kpack and the kiosk's data folder, the limits a pack must keep,
what a manifest says (PackInfo) and how an installed pack is recorded (PackRecord)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypedDict

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


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size < 1024**3 else f"{size / 1024**3:.1f} GB"
