"""The local visit record: what one scripted visit writes, what the summary and the export say, and
what survives a full disk, a damaged file, a lock held by another program and a crash."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.core import analytics
from kiosk.core.analytics import (
    EXPORT_COLUMNS,
    Recorder,
    classify_fault,
    export_events,
    iso_utc,
    normalize_query,
    summarize,
)

ROOT = Path(__file__).resolve().parents[2]
FAST = {"flush_seconds": 0.05, "retry_seconds": 0.1, "busy_timeout": 0.05}
EVENT_COLUMNS = "session, at, kind, subject, language, seconds, duration, fraction, results"


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.01)


def query(database: Path, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def events(database: Path) -> list[tuple[Any, ...]]:
    return query(database, f"SELECT {EVENT_COLUMNS} FROM events ORDER BY id")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "visits.db"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def recorder(database: Path, clock: Clock) -> Iterator[Recorder]:
    started = Recorder(database, clock=clock, **FAST)
    started.start()
    yield started
    started.close()


# -- what a visit writes ------------------------------------------------------------------------


def test_a_scripted_visit_writes_exactly_these_rows(recorder: Recorder, database: Path, clock: Clock) -> None:
    t0 = clock.now
    recorder.session_start("en")
    clock.advance(12)
    recorder.page("home", 12.0, "en")
    clock.advance(30)
    recorder.language("en", "fr")
    clock.advance(5)
    recorder.page("section/voices", 35.0, "fr")
    clock.advance(1)
    recorder.document("agenda-handout", "fr")
    clock.advance(80)
    recorder.video("clip", "fr", 61.5, 90.0, 0.75)
    recorder.page("item/clip", 81.0, "fr")
    clock.advance(20)
    recorder.search("  Recruitment   FEES ", 7, "fr")
    recorder.search("Jean Dupont", 0, "fr")
    recorder.page("search", 20.0, "fr")
    clock.advance(100)
    recorder.session_end("idle")
    recorder.close()

    (session, started, last_event, language, end_reason), *more = query(
        database, "SELECT id, started, last_event, language, end_reason FROM sessions"
    )
    assert more == []
    assert (started, last_event, language, end_reason) == (t0, t0 + 248, "en", "idle")
    assert events(database) == [
        (session, t0, "session_start", None, "en", None, None, None, None),
        (session, t0 + 12, "page", "home", "en", 12.0, None, None, None),
        (session, t0 + 42, "language", "en", "fr", None, None, None, None),
        (session, t0 + 47, "page", "section/voices", "fr", 35.0, None, None, None),
        (session, t0 + 48, "document", "agenda-handout", "fr", None, None, None, None),
        (session, t0 + 128, "video", "clip", "fr", 61.5, 90.0, 0.75, None),
        (session, t0 + 128, "page", "item/clip", "fr", 81.0, None, None, None),
        (session, t0 + 148, "search", "recruitment fees", "fr", None, None, None, 7),
        # Found nothing: perhaps a name, so the words are not kept.
        (session, t0 + 148, "search", None, "fr", None, None, None, 0),
        (session, t0 + 148, "page", "search", "fr", 20.0, None, None, None),
        (session, t0 + 248, "session_end", "idle", None, None, None, None, None),
    ]
    assert recorder.status == analytics.RecorderStatus("stopped", "", 11, 0)
    assert query(database, "PRAGMA journal_mode") == [("wal",)]


def test_an_event_outside_a_session_opens_one_and_an_end_without_one_is_ignored(
    recorder: Recorder, database: Path, clock: Clock
) -> None:
    recorder.session_end("idle")  # nobody was there
    recorder.language("en", "es")
    clock.advance(3)
    recorder.page("home", 3.0, "es")
    recorder.session_end("closed")
    recorder.page("home", 1.0, "fr")
    recorder.close()
    sessions = query(database, "SELECT id, language, end_reason FROM sessions ORDER BY started, rowid")
    assert [(language, reason) for _id, language, reason in sessions] == [("en", "closed"), ("fr", None)]
    first, second = (row[0] for row in sessions)
    assert [(row[0], row[2]) for row in events(database)] == [
        (first, "language"),
        (first, "page"),
        (first, "session_end"),
        (second, "page"),
    ]


def test_an_idle_end_is_dated_when_the_visitor_left(recorder: Recorder, database: Path, clock: Clock) -> None:
    started = clock.now
    recorder.session_start("en")
    clock.advance(25 + 100)  # 25 s of visit, then the idle wait and the countdown
    recorder.page("home", 25.0, "en")
    recorder.session_end("idle", unattended_seconds=100)
    recorder.close()
    [(first, last, reason)] = query(database, "SELECT started, last_event, end_reason FROM sessions")
    assert (first, last - first, reason) == (started, 25.0, "idle")
    assert summarize(database, now=clock.now, days=1).average_session_seconds == 25.0


def test_a_discarded_visit_leaves_nothing_even_when_partly_written(
    recorder: Recorder, database: Path, clock: Clock
) -> None:
    recorder.session_start("en")
    recorder.page("home", 3.0, "en")
    recorder.session_end("idle")
    recorder.session_start("fr")
    recorder.page("home", 2.0, "fr")
    wait_until(lambda: recorder.status.events_written >= 5)  # the second visit is in the file
    recorder.discard_session()
    recorder.session_start("es")
    recorder.discard_session()  # never reached the file
    recorder.close()
    assert query(database, "SELECT language, end_reason FROM sessions") == [("en", "idle")]
    assert [row[2] for row in events(database)] == ["session_start", "page", "session_end"]


def test_session_ids_differ_across_restarts(database: Path, clock: Clock) -> None:
    for _run in range(5):
        recorder = Recorder(database, clock=clock, **FAST)
        recorder.start()
        recorder.session_start("en")  # each run of the app starts numbering afresh
        recorder.session_end("closed")
        recorder.close()
    ids = [row[0] for row in query(database, "SELECT id FROM sessions")]
    assert len(ids) == len(set(ids)) == 5
    assert all(0 < session < 2**63 for session in ids)


def test_search_words_are_trimmed_collapsed_lowered_and_capped() -> None:
    assert normalize_query("  Travailleurs   MIGRANTS\t") == "travailleurs migrants"
    assert normalize_query("x" * 100) == "x" * analytics.MAX_QUERY_CHARS
    assert normalize_query("Word " * 20) == " ".join(["word"] * 12)  # cut at 60, no space left at the end


def test_values_of_the_wrong_kind_never_reach_the_ui_and_do_not_stop_recording(
    recorder: Recorder, database: Path
) -> None:
    recorder.page("home", "long", "en")  # type: ignore[arg-type]
    recorder.search("fees", None, "en")  # type: ignore[arg-type]
    recorder.video("clip", "en", float("nan"), float("inf"), 7.0)
    recorder.page(None, -4.0, 3)  # type: ignore[arg-type]
    recorder.close()
    rows = events(database)
    # A number that is none is a bug in the caller: that event is left out (and logged), not guessed.
    assert [row[2] for row in rows] == ["video", "page"]
    assert rows[0][5:8] == (None, None, 1.0)  # not finite: unknown; the fraction kept within 0..1
    assert rows[1][3:6] == (None, "3", 0.0)
    assert recorder.status.state == "stopped" and recorder.status.note == ""


def test_status_before_start_and_events_after_close(database: Path, clock: Clock) -> None:
    recorder = Recorder(database, clock=clock, **FAST)
    assert recorder.status.state == "stopped"
    recorder.page("home", 1.0, "en")  # before start: kept until the writer runs
    recorder.start()
    assert recorder.status.state == "recording"
    recorder.close()
    recorder.page("home", 2.0, "en")  # after close: dropped, without a word to the UI
    recorder.close()
    assert [row[5] for row in events(database)] == [1.0]
    assert recorder.status.events_written == 1


def test_commits_come_in_batches_not_one_per_event(database: Path, clock: Clock) -> None:
    # A second, not less: on a busy machine the 50 events and the look after them may come a few
    # tenths of a second after the first commit, and the next commit with them.
    recorder = Recorder(database, clock=clock, flush_seconds=1.0)
    recorder.start()
    recorder.session_start("en")
    wait_until(lambda: recorder.status.events_written == 1)
    for number in range(50):
        recorder.page(f"item/{number}", 1.0, "en")
    time.sleep(0.1)
    # Within the flush interval since the last commit: nothing yet.
    assert recorder.status.events_written == 1
    wait_until(lambda: recorder.status.events_written == 51)
    recorder.close()


# -- the summary --------------------------------------------------------------------------------


@pytest.fixture
def india_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """UTC+5:30: a local day that is not a UTC day, so a summary in UTC would put sessions on the
    wrong day and hour."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> float:
    return time.mktime((year, month, day, hour, minute, 0, 0, 0, -1))


