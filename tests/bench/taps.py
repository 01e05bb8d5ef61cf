"""Tap benchmark: from a visitor's tap to the first complete frame of the page it opens, against a
bare Loader swapping two simple pages, measured in the same process, one bare swap before each tap.

    uv run python tests/bench/taps.py [--cycles 30] [--json OUT.json]

The kiosk (1920x1080, offscreen, the page fade on, read aloud's Listen button shown) is tapped as a
visitor taps it, by the objects a person touches, in a round that repeats `--cycles` times:
a home card to a section, a section card to an article, Back, a card to a document item, Back,
the French and English language buttons, Back to the home page, a home card to the section with a
video, a card to the video item, Back, Back, Search, Back. Then every other item of the content
once, as a visit first meets it: its section shown and read for a second, then its card tapped.

Complete: a frame has been swapped after the new page was in place: the page's view is the one for
its kind, its heading reads the page's title in the page's language, every card of the page exists
with its title and is laid out (a size, each at its own place), and on an item page the place of its
video or document is kept at its size. The video's player and the document's pages are made just
after that frame (issue 16: "build the player when the page needs it, not before the page is
drawn"); a second figure for those pages is the first frame where the video's poster is decoded and
shown with its Play button, or the document's first page is drawn. The frame
is taken at `QQuickWindow.frameSwapped`: Qt's offscreen renderer draws on the GUI thread, so what
the window holds when the signal comes is what the frame showed. The bare swap is complete the same
way: its new page's heading exists, has its text and its size.

Reports median and p95 per kind of page and the ratio to the bare swap's median. Target (issue 16):
every kind's median within 1.5x the bare swap. Exit status 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, application, build_window
from kiosk.ui.speech import MOCK_ENGINE

TARGET = 1.5
# After a tap: the fade (160 ms) and whatever the page does just after its first frame are over, as
# they are by the time a visitor has read what the tap opened.
SETTLE_MS = 280
BARE_SETTLE_MS = 60
FRAME_TIMEOUT_MS = 3000

BARE_QML = b"""
import QtQuick
Window {
    width: 1920; height: 1080; visible: true
    property int shown: 0
    Rectangle {
        objectName: "swapButton"
        width: 200; height: 80; color: tap.pressed ? "#ddd" : "#eee"
        Text { anchors.centerIn: parent; text: "Swap"; font.pixelSize: 32 }
        TapHandler { id: tap; onTapped: shown = 1 - shown }
    }
    Component {
        id: first
        Column {
            objectName: "page0"
            property Item heading: title
            spacing: 24
            Text { id: title; text: "Decent work for migrant workers"; font.pixelSize: 64; font.bold: true }
            Text { width: 1200; wrapMode: Text.Wrap; font.pixelSize: 32
                   text: "Fair recruitment, equal treatment and social protection, in every country." }
        }
    }
    Component {
        id: second
        Column {
            objectName: "page1"
            property Item heading: title
            spacing: 24
            Text { id: title; text: "Areas of action"; font.pixelSize: 64; font.bold: true }
            Text { width: 1200; wrapMode: Text.Wrap; font.pixelSize: 32
                   text: "Eight areas, from the labour market at home to a multilateral agenda." }
        }
    }
    Loader {
        objectName: "pageLoader"
        y: 120
        sourceComponent: shown === 0 ? first : second
    }
}
"""


class FirstCompleteFrame:
    """Times a tap to the first frame swapped once `complete()` holds, and counts the frames; then,
    if asked, on to the first frame where `then()` holds too (a video's poster, a document's page)."""

    def __init__(self, window: QQuickWindow) -> None:
        self.loop = QEventLoop()
        self.complete: Callable[[], bool] | None = None
        self.then: Callable[[], bool] | None = None
        self.done_at = self.then_at = 0.0
        self.frames = 0
        window.frameSwapped.connect(self._swapped, Qt.ConnectionType.DirectConnection)

    def _swapped(self) -> None:
        now = time.perf_counter()
        if self.complete is None and self.then is None:
            return
        if self.complete is not None:
            self.frames += 1
            if not self.complete():
                return
            self.done_at = now
            self.complete = None
        if self.then is not None:
            if not self.then():
                return
            self.then_at = now
            self.then = None
        self.loop.quit()

    def measure(
        self, tap: Callable[[], None], complete: Callable[[], bool], then: Callable[[], bool] | None = None
    ) -> tuple[float, int, float | None]:
        """Milliseconds from the tap to its first complete frame, how many frames that took, and the
        milliseconds to the first frame where `then` holds (None when not asked)."""
        self.complete, self.then, self.done_at, self.then_at, self.frames = complete, then, 0.0, 0.0, 0
        asked = then is not None
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self.loop.quit)
        start = time.perf_counter()
        tap()
        if self.complete is not None or self.then is not None:
            timer.start(FRAME_TIMEOUT_MS)
            self.loop.exec()
            timer.stop()
        if self.complete is not None or self.then is not None:
            self.complete = self.then = None
            raise TimeoutError(f"no complete frame within {FRAME_TIMEOUT_MS} ms")
        return (self.done_at - start) * 1000, self.frames, (self.then_at - start) * 1000 if asked else None


def descendants(item: QQuickItem) -> list[QQuickItem]:
    found, stack = [], [item]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(current.childItems())
    return found


def named(item: QQuickItem, name: str) -> QQuickItem | None:
    for each in descendants(item):
        if each.objectName() == name and each.isVisible():
            return each
    return None


def tap(window: QQuickWindow, item: QQuickItem) -> None:
    """A finger's tap at the middle of the item, as the window receives it."""
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def bring_into_view(loader: QQuickItem, item: QQuickItem) -> None:
    """Scroll the page as a visitor would, so the item to touch is on screen (not timed)."""
    view = loader.property("item")
    window_height = loader.window().height()
    top = item.mapToScene(QPointF(0, 0)).y()
    if (
        view is None
        or view.property("contentY") is None
        or (top >= 0 and top + item.height() <= window_height)
    ):
        return
    view.setProperty("contentY", view.property("contentY") + top - window_height / 2)
    QTest.qWait(SETTLE_MS)


