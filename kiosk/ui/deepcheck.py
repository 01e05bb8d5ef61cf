"""`kiosk validate --deep`: open every video, PDF and the logo with the classes the app itself uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtMultimedia import QVideoSink
from PySide6.QtPdf import QPdfDocument

from kiosk.core.problems import MediaReference, Problem, Severity
from kiosk.ui.app import application
from kiosk.ui.documents import FAILURE_TEXT as PDF_FAILURE_TEXT
from kiosk.ui.media import VideoPlayer

# Beyond these a kiosk's small disk and slow USB sticks start to suffer.
LARGE_FILE_BYTES = {
    "video": 200 * 1024 * 1024,
    "pdf": 30 * 1024 * 1024,
    "image": 5 * 1024 * 1024,
    "logo": 5 * 1024 * 1024,
}
# The logo is drawn at most this tall (the attract loop's mark, twice over for a crisp SVG).
LOGO_PROBE_HEIGHT = 256
VIDEO_TIMEOUT_MS = 5000


def probe_video(path: Path, timeout_ms: int = VIDEO_TIMEOUT_MS) -> str | None:
    """None when the first frame decodes and the last second is there too, else the reason in words."""
    player = VideoPlayer(no_frame_timeout_ms=timeout_ms)
    sink = QVideoSink()
    player.use_sink(sink)
    player.set_muted(True)
    player.load(str(path))

    def wait_until(done: Callable[[], bool]) -> None:
        if done():
            return
        loop = QEventLoop()

        def settle() -> None:
            if done():
                loop.quit()

        player.framesChanged.connect(settle)
        player.stateChanged.connect(settle)
        # A last resort if nothing at all is reported: the player's own watchdog fires first.
        QTimer.singleShot(timeout_ms + 2000, loop.quit)
        loop.exec()
        player.framesChanged.disconnect(settle)
        player.stateChanged.disconnect(settle)

    player.play()
    wait_until(lambda: player.frame_count() > 0 or player.state() != "playing")
    if player.state() == "playing" and player.duration_ms() > 0:
        # A copy cut short still starts: jump to the last second and see that it plays to the end.
        player.seek(max(0, player.duration_ms() - 1000))
        wait_until(lambda: player.state() != "playing")
    reason = None
    if player.state() == "failed":
        reason = player.failure_text()
    elif player.frame_count() == 0:
        reason = f"no picture within {timeout_ms / 1000:.0f} s"
    player.release()
    return reason


def probe_pdf(path: Path) -> str | None:
    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        return PDF_FAILURE_TEXT.get(error.name, f"cannot be opened ({error.name})")
    if document.pageCount() < 1:
        return "has no pages"
    image = document.render(0, QSize(400, 560))
    if image.isNull():
        return "page 1 cannot be drawn"
    document.close()
    return None


def probe_logo(path: Path, height: int = LOGO_PROBE_HEIGHT) -> str | None:
    """None when Qt draws the logo (as QML's Image does: by its image plugins) into something
    visible, else the reason in words."""
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(path))
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return f"cannot be drawn: Qt finds no size in it ({reader.errorString()})"
    reader.setScaledSize(QSize(max(1, round(size.width() * height / size.height())), height))
    image = reader.read()
    if image.isNull():
        return f"cannot be drawn ({reader.errorString()})"
    if not any(image.pixelColor(x, y).alpha() > 0 for x, y in _sample_points(image.width(), image.height())):
        return "draws nothing visible: every pixel is transparent"
    return None


def _sample_points(width: int, height: int, steps: int = 24) -> list[tuple[int, int]]:
    return [
        (min(width - 1, width * i // steps), min(height - 1, height * j // steps))
        for i in range(steps + 1)
        for j in range(steps + 1)
    ]


def deep_check(root: Path, media: list[MediaReference]) -> list[Problem]:
    application()
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for reference in media:
        if (reference.kind, reference.relative) in seen:
            continue
        seen.add((reference.kind, reference.relative))
        path = root / reference.relative
        reason = None
        if reference.kind == "video":
            reason = probe_video(path)
        elif reference.kind == "pdf":
            reason = probe_pdf(path)
        elif reference.kind == "logo":
            reason = probe_logo(path)
        if reason:
            problems.append(reference.problem(f"'{reference.relative}': {reason}"))
        limit = LARGE_FILE_BYTES.get(reference.kind)
        size = path.stat().st_size if path.exists() else 0
        if limit and size > limit:
            problems.append(
                reference.problem(
                    f"'{reference.relative}' is {size / 1024 / 1024:.0f} MB: large for a kiosk "
                    f"(keep {reference.kind} files under {limit // 1024 // 1024} MB)",
                    Severity.WARNING,
                )
            )
    return problems