def test_summary_of_known_sessions_over_days_and_hours(india_time: None, database: Path) -> None:
    clock = Clock()
    recorder = Recorder(database, clock=clock, **FAST)
    recorder.start()

    def at(moment: float) -> None:
        clock.now = moment

    # A: started the evening before the period: not one of its sessions, though its end falls in it.
    at(local(2026, 3, 7, 23, 50))
    recorder.session_start("en")
    at(clock.now + 30)
    recorder.page("item/a", 30.0, "en")
    at(local(2026, 3, 8, 0, 5))
    recorder.session_end("idle")
    # B: ten past midnight on the first day (18:40 UTC the day before).
    t = local(2026, 3, 8, 0, 10)
    at(t)
    recorder.session_start("en")
    at(t + 5)
    recorder.page("home", 5.0, "en")
    at(t + 25)
    recorder.page("item/a", 20.0, "en")
    at(t + 40)
    recorder.video("clip", "en", 20.0, 60.0, 0.5)
    at(t + 100)
    recorder.session_end("idle")
    # C: the next morning, in French then Spanish.
    t = local(2026, 3, 9, 9, 30)
    at(t)
    recorder.session_start("fr")
    at(t + 40)
    recorder.page("item/a", 40.0, "fr")
    at(t + 50)
    recorder.page("section/s", 10.0, "fr")
    at(t + 51)
    recorder.language("fr", "es")
    at(t + 120)
    recorder.video("clip", "es", 60.0, 60.0, 1.0)
    at(t + 200)
    recorder.video("other", "es", 5.0, 20.0, 0.25)
    at(t + 210)
    recorder.search("Fees", 3, "es")
    at(t + 220)
    recorder.search("bob", 0, "es")
    at(t + 300)
    recorder.session_end("closed")
    # F: the same evening; the app crashed, so it has no end.
    t = local(2026, 3, 9, 18, 0)
    at(t)
    recorder.session_start("en")
    at(t + 4)
    recorder.page("item/b", 4.0, "en")
    # D: today, a minute before "now".
    t = local(2026, 3, 10, 14, 59)
    at(t)
    recorder.session_start("es")
    at(t + 6)
    recorder.page("item/b", 6.0, "es")
    at(t + 10)
    recorder.search("fees ", 2, "es")
    at(t + 60)
    recorder.page("attract", 50.0, "es")
    recorder.session_end("idle")
    recorder.close()

    now = local(2026, 3, 10, 15, 0)
    summary = summarize(database, now=now, days=3)
    assert summary.sessions == 4
    assert summary.ended_by_idle == 2
    assert summary.average_session_seconds == pytest.approx((100 + 300 + 4 + 60) / 4)
    assert summary.sessions_by_day == [("2026-03-08", 1), ("2026-03-09", 2), ("2026-03-10", 1)]
    hours = [0] * 24
    hours[0] = hours[9] = hours[18] = hours[14] = 1
    assert summary.sessions_by_hour == hours
    assert summary.top_items == [
        ("item/a", 2, pytest.approx(30.0)),
        ("item/b", 2, pytest.approx(5.0)),
        ("section/s", 1, pytest.approx(10.0)),
    ]
    assert summary.videos == [("clip", 2, pytest.approx(0.75)), ("other", 1, pytest.approx(0.25))]
    assert summary.languages == [("en", 2), ("es", 2), ("fr", 1)]
    assert summary.top_searches == [("fees", 2)]

    today = summarize(database, now=now, days=1)
    assert (today.sessions, today.ended_by_idle, today.sessions_by_day) == (1, 1, [("2026-03-10", 1)])
    assert today.top_items == [("item/b", 1, pytest.approx(6.0))]
    assert today.languages == [("es", 1)]

    fortnight = summarize(database, now=now, days=14)
    assert len(fortnight.sessions_by_day) == 14
    assert fortnight.sessions_by_day[0] == ("2026-02-25", 0)
    assert dict(fortnight.sessions_by_day)["2026-03-07"] == 1  # A counts once its day is in the period
    assert fortnight.sessions == 5 and sum(fortnight.sessions_by_hour) == 5


