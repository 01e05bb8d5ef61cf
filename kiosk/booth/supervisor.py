"""Keeps the kiosk's UI up for days unattended: restarts it when it crashes or hangs, and falls back to
safe mode when it keeps failing.

`kiosk --kiosk` runs this in a small process of its own, with the UI as its child. The UI proves it is
alive by touching a heartbeat file from its GUI thread (kiosk.ui.heartbeat); the supervisor watches
the file's modification time and the child's exit code. It polls: no threads, no signals of its own
beyond passing a stop request on, so there is little in it that can itself go wrong.

The screen is never left black (or showing the desktop) while it waits: from the moment a UI ends
until the next one has drawn its first frame, a small "back in a moment" screen of its own process
is on show (kiosk.ui.waiting; this module imports no Qt). Safe mode is written to the machine's state
folder, so it lasts across restarts of the supervisor and of the machine until staff choose Restart.
"""

from __future__ import annotations

import json
import logging
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

# Shared with the UI, which reads them at every start without importing this module.
from kiosk.booth.supervised import (
    HEARTBEAT_ENV,
    LEAVE_EXIT_CODE,
    PREVIOUS_END_ENV,
    RESTART_EXIT_CODE,
    WAITING_SCREEN_ENV,
    WINDOW_LOST_EXIT_CODE,
)
from kiosk.booth.supervised import is_supervised as is_supervised  # for callers that import it from here

# In the state folder.
SAFE_MODE_FILE = "safe-mode.json"
WAITING_SCREEN_FILE = "waiting-screen.json"

HEARTBEAT_TIMEOUT = 30.0
RESTART_DELAY = 0.5
CRASH_WINDOW = 600.0
CRASH_LIMIT = 3
POLL_INTERVAL = 0.2
# After asking a hung UI to terminate, before killing it outright.
KILL_GRACE = 2.0
# A UI asked to stop (SIGTERM at logout or shutdown) gets this long to close its window and media.
STOP_GRACE = 5.0
# Safe mode failing again and again means something beyond the content (a broken install, a full
# disk): retrying twice a second would only flood the log and the CPU.
SAFE_MODE_BACKOFF = 30.0
# No screen to open a window on (a booth started before its display, a lost X server): the UI is not
# started, as it would only fail; the supervisor says so in the log and looks again after a pause
# that doubles up to a minute.
NO_DISPLAY_FIRST_WAIT = 2.0
NO_DISPLAY_LONGEST_WAIT = 60.0
# A poll this late means the supervisor itself was not running (the machine slept, or was starved):
# the heartbeat's silence over that gap says nothing about the UI.
STALL_GAP = 10.0

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChildEnd:
    """How one run of the UI ended. `kind`: exited, hung, not-started or stopped (on request)."""

    kind: str
    returncode: int | None
    description: str


def describe_exit(returncode: int) -> str:
    if returncode == WINDOW_LOST_EXIT_CODE:
        return f"lost its window: no frame reached the screen (exit code {returncode})"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = "unknown signal"
        return f"was killed by signal {-returncode} ({name})"
    if sys.platform == "win32" and returncode > 255:
        # Windows reports crashes as NTSTATUS codes, which everyone looks up in hexadecimal.
        return f"exited with code 0x{returncode & 0xFFFFFFFF:08X}"
    return f"exited with code {returncode}"


