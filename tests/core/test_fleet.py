"""The fleet report: what a kiosk writes into the watched folder, and how the editors' side judges it."""

from __future__ import annotations

import csv
import json
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.core import fleet
from kiosk.core.analytics import EXPORT_COLUMNS, Recorder

NOW = datetime(2026, 12, 4, 15, 0).timestamp()


STATUS_FIELDS: dict[str, Any] = {
    "name": "kassel",
    "place": "Kassel, Germany",
    "machine_id": "0123456789abcdef",
    "now": NOW,
    "started": NOW - 3600,
    "software_version": "0.9.0",
    "content": {"version": "2026.11", "title": "Fair Recruitment", "pack": None},
    "safe_mode": False,
    "problems": [(NOW - 60, "WARNING", "a video has no captions")],
    "disk_free_bytes": 20 * 1024**3,
    "memory_bytes": 300 * 1024**2,
    "sessions_today": 12,
}


def status(name: str = "kassel", **changes: object) -> dict[str, Any]:
    document = fleet.status_document(**{**STATUS_FIELDS, "name": name})
    document.update({key: value for key, value in changes.items() if value is not None})
    return document


def test_a_status_is_written_atomically_and_read_back_ok(tmp_path: Path) -> None:
    written = fleet.write_status(tmp_path, status())
    assert written == tmp_path / "kiosks" / "kassel" / "status.json"
    assert [p.name for p in written.parent.iterdir()] == ["status.json"]  # no temporary left
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["uptime_seconds"] == 3600 and data["sessions_today"] == 12
    assert data["problems"] == [
        {"time": fleet.iso(NOW - 60), "level": "WARNING", "message": "a video has no captions"}
    ]
    many = [(NOW - n, "ERROR", "x" * 1000) for n in range(30)]
    cut = fleet.status_document(**{**STATUS_FIELDS, "problems": many})["problems"]
    assert len(cut) == fleet.RECENT_PROBLEMS and all(
        len(p["message"]) == fleet.MAX_PROBLEM_CHARS for p in cut
    )
    report = fleet.read_fleet(tmp_path, NOW + 60)
    [kiosk] = report.kiosks
    assert (kiosk.name, kiosk.place, kiosk.content, kiosk.state) == (
        "kassel",
        "Kassel, Germany",
        "Fair Recruitment 2026.11",
        fleet.OK,
    )
    assert not report.needs_attention


@pytest.mark.parametrize(
    ("changes", "later", "state", "note"),
    [
        ({"safe_mode": True}, 60, fleet.SAFE_MODE, "safe mode"),
        ({}, 16 * 60, fleet.SILENT, "nothing heard for 16 min"),
        ({"disk_free_bytes": 200 * 1024**2}, 60, fleet.WARNING, "disk almost full: 200 MB free"),
        (
            {"problems": [{"time": "2026-12-04T13:59:00Z", "level": "ERROR", "message": "player died"}]},
            60,
            fleet.WARNING,
            "player died",
        ),
    ],
)
def test_a_kiosk_that_needs_attention_says_why(
    tmp_path: Path, changes: dict[str, object], later: float, state: str, note: str
) -> None:
    fleet.write_status(tmp_path, status(**changes))
    [kiosk] = fleet.read_fleet(tmp_path, NOW + later).kiosks
    assert kiosk.state == state
    assert any(note in line for line in kiosk.notes), kiosk.notes
    assert kiosk.needs_attention


@pytest.mark.parametrize(
    ("raw", "finding"),
    [
        (b"", "empty or half-synced"),
        (b'{"format": "fair-migration-kiosk/status", "version": 1, "na', "empty or half-synced"),
        (b'{"format": "fair-migration-kiosk/status", x}', "damaged"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"format": "fair-migration-kiosk/status", "version": 7}', "written by a newer kiosk"),
        (b"[1, 2]", "not a kiosk status file"),
    ],
)
def test_bad_status_files_are_findings_not_failures(tmp_path: Path, raw: bytes, finding: str) -> None:
    fleet.write_status(tmp_path, status("good"))
    bad = tmp_path / "kiosks" / "bad" / "status.json"
    bad.parent.mkdir()
    bad.write_bytes(raw)
    report = fleet.read_fleet(tmp_path, NOW)
    by_name = {kiosk.name: kiosk for kiosk in report.kiosks}
    assert by_name["good"].state == fleet.OK
    assert by_name["bad"].state == fleet.UNREADABLE
    assert any(finding in note and str(bad) in note for note in by_name["bad"].notes), by_name["bad"].notes


