"""Start the kiosk when its user logs in: XDG autostart on Linux, the Startup folder on Windows, a
LaunchAgent on macOS.

Each file's text comes from a pure function, so every platform's file is tested on any platform; only
install_autostart and remove_autostart look at the running system (sys.platform, the environment).
"""

from __future__ import annotations

import os
import plistlib
import re
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kiosk.booth import paths

DISPLAY_NAME = "Fair Migration Kiosk"
FILE_STEM = paths.APP_NAME
LAUNCH_AGENT_LABEL = f"org.{paths.APP_NAME}.kiosk"

# The desktop entry specification's reserved characters: an argument holding any of them is quoted.
_DESKTOP_RESERVED = set(" \t\n\"'\\><~|&;$*?#`")
_DESKTOP_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')
# Characters cmd.exe passes through untouched outside quotes; any other makes an argument quoted.
_CMD_SAFE = re.compile(r"[A-Za-z0-9_\-.:\\/=+,@]+")


def kiosk_command() -> list[str]:
    """The command that starts this kiosk in kiosk mode, from a frozen build or from Python."""
    program, *arguments = paths.kiosk_command("--kiosk")
    return [program if getattr(sys, "frozen", False) else _windowless_python(program), *arguments]


def _windowless_python(executable: str) -> str:
    # python.exe would keep a console window open behind the kiosk all day; pythonw.exe has none.
    if sys.platform == "win32":
        candidate = Path(executable).with_name("pythonw.exe")
        if Path(executable).name.lower() == "python.exe" and candidate.exists():
            return str(candidate)
    return executable


def desktop_exec(command: list[str]) -> str:
    """`command` as the value of a desktop entry's Exec key, quoted and escaped as the spec says."""
    if not command:
        raise ValueError("the command is empty")
    words = []
    for argument in command:
        if argument == "" or _DESKTOP_RESERVED.intersection(argument):
            argument = '"' + _DESKTOP_ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'
        # A lone % starts a field code (%f, %u...); a literal one is written twice.
        words.append(argument.replace("%", "%%"))
    line = " ".join(words)
    # Exec is a string value: its own escapes are undone before the quoting above, so each backslash
    # is doubled once more (a literal backslash inside quotes ends up as four).
    return line.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_entry(command: list[str]) -> str:
    """The XDG autostart file (~/.config/autostart/NAME.desktop)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={DISPLAY_NAME}\n"
        "Comment=Starts the Fair Migration Kiosk in kiosk mode at login\n"
        f"Exec={desktop_exec(command)}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def windows_command_line(command: list[str]) -> str:
    """`command` for a .cmd file: arguments quoted for cmd.exe, % doubled so it is not a variable."""
    if not command:
        raise ValueError("the command is empty")
    words = []
    for argument in command:
        if '"' in argument or "\n" in argument or "\r" in argument:
            # No quoting rule gets these through both cmd.exe and the program's own parsing intact.
            raise ValueError(f"cannot start a command with {argument!r} from a .cmd file")
        words.append(argument if _CMD_SAFE.fullmatch(argument) else f'"{argument}"')
    return " ".join(words).replace("%", "%%")


def startup_cmd(command: list[str]) -> str:
    """The .cmd file for the Windows Startup folder (CRLF line ends, as cmd.exe expects)."""
    lines = [
        "@echo off",
        "rem Starts the Fair Migration Kiosk in kiosk mode at login (written by kiosk install-autostart).",
        # UTF-8, so that a user or folder name with accents reaches the command as written.
        "chcp 65001 >nul",
        # start: the console window of this script closes at once instead of staying behind the kiosk.
        f'start "" {windows_command_line(command)}',
    ]
    return "\r\n".join(lines) + "\r\n"


def launch_agent(command: list[str], log_file: Path | None = None) -> bytes:
    """The LaunchAgent property list (~/Library/LaunchAgents/LABEL.plist)."""
    if not command:
        raise ValueError("the command is empty")
    agent: dict[str, object] = {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        # The supervisor restarts the UI; launchd restarting the supervisor too would fight it when
        # the admin chooses to leave the kiosk.
        "KeepAlive": False,
        "ProcessType": "Interactive",
        # Only in a graphical login, not over ssh.
        "LimitLoadToSessionType": "Aqua",
    }
    if log_file is not None:
        # What the kiosk prints before its own logging starts would otherwise be lost.
        agent["StandardOutPath"] = str(log_file)
        agent["StandardErrorPath"] = str(log_file)
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML, sort_keys=False)


def autostart_file(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ, home: Path | None = None
) -> Path:
    """Where the autostart file goes for this user on `platform`."""
    home = home or Path.home()
    if platform == "win32":
        appdata = environ.get("APPDATA")
        roaming = Path(appdata) if appdata else home / "AppData" / "Roaming"
        return roaming / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup" / f"{FILE_STEM}.cmd"
    if platform == "darwin":
        return home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    # The XDG base directory spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
    configured = environ.get("XDG_CONFIG_HOME", "")
    config = Path(configured) if configured and Path(configured).is_absolute() else home / ".config"
    return config / "autostart" / f"{FILE_STEM}.desktop"


def autostart_contents(command: list[str], platform: str = sys.platform) -> bytes:
    if platform == "win32":
        return startup_cmd(command).encode("utf-8")
    if platform == "darwin":
        return launch_agent(command, paths.user_logs() / "launchd.log")
    return desktop_entry(command).encode("utf-8")


def install_autostart(command: list[str]) -> Path:
    """Start `command` (see kiosk_command) at this user's next login. Returns the file written."""
    target = autostart_file()
    contents = autostart_contents(command)
    target.parent.mkdir(parents=True, exist_ok=True)
    if sys.platform == "darwin":
        # launchd opens the log file but does not create its folder.
        paths.user_logs().mkdir(parents=True, exist_ok=True)
    # Written beside and renamed into place: a session starting meanwhile never reads half a file.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(contents)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def remove_autostart() -> Path | None:
    """Stop starting at login. Returns the file removed, or None when there was none."""
    target = autostart_file()
    try:
        target.unlink()
    except FileNotFoundError:
        return None
    return target