def laid_out(items: list[QQuickItem]) -> bool:
    """Each has a size and its own place (a layout not yet run leaves them all at 0,0)."""
    if any(each.width() <= 0 or each.height() <= 0 for each in items):
        return False
    places = {(round(each.x()), round(each.y())) for each in items}
    return len(places) == len(items)


def page_complete(shown: KioskWindow, loader: QQuickItem, expected: dict[str, Any]) -> Callable[[], bool]:
    """What a visitor sees of `expected` (a page as kiosk.core.pages makes it) is all on screen; a
    video's or a document's place is kept at its size (the media come a frame later: `media_shown`)."""
    view_name = {"home": "homePage", "search": "searchPage"}.get(expected["kind"], "contentPage")
    cards = {card["route"]: card["title"] for card in expected.get("cards") or []}
    holds_media = (
        expected["kind"] == "item"
        and expected.get("itemKind") in ("video", "document")
        and bool(expected.get("mediaPath"))
    )

    def complete() -> bool:
        if shown.kiosk.current_route() != expected["route"]:
            return False
        view = loader.property("item")
        if not isinstance(view, QQuickItem) or view.objectName() != view_name:
            return False
        heading = view.property("heading")
        if not isinstance(heading, QQuickItem) or heading.width() <= 0 or heading.height() <= 0:
            return False
        if expected["kind"] != "search" and expected["title"] not in str(heading.property("text")):
            return False
        everything = descendants(view)
        if cards and expected["kind"] != "search":
            shown_cards = {
                each.objectName()[len("card:") :]: each
                for each in everything
                if each.objectName().startswith("card:") and each.isVisible()
            }
            if set(shown_cards) != set(cards):
                return False
            for route, card in shown_cards.items():
                if card.property("entry")["title"] != cards[route]:
                    return False
            if not laid_out(list(shown_cards.values())):
                return False
        if holds_media:
            by_name = {each.objectName(): each for each in everything if each.isVisible()}
            place = by_name.get("mediaPlaceholder") or by_name.get(
                "videoPanel" if expected["itemKind"] == "video" else "documentPager"
            )
            if place is None or place.width() <= 0 or place.height() <= 0:
                return False
        return True

    return complete


