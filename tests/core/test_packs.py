"""Signed content packs: build, check, install, switch and roll back, and every pack a kiosk must refuse.

The validation of the staged content is injected: here it is the loader alone (fast); the real one, with
the deep check of videos and PDFs, runs once in test_packcli.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import unicodedata
import warnings
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from kiosk.core import packs
from kiosk.core.loader import load_content
from kiosk.core.packs import INSTALL_STEPS, Limits, PackError
from kiosk.core.packs.files import _locked
from kiosk.core.problems import errors

from .contentkit import ContentFolder, build_valid_content

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def quick_validate(folder: Path) -> list[str]:
    return [str(problem) for problem in errors(load_content(folder).problems)]


def file_hashes(folder: Path) -> dict[str, str]:
    """relative posix path -> SHA-256, for every file under `folder`."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def tree(root: Path, leave_out: Path) -> dict[str, str]:
    """Every file and folder under `root` (but under `leave_out`) with its contents' hash: what a
    refused install must leave exactly as it was."""
    found: dict[str, str] = {}
    for directory, folders, names in os.walk(root):
        here = Path(directory)
        if here == leave_out or leave_out in here.parents:
            folders[:] = []
            continue
        for name in folders:
            if here / name != leave_out:
                found[(here / name).relative_to(root).as_posix() + "/"] = "folder"
        for name in names:
            path = here / name
            found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def staging_leftovers(data_dir: Path) -> list[str]:
    staging = data_dir / packs.STAGING_DIR
    return sorted(p.name for p in staging.iterdir() if p.name != packs.LOCK_NAME) if staging.exists() else []


