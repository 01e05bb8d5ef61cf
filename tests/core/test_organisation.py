"""The organisation's look (name, logo, accent) and per-language addresses: what validation accepts,
what it refuses and where it says so, and what the pages then show."""

from __future__ import annotations

import json
import re
import struct
import zlib

import pytest

from kiosk.cli import main
from kiosk.core.brand import AA_TEXT, accent_palette, contrast, nearest_passing, passes
from kiosk.core.handout import HandoutWords, handout_markdown
from kiosk.core.pages import Pages
from kiosk.core.problems import Severity

from .contentkit import (
    LOGO_SVG,
    ORGANISATION_ACCENT,
    ORGANISATION_NAME,
    ORGANISATION_NAME_AR,
    ContentFolder,
    add_arabic,
    add_organisation,
    only_error,
    tiny_png,
)


@pytest.fixture
def organised(content: ContentFolder) -> ContentFolder:
    add_organisation(content)
    return content


def test_an_organisation_with_logo_and_accent_is_valid_and_shown(organised: ContentFolder) -> None:
    result = organised.load()
    assert [p for p in result.problems if p.severity is Severity.ERROR] == []
    assert result.compiled is not None
    pages = Pages(result.compiled, organised.root)
    shown = pages.page("home", "en")["organisation"]
    assert shown["name"] == ORGANISATION_NAME
    assert shown["logoUrl"] == (organised.root / "images/logo.svg").resolve().as_uri()
    assert shown["accent"] == ORGANISATION_ACCENT
    # Every page carries it: the Theme's accent does not change as the visitor moves.
    assert pages.page("item/intro", "en")["organisation"] == shown
    assert pages.page("attract", "en")["organisation"] == shown
    assert "images/logo.svg" in result.referenced_files


def test_the_organisation_name_follows_the_language(organised: ContentFolder) -> None:
    add_arabic(organised)
    result = organised.load()
    assert result.compiled is not None
    pages = Pages(result.compiled, organised.root)
    assert pages.page("home", "ar")["organisation"]["name"] == ORGANISATION_NAME_AR
    assert pages.page("home", "en")["organisation"]["name"] == ORGANISATION_NAME


def test_without_an_organisation_nothing_is_shown_and_the_accent_is_the_kiosks(
    content: ContentFolder,
) -> None:
    result = content.load()
    assert result.compiled is not None
    shown = Pages(result.compiled, content.root).page("home", "en")["organisation"]
    assert shown == {"name": "", "logoUrl": "", "accent": "", "accentSoft": ""}


def test_the_organisation_needs_a_name_in_english(organised: ContentFolder) -> None:
    organised.replace("agenda.yaml", f"    en: {ORGANISATION_NAME}\n", "")
    error = only_error(organised.load())
    where = organised.line("agenda.yaml", f"ar: {ORGANISATION_NAME_AR}")
    assert (error.file, error.line, error.field) == ("agenda.yaml", where, "organisation.name")
    assert "needs an English text" in error.message


def test_a_logo_png_is_accepted(organised: ContentFolder) -> None:
    organised.replace("agenda.yaml", "logo: images/logo.svg", "logo: images/logo.png")
    organised.write_bytes("images/logo.png", tiny_png())
    assert organised.load().compiled is not None


def _png(width: int, height: int, *, corrupt_crc: bool = False, cut: int = 0, depth: int = 8) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) ^ (1 if corrupt_crc and kind == b"IHDR" else 0)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, depth, 0, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )
    return data[: len(data) - cut] if cut else data


SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg"'
BAD_LOGOS = [
    ("logo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "should be a logo file (.svg or .png), not '.jpg'"),
    ("logo.png", b"GIF89a" + b"\x00" * 32, "is not a valid PNG file"),
    ("logo.png", _png(0, 10), "has no size (0x10 pixels)"),
    ("logo.png", _png(10, 10, corrupt_crc=True), "damaged PNG: its 'IHDR' chunk fails its checksum"),
    ("logo.png", _png(10, 10, cut=20), "damaged PNG"),
    ("logo.png", _png(10, 10, depth=3), "colour type 0 with 3-bit depth does not exist"),
    (
        "logo.svg",
        f'{SVG_HEAD} viewBox="0 0 10 10"><rect></svg>'.encode(),
        "is not a valid SVG file: mismatched tag at line 1",
    ),
    (
        "logo.svg",
        f"{SVG_HEAD}><rect width='5' height='5'/></svg>".encode(),
        "has no size: give its <svg> a viewBox",
    ),
    (
        "logo.svg",
        f'{SVG_HEAD} width="0" height="40"/>'.encode(),
        "has no size: its width and height are 0 by 40",
    ),
    (
        "logo.svg",
        f'{SVG_HEAD} viewBox="0 0 100 0"/>'.encode(),
        "has no size: its viewBox '0 0 100 0' is 100 by 0",
    ),
    ("logo.svg", b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "its outer element is <html>"),
    (
        "logo.svg",
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        + f'{SVG_HEAD} viewBox="0 0 1 1"><text>&b;</text></svg>'.encode(),
        "declares XML entities",
    ),
    ("logo.svg", b"", "is empty"),
]


@pytest.mark.parametrize(("name", "data", "expected"), BAD_LOGOS, ids=[e for _n, _d, e in BAD_LOGOS])
def test_a_logo_the_kiosk_cannot_draw_is_refused_at_its_line(
    organised: ContentFolder, name: str, data: bytes, expected: str
) -> None:
    organised.replace("agenda.yaml", "logo: images/logo.svg", f"logo: images/{name}")
    organised.write_bytes(f"images/{name}", data)
    error = only_error(organised.load())
    line, column = organised.position("agenda.yaml", f"images/{name}")
    assert (error.file, error.line, error.column, error.field) == (
        "agenda.yaml",
        line,
        column,
        "organisation.logo",
    )
    assert expected in error.message
    assert f"images/{name}" in error.message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("../logo.svg", "points outside the content folder"),
        ("/etc/logo.svg", "must be relative to the content folder"),
        ("images/logos.svg", "file not found: 'images/logos.svg' (did you mean 'images/logo.svg'?)"),
    ],
)
def test_a_logo_outside_the_content_or_missing_is_refused(
    organised: ContentFolder, written: str, expected: str
) -> None:
    (organised.root.parent / "logo.svg").write_text(LOGO_SVG, encoding="utf-8")
    organised.replace("agenda.yaml", "logo: images/logo.svg", f"logo: {written}")
    error = only_error(organised.load())
    assert error.line == organised.line("agenda.yaml", "logo:")
    assert expected in error.message


def test_an_svg_with_a_public_doctype_and_only_width_and_height_is_accepted(organised: ContentFolder) -> None:
    # What drawing programs commonly export: a DOCTYPE naming the SVG 1.1 DTD (never fetched).
    organised.write(
        "images/logo.svg",
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        f'{SVG_HEAD} width="120px" height="40"><rect width="120" height="40"/></svg>\n',
    )
    assert organised.load().compiled is not None


def test_a_faint_accent_is_refused_with_its_ratio_and_a_colour_that_passes(organised: ContentFolder) -> None:
    organised.replace("agenda.yaml", f'accent: "{ORGANISATION_ACCENT}"', 'accent: "#7FB3E0"')
    error = only_error(organised.load())
    line, column = organised.position("agenda.yaml", '"#7FB3E0"')
    assert (error.line, error.column, error.field) == (line, column, "organisation.accent")
    measured = round(contrast("#7FB3E0", "#F4F5F7"), 2)
    assert f"only {measured:.2f}:1" in error.message
    assert "#F4F5F7 (the page background)" in error.message
    assert "at least 4.5:1 (WCAG AA)" in error.message
    suggested = re.search(r"try '(#[0-9A-F]{6})', the nearest darker colour that passes", error.message)
    assert suggested, error.message
    # The suggestion really passes: written in its place, the content validates.
    organised.replace("agenda.yaml", '"#7FB3E0"', f'"{suggested.group(1)}"')
    assert organised.load().compiled is not None


