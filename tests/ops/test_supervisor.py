"""The supervisor with real child processes: crashes, kill -9, hangs, the admin's restart and exit,
the crash loop into safe mode, and stop signals. Timeouts are shortened through the parameters; the
restart limits of the issue (a crash restarted within 2 s) are measured with the real defaults."""

from __future__ import annotations

import itertools
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kiosk.booth.supervisor import (
    PREVIOUS_END_ENV,
    RESTART_EXIT_CODE,
    SAFE_MODE_FILE,
    WAITING_SCREEN_FILE,
    ChildEnd,
    Supervisor,
    describe_exit,
    is_supervised,
    note_previous_end,
)

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = [
    pytest.mark.timeout(45),
    pytest.mark.skipif(sys.platform == "win32", reason="the children are killed with POSIX signals"),
]

# Every child notes "<event> <pid> <time.time()> <KIOSK_PREVIOUS_END>" in the record file given as its
# first argument. Only those that draw beat (the supervisor counts a start as a beat): a beat is a
# frame on screen, which ends the waiting screen, and a child that crashes at once draws none. (They
# all beat once at start, and a busy machine let the supervisor see a crashing child's beat.)
PRELUDE = """
import os, signal, sys, time
from pathlib import Path
record = Path(sys.argv[1])
heartbeat = Path(os.environ["KIOSK_HEARTBEAT"])
def note(event):
    with record.open("a") as stream:
        stream.write(f"{event} {os.getpid()} {time.time()} {os.environ.get('KIOSK_PREVIOUS_END', '-')}\\n")
def starts():
    return sum(1 for line in record.read_text().splitlines() if line.startswith("start "))
note("start")
"""

CHILDREN = {
    "leave": "sys.exit(0)",
    "crash": "sys.exit(1)",
    "beat": "while True:\n    heartbeat.touch()\n    time.sleep(0.1)",
    "hang": "time.sleep(3600)",
    "hang-deaf": "signal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(3600)",
    "restart-then-leave": f"sys.exit({RESTART_EXIT_CODE} if starts() == 1 else 0)",
    "crash-once-then-leave": "sys.exit(1 if starts() == 1 else 0)",
    "crash-3-then-leave": "sys.exit(1 if starts() <= 3 else 0)",
    "hang-once-then-leave": "if starts() == 1:\n    time.sleep(3600)\nsys.exit(0)",
    "safe-leave": "note('safe')\nsys.exit(0)",
    "safe-restart": f"note('safe')\nsys.exit({RESTART_EXIT_CODE})",
    "safe-crash-twice-then-beat-and-leave": (
        "note('safe')\nif sum(1 for line in record.read_text().splitlines() if line.startswith('safe ')) <= 2:\n"
        "    sys.exit(1)\nfor _ in range(5):\n    heartbeat.touch()\n    time.sleep(0.1)\nsys.exit(0)"
    ),
    "note-stop-then-beat": (
        "def stop(signum, frame):\n    note(f'signal-{signum}')\n    sys.exit(0)\n"
        "signal.signal(signal.SIGTERM, stop)\nsignal.signal(signal.SIGINT, stop)\nnote('listening')\n"
        "while True:\n    heartbeat.touch()\n    time.sleep(0.1)"
    ),
}


@dataclass
class Event:
    kind: str
    pid: int
    time: float
    previous_end: str


@dataclass
class Children:
    folder: Path
    record: Path = field(init=False)

    def __post_init__(self) -> None:
        self.record = self.folder / "record.txt"

    def command(self, name: str) -> list[str]:
        script = self.folder / f"{name}.py"
        script.write_text(PRELUDE + CHILDREN[name] + "\n", encoding="utf-8")
        return [sys.executable, str(script), str(self.record)]

    def events(self, kind: str | None = None) -> list[Event]:
        if not self.record.exists():
            return []
        found = []
        for line in self.record.read_text(encoding="utf-8").splitlines():
            event, pid, when, previous = line.split(" ", 3)
            if kind is None or event == kind:
                found.append(Event(event, int(pid), float(when), previous))
        return found

    def wait_for(self, kind: str, count: int, timeout: float = 30.0) -> list[Event]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            events = self.events(kind)
            if len(events) >= count:
                return events
            time.sleep(0.02)
        raise AssertionError(f"waited {timeout} s for {count} '{kind}' event(s); got {self.events()}")