def media_shown(loader: QQuickItem, expected: dict[str, Any]) -> Callable[[], bool] | None:
    """An item page's video poster decoded and shown with its Play button, or its document's first
    page drawn; None for other pages."""
    item_kind = expected.get("itemKind") if expected["kind"] == "item" else None
    if item_kind not in ("video", "document") or not expected.get("mediaPath"):
        return None

    def shown() -> bool:
        view = loader.property("item")
        if not isinstance(view, QQuickItem):
            return False
        by_name = {each.objectName(): each for each in descendants(view) if each.isVisible()}
        if f"{item_kind}Failure" in by_name:
            return True  # a file that cannot play or open: its card says so
        if item_kind == "video":
            poster, play = by_name.get("poster"), by_name.get("bigPlayButton")
            return (
                poster is not None
                and poster.property("progress") == 1.0
                and play is not None
                and laid_out([poster, play])
            )
        first_page = by_name.get("documentPage")
        return first_page is not None and first_page.property("progress") == 1.0 and first_page.width() > 0

    return shown


def bare_complete(loader: QQuickItem, name: str) -> Callable[[], bool]:
    def complete() -> bool:
        page = loader.property("item")
        if not isinstance(page, QQuickItem) or page.objectName() != name:
            return False
        heading = page.property("heading")
        return isinstance(heading, QQuickItem) and heading.width() > 0 and bool(heading.property("text"))

    return complete


def routes_for(pages: Pages) -> dict[str, str]:
    """A section with an article and a document item with its PDF, and one with a playable video."""
    found: dict[str, str] = {}
    for card in pages.page("home", "en")["cards"]:
        section = card["route"]
        items = [pages.page(entry["route"], "en") for entry in pages.page(section, "en")["cards"]]
        kinds = {
            item.get("itemKind"): item["route"]
            for item in reversed(items)
            if item.get("mediaPath") or item.get("itemKind") == "article"
        }
        if "reading" not in found and "article" in kinds and "document" in kinds:
            found.update(reading=section, article=kinds["article"], document=kinds["document"])
        if "watching" not in found and "video" in kinds:
            found.update(watching=section, video=kinds["video"])
    if len(found) != 5:
        raise SystemExit("the content needs a section with an article and a PDF, and one with a video")
    return found


def visit(cycles: int, step: Callable[[str, str, str, str], None], routes: dict[str, str]) -> None:
    """The visitor's round, `cycles` times: step(kind, object touched, route opened, language)."""
    reading, article, document = routes["reading"], routes["article"], routes["document"]
    video_section, video = routes["watching"], routes["video"]
    for _ in range(cycles):
        step("home card -> section", f"card:{reading}", reading, "en")
        step("section card -> article", f"card:{article}", article, "en")
        step("Back -> section", "backButton", reading, "en")
        step("section card -> document item", f"card:{document}", document, "en")
        step("Back -> section", "backButton", reading, "en")
        step("language button -> same page", "language:fr", reading, "fr")
        step("language button -> same page", "language:en", reading, "en")
        step("Back -> home", "backButton", "home", "en")
        step("home card -> section", f"card:{video_section}", video_section, "en")
        step("section card -> video item", f"card:{video}", video, "en")
        step("Back -> section", "backButton", video_section, "en")
        step("Back -> home", "backButton", "home", "en")
        step("Search -> search page", "searchButton", "search", "en")
        step("Back -> home", "backButton", "home", "en")


