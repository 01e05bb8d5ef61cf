"""Every colour pair the kiosk draws text or outlines in is legible: WCAG contrast ratios, computed here
from the Theme singleton the real QML engine loads, not from a copy of its values."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlProperty

from kiosk.ui.app import KioskWindow
from tests.ui.conftest import find

# WCAG 2.x: 1.4.3 (AA text), 1.4.6 (AAA text), 1.4.11 (non-text: outlines, focus rings).
AA_TEXT = 4.5
AAA_TEXT = 7.0
NON_TEXT = 3.0
# Hairlines between areas already told apart by their own colours, and disabled controls
# (WCAG 1.4.3 and 1.4.11 exempt inactive components).
DECORATIVE = {"border", "disabled"}


def theme_of(shown: KioskWindow) -> QObject:
    theme = shown.engine.singletonInstance("FairMigrationKiosk", "Theme")
    assert theme is not None, "the QML module has no Theme singleton"
    return theme


def js(theme: QObject, name: str) -> Any:
    value = theme.property(name)
    return value.toVariant() if hasattr(value, "toVariant") else value


def relative_luminance(colour: str) -> float:
    parsed = QColor(colour)
    assert parsed.isValid(), f"{colour!r} is not a colour"
    assert parsed.alpha() == 255, f"{colour!r} is see-through: its contrast depends on what is under it"

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(parsed.red()) + 0.7152 * linear(parsed.green()) + 0.0722 * linear(parsed.blue())


def contrast(a: str, b: str) -> float:
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_known_values() -> None:
    # So that a mistake in the formula cannot pass every palette: WCAG's own end points and a
    # well-known mid grey (#767676 on white is the lightest grey that passes AA).
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", "#FFFFFF") < AA_TEXT


@pytest.fixture
def palettes(kiosk_window: KioskWindow) -> dict[str, Any]:
    theme = theme_of(kiosk_window)
    return {
        "standard": js(theme, "standardPalette"),
        "high": js(theme, "highContrastPalette"),
        "textPairs": js(theme, "textPairs"),
        "outlinePairs": js(theme, "outlinePairs"),
    }


@pytest.mark.parametrize(("palette", "minimum"), [("standard", AA_TEXT), ("high", AAA_TEXT)])
def test_every_text_pair_is_legible(palettes: dict[str, Any], palette: str, minimum: float) -> None:
    colours = palettes[palette]
    assert palettes["textPairs"], "the Theme declares no text pairs"
    too_faint = {
        f"{fg} on {bg}": round(contrast(colours[fg], colours[bg]), 2)
        for fg, bg in palettes["textPairs"]
        if contrast(colours[fg], colours[bg]) < minimum
    }
    assert not too_faint, f"{palette} palette: below {minimum}:1: {too_faint}"


@pytest.mark.parametrize("palette", ["standard", "high"])
def test_every_outline_stands_out(palettes: dict[str, Any], palette: str) -> None:
    colours = palettes[palette]
    assert palettes["outlinePairs"], "the Theme declares no outline pairs"
    too_faint = {
        f"{fg} around {bg}": round(contrast(colours[fg], colours[bg]), 2)
        for fg, bg in palettes["outlinePairs"]
        if contrast(colours[fg], colours[bg]) < NON_TEXT
    }
    assert not too_faint, f"{palette} palette: below {NON_TEXT}:1: {too_faint}"


def test_no_colour_escapes_the_check(palettes: dict[str, Any]) -> None:
    standard, high = palettes["standard"], palettes["high"]
    assert set(standard) == set(high), "both palettes must name the same colours"
    checked = {name for pair in palettes["textPairs"] + palettes["outlinePairs"] for name in pair}
    assert checked <= set(standard), f"pairs name colours no palette has: {checked - set(standard)}"
    unchecked = set(standard) - checked - DECORATIVE
    assert not unchecked, f"colours in no contrast pair (add them to textPairs or outlinePairs): {unchecked}"
    # The two palettes are really different: high contrast is not the standard one renamed.
    assert all(standard[k].lower() != high[k].lower() for k in ("background", "text", "focusRing"))


def test_the_theme_draws_from_the_palette_the_visitor_chose(kiosk_window: KioskWindow) -> None:
    theme = theme_of(kiosk_window)
    standard, high = js(theme, "standardPalette"), js(theme, "highContrastPalette")
    names = list(standard)
    for name in names:
        assert theme.property(name) == QColor(standard[name]), name
    kiosk_window.preferences.setHighContrast(True)
    for name in names:
        assert theme.property(name) == QColor(high[name]), name


def test_high_contrast_is_what_is_drawn(qtbot: Any, kiosk_window: KioskWindow) -> None:
    window = kiosk_window.window
    theme = theme_of(kiosk_window)
    high = js(theme, "highContrastPalette")
    standard = js(theme, "standardPalette")
    title = find(window, "pageTitle")
    assert window.color() == QColor(standard["background"])
    assert QQmlProperty.read(title, "color") == QColor(standard["text"])

    kiosk_window.preferences.setHighContrast(True)
    qtbot.waitUntil(lambda: window.color() == QColor(high["background"]), timeout=10_000)
    assert QQmlProperty.read(find(window, "pageTitle"), "color") == QColor(high["text"])
    assert QQmlProperty.read(find(window, "searchButton"), "color") == QColor(high["surface"])
    # And on screen: a corner of the window is the high-contrast background, not the standard one.
    frame = window.grabWindow()
    corner = frame.pixelColor(3, frame.height() - 3)
    assert corner.name().lower() == high["background"].lower()


def test_the_cores_accent_check_uses_the_themes_colours_and_pairs(palettes: dict[str, Any]) -> None:
    # kiosk validate checks an organisation's accent without Qt (kiosk.core.brand), against copies of
    # the standard palette's colours: they must be the Theme's, and every pair the Theme draws the
    # accent or its tint in must be checked.
    from kiosk.core.brand import ACCENT_TEXT_PAIRS, STANDARD_COLOURS, accent_palette, passes

    standard = palettes["standard"]
    assert {name: standard[name].upper() for name in STANDARD_COLOURS} == STANDARD_COLOURS
    with_accent = {(fg, bg) for fg, bg in palettes["textPairs"] if {"accent", "accentSoft"} & {fg, bg}}
    assert set(ACCENT_TEXT_PAIRS) == with_accent
    # Outlines in the accent need 3:1; the check's 4.5:1 for text covers them.
    assert {pair for pair in map(tuple, palettes["outlinePairs"]) if "accent" in pair} <= with_accent
    # The check passes the Theme's own accent, and derives a tint close to the Theme's own.
    assert passes(standard["accent"])
    built_in = accent_palette(standard["accent"])
    assert built_in["accent"] == standard["accent"].upper()
    assert contrast(built_in["accentSoft"], standard["accentSoft"]) < 1.05
