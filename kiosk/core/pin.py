"""The admin PIN: its rules, its salted scrypt hash on disk, and the pad's lockout after wrong guesses.

Only the hash is ever written. A 4-digit PIN has just 10,000 values, so the hash does not make a stolen
file safe against a patient attacker; it keeps the PIN out of backups, support bundles and a glance at
the folder, and the file is readable by its owner only. At the booth, the lockout is what protects it.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal, NamedTuple

MIN_DIGITS = 4
MAX_DIGITS = 8
# ASCII digits only: str.isdigit() would also accept "²" or Arabic-Indic digits no pad can type.
_PIN_PATTERN = re.compile(rf"[0-9]{{{MIN_DIGITS},{MAX_DIGITS}}}")

# About 40 ms and 16 MB on a small kiosk PC: slow for a guesser, unnoticed by staff tapping OK.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
# A stored string asking for more than this is not one this code wrote: refuse it rather than let a
# tampered file make every PIN check take seconds and gigabytes.
_MAX_SCRYPT_MEMORY = 256 * 1024 * 1024

MAX_ATTEMPTS = 5
LOCK_SECONDS = 60.0

PIN_FILE_NAME = "admin-pin.json"
_STORE_FORMAT = 1

PinResult = Literal["ok", "wrong", "locked"]


class PinRuleError(ValueError):
    """The PIN is not 4 to 8 digits."""


def pin_problem(pin: str) -> str | None:
    """None for an acceptable PIN, else what is wrong with it, in words (never the PIN itself)."""
    if _PIN_PATTERN.fullmatch(pin):
        return None
    return f"The PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits (0-9), and nothing else."


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str) -> str:
    """'scrypt$n=16384,r=8,p=1$<salt>$<hash>': the parameters travel with the hash, so they can change later."""
    problem = pin_problem(pin)
    if problem:
        raise PinRuleError(problem)
    # Imported here: hashlib loads OpenSSL (3 MB), which a start that checks no PIN need not pay for.
    import hashlib
    import secrets

    salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=HASH_BYTES
    )
    return f"scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(salt)}${_b64(digest)}"


# A named tuple, not a dataclass: the admin's view model imports this module at every start, and making
# a dataclass (and importing their module) costs start-up about 1 ms.
class _Scrypt(NamedTuple):
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def _parse(stored: str) -> _Scrypt | None:
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != "scrypt":
        return None
    try:
        settings = dict(item.split("=", 1) for item in parts[1].split(","))
        n, r, p = int(settings["n"]), int(settings["r"]), int(settings["p"])
        salt = base64.b64decode(parts[2], validate=True)
        digest = base64.b64decode(parts[3], validate=True)
    except (ValueError, KeyError, binascii.Error):
        return None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not (power_of_two and r >= 1 and p >= 1 and salt and len(digest) >= 16):
        return None
    if 128 * r * n * p > _MAX_SCRYPT_MEMORY:
        return None
    return _Scrypt(n, r, p, salt, digest)


def verify_pin(pin: str, stored: str) -> bool:
    """True only for the PIN the stored hash was made from; False for anything malformed."""
    if pin_problem(pin) is not None:
        return False
    parsed = _parse(stored)
    if parsed is None:
        return False
    import hashlib
    import hmac

    candidate = hashlib.scrypt(
        pin.encode("ascii"),
        salt=parsed.salt,
        n=parsed.n,
        r=parsed.r,
        p=parsed.p,
        dklen=len(parsed.digest),
        maxmem=_MAX_SCRYPT_MEMORY + 1024 * 1024,
    )
    return hmac.compare_digest(candidate, parsed.digest)


def default_pin_file(config_dir: Path) -> Path:
    """In the per-machine config folder the wiring passes (kiosk.booth.paths.user_config: platformdirs,
    XDG_CONFIG_HOME on Linux, %APPDATA% on Windows); the core finds no machine folders itself."""
    return Path(config_dir) / PIN_FILE_NAME


class PinStore:
    """The PIN's hash in a small JSON file. A missing, unreadable or mangled file means "no PIN set"."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def stored_hash(self) -> str | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        stored = data.get("hash")
        if not isinstance(stored, str) or _parse(stored) is None:
            return None
        return stored

    def is_set(self) -> bool:
        return self.stored_hash() is not None

    def verify(self, pin: str) -> bool:
        stored = self.stored_hash()
        return stored is not None and verify_pin(pin, stored)

    def set(self, pin: str) -> None:
        """Hash and store the PIN, replacing any earlier one in one step. Raises PinRuleError or OSError."""
        record = {"format": _STORE_FORMAT, "hash": hash_pin(pin)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # mkstemp creates the file readable by its owner only (0600), before anything is written to it;
        # os.replace then swaps it in whole, so a power cut never leaves half a file.
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".admin-pin-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(record, stream)
                stream.write("\n")
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def remove(self) -> bool:
        """Forget the PIN; False if there was no file to remove."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True


class PinPad:
    """Counts wrong PINs: the fifth in a row locks the pad for a minute, whatever is typed then.

    `attempt` answers "locked" from that fifth wrong PIN on, until the minute is over; then the count
    starts afresh. A right PIN also starts it afresh.

    Time comes from the caller (`now`, in seconds on a clock that only moves forward), so tests and the
    view model decide what "a minute later" is.
    """

    def __init__(
        self,
        verify: Callable[[str], bool],
        max_attempts: int = MAX_ATTEMPTS,
        lock_seconds: float = LOCK_SECONDS,
    ) -> None:
        self._verify = verify
        self._max_attempts = max_attempts
        self._lock_seconds = lock_seconds
        self._wrong = 0
        self._locked_until: float | None = None

    @property
    def locked_until(self) -> float | None:
        return self._locked_until

    @property
    def attempts_left(self) -> int:
        return self._max_attempts - self._wrong

    def is_locked(self, now: float) -> bool:
        self._end_lock_if_over(now)
        return self._locked_until is not None

    def seconds_left(self, now: float) -> float:
        """How long the lock still lasts; 0 when the pad is open."""
        self._end_lock_if_over(now)
        return 0.0 if self._locked_until is None else self._locked_until - now

    def _end_lock_if_over(self, now: float) -> None:
        if self._locked_until is not None and now >= self._locked_until:
            self._locked_until = None
            self._wrong = 0

    def attempt(self, pin: str, now: float) -> PinResult:
        if self.is_locked(now):
            # Not even checked: a locked pad must not answer guesses, however they are timed.
            return "locked"
        if self._verify(pin):
            self._wrong = 0
            return "ok"
        self._wrong += 1
        if self._wrong >= self._max_attempts:
            self._locked_until = now + self._lock_seconds
            return "locked"
        return "wrong"
