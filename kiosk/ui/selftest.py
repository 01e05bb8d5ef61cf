"""`kiosk self-test`: what booth staff run when in doubt, from a terminal or from the admin panel.

It checks what a visitor would meet, with the classes the kiosk itself uses: the content validates,
every video decodes and plays to its end, every page of every PDF draws, every image opens, and every
page in every language draws something. Each check reports one line, PASS, FAIL or WARN and why, as
soon as it is done (the admin panel shows the lines as they come); a last line sums up.
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtPdf import QPdfDocument

from kiosk.booth import paths
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages, localize
from kiosk.core.problems import MediaReference, Severity, errors
from kiosk.ui.app import application
from kiosk.ui.deepcheck import LARGE_FILE_BYTES, probe_logo, probe_video
from kiosk.ui.documents import FAILURE_TEXT as PDF_FAILURE_TEXT
from kiosk.ui.speech import SYSTEM_ENGINE

DEFAULT_SIZE = (1920, 1080)
PDF_RENDER_WIDTH = 400
# A page is blank when, below the top bar, nearly every pixel has the same colour. A page of nothing but
# text draws on about 7% of that area; an empty one on well under 1% (a scroll bar at most).
TOP_BAR_SHARE = 0.2
MIN_DRAWN_SHARE = 0.01
SAMPLE_STEP = 4

Report = Callable[[str], None]


def drawn_share(image: QImage, skip_top: float = TOP_BAR_SHARE) -> float:
    """Share of the image below the top `skip_top` whose colour differs from the commonest one there."""
    top = int(image.height() * skip_top)
    area = image.copy(0, top, image.width(), image.height() - top)
    # Nearest-neighbour scaling is sampling every SAMPLE_STEP-th pixel, done in C.
    sampled = area.scaled(
        max(1, area.width() // SAMPLE_STEP),
        max(1, area.height() // SAMPLE_STEP),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    ).convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(sampled.constBits()).cast("I")
    if not len(pixels):
        return 0.0
    commonest = Counter(pixels).most_common(1)[0][1]
    return 1 - commonest / len(pixels)


def probe_pdf_pages(path: Path, width: int = PDF_RENDER_WIDTH) -> tuple[int, str | None]:
    """(pages drawn, None) when every page draws, else (pages drawn before the failure, the reason)."""
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            return 0, PDF_FAILURE_TEXT.get(error.name, f"cannot be opened ({error.name})")
        count = document.pageCount()
        if count < 1:
            return 0, "has no pages"
        for page in range(count):
            points = document.pagePointSize(page)
            ratio = points.height() / points.width() if points.width() > 0 else 297 / 210
            image = document.render(page, QSize(width, max(1, round(width * ratio))))
            if image.isNull():
                return page, f"page {page + 1} of {count} cannot be drawn"
        return count, None
    finally:
        document.close()


class _Tally:
    def __init__(self, report: Report) -> None:
        self._report = report
        self.checks = 0
        self.failed = 0

    def passed(self, subject: str, reason: str) -> None:
        self.checks += 1
        self._report(f"PASS  {subject}: {reason}")

    def fail(self, subject: str, reason: str) -> None:
        self.checks += 1
        self.failed += 1
        self._report(f"FAIL  {subject}: {reason}")

    def detail(self, status: str, text: str) -> None:
        """A line under a check already counted: each problem it found."""
        self._report(f"{status}  {text}")

    def warn(self, text: str) -> None:
        self._report(f"WARN  {text}")


def run_self_test(
    content: Path,
    report: Report,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    clock: Callable[[], float] = time.monotonic,
    speech_engine: str | None = SYSTEM_ENGINE,
) -> bool:
    """Check everything a visitor would meet in `content`; report line by line; True if nothing failed.
    `speech_engine` names the engine whose voices read aloud uses (None: not looked at)."""
    started = clock()
    tally = _Tally(report)
    report(f"Self-test of the content in {content}")
    application()

    result = load_content(content)
    # A letter no font of the kiosk has is drawn as an empty box: the content is not fit to show.
    from kiosk.core.glyphs import check_content as check_glyphs

    result.problems.extend(check_glyphs(content, paths.fonts(), result.manifests))
    found = errors(result.problems)
    if result.compiled is None or found:
        tally.fail("content", f"{len(found)} error(s): the kiosk will not open this content")
        for problem in found:
            # Indented under the one failed check, so the count at the end matches the FAIL lines.
            tally.detail("    ", str(problem))
    else:
        agenda = result.compiled["agenda"]
        title = localize(agenda.get("title"), (agenda.get("languages") or ["en"])[0])
        tally.passed(
            "content",
            f"'{title}' version {agenda.get('version')}, {len(result.compiled['sections'])} section(s), "
            f"{len(result.compiled['items'])} item(s), languages {', '.join(agenda.get('languages') or [])}",
        )
    for problem in result.problems:
        if problem.severity is Severity.WARNING:
            tally.warn(str(problem))
    if result.compiled is not None:
        check_app_words(content, result.compiled["agenda"]["languages"], tally.warn)

    if result.compiled is not None and speech_engine is not None:
        check_voices(result.compiled["agenda"]["languages"], speech_engine, tally)

    _check_media(content, result.media, tally)

    if result.compiled is None:
        tally.fail("pages", "not drawn: the content must validate first")
    else:
        _check_pages(Pages(result.compiled, content), size, tally)

    seconds = clock() - started
    if tally.failed:
        report(
            f"Self-test FAILED: {tally.failed} of {tally.checks} check(s) failed ({seconds:.0f} s). "
            "See the FAIL lines above."
        )
    else:
        report(f"Self-test passed: all {tally.checks} check(s) passed ({seconds:.0f} s).")
    return tally.failed == 0


# A WARN line names this many of a language's missing app words; `kiosk validate` lists them all.
APP_WORDS_NAMED = 3


def check_app_words(content: Path, languages: list[str], warn: Report) -> None:
    """One WARN line per content language whose app words (buttons, messages) are not all translated."""
    from kiosk.core.appwords import content_coverage

    for code, found in content_coverage(content, languages, paths.resources() / "i18n").items():
        if found.missing:
            named = "; ".join(word.describe() for word in found.missing[:APP_WORDS_NAMED])
            more = ", ..." if len(found.missing) > APP_WORDS_NAMED else ""
            warn(
                f"app words ({code}): {len(found.missing)} of {found.total} not translated, shown in "
                f"English ({named}{more}); kiosk validate lists them all"
            )


VOICES_NEEDED = "Voices come from speech-dispatcher with espeak-ng on Linux, from the system's own voices on Windows and macOS"


def check_voices(languages: list[str], speech_engine: str, tally: _Tally) -> None:
    """Read aloud: the voices this machine has for each content language. A language with none is a
    warning, not a failure: its visitors see no Listen button, and all else works."""
    from kiosk.ui.speech import describe_voices, make_engine, voice_inventory

    try:
        engine = make_engine(speech_engine)
        inventory = voice_inventory(engine, languages)
    except Exception as exc:  # a broken voice installation is reported, not raised
        tally.warn(f"read aloud: the speech engine did not start ({exc}); Listen is hidden")
        return
    missing = [code for code, found in inventory.items() if not found["voices"]]
    if len(missing) == len(languages):
        reason = str(engine.errorString()) if hasattr(engine, "errorString") else ""
        tally.warn(
            f"read aloud: no voice for {', '.join(languages)}{f' ({reason})' if reason else ''}: Listen is "
            f"hidden. {VOICES_NEEDED}"
        )
        return
    tally.passed("read aloud", describe_voices(inventory).replace(": none", ": none (Listen is hidden)"))
    for code in missing:
        tally.warn(
            f"read aloud ({code}): no voice for this language, Listen is hidden in it. {VOICES_NEEDED}"
        )


def _check_media(root: Path, media: list[MediaReference], tally: _Tally) -> None:
    seen: set[tuple[str, str]] = set()
    # Grouped by kind, videos first: the reader scans one kind at a time.
    kinds = ("video", "pdf", "image", "logo")
    for reference in sorted((r for r in media if r.kind in kinds), key=lambda r: kinds.index(r.kind)):
        key = (reference.kind, reference.relative)
        if key in seen:
            continue
        seen.add(key)
        path = root / reference.relative
        subject = f"{reference.kind} {reference.relative}"
        if not path.is_file():
            tally.fail(subject, "the file is missing")
            continue
        if reference.kind == "video":
            reason = probe_video(path)
            if reason:
                tally.fail(subject, reason)
            else:
                tally.passed(subject, "the first frame decodes and the last second plays")
        elif reference.kind == "pdf":
            count, reason = probe_pdf_pages(path)
            if reason:
                tally.fail(subject, reason)
            else:
                tally.passed(subject, f"all {count} page(s) drawn")
        elif reference.kind == "logo":
            reason = probe_logo(path)
            if reason:
                tally.fail(subject, reason)
            else:
                tally.passed(subject, "drawn as the home page and the attract loop draw it")
        else:
            reader = QImageReader(str(path))
            image = reader.read()
            if image.isNull():
                tally.fail(subject, f"cannot be read ({reader.errorString()})")
            else:
                tally.passed(subject, f"{image.width()}x{image.height()} pixels")
        limit = LARGE_FILE_BYTES.get(reference.kind)
        megabytes = path.stat().st_size / 1024 / 1024
        if limit and path.stat().st_size > limit:
            tally.warn(
                f"{subject} is {megabytes:.0f} MB: large for a kiosk (keep {reference.kind} files "
                f"under {limit // 1024 // 1024} MB)"
            )


def _check_pages(pages: Pages, size: tuple[int, int], tally: _Tally) -> None:
    from kiosk.ui.snapshot import Shot, render_routes

    routes = pages.routes()
    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as folder:
        # One window for every language, as the kiosk has; a language is reported once its last page is drawn.
        shots = [
            Shot(route, language, Path(folder) / language / f"{route.replace('/', '--')}.png")
            for language in pages.languages
            for route in routes
        ]
        blank: list[str] = []
        drawn = 0
        try:
            for shot in render_routes(pages, shots, size):
                drawn += 1
                if drawn_share(QImage(str(shot.target))) < MIN_DRAWN_SHARE:
                    blank.append(shot.route)
                if shot.route != routes[-1]:
                    continue
                subject = f"pages ({shot.language})"
                if blank:
                    tally.fail(subject, f"{len(blank)} of {len(routes)} page(s) blank: {', '.join(blank)}")
                else:
                    tally.passed(subject, f"all {len(routes)} page(s) drawn at {size[0]}x{size[1]}")
                blank = []
        except (RuntimeError, OSError) as exc:
            tally.fail("pages", f"drawing stopped after {drawn} of {len(shots)} page(s): {exc}")
