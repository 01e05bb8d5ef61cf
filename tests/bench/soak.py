"""Soak: thousands of visitor cycles in one process, with an accelerated clock.

Each cycle is what a visitor and the kiosk do: a touch wakes the attract loop, the visitor goes
through a section to an item, plays a video to its first frames, searches, switches language, then
leaves; the idle prompt comes, the session resets and the attract loop starts again.

    uv run python tests/bench/soak.py            # 5,000 cycles (about half an hour here)
    uv run python tests/bench/soak.py --cycles 300

Targets (issue 5): memory after all cycles within 15 MB of memory after the first 100, and no
growth in the number of Qt objects. Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

MEMORY_LIMIT_MB = 15.0
SETTLE_CYCLES = 100


def rss_mb() -> float:
    """What the admin panel shows as memory in use, in MiB."""
    from kiosk.ui.admin import memory_in_use

    return (memory_in_use() or 0) / 1024 / 1024


@dataclass
class SoakFigures:
    cycles: int
    seconds: float
    memory_after_settle_mb: float = 0.0
    memory_at_end_mb: float = 0.0
    objects_after_settle: int = 0
    objects_at_end: int = 0
    items_after_settle: int = 0
    items_at_end: int = 0
    resets: int = 0
    samples: list[tuple[int, float, int]] = field(default_factory=list)

    @property
    def memory_growth_mb(self) -> float:
        return self.memory_at_end_mb - self.memory_after_settle_mb

    def passed(self) -> dict[str, bool]:
        return {
            f"memory within {MEMORY_LIMIT_MB:.0f} MB of the level after {SETTLE_CYCLES} cycles": (
                self.memory_growth_mb <= MEMORY_LIMIT_MB
            ),
            "no growth in Qt objects": self.objects_at_end <= self.objects_after_settle,
            "no growth in Qt Quick items": self.items_at_end <= self.items_after_settle,
            "every cycle ended in a reset": self.resets == self.cycles,
        }


def run_soak(
    cycles: int,
    *,
    progress: Callable[[str], None] = lambda _text: None,
    settle_cycles: int = SETTLE_CYCLES,
) -> SoakFigures:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize
    from PySide6.QtQuick import QQuickItem
    from PySide6.QtTest import QTest

    from kiosk import paths
    from kiosk.core.loader import load_content
    from kiosk.core.pages import Pages
    from kiosk.ui.app import application, build_window

    class Clock:
        now = 0.0

        def __call__(self) -> float:
            return self.now

    application()
    compiled = load_content(paths.bundled_content()).compiled
    assert compiled is not None
    pages = Pages(compiled, paths.bundled_content())
    clock = Clock()
    shown = build_window(pages, size=QSize(1280, 800), animate=False, visitor_sessions=True, clock=clock)
    window, kiosk, session, player, search = (
        shown.window,
        shown.kiosk,
        shown.session,
        shown.player,
        shown.search,
    )
    player.set_muted(True)
    QTest.qWaitForWindowExposed(window)
    search.prepare()
    search.wait_until_prepared()
    languages = pages.languages
    videos = [i["id"] for i in compiled["items"].values() if i["kind"] == "video"]
    sections = [s["id"] for s in compiled["sections"]]
    words = ["migra", "recru", "travail", "derechos", "convention", "sharan"]

    def settle() -> None:
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()

    def visual_items(item: QQuickItem) -> int:
        return 1 + sum(visual_items(child) for child in item.childItems())

    def counts() -> tuple[int, int]:
        # After each reset the screen shows the attract loop, so like is compared with like.
        return len(window.findChildren(QObject)), visual_items(window.contentItem())

    figures = SoakFigures(cycles=cycles, seconds=0.0)
    started = time.perf_counter()
    for cycle in range(1, cycles + 1):
        # A touch on the attract loop: the session starts.
        assert session.activity()
        kiosk.open(f"section/{sections[cycle % len(sections)]}")
        kiosk.open(f"item/{videos[cycle % len(videos)]}")
        player.set_muted(True)
        player.play()
        deadline = time.monotonic() + 5
        while player.frame_count() < 2 and player.state() not in ("failed", "ended"):
            QTest.qWait(5)
            if time.monotonic() > deadline:
                break
        kiosk.open("search")
        search.setQuery(words[cycle % len(words)])
        kiosk.setLanguage(languages[cycle % len(languages)])
        kiosk.back()
        settle()
        # Then the visitor walks away: idle, the prompt, the reset, the attract loop.
        clock.now += 91
        session.tick()
        clock.now += 11
        session.tick()
        settle()
        if cycle == settle_cycles or (cycle == cycles and cycles < settle_cycles):
            gc.collect()
            settle()
            figures.memory_after_settle_mb = rss_mb()
            figures.objects_after_settle, figures.items_after_settle = counts()
        if cycle % 100 == 0 or cycle == cycles:
            objects, _items = counts()
            figures.samples.append((cycle, rss_mb(), objects))
            progress(f"  cycle {cycle:5d}: {rss_mb():7.1f} MiB, {objects} Qt objects")
    gc.collect()
    settle()
    figures.seconds = time.perf_counter() - started
    figures.memory_at_end_mb = rss_mb()
    figures.objects_at_end, figures.items_at_end = counts()
    figures.resets = session.reset_count()
    shown.dispose()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cycles", type=int, default=5000)
    args = parser.parse_args()
    print(f"Soak: {args.cycles} visitor cycles, 1280x800 offscreen, accelerated clock", flush=True)
    figures = run_soak(args.cycles, progress=lambda text: print(text, flush=True))
    print(
        f"  {figures.cycles} cycles in {figures.seconds:.0f} s ({1000 * figures.seconds / figures.cycles:.0f} ms each)"
    )
    print(
        f"  memory after {SETTLE_CYCLES} cycles {figures.memory_after_settle_mb:.1f} MiB, at the end "
        f"{figures.memory_at_end_mb:.1f} MiB ({figures.memory_growth_mb:+.1f} MiB)"
    )
    print(
        f"  Qt objects {figures.objects_after_settle} -> {figures.objects_at_end}, "
        f"Qt Quick items {figures.items_after_settle} -> {figures.items_at_end}, resets {figures.resets}"
    )
    checks = figures.passed()
    for name, ok in checks.items():
        print(f"  {'PASS' if ok else 'MISS'}  {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
