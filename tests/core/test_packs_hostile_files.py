"""Hostile pack files refused cleanly, quickly and with little memory, before any signature work: a
central directory far larger than its end record says, a manifest nested thousands deep, a signed date
out of range, a pipe or a device named .kpack, a full disk at the switch. One bad file on a stick or in a
watched folder never hides or blocks the packs beside it."""

from __future__ import annotations

import errno
import json
import os
import threading
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.core import packs
from kiosk.core.packs import Limits, PackError
from kiosk.core.packs import state as pack_state

from .test_packs import T0, Kit, rewrite

# Bounds far above what the refusals cost (microseconds, kilobytes) and far below what the hostile
# files cost without them (the issue measured 958 MB and 10 s for 122 MB of file).
SECONDS = 5.0
PEAK_BYTES = 50 * 1024 * 1024


@pytest.fixture
def kit(tmp_path: Path) -> Kit:
    return Kit(tmp_path)


@pytest.fixture
def zipfile_never_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("zipfile.ZipFile was opened on a file that should be refused before it")

    monkeypatch.setattr(zipfile, "ZipFile", refuse)


@pytest.fixture
def no_signature_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> bool:
        raise AssertionError("a signature was checked on a pack that should be refused before it")

    monkeypatch.setattr("kiosk.core.packs.reading._verifies", refuse)


def refusal(action: Callable[[], object]) -> tuple[str, float, int]:
    """The PackError reason `action` ends with, the seconds it took and its peak of Python memory."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(PackError) as refused:
            action()
    finally:
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return refused.value.reason, elapsed, peak


def end_record(declared: int, directory_size: int, directory_offset: int) -> bytes:
    return (
        b"PK\x05\x06"
        + bytes(4)
        + declared.to_bytes(2, "little") * 2
        + directory_size.to_bytes(4, "little")
        + directory_offset.to_bytes(4, "little")
        + bytes(2)
    )


def sparse_directory_zip(path: Path, directory_size: int, *, zip64: bool = False) -> Path:
    """A file whose end record claims 3 entries in a central directory of `directory_size` bytes: the
    bytes themselves are a hole, so the file takes no disk, but zipfile would read them all at once."""
    with path.open("wb") as stream:
        stream.truncate(directory_size)
        stream.seek(directory_size)
        if zip64:
            record64 = (
                b"PK\x06\x06"
                + (44).to_bytes(8, "little")
                + (45).to_bytes(2, "little") * 2
                + bytes(8)
                + (3).to_bytes(8, "little") * 2
                + directory_size.to_bytes(8, "little")
                + (0).to_bytes(8, "little")
            )
            locator = (
                b"PK\x06\x07" + bytes(4) + directory_size.to_bytes(8, "little") + (1).to_bytes(4, "little")
            )
            stream.write(record64 + locator + end_record(0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF))
        else:
            stream.write(end_record(3, directory_size, 0))
    return path


def crowded_directory_zip(path: Path, entries: int) -> Path:
    """A real central directory of `entries` one-letter names behind an end record that claims 3."""
    header = (
        b"PK\x01\x02"
        + (20).to_bytes(2, "little") * 2
        + bytes(2 + 2 + 4 + 4 + 4 + 4)
        + (1).to_bytes(2, "little")  # the name's length
        + bytes(2 + 2 + 2 + 2 + 4 + 4)
        + b"x"
    )
    directory = header * entries
    path.write_bytes(directory + end_record(3, len(directory), 0))
    return path


def signed_manifest_pack(kit: Kit, target: Path, raw: bytes, *, signed_by_kit: bool = True) -> Path:
    """A pack of the kit's content whose manifest.json is `raw`, signed by the kit's trusted key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = kit.signing_key() if signed_by_kit else Ed25519PrivateKey.generate()
    source = kit.build(f"source-{target.name}")
    return rewrite(source, target, replace={"manifest.json": raw, "manifest.sig": key.sign(raw)})


