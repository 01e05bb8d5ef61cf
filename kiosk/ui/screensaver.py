"""Keeps the screen from blanking or locking while the kiosk runs in kiosk mode.

Linux (and other free desktops): the freedesktop ScreenSaver Inhibit call on the D-Bus session bus,
with GNOME's session manager as a fallback; the desktop lifts an inhibition by itself when the process
that asked for it ends, so a crashed UI never leaves the screen awake for good. Windows:
SetThreadExecutionState. macOS: `caffeinate -d` tied to this process. Where none of these is at hand
(no session bus under a bare X server or cage) the kiosk says so once and runs on: IT then turns
blanking off in the system (see the README).

Qt is imported only on first use, so importing this module costs nothing.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

APPLICATION_NAME = "Fair Migration Kiosk"

# Windows' SetThreadExecutionState flags.
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002

DBUS_TIMEOUT_MS = 3000
# org.gnome.SessionManager.Inhibit flag: "inhibit the session being marked as idle".
GNOME_INHIBIT_IDLE = 8


class DBusCallFailed(Exception):
    """No session bus, no such service, or the service refused the call."""


@dataclass(frozen=True)
class DBusMethod:
    service: str
    path: str
    interface: str
    name: str
    # D-Bus types of the arguments and of the reply: "s" string, "u" unsigned 32-bit integer.
    in_signature: str
    out_signature: str = ""


# Sends one method call and returns the reply's value (the cookie) or None; raises DBusCallFailed.
DBusCall = Callable[[DBusMethod, Sequence[str | int]], int | None]


@dataclass(frozen=True)
class _InhibitService:
    inhibit: DBusMethod
    uninhibit: DBusMethod

    def inhibit_arguments(self, reason: str) -> list[str | int]:
        if self.inhibit.in_signature == "ss":
            return [APPLICATION_NAME, reason]
        # GNOME: application id, toplevel X window id (none), reason, flags.
        return [APPLICATION_NAME, 0, reason, GNOME_INHIBIT_IDLE]


def _freedesktop(path: str) -> _InhibitService:
    interface = "org.freedesktop.ScreenSaver"
    return _InhibitService(
        DBusMethod(interface, path, interface, "Inhibit", "ss", "u"),
        DBusMethod(interface, path, interface, "UnInhibit", "u"),
    )


_GNOME_SESSION = "org.gnome.SessionManager"
# In order of preference. KDE and Xfce answer on the first path, some older desktops only on the
# second; GNOME Shell implements neither Inhibit, and takes the request through its session manager.
INHIBIT_SERVICES = (
    _freedesktop("/org/freedesktop/ScreenSaver"),
    _freedesktop("/ScreenSaver"),
    _InhibitService(
        DBusMethod(_GNOME_SESSION, "/org/gnome/SessionManager", _GNOME_SESSION, "Inhibit", "susu", "u"),
        DBusMethod(_GNOME_SESSION, "/org/gnome/SessionManager", _GNOME_SESSION, "Uninhibit", "u"),
    ),
)


class QtDBusCall:
    """The real DBusCall, over QtDBus: the session bus, or the connection given (tests use a private bus).

    Calls go through the interface's introspected methods (QMetaObject.invokeMethod) rather than
    QDBusInterface.call: that is the only way from Python to send a cookie as the unsigned integer
    the services expect; sent as a plain int, a strict service answers "no such method".
    """

    def __init__(self, connection: Any = None) -> None:
        self._connection = connection

    def __call__(self, method: DBusMethod, arguments: Sequence[str | int]) -> int | None:
        from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, Qt
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = self._connection if self._connection is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise DBusCallFailed(f"no D-Bus session bus ({bus.lastError().message() or 'not connected'})")
        interface = QDBusInterface(method.service, method.path, method.interface, bus)
        if not interface.isValid():
            raise DBusCallFailed(interface.lastError().message() or f"{method.service} is not on the bus")
        interface.setTimeout(DBUS_TIMEOUT_MS)
        # The methods come from the service's introspection data: none at a path the service does not
        # serve. Asked first, since invokeMethod on a missing one prints a Qt warning.
        offered = interface.metaObject()
        if not any(
            offered.method(index).name().data() == method.name.encode()
            for index in range(offered.methodOffset(), offered.methodCount())
        ):
            raise DBusCallFailed(f"{method.interface}.{method.name} is not offered at {method.path}")
        types = {"s": str, "u": "uint"}
        qt_arguments = [
            Q_ARG(types[kind], value) for kind, value in zip(method.in_signature, arguments, strict=True)
        ]
        direct = Qt.ConnectionType.DirectConnection
        try:
            if method.out_signature:
                result = QMetaObject.invokeMethod(
                    interface, method.name, direct, Q_RETURN_ARG("uint"), *qt_arguments
                )
            else:
                result = QMetaObject.invokeMethod(interface, method.name, direct, *qt_arguments)
        except (RuntimeError, TypeError) as exc:
            raise DBusCallFailed(f"{method.interface}.{method.name}: {exc}") from exc
        error = interface.lastError()
        if error.isValid():
            raise DBusCallFailed(f"{method.interface}.{method.name}: {error.message()}")
        if result is False:
            raise DBusCallFailed(f"{method.interface}.{method.name} is not offered at {method.path}")
        if not method.out_signature:
            return None
        if not isinstance(result, int):
            raise DBusCallFailed(f"{method.interface}.{method.name} gave no cookie ({result!r})")
        return result


class ScreenSaverInhibitor:
    """inhibit() when kiosk mode starts, release() when it ends; both are safe to repeat.

    On Windows the request belongs to the calling thread: call both from the GUI thread. The seams
    (`dbus_call`, `set_execution_state`, `start_caffeinate`) let tests stand in for the system.
    """

    def __init__(
        self,
        *,
        platform: str = sys.platform,
        dbus_call: DBusCall | None = None,
        set_execution_state: Callable[[int], int] | None = None,
        start_caffeinate: Callable[[list[str]], subprocess.Popen[bytes]] | None = None,
    ) -> None:
        self._platform = platform
        self._dbus_call = dbus_call
        self._set_execution_state = set_execution_state
        self._start_caffeinate = start_caffeinate or _start_quietly
        self._warned = False
        self._active = False
        self._dbus_release: tuple[DBusMethod, int] | None = None
        self._caffeinate: subprocess.Popen[bytes] | None = None

    @property
    def active(self) -> bool:
        return self._active

    def inhibit(self, reason: str = "Kiosk mode: a touch screen at an event") -> bool:
        """Keep the screen on. Returns whether the system accepted; a refusal is logged once."""
        if self._active:
            return True
        if self._platform == "win32":
            self._active = self._inhibit_windows()
        elif self._platform == "darwin":
            self._active = self._inhibit_macos()
        else:
            self._active = self._inhibit_dbus(reason)
        if self._active:
            log.info("Screen blanking and locking inhibited (%s)", reason)
        return self._active

    def release(self) -> None:
        if not self._active:
            return
        self._active = False
        if self._dbus_release is not None:
            method, cookie = self._dbus_release
            self._dbus_release = None
            try:
                self._dbus()(method, [cookie])
            except DBusCallFailed as exc:
                # The desktop lifts it anyway when this process ends.
                log.warning("Could not lift the screen saver inhibition: %s", exc)
        if self._platform == "win32":
            self._windows_state(ES_CONTINUOUS)
        if self._caffeinate is not None:
            self._caffeinate.terminate()
            self._caffeinate.wait()
            self._caffeinate = None
        log.info("Screen blanking allowed again")

    def _warn_once(self, message: str, *args: object) -> None:
        if not self._warned:
            log.warning(message, *args)
        self._warned = True

    def _dbus(self) -> DBusCall:
        if self._dbus_call is None:
            self._dbus_call = QtDBusCall()
        return self._dbus_call

    def _inhibit_dbus(self, reason: str) -> bool:
        refusals = []
        for service in INHIBIT_SERVICES:
            try:
                cookie = self._dbus()(service.inhibit, service.inhibit_arguments(reason))
            except DBusCallFailed as exc:
                refusals.append(f"{service.inhibit.interface} at {service.inhibit.path}: {exc}")
                continue
            self._dbus_release = (service.uninhibit, int(cookie or 0))
            return True
        self._warn_once(
            "Could not keep the screen from blanking (no screen saver service on the D-Bus session bus): "
            "turn screen blanking off in the system. %s",
            "; ".join(refusals),
        )
        return False

    def _windows_state(self, flags: int) -> int:
        if self._set_execution_state is None:
            self._set_execution_state = _windows_set_thread_execution_state
        return self._set_execution_state(flags)

    def _inhibit_windows(self) -> bool:
        try:
            previous = self._windows_state(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)
        except OSError as exc:
            self._warn_once("Could not keep the screen from blanking: %s", exc)
            return False
        if not previous:
            # 0 means failure, but may also be a fresh thread's previous state: kept as inhibited, so
            # that release() still clears whatever was set.
            self._warn_once("SetThreadExecutionState returned 0: the screen may still blank")
        return True

    def _inhibit_macos(self) -> bool:
        # -d keeps the display awake, -i the machine; -w ends caffeinate when this process ends, crash
        # included, so nothing is left behind.
        try:
            self._caffeinate = self._start_caffeinate(["caffeinate", "-d", "-i", "-w", str(os.getpid())])
        except OSError as exc:
            self._warn_once(
                "Could not keep the screen from blanking (caffeinate: %s): set Energy Saver to never "
                "sleep the display",
                exc,
            )
            return False
        return True


def _start_quietly(command: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


def _windows_set_thread_execution_state(flags: int) -> int:
    if sys.platform != "win32":
        raise OSError("SetThreadExecutionState exists only on Windows")
    import ctypes

    function = ctypes.windll.kernel32.SetThreadExecutionState
    function.argtypes = [ctypes.c_uint]
    function.restype = ctypes.c_uint
    return int(function(flags))