@pytest.fixture
def children(tmp_path: Path) -> Children:
    return Children(tmp_path)


class Running:
    """A supervisor run on a thread of the test, so the test can watch and act meanwhile."""

    def __init__(self, supervisor: Supervisor) -> None:
        self.supervisor = supervisor
        self.result: int | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        self.result = self.supervisor.run()

    def finish(self, timeout: float = 30.0) -> int | None:
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the supervisor did not end"
        return self.result


@pytest.fixture
def supervise(children: Children) -> Iterator[Any]:
    started: list[Running] = []

    def start(child: str, safe: str = "safe-leave", **options: Any) -> Running:
        options.setdefault("restart_delay", 0.05)
        running = Running(
            Supervisor(children.command(child), safe_mode_command=children.command(safe), **options)
        )
        started.append(running)
        return running

    yield start
    for running in started:
        running.supervisor.request_stop()
        running.thread.join(10)


def test_exit_0_ends_the_supervisor_with_0(supervise: Any, children: Children) -> None:
    running = supervise("leave")
    assert running.finish() == 0
    assert len(children.events("start")) == 1
    assert running.supervisor.recent_crashes == []


def test_a_crash_is_restarted_within_2_seconds(supervise: Any, children: Children) -> None:
    running = supervise("crash-once-then-leave", restart_delay=0.5)
    assert running.finish() == 0
    first, second = children.events("start")
    assert second.time - first.time < 2.0
    # The new UI learns why it was restarted, for the admin panel.
    assert first.previous_end == "-"
    assert second.previous_end == "exited with code 1"


def test_kill_9_is_restarted_within_2_seconds(supervise: Any, children: Children) -> None:
    running = supervise("beat", restart_delay=0.5)
    first = children.wait_for("start", 1)[0]
    os.kill(first.pid, signal.SIGKILL)
    killed_at = time.time()
    second = children.wait_for("start", 2)[1]
    assert second.pid != first.pid
    assert second.time - killed_at < 2.0
    assert second.previous_end == "was killed by signal 9 (SIGKILL)"
    assert len(running.supervisor.recent_crashes) == 1


