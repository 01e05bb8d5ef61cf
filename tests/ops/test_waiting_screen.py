"""The "back in a moment" screen the supervisor shows while it waits: what it shows for a content
(the organisation's name, the words in each of its languages), what it shows without being told, and,
on a real X display, that it is on screen, full screen and drawn while the supervisor waits through
safe mode's back-off, and gone once the supervisor stops."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.booth import paths
from kiosk.booth.supervisor import WAITING_SCREEN_FILE, Supervisor
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.waiting import (
    ACCENT,
    BACK_IN_A_MOMENT,
    BACKGROUND,
    read_waiting_screen,
    waiting_screen_text,
    write_waiting_screen,
)
from tests.ops.xdisplay import HEIGHT, PROBE, WIDTH, required, start_display, stop

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = pytest.mark.timeout(60)

ROOT = Path(__file__).resolve().parents[2]
ARABIC_CONTENT = ROOT / "tests" / "fixtures" / "content-ar"
IN_ARABIC = "سنعود بعد قليل"


@pytest.fixture(scope="module")
def arabic_pages() -> Pages:
    result = load_content(ARABIC_CONTENT)
    assert result.compiled is not None
    return Pages(result.compiled, ARABIC_CONTENT)


def test_it_shows_the_organisation_and_the_words_in_each_language(arabic_pages: Pages) -> None:
    def translate(language: str, context: str, text: str) -> str:
        assert (context, text) == ("WaitingScreen", BACK_IN_A_MOMENT)
        return IN_ARABIC if language == "ar" else ""

    shown = waiting_screen_text(arabic_pages, translate)
    organisation = arabic_pages.organisation(arabic_pages.default_language)
    assert shown["title"] == organisation["name"] != ""
    assert shown["accent"] == organisation["accent"]
    assert shown["titleRightToLeft"] is (arabic_pages.default_language == "ar")
    by_language = {line["language"]: line for line in shown["lines"]}
    assert by_language["ar"] == {"language": "ar", "text": IN_ARABIC, "rightToLeft": True}
    # A language without the words has them in English, once.
    assert [line["text"] for line in shown["lines"]].count(BACK_IN_A_MOMENT) == 1
    assert shown["content"] == str(ARABIC_CONTENT)


def test_without_a_description_it_still_says_back_in_a_moment(tmp_path: Path) -> None:
    expected = [{"language": "en", "text": BACK_IN_A_MOMENT, "rightToLeft": False}]
    assert read_waiting_screen(None)["lines"] == expected
    assert read_waiting_screen(tmp_path / "missing.json")["lines"] == expected
    garbage = tmp_path / "garbage.json"
    garbage.write_text('{"lines": [{"text": ', encoding="utf-8")
    assert read_waiting_screen(garbage)["lines"] == expected
    odd = tmp_path / "odd.json"
    odd.write_text(
        json.dumps({"title": "T", "accent": "not a colour", "lines": [{"text": "x"}, 3]}), encoding="utf-8"
    )
    found = read_waiting_screen(odd)
    assert found["title"] == "T" and found["accent"] == ACCENT and found["lines"] == [{"text": "x"}]
    # Written whole, read back the same.
    write_waiting_screen(tmp_path / "state" / WAITING_SCREEN_FILE, {**found, "lines": expected})
    assert read_waiting_screen(tmp_path / "state" / WAITING_SCREEN_FILE)["lines"] == expected


@pytest.fixture
def display(tmp_path: Path) -> Iterator[tuple[dict[str, str], subprocess.Popen[str]]]:
    required("xdotool", "xdotool")
    server, name = start_display()
    env = {**os.environ, "DISPLAY": name, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    probe = subprocess.Popen(
        [sys.executable, str(PROBE)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert probe.stdout is not None and probe.stdout.readline().strip() == "ready"
        yield env, probe
    finally:
        stop(probe)
        stop(server)


def xdotool(env: dict[str, str], *arguments: str) -> str:
    done = subprocess.run(
        ["xdotool", *arguments], env=env, capture_output=True, text=True, timeout=10, check=False
    )
    return done.stdout.strip()


def grab(probe: subprocess.Popen[str], path: Path) -> QImage:
    assert probe.stdin is not None and probe.stdout is not None
    probe.stdin.write(f"grab {path}\n")
    probe.stdin.flush()
    assert probe.stdout.readline().strip() == "ok"
    return QImage(str(path))


def test_the_screen_is_calm_not_black_while_the_supervisor_waits(
    display: tuple[dict[str, str], subprocess.Popen[str]], arabic_pages: Pages, tmp_path: Path
) -> None:
    env, probe = display
    state = tmp_path / "state"
    # What the UI wrote while it ran.
    described = waiting_screen_text(
        arabic_pages, lambda language, _c, _t: IN_ARABIC if language == "ar" else ""
    )
    write_waiting_screen(state / WAITING_SCREEN_FILE, described)
    crash = [sys.executable, "-c", "raise SystemExit(1)"]
    supervisor = Supervisor(
        crash,
        safe_mode_command=crash,
        crash_limit=1,
        restart_delay=0.1,
        safe_mode_backoff=60.0,
        state_dir=state,
        waiting_screen_command=paths.kiosk_command("waiting-screen"),
        environ=env,
    )
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(supervisor.run()), daemon=True)
    thread.start()
    try:
        # Into safe mode at once, whose crash starts the 60 s back-off: the waiting screen's time.
        deadline = time.monotonic() + 30
        window = ""
        while time.monotonic() < deadline and not window:
            screen = supervisor.waiting_screen
            if screen is not None:
                window = xdotool(env, "search", "--onlyvisible", "--pid", str(screen.pid))
            time.sleep(0.1)
        assert window, "no waiting screen came on screen"
        assert supervisor.safe_mode
        assert xdotool(env, "getwindowname", window) == described["title"]
        geometry = xdotool(env, "getwindowgeometry", "--shell", window)
        assert f"WIDTH={WIDTH}" in geometry and f"HEIGHT={HEIGHT}" in geometry

        # Drawn: the kiosk's calm background over nearly all the screen, with dark text on it. Mapped
        # is not yet drawn: on a busy machine the first frame may come a while after the window.
        background = QColor(BACKGROUND).rgb()
        deadline = time.monotonic() + 15
        while True:
            image = grab(probe, tmp_path / "screen.png")
            calm = samples = text = 0
            for y in range(0, image.height(), 8):
                for x in range(0, image.width(), 8):
                    samples += 1
                    pixel = image.pixelColor(x, y)
                    calm += pixel.rgb() == background
                    text += pixel.lightness() < 100
            if (calm / samples > 0.8 and text > 20) or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert calm / samples > 0.8, calm / samples
        assert text > 20
    finally:
        supervisor.request_stop()
        thread.join(15)
    assert result == [0]
    assert supervisor.waiting_screen is None
    assert not window_exists(env, window)


def window_exists(env: dict[str, str], window: str) -> bool:
    return bool(xdotool(env, "getwindowname", window))
