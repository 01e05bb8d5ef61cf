"""`kiosk stats export` and `kiosk stats summary`: what staff type, what they read, what goes wrong."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.booth import paths
from kiosk.cli import main
from kiosk.cli.stats import duration
from kiosk.core.analytics import Recorder, default_database


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def record_visits(database: Path) -> None:
    """Two visits today: one in English that ended by idle, one switching to French."""
    now = time.time()
    moments = iter(range(1000))
    recorder = Recorder(database, clock=lambda: now - 600 + next(moments), flush_seconds=0.05)
    recorder.start()
    recorder.session_start("en")
    recorder.page("item/clip", 42.0, "en")
    recorder.video("clip", "en", 30.0, 60.0, 0.5)
    recorder.search("Recruitment fees", 3, "en")
    recorder.search("Maria Gonzalez", 0, "en")
    recorder.session_end("idle")
    recorder.session_start("en")
    recorder.language("en", "fr")
    recorder.page("section/voices", 8.0, "fr")
    recorder.session_end("closed")
    recorder.close()


def test_export_writes_every_event_as_csv_or_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "visits.db"
    record_visits(database)
    assert main(["stats", "export", str(tmp_path / "visits.csv"), "--database", str(database)]) == 0
    with (tmp_path / "visits.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["kind"] for row in rows] == [
        "session_start",
        "page",
        "video",
        "search",
        "search",
        "session_end",
        "session_start",
        "language",
        "page",
        "session_end",
    ]
    assert rows[3]["subject"] == "recruitment fees" and rows[4]["subject"] == ""
    assert all(row["time"].endswith("Z") for row in rows)
    assert "10 event(s)" in capsys.readouterr().out

    # .jsonl chooses JSON Lines; --format overrides the name.
    assert main(["stats", "export", str(tmp_path / "visits.jsonl"), "--database", str(database)]) == 0
    lines = (tmp_path / "visits.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["kind"] for line in lines] == [row["kind"] for row in rows]
    assert (
        main(["stats", "export", str(tmp_path / "v.txt"), "--format", "jsonl", "--database", str(database)])
        == 0
    )
    assert (tmp_path / "v.txt").read_text(encoding="utf-8").splitlines() == lines


def test_summary_reads_the_default_database(capsys: pytest.CaptureFixture[str]) -> None:
    record_visits(default_database(paths.user_data()))
    assert main(["stats", "summary", "--days", "3"]) == 0
    out = capsys.readouterr().out
    assert str(default_database(paths.user_data())) in out
    for line in (
        "sessions           2",
        "ended by idle      1 (50%",
        "item/clip",
        "section/voices",
        "recruitment fees",
    ):
        assert line in out, line
    assert "maria" not in out.lower()  # found nothing, so never kept
    assert "     2  ####" in out  # today's bar
    # One line per day; an hour line ("    20:00") must not count as one, as it did between 20:00 and 21:00.
    assert len(re.findall(r"^    \d{4}-\d{2}-\d{2} ", out, flags=re.MULTILINE)) == 3


def test_no_visits_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "summary"]) == 0
    assert "No visits recorded yet" in capsys.readouterr().out
    assert main(["stats", "export", "out.csv"]) == 1
    captured = capsys.readouterr()
    assert "No visits recorded yet" in captured.err and "Nothing was exported" in captured.err
    assert not Path("out.csv").exists()


def test_bad_paths_exit_1_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "visits.db"
    record_visits(database)
    missing = tmp_path / "nowhere" / "visits.db"
    assert main(["stats", "summary", "--database", str(missing)]) == 1
    assert f"{missing}: no such file" in capsys.readouterr().err
    assert main(["stats", "export", str(tmp_path / "no" / "x.csv"), "--database", str(database)]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert main(["stats", "export", str(tmp_path), "--database", str(database)]) == 1
    assert "is a folder" in capsys.readouterr().err
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert main(["stats", "summary", "--database", str(garbage)]) == 1
    assert "cannot be read as a visits file" in capsys.readouterr().err
    # Nothing written but what SQLite keeps beside a WAL database that was read.
    assert {path.name for path in tmp_path.iterdir()} <= {
        "garbage.db",
        "visits.db",
        "visits.db-wal",
        "visits.db-shm",
    }


@pytest.mark.parametrize("argv", [["stats"], ["stats", "summary", "--days", "0"], ["stats", "export"]])
def test_usage_errors(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2


def test_the_kiosk_starts_without_loading_the_visit_record() -> None:
    code = (
        "import sys, kiosk.cli\n"
        "parser = kiosk.cli.build_parser()\n"
        "parser.parse_args([]); parser.parse_args(['stats', 'summary'])\n"
        "print('kiosk.core.analytics' in sys.modules, 'sqlite3' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("seconds", "said"),
    [(0.4, "0 s"), (59.4, "59 s"), (65, "1 min 05 s"), (3599, "59 min 59 s"), (3725, "1 h 02 min")],
)
def test_durations_read_as_said(seconds: float, said: str) -> None:
    assert duration(seconds) == said