def test_an_accent_too_close_to_its_own_tint_is_refused(organised: ContentFolder) -> None:
    # Pure red reaches 4:1 on white but is drawn on its own pale tint too (pressed buttons).
    organised.replace("agenda.yaml", f'accent: "{ORGANISATION_ACCENT}"', 'accent: "#FF0000"')
    error = only_error(organised.load())
    tint = accent_palette("#FF0000")["accentSoft"]
    assert f"only {int(contrast('#FF0000', tint) * 100) / 100:.2f}:1" in error.message
    assert f"on {tint} (its own light tint" in error.message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("accent: '#0B6E4'", "'#0B6E4' is not a colour: write it as #RRGGBB"),
        ("accent: green", "'green' is not a colour"),
        ("accent: #0B6E4F", "no colour given: put it in quotes"),
    ],
)
def test_an_accent_that_is_no_colour_is_refused_at_its_line(
    organised: ContentFolder, written: str, expected: str
) -> None:
    organised.replace("agenda.yaml", f'accent: "{ORGANISATION_ACCENT}"', written)
    error = only_error(organised.load())
    assert error.line == organised.line("agenda.yaml", "accent:")
    assert error.field == "organisation.accent"
    assert expected in error.message


def test_the_contrast_check_measures_as_wcag_does() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert passes(ORGANISATION_ACCENT)
    assert passes("#0A4F8F")  # the kiosk's own blue
    assert not passes("#FFD84D")
    # A suggestion keeps the hue and really reaches 4.5:1 on every background.
    better = nearest_passing("#FFD84D")
    assert better is not None and passes(better)
    assert contrast(better, "#FFFFFF") >= AA_TEXT


# -- addresses, one per language ------------------------------------------------------------------

PER_LANGUAGE_LINK = """\
  - id: office
    kind: link
    title: Our office
    url:
      en: https://example.org/en/office
      ar: https://example.org/ar/office
"""


def test_the_qr_code_and_address_follow_the_visitors_language(content: ContentFolder) -> None:
    add_arabic(content)
    content.write("sections/10-one.yaml", content.read("sections/10-one.yaml") + PER_LANGUAGE_LINK)
    result = content.load()
    assert result.compiled is not None, [str(p) for p in result.problems]
    pages = Pages(result.compiled, content.root)
    arabic = pages.page("item/office", "ar")
    english = pages.page("item/office", "en")
    assert (arabic["qrUrl"], arabic["displayUrl"]) == (
        "https://example.org/ar/office",
        "example.org/ar/office",
    )
    assert (english["qrUrl"], english["displayUrl"]) == (
        "https://example.org/en/office",
        "example.org/en/office",
    )


def test_an_address_falls_back_to_english_then_the_first_given(content: ContentFolder) -> None:
    content.write(
        "sections/10-one.yaml",
        content.read("sections/10-one.yaml")
        + PER_LANGUAGE_LINK
        + "  - id: local\n    kind: link\n    title: Local\n    url:\n      ar: https://example.org/ar\n"
        "      es: https://example.org/es\n",
    )
    result = content.load()
    assert result.compiled is not None, [str(p) for p in result.problems]
    pages = Pages(result.compiled, content.root)
    assert pages.page("item/office", "fr")["qrUrl"] == "https://example.org/en/office"
    assert pages.page("item/local", "fr")["qrUrl"] == "https://example.org/ar"
    assert pages.page("item/local", "en")["url"] == "https://example.org/ar"


