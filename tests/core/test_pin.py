"""The admin PIN: only a salted hash on disk, the rules for a PIN, and the lockout after wrong guesses."""

from __future__ import annotations

import json
import stat
import sys
import time
from pathlib import Path

import pytest

from kiosk.booth import paths
from kiosk.core.pin import (
    LOCK_SECONDS,
    MAX_ATTEMPTS,
    PinPad,
    PinRuleError,
    PinStore,
    default_pin_file,
    hash_pin,
    pin_problem,
    verify_pin,
)

PIN = "2468"


@pytest.fixture
def store(tmp_path: Path) -> PinStore:
    return PinStore(tmp_path / "config" / "admin-pin.json")


def test_only_a_salted_scrypt_hash_is_written(store: PinStore) -> None:
    pin = "86420579"
    store.set(pin)
    raw = store.path.read_bytes()
    assert pin.encode() not in raw
    # Nor any run of its digits long enough to give the PIN away.
    assert all(pin[i : i + 4].encode() not in raw for i in range(len(pin) - 3))
    record = json.loads(raw)
    assert set(record) == {"format", "hash"}
    algorithm, parameters, salt, digest = record["hash"].split("$")
    assert (algorithm, parameters) == ("scrypt", "n=16384,r=8,p=1")
    assert len(salt) >= 20 and len(digest) >= 40
    assert store.is_set()
    assert store.verify(pin)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_file_is_readable_by_its_owner_only(store: PinStore) -> None:
    store.set(PIN)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.set("1357")  # a new PIN replaces the file whole, with the same care
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert [p.name for p in store.path.parent.iterdir()] == ["admin-pin.json"], "a temporary file was left"


def test_the_same_pin_hashes_differently_each_time() -> None:
    first, second = hash_pin(PIN), hash_pin(PIN)
    assert first != second
    assert first.split("$")[2] != second.split("$")[2], "the salts must differ"
    assert verify_pin(PIN, first) and verify_pin(PIN, second)


@pytest.mark.parametrize(
    "wrong", ["2469", "24680", "0000", "", "246", "2468 ", "abcd", "\uff12\uff14\uff16\uff18"]
)
def test_wrong_pins_are_refused(wrong: str) -> None:
    assert not verify_pin(wrong, hash_pin(PIN))


@pytest.mark.parametrize("pin", ["0000", "1234", "12345678", "00001111"])
def test_four_to_eight_digits_make_a_pin(pin: str) -> None:
    assert pin_problem(pin) is None


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", " 1234", "1234\n", "12.34", "١٢٣٤", "²²²²"])
def test_anything_else_is_not_a_pin(pin: str) -> None:
    problem = pin_problem(pin)
    assert problem is not None and "4 to 8 digits" in problem
    with pytest.raises(PinRuleError):
        hash_pin(pin)


def test_a_new_pin_replaces_the_old_one(store: PinStore) -> None:
    store.set(PIN)
    store.set("1357")
    assert store.verify("1357")
    assert not store.verify(PIN)


def test_no_file_means_no_pin(store: PinStore) -> None:
    assert not store.is_set()
    assert not store.verify(PIN)
    assert not store.remove()


def test_remove_forgets_the_pin(store: PinStore) -> None:
    store.set(PIN)
    assert store.remove()
    assert not store.is_set()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b"{}",
        b'{"hash": 12}',
        b'{"hash": "2468"}',
        b'{"hash": "scrypt$n=16384,r=8,p=1$!!!$!!!"}',
        b'{"hash": "scrypt$n=16384$AAAA$AAAA"}',
        b'{"hash": "bcrypt$x$y$z"}',
    ],
)
def test_a_corrupt_file_means_no_pin_and_no_crash(store: PinStore, content: bytes) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    assert not store.is_set()
    assert not store.verify(PIN)


def test_a_tampered_hash_cannot_make_a_check_slow_or_huge() -> None:
    stored = hash_pin(PIN)
    _algorithm, _parameters, salt, digest = stored.split("$")
    for parameters in ("n=1048576,r=64,p=16", "n=3000,r=8,p=1", "n=16384,r=0,p=1", "n=16384,r=8,p=-1"):
        started = time.perf_counter()
        assert not verify_pin(PIN, f"scrypt${parameters}${salt}${digest}")
        assert time.perf_counter() - started < 0.5


