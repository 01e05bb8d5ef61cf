"""Start-up and wiring: the one place that decides which object gets which service."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.booth import paths
from kiosk.booth.memory import limit_heap_arenas, return_free_memory, small_image_atlas
from kiosk.core.pages import ATTRACT, HOME, Pages
from kiosk.core.pin import PinStore, default_pin_file
from kiosk.core.session import VisitorSession
from kiosk.ui.admin import AdminViewModel
from kiosk.ui.adminviews import AdminViews
from kiosk.ui.documents import DocumentViewer
from kiosk.ui.fonts import load_bundled_fonts, load_content_fonts
from kiosk.ui.guard import InputGuard
from kiosk.ui.media import NO_FRAME_TIMEOUT_MS, VideoPlayer, load_multimedia
from kiosk.ui.once import after_first_frame
from kiosk.ui.preferences import PreferencesViewModel
from kiosk.ui.programme import ProgrammeViewModel, utc_now
from kiosk.ui.qr import CodesAhead, QrImageProvider, now_and_next_routes
from kiosk.ui.qr import load_in_background as load_qr_codes_module
from kiosk.ui.search import SearchViewModel
from kiosk.ui.session import SessionViewModel, invitations_for
from kiosk.ui.speech import ReadAloudViewModel
from kiosk.ui.translations import Translations
from kiosk.ui.viewmodels import KioskViewModel

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import datetime

    from kiosk.core.analytics import Recorder
    from kiosk.core.visits import VisitTracker
    from kiosk.ui.dashboard import DashboardViewModel
    from kiosk.ui.updates import ContentUpdatesViewModel

QML_MODULE = "FairMigrationKiosk"
# A watched folder of content packs is looked at after each visitor, and this often while nobody is there.
PACK_FOLDER_CHECK_MS = 5 * 60 * 1000
FIRST_PACK_FOLDER_CHECK_MS = 20 * 1000
# After a visitor leaves, a second trim once the media threads have let go of their buffers.
LATE_TRIM_MS = 2000
# What no first page needs but a tap may, loaded this long after the first frame (not by it).
AFTER_FIRST_FRAME_MS = 1000


class KioskWindow:
    """What build_window made. A plain class, not a dataclass: start-up imports no dataclass at all (making
    one, and importing their module, costs about 1 ms)."""

    def __init__(
        self,
        engine: QQmlApplicationEngine,
        window: QQuickWindow,
        kiosk: KioskViewModel,
        player: VideoPlayer,
        documents: DocumentViewer,
        search: SearchViewModel,
        preferences: PreferencesViewModel,
        translations: Translations,
        session: SessionViewModel,
        guard: InputGuard,
        admin: AdminViewModel,
        *,
        admin_views: AdminViews | None = None,
        visits: VisitTracker | None = None,
        recorder: Recorder | None = None,
        programme: ProgrammeViewModel | None = None,
        read_aloud: ReadAloudViewModel | None = None,
    ) -> None:
        self.engine = engine
        self.window = window
        self.kiosk = kiosk
        self.player = player
        self.documents = documents
        self.search = search
        self.preferences = preferences
        self.translations = translations
        self.session = session
        self.guard = guard
        self.admin = admin
        # Anything else the wiring made that must live as long as the window.
        self.keep: list[Any] = []
        # The admin panel's dashboard and content updates, made when staff first open the panel.
        self.admin_views = admin_views
        # Only at a booth (visitor sessions) with the record turned on.
        self.visits = visits
        self.recorder = recorder
        self.programme = programme
        self.read_aloud = read_aloud

    def dispose(self) -> None:
        """Tear the QML down before its view model goes, so no binding sees a half-deleted model."""
        self.session.stop()
        if self.programme is not None:
            self.programme.release()
        if self.read_aloud is not None:
            self.read_aloud.release()
        if self.visits is not None:
            self.visits.leave("closed")
        if self.recorder is not None:
            self.recorder.close()
        self.admin.release()
        updates = self.admin_views.made_updates if self.admin_views else None
        if updates is not None:
            from kiosk.ui.fleetreport import FleetReporter

            for reporter in updates.findChildren(FleetReporter):
                reporter.release()
            updates.release()
        dashboard = self.admin_views.made_dashboard if self.admin_views else None
        if dashboard is not None:
            dashboard.release()
        self.window.removeEventFilter(self.guard)
        self.guard.release()
        self.player.release()
        self.documents.close()
        self.search.close()
        self.translations.release()
        self.window.close()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    @property
    def dashboard(self) -> DashboardViewModel | None:
        """The admin panel's visitor dashboard (made now if staff have not opened the panel yet)."""
        return self.admin_views.dashboard() if self.admin_views else None

    @property
    def updates(self) -> ContentUpdatesViewModel | None:
        return self.admin_views.updates() if self.admin_views else None


