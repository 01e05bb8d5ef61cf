"""`kiosk pack ...`: signing keys, building, trusting, installing and rolling back signed content packs.

Imported by kiosk.cli to add its subcommands, so this module itself stays light: the work is imported
when a command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import paths

if TYPE_CHECKING:
    from kiosk.core.packs import PackInfo, PackRecord

# One line per install step: the admin panel runs `kiosk pack install` and shows these as they come.
STEP_LINES = {
    "prepare": "Preparing: clearing what an interrupted install left behind",
    "open": "Opening the pack",
    "signature": "Checking the signature",
    "entries": "Checking the list of files in the pack",
    "extract": "Unpacking into a staging folder and checking every file against the signed list",
    "validate": "Checking the content as the kiosk will show it (every page, video and PDF)",
    "move": "Putting the new content in place",
    "switch": "Switching the kiosk to the new content",
    "cleanup": "Removing packs older than the previous one",
}


def add_pack_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pack = subparsers.add_parser(
        "pack",
        help="signed content packs: make a signing key, build a pack, trust a key, install from a file "
        "or USB drive, roll back",
        description="Signed content packs carry new content to kiosks. Editors: keygen once, then build. "
        "Each kiosk: trust the editors' signing.pub once, then install.",
    )
    commands = pack.add_subparsers(dest="pack_command", metavar="PACK_COMMAND", required=True)

    keygen = commands.add_parser(
        "keygen", help="make a signing key pair in KEYDIR (signing.key stays with the editors)"
    )
    keygen.add_argument("pack_keydir", type=Path, metavar="KEYDIR")

    build = commands.add_parser("build", help="check a content folder and write it as a signed pack")
    build.add_argument("pack_content", type=Path, metavar="CONTENT_DIR")
    build.add_argument("pack_out", type=Path, metavar="OUT.kpack")
    build.add_argument(
        "--key",
        dest="pack_key",
        type=Path,
        required=True,
        metavar="KEYDIR/signing.key",
        help="the signing key",
    )

    trust = commands.add_parser("trust", help="accept packs signed with this public key on this kiosk")
    trust.add_argument("pack_public_key", type=Path, metavar="KEYDIR/signing.pub")

    install = commands.add_parser(
        "install", help="check a pack (signature, every file, the content) and switch the kiosk to it"
    )
    install.add_argument("pack_file", type=Path, metavar="FILE")

    commands.add_parser("status", help="the pack the kiosk shows, the previous one and the trusted keys")
    commands.add_parser("rollback", help="go back to the previous pack (and forward again)")
    commands.add_parser("list-usb", help="list the packs on the USB drives plugged in")


def run_pack_command(args: argparse.Namespace) -> int:
    from kiosk.core.packs import PackError

    command = args.pack_command
    try:
        if command == "keygen":
            return _keygen(args.pack_keydir)
        if command == "build":
            return _build(args.pack_content, args.pack_out, args.pack_key)
        if command == "trust":
            return _trust(args.pack_public_key)
        if command == "install":
            return _install(args.pack_file)
        if command == "status":
            return _status()
        if command == "rollback":
            return _rollback()
        if command == "list-usb":
            return _list_usb()
    except PackError as exc:
        # install speaks on standard output only: the admin panel shows that stream, line by line.
        stream = sys.stdout if command == "install" else sys.stderr
        for line in exc.details:
            print(f"  {line}", file=stream)
        if command == "install":
            print(f"Refused: {exc.reason}", flush=True)
        else:
            print(f"kiosk pack {command}: {exc.reason}", file=stream)
        return 1
    raise AssertionError(f"unknown pack command {command}")


def validate_staged_content(folder: Path) -> list[str]:
    """What `kiosk validate --deep` finds wrong with `folder`, as lines; [] when a kiosk can show it."""
    from kiosk.core.loader import load_content
    from kiosk.core.problems import errors

    result = load_content(folder)
    found = [str(problem) for problem in errors(result.problems)]
    if found or result.compiled is None:
        return found or ["the content could not be read"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.ui.deepcheck import deep_check

    return [str(problem) for problem in errors(deep_check(folder, result.media))]


def _keygen(keydir: Path) -> int:
    from kiosk.core.packs import PRIVATE_KEY_NAME, PUBLIC_KEY_NAME, keygen

    identifier = keygen(keydir)
    print(f"Signing key made in {keydir} (key id {identifier}).")
    print(
        f"  {PRIVATE_KEY_NAME}  the private key: keep it with the content editors, never on a kiosk, and "
        "keep a backup (without it no kiosk will take a new pack)"
    )
    print(f"  {PUBLIC_KEY_NAME}  the public key: on each kiosk, kiosk pack trust {keydir / PUBLIC_KEY_NAME}")
    return 0


def _build(content: Path, out: Path, key: Path) -> int:
    from kiosk.core.packs import build

    info = build(content, out, key)
    print(
        f"Built {out}: version {info.version} \u201c{info.title}\u201d, {info.file_count} files, "
        f"{_size(info.total_bytes)}, signed with key {info.key_id}, made {info.created}."
    )
    return 0


def _trust(public_key: Path) -> int:
    from kiosk.core.packs import trust

    identifier = trust(public_key, paths.user_config())
    print(f"This kiosk now accepts packs signed with key {identifier} ({public_key}).")
    return 0


def _install(pack_file: Path) -> int:
    from kiosk.core.packs import install, load_trusted_keys

    def step(name: str) -> None:
        if name in STEP_LINES:
            print(f"  {STEP_LINES[name]}", flush=True)

    print(f"Installing {pack_file}", flush=True)
    record = install(
        pack_file,
        paths.user_data(),
        load_trusted_keys(paths.user_config()),
        validate_staged_content,
        step_hook=step,
    )
    print(
        f"Installed {pack_file.name} \u2014 version {record['version']} \u201c{record['title']}\u201d, "
        f"made {record['created']}, signed with key {record['key_id']}. "
        "Restart or reload the kiosk to show it.",
        flush=True,
    )
    return 0


def _status() -> int:
    from kiosk.core.packs import list_trusted_keys, status

    current = status(paths.user_data())
    if current["active"] is None:
        print("No content pack is installed: the kiosk shows the content it came with.")
    else:
        print(f"Showing:   {_describe(current['active'])}")
        print(f"           in {current['active']['folder']}")
    if current["previous"] is not None:
        print(f"Previous:  {_describe(current['previous'])} (kiosk pack rollback goes back to it)")
    keys, problems = list_trusted_keys(paths.user_config())
    if keys:
        print("Trusted signing keys: " + ", ".join(f"{key.key_id} ({key.file.name})" for key in keys))
    else:
        print("No trusted signing key: kiosk pack trust signing.pub, before installing a pack.")
    for problem in problems:
        print(f"  ignored: {problem}")
    return 0


def _rollback() -> int:
    from kiosk.core.packs import rollback

    current = rollback(paths.user_data())
    assert current["active"] is not None
    print(f"Rolled back: the kiosk now has {_describe(current['active'])}.")
    print("Restart or reload the kiosk to show it.")
    return 0


def _list_usb() -> int:
    from kiosk.core.packs import PackError, inspect_pack, load_trusted_keys
    from kiosk.removable import find_packs, removable_volumes

    volumes = removable_volumes()
    if not volumes:
        print("No USB drive or other removable drive found.")
        return 0
    print("Removable drives: " + ", ".join(str(volume) for volume in volumes))
    found = find_packs(volumes)
    if not found:
        print("No content pack (.kpack) on them, at the top or in a kiosk-packs folder.")
        return 0
    trusted = load_trusted_keys(paths.user_config())
    for pack in found:
        try:
            info: PackInfo = inspect_pack(pack, trusted)
        except PackError as exc:
            print(f"{pack}: cannot be installed: {exc.reason}")
            continue
        print(
            f"{pack}: version {info.version} \u201c{info.title}\u201d, made {info.created}, "
            f"signed with trusted key {info.key_id}; install with: kiosk pack install {pack}"
        )
    return 0


def _describe(record: PackRecord) -> str:
    return (
        f"version {record['version']} \u201c{record['title']}\u201d, made {record['created']}, "
        f"signed with key {record['key_id']}, installed {record['installed_at']}"
    )


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB"
