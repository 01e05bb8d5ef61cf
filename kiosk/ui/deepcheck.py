"""`kiosk validate --deep`: open every video and PDF with the classes the app itself plays them with."""

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
LARGE_FILE_BYTES = {"video": 200 * 1024 * 1024, "pdf": 30 * 1024 * 1024, "image": 5 * 1024 * 1024}
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