class Supervisor:
    """Runs `child_command` until it exits with 0 or a stop is requested; see run_supervised."""

    def __init__(
        self,
        child_command: list[str],
        *,
        safe_mode_command: list[str],
        heartbeat_timeout: float = HEARTBEAT_TIMEOUT,
        restart_delay: float = RESTART_DELAY,
        crash_window: float = CRASH_WINDOW,
        crash_limit: int = CRASH_LIMIT,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        log: logging.Logger = _log,
        poll_interval: float = POLL_INTERVAL,
        kill_grace: float = KILL_GRACE,
        stop_grace: float = STOP_GRACE,
        safe_mode_backoff: float = SAFE_MODE_BACKOFF,
        environ: Mapping[str, str] | None = None,
        state_dir: Path | None = None,
        waiting_screen_command: list[str] | None = None,
        display_check: Callable[[Mapping[str, str]], str | None] | None = None,
    ) -> None:
        """`state_dir`: where safe mode is remembered, and what the waiting screen shows (None: safe
        mode lasts as long as this supervisor). `waiting_screen_command`: the "back in a moment"
        screen, started with the path of what to show as its last argument (None: none).
        `display_check`: given the UI's environment, why no window can be opened, or None (see
        kiosk.booth.display; None: not checked)."""
        self.child_command = list(child_command)
        self.safe_mode_command = list(safe_mode_command)
        self.heartbeat_timeout = heartbeat_timeout
        self.restart_delay = restart_delay
        self.crash_window = crash_window
        self.crash_limit = crash_limit
        self.poll_interval = poll_interval
        self.kill_grace = kill_grace
        self.stop_grace = stop_grace
        self.safe_mode_backoff = safe_mode_backoff
        self._clock = clock
        self._sleep = sleep
        self._log = log
        self._environ = environ
        self.state_dir = state_dir
        self.waiting_screen_command = list(waiting_screen_command) if waiting_screen_command else None
        self.waiting_screen: subprocess.Popen[bytes] | None = None
        self.waiting_screens_shown = 0
        self.display_check = display_check
        self.display_waits = 0
        self.safe_mode = self._remembered_safe_mode()
        # Clock times of the crashes and hangs still inside the crash window.
        self.recent_crashes: list[float] = []
        self.starts = 0
        self.child: subprocess.Popen[bytes] | None = None
        self._stop_signal: int | None = None
        self._heartbeat_dir: Path | None = None

    def request_stop(self, signum: int = signal.SIGTERM) -> None:
        """Stop the UI (passing `signum` on to it) and return from run(). Safe from a signal handler
        or another thread: it only sets a flag that the polling loop reads."""
        self._stop_signal = signum

    @property
    def stop_requested(self) -> bool:
        return self._stop_signal is not None

    def run(self) -> int:
        """Supervise until the UI leaves with 0 (returns 0) or a stop is requested (returns 0)."""
        self._heartbeat_dir = Path(tempfile.mkdtemp(prefix="kiosk-supervisor-"))
        self._log.info(
            "Supervisor started (pid %d): heartbeat timeout %g s, safe mode after %d crashes in %g s",
            os.getpid(),
            self.heartbeat_timeout,
            self.crash_limit,
            self.crash_window,
        )
        if self.safe_mode:
            self._log.critical(
                "Still in SAFE MODE (since %s): the kiosk runs the bundled default content until staff "
                "choose Restart on the admin panel",
                self._safe_mode_record().get("since", "an earlier run"),
            )
        try:
            return self._supervise()
        finally:
            if self.child is not None and self.child.poll() is None:
                self._end_child(self.child, self.kill_grace)
            self._hide_waiting_screen()
            shutil.rmtree(self._heartbeat_dir, ignore_errors=True)

    def _supervise(self) -> int:
        previous_end: str | None = None
        while not self.stop_requested:
            if not self._wait_for_display():
                break
            end = self._run_child_once(previous_end)
            if end.kind == "stopped":
                break
            if end.kind == "exited" and end.returncode == LEAVE_EXIT_CODE:
                self._log.info("The UI exited normally (the admin left the kiosk): supervisor ends")
                return 0
            if end.kind == "exited" and end.returncode == RESTART_EXIT_CODE:
                # The admin asked for it, perhaps after fixing what sent the kiosk into safe mode:
                # give the normal content a fresh chance.
                self._log.info("Restart requested from the admin panel: starting the UI again")
                if self.safe_mode:
                    self._log.warning("Leaving safe mode on the admin's restart")
                self._set_safe_mode(False)
                self.recent_crashes.clear()
                previous_end = None
                self._show_waiting_screen()
                continue
            previous_end = end.description
            self._show_waiting_screen()
            self._wait(self._count_crash(end))
        self._log.info("Supervisor stopped on request (signal %s)", self._stop_signal)
        return 0

    def _wait_for_display(self) -> bool:
        """Until a window can be opened (False if a stop is asked for first). Not a crash: the UI is
        not started, nor counted towards safe mode, and no waiting screen is tried (it needs one too)."""
        if self.display_check is None:
            return True
        environment = os.environ if self._environ is None else self._environ
        pause, waited = NO_DISPLAY_FIRST_WAIT, 0.0
        while not self.stop_requested:
            problem = self.display_check(environment)
            if problem is None:
                if waited:
                    self._log.info("A screen is there now, after %.0f s: starting the UI", waited)
                return True
            self._hide_waiting_screen()
            self.display_waits += 1
            self._log.error("The UI was not started. %s Looking again in %g s.", problem, pause)
            self._wait(pause)
            waited += pause
            pause = min(pause * 2, NO_DISPLAY_LONGEST_WAIT)
        return False

    def _count_crash(self, end: ChildEnd) -> float:
        """Record a crash or hang; switch to safe mode when they come too often. Returns the delay
        before the next start."""
        now = self._clock()
        self.recent_crashes = [t for t in self.recent_crashes if now - t < self.crash_window]
        self.recent_crashes.append(now)
        count = len(self.recent_crashes)
        self._log.error(
            "The UI %s; restarting it (%d crash(es) or hang(s) in the last %g s)",
            end.description,
            count,
            self.crash_window,
        )
        if count < self.crash_limit:
            return self.restart_delay
        if not self.safe_mode:
            self._set_safe_mode(True, reason=f"the UI failed {count} times within {self.crash_window:g} s")
            self.recent_crashes.clear()
            self._log.critical(
                "SAFE MODE: the UI failed %d times within %g s. From now on the kiosk runs the bundled "
                "default content (%s). Check this log, fix the content or the machine, then choose "
                "Restart on the admin panel.",
                count,
                self.crash_window,
                shlex.join(self.safe_mode_command),
            )
            return self.restart_delay
        self._log.critical(
            "Safe mode itself failed %d times within %g s: waiting %g s before each new try",
            count,
            self.crash_window,
            self.safe_mode_backoff,
        )
        return max(self.restart_delay, self.safe_mode_backoff)

    def _run_child_once(self, previous_end: str | None) -> ChildEnd:
        command = self.safe_mode_command if self.safe_mode else self.child_command
        heartbeat = self._fresh_heartbeat_file()
        environment = dict(os.environ if self._environ is None else self._environ)
        environment[HEARTBEAT_ENV] = str(heartbeat)
        environment.pop(PREVIOUS_END_ENV, None)
        environment.pop(WAITING_SCREEN_ENV, None)
        if self.state_dir is not None:
            environment[WAITING_SCREEN_ENV] = str(self.state_dir / WAITING_SCREEN_FILE)
        if previous_end:
            environment[PREVIOUS_END_ENV] = previous_end
        try:
            child = subprocess.Popen(command, env=environment, stdin=subprocess.DEVNULL)
        except OSError as exc:
            return ChildEnd("not-started", None, f"could not be started ({exc})")
        self.child = child
        self.starts += 1
        self._log.info(
            "Started the UI%s, pid %d: %s",
            " in SAFE MODE" if self.safe_mode else "",
            child.pid,
            shlex.join(command),
        )
        return self._watch(child, heartbeat)

    def _watch(self, child: subprocess.Popen[bytes], heartbeat: Path) -> ChildEnd:
        # The first beat may take a while (content loading, QML compiling): the start counts as one.
        last_beat = last_poll = self._clock()
        beat = _modified(heartbeat)
        while True:
            returncode = child.poll()
            if returncode is not None:
                return ChildEnd("exited", returncode, describe_exit(returncode))
            if self._stop_signal is not None:
                self._stop_child(child, self._stop_signal)
                return ChildEnd("stopped", child.returncode, "was stopped on request")
            now = self._clock()
            if now - last_poll > STALL_GAP:
                self._log.warning(
                    "The supervisor did not run for %.0f s (the machine slept?)", now - last_poll
                )
                last_beat = now
            last_poll = now
            latest = _modified(heartbeat)
            if latest != beat:
                beat, last_beat = latest, now
                # The first beat is the new UI's first frame on screen: nothing left to cover.
                self._hide_waiting_screen()
            elif now - last_beat > self.heartbeat_timeout:
                silence = now - last_beat
                self._log.error(
                    "The UI (pid %d) gave no heartbeat for %.1f s: it is hung; ending it", child.pid, silence
                )
                self._end_child(child, self.kill_grace)
                return ChildEnd(
                    "hung", child.returncode, f"stopped answering (no heartbeat for {silence:.1f} s)"
                )
            self._sleep(self.poll_interval)

    def _stop_child(self, child: subprocess.Popen[bytes], signum: int) -> None:
        self._log.info("Passing signal %d on to the UI (pid %d)", signum, child.pid)
        try:
            if sys.platform == "win32":
                child.terminate()  # Windows has no signals to pass on; this is its TerminateProcess
            else:
                child.send_signal(signum)
        except OSError:
            pass  # it has just exited by itself
        self._end_child(child, self.stop_grace, already_asked=True)

    def _end_child(
        self, child: subprocess.Popen[bytes], grace: float, *, already_asked: bool = False
    ) -> None:
        try:
            if not already_asked:
                child.terminate()
            child.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            self._log.warning("The UI (pid %d) did not end within %g s: killing it", child.pid, grace)
        except OSError:
            pass
        try:
            child.kill()
            child.wait(timeout=KILL_GRACE)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self._log.error("Could not end the UI (pid %d): %s", child.pid, exc)

    def _fresh_heartbeat_file(self) -> Path:
        assert self._heartbeat_dir is not None
        # One file per start, so a beat left by the previous child can never vouch for the new one.
        heartbeat = self._heartbeat_dir / f"heartbeat-{self.starts + 1}"
        for old in self._heartbeat_dir.glob("heartbeat-*"):
            old.unlink(missing_ok=True)
        heartbeat.touch()
        return heartbeat

    def _show_waiting_screen(self) -> None:
        """Cover the screen until the next UI has drawn its first frame."""
        if self.waiting_screen_command is None or self.stop_requested:
            return
        if self.waiting_screen is not None and self.waiting_screen.poll() is None:
            return
        command = list(self.waiting_screen_command)
        if self.state_dir is not None:
            command.append(str(self.state_dir / WAITING_SCREEN_FILE))
        environment = dict(os.environ if self._environ is None else self._environ)
        for name in (HEARTBEAT_ENV, PREVIOUS_END_ENV, WAITING_SCREEN_ENV):
            environment.pop(name, None)
        try:
            self.waiting_screen = subprocess.Popen(command, env=environment, stdin=subprocess.DEVNULL)
        except OSError as exc:
            self._log.error("Could not show the waiting screen (%s): %s", shlex.join(command), exc)
            self.waiting_screen = None
            return
        self.waiting_screens_shown += 1
        self._log.info("Showing the waiting screen (pid %d)", self.waiting_screen.pid)

    def _hide_waiting_screen(self) -> None:
        screen, self.waiting_screen = self.waiting_screen, None
        if screen is None:
            return
        if screen.poll() is None:
            self._end_child(screen, self.kill_grace)
        self._log.info("Waiting screen closed")

    def _safe_mode_file(self) -> Path | None:
        return None if self.state_dir is None else self.state_dir / SAFE_MODE_FILE

    def _safe_mode_record(self) -> dict[str, Any]:
        path = self._safe_mode_file()
        if path is None:
            return {}
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return record if isinstance(record, dict) else {}

    def _remembered_safe_mode(self) -> bool:
        path = self._safe_mode_file()
        # Present, even damaged (a power cut while writing): safe mode was on, and only staff end it.
        return path is not None and path.exists()

    def _set_safe_mode(self, on: bool, *, reason: str = "") -> None:
        self.safe_mode = on
        path = self._safe_mode_file()
        if path is None:
            return
        try:
            if not on:
                path.unlink(missing_ok=True)
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            record = {"since": time.strftime("%Y-%m-%d %H:%M:%S %z"), "reason": reason}
            partial = path.with_name(path.name + ".partial")
            partial.write_text(json.dumps(record) + "\n", encoding="utf-8")
            os.replace(partial, path)
        except OSError as exc:
            # Safe mode goes on for this run all the same; only its memory across restarts is lost.
            self._log.error("Could not record safe mode in %s: %s", path, exc)

    def _wait(self, seconds: float) -> None:
        deadline = self._clock() + seconds
        while not self.stop_requested and self._clock() < deadline:
            self._sleep(min(self.poll_interval, max(0.0, deadline - self._clock())))