def test_top_lists_stop_at_ten(recorder: Recorder, database: Path, clock: Clock) -> None:
    recorder.session_start("en")
    for number in range(15):
        for _view in range(number + 1):
            recorder.page(f"item/{number:02d}", 1.0, "en")
            recorder.search(f"word {number:02d}", 1, "en")
    recorder.close()
    summary = summarize(database, now=clock.now)
    assert [route for route, _views, _dwell in summary.top_items] == [
        f"item/{n:02d}" for n in range(14, 4, -1)
    ]
    assert [words for words, _count in summary.top_searches] == [f"word {n:02d}" for n in range(14, 4, -1)]


def test_summary_of_nothing(database: Path, clock: Clock) -> None:
    with pytest.raises(FileNotFoundError):
        summarize(database, now=clock.now)
    database.parent.mkdir(parents=True)
    sqlite3.connect(database).close()  # a file with no tables yet
    empty = summarize(database, now=clock.now, days=7)
    assert (empty.sessions, empty.average_session_seconds, empty.top_items) == (0, 0.0, [])
    assert len(empty.sessions_by_day) == 7 and empty.sessions_by_hour == [0] * 24


# -- the export ---------------------------------------------------------------------------------


def scripted_visits(recorder: Recorder, clock: Clock) -> None:
    for visitor in range(3):
        recorder.session_start("en")
        clock.advance(7.123456)
        recorder.page('section/voices, "quoted"', 7.123456, "en")
        recorder.language("en", "fr")
        recorder.video("clip", "fr", 12.5, 30.0, 0.4166666666666667)
        recorder.search("Migración laboral", visitor, "fr")
        recorder.document("handout", "fr")
        clock.advance(90)
        recorder.session_end("idle" if visitor else "closed")


