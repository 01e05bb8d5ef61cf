"""`kiosk pack ...` as editors and booth staff type it, the kiosk starting on the installed pack, and the
search for USB drives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
import zipfile
from pathlib import Path
from typing import Any

import pytest

from kiosk.booth import paths, removable
from kiosk.cli import main
from kiosk.cli.packs import CLEARED_LINE, STEP_LINES
from kiosk.core import packs
from kiosk.core.packs.keys import _load_private_key, _public_bytes_from_pem

from .contentkit import ContentFolder, build_valid_content
from .test_packs import T0, file_hashes, flip_a_byte, quick_validate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def own_kiosk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This test's own data and config folders: installed packs must not reach other tests' kiosks."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    assert str(paths.user_data()).startswith(str(tmp_path))


@pytest.fixture
def fast_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kiosk.cli.packs.validate_staged_content", quick_validate)


def playable(content: ContentFolder) -> ContentFolder:
    """The small test content with a real video and a real PDF, so the deep check passes."""
    shutil.copy(ROOT / "tests" / "fixtures" / "media" / "ok.mp4", content.path("media/clip.mp4"))
    shutil.copy(
        ROOT / "content" / "documents" / "fair-migration-agenda-handout.pdf",
        content.path("documents/paper.pdf"),
    )
    return content


def keys_and_trust(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    keydir = tmp_path / "keys"
    assert main(["pack", "keygen", str(keydir)]) == 0
    out = capsys.readouterr().out
    key_id = packs.key_id(_public_bytes_from_pem((keydir / "signing.pub").read_bytes(), "signing.pub"))
    assert f"key id {key_id}" in out and "signing.key" in out
    assert main(["pack", "trust", str(keydir / "signing.pub")]) == 0
    assert key_id in capsys.readouterr().out
    assert (paths.user_config() / "trusted-keys" / f"{key_id}.pub").is_file()
    return keydir / "signing.key", key_id


@pytest.mark.qt_log_ignore("Could not open media")  # the deep check's verdict on the fake video, as expected
def test_keygen_build_trust_install_status_rollback_with_the_deep_check(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key, key_id = keys_and_trust(tmp_path, capsys)

    # The small content's video is a stand-in that no player opens: the deep check refuses it.
    broken = tmp_path / "broken.kpack"
    assert main(["pack", "build", str(content.root), str(broken), "--key", str(key)]) == 0
    assert capsys.readouterr().out.startswith(f"Built {broken}: version 1.0")
    assert main(["pack", "install", str(broken)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("Refused: the content has 2 error(s)")
    assert any("media/clip.mp4" in line and "cannot play" in line for line in lines)
    assert any("documents/paper.pdf" in line for line in lines)
    assert packs.active_content(paths.user_data()) is None

    playable(content)
    good = tmp_path / "good.kpack"
    assert main(["pack", "build", str(content.root), str(good), "--key", str(key)]) == 0
    capsys.readouterr()
    assert main(["pack", "install", str(good)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Installing {good}"
    # One line per step, in order, for the admin panel to show as they come.
    assert [line.strip() for line in lines[1:-1]] == list(STEP_LINES.values())
    assert lines[-1].startswith("Installed good.kpack \u2014 version 1.0 \u201cTest agenda\u201d")
    assert lines[-1].endswith("Restart or reload the kiosk to show it.")
    active = packs.active_content(paths.user_data())
    assert active is not None
    assert file_hashes(active) == file_hashes(content.root)

    assert main(["pack", "status"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Active (shown from the kiosk's next start): version 1.0 \u201cTest agenda\u201d")
    assert f"signed with key {key_id}" in out
    assert f"\n  in {active.parent}\n" in out
    assert "missing or damaged" not in out and "running kiosk" not in out
    assert f"Trusted signing keys: {key_id}" in out
    assert "Previous" not in out

    assert main(["pack", "rollback"]) == 1
    assert "there is no previous pack" in capsys.readouterr().err


def test_install_refusals_end_with_one_refused_line_on_standard_output(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], fast_validation: None
) -> None:
    stranger = tmp_path / "stranger"
    packs.keygen(stranger)
    pack = tmp_path / "a.kpack"
    info = packs.build(content.root, pack, stranger / "signing.key")
    assert main(["pack", "install", str(pack)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == (
        f"Refused: signed by a key this kiosk does not trust (key id {info.key_id}); "
        "this kiosk trusts no key yet (kiosk pack trust signing.pub)"
    )
    assert err == ""
    assert main(["pack", "install", str(tmp_path / "missing.kpack")]) == 1
    assert capsys.readouterr().out.splitlines()[-1].startswith("Refused: ")


def test_install_rollback_and_status_through_the_command_line(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], fast_validation: None
) -> None:
    key, _key_id = keys_and_trust(tmp_path, capsys)
    first, second = tmp_path / "first.kpack", tmp_path / "second.kpack"
    packs.build(content.root, first, key, created=T0)
    content.replace("agenda.yaml", 'version: "1.0"', 'version: "2.0"')
    packs.build(content.root, second, key, created=T0.replace(day=2))
    assert main(["pack", "install", str(first)]) == 0
    assert main(["pack", "install", str(second)]) == 0
    capsys.readouterr()
    assert main(["pack", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Active (shown from the kiosk's next start): version 2.0")
    assert lines[2].startswith("Previous: version 1.0") and lines[2].endswith(
        "(kiosk pack rollback goes back to it)"
    )
    assert main(["pack", "rollback"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Rolled back. Now active (from the next start): version 1.0")
    assert lines[1].startswith("Previous: version 2.0")
    assert lines[-1] == "Restart or reload the kiosk to show it."
    assert packs.status(paths.user_data())["active"]["version"] == "1.0"  # type: ignore[index]
    # And forward again: not a rollback.
    assert main(["pack", "rollback"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Now active (from the next start): version 2.0")
    assert not any("Rolled back" in line for line in lines)


def three_editions(content: ContentFolder, tmp_path: Path, key: Path) -> list[Path]:
    made = []
    for number, version in enumerate(("1.0", "2.0", "3.0")):
        text = content.read("agenda.yaml").replace('version: "1.0"', f'version: "{version}"')
        folder = tmp_path / f"edition-{version}"
        shutil.copytree(content.root, folder)
        (folder / "agenda.yaml").write_text(text, encoding="utf-8")
        made.append(tmp_path / f"{version}.kpack")
        packs.build(folder, made[-1], key, created=T0.replace(day=1 + number))
    return made


def test_status_says_what_the_running_kiosk_shows_until_it_restarts(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], fast_validation: None
) -> None:
    key, _key_id = keys_and_trust(tmp_path, capsys)
    first, second, third = three_editions(content, tmp_path, key)
    assert main(["pack", "install", str(first)]) == 0
    shown = packs.active_content(paths.user_data())
    assert shown is not None
    packs.mark_showing(paths.user_data(), shown)  # the kiosk starts on 1.0
    assert main(["pack", "install", str(second)]) == 0
    assert main(["pack", "install", str(third)]) == 0
    capsys.readouterr()
    assert (shown / "agenda.yaml").is_file()  # the folder on show survived two installs
    assert main(["pack", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Active (shown from the kiosk's next start): version 3.0")
    assert lines[2].startswith("Previous: version 2.0")
    assert lines[3].startswith("The running kiosk still shows version 1.0 \u201cTest agenda\u201d")
    assert lines[3].endswith(" until it restarts.")

    # The kiosk stopped (its process is gone): status says what it showed, not that it still does.
    note = paths.user_data() / "packs" / "showing.json"
    running = note.read_text(encoding="utf-8")
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    note.write_text(running.replace(f'"pid": {os.getpid()}', f'"pid": {int(ended.stdout)}'), encoding="utf-8")
    assert main(["pack", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[3].startswith("The kiosk is not running; when it last started it showed version 1.0")
    note.write_text(running, encoding="utf-8")

    # Restarted onto 3.0: nothing more to say, and the next install clears 1.0 away, saying so.
    packs.mark_showing(paths.user_data(), packs.active_content(paths.user_data()))  # type: ignore[arg-type]
    assert main(["pack", "status"]) == 0
    assert "running kiosk" not in capsys.readouterr().out
    assert main(["pack", "install", str(second)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "  " + CLEARED_LINE.format(names=shown.parent.name)
    assert not shown.parent.exists()


def test_use_bundled_status_and_rollback_through_the_command_line(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], fast_validation: None
) -> None:
    key, _key_id = keys_and_trust(tmp_path, capsys)
    first, second, _third = three_editions(content, tmp_path, key)
    assert main(["pack", "use-bundled"]) == 1
    assert "kiosk pack use-bundled: no content pack is active" in capsys.readouterr().err
    assert main(["pack", "install", str(first)]) == 0
    assert main(["pack", "install", str(second)]) == 0
    packs.mark_showing(paths.user_data(), packs.active_content(paths.user_data()))  # type: ignore[arg-type]
    capsys.readouterr()

    assert main(["pack", "use-bundled"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        "The kiosk will show the content that came with it from its next start; "
        "kiosk pack rollback returns to version 2.0 \u201cTest agenda\u201d"
    )
    assert lines[-1] == "Restart or reload the kiosk to show it."
    assert packs.active_content(paths.user_data()) is None

    assert main(["pack", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Active (shown from the kiosk's next start): the content that came with the app"
    assert lines[1].startswith("Previous: version 2.0") and lines[1].endswith("goes back to it)")
    assert lines[2].startswith("The running kiosk still shows version 2.0")

    assert main(["pack", "rollback"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Now active (from the next start): version 2.0")
    assert lines[0].endswith(", instead of the content that came with the app.")
    assert lines[1] == "Restart or reload the kiosk to show it."
    assert packs.active_content(paths.user_data()) is not None
    assert main(["pack", "rollback"]) == 1
    assert "kiosk pack use-bundled goes back to the content" in capsys.readouterr().err


def test_status_says_when_the_active_packs_folder_is_damaged(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], fast_validation: None
) -> None:
    key, _key_id = keys_and_trust(tmp_path, capsys)
    first, second, _third = three_editions(content, tmp_path, key)
    assert main(["pack", "install", str(first)]) == 0
    previous = packs.active_content(paths.user_data())
    assert main(["pack", "install", str(second)]) == 0
    active = packs.active_content(paths.user_data())
    assert active is not None and previous is not None
    (active / "agenda.yaml").unlink()
    shutil.rmtree(previous)
    capsys.readouterr()
    assert main(["pack", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Active (shown from the kiosk's next start): version 2.0")
    assert lines[2] == (
        "  Its folder or its agenda.yaml is missing or damaged: the kiosk shows the content that came "
        "with the app instead. Install the pack again, or kiosk pack rollback / kiosk pack use-bundled."
    )
    assert lines[3].startswith("Previous: version 1.0")
    assert lines[3].endswith("; its folder is missing or damaged, it cannot be gone back to")

    packs.state_file(paths.user_data()).write_text("{ damaged", encoding="utf-8")
    assert main(["pack", "status"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("kiosk pack status: ") and "state.json is damaged" in err[0]
    assert err[1].startswith("The kiosk shows the content that came with the app until a pack is installed")


def test_a_damaged_pack_is_refused_once_with_the_hint_to_copy_it_again(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], fast_validation: None
) -> None:
    key, _key_id = keys_and_trust(tmp_path, capsys)
    pack = tmp_path / "a.kpack"
    packs.build(content.root, pack, key)
    flip_a_byte(pack)
    assert main(["pack", "install", str(pack)]) == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("Refused: 'content/media/clip.mp4' is damaged in the pack (Bad CRC-32")
    assert last.endswith("): copy the pack again")
    assert "refused" not in last.lower().removeprefix("refused: ")


def test_install_clears_an_interrupted_installs_leftovers_and_says_so_only_then(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], fast_validation: None
) -> None:
    key, _key_id = keys_and_trust(tmp_path, capsys)
    first, second, _third = three_editions(content, tmp_path, key)
    assert main(["pack", "install", str(first)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "  " + STEP_LINES["open"]
    assert not any("left behind" in line for line in lines)
    leftover = paths.user_data() / "staging" / "pack-abc123"
    (leftover / "content").mkdir(parents=True)
    assert main(["pack", "install", str(second)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "  Cleared what earlier installs left behind: pack-abc123"
    assert lines[2] == "  " + STEP_LINES["open"]
    assert not leftover.exists()


def test_a_reader_that_goes_away_ends_the_output_quietly(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk pack status | head -1`: no "Broken pipe" complaint on standard error."""
    keys_and_trust(tmp_path, capsys)
    # Unbuffered (as the admin panel runs it) the first line fails; buffered, only the last flush does.
    for unbuffered, status in (("1", 1), ("", 0)):
        environment = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
        if not unbuffered:
            del environment["PYTHONUNBUFFERED"]
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader is gone before the first line
        try:
            completed = subprocess.run(
                [sys.executable, "-m", "kiosk", "pack", "status"],
                cwd=ROOT,
                stdout=write_end,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
                env=environment,
            )
        finally:
            os.close(write_end)
        assert completed.stderr == "", unbuffered
        assert completed.returncode == status, unbuffered