# A visitor reads a page before tapping one of its cards: what the kiosk does meanwhile (the QR codes
# of the pages its cards open) is done by then.
READ_MS = 1000
FIRST_VISIT = "section card -> an item not seen before"


def first_visits(
    pages: Pages, shown: KioskWindow, step: Callable[..., None], routes: dict[str, str], most: int | None
) -> None:
    """Every other item of the content (or the first `most`), once each, as a visit meets it: its
    section shown, read for a moment, then its card tapped (the page is made or re-bound, never one
    kept as it was)."""
    seen = set(routes.values())
    visited = 0
    for card in pages.page("home", "en")["cards"]:
        section = card["route"]
        for entry in pages.page(section, "en")["cards"]:
            if entry["route"] in seen or not entry["route"].startswith("item/"):
                continue
            if most is not None and visited >= most:
                return
            seen.add(entry["route"])
            visited += 1
            shown.kiosk.show(section)
            QTest.qWait(SETTLE_MS)
            step(FIRST_VISIT, f"card:{entry['route']}", entry["route"], "en", READ_MS)


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "taps": len(ordered),
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "max": ordered[-1],
    }


def run(
    cycles: int, content: Path, cache: Path, fade: bool, first_visits_most: int | None = None
) -> dict[str, Any]:
    application()
    QGuiApplication.styleHints().setCursorFlashTime(0)  # no blinking cursor drawing frames of its own
    result = load_content(content)
    assert result.compiled is not None
    pages = Pages(result.compiled, content)
    shown = build_window(
        pages, size=QSize(1920, 1080), animate=fade, cache_dir=cache, speech_engine=MOCK_ENGINE
    )
    window = shown.window
    QTest.qWaitForWindowExposed(window)
    # The search index is made in the background after the first frame: not during the taps.
    deadline = time.perf_counter() + 120
    while shown.search.property("state") != "ready":
        if time.perf_counter() > deadline:
            raise TimeoutError(f"search never became ready: {shown.search.property('state')}")
        QTest.qWait(20)

    engine = QQmlApplicationEngine()
    engine.loadData(BARE_QML)
    bare = engine.rootObjects()[0]
    assert isinstance(bare, QQuickWindow)
    QTest.qWaitForWindowExposed(bare)
    bare_loader = named(bare.contentItem(), "pageLoader")
    swap_button = named(bare.contentItem(), "swapButton")
    assert bare_loader is not None and swap_button is not None

    loader = named(window.contentItem(), "pageLoader")
    assert loader is not None
    kiosk_clock, bare_clock = FirstCompleteFrame(window), FirstCompleteFrame(bare)
    routes = routes_for(pages)
    times: dict[str, list[float]] = {}
    frames: dict[str, list[int]] = {}
    media_times: dict[str, list[float]] = {}
    baseline: list[float] = []
    baseline_frames: list[int] = []

    def bare_swap() -> None:
        wanted = "page1" if bare_loader.property("item").objectName() == "page0" else "page0"
        elapsed, count, _ = bare_clock.measure(
            lambda: tap(bare, swap_button), bare_complete(bare_loader, wanted)
        )
        baseline.append(elapsed)
        baseline_frames.append(count)
        QTest.qWait(BARE_SETTLE_MS)

    def step(kind: str, touched: str, route: str, language: str, read_ms: int = 0) -> None:
        bare_swap()
        QTest.qWait(read_ms)
        target = named(window.contentItem(), touched)
        if target is None:
            raise LookupError(f"nothing named {touched} on {shown.kiosk.current_route()}")
        bring_into_view(loader, target)
        expected = pages.page(route, language)
        elapsed, count, media_at = kiosk_clock.measure(
            lambda: tap(window, target),
            page_complete(shown, loader, expected),
            media_shown(loader, expected),
        )
        times.setdefault(kind, []).append(elapsed)
        frames.setdefault(kind, []).append(count)
        if media_at is not None:
            media_times.setdefault(kind, []).append(media_at)
        QTest.qWait(SETTLE_MS)

    QTest.qWait(500)
    try:
        visit(cycles, step, routes)
        first_visits(pages, shown, step, routes, first_visits_most)
    finally:
        shown.dispose()
        bare.close()
        engine.deleteLater()

    bare_summary = summary(baseline)
    kinds = {}
    for kind, kind_times in times.items():
        figures = summary(kind_times)
        figures["frames_p50"] = statistics.median(frames[kind])
        figures["ratio"] = figures["p50"] / bare_summary["p50"]
        figures["ratio_p95"] = figures["p95"] / bare_summary["p95"]
        if kind in media_times:
            media = summary(media_times[kind])
            media["ratio"] = media["p50"] / bare_summary["p50"]
            media["ratio_p95"] = media["p95"] / bare_summary["p95"]
            figures["media"] = media
        kinds[kind] = figures
    bare_summary["frames_p50"] = statistics.median(baseline_frames)
    return {
        "cycles": cycles,
        "fade": fade,
        "baseline": bare_summary,
        "kinds": kinds,
        "checks": {f"{kind} within {TARGET}x": figures["ratio"] <= TARGET for kind, figures in kinds.items()},
    }


