"""The one video player: playback, captions, and a friendly failure instead of a frozen screen."""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

    from kiosk.core.captions import CaptionTrack


log = logging.getLogger(__name__)

# Qt's FFmpeg backend reports nothing for some undecodable files (AV1 without a software decoder,
# a truncated WebM): no frame within this time after play means the video cannot be shown.
NO_FRAME_TIMEOUT_MS = 4000
SKIP_MS = 10_000

# Keyed by QMediaPlayer.Error names.
# Shown to visitors through qsTranslate("Failures", ...) in QML; logged in English.
FAILURE_TEXT = {
    "ResourceError": QT_TRANSLATE_NOOP("Failures", "The video file is missing or cannot be opened."),
    "FormatError": QT_TRANSLATE_NOOP("Failures", "The video is in a format this kiosk cannot play."),
    "AccessDeniedError": QT_TRANSLATE_NOOP("Failures", "The video file cannot be read."),
}
NO_FRAME_TEXT = QT_TRANSLATE_NOOP(
    "Failures", "The video did not start: the file may be damaged or in a format this kiosk cannot play."
)
CUT_SHORT_TEXT = QT_TRANSLATE_NOOP("Failures", "The video stopped early: the file seems to be incomplete.")
# Pictures that stop this long before the announced duration mean a file cut short (a failed copy).
CUT_SHORT_MIN_MARGIN_MS = 500
CUT_SHORT_MARGIN_SHARE = 0.05


def load_multimedia() -> None:
    """Qt's multimedia module in Python (5-8 ms and 2.6 MiB: not for the home page's first frame).

    Needed before QML hands over a video's sink: only a module imported by then makes Python see the
    sink (a private QQuickVideoSink) as a QVideoSink. So it comes with the first page that shows a
    video (show_page, the attract loop) and, before any tap, soon after the first frame."""
    import PySide6.QtMultimedia  # noqa: F401 (its types, for the sink handed over)


# A booth plays the same few films all day: each captions file is read once (0.5 ms of the tap that
# opens its page), again only if the file changed. A track is only read from once made.
@functools.lru_cache(maxsize=32)
def _captions_of(path: str, _mtime_ns: int, _size: int) -> CaptionTrack:
    from kiosk.core.captions import load_captions

    return load_captions(Path(path))


