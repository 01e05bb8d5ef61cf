"""Signing keys: making a key pair, trusting a public key, reading the trusted ones."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core.packs.files import _read_small, _write_atomically
from kiosk.core.packs.format import (
    KEY_ID_CHARS,
    PRIVATE_KEY_NAME,
    PUBLIC_KEY_NAME,
    TRUSTED_KEYS_DIR,
    PackError,
    TrustedKey,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


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