def test_export_csv_and_jsonl_match_the_database_row_for_row(
    recorder: Recorder, database: Path, clock: Clock, tmp_path: Path
) -> None:
    scripted_visits(recorder, clock)
    recorder.close()
    stored = events(database)
    assert len(stored) == 21

    assert export_events(database, tmp_path / "out.csv") == len(stored)
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as stream:
        table = list(csv.reader(stream))
    assert tuple(table[0]) == EXPORT_COLUMNS
    assert len(table) - 1 == len(stored)
    for line, row in zip(table[1:], stored, strict=True):
        session, at, kind, subject, language, seconds, duration, fraction, results = row
        assert line == [
            str(session),
            iso_utc(at),
            kind,
            subject or "",
            language or "",
            *("" if value is None else repr(value) for value in (seconds, duration, fraction)),
            "" if results is None else str(results),
        ]
        assert abs(datetime.fromisoformat(line[1]).timestamp() - at) < 0.001
        for text, value in zip(line[5:8], (seconds, duration, fraction), strict=True):
            assert (float(text) if text else None) == value  # exactly: no rounding on the way out

    assert export_events(database, tmp_path / "out.jsonl", "jsonl") == len(stored)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        dict(zip(EXPORT_COLUMNS, (row[0], iso_utc(row[1]), *row[2:]), strict=True)) for row in stored
    ]
    assert "Migración" not in lines[4] and "migración laboral" not in lines[4]  # no results: no words
    assert json.loads(lines[11])["subject"] == "migración laboral"
    assert list(tmp_path.glob("*.part")) == []


def test_iso_utc_is_utc_whatever_the_local_zone(india_time: None) -> None:
    assert iso_utc(0.25) == "1970-01-01T00:00:00.250Z"