def test_two_kiosks_with_one_name_are_reported(tmp_path: Path) -> None:
    written = fleet.write_status(tmp_path, status("kassel"))
    # What Syncthing does when two devices change the same file: the loser is set aside.
    (written.parent / "status.sync-conflict-20261204-140000-ABCDEFG.json").write_text("{}", encoding="utf-8")
    [kiosk] = fleet.read_fleet(tmp_path, NOW).kiosks
    assert kiosk.state == fleet.WARNING
    assert any("two kiosks may share this name" in note for note in kiosk.notes)
    # A kiosk about to write sees another machine's recent report under its name.
    assert fleet.other_kiosk_with_name(tmp_path, "kassel", "another-machine", NOW + 60) == "0123456789abcdef"
    assert fleet.other_kiosk_with_name(tmp_path, "kassel", "0123456789abcdef", NOW + 60) is None


def test_a_folder_named_unlike_its_status_is_noted(tmp_path: Path) -> None:
    copied = tmp_path / "kiosks" / "kassel-old"
    copied.mkdir(parents=True)
    (copied / "status.json").write_text(json.dumps(status("kassel")), encoding="utf-8")
    fleet.write_status(tmp_path, status("kassel"))
    kiosks = fleet.read_fleet(tmp_path, NOW).kiosks
    assert all(kiosk.state == fleet.WARNING for kiosk in kiosks)
    assert any("says 'kassel' but stands in the folder 'kassel-old'" in n for n in kiosks[1].notes)


def test_an_unmounted_share_gets_no_folder_of_reports(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="is the share mounted"):
        fleet.write_status(tmp_path / "share", status())
    assert not (tmp_path / "share").exists()


def test_no_reports_folder_is_a_note(tmp_path: Path) -> None:
    report = fleet.read_fleet(tmp_path / "nothing", NOW)
    assert report.kiosks == [] and "no kiosk has reported here yet" in report.notes[0]


def record_a_day(database: Path, at: float) -> None:
    moments = iter(range(100))
    recorder = Recorder(database, clock=lambda: at + next(moments), flush_seconds=0.05)
    recorder.start()
    recorder.session_start("ar")
    recorder.page("section/rights", 12.0, "ar")
    recorder.session_end("idle")
    recorder.close()


def test_a_days_visits_go_out_as_csv_with_the_export_columns(tmp_path: Path) -> None:
    database = tmp_path / "visits.db"
    yesterday = date.today() - timedelta(days=1)
    record_a_day(database, datetime.combine(yesterday, datetime.min.time()).timestamp() + 9 * 3600)
    record_a_day(database, time.time() - 30)  # today: not yet due
    watched = tmp_path / "share"
    watched.mkdir()
    assert fleet.visit_days_due(watched, "kassel", date.today())[-1] == yesterday
    # Nothing before the record's first visit: a new kiosk sends no week of empty days.
    assert fleet.first_visit_day(database) == yesterday
    assert fleet.visit_days_due(watched, "kassel", date.today(), yesterday) == [yesterday]
    assert fleet.first_visit_day(tmp_path / "none.db") is None
    path, rows = fleet.write_day_visits(database, watched, "kassel", yesterday)
    assert path.name == f"visits-{yesterday.isoformat()}.csv" and rows == 3
    with path.open(encoding="utf-8", newline="") as stream:
        lines = list(csv.reader(stream))
    assert tuple(lines[0]) == EXPORT_COLUMNS
    assert [line[2] for line in lines[1:]] == ["session_start", "page", "session_end"]
    assert yesterday not in fleet.visit_days_due(watched, "kassel", date.today())
    visits = fleet.fleet_visits(watched, today=date.today(), days=7)
    assert visits.sessions_by_kiosk == {"kassel": [0, 0, 0, 0, 0, 1, 0]}
    assert visits.languages == [("ar", 1)] and visits.top_pages == [("section/rights", 1)]
