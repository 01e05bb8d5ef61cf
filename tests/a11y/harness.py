"""The real accessibility stack for tests, shared by every test module that needs it: an X display
(Xvfb + openbox), a private D-Bus session bus with the accessibility bus (at-spi2-core), the kiosk in
a real window with Qt's AT-SPI bridge on, and a small screen reader (reader.py, on the system Python
where python3-pyatspi is) that walks the tree and hears the events as Orca would. Keys go through
xdotool to the focused window, as a keyboard's would.

    @pytest.fixture(scope="module")
    def stack(tmp_path_factory):
        yield from started_stack(tmp_path_factory, CONTENT)

    def test_something(stack):
        stack.tab_to(lambda focus: focus["role"] == "push button", "a button")

Waits are for conditions (an event heard, an object shown) with a timeout, never fixed sleeps."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

from tests.ops.xdisplay import HEIGHT, PROBE, WIDTH, ends_with_the_tests, required, start_display, stop

ROOT = Path(__file__).resolve().parents[2]
READER = Path(__file__).with_name("reader.py")
KIOSK_AT = Path(__file__).with_name("kiosk_at.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
APP_NAME = "Fair Migration Kiosk"

Node = dict[str, Any]
Event = dict[str, Any]


def _require_stack() -> None:
    required("Xvfb", "xvfb")
    required("openbox", "openbox")
    required("xdotool", "xdotool")
    required("dbus-daemon", "dbus-daemon")
    for path, package in ((BUS_LAUNCHER, "at-spi2-core"), (SYSTEM_PYTHON, "python3")):
        if not Path(path).exists():
            required(path, package)
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0:
        required("pyatspi-for-the-system-python", "python3-pyatspi")


# Roles that only hold others: a screen reader passes through them without a word.
CONTAINERS = {"application", "frame", "filler", "panel", "window", "scroll pane", "unknown"}


def on_show(node: Node) -> bool:
    """Drawn (Qt's visible), whether or not scrolled out of the view: a screen reader reaches it."""
    return "visible" in node["states"]


def within(node: Node, area: list[int]) -> bool:
    x, y, width, height = node["extents"]
    left, top, area_width, area_height = area
    return (
        width > 0
        and height > 0
        and x < left + area_width
        and x + width > left
        and y < top + area_height
        and y + height > top
    )


def zero_sized(node: Node) -> bool:
    """No area at all: nothing a sighted visitor could see or scroll to, whatever Qt says of it (Qt
    gives a hidden item's extents as zero). The application itself has no place on the screen, only
    its windows do."""
    _, _, width, height = node["extents"]
    return node["role"] != "application" and bool(width <= 0 or height <= 0)


def hidden_but_exposed(tree: list[Node]) -> list[Node]:
    """Objects a sighted visitor cannot see that a screen reader would still name or land on. Qt calls
    an object scrolled out of its view "not visible" too: those (outside the window, or outside the
    list they scroll in) are not hidden, only further down. An object of no size is hidden wherever
    it is and whatever its states say."""
    window = next((node["extents"] for node in tree if node["role"] == "frame"), [0, 0, 0, 0])
    views = [node for node in tree if node["role"] == "list" and on_show(node)]
    hidden = []
    for node in tree:
        if not (node["name"] or "focusable" in node["states"]):
            continue
        if zero_sized(node):
            hidden.append(node)
            continue
        if on_show(node):
            continue
        in_view = [view for view in views if node["path"][: len(view["path"])] == view["path"]]
        if within(node, window) and not any(not within(node, view["extents"]) for view in in_view):
            hidden.append(node)
    return hidden


def shown_unnamed(tree: list[Node]) -> list[Node]:
    """Objects on show that a screen reader could only call by their role."""
    return [node for node in tree if on_show(node) and not node["name"] and node["role"] not in CONTAINERS]


def reads_in_order(shown: list[Node], *expected: str) -> None:
    """A screen reader reading on from the top meets each expected text, in this order."""
    found = [str(node["name"]) for node in shown if node["role"] not in CONTAINERS]
    place = -1
    for text in expected:
        later = [index for index, name in enumerate(found) if index > place and text in name]
        assert later, (
            f"{text!r} is not on the accessibility tree after {found[place] if place >= 0 else 'the top'!r}: {found}"
        )
        place = later[0]


def clean(stack: ScreenReaderStack) -> None:
    tree = stack.tree()
    hidden = [(node["role"], node["name"], node["extents"]) for node in hidden_but_exposed(tree)]
    assert hidden == [], f"hidden but named or focusable: {hidden}"
    assert shown_unnamed(tree) == [], "on show without a name"


@dataclass
class ScreenReaderStack:
    """Everything between a blind visitor's keyboard and the kiosk, started once per test module."""

    content: Path
    size: tuple[int, int] = (WIDTH, HEIGHT)
    # More of the kiosk's command line, e.g. ("--route", "section/programme").
    arguments: tuple[str, ...] = ()
    # The kiosk's wall clock stopped at this time (an ISO date and time with its offset), for the
    # programme's now and next; None: the machine's clock.
    at: str | None = None
    # This machine's kiosk.yaml (the office card, the kiosk's name), written before the kiosk starts.
    machine_config: str | None = None
    folder: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    _started: list[subprocess.Popen[Any]] = field(default_factory=list)
    _logs: list[IO[bytes]] = field(default_factory=list)
    _reader: subprocess.Popen[str] | None = None
    _kiosk: subprocess.Popen[bytes] | None = None
    _heard: int = 0
    _events: list[Event] = field(default_factory=list)

    # -- start and stop ------------------------------------------------------------------------

    def start(self, folder: Path) -> None:
        _require_stack()
        self.folder = folder
        server, display = start_display()
        self._started.append(server)
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "HOME": str(folder),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_DATA_HOME": str(folder / "data"),
            "XDG_CACHE_HOME": str(folder / "cache"),
            "XDG_STATE_HOME": str(folder / "state"),
            "XDG_RUNTIME_DIR": str(folder / "runtime"),
            "PYTHONPATH": str(ROOT),
            # Qt's AT-SPI bridge starts only when a screen reader is known to run: always, here.
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
        (folder / "runtime").mkdir(mode=0o700, exist_ok=True)
        self.env.pop("QT_QUICK_BACKEND", None)
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.env.pop("AT_SPI_BUS_ADDRESS", None)
        self._spawn([shutil.which("openbox") or "openbox", "--sm-disable"], "openbox")
        self._start_session_bus()
        # The accessibility bus, registered as org.a11y.Bus on the session bus; it starts the registry.
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], "at-spi-bus-launcher")
        if self.machine_config is not None:
            settings = folder / "config" / "fair-migration-kiosk" / "kiosk.yaml"
            settings.parent.mkdir(parents=True, exist_ok=True)
            settings.write_text(self.machine_config, encoding="utf-8")
        # `python -m kiosk`, or the same with its clock stopped (kiosk_at.py, for the tests only).
        start = ["-m", "kiosk"] if self.at is None else [str(KIOSK_AT), self.at]
        self._kiosk = self._spawn(
            [
                sys.executable,
                *start,
                "--content",
                str(self.content),
                "--size",
                f"{self.size[0]}x{self.size[1]}",
                "--touch-keyboard",
                "off",
                *self.arguments,
            ],
            "kiosk",
            cwd=ROOT,
        )
        self._reader = subprocess.Popen(
            ends_with_the_tests([SYSTEM_PYTHON, str(READER), APP_NAME]),
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log("reader"),
            text=True,
        )
        self._started.append(self._reader)
        assert self._reader.stdout is not None
        hello = json.loads(self._reader.stdout.readline() or "{}")
        if not hello.get("ready"):
            pytest.fail(f"the kiosk never came on the accessibility bus:\n{self.log_text('kiosk')}")
        self.wait_for(lambda: self.focused() is not None, 60, "the first page to take the focus")
        self.activate_window()

    def stop(self) -> None:
        if self._reader is not None and self._reader.stdin is not None:
            with contextlib.suppress(OSError):
                self._reader.stdin.close()
        for process in reversed(self._started):
            stop(process, grace=5)
        for log in self._logs:
            log.close()

    def _log(self, name: str) -> IO[bytes]:
        assert self.folder is not None
        log = (self.folder / f"{name}.log").open("wb")
        self._logs.append(log)
        return log

    def log_text(self, name: str) -> str:
        assert self.folder is not None
        path = self.folder / f"{name}.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def _spawn(self, command: list[str], name: str, cwd: Path | None = None) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            ends_with_the_tests(command),
            env=self.env,
            cwd=cwd,
            stdout=self._log(name),
            stderr=subprocess.STDOUT,
        )
        self._started.append(process)
        return process

    def _start_session_bus(self) -> None:
        read_end, write_end = os.pipe()
        bus = subprocess.Popen(
            ends_with_the_tests(
                ["dbus-daemon", "--session", "--nofork", "--nopidfile", f"--print-address={write_end}"]
            ),
            env=self.env,
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=self._log("dbus"),
        )
        os.close(write_end)
        self._started.append(bus)
        with os.fdopen(read_end) as announced:
            address = announced.readline().strip()
        assert address, "dbus-daemon did not start"
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address

    # -- the screen reader ---------------------------------------------------------------------

    def ask(self, command: dict[str, Any]) -> Any:
        reader = self._reader
        assert reader is not None and reader.stdin is not None and reader.stdout is not None
        reader.stdin.write(json.dumps(command) + "\n")
        reader.stdin.flush()
        line = reader.stdout.readline()
        if not line:
            pytest.fail(f"the screen reader stopped:\n{self.log_text('reader')}")
        reply = json.loads(line)
        if "error" in reply:
            raise AssertionError(f"screen reader: {reply['error']}")
        return reply["ok"]

    def tree(self) -> list[Node]:
        """Every object of the kiosk on the bus, depth first: the order a screen reader reads in."""
        return list(self.ask({"do": "tree"}))

    def shown(self) -> list[Node]:
        """What a screen reader's review of the screen meets: the objects showing, in reading order."""
        return [node for node in self.tree() if on_show(node)]

    def node(self, **wanted: Any) -> Node | None:
        for candidate in self.shown():
            if all(candidate.get(key) == value for key, value in wanted.items()):
                return candidate
        return None

    def focused(self) -> Node | None:
        found = self.ask({"do": "focused"})
        return found if found else None

    def press(self, node: Node) -> None:
        """The screen reader's "activate": the object's default action, through the bus."""
        self.ask({"do": "press", "path": node["path"]})

    def heard(self) -> list[Event]:
        reply = self.ask({"do": "events", "since": self._heard})
        self._events.extend(reply["events"])
        self._heard = reply["next"]
        return self._events

    def mark(self) -> int:
        """A place in what was heard: wait_event(..., since=mark) ignores what came before. Whatever the
        kiosk said before now is before the mark: on a busy machine the focus event of the last key can
        still be on its way when the test, having seen the focus move, presses the next; taken for the
        answer to the next key, it would put every later Tab one step behind."""
        self.ask({"do": "sync"})
        return len(self.heard())

    def wait_event(
        self, matches: Callable[[Event], bool], since: int, seconds: float = 10, what: str = "an event"
    ) -> Event:
        found: list[Event] = []

        def seen() -> bool:
            found[:] = [event for event in self.heard()[since:] if matches(event)]
            return bool(found)

        self.wait_for(seen, seconds, what, lambda: json.dumps(self._events[since:], ensure_ascii=False))
        return found[0]

    def announcements(self, since: int) -> list[str]:
        return [e["data"] for e in self.heard()[since:] if e["type"] == "object:announcement"]

    def wait_announcement(self, contains: str, since: int, seconds: float = 10) -> str:
        event = self.wait_event(
            lambda e: e["type"] == "object:announcement" and contains in str(e["data"]),
            since,
            seconds,
            f"an announcement with {contains!r}",
        )
        return str(event["data"])

    def wait_focus(self, matches: Callable[[Node], bool], seconds: float = 10, what: str = "focus") -> Node:
        found: list[Node] = []

        def seen() -> bool:
            now = self.focused()
            if now is not None and matches(now):
                found[:] = [now]
                return True
            return False

        self.wait_for(seen, seconds, what, lambda: json.dumps(self.focused(), ensure_ascii=False))
        return found[0]

    def wait_for(
        self,
        condition: Callable[[], object],
        seconds: float,
        what: str,
        state: Callable[[], str] | None = None,
    ) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                detail = state() if state is not None else ""
                pytest.fail(f"waited {seconds} s for {what}. {detail}")
            time.sleep(0.05)

    # -- the keyboard ----------------------------------------------------------------------------

    def xdotool(self, *arguments: str) -> str:
        done = subprocess.run(
            ["xdotool", *arguments], env=self.env, capture_output=True, text=True, timeout=10, check=False
        )
        return done.stdout.strip()

    def activate_window(self) -> None:
        """Keys go to the active window: make it the kiosk's (openbox may map it unfocused)."""
        assert self._kiosk is not None
        windows: list[str] = []
        attempts = itertools.count()
        asked = [0.0]

        def active() -> bool:
            windows[:] = self.xdotool("search", "--onlyvisible", "--pid", str(self._kiosk.pid)).split()
            if not windows:
                return False
            if self.xdotool("getactivewindow") in windows:
                return True
            if time.monotonic() < asked[0] + 0.5:
                return False
            asked[0] = time.monotonic()
            # Under load openbox may not yet manage the newest window, or the pid may own more than one
            # (the window and a helper): ask for each in turn, newest first, and let focus follow.
            attempt = next(attempts)
            target = windows[-1 - attempt % len(windows)]
            self.xdotool("windowactivate", target)
            if attempt % 4 == 3:
                self.xdotool("windowfocus", target)
            return False

        self.wait_for(
            active,
            30,
            "the kiosk's window to be mapped and active",
            # What to look at when it never is: the kiosk's windows, the one active, the window manager.
            lambda: (
                f"windows {windows}, active {self.xdotool('getactivewindow')!r}; "
                f"openbox: {self.log_text('openbox')[-500:]!r}"
            ),
        )

    def key(self, *keys: str) -> None:
        """Keys as xdotool names them: Tab, shift+Tab, Return, Escape, alt+Home, slash."""
        self.xdotool("key", "--clearmodifiers", *keys)

    def type_text(self, text: str) -> None:
        self.xdotool("type", "--delay", "20", text)

    # -- moving about, as a blind visitor does -----------------------------------------------------

    def tab_to(self, matches: Callable[[Event], bool], what: str, limit: int = 40) -> Event:
        """Tab (one key at a time, each answered by a focus event) until the focus is on what matches."""
        for _ in range(limit):
            since = self.mark()
            self.key("Tab")
            event = self.wait_event(lambda e: e["type"] == "focus:", since, 10, "the focus to move on Tab")
            if matches(event):
                return event
        pytest.fail(f"{limit} Tabs did not reach {what}")

    def focus_after(self, keys: tuple[str, ...], matches: Callable[[Event], bool], what: str) -> Event:
        """Press keys; the first focus event after them that matches."""
        since = self.mark()
        self.key(*keys)
        return self.wait_event(lambda e: e["type"] == "focus:" and matches(e), since, 10, what)

    def grab(self, path: Path) -> Path:
        """The screen as a sighted visitor sees it (focus rings included), as a PNG: to look at."""
        probe = subprocess.run(
            [sys.executable, str(PROBE)],
            input=f"grab {path}\n",
            env={**self.env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "0"},
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert path.exists(), f"no grab: {probe.stderr[-500:]}"
        return path

    def language_button(self, native_name: str) -> Node:
        found = self.node(role="radio button", name=native_name)
        assert found is not None, f"no language button named {native_name!r}"
        return found


def started_stack(
    tmp_path_factory: pytest.TempPathFactory, content: Path, **options: Any
) -> Iterator[ScreenReaderStack]:
    """For a module-scoped fixture: one kiosk, one display and one bus for all of a module's tests.
    `options` are ScreenReaderStack's: arguments, at, machine_config."""
    stack = ScreenReaderStack(content=content, **options)
    try:
        stack.start(tmp_path_factory.mktemp("a11y"))
        yield stack
    finally:
        stack.stop()