def _modified(path: Path) -> int | None:
    # Compared for change only, never with the wall clock: a clock set by NTP after boot cannot
    # make a healthy UI look hung.
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def run_supervised(
    child_command: list[str],
    *,
    safe_mode_command: list[str],
    heartbeat_timeout: float = HEARTBEAT_TIMEOUT,
    restart_delay: float = RESTART_DELAY,
    crash_window: float = CRASH_WINDOW,
    crash_limit: int = CRASH_LIMIT,
    clock: Callable[[], float] = time.monotonic,
    log: logging.Logger = _log,
    **options: Any,
) -> int:
    """Run the UI (`child_command`) under a supervisor until the admin leaves; returns the exit status.

    Exit 0 from the UI ends the supervisor with 0; RESTART_EXIT_CODE restarts it at once; any other
    exit, or no heartbeat for `heartbeat_timeout` seconds, restarts it after `restart_delay`.
    `crash_limit` of those within `crash_window` seconds switch to `safe_mode_command` for good (until
    an admin restart). SIGTERM, SIGINT and SIGHUP are passed on to the UI, and the supervisor ends
    with 0 once it has gone. Signal handlers are installed only when called on the main thread.
    Further keyword options go to Supervisor (poll_interval, kill_grace, stop_grace, ...).
    """
    supervisor = Supervisor(
        child_command,
        safe_mode_command=safe_mode_command,
        heartbeat_timeout=heartbeat_timeout,
        restart_delay=restart_delay,
        crash_window=crash_window,
        crash_limit=crash_limit,
        clock=clock,
        log=log,
        **options,
    )
    previous = _install_stop_handlers(supervisor)
    try:
        return supervisor.run()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _install_stop_handlers(supervisor: Supervisor) -> dict[int, Any]:
    if threading.current_thread() is not threading.main_thread():
        return {}

    def stop(signum: int, _frame: FrameType | None) -> None:
        supervisor.request_stop(signum)

    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, stop)
    return previous


def note_previous_end(environ: Mapping[str, str] = os.environ) -> str | None:
    """In the UI: log why the supervisor had to restart it (so it reaches the admin panel's recent
    problems too) and return that text; None after a normal start."""
    previous = environ.get(PREVIOUS_END_ENV)
    if previous:
        _log.warning("The kiosk restarted the user interface: the previous one %s", previous)
    return previous or None
