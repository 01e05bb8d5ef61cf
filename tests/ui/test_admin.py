"""The PIN pad and the admin panel on the real QML, driven as staff would with a finger or a keyboard."""

from __future__ import annotations

import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.core.pages import Pages
from kiosk.core.pin import PinStore
from kiosk.ui.admin import AdminViewModel, disk_space, memory_in_use
from tests.core.contentkit import build_valid_content

from .conftest import all_items, find, names, save_grab, tap, text_of

HARNESS = Path(__file__).resolve().parent / "admin_harness.qml"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "media"
PIN = "2468"
SIZES = [(1920, 1080), (1080, 1920)]


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="module")
def pin_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Hashed once for the module: scrypt is slow on purpose.
    store = PinStore(tmp_path_factory.mktemp("config") / "admin-pin.json")
    store.set(PIN)
    return store.path


@pytest.fixture
def store(pin_file: Path, tmp_path: Path) -> PinStore:
    copy = tmp_path / "admin-pin.json"
    shutil.copy(pin_file, copy)
    return PinStore(copy)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


Problems = list[tuple[float, str, str]]


@pytest.fixture
def problems() -> Problems:
    return []


@pytest.fixture
def make_admin(
    bundled_pages: Pages, store: PinStore, clock: FakeClock, problems: Problems, tmp_path: Path
) -> Iterator[Callable[..., AdminViewModel]]:
    made: list[AdminViewModel] = []

    def make(**options: Any) -> AdminViewModel:
        settings: dict[str, Any] = {
            "pin_store": store,
            "clock": clock,
            "recent_problems": lambda: list(problems),
            "cache_dir": tmp_path / "cache",
            "log_folder": tmp_path / "logs",
            "tick_ms": 20,
            "refresh_ms": 20,
            **options,
        }
        admin = AdminViewModel(settings.pop("pages", bundled_pages), **settings)
        made.append(admin)
        return admin

    yield make
    for admin in made:
        admin.release()


@pytest.fixture
def admin(make_admin: Callable[..., AdminViewModel]) -> AdminViewModel:
    return make_admin()


class Harness:
    def __init__(self, admin: AdminViewModel, size: tuple[int, int]) -> None:
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(paths.qml_import_path()))
        self.engine.setInitialProperties({"admin": admin, "width": size[0], "height": size[1]})
        self.engine.load(QUrl.fromLocalFile(str(HARNESS)))
        roots = self.engine.rootObjects()
        assert roots and isinstance(roots[0], QQuickWindow), "the harness did not load"
        self.window: QQuickWindow = roots[0]
        QTest.qWaitForWindowExposed(self.window)
        self.window.requestActivate()

    def count(self, name: str) -> int:
        return int(self.window.property(name))

    @property
    def showing(self) -> str:
        return str(self.window.property("showing"))

    def dispose(self) -> None:
        self.window.close()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def open_harness(qtbot: Any) -> Iterator[Callable[..., Harness]]:
    opened: list[Harness] = []

    def open_(admin: AdminViewModel, size: tuple[int, int] = (1920, 1080), showing: str = "pad") -> Harness:
        harness = Harness(admin, size)
        harness.window.setProperty("showing", showing)
        opened.append(harness)
        return harness

    yield open_
    for harness in opened:
        harness.dispose()


def tap_pin(window: QQuickWindow, digits: str) -> None:
    for digit in digits:
        tap(window, find(window, f"pinKey:{digit}"))
    tap(window, find(window, "pinOk"))


def visible_texts(window: QQuickWindow) -> list[str]:
    return [
        str(item.property("text"))
        for item in all_items(window.contentItem())
        if item.isVisible() and item.property("text") is not None
    ]


# --- The view model --------------------------------------------------------------------------------


def test_a_wrong_pin_says_how_many_attempts_are_left(admin: AdminViewModel, qtbot: Any) -> None:
    results: list[str] = []
    admin.pinResult.connect(results.append)
    assert admin.submitPin("1111") == "wrong"
    assert results == ["wrong"]
    assert (admin.pinStatus, admin.attemptsLeft, admin.locked) == ("wrong", 4, False)
    assert admin.message == "Wrong PIN. 4 attempt(s) left."
    assert not admin.panelOpen