def application(argv: list[str] | None = None) -> QGuiApplication:
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    app = QGuiApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Fair Migration Kiosk")
    app.setOrganizationName("Fair Migration Kiosk")
    # Lets a dock or task bar match the window to the installed menu entry and its icon.
    app.setDesktopFileName(paths.APP_NAME)
    load_fonts(paths.fonts())
    return app


def load_fonts(folder: Path) -> None:
    # Without a font Qt silently draws empty boxes, so the UI never relies on system fonts.
    load_bundled_fonts(folder)


def present_locked(window: QQuickWindow, screen_number: int) -> None:
    """Kiosk mode: the whole chosen screen, no frame, above other windows, nothing to close."""
    screens = QGuiApplication.screens()
    if screens:
        window.setScreen(screens[min(screen_number, len(screens) - 1)])
        window.setGeometry(window.screen().geometry())
    # The flags are set by Main.qml: naming them here would make PySide6 build every enum of Qt's
    # namespace (20-30 ms of the booth's start).
    window.setProperty("locked", True)
    window.showFullScreen()


def build_window(
    pages: Pages,
    *,
    size: QSize | None = None,
    start_route: str = "home",
    animate: bool = True,
    language: str | None = None,
    video_timeout_ms: int = NO_FRAME_TIMEOUT_MS,
    cache_dir: Path | None = None,
    preferences_store: Path | None = None,
    touch_keyboard: bool = False,
    visitor_sessions: bool = False,
    locked: bool = False,
    clock: Callable[[], float] = time.monotonic,
    pin_store: PinStore | None = None,
    safe_mode: bool = False,
    self_test_content: Path | None = None,
    visits_database: Path | None = None,
    packs_in_use: bool = False,
    wall_clock: Callable[[], datetime.datetime] = utc_now,
    speech_engine: str | None = None,
) -> KioskWindow:
    """Create the view models and the QML window around them. Needs a QGuiApplication.

    `cache_dir` holds the search index and compiled translations (default: the per-user cache);
    `preferences_store` remembers the visitor's reading preferences (None: they last one run).
    `visitor_sessions` turns on the idle prompt, the reset and the attract loop (a kiosk at a booth);
    `locked` refuses every way out of the window (kiosk mode). `clock` is for tests.
    `pin_store` holds the admin PIN (default: this machine's); `safe_mode` says the supervisor fell
    back to the bundled content, and `self_test_content` is then the content staff need checked.
    `visits_database` holds the visit records the admin panel's dashboard summarises (None: none yet);
    a kiosk with visitor sessions also records its visits there. `packs_in_use`: the content shown is
    the installed content pack's (not a --content folder), so a newer pack replaces it.
    `wall_clock` is the time of day (an aware datetime) the programme's now and next follow: tests
    and `kiosk snapshot --at` set it.
    `speech_engine` names the text-to-speech engine that reads pages aloud (kiosk.ui.speech.SYSTEM_ENGINE,
    MOCK_ENGINE for tests; None: no Listen button).
    """
    if visitor_sessions:
        # A booth plays videos all day: keep what decoding threads leave behind where a trim finds it.
        limit_heap_arenas()
        small_image_atlas()
    cache = cache_dir or paths.user_cache()
    if pages.content_root is not None:
        # Before any text is laid out: the content's own fonts are fallbacks of every text.
        load_content_fonts(pages.content_root)
    kiosk = KioskViewModel(pages, language=language, start_route=start_route)
    translations = Translations(cache, pages.content_root)
    translations.use(kiosk.current_language())
    search = SearchViewModel(pages.compiled, pages.content_root, cache)
    search.set_language(kiosk.current_language())
    programme = ProgrammeViewModel(pages, kiosk.current_language, wall_clock)
    kiosk.navigated.connect(lambda: programme.page_shown(kiosk.current_page()))
    kiosk.languageChanged.connect(programme.tick)
    programme.page_shown(kiosk.current_page())
    preferences = PreferencesViewModel(preferences_store)
    player = VideoPlayer(no_frame_timeout_ms=video_timeout_ms)
    documents = DocumentViewer()
    # Media follow the page: a page left behind stops its video and closes its document.
    kiosk.pageChanged.connect(lambda: player.show_page(kiosk.current_page()))
    kiosk.pageChanged.connect(lambda: documents.show_page(kiosk.current_page()))
    player.show_page(kiosk.current_page())
    documents.show_page(kiosk.current_page())
    # The QR codes of the pages this one opens, made while the visitor reads it.
    codes_ahead = CodesAhead(pages.page, lambda page: now_and_next_routes(page, programme.now_next()))

    def make_codes_ahead() -> None:
        codes_ahead.show_page(kiosk.current_page(), programme.day_index())

    # Another page, another day on show, or other sessions on now and next: their codes.
    kiosk.pageChanged.connect(make_codes_ahead)
    programme.dayIndexChanged.connect(make_codes_ahead)
    programme.nowNextChanged.connect(make_codes_ahead)
    read_aloud = ReadAloudViewModel(speech_engine, pages.languages)
    # Another page or language stops the reading; a video and the reading never talk at once.
    kiosk.pageChanged.connect(lambda: read_aloud.show_page(kiosk.current_page()))
    read_aloud.show_page(kiosk.current_page())
    read_aloud.follow_days(programme)
    player.stateChanged.connect(lambda: read_aloud.stop() if player.state() == "playing" else None)
    read_aloud.changed.connect(
        lambda: player.pause() if read_aloud.is_speaking() and player.state() == "playing" else None
    )

    settings = pages.kiosk_settings()
    session = SessionViewModel(
        VisitorSession(settings["idle_seconds"], settings["prompt_seconds"]),
        enabled=visitor_sessions,
        clock=clock,
        # Watching a video, or listening to a page, is being there, even without a touch.
        busy=lambda: (
            (player.state() == "playing" and kiosk.current_route() != ATTRACT) or read_aloud.is_speaking()
        ),
        invitations=lambda: invitations_for(pages.languages, translations.translate_in),
    )

    def end_visitor_session() -> None:
        # Everything a visitor may have changed goes back to how the next visitor should find it.
        read_aloud.stop()
        player.reset_visitor_state()
        documents.reset_visitor_state()
        search.clear()
        preferences.reset()
        kiosk.setLanguage(pages.default_language)
        kiosk.show(ATTRACT)
        # Deferred: the pages and decoders just left are deleted on the next turn of the event loop.
        QTimer.singleShot(0, release_session_memory)

    def release_session_memory() -> None:
        # The QML engine's JavaScript heap is collected only now and then; after a visit is the time.
        engine.collectGarbage()
        return_free_memory()
        # Decoders and the video's textures are let go by their own threads a moment later.
        QTimer.singleShot(LATE_TRIM_MS, return_free_memory)

    def welcome_visitor() -> None:
        player.reset_visitor_state()
        kiosk.show(HOME)

    admin = AdminViewModel(
        pages,
        pin_store or PinStore(default_pin_file(paths.user_config())),
        safe_mode=safe_mode,
        self_test_content=self_test_content,
        cache_dir=cache,
        log_folder=paths.user_logs(),
        clock=clock,
    )

    def make_dashboard() -> DashboardViewModel:
        from kiosk.ui.dashboard import DashboardViewModel

        dashboard = DashboardViewModel(pages, visits_database, language=kiosk.current_language)
        # Read when staff open the panel, in the background: never at start-up.
        admin.accepted.connect(dashboard.refresh)
        if recorder is not None:
            admin.accepted.connect(lambda: dashboard.setProperty("recorderNote", recorder.status.note))
        return dashboard

    def make_updates() -> ContentUpdatesViewModel:
        from kiosk.ui.updates import ContentUpdatesViewModel

        updates = ContentUpdatesViewModel(
            pages,
            data_dir=paths.user_data(),
            config_dir=paths.user_config(),
            packs_in_use=packs_in_use,
            restarts_when_idle=visitor_sessions,
            visits_database=visits_database,
            language=kiosk.current_language,
        )
        updates.newContentReady.connect(show_new_content_if_idle)
        return updates

    views = AdminViews(make_dashboard, make_updates)
    # Made as the panel opens: its Loader (Main.qml) waits until both are on the window.
    admin.panelOpenChanged.connect(lambda: views.make_all() if admin.panelOpen else None)

    def show_new_content_if_idle() -> None:
        # Only with nobody in front of the kiosk: a visitor never sees it restart under their finger.
        updates = views.made_updates
        if updates and updates.restart_pending and visitor_sessions and kiosk.current_route() == ATTRACT:
            admin.restart()

    def between_visitors() -> None:
        show_new_content_if_idle()
        if settings.get("pack_folder") and not views.updates().restart_pending:
            views.updates().check_folder(Path(str(settings["pack_folder"])).expanduser())

    recorder = _visit_recorder(settings, visits_database) if visitor_sessions else None
    if visitor_sessions and settings.get("pack_folder"):
        updates = views.updates()  # a booth with a watched folder looks at it from the start
        log.info("watching %s for newer content packs", settings["pack_folder"])
        # An untouched kiosk has no visitors to wait for: it looks now and then during the attract loop.
        pack_watch = QTimer(updates)
        pack_watch.setInterval(PACK_FOLDER_CHECK_MS)
        pack_watch.timeout.connect(lambda: between_visitors() if kiosk.current_route() == ATTRACT else None)
        pack_watch.start()
        QTimer.singleShot(FIRST_PACK_FOLDER_CHECK_MS, pack_watch.timeout.emit)
    if recorder is not None:
        # Only a booth that records its visits needs the tracker.
        from kiosk.core.visits import STAFF, VisitTracker

        tracker = VisitTracker(recorder, clock)
        _follow_visits(tracker, kiosk, player, search, session, settings)
        # What staff do behind the PIN is no visitor's visit.
        admin.accepted.connect(lambda: tracker.leave(STAFF))
    else:
        tracker = None
    if visitor_sessions and settings.get("pack_folder"):
        from kiosk.ui.fleetreport import start_fleet_reports

        # The kiosk's status goes back through the folder its packs come from (kiosk fleet status).
        reporter = start_fleet_reports(
            views.updates(),
            settings,
            pages,
            safe_mode=safe_mode,
            data_dir=paths.user_data(),
            visits_database=visits_database,
        )
        session.resetRequested.connect(lambda: reporter.report("idle reset"))
    session.resetRequested.connect(end_visitor_session)
    session.resetRequested.connect(lambda: QTimer.singleShot(0, between_visitors))
    session.wakeRequested.connect(welcome_visitor)

    engine = QQmlApplicationEngine()

    def follow_language() -> None:
        translations.use(kiosk.current_language())
        engine.retranslate()
        search.set_language(kiosk.current_language())

    kiosk.languageChanged.connect(follow_language)

    engine.addImportPath(str(paths.qml_import_path()))
    engine.addImageProvider("qr", QrImageProvider())
    properties: dict[str, object] = {
        "kiosk": kiosk,
        "player": player,
        "documents": documents,
        "search": search,
        "preferences": preferences,
        "session": session,
        "admin": admin,
        "programme": programme,
        "readAloud": read_aloud,
        "touchKeyboard": touch_keyboard,
        "animate": animate,
    }
    if size is not None:
        properties.update(width=size.width(), height=size.height())
    # Only those made already (a booth's watched folder needs the updates from the start): None would
    # reach QML as undefined, not as the null the panel waits on.
    properties.update({name: view for name, view in views.made().items() if view is not None})
    engine.setInitialProperties(properties)
    engine.loadFromModule(QML_MODULE, "Main")
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError("the QML user interface failed to load (see the messages above)")
    window = roots[0]
    views.on_made = lambda name, view: window.setProperty(name, view)
    # Wanted as soon as a visitor might search, but not before the first page is on screen:
    # the worker thread would compete with start-up for the interpreter.
    after_first_frame(window, search.prepare)
    # The voices are looked for on their own thread, once the first page is on screen.
    after_first_frame(window, read_aloud.prepare)
    # The video's module before a visitor can tap a video, not in the first frame's time and memory.
    after_first_frame(window, load_multimedia, AFTER_FIRST_FRAME_MS)
    # The QR codes' module, on a thread of its own, before the first codes are made ahead.
    after_first_frame(window, load_qr_codes_module, 2 * AFTER_FIRST_FRAME_MS)
    corner = window.findChild(QQuickItem, "adminCorner")

    def in_staff_corner(point: QPointF) -> bool:
        return corner is not None and corner.contains(corner.mapFromScene(point))

    guard = InputGuard(session if visitor_sessions else None, locked=locked, passes_through=in_staff_corner)
    window.installEventFilter(guard)
    if locked:
        present_locked(window, int(settings["screen"]))
    if visitor_sessions:
        # A kiosk starts with nobody in front of it.
        session.start(attract=start_route == HOME)
        if start_route == HOME:
            kiosk.show(ATTRACT)
        elif tracker is not None:
            # Opened straight onto a page: someone is there already.
            tracker.arrive(kiosk.current_language())
            tracker.show(
                kiosk.current_route(), kiosk.current_language(), kiosk.current_page().get("itemKind")
            )
    return KioskWindow(
        engine,
        window,
        kiosk,
        player,
        documents,
        search,
        preferences,
        translations,
        session,
        guard,
        admin,
        admin_views=views,
        visits=tracker,
        recorder=recorder,
        programme=programme,
        read_aloud=read_aloud,
    )