class ClosedPipe:
    """Standard output whose reader has gone away."""

    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_an_install_goes_on_when_its_reader_goes_away(
    content: ContentFolder,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fast_validation: None,
) -> None:
    key, _key_id = keys_and_trust(tmp_path, capsys)
    pack = tmp_path / "a.kpack"
    packs.build(content.root, pack, key)
    captured = sys.stdout
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["pack", "install", str(pack)]) == 0
    monkeypatch.setattr(sys, "stdout", captured)
    assert packs.active_content(paths.user_data()) is not None
    assert "Broken pipe" not in capsys.readouterr().err


def test_build_prints_every_error_of_content_that_does_not_validate(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    packs.keygen(tmp_path / "keys")
    content.replace("sections/10-one.yaml", "file: media/clip.mp4", "file: media/missing.mp4")
    out_file = tmp_path / "bad.kpack"
    assert (
        main(
            [
                "pack",
                "build",
                str(content.root),
                str(out_file),
                "--key",
                str(tmp_path / "keys" / "signing.key"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "sections/10-one.yaml" in err and "media/missing.mp4" in err
    assert "kiosk pack build: the content in" in err and "1 error(s)" in err
    assert not out_file.exists()


def test_keygen_twice_and_status_with_nothing_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "keygen", str(tmp_path / "k")]) == 0
    capsys.readouterr()
    assert main(["pack", "keygen", str(tmp_path / "k")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["pack", "status"]) == 0
    out = capsys.readouterr().out
    assert "No content pack is installed" in out and "No trusted signing key" in out


def test_pack_needs_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["pack"])
    assert leaving.value.code == 2
    with pytest.raises(SystemExit):
        main(["pack", "build", "content"])  # no OUT.kpack, no --key
    capsys.readouterr()


def test_list_usb_shows_each_pack_and_whether_it_can_be_installed(
    content: ContentFolder,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key, key_id = keys_and_trust(tmp_path, capsys)
    usb = tmp_path / "usb"
    (usb / "kiosk-packs").mkdir(parents=True)
    packs.build(content.root, usb / "kiosk-packs" / "agenda.kpack", key)
    (usb / "broken.kpack").write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setattr(removable, "removable_volumes", lambda: [usb])
    assert main(["pack", "list-usb"]) == 0
    out = capsys.readouterr().out
    assert f"{usb / 'broken.kpack'}: cannot be installed:" in out
    assert f"{usb / 'kiosk-packs' / 'agenda.kpack'}: version 1.0" in out and f"trusted key {key_id}" in out

    monkeypatch.setattr(removable, "removable_volumes", lambda: [])
    assert main(["pack", "list-usb"]) == 0
    assert "No USB drive" in capsys.readouterr().out


def test_a_hostile_pack_on_a_stick_hides_no_other_and_install_refuses_it_in_one_line(
    content: ContentFolder,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fast_validation: None,
) -> None:
    key, _key_id = keys_and_trust(tmp_path, capsys)
    usb = tmp_path / "usb"
    usb.mkdir()
    good = usb / "b-agenda.kpack"
    packs.build(content.root, good, key)
    # A manifest nested 100,000 deep, validly signed: Python's JSON parser would end in RecursionError.
    raw = b'{"format": 1, "files": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    signature = _load_private_key(key).sign(raw)
    deep = usb / "a-deep.kpack"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(deep, "w") as target:
        for info in source.infolist():
            replaced = {"manifest.json": raw, "manifest.sig": signature}.get(info.filename)
            target.writestr(info, replaced if replaced is not None else source.read(info))
    monkeypatch.setattr(removable, "removable_volumes", lambda: [usb])
    assert main(["pack", "list-usb"]) == 0
    out = capsys.readouterr().out
    assert f"{deep}: cannot be installed: the pack's manifest is not valid: nested more than 8 levels" in out
    assert f"{good}: version 1.0" in out

    assert main(["pack", "install", str(deep)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "Refused: the pack's manifest is not valid: nested more than 8 levels deep"
    assert err == ""
    assert main(["pack", "install", "/dev/null"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Refused: /dev/null is not a file (a folder, a device or a pipe): it is not read"
    )


# --- the kiosk starts on the installed pack ------------------------------------------------------------


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What `kiosk` would open, caught before any window."""
    seen: dict[str, Any] = {}

    def run_window(compiled: dict[str, Any], folder: Path, **options: Any) -> int:
        seen.update(options, folder=folder, version=compiled["agenda"]["version"])
        return 0

    fake = types.ModuleType("kiosk.ui.run")
    fake.run_window = run_window  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kiosk.ui.run", fake)
    return seen


def installed(content: ContentFolder, tmp_path: Path) -> Path:
    packs.keygen(tmp_path / "keys")
    packs.trust(tmp_path / "keys" / "signing.pub", paths.user_config())
    pack = tmp_path / "a.kpack"
    packs.build(content.root, pack, tmp_path / "keys" / "signing.key")
    packs.install(pack, paths.user_data(), packs.load_trusted_keys(paths.user_config()), quick_validate)
    active = packs.active_content(paths.user_data())
    assert active is not None
    return active


def test_the_kiosk_shows_the_installed_pack(
    content: ContentFolder, tmp_path: Path, shown: dict[str, Any]
) -> None:
    assert main(["--no-cache"]) == 0
    assert shown["folder"] == paths.bundled_content()
    active = installed(content, tmp_path)
    assert main(["--no-cache"]) == 0
    assert shown["folder"] == active and shown["version"] == "1.0"
    assert shown["safe_mode"] is False and shown["intended_content"] == active
    # --content still wins.
    other = build_valid_content(tmp_path / "other")
    assert main(["--content", str(other.root), "--no-cache"]) == 0
    assert shown["folder"] == other.root


def test_the_running_kiosk_marks_the_pack_it_shows_so_later_installs_keep_it(
    content: ContentFolder, tmp_path: Path, shown: dict[str, Any]
) -> None:
    active = installed(content, tmp_path)
    assert main(["--no-cache"]) == 0
    on_show = packs.showing(paths.user_data())
    assert on_show is not None and on_show["pack"] is not None
    assert paths.user_data() / "packs" / on_show["pack"]["folder"] / "content" == active
    # Started on a folder of its own, it shows no pack and leaves the note alone.
    other = build_valid_content(tmp_path / "other")
    assert main(["--content", str(other.root), "--no-cache"]) == 0
    assert packs.showing(paths.user_data()) == on_show


def test_staff_commands_check_the_installed_pack_on_show(
    content: ContentFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content.replace("sections/10-one.yaml", "title: Introduction", "title: Zanzibarintro")
    installed(content, tmp_path)
    assert main(["--no-cache", "search", "zanzibarintro"]) == 0
    assert "item/intro  Zanzibarintro" in capsys.readouterr().out


def test_a_broken_installed_pack_falls_back_to_the_bundled_content(
    content: ContentFolder, tmp_path: Path, shown: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    active = installed(content, tmp_path)
    (active / "sections" / "10-one.yaml").write_text("id: one\ntitle: [unclosed\n", encoding="utf-8")
    assert main(["--no-cache"]) == 0
    assert shown["folder"] == paths.bundled_content() and shown["safe_mode"] is True
    assert "has errors" in caplog.text and str(active) in caplog.text


def test_a_damaged_state_file_falls_back_to_the_bundled_content(
    content: ContentFolder, tmp_path: Path, shown: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    installed(content, tmp_path)
    packs.state_file(paths.user_data()).write_text("{ damaged", encoding="utf-8")
    assert main(["--no-cache"]) == 0
    assert shown["folder"] == paths.bundled_content()
    assert "damaged" in caplog.text


# --- removable drives -----------------------------------------------------------------------------------


def fake_sys(root: Path, disks: dict[str, tuple[str, str]]) -> Path:
    """A /sys with block devices: name -> (removable flag, bus path)."""
    sys_root = root / "sys"
    for disk, (flag, bus) in disks.items():
        partition = f"{disk}p1" if disk[-1].isdigit() else f"{disk}1"
        device = sys_root / "devices" / bus / "block" / disk
        (device / partition).mkdir(parents=True)
        (device / partition / "partition").write_text("1\n")
        (device / "removable").write_text(f"{flag}\n")
        (sys_root / "block").mkdir(parents=True, exist_ok=True)
        (sys_root / "block" / disk).symlink_to(device)
        (sys_root / "class" / "block").mkdir(parents=True, exist_ok=True)
        (sys_root / "class" / "block" / disk).symlink_to(device)
        (sys_root / "class" / "block" / partition).symlink_to(device / partition)
    return sys_root


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links in a fake /sys")
def test_linux_volumes_are_removable_disks_usb_disks_and_automounts(tmp_path: Path) -> None:
    sys_root = fake_sys(
        tmp_path,
        {
            "sda": ("0", "pci0000:00/0000:00:17.0/ata1/host0"),  # the internal disk
            "sdb": ("1", "pci0000:00/0000:00:14.0/usb1/1-1/host6"),  # a USB stick
            "sdc": ("0", "pci0000:00/0000:00:14.0/usb2/2-2/host7"),  # a USB hard disk that says 0
            "mmcblk0": ("1", "platform/sdcard"),  # a card reader
        },
    )
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "proc /proc proc rw 0 0\n"
        "/dev/sda1 /home ext4 rw 0 0\n"
        "/dev/sdb1 /mnt/stick vfat rw 0 0\n"
        "/dev/sdc1 /srv/My\\040Disk exfat rw 0 0\n"
        "/dev/mmcblk0p1 /mnt/card vfat rw 0 0\n"
        "/dev/sdz1 /media/kiosk/NETDRIVE vfat rw 0 0\n"
        "/dev/sdb1 /mnt/stick vfat rw 0 0\n"
        "tmpfs /run/user/1000 tmpfs rw 0 0\n"
    )
    volumes = removable.linux_volumes(mounts, sys_root)
    assert volumes == [
        Path("/mnt/stick"),
        Path("/srv/My Disk"),
        Path("/mnt/card"),
        Path("/media/kiosk/NETDRIVE"),
    ]
    assert removable.linux_volumes(tmp_path / "absent", sys_root) == []


def test_removable_volumes_never_raises() -> None:
    assert all(isinstance(volume, Path) for volume in removable.removable_volumes())


def test_find_packs_looks_at_the_top_and_in_kiosk_packs_only(tmp_path: Path) -> None:
    stick, card = tmp_path / "stick", tmp_path / "card"
    (stick / "kiosk-packs").mkdir(parents=True)
    (stick / "deeper" / "kiosk-packs").mkdir(parents=True)
    card.mkdir()
    for path in (
        stick / "b.kpack",
        stick / "A.KPACK",
        stick / "._b.kpack",  # macOS's companion file on a FAT stick
        stick / "notes.txt",
        stick / "kiosk-packs" / "c.kpack",
        stick / "deeper" / "d.kpack",
        stick / "deeper" / "kiosk-packs" / "e.kpack",
        card / "f.kpack",
    ):
        path.write_bytes(b"x")
    (stick / "folder.kpack").mkdir()
    found = removable.find_packs([stick, card, tmp_path / "unplugged"])
    assert found == [
        stick / "A.KPACK",
        stick / "b.kpack",
        stick / "kiosk-packs" / "c.kpack",
        card / "f.kpack",
    ]
