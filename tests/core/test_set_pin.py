"""`kiosk set-pin`: twice, unseen, on a terminal; one line from a script; never the PIN in any output."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.booth import paths
from kiosk.cli import main
from kiosk.core.pin import PinStore, default_pin_file

ROOT = Path(__file__).resolve().parents[2]


class Terminal(io.StringIO):
    """Standard input as a person at a keyboard has it."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    if sys.platform != "linux":
        pytest.skip("the per-machine folder is redirected through XDG_CONFIG_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    yield tmp_path / "xdg" / "fair-migration-kiosk"


def typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Answer getpass's prompts in turn; returns the prompts shown."""
    prompts: list[str] = []
    replies = iter(answers)

    def fake_getpass(prompt: str = "Password: ", stream: object = None) -> str:
        prompts.append(prompt)
        return next(replies)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", Terminal())
    return prompts


def test_one_line_from_standard_input_sets_the_pin(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("2468\nthis second line is not read\n"))
    assert main(["set-pin"]) == 0
    out, err = capsys.readouterr()
    stored = config_home / "admin-pin.json"
    assert default_pin_file(paths.user_config()) == stored
    assert f"stored as a salted hash in {stored}" in out
    assert "2468" not in out + err
    assert PinStore(stored).verify("2468")
    assert b"2468" not in stored.read_bytes()


def test_asks_twice_on_a_terminal(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts = typed(monkeypatch, "13572468", "13572468")
    assert main(["set-pin"]) == 0
    assert len(prompts) == 2
    assert PinStore(config_home / "admin-pin.json").verify("13572468")
    out, err = capsys.readouterr()
    assert "Admin PIN set" in out
    assert "1357" not in out + err


def test_two_different_pins_change_nothing(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = PinStore(config_home / "admin-pin.json")
    store.set("1111")
    typed(monkeypatch, "2468", "2486")
    assert main(["set-pin"]) == 1
    out, err = capsys.readouterr()
    assert "The two PINs differ. Nothing was changed." in err
    assert "2468" not in out + err and "2486" not in out + err
    assert store.verify("1111")


@pytest.mark.parametrize("pin", ["123", "123456789", "12ab", ""])
def test_a_pin_that_is_not_four_to_eight_digits_is_refused_at_once(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pin: str
) -> None:
    prompts = typed(monkeypatch, pin, pin)
    assert main(["set-pin"]) == 1
    assert len(prompts) == 1, "no point asking again for a PIN that cannot be used"
    assert "The PIN must be 4 to 8 digits" in capsys.readouterr().err
    assert not (config_home / "admin-pin.json").exists()


@pytest.mark.parametrize("line", ["", "12\n", "2468 1357\n"])
def test_a_bad_line_from_a_script_is_refused(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(line))
    assert main(["set-pin"]) == 1
    assert "4 to 8 digits" in capsys.readouterr().err
    assert not (config_home / "admin-pin.json").exists()


def test_end_of_input_at_the_prompt(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_input(prompt: str = "", stream: object = None) -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", no_input)
    monkeypatch.setattr(sys, "stdin", Terminal())
    assert main(["set-pin"]) == 1
    assert "Nothing was changed" in capsys.readouterr().err


def test_remove(config_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = PinStore(config_home / "admin-pin.json")
    store.set("2468")
    assert main(["set-pin", "--remove"]) == 0
    assert not store.is_set()
    assert "Kiosk mode will not start until a PIN is set" in capsys.readouterr().out
    assert main(["set-pin", "--remove"]) == 0
    assert "No admin PIN was set" in capsys.readouterr().out


def test_echo_into_the_installed_command(config_home: Path) -> None:
    # As a set-up script does it: `echo 2468 | kiosk set-pin`. XDG_CONFIG_HOME is passed on.
    completed = subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin"],
        input="2468\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    assert "2468" not in completed.stdout + completed.stderr
    assert PinStore(config_home / "admin-pin.json").verify("2468")
