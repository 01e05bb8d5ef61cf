"""Whether to offer Qt's on-screen keyboard: yes on a touch screen, no on a laptop with its own keys."""

from __future__ import annotations

import os
import sys
from pathlib import Path

INPUT_DEVICES = Path("/proc/bus/input/devices")
# Linux input property bit INPUT_PROP_DIRECT: the device is a screen you touch, not a touchpad.
_INPUT_PROP_DIRECT = 1 << 1


def touch_screen_present(devices: Path = INPUT_DEVICES) -> bool:
    if sys.platform == "win32":
        import ctypes

        sm_maximumtouches = 95
        return bool(ctypes.windll.user32.GetSystemMetrics(sm_maximumtouches))  # type: ignore[attr-defined]
    try:
        listing = devices.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    for block in listing.split("\n\n"):
        properties = [line for line in block.splitlines() if line.startswith("B: PROP=")]
        absolute = any(line.startswith("B: ABS=") for line in block.splitlines())
        if (
            properties
            and absolute
            and int(properties[0].split("=", 1)[1].strip() or "0", 16) & _INPUT_PROP_DIRECT
        ):
            return True
    return False


def use_on_screen_keyboard(choice: str) -> bool:
    """`choice` is on, off or auto. Must run before the QGuiApplication exists."""
    wanted = choice == "on" or (choice == "auto" and touch_screen_present())
    if wanted:
        # Qt loads the input method once, when the application starts.
        os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    return wanted