def test_the_lock_counts_down_with_the_clock_and_ends(
    admin: AdminViewModel, clock: FakeClock, qtbot: Any
) -> None:
    for _ in range(4):
        admin.submitPin("1111")
    assert admin.submitPin("1111") == "locked"
    assert (admin.locked, admin.lockSecondsLeft, admin.pinStatus) == (True, 60, "locked")
    assert admin.message == "Too many wrong PINs. Try again in 60 s."
    assert admin.submitPin(PIN) == "locked", "the right PIN must not open a locked pad"
    clock.advance(45)
    with qtbot.waitSignal(admin.pinChanged, timeout=10_000):
        pass
    assert admin.lockSecondsLeft == 15
    clock.advance(15)
    qtbot.waitUntil(lambda: not admin.locked and admin.pinStatus == "", timeout=10_000)
    assert admin.attemptsLeft == 5
    assert admin.submitPin(PIN) == "ok"


def test_the_right_pin_opens_the_panel(admin: AdminViewModel, qtbot: Any) -> None:
    admin.submitPin("1111")
    with qtbot.waitSignal(admin.accepted, timeout=10_000):
        assert admin.submitPin(PIN) == "ok"
    assert admin.panelOpen
    assert admin.attemptsLeft == 5


def test_without_a_pin_set_the_pad_says_how_to_set_one(
    make_admin: Callable[..., AdminViewModel], tmp_path: Path
) -> None:
    admin = make_admin(pin_store=PinStore(tmp_path / "none" / "admin-pin.json"))
    admin.startPinEntry()
    assert admin.pinStatus == "notSet"
    assert admin.submitPin("0000") == "wrong"
    assert admin.pinStatus == "notSet"
    assert "kiosk set-pin" in admin.message
    assert admin.attemptsLeft == 5, "guesses against no PIN are not counted"


def test_wrong_pins_are_logged_for_the_panel_to_show(admin: AdminViewModel, caplog: Any) -> None:
    for _ in range(5):
        admin.submitPin("1111")
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings[0] == "wrong admin PIN (4 attempt(s) left)"
    assert warnings[-1] == "admin PIN pad locked for a minute after too many wrong PINs"
    assert not any(PIN in w or "1111" in w for w in warnings)


def test_the_information_staff_see(
    make_admin: Callable[..., AdminViewModel], bundled_pages: Pages, clock: FakeClock, problems: Problems
) -> None:
    problems.extend(
        [
            (time.time() - 120, "WARNING", "older one"),
            (time.time() - 60, "ERROR", "newest one\nTraceback (most recent call last): ..."),
        ]
    )
    admin = make_admin(safe_mode=True)
    assert admin.contentTitle == bundled_pages.agenda["title"]["en"] == "Fair migration agenda"
    assert admin.contentVersion == bundled_pages.agenda["version"]
    assert admin.reviewed == str(bundled_pages.agenda["reviewed"])
    assert admin.contentFolder == str(paths.bundled_content())
    assert admin.safeMode
    assert admin.uptimeSeconds == 0
    clock.advance(3725)
    assert admin.uptimeSeconds == 3725
    if sys.platform == "linux":
        assert 20e6 < admin.memoryBytes < 4e9
    assert [d["name"] for d in admin.disks] == ["content", "cache"]
    assert all(0 < d["free"] <= d["total"] for d in admin.disks)
    errors = admin.recentErrors
    assert [e["text"] for e in errors] == ["newest one", "older one"], "newest first, first line only"
    assert errors[0]["level"] == "ERROR"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", errors[0]["time"])


def test_a_broken_log_does_not_stop_the_panel(make_admin: Callable[..., AdminViewModel]) -> None:
    def broken() -> Problems:
        raise RuntimeError("log handler gone")

    admin = make_admin(recent_problems=broken)
    assert admin.recentErrors == []


