"""A visitor at the booth, driven through the real QML: what the kiosk writes into its visits record."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest

from kiosk.core.pages import Pages
from kiosk.core.pin import PinStore
from kiosk.ui.app import KioskWindow, build_window

from .conftest import BoothClock, find, names, settled_centre, tap

VIDEO = "dg-video-november-2014"
HANDOUT = "agenda-handout"
PIN = "2468"


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "visits.db"


@pytest.fixture
def booth(bundled_pages: Pages, clock: BoothClock, database: Path, tmp_path: Path) -> Iterator[KioskWindow]:
    pins = PinStore(tmp_path / "pin.json")
    pins.set(PIN)
    shown = build_window(
        bundled_pages,
        size=QSize(1920, 1080),
        animate=False,
        visitor_sessions=True,
        clock=clock,
        visits_database=database,
        pin_store=pins,
    )
    QTest.qWaitForWindowExposed(shown.window)
    yield shown
    shown.dispose()


def rows(database: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT kind, subject, language, seconds, results FROM events ORDER BY id"
        ).fetchall()


def test_a_scripted_visit_is_recorded_event_by_event(
    qtbot: Any, booth: KioskWindow, clock: BoothClock, database: Path
) -> None:
    window = booth.window
    tap(window, find(window, "attractPage"))  # the touch that wakes the kiosk
    clock.advance(5, booth)
    tap(window, find(window, "language:fr"))
    clock.advance(3, booth)
    tap(window, find(window, "card:section/videos"))
    clock.advance(7, booth)
    tap(window, find(window, f"card:item/{VIDEO}"))
    tap(window, find(window, "bigPlayButton"))
    qtbot.waitUntil(lambda: booth.player.position_ms() >= 1500, timeout=15_000)
    tap(window, find(window, "playPauseButton"))
    watched = booth.player.position_ms() / 1000
    duration = booth.player.duration_ms() / 1000
    clock.advance(20, booth)
    booth.kiosk.open(f"item/{HANDOUT}")  # as a related-item link would
    clock.advance(15, booth)
    tap(window, find(window, "searchButton"))
    qtbot.waitUntil(lambda: booth.search.property("state") == "ready", timeout=10_000)
    field = find(window, "searchField")
    qtbot.waitUntil(lambda: field.hasActiveFocus(), timeout=10_000)
    for character in "recru":
        QTest.keyClick(window, character)
    qtbot.waitUntil(lambda: booth.search.result_count() > 0, timeout=10_000)
    found = booth.search.result_count()
    clock.advance(4, booth)
    clock.advance(90, booth)
    assert booth.session.property("phase") == "prompt"
    clock.advance(10, booth)  # nobody answered: the visit ends
    assert booth.kiosk.current_route() == "attract"
    booth.recorder.close()

    recorded = rows(database)
    assert [row[:3] for row in recorded] == [
        ("session_start", None, "en"),
        ("language", "en", "fr"),  # the page stays the same page view
        ("page", "home", "fr"),
        ("page", "section/videos", "fr"),
        ("page", f"item/{VIDEO}", "fr"),
        ("video", VIDEO, "fr"),
        ("document", HANDOUT, "fr"),
        ("page", f"item/{HANDOUT}", "fr"),
        ("page", "search", "fr"),
        ("search", "recru", "fr"),
        ("session_end", "idle", None),
    ], recorded
    seconds = {row[1]: row[3] for row in recorded if row[0] == "page"}
    # Dwell times come from the session's clock: the language switch did not change the page, and the
    # idle wait and the countdown before the reset are nobody's time on the search page.
    assert seconds == {
        "home": 5.0 + 3.0,
        "section/videos": 7.0,
        f"item/{VIDEO}": 20.0,
        f"item/{HANDOUT}": 15.0,
        "search": 4.0,
    }
    [search] = [row for row in recorded if row[0] == "search"]
    assert search[4] == found
    with sqlite3.connect(database) as connection:
        [(video_seconds, video_duration, fraction)] = connection.execute(
            "SELECT seconds, duration, fraction FROM events WHERE kind = 'video'"
        ).fetchall()
        [(reason, language)] = connection.execute("SELECT end_reason, language FROM sessions").fetchall()
    assert 1.0 <= video_seconds <= watched + 0.5
    assert video_duration == pytest.approx(duration, abs=0.1)
    assert fraction == pytest.approx(watched / duration, abs=0.05)
    assert (reason, language) == ("idle", "en")


def test_the_attract_loop_alone_records_nothing(
    booth: KioskWindow, clock: BoothClock, database: Path
) -> None:
    clock.advance(600, booth)
    assert booth.kiosk.current_route() == "attract"
    booth.recorder.close()
    assert not database.exists() or rows(database) == []


def test_a_kiosk_in_a_window_records_nothing(bundled_pages: Pages, tmp_path: Path) -> None:
    shown = build_window(
        bundled_pages, size=QSize(1280, 800), animate=False, visits_database=tmp_path / "visits.db"
    )
    try:
        assert shown.recorder is None and shown.visits is None
        shown.kiosk.open("section/videos")
    finally:
        shown.dispose()
    assert not (tmp_path / "visits.db").exists()


def test_staff_opening_the_admin_panel_from_the_attract_loop_is_no_visit(
    qtbot: Any, booth: KioskWindow, clock: BoothClock, database: Path, tmp_path: Path
) -> None:
    window = booth.window
    corner = settled_centre(find(window, "adminCorner")).toPoint()
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    qtbot.waitUntil(lambda: bool(names(window, "pinKey:")), timeout=5000)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    for digit in PIN:
        tap(window, find(window, f"pinKey:{digit}"))
    tap(window, find(window, "pinOk"))
    qtbot.waitUntil(lambda: bool(booth.admin.property("panelOpen")), timeout=10_000)
    tap(window, find(window, "adminCloseButton"))
    clock.advance(90, booth)
    clock.advance(10, booth)
    booth.recorder.close()
    assert not database.exists() or rows(database) == []
