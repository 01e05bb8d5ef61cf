"""`kiosk pack ...`: signing keys, building, trusting, installing and rolling back signed content packs, and
going back to the content that came with the kiosk.

Imported by kiosk.cli to add its subcommands, so this module itself stays light: the work is imported
when a command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.booth import paths

if TYPE_CHECKING:
    from kiosk.core.packs import PackError, PackInfo, PackRecord

# One line per install step: the admin panel runs `kiosk pack install` and shows these as they come.
# Preparing (clearing what earlier installs left behind) has a line only when there was something.
STEP_LINES = {
    "open": "Opening the pack",
    "signature": "Checking the signature",
    "entries": "Checking the list of files in the pack",
    "extract": "Unpacking into a staging folder and checking every file against the signed list",
    "validate": "Checking the content as the kiosk will show it (every page, video and PDF)",
    "move": "Putting the new content in place",
    "switch": "Switching the kiosk to the new content",
    "cleanup": "Removing packs older than the previous one (never the one the kiosk shows now)",
}
CLEARED_LINE = "Cleared what earlier installs left behind: {names}"
BUNDLED = "the content that came with the app"


def add_pack_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pack = subparsers.add_parser(
        "pack",
        help="signed content packs: make a signing key, build a pack, trust a key, install from a file "
        "or USB drive, roll back, go back to the bundled content",
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

    commands.add_parser(
        "status",
        help="the pack active from the kiosk's next start, the previous one, what the running kiosk "
        "shows, and the trusted keys",
    )
    commands.add_parser("rollback", help="go back to the previous pack (and forward again)")
    commands.add_parser(
        "use-bundled",
        help="show the content that came with the kiosk from its next start (rollback returns to the pack)",
    )
    commands.add_parser("list-usb", help="list the packs on the USB drives plugged in")


def run_pack_command(args: argparse.Namespace) -> int:
    from kiosk.core.packs import PackError

    command = args.pack_command
    try:
        code = _run(command, args)
    except PackError as exc:
        # install speaks on standard output only: the admin panel shows that stream, line by line.
        stream = sys.stdout if command == "install" else sys.stderr
        try:
            for line in exc.details:
                print(f"  {line}", file=stream)
            if command == "install":
                print(f"Refused: {_reason(exc)}", flush=True)
            else:
                print(f"kiosk pack {command}: {_reason(exc)}", file=stream)
            sys.stdout.flush()
        except BrokenPipeError:
            _drop_stdout()
        return 1
    except BrokenPipeError:
        # `kiosk pack status | head -1`: the reader has all it wanted.
        _drop_stdout()
        return 1
    try:
        sys.stdout.flush()  # here, where a closed pipe can still be caught, not at the interpreter's exit
    except BrokenPipeError:
        _drop_stdout()  # the work is done: a reader that went away does not change the outcome
    return code


def _run(command: str, args: argparse.Namespace) -> int:
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
    if command == "use-bundled":
        return _use_bundled()
    if command == "list-usb":
        return _list_usb()
    raise AssertionError(f"unknown pack command {command}")


def _reason(exc: PackError) -> str:
    """The reason without a leading "refused: ": the line that shows it says so already."""
    return _without_refused(exc.reason)


def _without_refused(reason: str) -> str:
    return reason[len("refused:") :].lstrip() if reason.lower().startswith("refused:") else reason


def _drop_stdout() -> None:
    """Send what is still buffered for a closed pipe nowhere, so that Python's exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # no real file behind standard output (a test's capture): nothing is left to complain


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
            _say(f"  {STEP_LINES[name]}")

    def cleared(removed: list[Path]) -> None:
        _say(f"  {CLEARED_LINE.format(names=', '.join(path.name for path in removed))}")

    _say(f"Installing {pack_file}")
    record = install(
        pack_file,
        paths.user_data(),
        load_trusted_keys(paths.user_config()),
        validate_staged_content,
        step_hook=step,
        cleared=cleared,
    )
    _say(
        f"Installed {pack_file.name} \u2014 version {record['version']} \u201c{record['title']}\u201d, "
        f"made {record['created']}, signed with key {record['key_id']}. "
        "Restart or reload the kiosk to show it."
    )
    return 0


def _say(line: str) -> None:
    """One line of an install's progress, now. A reader that went away must not stop the install."""
    try:
        print(line, flush=True)
    except BrokenPipeError:
        _drop_stdout()