def test_machine_figures() -> None:
    memory = memory_in_use()
    assert memory is not None and memory > 10 * 1024 * 1024
    free, total = disk_space(Path(__file__)) or (0, 0)
    assert 0 < free <= total
    # The cache may not exist yet: its disk is still found.
    assert disk_space(Path(__file__).parent / "not" / "made" / "yet") == pytest.approx(
        (free, total), rel=0.01
    )


def test_figures_refresh_only_while_the_panel_is_open(admin: AdminViewModel, qtbot: Any) -> None:
    refreshed: list[int] = []
    admin.infoChanged.connect(lambda: refreshed.append(1))
    qtbot.wait(150)
    assert refreshed == [], "a closed panel must cost the kiosk nothing"
    admin.submitPin(PIN)
    qtbot.waitUntil(lambda: len(refreshed) >= 3, timeout=10_000)
    admin.close()
    settled = len(refreshed)
    qtbot.wait(150)
    assert len(refreshed) == settled


def test_the_panel_closes_itself_when_left_alone(admin: AdminViewModel, clock: FakeClock, qtbot: Any) -> None:
    admin.submitPin(PIN)
    clock.advance(100)
    admin.touched()
    clock.advance(100)
    qtbot.wait(100)
    assert admin.panelOpen, "touched 100 s ago: still in use"
    with qtbot.waitSignal(admin.closed, timeout=10_000):
        clock.advance(21)
    assert not admin.panelOpen


def fake_self_test(*lines: str, exit_code: int = 0, pause: float = 0.0) -> Callable[[Path], list[str]]:
    script = "import sys, time\n"
    for line in lines:
        script += f"print({line!r}, flush=True)\ntime.sleep({pause})\n"
    script += f"sys.exit({exit_code})\n"
    return lambda content: [sys.executable, "-c", script]


def test_the_self_test_runs_in_its_own_process_and_its_lines_arrive(
    make_admin: Callable[..., AdminViewModel], qtbot: Any
) -> None:
    admin = make_admin(
        self_test=fake_self_test("PASS  one: fine", "PASS  two: fine", "Self-test passed", pause=0.3)
    )
    admin.runSelfTest()
    assert admin.selfTestRunning and admin.selfTestStatus == "running"
    qtbot.waitUntil(lambda: admin.selfTestLog == ["PASS  one: fine"], timeout=5000)
    assert admin.selfTestRunning, "the first line is shown while the test goes on"
    qtbot.waitUntil(lambda: not admin.selfTestRunning, timeout=5000)
    assert admin.selfTestLog == ["PASS  one: fine", "PASS  two: fine", "Self-test passed"]
    assert admin.selfTestPassed and admin.selfTestStatus == "passed"


def test_a_failed_self_test(make_admin: Callable[..., AdminViewModel], qtbot: Any) -> None:
    admin = make_admin(self_test=fake_self_test("FAIL  video x.mp4: broken", exit_code=1))
    admin.runSelfTest()
    qtbot.waitUntil(lambda: not admin.selfTestRunning, timeout=5000)
    assert (admin.selfTestPassed, admin.selfTestStatus) == (False, "failed")
    assert admin.selfTestLog == ["FAIL  video x.mp4: broken"]


def test_a_self_test_that_crashes_or_cannot_start_says_so(
    make_admin: Callable[..., AdminViewModel], qtbot: Any
) -> None:
    crashing = make_admin(self_test=fake_self_test("PASS  one: fine", exit_code=-11 & 0xFF))
    crashing.runSelfTest()
    qtbot.waitUntil(lambda: not crashing.selfTestRunning, timeout=5000)
    assert crashing.selfTestStatus == "failed"
    assert "The self-test stopped unexpectedly (exit code 245)." in crashing.selfTestLog
    missing = make_admin(self_test=lambda content: ["/nonexistent/kiosk-program", "self-test"])
    missing.runSelfTest()
    qtbot.waitUntil(lambda: not missing.selfTestRunning, timeout=5000)
    assert missing.selfTestStatus == "failed"
    assert missing.selfTestLog[0].startswith("The self-test could not start")


