"""The video player's controls and caption fit every language at the kiosk's window sizes: each control
of the bar (the seek bar, the clock and every button) lies wholly inside the bar and on no other one,
and a paused film's caption is read whole, with the big Play button clear of it, above the bar and
as big as ever. English, French, Spanish and Arabic (right to left), at 1280x720 and 1920x1080.

The film's title is short on purpose: the video's width once followed the title's, and in Arabic at
1280x720 the clock then ran past the bar's edge."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtQuick import QQuickItem

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from tests.ui.conftest import find, pause, wait_until

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "media"
LANGUAGES = ["en", "fr", "es", "ar"]
SIZES = [(1280, 720), (1920, 1080)]

AGENDA = """\
title: {en: Films, fr: Films, es: Películas, ar: أفلام}
lead: {en: One film., fr: Un film., es: Una película., ar: فيلم واحد.}
languages: [en, fr, es, ar]
source: {name: {en: Test, fr: Test, es: Prueba, ar: اختبار}, url: "https://example.org/source"}
version: "1"
sections: [films]
"""
SECTION = """\
id: films
title: {en: Films, fr: Films, es: Películas, ar: أفلام}
items:
  - id: clip
    kind: video
    title: {en: A film, fr: Un film, es: Una película, ar: فيلم}
    url: https://example.org/clip
    file: media/clip.mp4
    captions:
      en: captions/clip.en.vtt
      fr: captions/clip.fr.vtt
      es: captions/clip.es.vtt
      ar: captions/clip.ar.vtt