def _status() -> int:
    from kiosk.core.packs import PackError, list_trusted_keys, showing, status

    data_dir = paths.user_data()
    try:
        current = status(data_dir)
    except PackError as exc:
        print(f"kiosk pack status: {exc.reason}", file=sys.stderr)
        print(
            f"The kiosk shows {BUNDLED} until a pack is installed again (kiosk pack install FILE).",
            file=sys.stderr,
        )
        return 1
    active, previous = current["active"], current["previous"]
    if active is None and previous is None:
        print(f"No content pack is installed: the kiosk shows {BUNDLED}.")
    elif active is None:
        print(f"Active (shown from the kiosk's next start): {BUNDLED}")
    else:
        print(f"Active (shown from the kiosk's next start): {_describe(active)}")
        print(f"  in {active['folder']}")
        if not _content_ok(active):
            print(
                f"  Its folder or its agenda.yaml is missing or damaged: the kiosk shows {BUNDLED} "
                "instead. Install the pack again, or kiosk pack rollback / kiosk pack use-bundled."
            )
    if previous is not None:
        if _content_ok(previous):
            print(f"Previous: {_describe(previous)} (kiosk pack rollback goes back to it)")
        else:
            print(
                f"Previous: {_describe(previous)}; its folder is missing or damaged, it cannot be gone back to"
            )
    on_show = showing(data_dir)
    shown = on_show["pack"] if on_show is not None else None
    if on_show is not None and (shown["folder"] if shown else None) != (active["folder"] if active else None):
        what = BUNDLED if shown is None else _describe(shown)
        if _running(on_show["pid"]) is False:
            print(f"The kiosk is not running; when it last started it showed {what}.")
        else:
            print(f"The running kiosk still shows {what} until it restarts.")
    keys, problems = list_trusted_keys(paths.user_config())
    if keys:
        print("Trusted signing keys: " + ", ".join(f"{key.key_id} ({key.file.name})" for key in keys))
    else:
        print("No trusted signing key: kiosk pack trust signing.pub, before installing a pack.")
    for problem in problems:
        print(f"  ignored: {problem}")
    return 0


def _running(pid: int) -> bool | None:
    """Whether the process that noted what it shows still runs; None when that cannot be told."""
    if pid <= 0 or sys.platform == "win32":
        return None  # on Windows, os.kill would end the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return None  # another user's process (PermissionError): it runs, the kiosk's or not
    return True


def _content_ok(record: PackRecord) -> bool:
    """What start-up checks of an installed pack (status gives absolute folders)."""
    return (Path(record["folder"]) / "content" / "agenda.yaml").is_file()


def _rollback() -> int:
    from kiosk.core.packs import rollback, status

    before = status(paths.user_data())
    current = rollback(paths.user_data())
    active, previous = current["active"], current["previous"]
    assert active is not None
    if before["active"] is None:
        print(f"Now active (from the next start): {_describe(active)}, instead of {BUNDLED}.")
    elif previous is not None and _is_older(active, previous):
        print(f"Rolled back. Now active (from the next start): {_describe(active)}.")
    else:
        print(f"Now active (from the next start): {_describe(active)}.")
    if previous is not None:
        print(f"Previous: {_describe(previous)} (kiosk pack rollback swaps them again)")
    print("Restart or reload the kiosk to show it.")
    return 0


def _use_bundled() -> int:
    from kiosk.core.packs import use_bundled

    current = use_bundled(paths.user_data())
    previous = current["previous"]
    assert previous is not None
    print(
        "The kiosk will show the content that came with it from its next start; kiosk pack rollback returns to "
        f"{_describe(previous)}."
    )
    print("Restart or reload the kiosk to show it.")
    return 0


def _is_older(record: PackRecord, other: PackRecord) -> bool:
    """Whether `record` was made before `other` (their `created` times, compared as times)."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(record["created"]) < datetime.fromisoformat(other["created"])
    except (ValueError, TypeError):
        return False


def _list_usb() -> int:
    from kiosk.booth.removable import find_packs, removable_volumes
    from kiosk.core.packs import load_trusted_keys, scan_pack

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
        scanned = scan_pack(pack, trusted)
        info: PackInfo | None = scanned.info
        if info is None:
            print(f"{pack}: cannot be installed: {_without_refused(scanned.reason or '')}", flush=True)
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
