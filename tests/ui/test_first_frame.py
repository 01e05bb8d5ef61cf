"""A tap is answered in the next frame: what a page makes before that frame is only what it shows.
The video's panel (poster, Play, bar), output and decoder come after the page is drawn, in the place
the page keeps for them, and a film still plays from a tap on Play; a QR code is made only where one shows. Timings are the benchmark's (tests/bench/taps.py):
these check what is built, which does not depend on how busy the machine is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtQuick import QQuickItem

from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow
from kiosk.ui.qr import code_modules, codes_on
from tests.ui.conftest import all_items, find, open_window, pause, tap, wait_until

VIDEO_SECTION = "section/views-of-ituc"
VIDEO = "item/ituc-video-sharan-burrow"


@pytest.fixture(scope="module")
def video_first_frame(qapp: Any, bundled_pages: Pages) -> Iterator[tuple[KioskWindow, dict[str, Any]]]:
    """The kiosk on the section with a video, the video's card tapped; what the first frame held."""
    shown = open_window(bundled_pages)
    shown.kiosk.open(VIDEO_SECTION)
    pause(200)
    seen: dict[str, Any] = {}

    def first_frame() -> None:
        if seen:
            return
        items = list(all_items(shown.window.contentItem()))
        seen.update(
            route=shown.kiosk.current_route(),
            names={item.objectName() for item in items if item.isVisible()},
            outputs=sum("VideoOutput" in item.metaObject().className() for item in items),
            players=len(shown.player.findChildren(QMediaPlayer)),
        )

    card = find(shown.window, f"card:{VIDEO}")
    shown.window.frameSwapped.connect(first_frame)
    tap(shown.window, card)
    for _ in range(100):
        if seen:
            break
        pause(10)
    shown.window.frameSwapped.disconnect(first_frame)
    yield shown, seen
    shown.dispose()


def test_the_video_page_is_drawn_before_its_player_is_made(
    video_first_frame: tuple[KioskWindow, dict[str, Any]],
) -> None:
    _shown, seen = video_first_frame
    assert seen["route"] == VIDEO
    # The first frame shows the page: its title, and the film's place kept at its size...
    assert {"pageTitle", "mediaPlaceholder"} <= seen["names"]
    # ...and nothing of the player yet: no panel, no video output, no decoder.
    assert not {"videoPanel", "poster", "bigPlayButton"} & seen["names"]
    assert seen["outputs"] == 0
    assert seen["players"] == 0


def test_the_poster_and_play_button_follow_the_first_frame(
    video_first_frame: tuple[KioskWindow, dict[str, Any]],
) -> None:
    shown, _seen = video_first_frame
    poster = find(shown.window, "poster")
    wait_until(lambda: poster.property("progress") == 1.0, 3000)
    assert poster.property("progress") == 1.0 and poster.width() > 0
    assert find(shown.window, "bigPlayButton").isVisible()


def test_the_video_output_follows_and_a_tap_on_play_shows_the_film(
    video_first_frame: tuple[KioskWindow, dict[str, Any]],
) -> None:
    shown, _seen = video_first_frame
    pause(100)
    assert find(shown.window, "videoOutput").isVisible()
    shown.player.set_muted(True)
    tap(shown.window, find(shown.window, "bigPlayButton"))
    for _ in range(300):
        if shown.player.frame_count() > 0:
            break
        pause(10)
    assert shown.player.frame_count() > 0, shown.player.failure_text()


def test_a_page_whose_media_plays_makes_no_qr_code_for_its_failure_card(
    video_first_frame: tuple[KioskWindow, dict[str, Any]],
) -> None:
    shown, _seen = video_first_frame
    failure = [item for item in all_items(shown.window.contentItem()) if item.objectName() == "videoFailure"]
    assert len(failure) == 1 and not failure[0].isVisible()
    codes = [item for item in all_items(failure[0]) if item.objectName() == "qrCode"]
    assert codes and all(isinstance(code, QQuickItem) for code in codes)
    assert [code.property("source").toString() for code in codes] == [""]
    # The source panel beside the video shows its code: the page still has one where it shows.
    shown_codes = [
        item
        for item in all_items(shown.window.contentItem())
        if item.objectName() == "qrCode" and item.isVisible()
    ]
    assert any(code.property("source").toString().startswith("image://qr/") for code in shown_codes)


def test_a_cards_qr_code_is_made_while_the_visitor_reads_not_in_the_tap(
    qapp: Any, bundled_pages: Pages
) -> None:
    """The codes of the pages a page's cards open are made ahead (kiosk.ui.qr.CodesAhead): a tap on
    a card draws its page's code from what was made, and the code shows."""
    code_modules.cache_clear()
    shown = open_window(bundled_pages)  # its own image provider: no code drawn yet
    try:
        shown.kiosk.open(VIDEO_SECTION)
        section = bundled_pages.page(VIDEO_SECTION, "en")
        ahead = {
            text for card in section["cards"] for text in codes_on(bundled_pages.page(card["route"], "en"))
        }
        assert ahead, "the section's items have no QR code to make"
        wait_until(lambda: code_modules.cache_info().currsize >= len(ahead), 5000)
        assert code_modules.cache_info().currsize >= len(ahead)
        target = next(c["route"] for c in section["cards"] if codes_on(bundled_pages.page(c["route"], "en")))
        made_before = code_modules.cache_info().misses
        tap(shown.window, find(shown.window, f"card:{target}"))
        wait_until(lambda: shown.kiosk.current_route() == target, 3000)
        code = find(shown.window, "qrCode")  # the source panel's: the failure card's is hidden
        wait_until(lambda: code.property("progress") == 1.0, 3000)
        assert code.property("progress") == 1.0 and code.width() > 0
        assert code_modules.cache_info().misses == made_before, "the tap made the card's code"
    finally:
        pause(100)
        shown.dispose()
