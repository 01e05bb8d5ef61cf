"""Every page renders, at every supported screen shape, with nothing cut off or too small to touch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.cli import main
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow
from tests.ui.conftest import all_items, find, open_window

BACKGROUND = QColor("#F4F5F7")
SIZES = [(1920, 1080), (1280, 800), (1080, 1920)]


def share_not_background(image: QImage) -> float:
    """Fraction of sampled pixels that differ from the page background."""
    step = 8
    total = differing = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            differing += image.pixelColor(x, y) != BACKGROUND
    return differing / total


def test_snapshot_all_renders_every_route_to_a_nonblank_png(
    tmp_path: Path, bundled_pages: Pages, capsys: Any
) -> None:
    assert main(["snapshot", "--all", str(tmp_path), "--size", "1280x800"]) == 0
    routes = bundled_pages.routes()
    languages = bundled_pages.languages
    assert languages == ["en", "fr", "es"]
    written = sorted(tmp_path.glob("*/*.png"))
    assert len(written) == len(routes) * len(languages)
    assert capsys.readouterr().out.count(" -> ") == len(routes) * len(languages)
    for language in languages:
        for route in routes:
            image = QImage(str(tmp_path / language / f"{route.replace('/', '--')}.png"))
            assert (image.width(), image.height()) == (1280, 800), (language, route)
            # Cards, text and the top bar cover a good part of any real page; a blank one is ~0.
            assert share_not_background(image) > 0.15, (language, route)


def test_snapshot_of_one_route_and_of_an_unknown_route(tmp_path: Path, capsys: Any) -> None:
    target = tmp_path / "videos.png"
    assert main(["snapshot", "section/videos", str(target)]) == 0
    assert QImage(str(target)).width() == 1920
    assert main(["snapshot", "section/nope", str(tmp_path / "x.png")]) == 1
    assert "No page has the route 'section/nope'" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("route", ["home", "section/areas-of-action", "item/dg-report-2014"])
def test_layout_fits_the_screen_with_finger_sized_targets(
    qtbot: Any, bundled_pages: Pages, size: tuple[int, int], route: str
) -> None:
    shown: KioskWindow = open_window(bundled_pages, size)
    try:
        shown.kiosk.show(route)
        window = shown.window
        qtbot.waitUntil(lambda: find(window, "pageTitle").width() > 0, timeout=10_000)
        qtbot.wait(50)
        touchable = [
            item
            for item in all_items(window.contentItem())
            if item.isVisible()
            and (item.objectName().startswith("card:") or item.objectName().endswith("Button"))
        ]
        assert touchable
        for item in touchable:
            left = item.mapToScene(item.boundingRect().topLeft())
            assert item.height() >= 48 and item.width() >= 48, item.objectName()
            assert left.x() >= 0 and left.x() + item.width() <= size[0] + 0.5, item.objectName()
        for name in ("pageTitle", "pageBody"):
            text = find(window, name)
            origin = text.mapToScene(text.boundingRect().topLeft())
            assert origin.x() + text.width() <= size[0], name
    finally:
        shown.dispose()
