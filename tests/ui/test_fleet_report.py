"""A booth with a watched folder reports its status there: at start, after each visitor, after an error."""

from __future__ import annotations

import copy
import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtTest import QTest

from kiosk.core import fleet
from kiosk.core.pages import Pages
from kiosk.core.pin import PinStore
from kiosk.ui import fleetreport
from kiosk.ui.app import KioskWindow, build_window

from .conftest import BoothClock, find, pause, tap


def read_status(shared: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((shared / "kiosks" / name / "status.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def booth(bundled_pages: Pages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KioskWindow]:
    monkeypatch.setattr(fleetreport, "ERROR_REPORT_DELAY_MS", 50)
    shared = tmp_path / "shared"
    shared.mkdir()
    compiled = copy.deepcopy(bundled_pages.compiled)
    compiled["kiosk"] = {
        **(compiled.get("kiosk") or {}),
        "pack_folder": str(shared),
        "name": "kassel-office",
        "place": "Kassel, Germany",
    }
    clock = BoothClock()
    shown = build_window(
        Pages(compiled, bundled_pages.content_root),
        size=QSize(1280, 800),
        animate=False,
        visitor_sessions=True,
        clock=clock,
        pin_store=PinStore(tmp_path / "pin.json"),
        visits_database=tmp_path / "visits.db",
    )
    shown.keep.append(clock)
    QTest.qWaitForWindowExposed(shown.window)
    yield shown
    shown.dispose()


def reporter_of(shown: KioskWindow) -> fleetreport.FleetReporter:
    assert shown.updates is not None
    [reporter] = shown.updates.findChildren(fleetreport.FleetReporter)
    return reporter


def test_a_booth_reports_at_start_after_a_visitor_and_after_an_error(
    booth: KioskWindow, tmp_path: Path, qtbot: Any
) -> None:
    shared = tmp_path / "shared"
    reporter = reporter_of(booth)
    reporter.wait()
    first = read_status(shared, "kassel-office")
    assert (first["reason"], first["name"], first["place"]) == ("start", "kassel-office", "Kassel, Germany")
    assert first["content"]["title"] and first["content"]["version"]
    assert first["safe_mode"] is False and first["disk_free_bytes"] > 0 and first["memory_bytes"] > 0
    [kiosk] = fleet.read_fleet(shared, fleet._parse_iso(first["written"]) or 0).kiosks
    assert kiosk.state == fleet.OK

    clock: BoothClock = booth.keep[-1]
    tap(booth.window, find(booth.window, "attractPage"))  # a visitor
    clock.advance(90, booth)  # ... who leaves
    clock.advance(10, booth)
    qtbot.waitUntil(lambda: read_status(shared, "kassel-office")["reason"] == "idle reset", timeout=5000)

    logging.getLogger("kiosk.media").error("the video decoder stopped")
    qtbot.waitUntil(lambda: read_status(shared, "kassel-office")["reason"] == "error", timeout=5000)
    reporter.wait()
    last = read_status(shared, "kassel-office")
    assert last["problems"][-1]["message"] == "the video decoder stopped"
    [kiosk] = fleet.read_fleet(shared, fleet._parse_iso(last["written"]) or 0).kiosks
    assert kiosk.state == fleet.WARNING and "the video decoder stopped" in kiosk.notes[-1]


def test_a_folder_that_cannot_be_written_is_said_once_and_the_kiosk_carries_on(
    booth: KioskWindow, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    reporter = reporter_of(booth)
    reporter.wait()
    shared = tmp_path / "shared"
    shutil.rmtree(shared / "kiosks" / "kassel-office")
    (shared / "kiosks" / "kassel-office").write_text("a file where the folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kiosk.fleet"):
        for _ in range(3):
            reporter.report("timer")
            reporter.wait()
    said = [r.getMessage() for r in caplog.records if r.name == "kiosk.fleet"]
    assert len(said) == 1 and "cannot write the fleet report" in said[0] and "carries on" in said[0]
    assert reporter.written == 1  # the first, at start
    pause(50)
    assert booth.window.isVisible()