def test_closing_the_panel_stops_a_running_self_test(
    make_admin: Callable[..., AdminViewModel], qtbot: Any
) -> None:
    admin = make_admin(self_test=fake_self_test("PASS  one: fine", "never shown", pause=30))
    admin.submitPin(PIN)
    admin.runSelfTest()
    qtbot.waitUntil(lambda: admin.selfTestLog == ["PASS  one: fine"], timeout=5000)
    started = time.monotonic()
    admin.close()
    assert time.monotonic() - started < 3
    assert not admin.selfTestRunning
    assert admin.selfTestLog[-1] == "The self-test was stopped."


# --- The PIN pad on screen ---------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_pad_shows_dots_never_digits_and_opens_with_the_right_pin(
    admin: AdminViewModel, open_harness: Callable[..., Harness], size: tuple[int, int], tmp_path: Path
) -> None:
    harness = open_harness(admin, size)
    window = harness.window
    assert text_of(window, "pinMessage") == "Enter the admin PIN, then OK."
    assert not find(window, "pinOk").isEnabled()
    for count, digit in enumerate(PIN, start=1):
        tap(window, find(window, f"pinKey:{digit}"))
        assert find(window, "pinDots").property("count") == count
    assert not any(PIN[:2] in text for text in visible_texts(window)), "a digit typed is on screen"
    assert all(find(window, f"pinDot:{i}").property("color").alpha() == 255 for i in range(4)), "dots filled"
    save_grab(window, tmp_path / f"pinpad-{size[0]}x{size[1]}.png")
    tap(window, find(window, "pinOk"))
    assert harness.count("acceptedCount") == 1
    assert harness.showing == "panel"
    assert admin.panelOpen


def test_a_wrong_pin_on_screen(admin: AdminViewModel, open_harness: Callable[..., Harness]) -> None:
    window = open_harness(admin).window
    tap_pin(window, "1357")
    # "attempt(s)" until kiosk_en.ts has the plural, "attempts" after.
    assert re.match(r"Wrong PIN\. 4 attempt", text_of(window, "pinMessage"))
    assert find(window, "pinDots").property("count") == 0, "the dots are cleared for the next try"


def test_the_lockout_on_screen_counts_down_and_ends(
    admin: AdminViewModel, open_harness: Callable[..., Harness], clock: FakeClock, qtbot: Any
) -> None:
    harness = open_harness(admin)
    window = harness.window
    for _ in range(5):
        tap_pin(window, "1357")
    assert re.match(r"Too many wrong PINs\. Try again in 60 second", text_of(window, "pinMessage"))
    assert not find(window, "pinKey:1").isEnabled()
    assert not find(window, "pinOk").isEnabled()
    assert find(window, "pinCancel").isEnabled(), "staff can always step back"
    # The keyboard cannot type either.
    QTest.keyClick(window, "2")
    assert find(window, "pinDots").property("count") == 0
    clock.advance(42)
    qtbot.waitUntil(lambda: "in 18 second" in text_of(window, "pinMessage"), timeout=10_000)
    clock.advance(18)
    qtbot.waitUntil(lambda: text_of(window, "pinMessage") == "Enter the admin PIN, then OK.", timeout=10_000)
    assert find(window, "pinKey:1").isEnabled()
    tap_pin(window, PIN)
    assert harness.count("acceptedCount") == 1


def test_the_pad_says_how_to_set_a_pin_when_none_is_set(
    make_admin: Callable[..., AdminViewModel], open_harness: Callable[..., Harness], tmp_path: Path
) -> None:
    admin = make_admin(pin_store=PinStore(tmp_path / "none" / "admin-pin.json"))
    harness = open_harness(admin)
    # The command is kept whole: a no-break space and a no-break hyphen.
    expected = "No admin PIN is set on this machine. Set one with: kiosk\u00a0set\u2011pin"
    assert text_of(harness.window, "pinMessage") == expected
    tap_pin(harness.window, "0000")
    assert text_of(harness.window, "pinMessage") == expected
    assert harness.count("acceptedCount") == 0


