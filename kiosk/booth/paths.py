"""Where the app finds its bundled content, resources and per-user folders."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "fair-migration-kiosk"


def install_root() -> Path:
    # A frozen build unpacks next to the executable; a source checkout has kiosk/ beside content/.
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parents[2]


def kiosk_command(*arguments: str) -> list[str]:
    """How to run `kiosk ARGUMENTS...` in another process: the frozen executable, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *arguments]
    return [sys.executable, "-m", "kiosk", *arguments]


def bundled_content() -> Path:
    return install_root() / "content"


def resources() -> Path:
    return install_root() / "resources"


def qml_import_path() -> Path:
    return resources() / "qml"


def fonts() -> Path:
    return resources() / "fonts"


def user_cache() -> Path:
    return _linux_folder("XDG_CACHE_HOME", "~/.cache") or _platform_folder("user_cache_path")


def user_config() -> Path:
    return _linux_folder("XDG_CONFIG_HOME", "~/.config") or _platform_folder("user_config_path")


def user_data() -> Path:
    """What the kiosk keeps for itself: installed content packs and the visit records."""
    return _linux_folder("XDG_DATA_HOME", "~/.local/share") or _platform_folder("user_data_path")


def user_state() -> Path:
    """What the kiosk's operation remembers across restarts of the machine (safe mode); on Linux the
    folder that also holds the logs."""
    return _linux_folder("XDG_STATE_HOME", "~/.local/state") or _platform_folder("user_state_path")


def user_logs() -> Path:
    state = _linux_folder("XDG_STATE_HOME", "~/.local/state")
    return state / "log" if state else _platform_folder("user_log_path")


def _linux_folder(variable: str, default: str) -> Path | None:
    """platformdirs' answer on Linux, without importing it (3-4 ms of every start): the XDG variable
    when it holds an absolute path, else the default in the home folder. None elsewhere, and where the
    home folder is odd (HOME relative: platformdirs then asks the password database), for platformdirs."""
    import os

    if sys.platform != "linux":
        return None
    base = os.environ.get(variable, "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME")
        if not home or not os.path.isabs(home):
            return None
        base = os.path.join(home, default.removeprefix("~/"))
    return Path(base) / APP_NAME


def _platform_folder(kind: str) -> Path:
    import platformdirs

    folder: Path = getattr(platformdirs, kind)(APP_NAME, appauthor=False)
    return folder