def test_an_export_that_fails_leaves_no_partial_file(
    recorder: Recorder, database: Path, tmp_path: Path
) -> None:
    recorder.page("home", 1.0, "en")
    recorder.close()
    with pytest.raises(OSError):
        export_events(database, tmp_path / "missing" / "out.csv")
    with pytest.raises(ValueError):
        export_events(database, tmp_path / "out.xml", "xml")
    assert list(tmp_path.rglob("out*")) == []


# -- retention ----------------------------------------------------------------------------------


def test_retention_prunes_at_start_and_once_a_day(database: Path, clock: Clock) -> None:
    old = Recorder(database, clock=clock, **FAST)
    old.start()
    old.session_start("en")
    old.page("item/old", 1.0, "en")
    old.session_end("idle")
    old.close()
    clock.advance(40 * 86400)
    recent = Recorder(database, clock=clock, **FAST)
    recent.start()
    recent.session_start("fr")
    recent.page("item/recent", 1.0, "fr")
    recent.session_end("idle")
    recent.close()
    assert len(events(database)) == 6

    clock.advance(10 * 86400)  # 50 days after the first visit, 10 after the second
    recorder = Recorder(database, clock=clock, retention_days=30, **FAST)
    recorder.start()
    wait_until(lambda: query(database, "SELECT count(*) FROM events WHERE subject = 'item/old'") == [(0,)])
    assert query(database, "SELECT language FROM sessions") == [("fr",)]
    assert [row[3] for row in events(database)] == [None, "item/recent", "idle"]

    # Still running 25 days later: the day's prune takes the second visit away too.
    clock.advance(25 * 86400)
    recorder.page("home", 1.0, "fr")
    wait_until(lambda: query(database, "SELECT count(*) FROM sessions WHERE language = 'fr'") == [(1,)])
    wait_until(lambda: [row[3] for row in events(database)] == ["home"])
    recorder.close()


def test_prune_waits_a_day_between_runs(database: Path, clock: Clock) -> None:
    # Retention 0: whatever is older than the last prune would go at the next.
    recorder = Recorder(database, clock=clock, retention_days=0, **FAST)
    recorder.start()
    clock.advance(3600)
    recorder.page("item/a", 1.0, "en")
    wait_until(lambda: recorder.status.events_written == 1)
    clock.advance(3600)
    recorder.page("item/b", 1.0, "en")
    wait_until(lambda: recorder.status.events_written == 2)
    assert [row[3] for row in events(database)] == ["item/a", "item/b"]  # the start's prune was 2 h ago
    clock.advance(86400)
    recorder.page("item/c", 1.0, "en")
    wait_until(lambda: [row[3] for row in events(database)] == ["item/c"])
    recorder.close()


# -- faults: a damaged file ---------------------------------------------------------------------


def garbage(path: Path) -> bytes:
    data = b"this is not a database, but a kiosk must carry on \x00\xff" * 200
    path.write_bytes(data)
    return data


def malformed(path: Path) -> bytes:
    """A real visits file whose pages after the first were overwritten."""
    connection = sqlite3.connect(path)
    connection.executescript(analytics.SCHEMA)
    connection.executemany(
        "INSERT INTO events (session, at, kind, subject) VALUES (1, ?, 'page', ?)",
        [(float(n), f"item/{n}" * 5) for n in range(3000)],
    )
    connection.commit()
    connection.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : len(data) - page] = bytes((n * 37) % 251 for n in range(len(data) - 2 * page))
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("damage", [garbage, malformed], ids=["garbage", "malformed"])
def test_a_damaged_file_is_kept_aside_unchanged_and_a_fresh_one_started(
    damage: Callable[[Path], bytes], database: Path, clock: Clock
) -> None:
    database.parent.mkdir(parents=True)
    original = damage(database)
    clock.now = local(2026, 5, 17, 9, 8) + 7
    recorder = Recorder(database, clock=clock, **FAST)
    recorder.start()
    recorder.session_start("en")
    recorder.page("home", 2.0, "en")
    wait_until(lambda: recorder.status.events_written == 2)
    aside = database.with_name("visits.db.corrupt-20260517-090807")
    assert aside.read_bytes() == original
    status = recorder.status
    assert status.state == "recording"
    assert "damaged" in status.note and aside.name in status.note
    recorder.close()
    assert [row[2:4] for row in events(database)] == [("session_start", None), ("page", "home")]
    assert query(database, "PRAGMA quick_check") == [("ok",)]
    assert sorted(path.name for path in database.parent.iterdir()) == ["visits.db", aside.name]


