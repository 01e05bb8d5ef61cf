"""A real X display for the window-system tests: Xvfb, and the programs that drive it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

WIDTH, HEIGHT = 1280, 720
PROBE = Path(__file__).with_name("window_system_probe.py")


def required(program: str, package: str) -> str:
    found = shutil.which(program)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is missing: .ci/run installs it (package {package})")
        pytest.skip(
            f"{program} is not installed (apt-get install {package}): no real window manager to test with"
        )
    return found


def ends_with_the_tests(command: list[str]) -> list[str]:
    """The command, sent SIGTERM when the test run ends without stopping it: on a hang pytest-timeout
    ends the run at once, and an Xvfb, a bus or a kiosk left behind would load every later run."""
    setpriv = shutil.which("setpriv")  # util-linux, on every Debian
    return [setpriv, "--pdeathsig", "TERM", "--", *command] if setpriv else command


def start_display() -> tuple[subprocess.Popen[bytes], str]:
    xvfb = required("Xvfb", "xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ends_with_the_tests(
            [
                xvfb,
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{WIDTH}x{HEIGHT}x24",
                "-br",
                "-nolisten",
                "tcp",
            ]
        ),
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()
    assert number, "Xvfb did not start"
    return server, f":{number}"


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str], grace: float = 10) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
