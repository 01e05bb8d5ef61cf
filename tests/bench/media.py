"""Media benchmark: the kiosk's video and document pages against bare Qt, measured in the same run.

    uv run python tests/bench/media.py [--runs 10] [--rounds 20]

- Play: from a tap on the page's play button to the first decoded frame reaching the page's video
  output, against a bare QMediaPlayer + QVideoSink from play() to its first frame. Target: 2x.
- Page turn: from a tap on "Next" to the new page's picture ready on the page, against a bare
  QPdfDocument.render() of the same page at the same width, in pairs. Each turn comes after the
  previous one has slid into place (`READING_S`), as a reader turns pages. Target: 2x.
- Memory: resident memory after playing every bundled video `--rounds` times in a row (open the
  page, play, leave), against after the first round. Target: within 10 MB.
Offscreen: the QML Video item draws nothing there, but frames reach its sink, which is what is timed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPointF, QSize, Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink
from PySide6.QtPdf import QPdfDocument
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import application, build_window

VIDEO_ROUTE = "item/ituc-video-sharan-burrow"
DOCUMENT_ROUTE = "item/agenda-handout"
# Between two turns: longer than the pager's slide (250 ms), shorter than reading a page.
READING_S = 0.5


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def wait_for(condition, timeout_s: float = 10.0) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout_s:
            raise TimeoutError("timed out")
        QTest.qWait(1)
    return time.perf_counter() - start


def find(window: QQuickWindow, name: str) -> QQuickItem:
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName() == name and item.isVisible():
            return item
        stack.extend(item.childItems())
    raise LookupError(name)


def tap(window: QQuickWindow, item: QQuickItem) -> float:
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    start = time.perf_counter()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    return start


def bare_first_frame(path: Path) -> float:
    player, sink, audio = QMediaPlayer(), QVideoSink(), QAudioOutput()
    audio.setMuted(True)
    player.setAudioOutput(audio)
    player.setVideoSink(sink)
    frames: list[float] = []
    sink.videoFrameChanged.connect(
        lambda frame: frames.append(time.perf_counter()) if frame.isValid() else None
    )
    start = time.perf_counter()
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.play()
    wait_for(lambda: bool(frames))
    player.stop()
    return frames[0] - start


def kiosk_first_frame(shown) -> float:  # type: ignore[no-untyped-def]
    shown.kiosk.show(VIDEO_ROUTE)
    QTest.qWait(50)
    shown.player.set_muted(True)
    start = tap(shown.window, find(shown.window, "bigPlayButton"))
    wait_for(lambda: shown.player.frame_count() > 0)
    elapsed = time.perf_counter() - start
    shown.kiosk.home()
    return elapsed


def bare_page_render(document: QPdfDocument, page: int, width: int) -> float:
    start = time.perf_counter()
    points = document.pagePointSize(page)
    document.render(page, QSize(width, round(width * points.height() / points.width())))
    return time.perf_counter() - start


def kiosk_page_turn(shown) -> float:  # type: ignore[no-untyped-def]
    window = shown.window
    target = shown.documents.property("page") + 1
    start = tap(window, find(window, "nextPageButton"))

    def drawn() -> bool:
        try:
            image = find(window, "documentPage")
        except LookupError:
            return False
        return image.property("progress") == 1.0 and image.parentItem().property("index") == target

    wait_for(lambda: shown.documents.property("page") == target and drawn())
    window.grabWindow()  # the frame with the new page in it
    return time.perf_counter() - start


def page_turns(
    shown, document: QPdfDocument, width: int, turns: int, reading_s: float
) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Medians of `turns` pairs: a bare render of the next page, then the kiosk's turn to it."""
    bare_renders, kiosk_turns = [], []
    for page in range(shown.documents.property("page") + 1, shown.documents.property("page") + turns + 1):
        QTest.qWait(round(reading_s * 1000))
        bare_renders.append(bare_page_render(document, page, width))
        kiosk_turns.append(kiosk_page_turn(shown))
    return statistics.median(bare_renders), statistics.median(kiosk_turns)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    application()
    root = paths.bundled_content()
    result = load_content(root)
    assert result.compiled is not None
    pages = Pages(result.compiled, root)
    shown = build_window(pages, size=QSize(1920, 1080), animate=False)
    QTest.qWaitForWindowExposed(shown.window)
    video = Path(pages.page(VIDEO_ROUTE, "en")["mediaPath"])

    bare_times, kiosk_times = [], []
    for _ in range(args.runs):
        bare_times.append(bare_first_frame(video))
        kiosk_times.append(kiosk_first_frame(shown))
    bare_play, kiosk_play = statistics.median(bare_times), statistics.median(kiosk_times)

    document = QPdfDocument()
    document.load(pages.page(DOCUMENT_ROUTE, "en")["mediaPath"])
    shown.kiosk.show(DOCUMENT_ROUTE)
    QTest.qWait(200)
    width = round(find(shown.window, "documentPager").width())
    turns = min(args.runs, document.pageCount() - 1)
    bare_turn, kiosk_turn = page_turns(shown, document, width, turns, READING_S)
    # For comparison: turns as fast as taps come (each lands in the previous turn's slide).
    shown.documents.goTo(0)
    QTest.qWait(round(READING_S * 1000))
    bare_fast, kiosk_fast = page_turns(shown, document, width, turns, 0.0)

    routes = [
        f"item/{key}" for key, item in pages.items.items() if item["kind"] == "video" and item.get("file")
    ]
    memory = []
    for _ in range(args.rounds):
        for route in routes:
            shown.kiosk.show(route)
            QTest.qWait(30)
            shown.player.set_muted(True)
            tap(shown.window, find(shown.window, "bigPlayButton"))
            wait_for(lambda: shown.player.frame_count() >= 10)
            shown.kiosk.home()
            QTest.qWait(30)
        memory.append(rss_mib())
    shown.dispose()

    print(f"Media, 1920x1080 offscreen, median of {args.runs} interleaved pairs")
    print(
        f"  play to first frame   bare QMediaPlayer {bare_play * 1000:6.1f} ms   kiosk {kiosk_play * 1000:6.1f} ms   {kiosk_play / bare_play:5.2f}x"
    )
    print(
        f"  next page drawn       bare render       {bare_turn * 1000:6.1f} ms   kiosk {kiosk_turn * 1000:6.1f} ms   {kiosk_turn / bare_turn:5.2f}x"
    )
    print(
        f"  (turns with no pause  bare render       {bare_fast * 1000:6.1f} ms   kiosk {kiosk_fast * 1000:6.1f} ms   {kiosk_fast / bare_fast:5.2f}x)"
    )
    growth = memory[-1] - memory[0]
    print(
        f"  memory after {len(routes)} videos x {args.rounds} rounds: {memory[0]:.0f} MiB after round 1, {memory[-1]:.0f} MiB after round {args.rounds} ({growth:+.1f} MiB)"
    )
    checks = {
        "play within 2x of a bare player": kiosk_play / bare_play <= 2,
        "page turn within 2x of a bare render": kiosk_turn / bare_turn <= 2,
        "memory within 10 MB after repeated playing": growth <= 10,
    }
    for label, ok in checks.items():
        print(f"  {'PASS' if ok else 'MISS'}  {label}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