def test_a_damaged_file_keeps_its_wal_beside_it(database: Path, clock: Clock) -> None:
    """A crash leaves a -wal; damage found at the next start moves both, neither changed."""
    database.parent.mkdir(parents=True)
    crashed = database.with_name("crashed.db")
    writer = sqlite3.connect(crashed, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.executescript(analytics.SCHEMA)
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    root = writer.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()[0]
    writer.execute("INSERT INTO events (session, at, kind) VALUES (1, 1.0, 'page')")
    # Copied while the writer is open: what a power cut leaves, a main file and a -wal.
    main = bytearray(crashed.read_bytes())
    wal = Path(f"{crashed}-wal").read_bytes()
    writer.close()
    assert len(wal) > 0
    main[(root - 1) * 4096 : root * 4096] = b"\xee" * 4096  # the sessions table, not in the WAL
    database.write_bytes(bytes(main))
    Path(f"{database}-wal").write_bytes(wal)
    clock.now = local(2026, 5, 17, 9, 8)
    recorder = Recorder(database, clock=clock, **FAST)
    recorder.start()
    recorder.page("home", 1.0, "en")
    wait_until(lambda: recorder.status.events_written == 1)
    recorder.close()
    aside = database.with_name("visits.db.corrupt-20260517-090800")
    assert aside.read_bytes() == bytes(main)
    assert Path(f"{aside}-wal").read_bytes() == wal
    assert [row[3] for row in events(database)] == ["home"]


def test_damage_found_while_writing_moves_the_file_aside_and_loses_no_new_event(
    recorder: Recorder, database: Path, clock: Clock
) -> None:
    recorder.session_start("en")
    recorder.page("home", 1.0, "en")
    wait_until(lambda: recorder.status.events_written == 2)
    # Another program breaks the file under the recorder: the index now points at the sessions table.
    vandal = sqlite3.connect(database, isolation_level=None)
    root = vandal.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()[0]
    version = vandal.execute("PRAGMA schema_version").fetchone()[0]
    vandal.execute("PRAGMA writable_schema = ON")
    vandal.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'events_by_kind'", (root,))
    vandal.execute(f"PRAGMA schema_version = {version + 1}")
    vandal.close()
    recorder.page("item/a", 3.0, "en")
    recorder.page("item/b", 4.0, "en")
    wait_until(lambda: recorder.status.events_written == 4)
    assert "damaged" in recorder.status.note
    recorder.session_end("idle")
    recorder.close()
    (aside,) = database.parent.glob("visits.db.corrupt-*")
    assert [row[3] for row in events(database)] == ["item/a", "item/b", "idle"]
    # The visit goes on in the fresh file, with its true start.
    assert query(database, "SELECT started, end_reason FROM sessions") == [(clock.now, "idle")]
    assert query(aside, "SELECT count(*) FROM sessions") == [(1,)]


# -- faults: a full disk ------------------------------------------------------------------------


def test_a_full_database_pauses_keeps_what_was_written_and_resumes(database: Path, clock: Clock) -> None:
    recorder = Recorder(database, clock=clock, max_pages=16, **FAST)
    recorder.start()
    recorder.session_start("en")
    number = 0
    deadline = time.monotonic() + 20
    while recorder.status.state == "recording":
        assert time.monotonic() < deadline, "the database never filled up"
        for _ in range(20):
            recorder.page(f"item/{number:05d}", float(number), "en")
            number += 1
        time.sleep(0.02)
    status = recorder.status
    assert status.state == "paused"
    assert "disk is full" in status.note
    written_before = query(database, f"SELECT {EVENT_COLUMNS} FROM events ORDER BY id")
    assert len(written_before) == status.events_written > 100

    # While paused, new events are counted and dropped; the UI is never told otherwise.
    dropped = status.events_dropped
    for _ in range(30):
        recorder.page("item/during", 1.0, "en")
    wait_until(lambda: recorder.status.events_dropped >= dropped + 30)
    assert recorder.status.state == "paused"

    recorder.max_pages = None  # space is freed
    wait_until(lambda: recorder.status.state == "recording")
    assert recorder.status.note == ""
    recorder.page("item/after", 1.0, "en")
    recorder.close()
    rows = events(database)
    assert rows[: len(written_before)] == written_before  # intact
    subjects = [row[3] for row in rows]
    # The batch that hit the full disk was kept and written once there was room: nothing lost but
    # what came during the pause.
    pages = [s for s in subjects if s and s.startswith("item/0")]
    assert pages == [f"item/{n:05d}" for n in range(len(pages))]
    assert len(pages) + recorder.status.events_dropped - 30 == number
    assert "item/during" not in subjects and subjects[-1] == "item/after"
    assert query(database, "PRAGMA quick_check") == [("ok",)]


FILE_SIZE_CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys, time
    from pathlib import Path
    from kiosk.core.analytics import Recorder

    database = Path(sys.argv[1])
    recorder = Recorder(database, flush_seconds=0.05, retry_seconds=0.2)
    recorder.start()
    recorder.session_start("en")
    recorder.page("home", 1.0, "en")
    while recorder.status.events_written < 2:
        time.sleep(0.01)
    # A process may write no byte past this offset in any file: a disk that is full for it alone.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = database.stat().st_size + 96 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    number = 0
    deadline = time.monotonic() + 20
    while recorder.status.state == "recording" and time.monotonic() < deadline:
        for _ in range(20):
            recorder.page(f"item/{number:05d}", float(number), "en")
            number += 1
        time.sleep(0.02)
    paused = recorder.status
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    deadline = time.monotonic() + 20
    while recorder.status.state != "recording" and time.monotonic() < deadline:
        time.sleep(0.02)
    resumed = recorder.status
    recorder.page("item/after", 1.0, "en")
    recorder.close()
    print(json.dumps({"paused": paused.__dict__, "resumed": resumed.__dict__, "sent": number}))
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file size limits")
def test_a_real_file_size_limit_pauses_and_resumes(database: Path) -> None:
    database.parent.mkdir(parents=True)
    done = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_CHILD, str(database)],
        capture_output=True,
        text=True,
        timeout=90,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    paused, resumed = report["paused"], report["resumed"]
    assert paused["state"] == "paused"
    assert "could not be written" in paused["note"] or "disk is full" in paused["note"]
    assert resumed["state"] == "recording" and resumed["note"] == ""
    rows = events(database)
    subjects = [row[3] for row in rows]
    assert subjects[:2] == [None, "home"]
    pages = [s for s in subjects if s and s.startswith("item/0")]
    assert len(pages) >= paused["events_written"] - 2 > 0
    assert pages == [f"item/{n:05d}" for n in range(len(pages))]
    assert subjects[-1] == "item/after"
    assert query(database, "PRAGMA quick_check") == [("ok",)]


