"""Keeping the screen awake: on a private D-Bus bus with a stand-in screen saver service (when
dbus-daemon is installed), and through the injected seams for every platform."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from kiosk.ui.screensaver import (
    APPLICATION_NAME,
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    ES_SYSTEM_REQUIRED,
    GNOME_INHIBIT_IDLE,
    DBusCallFailed,
    DBusMethod,
    QtDBusCall,
    ScreenSaverInhibitor,
)

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = pytest.mark.timeout(60)

FAKE_SERVICE = Path(__file__).with_name("fake_screensaver.py")
FIRST_COOKIE = 4_000_000_000


class FakeDBus:
    """Answers for the services listed in `answering` ((service, path) pairs); the others are absent."""

    def __init__(self, *answering: tuple[str, str]) -> None:
        self.answering = set(answering)
        self.calls: list[tuple[str, str, str, list[str | int]]] = []

    def __call__(self, method: DBusMethod, arguments: Sequence[str | int]) -> int | None:
        self.calls.append((method.service, method.path, method.name, list(arguments)))
        if (method.service, method.path) not in self.answering:
            raise DBusCallFailed(f"{method.service} is not on the bus")
        return 42 if method.out_signature else None


FREEDESKTOP = ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver")
OLD_PATH = ("org.freedesktop.ScreenSaver", "/ScreenSaver")
GNOME = ("org.gnome.SessionManager", "/org/gnome/SessionManager")


def test_freedesktop_inhibit_then_uninhibit_with_the_cookie() -> None:
    bus = FakeDBus(FREEDESKTOP)
    inhibitor = ScreenSaverInhibitor(platform="linux", dbus_call=bus)
    assert inhibitor.inhibit("kiosk mode")
    assert inhibitor.inhibit("again")  # already on: no second request
    inhibitor.release()
    inhibitor.release()  # already off: nothing sent
    assert bus.calls == [
        (*FREEDESKTOP, "Inhibit", [APPLICATION_NAME, "kiosk mode"]),
        (*FREEDESKTOP, "UnInhibit", [42]),
    ]
    assert not inhibitor.active


def test_the_old_path_then_gnome_are_tried_in_turn() -> None:
    bus = FakeDBus(OLD_PATH)
    inhibitor = ScreenSaverInhibitor(platform="linux", dbus_call=bus)
    assert inhibitor.inhibit("kiosk mode")
    inhibitor.release()
    assert [(path, name) for _service, path, name, _args in bus.calls] == [
        ("/org/freedesktop/ScreenSaver", "Inhibit"),
        ("/ScreenSaver", "Inhibit"),
        ("/ScreenSaver", "UnInhibit"),
    ]

    bus = FakeDBus(GNOME)
    inhibitor = ScreenSaverInhibitor(platform="linux", dbus_call=bus)
    assert inhibitor.inhibit("kiosk mode")
    inhibitor.release()
    assert bus.calls[-2:] == [
        (*GNOME, "Inhibit", [APPLICATION_NAME, 0, "kiosk mode", GNOME_INHIBIT_IDLE]),
        (*GNOME, "Uninhibit", [42]),
    ]


def test_no_service_warns_once_and_carries_on(caplog: pytest.LogCaptureFixture) -> None:
    inhibitor = ScreenSaverInhibitor(platform="linux", dbus_call=FakeDBus())
    assert not inhibitor.inhibit("kiosk mode")
    assert not inhibitor.inhibit("kiosk mode")
    inhibitor.release()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "turn screen blanking off in the system" in warnings[0].getMessage()


def test_windows_sets_and_clears_the_thread_execution_state() -> None:
    states: list[int] = []

    def set_state(flags: int) -> int:
        states.append(flags)
        return ES_CONTINUOUS

    inhibitor = ScreenSaverInhibitor(platform="win32", set_execution_state=set_state)
    assert inhibitor.inhibit("kiosk mode")
    inhibitor.release()
    assert states == [ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED, ES_CONTINUOUS]
    assert (ES_CONTINUOUS, ES_SYSTEM_REQUIRED, ES_DISPLAY_REQUIRED) == (0x80000000, 0x1, 0x2)


def test_windows_off_windows_warns_instead_of_failing(caplog: pytest.LogCaptureFixture) -> None:
    if sys.platform == "win32":
        pytest.skip("the real call exists here")
    assert not ScreenSaverInhibitor(platform="win32").inhibit("kiosk mode")
    assert "only on Windows" in caplog.text


def test_macos_caffeinate_is_tied_to_this_process() -> None:
    started: list[list[str]] = []

    class Caffeinate:
        ended = False

        def terminate(self) -> None:
            self.ended = True

        def wait(self) -> int:
            return 0

    caffeinate = Caffeinate()

    def start(command: list[str]) -> Any:
        started.append(command)
        return caffeinate

    inhibitor = ScreenSaverInhibitor(platform="darwin", start_caffeinate=start)
    assert inhibitor.inhibit("kiosk mode")
    assert started == [["caffeinate", "-d", "-i", "-w", str(os.getpid())]]
    inhibitor.release()
    assert caffeinate.ended


def test_macos_without_caffeinate_warns(caplog: pytest.LogCaptureFixture) -> None:
    def missing(command: list[str]) -> Any:
        raise FileNotFoundError("caffeinate")

    assert not ScreenSaverInhibitor(platform="darwin", start_caffeinate=missing).inhibit("kiosk mode")
    assert "Energy Saver" in caplog.text


# --- On a real (private) D-Bus session bus -------------------------------------------------------


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (Debian: apt-get install dbus-daemon)")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address, "dbus-daemon printed no address"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def start_fake_service(address: str, object_path: str, record: Path) -> subprocess.Popen[bytes]:
    service = subprocess.Popen([sys.executable, str(FAKE_SERVICE), address, object_path, str(record)])
    deadline = time.monotonic() + 15
    while not (record.exists() and record.read_text(encoding="utf-8").startswith("ready")):
        assert service.poll() is None, "the stand-in screen saver service failed to start"
        assert time.monotonic() < deadline, "the stand-in screen saver service did not get its name"
        time.sleep(0.05)
    return service


@pytest.fixture
def connection(private_bus: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    from PySide6.QtDBus import QDBusConnection

    name = f"kiosk-test-{request.node.name}"
    bus = QDBusConnection.connectToBus(private_bus, name)
    assert bus.isConnected()
    yield bus
    QDBusConnection.disconnectFromBus(name)


def recorded(record: Path) -> list[str]:
    return record.read_text(encoding="utf-8").splitlines()[1:]


@pytest.mark.parametrize("object_path", ["/org/freedesktop/ScreenSaver", "/ScreenSaver"])
def test_inhibit_and_uninhibit_over_real_dbus(
    private_bus: str, connection: Any, tmp_path: Path, object_path: str
) -> None:
    record = tmp_path / "calls.txt"
    service = start_fake_service(private_bus, object_path, record)
    try:
        inhibitor = ScreenSaverInhibitor(platform="linux", dbus_call=QtDBusCall(connection))
        assert inhibitor.inhibit("kiosk mode")
        assert recorded(record) == [f"Inhibit {FIRST_COOKIE} {APPLICATION_NAME}|kiosk mode"]
        inhibitor.release()
        # The service only answers an UnInhibit whose cookie is an unsigned integer, as KDE's does.
        assert recorded(record)[1:] == [f"UnInhibit {FIRST_COOKIE}"]
    finally:
        service.terminate()
        service.wait(timeout=10)


def test_a_bus_without_the_service_is_reported(connection: Any, caplog: pytest.LogCaptureFixture) -> None:
    inhibitor = ScreenSaverInhibitor(platform="linux", dbus_call=QtDBusCall(connection))
    assert not inhibitor.inhibit("kiosk mode")
    assert "org.freedesktop.ScreenSaver" in caplog.text
    assert "org.gnome.SessionManager" in caplog.text


def test_no_session_bus_at_all_is_reported_not_fatal(tmp_path: Path) -> None:
    script = (
        "import logging\n"
        "from kiosk.ui.screensaver import ScreenSaverInhibitor\n"
        "logging.basicConfig(level=logging.WARNING, format='%(levelname)s %(message)s')\n"
        "inhibitor = ScreenSaverInhibitor(platform='linux')\n"
        "print(inhibitor.inhibit('kiosk mode'), inhibitor.inhibit('kiosk mode'))\n"
        "inhibitor.release()\n"
    )
    environment = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}")
    environment.pop("DISPLAY", None)  # or libdbus may try to launch a bus for the X session
    ran = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "False False"
    assert ran.stderr.count("WARNING Could not keep the screen from blanking") == 1
    assert "no D-Bus session bus" in ran.stderr