"""
# One cue for the whole film, on two lines: wherever the film is paused, a caption is on show.
CAPTIONS = {
    "en": "Ask for a copy of your contract before you sign it,\nin a language you understand.",
    "fr": "Demandez une copie de votre contrat avant de le signer,\ndans une langue que vous comprenez.",
    "es": "Pida una copia de su contrato antes de firmarlo,\nen un idioma que entienda.",
    "ar": "اطلب نسخة من عقدك قبل أن توقّعه،\nبلغة تفهمها.",
}
BAR_CONTROLS = [
    "seekBar",
    "videoTime",
    "playPauseButton",
    "backTenButton",
    "forwardTenButton",
    "captionsButton",
    "muteButton",
]


@pytest.fixture(scope="module")
def film_pages(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Pages:
    root = tmp_path_factory.mktemp("film")
    for folder in ("sections", "media", "captions"):
        (root / folder).mkdir()
    (root / "agenda.yaml").write_text(AGENDA, encoding="utf-8")
    (root / "sections" / "films.yaml").write_text(SECTION, encoding="utf-8")
    shutil.copy(FIXTURES / "ok.mp4", root / "media" / "clip.mp4")
    for language, text in CAPTIONS.items():
        (root / "captions" / f"clip.{language}.vtt").write_text(
            f"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n{text}\n", encoding="utf-8"
        )
    result = load_content(root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, root)


@pytest.fixture(scope="module")
def paused_films(film_pages: Pages) -> Iterator[dict[tuple[str, tuple[int, int]], KioskWindow]]:
    """One window per language and size, its film paused a second in with the caption on show; made
    when a test first asks for it and shared by the tests of the module."""
    windows: dict[tuple[str, tuple[int, int]], KioskWindow] = {}
    yield windows
    pause(300)
    for shown in windows.values():
        shown.dispose()


def paused_film(
    windows: dict[tuple[str, tuple[int, int]], KioskWindow],
    pages: Pages,
    language: str,
    size: tuple[int, int],
) -> KioskWindow:
    if (language, size) in windows:
        return windows[(language, size)]
    shown = build_window(pages, size=QSize(*size), animate=False, start_route="item/clip", language=language)
    windows[(language, size)] = shown
    wait_until(shown.window.isExposed, 5000)
    player = shown.player
    player.set_muted(True)
    player.play()
    wait_until(lambda: player.frame_count() > 0 and player.duration_ms() > 0, 10_000)
    assert player.duration_ms() > 0, player.failure_text()
    player.pause()
    player.seek(1000)
    wait_until(lambda: player.property("captionText") == CAPTIONS[language], 3000)
    assert player.property("captionText") == CAPTIONS[language]
    pause(100)  # the layout of the paused film's frame
    return shown


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def inside(inner: QRectF, outer: QRectF) -> bool:
    # Half a pixel for the fractions of the layout.
    return outer.adjusted(-0.5, -0.5, 0.5, 0.5).contains(inner)


def overlapping(one: QRectF, other: QRectF) -> bool:
    shared = one.intersected(other)
    return shared.width() > 0.5 and shared.height() > 0.5


def bar_problems(window: Any) -> list[str]:
    bar = scene_rect(find(window, "videoControls"))
    placed = {name: scene_rect(find(window, name)) for name in BAR_CONTROLS if find(window, name).isVisible()}
    problems = [
        f"{name} {rect} outside the bar {bar}" for name, rect in placed.items() if not inside(rect, bar)
    ]
    names = list(placed)
    problems += [
        f"{one} {placed[one]} over {other} {placed[other]}"
        for index, one in enumerate(names)
        for other in names[index + 1 :]
        if overlapping(placed[one], placed[other])
    ]
    clock = find(window, "videoTime")
    if clock.property("contentWidth") > clock.width() + 0.5:
        problems.append(f"the clock's words are wider than its place ({clock.property('contentWidth')})")
    # The whole bar is on the film, not past its foot.
    if not inside(bar, scene_rect(find(window, "videoArea"))):
        problems.append(f"the bar {bar} runs past the film {scene_rect(find(window, 'videoArea'))}")
    return problems


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_control_of_the_bar_is_inside_it_and_on_no_other(
    film_pages: Pages,
    paused_films: dict[tuple[str, tuple[int, int]], KioskWindow],
    language: str,
    size: tuple[int, int],
) -> None:
    shown = paused_film(paused_films, film_pages, language, size)
    window, player = shown.window, shown.player
    assert find(window, "videoTime").property("text") == "0:01 / 0:02"
    assert find(window, "captionsButton").isVisible()
    # Each label a button can have: paused and playing, captions on and off, sound off and on.
    seen = []
    for step in ("paused", "captions off", "sound on", "playing"):
        if step == "captions off":
            player.toggleCaptions()
        elif step == "sound on":
            player.toggleMute()
        elif step == "playing":
            player.play()
        pause(50)
        labels = [find(window, name).property("label") for name in BAR_CONTROLS[2:]]
        seen.append(labels)
        assert bar_problems(window) == [], f"{step}: {labels}"
    # Back as the other test wants it: paused, with the caption and no sound.
    player.pause()
    player.toggleCaptions()
    player.toggleMute()
    player.seek(1000)
    wait_until(lambda: player.property("captionText") == CAPTIONS[language], 3000)
    # The steps really changed the words on the buttons.
    assert len({tuple(labels) for labels in seen}) == 4, seen


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_paused_film_shows_its_caption_whole_and_the_play_button_clear_of_it(
    film_pages: Pages,
    paused_films: dict[tuple[str, tuple[int, int]], KioskWindow],
    language: str,
    size: tuple[int, int],
) -> None:
    shown = paused_film(paused_films, film_pages, language, size)
    window = shown.window
    assert shown.player.state() == "paused"
    caption_box, caption_text = find(window, "captionBox"), find(window, "captionText")
    play = find(window, "bigPlayButton")
    assert caption_box.isVisible() and play.isVisible()
    assert caption_text.property("text") == CAPTIONS[language]
    box, words, button = scene_rect(caption_box), scene_rect(caption_text), scene_rect(play)
    picture = scene_rect(find(window, "videoArea"))
    bar = scene_rect(find(window, "videoControls"))
    # The caption whole: its words in its box, its box on the picture above the bar.
    assert inside(words, box), f"the caption's words {words} spill out of its box {box}"
    assert inside(box, picture) and box.bottom() <= bar.top() + 0.5, f"caption {box}, bar {bar}"
    # Play: off the caption, on the picture above the bar, and still the big target it is.
    assert not overlapping(button, box), f"the Play button {button} covers the caption {box}"
    assert inside(button, picture) and button.bottom() <= bar.top() + 0.5, f"Play {button}, bar {bar}"
    assert play.height() == pytest.approx(find(window, "playPauseButton").height() * 1.5)