def deep_manifest(levels: int = 100_000) -> bytes:
    return b'{"format": 1, "files": ' + b"[" * levels + b"]" * levels + b"}"


def manifest_with(kit: Kit, **fields: Any) -> bytes:
    with zipfile.ZipFile(kit.build("plain.kpack")) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest.update(fields)
    return json.dumps(manifest, indent=2).encode()


def within(seconds: float, action: Callable[[], object]) -> object:
    """`action`'s result (or exception), or a failure if it has not returned after `seconds`: a pipe
    that is opened for reading would otherwise hang the test run."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as exc:  # handed to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still waiting after {seconds} s"
    return outcome[0]


@pytest.fixture
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the kit's: `Kit.refused` reads every file under the kit's, and a pipe or a
    link to a device there would hang or fill memory."""
    return tmp_path_factory.mktemp("elsewhere")


@pytest.fixture
def fifo(elsewhere: Path) -> Iterator[Path]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = elsewhere / "pipe.kpack"
    os.mkfifo(path)
    yield path
    # If a regression opened it for reading, a writer lets that thread go.
    with pytest.raises(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


# --- a central directory larger than the limits allow ----------------------------------------------------


@pytest.mark.parametrize("zip64", [False, True], ids=["zip", "zip64"])
def test_a_huge_central_directory_is_refused_from_its_size(
    kit: Kit, tmp_path: Path, zipfile_never_opened: None, zip64: bool
) -> None:
    hostile = sparse_directory_zip(tmp_path / "huge.kpack", 120 * 1024 * 1024, zip64=zip64)
    assert hostile.stat().st_size > 120 * 1024 * 1024
    reason, seconds, peak = refusal(lambda: packs.inspect_pack(hostile, kit.trusted))
    assert reason == (
        "the pack's list of files takes 120.0 MB, more than a pack of 10000 files needs (9.8 MB)"
    )
    assert seconds < SECONDS and peak < PEAK_BYTES
    assert kit.refused(hostile).startswith("the pack's list of files takes 120.0 MB")


def test_more_entries_than_the_end_record_says_are_counted_before_zipfile_reads_them(
    kit: Kit, tmp_path: Path, zipfile_never_opened: None
) -> None:
    hostile = crowded_directory_zip(tmp_path / "crowded.kpack", 20_000)
    reason, seconds, peak = refusal(lambda: packs.inspect_pack(hostile, kit.trusted))
    assert reason == "the pack holds more than the 10000 entries a pack may hold (its end record says 3)"
    assert seconds < SECONDS and peak < PEAK_BYTES


def test_the_directory_limit_follows_the_entry_limit(kit: Kit, tmp_path: Path) -> None:
    pack = kit.build("a.kpack")
    assert packs.inspect_pack(pack, kit.trusted).file_count > 5
    small = Limits(max_entries=5)
    hostile = crowded_directory_zip(tmp_path / "six.kpack", 6)
    assert "more than the 5 entries" in kit.refused(hostile, limits=small)


def zip64_record(entries: int, directory_size: int, directory_offset: int) -> bytes:
    return (
        b"PK\x06\x06"
        + (44).to_bytes(8, "little")
        + (45).to_bytes(2, "little") * 2
        + bytes(8)
        + entries.to_bytes(8, "little") * 2
        + directory_size.to_bytes(8, "little")
        + directory_offset.to_bytes(8, "little")
    )


def with_zip64_end(pack: Path, *, decoy: bytes = b"") -> Path:
    """`pack` with zip64 end records, as other zip tools write them (every 32-bit field 0xFF...).
    A `decoy` zip64 record, put before the pack's local data where the locator points, is what a
    reader following the locator (instead of looking just before it) would take."""
    data = pack.read_bytes()
    end = data[-22:]
    entries = int.from_bytes(end[10:12], "little")
    size, offset = int.from_bytes(end[12:16], "little"), int.from_bytes(end[16:20], "little")
    body = data[:-22]
    if decoy:
        # The decoy is prepended: every offset moves by its length.
        body, offset = decoy + body, offset + len(decoy)
    record64_at = 0 if decoy else len(body)
    locator = b"PK\x06\x07" + bytes(4) + record64_at.to_bytes(8, "little") + (1).to_bytes(4, "little")
    pack.write_bytes(
        body + zip64_record(entries, size, offset) + locator + end_record(0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    )
    return pack


def test_a_pack_with_zip64_end_records_is_read_and_a_decoy_record_is_judged_too(kit: Kit) -> None:
    pack = with_zip64_end(kit.build("zip64.kpack"))
    with zipfile.ZipFile(pack) as archive:
        assert archive.testzip() is None
    assert packs.inspect_pack(pack, kit.trusted).title
    decoyed = with_zip64_end(kit.build("decoy.kpack"), decoy=zip64_record(3, 2**40, 0))
    assert kit.refused(decoyed).startswith("the pack's list of files takes 1024.0 GB")


def test_a_pack_with_a_zip_comment_is_still_read(kit: Kit) -> None:
    pack = kit.build("a.kpack")
    with zipfile.ZipFile(pack, "a") as archive:
        archive.comment = b"made for the spring fair " * 100
    assert packs.inspect_pack(pack, kit.trusted).title
    kit.install(pack)


# --- the manifest --------------------------------------------------------------------------------------


def test_a_deeply_nested_manifest_is_refused_before_the_signature(
    kit: Kit, tmp_path: Path, no_signature_work: None
) -> None:
    hostile = signed_manifest_pack(kit, tmp_path / "deep.kpack", deep_manifest())
    reason, seconds, peak = refusal(lambda: packs.inspect_pack(hostile, kit.trusted))
    assert reason == "the pack's manifest is not valid: nested more than 8 levels deep"
    assert seconds < SECONDS and peak < PEAK_BYTES


def test_nesting_is_measured_outside_strings_and_unpaired_brackets_are_not_json(
    kit: Kit, tmp_path: Path
) -> None:
    # Brackets inside a text are words, however many.
    pack = signed_manifest_pack(kit, tmp_path / "title.kpack", manifest_with(kit, title='[[[[[[[[[[[[ " ]]'))
    assert packs.inspect_pack(pack, kit.trusted).title == '[[[[[[[[[[[[ " ]]'
    unpaired = signed_manifest_pack(kit, tmp_path / "open.kpack", b"[" * 100_000)
    assert kit.refused(unpaired) == "the pack's manifest is not valid: not JSON"


@pytest.mark.parametrize("created", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_a_signed_date_out_of_range_is_refused(kit: Kit, tmp_path: Path, created: str) -> None:
    hostile = signed_manifest_pack(kit, tmp_path / "date.kpack", manifest_with(kit, created=created))
    reason = kit.refused(hostile)
    assert reason == "the pack's manifest is not valid: 'created' is not a date and time with its time zone"


# --- files that are not files ---------------------------------------------------------------------------


def test_a_pipe_is_refused_without_waiting_for_a_writer(kit: Kit, fifo: Path) -> None:
    outcome = within(10, lambda: packs.inspect_pack(fifo, kit.trusted))
    assert isinstance(outcome, PackError)
    assert outcome.reason == f"{fifo} is not a file (a folder, a device or a pipe): it is not read"
    outcome = within(10, lambda: kit.refused(fifo))
    assert outcome == f"{fifo} is not a file (a folder, a device or a pipe): it is not read"


def test_a_pipe_swapped_in_after_the_first_look_is_refused_by_the_second(
    kit: Kit, fifo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = kit.build("a.kpack")
    real_stat = os.stat
    # The first look sees a plain file; by the time it is opened, a pipe is there.
    monkeypatch.setattr(
        os, "stat", lambda path, *a, **k: real_stat(plain) if Path(path) == fifo else real_stat(path)
    )
    outcome = within(10, lambda: packs.inspect_pack(fifo, kit.trusted))
    assert isinstance(outcome, PackError) and "is not a file" in outcome.reason


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_without_reading_it(kit: Kit, tmp_path: Path, elsewhere: Path) -> None:
    link = elsewhere / "zero.kpack"
    link.symlink_to("/dev/zero")
    for device in (Path("/dev/zero"), link):
        reason, seconds, peak = refusal(lambda device=device: packs.inspect_pack(device, kit.trusted))
        assert reason == f"{device} is not a file (a folder, a device or a pipe): it is not read"
        assert seconds < SECONDS and peak < PEAK_BYTES
    assert "is not a file" in kit.refused(tmp_path)  # a folder


# --- a full disk at the switch ----------------------------------------------------------------------


def test_a_state_write_that_fails_for_space_leaves_no_new_folder(
    kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = kit.edition("1.0")
    kit.install(first)
    before, active = kit.folders(), kit.active_hashes()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kiosk.core.packs.installing._write_state", full)
    with pytest.raises(PackError, match="the install could not finish: No space left on device"):
        kit.install(kit.edition("2.0", days=1))
    assert kit.folders() == before
    assert kit.active_hashes() == active


def test_a_failure_after_the_state_was_written_keeps_the_folder_it_names(
    kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_state = pack_state._write_state

    def written_then_failed(data_dir: Path, state: Any) -> None:
        write_state(data_dir, state)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("kiosk.core.packs.installing._write_state", written_then_failed)
    with pytest.raises(PackError):
        kit.install(kit.edition("1.0"))
    active = packs.active_content(kit.data)
    assert active is not None and (active / "agenda.yaml").is_file()


# --- one bad file never hides or blocks another ----------------------------------------------------------


def test_bad_files_in_a_watched_folder_are_skipped_and_the_good_pack_is_found(
    kit: Kit, elsewhere: Path, fifo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = elsewhere / "shared"
    shared.mkdir()
    good = kit.edition("2.0", days=1)
    (shared / "b-good.kpack").write_bytes(good.read_bytes())
    # Every bad one claims to be newer, and sorts before and after the good one.
    newer = T0.replace(year=2030).isoformat()
    signed_manifest_pack(kit, shared / "a-deep.kpack", deep_manifest())
    signed_manifest_pack(
        kit, shared / "c-date.kpack", manifest_with(kit, created="0001-01-01T00:00:00+01:00")
    )
    sparse_directory_zip(shared / "d-huge.kpack", 200 * 1024 * 1024)
    fifo.rename(shared / "e-pipe.kpack")
    if Path("/dev/zero").exists():
        (shared / "f-zero.kpack").symlink_to("/dev/zero")
    (shared / "g-odd.kpack").write_bytes(manifest_with(kit, created=newer))
    inspect = packs.inspect_pack

    def unforeseen(path: Path, *args: Any, **kwargs: Any) -> packs.PackInfo:
        if path.name == "g-odd.kpack":
            raise RecursionError("a failure no check foresaw")
        return inspect(path, *args, **kwargs)

    monkeypatch.setattr("kiosk.core.packs.watched.inspect_pack", unforeseen)
    skipped: list[str] = []
    found = within(30, lambda: packs.newest_pack_in(shared, kit.data, kit.trusted, skipped=skipped))
    assert found == shared / "b-good.kpack"
    reasons = "\n".join(skipped)
    assert "a-deep.kpack: the pack's manifest is not valid: nested more than 8 levels deep" in reasons
    assert "c-date.kpack: the pack's manifest is not valid: 'created' is not a date" in reasons
    assert "d-huge.kpack: the pack's list of files takes 200.0 MB" in reasons
    assert "e-pipe.kpack: not a file" in reasons
    assert "g-odd.kpack: cannot be read (RecursionError: a failure no check foresaw)" in reasons
