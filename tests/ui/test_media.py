"""Videos, documents and QR codes on the real pages, with good files and with broken ones."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtMultimedia import QMediaPlayer, QVideoSink
from PySide6.QtPdf import QPdfDocument
from PySide6.QtQml import QQmlExpression, qmlContext
from PySide6.QtTest import QTest

from kiosk.booth import paths
from kiosk.cli import main
from kiosk.core.captions import load_captions
from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from kiosk.ui.media import VideoPlayer
from tests.ui.conftest import find, pause, settled_centre, tap, text_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "media"
SHORT_TIMEOUT_MS = 1500

AGENDA = """\
title: Media test
lead: Testing media.
source: {name: Test, url: "https://example.org/source"}
version: "1"
sections: [media]
"""
SECTION = """\
id: media
title: Media
items:
  - id: clip
    kind: video
    title: A clip
    url: https://example.org/clip
    file: media/{video}
  - id: paper
    kind: document
    title: A paper
    url: https://example.org/paper
    file: documents/{pdf}
"""


def media_content(root: Path, video: str = "ok.mp4", pdf: str = "ok.pdf") -> Path:
    (root / "sections").mkdir(parents=True)
    (root / "media").mkdir()
    (root / "documents").mkdir()
    (root / "agenda.yaml").write_text(AGENDA, encoding="utf-8")
    (root / "sections" / "media.yaml").write_text(SECTION.format(video=video, pdf=pdf), encoding="utf-8")
    shutil.copy(FIXTURES / video, root / "media" / video)
    source_pdf = (
        FIXTURES / pdf
        if (FIXTURES / pdf).exists()
        else paths.bundled_content() / "documents" / "fair-migration-agenda-handout.pdf"
    )
    shutil.copy(source_pdf, root / "documents" / pdf)
    return root


def open_on(qtbot: Any, pages: Pages, route: str) -> KioskWindow:
    shown = build_window(pages, size=QSize(1920, 1080), animate=False, video_timeout_ms=SHORT_TIMEOUT_MS)
    QTest.qWaitForWindowExposed(shown.window)
    shown.kiosk.show(route)
    qtbot.waitUntil(lambda: text_of(shown.window, "pageTitle") != "", timeout=10_000)
    return shown


def pages_for(root: Path) -> Pages:
    result = load_content(root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, root)


# -- video ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "relative", sorted(p.name for p in (paths.bundled_content() / "media").glob("*.mp4"))
)
def test_every_bundled_video_decodes_frames(qtbot: Any, relative: str) -> None:
    player = VideoPlayer()
    sink = QVideoSink()
    player.use_sink(sink)
    player.set_muted(True)
    player.load(str(paths.bundled_content() / "media" / relative))
    player.play()
    qtbot.waitUntil(lambda: player.frame_count() >= 10 or player.state() == "failed", timeout=10_000)
    assert player.state() == "playing", player.failure_text()
    frame = sink.videoFrame()
    assert (frame.width(), frame.height()) == (1280, 720)
    player.release()


def test_video_page_plays_with_captions_at_the_right_time(
    qtbot: Any, bundled_pages: Pages, opened: list[KioskWindow]
) -> None:
    route = "item/ituc-video-sharan-burrow"
    shown = open_on(qtbot, bundled_pages, route)
    opened.append(shown)
    window, player = shown.window, shown.player
    track = load_captions(Path(bundled_pages.page(route, "en")["captionsPath"]))
    assert find(window, "poster").isVisible()

    tap(window, find(window, "bigPlayButton"))
    qtbot.waitUntil(lambda: player.frame_count() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: player.property("captionText") != "", timeout=10_000)
    # What is on screen is the cue for the moment the video is at.
    shown_text = text_of(window, "captionText")
    position = player.property("position")
    assert shown_text in {track.text_at(position), track.text_at(position - 100)}
    assert find(window, "captionBox").isVisible()
    # Captions are plain text: a cue's decoded "&lt;b&gt;" shows as "<b>", never as bold.
    caption = find(window, "captionText")
    plain = QQmlExpression(qmlContext(caption), caption, "textFormat === Text.PlainText").evaluate()
    assert plain == (True, False), plain

    tap(window, find(window, "videoArea"))  # with the controls showing, a touch on the picture pauses
    assert player.state() == "paused"
    before = player.property("position")
    tap(window, find(window, "forwardTenButton"))
    assert player.property("position") >= before + 9000
    qtbot.waitUntil(lambda: player.property("captionText") == track.text_at(player.property("position")))

    tap(window, find(window, "captionsButton"))
    assert player.property("captionsOn") is False
    assert player.property("captionText") == ""
    assert not _visible(window, "captionBox")
    tap(window, find(window, "captionsButton"))
    assert player.property("captionsOn") is True
    tap(window, find(window, "playPauseButton"))
    assert player.state() == "playing"


def test_leaving_the_video_page_stops_and_releases_the_player(
    qtbot: Any, bundled_pages: Pages, opened: list[KioskWindow]
) -> None:
    shown = open_on(qtbot, bundled_pages, "item/dg-video-november-2014")
    opened.append(shown)
    tap(shown.window, find(shown.window, "bigPlayButton"))
    qtbot.waitUntil(lambda: shown.player.frame_count() > 0, timeout=10_000)
    assert shown.player.findChildren(QMediaPlayer)
    tap(shown.window, find(shown.window, "backButton"))
    qtbot.waitUntil(lambda: shown.kiosk.current_route() == "section/videos")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert shown.player.state() == "empty"
    assert shown.player.findChildren(QMediaPlayer) == []


@pytest.mark.qt_log_ignore("Could not open media")  # what Qt says of a broken file, as expected
@pytest.mark.parametrize(
    ("video", "reason"),
    [
        ("av1.mp4", "did not start"),
        ("garbage.mp4", "format this kiosk cannot play"),
        ("truncated-no-moov.mp4", "format this kiosk cannot play"),
        ("truncated.mp4", "stopped early"),
        ("truncated.webm", "stopped early"),
    ],
)
def test_a_broken_video_shows_a_friendly_card_and_the_kiosk_goes_on(
    qtbot: Any, tmp_path: Path, opened: list[KioskWindow], video: str, reason: str
) -> None:
    shown = open_on(qtbot, pages_for(media_content(tmp_path, video=video)), "item/clip")
    opened.append(shown)
    window = shown.window
    tap(window, find(window, "bigPlayButton"))
    qtbot.waitUntil(lambda: shown.player.state() == "failed", timeout=SHORT_TIMEOUT_MS + 8000)
    card = find(window, "videoFailure")
    assert card.isVisible()
    assert reason in str(card.property("detail"))
    assert not _visible(window, "videoArea")
    # Still a working kiosk: Back leads on.
    tap(window, find(window, "backButton"))
    qtbot.waitUntil(lambda: shown.kiosk.current_route() == "section/media")


def _visible(window: Any, name: str) -> bool:
    try:
        find(window, name)
    except AssertionError:
        return False
    return True


def test_a_video_deleted_after_start_shows_the_card_at_once(
    qtbot: Any, tmp_path: Path, opened: list[KioskWindow]
) -> None:
    root = media_content(tmp_path)
    pages = pages_for(root)
    (root / "media" / "ok.mp4").unlink()
    shown = open_on(qtbot, pages, "item/clip")
    opened.append(shown)
    card = find(shown.window, "videoFailure")
    assert "missing" in str(card.property("detail"))
    # A screen reader reads the card too: its words are on the accessibility tree.
    read = accessible_names(shown.window)
    assert str(card.property("heading")) in read and str(card.property("detail")) in read


def accessible_names(item: Any) -> list[str]:
    found: list[str] = []
    pending = [QAccessible.queryAccessibleInterface(item)]
    while pending:
        interface = pending.pop()
        if interface is None:
            continue
        found.append(interface.text(QAccessible.Text.Name))
        pending.extend(interface.child(index) for index in range(interface.childCount()))
    return found


# -- documents -----------------------------------------------------------------------------------


def test_document_page_turns_pages_and_zooms(
    qtbot: Any, bundled_pages: Pages, opened: list[KioskWindow]
) -> None:
    route = "item/agenda-handout"
    shown = open_on(qtbot, bundled_pages, route)
    opened.append(shown)
    window = shown.window
    expected = QPdfDocument()
    expected.load(bundled_pages.page(route, "en")["mediaPath"])
    count = expected.pageCount()
    assert count > 1
    assert text_of(window, "pageIndicator") == f"Page 1 of {count}"
    page_image = find(window, "documentPage")
    qtbot.waitUntil(lambda: page_image.property("progress") == 1.0)
    fitted = page_image.width()
    assert fitted > 600

    tap(window, find(window, "nextPageButton"))
    assert text_of(window, "pageIndicator") == f"Page 2 of {count}"
    tap(window, find(window, "previousPageButton"))
    assert text_of(window, "pageIndicator") == f"Page 1 of {count}"

    # A sideways swipe of a finger across the page turns it, as on paper.
    swipe(window, find(window, "documentPager"), -400)
    qtbot.waitUntil(lambda: text_of(window, "pageIndicator") == f"Page 2 of {count}")
    swipe(window, find(window, "documentPager"), 400)
    qtbot.waitUntil(lambda: text_of(window, "pageIndicator") == f"Page 1 of {count}")

    tap(window, find(window, "zoomInButton"))
    zoomed = find(window, "documentPageZoomed")
    qtbot.waitUntil(lambda: zoomed.width() >= fitted * 1.5 - 1)
    assert not _visible(window, "documentPager")
    tap(window, find(window, "zoomOutButton"))
    qtbot.waitUntil(lambda: _visible(window, "documentPager"))


def swipe(window: Any, item: Any, dx: int) -> None:
    """A finger's sideways swipe across the item, on the part of it that is on screen."""
    centre = settled_centre(item).toPoint()
    top = int(item.mapToScene(item.boundingRect().topLeft()).y())
    start = QPoint(centre.x(), min(centre.y(), (top + window.height()) // 2))
    assert top < start.y() < window.height()
    device = QTest.createTouchDevice()
    QTest.touchEvent(window, device).press(0, start).commit()
    for step in range(1, 13):
        pause(16)
        QTest.touchEvent(window, device).move(0, start + QPoint(dx * step // 12, 0)).commit()
    QTest.touchEvent(window, device).release(0, start + QPoint(dx, 0)).commit()


@pytest.mark.parametrize(
    ("pdf", "reason"),
    [("corrupt.pdf", "damaged"), ("encrypted.pdf", "password"), ("missing.pdf", "missing")],
)
def test_a_broken_document_shows_a_friendly_card(
    qtbot: Any, tmp_path: Path, opened: list[KioskWindow], pdf: str, reason: str
) -> None:
    root = media_content(tmp_path, pdf=pdf)
    pages = pages_for(root)
    if pdf == "missing.pdf":
        (root / "documents" / pdf).unlink()
    shown = open_on(qtbot, pages, "item/paper")
    opened.append(shown)
    card = find(shown.window, "documentFailure")
    assert reason in str(card.property("detail"))
    assert not _visible(shown.window, "documentPage")


# -- QR codes ------------------------------------------------------------------------------------


def decode_qr(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())
    rows = b"".join(raw[y * stride : y * stride + width] for y in range(height))
    return [found.text for found in zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))]


@pytest.mark.parametrize("route", ["item/see-also-labour-migration", "item/ituc-migration-decent-work-issue"])
def test_qr_code_on_screen_decodes_to_the_exact_address(
    qtbot: Any, bundled_pages: Pages, opened: list[KioskWindow], route: str
) -> None:
    shown = open_on(qtbot, bundled_pages, route)
    opened.append(shown)
    code = find(shown.window, "qrCode")
    qtbot.waitUntil(lambda: code.property("progress") == 1.0)
    qtbot.wait(50)
    corner = code.mapToScene(code.boundingRect().topLeft()).toPoint()
    grab = shown.window.grabWindow().copy(
        corner.x() - 10, corner.y() - 10, int(code.width()) + 20, int(code.height()) + 20
    )
    expected = bundled_pages.page(route, "en")["qrUrl"]
    assert expected.startswith("https://")
    assert decode_qr(grab) == [expected]


# -- handout and deep validation -------------------------------------------------------------------


def test_handout_is_a_real_pdf_of_the_content(tmp_path: Path, bundled_pages: Pages, capsys: Any) -> None:
    target = tmp_path / "handout.pdf"
    assert main(["handout", str(target)]) == 0
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() >= 3
    text = " ".join(
        " ".join(document.getAllText(page).text().split()) for page in range(document.pageCount())
    )
    for section in bundled_pages.compiled["sections"]:
        assert section["title"]["en"] in text
    assert "protection of the interests of workers when employed in countries other than their own" in text
    assert "The agenda as a handout" not in text  # the handout does not list itself
    assert f"{document.pageCount()} page(s)" in capsys.readouterr().out


def test_validate_deep_passes_on_the_bundled_content(capsys: Any, bundled_pages: Pages) -> None:
    videos = {
        path
        for item in bundled_pages.items.values()
        if item["kind"] == "video"
        for path in (item.get("file") or {}).values()
    }
    documents = {
        path
        for item in bundled_pages.items.values()
        if item["kind"] == "document"
        for path in (item.get("file") or {}).values()
    }
    assert len(videos) >= 4 and documents  # every language's version of each stand-in, and the handout
    assert main(["validate", "--deep"]) == 0
    out = capsys.readouterr().out
    assert f"deep check {len(videos)} video(s) decoded, {len(documents)} PDF(s) rendered" in out


def test_validate_deep_names_undecodable_files(tmp_path: Path, capsys: Any) -> None:
    root = media_content(tmp_path, video="av1.mp4", pdf="corrupt.pdf")
    assert main(["validate", str(root)]) == 0  # the shallow check cannot see inside the files
    capsys.readouterr()
    assert main(["validate", "--deep", str(root)]) == 1
    out = capsys.readouterr().out
    assert "sections/media.yaml:8:11: items[0].file: 'media/av1.mp4': The video did not start" in out
    assert (
        "sections/media.yaml:13:11: items[1].file: 'documents/corrupt.pdf': The document file is damaged"
        in out
    )


def test_handout_remakes_itself_when_its_file_is_gone(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(paths.bundled_content(), content)
    target = content / "documents" / "fair-migration-agenda-handout.pdf"
    target.unlink()
    assert main(["--no-cache", "handout", str(target), "--content", str(content)]) == 0
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() > 1
    assert main(["validate", str(content)]) == 0


def test_a_captions_file_is_read_once_and_again_only_when_it_changes(qapp: Any, tmp_path: Path) -> None:
    film = tmp_path / "film.mp4"
    film.write_bytes(b"not played here")
    captions = tmp_path / "film.vtt"
    captions.write_text("WEBVTT\n\n00:00.000 --> 00:05.000\nFirst words\n", encoding="utf-8")
    player = VideoPlayer()
    player.load(str(film), str(captions))
    first = player._captions
    assert player.property("hasCaptions") and first is not None and first.text_at(1000) == "First words"
    player.load(str(film), str(captions))
    assert player._captions is first, "the same file was read again"
    captions.write_text("WEBVTT\n\n00:00.000 --> 00:05.000\nOther words, changed\n", encoding="utf-8")
    player.load(str(film), str(captions))
    assert player._captions is not None and player._captions.text_at(1000) == "Other words, changed"
    captions.unlink()
    player.load(str(film), str(captions))
    assert not player.property("hasCaptions")
    player.release()
