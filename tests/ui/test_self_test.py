"""`kiosk self-test`: passes on the bundled content, and names each broken file in a FAIL line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from kiosk.booth import paths
from kiosk.cli import main
from kiosk.core.pages import Pages
from kiosk.ui.admin import self_test_command
from kiosk.ui.selftest import MIN_DRAWN_SHARE, drawn_share, probe_pdf_pages, run_self_test
from tests.core.contentkit import ContentFolder, build_valid_content

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "media"
HANDOUT = paths.bundled_content() / "documents" / "fair-migration-agenda-handout.pdf"
HANDOUT_PAGES = 12
REPORT_LINE = re.compile(r"^(PASS|FAIL|WARN)  \S.*: .+$")


@pytest.fixture
def small_content(tmp_path: Path) -> ContentFolder:
    """The test kit's content with a real video and the kiosk's own PDF: quick to check in full."""
    content = build_valid_content(tmp_path / "content")
    shutil.copy(FIXTURES / "ok.mp4", content.path("media/clip.mp4"))
    shutil.copy(HANDOUT, content.path("documents/paper.pdf"))
    return content


def run(content: Path) -> tuple[bool, list[str]]:
    lines: list[str] = []
    passed = run_self_test(content, lines.append, size=(1280, 720))
    return passed, lines


def test_the_bundled_content_passes_as_staff_would_run_it(bundled_pages: Pages) -> None:
    # The real command in its own process, exactly as the admin panel starts it.
    completed = subprocess.run(
        [*self_test_command(paths.bundled_content()), "--size", "1280x720"],
        capture_output=True,
        text=True,
        timeout=110,
        cwd=ROOT,
    )
    lines = completed.stdout.splitlines()
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert lines[0] == f"Self-test of the content in {paths.bundled_content()}"
    assert re.fullmatch(r"Self-test passed: all \d+ check\(s\) passed \(\d+ s\)\.", lines[-1])
    checks = lines[1:-1]
    assert all(REPORT_LINE.match(line) for line in checks), checks
    # Read aloud finds no voice here: the tests point speech-dispatcher nowhere (tests/conftest.py).
    assert not [line for line in checks if not line.startswith(("PASS", "WARN  read aloud"))]
    # Four videos, each in English, French and Spanish.
    assert len([line for line in checks if line.startswith("PASS  video ")]) == 12
    # The handout in each language, every page drawn.
    handouts = bundled_pages.items["agenda-handout"]["file"]
    pdf_lines = [line for line in checks if line.startswith("PASS  pdf ")]
    assert len(pdf_lines) == len(handouts) == 3
    assert f"PASS  pdf {handouts['en']}: all {HANDOUT_PAGES} page(s) drawn" in pdf_lines
    for relative in handouts.values():
        pages = QPdfDocument()
        pages.load(str(paths.bundled_content() / relative))
        assert f"PASS  pdf {relative}: all {pages.pageCount()} page(s) drawn" in pdf_lines
    routes = len(bundled_pages.routes())
    assert [line for line in checks if line.startswith("PASS  pages")] == [
        f"PASS  pages ({language}): all {routes} page(s) drawn at 1280x720" for language in ("en", "fr", "es")
    ]


@pytest.mark.qt_log_ignore("Could not open media")  # what Qt says of a broken file, as expected
def test_a_broken_video_and_pdf_fail_with_a_clear_line_each(small_content: ContentFolder) -> None:
    shutil.copy(FIXTURES / "garbage.mp4", small_content.path("media/clip.mp4"))
    shutil.copy(FIXTURES / "corrupt.pdf", small_content.path("documents/paper.pdf"))
    passed, lines = run(small_content.root)
    assert not passed
    assert "FAIL  video media/clip.mp4: The video is in a format this kiosk cannot play." in lines
    assert "FAIL  pdf documents/paper.pdf: The document file is damaged or is not a PDF." in lines
    # The rest is still checked and still passes: one broken file does not hide the others' state.
    assert "PASS  image media/poster.png: 1x1 pixels" in lines
    assert [line for line in lines if line.startswith("PASS  pages")] == [
        "PASS  pages (en): all 11 page(s) drawn at 1280x720",
        "PASS  pages (fr): all 11 page(s) drawn at 1280x720",
    ]
    assert re.fullmatch(
        r"Self-test FAILED: 2 of 6 check\(s\) failed \(\d+ s\)\. See the FAIL lines above\.", lines[-1]
    )


def test_a_good_small_content_passes_every_check(small_content: ContentFolder) -> None:
    passed, lines = run(small_content.root)
    assert passed, lines
    assert "PASS  video media/clip.mp4: the first frame decodes and the last second plays" in lines
    assert f"PASS  pdf documents/paper.pdf: all {HANDOUT_PAGES} page(s) drawn" in lines


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("truncated.mp4", "stopped early"),
        ("av1.mp4", "did not start"),
    ],
)
def test_videos_that_open_but_do_not_play_fail_too(
    small_content: ContentFolder, fixture: str, reason: str
) -> None:
    shutil.copy(FIXTURES / fixture, small_content.path("media/clip.mp4"))
    passed, lines = run(small_content.root)
    assert not passed
    failed = [line for line in lines if line.startswith("FAIL  video media/clip.mp4: ")]
    assert len(failed) == 1 and reason in failed[0].lower(), lines


def test_a_password_protected_pdf_fails(small_content: ContentFolder) -> None:
    shutil.copy(FIXTURES / "encrypted.pdf", small_content.path("documents/paper.pdf"))
    passed, lines = run(small_content.root)
    assert not passed
    assert "FAIL  pdf documents/paper.pdf: The document is protected by a password." in lines


def test_content_that_does_not_validate_fails_and_says_where(small_content: ContentFolder) -> None:
    small_content.replace(
        "sections/10-one.yaml",
        "kind: article\n    title: Introduction",
        "kind: artcle\n    title: Introduction",
    )
    passed, lines = run(small_content.root)
    assert not passed
    assert lines[1] == "FAIL  content: 1 error(s): the kiosk will not open this content"
    assert re.match(r" {6}sections/10-one\.yaml:\d+:\d+: items\[0\]\.kind: unknown kind 'artcle'", lines[2])
    # One FAIL line per failed check: the summary's count matches what staff see.
    failed_lines = [line for line in lines if line.startswith("FAIL")]
    assert re.search(rf"FAILED: {len(failed_lines)} of \d+ check", lines[-1]), lines[-1]
    assert "FAIL  pages: not drawn: the content must validate first" in lines


@pytest.mark.qt_log_ignore("Could not open media")
def test_the_command_exit_status_and_report(small_content: ContentFolder, capsys: Any) -> None:
    assert main(["self-test", "--content", str(small_content.root), "--size", "640x400"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("Self-test passed: all 6 check(s) passed")
    shutil.copy(FIXTURES / "corrupt.pdf", small_content.path("documents/paper.pdf"))
    assert main(["self-test", "--content", str(small_content.root), "--size", "640x400"]) == 1
    assert "FAIL  pdf documents/paper.pdf" in capsys.readouterr().out
    assert main(["self-test", "--content", str(small_content.root / "nowhere")]) == 1
    assert "is not a folder" in capsys.readouterr().out


def test_a_blank_page_is_told_from_a_page_of_text() -> None:
    page = QImage(1280, 720, QImage.Format.Format_RGB32)
    page.fill(QColor("#F4F5F7"))
    painter = QPainter(page)
    painter.fillRect(QRect(0, 0, 1280, 70), QColor("#FFFFFF"))  # the top bar alone does not count
    painter.end()
    assert drawn_share(page) < MIN_DRAWN_SHARE
    painter = QPainter(page)
    painter.setPen(QColor("#16202B"))
    font = painter.font()
    font.setPixelSize(25)
    painter.setFont(font)
    for row in range(6):
        painter.drawText(40, 200 + 40 * row, "A few lines of ordinary text, as the shortest page has.")
    painter.end()
    assert drawn_share(page) > MIN_DRAWN_SHARE


def test_every_page_of_a_pdf_is_drawn() -> None:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(HANDOUT))
    assert document.pageCount() == HANDOUT_PAGES
    document.close()
    assert probe_pdf_pages(HANDOUT) == (HANDOUT_PAGES, None)
    assert probe_pdf_pages(FIXTURES / "corrupt.pdf") == (0, "The document file is damaged or is not a PDF.")


def test_the_command_for_the_panel_runs_this_python_or_the_frozen_program(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = Path("/content")
    assert self_test_command(folder) == [sys.executable, "-m", "kiosk", "self-test", "--content", str(folder)]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert self_test_command(folder) == [sys.executable, "self-test", "--content", str(folder)]
