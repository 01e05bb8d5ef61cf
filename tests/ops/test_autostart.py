"""Start at login: the XDG autostart file written and removed for real; the Windows and macOS files
checked as text on any platform."""

from __future__ import annotations

import plistlib
import re
import sys
from pathlib import Path

import pytest

from kiosk.booth import autostart
from kiosk.booth.autostart import (
    LAUNCH_AGENT_LABEL,
    autostart_file,
    desktop_entry,
    desktop_exec,
    install_autostart,
    kiosk_command,
    launch_agent,
    remove_autostart,
    startup_cmd,
    windows_command_line,
)

STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def parse_desktop_exec(value: str) -> list[str]:
    """Undo the desktop entry spec's escapes as a reader does: the string escapes first, then quoting,
    then %% (no field codes are used)."""
    text = re.sub(r"\\(.)", lambda m: STRING_ESCAPES.get(m.group(1), "\\" + m.group(1)), value)
    arguments, current, quoted, index, started = [], "", False, 0, False
    while index < len(text):
        char = text[index]
        if quoted:
            if char == "\\" and index + 1 < len(text) and text[index + 1] in '"`$\\':
                current += text[index + 1]
                index += 1
            elif char == '"':
                quoted = False
            else:
                current += char
        elif char == '"':
            quoted = started = True
        elif char == " ":
            if started:
                arguments.append(current)
            current, started = "", False
        else:
            current += char
            started = True
        index += 1
    if started:
        arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


def test_the_kiosk_command_from_python() -> None:
    command = kiosk_command()
    assert command[1:] == ["-m", "kiosk", "--kiosk"]
    assert Path(command[0]).name.startswith("python")


def test_the_kiosk_command_from_a_frozen_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/kiosk/fair-migration-kiosk")
    assert kiosk_command() == ["/opt/kiosk/fair-migration-kiosk", "--kiosk"]


def test_plain_arguments_are_left_alone() -> None:
    assert desktop_exec(["/usr/bin/python3", "-m", "kiosk", "--kiosk"]) == "/usr/bin/python3 -m kiosk --kiosk"


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("/home/ana maria/kiosk/python", '"/home/ana maria/kiosk/python"'),
        ("$HOME", '"\\\\$HOME"'),
        ('say "hi"', '"say \\\\"hi\\\\""'),
        # A literal backslash inside quotes takes four, as the spec says.
        ("C:\\x", '"C:\\\\\\\\x"'),
        ("100%", "100%%"),
        ("", '""'),
    ],
)
def test_arguments_are_quoted_and_escaped_as_the_spec_says(argument: str, written: str) -> None:
    assert desktop_exec(["kiosk", argument]) == f"kiosk {written}"


def test_every_argument_survives_the_round_trip() -> None:
    command = [
        "/opt/my kiosk/python",
        "-m",
        "kiosk",
        "it's",
        "a`b",
        "$x",
        "50%",
        "~",
        "a\\b",
        'q"q',
        "tab\there",
        "",
    ]
    assert parse_desktop_exec(desktop_exec(command)) == command


def test_the_desktop_entry() -> None:
    text = desktop_entry(["/usr/bin/python3", "-m", "kiosk", "--kiosk"])
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert "Type=Application" in lines
    assert "Exec=/usr/bin/python3 -m kiosk --kiosk" in lines
    assert "X-GNOME-Autostart-enabled=true" in lines
    assert "Terminal=false" in lines
    assert text.endswith("\n")


def test_install_and_remove_under_xdg_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    command = ["/opt/kiosk venv/bin/python", "-m", "kiosk", "--kiosk"]
    written = install_autostart(command)
    assert written == tmp_path / "config" / "autostart" / "fair-migration-kiosk.desktop"
    text = written.read_text(encoding="utf-8")
    assert text == desktop_entry(command)
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert parse_desktop_exec(exec_line.removeprefix("Exec=")) == command
    assert written.stat().st_mode & 0o777 == 0o644
    assert [path.name for path in written.parent.iterdir()] == [written.name]  # no temporary left

    # Installing again replaces the file.
    assert install_autostart(["/usr/bin/kiosk"]) == written
    assert "Exec=/usr/bin/kiosk\n" in written.read_text(encoding="utf-8")

    assert remove_autostart() == written
    assert not written.exists()
    assert remove_autostart() is None


def test_xdg_config_home_defaults_to_dot_config(tmp_path: Path) -> None:
    for environ in ({}, {"XDG_CONFIG_HOME": ""}, {"XDG_CONFIG_HOME": "relative/ignored"}):
        assert autostart_file("linux", environ, tmp_path) == (
            tmp_path / ".config" / "autostart" / "fair-migration-kiosk.desktop"
        )


def test_the_windows_startup_file() -> None:
    appdata = Path("C:/Users/José/AppData/Roaming")
    target = autostart_file("win32", {"APPDATA": str(appdata)}, Path("C:/Users/José"))
    assert target == appdata / "Microsoft/Windows/Start Menu/Programs/Startup/fair-migration-kiosk.cmd"
    text = startup_cmd(["C:\\Program Files\\Kiosk\\pythonw.exe", "-m", "kiosk", "--kiosk", "50%"])
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[0] == "@echo off"
    assert "chcp 65001 >nul" in lines
    assert 'start "" "C:\\Program Files\\Kiosk\\pythonw.exe" -m kiosk --kiosk "50%%"' in lines


def test_windows_arguments_with_cmd_specials_are_quoted() -> None:
    assert (
        windows_command_line(["C:\\k\\kiosk.exe", "a&b", "x^y", "--kiosk"])
        == 'C:\\k\\kiosk.exe "a&b" "x^y" --kiosk'
    )
    with pytest.raises(ValueError, match="cannot start"):
        windows_command_line(["kiosk.exe", 'say "hi"'])


def test_the_macos_launch_agent() -> None:
    assert autostart_file("darwin", {}, Path("/Users/ana")) == Path(
        f"/Users/ana/Library/LaunchAgents/{LAUNCH_AGENT_LABEL}.plist"
    )
    command = ["/Applications/Fair Migration Kiosk.app/Contents/MacOS/kiosk", "--kiosk"]
    agent = plistlib.loads(launch_agent(command, Path("/Users/ana/Library/Logs/kiosk/launchd.log")))
    assert agent["Label"] == LAUNCH_AGENT_LABEL
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True
    assert agent["KeepAlive"] is False
    assert agent["StandardErrorPath"] == "/Users/ana/Library/Logs/kiosk/launchd.log"


def test_each_platform_gets_its_own_file() -> None:
    command = ["kiosk", "--kiosk"]
    assert autostart.autostart_contents(command, "linux").startswith(b"[Desktop Entry]\n")
    assert autostart.autostart_contents(command, "win32").startswith(b"@echo off\r\n")
    assert b"<plist" in autostart.autostart_contents(command, "darwin")
