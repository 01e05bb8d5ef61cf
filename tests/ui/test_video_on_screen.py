"""On a real display (Xvfb with Mesa's software OpenGL), the video page shows moving pictures and
the captions over them: the part of video playback that offscreen tests cannot see."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROUTE = "item/ituc-video-sharan-burrow"


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing: .ci/run installs it (package xvfb)")
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def differing_pixels(a: QImage, b: QImage, rect: list[int]) -> int:
    x0, y0, width, height = rect
    count = 0
    for y in range(y0 + 2, y0 + height - 2, 2):
        for x in range(x0 + 2, x0 + width - 2, 2):
            first, second = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                abs(first.red() - second.red())
                + abs(first.green() - second.green())
                + abs(first.blue() - second.blue())
                > 30
            ):
                count += 1
    return count


def distinct_colours(image: QImage, rect: list[int]) -> int:
    x0, y0, width, height = rect
    return len({image.pixel(x, y) for y in range(y0, y0 + height, 7) for x in range(x0, x0 + width, 7)})


def test_video_page_shows_moving_pictures_and_captions(x_display: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display, "XDG_CACHE_HOME": str(tmp_path)}
    probe = Path(__file__).with_name("xvfb_video_probe.py")
    done = subprocess.run(
        [sys.executable, str(probe), ROUTE, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["state"] == "playing" and report["frames"] > 5, report
    assert report["caption"], "a caption is on screen while the narration plays"
    first, second = QImage(str(tmp_path / "first.png")), QImage(str(tmp_path / "second.png"))
    video = report["video"]
    assert video and video[2] > 400, report
    # The picture is drawn (not a black box) and it moves: a second apart, the frames differ.
    assert distinct_colours(first, video) > 20
    assert differing_pixels(first, second, video) > 50
    # The caption is drawn over the picture, inside the video area.
    box = report["captionBox"]
    assert box and video[1] < box[1] < video[1] + video[3], report
    assert distinct_colours(first, box) > 2
