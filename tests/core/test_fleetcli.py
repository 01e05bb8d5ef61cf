"""`kiosk fleet status` and `kiosk stats summary --fleet`: what editors and a monitoring script read."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core import fleet

HEADER = "session,time,kind,subject,language,seconds,duration,fraction,results\n"


def report(folder: Path, name: str, place: str, ago: float = 60, **changes: object) -> None:
    now = time.time() - ago
    document = fleet.status_document(
        name=name,
        place=place,
        machine_id=name[:16].ljust(16, "0"),
        now=now,
        started=now - 600,
        software_version="0.9.0",
        content={"version": "2026.11", "title": "Fair Recruitment", "pack": None},
        safe_mode=False,
        problems=[],
        disk_free_bytes=30 * 1024**3,
        memory_bytes=2**28,
        sessions_today=3,
    )
    document.update(changes)
    fleet.write_status(folder, document)


def visits(folder: Path, name: str, day: date, languages: list[str]) -> None:
    start = datetime.combine(day, datetime.min.time()).timestamp() + 10 * 3600
    lines = [HEADER]
    for n, language in enumerate(languages):
        lines.append(f"{n},{fleet.iso(start + n * 60)},session_start,,{language},,,,\n")
        lines.append(f"{n},{fleet.iso(start + n * 60 + 5)},page,section/rights,{language},9.0,,,\n")
    fleet.visits_file(folder, name, day).write_text("".join(lines), encoding="utf-8")


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    report(folder, "kassel-office", "Kassel, Germany")
    report(folder, "amman-office", "Amman, Jordan")
    yesterday = date.today() - timedelta(days=1)
    visits(folder, "kassel-office", yesterday, ["en", "ar"])
    visits(folder, "amman-office", yesterday, ["ar", "ar", "en"])
    return folder


def test_an_all_ok_fleet_exits_0_with_one_line_per_kiosk(
    share: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fleet", "status", str(share)]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "office" in line]
    assert len(lines) == 2
    assert re.search(
        r"kassel-office\s+Kassel, Germany\s+Fair Recruitment 2026.11\s+.*just now\)\s+OK$", lines[1]
    )
    assert "2 kiosk(s), all OK" in out


def test_bad_input_is_reported_and_the_report_still_written(
    share: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report(share, "lisbon-venue", "Lisbon, Hall B", safe_mode=True)
    report(share, "oslo-office", "Oslo", ago=3 * 3600)
    half = share / "kiosks" / "porto" / "status.json"
    half.parent.mkdir()
    half.write_text('{"format": "fair-migration-kiosk/status", "version": 1, "name": "po', encoding="utf-8")
    newer = share / "kiosks" / "riga" / "status.json"
    newer.parent.mkdir()
    newer.write_text('{"format": "fair-migration-kiosk/status", "version": 2}', encoding="utf-8")
    bad_day = fleet.visits_file(share, "kassel-office", date.today() - timedelta(days=2))
    bad_day.write_text(HEADER + "1,not a time,session_start,,en,,,,\n", encoding="utf-8")
    out_file = tmp_path / "fleet.html"
    assert main(["fleet", "status", str(share), "--html", str(out_file)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"lisbon-venue .* safe mode$", out, re.MULTILINE)
    assert re.search(r"oslo-office .* silent$", out, re.MULTILINE) and "nothing heard for 3 h" in out
    assert f"{half}:1:" in out and "half-synced" in out
    assert "written by a newer kiosk" in out
    assert "4 of 6 kiosk(s) need attention: lisbon-venue, oslo-office, porto, riga" in out
    html = out_file.read_text(encoding="utf-8")
    HTMLParser().feed(html)  # well formed enough to parse
    assert "<title>Kiosk fleet: 4 of 6 kiosk(s) need attention</title>" in html
    assert html.count("<tr><td>") == 6 and "half-synced" in html and "1 damaged line(s) left out" in html
    # Everything inside: no script, no stylesheet or picture from elsewhere.
    assert "<script" not in html and not re.search(r"""(src|href)=["']?https?:""", html)
    # The visits chart: one column part per kiosk on yesterday, each with its count.
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert f"<title>amman-office, {yesterday}: 3</title>" in html
    assert f"<title>kassel-office, {yesterday}: 2</title>" in html
    assert "5 visitor session(s) across the fleet" in html


def test_names_and_notes_are_escaped_in_the_html(share: Path, tmp_path: Path) -> None:
    report(share, "kassel-office", "<script>alert(1)</script>")
    main(["fleet", "status", str(share), "--html", str(tmp_path / "r.html")])
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fleet", "status", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_stats_summary_merges_every_kiosks_visits(share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "summary", "--fleet", str(share), "--days", "3"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"sessions\s+5$", out, re.MULTILINE)
    assert re.search(r"amman-office\s+3 ", out) and re.search(r"kassel-office\s+2 ", out)
    assert re.search(r"^\s+ar\s+3$", out, re.MULTILINE) and re.search(r"^\s+en\s+2$", out, re.MULTILINE)
    assert re.search(r"section/rights\s+5$", out, re.MULTILINE)