def test_faults_are_told_apart() -> None:
    assert classify_fault(sqlite3.OperationalError("database or disk is full")) == "full"
    assert classify_fault(OSError(28, "No space left on device")) == "full"
    assert classify_fault(sqlite3.OperationalError("database is locked")) == "locked"
    assert classify_fault(sqlite3.DatabaseError("file is not a database")) == "corrupt"
    assert classify_fault(sqlite3.DatabaseError("database disk image is malformed")) == "corrupt"
    assert classify_fault(sqlite3.OperationalError("disk I/O error")) == "io"
    assert classify_fault(OSError(13, "Permission denied")) == "other"


def test_a_file_from_a_newer_kiosk_is_left_alone(database: Path, clock: Clock) -> None:
    database.parent.mkdir(parents=True)
    newer = sqlite3.connect(database)
    newer.execute("CREATE TABLE events (what TEXT)")
    newer.execute("PRAGMA user_version = 2")
    newer.close()
    before = database.read_bytes()
    recorder = Recorder(database, clock=clock, **FAST)
    recorder.start()
    recorder.page("home", 1.0, "en")
    wait_until(lambda: recorder.status.state == "paused")
    assert "newer version" in recorder.status.note
    recorder.close()
    assert database.read_bytes() == before


def test_a_folder_that_cannot_be_made_pauses_with_a_note(tmp_path: Path, clock: Clock) -> None:
    (tmp_path / "blocked").write_text("a file where the folder should be")
    recorder = Recorder(tmp_path / "blocked" / "visits.db", clock=clock, **FAST)
    recorder.start()
    recorder.page("home", 1.0, "en")
    wait_until(lambda: recorder.status.state == "paused")
    assert "not being recorded" in recorder.status.note
    recorder.close()
    assert recorder.status.state == "stopped"


