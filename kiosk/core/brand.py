"""The organisation's own look: its accent colour (legible wherever the kiosk draws it) and its logo
(a PNG or SVG the kiosk can really draw). No Qt here: the checks read the files themselves, and
`kiosk validate --deep` and the self-test draw the logo with Qt for real.
"""

from __future__ import annotations

import colorsys
import re
import struct
import zlib
from pathlib import Path
from typing import Any

# WCAG 2.x 1.4.3: text needs 4.5:1 against what it is drawn on.
AA_TEXT = 4.5

# The standard palette's colours that meet the accent, as in resources/qml/FairMigrationKiosk/Theme.qml
# (tests/ui/test_contrast.py fails if the two disagree). High contrast keeps its own palette, accent
# included, so the content's accent is only ever drawn on these.
STANDARD_COLOURS = {
    "background": "#F4F5F7",
    "surface": "#FFFFFF",
    "text": "#16202B",
    "mutedText": "#485564",
    "textOnAccent": "#FFFFFF",
}
# How much of the accent is in its soft tint (pressed cards and buttons): the built-in #E3ECF6 is about
# a tenth of #0A4F8F on white.
SOFT_TINT = 0.1
# Every [text, background] pair of Theme.textPairs that has the accent or its tint in it.
ACCENT_TEXT_PAIRS = (
    ("accent", "background"),
    ("accent", "surface"),
    ("accent", "accentSoft"),
    ("textOnAccent", "accent"),
    ("text", "accentSoft"),
    ("mutedText", "accentSoft"),
)
_PLACES = {
    "background": "the page background",
    "surface": "cards and panels",
    "accentSoft": "its own light tint, on pressed buttons",
}


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in (red, green, blue))


def relative_luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = _rgb(colour)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def soft_tint(accent: str) -> str:
    """The accent's light tint: a tenth of it over the surface colour."""
    surface = _rgb(STANDARD_COLOURS["surface"])
    return _hex(*(SOFT_TINT * a + (1 - SOFT_TINT) * s for a, s in zip(_rgb(accent), surface, strict=True)))


def accent_palette(accent: str) -> dict[str, str]:
    """The Theme colours the content's accent replaces in the standard palette."""
    return {"accent": accent.upper(), "accentSoft": soft_tint(accent)}


def _colours_with(accent: str) -> dict[str, str]:
    return {**STANDARD_COLOURS, **accent_palette(accent)}


def _worst_pair(accent: str) -> tuple[float, str, str]:
    colours = _colours_with(accent)
    # The first of the faintest pairs, in the order above: the page background before the rest.
    return min(
        ((contrast(colours[fg], colours[bg]), fg, bg) for fg, bg in ACCENT_TEXT_PAIRS), key=lambda t: t[0]
    )


def passes(accent: str) -> bool:
    return _worst_pair(accent)[0] >= AA_TEXT


def nearest_passing(accent: str) -> str | None:
    """The closest colour of the same hue (darker or lighter) that passes everywhere, if any."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in _rgb(accent)))
    for step in range(1, 201):
        for direction in (-1, 1):
            shade = lightness + direction * step / 200
            if not 0 <= shade <= 1:
                continue
            candidate = _hex(*(c * 255 for c in colorsys.hls_to_rgb(hue, shade, saturation)))
            if passes(candidate):
                return candidate
    return None


def accent_problem(accent: str) -> str | None:
    """None when `accent` is legible wherever the kiosk draws it, else the measured ratio and a fix."""
    ratio, foreground, background = _worst_pair(accent)
    if ratio >= AA_TEXT:
        return None
    colours = _colours_with(accent)
    if foreground == "accent":
        where = f"accent text on {colours[background]} ({_PLACES[background]})"
    elif background == "accent":
        where = f"{colours[foreground]} text on the accent (buttons, the attract loop)"
    else:
        where = f"{colours[foreground]} text on {colours[background]} ({_PLACES[background]})"
    message = (
        f"accent '{accent}' gives only {_truncate(ratio)}:1 contrast for {where}; "
        f"text needs at least {AA_TEXT}:1 (WCAG AA)"
    )
    better = nearest_passing(accent)
    if better:
        lighter = relative_luminance(better) > relative_luminance(accent)
        message += f": try '{better}', the nearest {'lighter' if lighter else 'darker'} colour that passes"
    return message


def _truncate(ratio: float) -> str:
    # Never round a failing ratio up to the threshold: 4.496 is shown as 4.49, not 4.5.
    return f"{int(ratio * 100) / 100:.2f}"


# -- the logo ----------------------------------------------------------------------------------

MAX_LOGO_BYTES = 5 * 1024 * 1024
# Past this many elements an SVG is no logo; the bound also keeps a hostile file from costing time.
MAX_SVG_ELEMENTS = 20000
MAX_LOGO_PIXELS = 8192
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Bit depths allowed for each PNG colour type (PNG specification, table 11.1).
_PNG_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}


def logo_problem(path: Path) -> str | None:
    """None when `path` is a PNG or SVG the kiosk can draw, else what is wrong with it, in words.

    The caller has already checked that the path stays inside the content folder and exists."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            return f"is {size / 1024 / 1024:.1f} MB: too large for a logo (keep it under 5 MB)"
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if not data:
        return "is empty"
    if path.suffix.lower() == ".png":
        return _png_problem(data)
    return _svg_problem(data)