def _visit_recorder(settings: dict[str, Any], database: Path | None) -> Recorder | None:
    analytics = settings.get("analytics") or {}
    if database is None or not analytics.get("enabled", True):
        return None
    from kiosk.core.analytics import Recorder

    recorder = Recorder(database, retention_days=int(analytics.get("retention_days", 365)))
    recorder.start()
    return recorder


def _follow_visits(
    tracker: VisitTracker,
    kiosk: KioskViewModel,
    player: VideoPlayer,
    search: SearchViewModel,
    session: SessionViewModel,
    kiosk_settings: dict[str, Any],
) -> None:
    """What a visitor does, reported to the visit tracker. Connected before the session's own
    handlers, so a visit ends before the reset changes the page and begins before home shows."""

    def page_shown() -> None:
        tracker.show(kiosk.current_route(), kiosk.current_language(), kiosk.current_page().get("itemKind"))

    def video_moved() -> None:
        tracker.video_position(
            player.position_ms() / 1000, player.duration_ms() / 1000, player.state() == "playing"
        )

    kiosk.pageChanged.connect(page_shown)
    player.positionChanged.connect(video_moved)
    player.stateChanged.connect(video_moved)
    search.resultsChanged.connect(lambda: tracker.search_typed(search.current_query(), search.result_count()))
    # The reset comes after the idle wait and the countdown: nobody was there for that long.
    unattended = float(kiosk_settings["idle_seconds"]) + float(kiosk_settings["prompt_seconds"])
    session.resetRequested.connect(lambda: tracker.leave("idle", unattended))
    session.wakeRequested.connect(lambda: tracker.arrive(kiosk.current_language()))
