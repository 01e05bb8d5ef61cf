"""A booth's standard error goes wherever the session put it: a pipe whose reader has gone, or one
nobody reads any more. Neither may stop the kiosk from showing its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.booth import paths

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = pytest.mark.timeout(60)

START_TIMEOUT = 40.0


def _stderr_pipe(state: str) -> tuple[int, int | None]:
    """The write end to give the kiosk as stderr, and the read end kept by the test (None: closed)."""
    read_end, write_end = os.pipe()
    if state == "closed":
        os.close(read_end)
        return write_end, None
    # "full": what a reader that stopped reading leaves behind.
    os.set_blocking(write_end, False)
    try:
        while True:
            os.write(write_end, b"x" * 4096)
    except BlockingIOError:
        pass
    os.set_blocking(write_end, True)
    return write_end, read_end


@pytest.fixture
def kiosk_with_stderr() -> Iterator[object]:
    kept: list[int] = []

    def run(state: str, *arguments: str, env: dict[str, str] | None = None) -> tuple[int | None, str]:
        write_end, read_end = _stderr_pipe(state)
        if read_end is not None:
            kept.append(read_end)
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", *arguments],
            stdout=subprocess.PIPE,
            stderr=write_end,
            stdin=subprocess.DEVNULL,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {})),
            text=True,
        )
        os.close(write_end)
        try:
            out, _ = process.communicate(timeout=START_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            out, _ = process.communicate()
            return None, out
        return process.returncode, out

    yield run
    for descriptor in kept:
        os.close(descriptor)


@pytest.mark.skipif(os.name != "posix", reason="pipes as stderr are a POSIX session's")
@pytest.mark.parametrize("state", ["closed", "full"])
def test_the_window_opens_whatever_became_of_stderr(kiosk_with_stderr: object, state: str) -> None:
    # An unknown start page is reported on stderr before the window opens: the kiosk must say it
    # (or fail to) and carry on to the home page.
    status, out = kiosk_with_stderr(  # type: ignore[operator]
        state,
        "--content",
        str(paths.bundled_content()),
        "--route",
        "no-such-page",
        "--quit-after-first-frame",
    )
    assert status is not None, f"the kiosk hung with a {state} stderr"
    assert "first-frame" in out, f"no window with a {state} stderr (exit status {status})"
    assert status == 0


@pytest.mark.skipif(os.name != "posix", reason="pipes as stderr are a POSIX session's")
def test_kiosk_mode_opens_when_stderr_is_full(kiosk_with_stderr: object, tmp_path: Path) -> None:
    config = tmp_path / "config"
    state = tmp_path / "state"
    env = {"XDG_CONFIG_HOME": str(config), "XDG_STATE_HOME": str(state)}
    subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin"],
        input="2468\n",
        text=True,
        env=dict(os.environ, **env),
        check=True,
        capture_output=True,
    )
    status, out = kiosk_with_stderr(  # type: ignore[operator]
        "full",
        "--kiosk",
        "--no-supervisor",
        "--content",
        str(paths.bundled_content()),
        "--route",
        "no-such-page",
        "--quit-after-first-frame",
        env=env,
    )
    assert status == 0 and "first-frame" in out, f"kiosk mode stopped (status {status})"


def test_a_stderr_that_is_read_still_gets_every_message(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    opened = subprocess.run(
        [sys.executable, "-m", "kiosk", "--route", "no-such-page", "--quit-after-first-frame"],
        capture_output=True,
        text=True,
        env=env,
        timeout=START_TIMEOUT,
    )
    assert "No page has the route 'no-such-page'" in opened.stderr
    # The last words before an exit reach the reader too.
    refused = subprocess.run(
        [sys.executable, "-m", "kiosk", "--content", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        env=env,
        timeout=START_TIMEOUT,
    )
    assert refused.returncode == 1
    assert refused.stderr.rstrip().endswith("1 error(s). Fix them and start again.")
