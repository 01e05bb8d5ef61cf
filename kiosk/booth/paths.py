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
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def user_config() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_data() -> Path:
    """What the kiosk keeps for itself: installed content packs and the visit records."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_state() -> Path:
    """What the kiosk's operation remembers across restarts of the machine (safe mode); on Linux the
    folder that also holds the logs."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)


def user_logs() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)