def clock_text(milliseconds: int) -> str:
    seconds = max(0, milliseconds) // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class VideoPlayer(QObject):
    """Created once by the wiring; follows the page on screen and releases everything on leaving."""

    stateChanged = Signal()
    positionChanged = Signal()
    captionChanged = Signal()
    framesChanged = Signal()

    def __init__(self, no_frame_timeout_ms: int = NO_FRAME_TIMEOUT_MS) -> None:
        super().__init__()
        self._player: QMediaPlayer | None = None
        self._audio: QAudioOutput | None = None
        self._sink: QVideoSink | None = None
        self._path = ""
        self._route = ""
        self._captions_path = ""
        # Where to continue once the next file is loaded: the same video in another language.
        self._resume_at_ms: int | None = None
        self._status = "empty"  # empty, ready, playing, paused, ended, failed
        self._failure = ""
        self._frames = 0
        self._last_frame_ms = -1
        self._position = 0
        self._duration = 0
        self._muted = False
        self._captions: CaptionTrack | None = None
        self._captions_on = True
        self._caption_text = ""
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(no_frame_timeout_ms)
        self._watchdog.timeout.connect(self._no_frame)

    # -- what Python callers read (typed; mypy cannot see through Qt properties) -----------------

    def state(self) -> str:
        return self._status

    def failure_text(self) -> str:
        return self._failure

    def frame_count(self) -> int:
        return self._frames

    def duration_ms(self) -> int:
        return self._duration

    def position_ms(self) -> int:
        return self._position

    # -- what QML reads ---------------------------------------------------------------------------

    @Property(str, notify=stateChanged)
    def status(self) -> str:
        return self._status

    @Property(str, notify=stateChanged)
    def failure(self) -> str:
        return self._failure

    @Property(bool, notify=stateChanged)
    def playing(self) -> bool:
        return self._status == "playing"

    @Property(bool, notify=stateChanged)
    def muted(self) -> bool:
        return self._muted

    @Property(bool, notify=stateChanged)
    def hasCaptions(self) -> bool:
        return self._captions is not None

    @Property(bool, notify=stateChanged)
    def captionsOn(self) -> bool:
        return self._captions_on

    @Property(str, notify=captionChanged)
    def captionText(self) -> str:
        return self._caption_text if self._captions_on else ""

    @Property(int, notify=positionChanged)
    def position(self) -> int:
        return self._position

    @Property(int, notify=positionChanged)
    def duration(self) -> int:
        return self._duration

    @Property(str, notify=positionChanged)
    def elapsedText(self) -> str:
        return clock_text(self._position)

    @Property(str, notify=positionChanged)
    def durationText(self) -> str:
        return clock_text(self._duration)

    @Property(int, notify=framesChanged)
    def framesShown(self) -> int:
        return self._frames

    # -- following the visitor ----------------------------------------------------------------------

    def show_page(self, page: dict[str, Any]) -> None:
        if page.get("kind") == "attract":
            load_multimedia()  # before its page's QML hands a sink over
            return  # the attract loop chooses its own videos (playAttract)
        if page.get("itemKind") == "video":
            load_multimedia()
        if page.get("itemKind") != "video" or not page.get("mediaPath"):
            self.release()
            return
        path, captions = page["mediaPath"], page.get("captionsPath") or ""
        if page["route"] == self._route and self._status != "empty":
            self._change_language(path, captions)
        elif path != self._path or self._status == "empty":
            self.load(path, captions)
        self._route = page["route"]

    def _change_language(self, path: str, captions_path: str) -> None:
        """The visitor switched language on this video's page: their version, from the same moment."""
        if path != self._path:
            was, position = self._status, self._position
            self.load(path, captions_path)
            if self._status == "failed" or was == "failed":
                return
            self._resume_at_ms = position
            if was == "playing":
                self.play()
            elif position > 0:
                # Open the file now, so the seek bar and captions show the moment kept.
                self._ensure_player()
                self._position = position
                self._set_status("paused")
                self._on_position(position)
        elif captions_path != self._captions_path:
            self._load_captions(captions_path)
            self._on_position(self._position)

    def load(self, path: str, captions_path: str = "") -> None:
        self.release()
        self._path = path
        self._load_captions(captions_path)
        if not Path(path).is_file():
            self._fail(FAILURE_TEXT["ResourceError"], f"missing file {path}")
            return
        self._set_status("ready")

    @Slot(str, str)
    def playAttract(self, path: str, captions_path: str) -> None:
        """A video of the attract loop: muted, with captions, from the start."""
        self.load(path, captions_path)
        self._muted = True
        self._captions_on = True
        self.play()

    def reset_visitor_state(self) -> None:
        """A visitor's session is over: no video, sound and captions back to how they start."""
        self.release()
        self._muted = False
        self._captions_on = True
        self.stateChanged.emit()
        self.captionChanged.emit()

    def _load_captions(self, captions_path: str) -> None:
        self._captions = None
        self._captions_path = captions_path
        if captions_path:
            from kiosk.core.captions import CaptionError

            try:
                stat = Path(captions_path).stat()
                version = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                version = (0, -1)  # reading it says what is wrong (a failure is not kept)
            try:
                self._captions = _captions_of(captions_path, *version)
            except CaptionError as exc:
                log.warning("captions %s not shown: %s", captions_path, exc)

    @Slot()
    def release(self) -> None:
        """Stop and let go of the decoder, so a page left behind keeps no audio and no memory."""
        self._watchdog.stop()
        self._dispose(*self._detach())
        self._path = self._route = ""
        self._resume_at_ms = None
        self._frames = 0
        self._last_frame_ms = -1
        self._position = self._duration = 0
        self._caption_text = ""
        self._failure = ""
        self._set_status("empty")
        self.positionChanged.emit()
        self.captionChanged.emit()
        self.framesChanged.emit()

    @Slot(QObject)
    def attachSink(self, sink: QObject) -> None:
        """The video page's VideoOutput hands over where frames go."""
        from PySide6.QtMultimedia import QVideoSink

        if not isinstance(sink, QVideoSink):
            return
        video_sink = sink
        previous = self._sink
        if previous is not None and previous is not video_sink and shiboken6.isValid(previous):
            # A sink kept by its page (the attract loop's) must not feed frames from two places.
            previous.videoFrameChanged.disconnect(self._frame_arrived)
        self._sink = video_sink
        video_sink.videoFrameChanged.connect(self._frame_arrived)
        if self._player is not None:
            self._player.setVideoSink(video_sink)

    def use_sink(self, sink: QVideoSink) -> None:
        """For checks without QML: decode into a bare sink."""
        self.attachSink(sink)

    # -- controls -------------------------------------------------------------------------------------

    @Slot()
    def play(self) -> None:
        if self._status in ("empty", "failed"):
            return
        player = self._ensure_player()
        if self._status == "ended":
            player.setPosition(0)
        player.play()
        if self._frames == 0:
            self._watchdog.start()
        self._set_status("playing")

    @Slot()
    def pause(self) -> None:
        if self._player is not None and self._status == "playing":
            self._player.pause()
            self._watchdog.stop()
            self._set_status("paused")

    @Slot()
    def togglePlay(self) -> None:
        if self._status == "playing":
            self.pause()
        else:
            self.play()

    @Slot(int)
    def seek(self, milliseconds: int) -> None:
        if self._player is None:
            return
        target = max(0, min(milliseconds, self._duration or milliseconds))
        self._player.setPosition(target)
        self._on_position(target)

    @Slot(int)
    def skip(self, delta_ms: int) -> None:
        self.seek(self._position + delta_ms)

    @Slot()
    def skipBack(self) -> None:
        self.skip(-SKIP_MS)

    @Slot()
    def skipForward(self) -> None:
        self.skip(SKIP_MS)

    @Slot()
    def toggleMute(self) -> None:
        self._muted = not self._muted
        if self._audio is not None:
            self._audio.setMuted(self._muted)
        self.stateChanged.emit()

    @Slot()
    def toggleCaptions(self) -> None:
        self._captions_on = not self._captions_on
        self.stateChanged.emit()
        self.captionChanged.emit()

    def set_muted(self, muted: bool) -> None:
        if muted != self._muted:
            self.toggleMute()

    # -- inside -------------------------------------------------------------------------------------

    def _ensure_player(self) -> QMediaPlayer:
        if self._player is None:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self._audio = QAudioOutput(self)
            self._audio.setMuted(self._muted)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._audio)
            # The sink belongs to the page's VideoOutput, which QML may already have destroyed.
            if self._sink is not None and shiboken6.isValid(self._sink):
                self._player.setVideoSink(self._sink)
            self._player.errorOccurred.connect(self._on_error)
            self._player.mediaStatusChanged.connect(self._on_media_status)
            self._player.positionChanged.connect(self._on_position)
            self._player.durationChanged.connect(self._on_duration)
            self._player.setSource(QUrl.fromLocalFile(self._path))
        return self._player

    def _detach(self) -> tuple[QMediaPlayer | None, QAudioOutput | None]:
        player, audio = self._player, self._audio
        self._player = self._audio = None
        return player, audio

    @staticmethod
    def _dispose(player: QMediaPlayer | None, audio: QAudioOutput | None) -> None:
        # A deferred disposal may find them already gone with their parent.
        if player is not None and not shiboken6.isValid(player):
            player = None
        if audio is not None and not shiboken6.isValid(audio):
            audio = None
        if player is not None:
            # Unload rather than stop(): Qt 6.11's FFmpeg backend can deadlock in stop() just after
            # the first frame (seen here in about one of sixty quick play-and-leave cycles).
            from PySide6.QtCore import QUrl

            player.setSource(QUrl())
            # The decoder must not write into a sink that its page may already have destroyed.
            player.setVideoSink(None)  # type: ignore[arg-type]
            player.setParent(None)
            player.deleteLater()
        if audio is not None:
            audio.setParent(None)
            audio.deleteLater()

    def _set_status(self, status: str) -> None:
        if status != self._status:
            self._status = status
            self.stateChanged.emit()

    def _fail(self, visitor_text: str, detail: str) -> None:
        log.warning("video %s cannot play: %s", self._path, detail)
        self._watchdog.stop()
        # Often called from the player's own signal: let it return before it is unloaded.
        doomed = self._detach()
        QTimer.singleShot(0, lambda: VideoPlayer._dispose(*doomed))
        self._failure = visitor_text
        self._status = "failed"
        self.stateChanged.emit()

    def _on_error(self, error: QMediaPlayer.Error, detail: str) -> None:
        if error.name != "NoError":
            self._fail(FAILURE_TEXT.get(error.name, NO_FRAME_TEXT), f"{error.name}: {detail}")

    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status.name in ("LoadedMedia", "BufferedMedia") and self._resume_at_ms is not None:
            resume, self._resume_at_ms = self._resume_at_ms, None
            self.seek(resume)
        if status.name == "InvalidMedia":
            self._fail(FAILURE_TEXT["FormatError"], "invalid media")
        elif status.name == "EndOfMedia" and self._status != "failed":
            if self._frames == 0:
                self._fail(NO_FRAME_TEXT, "ended without a single frame")
            elif self.cut_short():
                self._fail(CUT_SHORT_TEXT, f"last frame at {self._last_frame_ms} of {self._duration} ms")
            else:
                self._watchdog.stop()
                self._set_status("ended")

    def _on_position(self, position: int) -> None:
        self._position = position
        self.positionChanged.emit()
        text = self._captions.text_at(position) if self._captions else ""
        if text != self._caption_text:
            self._caption_text = text
            self.captionChanged.emit()

    def _on_duration(self, duration: int) -> None:
        self._duration = duration
        self.positionChanged.emit()

    def cut_short(self) -> bool:
        """At the end: did the pictures stop well before the duration the file announced?"""
        margin = max(CUT_SHORT_MIN_MARGIN_MS, self._duration * CUT_SHORT_MARGIN_SHARE)
        return 0 <= self._last_frame_ms < self._duration - margin

    def _frame_arrived(self, frame: QVideoFrame) -> None:
        if frame.isValid() and self._player is not None:
            if frame.startTime() >= 0:
                self._last_frame_ms = frame.startTime() // 1000
            self._frames += 1
            if self._frames == 1:
                self._watchdog.stop()
                self.framesChanged.emit()
            elif self._frames % 10 == 0:
                self.framesChanged.emit()

    def _no_frame(self) -> None:
        if self._frames == 0 and self._status == "playing":
            self._fail(NO_FRAME_TEXT, f"no frame within {self._watchdog.interval()} ms of play")