def test_a_hung_ui_is_killed_and_restarted(
    supervise: Any, children: Children, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.booth.supervisor")
    running = supervise("hang-once-then-leave", heartbeat_timeout=1.5, restart_delay=0.5)
    assert running.finish() == 0
    first, second = children.events("start")
    assert second.time - first.time - 1.5 < 2.0
    assert second.previous_end.startswith("stopped answering (no heartbeat for 1.")
    with pytest.raises(ProcessLookupError):
        os.kill(first.pid, 0)
    assert "it is hung" in caplog.text


def test_a_hung_ui_deaf_to_sigterm_is_killed(
    supervise: Any, children: Children, caplog: pytest.LogCaptureFixture
) -> None:
    running = supervise("hang-deaf", heartbeat_timeout=1.0, kill_grace=0.5, stop_grace=0.5)
    first, second = children.wait_for("start", 2)
    # Timeout, then the grace before SIGKILL, then the restart.
    assert 1.0 + 0.5 <= second.time - first.time < 1.0 + 0.5 + 2.0
    assert second.previous_end.startswith("stopped answering")
    assert "did not end within 0.5 s: killing it" in caplog.text
    running.supervisor.request_stop()
    assert running.finish() == 0


def test_a_healthy_ui_that_beats_is_left_alone(supervise: Any, children: Children) -> None:
    running = supervise("beat", heartbeat_timeout=1.0)
    children.wait_for("start", 1)
    time.sleep(1.5)
    assert len(children.events("start")) == 1
    running.supervisor.request_stop()
    assert running.finish() == 0


def test_the_admins_restart_is_immediate_and_no_crash(supervise: Any, children: Children) -> None:
    # Counted as a crash it would wait the restart delay: 5 s.
    running = supervise("restart-then-leave", restart_delay=5.0)
    assert running.finish() == 0
    first, second = children.events("start")
    assert second.time - first.time < 1.0
    assert second.previous_end == "-"
    assert running.supervisor.recent_crashes == []
    assert not running.supervisor.safe_mode


def test_three_crashes_switch_to_safe_mode(
    supervise: Any, children: Children, caplog: pytest.LogCaptureFixture
) -> None:
    running = supervise("crash")
    assert running.finish() == 0
    assert len(children.events("start")) == 4
    assert len(children.events("safe")) == 1
    assert running.supervisor.safe_mode
    assert "SAFE MODE" in caplog.text


def test_crashes_spread_beyond_the_window_do_not_switch_to_safe_mode(
    supervise: Any, children: Children
) -> None:
    # Each restart waits 0.25 s, so three crashes span at least 0.5 s: never within 0.35 s.
    running = supervise("crash-3-then-leave", crash_window=0.35, restart_delay=0.25)
    assert running.finish() == 0
    assert len(children.events("start")) == 4
    assert children.events("safe") == []
    assert not running.supervisor.safe_mode


def test_the_admins_restart_leaves_safe_mode(supervise: Any, children: Children) -> None:
    running = supervise("crash-3-then-leave", safe="safe-restart")
    assert running.finish() == 0
    assert [event.kind for event in children.events()] == ["start"] * 3 + ["start", "safe", "start"]
    assert not running.supervisor.safe_mode


def test_a_command_that_cannot_start_counts_as_a_crash(tmp_path: Path, children: Children) -> None:
    supervisor = Supervisor(
        [str(tmp_path / "no-such-program")],
        safe_mode_command=children.command("safe-leave"),
        restart_delay=0.01,
    )
    assert supervisor.run() == 0
    assert len(children.events("safe")) == 1


def test_safe_mode_that_keeps_failing_backs_off(tmp_path: Path, children: Children) -> None:
    now = [0.0]
    supervisor = Supervisor(
        ["unused"],
        safe_mode_command=["unused"],
        restart_delay=0.5,
        safe_mode_backoff=30.0,
        clock=lambda: now[0],
    )
    crash = ChildEnd("exited", 1, "exited with code 1")
    delays = []
    for _ in range(6):
        delays.append(supervisor._count_crash(crash))
        now[0] += 1.0
    # Three crashes to safe mode, then safe mode's own third crash waits.
    assert delays == [0.5, 0.5, 0.5, 0.5, 0.5, 30.0]
    assert supervisor.safe_mode


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_reaches_the_ui_and_ends_the_supervisor(
    children: Children, stop_signal: signal.Signals
) -> None:
    script = (
        "import sys\n"
        "from kiosk.booth.supervisor import run_supervised\n"
        f"sys.exit(run_supervised({children.command('note-stop-then-beat')!r},"
        f" safe_mode_command={children.command('safe-leave')!r}, heartbeat_timeout=10))\n"
    )
    supervisor = subprocess.Popen([sys.executable, "-c", script])
    try:
        child = children.wait_for("start", 1)[0]
        # The supervisor listens before it starts the UI; the UI, once it says so. Sent sooner (a
        # busy machine), the signal would end the UI before it could note it.
        children.wait_for("listening", 1, timeout=30)
        supervisor.send_signal(stop_signal)
        assert supervisor.wait(timeout=10) == 0
    finally:
        supervisor.kill()
        supervisor.wait()
    assert [event.kind for event in children.events()] == ["start", "listening", f"signal-{int(stop_signal)}"]
    with pytest.raises(ProcessLookupError):
        os.kill(child.pid, 0)


def test_exit_descriptions() -> None:
    assert describe_exit(1) == "exited with code 1"
    assert describe_exit(-9) == "was killed by signal 9 (SIGKILL)"
    assert describe_exit(-11) == "was killed by signal 11 (SIGSEGV)"


def test_the_ui_side_helpers(caplog: pytest.LogCaptureFixture) -> None:
    assert is_supervised({"KIOSK_HEARTBEAT": "/tmp/beat"})
    assert not is_supervised({})
    assert note_previous_end({}) is None
    assert note_previous_end({PREVIOUS_END_ENV: "exited with code 1"}) == "exited with code 1"
    assert "restarted the user interface: the previous one exited with code 1" in caplog.text


def test_safe_mode_survives_a_restart_of_the_supervisor_until_staff_restart(
    supervise: Any, children: Children, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    state = tmp_path / "state"
    first = supervise("crash", state_dir=state)
    assert first.finish() == 0 and first.supervisor.safe_mode
    assert (state / SAFE_MODE_FILE).exists()

    # The supervisor starts again (a power cut, a reboot, a logout): straight into safe mode.
    caplog.clear()
    events_before = len(children.events())
    second = supervise("leave", state_dir=state)
    assert second.supervisor.safe_mode
    assert second.finish() == 0
    assert [event.kind for event in children.events()[events_before:]] == ["start", "safe"]
    assert "Still in SAFE MODE" in caplog.text

    # Staff choose Restart in the admin panel (the UI exits with RESTART_EXIT_CODE): safe mode ends,
    # here and for every later start.
    events_before = len(children.events())
    third = supervise("leave", safe="safe-restart", state_dir=state)
    assert third.finish() == 0
    assert [event.kind for event in children.events()[events_before:]] == ["start", "safe", "start"]
    assert not third.supervisor.safe_mode
    assert not (state / SAFE_MODE_FILE).exists()
    fourth = supervise("leave", state_dir=state)
    assert not fourth.supervisor.safe_mode
    assert fourth.finish() == 0


def test_a_damaged_safe_mode_record_still_means_safe_mode(children: Children, tmp_path: Path) -> None:
    # Half written at a power cut: it was being switched on, and only staff switch it off.
    (tmp_path / SAFE_MODE_FILE).write_text('{"since": "2026-', encoding="utf-8")
    supervisor = Supervisor(
        children.command("leave"), safe_mode_command=children.command("safe-leave"), state_dir=tmp_path
    )
    assert supervisor.safe_mode
    assert supervisor.run() == 0
    assert [event.kind for event in children.events()] == ["start", "safe"]


WAITING_SCREEN = """
import signal, sys, time
from pathlib import Path
record = Path(sys.argv[1])
def note(event):
    with record.open("a") as stream:
        stream.write(f"{event} 0 {time.time()} {sys.argv[-1]}\\n")
def end(signum, frame):
    note("waiting-end")
    sys.exit(0)
signal.signal(signal.SIGTERM, end)
note("waiting-start")
time.sleep(3600)
"""


def test_the_waiting_screen_covers_every_wait_until_the_next_ui_has_drawn(
    supervise: Any, children: Children, tmp_path: Path
) -> None:
    script = tmp_path / "waiting.py"
    script.write_text(WAITING_SCREEN, encoding="utf-8")
    state = tmp_path / "state"
    # Two crashes into safe mode; safe mode crashes twice too (then a back-off of 1.5 s); then a UI
    # that draws (beats) and leaves.
    running = supervise(
        "crash",
        safe="safe-crash-twice-then-beat-and-leave",
        state_dir=state,
        restart_delay=0.3,
        safe_mode_backoff=1.5,
        crash_limit=2,
        waiting_screen_command=[sys.executable, str(script), str(children.record)],
    )
    assert running.finish() == 0
    events = children.events()
    kinds = [event.kind for event in events]
    starts = [event for event in events if event.kind == "start"]
    assert len(starts) == 5
    back_off = [(a, b) for a, b in itertools.pairwise(starts) if b.time - a.time >= 1.5]
    assert len(back_off) == 1, kinds
    # On screen from the first crash on...
    assert kinds[:2] == ["start", "waiting-start"], kinds
    # ...through the back-off (no screen ended during it, one was up when it began)...
    began, ended = back_off[0]
    shown = [
        event for event in events if event.kind.startswith("waiting-") and event.time <= began.time + 0.1
    ]
    assert shown and shown[-1].kind == "waiting-start", kinds
    assert not [e for e in events if e.kind == "waiting-end" and began.time < e.time < ended.time], kinds
    # ...and closed only once the last UI had drawn its first frame (beaten), never two at once.
    last_end = [event for event in events if event.kind == "waiting-end"][-1]
    assert last_end.time > starts[-1].time
    waiting = [kind for kind in kinds if kind.startswith("waiting-")]
    assert waiting == ["waiting-start", "waiting-end"] * (len(waiting) // 2), kinds
    # It is told where the UI describes what to show.
    assert children.events("waiting-start")[0].previous_end == str(state / WAITING_SCREEN_FILE)
    assert running.supervisor.waiting_screen is None
