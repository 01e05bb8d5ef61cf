"""The app's event loop: in a window on a laptop, or locked down at a booth (kiosk mode)."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QTimer

from kiosk.booth import paths
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, application, build_window
from kiosk.ui.keyboard import use_on_screen_keyboard
from kiosk.ui.once import after_first_frame, connect_once
from kiosk.ui.speech import SYSTEM_ENGINE

log = logging.getLogger(__name__)
# After start-up's work (the search index, the first pages) is done.
WAITING_SCREEN_DELAY_MS = 3000
GARBAGE_COLLECTION_AT_THE_LATEST_MS = 10_000


def run_window(
    compiled: dict[str, Any],
    content_root: Path,
    *,
    size: tuple[int, int] | None = None,
    start_route: str = "home",
    quit_after_first_frame: bool = False,
    touch_keyboard: str = "auto",
    kiosk_mode: bool = False,
    safe_mode: bool = False,
    intended_content: Path | None = None,
    supervised: bool = False,
    packs_in_use: bool = False,
) -> int:
    """`kiosk_mode`: fullscreen, locked, visitor sessions. `safe_mode`: the supervisor fell back to the
    bundled content after a crash loop; `intended_content` is the content it should have shown.
    `packs_in_use`: no content folder was named, so an installed content pack is what shows."""
    on_screen_keyboard = use_on_screen_keyboard(touch_keyboard)
    app = application(sys.argv[:1])
    pages = Pages(compiled, content_root)
    if not pages.exists(start_route):
        print(f"No page has the route '{start_route}'; opening the home page.", file=sys.stderr)
    try:
        shown = build_window(
            pages,
            size=QSize(*size) if size and not kiosk_mode else None,
            start_route=start_route,
            # In a window the visitor's reading preferences are remembered from one run to the next;
            # at a booth they belong to one visitor only.
            preferences_store=None if kiosk_mode else paths.user_config() / "preferences.json",
            touch_keyboard=on_screen_keyboard,
            visitor_sessions=kiosk_mode,
            locked=kiosk_mode,
            safe_mode=safe_mode,
            self_test_content=intended_content if safe_mode else None,
            visits_database=paths.user_data() / "visits.db",
            packs_in_use=packs_in_use,
            speech_engine=SYSTEM_ENGINE,
        )
    except RuntimeError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    keep_alive = _operate(
        app, shown, kiosk_mode=kiosk_mode, supervised=supervised, content=intended_content or content_root
    )
    if supervised and not safe_mode:
        # Safe mode shows the bundled content: the screen keeps the name of the content meant to show.
        _describe_waiting_screen(shown, pages)
    after_first_frame(shown.window, resume_garbage_collection)
    # And in any case soon: a window kept from drawing (a screen turned off) must not leave it off.
    QTimer.singleShot(GARBAGE_COLLECTION_AT_THE_LATEST_MS, resume_garbage_collection)
    if quit_after_first_frame:

        def first_frame() -> None:
            print("first-frame", flush=True)
            # Not quit(): it asks every window to close, and a locked kiosk window refuses.
            QTimer.singleShot(0, lambda: app.exit(0))

        connect_once(shown.window.frameSwapped, first_frame)
    status = app.exec()
    for thing in keep_alive:
        release = getattr(thing, "release", None)
        if callable(release):
            release()
    shown.dispose()
    return status


def resume_garbage_collection() -> None:
    """Turn Python's collector back on (the command line turns it off for a start) without a first
    collection over everything start-up made: those objects (modules, classes, the view models, the
    content) live as long as the window, so they are frozen, out of every later collection's way."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _describe_waiting_screen(shown: KioskWindow, pages: Pages) -> None:
    """Tell the supervisor's "back in a moment" screen what to show (this content's name, the words in
    its languages), a few seconds after start: it costs start-up nothing."""
    from kiosk.booth.supervised import WAITING_SCREEN_ENV

    target = os.environ.get(WAITING_SCREEN_ENV)
    if not target:
        return

    def describe() -> None:
        from kiosk.ui.waiting import waiting_screen_text, write_waiting_screen

        write_waiting_screen(Path(target), waiting_screen_text(pages, shown.translations.translate_in))

    QTimer.singleShot(WAITING_SCREEN_DELAY_MS, describe)


def _leave_for_a_new_window() -> None:
    """The window is gone but the process runs: end it at once, so the supervisor starts a new UI
    (seconds) rather than waiting for the heartbeat's timeout. No clean close: closing a window that
    no longer exists can itself hang."""
    from kiosk.booth.supervised import WINDOW_LOST_EXIT_CODE

    log.critical("The kiosk window is gone: ending the UI so that the supervisor starts a new one")
    logging.shutdown()
    os._exit(WINDOW_LOST_EXIT_CODE)


def _operate(app: Any, shown: KioskWindow, *, kiosk_mode: bool, supervised: bool, content: Path) -> list[Any]:
    """What a running kiosk needs beyond its window: the admin's ways out, a heartbeat for the
    supervisor, the screen kept awake, and a clean stop when the system asks."""
    admin = shown.admin

    # The supervisor's own codes, imported when used: start-up need not load the supervisor.
    def leave() -> None:
        from kiosk.booth.supervised import LEAVE_EXIT_CODE

        app.exit(LEAVE_EXIT_CODE)

    def restart() -> None:
        from kiosk.booth.supervised import RESTART_EXIT_CODE

        if supervised:
            app.exit(RESTART_EXIT_CODE)
            return
        # Nobody to start it again: start a new process first, then leave.
        from PySide6.QtCore import QProcess

        program, *arguments = paths.kiosk_command(*sys.argv[1:])
        QProcess.startDetached(program, arguments)
        leave()

    def reload() -> None:
        # Reading the content afresh is what a start does (validation, caches, the search index), but
        # only content that validates is worth a restart: otherwise the kiosk keeps what it shows.
        from kiosk.booth.buildinfo import code_fingerprint
        from kiosk.core.cache import load_cached
        from kiosk.core.problems import errors

        result, _cached = load_cached(content, paths.user_cache(), salt=code_fingerprint())
        if result.compiled is None:
            for problem in errors(result.problems)[:20]:
                log.error("%s/%s", content, problem)
            log.error("Reload refused: the content in %s has errors (above); nothing changed", content)
            admin.refresh()
            return
        restart()

    admin.exitRequested.connect(leave)
    admin.restartRequested.connect(restart)
    admin.reloadRequested.connect(reload)

    kept: list[Any] = []
    if supervised:
        from kiosk.ui.heartbeat import start_heartbeat_from_environment

        # The beat proves frames of this window reach the screen, not only that a timer ticks.
        heartbeat = start_heartbeat_from_environment(window=shown.window)
        if heartbeat is not None:
            heartbeat.windowLost.connect(_leave_for_a_new_window)
        kept.append(heartbeat)
    if kiosk_mode:
        from kiosk.ui.onscreen import ScreenKeeper

        keeper = ScreenKeeper(shown.window)
        keeper.start()
        kept.append(keeper)
        from kiosk.ui.screensaver import ScreenSaverInhibitor

        inhibitor = ScreenSaverInhibitor()
        inhibitor.inhibit()
        kept.append(inhibitor)

    # Python runs signal handlers only when it holds the interpreter: a timer gives it the chance.
    def stop(signum: int, _frame: object) -> None:
        log.info("stopping on signal %s", signum)
        leave()

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    ticker = QTimer(app)
    ticker.setInterval(500)
    ticker.timeout.connect(lambda: None)
    ticker.start()
    kept.append(ticker)
    return kept
