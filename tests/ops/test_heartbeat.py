"""The UI's heartbeat: it beats while the GUI thread runs its event loop and stops when that thread is
blocked; and, end to end, a real Qt child under the supervisor is left alone while it beats and is
restarted once its GUI thread freezes."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.booth.supervisor import HEARTBEAT_ENV, Supervisor
from kiosk.ui.heartbeat import Heartbeat, start_heartbeat_from_environment

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = pytest.mark.timeout(45)


def modified(path: Path) -> int:
    return path.stat().st_mtime_ns


def test_beats_while_the_event_loop_runs_and_stops_when_it_is_blocked(qtbot: Any, tmp_path: Path) -> None:
    target = tmp_path / "heartbeat"
    heartbeat = Heartbeat(target, interval_ms=50)
    heartbeat.start()
    try:
        # The first beat comes at once, before the event loop has run.
        assert target.exists()
        assert heartbeat.beats == 1
        before = modified(target)
        # Every 50 ms while the loop runs: however late a busy machine runs the timer, it comes.
        qtbot.waitUntil(lambda: heartbeat.beats >= 3, timeout=10_000)
        assert modified(target) > before

        # A GUI thread stuck in a blocking call: no beat, whatever the timer's interval.
        frozen = modified(target), heartbeat.beats
        time.sleep(0.3)
        assert (modified(target), heartbeat.beats) == frozen

        qtbot.waitUntil(lambda: heartbeat.beats > frozen[1], timeout=10_000)
        assert modified(target) > frozen[0]
    finally:
        heartbeat.stop()
    assert not heartbeat.is_active()


def test_a_missing_file_is_made_again(qtbot: Any, tmp_path: Path) -> None:
    target = tmp_path / "heartbeat"
    heartbeat = Heartbeat(target, interval_ms=20)
    heartbeat.start()
    target.unlink()
    qtbot.waitUntil(target.exists, timeout=10_000)
    heartbeat.stop()


def test_an_unwritable_heartbeat_is_logged_once(
    qtbot: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    heartbeat = Heartbeat(tmp_path / "no-such-folder" / "heartbeat", interval_ms=20)
    heartbeat.start()
    qtbot.wait(150)
    heartbeat.stop()
    assert caplog.text.count("Cannot touch the heartbeat file") == 1
    assert heartbeat.beats == 0


def test_started_only_under_a_supervisor(qapp: Any, tmp_path: Path) -> None:
    assert start_heartbeat_from_environment({}) is None
    target = tmp_path / "heartbeat"
    heartbeat = start_heartbeat_from_environment({HEARTBEAT_ENV: str(target)})
    assert heartbeat is not None
    try:
        assert target.exists()
        assert heartbeat.is_active()
        # Owned by the application, so it keeps beating though the caller keeps no reference.
        assert heartbeat.parent() is qapp
    finally:
        heartbeat.stop()
        heartbeat.setParent(None)


QT_CHILD = """
import os, sys, threading, time
from pathlib import Path
# Importing Qt can take longer than the timeout on a busy machine (seconds from a cold disk): beats
# from a thread until Qt's own heartbeat runs, which is what the test is about.
beat = Path(os.environ["KIOSK_HEARTBEAT"])
beat.touch()
beating = threading.Event()
def beat_while_importing():
    while not beating.wait(0.1):
        beat.touch()
threading.Thread(target=beat_while_importing, daemon=True).start()

record = Path(sys.argv[1])
def note(event):
    with record.open("a") as stream:
        stream.write(f"{event} {time.time()}\\n")
# Started by the supervisor: how soon it restarts the UI, without the time Qt takes to import.
note("launch")
from PySide6.QtCore import QCoreApplication, QTimer
from kiosk.ui.heartbeat import start_heartbeat_from_environment

first_run = "start" not in record.read_text()
note("start")
app = QCoreApplication([])
heartbeat = start_heartbeat_from_environment(interval_ms=100)
beating.set()
if first_run:
    # Healthy for a while (longer than the supervisor's timeout), then the GUI thread freezes.
    QTimer.singleShot(2000, lambda: (note("freeze"), time.sleep(3600)))
else:
    QTimer.singleShot(300, lambda: app.exit(0))
sys.exit(app.exec())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="timings measured on POSIX only")
def test_a_frozen_qt_ui_is_restarted_by_the_supervisor(tmp_path: Path) -> None:
    script = tmp_path / "qt_child.py"
    script.write_text(QT_CHILD, encoding="utf-8")
    record = tmp_path / "record.txt"
    supervisor = Supervisor(
        [sys.executable, str(script), str(record)],
        safe_mode_command=[sys.executable, "-c", "raise SystemExit(0)"],
        heartbeat_timeout=1.5,
        restart_delay=0.1,
    )
    assert supervisor.run() == 0
    events = [line.split() for line in record.read_text(encoding="utf-8").splitlines()]
    assert [event for event, _when in events] == ["launch", "start", "freeze", "launch", "start"]
    _, (_, started), (_, froze), (_, restarted), _ = ((event, float(when)) for event, when in events)
    # Not taken for hung while beating, though that lasted longer than the timeout...
    assert froze - started > 1.5
    # ...and restarted soon after the beat stopped.
    assert restarted - froze < 1.5 + 2.0
    assert supervisor.recent_crashes and not supervisor.safe_mode


def test_with_a_window_the_beat_proves_frames_and_a_window_gone_is_reported(
    qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtQuick import QQuickWindow

    class Window(QQuickWindow):
        """Can be destroyed behind Qt's back, as `xdotool windowclose` does: Qt still takes it for
        on screen, and no frame comes."""

        destroyed_behind_qts_back = False

        def isExposed(self) -> bool:
            return self.destroyed_behind_qts_back or super().isExposed()

    window = Window()
    window.resize(200, 100)
    target = tmp_path / "heartbeat"
    heartbeat = Heartbeat(target, interval_ms=50, window=window)
    lost: list[bool] = []
    heartbeat.windowLost.connect(lambda: lost.append(True))
    heartbeat.start()
    try:
        # Nothing on screen yet: no beat, whatever the timer does; and Qt knows why, so nothing is lost.
        qtbot.wait(300)
        assert heartbeat.beats == 0 and not target.exists() and lost == []
        window.show()
        qtbot.waitUntil(lambda: heartbeat.beats >= 3, timeout=10_000)
        assert target.exists() and lost == []

        # Hidden (minimised, unmapped): no frame, so no beat; Qt knows why, so not reported gone.
        window.hide()
        qtbot.wait(60)
        beats = heartbeat.beats
        qtbot.wait(300)
        assert heartbeat.beats == beats and lost == []

        # Gone while Qt takes it for on screen: after three unanswered requests, reported once.
        window.destroyed_behind_qts_back = True
        qtbot.waitUntil(lambda: lost == [True], timeout=10_000)
        qtbot.wait(200)
        assert heartbeat.beats == beats and lost == [True]
    finally:
        heartbeat.stop()
        window.close()