def test_the_pad_works_from_a_keyboard(admin: AdminViewModel, open_harness: Callable[..., Harness]) -> None:
    harness = open_harness(admin)
    window = harness.window
    for key in "24":
        QTest.keyClick(window, key)
    QTest.keyClick(window, "9")
    # Backspace erases a digit here; in the kiosk it would be Back.
    QTest.keyClick(window, Qt.Key.Key_Backspace)
    assert find(window, "pinDots").property("count") == 2
    for key in "68":
        QTest.keyClick(window, key)
    QTest.keyClick(window, Qt.Key.Key_Return)
    assert harness.count("acceptedCount") == 1
    assert harness.count("backShortcutCount") == 0, "Backspace went to the window's Back shortcut"


def test_escape_and_cancel_close_the_pad(admin: AdminViewModel, open_harness: Callable[..., Harness]) -> None:
    harness = open_harness(admin)
    QTest.keyClick(harness.window, Qt.Key.Key_Escape)
    assert (harness.count("padClosedCount"), harness.showing) == (1, "")
    assert harness.count("backShortcutCount") == 0
    harness.window.setProperty("showing", "pad")
    tap(harness.window, find(harness.window, "pinKey:1"))
    tap(harness.window, find(harness.window, "pinCancel"))
    assert harness.count("padClosedCount") == 2
    assert harness.count("acceptedCount") == 0


def test_a_half_typed_pin_does_not_wait_for_the_next_visitor(
    admin: AdminViewModel, open_harness: Callable[..., Harness], qtbot: Any
) -> None:
    harness = open_harness(admin)
    pad = find(harness.window, "pinPad")
    pad.setProperty("idleCloseMs", 100)
    tap(harness.window, find(harness.window, "pinKey:2"))
    qtbot.waitUntil(lambda: harness.count("padClosedCount") == 1, timeout=10_000)


def test_pad_controls_have_accessible_names(
    admin: AdminViewModel, open_harness: Callable[..., Harness]
) -> None:
    from PySide6.QtGui import QAccessible

    window = open_harness(admin).window
    for name in ["pinKey:5", "pinErase", "pinOk", "pinCancel"]:
        item = find(window, name)
        interface = QAccessible.queryAccessibleInterface(item)
        assert interface is not None and interface.text(QAccessible.Text.Name), name
    assert QAccessible.queryAccessibleInterface(find(window, "pinErase")).text(QAccessible.Text.Name) == (
        "Erase the last digit"
    )


# --- The admin panel on screen ---------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_panel_shows_what_staff_need(
    make_admin: Callable[..., AdminViewModel],
    open_harness: Callable[..., Harness],
    clock: FakeClock,
    problems: Problems,
    size: tuple[int, int],
    qtbot: Any,
    tmp_path: Path,
) -> None:
    problems.append((time.time(), "ERROR", "video media/x.mp4 cannot play: FormatError"))
    # Left open for hours here: the idle close is tested on its own.
    admin = make_admin(safe_mode=True, idle_close_seconds=10**9)
    admin.submitPin(PIN)
    window = open_harness(admin, size, showing="panel").window
    assert text_of(window, "info:title") == "Fair migration agenda"
    assert text_of(window, "info:version") == admin.contentVersion
    assert text_of(window, "info:reviewed") == admin.reviewed
    assert text_of(window, "info:uptime") == "0 s"
    assert re.fullmatch(r"\d+ MB", text_of(window, "info:memory"))
    assert re.fullmatch(r"[\d.]+ GB free of [\d.]+ GB", text_of(window, "info:diskContent"))
    clock.advance(2 * 3600 + 5 * 60 + 7)
    qtbot.waitUntil(lambda: text_of(window, "info:uptime") == "2 h 5 min", timeout=10_000)
    assert "video media/x.mp4 cannot play: FormatError" in visible_texts(window)
    assert find(window, "safeModeNote").isVisible()
    for item in all_items(window.contentItem()):
        if item.isVisible() and item.objectName().endswith("Button"):
            corner = item.mapToScene(item.boundingRect().topLeft())
            assert item.width() >= 48 and item.height() >= 48, item.objectName()
            assert corner.x() >= 0 and corner.x() + item.width() <= size[0] + 0.5, item.objectName()
            assert corner.y() >= 0 and corner.y() + item.height() <= size[1] + 0.5, item.objectName()
    save_grab(window, tmp_path / f"panel-{size[0]}x{size[1]}.png")


