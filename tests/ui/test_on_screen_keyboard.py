"""The on-screen keyboard for search on a touch screen: when it is offered, and, in a child process
(Qt Virtual Keyboard loads only if chosen before the application starts), that it appears for the
search field in the visitor's language, types with its own keys and goes away after."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.ui import keyboard
from kiosk.ui.keyboard import touch_screen_present, use_on_screen_keyboard

# Blocks as the Linux kernel writes them in /proc/bus/input/devices.
TOUCH_SCREEN = """\
I: Bus=0018 Vendor=04f3 Product=2234 Version=0100
N: Name="ELAN2514:00 04F3:2234"
P: Phys=i2c-ELAN2514:00
S: Sysfs=/devices/pci0000:00/0000:00:15.0/i2c_designware.0/i2c-1/i2c-ELAN2514:00/0018:04F3:2234.0001/input/input12
U: Uniq=
H: Handlers=mouse2 event8
B: PROP=2
B: EV=1b
B: KEY=400 0 0 0 0 0
B: ABS=3273800000000003
B: MSC=20
"""
TOUCHPAD = """\
I: Bus=0018 Vendor=06cb Product=7e7e Version=0100
N: Name="SYNA3297:00 06CB:7E7E Touchpad"
P: Phys=i2c-SYNA3297:00
S: Sysfs=/devices/platform/AMDI0010:03/i2c-1/i2c-SYNA3297:00/0018:06CB:7E7E.0002/input/input15
U: Uniq=
H: Handlers=mouse1 event7
B: PROP=5
B: EV=1b
B: KEY=e520 10000 0 0 0 0
B: ABS=2e0800000000003
B: MSC=20
"""
PEN_TABLET = """\
I: Bus=0003 Vendor=056a Product=0374 Version=0100
N: Name="Wacom Intuos S Pen"
P: Phys=usb-0000:00:14.0-2/input0
S: Sysfs=/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/0003:056A:0374.0004/input/input20
U: Uniq=
H: Handlers=mouse3 event10
B: PROP=1
B: EV=1b
B: KEY=1c03 0 0 0 0 0 0 0 0 0 0 0
B: ABS=3000003
B: MSC=1
"""
KEYBOARD = """\
I: Bus=0011 Vendor=0001 Product=0001 Version=ab83
N: Name="AT Translated Set 2 keyboard"
P: Phys=isa0060/serio0/input0
S: Sysfs=/devices/platform/i8042/serio0/input/input3
U: Uniq=
H: Handlers=sysrq kbd leds event3
B: PROP=0
B: EV=120013
B: KEY=402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe
B: MSC=10
B: LED=7
"""
# A touch screen's properties without the absolute axes a screen reports positions with.
DIRECT_WITHOUT_AXES = TOUCH_SCREEN.replace("B: ABS=3273800000000003\n", "")

pytestmark_linux = pytest.mark.skipif(sys.platform == "win32", reason="Windows asks the system instead")


def devices_file(tmp_path: Path, *blocks: str) -> Path:
    listing = tmp_path / "devices"
    listing.write_text("\n".join(blocks), encoding="utf-8")
    return listing


@pytestmark_linux
@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        ((TOUCH_SCREEN,), True),
        ((KEYBOARD, TOUCHPAD, TOUCH_SCREEN), True),
        ((KEYBOARD, TOUCH_SCREEN.rstrip("\n")), True),  # the last block, with no blank line after it
        ((KEYBOARD,), False),
        ((TOUCHPAD,), False),  # a laptop's touchpad moves a pointer: not a screen
        ((KEYBOARD, TOUCHPAD, PEN_TABLET), False),
        ((DIRECT_WITHOUT_AXES,), False),
        (("",), False),
    ],
    ids=["screen", "laptop-with-screen", "screen-last", "keyboard", "touchpad", "desk", "no-axes", "empty"],
)
def test_a_touch_screen_is_told_from_a_touchpad(
    tmp_path: Path, blocks: tuple[str, ...], expected: bool
) -> None:
    assert touch_screen_present(devices_file(tmp_path, *blocks)) is expected


@pytestmark_linux
def test_no_device_list_means_no_touch_screen(tmp_path: Path) -> None:
    assert touch_screen_present(tmp_path / "missing") is False
    assert touch_screen_present(tmp_path) is False  # a folder, not a file


def test_the_choice_on_off_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    # Set first, so that monkeypatch puts back whatever was there (use_on_screen_keyboard writes
    # os.environ itself, and a later child process must not inherit the keyboard).
    monkeypatch.setenv("QT_IM_MODULE", "")
    monkeypatch.delenv("QT_IM_MODULE")
    monkeypatch.setattr(keyboard, "touch_screen_present", lambda *args: False)
    assert use_on_screen_keyboard("off") is False
    assert use_on_screen_keyboard("auto") is False
    assert "QT_IM_MODULE" not in os.environ
    assert use_on_screen_keyboard("on") is True
    assert os.environ["QT_IM_MODULE"] == "qtvirtualkeyboard"

    monkeypatch.delenv("QT_IM_MODULE")
    monkeypatch.setattr(keyboard, "touch_screen_present", lambda *args: True)
    assert use_on_screen_keyboard("off") is False
    assert "QT_IM_MODULE" not in os.environ
    assert use_on_screen_keyboard("auto") is True
    assert os.environ["QT_IM_MODULE"] == "qtvirtualkeyboard"


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_IM_MODULE", "QT_VIRTUALKEYBOARD_STYLE")
    }
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path_factory.mktemp("keyboard-cache")))
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("keyboard_probe.py"))],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    assert lines, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(lines[-1])
    # The probe's Qt messages: a QML warning from our files is a bug (as in the other UI tests).
    ours = [line for line in done.stderr.splitlines() if "FairMigrationKiosk" in line]
    assert not ours, ours
    return report


def test_the_app_switches_the_keyboard_on_before_qt_starts(probe: dict[str, Any]) -> None:
    assert probe["chosen"] is True
    assert probe["imModule"] == "qtvirtualkeyboard"


def test_the_keyboard_comes_for_the_search_field_and_goes_after(probe: dict[str, Any]) -> None:
    assert probe["home"] == {"keyboardVisible": False, "inputMethodVisible": False}
    assert probe["fr"]["route"] == "search"
    assert probe["fr"]["fieldFocus"] is True
    assert probe["fr"]["keyboardVisible"] is True
    assert probe["afterHome"] == {"keyboardVisible": False, "inputMethodVisible": False}


def test_the_keyboard_speaks_the_visitors_language(probe: dict[str, Any]) -> None:
    french, spanish = probe["fr"], probe["es"]
    assert french["panelLocale"] == french["inputLocale"] == "fr_FR"
    assert french["rows"][:2] == ["azertyuiop", "qsdfghjklm"], "a French keyboard is AZERTY"
    assert spanish["panelLocale"] == spanish["inputLocale"] == "es_ES"
    assert spanish["rows"][:2] == ["qwertyuiop", "asdfghjkl\u00f1"], "a Spanish keyboard has \u00f1"
    assert spanish["route"] == "search"
    assert spanish["fieldKept"] == "recru", "another language keeps what was typed"


def test_the_keyboard_is_a_named_pane_and_escape_puts_it_away(probe: dict[str, Any]) -> None:
    escape = probe["escape"]
    assert escape["role"] == "Pane" and escape["name"], escape
    assert escape["keyboardVisible"] is False
    assert escape["route"] == "search", "Escape put the keyboard away and left the page too"
    assert escape["fieldFocus"] is True


def test_its_keys_type_into_the_search(probe: dict[str, Any]) -> None:
    french, spanish = probe["fr"], probe["es"]
    assert french["field"] == french["query"] == "recru"
    assert french["firstResult"] == "item/area-fair-recruitment"
    assert french["firstTitle"] == "Le recrutement \u00e9quitable"
    assert spanish["field"] == "contrat"
    assert spanish["firstResult"] == "item/area-fair-recruitment"
    assert spanish["firstTitle"] == "La contrataci\u00f3n equitativa"


def test_the_keyboard_leaves_the_results_in_view(probe: dict[str, Any]) -> None:
    # The page makes room by Qt.inputMethod.keyboardRectangle: it must be the keys' real size (it was
    # 0 high while Main.qml's Loader forced the InputPanel's height), and no result may sit under it.
    geometry = probe["geometry"]
    keys_top = geometry["keys"][1]
    results_bottom = geometry["results"][1] + geometry["results"][3]
    assert geometry["keys"][3] > 100, geometry
    assert geometry["keyboardRectangle"][3] >= geometry["keys"][3] * 0.9, geometry
    assert results_bottom <= keys_top + 1, f"results end at {results_bottom}, keys start at {keys_top}"


def test_the_keyboard_is_no_wider_than_its_cap(probe: dict[str, Any]) -> None:
    geometry = probe["geometry"]
    cap = round(1500 * geometry["scale"])
    assert geometry["window"][0] > cap, "the window must be wider than the cap for this to tell"
    assert geometry["keys"][2] <= cap, geometry
    # Centred, and at the bottom of the window.
    left = geometry["keys"][0]
    right = geometry["window"][0] - left - geometry["keys"][2]
    assert abs(left - right) <= 2, geometry
    assert geometry["keys"][1] + geometry["keys"][3] == pytest.approx(geometry["window"][1], abs=2), geometry