class Kit:
    """A key, a trusted-keys map, a data folder and a content folder, in one test's tmp_path."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.keydir = root / "keys"
        self.key_id = packs.keygen(self.keydir)
        self.private_key = self.keydir / packs.PRIVATE_KEY_NAME
        self.config = root / "config"
        packs.trust(self.keydir / packs.PUBLIC_KEY_NAME, self.config)
        self.trusted = packs.load_trusted_keys(self.config)
        self.data = root / "data"
        self.data.mkdir()
        self.content = build_valid_content(root / "content")

    def signing_key(self) -> Ed25519PrivateKey:
        key = load_pem_private_key(self.private_key.read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key

    def build(self, name: str, created: datetime = T0, content: Path | None = None) -> Path:
        out = self.root / "packs-out" / name
        packs.build(content or self.content.root, out, self.private_key, created=created)
        return out

    def edition(self, version: str, days: int = 0) -> Path:
        """A pack of the content with `version` in agenda.yaml, made `days` after T0."""
        text = re.sub(r"(?m)^version: .*$", f'version: "{version}"', self.content.read("agenda.yaml"))
        self.content.write("agenda.yaml", text)
        return self.build(f"{version}.kpack", created=T0 + timedelta(days=days))

    def folders(self) -> list[str]:
        """The pack folders on disk, by name."""
        return sorted(p.name for p in (self.data / packs.PACKS_DIR).iterdir() if p.is_dir())

    def install(self, pack: Path, **kwargs: object) -> packs.PackRecord:
        return packs.install(pack, self.data, self.trusted, quick_validate, **kwargs)  # type: ignore[arg-type]

    def active_hashes(self) -> dict[str, str] | None:
        folder = packs.active_content(self.data)
        return None if folder is None else file_hashes(folder)

    def refused(self, pack: Path, *, limits: Limits = packs.DEFAULT_LIMITS) -> str:
        """Install `pack`, expecting a refusal that changes nothing outside staging/; returns the reason."""
        before = tree(self.root, self.data / packs.STAGING_DIR)
        active_before = self.active_hashes()
        with pytest.raises(PackError) as refusal:
            packs.install(pack, self.data, self.trusted, quick_validate, limits=limits)
        assert tree(self.root, self.data / packs.STAGING_DIR) == before
        assert staging_leftovers(self.data) == []
        assert self.active_hashes() == active_before
        assert "\n" not in refusal.value.reason
        return refusal.value.reason


@pytest.fixture
def kit(tmp_path: Path) -> Kit:
    return Kit(tmp_path)


def source_hashes(content: ContentFolder) -> dict[str, str]:
    return {
        name: digest
        for name, digest in file_hashes(content.root).items()
        if not any(part.startswith(".") for part in name.split("/")) and not name.endswith("~")
    }


# --- keys ---------------------------------------------------------------------------------------------


def test_keygen_writes_a_private_key_only_its_owner_reads_and_never_overwrites_it(tmp_path: Path) -> None:
    identifier = packs.keygen(tmp_path / "k")
    private, public = tmp_path / "k" / "signing.key", tmp_path / "k" / "signing.pub"
    assert b"BEGIN PRIVATE KEY" in private.read_bytes()
    assert b"BEGIN PUBLIC KEY" in public.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    key = load_pem_private_key(private.read_bytes(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    assert identifier == packs.key_id(key.public_key().public_bytes_raw())
    assert len(identifier) == 16
    before = private.read_bytes()
    with pytest.raises(PackError, match="already exists"):
        packs.keygen(tmp_path / "k")
    assert private.read_bytes() == before


def test_trust_copies_a_public_key_under_its_key_id_and_refuses_anything_else(tmp_path: Path) -> None:
    identifier = packs.keygen(tmp_path / "k")
    assert packs.trust(tmp_path / "k" / "signing.pub", tmp_path / "cfg") == identifier
    stored = tmp_path / "cfg" / "trusted-keys" / f"{identifier}.pub"
    assert stored.read_bytes() == (tmp_path / "k" / "signing.pub").read_bytes()
    assert set(packs.load_trusted_keys(tmp_path / "cfg")) == {identifier}

    with pytest.raises(PackError, match="is a private key"):
        packs.trust(tmp_path / "k" / "signing.key", tmp_path / "cfg")
    (tmp_path / "junk.pub").write_text("not a key\n")
    with pytest.raises(PackError, match="not a public key"):
        packs.trust(tmp_path / "junk.pub", tmp_path / "cfg")
    with pytest.raises(PackError, match="cannot read"):
        packs.trust(tmp_path / "missing.pub", tmp_path / "cfg")
    # A damaged file among the trusted keys is reported, never fatal.
    (tmp_path / "cfg" / "trusted-keys" / "broken.pub").write_text("garbage")
    keys, problems = packs.list_trusted_keys(tmp_path / "cfg")
    assert [key.key_id for key in keys] == [identifier]
    assert len(problems) == 1 and "broken.pub" in problems[0]


# --- building ---------------------------------------------------------------------------------------------


def test_a_pack_holds_a_signed_manifest_of_every_file_and_nothing_hidden(kit: Kit) -> None:
    kit.content.write(".git/HEAD", "ref: refs/heads/main\n")
    kit.content.write("text/en/one.md~", "an editor's backup\n")
    kit.content.write(".DS_Store", "x")
    pack = kit.build("a.kpack")
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        signature = archive.read("manifest.sig")
        kit.signing_key().public_key().verify(signature, archive.read("manifest.json"))
        expected = source_hashes(kit.content)
        assert names == ["manifest.json", "manifest.sig", *(f"content/{name}" for name in sorted(expected))]
        for name, digest in expected.items():
            assert hashlib.sha256(archive.read(f"content/{name}")).hexdigest() == digest
    assert manifest["format"] == 1
    assert manifest["version"] == "1.0" and manifest["title"] == "Test agenda"
    assert manifest["created"] == "2026-03-01T09:30:00Z"
    assert manifest["key_id"] == kit.key_id
    assert {name: entry["sha256"] for name, entry in manifest["files"].items()} == expected
    assert manifest["files"]["media/clip.mp4"]["size"] == kit.content.path("media/clip.mp4").stat().st_size


def test_the_same_content_key_and_time_give_the_same_bytes(kit: Kit) -> None:
    first = kit.build("a.kpack").read_bytes()
    second = kit.build("b.kpack").read_bytes()
    assert first == second
    assert kit.build("c.kpack", created=T0 + timedelta(seconds=1)).read_bytes() != first


def test_build_refuses_content_with_errors_and_lists_them(kit: Kit) -> None:
    kit.content.replace("sections/10-one.yaml", "file: media/clip.mp4", "file: media/missing.mp4")
    out = kit.root / "bad.kpack"
    with pytest.raises(PackError) as refusal:
        packs.build(kit.content.root, out, kit.private_key)
    assert "1 error(s)" in refusal.value.reason
    assert any(
        "sections/10-one.yaml" in line and "media/missing.mp4" in line for line in refusal.value.details
    )
    assert not out.exists()
    assert list(kit.root.glob("*partial*")) == []


def test_build_refuses_names_windows_cannot_hold_and_a_pack_inside_the_content(kit: Kit) -> None:
    kit.content.write("text/en/a:b.md", "colon\n")
    with pytest.raises(PackError, match="Windows does not allow"):
        packs.build(kit.content.root, kit.root / "x.kpack", kit.private_key)
    kit.content.path("text/en/a:b.md").unlink()
    with pytest.raises(PackError, match="inside the content folder"):
        packs.build(kit.content.root, kit.content.path("x.kpack"), kit.private_key)
    with pytest.raises(PackError, match="not a private key"):
        packs.build(kit.content.root, kit.root / "x.kpack", kit.keydir / "signing.pub")


# --- installing, switching, rolling back --------------------------------------------------------------------


def test_build_install_status_rollback_install_round_trip(kit: Kit) -> None:
    kit.content.write(".git/HEAD", "ref: refs/heads/main\n")
    kit.content.write("text/en/one.md~", "an editor's backup\n")
    first_files = source_hashes(kit.content)
    pack_a = kit.build("a.kpack")

    assert packs.active_content(kit.data) is None
    assert packs.status(kit.data) == {"active": None, "previous": None}
    installed = kit.install(pack_a)
    assert installed["version"] == "1.0" and installed["key_id"] == kit.key_id
    assert kit.active_hashes() == first_files
    active = packs.active_content(kit.data)
    assert active is not None and not (active / ".git").exists()
    for name in first_files:  # byte for byte
        assert (active / name).read_bytes() == kit.content.path(name).read_bytes()
    state = packs.status(kit.data)
    assert state["previous"] is None and state["active"] is not None
    assert state["active"]["title"] == "Test agenda" and state["active"]["created"] == "2026-03-01T09:30:00Z"
    assert Path(state["active"]["folder"]) == active.parent

    kit.content.replace("agenda.yaml", 'version: "1.0"', 'version: "2.0"')
    kit.content.write("text/en/one.md", "# Section one\n\nThe second edition.\n")
    second_files = source_hashes(kit.content)
    pack_b = kit.build("b.kpack", created=T0 + timedelta(days=1))
    kit.install(pack_b)
    assert kit.active_hashes() == second_files
    state = packs.status(kit.data)
    assert state["active"] and state["active"]["version"] == "2.0"
    assert state["previous"] and state["previous"]["version"] == "1.0"

    state = packs.rollback(kit.data)
    assert state["active"] and state["active"]["version"] == "1.0"
    assert state["previous"] and state["previous"]["version"] == "2.0"
    assert kit.active_hashes() == first_files
    state = packs.rollback(kit.data)  # and forward again
    assert state["active"] and state["active"]["version"] == "2.0"
    assert kit.active_hashes() == second_files

    kit.content.replace("agenda.yaml", 'version: "2.0"', 'version: "3.0"')
    third_files = source_hashes(kit.content)
    kit.install(kit.build("c.kpack", created=T0 + timedelta(days=2)))
    assert kit.active_hashes() == third_files
    state = packs.status(kit.data)
    assert state["previous"] and state["previous"]["version"] == "2.0"
    # Only the active and the previous pack are kept.
    folders = sorted(p.name for p in (kit.data / "packs").iterdir() if p.is_dir())
    assert len(folders) == 2 and all(name.startswith(("2.0-", "3.0-")) for name in folders)
    assert staging_leftovers(kit.data) == []


def test_the_active_pack_is_not_installed_twice_but_the_previous_one_may_come_back(kit: Kit) -> None:
    pack_a = kit.build("a.kpack")
    kit.install(pack_a)
    with pytest.raises(PackError, match="already the one installed"):
        kit.install(pack_a)
    kit.content.replace("agenda.yaml", 'version: "1.0"', 'version: "2.0"')
    kit.install(kit.build("b.kpack", created=T0 + timedelta(days=1)))
    kit.install(pack_a)
    state = packs.status(kit.data)
    assert state["active"] and state["active"]["version"] == "1.0"
    assert state["previous"] and state["previous"]["version"] == "2.0"


def test_rollback_without_a_previous_pack_says_why(kit: Kit) -> None:
    with pytest.raises(PackError, match="no content pack is installed"):
        packs.rollback(kit.data)
    kit.install(kit.build("a.kpack"))
    with pytest.raises(PackError, match="no previous pack"):
        packs.rollback(kit.data)


def test_content_the_kiosk_cannot_show_is_refused_with_every_error(kit: Kit) -> None:
    pack = kit.build("a.kpack")

    def strict(folder: Path) -> list[str]:
        assert (folder / "agenda.yaml").is_file()  # the staged copy, unpacked and whole
        return ["media/clip.mp4: cannot play", "documents/paper.pdf: no pages"]

    with pytest.raises(PackError) as refusal:
        packs.install(pack, kit.data, kit.trusted, strict)
    assert refusal.value.reason.startswith("the content has 2 error(s)")
    assert refusal.value.details == ["media/clip.mp4: cannot play", "documents/paper.pdf: no pages"]
    assert packs.active_content(kit.data) is None
    assert staging_leftovers(kit.data) == []
    assert not (kit.data / "packs").exists()


def test_a_second_install_at_the_same_time_is_turned_away(kit: Kit) -> None:
    pack = kit.build("a.kpack")
    with _locked(kit.data / packs.STAGING_DIR), pytest.raises(PackError, match="another pack install"):
        kit.install(pack)
    kit.install(pack)
    assert packs.active_content(kit.data) is not None


# --- the pack on show in the running kiosk -------------------------------------------------------------


def test_two_installs_before_a_restart_keep_the_folder_the_kiosk_shows(kit: Kit) -> None:
    kit.install(kit.edition("1.0"))
    shown = packs.active_content(kit.data)
    assert shown is not None
    shown_files = file_hashes(shown)
    packs.mark_showing(kit.data, shown)  # the kiosk starts on 1.0
    note = json.loads((kit.data / "packs" / "showing.json").read_text(encoding="utf-8"))
    assert note["folder"] == shown.parent.name and note["pid"] == os.getpid() and note["since"]

    kit.install(kit.edition("2.0", days=1))
    kit.install(kit.edition("3.0", days=2))  # 1.0 is neither active nor previous now
    state = packs.status(kit.data)
    assert state["active"] and state["active"]["version"] == "3.0"
    assert state["previous"] and state["previous"]["version"] == "2.0"
    # The running kiosk's files are all still there, byte for byte.
    assert file_hashes(shown) == shown_files
    assert len(kit.folders()) == 3
    on_show = packs.showing(kit.data)
    assert on_show is not None and on_show["pid"] == os.getpid()
    assert on_show["pack"] is not None and on_show["pack"]["version"] == "1.0"
    assert on_show["pack"]["folder"] == str(shown.parent)
    assert on_show["pack"]["key_id"] == kit.key_id and on_show["pack"]["installed_at"]
    packs.cleanup(kit.data)
    assert shown.is_dir()

    # The kiosk restarts onto 3.0: 1.0 goes at the next clean-up.
    packs.mark_showing(kit.data, packs.active_content(kit.data))  # type: ignore[arg-type]
    assert packs.cleanup(kit.data) == [shown.parent]
    assert not shown.parent.exists() and len(kit.folders()) == 2
    on_show = packs.showing(kit.data)
    assert on_show and on_show["pack"] and on_show["pack"]["version"] == "3.0"


def test_the_kiosk_showing_the_bundled_content_keeps_nothing_extra(kit: Kit, tmp_path: Path) -> None:
    kit.install(kit.edition("1.0"))
    packs.mark_showing(kit.data, ROOT / "content")
    note = json.loads((kit.data / "packs" / "showing.json").read_text(encoding="utf-8"))
    assert note["folder"] is None
    on_show = packs.showing(kit.data)
    assert on_show is not None and on_show["pack"] is None
    first = kit.folders()
    kit.install(kit.edition("2.0", days=1))
    kit.install(kit.edition("3.0", days=2))
    assert not set(first) & set(kit.folders()) and len(kit.folders()) == 2
    # A folder beside the packs that only looks like one is not a pack either.
    lookalike = tmp_path / "elsewhere" / "packs" / first[0] / "content"
    lookalike.mkdir(parents=True)
    packs.mark_showing(kit.data, lookalike)
    assert json.loads((kit.data / "packs" / "showing.json").read_text(encoding="utf-8"))["folder"] is None


def test_a_stale_or_damaged_note_protects_nothing_for_long(kit: Kit) -> None:
    kit.install(kit.edition("1.0"))
    packs.mark_showing(kit.data, packs.active_content(kit.data))  # type: ignore[arg-type]
    note = kit.data / "packs" / "showing.json"
    orphan = kit.data / "packs" / "0.9-20250101T000000Z-deadbeef"
    for damage in ("{ not json", '{"format": 1, "folder": "../../etc"}', '{"format": 1, "folder": 7}', "[]"):
        note.write_text(damage, encoding="utf-8")
        (orphan / "content").mkdir(parents=True)
        assert packs.showing(kit.data) is None
        assert packs.cleanup(kit.data) == [orphan]
    # The note names a folder that is gone: nothing to say about it, and nothing else is kept.
    note.write_text(
        json.dumps({"format": 1, "folder": orphan.name, "pid": 1, "since": "x"}), encoding="utf-8"
    )
    assert packs.showing(kit.data) is None
    (orphan / "content").mkdir(parents=True)
    assert packs.showing(kit.data) is None  # no manifest in it: not a pack to describe
    assert packs.cleanup(kit.data) == []  # but kept while the note names it
    assert orphan.is_dir()


def test_mark_showing_never_raises_and_leaves_nothing_behind(kit: Kit, tmp_path: Path) -> None:
    # Nothing installed: nothing is written, not even the packs folder.
    packs.mark_showing(tmp_path / "fresh", ROOT / "content")
    assert not (tmp_path / "fresh").exists()
    kit.install(kit.edition("1.0"))
    shown = packs.active_content(kit.data)
    assert shown is not None
    note = kit.data / "packs" / "showing.json"
    note.mkdir()  # cannot be replaced by a file
    packs.mark_showing(kit.data, shown)
    assert note.is_dir()
    assert not [p.name for p in (kit.data / "packs").iterdir() if p.name.startswith(".showing")]
    note.rmdir()
    packs.mark_showing(kit.data, Path("\0nul"))
    packs.mark_showing(kit.data, None)  # type: ignore[arg-type]
    packs.mark_showing(kit.data / "packs" / "state.json", shown)  # a file, not a folder
    assert not note.exists()


def test_a_new_notes_temporary_file_is_left_to_the_kiosk_writing_it(kit: Kit) -> None:
    kit.install(kit.edition("1.0"))
    fresh = kit.data / "packs" / ".showing.json.4242.tmp"
    old = kit.data / "packs" / ".showing.json.4343.tmp"
    fresh.write_text("{")
    old.write_text("{")
    two_hours_ago = datetime.now().timestamp() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    assert packs.cleanup(kit.data) == [old]
    assert fresh.exists() and not old.exists()


# --- going back to the content that came with the app --------------------------------------------------


def test_use_bundled_then_rollback_returns_to_the_pack(kit: Kit) -> None:
    kit.install(kit.edition("1.0"))
    kit.install(kit.edition("2.0", days=1))
    second = packs.active_content(kit.data)
    assert second is not None
    state = packs.use_bundled(kit.data)
    assert state["active"] is None
    assert state["previous"] and state["previous"]["version"] == "2.0"
    assert packs.active_content(kit.data) is None
    on_disk = json.loads(packs.state_file(kit.data).read_text(encoding="utf-8"))
    assert on_disk["active"] is None and on_disk["previous"]["version"] == "2.0"
    assert on_disk["latest_created"] == "2026-03-02T09:30:00Z"
    with pytest.raises(PackError, match="already shows the content that came with it"):
        packs.use_bundled(kit.data)
    # 1.0 is no longer kept: it goes at the next clean-up; 2.0 stays.
    packs.cleanup(kit.data)
    assert kit.folders() == [second.parent.name]

    state = packs.rollback(kit.data)
    assert state["active"] and state["active"]["version"] == "2.0" and state["previous"] is None
    assert packs.active_content(kit.data) == second
    with pytest.raises(PackError, match=r"no previous pack.*use-bundled"):
        packs.rollback(kit.data)
    packs.use_bundled(kit.data)
    # Installing the pack left again is a fresh copy of it, with nothing else to go back to.
    kit.install(kit.build("2.0.kpack", created=T0 + timedelta(days=1)))
    state = packs.status(kit.data)
    assert state["active"] and state["active"]["version"] == "2.0" and state["previous"] is None
    fresh_copy = packs.active_content(kit.data)
    assert fresh_copy is not None and fresh_copy != second
    assert kit.folders() == [fresh_copy.parent.name]
    # An install from the bundled content keeps the pack left as the one to go back to.
    packs.use_bundled(kit.data)
    kit.install(kit.edition("3.0", days=2))
    state = packs.status(kit.data)
    assert state["active"] and state["active"]["version"] == "3.0"
    assert state["previous"] and state["previous"]["folder"] == str(fresh_copy.parent)


def test_use_bundled_with_nothing_installed_or_a_damaged_state_says_why(kit: Kit) -> None:
    with pytest.raises(PackError, match="no content pack is active"):
        packs.use_bundled(kit.data)
    kit.install(kit.edition("1.0"))
    packs.state_file(kit.data).write_text("{ damaged", encoding="utf-8")
    with pytest.raises(PackError, match=r"state\.json is damaged"):
        packs.use_bundled(kit.data)
    with _locked(kit.data / packs.STAGING_DIR), pytest.raises(PackError, match="another pack install"):
        packs.use_bundled(kit.data)


def test_rollback_refuses_a_previous_pack_whose_agenda_is_gone(kit: Kit) -> None:
    kit.install(kit.edition("1.0"))
    first = packs.active_content(kit.data)
    assert first is not None
    kit.install(kit.edition("2.0", days=1))
    (first / "agenda.yaml").unlink()
    before = packs.state_file(kit.data).read_bytes()
    with pytest.raises(PackError, match="missing or damaged"):
        packs.rollback(kit.data)
    assert packs.state_file(kit.data).read_bytes() == before


# --- refusing what was changed or not signed by a trusted key -------------------------------------------------


def rewrite(
    source: Path, target: Path, *, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()
) -> Path:
    """A copy of the pack `source` with some entries replaced or left out, otherwise the same."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in drop:
                continue
            new.writestr(info, replace.get(info.filename, old.read(info)))
    return target