def _png_problem(data: bytes) -> str | None:
    if not data.startswith(_PNG_SIGNATURE):
        return "is not a PNG image (its first bytes are not a PNG signature)"
    offset = len(_PNG_SIGNATURE)
    first = True
    while True:
        if offset + 8 > len(data):
            return "is a damaged PNG: it ends before its last chunk (IEND): cut short?"
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        end = offset + 12 + length
        if end > len(data):
            return f"is a damaged PNG: its {kind.decode('latin-1')!r} chunk is cut short"
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(kind + body) != crc:
            return f"is a damaged PNG: its {kind.decode('latin-1')!r} chunk fails its checksum"
        if first:
            if kind != b"IHDR" or length != 13:
                return "is a damaged PNG: it does not start with an image header (IHDR)"
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            if width == 0 or height == 0:
                return f"has no size ({width}x{height} pixels)"
            if width > MAX_LOGO_PIXELS or height > MAX_LOGO_PIXELS:
                return f"is {width}x{height} pixels: too large for a logo (keep it under {MAX_LOGO_PIXELS})"
            if depth not in _PNG_DEPTHS.get(colour_type, set()):
                return f"is a damaged PNG: colour type {colour_type} with {depth}-bit depth does not exist"
            first = False
        if kind == b"IEND":
            return None
        offset = end


def _svg_problem(data: bytes) -> str | None:
    # expat, with no external entities fetched and no entity declarations accepted at all: an SVG
    # logo needs neither, and they are the ways an XML file attacks its reader.
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root: list[tuple[str, dict[str, str]]] = []
    count = 0

    class _Refused(Exception):
        pass

    def refuse_entities(*_args: Any) -> None:
        raise _Refused("declares XML entities (<!ENTITY ...>): export it again as plain SVG")

    def refuse_external(*_args: Any) -> int:
        raise _Refused("refers to an external file through its DOCTYPE: export it again as plain SVG")

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_SVG_ELEMENTS:
            raise _Refused(f"has more than {MAX_SVG_ELEMENTS} elements: too complex for a logo")
        if not root:
            root.append((name, attributes))

    parser.EntityDeclHandler = refuse_entities
    parser.ExternalEntityRefHandler = refuse_external
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        return str(refused)
    except expat.ExpatError as exc:
        return f"is not a valid SVG file: {expat.ErrorString(exc.code)} at line {exc.lineno}"
    if not root:
        return "is not a valid SVG file: it has no elements"
    name, attributes = root[0]
    if name != f"{SVG_NAMESPACE} svg":
        found = name.split(" ")[-1]
        return f'is not an SVG image: its outer element is <{found}>, not <svg xmlns="{SVG_NAMESPACE}">'
    return _svg_size_problem(attributes)


_LENGTH = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(px|pt|pc|mm|cm|in|em|ex)?\s*$")


def _svg_size_problem(attributes: dict[str, str]) -> str | None:
    """An SVG is drawn at the size it declares: a positive width and height, or a viewBox."""
    view_box = attributes.get("viewBox")
    if view_box is not None:
        parts = view_box.replace(",", " ").split()
        try:
            numbers = [float(part) for part in parts]
        except ValueError:
            numbers = []
        if len(numbers) != 4:
            return f"has a viewBox that is not four numbers ('{view_box}')"
        if numbers[2] <= 0 or numbers[3] <= 0:
            return f"has no size: its viewBox '{view_box}' is {numbers[2]:g} by {numbers[3]:g}"
        return None
    sizes = []
    for dimension in ("width", "height"):
        written = attributes.get(dimension)
        match = _LENGTH.match(written or "")
        if not match:
            return (
                'has no size: give its <svg> a viewBox (e.g. viewBox="0 0 200 80") or a width and '
                "height in pixels"
            )
        sizes.append(float(match.group(1)))
    if min(sizes) <= 0:
        return f"has no size: its width and height are {sizes[0]:g} by {sizes[1]:g}"
    return None
