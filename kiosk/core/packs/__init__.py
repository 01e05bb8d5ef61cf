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

One module per concern: format (names, limits, what a manifest says), keys, building, reading (checking a
file), installing, state (the installed packs), watched (packs found in a folder), files (shared helpers).
The public names are all here, so callers import from kiosk.core.packs.
"""

from __future__ import annotations

from kiosk.core.packs.building import build
from kiosk.core.packs.format import (
    CHUNK_BYTES,
    CONTENT_PREFIX,
    COPY_AGAIN,
    DEFAULT_LIMITS,
    DISK_MARGIN_BYTES,
    FORMAT,
    INSTALL_STEPS,
    KEY_ID_CHARS,
    LOCK_NAME,
    MANIFEST_NAME,
    MAX_KEY_FILE_BYTES,
    MAX_STATE_BYTES,
    PACK_SUFFIX,
    PACKS_DIR,
    PRIVATE_KEY_NAME,
    PUBLIC_KEY_NAME,
    SHOWING_NAME,
    SIGNATURE_BYTES,
    SIGNATURE_NAME,
    STAGING_DIR,
    STALE_NOTE_SECONDS,
    STATE_NAME,
    TRUSTED_KEYS_DIR,
    Limits,
    PackError,
    PackInfo,
    PackRecord,
    PackStatus,
    ScannedPack,
    Showing,
    TrustedKey,
)
from kiosk.core.packs.installing import install
from kiosk.core.packs.keys import key_id, keygen, list_trusted_keys, load_trusted_keys, trust
from kiosk.core.packs.reading import inspect_pack, path_problem
from kiosk.core.packs.state import (
    active_content,
    cleanup,
    mark_showing,
    rollback,
    showing,
    state_file,
    status,
    use_bundled,
)
from kiosk.core.packs.watched import newest_pack_in, scan_pack, scan_pack_folder

__all__ = [
    "CHUNK_BYTES",
    "CONTENT_PREFIX",
    "COPY_AGAIN",
    "DEFAULT_LIMITS",
    "DISK_MARGIN_BYTES",
    "FORMAT",
    "INSTALL_STEPS",
    "KEY_ID_CHARS",
    "LOCK_NAME",
    "MANIFEST_NAME",
    "MAX_KEY_FILE_BYTES",
    "MAX_STATE_BYTES",
    "PACKS_DIR",
    "PACK_SUFFIX",
    "PRIVATE_KEY_NAME",
    "PUBLIC_KEY_NAME",
    "SHOWING_NAME",
    "SIGNATURE_BYTES",
    "SIGNATURE_NAME",
    "STAGING_DIR",
    "STALE_NOTE_SECONDS",
    "STATE_NAME",
    "TRUSTED_KEYS_DIR",
    "Limits",
    "PackError",
    "PackInfo",
    "PackRecord",
    "PackStatus",
    "ScannedPack",
    "Showing",
    "TrustedKey",
    "active_content",
    "build",
    "cleanup",
    "inspect_pack",
    "install",
    "key_id",
    "keygen",
    "list_trusted_keys",
    "load_trusted_keys",
    "mark_showing",
    "newest_pack_in",
    "path_problem",
    "rollback",
    "scan_pack",
    "scan_pack_folder",
    "showing",
    "state_file",
    "status",
    "trust",
    "use_bundled",
]