def report(figures: dict[str, Any]) -> str:
    base = figures["baseline"]
    lines = [
        f"Tap to the first complete frame, 1920x1080 offscreen, {figures['cycles']} rounds,"
        f" fade {'on' if figures['fade'] else 'off'}; each tap after one bare swap",
        f"  {'':34} {'taps':>5} {'p50':>8} {'p95':>8} {'max':>8} {'frames':>6} {'p50 ratio':>9} {'p95 ratio':>9}",
        f"  {'bare Loader swap (baseline)':34} {base['taps']:5d} {base['p50']:6.1f}ms {base['p95']:6.1f}ms"
        f" {base['max']:6.1f}ms {base['frames_p50']:6.0f} {1:8.2f}x {1:8.2f}x",
    ]
    for kind, each in figures["kinds"].items():
        verdict = "PASS" if figures["checks"][f"{kind} within {TARGET}x"] else "MISS"
        lines.append(
            f"  {kind:34} {each['taps']:5d} {each['p50']:6.1f}ms {each['p95']:6.1f}ms {each['max']:6.1f}ms"
            f" {each['frames_p50']:6.0f} {each['ratio']:8.2f}x {each['ratio_p95']:8.2f}x  {verdict}"
        )
        if "media" in each:
            media = each["media"]
            lines.append(
                f"  {'  then its poster / first sheet':34} {media['taps']:5d} {media['p50']:6.1f}ms"
                f" {media['p95']:6.1f}ms {media['max']:6.1f}ms {'':6} {media['ratio']:8.2f}x"
                f" {media['ratio_p95']:8.2f}x"
            )
    lines.append(
        f"Target: every kind's median within {TARGET}x the bare swap's (a video's player and a document's"
        " pages are made after the page's first frame, in the place kept for them: their own line says when"
        " they show)."
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cycles", type=int, default=30, help="rounds of taps (each kind 30+ taps at 30)")
    parser.add_argument("--content", type=Path, default=None, help="content folder (default: the bundled)")
    parser.add_argument("--no-fade", action="store_true", help="without the page fade (reduced motion)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--first-visits",
        type=int,
        default=None,
        help="tap at most this many items not seen before (default: all)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-taps-") as cache:
        figures = run(
            args.cycles,
            args.content or paths.bundled_content(),
            Path(cache),
            not args.no_fade,
            args.first_visits,
        )
    print(report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if all(figures["checks"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