def flip_a_byte(pack: Path, name: str = "content/media/clip.mp4") -> None:
    """Change one byte of a stored entry's data, as a bad copy would: its CRC-32 no longer matches."""
    with zipfile.ZipFile(pack) as archive:
        info = archive.getinfo(name)
    assert info.compress_type == zipfile.ZIP_STORED
    data = bytearray(pack.read_bytes())
    name_length, extra_length = (
        int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little"),
        int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little"),
    )
    start = info.header_offset + 30 + name_length + extra_length
    data[start + 40] ^= 0x01
    pack.write_bytes(bytes(data))


def test_a_byte_changed_inside_a_file_in_the_pack_is_refused(kit: Kit) -> None:
    pack = kit.build("a.kpack")
    flip_a_byte(pack)
    reason = kit.refused(pack)
    assert reason.startswith("refused: 'content/media/clip.mp4' is damaged in the pack (Bad CRC-32")
    assert reason.endswith("): copy the pack again")


def test_a_file_replaced_in_a_repacked_pack_does_not_match_the_signed_manifest(kit: Kit) -> None:
    pack = kit.build("a.kpack")
    original = kit.content.path("text/en/one.md").read_bytes()
    forged = original.replace(b"Body", b"Bidy")
    assert len(forged) == len(original)
    forged_pack = rewrite(pack, kit.root / "forged.kpack", replace={"content/text/en/one.md": forged})
    reason = kit.refused(forged_pack)
    assert reason == (
        "refused: 'content/text/en/one.md' does not match its signed manifest (SHA-256): "
        "the pack was changed after signing"
    )