def test_no_errors_and_no_safe_mode(admin: AdminViewModel, open_harness: Callable[..., Harness]) -> None:
    window = open_harness(admin, showing="panel").window
    assert text_of(window, "noErrors") == "Nothing has gone wrong since the kiosk started."
    assert names(window, "safeModeNote") == []


@pytest.mark.qt_log_ignore("Could not open media")
def test_the_real_self_test_output_appears_as_it_comes(
    make_admin: Callable[..., AdminViewModel],
    open_harness: Callable[..., Harness],
    tmp_path: Path,
    qtbot: Any,
) -> None:
    content = build_valid_content(tmp_path / "content")
    shutil.copy(FIXTURES / "garbage.mp4", content.path("media/clip.mp4"))
    shutil.copy(
        paths.bundled_content() / "documents/fair-migration-agenda-handout.pdf",
        content.path("documents/paper.pdf"),
    )
    pages = Pages(content.load().compiled or {}, content.root)
    admin = make_admin(pages=pages)
    admin.submitPin(PIN)
    window = open_harness(admin, showing="panel").window
    assert names(window, "selfTestLine:") == []
    tap(window, find(window, "runSelfTestButton"))
    assert text_of(window, "selfTestStatus") == "Running\u2026"
    assert not find(window, "runSelfTestButton").isEnabled()
    qtbot.waitUntil(lambda: not admin.selfTestRunning, timeout=60000)
    lines = [text_of(window, name) for name in names(window, "selfTestLine:")]
    assert lines[0] == f"Self-test of the content in {content.root}"
    assert "FAIL  video media/clip.mp4: The video is in a format this kiosk cannot play." in lines
    assert lines[-1].startswith("Self-test FAILED: 1 of")
    assert text_of(window, "selfTestStatus") == "Failed"
    assert find(window, "runSelfTestButton").isEnabled()


def test_exit_and_restart_ask_once_more_reload_does_not(
    admin: AdminViewModel, open_harness: Callable[..., Harness], qtbot: Any
) -> None:
    asked: list[str] = []
    admin.exitRequested.connect(lambda: asked.append("exit"))
    admin.restartRequested.connect(lambda: asked.append("restart"))
    admin.reloadRequested.connect(lambda: asked.append("reload"))
    window = open_harness(admin, showing="panel").window
    tap(window, find(window, "exitButton"))
    assert asked == []
    assert text_of(window, "confirmQuestion").startswith("Exit to the desktop?")
    tap(window, find(window, "confirmCancelButton"))
    assert asked == [] and names(window, "confirmQuestion") == []
    tap(window, find(window, "exitButton"))
    tap(window, find(window, "confirmButton"))
    assert asked == ["exit"]
    tap(window, find(window, "restartButton"))
    assert text_of(window, "confirmQuestion").startswith("Restart the kiosk?")
    tap(window, find(window, "confirmButton"))
    assert asked == ["exit", "restart"]
    tap(window, find(window, "reloadButton"))
    assert asked == ["exit", "restart", "reload"]


def test_close_hands_back_to_the_kiosk(admin: AdminViewModel, open_harness: Callable[..., Harness]) -> None:
    admin.submitPin(PIN)
    harness = open_harness(admin, showing="panel")
    tap(harness.window, find(harness.window, "adminCloseButton"))
    assert harness.count("panelClosedCount") == 1
    assert harness.showing == ""
    assert not admin.panelOpen


def test_the_panel_closing_by_itself_closes_the_view(
    admin: AdminViewModel, open_harness: Callable[..., Harness], clock: FakeClock, qtbot: Any
) -> None:
    admin.submitPin(PIN)
    harness = open_harness(admin, showing="panel")
    clock.advance(121)
    qtbot.waitUntil(lambda: harness.count("panelClosedCount") == 1, timeout=10_000)
