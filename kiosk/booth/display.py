"""Is there a screen to open a window on? Asked before Qt is started: where it finds none, Qt aborts
the process (a core dump, and a message blaming a missing library), so the kiosk asks first.

This module imports no Qt. The check costs about a millisecond: one X connection opened and closed
through libxcb, or one connection to the Wayland socket, and only for the platforms that need one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

# Qt's platforms that draw on a display server; any other (offscreen, eglfs, linuxfb, vnc...) opens
# its window without one, and is not checked.
_X_PLATFORMS = ("xcb",)
_WAYLAND_PLATFORMS = ("wayland", "wayland-egl", "wayland-brcm")

WAYS_ON = (
    "run it on the desktop, under a virtual screen with `xvfb-run -a uv run kiosk`, "
    "or see its pages as PNG files with `uv run kiosk snapshot --all OUTDIR`"
)


def display_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """None if a window can be opened (or it cannot be told cheaply); else one plain sentence saying
    why not and naming the ways on."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") and not sys.platform.startswith(("freebsd", "openbsd")):
        return None  # Windows and macOS always have their own window system
    requested = [
        part.split(":", 1)[0].strip()
        for part in environ.get("QT_QPA_PLATFORM", "").split(";")
        if part.strip()
    ]
    # Unset, Qt picks Wayland or X from the session; either one that answers will do.
    platforms = requested or ["wayland", "xcb"]
    if any(name not in _X_PLATFORMS + _WAYLAND_PLATFORMS for name in platforms):
        return None
    reasons = []
    for name in platforms:
        reason = _x_refusal(environ) if name in _X_PLATFORMS else _wayland_refusal(environ)
        if reason is None:
            return None
        if reason not in reasons:
            reasons.append(reason)
    if not requested:
        # Qt would have chosen: what was tried and refused says more than what was never set.
        refused = [reason for reason in reasons if not reason.endswith("is not set")]
        reasons = refused or ["neither DISPLAY nor WAYLAND_DISPLAY is set"]
    return f"There is no screen to open the kiosk's window on ({'; '.join(reasons)}): {WAYS_ON}."


def _x_refusal(environ: Mapping[str, str]) -> str | None:
    """Why no X connection opens, or None if one does (or libxcb is missing: Qt will say so)."""
    name = environ.get("DISPLAY", "")
    if not name:
        return "DISPLAY is not set"
    import ctypes  # here: only a start on X pays for it

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    # libxcb never returns NULL: a failed connection is an object whose error is set.
    connection = xcb.xcb_connect(name.encode(), None)
    failed = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)
    return f"the X display {name} refused the connection" if failed else None


def _wayland_refusal(environ: Mapping[str, str]) -> str | None:
    """Why no Wayland connection opens, or None if the compositor's socket answers."""
    if environ.get("WAYLAND_SOCKET"):
        return None  # a connection handed over by the compositor itself
    name = environ.get("WAYLAND_DISPLAY", "")
    if not name:
        return "WAYLAND_DISPLAY is not set"
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if not os.path.isabs(name) and not runtime:
        return "XDG_RUNTIME_DIR, where the Wayland display is found, is not set"
    path = name if os.path.isabs(name) else os.path.join(runtime, name)
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        try:
            probe.connect(path)
        except OSError:
            return f"the Wayland display {name} refused the connection"
    return None