def test_a_changed_manifest_breaks_the_signature(kit: Kit) -> None:
    pack = kit.build("a.kpack")
    with zipfile.ZipFile(pack) as archive:
        manifest = archive.read("manifest.json")
    changed = manifest.replace(b'"version": "1.0"', b'"version": "9.0"')
    assert changed != manifest
    reason = kit.refused(rewrite(pack, kit.root / "changed.kpack", replace={"manifest.json": changed}))
    assert reason == "the signature does not match: the pack was changed after signing"


def test_a_pack_signed_with_another_key_is_refused_with_that_keys_id(kit: Kit, tmp_path: Path) -> None:
    other_id = packs.keygen(tmp_path / "other")
    pack = kit.root / "other.kpack"
    packs.build(kit.content.root, pack, tmp_path / "other" / "signing.key")
    reason = kit.refused(pack)
    assert reason == f"signed by a key this kiosk does not trust (key id {other_id})"
    # With no trusted key at all the refusal says how to trust one.
    with pytest.raises(PackError, match="trusts no key yet"):
        packs.install(pack, kit.data, {}, quick_validate)


def test_an_unsigned_pack_is_refused(kit: Kit) -> None:
    pack = kit.build("a.kpack")
    reason = kit.refused(rewrite(pack, kit.root / "unsigned.kpack", drop=("manifest.sig",)))
    assert reason == "not signed: the pack has no manifest.sig"
    bad_signature = rewrite(pack, kit.root / "short.kpack", replace={"manifest.sig": b"\x00" * 10})
    assert kit.refused(bad_signature).startswith("not signed")