# -- faults: a lock held by another program -----------------------------------------------------

LOCK_HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("INSERT INTO events (session, at, kind) VALUES (0, 0, 'page')")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("ROLLBACK")
    """
)


def test_a_locked_database_delays_writing_without_losing_or_blocking(
    recorder: Recorder, database: Path, clock: Clock
) -> None:
    recorder.session_start("en")
    wait_until(lambda: recorder.status.events_written == 1)
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(database), "3.0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        slowest = 0.0
        saw_note = False
        for number in range(200):
            started = time.perf_counter()
            recorder.page(f"item/{number:03d}", 1.0, "en")
            slowest = max(slowest, time.perf_counter() - started)
            saw_note = saw_note or "locked" in recorder.status.note
            time.sleep(0.005)
        # Readers are never kept out in WAL mode: the admin panel can still show the summary.
        assert summarize(database, now=clock.now).sessions == 1
        assert saw_note
        assert recorder.status.state == "recording"
        assert recorder.status.events_written == 1
    finally:
        holder.wait(timeout=30)
    wait_until(lambda: recorder.status.events_written == 201)
    assert recorder.status.note == ""
    recorder.close()
    assert [row[3] for row in events(database)[1:]] == [f"item/{n:03d}" for n in range(200)]
    # A put on a queue: nothing near the lock's 3 s, nor the writer's busy timeout.
    assert slowest < 0.05


def test_waiting_events_are_bounded_while_locked(database: Path, clock: Clock) -> None:
    recorder = Recorder(database, clock=clock, max_pending=50, **FAST)
    recorder.start()
    recorder.session_start("en")
    wait_until(lambda: recorder.status.events_written == 1)
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(database), "1.0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        for number in range(80):
            recorder.page(f"item/{number:03d}", 1.0, "en")
        wait_until(lambda: recorder.status.events_dropped == 30)
    finally:
        holder.wait(timeout=30)
    wait_until(lambda: recorder.status.events_written == 51)
    recorder.close()
    assert [row[3] for row in events(database)[1:]] == [f"item/{n:03d}" for n in range(50)]


# -- a crash ------------------------------------------------------------------------------------

CRASHING_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kiosk.core.analytics import Recorder

    recorder = Recorder(Path(sys.argv[1]))  # the kiosk's own flush interval
    recorder.start()
    recorder.session_start("en")
    number = 0
    while True:
        at = time.time()
        recorder.page(f"item/{number:06d}", float(number), "en")
        print(number, repr(at), flush=True)
        number += 1
        time.sleep(0.004)
    """
)


def test_a_crash_loses_at_most_the_last_second(database: Path) -> None:
    database.parent.mkdir(parents=True)
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING_CHILD, str(database)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    sent: list[tuple[int, float]] = []

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            number, at = line.split()
            sent.append((int(number), float(at)))

    reader = threading.Thread(target=read)
    reader.start()
    wait_until(lambda: len(sent) > 0, timeout=30)
    time.sleep(3.0)
    killed_at = time.time()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    reader.join(timeout=10)

    stored = [
        int(row[0].removeprefix("item/"))
        for row in query(database, "SELECT subject FROM events WHERE kind = 'page' ORDER BY id")
    ]
    assert stored == list(range(len(stored)))  # what was written is whole, in order
    lost = [(number, at) for number, at in sent if number >= len(stored)]
    assert all(at > killed_at - 1.0 for _number, at in lost), (len(stored), len(sent), lost[:3], killed_at)
    assert len(stored) > len(sent) / 2
    assert query(database, "PRAGMA quick_check") == [("ok",)]