def test_the_pin_file_lives_in_the_per_machine_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform != "linux":
        pytest.skip("XDG_CONFIG_HOME is the Linux convention")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert (
        default_pin_file(paths.user_config()) == tmp_path / "xdg" / "fair-migration-kiosk" / "admin-pin.json"
    )


class CountingCheck:
    """The real PIN check, counting its calls: a locked pad must not even look at what is typed."""

    def __init__(self, store: PinStore) -> None:
        self.store = store
        self.calls = 0

    def __call__(self, pin: str) -> bool:
        self.calls += 1
        return self.store.verify(pin)


@pytest.fixture
def pad_and_check(store: PinStore) -> tuple[PinPad, CountingCheck]:
    store.set(PIN)
    check = CountingCheck(store)
    return PinPad(check), check


def test_five_wrong_pins_lock_the_pad_for_a_minute(pad_and_check: tuple[PinPad, CountingCheck]) -> None:
    pad, check = pad_and_check
    now = 1000.0
    assert MAX_ATTEMPTS == 5 and LOCK_SECONDS == 60
    for left in (4, 3, 2, 1):
        assert pad.attempt("1111", now) == "wrong"
        assert pad.attempts_left == left
        now += 1
    assert pad.attempt("1111", now) == "locked"
    assert pad.locked_until == now + 60
    assert pad.is_locked(now) and pad.seconds_left(now) == 60
    # Even the right PIN is refused while locked, and not even checked.
    calls = check.calls
    assert pad.attempt(PIN, now + 30) == "locked"
    assert pad.attempt(PIN, now + 59.9) == "locked"
    assert check.calls == calls
    assert pad.seconds_left(now + 45) == pytest.approx(15)


def test_the_lock_ends_after_the_minute_with_five_attempts_again(
    pad_and_check: tuple[PinPad, CountingCheck],
) -> None:
    pad, _check = pad_and_check
    for _ in range(5):
        pad.attempt("1111", 0.0)
    assert pad.is_locked(59.0)
    assert not pad.is_locked(60.0)
    assert pad.locked_until is None
    assert pad.seconds_left(60.0) == 0
    assert pad.attempts_left == 5
    assert pad.attempt(PIN, 60.0) == "ok"


def test_after_a_lock_five_more_wrong_pins_lock_it_again(pad_and_check: tuple[PinPad, CountingCheck]) -> None:
    pad, _check = pad_and_check
    for _ in range(5):
        pad.attempt("1111", 0.0)
    results = [pad.attempt("1111", 61.0 + i) for i in range(5)]
    assert results == ["wrong"] * 4 + ["locked"]
    assert pad.locked_until == 65.0 + 60


def test_a_right_pin_resets_the_count(pad_and_check: tuple[PinPad, CountingCheck]) -> None:
    pad, _check = pad_and_check
    for _ in range(4):
        pad.attempt("1111", 0.0)
    assert pad.attempts_left == 1
    assert pad.attempt(PIN, 1.0) == "ok"
    assert pad.attempts_left == 5
    assert [pad.attempt("1111", 2.0) for _ in range(4)] == ["wrong"] * 4
    assert not pad.is_locked(2.0)


def test_a_store_set_by_another_process_is_read_afresh(store: PinStore) -> None:
    # `kiosk set-pin` run while the kiosk is open takes effect at the next try, without a restart.
    pad = PinPad(store.verify)
    assert pad.attempt(PIN, 0.0) == "wrong"
    PinStore(store.path).set(PIN)
    assert pad.attempt(PIN, 1.0) == "ok"


def test_hashing_is_quick_enough_for_a_tap_on_ok() -> None:
    stored = hash_pin(PIN)
    started = time.perf_counter()
    verify_pin(PIN, stored)
    # scrypt at n=16384 is ~40 ms on a small PC; a slow CI machine gets ten times that.
    assert time.perf_counter() - started < 0.5, "the GUI thread would stall when staff tap OK"