def test_files_that_are_not_packs_are_refused_in_words(kit: Kit) -> None:
    (kit.root / "empty.kpack").write_bytes(b"")
    assert "not a content pack" in kit.refused(kit.root / "empty.kpack")
    half = kit.root / "half.kpack"
    half.write_bytes(kit.build("a.kpack").read_bytes()[:2000])
    reason = kit.refused(half)
    assert "incomplete or damaged" in reason and reason.endswith("copy the pack again")
    assert "does not exist" in kit.refused(kit.root / "nowhere.kpack")
    with zipfile.ZipFile(kit.root / "plain.kpack", "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert kit.refused(kit.root / "plain.kpack") == "not a content pack: it has no manifest.json"


# --- hostile packs -----------------------------------------------------------------------------------------


def entry(name: str, mode: int = stat.S_IFREG | 0o644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.create_system = 3
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def hand_made_pack(
    kit: Kit,
    target: Path,
    extra: list[tuple[zipfile.ZipInfo, bytes]],
    *,
    listed: dict[str, bytes] | None = None,
    sizes: dict[str, int] | None = None,
) -> Path:
    """A validly signed pack of the kit's content plus `extra` entries. The manifest lists the content
    and `listed` (relative name -> bytes), so each test trips exactly the check it is about."""
    files = {name: kit.content.path(name).read_bytes() for name in source_hashes(kit.content)}
    in_manifest = {**files, **(listed or {})}
    manifest = {
        "format": 1,
        "version": "6.6",
        "title": "Hostile",
        "created": "2026-03-01T09:30:00Z",
        "key_id": kit.key_id,
        "files": {
            name: {"size": (sizes or {}).get(name, len(data)), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in sorted(in_manifest.items())
        },
    }
    raw = json.dumps(manifest, indent=2).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names: that is the point
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr(entry("manifest.json"), raw)
            archive.writestr(entry("manifest.sig"), kit.signing_key().sign(raw))
            for name, data in sorted(files.items()):
                archive.writestr(entry(f"content/{name}"), data)
            for info, data in extra:
                archive.writestr(info, data)
    return target


HOSTILE: dict[str, tuple[list[tuple[zipfile.ZipInfo, bytes]], str]] = {
    "parent": ([(entry("../x"), b"x")], "'../x' points outside the pack"),
    "parent-inside": ([(entry("content/../../x"), b"x")], "points outside the pack"),
    "absolute": ([(entry("/abs"), b"x")], "'/abs' is an absolute path"),
    "drive-letter": ([(entry("C:\\x"), b"x")], "starts with a drive letter"),
    "drive-relative": ([(entry("content/C:x"), b"x")], "Windows does not allow"),
    "backslash": ([(entry("content\\..\\x"), b"x")], "holds a backslash"),
    "symlink": ([(entry("content/media/link", stat.S_IFLNK | 0o777), b"/etc/passwd")], "is a symbolic link"),
    "fifo": ([(entry("content/media/pipe", stat.S_IFIFO | 0o644), b"")], "is not a regular file"),
    "folder": ([(entry("content/extra/", stat.S_IFDIR | 0o755), b"")], "is a folder entry"),
    "duplicate": (
        [(entry("content/agenda.yaml"), b"title: Other\n")],
        "'content/agenda.yaml' is in the pack twice",
    ),
    "case": ([(entry("content/AGENDA.yaml"), b"title: Other\n")], "one file on Windows and macOS"),
    "unicode-form": (
        [
            (entry(unicodedata.normalize("NFC", "content/café.md")), b"a"),
            (entry(unicodedata.normalize("NFD", "content/café.md")), b"b"),
        ],
        "one file on Windows and macOS",
    ),
    "file-and-folder": (
        [(entry("content/media/clip.mp4/inner"), b"x")],
        "'content/media/clip.mp4' is both a file and a folder",
    ),
    "outside-content": ([(entry("autorun.inf"), b"x")], "'autorun.inf' is not part of a content pack"),
    "not-in-manifest": (
        [(entry("content/extra.txt"), b"x")],
        "'content/extra.txt' is in the pack but not in its signed manifest",
    ),
    "device-name": ([(entry("content/nul.txt"), b"x")], "Windows reserves"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_entries_are_refused_before_anything_is_unpacked(kit: Kit, case: str) -> None:
    extra, expected = HOSTILE[case]
    pack = hand_made_pack(kit, kit.root / f"{case}.kpack", extra)
    reason = kit.refused(pack)
    assert expected in reason
    assert not (kit.root / "x").exists() and not Path("/abs").exists()


def test_a_file_in_the_manifest_but_not_in_the_pack_is_refused(kit: Kit) -> None:
    pack = hand_made_pack(kit, kit.root / "missing.kpack", [], listed={"media/gone.mp4": b"x"})
    assert kit.refused(pack) == "refused: 'media/gone.mp4' is in the signed manifest but not in the pack"


def test_a_size_that_differs_from_the_manifest_is_refused(kit: Kit) -> None:
    pack = hand_made_pack(kit, kit.root / "size.kpack", [], sizes={"text/en/one.md": 3})
    reason = kit.refused(pack)
    assert "'content/text/en/one.md' is" in reason and "3 in its signed manifest" in reason


def test_an_installed_pack_survives_a_hostile_one(kit: Kit) -> None:
    kit.install(kit.build("a.kpack"))
    before = kit.active_hashes()
    kit.refused(hand_made_pack(kit, kit.root / "evil.kpack", [(entry("../x"), b"x")]))
    assert kit.active_hashes() == before


def test_too_many_entries_are_refused(kit: Kit) -> None:
    pack = kit.build("a.kpack")
    reason = kit.refused(pack, limits=Limits(max_entries=5))
    assert "more than the 5 a pack may hold" in reason


ZEROS = 24 * 1024 * 1024  # compresses to about 24 KB


def test_a_zip_bomb_is_refused_by_its_declared_size(kit: Kit) -> None:
    big = b"\x00" * ZEROS
    pack = hand_made_pack(
        kit, kit.root / "bomb.kpack", [(entry("content/media/big.bin"), big)], listed={"media/big.bin": big}
    )
    assert pack.stat().st_size < 1024 * 1024
    reason = kit.refused(pack, limits=Limits(max_file_bytes=1024 * 1024))
    assert "over the 1.0 MB a pack file may be" in reason
    # Past the total too, file by file within the limit.
    reason = kit.refused(pack, limits=Limits(max_total_bytes=4 * 1024 * 1024))
    assert "over the 4.0 MB a pack may hold" in reason


def _lie_about_size(pack: Path, name: str, size: int) -> None:
    """Rewrite the uncompressed size of `name` in the local header and the central directory."""
    data = bytearray(pack.read_bytes())
    encoded = name.encode()
    local = 0
    while True:
        local = data.find(b"PK\x03\x04", local)
        assert local >= 0
        length = int.from_bytes(data[local + 26 : local + 28], "little")
        if data[local + 30 : local + 30 + length] == encoded:
            data[local + 22 : local + 26] = size.to_bytes(4, "little")
            break
        local += 4
    central = 0
    while True:
        central = data.find(b"PK\x01\x02", central)
        assert central >= 0
        length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + length] == encoded:
            data[central + 24 : central + 28] = size.to_bytes(4, "little")
            break
        central += 4
    pack.write_bytes(bytes(data))


def test_a_zip_bomb_with_a_lying_header_is_refused_while_unpacking(kit: Kit) -> None:
    small = b"\x00" * 1000
    pack = hand_made_pack(
        kit,
        kit.root / "liar.kpack",
        [(entry("content/media/big.bin"), b"\x00" * ZEROS)],
        listed={"media/big.bin": small},
    )
    _lie_about_size(pack, "content/media/big.bin", len(small))
    with zipfile.ZipFile(pack) as archive:
        assert archive.getinfo("content/media/big.bin").file_size == 1000  # the header now lies
    reason = kit.refused(pack, limits=Limits(max_file_bytes=1024 * 1024))
    assert "content/media/big.bin" in reason


def test_bytes_are_counted_while_unpacking_not_taken_from_headers(
    kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    # zipfile itself stops at the size in the header; a reader that does not (another zip library, a
    # future zipfile) must still be stopped at the manifest's size by the install's own count.
    pack = kit.build("a.kpack")
    real_open = zipfile.ZipFile.open

    def endless_open(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        stream = real_open(self, name, *args, **kwargs)  # type: ignore[arg-type]
        if getattr(name, "filename", name) != "content/text/en/one.md":
            return stream

        class Endless:
            def read(self, _size: int = -1) -> bytes:
                return b"A" * 65536

            def __enter__(self) -> Endless:
                return self

            def __exit__(self, *_exc: object) -> None:
                stream.close()

        return Endless()

    monkeypatch.setattr(zipfile.ZipFile, "open", endless_open)
    # The total limit is a second line of defence: small here, so that a broken count fails fast.
    reason = kit.refused(pack, limits=Limits(max_total_bytes=50 * 1024 * 1024))
    size = kit.content.path("text/en/one.md").stat().st_size
    assert (
        reason == f"refused: 'content/text/en/one.md' unpacks to more than the {size} bytes its manifest says"
    )


# --- faults at every step ------------------------------------------------------------------------------


class Crash(Exception):
    pass


def crash_at(step: str) -> Callable[[str], None]:
    def hook(name: str) -> None:
        assert name in INSTALL_STEPS
        if name == step:
            raise Crash(step)

    return hook


def two_editions(kit: Kit) -> tuple[Path, dict[str, str], Path, dict[str, str]]:
    old_files = source_hashes(kit.content)
    old = kit.build("old.kpack")
    kit.content.replace("agenda.yaml", 'version: "1.0"', 'version: "2.0"')
    kit.content.write("text/en/one.md", "# Section one\n\nRewritten for the new edition.\n")
    kit.content.write_bytes("media/poster.png", kit.content.path("media/poster.png").read_bytes() + b"\x00")
    new_files = source_hashes(kit.content)
    new = kit.build("new.kpack", created=T0 + timedelta(days=1))
    assert old_files != new_files
    return old, old_files, new, new_files


@pytest.mark.parametrize("step", INSTALL_STEPS)
def test_a_fault_at_any_step_leaves_the_old_pack_or_the_new_one_whole(kit: Kit, step: str) -> None:
    old, old_files, new, new_files = two_editions(kit)
    kit.install(old)
    with pytest.raises(Crash):
        kit.install(new, step_hook=crash_at(step))
    switched = INSTALL_STEPS.index(step) > INSTALL_STEPS.index("switch")
    assert kit.active_hashes() == (new_files if switched else old_files)
    # The next install finishes the job and leaves nothing behind.
    if switched:
        with pytest.raises(PackError, match="already the one installed"):
            kit.install(new)
    else:
        kit.install(new)
    assert kit.active_hashes() == new_files
    assert staging_leftovers(kit.data) == []
    state = packs.status(kit.data)
    assert state["previous"] and state["previous"]["version"] == "1.0"
    kept = sorted(p.name for p in (kit.data / "packs").iterdir() if p.is_dir())
    assert sorted(Path(record["folder"]).name for record in state.values() if record) == kept


@pytest.mark.parametrize("step", INSTALL_STEPS)
def test_a_fault_during_the_first_install_leaves_no_pack_or_the_whole_pack(kit: Kit, step: str) -> None:
    _old, _old_files, new, new_files = two_editions(kit)
    with pytest.raises(Crash):
        kit.install(new, step_hook=crash_at(step))
    switched = INSTALL_STEPS.index(step) > INSTALL_STEPS.index("switch")
    assert kit.active_hashes() == (new_files if switched else None)


CRASH_SCRIPT = """
import os, sys
from pathlib import Path
from kiosk.core import packs

step = sys.argv[1]

def hook(name):
    if name == step:
        os._exit(17)  # no finally, no clean-up: as a power cut or a kill -9

keys = packs.load_trusted_keys(Path(sys.argv[4]))
packs.install(Path(sys.argv[2]), Path(sys.argv[3]), keys, lambda folder: [], step_hook=hook)
os._exit(0)
"""


def test_a_killed_install_leaves_a_whole_pack_and_the_next_install_clears_up(kit: Kit) -> None:
    old, old_files, new, new_files = two_editions(kit)
    kit.install(old)
    for step in INSTALL_STEPS:
        completed = subprocess.run(
            [sys.executable, "-c", CRASH_SCRIPT, step, str(new), str(kit.data), str(kit.config)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert completed.returncode == 17, completed.stderr
        switched = INSTALL_STEPS.index(step) > INSTALL_STEPS.index("switch")
        assert kit.active_hashes() == (new_files if switched else old_files), step
        if step in ("validate", "move"):
            assert staging_leftovers(kit.data), "a killed install leaves its staging folder"
        if switched:
            packs.rollback(kit.data)  # back to the old one for the next round
        else:
            # What the killed install left (staging, an unswitched pack folder) goes at the next one.
            kit.install(new)
            assert staging_leftovers(kit.data) == []
            assert kit.active_hashes() == new_files
            packs.rollback(kit.data)
        assert kit.active_hashes() == old_files


def test_cleanup_removes_leftovers_but_keeps_active_and_previous(kit: Kit) -> None:
    old, _old_files, new, new_files = two_editions(kit)
    kit.install(old)
    kit.install(new)
    leftover = kit.data / "staging" / "pack-leftover"
    (leftover / "content").mkdir(parents=True)
    orphan = kit.data / "packs" / "0.9-20250101T000000Z-deadbeef"
    orphan.mkdir()
    stale_state = kit.data / "packs" / ".state.json.abc.tmp"
    stale_state.write_text("{")
    removed = packs.cleanup(kit.data)
    assert sorted(removed) == sorted([leftover, orphan, stale_state])
    assert kit.active_hashes() == new_files
    assert packs.rollback(kit.data)["active"] is not None


# --- a damaged state -------------------------------------------------------------------------------------


def _state_damages(kit: Kit) -> dict[str, Callable[[Path], None]]:
    def edit(change: Callable[[dict[str, object]], None]) -> Callable[[Path], None]:
        def apply(state: Path) -> None:
            data = json.loads(state.read_text())
            change(data)
            state.write_text(json.dumps(data))

        return apply

    def set_active(key: str, value: object) -> Callable[[dict[str, object]], None]:
        def change(data: dict[str, object]) -> None:
            active = data["active"]
            assert isinstance(active, dict)
            active[key] = value

        return change

    return {
        "garbage": lambda state: state.write_bytes(b"\x00\xff garbage"),
        "empty": lambda state: state.write_bytes(b""),
        "truncated": lambda state: state.write_bytes(state.read_bytes()[:40]),
        "a list": lambda state: state.write_text("[]"),
        "other format": edit(lambda data: data.update(format=99)),
        "active not an object": edit(lambda data: data.update(active="x")),
        "escaping folder": edit(set_active("folder", "../../../etc")),
        "absolute folder": edit(set_active("folder", "/etc")),
        "missing folder": edit(set_active("folder", "1.0-20260301T093000Z-00000000")),
        "no version": edit(set_active("version", None)),
        "a folder named state.json": lambda state: (state.unlink(), state.mkdir()),
    }


@pytest.mark.parametrize(
    "damage",
    [
        "garbage",
        "empty",
        "truncated",
        "a list",
        "other format",
        "active not an object",
        "escaping folder",
        "absolute folder",
        "missing folder",
        "no version",
        "a folder named state.json",
    ],
)
def test_a_damaged_state_file_means_no_pack_and_a_new_install_recovers(kit: Kit, damage: str) -> None:
    pack = kit.build("a.kpack")
    kit.install(pack)
    state = packs.state_file(kit.data)
    _state_damages(kit)[damage](state)
    assert packs.active_content(kit.data) is None
    if damage != "missing folder":
        with pytest.raises(PackError, match=r"state\.json"):
            packs.status(kit.data)
    if state.is_dir():
        state.rmdir()
    kit.install(pack)
    assert kit.active_hashes() == source_hashes(kit.content)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "escaping folder", "a folder named state.json"])
def test_an_install_over_a_damaged_state_keeps_every_pack_folder(kit: Kit, damage: str) -> None:
    kit.install(kit.edition("1.0"))
    kit.install(kit.edition("2.0", days=1))
    old = kit.folders()
    old_files = {name: file_hashes(kit.data / "packs" / name) for name in old}
    state = packs.state_file(kit.data)
    _state_damages(kit)[damage](state)
    if state.is_dir():
        state.rmdir()
        state.write_text("{", encoding="utf-8")
    kit.install(kit.edition("3.0", days=2))
    status = packs.status(kit.data)
    assert status["active"] and status["active"]["version"] == "3.0" and status["previous"] is None
    # The old packs may be all there is of them: every file stays.
    assert {name: file_hashes(kit.data / "packs" / name) for name in old} == old_files
    assert len(kit.folders()) == 3
    # The state is whole again: the next install clears what it does not name.
    kit.install(kit.edition("4.0", days=3))
    assert not set(old) & set(kit.folders()) and len(kit.folders()) == 2


def test_a_pack_folder_removed_by_hand_means_no_pack(kit: Kit) -> None:
    kit.install(kit.build("a.kpack"))
    active = packs.active_content(kit.data)
    assert active is not None
    (active / "agenda.yaml").unlink()
    assert packs.active_content(kit.data) is None


def test_reading_and_marking_the_active_pack_costs_no_cryptography_zip_or_yaml(kit: Kit) -> None:
    kit.install(kit.build("a.kpack"))
    code = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from kiosk.core.packs import active_content, mark_showing\n"
        f"folder = active_content(Path({str(kit.data)!r}))\n"
        f"mark_showing(Path({str(kit.data)!r}), folder)\n"
        "print(json.dumps([str(folder), sorted(sys.modules)]))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    folder, modules = json.loads(completed.stdout)
    assert folder == str(packs.active_content(kit.data))
    on_show = packs.showing(kit.data)
    assert on_show and on_show["pack"] and on_show["pack"]["folder"] == str(Path(folder).parent)
    heavy = {name.split(".")[0] for name in modules} & {
        "cryptography",
        "zipfile",
        "yaml",
        "pydantic",
        "tempfile",
        "shutil",
    }
    assert not heavy


# --- a watched folder --------------------------------------------------------------------------------------


def test_newest_pack_in_a_folder_skips_partial_unsigned_older_and_known_packs(
    kit: Kit, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    first = kit.build("first.kpack", created=T0)
    kit.install(first)
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) is None

    def publish(version: str, created: datetime, name: str) -> Path:
        text = re.sub(r"(?m)^version: .*$", f'version: "{version}"', kit.content.read("agenda.yaml"))
        kit.content.write("agenda.yaml", text)
        return kit.build(name, created=created)

    older = publish("0.5", T0 - timedelta(days=3), "older.kpack")
    (shared / "older.kpack").write_bytes(older.read_bytes())
    # The active content again, built later: nothing new to show.
    (shared / "rebuilt.kpack").write_bytes(
        publish("1.0", T0 + timedelta(days=9), "rebuilt.kpack").read_bytes()
    )
    newer = publish("2.0", T0 + timedelta(days=1), "newer.kpack")
    newest = publish("3.0", T0 + timedelta(days=2), "newest.kpack")
    (shared / "newer.kpack").write_bytes(newer.read_bytes())
    # Still arriving: Syncthing's temporary name, a truncated copy, macOS's ._ companion.
    (shared / ".syncthing.newest.kpack.tmp").write_bytes(newest.read_bytes()[:5000])
    (shared / "~newest.kpack").write_bytes(newest.read_bytes())
    (shared / "._newest.kpack").write_bytes(b"\x00\x05\x16\x07")
    (shared / "copying.kpack").write_bytes(newest.read_bytes()[: len(newest.read_bytes()) // 2])
    # Newer, but unsigned or signed by a stranger.
    rewrite(newest, shared / "unsigned.kpack", drop=("manifest.sig",))
    packs.keygen(tmp_path / "stranger")
    packs.build(
        kit.content.root,
        shared / "stranger.kpack",
        tmp_path / "stranger" / "signing.key",
        created=T0 + timedelta(days=5),
    )
    (shared / "notes.txt").write_text("not a pack")

    skipped: list[str] = []
    assert packs.newest_pack_in(shared, kit.data, kit.trusted, skipped=skipped) == shared / "newer.kpack"
    reasons = "\n".join(skipped)
    for name in ("copying.kpack", "unsigned.kpack", "stranger.kpack", "._newest.kpack", "~newest.kpack"):
        assert name in reasons
    assert "older.kpack" not in reasons and "notes.txt" not in reasons

    # The whole file arrives under its name: it wins.
    (shared / "newest.kpack").write_bytes(newest.read_bytes())
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) == shared / "newest.kpack"
    kit.install(shared / "newest.kpack")
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) is None
    # Staff rolled back from it: the watched folder must bring back neither it nor the older 2.0.
    packs.rollback(kit.data)
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) is None
    # A pack published after the one rolled back from is new again.
    (shared / "fixed.kpack").write_bytes(publish("3.1", T0 + timedelta(days=3), "fixed.kpack").read_bytes())
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) == shared / "fixed.kpack"


def test_a_pack_staff_stepped_away_from_never_comes_back_by_itself(kit: Kit, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    first, second = kit.edition("1.0"), kit.edition("2.0", days=1)
    for pack in (first, second):
        (shared / pack.name).write_bytes(pack.read_bytes())
    kit.install(first)
    kit.install(second)
    packs.rollback(kit.data)  # 2.0 was bad: back to 1.0
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) is None
    packs.use_bundled(kit.data)  # and then to the content that came with the app: 2.0 is no longer kept
    state = packs.status(kit.data)
    assert state["active"] is None and state["previous"] and state["previous"]["version"] == "1.0"
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) is None
    packs.rollback(kit.data)
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) is None
    # The next pack the editors publish comes, as after any rollback.
    third = kit.edition("3.0", days=2)
    (shared / third.name).write_bytes(third.read_bytes())
    assert packs.newest_pack_in(shared, kit.data, kit.trusted) == shared / third.name


def test_newest_pack_in_never_raises(kit: Kit, tmp_path: Path) -> None:
    skipped: list[str] = []
    assert packs.newest_pack_in(tmp_path / "absent", kit.data, kit.trusted, skipped=skipped) is None
    assert skipped and "cannot be read" in skipped[0]
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "a.kpack").write_bytes(kit.build("a.kpack").read_bytes())
    packs.state_file(kit.data).parent.mkdir(parents=True)
    packs.state_file(kit.data).write_text("{broken")
    skipped = []
    assert (
        packs.newest_pack_in(tmp_path / "shared", kit.data, kit.trusted, skipped=skipped)
        == tmp_path / "shared" / "a.kpack"
    )
    assert any("state.json" in line for line in skipped)


def test_path_problem_accepts_ordinary_content_names() -> None:
    for name in ("agenda.yaml", "media/dg-video-november-2014.es.mp4", "text/fr/été.md", "a b/c-d_e.f"):
        assert packs.path_problem(name) is None, name
