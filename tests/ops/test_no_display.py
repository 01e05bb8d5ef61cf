"""Where no window can be opened, `kiosk` says so in one sentence naming the ways on, and exits with
1: never Qt's abort (134, a core dump blaming a library). Under the supervisor, a missing screen is
logged and waited for with a growing pause, not started into a crash loop (issue 16, item 4)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.booth.display import display_problem
from kiosk.booth.supervisor import NO_DISPLAY_FIRST_WAIT, Supervisor

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X and Wayland are Linux's"),
]

# A display number no test machine runs a server on.
NO_SERVER = ":987"
WITHOUT = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")


def environment(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in WITHOUT}
    # A core dump, had there been one, lands here rather than anywhere on the machine.
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"), **values)
    return env


@pytest.mark.parametrize(
    ("case", "values", "reason"),
    [
        ("nothing set", {}, "neither DISPLAY nor WAYLAND_DISPLAY is set"),
        ("X refuses", {"DISPLAY": NO_SERVER}, f"the X display {NO_SERVER} refused the connection"),
        ("xcb asked for", {"QT_QPA_PLATFORM": "xcb"}, "DISPLAY is not set"),
        (
            "Wayland refuses",
            {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-nowhere"},
            "the Wayland display wayland-nowhere refused the connection",
        ),
    ],
)
def test_no_screen_is_one_sentence_and_exit_status_1(
    tmp_path: Path, case: str, values: dict[str, str], reason: str
) -> None:
    assert not Path("/tmp/.X11-unix/X987").exists()
    values.setdefault("XDG_RUNTIME_DIR", str(tmp_path))
    ended = subprocess.run(
        [sys.executable, "-m", "kiosk"],
        env=environment(tmp_path, **values),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    said = ended.stderr.strip()
    assert ended.returncode == 1, f"{case}: exit status {ended.returncode} ({said})"
    assert said.count("\n") == 0, f"{case}: more than one line: {said}"
    assert said.startswith("There is no screen to open the kiosk's window on")
    assert reason in said
    for way in ("on the desktop", "`xvfb-run -a uv run kiosk`", "kiosk snapshot"):
        assert way in said
    assert not list(tmp_path.glob("core*"))


def test_a_display_that_answers_is_no_problem(tmp_path: Path) -> None:
    # Platforms with no display server are not second-guessed.
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "eglfs"}) is None
    # A Wayland socket that accepts: the check connects and lets go.
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-test"))
        server.listen()
        assert display_problem({"WAYLAND_DISPLAY": "wayland-test", "XDG_RUNTIME_DIR": str(tmp_path)}) is None
        # Either one answering will do when Qt is left to choose.
        assert (
            display_problem(
                {"DISPLAY": NO_SERVER, "WAYLAND_DISPLAY": "wayland-test", "XDG_RUNTIME_DIR": str(tmp_path)}
            )
            is None
        )
        # But not when X is asked for by name.
        refused = display_problem(
            {
                "QT_QPA_PLATFORM": "xcb",
                "DISPLAY": NO_SERVER,
                "WAYLAND_DISPLAY": "wayland-test",
                "XDG_RUNTIME_DIR": str(tmp_path),
            }
        )
        assert refused is not None and NO_SERVER in refused


def test_the_supervisor_waits_for_a_screen_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    checks: list[str | None] = ["There is no screen (test).", "There is no screen (test).", None]
    started = tmp_path / "started"
    clock = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        # The supervisor's clock runs on; the child, a real process, gets a moment of real time.
        clock[0] += seconds
        waits.append(seconds)
        time.sleep(0.005)

    supervisor = Supervisor(
        [sys.executable, "-c", f"open({str(started)!r}, 'a').write('x')"],
        safe_mode_command=[sys.executable, "-c", "raise SystemExit(0)"],
        display_check=lambda _environment: checks.pop(0) if checks else None,
        clock=lambda: clock[0],
        sleep=sleep,
        poll_interval=0.5,
        heartbeat_timeout=3600,
    )
    with caplog.at_level(logging.INFO, logger="kiosk.booth.supervisor"):
        assert supervisor.run() == 0
    # Started once, when the screen came; never counted as a crash, never safe mode.
    assert started.read_text() == "x"
    assert supervisor.starts == 1 and not supervisor.safe_mode and not supervisor.recent_crashes
    assert supervisor.display_waits == 2
    refusals = [r.getMessage() for r in caplog.records if "There is no screen (test)." in r.getMessage()]
    assert len(refusals) == 2
    assert refusals[0].endswith(f"Looking again in {NO_DISPLAY_FIRST_WAIT:g} s.")
    assert refusals[1].endswith(f"Looking again in {NO_DISPLAY_FIRST_WAIT * 2:g} s.")
    assert sum(waits[:12]) == NO_DISPLAY_FIRST_WAIT * 3
    assert any("A screen is there now" in r.getMessage() for r in caplog.records)
