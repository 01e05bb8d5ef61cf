"""Read aloud for real: speech-dispatcher with espeak-ng, as a Debian kiosk has them. The test starts
its own speech-dispatcher (a private configuration, socket and log folder; sound to ALSA's null device,
as the test machine has no sound card) and stops it after; the kiosk's code runs in a process of its
own, pointed at it with SPEECHD_ADDRESS, so nothing reaches the user's own speech-dispatcher."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = pytest.mark.timeout(150)

PROBE = Path(__file__).with_name("speech_probe.py")


def required(program: str, package: str) -> str:
    found = shutil.which(program)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is missing: .ci/run installs it (package {package})")
        pytest.skip(f"{program} is not installed (apt-get install {package})")
    return found


@pytest.fixture(scope="module")
def speech_dispatcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    program = required("speech-dispatcher", "speech-dispatcher")
    required("espeak-ng", "espeak-ng")
    folder = tmp_path_factory.mktemp("speechd")
    (folder / "conf").mkdir()
    (folder / "conf" / "speechd.conf").write_text('AudioOutputMethod "alsa"\nAudioALSADevice "null"\n')
    socket = folder / "speechd.sock"
    server = subprocess.Popen(
        [
            program,
            "--run-single",
            "--config-dir",
            str(folder / "conf"),
            "--communication-method",
            "unix_socket",
            "--socket-path",
            str(socket),
            "--log-dir",
            str(folder),
            "--timeout",
            "0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while not socket.exists():
            assert server.poll() is None, "speech-dispatcher stopped at start (see its log)"
            assert time.monotonic() < deadline, "speech-dispatcher made no socket in 15 s"
            time.sleep(0.05)
        yield f"unix_socket:{socket}"
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_speech_dispatcher_has_an_english_voice_and_speaks_a_passage(
    speech_dispatcher: str, tmp_path: Path
) -> None:
    environment = {
        **os.environ,
        "SPEECHD_ADDRESS": speech_dispatcher,
        "XDG_RUNTIME_DIR": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
    }
    completed = subprocess.run(
        [sys.executable, str(PROBE)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    found = json.loads(completed.stdout.strip().splitlines()[-1])
    assert found["engine_state"] == "Ready", found
    assert found["inventory"]["en"]["voices"] > 0 and "en_US" in found["inventory"]["en"]["locales"], found
    # Spoken: it started, then it was done.
    assert "Speaking" in found["states"] and found["states"][-1] == "Ready", found
    # Loading the engine (seconds: it lists every voice) never held up the kiosk's own thread: made
    # from Python it would, for all that time.
    assert found["gui_stall"] < 1.0, found
    # The kiosk read the page's passages in order (title, then the text's two paragraphs), then stopped.
    assert found["read_aloud"] == [0, 1, 2, -1], found