def test_a_sources_address_may_be_one_per_language(content: ContentFolder) -> None:
    content.replace(
        "agenda.yaml",
        "  url: https://example.org/agenda\n",
        "  url:\n    en: https://example.org/agenda\n    fr: https://example.org/fr/agenda\n",
    )
    result = content.load()
    assert result.compiled is not None
    pages = Pages(result.compiled, content.root)
    # The article has no address of its own: the agenda's source, in the visitor's language.
    assert pages.page("item/intro", "fr")["qrUrl"] == "https://example.org/fr/agenda"
    assert pages.page("item/intro", "fr")["sourceUrl"] == "https://example.org/fr/agenda"
    assert pages.page("item/intro", "en")["qrUrl"] == "https://example.org/agenda"
    markdown = handout_markdown(result.compiled, "fr")
    assert "https://example.org/fr/agenda" in markdown


@pytest.mark.parametrize(
    ("url_block", "marker", "expected"),
    [
        (
            "    url:\n      en: https://example.org/en\n      fr: example.org/fr\n",
            "example.org/fr",
            "'example.org/fr' is not a web address (it should start with https://)",
        ),
        (
            "    url:\n      english: https://example.org/en\n",
            "english:",
            "'english' is not a language code",
        ),
        ("    url: {}\n", "{}", "give an address, or one address per language"),
        ("    url: [https://example.org]\n", "[https", "expected a web address, or one address per language"),
    ],
)
def test_a_bad_per_language_address_is_reported_at_its_line(
    content: ContentFolder, url_block: str, marker: str, expected: str
) -> None:
    content.replace("sections/10-one.yaml", "    url: https://example.org/site\n", url_block)
    error = only_error(content.load())
    assert error.file == "sections/10-one.yaml"
    assert error.line == content.line("sections/10-one.yaml", marker)
    assert error.field.startswith("items[3].url")
    assert expected in error.message


def test_the_schema_shows_both_forms_of_an_address_and_the_organisation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema"]) == 0
    definitions = json.loads(capsys.readouterr().out)["$defs"]
    link_url = definitions["Link"]["properties"]["url"]
    forms = {form["type"] for form in link_url["anyOf"]}
    assert forms == {"string", "object"}
    organisation = definitions["Organisation"]
    assert set(organisation["properties"]) == {"name", "logo", "accent"}
    assert organisation["properties"]["accent"]["anyOf"][0]["pattern"] == "^#[0-9A-Fa-f]{6}$"
    assert "organisation" in definitions["Agenda"]["properties"]


# -- the handout's words ---------------------------------------------------------------------------


def test_the_handout_credits_the_content_and_names_the_app_only_as_its_tool(organised: ContentFolder) -> None:
    result = organised.load()
    assert result.compiled is not None
    markdown = handout_markdown(result.compiled, "en", logo_url="kiosk-logo:organisation")
    first_lines = markdown.split("\n\n")[:3]
    assert first_lines == [
        f"![{ORGANISATION_NAME}](kiosk-logo:organisation)",
        f"**{ORGANISATION_NAME}**",
        "# Test agenda",
    ]
    footer = markdown.rstrip().splitlines()[-1]
    assert footer == (
        f"*Content by {ORGANISATION_NAME}, version 1.0. Source: Test source. "
        "Printed with Fair Migration Kiosk.*"
    )


def test_a_handout_without_an_organisation_credits_the_version_and_source(content: ContentFolder) -> None:
    result = content.load()
    assert result.compiled is not None
    markdown = handout_markdown(result.compiled, "en", words=HandoutWords())
    assert markdown.rstrip().endswith(
        "*Content version 1.0. Source: Test source. Printed with Fair Migration Kiosk.*"
    )
    assert "kiosk's own words" not in markdown


def test_the_handout_gives_what_the_content_says_of_its_source(content: ContentFolder) -> None:
    content.replace(
        "agenda.yaml",
        "  url: https://example.org/agenda\n",
        "  url: https://example.org/agenda\n  note: Summarised in our own words.\n",
    )
    result = content.load()
    assert result.compiled is not None
    markdown = handout_markdown(result.compiled, "en")
    assert "*Source: Test source — https://example.org/agenda. Summarised in our own words.*" in markdown
