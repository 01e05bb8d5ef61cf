"""The video player and the "Aa" panel as a blind visitor meets them through the real accessibility
stack (issue 17, items 3 and 4): the kiosk in a real window under Xvfb, Qt's AT-SPI bridge, and the
small screen reader of reader.py, driven by keys. One kiosk for the module, in Arabic (right to left,
so the arrow toward the end of the bar is Left), on a 35-second film with captions.

What is checked: the seek bar is a slider in whole seconds with its time in words ("0:10 of 0:35")
and a value change said when a key moves it; Captions and Sound are checkable with a checked
state that changes over the bus; while a film plays and the bar has stepped aside (seen on a
grab of the screen), its controls are still on the tree and one key reaches them, and the focus
brings the bar back; the Aa panel opens as a named dialog that takes the focus, keeps Tab inside,
and gives the focus back to Aa on Escape."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.booth import paths
from tests.a11y.harness import (
    Event,
    Node,
    ScreenReaderStack,
    hidden_but_exposed,
    shown_unnamed,
    started_stack,
)
from tests.ui.rtl_content import build_arabic_content

# Real processes: a hang fails here, with every thread's stack, well before the suite's 120 s.
pytestmark = pytest.mark.timeout(60)

FILM = paths.bundled_content() / "media" / "dg-video-november-2014.mp4"
FILM_CAPTIONS = paths.bundled_content() / "captions" / "dg-video-november-2014.en.vtt"
FILM_SECONDS = 35
# The app's own Arabic words (resources/i18n/kiosk_ar.ts), as a screen reader says them.
SECTION = "حقوقك"  # the content's section, "Your rights"
PLAY_VIDEO = "تشغيل الفيديو"  # "Play video"
PAUSE = "إيقاف مؤقت"  # "Pause"
SEEK_BAR = "الموضع في الفيديو"  # "Position in the video"
CAPTIONS = "الترجمة النصية"  # "Captions"
SOUND = "الصوت"  # "Sound"
PREFERENCES = "حجم النص والتباين والحركة"  # "Text size, contrast and motion", the Aa button and its panel
OF = "من"  # "%1 of %2"
# Theme.videoBar: the opaque bar behind the player's controls.
VIDEO_BAR = QColor("#0B0F14")
VALUE_EVENTS = ("object:property-change:accessible-value", "object:value-changed")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Iterator[ScreenReaderStack]:
    content = tmp_path_factory.mktemp("player-content")
    build_arabic_content(content)  # its handbook PDF is drawn with Qt: hence the qapp
    shutil.copy(FILM, content / "media" / "clip.mp4")
    (content / "captions").mkdir()
    shutil.copy(FILM_CAPTIONS, content / "captions" / "clip.vtt")
    section = content / "sections" / "10-rights.yaml"
    film = "    file: media/clip.mp4\n"
    text = section.read_text(encoding="utf-8")
    assert film in text
    section.write_text(text.replace(film, film + "    captions: captions/clip.vtt\n"), encoding="utf-8")
    yield from started_stack(tmp_path_factory, content)


def named(name: str) -> Any:
    return lambda event: event["name"] == name


def find_named(stack: ScreenReaderStack, name: str, role: str | None = None) -> Node | None:
    return next(
        (node for node in stack.tree() if node["name"] == name and (role is None or node["role"] == role)),
        None,
    )


def node_named(stack: ScreenReaderStack, name: str, role: str | None = None) -> Node:
    found = find_named(stack, name, role)
    assert found is not None, f"no {role or 'object'} named {name!r} on the accessibility tree"
    return found


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def slider(stack: ScreenReaderStack) -> Node:
    return node_named(stack, SEEK_BAR, "slider")


def slider_at(stack: ScreenReaderStack, seconds: int) -> Node:
    """Wait until the seek bar says this many seconds, as its value and in words."""
    found: list[Node] = []

    def there() -> bool:
        found[:] = [slider(stack)]
        return bool(found[0]["value"]["now"] == seconds)

    stack.wait_for(there, 10, f"the seek bar at {seconds} s", lambda: str(found))
    bar = found[0]
    assert bar["value"] == {"now": seconds, "min": 0, "max": FILM_SECONDS}
    assert bar["description"] == f"{clock(seconds)} {OF} {clock(FILM_SECONDS)}"
    return bar


def value_said(stack: ScreenReaderStack, keys: tuple[str, ...]) -> Event:
    since = stack.mark()
    stack.key(*keys)
    return stack.wait_event(
        lambda e: e["type"] in VALUE_EVENTS and e["name"] == SEEK_BAR,
        since,
        10,
        "the seek bar's new value said",
    )


def bar_on_screen(stack: ScreenReaderStack, where: Path) -> bool:
    """What a sighted visitor sees: the seek bar's strip is mostly the bar's own dark colour (the
    film, a blue picture, shows there while the bar has stepped aside)."""
    x, y, width, height = slider(stack)["extents"]
    screen = QImage(str(stack.grab(where)))
    dark = sum(
        1
        for left in range(x, x + width, 4)
        for top in range(y, y + height, 4)
        if screen.pixelColor(left, top) == VIDEO_BAR
    )
    return dark > 0.5 * len(range(x, x + width, 4)) * len(range(y, y + height, 4))


def test_the_seek_bar_is_a_slider_in_seconds_that_says_where_it_is(stack: ScreenReaderStack) -> None:
    stack.tab_to(lambda e: str(e["name"]).endswith(": " + SECTION), "the section's card")
    stack.focus_after(("Return",), named(SECTION), "the section's heading")
    stack.tab_to(lambda e: "ILO" in str(e["name"]), "the film's card")
    stack.focus_after(("Return",), lambda e: e["role"] == "heading", "the film's heading")
    before = slider(stack)
    # Before the film is loaded its length is unknown: a slider from 0 to 0, with no words yet.
    assert before["value"] == {"now": 0, "min": 0, "max": 0}
    stack.tab_to(named(PLAY_VIDEO), "the big Play button")
    # The Play button goes as the film starts: the focus moves on to Pause, in the bar.
    stack.focus_after(("Return",), named(PAUSE), "the focus on Pause")
    value_said(stack, ("k",))  # paused: the bar says where it stopped
    stack.wait_focus(lambda focus: focus["name"] != PAUSE, what="Pause to become Play")
    value_said(stack, ("Home",))
    slider_at(stack, 0)
    value_said(stack, ("l",))  # L: 10 seconds on
    slider_at(stack, 10)
    # Right to left, the arrow toward the end of the bar is Left: 5 seconds on.
    value_said(stack, ("Left",))
    slider_at(stack, 15)


def switched(name: str, on: bool) -> Any:
    """The event a screen reader says "checked" / "not checked" on."""
    return lambda e: (
        e["type"] == "object:state-changed:checked" and e["name"] == name and e["detail1"] == int(on)
    )


def test_captions_and_sound_are_toggles_whose_state_is_heard(stack: ScreenReaderStack) -> None:
    for name in (CAPTIONS, SOUND):
        toggle = stack.tab_to(named(name), f"the {name!r} toggle")
        assert toggle["role"] == "push button"  # Qt has no toggle-button role: a checkable push button
        node = node_named(stack, name, "push button")
        assert {"checkable", "checked"} <= set(node["states"]), node["states"]
        for switched_on in (False, True):
            since = stack.mark()
            stack.key("space")
            stack.wait_event(
                switched(name, switched_on),
                since,
                10,
                f"{name!r} heard as {'on' if switched_on else 'off'}",
            )
            node = node_named(stack, name, "push button")
            # The name stays; the state says on or off. Never "pressed": Qt's bridge sends no event for
            # it, so a screen reader would keep hearing "pressed" after a switch off.
            assert ("checked" in node["states"]) is switched_on and "pressed" not in node["states"]
            focused = stack.focused()
            assert focused is not None and focused["name"] == name


def test_while_a_film_plays_one_key_reaches_the_hidden_bar_and_brings_it_back(
    stack: ScreenReaderStack, tmp_path: Path
) -> None:
    bar_names = {SEEK_BAR, PAUSE, CAPTIONS, SOUND}
    stack.key("k")  # the focus is on Sound, in the bar: play
    stack.wait_for(lambda: find_named(stack, PAUSE, "push button"), 10, "the film to play")
    # Out of the bar: the bar steps aside 3.5 s later, with nobody touching or using the keys.
    stack.tab_to(lambda e: e["name"] not in bar_names, "a control after the player")
    stack.wait_for(lambda: not bar_on_screen(stack, tmp_path / "aside.png"), 10, "the bar to step aside")
    # Deliberately, its controls are still on the tree, named and focusable (Qt calls them showing):
    # for a blind visitor the bar is always there, and the focus arriving on one shows it again.
    tree = stack.tree()
    for name in bar_names:
        control = next(node for node in tree if node["name"] == name)
        assert "focusable" in control["states"] and "showing" in control["states"]
    assert hidden_but_exposed(tree) == [] and shown_unnamed(tree) == []
    # The big Play button goes with the poster: a screen reader does not find it while the film plays.
    assert not any(node["name"] == PLAY_VIDEO for node in tree), "the Play button is on the tree during play"
    focus = stack.focus_after(("shift+Tab",), lambda e: True, "the focus to go back one control")
    assert focus["name"] in bar_names, f"one Shift+Tab reached {focus['name']!r}, not the player's bar"
    stack.wait_for(lambda: bar_on_screen(stack, tmp_path / "back.png"), 10, "the bar to come back")
    stack.key("k")  # pause: the rest of the module needs no film
    stack.wait_for(lambda: slider(stack)["description"], 5, "the bar to settle")


def test_the_aa_panel_is_a_dialog_that_keeps_the_focus_and_gives_it_back(stack: ScreenReaderStack) -> None:
    aa = stack.tab_to(lambda e: e["name"] == PREFERENCES and e["role"] == "push button", "the Aa button")
    assert "checked" not in node_named(stack, PREFERENCES, "push button")["states"]
    stack.key("Return")
    # Opened from the keys, the focus goes to the text size in use, inside the dialog.
    entered = stack.wait_focus(lambda focus: focus["role"] == "radio button", what="the focus in the panel")
    tree = stack.tree()
    dialog = next((node for node in tree if node["role"] == "dialog"), None)
    assert dialog is not None and dialog["name"] == PREFERENCES
    assert entered["path"][: len(dialog["path"])] == dialog["path"], "the focus is outside the dialog"
    inside = [
        node for node in tree if node["path"][: len(dialog["path"])] == dialog["path"] and node is not dialog
    ]
    inside_controls = {(node["role"], node["name"]) for node in inside if "focusable" in node["states"]}
    # Aa says its panel is open.
    stack.wait_for(
        lambda: "checked" in node_named(stack, PREFERENCES, "push button")["states"], 5, "Aa heard as checked"
    )
    # Round the panel's controls and on: Tab never leaves it.
    visited = set()
    for _ in range(len(inside_controls) + 1):
        since = stack.mark()
        stack.key("Tab")
        moved = stack.wait_event(lambda e: e["type"] == "focus:", since, 10, "the focus to move on Tab")
        assert (moved["role"], moved["name"]) in inside_controls, f"Tab left the panel for {moved['name']!r}"
        visited.add(moved["name"])
    assert len(visited) >= 3, visited
    back = stack.focus_after(("Escape",), lambda e: True, "the focus back after Escape")
    assert back["name"] == aa["name"] and back["role"] == "push button"
    assert not any(node["role"] == "dialog" for node in stack.shown())
    stack.wait_for(
        lambda: "checked" not in node_named(stack, PREFERENCES, "push button")["states"],
        5,
        "Aa heard as not checked once its panel has closed",
    )
